//! Pathological inputs through the full pipeline and the tokenizer alone, at 0.8 MB and
//! 8 MB, plus a linear-scaling check (time at 8 MB must be at most 10× the time at 0.8 MB).
//!
//! Full run (release): `cargo bench -p copydesk-benches --bench pathological` — criterion
//! groups `pathological/pipeline/0.8MB`, `pathological/tokenize/0.8MB` and
//! `pathological/tokenize/8MB`, then the scaling table on stderr, which times the pipeline
//! and the tokenizer once more at both sizes (the bench fails if a ratio exceeds 10 by
//! more than the measurement noise, see [`NOISE`]).
//! The criterion group `pathological/pipeline/8MB` takes 10 samples of up to tens of
//! seconds per input, so it only runs with `PATHOLOGICAL_PIPELINE_8MB=1` in the environment.
//! Only the scaling check: `cargo bench -p copydesk-benches --bench pathological -- scaling`
//! (a filter that matches no criterion benchmark).
//!
//! How the scaling check times (each choice removes a bias that is not about the algorithm):
//! - the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), so that other jobs on a shared
//!   machine do not count, and exactly: `/proc/thread-self/schedstat` only advances at
//!   scheduler ticks, which alone moved 300 ms samples by about 1%;
//! - the small side is ten distinct 0.8 MB texts (the time per text), so that both sides
//!   stream 8 MB of input;
//! - every timed call starts with cold caches (a 64 MB buffer is written before it,
//!   untimed): otherwise a 0.8 MB run finds its input and heap pages in the L3 cache,
//!   left there by the run before, which no 8 MB run can;
//! - glibc is told to keep freed memory (`mallopt`: no `mmap` chunks, no trimming), so that
//!   both sides reuse heap pages: by default every 8 MB run gets its 100+ MB of token and
//!   feature vectors as fresh `mmap` pages (page faults, zeroing) while a 0.8 MB run's
//!   10–20 MB come from the heap already touched;
//! - seven rounds, each timing both sizes back to back (which goes first alternates);
//!   each side keeps its fastest round, because the noise of a shared machine only slows
//!   runs down. Per-stage ratios are printed only for an input whose pipeline ratio
//!   exceeds 10.
//!
//! Instruction counts are exactly linear (callgrind, pipeline on the no-whitespace input:
//! 3,979M instructions at 0.8 MB, 39,748M at 8 MB); with three rounds per side taken one
//! side after the other, warm caches and the tick-based clock, the same inputs read
//! anywhere between 9.5 and 10.4 from run to run. With the method above, three runs read
//! 9.31–10.25 (pipeline) in quiet hours and up to 10.93 in a slow phase of the host, and
//! 9.04–10.48 for the tokenizer alone (BENCHMARKS.md has the table).
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
/// Distinct texts of the small size per kind (see the module docs).
const SMALL_TEXTS: u32 = 10;
/// Rounds of the scaling check; each side keeps its fastest round (see [`ratio`]).
const ROUNDS: usize = 7;
/// Largest allowed time ratio between the 8 MB and the 0.8 MB run.
const MAX_RATIO: f64 = 10.0;
/// The measurement noise allowed above [`MAX_RATIO`]. The expected ratio of linear code is
/// exactly 10, so a strict 10 fails about half the runs of any linear code: the
/// allocation-free tokenizer iterator (one pass that only reads) measured 9.04 to 10.48
/// over three runs of this check. With 5% the check still tells linear time from
/// n·log n (11.7 between these sizes) and anything worse.
const NOISE: f64 = 0.05;
/// The ratio above which the check fails.
const LIMIT: f64 = MAX_RATIO * (1.0 + NOISE);

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
    // Every name-structure rule fires in every sentence, and so does the country rule
    // (which was quadratic in the number of countries after a place cue until 2026-12-05).
    Kind {
        name: "repeated-names",
        make: |n| {
            fill(
                "In France, King Mohammed Idris of Pirelli SpA met the CEO of Exxon Mobil \
                 and the Supreme Court of New Zealand. ",
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

fn bench_size(c: &mut Criterion, pipeline: Option<&Pipeline>, size: usize, label: &str) {
    let inputs: Vec<(&str, String)> = KINDS.iter().map(|k| (k.name, (k.make)(size))).collect();
    if let Some(pipeline) = pipeline {
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
    }
    let tokenizer = Tokenizer::default();
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

/// CPU time consumed so far by the calling thread (`CLOCK_THREAD_CPUTIME_ID`, exact to the
/// nanosecond, unlike `/proc/thread-self/schedstat`, which advances at scheduler ticks).
#[cfg(unix)]
#[allow(unsafe_code)]
fn thread_cpu() -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` writes one `timespec` through a valid, exclusive pointer.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    let secs = u64::try_from(ts.tv_sec).ok()?;
    let nanos = u32::try_from(ts.tv_nsec).ok()?;
    (rc == 0).then(|| Duration::new(secs, nanos))
}

/// No thread CPU clock elsewhere: wall-clock time is used.
#[cfg(not(unix))]
fn thread_cpu() -> Option<Duration> {
    None
}

/// Elapsed time: the thread's CPU time when available (on a shared, loaded machine
/// wall-clock time punishes long runs, which get preempted, and so inflates the ratio),
/// else wall-clock time. The analysis is single-threaded.
struct Clock {
    wall: Instant,
    cpu: Option<Duration>,
}

impl Clock {
    fn start() -> Self {
        Clock {
            wall: Instant::now(),
            cpu: thread_cpu(),
        }
    }

    fn elapsed(&self) -> Duration {
        match (self.cpu, thread_cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => self.wall.elapsed(),
        }
    }
}

/// Evicts the caches between timed calls by writing a buffer larger than the last-level
/// cache (64 MB; the machine these figures come from has a 32 MB L3).
struct Evictor {
    buf: Vec<u8>,
    round: u8,
}

impl Evictor {
    fn new() -> Self {
        Evictor {
            buf: vec![1; 64 << 20],
            round: 0,
        }
    }

    /// Writes one byte per cache line of the buffer.
    fn evict(&mut self) {
        self.round = self.round.wrapping_add(1);
        for i in (0..self.buf.len()).step_by(64) {
            self.buf[i] = self.buf[i].wrapping_add(self.round);
        }
        black_box(&self.buf);
    }
}

/// Mean time of one call of `f`: `f` runs on each of `texts` in turn until at least
/// 300 ms of calls were timed, every call starting with cold caches (an untimed
/// [`Evictor::evict`] before it). Without the eviction a 0.8 MB run would find its input
/// and heap pages in the L3 cache, left there by the previous run, while no 8 MB run can:
/// the ratio would measure the cache size, not the scaling of the algorithm.
fn per_run(texts: &[String], evictor: &mut Evictor, f: &dyn Fn(&str)) -> Duration {
    let mut total = Duration::ZERO;
    let mut runs = 0u32;
    while runs == 0 || total < Duration::from_millis(300) {
        for t in texts {
            evictor.evict();
            let clock = Clock::start();
            f(t);
            total += clock.elapsed();
            runs += 1;
        }
    }
    total / runs
}

/// Best time per call on the small texts and on the large one, and their ratio, over
/// `rounds` rounds that each time both sides back to back (the side that goes first
/// alternates). The noise of a shared machine only ever slows a run down, and a slow
/// spell may hit one side of a round and not the other, so each side keeps its fastest
/// round: with enough rounds both sides have one in a quiet moment.
fn ratio(
    small: &[String],
    large: &[String],
    rounds: usize,
    evictor: &mut Evictor,
    f: &dyn Fn(&str),
) -> (Duration, Duration, f64) {
    let (mut s, mut l) = (Duration::MAX, Duration::MAX);
    for r in 0..rounds {
        if r % 2 == 0 {
            s = s.min(per_run(small, evictor, f));
            l = l.min(per_run(large, evictor, f));
        } else {
            l = l.min(per_run(large, evictor, f));
            s = s.min(per_run(small, evictor, f));
        }
    }
    (s, l, l.as_secs_f64() / s.as_secs_f64())
}

/// The pipeline's stages run separately, to see which one departs from linear time.
fn stages(text: &str, stage: &str) -> usize {
    static SPLITTER: std::sync::LazyLock<copydesk_sentences::SentenceSplitter> =
        std::sync::LazyLock::new(Default::default);
    static TAGGER: std::sync::LazyLock<copydesk_entities::EntityTagger> =
        std::sync::LazyLock::new(Default::default);
    static SCORER: std::sync::LazyLock<copydesk_tone::ToneScorer> =
        std::sync::LazyLock::new(Default::default);
    let tokens = copydesk_tokenize::tokenize(text);
    if stage == "tokenize" {
        return tokens.len();
    }
    let sentences = SPLITTER.split(text, &tokens);
    match stage {
        "sentences" => sentences.len(),
        "entities" => TAGGER.tag(text, &tokens, &sentences).len(),
        _ => {
            let spans: Vec<copydesk_tone::Sentence> = sentences
                .iter()
                .map(|s| copydesk_tone::Sentence {
                    start: s.start,
                    end: s.end,
                })
                .collect();
            SCORER.score_document(text, &tokens, &spans).sentences.len()
        }
    }
}

/// Times each input at 0.8 MB and 8 MB through the pipeline and the tokenizer alone
/// (best of [`ROUNDS`] rounds per side, see [`ratio`]), prints the ratios (and, for an input
/// whose pipeline ratio exceeds [`MAX_RATIO`], the ratio of each stage) and returns the
/// inputs whose pipeline or tokenizer ratio exceeds [`LIMIT`].
fn scaling_check(pipeline: &Pipeline) -> Vec<String> {
    let tokenizer = Tokenizer::default();
    let mut failures = Vec::new();
    let clock = if thread_cpu().is_some() {
        "thread CPU time"
    } else {
        "wall-clock time"
    };
    eprintln!(
        "\nlinear-scaling check ({clock} at 8 MB / at 0.8 MB, must be <= {MAX_RATIO}, \
         fails above {LIMIT:.1} ({:.0}% measurement noise)):",
        NOISE * 100.0
    );
    eprintln!(
        "{:<18} {:>9} {:>9} {:>6} | {:>8} {:>8} {:>6} | stage ratios (if > {MAX_RATIO}): tok +sent +ent +tone",
        "input",
        "pipe 0.8M",
        "8M",
        "ratio",
        "tok 0.8M",
        "8M",
        "ratio",
    );
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let mut evictor = Evictor::new();
    for k in KINDS {
        let small: Vec<String> = (0..SMALL_TEXTS).map(|_| (k.make)(SMALL)).collect();
        let large = [(k.make)(LARGE)];
        let (p_small, p_large, p_ratio) = ratio(&small, &large, ROUNDS, &mut evictor, &|t| {
            drop(black_box(pipeline.analyze(t)));
        });
        let (t_small, t_large, t_ratio) = ratio(&small, &large, ROUNDS, &mut evictor, &|t| {
            black_box(tokenizer.tokens(t).count());
        });
        // Per-stage ratios (cumulative: tokenize, + split, + tag or + tone) show which
        // stage departs from linear time; they are only worth their minutes when the
        // pipeline does.
        let stage_ratios = if p_ratio > MAX_RATIO {
            ["tokenize", "sentences", "entities", "tone"]
                .iter()
                .map(|st| {
                    let r = ratio(&small, &large, 3, &mut evictor, &|t| {
                        black_box(stages(t, st));
                    });
                    format!("{:>5.2}", r.2)
                })
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            "-".to_owned()
        };
        eprintln!(
            "{:<18} {:>7.1}ms {:>7.1}ms {:>6.2} | {:>6.1}ms {:>6.1}ms {:>6.2} | {}",
            k.name,
            ms(p_small),
            ms(p_large),
            p_ratio,
            ms(t_small),
            ms(t_large),
            t_ratio,
            stage_ratios,
        );
        if p_ratio > LIMIT || t_ratio > LIMIT {
            failures.push(k.name.to_owned());
        }
    }
    failures
}

/// Makes glibc keep freed memory for reuse: no chunk is served by `mmap` (which returns it
/// to the system on free) and the heap top is never trimmed. See the module docs.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn keep_freed_memory() {
    // SAFETY: `mallopt` only changes allocator parameters; called before any other thread
    // exists, with valid parameter numbers.
    unsafe {
        libc::mallopt(libc::M_MMAP_MAX, 0);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
    }
}

/// Other platforms: their allocator's default behaviour.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_freed_memory() {}

fn main() {
    keep_freed_memory();
    let pipeline = Pipeline::new();
    let mut c = Criterion::default().configure_from_args();
    if full_mode() {
        let pipeline_8mb = std::env::var_os("PATHOLOGICAL_PIPELINE_8MB").is_some_and(|v| v == "1");
        bench_size(&mut c, Some(&pipeline), SMALL, "0.8MB");
        bench_size(&mut c, pipeline_8mb.then_some(&pipeline), LARGE, "8MB");
        c.final_summary();
        let failures = scaling_check(&pipeline);
        assert!(failures.is_empty(), "super-linear inputs: {failures:?}");
    } else {
        bench_size(&mut c, Some(&pipeline), TEST, "8KB");
        c.final_summary();
    }
}
