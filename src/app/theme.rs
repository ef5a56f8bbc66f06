//! Every colour and size the window uses, in one place, so the map, its legend, the panel and
//! the chart always agree (a quad is the same colour on an edge, in the legend and in the panel).
//!
//! Sizes of things that live on the map (node radius, label font) are in world units: they
//! scale with zoom, which is what lets the layout keep labels apart at every zoom level.

use eframe::egui;
use egui::Color32;

use crate::model::{ActorKind, FigureKind, Quad};

/// Background of the map canvas.
pub const MAP_BACKGROUND: Color32 = Color32::from_rgb(250, 250, 247);
/// Fill of a country node.
pub const COUNTRY_FILL: Color32 = Color32::from_rgb(66, 110, 180);
/// Fill of a bloc node.
pub const BLOC_FILL: Color32 = Color32::from_rgb(236, 176, 62);
/// Outline of every node.
pub const NODE_OUTLINE: Color32 = Color32::from_rgb(40, 40, 48);
/// Outline of the selected node, and halo of the selected edge.
pub const SELECTION: Color32 = Color32::from_rgb(255, 64, 160);
/// Node labels on the map.
pub const LABEL_TEXT: Color32 = Color32::from_rgb(25, 25, 30);
/// Backdrop behind node labels so edges crossing them do not hurt reading.
pub const LABEL_BACKDROP: Color32 = Color32::from_rgba_premultiplied(250, 250, 247, 200);
/// The pin mark on pinned nodes.
pub const PIN: Color32 = Color32::from_rgb(200, 30, 40);
/// Colour of ties that the text says did not happen.
pub const NEGATED: Color32 = Color32::from_rgb(150, 150, 150);
/// Background of actor mentions in evidence sentences.
pub const MENTION_BACKGROUND: Color32 = Color32::from_rgb(190, 215, 250);
/// Background of cue words in evidence sentences.
pub const CUE_BACKGROUND: Color32 = Color32::from_rgb(255, 225, 130);
/// Text of highlighted spans in evidence sentences.
pub const HIGHLIGHT_TEXT: Color32 = Color32::from_rgb(10, 10, 10);
/// Error messages in the status bar.
pub const ERROR_TEXT: Color32 = Color32::from_rgb(190, 30, 30);
/// Background of the "negated" and "hedged" badges.
pub const BADGE_BACKGROUND: Color32 = Color32::from_rgb(225, 225, 225);
/// Bars of the figures chart whose edge is selected, and all bars when none is.
pub const BAR: Color32 = Color32::from_rgb(70, 140, 110);
/// The "record" mark above a bar.
pub const RECORD_MARK: Color32 = Color32::from_rgb(190, 60, 20);
/// The mark of a bar whose value other reports contradict.
pub const DISAGREEING_MARK: Color32 = Color32::from_rgb(200, 30, 120);
/// Outline of the bar whose evidence is shown.
pub const SELECTED_BAR: Color32 = SELECTION;
/// Outline of a bar, and of a pledge drawn hollow, in pixels.
pub const BAR_STROKE_PX: f32 = 2.0;
/// The list under the chart scrolls past this height.
pub const FIGURE_LIST_HEIGHT: f32 = 190.0;

/// The colour of a kind of figure in the chart and its legend (colour-blind-safe, after
/// Okabe and Ito).
pub fn figure_kind_colour(kind: FigureKind) -> Color32 {
    match kind {
        FigureKind::Trade => Color32::from_rgb(0, 114, 178),
        FigureKind::Aid => Color32::from_rgb(0, 158, 115),
        FigureKind::Loan => Color32::from_rgb(230, 159, 0),
        FigureKind::Investment => Color32::from_rgb(86, 180, 233),
        FigureKind::FrozenAssets => Color32::from_rgb(120, 120, 120),
        FigureKind::Sanctions => Color32::from_rgb(213, 94, 0),
        FigureKind::MilitarySpending => Color32::from_rgb(100, 60, 40),
        FigureKind::Debt => Color32::from_rgb(204, 121, 167),
        FigureKind::Damages => Color32::from_rgb(160, 30, 30),
        FigureKind::Budget => Color32::from_rgb(150, 150, 60),
        FigureKind::Deal => Color32::from_rgb(90, 70, 160),
        FigureKind::Other => Color32::from_rgb(180, 180, 180),
    }
}

