//! A picture of the map alone, as a list of shapes in pixels: edges, nodes, labels and the
//! legend, framed to a chosen size. The SVG and PNG exports both draw this one scene, so they
//! show the same thing.
//!
//! Main design decision: the window's look (colours, sizes, dashes, which labels show) is
//! reproduced from [`super::style`], and the map is framed the way the window's Fit frames it
//! (a 40 px margin, one scale for both axes).

use super::graph::GraphRows;
use super::style::{self, Rgb};
use crate::model::{ActorKind, Quad};

/// Margin around the map, in pixels (`theme::FIT_MARGIN_PX`).
const MARGIN_PX: f32 = 40.0;
/// Labels smaller than this are not drawn (`theme::MIN_LABEL_SIZE_PX`).
const MIN_LABEL_PX: f32 = 7.0;
/// More nodes than this and labels are not drawn (`theme::MAX_LABELS_ON_SCREEN`).
const MAX_LABELS: usize = 600;
/// Largest label size, pixels (`map_view`'s cap).
const MAX_LABEL_PX: f32 = 28.0;
/// Legend text size, pixels.
const LEGEND_TEXT_PX: f32 = 12.0;
/// Dash and gap of hedged and negated edges, pixels (`theme::DASH_PX`, `DASH_GAP_PX`).
pub const DASH: [f32; 2] = [7.0, 5.0];

/// Where a text is anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the text's centre.
    Middle,
    /// `x` is the text's left end.
    Start,
}

/// One shape of the scene, in pixels from the top left.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle with rounded corners.
    Rect {
        /// Top left.
        min: [f32; 2],
        /// Width and height.
        size: [f32; 2],
        /// Corner radius.
        corner: f32,
        /// Fill and its opacity 0..1.
        fill: (Rgb, f32),
        /// Outline colour and width, if any.
        stroke: Option<(Rgb, f32)>,
    },
    /// A straight line.
    Line {
        /// Ends.
        ends: [[f32; 2]; 2],
        /// Colour.
        color: Rgb,
        /// Width.
        width: f32,
        /// Dashed (hedged or negated).
        dashed: bool,
    },
    /// A node: a disc for a country, a rounded square for a bloc.
    Node {
        /// Centre.
        center: [f32; 2],
        /// Radius.
        radius: f32,
        /// Country or bloc.
        kind: ActorKind,
    },
    /// A line of text; `y` is its baseline.
    Text {
        /// Anchor point.
        at: [f32; 2],
        /// The text.
        text: String,
        /// Font size.
        size: f32,
        /// How `at` is read.
        anchor: Anchor,
        /// Drawn over a light backdrop (node labels).
        backdrop: bool,
    },
}

/// A framed picture of a map.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The shapes, back to front.
    pub shapes: Vec<Shape>,
}

/// Rough width of `text` at `size` pixels (proportional font), for backdrops and the legend.
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.55
}

