//! Dumps every entity (offsets, label, score bits) for the dev documents and the 1 MB
//! news sample, to compare outputs across speed changes.
use copydesk_entities::EntityTagger;

fn main() {
    let base = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
    let tagger = EntityTagger::new();
    let raw = std::fs::read_to_string(format!("{base}/corpus/news-1mb.jsonl")).expect("news");
    let mut texts: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let dev = std::fs::read_to_string(format!("{base}/ner/conll2003/dev.conll")).expect("dev");
    let mut doc = String::new();
    for line in dev.lines() {
        if line.starts_with("-DOCSTART-") {
            if !doc.is_empty() {
                texts.push(std::mem::take(&mut doc));
            }
            continue;
        }
        match line.split(' ').next() {
            Some(w) if !w.is_empty() => {
                doc.push_str(w);
                doc.push(' ');
            }
            _ => doc.push('\n'),
        }
    }
    texts.push(doc);
    for (d, t) in texts.iter().enumerate() {
        for e in tagger.tag_text(t) {
            println!(
                "{d}\t{}\t{}\t{:?}\t{:08x}",
                e.start,
                e.end,
                e.label,
                e.score.to_bits()
            );
        }
    }
}
