//! What the analyst chose to see of a map: the filters (quads, categories, a minimum number
//! of sentences per edge, documents left out, negated ties, actors without a tie). They are
//! part of the saved map, so a map reopens as it was left.
//!
//! The filters are plain data with one pure question, [`ViewState::shows_tie`], and one
//! derived view, [`ViewState::edges`]: the window draws exactly what these say, and tests can
//! ask them without a window.

use std::collections::BTreeSet;

use super::{Category, Edge, Quad, Tie, TieMap, edge::edges_of};

/// The filters of a map, saved with it.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct ViewState {
    /// Quads whose ties are hidden (clicked off in the legend).
    #[serde(default)]
    pub hidden_quads: BTreeSet<Quad>,
    /// PLOVER categories whose ties are hidden.
    #[serde(default)]
    pub hidden_categories: BTreeSet<Category>,
    /// Edges backed by fewer sentences than this are hidden (0 and 1 hide nothing).
    #[serde(default)]
    pub min_sentences: usize,
    /// Show ties the text says did not happen (drawn dashed and grey).
    #[serde(default)]
    pub show_negated: bool,
    /// Show actors none of whose ties is visible.
    #[serde(default)]
    pub show_isolated: bool,
    /// Documents whose evidence is taken off the map, by id.
    #[serde(default)]
    pub hidden_documents: BTreeSet<String>,
}

impl ViewState {
    /// Whether `tie` passes the tie-level filters (quad, category, negation, documents).
    pub fn shows_tie(&self, tie: &Tie) -> bool {
        if tie.negated && !self.show_negated {
            return false;
        }
        if self.hidden_quads.contains(&tie.quad) || self.hidden_categories.contains(&tie.category) {
            return false;
        }
        self.hidden_documents.is_empty()
            || tie
                .evidence
                .iter()
                .any(|evidence| !self.hidden_documents.contains(&evidence.doc))
    }

    /// Whether any filter hides something (the window says so, and offers to clear them).
    pub fn filters_anything(&self) -> bool {
        !self.hidden_quads.is_empty()
            || !self.hidden_categories.is_empty()
            || self.min_sentences > 1
            || !self.hidden_documents.is_empty()
    }

    /// The edges shown: the pairs with at least one shown tie and at least `min_sentences`
    /// sentences over them, sorted by pair.
    pub fn edges(&self, map: &TieMap) -> Vec<Edge> {
        let mut edges = edges_of(&map.ties, |tie| self.shows_tie(tie));
        if self.min_sentences > 1 {
            edges.retain(|edge| edge.evidence_count >= self.min_sentences);
        }
        edges
    }

    /// Whether a category is shown: neither it nor its quad is hidden.
    pub fn shows_category(&self, category: Category) -> bool {
        !self.hidden_categories.contains(&category) && !self.hidden_quads.contains(&category.quad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Span};

    fn tie(source: &str, target: &str, category: Category, sentences: usize) -> Tie {
        Tie {
            source: source.into(),
            target: target.into(),
            category,
            quad: category.quad(),
            mode: "m".into(),
            negated: false,
            hedged: false,
            evidence: (0..sentences)
                .map(|sentence| Evidence {
                    doc: format!("d{sentence}"),
                    sentence,
                    text: "s".into(),
                    cue: "s".into(),
                    cue_span: Span::new(0, 1),
                    mentions: vec![],
                })
                .collect(),
        }
    }

    #[test]
    fn quads_categories_minimum_and_documents_each_hide_what_they_name() {
        let mut map = TieMap::new();
        map.ties = vec![
            tie("A", "B", Category::Consult, 1),
            tie("A", "C", Category::Assault, 3),
            tie("B", "C", Category::Sanction, 2),
        ];
        let mut view = ViewState::default();
        assert_eq!(view.edges(&map).len(), 3);
        view.hidden_quads.insert(Quad::MaterialConflict);
        assert_eq!(
            view.edges(&map).len(),
            1,
            "assault and sanction are material conflict"
        );
        view.hidden_quads.clear();
        view.hidden_categories.insert(Category::Consult);
        assert_eq!(view.edges(&map).len(), 2);
        view.hidden_categories.clear();
        view.min_sentences = 2;
        assert_eq!(view.edges(&map).len(), 2, "the one-sentence edge goes");
        view.min_sentences = 0;
        view.hidden_documents = ["d0".to_owned()].into();
        let edges = view.edges(&map);
        assert_eq!(edges.len(), 2, "the tie only d0 states goes: {edges:?}");
        assert!(view.filters_anything());
    }

    #[test]
    fn a_map_saved_before_filters_existed_reads_with_none() {
        let view: ViewState = ron::from_str("()").expect("empty struct reads");
        assert_eq!(view, ViewState::default());
    }
}
