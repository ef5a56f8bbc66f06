//! The one place where world coordinates (the layout's) meet screen coordinates (egui's).
//!
//! The camera is kept as "which world point is at the centre of the map, and how many pixels a
//! world unit takes", not as a screen offset: when the side panel opens or the window is
//! resized the map stays centred on the same place instead of sliding away.

use eframe::egui;
use egui::{Pos2, Rect, Vec2, pos2, vec2};

use super::theme;

/// What part of the world the map shows: the camera, independent of where the map is on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The world point shown at the centre of the map.
    pub center_world: [f32; 2],
    /// Screen pixels per world unit.
    pub scale: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            center_world: [0.0, 0.0],
            scale: 1.0,
        }
    }
}

impl Camera {
    /// The camera that shows all of `bounds_world` inside `map_rect` with a margin; `None` bounds
    /// (an empty map) reset to the origin at zoom 1.
    pub fn framing(bounds_world: Option<Rect>, map_rect: Rect) -> Camera {
        let Some(bounds) = bounds_world else {
            return Camera::default();
        };
        let room =
            (map_rect.size() - Vec2::splat(2.0 * theme::FIT_MARGIN_PX)).max(Vec2::splat(1.0));
        let size = bounds.size().max(Vec2::splat(1.0));
        let scale = (room.x / size.x)
            .min(room.y / size.y)
            .clamp(theme::MIN_SCALE, 1.5);
        Camera {
            center_world: [bounds.center().x, bounds.center().y],
            scale,
        }
    }

    #[must_use]
    /// The camera after zooming by `factor` while keeping the world point under `anchor_screen`
    /// where it is on screen.
    pub fn zoomed_around(self, map_rect: Rect, anchor_screen: Pos2, factor: f32) -> Camera {
        let before = ScreenFromWorld::new(self, map_rect);
        let anchor_world = before.world_from_screen(anchor_screen);
        let scale = (self.scale * factor).clamp(theme::MIN_SCALE, theme::MAX_SCALE);
        // Solve for the centre that puts anchor_world back under anchor_screen at the new scale.
        let offset = (anchor_screen - map_rect.center()) / scale;
        Camera {
            center_world: [anchor_world[0] - offset.x, anchor_world[1] - offset.y],
            scale,
        }
    }

    #[must_use]
    /// The camera after the background was dragged by `delta_screen` pixels.
    pub fn panned(self, delta_screen: Vec2) -> Camera {
        Camera {
            center_world: [
                self.center_world[0] - delta_screen.x / self.scale,
                self.center_world[1] - delta_screen.y / self.scale,
            ],
            scale: self.scale,
        }
    }
}

/// World -> screen for one frame: the camera placed in the map's rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenFromWorld {
    camera: Camera,
    map_center_screen: Pos2,
}

impl ScreenFromWorld {
    /// The transform of `camera` for a map drawn in `map_rect`.
    pub fn new(camera: Camera, map_rect: Rect) -> Self {
        ScreenFromWorld {
            camera,
            map_center_screen: map_rect.center(),
        }
    }

    /// Screen pixels per world unit.
    pub fn scale(&self) -> f32 {
        self.camera.scale
    }

    /// Where a world point is on screen.
    pub fn screen_from_world(&self, world: [f32; 2]) -> Pos2 {
        let [cx, cy] = self.camera.center_world;
        self.map_center_screen + vec2(world[0] - cx, world[1] - cy) * self.camera.scale
    }

    /// Which world point is at a screen position.
    pub fn world_from_screen(&self, screen: Pos2) -> [f32; 2] {
        let delta = (screen - self.map_center_screen) / self.camera.scale;
        let [cx, cy] = self.camera.center_world;
        [cx + delta.x, cy + delta.y]
    }

    /// The world rectangle visible in `screen_rect`.
    pub fn world_rect_from_screen(&self, screen_rect: Rect) -> Rect {
        let [x0, y0] = self.world_from_screen(screen_rect.min);
        let [x1, y1] = self.world_from_screen(screen_rect.max);
        Rect::from_min_max(pos2(x0, y0), pos2(x1, y1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_rect() -> Rect {
        Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 600.0))
    }

    #[test]
    fn world_and_screen_round_trip() {
        let camera = Camera {
            center_world: [12.0, -40.0],
            scale: 2.5,
        };
        let transform = ScreenFromWorld::new(camera, map_rect());
        let screen = transform.screen_from_world([30.0, 7.0]);
        let back = transform.world_from_screen(screen);
        assert!((back[0] - 30.0).abs() < 1e-4 && (back[1] - 7.0).abs() < 1e-4);
        assert_eq!(
            transform.screen_from_world([12.0, -40.0]),
            map_rect().center()
        );
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor() {
        let camera = Camera::default();
        let anchor = pos2(700.0, 120.0);
        let before = ScreenFromWorld::new(camera, map_rect()).world_from_screen(anchor);
        let zoomed = camera.zoomed_around(map_rect(), anchor, 3.0);
        let after = ScreenFromWorld::new(zoomed, map_rect()).world_from_screen(anchor);
        assert!((before[0] - after[0]).abs() < 1e-3 && (before[1] - after[1]).abs() < 1e-3);
        assert!((zoomed.scale - 3.0).abs() < 1e-6);
    }

    #[test]
    fn framing_puts_every_point_inside_the_map() {
        let bounds = Rect::from_min_max(pos2(-500.0, -20.0), pos2(900.0, 30.0));
        let camera = Camera::framing(Some(bounds), map_rect());
        let transform = ScreenFromWorld::new(camera, map_rect());
        for corner in [bounds.min, bounds.max] {
            let screen = transform.screen_from_world([corner.x, corner.y]);
            assert!(map_rect().contains(screen), "{screen:?}");
        }
    }
}
