//! Draws [`ChartData`] with `egui_plot`: bars coloured by kind with a legend, pledges hollow,
//! the high end of a range as a hollow cap, "record" and "disagrees" marks, and a tooltip and
//! a click of our own on each bar (`egui_plot`'s hover text is painted, and says nothing of the
//! rate; ours is a tooltip a screen reader and the tests can read).

use eframe::egui;
use egui::{Color32, Rect, Stroke, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, Corner, GridInput, GridMark, Legend, Plot, PlotPoint, Text,
};

use super::super::theme;
use super::bars::{ChartBar, ChartData, ChartMode};
use super::format::{figure_details, figure_title};
use crate::model::{Figure, FigureKind};

/// What the user did on the chart, and where its bars are on screen.
pub struct PlotOutput {
    /// The figure whose bar was clicked.
    pub clicked_figure: Option<usize>,
    /// Each bar's screen rectangle, in the order of `ChartData::bars`.
    pub bar_rects: Vec<Rect>,
}

/// Draws the chart; `selected` is the figure whose evidence the panel shows.
pub fn chart_plot_ui(
    ui: &mut Ui,
    data: &ChartData,
    figures: &[Figure],
    selected: Option<usize>,
) -> PlotOutput {
    let (low, high) = data
        .bars
        .iter()
        .fold((f64::MAX, f64::MIN), |(low, high), bar| {
            (low.min(bar.x - bar.width), high.max(bar.x + bar.width))
        });
    let labels: Vec<(f64, String)> = data
        .bars
        .iter()
        .map(|bar| (bar.x, bar.label.clone()))
        .collect();
    let mode = data.mode;
    // Headroom above the tallest bar, so that the legend and the marks do not cover bars.
    let tallest = data
        .bars
        .iter()
        .map(|bar| bar.upper_billions.unwrap_or(bar.billions))
        .fold(0.0, f64::max);
    let plot = Plot::new("figures_chart")
        .height(theme::CHART_HEIGHT)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .include_y(0.0)
        .include_y(tallest * 1.35)
        .include_x(low - 0.3)
        .include_x(high + 0.3)
        .legend(Legend::default().position(Corner::LeftTop))
        .y_axis_label("billions of USD")
        .x_grid_spacer(|input| whole_steps(&input))
        // Year labels are short: shown at full strength from 24 px apart, not egui_plot's 60.
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label_spacing(24.0..=32.0)
                .formatter(move |mark, _| axis_label(mode, &labels, mark.value)),
        ]);
    let response = plot.show(ui, |plot| {
        for &kind in &data.kinds {
            plot.bar_chart(kind_chart(data, kind, selected));
        }
        marks_ui(plot, data);
    });
    let bar_rects = bar_rects(data, &response.transform);
    let hovered = response.response.hover_pos().and_then(|pointer| {
        bar_rects
            .iter()
            .position(|rect| rect.expand2(egui::vec2(0.0, 4.0)).contains(pointer))
    });
    let mut clicked_figure = None;
    if let Some(bar) = hovered.and_then(|index| data.bars.get(index)) {
        if response.response.clicked() {
            clicked_figure = bar.figures.first().copied();
        }
        response
            .response
            .on_hover_ui_at_pointer(|ui| bar_tooltip_ui(ui, bar, figures));
    }
    PlotOutput {
        clicked_figure,
        bar_rects,
    }
}

/// The "record" and "disagrees" marks above the bars.
fn marks_ui(plot: &mut egui_plot::PlotUi<'_>, data: &ChartData) {
    for bar in &data.bars {
        let top = bar.upper_billions.unwrap_or(bar.billions);
        let mut marks = Vec::new();
        if bar.record {
            marks.push("record");
        }
        if bar.disagreeing {
            marks.push("≠");
        }
        if !marks.is_empty() {
            let colour = if bar.disagreeing {
                theme::DISAGREEING_MARK
            } else {
                theme::RECORD_MARK
            };
            plot.text(
                Text::new("", PlotPoint::new(bar.x, top), marks.join(" "))
                    .color(colour)
                    .anchor(egui::Align2::CENTER_BOTTOM),
            );
        }
    }
}

