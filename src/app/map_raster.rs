//! Big maps drawn on the CPU: the map view lists the edges and nodes to draw as simple items,
//! [`raster`](super::raster) paints them into pixels, and the window shows the result as one
//! texture. Pins, labels and the legend are still drawn by egui on top.
//!
//! The list of items doubles as the cache key: when a frame's list equals the last painted one
//! (the pointer moved but nothing on the map did), neither painting nor the texture upload is
//! repeated. Comparing the two lists is exact and costs far less than painting.

use std::time::{Duration, Instant};

use eframe::egui;
use egui::{Color32, ColorImage, Rect, TextureHandle, TextureOptions};

use super::raster::{Canvas, Item, Rgb};
use super::theme;

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
    /// The items and canvas size of the picture in the texture.
    painted: Option<(Vec<Item>, [usize; 2])>,
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
        let unchanged = self.texture.is_some()
            && self
                .painted
                .as_ref()
                .is_some_and(|(items, size)| *size == [width, height] && *items == self.items);
        if !unchanged {
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
            // Keep this frame's list for the next comparison, reusing the old one's memory.
            let mut painted = self
                .painted
                .take()
                .map(|(items, _)| items)
                .unwrap_or_default();
            painted.clone_from(&self.items);
            self.painted = Some((painted, [width, height]));
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
