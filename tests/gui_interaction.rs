//! What a user does with the window, driven through `egui_kittest`: clicking edges and nodes,
//! dragging and pinning nodes, framing the map, reading the chart, opening a bad file.

mod gui_support;

use eframe::egui;
use egui::{Event, Modifiers, PointerButton, Pos2, pos2};
use egui_kittest::kittest::Queryable;
use gui_support::{
    INVASION_SENTENCE, PARTNERSHIP_SENTENCE, click_at, fixture_map, node_pos, press_at,
    settled_harness, wait_until_loaded,
};
use tiemap::app::{Command, Selection};
use tiemap::model::EdgeKey;

fn midpoint(a: Pos2, b: Pos2) -> Pos2 {
    pos2((a.x + b.x) * 0.5, (a.y + b.y) * 0.5)
}

#[test]
fn clicking_an_edge_midpoint_shows_its_sentences_in_the_panel() {
    let mut harness = settled_harness(fixture_map());
    assert!(harness.query_by_label(PARTNERSHIP_SENTENCE).is_none());
    let middle = midpoint(node_pos(&harness, "CHN"), node_pos(&harness, "RUS"));
    // 4 pixels off the line still hits it.
    click_at(&mut harness, middle + egui::vec2(0.0, 4.0));
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Edge(EdgeKey::new("CHN", "RUS")))
    );
    harness.get_by_label(PARTNERSHIP_SENTENCE);
    harness.get_by_label_contains("sentence 0");
    harness.get_by_label("SUPPORT");
    harness.get_by_label("COOPERATE");
    // Ties of other pairs are not listed.
    assert!(harness.query_by_label(INVASION_SENTENCE).is_none());
    // The negated aid tie is hidden, like its edge.
    assert!(harness.query_by_label("AID").is_none());
}

#[test]
fn clicking_a_node_shows_all_of_its_ties() {
    let mut harness = settled_harness(fixture_map());
    let russia = node_pos(&harness, "RUS");
    click_at(&mut harness, russia);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node("RUS".into()))
    );
    harness.get_by_label(PARTNERSHIP_SENTENCE);
    harness.get_by_label(INVASION_SENTENCE);
    harness.get_by_label("The Kremlin blamed NATO for the war.");
    assert!(
        harness
            .query_by_label("The US Secretary of State visits Beijing.")
            .is_none()
    );
}

#[test]
fn clicking_empty_space_clears_the_selection() {
    let mut harness = settled_harness(fixture_map());
    let china = node_pos(&harness, "CHN");
    click_at(&mut harness, china);
    assert!(harness.state().selection().is_some());
    let map_rect = harness.state().map_rect().expect("the map was drawn");
    // Fit keeps a margin around the map: the bottom right corner is empty.
    click_at(&mut harness, map_rect.right_bottom() - egui::vec2(8.0, 8.0));
    assert_eq!(harness.state().selection(), None);
    assert!(harness.query_by_label(PARTNERSHIP_SENTENCE).is_none());
}

#[test]
fn a_dragged_node_stays_pinned_where_it_was_dropped() {
    let mut harness = settled_harness(fixture_map());
    let start = node_pos(&harness, "UKR");
    let drop = start + egui::vec2(-60.0, 45.0);
    assert!(!harness.state().is_pinned("UKR"));
    press_at(&mut harness, start);
    for step in 1..=10 {
        let t = step as f32 / 10.0;
        harness.event(Event::PointerMoved(start + (drop - start) * t));
        harness.step();
        assert!(
            !harness.state().is_settled(),
            "the map moves while a node is dragged"
        );
    }
    harness.event(Event::PointerButton {
        pos: drop,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    harness.event(Event::PointerGone);
    harness.run();

    let state = harness.state();
    assert!(state.is_pinned("UKR"), "the dropped node is pinned");
    let expected = state
        .screen_from_world()
        .expect("drawn")
        .world_from_screen(drop);
    let actual = state.node_world_pos("UKR").expect("on the map");
    assert!(
        (actual[0] - expected[0]).abs() < 0.01 && (actual[1] - expected[1]).abs() < 0.01,
        "dropped at {expected:?}, found at {actual:?}"
    );
    let saved = state
        .map()
        .positions
        .get("UKR")
        .expect("position written back");
    assert!(saved.pinned);
    assert!((saved.x - expected[0]).abs() < 0.01 && (saved.y - expected[1]).abs() < 0.01);
    assert!(
        state.title().ends_with('*'),
        "a moved node is an unsaved change"
    );

    // More frames, even a reheated layout, do not move it.
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::Unpin("CHN".into()));
    harness.run();
    let after = harness.state().node_world_pos("UKR").expect("on the map");
    assert!(
        after
            .iter()
            .zip(actual)
            .all(|(a, b)| a.to_bits() == b.to_bits()),
        "a pinned node never moves: {after:?} vs {actual:?}"
    );

    // Double-clicking the node lets it go.
    let pinned_at = node_pos(&harness, "UKR");
    harness.event(Event::PointerMoved(pinned_at));
    harness.step();
    // The harness runs each pointer event in its own 1/60 s frame: a quick double click.
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos: pinned_at,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }
    harness.run();

    assert!(!harness.state().is_pinned("UKR"), "double-click unpins");
}

