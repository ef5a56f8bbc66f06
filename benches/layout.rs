//! Per-tick cost of our force layout against fjadra 0.2.1 (the Rust port of d3-force) on the
//! same scale-free graphs, with the same forces (d3's defaults: charge -30, link distance 30,
//! centring; ours also keeps discs of radius 2 apart).
//!
//! The graphs are Barabasi-Albert with two links per new node, like
//! `../shared/bench/gen_graph.py`, generated here with our own seeded generator so the bench
//! needs no files. Both engines first run `WARM_TICKS` ticks, so the timed ticks see a spread
//! layout rather than the starting spiral; criterion then times single ticks.
//!
//! `cargo bench --bench layout` (set `TIEMAP_BENCH_SIZES=1000,10000` to pick sizes).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tiemap::layout::{LayoutConfig, LayoutGraph, LayoutLink, Simulation};

/// Ticks run before timing.
const WARM_TICKS: usize = 20;

/// A seeded Barabasi-Albert graph: each new node links to two distinct earlier nodes chosen
/// in proportion to their degree.
fn scale_free(nodes: u32, seed: u64) -> Vec<(u32, u32)> {
    let mut state = seed;
    let mut next = move |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % bound
    };
    let mut ends: Vec<u32> = Vec::new();
    let mut links = Vec::new();
    for v in 2..nodes {
        let mut chosen: Vec<u32> = Vec::with_capacity(2);
        while chosen.len() < 2 {
            let t = if ends.is_empty() {
                next(2) as u32
            } else {
                ends[next(ends.len())]
            };
            if !chosen.contains(&t) {
                chosen.push(t);
            }
        }
        chosen.sort_unstable();
        for t in chosen {
            links.push((v, t));
            ends.push(v);
            ends.push(t);
        }
    }
    links
}

fn ours(nodes: u32, links: &[(u32, u32)], threads: usize) -> Simulation {
    let graph = LayoutGraph {
        radii: vec![2.0; nodes as usize],
        links: links
            .iter()
            .map(|&(source, target)| LayoutLink {
                source,
                target,
                weight: 1.0,
            })
            .collect(),
    };
    let config = LayoutConfig {
        threads,
        ..LayoutConfig::d3_like()
    };
    let mut simulation = Simulation::new(&graph, &[], config, 1);
    simulation.tick_n(WARM_TICKS);
    simulation
}

fn fjadra_simulation(nodes: u32, links: &[(u32, u32)]) -> fjadra::Simulation {
    let mut simulation = fjadra::SimulationBuilder::default()
        .build((0..nodes).map(|_| fjadra::Node::default()))
        .add_force(
            "link",
            fjadra::Link::new(links.iter().map(|&(s, t)| (s as usize, t as usize))),
        )
        .add_force("charge", fjadra::ManyBody::new())
        .add_force("center", fjadra::Center::new());
    simulation.tick(WARM_TICKS);
    simulation
}

fn sizes() -> Vec<u32> {
    std::env::var("TIEMAP_BENCH_SIZES").map_or_else(
        |_| vec![1_000, 10_000, 100_000],
        |s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
    )
}

fn tick(c: &mut Criterion) {
    for nodes in sizes() {
        let links = scale_free(nodes, 42);
        let mut group = c.benchmark_group("layout_tick");
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(if nodes >= 100_000 { 10 } else { 3 }));
        let mut simulation = ours(nodes, &links, 1);
        group.bench_function(BenchmarkId::new("tiemap_1_thread", nodes), |b| {
            b.iter(|| {
                simulation.tick();
                black_box(simulation.xs()[0])
            });
        });
        let mut simulation = ours(nodes, &links, 0);
        group.bench_function(BenchmarkId::new("tiemap_all_cores", nodes), |b| {
            b.iter(|| {
                simulation.tick();
                black_box(simulation.xs()[0])
            });
        });
        let mut simulation = fjadra_simulation(nodes, &links);
        group.bench_function(BenchmarkId::new("fjadra", nodes), |b| {
            b.iter(|| {
                simulation.tick(1);
                black_box(simulation.positions().next())
            });
        });
        group.finish();
    }
}

criterion_group!(benches, tick);
criterion_main!(benches);
