//! The one place that changes the window's state: [`TiemapApp::apply`] runs a command, and
//! the worker threads' results (files read, dialogs closed, screenshots taken) are collected
//! here each frame.

use eframe::egui;
use std::path::PathBuf;

use super::app::{SCREENSHOT_SETTLE_LIMIT, TiemapApp};
use super::command::{Command, Selection, UiCommand};
use super::dialogs::{DialogOutcome, DialogPurpose, PendingDialog};
use super::history::Snapshot;
use super::loading::PendingLoad;
use super::palette::Palette;
use super::screenshot::{PendingScreenshot, write_png};
use super::search::Search;
use super::state::ScreenshotMode;
use super::transform::Camera;
use crate::model::ViewState;

/// Zoom at least this far in when the search frames an actor.
const FOCUS_MIN_SCALE: f32 = 1.0;

impl TiemapApp {
    pub(super) fn fit(&mut self) {
        if let Some(map_rect) = self.frame.map_rect {
            self.seen.camera = Camera::framing(self.open.layout.bounds_world(), map_rect);
        }
    }

    /// The map changed: the title gets its star and the autosave is scheduled.
    pub(super) fn mark_changed(&mut self) {
        self.open.unsaved = true;
        self.pending.autosave.changed();
    }

    /// Writes the recovery file when a change has been quiet for the autosave delay.
    pub(super) fn autosave_if_due(&mut self, ctx: &egui::Context) {
        self.pending.autosave.poll();
        if let Some(error) = self.pending.autosave.error.take() {
            self.set_status(format!("autosave failed: {error}"), true);
        }
        if self.pending.autosave.is_due() {
            self.open.layout.write_positions(&mut self.open.map);
            self.open.map.view = self.seen.view.clone();
            self.pending.autosave.write(self.open.map.clone());
        }
        if self.pending.autosave.is_waiting() {
            ctx.request_repaint_after(super::autosave::AUTOSAVE_DELAY);
        }
    }

