//! Entity tagging throughput over the news corpus (tokens/s, one core).

use std::hint::black_box;

use copydesk_benches::news_corpus;
use copydesk_entities::EntityTagger;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let texts = news_corpus();
    let tagger = EntityTagger::new();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let toks = copydesk_tokenize::tokenize(t);
            let sents = copydesk_sentences::SentenceSplitter::default().split(t, &toks);
            (t.as_str(), toks, sents)
        })
        .collect();
    let ntok: u64 = prepared.iter().map(|p| p.1.len() as u64).sum();
    let mut g = c.benchmark_group("entities");
    g.sample_size(10);
    g.throughput(Throughput::Elements(ntok));
    g.bench_function("tag (pre-tokenized)", |b| {
        b.iter(|| {
            for (t, toks, sents) in &prepared {
                black_box(tagger.tag(t, toks, sents));
            }
        })
    });
    g.bench_function("tag_text (tokenize + split + tag)", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(tagger.tag_text(t));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
