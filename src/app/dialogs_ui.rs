//! The two questions the window asks: whether to restore the map an earlier run left unsaved,
//! and what to do with unsaved changes when the window is closed.

use eframe::egui;

use super::command::Command;
use super::state::Pending;

/// Draws whichever question is pending; returns the answer as commands.
pub fn recovery_and_close_ui(ctx: &egui::Context, pending: &Pending) -> Vec<Command> {
    let mut commands = Vec::new();
    if let Some((_, clock)) = &pending.recovery_offer {
        egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
            ui.heading(format!("Restore the unsaved map from {clock}?"));
            ui.label("tiemap closed without saving it last time; a copy was kept.");
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    commands.push(Command::RestoreRecovery);
                }
                if ui.button("Discard").clicked() {
                    commands.push(Command::DiscardRecovery);
                }
            });
        });
    }
    if pending.confirm_close {
        egui::Modal::new(egui::Id::unique("close_question")).show(ctx, |ui| {
            ui.heading("The map has unsaved changes");
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    commands.push(Command::SaveAndQuit);
                }
                if ui.button("Quit without saving (Ctrl+Q)").clicked() {
                    commands.push(Command::QuitWithoutSaving);
                }
                if ui.button("Cancel").clicked() {
                    commands.push(Command::CancelQuit);
                }
            });
        });
    }
    commands
}
