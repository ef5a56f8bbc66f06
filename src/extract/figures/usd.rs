//! One unit to compare: every figure's value in US dollars of its period.
//!
//! The text's own conversion wins ("1.28 trillion yuan ($190 billion)": $190 billion, and the
//! rate it implies); otherwise the first amount is converted with the annual average rate of
//! the figure's year ([`Rates`]), or of the document's year when the text names no period.
//! A figure with no rate for its currency and year is left unconverted with the reason
//! ("no USD rate for RUB in 1998"), never dropped or converted with another year's rate.

use crate::extract::DocDate;
use crate::extract::money::rates::Rates;
use crate::model::{Figure, RateSource, TieMap, UNKNOWN_CURRENCY, UsdRate};

/// Converts the figures of a map saved before figures had a dollar value (no `usd`, no
/// `rate`, no `not_converted`), each with its document's year standing in for a missing
/// period; figures converted already are left as they are.
pub fn convert_saved_figures(map: &mut TieMap) {
    let rates = Rates::builtin();
    for figure in &mut map.figures {
        if figure.usd.is_some() || figure.rate.is_some() || figure.not_converted.is_some() {
            continue;
        }
        let document_year = map
            .documents
            .iter()
            .find(|document| document.id == figure.evidence.doc)
            .and_then(|document| document.date.as_deref())
            .and_then(DocDate::parse)
            .map(|date| date.year);
        convert_to_usd(figure, document_year, rates);
    }
}

/// Fills `usd`, `rate` and `not_converted` of `figure`; `document_year` stands in for a
/// figure with no period of its own.
pub(super) fn convert_to_usd(figure: &mut Figure, document_year: Option<i32>, rates: &Rates) {
    let year = figure.year().or(document_year);
    figure.usd = None;
    figure.rate = None;
    figure.not_converted = None;
    let Some(first) = figure.amounts.first() else {
        figure.not_converted = Some("no amount".to_owned());
        return;
    };
    if let Some(usd) = figure.text_usd() {
        figure.usd = Some(usd);
        if first.currency != "USD" && usd > 0.0 {
            figure.rate = Some(UsdRate {
                currency: first.currency.clone(),
                per_usd: first.value / usd,
                year,
                source: RateSource::Text,
            });
        }
        return;
    }
    if first.currency == UNKNOWN_CURRENCY {
        figure.not_converted = Some("no USD rate: the currency is not known".to_owned());
        return;
    }
    let Some(year) = year else {
        figure.not_converted = Some(format!(
            "no USD rate for {}: the text gives no year",
            first.currency
        ));
        return;
    };
    match rates.per_usd(&first.currency, year) {
        Some(per_usd) => {
            figure.usd = Some(first.value / per_usd);
            figure.rate = Some(UsdRate {
                currency: first.currency.clone(),
                per_usd,
                year: Some(year),
                source: RateSource::AnnualAverage,
            });
        }
        None => {
            figure.not_converted = Some(format!("no USD rate for {} in {year}", first.currency));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::convert_to_usd;
    use crate::extract::money::rates::Rates;
    use crate::model::{Amount, Evidence, Figure, FigureKind, RateSource, Span};

    fn figure(amounts: Vec<Amount>, period: Option<&str>) -> Figure {
        Figure::new(
            FigureKind::Trade,
            vec!["CHN".into(), "RUS".into()],
            amounts,
            period.map(str::to_owned),
            Evidence {
                doc: "d".into(),
                sentence: 0,
                text: "s".into(),
                cue: "s".into(),
                cue_span: Span::new(0, 1),
                mentions: vec![],
            },
        )
    }

    #[test]
    fn the_texts_own_conversion_wins_and_gives_the_rate() {
        let rates = Rates::parse("2022,CNY,6.73\n");
        let mut both = figure(
            vec![Amount::new(1.28e12, "CNY"), Amount::new(1.9e11, "USD")],
            Some("2022"),
        );
        convert_to_usd(&mut both, None, &rates);
        assert_eq!(both.usd, Some(1.9e11));
        let rate = both.rate.expect("rate");
        assert_eq!(rate.source, RateSource::Text);
        assert!((rate.per_usd - 1.28e12 / 1.9e11).abs() < 1e-9);
    }

    #[test]
    fn other_currencies_use_the_annual_rate_of_their_year_or_say_why_not() {
        let rates = Rates::parse("2022,CNY,6.73\n2021,EUR,0.85\n");
        let mut yuan = figure(vec![Amount::new(6.73e9, "CNY")], Some("2022-H1"));
        convert_to_usd(&mut yuan, None, &rates);
        assert!((yuan.usd.expect("usd") - 1e9).abs() < 1.0);
        assert_eq!(yuan.rate.expect("rate").year, Some(2022));
        let mut euro = figure(vec![Amount::new(1e9, "EUR")], None);
        convert_to_usd(&mut euro, Some(2021), &rates);
        assert!(euro.usd.is_some(), "the document's year stands in");
        let mut roubles = figure(vec![Amount::new(1e9, "RUB")], Some("1998"));
        convert_to_usd(&mut roubles, None, &rates);
        assert_eq!(roubles.usd, None);
        assert_eq!(
            roubles.not_converted.as_deref(),
            Some("no USD rate for RUB in 1998")
        );
        let mut undated = figure(vec![Amount::new(1e9, "EUR")], None);
        convert_to_usd(&mut undated, None, &rates);
        assert!(
            undated
                .not_converted
                .is_some_and(|why| why.contains("no year"))
        );
    }
}
