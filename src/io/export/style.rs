//! The map's look for exports, copied from the window's theme (`src/app/theme.rs`) so exported
//! pictures and graph files use the colours and sizes the window draws: the core may not import
//! the app. Change both together.

use crate::model::{ActorKind, Quad};

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Background of the map (`theme::MAP_BACKGROUND`).
pub const MAP_BACKGROUND: Rgb = [250, 250, 247];
/// Fill of a country node (`theme::COUNTRY_FILL`).
pub const COUNTRY_FILL: Rgb = [66, 110, 180];
/// Fill of a bloc node (`theme::BLOC_FILL`).
pub const BLOC_FILL: Rgb = [236, 176, 62];
/// Outline of every node (`theme::NODE_OUTLINE`).
pub const NODE_OUTLINE: Rgb = [40, 40, 48];
/// Node labels (`theme::LABEL_TEXT`).
pub const LABEL_TEXT: Rgb = [25, 25, 30];
/// Ties the text says did not happen (`theme::NEGATED`).
pub const NEGATED: Rgb = [150, 150, 150];
/// How much lighter hedged edges are drawn (`theme::HEDGED_FADE`).
pub const HEDGED_FADE: f32 = 0.45;
/// Label font size in world units (`theme::LABEL_SIZE_WORLD`).
pub const LABEL_SIZE_WORLD: f32 = 13.0;
/// Gap between a node and its label, world units (`theme::LABEL_GAP_WORLD`).
pub const LABEL_GAP_WORLD: f32 = 3.0;
/// Width of one label character in world units (`theme::LABEL_CHAR_WIDTH_WORLD`).
pub const LABEL_CHAR_WIDTH_WORLD: f32 = 0.62 * LABEL_SIZE_WORLD;
/// Extra room around a node's footprint in the layout (`theme::NODE_PADDING_WORLD`).
pub const NODE_PADDING_WORLD: f32 = 6.0;
/// Half the side of a bloc's square as a share of its radius (`map_view`'s `BLOC_HALF_SIDE`).
pub const BLOC_HALF_SIDE: f32 = 0.9;
/// Corner radius of a bloc's square as a share of its radius (`map_view`'s `BLOC_CORNER`).
pub const BLOC_CORNER: f32 = 0.35;

/// Colour of a quad (`theme::quad_color`).
pub fn quad_color(quad: Quad) -> Rgb {
    match quad {
        Quad::VerbalCooperation => [60, 150, 220],
        Quad::MaterialCooperation => [30, 140, 70],
        Quad::VerbalConflict => [235, 140, 30],
        Quad::MaterialConflict => [205, 35, 35],
    }
}

/// Fill of a node (`theme::node_fill`).
pub fn node_fill(kind: ActorKind) -> Rgb {
    match kind {
        ActorKind::Country => COUNTRY_FILL,
        ActorKind::Bloc => BLOC_FILL,
    }
}

/// Radius of a node in world units (`theme::node_radius_world`).
pub fn node_radius_world(evidence_count: usize) -> f32 {
    (9.0 + 2.0 * (evidence_count as f32).sqrt()).min(20.0)
}

/// Width of an edge in pixels at zoom 1 (`theme::edge_width_px`).
pub fn edge_width_px(evidence_count: usize) -> f32 {
    (1.0 + 1.6 * (evidence_count as f32).sqrt()).min(9.0)
}

/// `color` faded towards the background by `amount` (`theme::faded`, in sRGB space).
pub fn faded(color: Rgb, amount: f32) -> Rgb {
    let mix = |from: u8, to: u8| {
        (f32::from(from) + (f32::from(to) - f32::from(from)) * amount).round() as u8
    };
    [
        mix(color[0], MAP_BACKGROUND[0]),
        mix(color[1], MAP_BACKGROUND[1]),
        mix(color[2], MAP_BACKGROUND[2]),
    ]
}

/// `#rrggbb`.
pub fn hex(color: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", color[0], color[1], color[2])
}
