//! Tone scoring throughput over the news corpus: per-sentence scoring (tokens and
//! sentences given) and whole-document scoring (`score`: tokenizing and splitting included).

use std::hint::black_box;

use copydesk_benches::{news_corpus, total_bytes};
use copydesk_sentences::split_sentences;
use copydesk_tone::ToneScorer;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn tone(c: &mut Criterion) {
    let texts = news_corpus();
    let bytes = total_bytes(&texts);
    let scorer = ToneScorer::new();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| (copydesk_tokenize::tokenize(t), split_sentences(t)))
        .collect();

    let mut g = c.benchmark_group("tone/sentences");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("score_sentence", |b| {
        b.iter(|| {
            let mut sum = 0.0;
            for (text, (tokens, sentences)) in texts.iter().zip(&prepared) {
                for s in sentences {
                    let a = tokens.partition_point(|t| t.start < s.start);
                    let e = tokens.partition_point(|t| t.end <= s.end);
                    sum += scorer.score_sentence(text, &tokens[a..e]).compound;
                }
            }
            black_box(sum)
        })
    });
    g.bench_function("score_document", |b| {
        b.iter(|| {
            let mut sum = 0.0;
            for (text, (tokens, sentences)) in texts.iter().zip(&prepared) {
                sum += scorer
                    .score_document(text, tokens, sentences)
                    .document
                    .compound;
            }
            black_box(sum)
        })
    });
    g.finish();

    let mut g = c.benchmark_group("tone/documents");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("score", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| scorer.score(black_box(t)).compound)
                .sum::<f64>()
        })
    });
    g.bench_function("tokenize_only", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| copydesk_tokenize::tokenize(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, tone);
criterion_main!(benches);
