//! Exports of a map for the tools analysts use: GEXF and `GraphML` (Gephi, Cytoscape, networkx),
//! CSV tables, PLOVER/POLECAT-style event records, and pictures of the map alone (SVG, PNG).
//!
//! Main design decision: every export starts from one [`graph::GraphRows`] (nodes with
//! positions, colours and sizes as drawn; edges with their counts), so the files agree with
//! each other and with the window; pictures go through one [`scene::Scene`]. Every file is
//! written atomically.

pub mod events;
mod gexf;
pub mod graph;
mod graphml;
pub mod png;
pub mod scene;
pub mod style;
mod svg;
pub mod tables;
mod xml;

use std::path::{Path, PathBuf};

pub use events::{EventRecord, event_records, events_jsonl};
pub use gexf::{quad_id, to_gexf};
pub use graph::GraphRows;
pub use graphml::to_graphml;
pub use png::to_png;
pub use scene::Scene;
pub use svg::to_svg;

use super::{IoError, write_atomically};
use crate::model::TieMap;

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// `GraphML` (Cytoscape, yEd, networkx).
    Graphml,
    /// `nodes.csv`, `edges.csv` and `ties.csv` in a folder.
    Csv,
    /// Event records, one JSON line per tie and sentence.
    Events,
    /// The map as SVG.
    Svg,
    /// The map as PNG.
    Png,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Gexf,
        ExportFormat::Graphml,
        ExportFormat::Csv,
        ExportFormat::Events,
        ExportFormat::Svg,
        ExportFormat::Png,
    ];

    /// The file extension (for CSV, the folder gets none).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Gexf => "gexf",
            ExportFormat::Graphml => "graphml",
            ExportFormat::Csv => "",
            ExportFormat::Events => "jsonl",
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
        }
    }

    /// A label for menus.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Gexf => "GEXF (Gephi)",
            ExportFormat::Graphml => "GraphML (Cytoscape)",
            ExportFormat::Csv => "CSV tables",
            ExportFormat::Events => "Event records (PLOVER JSON lines)",
            ExportFormat::Svg => "SVG picture of the map",
            ExportFormat::Png => "PNG picture of the map",
        }
    }
}

/// How to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Include ties the text says did not happen (the window hides them by default).
    pub include_negated: bool,
    /// Picture width, pixels.
    pub width_px: u32,
    /// Picture height, pixels.
    pub height_px: u32,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            include_negated: true,
            width_px: 1600,
            height_px: 1000,
        }
    }
}

/// Writes `map` as `format` to `out` (for CSV, a folder, made if missing); returns the files
/// written.
pub fn export(
    map: &TieMap,
    format: ExportFormat,
    options: &ExportOptions,
    out: &Path,
) -> Result<Vec<PathBuf>, IoError> {
    let failed = |message: String| IoError::Io {
        path: out.to_owned(),
        error: std::io::Error::other(message),
    };
    let rows = || GraphRows::of(map, options);
    let bytes = match format {
        ExportFormat::Gexf => to_gexf(&rows()).into_bytes(),
        ExportFormat::Graphml => to_graphml(&rows()).into_bytes(),
        ExportFormat::Events => {
            events_jsonl(map, options.include_negated).map_err(|error| failed(error.to_string()))?
        }
        ExportFormat::Svg => {
            to_svg(&Scene::of(&rows(), options.width_px, options.height_px)).into_bytes()
        }
        ExportFormat::Png => {
            to_png(&Scene::of(&rows(), options.width_px, options.height_px)).map_err(failed)?
        }
        ExportFormat::Csv => return export_csv(map, options, out),
    };
    write_atomically(out, &bytes)?;
    Ok(vec![out.to_owned()])
}

fn export_csv(map: &TieMap, options: &ExportOptions, out: &Path) -> Result<Vec<PathBuf>, IoError> {
    let failed = |error: csv::Error| IoError::Io {
        path: out.to_owned(),
        error: std::io::Error::other(error.to_string()),
    };
    if !out.is_dir() {
        std::fs::create_dir(out).map_err(|error| IoError::Io {
            path: out.to_owned(),
            error,
        })?;
    }
    let rows = GraphRows::of(map, options);
    let files = [
        ("nodes.csv", tables::nodes_csv(&rows).map_err(failed)?),
        ("edges.csv", tables::edges_csv(&rows).map_err(failed)?),
        (
            "ties.csv",
            tables::ties_csv(map, options.include_negated).map_err(failed)?,
        ),
    ];
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = out.join(name);
        write_atomically(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}
