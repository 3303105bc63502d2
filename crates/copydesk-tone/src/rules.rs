//! The fixed rule vocabulary and constants of the sentence scorer (written for copydesk;
//! the constants follow the magnitudes VADER's paper reports, see `tone-notes.md`).

/// Magnitude a booster adds to (a dampener removes from) the next sentiment word.
pub(crate) const BOOST: f32 = 0.293;
/// Magnitude added to a sentiment word written in capitals in mixed-case text.
pub(crate) const CAPS: f32 = 0.733;
/// Factor applied to a sentiment word in the scope of a negator.
pub(crate) const NEGATION: f32 = -0.74;
/// Factor applied to a negative sentiment word in the scope of a negator: a negated
/// negative ("not bad", "no threat") is only mildly positive, much less so than a negated
/// positive is negative ("not good"); measured on the 5-fold cross-validation.
pub(crate) const NEGATION_OF_NEGATIVE: f32 = -0.3;
/// How far back (in words) a booster or valence shifter reaches.
pub(crate) const WINDOW: usize = 3;
/// How far back (in words) a negator reaches: one word more than VADER's three, as negation
/// in edited prose often spans a longer verb group ("did not seem to be good"); measured on
/// the 5-fold cross-validation (NYT and movies gain, tweets about even).
pub(crate) const NEGATION_WINDOW: usize = 4;
/// Booster effect by distance 1, 2, 3.
pub(crate) const DECAY: [f32; WINDOW] = [1.0, 0.95, 0.9];
/// Weight of sentiment before a contrastive `but`, and after it.
pub(crate) const BEFORE_CONTRAST: f32 = 0.5;
/// Weight of sentiment after a contrastive `but` (or outside a concessive clause): 1, not
/// VADER's 1.5. Dampening the conceded part already lets the rest dominate; amplifying the
/// rest as well made mixed sentences more extreme than their ratings (on the 5-fold
/// cross-validation 1.0 beats 1.5 on all four data sets: NYT +0.0005, tweets +0.002,
/// movies +0.002, amazon +0.005).
pub(crate) const AFTER_CONTRAST: f32 = 1.0;
/// Push per exclamation mark (at most [`MAX_EXCLAMATIONS`]).
pub(crate) const EXCLAMATION: f32 = 0.292;
/// Exclamation marks counted per sentence.
pub(crate) const MAX_EXCLAMATIONS: u32 = 4;
/// Push per question mark when a sentence has two or more.
pub(crate) const QUESTION: f32 = 0.18;
/// Cap of the question-mark push.
pub(crate) const MAX_QUESTION: f32 = 0.96;
/// The squashing constant: compound = s / sqrt(s² + ALPHA).
pub const ALPHA: f64 = 15.0;
/// Lexicon valence magnitude from which a word counts as a GDELT-style dictionary hit (so
/// the mild valences the fit gives to common words, and negators, are not hits).
pub(crate) const HIT: f32 = 1.0;

/// Sentences of up to this many words are scored on their plain sum (see [`length_scale`]).
pub(crate) const LENGTH_REF: f32 = 10.0;
/// Exponent of the sentence-length calibration (see [`length_scale`]).
pub(crate) const LENGTH_EXPONENT: f32 = 0.5;

/// The weight of every sentiment word of a sentence of `words` words: 1 up to
/// [`LENGTH_REF`] words, `(LENGTH_REF / words)^LENGTH_EXPONENT` beyond. A long sentence
/// holds more sentiment words than a short one without reading as more emphatic.
#[inline]
pub(crate) fn length_scale(words: u32) -> f32 {
    let w = words as f32;
    if w <= LENGTH_REF {
        1.0
    } else {
        (LENGTH_REF / w).powf(LENGTH_EXPONENT)
    }
}

/// Negators: flip (and weaken) sentiment in the next [`NEGATION_WINDOW`] words of their
/// clause.
/// `instead of` and `rather than` are negators too ("instead of promoting that right",
/// "rather than helping": what is passed over is not the case); the phrase replaces
/// `instead`'s contrastive role.
pub(crate) const NEGATORS: &[&str] = &[
    "not",
    "n't",
    "no",
    "never",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "nowhere",
    "without",
    "cannot",
    "dont",
    "doesnt",
    "didnt",
    "isnt",
    "wasnt",
    "arent",
    "werent",
    "cant",
    "couldnt",
    "wouldnt",
    "shouldnt",
    "wont",
    "hasnt",
    "havent",
    "hadnt",
    "aint",
    "mightnt",
    "mustnt",
    "neednt",
    "shant",
    "darent",
    "oughtnt",
    "rarely",
    "seldom",
    "hardly",
    "barely",
    "scarcely",
    "lack",
    "lacks",
    "lacked",
    "lacking",
    "nt",
    "instead of",
    "rather than",
];

