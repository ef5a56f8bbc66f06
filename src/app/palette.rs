//! The command palette (Ctrl+P) and the keyboard-shortcuts window (View > Keyboard
//! shortcuts, F1): both list [`UiCommand::ALL`] with their shortcuts, so what they show is
//! what the keys do.

use eframe::egui;
use egui::{Key, RichText, Ui};

use super::command::Command;
use super::ui_command::UiCommand;

/// The palette's state while it is open.
#[derive(Clone, Debug, Default)]
pub struct Palette {
    /// What was typed.
    pub query: String,
    /// The command picked with the arrow keys, among those listed.
    pub picked: usize,
    focused_once: bool,
}

/// Draws the palette as a modal box; returns the commands to run (and `Command::ClosePalette`
/// when it closes).
pub fn palette_ui(ctx: &egui::Context, palette: &mut Palette) -> Vec<Command> {
    let mut commands = Vec::new();
    let listed: Vec<UiCommand> = UiCommand::ALL
        .into_iter()
        .filter(|command| *command != UiCommand::CommandPalette && command.matches(&palette.query))
        .collect();
    let modal = egui::Modal::new(egui::Id::unique("command_palette")).show(ctx, |ui| {
        ui.set_width(420.0);
        let edit = ui.add(
            egui::TextEdit::singleline(&mut palette.query)
                .hint_text("Type a command…")
                .desired_width(f32::INFINITY),
        );
        if !palette.focused_once {
            edit.request_focus();
            palette.focused_once = true;
        }
        if edit.changed() {
            palette.picked = 0;
        }
        let (down, up, enter) = ui.input_mut(|input| {
            (
                input.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                input.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                input.key_pressed(Key::Enter),
            )
        });
        if down {
            palette.picked = (palette.picked + 1).min(listed.len().saturating_sub(1));
        }
        if up {
            palette.picked = palette.picked.saturating_sub(1);
        }
        ui.separator();
        let mut chosen = None;
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for (index, command) in listed.iter().enumerate() {
                    if command_row_ui(ui, *command, index == palette.picked).clicked() {
                        chosen = Some(*command);
                    }
                }
                if listed.is_empty() {
                    ui.label(RichText::new("no command by that name").weak());
                }
            });
        if enter {
            chosen = chosen.or_else(|| listed.get(palette.picked).copied());
        }
        chosen
    });
    if let Some(command) = modal.inner {
        commands.push(Command::ClosePalette);
        commands.push(Command::Ui(command));
    } else if modal.should_close() {
        commands.push(Command::ClosePalette);
    }
    commands
}

fn command_row_ui(ui: &mut Ui, command: UiCommand, picked: bool) -> egui::Response {
    let shortcut = command.shortcut_text(ui.ctx());
    ui.horizontal(|ui| {
        let row = ui
            .selectable_label(picked, command.label())
            .on_hover_text(command.help());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(shortcut).weak().monospace());
        });
        row
    })
    .inner
}

/// Mouse gestures, listed under the shortcuts.
const GESTURES: [(&str, &str); 6] = [
    ("Click a node or an edge", "read its ties"),
    ("Drag a node", "move and pin it"),
    ("Double-click a pinned node", "let it go"),
    ("Drag the background", "pan"),
    ("Scroll", "zoom around the pointer"),
    ("Click a quad in the legend", "hide or show its ties"),
];

/// The keyboard-shortcuts window; returns `Command::CloseShortcuts` when it is closed.
pub fn shortcuts_window_ui(ctx: &egui::Context) -> Vec<Command> {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts_grid")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for command in UiCommand::ALL {
                        let shortcut = command.shortcut_text(ctx);
                        if shortcut.is_empty() {
                            continue;
                        }
                        ui.label(command.label());
                        ui.label(RichText::new(shortcut).monospace());
                        ui.end_row();
                    }
                    for (gesture, effect) in GESTURES {
                        ui.label(effect);
                        ui.label(RichText::new(gesture).italics());
                        ui.end_row();
                    }
                });
        });
    if open {
        Vec::new()
    } else {
        vec![Command::CloseShortcuts]
    }
}
