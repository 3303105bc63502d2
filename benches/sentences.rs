//! Sentence splitting throughput: tokenize + split over the news corpus, split alone on
//! pre-computed tokens, and pathological inputs (must stay linear).

use std::hint::black_box;

use copydesk_benches::{news_corpus, total_bytes};
use copydesk_sentences::SentenceSplitter;
use copydesk_tokenize::Tokenizer;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn news(c: &mut Criterion) {
    let texts = news_corpus();
    let tok = Tokenizer::default();
    let sp = SentenceSplitter::new();
    let mut g = c.benchmark_group("sentences/news");
    g.throughput(Throughput::Bytes(total_bytes(&texts)));
    g.bench_function("tokenize+split", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| sp.split(t, &tok.tokenize(black_box(t))).len())
                .sum::<usize>()
        })
    });
    let tokens: Vec<_> = texts.iter().map(|t| tok.tokenize(t)).collect();
    g.bench_function("split only", |b| {
        b.iter(|| {
            texts
                .iter()
                .zip(&tokens)
                .map(|(t, k)| sp.split(black_box(t), k).len())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenize only", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tok.tokenize(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn pathological(c: &mut Criterion) {
    let cases = [
        ("mr-repeated-1mb", "Mr. ".repeat(262_144)),
        ("no-terminal-1mb", "word and more words ".repeat(52_429)),
        ("blank-lines-100k", "\n".repeat(100_000)),
        ("dots-1mb", ". ".repeat(524_288)),
    ];
    let tok = Tokenizer::default();
    let sp = SentenceSplitter::new();
    let mut g = c.benchmark_group("sentences/pathological");
    g.sample_size(10);
    for (name, text) in &cases {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| sp.split(text, &tok.tokenize(black_box(text))).len())
        });
    }
    g.finish();
}

criterion_group!(benches, news, pathological);
criterion_main!(benches);
