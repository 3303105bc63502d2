//! Pathological inputs through the full pipeline and the tokenizer alone, at 0.8 MB and
//! 8 MB, plus a linear-scaling check (time at 8 MB must be at most 10× the time at 0.8 MB).
//!
//! Full run (release): `cargo bench -p copydesk-benches --bench pathological` — criterion
//! groups `pathological/pipeline/<size>` and `pathological/tokenize/<size>`, then the
//! scaling table on stderr (the bench fails if a ratio exceeds 10).
//! In test mode (`cargo test -p copydesk-benches --benches`) every input is only 8 KB and
//! runs once; no 8 MB input is built.

use std::hint::black_box;
use std::time::{Duration, Instant};

use copydesk::Pipeline;
use copydesk_tokenize::Tokenizer;
use criterion::{BenchmarkId, Criterion, Throughput};

/// 0.8 MB, the small size of the scaling check.
const SMALL: usize = 800_000;
/// 8 MB, the large size.
const LARGE: usize = 8_000_000;
/// The size used in test mode.
const TEST: usize = 8_000;
/// Largest allowed time ratio between the 8 MB and the 0.8 MB run.
const MAX_RATIO: f64 = 10.0;

/// A pathological input kind: its name and a generator for (about) `size` bytes.
struct Kind {
    name: &'static str,
    make: fn(usize) -> String,
}

/// Repeats `unit` until the string holds `size` bytes (never splitting a char).
fn fill(unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + 8);
    'outer: loop {
        for c in unit.chars() {
            if s.len() + c.len_utf8() > size {
                break 'outer;
            }
            s.push(c);
        }
    }
    s
}

const KINDS: &[Kind] = &[
    Kind {
        name: "no-whitespace",
        make: |n| {
            fill(
                "Thequickbrownfox,jumped.Over(the)lazy\"dog\"!Mr.Smith's$3.50-deal;",
                n,
            )
        },
    },
    Kind {
        name: "one-huge-sentence",
        make: |n| {
            fill(
                "the minister said that the talks with Russia, which failed, ",
                n,
            )
        },
    },
    // 8 bytes per abbreviation: 100k of them in 0.8 MB.
    Kind {
        name: "abbreviations",
        make: |n| fill("Mr. Lee ", n),
    },
    // 8 bytes per quote mark, never closed: 100k in 0.8 MB.
    Kind {
        name: "unbalanced-quotes",
        make: |n| fill("\"said \u{201c}x ", n),
    },
    Kind {
        name: "open-parens",
        make: |n| fill("(", n),
    },
    Kind {
        name: "nul-and-control",
        make: |n| {
            fill(
                "\u{0}a\u{1}\u{7}b\u{1b}[0m\u{8}\u{7f}\r\u{0}\u{c}\u{85}\u{2028}",
                n,
            )
        },
    },
    Kind {
        name: "combining-marks",
        make: |n| {
            let mut s = String::from("e");
            s.push_str(&fill("\u{301}", n - 1));
            s
        },
    },
    Kind {
        name: "rtl-arabic-hebrew",
        make: |n| {
            fill(
                "قال الوزير إن المحادثات فشلت. \u{200f}אמר השר כי השיחות נכשלו. \"مرحبا\" ",
                n,
            )
        },
    },
    Kind {
        name: "cjk",
        make: |n| {
            fill(
                "東京で首脳会談が開かれた。「合意はない」と述べた。北京的会谈失败了！",
                n,
            )
        },
    },
];

/// True when criterion runs real benchmarks (`cargo bench`), false in test/list mode.
fn full_mode() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test" || a == "--list")
}

fn bench_size(c: &mut Criterion, pipeline: &Pipeline, size: usize, label: &str) {
    let tokenizer = Tokenizer::default();
    let inputs: Vec<(&str, String)> = KINDS.iter().map(|k| (k.name, (k.make)(size))).collect();
    let mut g = c.benchmark_group(format!("pathological/pipeline/{label}"));
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(if size >= LARGE { 10 } else { 3 }));
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| pipeline.analyze(black_box(t)).tokens.len())
        });
    }
    g.finish();
    let mut g = c.benchmark_group(format!("pathological/tokenize/{label}"));
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(300));
    g.measurement_time(Duration::from_secs(2));
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| tokenizer.tokens(black_box(t)).count())
        });
    }
    g.finish();
}

/// Best of `runs` wall-clock times of `f`.
fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Times each input at 0.8 MB (best of 3) and 8 MB (best of 2) through the pipeline and the
/// tokenizer, prints the ratios and returns the names of the inputs over [`MAX_RATIO`].
fn scaling_check(pipeline: &Pipeline) -> Vec<String> {
    let tokenizer = Tokenizer::default();
    let mut failures = Vec::new();
    eprintln!("\nlinear-scaling check (time 8 MB / time 0.8 MB, must be <= {MAX_RATIO}):");
    eprintln!(
        "{:<20} {:>14} {:>14} {:>7}   {:>12} {:>12} {:>7}",
        "input", "pipeline 0.8MB", "8MB", "ratio", "tok 0.8MB", "8MB", "ratio"
    );
    for k in KINDS {
        let small = (k.make)(SMALL);
        let large = (k.make)(LARGE);
        let p_small = best_of(3, || drop(black_box(pipeline.analyze(&small))));
        let p_large = best_of(2, || drop(black_box(pipeline.analyze(&large))));
        let t_small = best_of(3, || {
            black_box(tokenizer.tokens(&small).count());
        });
        let t_large = best_of(2, || {
            black_box(tokenizer.tokens(&large).count());
        });
        let p_ratio = p_large.as_secs_f64() / p_small.as_secs_f64();
        let t_ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
        eprintln!(
            "{:<20} {:>12.1}ms {:>12.1}ms {:>7.2}   {:>10.1}ms {:>10.1}ms {:>7.2}",
            k.name,
            p_small.as_secs_f64() * 1e3,
            p_large.as_secs_f64() * 1e3,
            p_ratio,
            t_small.as_secs_f64() * 1e3,
            t_large.as_secs_f64() * 1e3,
            t_ratio
        );
        if p_ratio > MAX_RATIO || t_ratio > MAX_RATIO {
            failures.push(k.name.to_owned());
        }
    }
    failures
}

fn main() {
    let pipeline = Pipeline::new();
    let mut c = Criterion::default().configure_from_args();
    if full_mode() {
        bench_size(&mut c, &pipeline, SMALL, "0.8MB");
        bench_size(&mut c, &pipeline, LARGE, "8MB");
        c.final_summary();
        let failures = scaling_check(&pipeline);
        assert!(failures.is_empty(), "super-linear inputs: {failures:?}");
    } else {
        bench_size(&mut c, &pipeline, TEST, "8KB");
        c.final_summary();
    }
}
