//! The side panel: the ties of the selected edge or node, grouped by PLOVER category, each with
//! the sentences that state it in full, actor mentions and cue words highlighted.
//!
//! Highlights come from the evidence's byte spans, never from searching the text again, so
//! what is marked is exactly what the extractor read.

use eframe::egui;
use std::collections::BTreeMap;

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, Sense, TextFormat, Ui, vec2};

use super::command::{Command, Selection};
use super::theme;
use crate::model::{Category, Edge, Evidence, Span, Tie, TieMap};

/// Draws the details of the selection; returns what the user asked for.
pub fn selection_ui(
    ui: &mut Ui,
    map: &TieMap,
    edges: &[Edge],
    selection: Option<&Selection>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(selection) = selection else {
        ui.heading("Ties");
        ui.label(
            "Click an edge to read the sentences behind it, or a node to see all of its ties.",
        );
        ui.label("Drag a node to pin it; double-click it to let it go. Scroll to zoom, drag the background to pan, F to frame the map.");
        return commands;
    };
    let ties: Vec<&Tie> = match selection {
        Selection::Edge(key) => edges
            .iter()
            .find(|edge| edge.key == *key)
            .map(|edge| edge.ties.iter().filter_map(|&i| map.ties.get(i)).collect())
            .unwrap_or_default(),
        Selection::Node(id) => edges
            .iter()
            .filter(|edge| edge.key.touches(id))
            .flat_map(|edge| edge.ties.iter().filter_map(|&i| map.ties.get(i)))
            .collect(),
    };
    ui.horizontal(|ui| {
        ui.heading(selection_title(map, selection));
        if ui.small_button("Clear").clicked() {
            commands.push(Command::ClearSelection);
        }
    });
    let evidence_count: usize = ties.iter().map(|tie| tie.evidence.len()).sum();
    ui.label(format!("{} ties, {} sentences", ties.len(), evidence_count));
    ui.separator();

    let several_documents = map.documents.len() > 1;
    let mut by_category: BTreeMap<Category, Vec<&Tie>> = BTreeMap::new();
    for tie in ties {
        by_category.entry(tie.category).or_default().push(tie);
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (category, ties) in by_category {
                category_header_ui(ui, category);
                for tie in ties {
                    tie_ui(ui, map, tie, several_documents, &mut commands);
                }
                ui.add_space(8.0);
            }
        });
    commands
}

fn selection_title(map: &TieMap, selection: &Selection) -> String {
    let name = |id: &str| {
        map.actor(id)
            .map_or_else(|| id.to_owned(), |actor| actor.name.clone())
    };
    match selection {
        Selection::Edge(key) => format!("{} – {}", name(&key.a), name(&key.b)),
        Selection::Node(id) => name(id),
    }
}

fn category_header_ui(ui: &mut Ui, category: Category) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
        ui.painter()
            .rect_filled(rect, 3.0, theme::quad_color(category.quad()));
        ui.label(RichText::new(category.name()).strong());
        ui.label(RichText::new(category.quad().label()).weak());
    });
}

fn badge_ui(ui: &mut Ui, text: &str) {
    ui.label(
        RichText::new(text)
            .small()
            .background_color(theme::BADGE_BACKGROUND)
            .color(Color32::BLACK),
    );
}

fn tie_ui(
    ui: &mut Ui,
    map: &TieMap,
    tie: &Tie,
    several_documents: bool,
    commands: &mut Vec<Command>,
) {
    let name = |id: &str| {
        map.actor(id)
            .map_or_else(|| id.to_owned(), |actor| actor.name.clone())
    };
    ui.indent(
        ("tie", &tie.source, &tie.target, tie.category, &tie.mode),
        |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{} -> {}", name(&tie.source), name(&tie.target)));
                ui.label(RichText::new(&tie.mode).italics());
                if tie.negated {
                    badge_ui(ui, "negated");
                }
                if tie.hedged {
                    badge_ui(ui, "hedged");
                }
            });
            for evidence in &tie.evidence {
                ui.add(egui::Label::new(evidence_job(ui, evidence)).wrap());
                let place = if several_documents {
                    format!("sentence {} · {}", evidence.sentence, evidence.doc)
                } else {
                    format!("sentence {}", evidence.sentence)
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(place).size(11.5).weak());
                    let has_text = map
                        .documents
                        .iter()
                        .any(|d| d.id == evidence.doc && !d.text.is_empty());
                    if has_text
                        && ui
                            .small_button("open in article")
                            .on_hover_text("Read the whole article, scrolled to this sentence")
                            .clicked()
                    {
                        commands.push(Command::OpenArticle {
                            doc: evidence.doc.clone(),
                            sentence: Some(evidence.sentence),
                        });
                    }
                });
                ui.add_space(4.0);
            }
        },
    );
}

/// The sentence as a layout job with mentions and the cue on coloured backgrounds.
pub fn evidence_job(ui: &Ui, evidence: &Evidence) -> LayoutJob {
    let font = FontId::proportional(14.0);
    let plain = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let marked = |background: Color32| TextFormat {
        background,
        color: theme::HIGHLIGHT_TEXT,
        ..TextFormat::simple(font.clone(), theme::HIGHLIGHT_TEXT)
    };
    let mut job = LayoutJob::default();
    let text = evidence.text.as_str();
    let mut cursor = 0;
    for (span, background) in highlight_spans(evidence) {
        let (Some(before), Some(inside)) = (text.get(cursor..span.start), span.slice(text)) else {
            continue;
        };
        job.append(before, 0.0, plain.clone());
        job.append(inside, 0.0, marked(background));
        cursor = span.end;
    }
    job.append(text.get(cursor..).unwrap_or_default(), 0.0, plain);
    job
}

/// The spans to highlight, sorted, without overlaps (a cue inside a mention keeps the mention)
/// and only those that fall on character boundaries of the text.
pub fn highlight_spans(evidence: &Evidence) -> Vec<(Span, Color32)> {
    let mut spans: Vec<(Span, Color32)> = evidence
        .mentions
        .iter()
        .map(|mention| (mention.span, theme::MENTION_BACKGROUND))
        .chain(std::iter::once((evidence.cue_span, theme::CUE_BACKGROUND)))
        .filter(|(span, _)| !span.is_empty() && span.slice(&evidence.text).is_some())
        .collect();
    spans.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut kept: Vec<(Span, Color32)> = Vec::with_capacity(spans.len());
    for (span, color) in spans {
        if kept.last().is_none_or(|(last, _)| span.start >= last.end) {
            kept.push((span, color));
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;

    #[test]
    fn overlapping_and_out_of_range_spans_are_dropped() {
        let evidence = Evidence {
            doc: "d".into(),
            sentence: 0,
            text: "China and Russia held joint exercises.".into(),
            cue: "joint exercises".into(),
            cue_span: Span::new(22, 37),
            mentions: vec![
                Mention {
                    actor: "CHN".into(),
                    text: "China".into(),
                    span: Span::new(0, 5),
                },
                Mention {
                    actor: "RUS".into(),
                    text: "Russia".into(),
                    span: Span::new(10, 16),
                },
                Mention {
                    actor: "XXX".into(),
                    text: "?".into(),
                    span: Span::new(3, 999),
                },
            ],
        };
        let spans: Vec<Span> = highlight_spans(&evidence)
            .into_iter()
            .map(|(span, _)| span)
            .collect();
        assert_eq!(
            spans,
            vec![Span::new(0, 5), Span::new(10, 16), Span::new(22, 37)]
        );
    }
}