#[test]
fn the_f_key_frames_the_whole_map() {
    let mut harness = settled_harness(fixture_map());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::Pan(egui::vec2(3_000.0, -2_000.0)));
    harness.run();
    let map_rect = harness.state().map_rect().expect("drawn");
    assert!(!map_rect.contains(node_pos(&harness, "CHN")), "panned away");
    harness.key_press(egui::Key::F);
    harness.run();
    for actor in ["CHN", "EUR", "NATO", "RUS", "UKR", "USA"] {
        assert!(
            map_rect.contains(node_pos(&harness, actor)),
            "{actor} is framed"
        );
    }
}

#[test]
fn scrolling_zooms_around_the_cursor() {
    let mut harness = settled_harness(fixture_map());
    let russia = node_pos(&harness, "RUS");
    let china = node_pos(&harness, "CHN");
    harness.event(Event::PointerMoved(russia));
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        modifiers: Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    let russia_after = node_pos(&harness, "RUS");
    let china_after = node_pos(&harness, "CHN");
    assert!(
        russia_after.distance(russia) < 3.0,
        "the point under the cursor stays"
    );
    assert!(
        china_after.distance(russia_after) > china.distance(russia) * 1.05,
        "the map grew"
    );
}

#[test]
fn the_chart_holds_the_reported_figure() {
    let mut harness = settled_harness(fixture_map());
    harness.get_by_label("Reported figures");
    harness.get_by_label_contains("$190 billion");
    harness.get_by_label_contains("1.28 trillion yuan");
    harness.get_by_label_contains("a record");
    // Selecting the pair keeps its figure in view.
    let middle = midpoint(node_pos(&harness, "CHN"), node_pos(&harness, "RUS"));
    click_at(&mut harness, middle);
    harness.get_by_label("of the selected edge");
    harness.get_by_label_contains("CHN–RUS trade 2022: 1.28 trillion yuan ($190 billion)");
}

#[test]
fn negated_ties_appear_only_when_asked_for() {
    let mut harness = settled_harness(fixture_map());
    let before = harness.state().edges().len();
    harness.get_by_label("Show negated ties").click();
    harness.run();
    let russia = node_pos(&harness, "RUS");
    click_at(&mut harness, russia);
    harness.get_by_label("AID");
    harness.get_by_label("negated");
    assert_eq!(
        harness.state().edges().len(),
        before,
        "same pair, no new edge"
    );
}

