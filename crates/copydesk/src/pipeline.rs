//! The configured pipeline: tokenizer → sentence splitter → entity tagger → tone scorer,
//! then entity alias grouping and quotation finding.

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use copydesk_entities::{EntityTagger, Label};
use copydesk_sentences::SentenceSplitter;
use copydesk_tokenize::Tokenizer;
use copydesk_tone::{Lexicon, ToneScorer};

use crate::aliases::{self, AliasTable};
use crate::document::Document;
use crate::error::Error;
use crate::quotes;

/// A user phrase rule: every occurrence of `phrase` is an entity with `label`, overriding
/// the statistical model (like spaCy's EntityRuler).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRule {
    /// The phrase, matched on normalized tokens (case-insensitive, quotes and dashes unified).
    pub phrase: String,
    /// The label given to its matches.
    pub label: Label,
}

/// Everything that defines a [`Pipeline`]; plain data, serializable, so a pipeline can be
/// rebuilt elsewhere (pickling in Python ships this, not the model tables).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PipelineConfig {
    /// Run the entity tagger.
    pub entities: bool,
    /// Run the tone scorer.
    pub tone: bool,
    /// Extra abbreviations (e.g. `"Gov."`): the tokenizer keeps their period on the word
    /// and the sentence splitter ends a sentence after one only before a typical sentence
    /// starter.
    pub abbreviations: Vec<String>,
    /// Extra titles that never end a sentence before a name (e.g. `"Amb."`); the tokenizer
    /// keeps their period on the word.
    pub titles: Vec<String>,
    /// User entity rules, applied over the model's output.
    pub entity_rules: Vec<EntityRule>,
    /// A model file to load instead of the built-in entity model.
    pub entity_model: Option<PathBuf>,
    /// Tone lexicon entries (term → valence, about -4..4) added to or replacing the built-in lexicon.
    pub tone_lexicon: Vec<(String, f32)>,
    /// Replace the built-in tone lexicon with `tone_lexicon` instead of extending it.
    pub replace_tone_lexicon: bool,
    /// Threads for [`Pipeline::analyze_many`]; `None`: `RAYON_NUM_THREADS` if set, else
    /// all cores. Pools are shared per process and thread count, and are fork-safe.
    pub threads: Option<usize>,
    /// Find direct quotations and their speakers ([`crate::Quote`]).
    pub quotes: bool,
    /// Entity aliases (variant → canonical name) added to the built-in alias table.
    pub aliases: Vec<(String, String)>,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        Self {
            entities: true,
            tone: true,
            abbreviations: Vec::new(),
            titles: Vec::new(),
            entity_rules: Vec::new(),
            entity_model: None,
            tone_lexicon: Vec::new(),
            replace_tone_lexicon: false,
            threads: None,
            quotes: true,
            aliases: Vec::new(),
        }
    }
}

/// Builds a [`Pipeline`] step by step; see [`Pipeline::builder`].
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    config: PipelineConfig,
}

impl PipelineBuilder {
    /// Turns the entity tagger on or off.
    pub fn entities(mut self, on: bool) -> Self {
        self.config.entities = on;
        self
    }

    /// Turns the tone scorer on or off.
    pub fn tone(mut self, on: bool) -> Self {
        self.config.tone = on;
        self
    }

    /// Adds an abbreviation (`"Gov."`): the tokenizer keeps its period on the word, and the
    /// sentence splitter ends a sentence after it only before a typical sentence starter.
    pub fn abbreviation(mut self, abbr: impl Into<String>) -> Self {
        self.config.abbreviations.push(abbr.into());
        self
    }

