//! Python value classes: frozen snapshots with character offsets.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;

use crate::offsets::CharCursor;

/// `(cls, args)` for `__reduce__`: unpickling calls the constructor with the fields.
fn reduce<'py, T: pyo3::PyClass, A: IntoPyObject<'py>>(
    slf: &Bound<'py, T>,
    args: A,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let args = args.into_bound_py_any(slf.py())?;
    Ok((slf.as_any().get_type().into_any(), args))
}

fn known(what: &str, value: &str, names: &[&'static str]) -> PyResult<&'static str> {
    names.iter().find(|k| **k == value).copied().ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown {what} {value:?}; expected one of {names:?}"
        ))
    })
}

const KINDS: [&str; 9] = [
    "word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji",
];
const LABELS: [&str; 8] = [
    "PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT",
];

/// A token: `text`, character offsets `start`/`end` into the analysed `str`, and `kind`.
#[pyclass(frozen, eq, hash, get_all, module = "copydesk")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// The token's text (`source[start:end]`).
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// `"word"`, `"number"`, `"punct"`, `"symbol"`, `"url"`, `"email"`, `"hashtag"`, `"mention"` or `"emoji"`.
    pub kind: &'static str,
}

#[pymethods]
impl Token {
    #[new]
    fn new(text: String, start: usize, end: usize, kind: &str) -> PyResult<Self> {
        Ok(Self {
            text,
            start,
            end,
            kind: known("token kind", kind, &KINDS)?,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Token({:?}, start={}, end={}, kind={:?})",
            self.text, self.start, self.end, self.kind
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let t = slf.get();
        reduce(slf, (t.text.clone(), t.start, t.end, t.kind))
    }
}

/// Tone scores of a text (see `copydesk.score_tone`): the facade's `Tone`, wrapped. Its
/// fields are listed once, in the `tone_class!` call below, which generates the getters,
/// the constructor, `to_dict`, `__repr__` and pickling from that list.
#[pyclass(frozen, eq, module = "copydesk")]
#[derive(Clone, PartialEq)]
pub struct Tone(pub copydesk::Tone);

impl From<&copydesk::Tone> for Tone {
    fn from(t: &copydesk::Tone) -> Self {
        Self(*t)
    }
}

macro_rules! tone_class {
    ($($(#[$doc:meta])* $name:ident: $ty:ty = $default:tt),* $(,)?) => {
        #[pymethods]
        impl Tone {
            #[new]
            #[pyo3(signature = ($($name = $default),*))]
            #[allow(clippy::too_many_arguments)]
            fn new($($name: $ty),*) -> Self {
                Self(copydesk::Tone { $($name),* })
            }

            $(
                $(#[$doc])*
                #[getter]
                fn $name(&self) -> $ty {
                    self.0.$name
                }
            )*

            fn __repr__(&self) -> String {
                tone_repr(&self.0)
            }

            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
                let t = slf.get().0;
                reduce(slf, ($(t.$name,)*))
            }

            /// The scores as a plain dict.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
                let d = pyo3::types::PyDict::new(py);
                $(d.set_item(stringify!($name), self.0.$name)?;)*
                Ok(d)
            }
        }
    };
}

fn tone_repr(t: &copydesk::Tone) -> String {
    format!(
        "Tone(compound={:.3}, positive={:.3}, negative={:.3}, neutral={:.3}, polarity={:.3}, word_count={}, tone={:.2}, activity={:.2}, self_reference={:.2})",
        t.compound, t.positive, t.negative, t.neutral, t.polarity, t.word_count, t.tone, t.activity, t.self_reference
    )
}

tone_class! {
    /// Overall tone in [-1, 1].
    compound: f64 = 0.0,
    /// Share of positive valence, in [0, 1].
    positive: f64 = 0.0,
    /// Share of negative valence, in [0, 1].
    negative: f64 = 0.0,
    /// Share of neutral words, in [0, 1]; the three shares sum to 1 (all 0 for empty text).
    neutral: f64 = 0.0,
    /// Share of sentiment-bearing words, in [0, 1].
    polarity: f64 = 0.0,
    /// Number of word-like tokens.
    word_count: usize = 0,
    /// GDELT-style tone: positive minus negative word percentage.
    tone: f64 = 0.0,
    /// GDELT-style activity reference density (percent of words).
    activity: f64 = 0.0,
    /// GDELT-style self/group reference density (percent of words).
    self_reference: f64 = 0.0,
}

/// A sentence: `text`, character offsets, and its `tone` (`None` from `split_sentences`).
#[pyclass(frozen, eq, get_all, module = "copydesk")]
#[derive(Clone, PartialEq)]
pub struct Sentence {
    /// The sentence text (`source[start:end]`), without surrounding whitespace.
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The sentence's tone, when it was analysed by a pipeline with the tone scorer.
    pub tone: Option<Tone>,
}

#[pymethods]
impl Sentence {
    #[new]
    #[pyo3(signature = (text, start, end, tone=None))]
    fn new(text: String, start: usize, end: usize, tone: Option<&Bound<'_, Tone>>) -> Self {
        Self {
            text,
            start,
            end,
            tone: tone.map(|t| t.get().clone()),
        }
    }

    fn __repr__(&self) -> String {
        match &self.tone {
            Some(t) => format!(
                "Sentence({:?}, start={}, end={}, tone={:.3})",
                self.text, self.start, self.end, t.0.compound
            ),
            None => format!(
                "Sentence({:?}, start={}, end={})",
                self.text, self.start, self.end
            ),
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let s = slf.get();
        reduce(slf, (s.text.clone(), s.start, s.end, s.tone.clone()))
    }
}

/// An entity mention: `text`, `label`, character offsets, `score` in [0, 1], `canonical` name.
#[pyclass(frozen, eq, get_all, module = "copydesk")]
#[derive(Clone, PartialEq)]
pub struct Entity {
    /// The mention's text (`source[start:end]`).
    pub text: String,
    /// `PER`, `ORG`, `LOC`, `MISC`, `DATE`, `TIME`, `MONEY` or `PERCENT`.
    pub label: &'static str,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Confidence in [0, 1].
    pub score: f64,
    /// The name shared by every mention of the same referent.
    pub canonical: String,
}

#[pymethods]
impl Entity {
    #[new]
    #[pyo3(signature = (text, label, start, end, score=1.0, canonical=None))]
    fn new(
        text: String,
        label: &str,
        start: usize,
        end: usize,
        score: f64,
        canonical: Option<String>,
    ) -> PyResult<Self> {
        let canonical = canonical.unwrap_or_else(|| text.clone());
        Ok(Self {
            text,
            label: known("entity label", label, &LABELS)?,
            start,
            end,
            score,
            canonical,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Entity({:?}, {:?}, start={}, end={}, score={:.2})",
            self.text, self.label, self.start, self.end, self.score
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let e = slf.get();
        reduce(
            slf,
            (
                e.text.clone(),
                e.label,
                e.start,
                e.end,
                e.score,
                e.canonical.clone(),
            ),
        )
    }
}

/// Tone toward one entity in one document.
#[pyclass(frozen, eq, get_all, module = "copydesk")]
#[derive(Clone, PartialEq)]
pub struct EntityTone {
    /// Canonical name.
    pub name: String,
    /// Entity label.
    pub label: &'static str,
    /// Number of mentions.
    pub mentions: usize,
    /// Number of distinct sentences mentioning it.
    pub sentences: usize,
    /// Mean compound tone of those sentences.
    pub tone: f64,
}

#[pymethods]
impl EntityTone {
    #[new]
    fn new(
        name: String,
        label: &str,
        mentions: usize,
        sentences: usize,
        tone: f64,
    ) -> PyResult<Self> {
        Ok(Self {
            name,
            label: known("entity label", label, &LABELS)?,
            mentions,
            sentences,
            tone,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "EntityTone({:?}, {:?}, mentions={}, tone={:.3})",
            self.name, self.label, self.mentions, self.tone
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let e = slf.get();
        reduce(
            slf,
            (e.name.clone(), e.label, e.mentions, e.sentences, e.tone),
        )
    }
}

impl From<&copydesk::EntityTone> for EntityTone {
    fn from(e: &copydesk::EntityTone) -> Self {
        Self {
            name: e.name.clone(),
            label: e.label.as_str(),
            mentions: e.mentions,
            sentences: e.sentences,
            tone: e.tone,
        }
    }
}

/// A quotation: the quoted words (`text`, character offsets `start`/`end`, without
/// the quotation marks), its `speaker` (an `Entity`, or `None` when the speaker is not a
/// tagged entity), `speaker_text` (the speaker's canonical name, or the words naming an
/// unnamed speaker such as "a spokesman"), the `cue` (e.g. `"said"`), its `tone` and its
/// `kind`: `"direct"`, `"partial"` (a fragment built into the reporter's sentence) or
/// `"scare"` (one to three words in marks that nobody is said to have said).
#[pyclass(frozen, eq, get_all, module = "copydesk")]
#[derive(Clone, PartialEq)]
pub struct Quote {
    /// The quoted words (`source[start:end]`).
    pub text: String,
    /// Character offset of the first quoted character.
    pub start: usize,
    /// Character offset one past the last quoted character.
    pub end: usize,
    /// The speaker mention (for a pronoun, the person it refers to), if tagged.
    pub speaker: Option<Entity>,
    /// The speaker's name: the entity's canonical name or the words naming the speaker.
    pub speaker_text: Option<String>,
    /// The attribution cue, lowercased (`"said"`, `"told"`, `"according to"`).
    pub cue: String,
    /// The tone of the quoted words.
    pub tone: Tone,
    /// `"direct"`, `"partial"` or `"scare"`.
    pub kind: &'static str,
}

/// The quotation kinds, as Python sees them.
const QUOTE_KINDS: [&str; 3] = ["direct", "partial", "scare"];

#[pymethods]
impl Quote {
    #[new]
    #[pyo3(signature = (text, start, end, speaker=None, speaker_text=None, cue="", tone=None, kind="direct"))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        text: String,
        start: usize,
        end: usize,
        speaker: Option<&Bound<'_, Entity>>,
        speaker_text: Option<String>,
        cue: &str,
        tone: Option<&Bound<'_, Tone>>,
        kind: &str,
    ) -> PyResult<Self> {
        let kind = known("quote kind", kind, &QUOTE_KINDS)?;
        let speaker = speaker.map(|e| e.get().clone());
        let speaker_text = speaker_text.or_else(|| speaker.as_ref().map(|e| e.canonical.clone()));
        Ok(Self {
            text,
            start,
            end,
            speaker,
            speaker_text,
            cue: cue.to_owned(),
            tone: tone.map_or_else(
                || Tone::from(&copydesk::Tone::default()),
                |t| t.get().clone(),
            ),
            kind,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Quote({:?}, start={}, end={}, speaker={:?}, cue={:?}, tone={:.3}, kind={:?})",
            self.text,
            self.start,
            self.end,
            self.speaker_text.as_deref().unwrap_or("?"),
            self.cue,
            self.tone.0.compound,
            self.kind
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let q = slf.get();
        reduce(
            slf,
            (
                q.text.clone(),
                q.start,
                q.end,
                q.speaker.clone(),
                q.speaker_text.clone(),
                q.cue.clone(),
                q.tone.clone(),
                q.kind,
            ),
        )
    }
}

/// The mentions of one referent in a document: `canonical` name, `label`, and `mentions`,
/// the indices of its mentions in `Document.entities`.
#[pyclass(frozen, eq, get_all, module = "copydesk")]
#[derive(Clone, PartialEq)]
pub struct EntityGroup {
    /// The canonical name shared by the mentions.
    pub canonical: String,
    /// The most frequent label of the mentions.
    pub label: &'static str,
    /// Indices into `Document.entities`, in text order.
    pub mentions: Vec<usize>,
}

#[pymethods]
impl EntityGroup {
    #[new]
    fn new(canonical: String, label: &str, mentions: Vec<usize>) -> PyResult<Self> {
        Ok(Self {
            canonical,
            label: known("entity label", label, &LABELS)?,
            mentions,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "EntityGroup({:?}, {:?}, mentions={:?})",
            self.canonical, self.label, self.mentions
        )
    }

    fn __len__(&self) -> usize {
        self.mentions.len()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let g = slf.get();
        reduce(slf, (g.canonical.clone(), g.label, g.mentions.clone()))
    }
}

impl From<&copydesk::EntityGroup> for EntityGroup {
    fn from(g: &copydesk::EntityGroup) -> Self {
        Self {
            canonical: g.canonical.clone(),
            label: g.label.as_str(),
            mentions: g.mentions.clone(),
        }
    }
}

/// Converts the facade's quotations into Python quotations with character offsets;
/// `entities` are the document's entities already converted.
pub fn quotes_to_py(text: &str, quotes: &[copydesk::Quote], entities: &[Entity]) -> Vec<Quote> {
    let mut cur = CharCursor::new(text);
    quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.and_then(|i| entities.get(i)).cloned();
            Quote {
                text: text[q.start..q.end].to_owned(),
                start: cur.to_char(q.start),
                end: cur.to_char(q.end),
                speaker,
                speaker_text: q.speaker_name.clone(),
                cue: q.cue.clone(),
                tone: Tone::from(&q.tone),
                kind: q.kind.as_str(),
            }
        })
        .collect()
}

/// Converts Rust tokens of `text` into Python tokens with character offsets.
pub fn tokens_to_py(text: &str, tokens: &[copydesk::Token]) -> Vec<Token> {
    let mut cur = CharCursor::new(text);
    tokens
        .iter()
        .map(|t| Token {
            text: t.text(text).to_owned(),
            start: cur.to_char(t.start),
            end: cur.to_char(t.end),
            kind: t.kind.as_str(),
        })
        .collect()
}

/// Converts sentence spans of `text` (with optional tones) into Python sentences.
pub fn sentences_to_py<'a>(
    text: &str,
    spans: impl Iterator<Item = (usize, usize, Option<&'a copydesk::Tone>)>,
) -> Vec<Sentence> {
    let mut cur = CharCursor::new(text);
    spans
        .map(|(start, end, tone)| Sentence {
            text: text[start..end].to_owned(),
            start: cur.to_char(start),
            end: cur.to_char(end),
            tone: tone.map(Tone::from),
        })
        .collect()
}

/// Converts the facade's entities into Python entities with character offsets.
pub fn entities_to_py(text: &str, entities: &[copydesk::Entity]) -> Vec<Entity> {
    let mut cur = CharCursor::new(text);
    entities
        .iter()
        .map(|e| Entity {
            text: text[e.start..e.end].to_owned(),
            label: e.label.as_str(),
            start: cur.to_char(e.start),
            end: cur.to_char(e.end),
            score: f64::from(e.score),
            canonical: e.canonical.clone(),
        })
        .collect()
}

/// The `(name, label, mentions)` rows of `copydesk.link_names`, checked: each row a tuple
/// (or list) of three, `name` a `str`, `label` an entity label, `mentions` a non-negative
/// `int`. Wrong types are `TypeError`s, an unknown label or a negative count `ValueError`s,
/// each naming the row.
pub fn name_rows(rows: &Bound<'_, PyAny>) -> PyResult<Vec<(String, copydesk::Label, usize)>> {
    use pyo3::exceptions::{PyOverflowError, PyTypeError};
    use pyo3::types::{PyList, PyString, PyTuple};

    if rows.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "rows must be an iterable of (name, label, mentions) tuples, not a str",
        ));
    }
    let type_name = |x: &Bound<'_, PyAny>| {
        x.get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string())
    };
    let mut out = Vec::new();
    for (i, row) in rows.try_iter()?.enumerate() {
        let row = row?;
        let items: Vec<Bound<'_, PyAny>> = if let Ok(t) = row.cast::<PyTuple>() {
            t.iter().collect()
        } else if let Ok(l) = row.cast::<PyList>() {
            l.iter().collect()
        } else {
            Vec::new()
        };
        let [name, label, mentions] = items.as_slice() else {
            return Err(PyTypeError::new_err(format!(
                "rows[{i}] must be a (name, label, mentions) tuple, not {}",
                if items.is_empty() {
                    type_name(&row)
                } else {
                    format!("a {}-item {}", items.len(), type_name(&row))
                }
            )));
        };
        let name = name.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "rows[{i}] name must be str, not {}",
                type_name(name)
            ))
        })?;
        let label_str = label.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "rows[{i}] label must be str, not {}",
                type_name(label)
            ))
        })?;
        let label_str = known(
            &format!("entity label in rows[{i}]"),
            label_str.to_str()?,
            &LABELS,
        )?;
        let label = copydesk::Label::ALL
            .into_iter()
            .find(|l| l.as_str() == label_str)
            .ok_or_else(|| PyValueError::new_err(format!("unknown entity label {label_str:?}")))?;
        let mentions = match mentions.extract::<usize>() {
            Ok(n) => n,
            Err(e) if e.is_instance_of::<PyOverflowError>(rows.py()) => {
                return Err(PyValueError::new_err(format!(
                    "rows[{i}] mentions must be a non-negative int, not {mentions}"
                )))
            }
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "rows[{i}] mentions must be int, not {}",
                    type_name(mentions)
                )))
            }
        };
        out.push((name.to_str()?.to_owned(), label, mentions));
    }
    Ok(out)
}
