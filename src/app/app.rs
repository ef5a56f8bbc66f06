//! The application state and the one place that changes it.
//!
//! `TiemapApp` owns the map, its layout, the camera, the selection and what is pending (a file
//! being read, a dialog, a screenshot). Each frame it steps the layout, lets the panels and the
//! map view draw from the state and collect commands, then applies those commands in order.
//! When the layout has settled and nothing is pending it asks for no repaint at all, so an idle
//! window costs no CPU.

use eframe::egui;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, Pos2, Rect, Ui};

use super::chart::figures_ui;
use super::command::{Command, Selection};
use super::debug_overlay::{FrameStats, LayoutFigures, process_age};
use super::dialogs::{DialogOutcome, DialogPurpose, PendingDialog};
use super::loading::{Loaded, PendingLoad, Source};
use super::map_layout::MapLayout;
use super::map_raster::MapRaster;
use super::map_view::{DrawnEdge, MapView, drawn_edges, map_ui};
use super::menu::{menu_bar_ui, status_bar_ui};
use super::panel::selection_ui;
use super::screenshot::{PendingScreenshot, write_png};
use super::theme;
use super::transform::{Camera, ScreenFromWorld};
use crate::model::{Edge, TieMap};

/// Ctrl+S saves the map.
pub const SAVE_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// Ctrl+O opens files.
pub const OPEN_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Ctrl+Q closes the window.
pub const QUIT_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// How long `--screenshot` waits for the layout to settle before taking the picture anyway.
const SCREENSHOT_SETTLE_LIMIT: Duration = Duration::from_secs(20);

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// The sentence.
    pub text: String,
    /// Whether something went wrong.
    pub is_error: bool,
}

/// What `--screenshot` is waiting for.
enum ScreenshotMode {
    /// Not in screenshot mode.
    Off,
    /// Waiting for the map to load and settle.
    Settling { path: PathBuf, since: Instant },
    /// The picture was asked for.
    Taking,
}

/// The whole window's state.
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent switches of the view (unsaved, auto fit, negated ties, overlay...)"
)]
pub struct TiemapApp {
    map: TieMap,
    name: String,
    map_path: Option<PathBuf>,
    unsaved: bool,
    edges: Vec<Edge>,
    drawn_edges: Vec<DrawnEdge>,
    layout: MapLayout,
    /// Big maps' pixels and texture, kept between frames.
    raster: MapRaster,
    camera: Camera,
    /// Frame the map every frame until the user moves the camera or a node.
    auto_fit: bool,
    /// Frame the map on the next frame (a new map was installed).
    fit_pending: bool,
    selection: Option<Selection>,
    dragged_node: Option<usize>,
    show_negated: bool,
    debug_overlay: bool,
    status: Option<Status>,
    pending_load: Option<PendingLoad>,
    pending_dialog: Option<PendingDialog>,
    pending_screenshot: Option<PendingScreenshot>,
    screenshot_mode: ScreenshotMode,
    /// What `--screenshot` ended with, read by `run` after the window closes.
    screenshot_outcome: std::sync::Arc<std::sync::Mutex<Option<Result<PathBuf, String>>>>,
    last_transform: Option<ScreenFromWorld>,
    last_map_rect: Option<Rect>,
    title_sent: String,
    stats: FrameStats,
    first_frame_logged: bool,
    created: Instant,
}

impl TiemapApp {
    /// A window on `map` (already read), named `name` in the title bar.
    pub fn with_map(map: TieMap, name: &str) -> Self {
        let edges = map.edges(false);
        let layout = MapLayout::new(&map, &edges);
        let drawn_edges = drawn_edges(&map, &edges, &layout);
        TiemapApp {
            map,
            name: name.to_owned(),
            map_path: None,
            unsaved: false,
            edges,
            drawn_edges,
            layout,
            raster: MapRaster::default(),
            camera: Camera::default(),
            auto_fit: true,
            fit_pending: true,
            selection: None,
            dragged_node: None,
            show_negated: false,
            debug_overlay: false,
            status: None,
            pending_load: None,
            pending_dialog: None,
            pending_screenshot: None,
            screenshot_mode: ScreenshotMode::Off,
            screenshot_outcome: std::sync::Arc::default(),
            last_transform: None,
            last_map_rect: None,
            title_sent: String::new(),
            stats: FrameStats::new(),
            first_frame_logged: false,
            created: Instant::now(),
        }
    }

    /// A window on `map`, for tests.
    pub fn new_for_test(map: TieMap) -> Self {
        TiemapApp::with_map(map, "test")
    }

