//! Said once, counted once: the same figure reported by several articles becomes one figure
//! with every report in `sources`.
//!
//! Two charted figures are the same when they have the same actors, kind and period and their
//! values agree within [`SAME_VALUE_SHARE`] (in US dollars when both are converted, else in
//! their common currency). Different values for the same pair, kind and period stay apart:
//! the chart shows them side by side as disagreeing.

use std::collections::BTreeMap;

use crate::model::{ActorId, Figure, FigureKind};

/// How close two values must be to be one figure: 1% of the larger.
pub const SAME_VALUE_SHARE: f64 = 0.01;

/// What two reports of one figure share.
type FigureKey = (Vec<ActorId>, FigureKind, Option<String>);

/// Merges repeated reports of one figure, keeping the order of first reports. Figures off the
/// chart (prices, salaries, unattributed amounts) are kept as they are.
pub fn merge_figures(figures: &mut Vec<Figure>) {
    let mut merged: Vec<Figure> = Vec::with_capacity(figures.len());
    let mut by_key: BTreeMap<FigureKey, Vec<usize>> = BTreeMap::new();
    for figure in figures.drain(..) {
        if !figure.is_charted() {
            merged.push(figure);
            continue;
        }
        let key = (figure.actors.clone(), figure.kind, figure.period.clone());
        let same = by_key.get(&key).and_then(|indices| {
            indices
                .iter()
                .copied()
                .find(|&at| same_value(&merged[at], &figure))
        });
        if let Some(at) = same {
            absorb(&mut merged[at], figure);
        } else {
            by_key.entry(key).or_default().push(merged.len());
            merged.push(figure);
        }
    }
    *figures = merged;
}

/// Adds the reports of `other` to `kept`.
fn absorb(kept: &mut Figure, other: Figure) {
    kept.record |= other.record;
    let Figure {
        evidence, sources, ..
    } = other;
    for report in std::iter::once(evidence).chain(sources) {
        let known = kept
            .reports()
            .any(|seen| seen.doc == report.doc && seen.sentence == report.sentence);
        if !known {
            kept.sources.push(report);
        }
    }
}

/// Whether two figures give the same value.
pub fn same_value(a: &Figure, b: &Figure) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= SAME_VALUE_SHARE * x.abs().max(y.abs());
    if let (Some(x), Some(y)) = (a.usd, b.usd) {
        return close(x, y);
    }
    match (a.amounts.first(), b.amounts.first()) {
        (Some(x), Some(y)) => x.currency == y.currency && close(x.value, y.value),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::merge_figures;
    use crate::model::{Amount, Evidence, Figure, FigureKind, Span};

    fn reported(doc: &str, usd: f64) -> Figure {
        let mut figure = Figure::new(
            FigureKind::Aid,
            vec!["DEU".into(), "UKR".into()],
            vec![Amount::new(usd, "USD")],
            Some("2023".into()),
            Evidence {
                doc: doc.into(),
                sentence: 0,
                text: format!("{doc} says"),
                cue: "s".into(),
                cue_span: Span::new(0, 1),
                mentions: vec![],
            },
        );
        figure.usd = Some(usd);
        figure
    }

    #[test]
    fn three_reports_within_one_percent_are_one_figure_and_others_stay_apart() {
        let mut figures = vec![
            reported("a", 3.0e9),
            reported("b", 3.02e9),
            reported("c", 5.0e9),
            reported("d", 2.99e9),
        ];
        merge_figures(&mut figures);
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].document_count(), 3);
        assert_eq!(figures[0].evidence.doc, "a");
        assert_eq!(figures[1].document_count(), 1);
        assert_eq!(figures[1].usd, Some(5.0e9));
    }
}
