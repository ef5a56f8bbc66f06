//! What the pointer is over on the map, and the tooltip that says what it is: for a node its
//! name, its ties by category and its sentences; for an edge its pair, its ties by category
//! and direction, and its sentences.

use std::collections::BTreeMap;

use eframe::egui;
use egui::{RichText, Ui};

use super::map_view::MapView;
use super::theme;
use crate::model::{ActorKind, Category, Tie};

/// The thing under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hovered {
    /// A layout node.
    Node(usize),
    /// An index into the shown edges.
    Edge(usize),
}

/// "1 tie", "3 ties".
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Ties per category and the sentences over them.
fn by_category<'a>(ties: impl Iterator<Item = &'a Tie>) -> (BTreeMap<Category, usize>, usize) {
    let mut counts = BTreeMap::new();
    let mut sentences = 0;
    for tie in ties {
        *counts.entry(tie.category).or_insert(0) += 1;
        sentences += tie.evidence.len();
    }
    (counts, sentences)
}

fn categories_ui(ui: &mut Ui, counts: &BTreeMap<Category, usize>) {
    for (category, count) in counts {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, theme::quad_color(category.quad()));
            ui.label(format!("{} × {count}", category.name()));
        });
    }
}

/// The tooltip's contents.
pub fn hover_tooltip_ui(ui: &mut Ui, view: &MapView<'_>, hovered: Hovered) {
    let name = |id: &str| {
        view.map
            .actor(id)
            .map_or_else(|| id.to_owned(), |actor| actor.name.clone())
    };
    match hovered {
        Hovered::Node(node) => {
            let id = view.layout.id_of(node);
            let kind = match view.layout.kind(node) {
                ActorKind::Country => "country",
                ActorKind::Bloc => "bloc",
            };
            ui.label(RichText::new(name(id)).strong());
            ui.label(RichText::new(format!("{id} · {kind}")).weak());
            let touching = view.edges.iter().filter(|edge| edge.key.touches(id));
            let partners = touching.clone().count();
            let ties =
                touching.flat_map(|edge| edge.ties.iter().filter_map(|&i| view.map.ties.get(i)));
            let (counts, sentences) = by_category(ties);
            let ties = counts.values().sum::<usize>();
            ui.label(format!(
                "{} with {}, {}",
                plural(ties, "tie"),
                plural(partners, "actor"),
                plural(sentences, "sentence")
            ));
            categories_ui(ui, &counts);
        }
        Hovered::Edge(edge) => {
            let Some(edge) = view.edges.get(edge) else {
                return;
            };
            ui.label(
                RichText::new(format!("{} – {}", name(&edge.key.a), name(&edge.key.b))).strong(),
            );
            let ties: Vec<&Tie> = edge
                .ties
                .iter()
                .filter_map(|&i| view.map.ties.get(i))
                .collect();
            let (counts, sentences) = by_category(ties.iter().copied());
            ui.label(format!(
                "{}, {}",
                plural(ties.len(), "tie"),
                plural(sentences, "sentence")
            ));
            categories_ui(ui, &counts);
            for tie in ties.iter().take(6) {
                ui.label(
                    RichText::new(format!(
                        "{} -> {}: {} ({})",
                        tie.source,
                        tie.target,
                        tie.category.name(),
                        tie.mode
                    ))
                    .small(),
                );
            }
            ui.label(RichText::new("click to read the sentences").weak().small());
        }
    }
}