impl Scene {
    /// The map of `rows` framed in `width` x `height` pixels, with labels and a legend.
    pub fn of(rows: &GraphRows, width: u32, height: u32) -> Self {
        let (w, h) = (width.max(1) as f32, height.max(1) as f32);
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        for node in &rows.nodes {
            let reach = node.size + style::LABEL_SIZE_WORLD * 1.5;
            min = [min[0].min(node.x - reach), min[1].min(node.y - node.size)];
            max = [max[0].max(node.x + reach), max[1].max(node.y + reach)];
        }
        if rows.nodes.is_empty() {
            (min, max) = ([-1.0; 2], [1.0; 2]);
        }
        let span = [(max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0)];
        let scale = ((w - 2.0 * MARGIN_PX).max(1.0) / span[0])
            .min((h - 2.0 * MARGIN_PX).max(1.0) / span[1])
            .min(20.0);
        let offset = [
            (w - span[0] * scale) * 0.5 - min[0] * scale,
            (h - span[1] * scale) * 0.5 - min[1] * scale,
        ];
        let screen = |x: f32, y: f32| [x * scale + offset[0], y * scale + offset[1]];
        let index: std::collections::BTreeMap<&str, usize> = rows
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| (node.id.as_str(), i))
            .collect();
        let mut shapes = vec![Shape::Rect {
            min: [0.0, 0.0],
            size: [w, h],
            corner: 0.0,
            fill: (style::MAP_BACKGROUND, 1.0),
            stroke: None,
        }];
        for edge in &rows.edges {
            let (Some(&a), Some(&b)) = (
                index.get(edge.source.as_str()),
                index.get(edge.target.as_str()),
            ) else {
                continue;
            };
            let (a, b) = (&rows.nodes[a], &rows.nodes[b]);
            shapes.push(Shape::Line {
                ends: [screen(a.x, a.y), screen(b.x, b.y)],
                color: edge.color,
                width: edge.width,
                dashed: edge.all_hedged || edge.all_negated,
            });
        }
        for node in &rows.nodes {
            shapes.push(Shape::Node {
                center: screen(node.x, node.y),
                radius: node.size * scale,
                kind: node.kind,
            });
        }
        let label_px = (style::LABEL_SIZE_WORLD * scale).min(MAX_LABEL_PX);
        if label_px >= MIN_LABEL_PX && rows.nodes.len() <= MAX_LABELS {
            for node in &rows.nodes {
                let [x, y] = screen(node.x, node.y);
                let top = y + node.size * scale + style::LABEL_GAP_WORLD * scale;
                shapes.push(Shape::Text {
                    at: [x, top + label_px * 0.85],
                    text: node.label.clone(),
                    size: label_px,
                    anchor: Anchor::Middle,
                    backdrop: true,
                });
            }
        }
        legend(&mut shapes);
        Scene {
            width,
            height,
            shapes,
        }
    }
}

/// The legend in the upper left corner, as the window draws it.
fn legend(shapes: &mut Vec<Shape>) {
    let row_px = 17.0;
    let rows: Vec<&str> = Quad::ALL
        .iter()
        .map(|quad| quad.label())
        .chain([
            "hedged (may happen)",
            "negated (did not happen)",
            "country",
            "bloc",
            "width: number of sentences",
        ])
        .collect();
    let widest = rows
        .iter()
        .map(|row| text_width(row, LEGEND_TEXT_PX))
        .fold(0.0, f32::max);
    let (left, top) = (8.0, 8.0);
    shapes.push(Shape::Rect {
        min: [left, top],
        size: [widest + 52.0, row_px * rows.len() as f32 + 12.0],
        corner: 4.0,
        fill: (style::MAP_BACKGROUND, 0.85),
        stroke: Some(([200, 200, 200], 1.0)),
    });
    for (i, label) in rows.iter().enumerate() {
        let middle = top + 6.0 + row_px * (i as f32 + 0.5);
        let swatch = [[left + 8.0, middle], [left + 34.0, middle]];
        match i {
            0..=3 => shapes.push(Shape::Line {
                ends: swatch,
                color: style::quad_color(Quad::ALL[i]),
                width: 3.0,
                dashed: false,
            }),
            4 => shapes.push(Shape::Line {
                ends: swatch,
                color: style::faded(
                    style::quad_color(Quad::VerbalCooperation),
                    style::HEDGED_FADE,
                ),
                width: 3.0,
                dashed: true,
            }),
            5 => shapes.push(Shape::Line {
                ends: swatch,
                color: style::NEGATED,
                width: 3.0,
                dashed: true,
            }),
            6 | 7 => shapes.push(Shape::Node {
                center: [left + 21.0, middle],
                radius: 6.0,
                kind: if i == 6 {
                    ActorKind::Country
                } else {
                    ActorKind::Bloc
                },
            }),
            _ => {}
        }
        let text_left = if i == 8 { left + 8.0 } else { left + 42.0 };
        shapes.push(Shape::Text {
            at: [text_left, middle + LEGEND_TEXT_PX * 0.35],
            text: (*label).to_owned(),
            size: LEGEND_TEXT_PX,
            anchor: Anchor::Start,
            backdrop: false,
        });
    }
}
