//! Trains the copydesk entity model (averaged structured perceptron) on CoNLL-2003 (and, with
//! `--extra`, other labelled text). The full rebuild command of the committed model is in
//! `crates/copydesk-entities/model/README.md`; the smallest:
//!
//! ```text
//! cargo run --release -p copydesk-train --bin train -- \
//!     --train ../shared/data/ner/conll2003/train.conll \
//!     --dev ../shared/data/ner/conll2003/dev.conll \
//!     --corpus ../shared/data/corpus/news.jsonl \
//!     --out crates/copydesk-entities/model/ner.bin
//! ```
//!
//! Deterministic: fixed shuffling seed, single-threaded. Selects the epoch count on dev.

use std::time::Instant;

use copydesk_entities::lists::NameLists;
use copydesk_train::corpus::{self, Format};
use copydesk_train::entities::{self, Clusters, Doc, Model, Perceptron, Prepared, Projection, Rng};

struct Args {
    train: String,
    dev: String,
    out: String,
    corpus: Option<String>,
    epochs: usize,
    prune: f32,
    clusters: usize,
    classes: usize,
    views: Vec<u16>,
    seed: u64,
    drop: u16,
    stack: bool,
    gaz_folds: usize,
    ensemble: usize,
    history: bool,
    resplit: bool,
    extra: Vec<String>,
    adapt: Vec<u8>,
    lists: Option<String>,
}

fn parse_args() -> Args {
    let mut a = Args {
        train: "../shared/data/ner/conll2003/train.conll".into(),
        dev: "../shared/data/ner/conll2003/dev.conll".into(),
        out: "crates/copydesk-entities/model/ner.bin".into(),
        corpus: None,
        epochs: 12,
        prune: 0.05,
        clusters: 0,
        classes: 0,
        views: vec![0],
        seed: 0,
        drop: 0,
        stack: false,
        gaz_folds: 10,
        ensemble: 1,
        history: true,
        resplit: false,
        extra: Vec::new(),
        adapt: Vec::new(),
        lists: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_default();
        match k.as_str() {
            "--train" => a.train = v,
            "--dev" => a.dev = v,
            "--out" => a.out = v,
            "--corpus" => a.corpus = Some(v),
            "--epochs" => a.epochs = v.parse().expect("--epochs N"),
            "--prune" => a.prune = v.parse().expect("--prune X"),
            "--clusters" => a.clusters = v.parse().expect("--clusters N"),
            "--drop" => a.drop = v.parse().expect("--drop BITS"),
            "--seed" => a.seed = v.parse().expect("--seed N"),
            "--views" => a.views = numbers(&v, "--views B,B,... (feature groups dropped)"),
            "--classes" => a.classes = v.parse().expect("--classes N (0 = PPMI clusters)"),
            "--gaz-folds" => a.gaz_folds = v.parse().expect("--gaz-folds N (0 = no gazetteer)"),
            "--ensemble" => a.ensemble = v.parse().expect("--ensemble N"),
            "--history" => a.history = v.parse().expect("--history true|false"),
            "--resplit" => a.resplit = v.parse().expect("--resplit true|false"),
            "--extra" => a.extra = v.split(',').map(str::to_owned).collect(),
            "--lists" => a.lists = Some(v),
            "--adapt" => a.adapt = numbers(&v, "--adapt D,D,... (corpus domains)"),
            "--stack" => a.stack = v.parse().expect("--stack true|false"),
            _ => panic!("unknown argument {k}"),
        }
    }
    a
}

