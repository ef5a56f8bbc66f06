//! The corpus progress bar over the map (documents done of total, MB/s, Cancel) and the list
//! of files that could not be read, each with its reason.

use eframe::egui;
use egui::{Rect, RichText, Ui};

use super::command::Command;
use super::corpus_load::PendingCorpus;
use crate::io::corpus::CorpusFailure;

/// Draws the progress bar at the top of the map; returns `CancelCorpus` when pressed.
pub fn progress_ui(ui: &mut Ui, map_rect: Rect, corpus: &PendingCorpus) -> Vec<Command> {
    let mut commands = Vec::new();
    let width = 420.0_f32.min(map_rect.width() - 40.0);
    let area = egui::Area::new(egui::Id::unique("corpus_progress"))
        .fixed_pos(map_rect.center_top() + egui::vec2(-width * 0.5, 12.0))
        .order(egui::Order::Foreground);
    area.show(ui.ctx(), |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.set_width(width);
            let fraction = if corpus.total == 0 {
                0.0
            } else {
                corpus.done as f32 / corpus.total as f32
            };
            let text = format!(
                "Reading {}: {} of {} documents · {:.1} MB/s",
                corpus.name,
                corpus.done,
                corpus.total,
                corpus.megabytes_per_second()
            );
            ui.add(egui::ProgressBar::new(fraction).text(text));
            ui.horizontal(|ui| {
                if !corpus.failures.is_empty() {
                    ui.label(
                        RichText::new(format!("{} could not be read", corpus.failures.len()))
                            .weak(),
                    );
                }
                let label = if corpus.is_cancelled() {
                    "Cancelling…"
                } else {
                    "Cancel"
                };
                if ui
                    .add_enabled(!corpus.is_cancelled(), egui::Button::new(label))
                    .clicked()
                {
                    commands.push(Command::CancelCorpus);
                }
            });
        });
    });
    commands
}

/// The window listing the files that could not be read; returns `CloseFailures` when closed.
pub fn failures_window_ui(ctx: &egui::Context, failures: &[CorpusFailure]) -> Vec<Command> {
    let mut open = true;
    egui::Window::new(format!("{} files not read", failures.len()))
        .id(egui::Id::unique("corpus_failures"))
        .open(&mut open)
        .default_size([520.0, 240.0])
        .show(ctx, |ui| {
            ui.label("The rest of the corpus loaded; these were left out:");
            egui::ScrollArea::vertical().show(ui, |ui| {
                for failure in failures {
                    ui.label(RichText::new(&failure.source).strong());
                    ui.label(&failure.reason);
                    ui.add_space(4.0);
                }
            });
        });
    if open {
        Vec::new()
    } else {
        vec![Command::CloseFailures]
    }
}