    /// A window that starts empty and reads `source` on a worker thread; `ctx` is woken when
    /// it is read.
    pub fn loading(ctx: &egui::Context, source: Source) -> Self {
        let mut app = TiemapApp::with_map(TieMap::new(), "");
        app.start_load(ctx, source);
        app
    }

    /// Turns on `--screenshot`: once the map has settled, write a PNG to `path` and close.
    pub fn take_screenshot_when_settled(&mut self, path: PathBuf) {
        self.screenshot_mode = ScreenshotMode::Settling {
            path,
            since: Instant::now(),
        };
    }

    /// Where `--screenshot` reports how it went.
    pub fn screenshot_outcome(
        &self,
    ) -> std::sync::Arc<std::sync::Mutex<Option<Result<PathBuf, String>>>> {
        std::sync::Arc::clone(&self.screenshot_outcome)
    }

    /// The map shown.
    pub fn map(&self) -> &TieMap {
        &self.map
    }

    /// The edges shown.
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    /// The selection.
    pub fn selection(&self) -> Option<&Selection> {
        self.selection.as_ref()
    }

    /// The status bar's message.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The window title (with `*` when the map has unsaved changes).
    pub fn title(&self) -> String {
        if self.name.is_empty() {
            return "tiemap".into();
        }
        format!(
            "tiemap - {}{}",
            self.name,
            if self.unsaved { "*" } else { "" }
        )
    }

    /// Whether files are being read.
    pub fn is_loading(&self) -> bool {
        self.pending_load.is_some()
    }

    /// Whether the layout has come to rest.
    pub fn is_settled(&self) -> bool {
        self.layout.is_settled() && self.dragged_node.is_none()
    }

    /// The world -> screen transform of the last frame drawn.
    pub fn screen_from_world(&self) -> Option<ScreenFromWorld> {
        self.last_transform
    }

    /// Where the map was drawn in the last frame.
    pub fn map_rect(&self) -> Option<Rect> {
        self.last_map_rect
    }

    /// World position of an actor's node.
    pub fn node_world_pos(&self, actor: &str) -> Option<[f32; 2]> {
        self.layout
            .index_of(actor)
            .map(|node| self.layout.position(node))
    }

    /// Screen position of an actor's node in the last frame drawn.
    pub fn node_screen_pos(&self, actor: &str) -> Option<Pos2> {
        let world = self.node_world_pos(actor)?;
        Some(self.last_transform?.screen_from_world(world))
    }

    /// The colour the CPU-painted map has at a screen point, for maps big enough to be painted
    /// on the CPU (`None` for small maps, drawn as shapes, and for points off the map).
    pub fn painted_map_color(&self, screen: Pos2) -> Option<[u8; 3]> {
        let map_rect = self.last_map_rect?;
        let pixels_per_point = self.raster.pixels_per_point();
        let x = (screen.x - map_rect.min.x) * pixels_per_point;
        let y = (screen.y - map_rect.min.y) * pixels_per_point;
        if x < 0.0 || y < 0.0 {
            return None;
        }
        let [r, g, b, _] = self.raster.canvas().pixel(x as usize, y as usize)?;
        self.raster.is_shown().then_some([r, g, b])
    }

    /// Whether an actor's node is pinned.
    pub fn is_pinned(&self, actor: &str) -> bool {
        self.layout
            .index_of(actor)
            .is_some_and(|node| self.layout.is_pinned(node))
    }

    fn set_status(&mut self, text: impl Into<String>, is_error: bool) {
        self.status = Some(Status {
            text: text.into(),
            is_error,
        });
    }

    fn start_load(&mut self, ctx: &egui::Context, source: Source) {
        let waker = ctx.clone();
        self.pending_load = Some(PendingLoad::start(source, move || waker.request_repaint()));
    }

    /// Replaces the map with one just read.
    fn install(&mut self, loaded: Loaded) {
        let Loaded {
            map,
            map_path,
            name,
            warnings,
        } = loaded;
        self.unsaved = map_path.is_none();
        self.map_path = map_path;
        self.name = name;
        self.map = map;
        self.selection = None;
        self.dragged_node = None;
        self.rebuild_edges();
        self.auto_fit = true;
        self.fit_pending = true;
        if self.map.actors.is_empty() {
            self.set_status(format!("no countries found in {}", self.name), false);
        } else if let Some(warning) = warnings.first() {
            self.set_status(warning.clone(), false);
        } else {
            self.set_status(
                format!(
                    "{}: {} actors, {} ties, {} {}",
                    self.name,
                    self.map.actors.len(),
                    self.map.ties.len(),
                    self.map.figures.len(),
                    if self.map.figures.len() == 1 {
                        "figure"
                    } else {
                        "figures"
                    }
                ),
                false,
            );
        }
        if matches!(self.screenshot_mode, ScreenshotMode::Settling { .. }) {
            // The picture shows the panel at work: the edge with the most evidence is selected.
            self.selection = self
                .edges
                .iter()
                .max_by_key(|edge| (edge.evidence_count, std::cmp::Reverse(edge.key.clone())))
                .map(|edge| Selection::Edge(edge.key.clone()));
        }
    }

