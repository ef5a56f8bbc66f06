//! The map as data: documents, actors, ties with their evidence, reported figures, and where
//! the user put each node.
//!
//! Everything here is plain serde data with no behaviour beyond small derived views
//! (`TieMap::edges`). The same types are written as RON (saved maps) and JSON (the CLI), so
//! field names are the file format: change them only with a format version bump.

mod actor;
mod category;
mod date;
mod edge;
mod evidence;
mod figure;
mod map;
mod view_state;

pub use actor::{Actor, ActorId, ActorKind};
pub use category::{Category, Quad};
pub use date::{DateError, DocumentDate, check_document_date};
pub use edge::{Edge, EdgeKey};
pub use evidence::{Evidence, Mention, Span};
pub use figure::{
    Amount, Approximation, Figure, FigureKind, FigureRole, FigureStatus, RateSource,
    UNKNOWN_CURRENCY, UsdRate,
};
pub use map::{Document, MAP_FORMAT_VERSION, NodePlacement, TieMap};
pub use view_state::ViewState;

/// One tie: `source` does `category` to `target`, as stated by the evidence sentences.
///
/// Ties are merged per (source, target, category, mode, negated, hedged): evidence from several
/// sentences piles up on one tie, so the evidence count is the tie's weight on the map.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Tie {
    /// The actor that acts (for symmetric ties such as trade, the first named).
    pub source: ActorId,
    /// The actor acted upon.
    pub target: ActorId,
    /// PLOVER event category.
    pub category: Category,
    /// PLOVER quad, always `category.quad()`; stored so files and JSON are self-describing.
    pub quad: Quad,
    /// A finer label under the category, from the cue lexicon ("visit", "trade", "military").
    pub mode: String,
    /// The text states that this did not happen ("refused to condemn"); hidden on the map by default.
    pub negated: bool,
    /// The text only says it may happen ("potential visits", "analysts predict").
    pub hedged: bool,
    /// The sentences that state the tie, in document order.
    pub evidence: Vec<Evidence>,
}

impl Tie {
    /// The unordered pair this tie draws an edge between.
    pub fn edge_key(&self) -> EdgeKey {
        EdgeKey::new(&self.source, &self.target)
    }
}