#[test]
fn opening_a_bad_file_says_why_and_keeps_the_map() {
    let mut harness = settled_harness(fixture_map());
    let dir = std::env::temp_dir().join(format!("tiemap-gui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let binary = dir.join("photo.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").expect("write");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::OpenFiles(vec![binary]));
    wait_until_loaded(&mut harness);
    let status = harness.state().status().expect("a message").clone();
    assert!(status.is_error, "{status:?}");
    assert!(status.text.contains("photo.txt"), "{status:?}");
    harness.get_by_label_contains("binary file");
    assert_eq!(harness.state().map().actors.len(), 6, "the old map stays");
    assert!(harness.state().node_screen_pos("CHN").is_some());
}

#[test]
fn a_text_with_no_countries_gives_an_empty_map_that_says_so() {
    let mut harness = settled_harness(fixture_map());
    let dir = std::env::temp_dir().join(format!("tiemap-gui-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let text = dir.join("recipe.txt");
    std::fs::write(&text, "Whisk two eggs with a pinch of salt. Serve warm.").expect("write");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::OpenFiles(vec![text]));
    wait_until_loaded(&mut harness);
    assert!(harness.state().map().actors.is_empty());
    harness.get_by_label_contains("no countries found");
}

#[test]
fn the_bundled_article_opens_on_its_map_sentences_and_figure() {
    let loaded =
        tiemap::app::loading::load(&tiemap::app::Source::Bundled).expect("bundled article");
    let mut harness = settled_harness(loaded.map);
    for actor in ["CHN", "RUS", "USA", "UKR", "NATO"] {
        assert!(
            harness.state().node_screen_pos(actor).is_some(),
            "{actor} is a node"
        );
    }
    harness.get_by_label_contains("$190 billion");
    harness.get_by_label_contains("1.28 trillion yuan");
    let middle = midpoint(node_pos(&harness, "CHN"), node_pos(&harness, "RUS"));
    click_at(&mut harness, middle);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Edge(EdgeKey::new("CHN", "RUS")))
    );
    // The sentence backs several ties (trade, military cooperation, partnership).
    assert!(
        harness
            .query_all_by_label_contains("joint military exercises with Russia")
            .count()
            >= 2
    );
    harness.get_by_label("of the selected edge");
}

#[test]
fn a_saved_map_reopens_with_the_same_positions_and_pins() {
    let mut harness = settled_harness(fixture_map());
    let ctx = harness.ctx.clone();
    let russia = harness.state().node_world_pos("RUS").expect("on the map");
    let pin_at = [russia[0] + 80.0, russia[1] - 30.0];
    for command in [
        Command::StartDrag("RUS".into()),
        Command::DragTo(pin_at),
        Command::EndDrag,
    ] {
        harness.state_mut().apply(&ctx, command);
    }
    harness.run();
    assert!(harness.state().title().ends_with('*'));
    let dir = std::env::temp_dir().join(format!("tiemap-gui-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("fixture.ron");
    harness
        .state_mut()
        .apply(&ctx, Command::SaveMapTo(path.clone()));
    harness.run();
    assert_eq!(harness.state().title(), "tiemap - fixture.ron");

    let saved = tiemap::io::load_map(&path).expect("the saved map reads back");
    let placement = saved.positions.get("RUS").expect("position saved");
    assert!(placement.pinned);
    assert!((placement.x - pin_at[0]).abs() < 1e-3 && (placement.y - pin_at[1]).abs() < 1e-3);
    let china = harness.state().node_world_pos("CHN").expect("on the map");
    let mut reopened = settled_harness(saved);
    assert!(reopened.state().is_pinned("RUS"));
    assert_eq!(reopened.state().node_world_pos("RUS"), Some(pin_at));
    let china_again = reopened.state().node_world_pos("CHN").expect("on the map");
    assert!(
        (china_again[0] - china[0]).hypot(china_again[1] - china[1]) < 5.0,
        "an unpinned node reopens where it was: {china:?} vs {china_again:?}"
    );
    reopened.run();
}

/// A file dropped on the window, as the windowing layer hands it to egui.
#[derive(Debug)]
struct DroppedArticle(std::path::PathBuf);

impl egui::DroppedFile for DroppedArticle {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

#[test]
fn an_article_dropped_on_the_window_becomes_the_map() {
    let mut harness = settled_harness(fixture_map());
    let dir = std::env::temp_dir().join(format!("tiemap-gui-drop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let article = dir.join("summit.txt");
    std::fs::write(
        &article,
        "Japan and India signed a defence pact in Tokyo on Monday.",
    )
    .expect("write");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedArticle(article)));
    wait_until_loaded(&mut harness);
    let ids: Vec<&str> = harness
        .state()
        .map()
        .actors
        .iter()
        .map(|actor| actor.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["IND", "JPN"],
        "the dropped article replaced the fixture map"
    );
}
