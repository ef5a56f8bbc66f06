//! The figures chart of one pair over five years, in the real window: hovering a bar shows
//! both amounts and the rate, clicking it shows its evidence, pledges are listed as such; and a
//! small snapshot of the chart alone (`tests/snapshots/figures_five_periods.png`, compared on
//! Mesa's software renderer only, like `gui_snapshot`).
//! Regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test gui_figures`.

use eframe::egui;
use eframe::egui_wgpu;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use egui_kittest::wgpu::{WgpuTestRenderer, create_render_state, default_wgpu_setup};
use tiemap::app::chart::{FiguresView, figures_ui};
use tiemap::app::{Command, Selection, TiemapApp};
use tiemap::extract::money::rates::Rates;
use tiemap::model::{
    Actor, ActorKind, Amount, Category, Document, EdgeKey, Evidence, Figure, FigureKind,
    FigureStatus, RateSource, Span, Tie, TieMap, UsdRate,
};

const DOC: &str = "aid";

fn evidence(sentence: usize, text: &str, cue: &str) -> Evidence {
    let start = text.find(cue).expect("cue in sentence");
    Evidence {
        doc: DOC.into(),
        sentence,
        text: text.into(),
        cue: cue.into(),
        cue_span: Span::new(start, start + cue.len()),
        mentions: vec![],
    }
}

/// One figure of German aid to Ukraine.
fn aid(year: i32, amounts: Vec<Amount>, sentence: usize, text: &str, cue: &str) -> Figure {
    let mut figure = Figure::new(
        FigureKind::Aid,
        vec!["DEU".into(), "UKR".into()],
        amounts,
        Some(year.to_string()),
        evidence(sentence, text, cue),
    );
    let first = &figure.amounts[0];
    if let Some(usd) = figure.text_usd() {
        figure.usd = Some(usd);
        if first.currency != "USD" {
            figure.rate = Some(UsdRate {
                currency: first.currency.clone(),
                per_usd: first.value / usd,
                year: Some(year),
                source: RateSource::Text,
            });
        }
    } else {
        let per_usd = Rates::builtin()
            .per_usd(&first.currency, year)
            .expect("a rate");
        figure.usd = Some(first.value / per_usd);
        figure.rate = Some(UsdRate {
            currency: first.currency.clone(),
            per_usd,
            year: Some(year),
            source: RateSource::AnnualAverage,
        });
    }
    figure
}

const CONVERTED: &str =
    "Germany gave Ukraine 3 billion euros ($3.2 billion) in aid in 2022, a record.";

/// German aid to Ukraine in five years: euros at the annual rate, dollars, a pledge, the
/// text's own conversion (a record), a pledged range.
fn five_year_map() -> TieMap {
    let mut map = TieMap::new();
    map.actors = vec![
        Actor {
            id: "DEU".into(),
            name: "Germany".into(),
            kind: ActorKind::Country,
        },
        Actor {
            id: "UKR".into(),
            name: "Ukraine".into(),
            kind: ActorKind::Country,
        },
    ];
    let text = [
        "Germany gave Ukraine 1 billion euros in aid in 2019.",
        "Germany provided $2 billion in aid to Ukraine in 2020.",
        "Germany pledged $1.5 billion in aid to Ukraine in 2021.",
        CONVERTED,
        "Germany pledged $2-3 billion in aid to Ukraine for 2023.",
    ];
    map.documents = vec![Document {
        id: DOC.into(),
        title: None,
        date: Some("2023-06".into()),
        text: text.join(" "),
    }];
    map.ties = vec![Tie {
        source: "DEU".into(),
        target: "UKR".into(),
        category: Category::Aid,
        quad: Category::Aid.quad(),
        mode: "aid".into(),
        negated: false,
        hedged: false,
        evidence: vec![evidence(1, text[1], "provided")],
    }];
    let mut pledge = aid(
        2021,
        vec![Amount::new(1.5e9, "USD")],
        2,
        text[2],
        "$1.5 billion",
    );
    pledge.status = FigureStatus::Pledged;
    let mut record = aid(
        2022,
        vec![Amount::new(3e9, "EUR"), Amount::new(3.2e9, "USD")],
        3,
        CONVERTED,
        "3 billion euros ($3.2 billion)",
    );
    record.record = true;
    let mut range = aid(
        2023,
        vec![Amount {
            upper: Some(3e9),
            ..Amount::new(2e9, "USD")
        }],
        4,
        text[4],
        "$2-3 billion",
    );
    range.status = FigureStatus::Pledged;
    let mut delivered = aid(
        2020,
        vec![Amount::new(2e9, "USD")],
        1,
        text[1],
        "$2 billion",
    );
    delivered.status = FigureStatus::Delivered;
    map.figures = vec![
        aid(
            2019,
            vec![Amount::new(1e9, "EUR")],
            0,
            text[0],
            "1 billion euros",
        ),
        delivered,
        pledge,
        record,
        range,
    ];
    map
}

