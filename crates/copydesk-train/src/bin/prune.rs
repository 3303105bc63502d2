//! Writes a copy of an entity model keeping only the weights above a threshold.
//!
//! ```text
//! cargo run --release -p copydesk-train --bin prune -- IN.bin OUT.bin STEPS
//! ```
//!
//! `STEPS` is in quantisation steps of the model (weights with `|w| <= STEPS` are dropped).

use copydesk_entities::internals::Model;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, steps] = args.as_slice() else {
        panic!("usage: prune IN.bin OUT.bin STEPS");
    };
    let bytes = std::fs::read(input).expect("read IN.bin");
    let model = Model::from_bytes(&bytes).expect("a model file");
    let t: i16 = steps.parse().expect("STEPS: a number");
    let pruned = model.pruned(t);
    let out = pruned.to_bytes();
    std::fs::write(output, &out).expect("write OUT.bin");
    eprintln!(
        "{} features -> {} ({:.2} MB)",
        model.n_features(),
        pruned.n_features(),
        out.len() as f64 / 1e6
    );
}
