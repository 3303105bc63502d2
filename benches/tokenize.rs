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

criterion_group!(benches, news);
criterion_main!(benches);
