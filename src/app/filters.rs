//! The filters section of the side panel: the sixteen PLOVER categories by quad (each with
//! how many ties it has), a minimum number of sentences per edge, and whether actors without
//! a visible tie are shown. It edits a copy of the filters and returns it as a command.

use eframe::egui;
use egui::{RichText, Ui};

use super::command::{Command, UiCommand};
use super::theme;
use crate::model::{Category, Quad, TieMap, ViewState};

/// Ties per category in the whole map, in PLOVER order.
pub fn category_counts(map: &TieMap) -> [usize; 16] {
    let mut counts = [0; 16];
    for tie in &map.ties {
        if let Some(index) = Category::ALL.iter().position(|c| *c == tie.category) {
            counts[index] += 1;
        }
    }
    counts
}

/// Draws the filters; returns a command when the user changed one.
pub fn filters_ui(ui: &mut Ui, view: &ViewState, counts: &[usize; 16]) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut edited = view.clone();
    let title = if view.filters_anything() {
        "Filters (some ties hidden)"
    } else {
        "Filters"
    };
    egui::CollapsingHeader::new(title)
        .id_salt("filters")
        .default_open(false)
        .show(ui, |ui| {
            for quad in Quad::ALL {
                ui.horizontal_wrapped(|ui| {
                    let mut quad_shown = !edited.hidden_quads.contains(&quad);
                    let label = RichText::new(quad.label())
                        .color(theme::quad_color(quad))
                        .strong();
                    if ui.checkbox(&mut quad_shown, label).changed() {
                        if quad_shown {
                            edited.hidden_quads.remove(&quad);
                        } else {
                            edited.hidden_quads.insert(quad);
                        }
                    }
                });
                ui.indent(("quad", quad), |ui| {
                    ui.horizontal_wrapped(|ui| {
                        for (index, category) in Category::ALL.into_iter().enumerate() {
                            if category.quad() != quad {
                                continue;
                            }
                            let mut shown = !edited.hidden_categories.contains(&category);
                            let text = format!("{} ({})", category.name(), counts[index]);
                            let enabled = !edited.hidden_quads.contains(&quad);
                            if ui
                                .add_enabled(enabled, egui::Checkbox::new(&mut shown, text))
                                .changed()
                            {
                                if shown {
                                    edited.hidden_categories.remove(&category);
                                } else {
                                    edited.hidden_categories.insert(category);
                                }
                            }
                        }
                    });
                });
            }
            ui.horizontal(|ui| {
                ui.label("At least");
                let mut minimum = edited.min_sentences.max(1);
                if ui
                    .add(egui::DragValue::new(&mut minimum).range(1..=1000))
                    .on_hover_text("Edges backed by fewer sentences are hidden")
                    .changed()
                {
                    edited.min_sentences = minimum;
                }
                ui.label("sentences per edge");
            });
            ui.checkbox(&mut edited.show_isolated, UiCommand::ToggleIsolated.label());
            if ui
                .add_enabled(
                    view.filters_anything(),
                    egui::Button::new(UiCommand::ClearFilters.label()),
                )
                .clicked()
            {
                commands.push(Command::Ui(UiCommand::ClearFilters));
            }
        });
    if edited != *view && commands.is_empty() {
        commands.push(Command::SetView(edited));
    }
    commands
}