/// Radius of the node with the least evidence, in world units.
pub const MIN_NODE_RADIUS_WORLD: f32 = 6.0;
/// Radius of the node with the most evidence, in world units.
pub const MAX_NODE_RADIUS_WORLD: f32 = 28.0;

/// However far the map is zoomed out, a node is drawn at least this share of its world radius
/// in pixels (the most cited actor at least 12 px across, the least 2.7 px).
pub const MIN_NODE_SCREEN_SHARE: f32 = 0.45;

/// Radius of a node's shape in world units: its area grows in proportion to the sentences
/// over its ties (a square-root scale of the radius), from [`MIN_NODE_RADIUS_WORLD`] for none
/// to [`MAX_NODE_RADIUS_WORLD`] for the map's most-cited actor (`most_evidence`).
pub fn node_radius_world(evidence_count: usize, most_evidence: usize) -> f32 {
    let share = if most_evidence == 0 {
        0.0
    } else {
        (evidence_count as f32 / most_evidence as f32).clamp(0.0, 1.0)
    };
    let (min, max) = (MIN_NODE_RADIUS_WORLD, MAX_NODE_RADIUS_WORLD);
    (min * min + (max * max - min * min) * share).sqrt()
}

/// Font size of node labels in world units (drawn at this many pixels at zoom 1).
pub const LABEL_SIZE_WORLD: f32 = 13.0;
/// Gap between a node's shape and its label, in world units.
pub const LABEL_GAP_WORLD: f32 = 3.0;
/// Width of one label character in world units: a generous bound for the proportional font,
/// so the room the layout keeps for a label is never smaller than the label.
pub const LABEL_CHAR_WIDTH_WORLD: f32 = 0.62 * LABEL_SIZE_WORLD;
/// Extra room around each node's footprint in the layout, in world units.
pub const NODE_PADDING_WORLD: f32 = 6.0;
/// Labels are never drawn smaller than this, however far the map is zoomed out: fewer fit,
/// but those that do can be read.
pub const MIN_LABEL_FONT_PX: f32 = 11.0;
/// Labels are never drawn larger than this, however far the map is zoomed in.
pub const MAX_LABEL_FONT_PX: f32 = 22.0;
/// At most this many labels a frame: more would not be read, and would cost the frame.
pub const MAX_LABELS: usize = 160;
/// At most this many nodes are tried for a label a frame (the weightiest first).
pub const MAX_LABEL_CANDIDATES: usize = 700;
/// Room kept free around each label, in pixels.
pub const LABEL_MARGIN_PX: f32 = 2.0;
/// Label of a node under the pointer, selected or found by the search.
pub const LABEL_EMPHASIS_TEXT: Color32 = Color32::from_rgb(0, 0, 0);
/// Ring around the nodes the search found.
pub const SEARCH_HIT: Color32 = Color32::from_rgb(255, 140, 0);
/// Width of the ring around found nodes, in pixels.
pub const SEARCH_RING_PX: f32 = 3.0;

/// Nodes drawn smaller than this have no outline: at that size it would hide the fill.
pub const SMALL_NODE_PX: f32 = 5.0;
/// Maps with more nodes and edges than this are painted on the CPU into one texture: past a
/// few thousand shapes, their triangles cost a software renderer (llvmpipe) more than the
/// pixels cost us, and on a GPU the texture is no slower.
pub const CPU_RASTER_ABOVE_SHAPES: usize = 3_000;
/// Outline width of the selected or dragged node, in pixels.
pub const HIGHLIGHT_OUTLINE_PX: f32 = 3.0;

