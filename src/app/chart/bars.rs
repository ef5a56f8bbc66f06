//! What the figures chart shows, as data: the bars, the period labels, and the figures listed
//! apart (no period, not converted, not figures at all). No drawing here, so the grouping
//! rules are tested without a window.
//!
//! With an edge or an actor selected, the chart is a time axis: one bar per figure at its
//! period, figures of one period side by side (several kinds, or values that disagree). With
//! nothing selected it ranks the pairs by their total in US dollars.

use std::collections::BTreeMap;

use crate::model::{ActorId, Figure, FigureKind};

use super::super::command::Selection;

/// How many pairs the overview ranks.
pub const TOP_PAIRS: usize = 8;

/// Share of a period's width its bars fill (the rest is the gap between periods).
const FILLED_SHARE: f64 = 0.8;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartBar {
    /// The figures it stands for, largest first (one on the time axis; all of a pair's in the
    /// overview). Indices into the map's figures.
    pub figures: Vec<usize>,
    /// Centre on the x axis (a year, or a rank in the overview).
    pub x: f64,
    /// Width in x units.
    pub width: f64,
    /// Height: billions of US dollars (the low end of a range).
    pub billions: f64,
    /// The high end of a range, in billions.
    pub upper_billions: Option<f64>,
    /// The kind (the largest figure's in the overview).
    pub kind: FigureKind,
    /// Pledged or proposed: drawn hollow.
    pub promise: bool,
    /// The text calls it a record.
    pub record: bool,
    /// Another figure of the same pair, kind and period gives a different value.
    pub disagreeing: bool,
    /// The label under the bar in the overview ("CHN–RUS").
    pub label: String,
}

/// How the chart is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartMode {
    /// A time axis for the selected edge or actor.
    Timeline,
    /// The largest pairs by total.
    TopPairs,
}

/// Everything the chart and its lists show.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// Time axis or overview.
    pub mode: ChartMode,
    /// The bars, by x.
    pub bars: Vec<ChartBar>,
    /// Charted figures of the view with no period (listed, not on the time axis).
    pub undated: Vec<usize>,
    /// Figures of the view with no US-dollar value (listed apart with the reason).
    pub not_converted: Vec<usize>,
    /// Amounts that are no figures: prices, salaries, amounts with no actor or kind.
    pub other_amounts: Vec<usize>,
    /// The kinds the bars use, in legend order.
    pub kinds: Vec<FigureKind>,
}

/// Whether `figure` belongs to the view of `selection`.
fn in_selection(figure: &Figure, selection: Option<&Selection>) -> bool {
    match selection {
        Some(Selection::Edge(key)) => {
            figure.actors.len() == 2
                && figure.actors.contains(&key.a)
                && figure.actors.contains(&key.b)
        }
        Some(Selection::Node(actor)) => figure.actors.contains(actor),
        None => true,
    }
}

/// The chart of `figures` for `selection`, showing only `kind` when given.
pub fn chart_data(
    figures: &[Figure],
    selection: Option<&Selection>,
    kind: Option<FigureKind>,
) -> ChartData {
    let mode = if selection.is_some() {
        ChartMode::Timeline
    } else {
        ChartMode::TopPairs
    };
    let mut charted = Vec::new();
    let mut data = ChartData {
        mode,
        bars: Vec::new(),
        undated: Vec::new(),
        not_converted: Vec::new(),
        other_amounts: Vec::new(),
        kinds: Vec::new(),
    };
    for (index, figure) in figures.iter().enumerate() {
        if !in_selection(figure, selection) {
            continue;
        }
        if !figure.is_charted() {
            data.other_amounts.push(index);
        } else if kind.is_some_and(|kind| kind != figure.kind) {
            // Of a kind the filter hides: neither charted nor listed.
        } else if figure.usd.is_none() {
            data.not_converted.push(index);
        } else if mode == ChartMode::Timeline && period_x(figure).is_none() {
            data.undated.push(index);
        } else {
            charted.push(index);
        }
    }
    data.bars = match mode {
        ChartMode::Timeline => timeline_bars(figures, &charted),
        ChartMode::TopPairs => top_pair_bars(figures, &charted),
    };
    let mut kinds: Vec<FigureKind> = data.bars.iter().map(|bar| bar.kind).collect();
    kinds.sort();
    kinds.dedup();
    data.kinds = kinds;
    data
}

