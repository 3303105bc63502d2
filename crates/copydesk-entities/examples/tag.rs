//! Tags the text given on the command line (or stdin) and prints the entities.
use std::io::Read;

fn main() {
    let mut text: String = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        std::io::stdin()
            .read_to_string(&mut text)
            .expect("read stdin");
    }
    let t0 = std::time::Instant::now();
    let tagger = copydesk_entities::EntityTagger::new();
    let ents = tagger.tag_text(&text);
    eprintln!(
        "({:.1} ms incl. model load)",
        t0.elapsed().as_secs_f64() * 1e3
    );
    for e in ents {
        println!("{:>8} {:.3} {}", e.label.as_str(), e.score, e.text(&text));
    }
}
