//! The analyst's workspace, driven through `egui_kittest`: the command palette and the
//! shortcuts window, node sizes, labels and tooltips, finding an actor, and the filters.
#![cfg(feature = "gui")]

mod gui_support;

use eframe::egui;
use egui::{Event, Modifiers};
use egui_kittest::kittest::Queryable;
use gui_support::{fixture_map, generated_map, node_pos, press_key, settled_harness, type_text};
use tiemap::app::{Command, Selection, UiCommand};
use tiemap::model::{Actor, ActorKind, Category, EdgeKey, Quad, Tie, TieMap};

/// The fixture plus Iran and Iraq (tied) and France, which has no tie at all.
fn map_with_iran_iraq_and_an_untied_actor() -> TieMap {
    let mut map = fixture_map();
    for (id, name) in [("IRN", "Iran"), ("IRQ", "Iraq"), ("FRA", "France")] {
        map.actors.push(Actor {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::Country,
        });
    }
    map.actors.sort_by(|x, y| x.id.cmp(&y.id));
    let template = map.ties[0].clone();
    map.ties.push(Tie {
        source: "IRN".into(),
        target: "IRQ".into(),
        category: Category::Consult,
        quad: Category::Consult.quad(),
        ..template
    });
    map
}

#[test]
fn ctrl_p_opens_the_palette_and_typing_runs_a_command_by_name() {
    let mut harness = settled_harness(fixture_map());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::Pan(egui::vec2(3_000.0, -2_000.0)));
    harness.run();
    let map_rect = harness.state().map_rect().expect("drawn");
    assert!(!map_rect.contains(node_pos(&harness, "CHN")), "panned away");

    press_key(&mut harness, Modifiers::COMMAND, egui::Key::P);
    assert!(harness.state().is_palette_open());
    // Every command is listed, with its shortcut from the one table.
    harness.get_by_label("Find actor…");
    harness.get_by_label("Ctrl+F");
    harness.get_by_label("Ctrl+Shift+Z, Ctrl+Y");
    type_text(&mut harness, "fit");
    assert!(
        harness.query_by_label("Find actor…").is_none(),
        "filtered by what was typed"
    );
    press_key(&mut harness, Modifiers::NONE, egui::Key::Enter);
    assert!(
        !harness.state().is_palette_open(),
        "running a command closes it"
    );
    for actor in ["CHN", "EUR", "NATO", "RUS", "UKR", "USA"] {
        assert!(
            map_rect.contains(node_pos(&harness, actor)),
            "{actor} framed"
        );
    }
}

#[test]
fn escape_closes_the_palette_without_running_anything() {
    let mut harness = settled_harness(fixture_map());
    press_key(&mut harness, Modifiers::COMMAND, egui::Key::P);
    assert!(harness.state().is_palette_open());
    press_key(&mut harness, Modifiers::NONE, egui::Key::Escape);
    assert!(!harness.state().is_palette_open());
    assert!(!harness.state().is_debug_overlay_shown());
}

#[test]
fn the_view_menu_opens_a_window_listing_every_shortcut() {
    let mut harness = settled_harness(fixture_map());
    harness.get_by_label("View").click();
    harness.run();
    // A menu entry's accessible label is its name and its shortcut, both from the table.
    harness.get_by_label("Keyboard shortcuts F1").click();
    harness.run();
    assert!(harness.state().is_shortcuts_window_open());
    let ctx = harness.ctx.clone();
    for command in UiCommand::ALL {
        let shortcut = command.shortcut_text(&ctx);
        if !shortcut.is_empty() {
            assert!(harness.query_all_by_label(command.label()).count() >= 1);
            assert!(
                harness.query_all_by_label(&shortcut).count() >= 1,
                "{shortcut}"
            );
        }
    }
    harness.get_by_label("Drag a node");
}

#[test]
fn menu_entries_show_the_shortcut_the_keys_run() {
    let mut harness = settled_harness(fixture_map());
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Find actor… Ctrl+F");
    harness.get_by_label("Redo Ctrl+Shift+Z");
    harness.key_press(egui::Key::Escape);
    harness.run();
    // F12, from the same table, toggles the overlay.
    harness.key_press(egui::Key::F12);
    harness.run();
    assert!(harness.state().is_debug_overlay_shown());
}

