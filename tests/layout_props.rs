//! Property tests of the force layout over random graphs, degenerate ones included
//! (no nodes, one node, self-loops, duplicate links, coincident starting positions, zero
//! radii): what a user would see if these broke is a map that vanishes (NaN), a node that
//! slides away from where they dropped it, a map that never stops moving, or a different
//! map every time the same file is opened.

// Pinned nodes and saved positions must come back bit for bit, so exact float comparison
// is the point of these tests.
#![allow(clippy::float_cmp)]

use proptest::prelude::*;
use tiemap::layout::{LayoutConfig, LayoutGraph, LayoutLink, Simulation};

/// A random small graph, with optional starting positions (often all on one spot).
fn graph_strategy() -> impl Strategy<Value = (LayoutGraph, Vec<Option<[f32; 2]>>)> {
    (0usize..30).prop_flat_map(|n| {
        let link = (0..n.max(1) as u32, 0..n.max(1) as u32, 1.0f32..20.0);
        let links = prop::collection::vec(link, 0..if n == 0 { 1 } else { 3 * n });
        let radii = prop::collection::vec(prop_oneof![Just(0.0f32), 0.0f32..60.0], n);
        let stacked = any::<bool>();
        let positions =
            prop::collection::vec(prop::option::of((-200.0f32..200.0, -200.0f32..200.0)), n);
        (links, radii, stacked, positions).prop_map(move |(links, radii, stacked, positions)| {
            let links = if n == 0 {
                Vec::new()
            } else {
                links
                    .into_iter()
                    .map(|(source, target, weight)| LayoutLink {
                        source,
                        target,
                        weight,
                    })
                    .collect()
            };
            let initial = positions
                .into_iter()
                .map(|p| {
                    if stacked {
                        Some([5.0, 5.0])
                    } else {
                        p.map(|(x, y)| [x, y])
                    }
                })
                .collect();
            (LayoutGraph { radii, links }, initial)
        })
    })
}

fn all_finite(simulation: &Simulation) -> bool {
    simulation
        .xs()
        .iter()
        .chain(simulation.ys())
        .all(|v| v.is_finite())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn positions_stay_finite((graph, initial) in graph_strategy(), seed in any::<u64>()) {
        let mut simulation = Simulation::new(&graph, &initial, LayoutConfig::default(), seed);
        prop_assert!(all_finite(&simulation));
        for _ in 0..120 {
            simulation.tick();
            prop_assert!(all_finite(&simulation));
        }
        prop_assert!(simulation.kinetic_energy().is_finite());
        prop_assert!(simulation.edge_len_dev().is_finite());
    }

    #[test]
    fn pinned_nodes_never_move(
        (graph, initial) in graph_strategy(),
        pins in prop::collection::vec((any::<prop::sample::Index>(), -100.0f32..100.0, -100.0f32..100.0), 1..4),
        seed in any::<u64>(),
    ) {
        let n = graph.node_count();
        prop_assume!(n > 0);
        let mut simulation = Simulation::new(&graph, &initial, LayoutConfig::default(), seed);
        let mut expected = vec![None; n];
        for (index, x, y) in pins {
            let node = index.index(n);
            simulation.pin(node, [x, y]);
            expected[node] = Some([x, y]);
        }
        simulation.set_alpha_target(0.3);
        for tick in 0..150 {
            if tick == 60 {
                simulation.set_alpha_target(0.0);
            }
            simulation.tick();
            for (node, pin) in expected.iter().enumerate() {
                if let Some(position) = pin {
                    prop_assert_eq!(simulation.position(node), *position);
                    prop_assert!(simulation.is_pinned(node));
                }
            }
        }
    }

    #[test]
    fn same_seed_gives_same_positions((graph, initial) in graph_strategy(), seed in any::<u64>()) {
        let mut first = Simulation::new(&graph, &initial, LayoutConfig::default(), seed);
        let mut second = Simulation::new(&graph, &initial, LayoutConfig::default(), seed);
        first.tick_n(80);
        second.tick_n(80);
        prop_assert_eq!(first.xs(), second.xs());
        prop_assert_eq!(first.ys(), second.ys());
    }

    #[test]
    fn energy_falls_as_it_cools((graph, initial) in graph_strategy(), seed in any::<u64>()) {
        let mut simulation = Simulation::new(&graph, &initial, LayoutConfig::default(), seed);
        let mut early_peak = 0.0f32;
        for _ in 0..40 {
            simulation.tick();
            early_peak = early_peak.max(simulation.kinetic_energy());
        }
        let mut ticks = 40;
        while !simulation.is_settled() && ticks < 400 {
            simulation.tick();
            ticks += 1;
        }
        prop_assert!(simulation.is_settled(), "still moving after {} ticks", ticks);
        let last = simulation.kinetic_energy();
        prop_assert!(
            last <= 0.05 * early_peak + 1e-3,
            "energy {} at the end against {} early", last, early_peak
        );
    }
}
