//! Accuracy regression tests: Pearson r of `compound` against mean human ratings.
//!
//! Every figure is 5-fold cross-validated: each fold's lexicon is fitted (from the VADER
//! prior, the corpus-derived expansion and our news vocabulary) on the other four folds of all four data sets and
//! scores only the snippets it never saw. Needs `../shared/data/tone` beside the repo;
//! skipped visibly when it is absent, failed under `CI=true` (`copydesk_testkit::shared_file`).

use copydesk_train::tone::{self, DataSet, FitConfig};

#[test]
fn five_fold_cross_validated_pearson_r() {
    let read = |f: &str| {
        copydesk_testkit::shared_file(&format!("tone/{f}"))
            .map(|p| std::fs::read_to_string(p).expect("readable data file"))
    };
    let Some(vader) = read("vader_lexicon.txt") else {
        return;
    };
    let prior = tone::prior_lexicon(&vader).expect("valid prior");
    let sets: Vec<DataSet> = tone::DATA_SETS
        .iter()
        .map(|(name, file, weight)| DataSet {
            name: (*name).to_owned(),
            rows: copydesk_train::corpus::read_rated(
                &read(file).expect("every rated set beside the lexicon"),
            ),
            weight: *weight,
        })
        .collect();
    let results = tone::cross_validate(&sets, &prior, &FitConfig::default(), 5);
    // Reached levels minus a hair (VADER on the same data: 0.499, 0.872, 0.427, 0.590).
    let floors = [
        ("nyt", 0.619),
        ("tweets", 0.876),
        ("movies", 0.584),
        ("amazon", 0.690),
    ];
    for ((name, r), (fname, floor)) in results.iter().zip(floors) {
        assert_eq!(name, fname);
        println!("5-fold CV r {name:8} {r:.4} (floor {floor})");
    }
    for ((name, r), (_, floor)) in results.iter().zip(floors) {
        assert!(*r >= floor, "{name}: cross-validated r {r:.4} < {floor}");
    }
}
