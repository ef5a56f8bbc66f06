//! Behaviour of the force layout as the app uses it: a small map settles quickly with no
//! label on top of another, a dragged node takes its neighbours along and the map goes quiet
//! afterwards, heavier ties are shorter, separate groups stay on screen together, and the
//! thread count never changes the picture.

// Pinned nodes and saved positions must come back bit for bit, so exact float comparison
// is the point of these tests.
#![allow(clippy::float_cmp)]

use tiemap::layout::{LayoutConfig, LayoutGraph, LayoutLink, Simulation};

fn link(source: u32, target: u32, weight: f32) -> LayoutLink {
    LayoutLink {
        source,
        target,
        weight,
    }
}

/// A tiemap-like map: `n` countries with radii of 20 to 60 world units, a few hubs.
fn country_map(n: u32) -> LayoutGraph {
    let radii = (0..n).map(|i| 20.0 + (i * 37 % 41) as f32).collect();
    let mut links = Vec::new();
    for i in 1..n {
        links.push(link(i, (i * 7) % i.max(1) / 2, 1.0 + (i % 4) as f32));
        if i % 3 == 0 && (i + 5) % n != i {
            links.push(link(i, (i + 5) % n, 1.0));
        }
    }
    LayoutGraph { radii, links }
}

fn ticks_to_settle(simulation: &mut Simulation, limit: usize) -> usize {
    let mut ticks = 0;
    while !simulation.is_settled() && ticks < limit {
        simulation.tick();
        ticks += 1;
    }
    ticks
}

fn distance(simulation: &Simulation, a: usize, b: usize) -> f32 {
    let [ax, ay] = simulation.position(a);
    let [bx, by] = simulation.position(b);
    (ax - bx).hypot(ay - by)
}

#[test]
fn small_maps_settle_in_about_two_seconds_without_overlaps() {
    for n in [5, 12, 30] {
        let graph = country_map(n);
        let mut simulation = Simulation::new(&graph, &[], LayoutConfig::default(), 3);
        assert!(!simulation.is_settled(), "a new map moves");
        let ticks = ticks_to_settle(&mut simulation, 1000);
        assert!(
            (30..=300).contains(&ticks),
            "{n} nodes settled after {ticks} ticks"
        );
        assert_eq!(simulation.overlap_count(), 0, "{n} nodes: discs overlap");
        // Airy: linked discs typically keep a visible gap between their rims (a hub's
        // neighbours may have to touch: they cannot all fit at rest length around it).
        let mut gaps: Vec<f32> = graph
            .links
            .iter()
            .map(|l| {
                let (s, t) = (l.source as usize, l.target as usize);
                distance(&simulation, s, t) - graph.radii[s] - graph.radii[t]
            })
            .collect();
        gaps.sort_by(f32::total_cmp);
        let median_gap = gaps[gaps.len() / 2];
        assert!(median_gap > 15.0, "{n} nodes: median gap {median_gap}");
    }
}

#[test]
fn first_frame_is_already_spread_out() {
    let graph = country_map(30);
    let simulation = Simulation::new(&graph, &[], LayoutConfig::default(), 1);
    let mut closest = f32::INFINITY;
    for a in 0..30 {
        for b in a + 1..30 {
            closest = closest.min(distance(&simulation, a, b));
        }
    }
    assert!(closest > 20.0, "two nodes start {closest} apart");
}

#[test]
fn saved_positions_are_where_the_map_starts() {
    let graph = country_map(8);
    let mut initial = vec![None; 8];
    initial[2] = Some([300.0, -40.0]);
    initial[5] = Some([-120.0, 80.0]);
    let simulation = Simulation::new(&graph, &initial, LayoutConfig::default(), 1);
    assert_eq!(simulation.position(2), [300.0, -40.0]);
    assert_eq!(simulation.position(5), [-120.0, 80.0]);
}

#[test]
fn dragging_moves_neighbours_then_the_map_settles_again() {
    let graph = LayoutGraph {
        radii: vec![30.0; 4],
        links: vec![link(0, 1, 1.0), link(1, 2, 1.0), link(2, 3, 1.0)],
    };
    let mut simulation = Simulation::new(&graph, &[], LayoutConfig::default(), 9);
    ticks_to_settle(&mut simulation, 1000);
    assert!(simulation.is_settled());
    let before = simulation.position(1);
    // Drag node 0 far to the right over 30 frames.
    let [x0, y0] = simulation.position(0);
    simulation.set_alpha_target(0.3);
    for frame in 1..=30 {
        simulation.pin(0, [x0 + 20.0 * frame as f32, y0]);
        simulation.tick();
        assert!(!simulation.is_settled(), "the map stays live during a drag");
    }
    assert_eq!(simulation.position(0), [x0 + 600.0, y0]);
    let after = simulation.position(1);
    assert!(
        (after[0] - before[0]).hypot(after[1] - before[1]) > 100.0,
        "the neighbour follows the dragged node"
    );
    // Drop: the node stays pinned where it was dropped, the rest cools down.
    simulation.set_alpha_target(0.0);
    let ticks = ticks_to_settle(&mut simulation, 1000);
    assert!(ticks <= 300, "settled {ticks} ticks after the drop");
    assert_eq!(simulation.position(0), [x0 + 600.0, y0]);
    simulation.unpin(0);
    assert!(!simulation.is_pinned(0));
    simulation.reheat(0.3);
    assert!(!simulation.is_settled(), "a reheated map moves again");
}

