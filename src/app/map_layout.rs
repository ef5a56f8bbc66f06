//! The live layout of the map shown: turns the `TieMap` into a `LayoutGraph` (one node per
//! actor, one link per edge) and runs the simulation a few ticks per frame until it settles.
//!
//! Node radii given to the layout are the node's whole footprint, its shape plus its label,
//! so the layout's collision force keeps labels apart, not just discs.

use eframe::egui;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::layout::{LayoutConfig, LayoutGraph, LayoutLink, Simulation};
use crate::model::{ActorId, ActorKind, Edge, NodePlacement, TieMap};

use super::theme;

/// Seed of every layout: the same map opens the same way each time.
const LAYOUT_SEED: u64 = 1;
/// Time the simulation may take per frame before it yields to drawing. A frame always runs
/// at least one tick; on a 10,000-node map one tick takes about this long, so the window
/// keeps its frame rate and the map moves a tick a frame.
const TICK_BUDGET: Duration = Duration::from_millis(5);
/// Simulation ticks per second of wall time: the map settles in the same two or three seconds
/// whether the window draws 60 frames a second or 5 (a software renderer on a busy machine).
const TICKS_PER_SECOND: f32 = 120.0;
/// At most this many ticks per frame, so that a long pause does not make the map jump.
const MAX_TICKS_PER_FRAME: usize = 24;
/// Alpha kept while a node is dragged, so its neighbours make room.
const DRAG_ALPHA_TARGET: f32 = 0.3;
/// Alpha a map is reheated to after a node is unpinned.
const UNPIN_REHEAT_ALPHA: f32 = 0.3;

/// Source of layout revisions: every layout and every move gets a number never used before,
/// so "same revision" means "same positions" even across layouts.
static NEXT_REVISION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Size of a node on the map, in world units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeSize {
    /// Radius of its disc or square.
    pub shape_radius: f32,
    /// Estimated width of its label.
    pub label_width: f32,
}

impl NodeSize {
    /// The radius of the circle around the node's shape and the label drawn under it.
    pub fn footprint_radius(self) -> f32 {
        let half_width = (self.label_width * 0.5).max(self.shape_radius);
        let depth = self.shape_radius + theme::LABEL_GAP_WORLD + theme::LABEL_SIZE_WORLD * 1.2;
        half_width.hypot(depth) + theme::NODE_PADDING_WORLD
    }
}

/// The layout of one map: its simulation and the index from actors to layout nodes.
pub struct MapLayout {
    simulation: Simulation,
    /// Actor ids in layout node order (the map's actor order).
    node_ids: Vec<ActorId>,
    node_index: BTreeMap<ActorId, usize>,
    sizes: Vec<NodeSize>,
    /// Country or bloc, by node (read every frame, so not looked up by id each time).
    kinds: Vec<ActorKind>,
    /// Sentences over each node's shown edges, by node.
    evidence: Vec<usize>,
    /// Nodes from the most evidence to the least (ties by node order): labels go in this order.
    by_weight: Vec<usize>,
    /// Every node came with a saved position: the map is shown as saved, and the simulation
    /// only runs once the user moves something.
    at_rest_as_saved: bool,
    /// Changes whenever a node moves (see [`MapLayout::revision`]).
    revision: u64,
    /// Ticks run in the last frame.
    pub ticks_last_frame: usize,
    /// Wall time of those ticks.
    pub tick_time_last_frame: Duration,
}

