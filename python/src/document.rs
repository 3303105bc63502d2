//! The Python `Document`: a frozen view of a Rust `copydesk::Document` that converts
//! spans to Python objects (with character offsets) on first access.

use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use pyo3::types::{PyList, PyType};
use serde::Serialize;

use crate::offsets::CharCursor;
use crate::types::{
    entities_to_py, quotes_to_py, sentences_to_py, tokens_to_py, Entity, EntityGroup, EntityTone,
    Quote, Sentence, Token, Tone,
};

/// The result of analysing one text: tokens, sentences with tone, entities, document tone.
#[pyclass(frozen, module = "copydesk")]
pub struct Document {
    pub(crate) inner: Arc<copydesk::Document>,
    tokens: OnceLock<Vec<Py<Token>>>,
    sentences: OnceLock<Vec<Py<Sentence>>>,
    entities: OnceLock<Vec<Py<Entity>>>,
    quotes: OnceLock<Vec<Py<Quote>>>,
    groups: OnceLock<Vec<Py<EntityGroup>>>,
}

impl Document {
    /// Wraps a Rust document.
    pub fn new(inner: copydesk::Document) -> Self {
        Self {
            inner: Arc::new(inner),
            tokens: OnceLock::new(),
            sentences: OnceLock::new(),
            entities: OnceLock::new(),
            quotes: OnceLock::new(),
            groups: OnceLock::new(),
        }
    }
}

fn cached<'py, T: pyo3::PyClass + Into<PyClassInitializer<T>>>(
    py: Python<'py>,
    cell: &OnceLock<Vec<Py<T>>>,
    build: impl FnOnce() -> Vec<T>,
) -> PyResult<Bound<'py, PyList>> {
    if cell.get().is_none() {
        let objs = build()
            .into_iter()
            .map(|v| Py::new(py, v))
            .collect::<PyResult<Vec<_>>>()?;
        let _ = cell.set(objs);
    }
    let items = cell
        .get()
        .map(|v| v.iter().map(|p| p.clone_ref(py)).collect::<Vec<_>>())
        .unwrap_or_default();
    PyList::new(py, items)
}

#[pymethods]
impl Document {
    /// The analysed text.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// Tokens with character offsets.
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.tokens, || {
            tokens_to_py(&self.inner.text, &self.inner.tokens)
        })
    }

    /// Sentences with character offsets and tone.
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.sentences, || {
            sentences_to_py(
                &self.inner.text,
                self.inner
                    .sentences
                    .iter()
                    .map(|s| (s.start, s.end, Some(&s.tone))),
            )
        })
    }

    /// Entity mentions with character offsets, labels, scores and canonical names.
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.entities, || {
            entities_to_py(&self.inner.text, &self.inner.entities)
        })
    }

    /// Direct quotations with their speakers, cues and tone (character offsets).
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.quotes, || {
            let d = &self.inner;
            let entities = entities_to_py(&d.text, &d.entities);
            quotes_to_py(&d.text, &d.quotes, &entities)
        })
    }

    /// Entity mentions grouped by referent (canonical name, label, indices into `entities`).
    #[getter]
    fn entity_groups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.groups, || {
            self.inner
                .entity_groups
                .iter()
                .map(EntityGroup::from)
                .collect()
        })
    }

    /// The tone of the whole document.
    #[getter]
    fn tone(&self) -> Tone {
        Tone::from(&self.inner.tone)
    }

    /// Tone toward each entity (mean tone of the sentences that mention it), most mentioned first.
    fn entity_tone(&self) -> Vec<EntityTone> {
        self.inner
            .entity_tone()
            .iter()
            .map(EntityTone::from)
            .collect()
    }

    /// The document as JSON, with character offsets and span texts.
    fn to_json(&self, py: Python<'_>) -> String {
        let inner = self.inner.clone();
        py.detach(move || serde_json::to_string(&View::of(&inner)).expect("views serialize"))
    }

    /// The document as a dict of plain Python values (what `to_json` writes).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = self.to_json(py);
        py.import("json")?.call_method1("loads", (json,))
    }

    /// Rich display in Jupyter: entities highlighted by label, sentences tinted by tone.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("copydesk._html")?
            .call_method1("render_document", (slf,))?
            .extract()
    }

    fn __repr__(&self) -> String {
        let d = &self.inner;
        let head: String = d.text.chars().take(40).collect();
        let ell = if d.text.chars().count() > 40 {
            "…"
        } else {
            ""
        };
        format!(
            "Document({head:?}{ell}, tokens={}, sentences={}, entities={}, quotes={}, tone={:.3})",
            d.tokens.len(),
            d.sentences.len(),
            d.entities.len(),
            d.quotes.len(),
            d.tone.compound
        )
    }

    fn __len__(&self) -> usize {
        self.inner.tokens.len()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Document>()
            .is_ok_and(|o| *o.get().inner == *self.inner)
    }

    /// Pickles by its fields (the Rust document's JSON, byte offsets).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((
            slf.get_type().getattr("_from_state")?,
            (slf.get().inner.to_json(),),
        ))
    }

    /// Reads a document written by `to_json` (character offsets): the inverse of
    /// `to_json`, `Document.from_json(doc.to_json()) == doc`. Bad JSON or offsets that
    /// do not fit the text are a `ValueError`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: &str) -> PyResult<Self> {
        py.detach(|| from_view_json(json))
            .map(Self::new)
            .map_err(|e| {
                pyo3::exceptions::PyValueError::new_err(format!("not a copydesk document: {e}"))
            })
    }

    /// Reads a document from the dict `to_dict` returns.
    #[classmethod]
    fn from_dict(cls: &Bound<'_, PyType>, data: &Bound<'_, pyo3::types::PyDict>) -> PyResult<Self> {
        let py = cls.py();
        let json: String = py
            .import("json")?
            .call_method1("dumps", (data,))?
            .extract()?;
        Self::from_json(cls, py, &json)
    }

    /// The mean of the sentence compounds, in [-1, 1]: the document-level tone that
    /// separates outlets (`tone.compound` saturates on long articles).
    fn mean_compound(&self) -> f64 {
        self.inner.mean_compound()
    }

    #[classmethod]
    fn _from_state(_cls: &Bound<'_, PyType>, state: &str) -> PyResult<Self> {
        copydesk::Document::from_json(state)
            .map(Self::new)
            .map_err(|e| {
                pyo3::exceptions::PyValueError::new_err(format!(
                    "not a pickled copydesk Document: {e}"
                ))
            })
    }
}

