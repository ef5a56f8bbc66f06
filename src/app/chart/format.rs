//! Figures in words, as a reader would write them: "$190 billion", "1.28 trillion yuan",
//! "nearly $2-3 billion", the rate a figure was converted with, and the tooltip of a bar.

use crate::model::{Amount, Approximation, Figure, RateSource, UNKNOWN_CURRENCY};

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
pub fn scaled(value: f64) -> String {
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
    format!("{}{word}", three_digits(value / divisor))
}

/// Three significant digits at most, trailing zeros dropped: 1.28, 190, 3.5.
fn three_digits(number: f64) -> String {
    let decimals = if number.abs() >= 100.0 {
        0
    } else if number.abs() >= 10.0 {
        1
    } else if number.abs() >= 1.0 {
        2
    } else {
        3
    };
    let text = format!("{number:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// "2-3 billion" for a range, "190 billion" otherwise.
fn scaled_range(value: f64, upper: Option<f64>) -> String {
    let Some(upper) = upper else {
        return scaled(value);
    };
    let high = scaled(upper);
    let unit = high.split_once(' ').map(|(_, unit)| unit);
    let low = scaled(value);
    match (low.split_once(' '), unit) {
        // "2-3 billion" when both ends share their scale word.
        (Some((number, low_unit)), Some(unit)) if low_unit == unit => format!("{number}-{high}"),
        _ => format!("{low}-{high}"),
    }
}

/// An amount as a reader would write it: "$190 billion", "€3 million", "1.28 trillion yuan",
/// "12 million CHF", "$2-3 billion".
pub fn format_amount(amount: &Amount) -> String {
    let number = scaled_range(amount.value, amount.upper);
    match amount.currency.as_str() {
        "USD" => format!("${number}"),
        "EUR" => format!("€{number}"),
        "GBP" => format!("£{number}"),
        "CNY" => format!("{number} yuan"),
        "JPY" => format!("{number} yen"),
        "RUB" => format!("{number} roubles"),
        "INR" => format!("{number} rupees"),
        UNKNOWN_CURRENCY => format!("{number} (currency not known)"),
        other => format!("{number} {other}"),
    }
}

/// Every amount of a figure, as the text gives them: "1.28 trillion yuan ($190 billion)",
/// "nearly $65 billion".
pub fn figure_amounts(figure: &Figure) -> String {
    let mut amounts = figure.amounts.iter().map(format_amount);
    let Some(first) = amounts.next() else {
        return "no amount".into();
    };
    let rest: Vec<String> = amounts.collect();
    let prefix = figure.approximation.prefix();
    if rest.is_empty() {
        format!("{prefix}{first}")
    } else {
        format!("{prefix}{first} ({})", rest.join(", "))
    }
}

/// The dollar value and the rate it was converted with: "$2.97 billion at 6.73 CNY per USD,
/// the 2021 annual average", "the text's own conversion: 6.74 CNY per USD (2022)".
pub fn usd_line(figure: &Figure) -> String {
    let Some(usd) = figure.usd else {
        return format!(
            "not converted: {}",
            figure
                .not_converted
                .as_deref()
                .unwrap_or("no US-dollar value")
        );
    };
    let dollars = format_amount(&Amount {
        value: usd,
        currency: "USD".into(),
        upper: figure
            .amounts
            .first()
            .and_then(|first| first.upper)
            .and(figure.usd_upper()),
    });
    let Some(rate) = &figure.rate else {
        return format!("{dollars} (given in dollars)");
    };
    let per = format!("{} {} per USD", three_digits(rate.per_usd), rate.currency);
    let year = rate.year.map(|year| year.to_string());
    match (rate.source, year) {
        (RateSource::Text, Some(year)) => {
            format!("{dollars}: the text's own conversion, {per} ({year})")
        }
        (RateSource::Text, None) => format!("{dollars}: the text's own conversion, {per}"),
        (RateSource::AnnualAverage, year) => format!(
            "{dollars} at {per}, the {} annual average (Federal Reserve)",
            year.unwrap_or_default()
        ),
    }
}

/// The lines of a figure's tooltip and list entry beyond its title: amounts, dollars and rate,
/// status, record, reports.
pub fn figure_details(figure: &Figure, disagreeing: bool) -> Vec<String> {
    let mut lines = vec![figure_amounts(figure), usd_line(figure)];
    let mut flags = Vec::new();
    if figure.status.is_promise() || figure.status == crate::model::FigureStatus::Delivered {
        flags.push(figure.status.label().to_owned());
    }
    if figure.approximation != Approximation::Exact {
        flags.push("approximate".to_owned());
    }
    if figure.record {
        flags.push("a record".to_owned());
    }
    let documents = figure.document_count();
    if documents > 1 {
        flags.push(format!("reported by {documents} articles"));
    } else if !figure.sources.is_empty() {
        flags.push(format!("reported {} times", figure.sources.len() + 1));
    }
    if disagreeing {
        flags.push("other reports give a different value".to_owned());
    }
    if !flags.is_empty() {
        lines.push(flags.join(" · "));
    }
    if let Some(note) = &figure.currency_note {
        lines.push(note.clone());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_the_text_would_say_them() {
        assert_eq!(format_amount(&Amount::new(1.9e11, "USD")), "$190 billion");
        assert_eq!(
            format_amount(&Amount::new(1.28e12, "CNY")),
            "1.28 trillion yuan"
        );
        assert_eq!(format_amount(&Amount::new(3.5e6, "CHF")), "3.5 million CHF");
        let range = Amount {
            upper: Some(3e9),
            ..Amount::new(2e9, "USD")
        };
        assert_eq!(format_amount(&range), "$2-3 billion");
        let wide = Amount {
            upper: Some(1.2e9),
            ..Amount::new(8e8, "USD")
        };
        assert_eq!(format_amount(&wide), "$800 million-1.2 billion");
    }
}
