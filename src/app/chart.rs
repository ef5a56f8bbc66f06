//! The chart of reported figures: one bar per figure that has a US-dollar amount, in billions
//! of dollars, with a tooltip giving every amount as the text gave it, whether it is a record,
//! and the sentence. Below it, every figure in words, including those with no dollar amount,
//! which are shown in their own currency: nothing is converted, since the text did not say.

use eframe::egui;
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use super::command::Selection;
use super::theme;
use crate::model::{Amount, Figure, TieMap};

/// The figures to chart: those of the selected edge when it has any, else all of them.
pub fn figures_in_view<'a>(
    map: &'a TieMap,
    selection: Option<&Selection>,
) -> (Vec<&'a Figure>, bool) {
    if let Some(Selection::Edge(key)) = selection {
        let between = map.figures_between(&key.a, &key.b);
        if !between.is_empty() {
            return (between, true);
        }
    }
    (map.figures.iter().collect(), false)
}

/// "CHN–RUS trade 2022".
pub fn figure_title(figure: &Figure) -> String {
    let mut title = figure.actors.join("–");
    if !title.is_empty() {
        title.push(' ');
    }
    title.push_str(figure.kind.label());
    if let Some(period) = &figure.period {
        title.push(' ');
        title.push_str(period);
    }
    title
}

/// "1.28 trillion", "190 billion", "3.5 million", "820".
fn scaled(value: f64) -> String {
    let magnitude = value.abs();
    let (divisor, word) = if magnitude >= 1e12 {
        (1e12, " trillion")
    } else if magnitude >= 1e9 {
        (1e9, " billion")
    } else if magnitude >= 1e6 {
        (1e6, " million")
    } else {
        (1.0, "")
    };
    let number = value / divisor;
    // Three significant digits at most, trailing zeros dropped: 1.28, 190, 3.5.
    let decimals = if number.abs() >= 100.0 {
        0
    } else if number.abs() >= 10.0 {
        1
    } else {
        2
    };
    let text = format!("{number:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    format!("{text}{word}")
}

/// An amount as a reader would write it: "$190 billion", "€3 million", "1.28 trillion yuan",
/// "12 million CHF".
pub fn format_amount(amount: &Amount) -> String {
    let number = scaled(amount.value);
    match amount.currency.as_str() {
        "USD" => format!("${number}"),
        "EUR" => format!("€{number}"),
        "GBP" => format!("£{number}"),
        "CNY" => format!("{number} yuan"),
        "JPY" => format!("{number} yen"),
        "RUB" => format!("{number} roubles"),
        "INR" => format!("{number} rupees"),
        other => format!("{number} {other}"),
    }
}

/// Every amount of a figure, as the text gives them: "1.28 trillion yuan ($190 billion)".
pub fn figure_amounts(figure: &Figure) -> String {
    let mut amounts = figure.amounts.iter().map(format_amount);
    let Some(first) = amounts.next() else {
        return "no amount".into();
    };
    let rest: Vec<String> = amounts.collect();
    if rest.is_empty() {
        first
    } else {
        format!("{first} ({})", rest.join(", "))
    }
}

/// The tooltip of a bar.
fn bar_tooltip(figure: &Figure) -> String {
    let mut text = format!("{}\n{}", figure_title(figure), figure_amounts(figure));
    if figure.record {
        text.push_str("\nrecord");
    }
    text.push_str("\n\n");
    text.push_str(&figure.evidence.text);
    text
}

/// Draws the chart and the list of figures.
pub fn figures_ui(ui: &mut Ui, map: &TieMap, selection: Option<&Selection>) {
    let (figures, of_selection) = figures_in_view(map, selection);
    ui.horizontal(|ui| {
        ui.heading("Reported figures");
        if of_selection {
            ui.label(RichText::new("of the selected edge").weak());
        }
    });
    if figures.is_empty() {
        ui.label("No amounts of money are reported.");
        return;
    }
    let charted: Vec<(&Figure, f64)> = figures
        .iter()
        .filter_map(|figure| figure.usd.map(|usd| (*figure, usd / 1e9)))
        .collect();
    if !charted.is_empty() {
        let bars: Vec<Bar> = charted
            .iter()
            .enumerate()
            .map(|(index, (figure, billions))| {
                Bar::new(index as f64, *billions)
                    .name(bar_tooltip(figure))
                    .fill(theme::BAR)
                    .width(0.6)
            })
            .collect();
        let names: Vec<String> = charted
            .iter()
            .map(|(figure, _)| figure_title(figure))
            .collect();
        let chart = BarChart::new("figures", bars)
            .color(theme::BAR)
            .element_formatter(Box::new(|bar, _| bar.name.clone()));
        Plot::new("figures_chart")
            .height(theme::CHART_HEIGHT)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .show_x(false)
            .show_y(false)
            .include_y(0.0)
            .include_x(-0.6)
            .include_x(charted.len() as f64 - 0.4)
            .y_axis_label("billions of USD")
            .x_axis_formatter(move |mark, _| {
                let index = mark.value.round();
                if (mark.value - index).abs() > 1e-6 || index < 0.0 {
                    return String::new();
                }
                names.get(index as usize).cloned().unwrap_or_default()
            })
            .show(ui, |plot| plot.bar_chart(chart));
    }
    for figure in figures {
        let mut line = format!("{}: {}", figure_title(figure), figure_amounts(figure));
        if figure.record {
            line.push_str(", a record");
        }
        if figure.usd.is_none() {
            line.push_str(" (no dollar amount given: not charted)");
        }
        ui.label(line).on_hover_text(&figure.evidence.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_the_text_would_say_them() {
        let usd = Amount::new(1.9e11, "USD");
        let cny = Amount::new(1.28e12, "CNY");
        let chf = Amount::new(3.5e6, "CHF");
        assert_eq!(format_amount(&usd), "$190 billion");
        assert_eq!(format_amount(&cny), "1.28 trillion yuan");
        assert_eq!(format_amount(&chf), "3.5 million CHF");
    }
}
