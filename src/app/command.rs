//! Commands: everything the user can ask of the window, as data.
//!
//! Drawing code reads the state and returns commands; only `TiemapApp::apply` changes the
//! state. That keeps each panel a pure function of the state and makes every user action
//! something a test can send directly. Commands a user runs by name (from the menu, the
//! palette or a shortcut) are [`UiCommand`]s, which own their labels and shortcuts; the rest
//! carry data (what was clicked, where a node was dragged).

use eframe::egui;
use std::path::PathBuf;

use egui::{Pos2, Vec2};

pub use super::ui_command::UiCommand;
use crate::model::{ActorId, EdgeKey, FigureKind, Quad, ViewState};

/// What is selected on the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// One node: the panel shows all of its ties.
    Node(ActorId),
    /// One edge: the panel shows the ties between its pair.
    Edge(EdgeKey),
}

/// A request from the user interface to change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A command run by name (menu, palette, shortcut).
    Ui(UiCommand),
    /// Select a node or an edge.
    Select(Selection),
    /// Clear the selection (a click on empty space).
    ClearSelection,
    /// Show the evidence of a figure (a click on its bar or its line); an index into the
    /// map's figures.
    SelectFigure(usize),
    /// Chart only figures of this kind, or all.
    SetFigureKind(Option<FigureKind>),
    /// Select an actor and frame it (the search's Enter).
    FocusActor(ActorId),
    /// A node was grabbed at the start of a drag.
    StartDrag(ActorId),
    /// The grabbed node follows the pointer to this world position.
    DragTo([f32; 2]),
    /// The grabbed node was dropped: it stays pinned where it is.
    EndDrag,
    /// Let a pinned node move again.
    Unpin(ActorId),
    /// Move the camera by a screen distance (dragging the background).
    Pan(Vec2),
    /// Zoom by a factor, keeping the point under `anchor` in place.
    Zoom {
        /// Screen position that stays put.
        anchor: Pos2,
        /// Scale multiplier (> 1 zooms in).
        factor: f32,
    },
    /// Show or hide ties the text says did not happen.
    SetShowNegated(bool),
    /// Hide a quad's ties, or show them again (a click in the legend).
    ToggleQuad(Quad),
    /// Replace the filters (the filters panel).
    SetView(ViewState),
    /// Close the actor search.
    CloseSearch,
    /// Close the command palette.
    ClosePalette,
    /// Close the keyboard-shortcuts window.
    CloseShortcuts,
    /// Stop reading the corpus (what was read stays).
    CancelCorpus,
    /// Open a document in the article view, scrolled to a sentence.
    OpenArticle {
        /// The document id.
        doc: String,
        /// The sentence to scroll to.
        sentence: Option<usize>,
    },
    /// Close the article view.
    CloseArticle,
    /// Close the list of files that could not be read.
    CloseFailures,
    /// Open the recovery file of an earlier run.
    RestoreRecovery,
    /// Delete the recovery file of an earlier run.
    DiscardRecovery,
    /// Close the window without saving the changes.
    QuitWithoutSaving,
    /// Save the changes, then close the window.
    SaveAndQuit,
    /// Keep the window open (the close question's Cancel).
    CancelQuit,
    /// Open these articles (merged into one map) or this saved map.
    OpenFiles(Vec<PathBuf>),
    /// Save the map to this file.
    SaveMapTo(PathBuf),
}