/// Pointer distance within which an edge counts as clicked.
pub const EDGE_HIT_PX: f32 = 6.0;
/// Extra distance around a node's shape within which it counts as grabbed.
pub const NODE_HIT_SLACK_PX: f32 = 3.0;
/// Width of an edge backed by `evidence_count` sentences, in pixels (edges stay legible when
/// zoomed out, so their width does not scale with zoom).
pub fn edge_width_px(evidence_count: usize) -> f32 {
    (1.0 + 1.6 * (evidence_count as f32).sqrt()).min(9.0)
}
/// Edges on screen above which edges are drawn thinner.
pub const THIN_EDGES_ABOVE: usize = 1_500;
/// How much thinner edges are drawn when `visible_edges` are on screen: with thousands of
/// edges, full-width lines merge into one blot, and thinner ones keep the structure visible
/// (and cost the painter fewer pixels). Widths still grow with evidence; at most 2.5 times
/// thinner, and never under a pixel.
pub fn edge_width_scale(visible_edges: usize) -> f32 {
    (THIN_EDGES_ABOVE as f32 / visible_edges.max(1) as f32)
        .sqrt()
        .clamp(0.4, 1.0)
}
/// Extra width of the halo drawn under the selected edge.
pub const SELECTION_HALO_PX: f32 = 5.0;
/// Border of the legend.
pub const LEGEND_BORDER: Color32 = Color32::from_gray(200);
/// Text of a legend row whose quad is hidden.
pub const LEGEND_HIDDEN_TEXT: Color32 = Color32::from_gray(160);
/// Line width of the legend's samples, in pixels.
pub const LEGEND_LINE_PX: f32 = 3.0;
/// Radius of the legend's node samples, in pixels.
pub const LEGEND_NODE_PX: f32 = 6.0;
/// Text size of the legend.
pub const LEGEND_TEXT_SIZE: f32 = 11.5;
/// Dash and gap lengths of hedged and negated edges, in pixels.
pub const DASH_PX: f32 = 7.0;
/// Gap between dashes, in pixels.
pub const DASH_GAP_PX: f32 = 5.0;
/// How much lighter (towards the background) hedged edges are drawn, 0..1.
pub const HEDGED_FADE: f32 = 0.45;

/// Zoom limits (screen pixels per world unit).
pub const MIN_SCALE: f32 = 0.01;
/// Largest zoom.
pub const MAX_SCALE: f32 = 20.0;
/// Margin kept around the map when framing it, in pixels.
pub const FIT_MARGIN_PX: f32 = 40.0;

/// Width of the side panel.
pub const SIDE_PANEL_WIDTH: f32 = 380.0;
/// Width of the documents panel.
pub const DOCUMENTS_PANEL_WIDTH: f32 = 300.0;
/// Height of the chart.
pub const CHART_HEIGHT: f32 = 170.0;

/// Colour of a PLOVER quad: cooperation in blues and greens, conflict in oranges and reds,
/// verbal lighter than material.
pub fn quad_color(quad: Quad) -> Color32 {
    match quad {
        Quad::VerbalCooperation => Color32::from_rgb(60, 150, 220),
        Quad::MaterialCooperation => Color32::from_rgb(30, 140, 70),
        Quad::VerbalConflict => Color32::from_rgb(235, 140, 30),
        Quad::MaterialConflict => Color32::from_rgb(205, 35, 35),
    }
}

/// Fill of a node of this kind.
pub fn node_fill(kind: ActorKind) -> Color32 {
    match kind {
        ActorKind::Country => COUNTRY_FILL,
        ActorKind::Bloc => BLOC_FILL,
    }
}

/// `color` faded towards the map background by `amount` (0: unchanged, 1: background).
pub fn faded(color: Color32, amount: f32) -> Color32 {
    color.lerp_to_gamma(MAP_BACKGROUND, amount)
}
