//! What one frame of a big map costs to paint on the CPU (src/app/raster.rs): the edges and
//! nodes of a generated map of 10,000 actors, laid out by our simulation and framed in a
//! 900 x 750 pixel map, as the window shows it while a node is dragged.
//!
//! The graph is the GUI tests' synthetic map (tests/synthetic: a random tree plus half as many
//! random extra ties, so a third of the edges cross the whole map, the worst case for painting).
//!
//! `cargo bench --bench map_paint` (set `TIEMAP_BENCH_NODES=3000` for another size). For
//! instruction counts, which a busy machine does not disturb:
//! `RAYON_NUM_THREADS=1 TIEMAP_BENCH_FRAMES=3 valgrind --tool=callgrind BENCH_BINARY`, minus
//! the same with `TIEMAP_BENCH_FRAMES=0` (the layout that places the nodes), divided by 3.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group};

#[path = "../tests/synthetic/mod.rs"]
mod synthetic;
use tiemap::app::raster::{Canvas, Dashes, Item, Paint, Rgb};
use tiemap::layout::{LayoutConfig, LayoutGraph, LayoutLink, Simulation};

/// The map's size in pixels (the window's map area at 1280 x 800).
const MAP_PX: [f32; 2] = [900.0, 750.0];
/// Margin kept around the framed map, in pixels.
const MARGIN_PX: f32 = 40.0;
/// Ticks of layout before the frame is painted.
const LAYOUT_TICKS: usize = 150;
/// How much thinner the map view draws edges when this many are on screen (see
/// `theme::edge_width_scale`: its floor).
const EDGE_WIDTH_SCALE: f32 = 0.4;
/// Colours of the four quads.
const QUAD_COLORS: [Rgb; 4] = [[60, 150, 220], [30, 140, 70], [235, 140, 30], [205, 35, 35]];

/// The items of one frame: every edge, then every node.
fn frame_items(nodes: usize) -> Vec<Item> {
    let pairs = synthetic::synthetic_pairs(nodes);
    let graph = LayoutGraph {
        radii: vec![40.0; nodes],
        links: pairs
            .iter()
            .map(|&(a, b)| LayoutLink {
                source: a as u32,
                target: b as u32,
                weight: 1.0,
            })
            .collect(),
    };
    let mut simulation = Simulation::new(&graph, &vec![None; nodes], LayoutConfig::default(), 1);
    for _ in 0..LAYOUT_TICKS {
        simulation.tick();
    }
    let (xs, ys) = (simulation.xs(), simulation.ys());
    let (min_x, max_x) = xs
        .iter()
        .fold((f32::MAX, f32::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    let (min_y, max_y) = ys
        .iter()
        .fold((f32::MAX, f32::MIN), |(lo, hi), &y| (lo.min(y), hi.max(y)));
    let scale = ((MAP_PX[0] - 2.0 * MARGIN_PX) / (max_x - min_x))
        .min((MAP_PX[1] - 2.0 * MARGIN_PX) / (max_y - min_y));
    let screen = |node: usize| {
        [
            MARGIN_PX + (xs[node] - min_x) * scale,
            MARGIN_PX + (ys[node] - min_y) * scale,
        ]
    };
    let mut items: Vec<Item> = pairs
        .iter()
        .enumerate()
        .map(|(index, &(a, b))| Item::Line {
            a: screen(a),
            b: screen(b),
            // A one-sentence edge (2.6 px) as the map view thins it when thousands show.
            width_px: 2.6 * EDGE_WIDTH_SCALE,
            color: QUAD_COLORS[index % 4],
            dashes: (index % 7 == 0).then_some(Dashes {
                dash_px: 7.0,
                gap_px: 5.0,
            }),
        })
        .collect();
    let paint = Paint {
        fill: [66, 110, 180],
        outline: [40, 40, 48],
        outline_px: 0.0,
    };
    items.extend((0..nodes).map(|node| Item::Disc {
        center: screen(node),
        radius_px: (9.0 * scale).max(2.0),
        paint,
    }));
    items
}

fn map_paint(c: &mut Criterion) {
    let nodes = std::env::var("TIEMAP_BENCH_NODES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(10_000);
    let items = frame_items(nodes);
    let mut canvas = Canvas::default();
    let mut group = c.benchmark_group("map_paint");
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function(format!("{nodes}_nodes_900x750"), |bench| {
        bench.iter(|| {
            canvas.reset(MAP_PX[0] as usize, MAP_PX[1] as usize, [250, 250, 247]);
            canvas.paint(black_box(&items));
        });
    });
    group.finish();
}

/// With `TIEMAP_BENCH_FRAMES=N`, paints N frames on one thread and exits: a fixed amount of
/// work to count instructions of under `valgrind --tool=callgrind`, which a busy machine does
/// not disturb the way it disturbs wall time.
fn paint_frames(frames: usize) {
    let nodes = std::env::var("TIEMAP_BENCH_NODES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(10_000);
    let mut items = frame_items(nodes);
    // `TIEMAP_BENCH_ITEMS=edges` or `nodes` paints only those, to see which costs what.
    match std::env::var("TIEMAP_BENCH_ITEMS").as_deref() {
        Ok("edges") => items.retain(|item| matches!(item, Item::Line { .. })),
        Ok("nodes") => items.retain(|item| !matches!(item, Item::Line { .. })),
        _ => {}
    }
    let mut canvas = Canvas::default();
    for _ in 0..frames {
        canvas.reset(MAP_PX[0] as usize, MAP_PX[1] as usize, [250, 250, 247]);
        canvas.paint(black_box(&items));
    }
    println!("painted {frames} frames of {} items", items.len());
}

criterion_group!(benches, map_paint);

fn main() {
    if let Some(frames) = std::env::var("TIEMAP_BENCH_FRAMES")
        .ok()
        .and_then(|value| value.parse().ok())
    {
        paint_frames(frames);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
