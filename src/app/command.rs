//! Commands: everything the user can ask of the window, as data.
//!
//! Drawing code reads the state and returns commands; only `TiemapApp::apply` changes the
//! state. That keeps each panel a pure function of the state and makes every user action
//! something a test can send directly.

use eframe::egui;
use std::path::PathBuf;

use egui::{Pos2, Vec2};

use crate::model::{ActorId, EdgeKey};

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
    /// Select a node or an edge.
    Select(Selection),
    /// Clear the selection (a click on empty space).
    ClearSelection,
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
    /// Frame the whole map.
    Fit,
    /// Show or hide ties the text says did not happen.
    SetShowNegated(bool),
    /// Toggle the debug overlay (frame time, ticks, alpha).
    ToggleDebugOverlay,
    /// Ask for files to open with a file dialog.
    ChooseFilesToOpen,
    /// Open these articles (merged into one map) or this saved map.
    OpenFiles(Vec<PathBuf>),
    /// Save the map to its file, asking for one if it has none.
    SaveMap,
    /// Ask for a file and save the map there.
    SaveMapAs,
    /// Save the map to this file.
    SaveMapTo(PathBuf),
    /// Ask for a file and write a PNG of the window there.
    ExportPng,
    /// Ask for a file and write the map as JSON there.
    ExportJson,
    /// Close the window.
    Quit,
}