/// Words of low amount: they negate the sentiment word right after them, or after a run of
/// [`LEVEL_LINKS`] ("low trust", "a low level of trust", "less pleased"), as a negator
/// does (a low or lesser amount of something good reads as bad news, of something bad as
/// mildly good: "low crime", "less violent"). Their scope is that one word, not a
/// negator's window: "less than a year after the peace deal" negates nothing.
pub(crate) const LOW_WORDS: &[&str] = &["low", "less"];

/// Words that may stand between a [`LOW_WORDS`] word and what it measures.
pub(crate) const LEVEL_LINKS: &[&str] = &["level", "levels", "degree", "amount", "of"];

/// Verbs of benefit. Followed by a name, directly or after `the` ("help Donald Trump",
/// "aided the Taliban", "boost Assad"), they report which side gains; whether that is good
/// news depends on who the reader takes the sides to be, which a lexicon cannot know. Such a
/// verb, and the next [`WINDOW`] words after it (what the beneficiary is helped to do:
/// "help Donald Trump *win* the election"), carry no tone, as in the scope of a valence
/// shifter. Without a named beneficiary they keep their tone ("State government is trying
/// to help."); after `a`/`an` a capitalised word is mostly an adjective of nationality ("a
/// Jewish friend"), not a beneficiary. Verbs of alignment or preference (`support`,
/// `back`, `favor`, `endorse`) are not included: they state a position, not a benefit.
pub(crate) const BENEFIT_VERBS: &[&str] = &[
    "help",
    "helps",
    "helped",
    "helping",
    "aid",
    "aided",
    "aiding",
    "assist",
    "assists",
    "assisted",
    "assisting",
    "boost",
    "boosts",
    "boosted",
    "boosting",
    "bolster",
    "bolsters",
    "bolstered",
    "bolstering",
    "benefit",
    "benefits",
    "benefited",
    "benefiting",
    "benefitted",
    "benefitting",
];

/// Focus words that, right after a negator, make it additive ("not only", "not just",
/// "not merely"): no negation.
pub(crate) const FOCUS_WORDS: &[&str] = &["only", "just", "merely", "simply", "solely"];

/// Verbs and adjectives of failure and refusal that negate like a negator when `to`
/// follows ("failed to win", "refused to help", "unable to agree").
pub(crate) const FAIL_TO_WORDS: &[&str] = &[
    "fail",
    "fails",
    "failed",
    "failing",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "unable",
    "neglect",
    "neglects",
    "neglected",
    "declined",
    "declines",
    "decline",
];

/// Words that may join the capitalised parts of a multiword name ("Friends of Harvey Mudd
/// College", "Food and Drug Administration"): see `analyze::in_name`.
pub(crate) const NAME_LINKS: &[&str] = &["of", "for", "and", "de", "&"];

/// Weight of an inflected form scored through its base form ("tyrannies" ← "tyranny"), as
/// `build-lexicon`'s corpus morphology damps the forms it derives.
pub(crate) const INFLECTED: f32 = 0.8;

/// Factor on the base's valence of `un` + a lexicon word the lexicon lacks
/// ("unappetizing" ← "appetizing"): the least-squares slope of the valence of the 60
/// `un`-words of the VADER lexicon on that of their bases (|valence| ≥ 0.5): -0.84.
pub(crate) const UN_PREFIX: f32 = -0.84;

/// Derived-looking forms whose meaning drifted from their "base" ("likely" is not about
/// liking, "unless" no negation of "less"): never scored through the base (the
/// inflections are `build-lexicon`'s morphology list).
pub const LEXICALISED: &[&str] = &[
    "likely",
    "according",
    "accordingly",
    "lately",
    "hardly",
    "barely",
    "shortly",
    "kinds",
    "unless",
    "unlike",
    "unfold",
    "unfolds",
    "unfolded",
    "unfolding",
    "unveil",
    "unveils",
    "unveiled",
    "unveiling",
];

/// Factor applied to a sentiment word in the scope of a [`SHIFTERS`] word.
pub(crate) const SHIFT: f32 = 0.0;

