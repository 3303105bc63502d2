//! pySBD's English Golden Rules (reads `../shared`; skipped visibly when
//! absent, failed under `CI=true`). A rule passes
//! when the sentence list, each whitespace-stripped and empty ones dropped, equals the
//! expected list exactly (pySBD's scoring).

mod common;

use copydesk_sentences::split_sentences;

#[test]
fn golden_rules_en() {
    let Some(raw) = common::read_shared("sentences/golden_rules_en.jsonl") else {
        return;
    };
    let mut passed = 0;
    let mut total = 0;
    let mut failures = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
        let text = v["text"].as_str().expect("text");
        let want: Vec<&str> = v["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s.as_str().expect("string").trim())
            .filter(|s| !s.is_empty())
            .collect();
        let got: Vec<&str> = split_sentences(text)
            .iter()
            .map(|s| s.text(text).trim())
            .filter(|s| !s.is_empty())
            .collect();
        total += 1;
        if got == want {
            passed += 1;
        } else {
            failures.push(format!("{}: got {got:?}\n    want {want:?}", v["id"]));
        }
    }
    println!("golden rules: {passed}/{total}");
    for f in &failures {
        println!("  {f}");
    }
    assert_eq!(total, 48);
    assert!(passed >= 48, "{passed}/{total} golden rules");
}
