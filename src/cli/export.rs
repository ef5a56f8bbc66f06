//! `tiemap export MAP.ron|EVENTS.jsonl|ARTICLES... --format F --out PATH`: a map written as
//! GEXF, `GraphML`, CSV, event records, SVG or PNG.

use std::path::{Path, PathBuf};

use anyhow::Context;

use super::InputError;
use crate::extract::Extractor;
use crate::io::export::{ExportFormat, ExportOptions, export};
use crate::model::TieMap;

/// Options of `tiemap export`.
#[derive(Clone, Debug)]
pub struct ExportCommand<'a> {
    /// A saved map, a file of event records, or articles.
    pub inputs: &'a [PathBuf],
    /// What to write.
    pub format: ExportFormat,
    /// Where (for CSV, a folder).
    pub out: &'a Path,
    /// Picture size and which ties count.
    pub options: ExportOptions,
}

/// What kind of input a path is, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A saved map (`.ron`).
    Map,
    /// Event records (`.jsonl`).
    Events,
    /// An article (anything else).
    Article,
}

/// The kind of `path`.
pub fn input_kind(path: &Path) -> InputKind {
    let extension = path
        .extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("ron") => InputKind::Map,
        Some("jsonl") => InputKind::Events,
        _ => InputKind::Article,
    }
}

/// Reads the inputs as one map: a saved map or an event file alone, or articles extracted
/// together. Returns the warnings to print.
pub fn load_inputs(inputs: &[PathBuf]) -> anyhow::Result<(TieMap, Vec<String>)> {
    let not_articles: Vec<&PathBuf> = inputs
        .iter()
        .filter(|path| input_kind(path) != InputKind::Article)
        .collect();
    if let Some(first) = not_articles.first() {
        if inputs.len() > 1 {
            return Err(InputError::Invalid(
                "give one saved map (.ron) or event file (.jsonl) at a time, or articles (.txt, .md)"
                    .into(),
            )
            .into());
        }
        let loaded = match input_kind(first) {
            InputKind::Events => crate::io::import::load_events(first),
            _ => crate::io::load_map_with_warnings(first),
        };
        return Ok(loaded.map_err(InputError::from)?);
    }
    let mut documents = Vec::with_capacity(inputs.len());
    let mut warnings = Vec::new();
    for path in inputs {
        let (mut document, more) = crate::io::load_document(path).map_err(InputError::from)?;
        warnings.extend(more);
        let base = document.id.clone();
        let mut suffix = 2;
        while documents
            .iter()
            .any(|other: &crate::model::Document| other.id == document.id)
        {
            document.id = format!("{base}-{suffix}");
            suffix += 1;
        }
        documents.push(document);
    }
    let extractor = Extractor::new().context("loading the built-in gazetteer and lexicon")?;
    Ok((extractor.build_map(documents), warnings))
}

/// Runs the command; returns the files written and the warnings met on the way.
pub fn run(command: &ExportCommand<'_>) -> anyhow::Result<(Vec<PathBuf>, Vec<String>)> {
    let (map, warnings) = load_inputs(command.inputs)?;
    let written =
        export(&map, command.format, &command.options, command.out).map_err(InputError::from)?;
    Ok((written, warnings))
}
