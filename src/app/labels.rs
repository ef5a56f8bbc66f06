//! Which nodes get a label, and where: as many as fit without overlapping, the weightiest
//! first, plus every node the user points at, selected or searched for, whatever it hides.
//!
//! Placement is greedy in the layout's weight order (most sentences first): a label goes
//! under its node when its rectangle meets no label placed before and no node considered
//! before. The number of labels and of candidates tried is capped, so a 10,000-node map costs
//! a few hundred rectangle tests a frame; while nothing moves, the last placement is reused.

use eframe::egui;
use egui::{Pos2, Rect, Vec2, vec2};

use super::theme;

/// One label to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// The layout node.
    pub node: usize,
    /// Where the text goes, in screen points.
    pub rect: Rect,
}

/// A node that may get a label.
#[derive(Clone, Copy, Debug)]
pub struct LabelCandidate {
    /// The layout node.
    pub node: usize,
    /// Its centre on screen.
    pub center: Pos2,
    /// Its radius on screen.
    pub radius_px: f32,
}

/// The rectangle of a label of `size` under a node.
pub fn label_rect(candidate: &LabelCandidate, size: Vec2, gap_px: f32) -> Rect {
    let top = candidate.center + vec2(0.0, candidate.radius_px + gap_px);
    egui::Align2::CENTER_TOP.anchor_size(top, size)
}

/// Places labels: first every one of `must` (pointed at, selected, searched), then the
/// `by_weight` candidates that fit, until [`theme::MAX_LABELS`] are placed or
/// [`theme::MAX_LABEL_CANDIDATES`] have been tried. `measure` gives a node's text size.
pub fn place_labels(
    must: &[LabelCandidate],
    by_weight: impl IntoIterator<Item = LabelCandidate>,
    gap_px: f32,
    mut measure: impl FnMut(usize) -> Vec2,
) -> Vec<PlacedLabel> {
    let mut placed: Vec<PlacedLabel> = Vec::new();
    // Nodes already considered: a later label must not cover them either.
    let mut discs: Vec<Rect> = Vec::new();
    for candidate in must {
        if placed.iter().any(|label| label.node == candidate.node) {
            continue;
        }
        let rect = label_rect(candidate, measure(candidate.node), gap_px);
        placed.push(PlacedLabel {
            node: candidate.node,
            rect,
        });
        discs.push(disc_rect(candidate));
    }
    for (tried, candidate) in by_weight.into_iter().enumerate() {
        if placed.len() >= theme::MAX_LABELS || tried >= theme::MAX_LABEL_CANDIDATES {
            break;
        }
        if placed.iter().any(|label| label.node == candidate.node) {
            continue;
        }
        let rect = label_rect(&candidate, measure(candidate.node), gap_px);
        let padded = rect.expand(theme::LABEL_MARGIN_PX);
        let free = !placed.iter().any(|label| label.rect.intersects(padded))
            && !discs.iter().any(|disc| disc.intersects(padded));
        discs.push(disc_rect(&candidate));
        if free {
            placed.push(PlacedLabel {
                node: candidate.node,
                rect,
            });
        }
    }
    placed
}

fn disc_rect(candidate: &LabelCandidate) -> Rect {
    Rect::from_center_size(candidate.center, Vec2::splat(2.0 * candidate.radius_px))
}

/// What a placement depends on; equal keys give equal placements.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelKey {
    /// The layout and its revision (changes whenever a node moves).
    pub layout_revision: u64,
    /// The camera and the map's place on screen.
    pub transform: crate::app::transform::ScreenFromWorld,
    /// The map's rectangle.
    pub map_rect: Rect,
    /// The nodes that must be labelled.
    pub must: Vec<usize>,
    /// The label font size.
    pub font_px: f32,
}

/// The last placement and what it was made for.
#[derive(Default)]
pub struct LabelCache {
    key: Option<LabelKey>,
    placed: Vec<PlacedLabel>,
    /// Placements made (not reused) since the cache was created, for tests.
    pub placements: usize,
}

impl LabelCache {
    /// The labels of the last frame.
    pub fn placed(&self) -> &[PlacedLabel] {
        &self.placed
    }

    /// The labels for `key`, placed by `place` unless the last placement was for the same key.
    pub fn get_or_place(
        &mut self,
        key: LabelKey,
        place: impl FnOnce() -> Vec<PlacedLabel>,
    ) -> &[PlacedLabel] {
        if self.key.as_ref() != Some(&key) {
            self.placed = place();
            self.key = Some(key);
            self.placements += 1;
        }
        &self.placed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn candidate(node: usize, x: f32, y: f32) -> LabelCandidate {
        LabelCandidate {
            node,
            center: pos2(x, y),
            radius_px: 5.0,
        }
    }

    #[test]
    fn labels_never_overlap_and_the_weightiest_wins() {
        // Three nodes in a row, 20 px apart, with 60 px labels: only every other one fits.
        let nodes: Vec<LabelCandidate> = (0..3)
            .map(|i| candidate(i, 100.0 + 20.0 * i as f32, 100.0))
            .collect();
        let order = [nodes[1], nodes[0], nodes[2]];
        let placed = place_labels(&[], order, 2.0, |_| vec2(60.0, 12.0));
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].node, 1, "the first in weight order is placed");
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.rect.intersects(b.rect));
            }
        }
    }

    #[test]
    fn a_pointed_node_is_labelled_even_where_labels_crowd() {
        let nodes: Vec<LabelCandidate> = (0..3)
            .map(|i| candidate(i, 100.0 + 20.0 * i as f32, 100.0))
            .collect();
        let placed = place_labels(&[nodes[2]], nodes.clone(), 2.0, |_| vec2(60.0, 12.0));
        assert!(placed.iter().any(|label| label.node == 2));
        assert!(placed.len() <= 2);
    }

    #[test]
    fn far_apart_nodes_all_get_labels() {
        let nodes: Vec<LabelCandidate> = (0..10)
            .map(|i| candidate(i, 100.0 * i as f32, 100.0))
            .collect();
        let placed = place_labels(&[], nodes, 2.0, |_| vec2(60.0, 12.0));
        assert_eq!(placed.len(), 10);
    }
}
