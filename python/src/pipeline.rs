//! The Python `Pipeline` and the batch machinery: input extraction with per-item errors,
//! work in chunks without the GIL (so Ctrl-C is honoured between chunks) on the facade's
//! thread pools (`copydesk::Pipeline::analyze_many_on`, fork-safe).

use std::collections::HashMap;
use std::sync::Arc;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::document::Document;
use crate::errors::{item_err, to_py_err};

/// Texts per chunk of a batch are limited to this many bytes: the GIL is re-taken and
/// signals (Ctrl-C) are checked between chunks.
const CHUNK_BYTES: usize = 1 << 20;

/// Extracts a sequence of `str` (not a `str` itself), naming the index of a bad item.
pub fn extract_texts<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyString>>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a str",
        ));
    }
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "texts must be an iterable of str, not {}",
            type_name(texts)
        ))
    })?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        match item.cast_into::<PyString>() {
            Ok(s) => out.push(s),
            Err(e) => {
                let detail = format!("must be str, not {}", type_name(&e.into_inner()));
                return Err(item_err::<PyTypeError>(texts.py(), i, detail));
            }
        }
    }
    Ok(out)
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// Borrows UTF-8 views of the strings; a lone surrogate is a `ValueError` naming the index.
pub fn as_strs<'a>(texts: &'a [Bound<'_, PyString>]) -> PyResult<Vec<&'a str>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, s)| {
            s.to_str().map_err(|e| {
                let detail = format!("cannot be encoded as UTF-8: {e}");
                item_err::<PyValueError>(s.py(), i, detail)
            })
        })
        .collect()
}

/// Analyses `texts` on `threads` threads without the GIL, in chunks, checking for Ctrl-C
/// between chunks. Results are in input order.
pub fn analyze_batch(
    py: Python<'_>,
    pipeline: &copydesk::Pipeline,
    texts: &[&str],
    threads: Option<usize>,
) -> PyResult<Vec<copydesk::Document>> {
    if threads == Some(0) {
        return Err(PyValueError::new_err("n_threads must be at least 1"));
    }
    let mut out = Vec::with_capacity(texts.len());
    let mut rest = texts;
    while !rest.is_empty() {
        let mut bytes = 0;
        let mut n = 0;
        while n < rest.len() && (n == 0 || bytes + rest[n].len() <= CHUNK_BYTES) {
            bytes += rest[n].len();
            n += 1;
        }
        let (chunk, tail) = rest.split_at(n);
        rest = tail;
        let docs = py
            .detach(|| pipeline.analyze_many_on(chunk, threads))
            .map_err(to_py_err)?;
        out.extend(docs);
        py.check_signals()?;
    }
    Ok(out)
}

/// What `Pipeline.__reduce__` returns: `functools.partial(cls, **config)` and `()`.
type Reduced<'py> = (Bound<'py, PyAny>, ());

/// The analysis pipeline. `nlp(text)` analyses one text; `nlp.analyze_many(texts)` many in
/// parallel; `nlp.pipe(texts)` streams. Safe to share between threads; picklable by its
/// configuration.
#[pyclass(frozen, subclass, module = "copydesk")]
pub struct Pipeline {
    pub(crate) inner: Arc<copydesk::Pipeline>,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (*, entities=true, tone=true, abbreviations=None, titles=None, entity_rules=None, entity_model=None, tone_lexicon=None, replace_tone_lexicon=false, threads=None, quotes=true, aliases=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        entities: bool,
        tone: bool,
        abbreviations: Option<Vec<String>>,
        titles: Option<Vec<String>>,
        entity_rules: Option<&Bound<'_, PyAny>>,
        entity_model: Option<std::path::PathBuf>,
        tone_lexicon: Option<&Bound<'_, PyDict>>,
        replace_tone_lexicon: bool,
        threads: Option<usize>,
        quotes: bool,
        aliases: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let aliases: Vec<(String, String)> = match aliases {
            None => Vec::new(),
            Some(a) => match a.cast::<PyDict>() {
                Ok(d) => d.items().extract()?,
                Err(_) => a.extract().map_err(|_| {
                    PyTypeError::new_err(
                        "aliases must be a dict {variant: canonical} or a list of (variant, canonical)",
                    )
                })?,
            },
        };
        let mut rules = Vec::new();
        if let Some(r) = entity_rules {
            let pairs: Vec<(String, String)> = match r.cast::<PyDict>() {
                Ok(d) => d.items().extract()?,
                Err(_) => r.extract().map_err(|_| {
                    PyTypeError::new_err(
                        "entity_rules must be a dict {phrase: label} or a list of (phrase, label)",
                    )
                })?,
            };
            for (phrase, label) in pairs {
                let label: copydesk::Label = label.parse().map_err(|_| {
                    PyValueError::new_err(format!(
                        "unknown entity label {label:?} for rule {phrase:?}; expected PER, ORG, LOC, MISC, DATE, TIME, MONEY or PERCENT"
                    ))
                })?;
                rules.push(copydesk::EntityRule { phrase, label });
            }
        }
        let mut lexicon: Vec<(String, f32)> = match tone_lexicon {
            Some(d) => d.extract::<HashMap<String, f32>>()?.into_iter().collect(),
            None => Vec::new(),
        };
        lexicon.sort_by(|a, b| a.0.cmp(&b.0));
        let config = copydesk::PipelineConfig {
            entities,
            tone,
            abbreviations: abbreviations.unwrap_or_default(),
            titles: titles.unwrap_or_default(),
            entity_rules: rules,
            entity_model,
            tone_lexicon: lexicon,
            replace_tone_lexicon,
            threads,
            quotes,
            aliases,
        };
        let inner = copydesk::Pipeline::from_config(config).map_err(to_py_err)?;
        Ok(Self {
            inner: Arc::new(inner),
        })
    }

