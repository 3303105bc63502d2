//! Replays every input saved by the fuzzers under `fuzz/regressions/<target>/` through its
//! target's checks (exactly what the fuzzer runs) and through the full pipeline, alone and
//! as one batch. Plus a smoke run of every target on a few edge inputs.

use std::path::Path;

use copydesk_testkit::invariants::{check_batch, check_text};
use copydesk_testkit::targets;

#[test]
fn fuzz_regressions_replay() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .flatten()
        .filter(|e| e.path().is_dir())
        .collect();
    dirs.sort_by_key(|e| e.file_name());
    let mut texts = Vec::new();
    for dir in dirs {
        let name = dir.file_name().to_string_lossy().into_owned();
        let target = targets::by_name(&name)
            .unwrap_or_else(|| panic!("fuzz/regressions/{name}: no fuzz target of that name"));
        let mut files: Vec<_> = std::fs::read_dir(dir.path())
            .expect("readable directory")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for path in files {
            let bytes = std::fs::read(&path).expect("readable input");
            // The targets ignore input that is not UTF-8, as the fuzzers do.
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            eprintln!("replaying {}", path.display());
            target(&text);
            check_text(&text);
            texts.push(text);
        }
    }
    assert!(
        !texts.is_empty(),
        "no saved fuzz input found under {}",
        root.display()
    );
    check_batch(&texts);
}

#[test]
fn every_target_on_edge_inputs() {
    for text in [
        "",
        " ",
        "Mr. Smith said: \"Hello.\" Then he left.",
        "\u{0}\u{301}\u{301}",
    ] {
        targets::target_tokenize(text);
        targets::target_sentences(text);
        targets::target_entities(text);
        targets::target_tone(text);
        targets::target_pipeline(text);
    }
    targets::target_entities("new york\u{1e}I love New York.");
    targets::target_pipeline("One.\u{1e}Two. Three.\u{1e}");
}
