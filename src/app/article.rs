//! The article view: a document's whole text, each sentence that states a tie marked as in
//! the ties panel (actor mentions and the cue on coloured backgrounds) and clickable (it
//! selects the tie's edge), opened scrolled to the sentence asked for.
//!
//! Evidence spans are relative to their sentence; the sentence is found in the document's
//! text by its words (the first place it occurs), so what is marked is what the extractor read.

use eframe::egui;
use egui::{RichText, Ui};

use super::command::{Command, Selection};
use super::panel::evidence_job;
use crate::model::{EdgeKey, Evidence, TieMap};

/// The article shown, and the sentence to scroll to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleView {
    /// The document id.
    pub doc: String,
    /// The sentence (its index in the document) to scroll to once.
    pub sentence: Option<usize>,
    /// It was scrolled to.
    pub scrolled: bool,
}

/// One tie-stating sentence placed in the text.
struct Placed<'a> {
    start: usize,
    end: usize,
    evidence: &'a Evidence,
    edge: EdgeKey,
}

/// The evidence sentences of `doc`, placed in its text, sorted, without overlaps.
fn placed_sentences<'a>(map: &'a TieMap, doc: &str, text: &str) -> Vec<Placed<'a>> {
    let mut placed: Vec<Placed<'a>> = map
        .ties
        .iter()
        .flat_map(|tie| {
            tie.evidence
                .iter()
                .filter(|evidence| evidence.doc == doc)
                .map(move |evidence| (tie, evidence))
        })
        .filter_map(|(tie, evidence)| {
            let start = text.find(evidence.text.as_str())?;
            Some(Placed {
                start,
                end: start + evidence.text.len(),
                evidence,
                edge: tie.edge_key(),
            })
        })
        .collect();
    placed.sort_by_key(|p| (p.start, p.evidence.sentence));
    let mut kept: Vec<Placed<'a>> = Vec::with_capacity(placed.len());
    for sentence in placed {
        if kept.last().is_none_or(|last| sentence.start >= last.end) {
            kept.push(sentence);
        }
    }
    kept
}

/// Draws the article window; returns what the user asked for (and `CloseArticle`).
pub fn article_window_ui(
    ctx: &egui::Context,
    view: &mut ArticleView,
    map: &TieMap,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(document) = map.documents.iter().find(|d| d.id == view.doc) else {
        return vec![Command::CloseArticle];
    };
    let title = document
        .title
        .clone()
        .unwrap_or_else(|| document.id.clone());
    let mut open = true;
    egui::Window::new(format!("Article: {title}"))
        .id(egui::Id::unique("article_window"))
        .open(&mut open)
        .default_size([560.0, 520.0])
        .show(ctx, |ui| {
            ui.label(
                RichText::new(format!(
                    "{} · {}",
                    document.id,
                    document.date.as_deref().unwrap_or("undated")
                ))
                .weak(),
            );
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                article_text_ui(ui, view, map, &document.text, &mut commands);
            });
        });
    if !open {
        commands.push(Command::CloseArticle);
    }
    commands
}

fn article_text_ui(
    ui: &mut Ui,
    view: &mut ArticleView,
    map: &TieMap,
    text: &str,
    commands: &mut Vec<Command>,
) {
    let placed = placed_sentences(map, &view.doc, text);
    let mut cursor = 0;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for sentence in &placed {
            if let Some(before) = text.get(cursor..sentence.start)
                && !before.is_empty()
            {
                ui.label(before);
            }
            let job = evidence_job(ui, sentence.evidence);
            let response = ui
                .add(egui::Label::new(job).sense(egui::Sense::click()))
                .on_hover_text("Select this tie on the map");
            if response.clicked() {
                commands.push(Command::Select(Selection::Edge(sentence.edge.clone())));
            }
            if !view.scrolled && view.sentence == Some(sentence.evidence.sentence) {
                response.scroll_to_me(Some(egui::Align::Center));
                view.scrolled = true;
            }
            cursor = sentence.end;
        }
        if let Some(rest) = text.get(cursor..) {
            ui.label(rest);
        }
    });
}
