//! The documents panel: every document of the map with its title (or file name), date,
//! source file and number of ties; sortable by date or ties; a filter box; a checkbox per
//! document (and "all" / "none") that takes its evidence off the map and puts it back; a
//! click on a title opens the article.

use std::collections::BTreeMap;

use eframe::egui;
use egui::{RichText, Ui};

use super::command::Command;
use crate::model::{TieMap, ViewState};

/// How the list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocumentOrder {
    /// As read (file order).
    #[default]
    AsRead,
    /// Oldest first; undated last.
    Date,
    /// Most ties first.
    Ties,
}

/// The panel's own state: the filter text and the order.
#[derive(Clone, Debug, Default)]
pub struct DocumentsPanel {
    /// Only documents whose title, id or file contains this are listed.
    pub filter: String,
    /// The order.
    pub order: DocumentOrder,
}

/// Ties per document id (a tie stated in two documents counts for both).
pub fn ties_per_document(map: &TieMap) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for tie in &map.ties {
        let mut docs: Vec<&str> = tie.evidence.iter().map(|e| e.doc.as_str()).collect();
        docs.sort_unstable();
        docs.dedup();
        for doc in docs {
            *counts.entry(doc.to_owned()).or_insert(0) += 1;
        }
    }
    counts
}

/// Draws the panel; returns what the user asked for.
pub fn documents_ui(
    ui: &mut Ui,
    panel: &mut DocumentsPanel,
    map: &TieMap,
    files: &BTreeMap<String, std::path::PathBuf>,
    ties: &BTreeMap<String, usize>,
    view: &ViewState,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut edited = view.clone();
    ui.heading(format!("Documents ({})", map.documents.len()));
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut panel.filter)
                .hint_text("filter by title or file")
                .desired_width(150.0),
        );
        if ui.small_button("all").clicked() {
            edited.hidden_documents.clear();
        }
        if ui.small_button("none").clicked() {
            edited.hidden_documents = map.documents.iter().map(|d| d.id.clone()).collect();
        }
    });
    ui.horizontal(|ui| {
        ui.label("Sort:");
        ui.selectable_value(&mut panel.order, DocumentOrder::AsRead, "as read");
        ui.selectable_value(&mut panel.order, DocumentOrder::Date, "date");
        ui.selectable_value(&mut panel.order, DocumentOrder::Ties, "ties");
    });
    ui.separator();
    let needle = panel.filter.trim().to_lowercase();
    let mut listed: Vec<usize> = (0..map.documents.len())
        .filter(|&index| {
            let document = &map.documents[index];
            needle.is_empty()
                || document.id.to_lowercase().contains(&needle)
                || document
                    .title
                    .as_ref()
                    .is_some_and(|title| title.to_lowercase().contains(&needle))
        })
        .collect();
    match panel.order {
        DocumentOrder::AsRead => {}
        DocumentOrder::Date => listed.sort_by_key(|&index| {
            let date = map.documents[index].date.as_deref();
            (date.is_none(), date.map(str::to_owned), index)
        }),
        DocumentOrder::Ties => listed.sort_by_key(|&index| {
            let count = ties.get(&map.documents[index].id).copied().unwrap_or(0);
            (std::cmp::Reverse(count), index)
        }),
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, 40.0, listed.len(), |ui, rows| {
            for &index in &listed[rows] {
                let document = &map.documents[index];
                ui.horizontal(|ui| {
                    let mut shown = !edited.hidden_documents.contains(&document.id);
                    if ui
                        .checkbox(&mut shown, "")
                        .on_hover_text("Use its ties on the map")
                        .changed()
                    {
                        if shown {
                            edited.hidden_documents.remove(&document.id);
                        } else {
                            edited.hidden_documents.insert(document.id.clone());
                        }
                    }
                    ui.vertical(|ui| {
                        let title = document.title.clone().unwrap_or_else(|| {
                            files
                                .get(&document.id)
                                .and_then(|path| path.file_name())
                                .map_or_else(
                                    || document.id.clone(),
                                    |name| name.to_string_lossy().into_owned(),
                                )
                        });
                        if ui.link(&title).on_hover_text("Open the article").clicked() {
                            commands.push(Command::OpenArticle {
                                doc: document.id.clone(),
                                sentence: None,
                            });
                        }
                        let count = ties.get(&document.id).copied().unwrap_or(0);
                        let source = files
                            .get(&document.id)
                            .map_or_else(|| document.id.clone(), |path| path.display().to_string());
                        ui.label(
                            RichText::new(format!(
                                "{} · {count} ties · {source}",
                                document.date.as_deref().unwrap_or("undated")
                            ))
                            .small()
                            .weak(),
                        );
                    });
                });
            }
        });
    if edited != *view {
        commands.push(Command::SetView(edited));
    }
    commands
}