/// Valence shifters: words of lessening, ending, preventing or opposing. A sentiment word
/// in their scope (the next [`WINDOW`] words of their clause, as for negators) names the
/// thing being reduced or ended, so its polarity says little about the sentence's: "reduce
/// poverty" and "prevent violence" read as good news, "cut benefits" and "end the boom" as
/// bad. It is neutralised ([`SHIFT`] = 0; on the 5-fold cross-validation this beats both
/// keeping it and reversing it like a negation). The shifter's own valence still counts.
pub(crate) const SHIFTERS: &[&str] = &[
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "reduction",
    "reductions",
    "decrease",
    "decreases",
    "decreased",
    "decreasing",
    "lower",
    "lowers",
    "lowered",
    "lowering",
    "cut",
    "cuts",
    "cutting",
    "curb",
    "curbs",
    "curbed",
    "curbing",
    "prevent",
    "prevents",
    "prevented",
    "preventing",
    "prevention",
    "avoid",
    "avoids",
    "avoided",
    "avoiding",
    "stop",
    "stops",
    "stopped",
    "stopping",
    "halt",
    "halts",
    "halted",
    "halting",
    "end",
    "ends",
    "ended",
    "ending",
    "combat",
    "combats",
    "combating",
    "combatting",
    "tackle",
    "tackles",
    "tackled",
    "tackling",
    "eliminate",
    "eliminates",
    "eliminated",
    "eliminating",
    "eradicate",
    "eradicated",
    "abolish",
    "abolished",
    "ease",
    "eases",
    "eased",
    "easing",
    "alleviate",
    "alleviated",
    "lessen",
    "lessened",
    "mitigate",
    "mitigated",
    "minimize",
    "minimized",
    "overcome",
    "overcame",
    "cure",
    "cured",
    "resist",
    "resisted",
    "defeat",
    "defeated",
    "ban",
    "bans",
    "banned",
    "block",
    "blocked",
    "blocking",
    "limit",
    "limits",
    "limited",
    "decline",
    "declines",
    "declined",
    "declining",
    "drop",
    "drops",
    "dropped",
    "fall",
    "falls",
    "fell",
    "lose",
    "loses",
    "lost",
    "losing",
    "loss",
    "losses",
    "fewer",
    "shortage",
    "against",
    "undermine",
    "undermines",
    "undermined",
    "erode",
    "eroded",
    "diminish",
    "diminished",
    "weaken",
    "weakened",
];

/// Boosters (+) and dampeners (-), in units of [`BOOST`]. Phrases are token sequences.
pub(crate) const DEGREE: &[(&str, f32)] = &[
    ("absolutely", 1.0),
    ("amazingly", 1.0),
    ("awfully", 1.0),
    ("completely", 1.0),
    ("considerably", 1.0),
    ("decidedly", 1.0),
    ("deeply", 1.0),
    ("enormously", 1.0),
    ("entirely", 1.0),
    ("especially", 1.0),
    ("exceptionally", 1.0),
    ("extremely", 1.0),
    ("extraordinarily", 1.0),
    ("fabulously", 1.0),
    ("greatly", 1.0),
    ("highly", 1.0),
    ("hugely", 1.0),
    ("incredibly", 1.0),
    ("intensely", 1.0),
    ("more", 1.0),
    ("most", 1.0),
    ("particularly", 1.0),
    ("purely", 1.0),
    ("quite", 1.0),
    ("really", 1.0),
    ("remarkably", 1.0),
    ("so", 1.0),
    ("substantially", 1.0),
    ("thoroughly", 1.0),
    ("totally", 1.0),
    ("tremendously", 1.0),
    ("truly", 1.0),
    ("unbelievably", 1.0),
    ("unusually", 1.0),
    ("utterly", 1.0),
    ("very", 1.0),
    ("super", 1.0),
    ("seriously", 1.0),
    ("severely", 1.0),
    ("sharply", 1.0),
    ("strongly", 1.0),
    ("dramatically", 1.0),
    ("vastly", 1.0),
    ("fucking", 1.0),
    ("fuckin", 1.0),
    ("freaking", 1.0),
    ("frickin", 1.0),
    ("friggin", 1.0),
    ("effing", 1.0),
    ("flippin", 1.0),
    ("frigging", 1.0),
    ("almost", -1.0),
    ("less", -1.0),
    ("little", -1.0),
    ("marginally", -1.0),
    ("occasionally", -1.0),
    ("partly", -1.0),
    ("slightly", -1.0),
    ("somewhat", -1.0),
    ("mildly", -1.0),
    ("modestly", -1.0),
    ("relatively", -1.0),
    ("moderately", -1.0),
    ("fairly", -1.0),
    ("rather", -1.0),
    ("kinda", -1.0),
    ("sorta", -1.0),
    ("kind of", -1.0),
    ("sort of", -1.0),
    ("a bit", -1.0),
    ("a little", -1.0),
    ("somewhat less", -1.0),
];

