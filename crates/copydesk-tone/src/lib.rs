//! copydesk tone component (being built).
