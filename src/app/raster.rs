//! A small CPU rasteriser for big maps: anti-aliased lines, discs and rounded squares drawn
//! straight into an RGBA pixel buffer, which the window then shows as one texture.
//!
//! Why: a map of 10,000 nodes and 15,000 edges is some 50,000 thin triangles, and a software
//! renderer (Mesa's llvmpipe, which is all many virtual machines and remote desktops have) pays
//! several microseconds of setup for each, whatever its size: hundreds of milliseconds a frame.
//! Drawing the same shapes here costs a few milliseconds, because each shape touches only the
//! pixels it covers, and the renderer is left one textured rectangle.
//!
//! Coverage is computed from distances (half a pixel of feathering), so edges and node
//! outlines are smooth at any size. Colours are opaque sRGB, blended by coverage the way egui
//! blends its own shapes. The canvas is cut into bands of rows painted in parallel, each band
//! clipping every item to its rows, so the picture is the same whatever the number of threads.
//! No egui in here: the pixels are plain `[u8; 4]`, tested on their own.

use rayon::prelude::*;

/// An opaque colour: red, green, blue, in sRGB.
pub type Rgb = [u8; 3];

/// Rows per band painted by one thread: small enough to share the dense middle of a map
/// between threads, big enough that clipping every item to every band stays cheap.
const BAND_ROWS: usize = 64;

/// Dash pattern of a line, in pixels along it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dashes {
    /// Length of each dash.
    pub dash_px: f32,
    /// Length of each gap.
    pub gap_px: f32,
}

/// How a shape is filled and outlined.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    /// Fill colour.
    pub fill: Rgb,
    /// Outline colour.
    pub outline: Rgb,
    /// Outline width in pixels (0: none), drawn inside the shape's edge.
    pub outline_px: f32,
}

/// One thing to paint, in canvas pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    /// A straight line with flat ends, optionally dashed.
    Line {
        /// One end.
        a: [f32; 2],
        /// The other end.
        b: [f32; 2],
        /// Width in pixels.
        width_px: f32,
        /// Colour.
        color: Rgb,
        /// Dash pattern, if dashed.
        dashes: Option<Dashes>,
    },
    /// A disc.
    Disc {
        /// Centre.
        center: [f32; 2],
        /// Radius in pixels.
        radius_px: f32,
        /// Fill and outline.
        paint: Paint,
    },
    /// A square with rounded corners.
    RoundedSquare {
        /// Centre.
        center: [f32; 2],
        /// Half the side in pixels.
        half_px: f32,
        /// Corner radius in pixels.
        corner_px: f32,
        /// Fill and outline.
        paint: Paint,
    },
}

/// An RGBA image in memory, every pixel opaque.
#[derive(Clone, Debug, Default)]
pub struct Canvas {
    width: usize,
    height: usize,
    pixels: Vec<[u8; 4]>,
}

impl Canvas {
    /// A canvas of `width` by `height` pixels, filled with `background`.
    pub fn new(width: usize, height: usize, background: Rgb) -> Self {
        let mut canvas = Canvas::default();
        canvas.reset(width, height, background);
        canvas
    }

    /// Resizes (reusing the buffer) and fills with `background`.
    pub fn reset(&mut self, width: usize, height: usize, background: Rgb) {
        self.width = width;
        self.height = height;
        let [r, g, b] = background;
        self.pixels.clear();
        self.pixels.resize(width * height, [r, g, b, 255]);
    }

    /// The pixels, row by row, four bytes (RGBA) each.
    pub fn rgba_bytes(&self) -> &[u8] {
        self.pixels.as_flattened()
    }

    /// The pixel at `x`, `y` (tests and screenshots read it).
    pub fn pixel(&self, x: usize, y: usize) -> Option<[u8; 4]> {
        (x < self.width && y < self.height).then(|| self.pixels[y * self.width + x])
    }

    /// Paints `items` in order, bands of rows in parallel.
    pub fn paint(&mut self, items: &[Item]) {
        let (width, height) = (self.width, self.height);
        if width == 0 || height == 0 {
            return;
        }
        self.pixels
            .par_chunks_mut(BAND_ROWS * width)
            .enumerate()
            .for_each(|(band_index, pixels)| {
                let mut band = Band {
                    top: band_index * BAND_ROWS,
                    rows: pixels.len() / width,
                    pixels,
                    width,
                    height,
                };
                for item in items {
                    band.paint(item);
                }
            });
    }