/// The JSON shape of a document for Python users: character offsets and span texts.
#[derive(Serialize)]
struct View<'a> {
    text: &'a str,
    tone: &'a copydesk::Tone,
    sentences: Vec<SpanView<'a>>,
    entities: Vec<EntityView<'a>>,
    tokens: Vec<TokenView<'a>>,
    entity_tone: Vec<copydesk::EntityTone>,
    quotes: Vec<QuoteView<'a>>,
    entity_groups: &'a [copydesk::EntityGroup],
}

#[derive(Serialize)]
struct QuoteView<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    speaker: Option<EntityView<'a>>,
    speaker_text: Option<&'a str>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    cue: &'a str,
    tone: &'a copydesk::Tone,
    kind: &'static str,
}

#[derive(Serialize)]
struct SpanView<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    tone: &'a copydesk::Tone,
}

#[derive(Serialize, Clone)]
struct EntityView<'a> {
    text: &'a str,
    label: &'static str,
    start: usize,
    end: usize,
    score: f32,
    canonical: &'a str,
}

#[derive(Serialize)]
struct TokenView<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: &'static str,
}

impl<'a> View<'a> {
    fn of(d: &'a copydesk::Document) -> Self {
        let t = d.text.as_str();
        let mut cur = CharCursor::new(t);
        let sentences = d
            .sentences
            .iter()
            .map(|s| SpanView {
                text: &t[s.start..s.end],
                start: cur.to_char(s.start),
                end: cur.to_char(s.end),
                tone: &s.tone,
            })
            .collect();
        cur.reset();
        let entities: Vec<EntityView<'a>> = d
            .entities
            .iter()
            .map(|e| EntityView {
                text: &t[e.start..e.end],
                label: e.label.as_str(),
                start: cur.to_char(e.start),
                end: cur.to_char(e.end),
                score: e.score,
                canonical: &e.canonical,
            })
            .collect();
        cur.reset();
        // Speaker spans in ascending order (they need not follow the quotes' order).
        let mut speaker_bytes: Vec<usize> = d
            .quotes
            .iter()
            .filter_map(|q| q.speaker_span)
            .flat_map(|(s, e)| [s, e])
            .collect();
        speaker_bytes.sort_unstable();
        speaker_bytes.dedup();
        let mut speakers = CharCursor::new(t);
        let speaker_chars: Vec<usize> =
            speaker_bytes.iter().map(|&b| speakers.to_char(b)).collect();
        let char_of = |b: usize| {
            speaker_bytes
                .binary_search(&b)
                .map_or(0, |i| speaker_chars[i])
        };
        let quotes = d
            .quotes
            .iter()
            .map(|q| QuoteView {
                text: &t[q.start..q.end],
                start: cur.to_char(q.start),
                end: cur.to_char(q.end),
                speaker: q.speaker.and_then(|i| entities.get(i)).cloned(),
                speaker_text: q.speaker_name.as_deref(),
                speaker_start: q.speaker_span.map(|(s, _)| char_of(s)),
                speaker_end: q.speaker_span.map(|(_, e)| char_of(e)),
                cue: &q.cue,
                tone: &q.tone,
                kind: q.kind.as_str(),
            })
            .collect();
        cur.reset();
        let tokens = d
            .tokens
            .iter()
            .map(|k| TokenView {
                text: k.text(t),
                start: cur.to_char(k.start),
                end: cur.to_char(k.end),
                kind: k.kind.as_str(),
            })
            .collect();
        Self {
            text: t,
            tone: &d.tone,
            sentences,
            entities,
            tokens,
            entity_tone: d.entity_tone(),
            quotes,
            entity_groups: &d.entity_groups,
        }
    }
}