    /// Analyses one text.
    fn __call__(&self, py: Python<'_>, text: &str) -> Document {
        self.analyze(py, text)
    }

    /// Analyses one text.
    fn analyze(&self, py: Python<'_>, text: &str) -> Document {
        Document::new(py.detach(|| self.inner.analyze(text)))
    }

    /// Analyses many texts in parallel (GIL released); results in input order.
    #[pyo3(signature = (texts, n_threads=None))]
    fn analyze_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<usize>,
    ) -> PyResult<Vec<Document>> {
        let owned = extract_texts(texts)?;
        let strs = as_strs(&owned)?;
        let docs = analyze_batch(py, &self.inner, &strs, n_threads)?;
        Ok(docs.into_iter().map(Document::new).collect())
    }

    /// The configuration as keyword arguments of the constructor.
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let c = self.inner.config();
        let d = PyDict::new(py);
        d.set_item("entities", c.entities)?;
        d.set_item("tone", c.tone)?;
        d.set_item("abbreviations", c.abbreviations.clone())?;
        d.set_item("titles", c.titles.clone())?;
        let rules: Vec<(String, &str)> = c
            .entity_rules
            .iter()
            .map(|r| (r.phrase.clone(), r.label.as_str()))
            .collect();
        d.set_item("entity_rules", rules)?;
        d.set_item("entity_model", c.entity_model.clone())?;
        let lex = PyDict::new(py);
        for (k, v) in &c.tone_lexicon {
            lex.set_item(k, *v)?;
        }
        d.set_item("tone_lexicon", lex)?;
        d.set_item("replace_tone_lexicon", c.replace_tone_lexicon)?;
        d.set_item("threads", c.threads)?;
        d.set_item("quotes", c.quotes)?;
        let aliases = PyDict::new(py);
        for (variant, canonical) in &c.aliases {
            aliases.set_item(variant, canonical)?;
        }
        d.set_item("aliases", aliases)?;
        Ok(d)
    }

    /// Pickles by configuration: unpickling calls `cls(**config)`, rebuilding the pipeline
    /// (and its Python subclass) under every pickle protocol.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let py = slf.py();
        let partial = py.import("functools")?.getattr("partial")?;
        let kwargs = slf.get().config(py)?;
        let rebuild = partial.call((slf.get_type(),), Some(&kwargs))?;
        Ok((rebuild, ()))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let cfg = self.config(py)?;
        let default = Pipeline::new(
            true, true, None, None, None, None, None, false, None, true, None,
        )?;
        let base = default.config(py)?;
        let mut parts = Vec::new();
        for (k, v) in cfg.iter() {
            if !base
                .get_item(&k)?
                .is_some_and(|b| b.eq(&v).unwrap_or(false))
            {
                parts.push(format!("{}={}", k, v.repr()?));
            }
        }
        Ok(format!("Pipeline({})", parts.join(", ")))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Pipeline>()
            .is_ok_and(|o| o.get().inner.config() == self.inner.config())
    }
}