    /// Paints one item (tests use it; a frame paints all its items with [`Canvas::paint`]).
    pub fn paint_one(&mut self, item: &Item) {
        self.paint(std::slice::from_ref(item));
    }
}

/// An opaque colour as the four bytes of a pixel, read as one little-endian number.
fn pack([r, g, b]: Rgb) -> u32 {
    u32::from_le_bytes([r, g, b, 255])
}

/// Lines reaching further than this many pixels from the canvas's corner are first cut to it.
const FAR_PX: f32 = 100_000.0;

/// The part of segment `a`-`b` inside `bounds` (min x, min y, max x, max y), or `None`
/// (Liang-Barsky, in f64 so that far ends keep their precision).
fn clip_segment(a: [f32; 2], b: [f32; 2], bounds: [f32; 4]) -> Option<([f32; 2], [f32; 2])> {
    let (ax, ay) = (f64::from(a[0]), f64::from(a[1]));
    let (dx, dy) = (f64::from(b[0]) - ax, f64::from(b[1]) - ay);
    let [min_x, min_y, max_x, max_y] = bounds.map(f64::from);
    let (mut enter, mut leave) = (0.0f64, 1.0f64);
    for (towards, room) in [
        (-dx, ax - min_x),
        (dx, max_x - ax),
        (-dy, ay - min_y),
        (dy, max_y - ay),
    ] {
        if towards == 0.0 {
            if room < 0.0 {
                return None;
            }
            continue;
        }
        let t = room / towards;
        if towards < 0.0 {
            enter = enter.max(t);
        } else {
            leave = leave.min(t);
        }
    }
    (enter <= leave).then(|| {
        let at = |t: f64| [(ax + dx * t) as f32, (ay + dy * t) as f32];
        (at(enter), at(leave))
    })
}

/// Bits of fraction in the fixed-point numbers of the line walk.
const FIXED_BITS: u32 = 16;
/// One pixel in fixed point.
const FIXED_ONE: i64 = 1 << FIXED_BITS;
/// The fraction bits.
const FIXED_FRACTION: i64 = FIXED_ONE - 1;

/// A fixed-point coverage in 0..=`FIXED_ONE` as a blending weight in 0..=256.
fn fixed_weight(coverage: i64) -> u32 {
    (coverage >> (FIXED_BITS - 8)) as u32
}

/// A coverage in 0..=1 as a blending weight in 0..=256.
fn weight(coverage: f32) -> u32 {
    // The float-to-int cast saturates, so rounding errors just past the ends are harmless.
    ((coverage * 256.0 + 0.5) as u32).min(256)
}

/// Mixes the opaque `color` into `pixel` with `weight` out of 256: red and blue in one
/// multiplication, green in another (each channel has 8 free bits above it).
fn mix(pixel: &mut [u8; 4], color: u32, weight: u32) {
    if weight == 0 {
        return;
    }
    let old = u32::from_le_bytes(*pixel);
    let keep = 256 - weight;
    let red_blue =
        (((color & 0x00FF_00FF) * weight + (old & 0x00FF_00FF) * keep) >> 8) & 0x00FF_00FF;
    let green = (((color & 0x0000_FF00) * weight + (old & 0x0000_FF00) * keep) >> 8) & 0x0000_FF00;
    *pixel = (red_blue | green | 0xFF00_0000).to_le_bytes();
}

/// Some consecutive rows of a canvas, painted by one thread.
struct Band<'a> {
    pixels: &'a mut [[u8; 4]],
    /// The canvas row of the band's first row.
    top: usize,
    rows: usize,
    width: usize,
    /// The canvas's height.
    height: usize,
}

