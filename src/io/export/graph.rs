//! The map as rows of nodes and edges with everything the exports write: positions, colours and
//! sizes as drawn, and per-edge counts by quad and category.
//!
//! Main design decision: positions come from the saved map; nodes without one are placed by the
//! same force layout the window runs ([`crate::layout`]), with the saved ones pinned, run until
//! it settles, so an export of articles looks like the window would.

use std::collections::BTreeMap;

use super::ExportOptions;
use super::style::{self, Rgb};
use crate::layout::{LayoutConfig, LayoutGraph, LayoutLink, Simulation};
use crate::model::{ActorKind, Category, Edge, Quad, TieMap};

/// Seed of the export's layout (the window's `LAYOUT_SEED`).
const LAYOUT_SEED: u64 = 1;
/// Most ticks an export's layout runs.
const MAX_LAYOUT_TICKS: usize = 1_000;

/// One node as exported.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeRow {
    /// Actor id.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Country or bloc.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3 code for a country; empty for a bloc.
    pub iso: String,
    /// World position.
    pub x: f32,
    /// World position (y grows downwards, as on screen).
    pub y: f32,
    /// Fill as drawn.
    pub color: Rgb,
    /// Radius as drawn, world units.
    pub size: f32,
}

/// One edge as exported: an unordered pair and the ties between them.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeRow {
    /// The smaller actor id.
    pub source: String,
    /// The larger actor id.
    pub target: String,
    /// Evidence sentences over all its ties.
    pub weight: usize,
    /// Evidence sentences per quad, in [`Quad::ALL`] order.
    pub per_quad: [usize; 4],
    /// Evidence sentences per category, in [`Category::ALL`] order.
    pub per_category: [usize; 16],
    /// The category with the most sentences (ties broken towards the later PLOVER category).
    pub main_category: Category,
    /// The quad it is coloured by.
    pub quad: Quad,
    /// Sentences of negated ties.
    pub negated: usize,
    /// Sentences of hedged ties.
    pub hedged: usize,
    /// Every tie on it is negated (drawn grey and dashed).
    pub all_negated: bool,
    /// Every tie on it is hedged or negated (drawn dashed and lighter).
    pub all_hedged: bool,
    /// The first evidence sentence.
    pub first_sentence: String,
    /// Colour as drawn.
    pub color: Rgb,
    /// Width as drawn at zoom 1, pixels.
    pub width: f32,
}

/// Nodes (in actor order) and edges (sorted by pair) of a map, as exported.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphRows {
    /// The nodes.
    pub nodes: Vec<NodeRow>,
    /// The edges.
    pub edges: Vec<EdgeRow>,
}

impl GraphRows {
    /// The rows of `map`, laid out where it has no positions.
    pub fn of(map: &TieMap, options: &ExportOptions) -> Self {
        let edges = map.edges(options.include_negated);
        let mut evidence_per_actor: BTreeMap<&str, usize> = BTreeMap::new();
        for edge in &edges {
            *evidence_per_actor.entry(&edge.key.a).or_default() += edge.evidence_count;
            *evidence_per_actor.entry(&edge.key.b).or_default() += edge.evidence_count;
        }
        let sizes: Vec<f32> = map
            .actors
            .iter()
            .map(|actor| {
                style::node_radius_world(
                    evidence_per_actor
                        .get(actor.id.as_str())
                        .copied()
                        .unwrap_or(0),
                )
            })
            .collect();
        let positions = positions(map, &edges, &sizes);
        let nodes = map
            .actors
            .iter()
            .zip(sizes)
            .zip(positions)
            .map(|((actor, size), [x, y])| NodeRow {
                id: actor.id.clone(),
                label: actor.name.clone(),
                kind: actor.kind,
                iso: if actor.kind == ActorKind::Country {
                    actor.id.clone()
                } else {
                    String::new()
                },
                x,
                y,
                color: style::node_fill(actor.kind),
                size,
            })
            .collect();
        let edges = edges.iter().map(|edge| edge_row(map, edge)).collect();
        GraphRows { nodes, edges }
    }
}

