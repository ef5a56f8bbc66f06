//! The scene as SVG: vector shapes, and text as text (selectable, searchable, scalable).

use std::fmt::Write as _;

use super::scene::{Anchor, DASH, Scene, Shape};
use super::style::{self, hex};
use super::xml::{escape, number};
use crate::model::ActorKind;

/// The scene as an SVG document.
pub fn to_svg(scene: &Scene) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"Ubuntu, 'DejaVu Sans', Arial, sans-serif\">\n<title>tiemap</title>",
        w = scene.width,
        h = scene.height
    );
    for shape in &scene.shapes {
        write_shape(&mut out, shape);
    }
    out.push_str("</svg>\n");
    out
}

fn write_shape(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Rect {
            min,
            size,
            corner,
            fill,
            stroke,
        } => {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{}\" fill-opacity=\"{}\"",
                number(min[0]),
                number(min[1]),
                number(size[0]),
                number(size[1]),
                number(*corner),
                hex(fill.0),
                number(fill.1)
            );
            if let Some((color, width)) = stroke {
                let _ = write!(
                    out,
                    " stroke=\"{}\" stroke-width=\"{}\"",
                    hex(*color),
                    number(*width)
                );
            }
            out.push_str("/>\n");
        }
        Shape::Line {
            ends,
            color,
            width,
            dashed,
        } => {
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"round\"",
                number(ends[0][0]),
                number(ends[0][1]),
                number(ends[1][0]),
                number(ends[1][1]),
                hex(*color),
                number(*width)
            );
            if *dashed {
                let _ = write!(out, " stroke-dasharray=\"{} {}\"", DASH[0], DASH[1]);
            }
            out.push_str("/>\n");
        }
        Shape::Node {
            center,
            radius,
            kind,
        } => {
            let paint = format!(
                "fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"",
                hex(style::node_fill(*kind)),
                hex(style::NODE_OUTLINE)
            );
            let _ = match kind {
                ActorKind::Country => writeln!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {paint}/>",
                    number(center[0]),
                    number(center[1]),
                    number(*radius)
                ),
                ActorKind::Bloc => {
                    let half = radius * style::BLOC_HALF_SIDE;
                    writeln!(
                        out,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" {paint}/>",
                        number(center[0] - half),
                        number(center[1] - half),
                        number(2.0 * half),
                        number(2.0 * half),
                        number(radius * style::BLOC_CORNER)
                    )
                }
            };
        }
        Shape::Text {
            at,
            text,
            size,
            anchor,
            backdrop,
        } => {
            let anchor = match anchor {
                Anchor::Middle => "middle",
                Anchor::Start => "start",
            };
            let halo = if *backdrop {
                format!(
                    " paint-order=\"stroke\" stroke=\"{}\" stroke-opacity=\"0.8\" stroke-width=\"3\" stroke-linejoin=\"round\"",
                    hex(style::MAP_BACKGROUND)
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{anchor}\" fill=\"{}\"{halo}>{}</text>",
                number(at[0]),
                number(at[1]),
                number(*size),
                hex(style::LABEL_TEXT),
                escape(text)
            );
        }
    }
}