impl Band<'_> {
    fn paint(&mut self, item: &Item) {
        match *item {
            Item::Line {
                a,
                b,
                width_px,
                color,
                dashes,
            } => self.line(a, b, width_px, color, dashes),
            Item::Disc {
                center,
                radius_px,
                paint,
            } => self.shape(center, radius_px, paint, |dx, dy, inset| {
                (dx * dx + dy * dy).sqrt() - (radius_px - inset)
            }),
            Item::RoundedSquare {
                center,
                half_px,
                corner_px,
                paint,
            } => {
                let corner_px = corner_px.clamp(0.0, half_px);
                let reach = half_px * std::f32::consts::SQRT_2;
                self.shape(center, reach, paint, |dx, dy, inset| {
                    let half = half_px - inset;
                    let corner = (corner_px - inset).max(0.0);
                    let qx = dx.abs() - (half - corner);
                    let qy = dy.abs() - (half - corner);
                    let (outside_x, outside_y) = (qx.max(0.0), qy.max(0.0));
                    (outside_x * outside_x + outside_y * outside_y).sqrt() + qx.max(qy).min(0.0)
                        - corner
                });
            }
        }
    }

    /// Mixes `color` into the pixel at `index` of the band with `coverage` in 0..=1.
    fn blend_at(&mut self, index: usize, color: Rgb, coverage: f32) {
        mix(
            &mut self.pixels[index],
            pack(color),
            weight(coverage.clamp(0.0, 1.0)),
        );
    }

    /// A straight line from `a` to `b`, `width_px` wide with flat ends, optionally dashed.
    ///
    /// Walks the longer axis one pixel column (or row) at a time and fills the short run of
    /// pixels across the line, with partial coverage at its two sides: the cost is the pixels
    /// drawn, and the part of a line outside the band is skipped before any work is done.
    fn line(
        &mut self,
        a: [f32; 2],
        b: [f32; 2],
        width_px: f32,
        color: Rgb,
        dashes: Option<Dashes>,
    ) {
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        if !(dx.is_finite() && dy.is_finite()) {
            return;
        }
        let reach = a
            .iter()
            .chain(&b)
            .fold(0.0f32, |most, value| most.max(value.abs()));
        let (a, b) = if reach > FAR_PX {
            // Keeps the walk's fixed-point numbers small; the dash phase of such a line is lost.
            let margin = FAR_PX.min(width_px + 2.0);
            let bounds = [
                -margin,
                -margin,
                self.width as f32 + margin,
                self.height as f32 + margin,
            ];
            match clip_segment(a, b, bounds) {
                Some(clipped) => clipped,
                None => return,
            }
        } else {
            (a, b)
        };
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let width_px = width_px.max(1.0);
        if dx.abs() >= dy.abs() {
            self.line_along::<false>(a, b, width_px, color, dashes);
        } else {
            // The same walk with the axes swapped.
            self.line_along::<true>([a[1], a[0]], [b[1], b[0]], width_px, color, dashes);
        }
    }

    /// A line whose major axis (x, or y when `SWAPPED`) changes at least as fast as the
    /// other; `a` and `b` are given as (major, minor). The axes are a constant so that each
    /// case compiles to its own loop without a branch per pixel.
    fn line_along<const SWAPPED: bool>(
        &mut self,
        a: [f32; 2],
        b: [f32; 2],
        width_px: f32,
        color: Rgb,
        dashes: Option<Dashes>,
    ) {
        let (band_top, band_bottom) = (self.top as f32, (self.top + self.rows) as f32);
        let reach_across = 0.5 * width_px * 1.5;
        let (minor_low, minor_high) =
            (a[1].min(b[1]) - reach_across, a[1].max(b[1]) + reach_across);
        let misses_band = if SWAPPED {
            a[0].max(b[0]) < band_top || a[0].min(b[0]) >= band_bottom
        } else {
            minor_high < band_top || minor_low >= band_bottom
        };
        if misses_band {
            return;
        }
        let (start, end) = if a[0] <= b[0] { (a, b) } else { (b, a) };
        let run = end[0] - start[0];
        let slope = if run > f32::EPSILON {
            (end[1] - start[1]) / run
        } else {
            0.0
        };
        // Pixels along the line per pixel along the major axis, and the line's extent across
        // the major axis: a tilted line covers more of each column than its width.
        let stretch = (slope * slope + 1.0).sqrt();
        let half_across = 0.5 * width_px * stretch;
        // The range of each axis this band may draw in.
        let (mut major_from, mut major_to, minor_from, minor_to) = if SWAPPED {
            (band_top, band_bottom, 0.0, self.width as f32)
        } else {
            (0.0, self.width as f32, band_top, band_bottom)
        };
        if !SWAPPED && slope != 0.0 {
            // Only the columns whose run of pixels reaches into the band's rows.
            let enter = start[0] + (band_top - half_across - start[1]) / slope - 0.5;
            let leave = start[0] + (band_bottom + half_across - start[1]) / slope - 0.5;
            major_from = major_from.max(enter.min(leave) - 1.0);
            major_to = major_to.min(enter.max(leave) + 2.0);
        }
        // A line shorter than a pixel still shows as one column.
        let (first, last) = if run < 1.0 {
            let column = start[0].floor();
            (column, column)
        } else {
            (start[0].round(), end[0].round() - 1.0)
        };
        let first = first.max(major_from.floor()).max(0.0);
        let last = last.min(major_to.ceil() - 1.0);
        if first > last {
            return;
        }
        let period = dashes.map(|dashes| (dashes.dash_px, dashes.dash_px + dashes.gap_px));
        // Where a pixel is in the band's buffer: `base(major) + (minor - minor_origin) * step`.
        let (top, width) = (self.top, self.width);
        let (minor_origin, step) = if SWAPPED { (0, 1) } else { (top, width) };
        let base = |major: usize| {
            if SWAPPED {
                (major - top) * width
            } else {
                major
            }
        };
        let packed = pack(color);
        let first = first as usize;
        // The walk is in fixed point (16 bits of fraction, in i64 so that lines reaching far
        // outside the canvas cannot overflow): a column then costs a few integer operations.
        let fixed = |value: f32| (f64::from(value) * FIXED_ONE as f64) as i64;
        let slope_fixed = fixed(slope);
        let half_fixed = fixed(half_across);
        let (minor_from, minor_to) = (fixed(minor_from), fixed(minor_to));
        let mut center = fixed(start[1] + (first as f32 + 0.5 - start[0]) * slope);
        for major in first..=last as usize {
            let center_here = center;
            center += slope_fixed;
            if let Some((dash, period)) = period {
                let along = (major as f32 + 0.5 - start[0]).max(0.0) * stretch;
                // `along` is non-negative: the cast truncates like floor, without a libm call.
                if along - f32::from((along / period) as u16) * period >= dash {
                    continue;
                }
            }
            let low = (center_here - half_fixed).max(minor_from);
            let high = (center_here + half_fixed).min(minor_to);
            if high <= low {
                continue;
            }
            // Both lie in the band, so they are non-negative and the shifts are floors.
            let low_pixel = (low >> FIXED_BITS) as usize;
            let high_pixel = (high >> FIXED_BITS) as usize;
            let row = base(major);
            let index = |minor: usize| row + (minor - minor_origin) * step;
            if low_pixel == high_pixel {
                mix(
                    &mut self.pixels[index(low_pixel)],
                    packed,
                    fixed_weight(high - low),
                );
                continue;
            }
            // A partly covered pixel at each side and fully covered ones between.
            let low_cover = FIXED_ONE - (low & FIXED_FRACTION);
            mix(
                &mut self.pixels[index(low_pixel)],
                packed,
                fixed_weight(low_cover),
            );
            for minor in low_pixel + 1..high_pixel {
                self.pixels[index(minor)] = packed.to_le_bytes();
            }
            let high_cover = high & FIXED_FRACTION;
            if high_cover > 0 {
                mix(
                    &mut self.pixels[index(high_pixel)],
                    packed,
                    fixed_weight(high_cover),
                );
            }
        }
    }

    /// Fills the pixels of a shape given by its signed distance (negative inside), `inset`
    /// pixels smaller for the fill when it has an outline. `reach_px` bounds the shape.
    fn shape(
        &mut self,
        center: [f32; 2],
        reach_px: f32,
        paint: Paint,
        distance: impl Fn(f32, f32, f32) -> f32,
    ) {
        if !(center[0].is_finite() && center[1].is_finite() && reach_px.is_finite()) {
            return;
        }
        let reach = reach_px + 1.0;
        let bottom = (self.top + self.rows).min(self.height) as f32;
        let x_from = (center[0] - reach).max(0.0);
        let x_to = (center[0] + reach).min(self.width as f32);
        let y_from = (center[1] - reach).max(self.top as f32);
        let y_to = (center[1] + reach).min(bottom);
        if x_from >= x_to || y_from >= y_to {
            return;
        }
        let outlined = paint.outline_px > 0.0;
        // Non-negative, so the casts floor; the ends are rounded up by one.
        for y in y_from as usize..(y_to.ceil() as usize).min(bottom as usize) {
            let dy = y as f32 + 0.5 - center[1];
            let row = (y - self.top) * self.width;
            for x in x_from as usize..(x_to.ceil() as usize).min(self.width) {
                let dx = x as f32 + 0.5 - center[0];
                let outer = 0.5 - distance(dx, dy, 0.0);
                if outer <= 0.0 {
                    continue;
                }
                if outlined {
                    self.blend_at(row + x, paint.outline, outer);
                    let inner = 0.5 - distance(dx, dy, paint.outline_px);
                    self.blend_at(row + x, paint.fill, inner);
                } else {
                    self.blend_at(row + x, paint.fill, outer);
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const WHITE: Rgb = [255, 255, 255];
    const RED: Rgb = [200, 0, 0];
    const BLACK: Rgb = [0, 0, 0];

    fn line(
        canvas: &mut Canvas,
        a: [f32; 2],
        b: [f32; 2],
        width_px: f32,
        color: Rgb,
        dashes: Option<Dashes>,
    ) {
        canvas.paint_one(&Item::Line {
            a,
            b,
            width_px,
            color,
            dashes,
        });
    }

    fn disc(canvas: &mut Canvas, center: [f32; 2], radius_px: f32, paint: Paint) {
        canvas.paint_one(&Item::Disc {
            center,
            radius_px,
            paint,
        });
    }

    fn rounded_square(
        canvas: &mut Canvas,
        center: [f32; 2],
        half_px: f32,
        corner_px: f32,
        paint: Paint,
    ) {
        canvas.paint_one(&Item::RoundedSquare {
            center,
            half_px,
            corner_px,
            paint,
        });
    }

    fn rgb(canvas: &Canvas, x: usize, y: usize) -> Rgb {
        let [r, g, b, _] = canvas.pixel(x, y).unwrap();
        [r, g, b]
    }

    #[test]
    fn a_horizontal_line_covers_its_row_and_nothing_beyond_its_ends() {
        let mut canvas = Canvas::new(20, 10, WHITE);
        line(&mut canvas, [2.0, 5.0], [12.0, 5.0], 2.0, RED, None);
        for x in 2..12 {
            assert_eq!(rgb(&canvas, x, 4), RED, "x {x}");
            assert_eq!(rgb(&canvas, x, 5), RED, "x {x}");
        }
        assert_eq!(rgb(&canvas, 1, 5), WHITE);
        assert_eq!(rgb(&canvas, 13, 5), WHITE);
        assert_eq!(rgb(&canvas, 5, 2), WHITE);
        assert_eq!(rgb(&canvas, 5, 7), WHITE);
    }

    #[test]
    fn a_steep_line_is_drawn_along_its_long_axis_without_gaps() {
        let mut canvas = Canvas::new(20, 40, WHITE);
        line(&mut canvas, [5.0, 2.0], [9.0, 38.0], 1.0, BLACK, None);
        for y in 3..37 {
            let darkest = (0..20).map(|x| rgb(&canvas, x, y)[0]).min().unwrap();
            assert!(darkest < 128, "row {y} has no dark pixel ({darkest})");
        }
    }

    #[test]
    fn a_half_covered_pixel_is_half_mixed() {
        let mut canvas = Canvas::new(10, 10, WHITE);
        // One pixel wide, centred on the border between rows 4 and 5.
        line(&mut canvas, [0.0, 5.0], [10.0, 5.0], 1.0, BLACK, None);
        let [r, _, _] = rgb(&canvas, 5, 4);
        assert!((120..=136).contains(&r), "{r}");
    }

    #[test]
    fn dashes_leave_gaps() {
        let mut canvas = Canvas::new(40, 5, WHITE);
        let dashes = Dashes {
            dash_px: 5.0,
            gap_px: 5.0,
        };
        line(
            &mut canvas,
            [0.0, 2.5],
            [40.0, 2.5],
            1.0,
            BLACK,
            Some(dashes),
        );
        assert_eq!(rgb(&canvas, 2, 2), BLACK);
        assert_eq!(rgb(&canvas, 7, 2), WHITE);
        assert_eq!(rgb(&canvas, 12, 2), BLACK);
    }

    #[test]
    fn lines_far_outside_or_not_finite_touch_nothing() {
        let mut canvas = Canvas::new(10, 10, WHITE);
        line(
            &mut canvas,
            [-500.0, -500.0],
            [-400.0, 9000.0],
            3.0,
            BLACK,
            None,
        );
        line(&mut canvas, [f32::NAN, 1.0], [5.0, 5.0], 3.0, BLACK, None);
        line(
            &mut canvas,
            [1.0, 1.0],
            [f32::INFINITY, 5.0],
            3.0,
            BLACK,
            None,
        );
        disc(
            &mut canvas,
            [f32::NAN, 3.0],
            4.0,
            Paint {
                fill: BLACK,
                outline: BLACK,
                outline_px: 0.0,
            },
        );
        assert!(
            canvas
                .pixels
                .iter()
                .all(|pixel| pixel == &[255, 255, 255, 255])
        );
    }

    #[test]
    fn a_line_crossing_the_canvas_is_clipped_to_it() {
        let mut canvas = Canvas::new(10, 10, WHITE);
        line(&mut canvas, [-1e6, 5.0], [1e6, 5.0], 2.0, RED, None);
        assert_eq!(rgb(&canvas, 0, 5), RED);
        assert_eq!(rgb(&canvas, 9, 5), RED);
        // Far beyond the fixed-point range of the walk, steep and shallow.
        let mut canvas = Canvas::new(10, 10, WHITE);
        line(&mut canvas, [5.0, -3e12], [5.0, 3e12], 2.0, RED, None);
        line(&mut canvas, [-3e12, -3e12], [3e12, 3e12], 1.0, BLACK, None);
        // Where f32 has no pixel precision left, nothing breaks.
        line(&mut canvas, [-3e30, 1.0], [3e30, 2.0], 1.0, BLACK, None);
        assert_eq!(rgb(&canvas, 4, 0), RED);
        assert_eq!(rgb(&canvas, 5, 9), RED);
        assert_eq!(rgb(&canvas, 7, 7), BLACK);
        assert_eq!(rgb(&canvas, 0, 9), WHITE);
    }

    #[test]
    fn a_disc_is_filled_inside_outlined_at_its_rim_and_smooth_at_its_edge() {
        let mut canvas = Canvas::new(30, 30, WHITE);
        let paint = Paint {
            fill: RED,
            outline: BLACK,
            outline_px: 2.0,
        };
        disc(&mut canvas, [15.0, 15.0], 10.0, paint);
        assert_eq!(rgb(&canvas, 15, 15), RED);
        assert_eq!(rgb(&canvas, 15, 6), BLACK, "rim");
        assert_eq!(rgb(&canvas, 15, 28), WHITE, "outside");
        assert_eq!(rgb(&canvas, 3, 3), WHITE, "corner of the box");
        // At 45 degrees the rim passes through pixels partly.
        let partly = (0..30)
            .flat_map(|y| (0..30).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let [r, g, _] = rgb(&canvas, x, y);
                r > 0 && r < 255 && r == g
            })
            .count();
        assert!(partly > 8, "{partly} grey edge pixels");
    }

    #[test]
    fn a_rounded_square_fills_its_sides_and_rounds_its_corners() {
        let mut canvas = Canvas::new(30, 30, WHITE);
        let paint = Paint {
            fill: RED,
            outline: BLACK,
            outline_px: 0.0,
        };
        rounded_square(&mut canvas, [15.0, 15.0], 8.0, 4.0, paint);
        assert_eq!(rgb(&canvas, 15, 8), RED, "middle of the top side");
        assert_eq!(rgb(&canvas, 22, 15), RED, "middle of the right side");
        assert_eq!(rgb(&canvas, 7, 7), WHITE, "the rounded corner");
        assert_eq!(rgb(&canvas, 15, 24), WHITE, "below");
    }

    #[test]
    fn lines_crossing_the_borders_of_bands_have_no_gaps() {
        let mut canvas = Canvas::new(100, 300, WHITE);
        line(&mut canvas, [10.0, 5.0], [30.0, 295.0], 1.5, BLACK, None);
        line(&mut canvas, [0.0, 50.0], [100.0, 80.0], 1.5, BLACK, None);
        for y in 6..294 {
            let darkest = (0..40).map(|x| rgb(&canvas, x, y)[0]).min().unwrap();
            assert!(darkest < 100, "steep line: row {y} ({darkest})");
        }
        for x in 1..99 {
            let darkest = (40..90).map(|y| rgb(&canvas, x, y)[0]).min().unwrap();
            assert!(darkest < 100, "shallow line: column {x} ({darkest})");
        }
    }

    #[test]
    fn reset_reuses_the_buffer_at_a_new_size() {
        let mut canvas = Canvas::new(4, 4, BLACK);
        canvas.reset(3, 2, WHITE);
        assert_eq!(canvas.rgba_bytes().len(), 3 * 2 * 4);
        assert_eq!(rgb(&canvas, 2, 1), WHITE);
        assert_eq!(canvas.pixel(3, 0), None);
    }
}
