//! copydesk entities component (being built).
