//! Fuzz target `tokenize`: see `copydesk_fuzz::target_tokenize` for the invariants asserted.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        copydesk_fuzz::target_tokenize(text);
    }
});
