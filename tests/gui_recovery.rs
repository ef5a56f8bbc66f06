//! Never losing work: changes are autosaved to a recovery file (never over the user's file),
//! a later start offers to restore it, and closing with unsaved changes asks first.
#![cfg(feature = "gui")]

mod gui_support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gui_support::{WINDOW, fixture_map, wait_until_loaded};
use tiemap::app::{Command, TiemapApp, UiCommand};

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tiemap-recovery-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn harness_with(app: TiemapApp) -> Harness<'static, TiemapApp> {
    let mut app = Some(app);
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(5_000)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_creation| app.take().expect("built once"));
    harness.run();
    harness
}

#[test]
fn a_change_is_autosaved_and_offered_back_after_the_process_dies() {
    let dir = scratch("offer");
    let mut harness = harness_with(
        TiemapApp::new_for_test(fixture_map()).with_recovery_dir(Some(dir.clone()), true),
    );
    let ctx = harness.ctx.clone();
    let russia = harness.state().node_world_pos("RUS").expect("on the map");
    let pin_at = [russia[0] + 70.0, russia[1] + 20.0];
    for command in [
        Command::StartDrag("RUS".into()),
        Command::DragTo(pin_at),
        Command::EndDrag,
    ] {
        harness.state_mut().apply(&ctx, command);
    }
    let recovery = dir.join("recovery.ron");
    for _ in 0..300 {
        harness.step();
        if recovery.is_file() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(recovery.is_file(), "the recovery file was written");
    // The process dies here: nothing runs on the way out. The next start offers the map.
    drop(harness);
    let mut next = harness_with(
        TiemapApp::new_for_test(tiemap::model::TieMap::new())
            .with_recovery_dir(Some(dir.clone()), true),
    );
    assert!(next.state().is_recovery_offered());
    next.get_by_label_contains("Restore the unsaved map from");
    next.get_by_label("Restore").click();
    wait_until_loaded(&mut next);
    assert_eq!(next.state().node_world_pos("RUS"), Some(pin_at));
    assert!(next.state().is_pinned("RUS"));
    assert!(
        next.state().title().ends_with('*'),
        "restored work is unsaved"
    );
    // Saving it somewhere puts the work safe: the recovery file goes.
    let saved = dir.join("mine.ron");
    let next_ctx = next.ctx.clone();
    next.state_mut()
        .apply(&next_ctx, Command::SaveMapTo(saved.clone()));
    assert!(saved.is_file());
    assert!(!recovery.is_file());
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut harness = harness_with(TiemapApp::new_for_test(fixture_map()));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::Ui(UiCommand::Quit));
    harness.run();
    assert!(
        !harness.state().is_close_question_shown(),
        "nothing changed: no question"
    );
    harness
        .state_mut()
        .apply(&ctx, Command::Unpin("CHN".into()));
    harness
        .state_mut()
        .apply(&ctx, Command::Ui(UiCommand::Quit));
    harness.run();
    assert!(harness.state().is_close_question_shown());
    harness.get_by_label("The map has unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().is_close_question_shown());
    // Asked again, Ctrl+Q a second time answers "quit without saving".
    harness
        .state_mut()
        .apply(&ctx, Command::Ui(UiCommand::Quit));
    harness.run();
    assert!(harness.state().is_close_question_shown());
    harness
        .state_mut()
        .apply(&ctx, Command::Ui(UiCommand::Quit));
    harness.run();
    assert!(!harness.state().is_close_question_shown());
}
