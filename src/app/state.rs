//! The window's state, split by what it is about, so that each part can grow on its own:
//!
//! - [`OpenMap`]: what is open — the map, where it came from, and what is derived from it
//!   (its edges, how each is drawn, the live layout).
//! - [`Seen`]: how it is looked at — the camera, the selection, the filters, the search, the
//!   windows shown over the map, the status message.
//! - [`Pending`]: what is under way — a file being read, a file dialog, a screenshot.
//! - [`FrameCache`]: what one frame leaves for the next — the painted map, the transform,
//!   timing.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use eframe::egui;
use egui::Rect;

use super::article::ArticleView;
use super::autosave::Autosave;
use super::chart::FiguresView;
use super::command::Selection;
use super::corpus_load::PendingCorpus;
use super::debug_overlay::FrameStats;
use super::dialogs::PendingDialog;
use super::documents::{DocumentsPanel, ties_per_document};
use super::history::History;
use super::labels::LabelCache;
use super::loading::PendingLoad;
use super::map_layout::MapLayout;
use super::map_raster::MapRaster;
use super::map_view::{DrawnEdge, drawn_edges};
use super::palette::Palette;
use super::screenshot::PendingScreenshot;
use super::search::Search;
use super::transform::{Camera, ScreenFromWorld};
use crate::io::corpus::CorpusFailure;
use crate::model::{Edge, TieMap, ViewState};

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// The sentence.
    pub text: String,
    /// Whether something went wrong.
    pub is_error: bool,
}

/// The open map and what is derived from it.
pub struct OpenMap {
    /// The map (positions are written back into it when it is saved or settles).
    pub map: TieMap,
    /// A short name for the title bar.
    pub name: String,
    /// The saved-map file it came from or was last saved to.
    pub path: Option<PathBuf>,
    /// Changed since it was opened or saved.
    pub unsaved: bool,
    /// The edges shown, as the filters leave them.
    pub edges: Vec<Edge>,
    /// How each shown edge is drawn.
    pub drawn_edges: Vec<DrawnEdge>,
    /// The live layout of the shown actors.
    pub layout: MapLayout,
    /// The file each document was read from, by document id (corpora only).
    pub files: BTreeMap<String, PathBuf>,
    /// Ties per document id.
    pub ties_per_document: BTreeMap<String, usize>,
    /// Undo and redo of the changes made to it.
    pub history: History,
}

impl OpenMap {
    /// `map` opened under `name`, shown through `view`.
    pub fn new(map: TieMap, name: &str, view: &ViewState) -> Self {
        let edges = view.edges(&map);
        let layout = MapLayout::new(&map, &edges, view.show_isolated);
        let drawn_edges = drawn_edges(&map, &edges, &layout);
        OpenMap {
            name: name.to_owned(),
            path: None,
            unsaved: false,
            edges,
            ties_per_document: ties_per_document(&map),
            drawn_edges,
            layout,
            files: BTreeMap::new(),
            history: History::default(),
            map,
        }
    }

    /// Recomputes the edges and the layout for `view` from the positions stored in the map
    /// (an undo puts them there).
    pub fn rebuild(&mut self, view: &ViewState) {
        self.edges = view.edges(&self.map);
        self.layout = MapLayout::new(&self.map, &self.edges, view.show_isolated);
        self.drawn_edges = drawn_edges(&self.map, &self.edges, &self.layout);
        self.ties_per_document = ties_per_document(&self.map);
    }

    /// Recomputes the edges and the layout for `view`, starting from the current positions,
    /// so that a filter change leaves every node that stays where it was.
    pub fn refilter(&mut self, view: &ViewState) {
        self.layout.write_positions(&mut self.map);
        self.edges = view.edges(&self.map);
        self.layout = MapLayout::new(&self.map, &self.edges, view.show_isolated);
        self.drawn_edges = drawn_edges(&self.map, &self.edges, &self.layout);
        self.ties_per_document = ties_per_document(&self.map);
    }
}