/// Turns the JSON of [`View`] (character offsets, span texts) back into a Rust document:
/// offsets to bytes, entity sentence indices and quote speakers recomputed.
fn from_view_json(json: &str) -> Result<copydesk::Document, String> {
    use serde_json::{json, Map, Value};
    let mut v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let obj = v.as_object_mut().ok_or("not a JSON object")?;
    let text = obj
        .get("text")
        .and_then(Value::as_str)
        .ok_or("no 'text' string")?
        .to_owned();
    // Byte offset of every character offset (one past the end included).
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let byte = |x: &Value| -> Result<usize, String> {
        x.as_u64()
            .and_then(|c| bytes.get(usize::try_from(c).ok()?).copied())
            .ok_or_else(|| format!("offset {x} outside the text"))
    };
    let span = |item: &Map<String, Value>| -> Result<(usize, usize), String> {
        let s = byte(item.get("start").unwrap_or(&Value::Null))?;
        let e = byte(item.get("end").unwrap_or(&Value::Null))?;
        if s > e {
            return Err(format!("span {s}..{e} ends before it starts"));
        }
        Ok((s, e))
    };
    let list = |obj: &Map<String, Value>, key: &str| -> Vec<Map<String, Value>> {
        obj.get(key)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|x| x.as_object().cloned()).collect())
            .unwrap_or_default()
    };
    let mut tokens = Vec::new();
    for t in list(obj, "tokens") {
        let (s, e) = span(&t)?;
        tokens.push(json!({"start": s, "end": e, "kind": t.get("kind")}));
    }
    let mut sentences = Vec::new();
    let mut sentence_spans = Vec::new();
    for t in list(obj, "sentences") {
        let (s, e) = span(&t)?;
        sentence_spans.push((s, e));
        sentences.push(json!({"start": s, "end": e, "tone": t.get("tone")}));
    }
    let sentence_of = |pos: usize| {
        sentence_spans
            .partition_point(|&(_, e)| e <= pos)
            .min(sentence_spans.len().saturating_sub(1))
    };
    let mut entities = Vec::new();
    let mut entity_at = std::collections::HashMap::new();
    for t in list(obj, "entities") {
        let (s, e) = span(&t)?;
        entity_at.insert((s, e), entities.len());
        entities.push(json!({
            "start": s, "end": e, "label": t.get("label"), "score": t.get("score"),
            "canonical": t.get("canonical"), "sentence": sentence_of(s),
        }));
    }
    let mut quotes = Vec::new();
    for q in list(obj, "quotes") {
        let (s, e) = span(&q)?;
        let speaker = match q.get("speaker").and_then(Value::as_object) {
            Some(sp) => Some(
                *entity_at
                    .get(&span(sp)?)
                    .ok_or("a quote's speaker is not an entity")?,
            ),
            None => None,
        };
        let speaker_span = match (q.get("speaker_start"), q.get("speaker_end")) {
            (Some(a), Some(b)) if !a.is_null() && !b.is_null() => Some((byte(a)?, byte(b)?)),
            _ => None,
        };
        let mut quote = q.clone();
        quote.remove("text");
        quote.remove("speaker_text");
        quote.remove("speaker_start");
        quote.remove("speaker_end");
        quote.insert("start".into(), json!(s));
        quote.insert("end".into(), json!(e));
        quote.insert("speaker".into(), json!(speaker));
        quote.insert("speaker_span".into(), json!(speaker_span));
        quote.insert(
            "speaker_name".into(),
            q.get("speaker_text").cloned().unwrap_or(Value::Null),
        );
        quote.insert("sentence".into(), json!(sentence_of(s)));
        quotes.push(Value::Object(quote));
    }
    let doc = json!({
        "text": text,
        "tokens": tokens,
        "sentences": sentences,
        "entities": entities,
        "tone": obj.get("tone"),
        "quotes": quotes,
        "entity_groups": obj.get("entity_groups").cloned().unwrap_or_else(|| json!([])),
    });
    serde_json::from_value(doc).map_err(|e| e.to_string())
}