fn edge() -> Selection {
    Selection::Edge(EdgeKey::new("DEU", "UKR"))
}

fn harness_on_the_edge() -> Harness<'static, TiemapApp> {
    let map = five_year_map();
    let mut harness = Harness::builder()
        .with_size([1000.0, 760.0])
        .with_theme(egui::Theme::Light)
        .with_max_steps(5_000)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_creation| TiemapApp::new_for_test(map));
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Command::Select(edge()));
    harness.run();
    harness
}

/// The centre of the bar of figure `figure`.
fn bar_centre(harness: &Harness<'_, TiemapApp>, figure: usize) -> Pos2 {
    harness
        .state()
        .chart_bars()
        .iter()
        .find(|(figures, _)| figures.contains(&figure))
        .map(|(_, rect)| rect.center())
        .expect("the figure has a bar")
}

#[test]
fn the_edge_charts_one_bar_per_year_in_time_order() {
    let harness = harness_on_the_edge();
    let bars = harness.state().chart_bars();
    assert_eq!(bars.len(), 5, "one bar per period");
    let order: Vec<usize> = bars.iter().map(|(figures, _)| figures[0]).collect();
    assert_eq!(order, [0, 1, 2, 3, 4]);
    assert!(
        bars.windows(2)
            .all(|pair| pair[0].1.center().x < pair[1].1.center().x),
        "left to right in time"
    );
    harness.get_by_label("of the selected edge");
    harness.get_by_label_contains("DEU–UKR aid 2021: $1.5 billion, pledged");
}

#[test]
fn hovering_a_bar_shows_both_amounts_and_the_rate_and_clicking_shows_its_evidence() {
    let mut harness = harness_on_the_edge();
    let centre = bar_centre(&harness, 3);
    harness.event(Event::PointerMoved(centre));
    // Past egui's tooltip delay.
    harness.run_steps(60);
    harness.get_by_label("€3 billion ($3.2 billion)");
    harness.get_by_label_contains("the text's own conversion, 0.938 EUR per USD (2022)");
    harness.get_by_label(CONVERTED);
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: centre,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    assert_eq!(harness.state().selected_figure(), Some(3));
    harness.event(Event::PointerGone);
    harness.run_steps(10);
    harness.get_by_label("Evidence: DEU–UKR aid 2022");
    harness.get_by_label_contains("sentence 3 · aid");
}

#[test]
fn the_euro_bar_gives_the_annual_rate_it_was_converted_with() {
    let mut harness = harness_on_the_edge();
    let centre = bar_centre(&harness, 0);
    harness.event(Event::PointerMoved(centre));
    harness.run_steps(60);
    harness.get_by_label("€1 billion");
    harness.get_by_label_contains("the 2019 annual average (Federal Reserve)");
}

/// The software renderer the snapshot was made with, or `None` (with the reason) elsewhere.
fn snapshot_renderer() -> Option<egui_wgpu::RenderState> {
    let render_state = std::panic::catch_unwind(|| {
        create_render_state(
            default_wgpu_setup(),
            egui_wgpu::RendererOptions::PREDICTABLE,
        )
    })
    .ok()?;
    let name = render_state.adapter.get_info().name.to_lowercase();
    if name.contains("llvmpipe") || name.contains("lavapipe") {
        Some(render_state)
    } else {
        let required = std::env::var_os("TIEMAP_REQUIRE_SNAPSHOTS").is_some_and(|v| v == "1");
        assert!(!required, "the renderer is {name}, not the snapshot's");
        println!("skipping the chart snapshot: the renderer is {name}");
        None
    }
}

#[test]
fn the_chart_of_a_pair_over_five_periods_looks_as_it_did() {
    let Some(render_state) = snapshot_renderer() else {
        return;
    };
    let map = five_year_map();
    let selection = edge();
    let mut harness = Harness::builder()
        .with_size([460.0, 330.0])
        .with_theme(egui::Theme::Light)
        .renderer(WgpuTestRenderer::from_render_state(render_state))
        .build_ui(move |ui| {
            figures_ui(ui, &map, Some(&selection), FiguresView::default());
        });
    harness.run();
    harness.snapshot("figures_five_periods");
}