impl MapLayout {
    /// Lays out `map`'s actors linked by `edges`, starting from the saved positions. Actors
    /// none of whose ties is among `edges` are left out unless `include_isolated`: a hundred
    /// untied actors would otherwise ring the graph.
    pub fn new(map: &TieMap, edges: &[Edge], include_isolated: bool) -> Self {
        let tied: std::collections::BTreeSet<&str> = edges
            .iter()
            .flat_map(|edge| [edge.key.a.as_str(), edge.key.b.as_str()])
            .collect();
        let shown: Vec<&crate::model::Actor> = map
            .actors
            .iter()
            .filter(|actor| include_isolated || tied.contains(actor.id.as_str()))
            .collect();
        let node_ids: Vec<ActorId> = shown.iter().map(|actor| actor.id.clone()).collect();
        let node_index: BTreeMap<ActorId, usize> = node_ids
            .iter()
            .enumerate()
            .map(|(index, id)| (id.clone(), index))
            .collect();
        let mut evidence_per_node = vec![0usize; node_ids.len()];
        let mut links = Vec::with_capacity(edges.len());
        for edge in edges {
            let (Some(&a), Some(&b)) = (node_index.get(&edge.key.a), node_index.get(&edge.key.b))
            else {
                continue;
            };
            evidence_per_node[a] += edge.evidence_count;
            evidence_per_node[b] += edge.evidence_count;
            links.push(LayoutLink {
                source: a as u32,
                target: b as u32,
                weight: edge.evidence_count.max(1) as f32,
            });
        }
        let most_evidence = evidence_per_node.iter().copied().max().unwrap_or(0);
        let sizes: Vec<NodeSize> = shown
            .iter()
            .zip(&evidence_per_node)
            .map(|(actor, &evidence)| NodeSize {
                shape_radius: theme::node_radius_world(evidence, most_evidence),
                label_width: actor.name.chars().count() as f32 * theme::LABEL_CHAR_WIDTH_WORLD,
            })
            .collect();
        let mut by_weight: Vec<usize> = (0..node_ids.len()).collect();
        by_weight.sort_by_key(|&node| (std::cmp::Reverse(evidence_per_node[node]), node));
        let graph = LayoutGraph {
            radii: sizes.iter().map(|size| size.footprint_radius()).collect(),
            links,
        };
        let initial: Vec<Option<[f32; 2]>> = node_ids
            .iter()
            .map(|id| map.positions.get(id).map(|place| [place.x, place.y]))
            .collect();
        // Every core for the force pass: the layout spreads it only on maps big enough to gain.
        let config = LayoutConfig {
            threads: 0,
            ..LayoutConfig::default()
        };
        let mut simulation = Simulation::new(&graph, &initial, config, LAYOUT_SEED);
        for (index, id) in node_ids.iter().enumerate() {
            if let Some(place) = map.positions.get(id).filter(|place| place.pinned) {
                simulation.pin(index, [place.x, place.y]);
            }
        }
        let at_rest_as_saved =
            !node_ids.is_empty() && initial.iter().all(std::option::Option::is_some);
        let kinds = shown.iter().map(|actor| actor.kind).collect();
        MapLayout {
            simulation,
            node_ids,
            node_index,
            sizes,
            kinds,
            evidence: evidence_per_node,
            by_weight,
            at_rest_as_saved,
            revision: next_revision(),
            ticks_last_frame: 0,
            tick_time_last_frame: Duration::ZERO,
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.node_ids.len()
    }

    /// The layout node of an actor.
    pub fn index_of(&self, actor: &str) -> Option<usize> {
        self.node_index.get(actor).copied()
    }

    /// The actor of a layout node.
    pub fn id_of(&self, node: usize) -> &str {
        &self.node_ids[node]
    }

    /// The size of a node.
    pub fn size(&self, node: usize) -> NodeSize {
        self.sizes[node]
    }

    /// Whether a node is a country or a bloc.
    pub fn kind(&self, node: usize) -> ActorKind {
        self.kinds[node]
    }

    /// A number that changes whenever a node moves: what was computed from the positions at
    /// one revision holds while it stays the same.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Sentences over a node's shown edges.
    pub fn evidence(&self, node: usize) -> usize {
        self.evidence[node]
    }

    /// Nodes from the most evidence to the least.
    pub fn by_weight(&self) -> &[usize] {
        &self.by_weight
    }

    /// World position of a node.
    pub fn position(&self, node: usize) -> [f32; 2] {
        self.simulation.position(node)
    }

    /// All x coordinates and all y coordinates, by node.
    pub fn xs_ys(&self) -> (&[f32], &[f32]) {
        (self.simulation.xs(), self.simulation.ys())
    }

    /// Whether a node is pinned.
    pub fn is_pinned(&self, node: usize) -> bool {
        self.simulation.is_pinned(node)
    }

    /// Whether the simulation has come to rest.
    pub fn is_settled(&self) -> bool {
        self.at_rest_as_saved || self.simulation.is_settled()
    }

    /// Current alpha.
    pub fn alpha(&self) -> f32 {
        self.simulation.alpha()
    }

    /// Runs the ticks due for `frame_seconds` of wall time (at least one, within the frame's
    /// time budget), unless the map is at rest. Returns whether anything moved.
    pub fn step_frame(&mut self, frame_seconds: f32) -> bool {
        self.ticks_last_frame = 0;
        self.tick_time_last_frame = Duration::ZERO;
        if self.is_settled() {
            return false;
        }
        let due =
            ((frame_seconds * TICKS_PER_SECOND).round() as usize).clamp(1, MAX_TICKS_PER_FRAME);
        let start = Instant::now();
        while self.ticks_last_frame < due {
            self.simulation.tick();
            self.ticks_last_frame += 1;
            if self.simulation.is_settled() || start.elapsed() > TICK_BUDGET {
                break;
            }
        }
        self.tick_time_last_frame = start.elapsed();
        self.revision = next_revision();
        true
    }

    /// A drag started on `node`: it is held where it is and the map warms up.
    pub fn start_drag(&mut self, node: usize) {
        self.at_rest_as_saved = false;
        let position = self.simulation.position(node);
        self.simulation.pin(node, position);
        self.revision = next_revision();
        self.simulation.set_alpha_target(DRAG_ALPHA_TARGET);
        self.simulation.reheat(DRAG_ALPHA_TARGET);
    }

    /// The dragged node moves to `position`.
    pub fn drag_to(&mut self, node: usize, position: [f32; 2]) {
        self.simulation.pin(node, position);
        self.revision = next_revision();
        self.simulation.reheat(DRAG_ALPHA_TARGET);
    }

    /// The drag ended: the node stays pinned and the map cools down.
    pub fn end_drag(&mut self) {
        self.simulation.set_alpha_target(0.0);
    }

    /// Sets the map moving again from where it is (new actors and ties arrived).
    pub fn reheat(&mut self, alpha: f32) {
        self.at_rest_as_saved = false;
        self.simulation.reheat(alpha);
        self.revision = next_revision();
    }

    /// Lets a node move again.
    pub fn unpin(&mut self, node: usize) {
        self.at_rest_as_saved = false;
        self.simulation.unpin(node);
        self.revision = next_revision();
        self.simulation.reheat(UNPIN_REHEAT_ALPHA);
    }

    /// The world rectangle around every node's footprint, or `None` for an empty map.
    pub fn bounds_world(&self) -> Option<egui::Rect> {
        let (xs, ys) = self.xs_ys();
        let mut bounds: Option<egui::Rect> = None;
        for node in 0..self.node_count() {
            let radius = self.sizes[node].footprint_radius();
            let rect = egui::Rect::from_center_size(
                egui::pos2(xs[node], ys[node]),
                egui::Vec2::splat(2.0 * radius),
            );
            bounds = Some(bounds.map_or(rect, |b| b.union(rect)));
        }
        bounds
    }

    /// Writes every node's position and pin into the map.
    pub fn write_positions(&self, map: &mut TieMap) {
        for (node, id) in self.node_ids.iter().enumerate() {
            let [x, y] = self.simulation.position(node);
            let placement = NodePlacement {
                x,
                y,
                pinned: self.simulation.is_pinned(node),
            };
            match map.positions.get_mut(id) {
                Some(existing) => *existing = placement,
                None => {
                    map.positions.insert(id.clone(), placement);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_wider_than_its_node_widens_the_footprint() {
        let narrow = NodeSize {
            shape_radius: 10.0,
            label_width: 10.0,
        };
        let wide = NodeSize {
            shape_radius: 10.0,
            label_width: 120.0,
        };
        assert!(wide.footprint_radius() > 60.0);
        assert!(narrow.footprint_radius() >= 10.0 + theme::LABEL_SIZE_WORLD);
    }
}
