//! Tokenizer throughput against unicode-segmentation and a regex baseline.

use std::hint::black_box;

use copydesk_benches::{news_corpus, total_bytes};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

fn news(c: &mut Criterion) {
    let texts = news_corpus();
    let mut g = c.benchmark_group("tokenize/news");
    g.throughput(Throughput::Bytes(total_bytes(&texts)));
    let tok = copydesk_tokenize::Tokenizer::default();
    g.bench_function("copydesk", |b| {
        b.iter(|| texts.iter().map(|t| tok.tokens(t).count()).sum::<usize>())
    });
    g.bench_function("unicode-segmentation", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| {
                    t.split_word_bound_indices()
                        .filter(|(_, w)| !w.trim().is_empty())
                        .count()
                })
                .sum::<usize>()
        })
    });
    let re = regex::Regex::new(r"\w+|[^\w\s]").expect("valid regex");
    g.bench_function("regex", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| re.find_iter(black_box(t)).count())
                .sum::<usize>()
        })
    });
    g.finish();
}

/// Inputs that defeat naive tokenizers: 10 MB without whitespace, 1 MB of `.`, 1 MB of
/// one emoji repeated. Linear work keeps their throughput close to normal text.
fn pathological(c: &mut Criterion) {
    let no_space: String = "abc.def-ghi'jkl,mn@op#qr1,234.5/6:7x"
        .chars()
        .cycle()
        .take(10_000_000)
        .collect();
    let dots = ".".repeat(1_000_000);
    let emoji = "\u{1F44D}\u{1F3FD}".repeat(1_000_000 / 8);
    let mut g = c.benchmark_group("tokenize/pathological");
    g.sample_size(10);
    let tok = copydesk_tokenize::Tokenizer::default();
    for (name, text) in [
        ("10mb-no-whitespace", &no_space),
        ("1mb-dots", &dots),
        ("1mb-emoji", &emoji),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| tok.tokens(black_box(text)).count()));
    }
    g.finish();
}

criterion_group!(benches, news, pathological);
criterion_main!(benches);
