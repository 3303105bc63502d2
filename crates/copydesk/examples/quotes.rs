//! Prints the quotations, speakers and entity groups of text files:
//! `cargo run --release -p copydesk --example quotes -- FILE...`

fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let doc = copydesk::analyze(&text);
        println!("== {path}");
        for q in &doc.quotes {
            println!(
                "  {:?} — {} ({}) tone {:+.2}",
                q.text(&doc.text),
                q.speaker_name.as_deref().unwrap_or("?"),
                q.cue,
                q.tone.compound
            );
        }
        for g in &doc.entity_groups {
            let mentions: Vec<&str> = g
                .mentions
                .iter()
                .map(|&i| doc.slice(doc.entities[i].start, doc.entities[i].end))
                .collect();
            println!("  [{}] {} ← {:?}", g.label.as_str(), g.canonical, mentions);
        }
    }
}