/// Each bar's screen rectangle, its range cap included.
fn bar_rects(data: &ChartData, transform: &egui_plot::PlotTransform) -> Vec<Rect> {
    data.bars
        .iter()
        .map(|bar| {
            let top = bar.upper_billions.unwrap_or(bar.billions);
            Rect::from_two_pos(
                transform.position_from_point(&PlotPoint::new(bar.x - bar.width / 2.0, 0.0)),
                transform.position_from_point(&PlotPoint::new(bar.x + bar.width / 2.0, top)),
            )
        })
        .collect()
}

/// One grid line per whole year (or rank), all of one weight, every tenth one only when
/// there are too many to label.
fn whole_steps(input: &GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let (first, last) = (low.ceil() as i64, high.floor() as i64);
    let step = if last - first > 24 { 10 } else { 1 };
    (first..=last)
        .filter(|value| value % step == 0)
        .map(|value| GridMark {
            value: value as f64,
            step_size: step as f64,
        })
        .collect()
}

/// The x axis: years on the time axis, pair names in the overview.
fn axis_label(mode: ChartMode, labels: &[(f64, String)], value: f64) -> String {
    match mode {
        ChartMode::Timeline => {
            let year = value.round();
            if (value - year).abs() < 1e-6 {
                format!("{year:.0}")
            } else {
                String::new()
            }
        }
        ChartMode::TopPairs => labels
            .iter()
            .find(|(x, _)| (x - value).abs() < 1e-6)
            .map(|(_, label)| label.clone())
            .unwrap_or_default(),
    }
}

/// The bars of one kind: filled, or hollow for pledges; a range's high end as a hollow cap.
fn kind_chart(data: &ChartData, kind: FigureKind, selected: Option<usize>) -> BarChart {
    let colour = theme::figure_kind_colour(kind);
    let mut bars = Vec::new();
    for bar in data.bars.iter().filter(|bar| bar.kind == kind) {
        let chosen = selected.is_some_and(|figure| bar.figures.contains(&figure));
        let outline = if chosen { theme::SELECTED_BAR } else { colour };
        let body = Bar::new(bar.x, bar.billions)
            .width(bar.width)
            .stroke(Stroke::new(theme::BAR_STROKE_PX, outline));
        bars.push(if bar.promise {
            body.fill(Color32::TRANSPARENT)
        } else {
            body.fill(colour)
        });
        if let Some(upper) = bar.upper_billions {
            bars.push(
                Bar::new(bar.x, upper - bar.billions)
                    .base_offset(bar.billions)
                    .width(bar.width)
                    .fill(Color32::TRANSPARENT)
                    .stroke(Stroke::new(1.0, outline)),
            );
        }
    }
    BarChart::new(kind.label(), bars)
        .color(colour)
        .allow_hover(false)
}

/// A bar's tooltip: for each of its figures the title, both amounts, the dollar value and the
/// rate, the status, and the sentence.
fn bar_tooltip_ui(ui: &mut Ui, bar: &ChartBar, figures: &[Figure]) {
    if !bar.label.is_empty() {
        ui.strong(format!(
            "{}: ${} in all",
            bar.label,
            super::format::scaled(bar.billions * 1e9)
        ));
    }
    for &index in bar.figures.iter().take(3) {
        let Some(figure) = figures.get(index) else {
            continue;
        };
        ui.strong(figure_title(figure));
        for line in figure_details(figure, bar.disagreeing) {
            ui.label(line);
        }
        ui.label(egui::RichText::new(&figure.evidence.text).italics());
    }
    if bar.figures.len() > 3 {
        ui.label(format!("and {} more", bar.figures.len() - 3));
    }
    ui.label(egui::RichText::new("Click to read the evidence").weak());
}
