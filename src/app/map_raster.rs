//! Big maps drawn on the CPU: the map view lists the edges and nodes to draw as simple items,
//! [`raster`](super::raster) paints them into pixels, and the window shows the result as one
//! texture. Pins, labels and the legend are still drawn by egui on top.
//!
//! The list of items doubles as the cache key: when a frame's list hashes the same as the last
//! one (the pointer moved but nothing on the map did), neither painting nor the texture upload
//! is repeated.

use std::hash::{DefaultHasher, Hasher};
use std::time::{Duration, Instant};

use eframe::egui;
use egui::{Color32, ColorImage, Rect, TextureHandle, TextureOptions};

use super::raster::{Canvas, Item, Rgb};
use super::theme;

/// Feeds an item's geometry and colours to the cache key.
fn hash_item(item: &Item, hasher: &mut DefaultHasher) {
    let (floats, colors): ([f32; 6], [Rgb; 2]) = match *item {
        Item::Line {
            a,
            b,
            width_px,
            color,
            dashes,
        } => (
            [
                a[0],
                a[1],
                b[0],
                b[1],
                width_px,
                dashes.map_or(0.0, |dashes| dashes.dash_px + 1e3 * dashes.gap_px),
            ],
            [color, color],
        ),
        Item::Disc {
            center,
            radius_px,
            paint,
        } => (
            [center[0], center[1], radius_px, 0.0, 0.0, paint.outline_px],
            [paint.fill, paint.outline],
        ),
        Item::RoundedSquare {
            center,
            half_px,
            corner_px,
            paint,
        } => (
            [
                center[0],
                center[1],
                half_px,
                corner_px,
                1.0,
                paint.outline_px,
            ],
            [paint.fill, paint.outline],
        ),
    };
    for value in floats {
        hasher.write_u32(value.to_bits());
    }
    for color in colors {
        hasher.write(&color);
    }
}

/// An egui colour without its alpha (the map's colours are opaque).
pub fn rgb(color: Color32) -> Rgb {
    [color.r(), color.g(), color.b()]
}

/// The CPU-drawn map: the items of this frame, the pixels and the texture that shows them.
#[derive(Default)]
pub struct MapRaster {
    items: Vec<Item>,
    canvas: Canvas,
    texture: Option<TextureHandle>,
    painted_key: Option<u64>,
    paint_time: Duration,
    pixels_per_point: f32,
    /// The last frame showed the texture (the map was big enough).
    shown: bool,
}

impl MapRaster {
    /// Starts a frame's list of items.
    pub fn begin(&mut self) {
        self.items.clear();
        self.paint_time = Duration::ZERO;
        self.shown = false;
    }

    /// How long the last frame spent painting pixels and handing them to egui.
    pub fn paint_time_last_frame(&self) -> Duration {
        self.paint_time
    }

    /// Adds an item; items are painted in the order they are pushed.
    pub fn push(&mut self, item: Item) {
        self.items.push(item);
    }

    /// Paints the items into a canvas covering `map_rect` at `pixels_per_point` (reusing the
    /// last frame's texture when nothing changed) and shows it there.
    pub fn show(&mut self, painter: &egui::Painter, map_rect: Rect, pixels_per_point: f32) {
        let width = (map_rect.width() * pixels_per_point).round().max(1.0) as usize;
        let height = (map_rect.height() * pixels_per_point).round().max(1.0) as usize;
        let mut hasher = DefaultHasher::new();
        hasher.write_usize(width);
        hasher.write_usize(height);
        for item in &self.items {
            hash_item(item, &mut hasher);
        }
        let key = hasher.finish();
        if self.painted_key != Some(key) || self.texture.is_none() {
            let start = Instant::now();
            self.canvas.reset(width, height, rgb(theme::MAP_BACKGROUND));
            self.canvas.paint(&self.items);
            let image =
                ColorImage::from_rgba_premultiplied([width, height], self.canvas.rgba_bytes());
            match self.texture.as_mut() {
                Some(texture) => texture.set(image, TextureOptions::NEAREST),
                None => {
                    self.texture = Some(painter.ctx().load_texture(
                        "tiemap-map-raster",
                        image,
                        TextureOptions::NEAREST,
                    ));
                }
            }
            self.painted_key = Some(key);
            self.paint_time = start.elapsed();
        }
        self.pixels_per_point = pixels_per_point;
        self.shown = true;
        if let Some(texture) = &self.texture {
            painter.image(
                texture.id(),
                map_rect,
                Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                Color32::WHITE,
            );
        }
    }

    /// The items of the last frame (tests read them).
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The pixels of the last painted frame (tests read them).
    pub fn canvas(&self) -> &Canvas {
        &self.canvas
    }

    /// Canvas pixels per egui point in the last painted frame.
    pub fn pixels_per_point(&self) -> f32 {
        self.pixels_per_point
    }

    /// Whether the last frame showed the painted map (small maps are drawn as shapes).
    pub fn is_shown(&self) -> bool {
        self.shown
    }
}
