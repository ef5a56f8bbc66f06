//! The menu bar (File, View, and the Fit and negated-ties controls always in reach) and the
//! status bar (the latest message, the map's size and whether the layout is still moving).

use eframe::egui;
use egui::{Button, RichText, Ui};

use super::app::{OPEN_SHORTCUT, QUIT_SHORTCUT, SAVE_SHORTCUT, Status};
use super::command::Command;
use super::theme;
use crate::model::{ActorKind, TieMap};

/// Draws the menu bar; returns what the user asked for.
pub fn menu_bar_ui(ui: &mut Ui, show_negated: bool, unsaved: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    let open_shortcut = ui.ctx().format_shortcut(&OPEN_SHORTCUT);
    let save_shortcut = ui.ctx().format_shortcut(&SAVE_SHORTCUT);
    let quit_shortcut = ui.ctx().format_shortcut(&QUIT_SHORTCUT);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .add(Button::new("Open articles or map…").shortcut_text(open_shortcut))
                .clicked()
            {
                commands.push(Command::ChooseFilesToOpen);
            }
            let save_label = if unsaved { "Save map *" } else { "Save map" };
            if ui
                .add(Button::new(save_label).shortcut_text(save_shortcut))
                .clicked()
            {
                commands.push(Command::SaveMap);
            }
            if ui.button("Save map as…").clicked() {
                commands.push(Command::SaveMapAs);
            }
            ui.separator();
            if ui.button("Export PNG…").clicked() {
                commands.push(Command::ExportPng);
            }
            if ui.button("Export JSON…").clicked() {
                commands.push(Command::ExportJson);
            }
            ui.separator();
            if ui
                .add(Button::new("Quit").shortcut_text(quit_shortcut))
                .clicked()
            {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            if ui.add(Button::new("Fit map").shortcut_text("F")).clicked() {
                commands.push(Command::Fit);
            }
            if ui
                .add(Button::new("Debug overlay").shortcut_text("F12"))
                .clicked()
            {
                commands.push(Command::ToggleDebugOverlay);
            }
        });
        ui.separator();
        if ui
            .button("Fit")
            .on_hover_text("Frame the whole map (F)")
            .clicked()
        {
            commands.push(Command::Fit);
        }
        let mut negated = show_negated;
        if ui
            .checkbox(&mut negated, "Show negated ties")
            .on_hover_text("Ties the text says did not happen, drawn dashed and grey")
            .changed()
        {
            commands.push(Command::SetShowNegated(negated));
        }
    });
    commands
}

/// Draws the status bar.
pub fn status_bar_ui(
    ui: &mut Ui,
    status: Option<&Status>,
    map: &TieMap,
    edge_count: usize,
    activity: &str,
) {
    ui.horizontal(|ui| {
        if let Some(status) = status {
            let text = RichText::new(&status.text);
            let text = if status.is_error {
                text.color(theme::ERROR_TEXT).strong()
            } else {
                text
            };
            ui.label(text);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let blocs = map
                .actors
                .iter()
                .filter(|actor| actor.kind == ActorKind::Bloc)
                .count();
            ui.label(RichText::new(activity).weak());
            ui.label(format!(
                "{} countries, {} blocs, {} edges",
                map.actors.len() - blocs,
                blocs,
                edge_count
            ));
        });
    });
}
