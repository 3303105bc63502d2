//! Python bindings for copydesk (module `copydesk._copydesk`).