    /// Adds a title that precedes names (`"Amb."`).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.config.titles.push(title.into());
        self
    }

    /// Adds a user entity rule.
    pub fn entity_rule(mut self, phrase: impl Into<String>, label: Label) -> Self {
        self.config.entity_rules.push(EntityRule {
            phrase: phrase.into(),
            label,
        });
        self
    }

    /// Loads the entity model from a file instead of using the built-in one.
    pub fn entity_model(mut self, path: impl Into<PathBuf>) -> Self {
        self.config.entity_model = Some(path.into());
        self
    }

    /// Adds tone lexicon entries (term → valence on VADER's -4..4 scale).
    pub fn tone_lexicon<I, S>(mut self, entries: I) -> Self
    where
        I: IntoIterator<Item = (S, f32)>,
        S: Into<String>,
    {
        self.config
            .tone_lexicon
            .extend(entries.into_iter().map(|(t, v)| (t.into(), v)));
        self
    }

    /// Whether the tone lexicon given replaces the built-in one (default: it extends it).
    pub fn replace_tone_lexicon(mut self, replace: bool) -> Self {
        self.config.replace_tone_lexicon = replace;
        self
    }

    /// Turns quotation finding on or off.
    pub fn quotes(mut self, on: bool) -> Self {
        self.config.quotes = on;
        self
    }

    /// Adds an entity alias: mentions of `variant` get the canonical name `canonical`
    /// (and are grouped with every other mention of it).
    pub fn alias(mut self, variant: impl Into<String>, canonical: impl Into<String>) -> Self {
        self.config.aliases.push((variant.into(), canonical.into()));
        self
    }

    /// Threads for [`Pipeline::analyze_many`] (default: all cores).
    pub fn threads(mut self, n: usize) -> Self {
        self.config.threads = Some(n);
        self
    }

    /// Builds the pipeline.
    pub fn build(self) -> Result<Pipeline, Error> {
        Pipeline::from_config(self.config)
    }
}

/// The analysis pipeline. Build once, use from many threads (`Send + Sync`); analysing a
/// text never fails.
#[derive(Clone, Debug)]
pub struct Pipeline {
    config: PipelineConfig,
    tokenizer: Tokenizer,
    splitter: SentenceSplitter,
    tagger: Option<EntityTagger>,
    scorer: Option<ToneScorer>,
    aliases: Arc<AliasTable>,
}

