//! The scene as a PNG, drawn on the CPU with anti-aliasing (tiny-skia) and labelled with the
//! window's own font (Ubuntu Light from egui's default fonts, drawn with `ab_glyph`).

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use tiny_skia::{
    Color, FillRule, LineCap, Paint, PathBuilder, Pixmap, Stroke, StrokeDash, Transform,
};

use super::scene::{Anchor, DASH, Scene, Shape};
use super::style::{self, Rgb};
use crate::model::ActorKind;

/// Largest picture drawn, in pixels per side.
pub const MAX_SIDE_PX: u32 = 16_384;

/// The scene as PNG bytes.
pub fn to_png(scene: &Scene) -> Result<Vec<u8>, String> {
    if scene.width > MAX_SIDE_PX || scene.height > MAX_SIDE_PX {
        return Err(format!(
            "{}x{} is larger than the {MAX_SIDE_PX} pixels a side a PNG export may be",
            scene.width, scene.height
        ));
    }
    let mut pixmap = Pixmap::new(scene.width.max(1), scene.height.max(1))
        .ok_or_else(|| "cannot make a picture of that size".to_owned())?;
    let font = FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT)
        .map_err(|error| format!("the built-in font does not load: {error}"))?;
    for shape in &scene.shapes {
        draw(&mut pixmap, &font, shape);
    }
    pixmap
        .encode_png()
        .map_err(|error| format!("cannot encode PNG: {error}"))
}

fn paint(color: Rgb, alpha: f32) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(Color::from_rgba8(
        color[0],
        color[1],
        color[2],
        (alpha.clamp(0.0, 1.0) * 255.0) as u8,
    ));
    paint.anti_alias = true;
    paint
}

fn rounded_rect(min: [f32; 2], size: [f32; 2], corner: f32) -> Option<tiny_skia::Path> {
    let r = corner.min(size[0] * 0.5).min(size[1] * 0.5).max(0.0);
    let [x, y] = min;
    let [w, h] = size;
    let mut path = PathBuilder::new();
    path.move_to(x + r, y);
    path.line_to(x + w - r, y);
    path.quad_to(x + w, y, x + w, y + r);
    path.line_to(x + w, y + h - r);
    path.quad_to(x + w, y + h, x + w - r, y + h);
    path.line_to(x + r, y + h);
    path.quad_to(x, y + h, x, y + h - r);
    path.line_to(x, y + r);
    path.quad_to(x, y, x + r, y);
    path.close();
    path.finish()
}

fn draw(pixmap: &mut Pixmap, font: &FontRef<'_>, shape: &Shape) {
    match shape {
        Shape::Rect {
            min,
            size,
            corner,
            fill,
            stroke,
        } => {
            let Some(path) = rounded_rect(*min, *size, *corner) else {
                return;
            };
            pixmap.fill_path(
                &path,
                &paint(fill.0, fill.1),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
            if let Some((color, width)) = stroke {
                let stroke = Stroke {
                    width: *width,
                    ..Stroke::default()
                };
                pixmap.stroke_path(
                    &path,
                    &paint(*color, 1.0),
                    &stroke,
                    Transform::identity(),
                    None,
                );
            }
        }
        Shape::Line {
            ends,
            color,
            width,
            dashed,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(ends[0][0], ends[0][1]);
            path.line_to(ends[1][0], ends[1][1]);
            let Some(path) = path.finish() else {
                return;
            };
            let stroke = Stroke {
                width: *width,
                line_cap: LineCap::Round,
                dash: if *dashed {
                    StrokeDash::new(DASH.to_vec(), 0.0)
                } else {
                    None
                },
                ..Stroke::default()
            };
            pixmap.stroke_path(
                &path,
                &paint(*color, 1.0),
                &stroke,
                Transform::identity(),
                None,
            );
        }
        Shape::Node {
            center,
            radius,
            kind,
        } => {
            let path = match kind {
                ActorKind::Country => {
                    PathBuilder::from_circle(center[0], center[1], radius.max(0.5))
                }
                ActorKind::Bloc => {
                    let half = radius * style::BLOC_HALF_SIDE;
                    rounded_rect(
                        [center[0] - half, center[1] - half],
                        [2.0 * half, 2.0 * half],
                        radius * style::BLOC_CORNER,
                    )
                }
            };
            let Some(path) = path else {
                return;
            };
            pixmap.fill_path(
                &path,
                &paint(style::node_fill(*kind), 1.0),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
            if *radius >= 2.5 {
                let stroke = Stroke {
                    width: 1.0,
                    ..Stroke::default()
                };
                pixmap.stroke_path(
                    &path,
                    &paint(style::NODE_OUTLINE, 1.0),
                    &stroke,
                    Transform::identity(),
                    None,
                );
            }
        }
        Shape::Text {
            at,
            text,
            size,
            anchor,
            backdrop,
        } => draw_text(pixmap, font, *at, text, *size, *anchor, *backdrop),
    }
}

fn draw_text(
    pixmap: &mut Pixmap,
    font: &FontRef<'_>,
    at: [f32; 2],
    text: &str,
    size: f32,
    anchor: Anchor,
    backdrop: bool,
) {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut glyphs = Vec::new();
    let mut x = 0.0;
    let mut previous = None;
    for ch in text.chars() {
        let id = scaled.glyph_id(ch);
        if let Some(previous) = previous {
            x += scaled.kern(previous, id);
        }
        glyphs.push((id, x));
        x += scaled.h_advance(id);
        previous = Some(id);
    }
    let left = match anchor {
        Anchor::Middle => at[0] - x * 0.5,
        Anchor::Start => at[0],
    };
    if backdrop {
        let ascent = scaled.ascent();
        let descent = scaled.descent();
        if let Some(path) = rounded_rect(
            [left - 2.0, at[1] - ascent - 1.0],
            [x + 4.0, ascent - descent + 2.0],
            3.0,
        ) {
            pixmap.fill_path(
                &path,
                &paint(style::MAP_BACKGROUND, 200.0 / 255.0),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }
    let (width, height) = (pixmap.width() as i64, pixmap.height() as i64);
    let color = style::LABEL_TEXT;
    let pixels = pixmap.pixels_mut();
    for (id, offset) in glyphs {
        let glyph = id.with_scale_and_position(size, point(left + offset, at[1]));
        let Some(outlined) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outlined.px_bounds();
        outlined.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i64 + i64::from(gx);
            let py = bounds.min.y as i64 + i64::from(gy);
            if px < 0 || py < 0 || px >= width || py >= height {
                return;
            }
            let pixel = &mut pixels[(py * width + px) as usize];
            let a = coverage.clamp(0.0, 1.0);
            let mix =
                |old: u8, new: u8| (f32::from(old) * (1.0 - a) + f32::from(new) * a).round() as u8;
            if let Some(blended) = tiny_skia::PremultipliedColorU8::from_rgba(
                mix(pixel.red(), color[0]),
                mix(pixel.green(), color[1]),
                mix(pixel.blue(), color[2]),
                mix(pixel.alpha(), 255),
            ) {
                *pixel = blended;
            }
        });
    }
}
