//! The menu bar (File, Edit, View, and the Fit and negated-ties controls always in reach) and
//! the status bar (the latest message, the map's size and whether the layout is still moving).
//!
//! Every menu entry is a [`UiCommand`]: its label and shortcut come from the command table,
//! the same one the palette and the key handling read.

use eframe::egui;
use egui::{Button, RichText, Ui};

use super::command::{Command, UiCommand};
use super::state::Status;
use super::theme;
use crate::model::{ActorKind, TieMap, ViewState};

/// The File menu, `None` for a separator.
const FILE_MENU: [Option<UiCommand>; 10] = [
    Some(UiCommand::Open),
    Some(UiCommand::OpenFolder),
    None,
    Some(UiCommand::Save),
    Some(UiCommand::SaveAs),
    None,
    Some(UiCommand::ExportPng),
    Some(UiCommand::ExportJson),
    None,
    Some(UiCommand::Quit),
];

/// The Edit menu.
const EDIT_MENU: [Option<UiCommand>; 5] = [
    Some(UiCommand::Undo),
    Some(UiCommand::Redo),
    None,
    Some(UiCommand::Find),
    Some(UiCommand::CommandPalette),
];

/// The View menu.
const VIEW_MENU: [Option<UiCommand>; 9] = [
    Some(UiCommand::Fit),
    None,
    Some(UiCommand::ToggleNegated),
    Some(UiCommand::ToggleIsolated),
    Some(UiCommand::ClearFilters),
    Some(UiCommand::ToggleDocuments),
    None,
    Some(UiCommand::ToggleDebugOverlay),
    Some(UiCommand::KeyboardShortcuts),
];

/// What the menu needs to know to show ticks and stars.
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts the menu shows (unsaved, panel shown, undo and redo possible)"
)]
pub struct MenuState<'a> {
    /// The filters (ticks on the toggles).
    pub view: &'a ViewState,
    /// The map has unsaved changes (a star on Save).
    pub unsaved: bool,
    /// The documents panel is shown.
    pub documents_shown: bool,
    /// Undo and redo have something to do.
    pub can_undo: bool,
    /// Redo has something to do.
    pub can_redo: bool,
}

fn checked(command: UiCommand, state: &MenuState<'_>) -> Option<bool> {
    match command {
        UiCommand::ToggleNegated => Some(state.view.show_negated),
        UiCommand::ToggleIsolated => Some(state.view.show_isolated),
        UiCommand::ToggleDocuments => Some(state.documents_shown),
        _ => None,
    }
}

fn enabled(command: UiCommand, state: &MenuState<'_>) -> bool {
    match command {
        UiCommand::Undo => state.can_undo,
        UiCommand::Redo => state.can_redo,
        UiCommand::ClearFilters => state.view.filters_anything(),
        _ => true,
    }
}

fn menu_items_ui(
    ui: &mut Ui,
    items: &[Option<UiCommand>],
    state: &MenuState<'_>,
    commands: &mut Vec<Command>,
) {
    for item in items {
        let Some(command) = *item else {
            ui.separator();
            continue;
        };
        let label = if command == UiCommand::Save && state.unsaved {
            "Save map *"
        } else {
            command.label()
        };
        let button = Button::new(label)
            .selected(checked(command, state) == Some(true))
            .shortcut_text(command.first_shortcut_text(ui.ctx()));
        if ui
            .add_enabled(enabled(command, state), button)
            .on_hover_text(command.help())
            .clicked()
        {
            commands.push(Command::Ui(command));
        }
    }
}

/// Draws the menu bar; returns what the user asked for.
pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            menu_items_ui(ui, &FILE_MENU, state, &mut commands);
        });
        ui.menu_button("Edit", |ui| {
            menu_items_ui(ui, &EDIT_MENU, state, &mut commands);
        });
        ui.menu_button("View", |ui| {
            menu_items_ui(ui, &VIEW_MENU, state, &mut commands);
        });
        ui.separator();
        if ui
            .button("Fit")
            .on_hover_text(format!(
                "{} ({})",
                UiCommand::Fit.help(),
                UiCommand::Fit.first_shortcut_text(ui.ctx())
            ))
            .clicked()
        {
            commands.push(Command::Ui(UiCommand::Fit));
        }
        if ui
            .button("Find")
            .on_hover_text(format!(
                "{} ({})",
                UiCommand::Find.help(),
                UiCommand::Find.first_shortcut_text(ui.ctx())
            ))
            .clicked()
        {
            commands.push(Command::Ui(UiCommand::Find));
        }
        let mut negated = state.view.show_negated;
        if ui
            .checkbox(&mut negated, "Show negated ties")
            .on_hover_text(UiCommand::ToggleNegated.help())
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
    shown: (usize, usize),
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
            let (shown_nodes, shown_edges) = shown;
            ui.label(RichText::new(activity).weak());
            ui.label(format!(
                "{} countries, {} blocs, {} edges",
                map.actors.len() - blocs,
                blocs,
                shown_edges
            ));
            if shown_nodes < map.actors.len() {
                ui.label(
                    RichText::new(format!(
                        "{shown_nodes} of {} actors shown",
                        map.actors.len()
                    ))
                    .weak(),
                );
            }
        });
    });
}
