//! Fuzz target `sentences`: see `copydesk_fuzz::target_sentences` for the invariants asserted.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        copydesk_fuzz::target_sentences(text);
    }
});