    /// A close asked for by the window manager waits for an answer when work is unsaved.
    pub(super) fn ask_before_closing(&mut self, ctx: &egui::Context) {
        let asked = ctx.input(|input| input.viewport().close_requested());
        if asked && self.needs_close_question() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending.confirm_close = true;
        }
    }

    fn needs_close_question(&self) -> bool {
        self.pending.autosave.has_changes()
            && !self.pending.close_confirmed
            && matches!(self.pending.screenshot_mode, ScreenshotMode::Off)
            && !self.open.map.actors.is_empty()
    }

    /// What the next command may change, as it is now.
    fn snapshot(&mut self, label: &'static str) -> Snapshot {
        self.open.layout.write_positions(&mut self.open.map);
        Snapshot {
            label,
            positions: self.open.map.positions.clone(),
            view: self.seen.view.clone(),
        }
    }

    /// Keeps the present so that the change about to be made can be undone.
    fn checkpoint(&mut self, label: &'static str) {
        let before = self.snapshot(label);
        self.open.history.record(before);
    }

    /// Puts a snapshot back: positions, pins and filters exactly as they were.
    fn restore(&mut self, snapshot: Snapshot, verb: &str) {
        self.seen.dragged_node = None;
        self.open.map.positions = snapshot.positions;
        self.seen.view = snapshot.view;
        self.open.rebuild(&self.seen.view);
        self.mark_changed();
        self.set_status(format!("{verb} {}", snapshot.label), false);
    }

    fn undo(&mut self) {
        let present = self.snapshot("");
        match self.open.history.undo(present) {
            Some(before) => self.restore(before, "undid"),
            None => self.set_status("nothing to undo", false),
        }
    }

    fn redo(&mut self) {
        let present = self.snapshot("");
        match self.open.history.redo(present) {
            Some(after) => self.restore(after, "redid"),
            None => self.set_status("nothing to redo", false),
        }
    }

    /// Puts new filters in force; the nodes that stay keep their places.
    fn set_view(&mut self, view: ViewState) {
        if view == self.seen.view {
            return;
        }
        self.checkpoint("filter change");
        self.seen.view = view;
        self.open.refilter(&self.seen.view);
        self.mark_changed();
        self.seen.dragged_node = None;
        // A selected actor or pair that the filters took off the map is no longer selected.
        let still_shown = match &self.seen.selection {
            Some(Selection::Node(id)) => self.open.layout.index_of(id).is_some(),
            Some(Selection::Edge(key)) => self.open.edges.iter().any(|edge| edge.key == *key),
            None => true,
        };
        if !still_shown {
            self.seen.selection = None;
        }
    }

    /// Selects an actor and centres the camera on it, zooming in if the map is far out.
    fn focus_actor(&mut self, actor: &str) {
        let Some(world) = self.node_world_pos(actor) else {
            self.set_status(format!("{actor} is not on the map (filtered out?)"), false);
            return;
        };
        self.seen.selection = Some(Selection::Node(actor.to_owned()));
        self.seen.camera = Camera {
            center_world: world,
            scale: self.seen.camera.scale.max(FOCUS_MIN_SCALE),
        };
        self.seen.auto_fit = false;
        self.seen.fit_pending = false;
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Ui(command) => self.run(ctx, command),
            Command::Select(selection) => {
                self.seen.selection = Some(selection);
                self.seen.figures.selected = None;
            }
            Command::ClearSelection => {
                self.seen.selection = None;
                self.seen.figures.selected = None;
            }
            Command::SelectFigure(figure) => {
                if figure < self.open.map.figures.len() {
                    self.seen.figures.selected = Some(figure);
                }
            }
            Command::SetFigureKind(kind) => self.seen.figures.kind = kind,
            Command::FocusActor(actor) => {
                self.focus_actor(&actor);
                self.seen.search = None;
            }
            Command::StartDrag(actor) => {
                if let Some(node) = self.open.layout.index_of(&actor) {
                    self.checkpoint("drag");
                    self.open.layout.start_drag(node);
                    self.seen.dragged_node = Some(node);
                    self.seen.auto_fit = false;
                }
            }
            Command::DragTo(world) => {
                if let Some(node) = self.seen.dragged_node {
                    self.open.layout.drag_to(node, world);
                }
            }
            Command::EndDrag => {
                if self.seen.dragged_node.take().is_some() {
                    self.open.layout.end_drag();
                    self.open.layout.write_positions(&mut self.open.map);
                    self.mark_changed();
                }
            }
            Command::Unpin(actor) => {
                if let Some(node) = self.open.layout.index_of(&actor) {
                    self.checkpoint("unpin");
                    self.open.layout.unpin(node);
                    self.open.layout.write_positions(&mut self.open.map);
                    self.mark_changed();
                }
            }
            Command::Pan(delta) => {
                self.seen.camera = self.seen.camera.panned(delta);
                self.seen.auto_fit = false;
            }
            Command::Zoom { anchor, factor } => {
                if let Some(map_rect) = self.frame.map_rect {
                    self.seen.camera = self.seen.camera.zoomed_around(map_rect, anchor, factor);
                    self.seen.auto_fit = false;
                }
            }
            Command::SetShowNegated(show) => {
                let mut view = self.seen.view.clone();
                view.show_negated = show;
                self.set_view(view);
            }
            Command::ToggleQuad(quad) => {
                let mut view = self.seen.view.clone();
                if !view.hidden_quads.remove(&quad) {
                    view.hidden_quads.insert(quad);
                }
                self.set_view(view);
            }
            Command::SetView(view) => self.set_view(view),
            Command::CloseSearch => self.seen.search = None,
            Command::ClosePalette => self.seen.palette = None,
            Command::CloseShortcuts => self.seen.show_shortcuts = false,
            Command::OpenFiles(paths) => self.open_paths(ctx, paths),
            Command::CancelCorpus => {
                if let Some(corpus) = &self.pending.corpus {
                    corpus.cancel();
                }
            }
            Command::OpenArticle { doc, sentence } => {
                self.seen.article = Some(super::article::ArticleView {
                    doc,
                    sentence,
                    scrolled: false,
                });
            }
            Command::CloseArticle => self.seen.article = None,
            Command::CloseFailures => self.seen.failures.clear(),
            Command::RestoreRecovery => {
                if let Some((path, _)) = self.pending.recovery_offer.take() {
                    self.start_load(ctx, super::loading::Source::Recovered(path));
                }
            }
            Command::DiscardRecovery => {
                self.pending.recovery_offer = None;
                self.pending.autosave.clear();
            }
            Command::QuitWithoutSaving => {
                self.pending.close_confirmed = true;
                self.pending.confirm_close = false;
                self.pending.autosave.clear();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::SaveAndQuit => {
                self.pending.confirm_close = false;
                match self.open.path.clone() {
                    Some(path) => {
                        self.save_to(path);
                        if !self.open.unsaved {
                            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                        }
                    }
                    None => self.open_dialog(ctx, DialogPurpose::SaveMap),
                }
            }
            Command::CancelQuit => self.pending.confirm_close = false,
            Command::SaveMapTo(path) => self.save_to(path),
        }
    }

    /// Runs a command chosen by name.
    fn run(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::Open => self.open_dialog(ctx, DialogPurpose::Open),
            UiCommand::OpenFolder => self.open_dialog(ctx, DialogPurpose::OpenFolder),
            UiCommand::Save => match self.open.path.clone() {
                Some(path) => self.save_to(path),
                None => self.open_dialog(ctx, DialogPurpose::SaveMap),
            },
            UiCommand::SaveAs => self.open_dialog(ctx, DialogPurpose::SaveMap),
            UiCommand::ExportPng => self.open_dialog(ctx, DialogPurpose::ExportPng),
            UiCommand::ExportJson => self.open_dialog(ctx, DialogPurpose::ExportJson),
            UiCommand::Quit => {
                if self.pending.confirm_close {
                    // Ctrl+Q again, with the question shown: quit without saving.
                    self.apply(ctx, Command::QuitWithoutSaving);
                } else if self.needs_close_question() {
                    self.pending.confirm_close = true;
                } else {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            UiCommand::Undo => self.undo(),
            UiCommand::Redo => self.redo(),
            UiCommand::Find => {
                if self.seen.search.is_none() {
                    self.seen.search = Some(Search::default());
                }
            }
            UiCommand::Fit => self.fit(),
            UiCommand::ToggleNegated => {
                let mut view = self.seen.view.clone();
                view.show_negated = !view.show_negated;
                self.set_view(view);
            }
            UiCommand::ToggleIsolated => {
                let mut view = self.seen.view.clone();
                view.show_isolated = !view.show_isolated;
                self.set_view(view);
            }
            UiCommand::ClearFilters => {
                let view = ViewState {
                    show_negated: self.seen.view.show_negated,
                    show_isolated: self.seen.view.show_isolated,
                    ..ViewState::default()
                };
                self.set_view(view);
            }
            UiCommand::ToggleDocuments => self.seen.show_documents = !self.seen.show_documents,
            UiCommand::ToggleDebugOverlay => self.seen.debug_overlay = !self.seen.debug_overlay,
            UiCommand::CommandPalette => {
                self.seen.palette = match self.seen.palette {
                    Some(_) => None,
                    None => Some(Palette::default()),
                };
            }
            UiCommand::KeyboardShortcuts => self.seen.show_shortcuts = !self.seen.show_shortcuts,
        }
    }

    /// Opens articles or a map, or a folder or `.jsonl` corpus in the background.
    pub(super) fn open_paths(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        if super::corpus_load::opens_as_corpus(&paths) {
            if let Some(path) = paths.into_iter().next() {
                self.start_corpus(ctx, path);
            }
            return;
        }
        self.set_status(format!("reading {} file(s)…", paths.len()), false);
        self.start_load(ctx, super::loading::Source::Files(paths));
    }

    fn open_dialog(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        if self.pending.dialog.is_some() {
            self.set_status("a file dialog is already open", false);
            return;
        }
        let name = &self.open.name;
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem)
            .to_owned();
        let suggested = match purpose {
            DialogPurpose::Open | DialogPurpose::OpenFolder => String::new(),
            DialogPurpose::SaveMap => format!("{stem}.ron"),
            DialogPurpose::ExportPng => format!("{stem}.png"),
            DialogPurpose::ExportJson => format!("{stem}.json"),
        };
        let waker = ctx.clone();
        self.pending.dialog = Some(PendingDialog::open(purpose, suggested, move || {
            waker.request_repaint();
        }));
    }

    fn save_to(&mut self, path: PathBuf) {
        self.open.layout.write_positions(&mut self.open.map);
        self.open.map.view = self.seen.view.clone();
        match crate::io::save_map(&path, &self.open.map) {
            Ok(()) => {
                self.set_status(format!("saved {}", path.display()), false);
                self.open.name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                self.open.path = Some(path);
                self.open.unsaved = false;
                self.pending.autosave.clear();
            }
            Err(error) => self.set_status(format!("not saved: {error}"), true),
        }
    }

    fn export_json(&mut self, path: &std::path::Path) {
        self.open.layout.write_positions(&mut self.open.map);
        let result = serde_json::to_string_pretty(&self.open.map)
            .map_err(|error| error.to_string())
            .and_then(|json| {
                crate::io::write_atomically(path, json.as_bytes()).map_err(|e| e.to_string())
            });
        match result {
            Ok(()) => self.set_status(format!("exported {}", path.display()), false),
            Err(error) => self.set_status(format!("not exported: {error}"), true),
        }
    }

    fn dialog_chosen(&mut self, ctx: &egui::Context, purpose: DialogPurpose, paths: Vec<PathBuf>) {
        match purpose {
            DialogPurpose::Open | DialogPurpose::OpenFolder => {
                self.apply(ctx, Command::OpenFiles(paths));
            }
            DialogPurpose::SaveMap => {
                if let Some(path) = paths.into_iter().next() {
                    self.save_to(path);
                }
            }
            DialogPurpose::ExportPng => {
                if let Some(path) = paths.into_iter().next() {
                    self.pending.screenshot = Some(PendingScreenshot::request(ctx, path));
                }
            }
            DialogPurpose::ExportJson => {
                if let Some(path) = paths.first() {
                    self.export_json(path);
                }
            }
        }
    }

    /// Collects what finished on worker threads: loads, dialogs, screenshots.
    pub(super) fn poll_pending(&mut self, ctx: &egui::Context) {
        self.poll_corpus();
        if let Some(result) = self.pending.load.as_ref().and_then(PendingLoad::poll) {
            self.pending.load = None;
            match result {
                Ok(loaded) => self.install(loaded),
                // What the user had stays: only the message is new.
                Err(error) => self.set_status(format!("could not open: {error}"), true),
            }
        }
        if let Some(dialog) = &self.pending.dialog {
            let purpose = dialog.purpose;
            match dialog.poll() {
                DialogOutcome::Waiting => {}
                DialogOutcome::Nothing => {
                    self.pending.dialog = None;
                    self.set_status(
                        "no file chosen (if no dialog appeared, this desktop has no file dialog: pass files on the command line)",
                        false,
                    );
                }
                DialogOutcome::Chosen(paths) => {
                    self.pending.dialog = None;
                    self.dialog_chosen(ctx, purpose, paths);
                }
            }
        }
        if let Some(image) = self
            .pending
            .screenshot
            .as_ref()
            .and_then(PendingScreenshot::poll)
        {
            let Some(pending) = self.pending.screenshot.take() else {
                return;
            };
            let result = write_png(&image, &pending.path).map(|()| pending.path.clone());
            match &result {
                Ok(path) => self.set_status(format!("exported {}", path.display()), false),
                Err(error) => self.set_status(format!("not exported: {error}"), true),
            }
            if matches!(self.pending.screenshot_mode, ScreenshotMode::Taking) {
                if let Ok(mut outcome) = self.pending.screenshot_outcome.lock() {
                    *outcome = Some(result);
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// In `--screenshot` mode: once loaded and settled, ask for the picture.
    pub(super) fn advance_screenshot_mode(&mut self, ctx: &egui::Context) {
        let ScreenshotMode::Settling { path, since } = &self.pending.screenshot_mode else {
            return;
        };
        let path = path.clone();
        let ready = !self.is_loading()
            && self.frame.map_rect.is_some()
            && (self.is_settled() || since.elapsed() > SCREENSHOT_SETTLE_LIMIT);
        if ready {
            if self.seen.auto_fit {
                self.fit();
            }
            self.pending.screenshot = Some(PendingScreenshot::request(ctx, path));
            self.pending.screenshot_mode = ScreenshotMode::Taking;
        }
    }
}