fn main() {
    let args = parse_args();
    let t0 = Instant::now();
    let mut train =
        corpus::read_conll(&std::fs::read_to_string(&args.train).expect("read --train"));
    let dev = corpus::read_conll(&std::fs::read_to_string(&args.dev).expect("read --dev"));
    eprintln!("train docs {} dev docs {}", train.len(), dev.len());
    for path in &args.extra {
        let raw = std::fs::read_to_string(path).expect("read --extra");
        let mut docs = corpus::read(&raw, Format::from_path(path));
        // Only the corpora named by --adapt get feature copies of their own.
        for d in &mut docs {
            if !args.adapt.contains(&d.domain) {
                d.domain = 0;
            }
        }
        eprintln!("extra {path}: {} docs", docs.len());
        train.extend(docs);
    }
    let mut clusters = match &args.corpus {
        Some(path) if args.clusters > 0 => {
            let raw = std::fs::read_to_string(path).expect("read --corpus");
            let c = entities::learn_clusters_with(&raw, args.clusters, args.classes);
            eprintln!(
                "clusters: {} words, casing for {} in {:.1}s",
                c.len(),
                c.casing_len(),
                t0.elapsed().as_secs_f64()
            );
            c
        }
        _ => Default::default(),
    };
    if let Some(path) = &args.lists {
        let lists = NameLists::from_tsv(&std::fs::read_to_string(path).expect("read --lists"));
        eprintln!("name lists: {} keys", lists.len());
        clusters.set_lists(lists);
    }
    let mut stats = Projection::default();
    let prepared = if args.gaz_folds > 0 {
        let (prepared, gaz) = entities::prepare_jackknifed_view(
            &train,
            &clusters,
            &mut stats,
            args.gaz_folds,
            0,
            args.drop,
        );
        eprintln!(
            "gazetteer: {} keys, {}-fold jackknifed ({:.1}s)",
            gaz.len(),
            args.gaz_folds,
            t0.elapsed().as_secs_f64()
        );
        clusters.set_gazetteer(gaz);
        prepared
    } else {
        entities::prepare(&train, &clusters, &mut stats)
    };
    eprintln!(
        "projection: {} gold entities, {} not on our token boundaries ({:.2}%)",
        stats.total,
        stats.mismatched,
        100.0 * stats.mismatched as f64 / stats.total.max(1) as f64
    );
    let mut dstats = Projection::default();
    for d in &dev {
        let (toks, _) = entities::tokens_and_segments(&d.text);
        entities::project(d, &toks, &mut dstats);
    }
    eprintln!(
        "dev projection: {} of {} gold entities not on our token boundaries ({:.2}%)",
        dstats.mismatched,
        dstats.total,
        100.0 * dstats.mismatched as f64 / dstats.total.max(1) as f64
    );
    let mut p = Perceptron::default();
    p.history = args.history;
    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ args.seed.wrapping_mul(0x9e37_79b9));
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut best = (0.0f64, 0usize, None);
    for epoch in 1..=args.epochs {
        rng.shuffle(&mut order);
        let errs = p.epoch(&prepared, &order);
        let mut model = p.averaged(&clusters, 0.0);
        model.history = args.history;
        let score = entities::evaluate(model.clone(), &dev);
        let f = score.micro().2;
        eprintln!(
            "epoch {epoch}: train token errors {errs}, dev F1 {f:.4} ({:.1}s)",
            t0.elapsed().as_secs_f64()
        );
        if f > best.0 {
            best = (f, epoch, Some(p.clone()));
        }
    }
    let (best_f, epoch, best_p) = best;
    let best_p = best_p.expect("at least one epoch");
    let mut model = best_p.averaged(&clusters, args.prune);
    model.history = args.history;
    if args.ensemble > 1 {
        // Members trained on other shuffles for the selected epoch count, averaged.
        let all: Vec<usize> = (0..prepared.len()).collect();
        let mut members = vec![best_p];
        for k in 1..args.ensemble {
            // Each member also sees its own jackknife split of the gazetteer.
            let view = args.views[k % args.views.len()] | args.drop;
            let resplit = (view & !16 != 0 || (args.resplit && args.gaz_folds > 0)).then(|| {
                entities::prepare_jackknifed_view(
                    &train,
                    &clusters,
                    &mut Projection::default(),
                    args.gaz_folds,
                    if args.resplit { k as u64 } else { 0 },
                    view,
                )
                .0
            });
            members.push(entities::train_base(
                resplit.as_deref().unwrap_or(&prepared),
                &all,
                epoch,
                0x9e37_79b9_7f4a_7c15
                    ^ (k as u64 * 0x1000_0001)
                    ^ args.seed.wrapping_mul(0x85eb_ca6b),
                args.history && view & 16 == 0,
            ));
            let mut m = entities::ensemble(&members, &clusters, 0.0);
            m.history = args.history;
            let f = entities::evaluate(m, &dev).micro().2;
            eprintln!(
                "ensemble of {} (view {view}): dev F1 {f:.4} (single {best_f:.4}) ({:.1}s)",
                members.len(),
                t0.elapsed().as_secs_f64()
            );
        }
        model = entities::ensemble(&members, &clusters, args.prune);
        model.history = args.history;
    }
    if args.stack {
        model = stack(&prepared, &clusters, &dev, epoch, args.prune, &model, &t0);
    }
    let t = entities::calibrate(&model, &dev);
    model.temperature = t;
    let score = entities::evaluate(model.clone(), &dev);
    eprintln!(
        "best epoch {epoch}, pruned at {}, temperature {t}:\n{}",
        args.prune,
        score.report()
    );
    if let Ok(path) = std::env::var("NER_ERRORS") {
        std::fs::write(path, entities::error_report(model.clone(), &dev)).expect("write errors");
    }
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).expect("write --out");
    eprintln!(
        "wrote {} ({} features, {:.2} MB) in {:.1}s total",
        args.out,
        model.n_features(),
        bytes.len() as f64 / 1e6,
        t0.elapsed().as_secs_f64()
    );
}