#[test]
fn ties_with_more_evidence_are_shorter() {
    // A star whose centre links to four equal nodes; one link has ten times the evidence.
    let graph = LayoutGraph {
        radii: vec![25.0; 5],
        links: vec![
            link(0, 1, 10.0),
            link(0, 2, 1.0),
            link(0, 3, 1.0),
            link(0, 4, 1.0),
        ],
    };
    let mut simulation = Simulation::new(&graph, &[], LayoutConfig::default(), 4);
    ticks_to_settle(&mut simulation, 1000);
    let heavy = distance(&simulation, 0, 1);
    for light in 2..5 {
        assert!(
            heavy < distance(&simulation, 0, light) * 0.9,
            "heavy link {heavy} against light {}",
            distance(&simulation, 0, light)
        );
    }
}

#[test]
fn separate_groups_and_loners_stay_near_each_other() {
    // Two triangles and two isolated nodes, no link between them.
    let graph = LayoutGraph {
        radii: vec![30.0; 8],
        links: vec![
            link(0, 1, 1.0),
            link(1, 2, 1.0),
            link(2, 0, 1.0),
            link(3, 4, 1.0),
            link(4, 5, 1.0),
            link(5, 3, 1.0),
        ],
    };
    let mut simulation = Simulation::new(&graph, &[], LayoutConfig::default(), 2);
    ticks_to_settle(&mut simulation, 1000);
    for a in 0..8 {
        for b in a + 1..8 {
            assert!(
                distance(&simulation, a, b) < 1000.0,
                "nodes {a} and {b} drifted {} apart",
                distance(&simulation, a, b)
            );
        }
    }
    assert_eq!(simulation.overlap_count(), 0);
}

#[test]
fn empty_single_and_self_looped_maps_are_calm() {
    let mut empty = Simulation::new(&LayoutGraph::default(), &[], LayoutConfig::default(), 1);
    empty.tick();
    assert!(empty.is_settled());
    let one = LayoutGraph {
        radii: vec![40.0],
        links: vec![link(0, 0, 3.0), link(0, 7, 1.0)],
    };
    let mut simulation = Simulation::new(&one, &[], LayoutConfig::default(), 1);
    ticks_to_settle(&mut simulation, 1000);
    assert!(simulation.is_settled());
    assert!(simulation.position(0).iter().all(|v| v.is_finite()));
}

#[test]
fn coincident_nodes_and_duplicate_links_come_apart() {
    let graph = LayoutGraph {
        radii: vec![20.0; 6],
        links: vec![link(0, 1, 1.0), link(0, 1, 1.0), link(1, 2, 1.0)],
    };
    let initial = vec![Some([0.0, 0.0]); 6];
    let mut simulation = Simulation::new(&graph, &initial, LayoutConfig::default(), 5);
    ticks_to_settle(&mut simulation, 1000);
    assert_eq!(simulation.overlap_count(), 0);
}

#[test]
fn thread_count_does_not_change_the_result() {
    // Big enough for the parallel force pass.
    let n = 3000u32;
    let graph = LayoutGraph {
        radii: vec![2.0; n as usize],
        links: (1..n).map(|i| link(i, i / 3, 1.0)).collect(),
    };
    let run = |threads| {
        let config = LayoutConfig {
            threads,
            ..LayoutConfig::d3_like()
        };
        let mut simulation = Simulation::new(&graph, &[], config, 11);
        simulation.tick_n(3);
        (simulation.xs().to_vec(), simulation.ys().to_vec())
    };
    assert_eq!(run(1), run(2));
}

#[test]
fn a_thousand_node_graph_lays_out_as_evenly_as_d3_without_overlaps() {
    // Barabasi-Albert-like: node i links to i/2 and i/3 (shifted), a few hubs and many leaves.
    let n = 1000u32;
    let mut links = Vec::new();
    for i in 2..n {
        links.push(link(i, i / 2, 1.0));
        links.push(link(i, (i * 7 + 1) % i, 1.0));
    }
    let graph = LayoutGraph {
        radii: vec![2.0; n as usize],
        links,
    };
    let mut simulation = Simulation::new(&graph, &[], LayoutConfig::d3_like(), 1);
    simulation.tick_n(300);
    assert_eq!(simulation.overlap_count(), 0);
    // d3-force reaches about 0.41 on the 1k benchmark graph; a tangled layout is above 0.6.
    let dev = simulation.edge_len_dev();
    assert!(dev < 0.6, "edge_len_dev {dev}");
}
