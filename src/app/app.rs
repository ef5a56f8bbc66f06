//! The application state and its frame loop.
//!
//! `TiemapApp` holds what is open ([`OpenMap`]), how it is seen ([`Seen`]), what is under way
//! ([`Pending`]) and what a frame leaves for the next ([`FrameCache`]). Each frame it steps
//! the layout, lets the panels and the map view draw from the state and collect commands,
//! then applies those commands in order (see `apply.rs`). When the layout has settled and
//! nothing is pending it asks for no repaint at all, so an idle window costs no CPU.

use eframe::egui;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Pos2, Rect, Ui};

pub(super) use super::autosave::default_recovery_dir;
use super::chart::figures_ui;
use super::command::{Command, Selection, UiCommand};
use super::debug_overlay::{LayoutFigures, process_age};
use super::filters::{category_counts, filters_ui};
use super::loading::{Loaded, PendingLoad, Source};
use super::map_view::{MapView, map_ui};
use super::menu::{MenuState, menu_bar_ui, status_bar_ui};
use super::palette::{palette_ui, shortcuts_window_ui};
use super::panel::selection_ui;
use super::search::search_ui;
use super::state::{FrameCache, OpenMap, Pending, ScreenshotMode, ScreenshotOutcome, Seen, Status};
use super::theme;
use super::transform::ScreenFromWorld;
use crate::model::{Edge, TieMap, ViewState};

/// How long `--screenshot` waits for the layout to settle before taking the picture anyway.
pub(super) const SCREENSHOT_SETTLE_LIMIT: Duration = Duration::from_secs(20);

/// The whole window's state.
pub struct TiemapApp {
    pub(super) open: OpenMap,
    pub(super) seen: Seen,
    pub(super) pending: Pending,
    pub(super) frame: FrameCache,
}