/// Second pass: 5-fold jackknifed first-pass predictions on train feed a stacked
/// perceptron over document-consistency features; the stacking epoch count is chosen on dev.
fn stack(
    prepared: &[Prepared],
    clusters: &Clusters,
    dev: &[Doc],
    epochs: usize,
    prune: f32,
    single: &Model,
    t0: &Instant,
) -> Model {
    const FOLDS: usize = 5;
    let mut items = Vec::with_capacity(prepared.len());
    let mut slot_of = vec![0usize; prepared.len()];
    for k in 0..FOLDS {
        let train_idx: Vec<usize> = (0..prepared.len()).filter(|i| i % FOLDS != k).collect();
        let p = entities::train_base(prepared, &train_idx, epochs, 0x5eed + k as u64, false);
        let m = p.averaged(clusters, 0.0);
        for i in (0..prepared.len()).filter(|i| i % FOLDS == k) {
            slot_of[i] = items.len();
            items.push(entities::stack_item(&m, &prepared[i]));
        }
        eprintln!("fold {k} done ({:.1}s)", t0.elapsed().as_secs_f64());
    }
    let all: Vec<usize> = (0..prepared.len()).collect();
    let base = entities::train_base(prepared, &all, epochs, 0x2545_f491_4f6c_dd1d, false);
    let base_model = base.averaged(clusters, 0.0);
    let mut sp = Perceptron::default();
    let mut rng = Rng(0xc0ffee);
    let mut order: Vec<usize> = (0..items.len()).collect();
    let single_f = entities::evaluate(single.clone(), dev).micro().2;
    let mut best: (f64, Option<Model>) = (single_f, None);
    for e in 1..=8 {
        rng.shuffle(&mut order);
        let errs = sp.epoch_stacked(&items, &order, &base_model);
        let m = entities::combine(&base, &sp, clusters, 0.0);
        let f = entities::evaluate(m, dev).micro().2;
        eprintln!("stack epoch {e}: errors {errs}, dev F1 {f:.4} (single pass {single_f:.4})");
        if f > best.0 {
            best = (f, Some(entities::combine(&base, &sp, clusters, prune)));
        }
    }
    let _ = slot_of;
    best.1.unwrap_or_else(|| single.clone())
}

/// A comma-separated list of numbers; `usage` is the panic message for a bad one.
fn numbers<T: std::str::FromStr>(v: &str, usage: &str) -> Vec<T>
where
    T::Err: std::fmt::Debug,
{
    v.split(',').map(|x| x.parse().expect(usage)).collect()
}