static DEFAULT: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Pipeline {
    /// The default pipeline: every component with its built-in model.
    pub fn new() -> Self {
        Self::from_config(PipelineConfig::default()).expect("the default configuration is valid")
    }

    /// A process-wide default pipeline, built on first use.
    pub fn shared_default() -> &'static Pipeline {
        &DEFAULT
    }

    /// A builder starting from the default configuration.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Builds a pipeline from its configuration.
    pub fn from_config(config: PipelineConfig) -> Result<Self, Error> {
        // The same extra abbreviations and titles reach the tokenizer and the splitter (the
        // default tokenizer is kept when there are none: it shares the built-in tables).
        let mut tokenizer = Tokenizer::default();
        if !config.abbreviations.is_empty() {
            tokenizer = tokenizer.with_abbreviations(&config.abbreviations);
        }
        if !config.titles.is_empty() {
            tokenizer = tokenizer.with_titles(&config.titles);
        }
        let mut splitter = SentenceSplitter::default();
        for a in &config.abbreviations {
            splitter.add_abbreviation(a);
        }
        for t in &config.titles {
            splitter.add_title(t);
        }
        let tagger = if config.entities {
            let mut tagger = match &config.entity_model {
                Some(path) => EntityTagger::from_model_file(path)?,
                None => EntityTagger::default(),
            };
            for rule in &config.entity_rules {
                tagger.add_rule(&rule.phrase, rule.label);
            }
            Some(tagger)
        } else {
            None
        };
        let scorer = if config.tone {
            let mut lexicon = Lexicon::new();
            for (term, valence) in &config.tone_lexicon {
                if !valence.is_finite() {
                    return Err(Error::Config(format!(
                        "tone lexicon value for {term:?} is not a finite number"
                    )));
                }
                lexicon.insert(term, *valence);
            }
            Some(if config.replace_tone_lexicon {
                ToneScorer::with_lexicon(lexicon)
            } else {
                let mut s = ToneScorer::default();
                if !config.tone_lexicon.is_empty() {
                    s.extend_lexicon(&lexicon);
                }
                s
            })
        } else {
            None
        };
        let aliases = if config.aliases.is_empty() {
            AliasTable::builtin()
        } else {
            let mut table = (*AliasTable::builtin()).clone();
            for (variant, canonical) in &config.aliases {
                if variant.trim().is_empty() || canonical.trim().is_empty() {
                    return Err(Error::Config(format!(
                        "alias {variant:?} → {canonical:?}: names must not be empty"
                    )));
                }
                table.insert(variant, canonical);
            }
            Arc::new(table)
        };
        // Validates the thread count and starts the pool now, so that analysis never fails.
        crate::pool::get(config.threads)?;
        Ok(Self {
            config,
            tokenizer,
            splitter,
            tagger,
            scorer,
            aliases,
        })
    }

    /// The configuration this pipeline was built from.
    pub fn config(&self) -> &PipelineConfig {
        &self.config
    }

    /// Analyses one text.
    pub fn analyze(&self, text: &str) -> Document {
        let tokens = self.tokenizer.tokenize(text);
        let sentences = self.splitter.split(text, &tokens);
        let entities = match &self.tagger {
            Some(t) => t.tag(text, &tokens, &sentences),
            None => Vec::new(),
        };
        let tones = self
            .scorer
            .as_ref()
            .map(|s| s.score_document(text, &tokens, &sentences));
        let grouping = aliases::group(text, &entities, &self.aliases);
        let quotes = if self.config.quotes {
            let starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
            quotes::find(text, &tokens, &starts, &entities, &grouping)
                .into_iter()
                .map(|f| {
                    let mut q = f.quote;
                    if let Some(s) = &self.scorer {
                        q.tone = s.score_sentence(text, &tokens[f.tokens]);
                    }
                    q
                })
                .collect()
        } else {
            Vec::new()
        };
        Document::assemble(text, tokens, &sentences, entities, tones, grouping, quotes)
    }

    /// Analyses many texts in parallel on the configured number of threads; the result is
    /// in input order and equal to mapping [`Pipeline::analyze`] over the texts.
    pub fn analyze_many<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Document> {
        self.install(|| self.analyze_par(texts))
    }

    /// [`Pipeline::analyze_many`] on `threads` threads instead of the configured count
    /// (`None`: the configured count). Fails only for `Some(0)`.
    pub fn analyze_many_on<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        threads: Option<usize>,
    ) -> Result<Vec<Document>, Error> {
        self.install_on(threads, || self.analyze_par(texts))
    }

    fn analyze_par<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Document> {
        texts.par_iter().map(|t| self.analyze(t.as_ref())).collect()
    }

    /// Runs `f` on this pipeline's thread pool (see [`PipelineConfig::threads`]).
    pub fn install<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        // The configured count was validated when the pipeline was built; should the pool
        // fail to start, rayon's global pool gives the same result.
        match crate::pool::get(self.config.threads) {
            Ok(pool) => pool.install(f),
            Err(_) => f(),
        }
    }

    /// Runs `f` on the pool of `threads` threads (`None`: the configured count). Fails only
    /// for `Some(0)`. Should a pool fail to start (no threads left in the process), `f` runs
    /// on rayon's global pool instead: the result is the same.
    pub fn install_on<R: Send>(
        &self,
        threads: Option<usize>,
        f: impl FnOnce() -> R + Send,
    ) -> Result<R, Error> {
        match crate::pool::get(threads.or(self.config.threads)) {
            Ok(pool) => Ok(pool.install(f)),
            Err(e @ Error::Config(_)) => Err(e),
            Err(_) => Ok(f()),
        }
    }
}
