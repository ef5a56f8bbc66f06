//! Big maps: a generated map of thousands of nodes opens, draws and lets a node be dragged,
//! and (ignored by default) the generator that writes the 10,000-node map used to measure
//! frame times in the release build:
//!
//! ```text
//! TIEMAP_SYNTHETIC_NODES=10000 TIEMAP_SYNTHETIC_MAP=/tmp/tiemap-10k.ron \
//!     cargo test --test gui_big_map -- --ignored write_synthetic_map
//! TIEMAP_TIMING=1 target/release/tiemap /tmp/tiemap-10k.ron   # F12 shows the overlay
//! ```

mod gui_support;

use gui_support::synthetic_graph as synthetic;

use eframe::egui;
use egui::{Event, Modifiers, PointerButton};
use egui_kittest::Harness;
use tiemap::app::TiemapApp;
use tiemap::model::{Actor, ActorKind, Category, Document, Evidence, Mention, Span, Tie, TieMap};

/// A map of `nodes` actors tied as in [`synthetic::synthetic_pairs`], one sentence each,
/// categories cycling through PLOVER's sixteen.
fn synthetic_map(nodes: usize) -> TieMap {
    let id = |index: usize| format!("N{index:05}");
    let mut map = TieMap::new();
    map.documents = vec![Document {
        id: "synthetic".into(),
        title: Some(format!("{nodes} generated actors")),
        date: None,
        text: String::new(),
    }];
    map.actors = (0..nodes)
        .map(|index| Actor {
            id: id(index),
            name: format!("Actor {index}"),
            kind: if index % 10 == 0 {
                ActorKind::Bloc
            } else {
                ActorKind::Country
            },
        })
        .collect();
    let pairs = synthetic::synthetic_pairs(nodes);
    map.ties = pairs
        .iter()
        .enumerate()
        .map(|(index, &(a, b))| {
            let category = Category::ALL[index % Category::ALL.len()];
            let (source, target) = (id(a), id(b));
            let text = format!("{source} and {target} are tied.");
            let second = source.len() + 5;
            Tie {
                evidence: vec![Evidence {
                    doc: "synthetic".into(),
                    sentence: index,
                    cue: "tied".into(),
                    cue_span: Span::new(text.len() - 5, text.len() - 1),
                    mentions: vec![
                        Mention {
                            actor: source.clone(),
                            text: source.clone(),
                            span: Span::new(0, source.len()),
                        },
                        Mention {
                            actor: target.clone(),
                            text: target.clone(),
                            span: Span::new(second, second + target.len()),
                        },
                    ],
                    text,
                }],
                source,
                target,
                category,
                quad: category.quad(),
                mode: "generated".into(),
                negated: false,
                hedged: index % 7 == 0,
            }
        })
        .collect();
    map.ties
        .sort_by(|x, y| (&x.source, &x.target).cmp(&(&y.source, &y.target)));
    map
}

#[test]
#[ignore = "writes a big map file for manual frame-time measurements"]
fn write_synthetic_map() {
    let nodes = std::env::var("TIEMAP_SYNTHETIC_NODES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(10_000);
    let path = std::env::var_os("TIEMAP_SYNTHETIC_MAP")
        .map_or_else(|| std::env::temp_dir().join("tiemap-10k.ron"), Into::into);
    let map = synthetic_map(nodes);
    tiemap::io::save_map(&path, &map).expect("map written");
    let reread = tiemap::io::load_map(&path).expect("map reads back");
    assert_eq!(reread.actors.len(), nodes);
    println!(
        "wrote {} ({} nodes, {} ties)",
        path.display(),
        nodes,
        map.ties.len()
    );
}

#[test]
fn a_map_of_two_thousand_nodes_draws_and_a_node_can_be_dragged() {
    let map = synthetic_map(2_000);
    let mut harness = Harness::builder()
        .with_size(gui_support::WINDOW)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(5_000)
        .build_eframe(move |_creation| TiemapApp::new_for_test(map));
    // Settled first, so that the node is still where it was drawn when the press comes.
    harness.run();
    assert_eq!(
        harness.state().edges().len(),
        harness.state().map().ties.len()
    );
    let start = harness.state().node_screen_pos("N00000").expect("drawn");
    let drop = start + egui::vec2(30.0, 20.0);
    gui_support::press_at(&mut harness, start);
    for step in 1..=5 {
        harness.event(Event::PointerMoved(
            start + (drop - start) * (step as f32 / 5.0),
        ));
        harness.step();
    }
    harness.event(Event::PointerButton {
        pos: drop,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(3);
    assert!(harness.state().is_pinned("N00000"));
    // A map this big is painted on the CPU: the node is painted where it was dropped, in a
    // bloc's colour (every tenth actor is a bloc), and the map's empty corner in background.
    let node_screen = harness.state().node_screen_pos("N00000").expect("drawn");
    assert!(
        node_screen.distance(drop) < 1.0,
        "{node_screen:?} vs {drop:?}"
    );
    let painted = |pos| harness.state().painted_map_color(pos);
    let bloc = tiemap::app::theme::BLOC_FILL;
    assert_eq!(painted(node_screen), Some([bloc.r(), bloc.g(), bloc.b()]));
    let map_corner =
        harness.state().map_rect().expect("shown").right_bottom() - egui::vec2(3.0, 3.0);
    let background = tiemap::app::theme::MAP_BACKGROUND;
    assert_eq!(
        painted(map_corner),
        Some([background.r(), background.g(), background.b()])
    );
    let world = harness
        .state()
        .node_world_pos("N00000")
        .expect("on the map");
    assert!(world.iter().all(|value| value.is_finite()));
}
