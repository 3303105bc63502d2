//! Layout robustness on the news corpus (reads `../shared`; skipped visibly
//! when absent, failed under `CI=true`):
//! hard-wrapping an article must not change its sentences, and a title put on the line
//! above the body must come out as a sentence of its own.

mod common;

use copydesk_sentences::split_sentences;

/// Greedy hard wrap at `width` columns, paragraphs (blank lines) kept.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for (i, par) in text.split("\n\n").enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        let mut line = 0;
        for (j, w) in par.split_whitespace().enumerate() {
            let len = w.chars().count();
            if j > 0 {
                if line + 1 + len > width {
                    out.push('\n');
                    line = 0;
                } else {
                    out.push(' ');
                    line += 1;
                }
            }
            out.push_str(w);
            line += len;
        }
    }
    out
}

fn normalized(text: &str) -> Vec<String> {
    split_sentences(text)
        .iter()
        .map(|s| {
            s.text(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn articles() -> Option<Vec<(String, String)>> {
    let raw = common::read_shared("corpus/news-1mb.jsonl")?;
    Some(
        raw.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| {
                Some((
                    v["title"].as_str()?.to_owned(),
                    v["text"].as_str()?.to_owned(),
                ))
            })
            .take(300)
            .collect(),
    )
}

#[test]
fn hard_wrapping_keeps_sentences() {
    let Some(docs) = articles() else {
        return;
    };
    for width in [45, 72] {
        let (mut same, mut total) = (0, 0);
        for (_, text) in &docs {
            let plain: String = text
                .split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n\n");
            let a = normalized(&plain);
            let b = normalized(&wrap(&plain, width));
            total += 1;
            if a == b {
                same += 1;
            } else if std::env::var_os("COPYDESK_SHOW_ERRORS").is_some() {
                let d: Vec<_> = b.iter().filter(|s| !a.contains(s)).collect();
                println!("WRAP {d:?}");
            }
        }
        let share = same as f64 / total as f64;
        println!("hard-wrapped at {width} columns: {same}/{total} articles split identically");
        assert!(share >= 0.97, "{share:.3} at {width} columns");
    }
}

#[test]
fn title_line_is_a_sentence() {
    let Some(docs) = articles() else {
        return;
    };
    let (mut ok, mut total) = (0, 0);
    for (title, text) in &docs {
        let title = title.trim();
        if title.is_empty() || title.ends_with(['.', '!', '?']) {
            continue;
        }
        for sep in ["\n", "\n\n"] {
            let doc = format!("{title}{sep}{text}");
            let first = normalized(&doc).into_iter().next().unwrap_or_default();
            total += 1;
            if first == title.split_whitespace().collect::<Vec<_>>().join(" ") {
                ok += 1;
            } else if std::env::var_os("COPYDESK_SHOW_ERRORS").is_some() {
                println!("TITLE {sep:?} {first:?}");
            }
        }
    }
    println!("title line above the body: {ok}/{total} split off");
    assert!(ok as f64 >= 0.97 * total as f64, "{ok}/{total}");
}
