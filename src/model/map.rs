//! The whole map: what a saved file holds and what the window shows.

use std::collections::BTreeMap;

use super::{Actor, ActorId, Edge, Figure, Tie, ViewState, edge::edges_of};

/// Version of the saved-map format; bumped when fields change meaning.
pub const MAP_FORMAT_VERSION: u32 = 1;

/// A source document.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// Stable id, unique within a map (the file stem, or the id given on the CLI).
    pub id: String,
    /// Title, when known.
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; resolves "last year" and names by office.
    #[serde(default)]
    pub date: Option<String>,
    /// The full text.
    pub text: String,
}

/// Where a node is drawn, in world units, and whether the user pinned it there.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NodePlacement {
    /// World x.
    pub x: f32,
    /// World y.
    pub y: f32,
    /// The user dropped it here: the layout must not move it.
    #[serde(default)]
    pub pinned: bool,
}

/// A map of ties between actors, with everything needed to redraw and re-check it.
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct TieMap {
    /// Format version ([`MAP_FORMAT_VERSION`]).
    pub version: u32,
    /// The documents the ties come from.
    pub documents: Vec<Document>,
    /// The actors named, sorted by id.
    pub actors: Vec<Actor>,
    /// The ties, sorted by (source, target, category, mode).
    pub ties: Vec<Tie>,
    /// Reported figures, in document order.
    pub figures: Vec<Figure>,
    /// Node positions by actor id; missing entries are laid out afresh.
    #[serde(default)]
    pub positions: BTreeMap<ActorId, NodePlacement>,
    /// The filters the map was saved with (none in maps saved before they existed).
    #[serde(default)]
    pub view: ViewState,
}

impl TieMap {
    /// An empty map of the current format version.
    pub fn new() -> Self {
        TieMap {
            version: MAP_FORMAT_VERSION,
            ..TieMap::default()
        }
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors
            .binary_search_by(|actor| actor.id.as_str().cmp(id))
            .ok()
            .map(|index| &self.actors[index])
    }

    /// The edges drawn on the map: one per pair with a shown tie, sorted by pair. Negated
    /// ties are shown only when `show_negated` is set.
    pub fn edges(&self, show_negated: bool) -> Vec<Edge> {
        edges_of(&self.ties, |tie| show_negated || !tie.negated)
    }

    /// Figures between exactly the pair `a`-`b`, in map order.
    pub fn figures_between(&self, a: &str, b: &str) -> Vec<&Figure> {
        self.figures
            .iter()
            .filter(|figure| {
                figure.actors.len() == 2
                    && figure.actors.iter().any(|actor| actor == a)
                    && figure.actors.iter().any(|actor| actor == b)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Category, Evidence, Span};

    fn tie(source: &str, target: &str, category: Category, negated: bool) -> Tie {
        Tie {
            source: source.into(),
            target: target.into(),
            category,
            quad: category.quad(),
            mode: "test".into(),
            negated,
            hedged: false,
            evidence: vec![Evidence {
                doc: "d".into(),
                sentence: 0,
                text: "s".into(),
                cue: "s".into(),
                cue_span: Span::new(0, 1),
                mentions: vec![],
            }],
        }
    }

    #[test]
    fn edges_merge_both_directions_and_hide_negated_ties() {
        let mut map = TieMap::new();
        map.actors = ["CHN", "RUS", "USA"]
            .iter()
            .map(|id| Actor {
                id: (*id).into(),
                name: (*id).into(),
                kind: ActorKind::Country,
            })
            .collect();
        map.ties = vec![
            tie("CHN", "RUS", Category::Consult, false),
            tie("RUS", "CHN", Category::Assault, false),
            tie("CHN", "USA", Category::Accuse, true),
        ];
        let edges = map.edges(false);
        assert_eq!(edges.len(), 1, "the negated CHN-USA tie makes no edge");
        assert_eq!(edges[0].key, EdgeKey::new("RUS", "CHN"));
        assert_eq!(edges[0].ties, vec![0, 1]);
        assert_eq!(edges[0].evidence_count, 2);
        assert_eq!(edges[0].dominant_quad, crate::model::Quad::MaterialConflict);
        assert_eq!(map.edges(true).len(), 2);
        assert!(map.actor("RUS").is_some());
        assert!(map.actor("XXX").is_none());
    }

    use crate::model::EdgeKey;
}