#[test]
fn node_area_grows_with_evidence_between_a_minimum_and_a_maximum() {
    let harness = settled_harness(fixture_map());
    let radius = |actor| {
        harness
            .state()
            .node_radius_world(actor)
            .expect("on the map")
    };
    let (china, ukraine) = (radius("CHN"), radius("UKR"));
    assert!(
        (china - tiemap::app::theme::MAX_NODE_RADIUS_WORLD).abs() < 1e-3,
        "the most cited actor has the largest node: {china}"
    );
    assert!(ukraine >= tiemap::app::theme::MIN_NODE_RADIUS_WORLD && ukraine < china);
    // Area, not radius, is proportional: one sentence of four gives a quarter of the area
    // above the minimum.
    let min = tiemap::app::theme::MIN_NODE_RADIUS_WORLD;
    let share = (ukraine * ukraine - min * min) / (china * china - min * min);
    assert!((share - 0.25).abs() < 1e-3, "{share}");
}

#[test]
fn every_actor_of_a_small_map_is_labelled() {
    let harness = settled_harness(fixture_map());
    let mut labelled: Vec<String> = harness
        .state()
        .labels_shown()
        .into_iter()
        .map(|(actor, _)| actor)
        .collect();
    labelled.sort();
    assert_eq!(labelled, ["CHN", "EUR", "NATO", "RUS", "UKR", "USA"]);
}

#[test]
fn on_a_300_node_map_labels_never_overlap_the_weightiest_are_named_and_a_hovered_node_too() {
    let mut harness = settled_harness(generated_map(300));
    let labels = harness.state().labels_shown();
    assert!(labels.len() >= 20, "only {} labels", labels.len());
    assert!(labels.len() < 300, "not every label fits at this size");
    for (i, (a, rect_a)) in labels.iter().enumerate() {
        for (b, rect_b) in &labels[i + 1..] {
            assert!(!rect_a.intersects(*rect_b), "{a} and {b} overlap");
        }
    }
    // The hubs (most sentences) are named.
    for hub in ["G00000", "G00001"] {
        assert!(
            labels.iter().any(|(actor, _)| actor == hub),
            "{hub} labelled"
        );
    }
    // An unlabelled node gets its label when pointed at.
    let unlabelled = (0..300)
        .map(|index| format!("G{index:05}"))
        .rev()
        .find(|id| {
            !labels.iter().any(|(actor, _)| actor == id)
                && harness
                    .state()
                    .map_rect()
                    .is_some_and(|rect| rect.shrink(60.0).contains(node_pos(&harness, id)))
        })
        .expect("some node is left without a label");
    harness.event(Event::PointerMoved(node_pos(&harness, &unlabelled)));
    harness.run();
    let labels = harness.state().labels_shown();
    assert!(labels.iter().any(|(actor, _)| *actor == unlabelled));
}

#[test]
fn labels_are_placed_once_while_nothing_moves() {
    let mut harness = settled_harness(generated_map(300));
    let before = harness.state().label_placements();
    harness.run_steps(10);
    assert_eq!(harness.state().label_placements(), before);
}

#[test]
fn hovering_a_node_or_an_edge_shows_a_tooltip() {
    let mut harness = settled_harness(fixture_map());
    harness.event(Event::PointerMoved(node_pos(&harness, "RUS")));
    harness.run_steps(60);
    harness.get_by_label_contains("ties with 3 actors");
    harness.get_by_label_contains("ASSAULT × 1");
    let middle = node_pos(&harness, "RUS").lerp(node_pos(&harness, "UKR"), 0.5);
    harness.event(Event::PointerMoved(middle));
    harness.run_steps(60);
    harness.get_by_label("Russia – Ukraine");
    harness.get_by_label_contains("1 tie, 1 sentence");
}

#[test]
fn actors_without_a_visible_tie_are_hidden_until_asked_for() {
    let mut harness = settled_harness(map_with_iran_iraq_and_an_untied_actor());
    assert!(harness.state().node_world_pos("FRA").is_none());
    harness.get_by_label_contains("8 of 9 actors shown");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::Ui(UiCommand::ToggleIsolated));
    harness.run();
    assert!(harness.state().node_world_pos("FRA").is_some());
}

