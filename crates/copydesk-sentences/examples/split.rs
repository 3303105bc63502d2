//! Prints the sentences of a text file (or stdin), one per line.
//!
//! `cargo run --release -p copydesk-sentences --example split -- FILE`

use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path).expect("readable UTF-8 file"),
        None => {
            std::io::stdin()
                .read_to_string(&mut text)
                .expect("UTF-8 input");
        }
    }
    for s in copydesk_sentences::split_sentences(&text) {
        println!("{}", s.text(&text).replace('\n', "\u{23CE}"));
    }
}