fn edge_row(map: &TieMap, edge: &Edge) -> EdgeRow {
    let mut per_quad = [0usize; 4];
    let mut per_category = [0usize; 16];
    let (mut negated, mut hedged) = (0, 0);
    let ties: Vec<_> = edge.ties.iter().filter_map(|&i| map.ties.get(i)).collect();
    for tie in &ties {
        let sentences = tie.evidence.len();
        let quad = Quad::ALL.iter().position(|q| *q == tie.quad).unwrap_or(0);
        let category = Category::ALL
            .iter()
            .position(|c| *c == tie.category)
            .unwrap_or(0);
        per_quad[quad] += sentences;
        per_category[category] += sentences;
        if tie.negated {
            negated += sentences;
        }
        if tie.hedged {
            hedged += sentences;
        }
    }
    let main = (0..16).max_by_key(|&i| (per_category[i], i)).unwrap_or(0);
    let all_negated = ties.iter().all(|tie| tie.negated);
    let all_hedged = !all_negated && ties.iter().all(|tie| tie.hedged || tie.negated);
    let color = if all_negated {
        style::NEGATED
    } else if all_hedged {
        style::faded(style::quad_color(edge.dominant_quad), style::HEDGED_FADE)
    } else {
        style::quad_color(edge.dominant_quad)
    };
    EdgeRow {
        source: edge.key.a.clone(),
        target: edge.key.b.clone(),
        weight: edge.evidence_count,
        per_quad,
        per_category,
        main_category: Category::ALL[main],
        quad: edge.dominant_quad,
        negated,
        hedged,
        all_negated,
        all_hedged,
        first_sentence: ties
            .iter()
            .find_map(|tie| tie.evidence.first())
            .map(|evidence| evidence.text.clone())
            .unwrap_or_default(),
        color,
        width: style::edge_width_px(edge.evidence_count),
    }
}

/// A position for every actor, in actor order: the saved ones, and the layout's for the rest.
fn positions(map: &TieMap, edges: &[Edge], sizes: &[f32]) -> Vec<[f32; 2]> {
    let saved: Vec<Option<[f32; 2]>> = map
        .actors
        .iter()
        .map(|actor| map.positions.get(&actor.id).map(|place| [place.x, place.y]))
        .collect();
    if saved.iter().all(Option::is_some) {
        return saved.into_iter().flatten().collect();
    }
    let index: BTreeMap<&str, u32> = map
        .actors
        .iter()
        .enumerate()
        .map(|(i, actor)| (actor.id.as_str(), i as u32))
        .collect();
    let links = edges
        .iter()
        .filter_map(|edge| {
            Some(LayoutLink {
                source: *index.get(edge.key.a.as_str())?,
                target: *index.get(edge.key.b.as_str())?,
                weight: edge.evidence_count.max(1) as f32,
            })
        })
        .collect();
    let radii = map
        .actors
        .iter()
        .zip(sizes)
        .map(|(actor, &shape)| footprint_radius(shape, actor.name.chars().count()))
        .collect();
    let graph = LayoutGraph { radii, links };
    let mut simulation = Simulation::new(&graph, &saved, LayoutConfig::default(), LAYOUT_SEED);
    for (node, place) in saved.iter().enumerate() {
        if let Some(place) = place {
            simulation.pin(node, *place);
        }
    }
    for _ in 0..MAX_LAYOUT_TICKS {
        if simulation.is_settled() {
            break;
        }
        simulation.tick();
    }
    (0..map.actors.len())
        .map(|node| simulation.position(node))
        .collect()
}

/// The room a node and its label take, as the window's layout gives it (`map_layout`'s
/// `NodeSize::footprint_radius`).
fn footprint_radius(shape_radius: f32, label_chars: usize) -> f32 {
    let label_width = label_chars as f32 * style::LABEL_CHAR_WIDTH_WORLD;
    let half_width = (label_width * 0.5).max(shape_radius);
    let depth = shape_radius + style::LABEL_GAP_WORLD + style::LABEL_SIZE_WORLD * 1.2;
    half_width.hypot(depth) + style::NODE_PADDING_WORLD
}