#[test]
fn typed_search_offers_actors_by_any_name_and_enter_selects_and_frames() {
    let mut harness = settled_harness(map_with_iran_iraq_and_an_untied_actor());
    press_key(&mut harness, Modifiers::COMMAND, egui::Key::F);
    assert!(harness.state().is_search_open());
    type_text(&mut harness, "ira");
    harness.get_by_label("Iran");
    harness.get_by_label("Iraq");
    assert!(harness.query_by_label("China").is_none());
    // By another name the gazetteer knows.
    for _ in 0..3 {
        press_key(&mut harness, Modifiers::NONE, egui::Key::Backspace);
    }
    type_text(&mut harness, "Persia");
    harness.get_by_label("Iran (Persia)");
    assert!(harness.query_by_label("Iraq").is_none());
    press_key(&mut harness, Modifiers::NONE, egui::Key::Enter);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node("IRN".into()))
    );
    assert!(!harness.state().is_search_open());
    let map_rect = harness.state().map_rect().expect("drawn");
    let iran = node_pos(&harness, "IRN");
    assert!(iran.distance(map_rect.center()) < 2.0, "framed: {iran:?}");
    // Its capital finds it too.
    let gazetteer = tiemap::app::search::aliases();
    assert!(gazetteer["IRN"].iter().any(|name| name == "Tehran"));
}

#[test]
fn a_legend_click_hides_a_quad_and_a_second_shows_it_again() {
    let mut harness = settled_harness(fixture_map());
    let assault = EdgeKey::new("RUS", "UKR");
    let has = |harness: &egui_kittest::Harness<'_, _>, key: &EdgeKey| {
        let app: &tiemap::app::TiemapApp = harness.state();
        app.edges().iter().any(|edge| edge.key == *key)
    };
    assert!(has(&harness, &assault));
    harness.get_by_label("material conflict").click();
    harness.run();
    assert!(!has(&harness, &assault), "the assault edge is hidden");
    assert!(
        harness
            .state()
            .view()
            .hidden_quads
            .contains(&Quad::MaterialConflict)
    );
    assert!(
        harness.state().node_world_pos("UKR").is_none(),
        "Ukraine has no tie left"
    );
    harness.get_by_label("material conflict").click();
    harness.run();
    assert!(has(&harness, &assault));
}

#[test]
fn the_category_list_and_the_sentence_minimum_filter_edges() {
    let mut harness = settled_harness(fixture_map());
    harness.get_by_label("Filters").click();
    harness.run();
    harness.get_by_label("CONSULT (2)").click();
    harness.run();
    let keys: Vec<EdgeKey> = harness
        .state()
        .edges()
        .iter()
        .map(|e| e.key.clone())
        .collect();
    assert!(!keys.contains(&EdgeKey::new("CHN", "USA")), "{keys:?}");
    assert!(!keys.contains(&EdgeKey::new("CHN", "EUR")), "{keys:?}");
    assert!(keys.contains(&EdgeKey::new("CHN", "RUS")));
    let ctx = harness.ctx.clone();
    let mut view = harness.state().view().clone();
    view.hidden_categories.clear();
    view.min_sentences = 2;
    harness.state_mut().apply(&ctx, Command::SetView(view));
    harness.run();
    let keys: Vec<EdgeKey> = harness
        .state()
        .edges()
        .iter()
        .map(|e| e.key.clone())
        .collect();
    assert_eq!(
        keys,
        [EdgeKey::new("CHN", "RUS")],
        "only the two-sentence edge"
    );
}

#[test]
fn filters_are_saved_with_the_map_and_come_back_when_it_reopens() {
    let mut harness = settled_harness(fixture_map());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::ToggleQuad(Quad::VerbalConflict));
    harness.run();
    assert!(
        harness.state().title().ends_with('*'),
        "a filter change is a change"
    );
    let dir = std::env::temp_dir().join(format!("tiemap-gui-filters-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("filtered.ron");
    harness
        .state_mut()
        .apply(&ctx, Command::SaveMapTo(path.clone()));
    let saved = tiemap::io::load_map(&path).expect("reads back");
    assert!(saved.view.hidden_quads.contains(&Quad::VerbalConflict));
    let reopened = settled_harness(saved);
    assert!(
        !reopened
            .state()
            .edges()
            .iter()
            .any(|edge| edge.key == EdgeKey::new("NATO", "RUS")),
        "the accusation stays hidden"
    );
}