/// Where a period starts on the time axis and how wide it is: a year is centred on its
/// number ("2022" from 2021.5, wide 1), "2022-H2" from 2022.0 wide 0.5, "2022-Q3" from 2022.0
/// wide 0.25.
pub fn period_x(figure: &Figure) -> Option<(f64, f64)> {
    let year = f64::from(figure.year()?) - 0.5;
    let part = figure.period.as_deref().and_then(|period| period.get(5..));
    Some(match part {
        Some("H1") => (year, 0.5),
        Some("H2") => (year + 0.5, 0.5),
        Some("Q1") => (year, 0.25),
        Some("Q2") => (year + 0.25, 0.25),
        Some("Q3") => (year + 0.5, 0.25),
        Some("Q4") => (year + 0.75, 0.25),
        _ => (year, 1.0),
    })
}

/// One bar per figure at its period; a period's figures side by side, by kind then value.
fn timeline_bars(figures: &[Figure], charted: &[usize]) -> Vec<ChartBar> {
    let mut by_period: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &index in charted {
        let period = figures[index].period.clone().unwrap_or_default();
        by_period.entry(period).or_default().push(index);
    }
    let mut bars = Vec::new();
    for indices in by_period.values_mut() {
        indices.sort_by(|&a, &b| {
            let (x, y) = (&figures[a], &figures[b]);
            (x.kind, x.usd.unwrap_or(0.0).to_bits(), a).cmp(&(
                y.kind,
                y.usd.unwrap_or(0.0).to_bits(),
                b,
            ))
        });
        let Some((start, span)) = indices.first().and_then(|&first| period_x(&figures[first]))
        else {
            continue;
        };
        let width = span * FILLED_SHARE / indices.len() as f64;
        let left = start + span * (1.0 - FILLED_SHARE) / 2.0;
        for (slot, &index) in indices.iter().enumerate() {
            let figure = &figures[index];
            let disagreeing = indices.iter().any(|&other| {
                other != index
                    && figures[other].kind == figure.kind
                    && !crate::extract::figures::merge::same_value(&figures[other], figure)
            });
            bars.push(bar_of(
                figure,
                vec![index],
                left + width * (slot as f64 + 0.5),
                width,
                disagreeing,
                String::new(),
            ));
        }
    }
    bars.sort_by(|a, b| a.x.total_cmp(&b.x));
    bars
}

/// The pairs with the largest totals, one bar each, largest first.
fn top_pair_bars(figures: &[Figure], charted: &[usize]) -> Vec<ChartBar> {
    let mut by_pair: BTreeMap<&[ActorId], Vec<usize>> = BTreeMap::new();
    for &index in charted {
        by_pair
            .entry(figures[index].actors.as_slice())
            .or_default()
            .push(index);
    }
    let total =
        |indices: &[usize]| -> f64 { indices.iter().filter_map(|&index| figures[index].usd).sum() };
    let mut pairs: Vec<(&[ActorId], Vec<usize>, f64)> = by_pair
        .into_iter()
        .map(|(pair, indices)| {
            let sum = total(&indices);
            (pair, indices, sum)
        })
        .collect();
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(b.0)));
    pairs.truncate(TOP_PAIRS);
    pairs
        .into_iter()
        .enumerate()
        .map(|(rank, (pair, mut indices, sum))| {
            indices.sort_by(|&a, &b| {
                let value = |at: usize| figures[at].usd.unwrap_or(0.0);
                value(b).total_cmp(&value(a)).then(a.cmp(&b))
            });
            let largest = &figures[indices[0]];
            let mut bar = bar_of(
                largest,
                indices.clone(),
                rank as f64,
                0.6,
                false,
                pair.join("–"),
            );
            bar.billions = sum / 1e9;
            bar.upper_billions = None;
            bar.promise = indices.iter().all(|&at| figures[at].status.is_promise());
            bar.record = indices.iter().any(|&at| figures[at].record);
            bar
        })
        .collect()
}

fn bar_of(
    figure: &Figure,
    figures: Vec<usize>,
    x: f64,
    width: f64,
    disagreeing: bool,
    label: String,
) -> ChartBar {
    ChartBar {
        figures,
        x,
        width,
        billions: figure.usd.unwrap_or(0.0) / 1e9,
        upper_billions: figure
            .usd_upper()
            .filter(|&upper| Some(upper) != figure.usd)
            .map(|upper| upper / 1e9),
        kind: figure.kind,
        promise: figure.status.is_promise(),
        record: figure.record,
        disagreeing,
        label,
    }
}

#[cfg(test)]
mod tests {
    use super::{ChartMode, Selection, chart_data};
    use crate::model::{
        Amount, EdgeKey, Evidence, Figure, FigureKind, FigureRole, FigureStatus, Span,
    };

