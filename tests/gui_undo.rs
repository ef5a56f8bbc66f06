//! Undo and redo (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y) of drags, pins and filter changes: an undo
//! restores the exact previous map.
#![cfg(feature = "gui")]

mod gui_support;

use eframe::egui;
use egui::Modifiers;
use gui_support::{fixture_map, press_key, settled_harness};
use tiemap::app::{Command, UiCommand};
use tiemap::model::Quad;

fn redo_modifiers() -> Modifiers {
    Modifiers {
        shift: true,
        ..Modifiers::COMMAND
    }
}

#[test]
fn undo_after_a_drag_puts_every_node_back_and_redo_drags_it_again() {
    let mut harness = settled_harness(fixture_map());
    let ctx = harness.ctx.clone();
    let actors = ["CHN", "EUR", "NATO", "RUS", "UKR", "USA"];
    let before: Vec<[f32; 2]> = actors
        .iter()
        .map(|actor| harness.state().node_world_pos(actor).expect("on the map"))
        .collect();
    let drop = [before[3][0] + 90.0, before[3][1] + 40.0];
    for command in [
        Command::StartDrag("RUS".into()),
        Command::DragTo(drop),
        Command::EndDrag,
    ] {
        harness.state_mut().apply(&ctx, command);
    }
    harness.run();
    assert!(harness.state().is_pinned("RUS"));
    assert!(harness.state().can_undo());
    press_key(&mut harness, Modifiers::COMMAND, egui::Key::Z);
    for (actor, position) in actors.iter().zip(&before) {
        assert_eq!(
            harness.state().node_world_pos(actor).as_ref(),
            Some(position),
            "{actor} is back exactly"
        );
    }
    assert!(!harness.state().is_pinned("RUS"), "the pin is undone too");
    press_key(&mut harness, redo_modifiers(), egui::Key::Z);
    assert!(harness.state().is_pinned("RUS"));
    assert_eq!(harness.state().node_world_pos("RUS"), Some(drop));
}

#[test]
fn undo_of_an_unpin_pins_the_node_where_it_was() {
    let mut harness = settled_harness(fixture_map());
    let ctx = harness.ctx.clone();
    let china = harness.state().node_world_pos("CHN").expect("on the map");
    let pin_at = [china[0] - 50.0, china[1]];
    for command in [
        Command::StartDrag("CHN".into()),
        Command::DragTo(pin_at),
        Command::EndDrag,
    ] {
        harness.state_mut().apply(&ctx, command);
    }
    harness.run();
    harness
        .state_mut()
        .apply(&ctx, Command::Unpin("CHN".into()));
    harness.run();
    assert!(!harness.state().is_pinned("CHN"));
    press_key(&mut harness, Modifiers::COMMAND, egui::Key::Y);
    // Ctrl+Y with nothing undone does nothing; Ctrl+Z undoes the unpin.
    assert!(!harness.state().is_pinned("CHN"));
    press_key(&mut harness, Modifiers::COMMAND, egui::Key::Z);
    assert!(harness.state().is_pinned("CHN"));
    assert_eq!(harness.state().node_world_pos("CHN"), Some(pin_at));
}

#[test]
fn a_filter_change_is_undone_like_any_other() {
    let mut harness = settled_harness(fixture_map());
    let ctx = harness.ctx.clone();
    let edges = harness.state().edges().len();
    harness
        .state_mut()
        .apply(&ctx, Command::ToggleQuad(Quad::MaterialConflict));
    harness.run();
    assert!(harness.state().edges().len() < edges);
    harness
        .state_mut()
        .apply(&ctx, Command::Ui(UiCommand::Undo));
    harness.run();
    assert_eq!(harness.state().edges().len(), edges);
    assert!(harness.state().view().hidden_quads.is_empty());
    harness
        .state_mut()
        .apply(&ctx, Command::Ui(UiCommand::Redo));
    harness.run();
    assert!(
        harness
            .state()
            .view()
            .hidden_quads
            .contains(&Quad::MaterialConflict)
    );
}