/// Contrastive conjunctions: sentiment before them counts half ([`BEFORE_CONTRAST`]), after
/// them fully ([`AFTER_CONTRAST`]).
pub(crate) const CONTRASTIVE: &[&str] = &[
    "but",
    "however",
    "nevertheless",
    "nonetheless",
    "whereas",
    "instead",
];

/// Concessive (and conditional) conjunctions: their own clause (to the next comma) counts
/// half, the rest of the sentence fully. A conditional clause ("if the talks fail, ...")
/// is hypothetical; the main clause carries the writer's verdict.
pub(crate) const CONCESSIVE: &[&str] = &[
    "if",
    "although",
    "though",
    "despite",
    "even though",
    "albeit",
];

/// First-person (self and group) pronouns, for the self-reference density.
pub(crate) const SELF_PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
];

/// Function words never given a fitted valence (they carry corpus bias, not tone).
pub(crate) const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "by",
    "can",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "my",
    "myself",
    "of",
    "on",
    "once",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "own",
    "same",
    "she",
    "some",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "under",
    "until",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "will",
    "with",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "'s",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "s",
    "ca",
    "wo",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "also",
    "us",
    "'",
    "one",
    "two",
    "three",
    "its",
    "said",
    "says",
    "say",
    "year",
    "years",
    "new",
    "shall",
    "upon",
    "mr",
    "mrs",
    "ms",
    "amp",
    "quot",
    "gt",
    "lt",
];

/// Activity words (lemmas and irregular forms), our own list: see `data/activity.txt`.
pub(crate) const ACTIVITY: &str = include_str!("../data/activity.txt");

/// Regular inflections of an activity lemma: itself, -s/-es, -ed/-d, -ing, with the usual
/// spelling changes (e-drop, y→i, doubled final consonant of short CVC verbs).
pub(crate) fn inflections(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_owned()];
    let b = lemma.as_bytes();
    let n = b.len();
    if n < 2 || !lemma.is_ascii() {
        return out;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let last = b[n - 1];
    // -s
    if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
    {
        out.push(format!("{lemma}es"));
    } else if last == b'y' && !vowel(b[n - 2]) {
        out.push(format!("{}ies", &lemma[..n - 1]));
    } else {
        out.push(format!("{lemma}s"));
    }
    // -ed / -ing
    if last == b'e' {
        out.push(format!("{lemma}d"));
        out.push(format!("{}ing", &lemma[..n - 1]));
    } else if last == b'y' && !vowel(b[n - 2]) {
        out.push(format!("{}ied", &lemma[..n - 1]));
        out.push(format!("{lemma}ing"));
    } else {
        let cvc = n >= 3
            && !vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
            && n <= 4;
        if cvc {
            let c = last as char;
            out.push(format!("{lemma}{c}ed"));
            out.push(format!("{lemma}{c}ing"));
        }
        out.push(format!("{lemma}ed"));
        out.push(format!("{lemma}ing"));
    }
    out
}

/// Whether a token (or key) is punctuation that bounds negation and booster scopes.
pub(crate) fn is_boundary(s: &[u8]) -> bool {
    matches!(
        s,
        b"," | b";"
            | b":"
            | b"."
            | b"!"
            | b"?"
            | b"("
            | b")"
            | b"["
            | b"]"
            | b"--"
            | b"-"
            | b"\xE2\x80\x93" // en dash
            | b"\xE2\x80\x94" // em dash
            | b"..."
            | b"\xE2\x80\xA6" // ellipsis
    ) || s.iter().all(|b| matches!(b, b'.' | b'!' | b'?'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_cover_regular_forms() {
        assert_eq!(
            inflections("attack"),
            ["attack", "attacks", "attacked", "attacking"]
        );
        assert!(inflections("seize").contains(&"seized".to_owned()));
        assert!(inflections("seize").contains(&"seizing".to_owned()));
        assert!(inflections("stop").contains(&"stopped".to_owned()));
        assert!(inflections("rally").contains(&"rallies".to_owned()));
        assert!(inflections("rally").contains(&"rallied".to_owned()));
        assert!(inflections("push").contains(&"pushes".to_owned()));
    }
}