    fn figure(pair: [&str; 2], kind: FigureKind, period: Option<&str>, usd: Option<f64>) -> Figure {
        let mut figure = Figure::new(
            kind,
            pair.iter().map(|id| (*id).to_owned()).collect(),
            vec![Amount::new(usd.unwrap_or(1.0), "USD")],
            period.map(str::to_owned),
            Evidence {
                doc: "d".into(),
                sentence: 0,
                text: "s".into(),
                cue: "s".into(),
                cue_span: Span::new(0, 1),
                mentions: vec![],
            },
        );
        figure.usd = usd;
        figure
    }

    fn edge() -> Selection {
        Selection::Edge(EdgeKey::new("DEU", "UKR"))
    }

    #[test]
    fn a_period_with_two_values_of_one_kind_flags_both_and_other_kinds_stand_beside() {
        let figures = vec![
            figure(["DEU", "UKR"], FigureKind::Aid, Some("2022"), Some(3e9)),
            figure(["DEU", "UKR"], FigureKind::Aid, Some("2022"), Some(5e9)),
            figure(["DEU", "UKR"], FigureKind::Trade, Some("2022"), Some(9e9)),
            figure(["DEU", "UKR"], FigureKind::Aid, Some("2021"), Some(1e9)),
            figure(["DEU", "POL"], FigureKind::Aid, Some("2022"), Some(1e9)),
        ];
        let data = chart_data(&figures, Some(&edge()), None);
        assert_eq!(data.mode, ChartMode::Timeline);
        assert_eq!(data.bars.len(), 4, "the DEU-POL figure is another pair's");
        assert_eq!(data.bars[0].figures, [3], "2021 first");
        let flags: Vec<(usize, bool)> = data
            .bars
            .iter()
            .map(|bar| (bar.figures[0], bar.disagreeing))
            .collect();
        // A period's bars by kind (legend order), then value.
        assert_eq!(flags, [(3, false), (2, false), (0, true), (1, true)]);
        assert!(data.bars[1].x < data.bars[2].x && data.bars[2].x < data.bars[3].x);
        assert!((data.bars[1].x - 2022.0).abs() < 0.5, "inside its year");
        assert_eq!(data.kinds, [FigureKind::Trade, FigureKind::Aid]);
    }

    #[test]
    fn figures_off_the_time_axis_are_listed_apart() {
        let mut price = figure(["DEU", "UKR"], FigureKind::Other, Some("2022"), Some(9.0));
        price.role = FigureRole::Price;
        let figures = vec![
            figure(["DEU", "UKR"], FigureKind::Aid, None, Some(3e9)),
            figure(["DEU", "UKR"], FigureKind::Aid, Some("1998"), None),
            price,
        ];
        let data = chart_data(&figures, Some(&edge()), None);
        assert!(data.bars.is_empty());
        assert_eq!(data.undated, [0]);
        assert_eq!(data.not_converted, [1]);
        assert_eq!(data.other_amounts, [2]);
    }

    #[test]
    fn with_nothing_selected_the_largest_pairs_rank_by_total_and_a_kind_filters_them() {
        let mut pledge = figure(["CHN", "PAK"], FigureKind::Loan, Some("2021"), Some(4e9));
        pledge.status = FigureStatus::Pledged;
        let figures = vec![
            figure(["DEU", "UKR"], FigureKind::Aid, Some("2022"), Some(3e9)),
            figure(["DEU", "UKR"], FigureKind::Aid, Some("2023"), Some(2e9)),
            pledge,
            figure(
                ["CHN", "RUS"],
                FigureKind::Trade,
                Some("2022"),
                Some(1.9e11),
            ),
        ];
        let data = chart_data(&figures, None, None);
        assert_eq!(data.mode, ChartMode::TopPairs);
        let labels: Vec<&str> = data.bars.iter().map(|bar| bar.label.as_str()).collect();
        assert_eq!(labels, ["CHN–RUS", "DEU–UKR", "CHN–PAK"]);
        assert!((data.bars[1].billions - 5.0).abs() < 1e-9, "a pair's total");
        assert_eq!(data.bars[1].figures, [0, 1], "largest first");
        assert!(data.bars[2].promise);
        let aid = chart_data(&figures, None, Some(FigureKind::Aid));
        assert_eq!(aid.bars.len(), 1);
        assert_eq!(aid.bars[0].label, "DEU–UKR");
        let of_china = chart_data(&figures, Some(&Selection::Node("CHN".into())), None);
        assert_eq!(
            of_china.bars.len(),
            2,
            "an actor's figures with every partner"
        );
    }
}