/// How the map is looked at.
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent switches of the view (auto fit, overlay, windows shown)"
)]
pub struct Seen {
    /// What part of the world is shown.
    pub camera: Camera,
    /// Frame the map every frame until the user moves the camera or a node.
    pub auto_fit: bool,
    /// Frame the map on the next frame (a new map was installed).
    pub fit_pending: bool,
    /// The selected node or edge.
    pub selection: Option<Selection>,
    /// The layout node being dragged.
    pub dragged_node: Option<usize>,
    /// The filters (saved with the map).
    pub view: ViewState,
    /// The actor search (Ctrl+F), when open.
    pub search: Option<Search>,
    /// The command palette (Ctrl+P), when open.
    pub palette: Option<Palette>,
    /// The keyboard-shortcuts window is shown.
    pub show_shortcuts: bool,
    /// The documents panel is shown.
    pub show_documents: bool,
    /// The F12 overlay is shown.
    pub debug_overlay: bool,
    /// The documents panel's filter and order.
    pub documents: DocumentsPanel,
    /// The article shown, if any.
    pub article: Option<ArticleView>,
    /// Files of the last corpus that could not be read (listed in a window until closed).
    pub failures: Vec<CorpusFailure>,
    /// The latest message.
    pub status: Option<Status>,
    /// The figures panel's kind filter and the figure whose evidence it shows.
    pub figures: FiguresView,
    /// Where the chart's bars were drawn last frame, with their figures.
    pub chart_bars: Vec<(Vec<usize>, Rect)>,
}

impl Default for Seen {
    fn default() -> Self {
        Seen {
            camera: Camera::default(),
            auto_fit: true,
            fit_pending: true,
            selection: None,
            dragged_node: None,
            view: ViewState::default(),
            search: None,
            palette: None,
            show_shortcuts: false,
            show_documents: false,
            debug_overlay: false,
            documents: DocumentsPanel::default(),
            article: None,
            failures: Vec::new(),
            status: None,
            figures: FiguresView::default(),
            chart_bars: Vec::new(),
        }
    }
}

/// What `--screenshot` is waiting for.
pub enum ScreenshotMode {
    /// Not in screenshot mode.
    Off,
    /// Waiting for the map to load and settle.
    Settling {
        /// Where the picture goes.
        path: PathBuf,
        /// When the wait began.
        since: Instant,
    },
    /// The picture was asked for.
    Taking,
}

/// What `--screenshot` ended with, read by `run` after the window closes.
pub type ScreenshotOutcome = Arc<Mutex<Option<Result<PathBuf, String>>>>;

/// Work under way.
pub struct Pending {
    /// Files being read on a worker thread.
    pub load: Option<PendingLoad>,
    /// A corpus being read and extracted on a worker thread.
    pub corpus: Option<PendingCorpus>,
    /// The corpus's first documents have replaced the map that was open.
    pub corpus_started_map: bool,
    /// A file dialog shown on a worker thread.
    pub dialog: Option<PendingDialog>,
    /// A picture of the window asked for.
    pub screenshot: Option<PendingScreenshot>,
    /// The `--screenshot` run.
    pub screenshot_mode: ScreenshotMode,
    /// How `--screenshot` ended.
    pub screenshot_outcome: ScreenshotOutcome,
    /// The recovery file kept up to date.
    pub autosave: Autosave,
    /// A recovery file from an earlier run, offered for restoring (and its time).
    pub recovery_offer: Option<(PathBuf, String)>,
    /// The window was asked to close with unsaved changes: the question is shown.
    pub confirm_close: bool,
    /// The user chose to close anyway.
    pub close_confirmed: bool,
}

impl Default for Pending {
    fn default() -> Self {
        Pending {
            load: None,
            corpus: None,
            corpus_started_map: false,
            dialog: None,
            screenshot: None,
            screenshot_mode: ScreenshotMode::Off,
            screenshot_outcome: Arc::default(),
            autosave: Autosave::new(None),
            recovery_offer: None,
            confirm_close: false,
            close_confirmed: false,
        }
    }
}

/// What one frame leaves for the next.
pub struct FrameCache {
    /// Big maps' pixels and texture.
    pub raster: MapRaster,
    /// Where labels went, reused while nothing moved.
    pub labels: LabelCache,
    /// The transform of the last frame.
    pub transform: Option<ScreenFromWorld>,
    /// Where the map was drawn in the last frame.
    pub map_rect: Option<Rect>,
    /// The title last sent to the window.
    pub title_sent: String,
    /// Frame timing.
    pub stats: FrameStats,
    /// The first frame's timing was logged.
    pub first_frame_logged: bool,
    /// When the app was created.
    pub created: Instant,
}

impl Default for FrameCache {
    fn default() -> Self {
        FrameCache {
            raster: MapRaster::default(),
            labels: LabelCache::default(),
            transform: None,
            map_rect: None,
            title_sent: String::new(),
            stats: FrameStats::new(),
            first_frame_logged: false,
            created: Instant::now(),
        }
    }
}
