//! The figures panel: a chart of the money the texts report, and the figures in words.
//!
//! With an edge or an actor selected the chart is a time axis ([`bars`]): one bar per figure at
//! its period, coloured by kind, pledges hollow, records marked; with nothing selected it ranks
//! the pairs by their total in US dollars, with a kind filter. Hovering a bar shows both
//! amounts, the rate and the sentence; clicking it shows its evidence under the chart. Figures
//! with no period, with no dollar value ("not converted: no USD rate for RUB in 1998"), and
//! amounts that are no figures (prices, salaries) are listed apart, never dropped.

pub mod bars;
mod format;
mod plot;

use eframe::egui;
use egui::{Rect, RichText, Ui};

use super::command::{Command, Selection};
use super::panel::evidence_job;
use super::theme;
use crate::model::{Figure, FigureKind, TieMap};
use bars::{ChartData, chart_data};
pub use format::{figure_amounts, figure_details, figure_title, format_amount, usd_line};

/// What the figures panel shows besides the map's selection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FiguresView {
    /// Only figures of this kind.
    pub kind: Option<FigureKind>,
    /// The figure whose evidence is shown (an index into the map's figures).
    pub selected: Option<usize>,
}

/// What the panel asks for, and where its bars are (for tests and the hover tooltip).
#[derive(Default)]
pub struct FiguresOutput {
    /// Commands from the panel.
    pub commands: Vec<Command>,
    /// Each bar's figures and screen rectangle.
    pub bar_rects: Vec<(Vec<usize>, Rect)>,
}

/// Draws the chart and the lists under it.
pub fn figures_ui(
    ui: &mut Ui,
    map: &TieMap,
    selection: Option<&Selection>,
    view: FiguresView,
) -> FiguresOutput {
    let mut output = FiguresOutput::default();
    ui.horizontal(|ui| {
        ui.heading("Reported figures");
        match selection {
            Some(Selection::Edge(_)) => {
                ui.label(RichText::new("of the selected edge").weak());
            }
            Some(Selection::Node(_)) => {
                ui.label(RichText::new("of the selected actor").weak());
            }
            None => {}
        }
    });
    if map.figures.is_empty() {
        ui.label("No amounts of money are reported.");
        return output;
    }
    let kind = kind_filter_ui(ui, view.kind);
    if kind != view.kind {
        output.commands.push(Command::SetFigureKind(kind));
    }
    let data = chart_data(&map.figures, selection, view.kind);
    if data.bars.is_empty() {
        ui.label(RichText::new("No figure in US dollars to chart here.").weak());
    } else {
        let drawn = plot::chart_plot_ui(ui, &data, &map.figures, view.selected);
        if let Some(figure) = drawn.clicked_figure {
            output.commands.push(Command::SelectFigure(figure));
        }
        output.bar_rects = data
            .bars
            .iter()
            .zip(drawn.bar_rects)
            .map(|(bar, rect)| (bar.figures.clone(), rect))
            .collect();
    }
    egui::ScrollArea::vertical()
        .max_height(theme::FIGURE_LIST_HEIGHT)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if let Some(figure) = view.selected.and_then(|index| map.figures.get(index)) {
                evidence_ui(ui, map, figure, &mut output.commands);
                ui.separator();
            }
            lists_ui(ui, map, &data, view.selected, &mut output.commands);
        });
    output
}

/// The kind filter; returns the choice (`kind` unless the user changed it).
fn kind_filter_ui(ui: &mut Ui, kind: Option<FigureKind>) -> Option<FigureKind> {
    let mut chosen = kind;
    egui::ComboBox::from_label("kind of figure")
        .selected_text(kind.map_or("all kinds", FigureKind::label))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "all kinds");
            for candidate in FigureKind::ALL {
                if candidate != FigureKind::Other {
                    ui.selectable_value(&mut chosen, Some(candidate), candidate.label());
                }
            }
        });
    chosen
}

/// The selected figure's evidence: its details and every sentence that reports it.
fn evidence_ui(ui: &mut Ui, map: &TieMap, figure: &Figure, commands: &mut Vec<Command>) {
    ui.strong(format!("Evidence: {}", figure_title(figure)));
    for line in figure_details(figure, false) {
        ui.label(line);
    }
    for report in figure.reports() {
        ui.add(egui::Label::new(evidence_job(ui, report)).wrap());
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("sentence {} · {}", report.sentence, report.doc))
                    .size(11.5)
                    .weak(),
            );
            let has_text = map
                .documents
                .iter()
                .any(|document| document.id == report.doc && !document.text.is_empty());
            if has_text && ui.small_button("open in article").clicked() {
                commands.push(Command::OpenArticle {
                    doc: report.doc.clone(),
                    sentence: Some(report.sentence),
                });
            }
        });
    }
}

/// The figures of the view in words: charted ones (click to read the evidence), those with
/// no period or no dollar value, and the other amounts.
fn lists_ui(
    ui: &mut Ui,
    map: &TieMap,
    data: &ChartData,
    selected: Option<usize>,
    commands: &mut Vec<Command>,
) {
    let mut charted: Vec<usize> = data
        .bars
        .iter()
        .flat_map(|bar| bar.figures.iter().copied())
        .collect();
    charted.sort_unstable();
    charted.dedup();
    let disagreeing = |index: usize| {
        data.bars
            .iter()
            .any(|bar| bar.disagreeing && bar.figures.contains(&index))
    };
    let groups: [(&[usize], &str); 3] = [
        (&charted, ""),
        (&data.undated, " (no period: not on the time axis)"),
        (&data.not_converted, ""),
    ];
    for (indices, suffix) in groups {
        for &index in indices {
            let Some(figure) = map.figures.get(index) else {
                continue;
            };
            let mut line = format!("{}: {}", figure_title(figure), figure_amounts(figure));
            if figure.status.is_promise() {
                line.push_str(", ");
                line.push_str(figure.status.label());
            }
            if figure.record {
                line.push_str(", a record");
            }
            let documents = figure.document_count();
            if documents > 1 {
                line.push_str(", reported by ");
                line.push_str(&documents.to_string());
                line.push_str(" articles");
            }
            if disagreeing(index) {
                line.push_str(", other reports differ");
            }
            if figure.usd.is_none() {
                line.push_str(" — ");
                line.push_str(&usd_line(figure));
            }
            line.push_str(suffix);
            let clicked = ui
                .selectable_label(selected == Some(index), line)
                .on_hover_text(&figure.evidence.text)
                .clicked();
            if clicked {
                commands.push(Command::SelectFigure(index));
            }
        }
    }
    if data.other_amounts.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("Other amounts ({})", data.other_amounts.len()))
        .id_salt("other_amounts")
        .show(ui, |ui| {
            for figure in data
                .other_amounts
                .iter()
                .filter_map(|&index| map.figures.get(index))
            {
                ui.label(format!(
                    "{}: {} — {}",
                    figure_amounts(figure),
                    figure.role.label(),
                    figure.evidence.text
                ));
            }
        });
}