impl TiemapApp {
    /// A window on `map` (already read), named `name` in the title bar, with the filters the
    /// map was saved with.
    pub fn with_map(map: TieMap, name: &str) -> Self {
        let seen = Seen {
            view: map.view.clone(),
            ..Seen::default()
        };
        TiemapApp {
            open: OpenMap::new(map, name, &seen.view),
            seen,
            pending: Pending::default(),
            frame: FrameCache::default(),
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
        match source {
            Source::Files(paths) => app.open_paths(ctx, paths),
            Source::Bundled | Source::Recovered(_) => app.start_load(ctx, source),
        }
        app
    }

    /// Keeps a recovery file in `dir` (see [`super::autosave`]); with `offer`, a recovery
    /// file left by an earlier run is offered for restoring.
    #[must_use]
    pub fn with_recovery_dir(mut self, dir: Option<PathBuf>, offer: bool) -> Self {
        self.pending.autosave = super::autosave::Autosave::new(dir);
        self.pending.recovery_offer =
            self.pending
                .autosave
                .leftover()
                .filter(|_| offer)
                .map(|path| {
                    let clock = super::autosave::modified_clock(&path).unwrap_or_default();
                    (path, clock)
                });
        self
    }

    /// Whether a recovery file is being offered for restoring.
    pub fn is_recovery_offered(&self) -> bool {
        self.pending.recovery_offer.is_some()
    }

    /// Whether the "unsaved changes" question is shown.
    pub fn is_close_question_shown(&self) -> bool {
        self.pending.confirm_close
    }

    /// Turns on `--screenshot`: once the map has settled, write a PNG to `path` and close.
    pub fn take_screenshot_when_settled(&mut self, path: PathBuf) {
        self.pending.screenshot_mode = ScreenshotMode::Settling {
            path,
            since: Instant::now(),
        };
    }

    /// Where `--screenshot` reports how it went.
    pub fn screenshot_outcome(&self) -> ScreenshotOutcome {
        std::sync::Arc::clone(&self.pending.screenshot_outcome)
    }

    /// The map shown.
    pub fn map(&self) -> &TieMap {
        &self.open.map
    }

    /// The edges shown.
    pub fn edges(&self) -> &[Edge] {
        &self.open.edges
    }

    /// The filters in force.
    pub fn view(&self) -> &ViewState {
        &self.seen.view
    }

    /// The selection.
    pub fn selection(&self) -> Option<&Selection> {
        self.seen.selection.as_ref()
    }

    /// The figure whose evidence the figures panel shows (an index into the map's figures).
    pub fn selected_figure(&self) -> Option<usize> {
        self.seen.figures.selected
    }

    /// Where the chart drew its bars last frame: each bar's figures and screen rectangle,
    /// left to right.
    pub fn chart_bars(&self) -> &[(Vec<usize>, egui::Rect)] {
        &self.seen.chart_bars
    }

    /// The status bar's message.
    pub fn status(&self) -> Option<&Status> {
        self.seen.status.as_ref()
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        self.open.history.can_undo()
    }

    /// Whether the command palette is open.
    pub fn is_palette_open(&self) -> bool {
        self.seen.palette.is_some()
    }

    /// Whether the actor search is open.
    pub fn is_search_open(&self) -> bool {
        self.seen.search.is_some()
    }

    /// Whether the keyboard-shortcuts window is shown.
    pub fn is_shortcuts_window_open(&self) -> bool {
        self.seen.show_shortcuts
    }

    /// Whether the F12 overlay is shown.
    pub fn is_debug_overlay_shown(&self) -> bool {
        self.seen.debug_overlay
    }

    /// How many times labels were placed afresh (not reused from the last frame).
    pub fn label_placements(&self) -> usize {
        self.frame.labels.placements
    }

    /// The actors labelled in the last frame, with where their labels are on screen.
    pub fn labels_shown(&self) -> Vec<(String, Rect)> {
        let layout = &self.open.layout;
        self.frame
            .labels
            .placed()
            .iter()
            .filter(|label| label.node < layout.node_count())
            .map(|label| (layout.id_of(label.node).to_owned(), label.rect))
            .collect()
    }

    /// The window title (with `*` when the map has unsaved changes).
    pub fn title(&self) -> String {
        if self.open.name.is_empty() {
            return "tiemap".into();
        }
        format!(
            "tiemap - {}{}",
            self.open.name,
            if self.open.unsaved { "*" } else { "" }
        )
    }

    /// Whether files (or a corpus) are being read.
    pub fn is_loading(&self) -> bool {
        self.pending.load.is_some() || self.pending.corpus.is_some()
    }

    /// A corpus's progress: documents done and total, while it is read.
    pub fn corpus_progress(&self) -> Option<(usize, usize)> {
        self.pending
            .corpus
            .as_ref()
            .map(|corpus| (corpus.done, corpus.total))
    }

    /// Files of the last corpus that could not be read, with their reasons.
    pub fn corpus_failures(&self) -> &[crate::io::corpus::CorpusFailure] {
        &self.seen.failures
    }

    /// The document shown in the article view.
    pub fn article_shown(&self) -> Option<&str> {
        self.seen
            .article
            .as_ref()
            .map(|article| article.doc.as_str())
    }

    /// Whether the layout has come to rest.
    pub fn is_settled(&self) -> bool {
        self.open.layout.is_settled() && self.seen.dragged_node.is_none()
    }

    /// The world -> screen transform of the last frame drawn.
    pub fn screen_from_world(&self) -> Option<ScreenFromWorld> {
        self.frame.transform
    }

    /// Where the map was drawn in the last frame.
    pub fn map_rect(&self) -> Option<Rect> {
        self.frame.map_rect
    }

    /// World position of an actor's node (`None` when it is not on the map).
    pub fn node_world_pos(&self, actor: &str) -> Option<[f32; 2]> {
        let layout = &self.open.layout;
        layout.index_of(actor).map(|node| layout.position(node))
    }

    /// Screen position of an actor's node in the last frame drawn.
    pub fn node_screen_pos(&self, actor: &str) -> Option<Pos2> {
        let world = self.node_world_pos(actor)?;
        Some(self.frame.transform?.screen_from_world(world))
    }

    /// Radius of an actor's node in world units.
    pub fn node_radius_world(&self, actor: &str) -> Option<f32> {
        let layout = &self.open.layout;
        layout
            .index_of(actor)
            .map(|node| layout.size(node).shape_radius)
    }

    /// The colour the CPU-painted map has at a screen point, for maps big enough to be painted
    /// on the CPU (`None` for small maps, drawn as shapes, and for points off the map).
    pub fn painted_map_color(&self, screen: Pos2) -> Option<[u8; 3]> {
        let map_rect = self.frame.map_rect?;
        let raster = &self.frame.raster;
        let pixels_per_point = raster.pixels_per_point();
        let x = (screen.x - map_rect.min.x) * pixels_per_point;
        let y = (screen.y - map_rect.min.y) * pixels_per_point;
        if x < 0.0 || y < 0.0 {
            return None;
        }
        let [r, g, b, _] = raster.canvas().pixel(x as usize, y as usize)?;
        raster.is_shown().then_some([r, g, b])
    }

    /// Whether an actor's node is pinned.
    pub fn is_pinned(&self, actor: &str) -> bool {
        let layout = &self.open.layout;
        layout
            .index_of(actor)
            .is_some_and(|node| layout.is_pinned(node))
    }

    pub(super) fn set_status(&mut self, text: impl Into<String>, is_error: bool) {
        self.seen.status = Some(Status {
            text: text.into(),
            is_error,
        });
    }

    pub(super) fn start_load(&mut self, ctx: &egui::Context, source: Source) {
        let waker = ctx.clone();
        self.pending.load = Some(PendingLoad::start(source, move || waker.request_repaint()));
    }

    /// Replaces the map with one just read, with the filters it was saved with.
    pub(super) fn install(&mut self, loaded: Loaded) {
        let Loaded {
            map,
            map_path,
            name,
            warnings,
        } = loaded;
        let view = map.view.clone();
        self.open = OpenMap::new(map, &name, &view);
        self.open.unsaved = map_path.is_none();
        self.open.path = map_path;
        self.seen = Seen {
            view,
            debug_overlay: self.seen.debug_overlay,
            show_documents: self.seen.show_documents,
            ..Seen::default()
        };
        let map = &self.open.map;
        let message = if map.actors.is_empty() {
            format!("no countries found in {name}")
        } else if let Some(warning) = warnings.first() {
            warning.clone()
        } else {
            format!(
                "{name}: {} actors, {} ties, {} {}",
                map.actors.len(),
                map.ties.len(),
                map.figures.len(),
                if map.figures.len() == 1 {
                    "figure"
                } else {
                    "figures"
                }
            )
        };
        self.set_status(message, false);
        if matches!(
            self.pending.screenshot_mode,
            ScreenshotMode::Settling { .. }
        ) {
            // The picture shows the panel at work: the edge with the most evidence is selected.
            self.seen.selection = self
                .open
                .edges
                .iter()
                .max_by_key(|edge| (edge.evidence_count, std::cmp::Reverse(edge.key.clone())))
                .map(|edge| Selection::Edge(edge.key.clone()));
        }
    }

    pub(super) fn layout_figures(&self) -> LayoutFigures {
        let layout = &self.open.layout;
        LayoutFigures {
            ticks: layout.ticks_last_frame,
            tick_time: layout.tick_time_last_frame,
            alpha: layout.alpha(),
            nodes: layout.node_count(),
            edges: self.open.edges.len(),
            dragging: self.seen.dragged_node.is_some(),
            map_paint_time: self.frame.raster.paint_time_last_frame(),
        }
    }

    fn log_first_frame(&mut self) {
        if self.frame.first_frame_logged {
            return;
        }
        self.frame.first_frame_logged = true;
        if self.frame.stats.logs() {
            let since_start = process_age().map_or_else(
                || "unknown".to_owned(),
                |age| format!("{} ms", age.as_millis()),
            );
            eprintln!(
                "tiemap timing: first frame {since_start} after process start, {} ms after the app was created",
                self.frame.created.elapsed().as_millis()
            );
        }
    }

    fn log_map_ready(&self) {
        if self.frame.stats.logs() {
            let since_start = process_age().map_or_else(
                || "unknown".to_owned(),
                |age| format!("{} ms", age.as_millis()),
            );
            eprintln!(
                "tiemap timing: map of {} nodes on screen {since_start} after process start",
                self.open.layout.node_count()
            );
        }
    }

    /// The keyboard's commands and files dropped on the window.
    fn input_commands(ctx: &egui::Context) -> Vec<Command> {
        let mut commands: Vec<Command> = UiCommand::pressed(ctx)
            .into_iter()
            .map(Command::Ui)
            .collect();
        // Files dropped on the window open like File > Open.
        let dropped: Vec<PathBuf> = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::OpenFiles(dropped));
        }
        commands
    }

    fn side_panel_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let counts = category_counts(&self.open.map);
        egui::Panel::right("details")
            .default_size(theme::SIDE_PANEL_WIDTH)
            .show(ui, |ui| {
                egui::Panel::bottom("figures")
                    .resizable(false)
                    .show(ui, |ui| {
                        let output = figures_ui(
                            ui,
                            &self.open.map,
                            self.seen.selection.as_ref(),
                            self.seen.figures,
                        );
                        commands.extend(output.commands);
                        self.seen.chart_bars = output.bar_rects;
                    });
                egui::CentralPanel::default().show(ui, |ui| {
                    commands.extend(filters_ui(ui, &self.seen.view, &counts));
                    ui.separator();
                    commands.extend(selection_ui(
                        ui,
                        &self.open.map,
                        &self.open.edges,
                        self.seen.selection.as_ref(),
                    ));
                });
            });
    }

    fn map_panel_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let empty_message = if self.is_loading() {
                    Some("Reading…")
                } else if self.open.map.actors.is_empty() {
                    Some("no countries found")
                } else if self.open.layout.node_count() == 0 {
                    Some("every tie is filtered out")
                } else {
                    None
                };
                let map_rect = ui.available_rect_before_wrap();
                let mut searched = Vec::new();
                if let Some(search) = &mut self.seen.search {
                    let area = egui::Area::new(egui::Id::unique("actor_search"))
                        .fixed_pos(map_rect.right_top() + egui::vec2(-262.0, 8.0))
                        .order(egui::Order::Foreground);
                    let inner = area.show(ui.ctx(), |ui| {
                        search_ui(ui, search, &self.open.map, &self.open.layout)
                    });
                    let (search_commands, hits) = inner.inner;
                    commands.extend(search_commands);
                    searched = hits
                        .iter()
                        .filter_map(|hit| self.open.layout.index_of(&hit.actor))
                        .collect();
                }
                if let Some(corpus) = &self.pending.corpus {
                    commands.extend(super::progress::progress_ui(ui, map_rect, corpus));
                }
                let output = map_ui(
                    ui,
                    &MapView {
                        map: &self.open.map,
                        edges: &self.open.edges,
                        drawn_edges: &self.open.drawn_edges,
                        layout: &self.open.layout,
                        camera: self.seen.camera,
                        selection: self.seen.selection.as_ref(),
                        dragged_node: self.seen.dragged_node,
                        empty_message,
                        filters: &self.seen.view,
                        searched: &searched,
                        tooltips: matches!(self.pending.screenshot_mode, ScreenshotMode::Off),
                    },
                    &mut self.frame.raster,
                    &mut self.frame.labels,
                );
                commands.extend(output.commands);
                self.frame.transform = Some(output.screen_from_world);
                self.frame.map_rect = Some(output.map_rect);
                if self.seen.debug_overlay {
                    let figures = self.layout_figures();
                    self.frame.stats.overlay_ui(ui, output.map_rect, &figures);
                }
            });
    }

    /// Draws the whole window and applies what the user asked for.
    pub fn window_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let mut commands = Self::input_commands(&ctx);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            let state = MenuState {
                view: &self.seen.view,
                unsaved: self.open.unsaved,
                documents_shown: self.seen.show_documents,
                can_undo: self.open.history.can_undo(),
                can_redo: self.open.history.can_redo(),
            };
            commands.extend(menu_bar_ui(ui, &state));
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
                self.seen.status.as_ref(),
                &self.open.map,
                (self.open.layout.node_count(), self.open.edges.len()),
                activity,
            );
        });
        if self.seen.show_documents {
            egui::Panel::left("documents")
                .default_size(theme::DOCUMENTS_PANEL_WIDTH)
                .show(ui, |ui| {
                    commands.extend(super::documents::documents_ui(
                        ui,
                        &mut self.seen.documents,
                        &self.open.map,
                        &self.open.files,
                        &self.open.ties_per_document,
                        &self.seen.view,
                    ));
                });
        }
        self.side_panel_ui(ui, &mut commands);
        self.map_panel_ui(ui, &mut commands);
        if let Some(palette) = &mut self.seen.palette {
            commands.extend(palette_ui(&ctx, palette));
        }
        if let Some(article) = &mut self.seen.article {
            commands.extend(super::article::article_window_ui(
                &ctx,
                article,
                &self.open.map,
            ));
        }
        if !self.seen.failures.is_empty() {
            commands.extend(super::progress::failures_window_ui(
                &ctx,
                &self.seen.failures,
            ));
        }
        commands.extend(super::dialogs_ui::recovery_and_close_ui(
            &ctx,
            &self.pending,
        ));
        if self.seen.show_shortcuts {
            commands.extend(shortcuts_window_ui(&ctx));
        }

        for command in commands {
            self.apply(&ctx, command);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.frame.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.frame.title_sent = title;
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
        let moved = self.open.layout.step_frame(frame_seconds);
        let seen = &mut self.seen;
        if self.frame.map_rect.is_some() && (seen.fit_pending || (seen.auto_fit && moved)) {
            self.fit();
            self.seen.fit_pending = false;
        }
        if moved && self.open.layout.is_settled() && self.seen.dragged_node.is_none() {
            self.open.layout.write_positions(&mut self.open.map);
        }
        self.advance_screenshot_mode(ctx);
        self.autosave_if_due(ctx);
        let busy = !self.open.layout.is_settled()
            || self.seen.dragged_node.is_some()
            || self.pending.screenshot.is_some()
            || matches!(
                self.pending.screenshot_mode,
                ScreenshotMode::Settling { .. }
            );
        if busy {
            ctx.request_repaint();
        } else if self.pending.load.is_some()
            || self.pending.corpus.is_some()
            || self.pending.dialog.is_some()
        {
            // Workers wake the window when they finish; this is only a safety net.
            ctx.request_repaint_after(Duration::from_millis(250));
        }
    }
}

impl eframe::App for TiemapApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.frame.stats.begin_frame();
        self.ask_before_closing(ctx);
        self.step(ctx);
        self.update_title(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.window_ui(ui);
        self.log_first_frame();
        let figures = self.layout_figures();
        self.frame.stats.end_frame(&figures);
    }
}