    /// Recomputes edges and restarts the layout from the current positions.
    fn rebuild_edges(&mut self) {
        self.edges = self.map.edges(self.show_negated);
        self.layout = MapLayout::new(&self.map, &self.edges);
        self.drawn_edges = drawn_edges(&self.map, &self.edges, &self.layout);
    }

    fn fit(&mut self) {
        if let Some(map_rect) = self.last_map_rect {
            self.camera = Camera::framing(self.layout.bounds_world(), map_rect);
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Select(selection) => self.selection = Some(selection),
            Command::ClearSelection => self.selection = None,
            Command::StartDrag(actor) => {
                if let Some(node) = self.layout.index_of(&actor) {
                    self.layout.start_drag(node);
                    self.dragged_node = Some(node);
                    self.auto_fit = false;
                }
            }
            Command::DragTo(world) => {
                if let Some(node) = self.dragged_node {
                    self.layout.drag_to(node, world);
                }
            }
            Command::EndDrag => {
                if self.dragged_node.take().is_some() {
                    self.layout.end_drag();
                    self.layout.write_positions(&mut self.map);
                    self.unsaved = true;
                }
            }
            Command::Unpin(actor) => {
                if let Some(node) = self.layout.index_of(&actor) {
                    self.layout.unpin(node);
                    self.layout.write_positions(&mut self.map);
                    self.unsaved = true;
                }
            }
            Command::Pan(delta) => {
                self.camera = self.camera.panned(delta);
                self.auto_fit = false;
            }
            Command::Zoom { anchor, factor } => {
                if let Some(map_rect) = self.last_map_rect {
                    self.camera = self.camera.zoomed_around(map_rect, anchor, factor);
                    self.auto_fit = false;
                }
            }
            Command::Fit => self.fit(),
            Command::SetShowNegated(show) => {
                if show != self.show_negated {
                    self.show_negated = show;
                    self.layout.write_positions(&mut self.map);
                    self.rebuild_edges();
                }
            }
            Command::ToggleDebugOverlay => self.debug_overlay = !self.debug_overlay,
            Command::ChooseFilesToOpen => self.open_dialog(ctx, DialogPurpose::Open),
            Command::OpenFiles(paths) => {
                self.set_status(format!("reading {} file(s)…", paths.len()), false);
                self.start_load(ctx, Source::Files(paths));
            }
            Command::SaveMap => match self.map_path.clone() {
                Some(path) => self.save_to(path),
                None => self.open_dialog(ctx, DialogPurpose::SaveMap),
            },
            Command::SaveMapAs => self.open_dialog(ctx, DialogPurpose::SaveMap),
            Command::SaveMapTo(path) => self.save_to(path),
            Command::ExportPng => self.open_dialog(ctx, DialogPurpose::ExportPng),
            Command::ExportJson => self.open_dialog(ctx, DialogPurpose::ExportJson),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn open_dialog(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        if self.pending_dialog.is_some() {
            self.set_status("a file dialog is already open", false);
            return;
        }
        let stem = self
            .name
            .rsplit_once('.')
            .map_or(self.name.as_str(), |(stem, _)| stem)
            .to_owned();
        let suggested = match purpose {
            DialogPurpose::Open => String::new(),
            DialogPurpose::SaveMap => format!("{stem}.ron"),
            DialogPurpose::ExportPng => format!("{stem}.png"),
            DialogPurpose::ExportJson => format!("{stem}.json"),
        };
        let waker = ctx.clone();
        self.pending_dialog = Some(PendingDialog::open(purpose, suggested, move || {
            waker.request_repaint();
        }));
    }

    fn save_to(&mut self, path: PathBuf) {
        self.layout.write_positions(&mut self.map);
        match crate::io::save_map(&path, &self.map) {
            Ok(()) => {
                self.set_status(format!("saved {}", path.display()), false);
                self.name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                self.map_path = Some(path);
                self.unsaved = false;
            }
            Err(error) => self.set_status(format!("not saved: {error}"), true),
        }
    }

    fn export_json(&mut self, path: &std::path::Path) {
        self.layout.write_positions(&mut self.map);
        let result = serde_json::to_string_pretty(&self.map)
            .map_err(|error| error.to_string())
            .and_then(|json| {
                crate::io::write_atomically(path, json.as_bytes()).map_err(|e| e.to_string())
            });
        match result {
            Ok(()) => self.set_status(format!("exported {}", path.display()), false),
            Err(error) => self.set_status(format!("not exported: {error}"), true),
        }
    }

    /// Collects what finished on worker threads: loads, dialogs, screenshots.
    fn poll_pending(&mut self, ctx: &egui::Context) {
        if let Some(result) = self.pending_load.as_ref().and_then(PendingLoad::poll) {
            self.pending_load = None;
            match result {
                Ok(loaded) => self.install(loaded),
                // What the user had stays: only the message is new.
                Err(error) => self.set_status(format!("could not open: {error}"), true),
            }
        }
        if let Some(dialog) = &self.pending_dialog {
            let purpose = dialog.purpose;
            match dialog.poll() {
                DialogOutcome::Waiting => {}
                DialogOutcome::Nothing => {
                    self.pending_dialog = None;
                    self.set_status(
                        "no file chosen (if no dialog appeared, this desktop has no file dialog: pass files on the command line)",
                        false,
                    );
                }
                DialogOutcome::Chosen(paths) => {
                    self.pending_dialog = None;
                    match purpose {
                        DialogPurpose::Open => self.apply(ctx, Command::OpenFiles(paths)),
                        DialogPurpose::SaveMap => {
                            if let Some(path) = paths.into_iter().next() {
                                self.save_to(path);
                            }
                        }
                        DialogPurpose::ExportPng => {
                            if let Some(path) = paths.into_iter().next() {
                                self.pending_screenshot =
                                    Some(PendingScreenshot::request(ctx, path));
                            }
                        }
                        DialogPurpose::ExportJson => {
                            if let Some(path) = paths.first() {
                                self.export_json(path);
                            }
                        }
                    }
                }
            }
        }
        if let Some(image) = self
            .pending_screenshot
            .as_ref()
            .and_then(PendingScreenshot::poll)
        {
            let Some(pending) = self.pending_screenshot.take() else {
                return;
            };
            let result = write_png(&image, &pending.path).map(|()| pending.path.clone());
            match &result {
                Ok(path) => self.set_status(format!("exported {}", path.display()), false),
                Err(error) => self.set_status(format!("not exported: {error}"), true),
            }
            if matches!(self.screenshot_mode, ScreenshotMode::Taking) {
                if let Ok(mut outcome) = self.screenshot_outcome.lock() {
                    *outcome = Some(result);
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// In `--screenshot` mode: once loaded and settled, ask for the picture.
    fn advance_screenshot_mode(&mut self, ctx: &egui::Context) {
        let ScreenshotMode::Settling { path, since } = &self.screenshot_mode else {
            return;
        };
        let path = path.clone();
        let ready = !self.is_loading()
            && self.last_map_rect.is_some()
            && (self.is_settled() || since.elapsed() > SCREENSHOT_SETTLE_LIMIT);
        if ready {
            if self.auto_fit {
                self.fit();
            }
            self.pending_screenshot = Some(PendingScreenshot::request(ctx, path));
            self.screenshot_mode = ScreenshotMode::Taking;
        }
    }

    fn keyboard_commands(ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        ctx.input_mut(|input| {
            if input.consume_shortcut(&SAVE_SHORTCUT) {
                commands.push(Command::SaveMap);
            }
            if input.consume_shortcut(&OPEN_SHORTCUT) {
                commands.push(Command::ChooseFilesToOpen);
            }
            if input.consume_shortcut(&QUIT_SHORTCUT) {
                commands.push(Command::Quit);
            }
            if input.consume_key(Modifiers::NONE, Key::F) {
                commands.push(Command::Fit);
            }
            if input.consume_key(Modifiers::NONE, Key::F12) {
                commands.push(Command::ToggleDebugOverlay);
            }
            // Files dropped on the window open like File > Open.
            let dropped: Vec<PathBuf> = input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .collect();
            if !dropped.is_empty() {
                commands.push(Command::OpenFiles(dropped));
            }
        });
        commands
    }

    fn layout_figures(&self) -> LayoutFigures {
        LayoutFigures {
            ticks: self.layout.ticks_last_frame,
            tick_time: self.layout.tick_time_last_frame,
            alpha: self.layout.alpha(),
            nodes: self.layout.node_count(),
            edges: self.edges.len(),
            dragging: self.dragged_node.is_some(),
            map_paint_time: self.raster.paint_time_last_frame(),
        }
    }

    fn log_first_frame(&mut self) {
        if self.first_frame_logged {
            return;
        }
        self.first_frame_logged = true;
        if self.stats.logs() {
            let since_start = process_age().map_or_else(
                || "unknown".to_owned(),
                |age| format!("{} ms", age.as_millis()),
            );
            eprintln!(
                "tiemap timing: first frame {since_start} after process start, {} ms after the app was created",
                self.created.elapsed().as_millis()
            );
        }
    }

    fn log_map_ready(&self) {
        if self.stats.logs() {
            let since_start = process_age().map_or_else(
                || "unknown".to_owned(),
                |age| format!("{} ms", age.as_millis()),
            );
            eprintln!(
                "tiemap timing: map of {} nodes on screen {since_start} after process start",
                self.layout.node_count()
            );
        }
    }

    /// Draws the whole window and applies what the user asked for.
    pub fn window_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let mut commands = Self::keyboard_commands(&ctx);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            commands.extend(menu_bar_ui(ui, self.show_negated, self.unsaved));
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            let activity = if self.is_loading() {
                "reading…"
            } else if self.is_settled() {
                "settled"
            } else {
                "laying out…"
            };
            status_bar_ui(
                ui,
                self.status.as_ref(),
                &self.map,
                self.edges.len(),
                activity,
            );
        });
        egui::Panel::right("details")
            .default_size(theme::SIDE_PANEL_WIDTH)
            .show(ui, |ui| {
                egui::Panel::bottom("figures")
                    .resizable(false)
                    .show(ui, |ui| figures_ui(ui, &self.map, self.selection.as_ref()));
                egui::CentralPanel::default().show(ui, |ui| {
                    commands.extend(selection_ui(
                        ui,
                        &self.map,
                        &self.edges,
                        self.selection.as_ref(),
                    ));
                });
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let empty_message = if self.is_loading() {
                    Some("Reading…")
                } else if self.map.actors.is_empty() {
                    Some("no countries found")
                } else {
                    None
                };
                let output = map_ui(
                    ui,
                    &MapView {
                        map: &self.map,
                        edges: &self.edges,
                        drawn_edges: &self.drawn_edges,
                        layout: &self.layout,
                        camera: self.camera,
                        selection: self.selection.as_ref(),
                        dragged_node: self.dragged_node,
                        empty_message,
                    },
                    &mut self.raster,
                );
                commands.extend(output.commands);
                self.last_transform = Some(output.screen_from_world);
                self.last_map_rect = Some(output.map_rect);
                if self.debug_overlay {
                    self.stats
                        .overlay_ui(ui, output.map_rect, &self.layout_figures());
                }
            });

        for command in commands {
            self.apply(&ctx, command);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    /// Steps the layout and decides whether another frame is needed.
    fn step(&mut self, ctx: &egui::Context) {
        let was_loading = self.is_loading();
        self.poll_pending(ctx);
        if was_loading && !self.is_loading() {
            self.log_map_ready();
        }
        // The time since the last frame, not egui's smoothed estimate: after an idle spell the
        // first frame must not count the whole pause (step_frame caps it anyway).
        let frame_seconds = ctx.input(|input| input.unstable_dt);
        let moved = self.layout.step_frame(frame_seconds);
        if self.last_map_rect.is_some() && (self.fit_pending || (self.auto_fit && moved)) {
            self.fit();
            self.fit_pending = false;
        }
        if moved && self.layout.is_settled() && self.dragged_node.is_none() {
            self.layout.write_positions(&mut self.map);
        }
        self.advance_screenshot_mode(ctx);
        let busy = !self.layout.is_settled()
            || self.dragged_node.is_some()
            || self.pending_screenshot.is_some()
            || matches!(self.screenshot_mode, ScreenshotMode::Settling { .. });
        if busy {
            ctx.request_repaint();
        } else if self.pending_load.is_some() || self.pending_dialog.is_some() {
            // Workers wake the window when they finish; this is only a safety net.
            ctx.request_repaint_after(Duration::from_millis(250));
        }
    }
}

impl eframe::App for TiemapApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.stats.begin_frame();
        self.step(ctx);
        self.update_title(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.window_ui(ui);
        self.log_first_frame();
        let figures = self.layout_figures();
        self.stats.end_frame(&figures);
    }
}
