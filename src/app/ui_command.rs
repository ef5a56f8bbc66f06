//! The commands a user can run by name: each owns its label, its help line and its keyboard
//! shortcuts, and the menu bar, the command palette (Ctrl+P), the keyboard-shortcuts window
//! and the key handling all read this one table (as rerun's `UICommand` does), so a shortcut
//! shown is always the shortcut that works.

use eframe::egui;
use egui::{Key, KeyboardShortcut, Modifiers};

/// A command with a name, runnable from the menu, the palette or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UiCommand {
    /// Choose articles or a saved map to open.
    Open,
    /// Choose a folder of articles to open as a corpus.
    OpenFolder,
    /// Save the map to its file (asks for one the first time).
    Save,
    /// Save the map to a new file.
    SaveAs,
    /// Write a PNG of the window.
    ExportPng,
    /// Write the map as JSON.
    ExportJson,
    /// Close the window.
    Quit,
    /// Undo the last change to the map.
    Undo,
    /// Redo the change last undone.
    Redo,
    /// Find an actor by any of its names.
    Find,
    /// Frame the whole map.
    Fit,
    /// Show or hide ties the text says did not happen.
    ToggleNegated,
    /// Show or hide actors none of whose ties is visible.
    ToggleIsolated,
    /// Show every tie again.
    ClearFilters,
    /// Show or hide the documents panel.
    ToggleDocuments,
    /// Show or hide the frame-time overlay.
    ToggleDebugOverlay,
    /// List every command and run one by name.
    CommandPalette,
    /// List every keyboard shortcut.
    KeyboardShortcuts,
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        },
        key,
    )
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl UiCommand {
    /// Every command, in the order the palette lists them.
    pub const ALL: [UiCommand; 18] = [
        UiCommand::Open,
        UiCommand::OpenFolder,
        UiCommand::Save,
        UiCommand::SaveAs,
        UiCommand::ExportPng,
        UiCommand::ExportJson,
        UiCommand::Quit,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::Find,
        UiCommand::Fit,
        UiCommand::ToggleNegated,
        UiCommand::ToggleIsolated,
        UiCommand::ClearFilters,
        UiCommand::ToggleDocuments,
        UiCommand::ToggleDebugOverlay,
        UiCommand::CommandPalette,
        UiCommand::KeyboardShortcuts,
    ];

    /// The name shown in menus and the palette.
    pub fn label(self) -> &'static str {
        match self {
            UiCommand::Open => "Open articles or map…",
            UiCommand::OpenFolder => "Open folder…",
            UiCommand::Save => "Save map",
            UiCommand::SaveAs => "Save map as…",
            UiCommand::ExportPng => "Export PNG…",
            UiCommand::ExportJson => "Export JSON…",
            UiCommand::Quit => "Quit",
            UiCommand::Undo => "Undo",
            UiCommand::Redo => "Redo",
            UiCommand::Find => "Find actor…",
            UiCommand::Fit => "Fit map",
            UiCommand::ToggleNegated => "Show negated ties",
            UiCommand::ToggleIsolated => "Show actors without a visible tie",
            UiCommand::ClearFilters => "Clear filters",
            UiCommand::ToggleDocuments => "Documents panel",
            UiCommand::ToggleDebugOverlay => "Debug overlay",
            UiCommand::CommandPalette => "Command palette…",
            UiCommand::KeyboardShortcuts => "Keyboard shortcuts",
        }
    }

    /// One line on what it does, for tooltips and the palette.
    pub fn help(self) -> &'static str {
        match self {
            UiCommand::Open => "Open .txt/.md articles (merged into one map) or a saved .ron map",
            UiCommand::OpenFolder => "Read every article in a folder, in the background",
            UiCommand::Save => "Save the map, positions, filters and corrections included",
            UiCommand::SaveAs => "Save the map to a new file",
            UiCommand::ExportPng => "Write a picture of the window",
            UiCommand::ExportJson => "Write the map as JSON",
            UiCommand::Quit => "Close the window",
            UiCommand::Undo => "Undo the last change to the map",
            UiCommand::Redo => "Redo the change last undone",
            UiCommand::Find => "Find an actor by any of its names, select it and frame it",
            UiCommand::Fit => "Frame the whole map",
            UiCommand::ToggleNegated => "Ties the text says did not happen, drawn dashed and grey",
            UiCommand::ToggleIsolated => "Actors none of whose ties passes the filters",
            UiCommand::ClearFilters => "Show every quad, category and document again",
            UiCommand::ToggleDocuments => "The documents of the map, with their dates and ties",
            UiCommand::ToggleDebugOverlay => "Frame time, layout ticks and paint time",
            UiCommand::CommandPalette => "Run any command by name",
            UiCommand::KeyboardShortcuts => "Every shortcut and mouse gesture",
        }
    }

    /// Its keyboard shortcuts, the one shown in menus first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const OPEN: [KeyboardShortcut; 1] = [ctrl(Key::O)];
        const OPEN_FOLDER: [KeyboardShortcut; 1] = [ctrl_shift(Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [ctrl(Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [ctrl_shift(Key::S)];
        const QUIT: [KeyboardShortcut; 1] = [ctrl(Key::Q)];
        const UNDO: [KeyboardShortcut; 1] = [ctrl(Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [ctrl_shift(Key::Z), ctrl(Key::Y)];
        const FIND: [KeyboardShortcut; 1] = [ctrl(Key::F)];
        const FIT: [KeyboardShortcut; 1] = [plain(Key::F)];
        const DOCUMENTS: [KeyboardShortcut; 1] = [ctrl(Key::D)];
        const DEBUG: [KeyboardShortcut; 1] = [plain(Key::F12)];
        const PALETTE: [KeyboardShortcut; 2] = [ctrl(Key::P), ctrl_shift(Key::P)];
        const SHORTCUTS: [KeyboardShortcut; 1] = [plain(Key::F1)];
        match self {
            UiCommand::Open => &OPEN,
            UiCommand::OpenFolder => &OPEN_FOLDER,
            UiCommand::Save => &SAVE,
            UiCommand::SaveAs => &SAVE_AS,
            UiCommand::Quit => &QUIT,
            UiCommand::Undo => &UNDO,
            UiCommand::Redo => &REDO,
            UiCommand::Find => &FIND,
            UiCommand::Fit => &FIT,
            UiCommand::ToggleDocuments => &DOCUMENTS,
            UiCommand::ToggleDebugOverlay => &DEBUG,
            UiCommand::CommandPalette => &PALETTE,
            UiCommand::KeyboardShortcuts => &SHORTCUTS,
            UiCommand::ExportPng
            | UiCommand::ExportJson
            | UiCommand::ToggleNegated
            | UiCommand::ToggleIsolated
            | UiCommand::ClearFilters => &[],
        }
    }

    /// Every shortcut as a reader writes it ("Ctrl+Shift+Z, Ctrl+Y"); empty when it has none.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|shortcut| ctx.format_shortcut(shortcut))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The first shortcut as a reader writes it, for menus.
    pub fn first_shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|shortcut| ctx.format_shortcut(shortcut))
            .unwrap_or_default()
    }

    /// Whether the palette lists it for `query`: every word of the query is in the label or
    /// the help line, in any case.
    pub fn matches(self, query: &str) -> bool {
        let haystack = format!("{} {}", self.label(), self.help()).to_lowercase();
        query
            .to_lowercase()
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }

    /// The commands whose shortcut was pressed this frame, consumed from the input. Shortcuts
    /// with more modifiers are checked first, so Ctrl+Shift+Z is redo, not undo; shortcuts
    /// without a modifier (F, F1, F12) are left to a text field that has the keyboard.
    pub fn pressed(ctx: &egui::Context) -> Vec<UiCommand> {
        let typing = ctx.egui_wants_keyboard_input();
        let mut bindings: Vec<(KeyboardShortcut, UiCommand)> = UiCommand::ALL
            .iter()
            .flat_map(|&command| {
                command
                    .shortcuts()
                    .iter()
                    .map(move |&shortcut| (shortcut, command))
            })
            .filter(|(shortcut, _)| !(typing && shortcut.modifiers.is_none()))
            .collect();
        bindings.sort_by_key(|(shortcut, _)| {
            std::cmp::Reverse(
                u8::from(shortcut.modifiers.shift)
                    + u8::from(shortcut.modifiers.alt)
                    + u8::from(shortcut.modifiers.command || shortcut.modifiers.ctrl),
            )
        });
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for (shortcut, command) in bindings {
                if input.consume_shortcut(&shortcut) && !pressed.contains(&command) {
                    pressed.push(command);
                }
            }
        });
        pressed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_and_all_are_listed() {
        let mut seen = Vec::new();
        for command in UiCommand::ALL {
            for shortcut in command.shortcuts() {
                assert!(!seen.contains(shortcut), "{command:?} reuses {shortcut:?}");
                seen.push(*shortcut);
            }
            assert!(!command.label().is_empty() && !command.help().is_empty());
        }
        let mut sorted = UiCommand::ALL.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), UiCommand::ALL.len());
    }

    #[test]
    fn the_palette_matches_words_of_the_label_or_help() {
        assert!(UiCommand::Fit.matches("fit"));
        assert!(UiCommand::Find.matches("ACTOR find"));
        assert!(!UiCommand::Quit.matches("undo"));
    }
}
