//! copydesk sentences component (being built).
