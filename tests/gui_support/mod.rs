//! What the GUI tests share: a small hand-built map (so tests know exactly which ties exist)
//! and helpers to build a harness around the app and to click at a screen position.

#![allow(
    dead_code,
    reason = "each test file uses a different part of the support"
)]

use eframe::egui;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use tiemap::app::TiemapApp;
use tiemap::model::{
    Actor, ActorKind, Amount, Category, Document, Evidence, Figure, FigureKind, Mention, Span, Tie,
    TieMap,
};

/// The window size of every GUI test.
pub const WINDOW: [f32; 2] = [1000.0, 700.0];

/// The sentence behind the CHN-RUS partnership.
pub const PARTNERSHIP_SENTENCE: &str =
    "China and Russia declared a partnership with no limits between the two nations.";
/// The sentence behind the RUS-UKR assault.
pub const INVASION_SENTENCE: &str = "Russia launched an invasion of Ukraine.";
/// The sentence behind the CHN-RUS trade figure.
pub const TRADE_SENTENCE: &str =
    "Trade between China and Russia reached a record 1.28 trillion yuan ($190 billion) last year.";

fn actor(id: &str, name: &str, kind: ActorKind) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind,
    }
}

/// Evidence for `text`, with the mentions and the cue found by searching for their words.
fn evidence(sentence: usize, text: &str, cue: &str, mentions: &[(&str, &str)]) -> Evidence {
    let span_of = |needle: &str| {
        let start = text
            .find(needle)
            .expect("fixture words are in the sentence");
        Span::new(start, start + needle.len())
    };
    Evidence {
        doc: "fixture".into(),
        sentence,
        text: text.into(),
        cue: cue.into(),
        cue_span: span_of(cue),
        mentions: mentions
            .iter()
            .map(|(actor, words)| Mention {
                actor: (*actor).into(),
                text: (*words).into(),
                span: span_of(words),
            })
            .collect(),
    }
}

fn tie(
    source: &str,
    target: &str,
    category: Category,
    mode: &str,
    flags: (bool, bool),
    evidence: Vec<Evidence>,
) -> Tie {
    Tie {
        source: source.into(),
        target: target.into(),
        category,
        quad: category.quad(),
        mode: mode.into(),
        negated: flags.0,
        hedged: flags.1,
        evidence,
    }
}

/// Five actors, seven ties (one negated, one hedged) and one figure in two currencies.
pub fn fixture_map() -> TieMap {
    let mut map = TieMap::new();
    map.documents = vec![Document {
        id: "fixture".into(),
        title: None,
        date: Some("2023-02".into()),
        text: [PARTNERSHIP_SENTENCE, INVASION_SENTENCE, TRADE_SENTENCE].join(" "),
    }];
    map.actors = vec![
        actor("CHN", "China", ActorKind::Country),
        actor("EUR", "Europe", ActorKind::Bloc),
        actor("NATO", "NATO", ActorKind::Bloc),
        actor("RUS", "Russia", ActorKind::Country),
        actor("UKR", "Ukraine", ActorKind::Country),
        actor("USA", "United States", ActorKind::Country),
    ];
    let plain = (false, false);
    map.ties = vec![
        tie(
            "CHN",
            "RUS",
            Category::Support,
            "partnership",
            plain,
            vec![evidence(
                0,
                PARTNERSHIP_SENTENCE,
                "partnership",
                &[("CHN", "China"), ("RUS", "Russia")],
            )],
        ),
        tie(
            "CHN",
            "RUS",
            Category::Cooperate,
            "trade",
            plain,
            vec![evidence(
                2,
                TRADE_SENTENCE,
                "Trade",
                &[("CHN", "China"), ("RUS", "Russia")],
            )],
        ),
        tie(
            "CHN",
            "RUS",
            Category::Aid,
            "military aid",
            (true, false),
            vec![evidence(
                3,
                "Officials have not seen China providing lethal aid to Russia.",
                "providing lethal aid",
                &[("CHN", "China"), ("RUS", "Russia")],
            )],
        ),
        tie(
            "EUR",
            "CHN",
            Category::Consult,
            "visit",
            (false, true),
            vec![evidence(
                4,
                "European leaders may visit China in the coming months.",
                "visit",
                &[("EUR", "European leaders"), ("CHN", "China")],
            )],
        ),
        tie(
            "RUS",
            "NATO",
            Category::Accuse,
            "blame",
            plain,
            vec![evidence(
                5,
                "The Kremlin blamed NATO for the war.",
                "blamed",
                &[("RUS", "Kremlin"), ("NATO", "NATO")],
            )],
        ),
        tie(
            "RUS",
            "UKR",
            Category::Assault,
            "invasion",
            plain,
            vec![evidence(
                1,
                INVASION_SENTENCE,
                "invasion",
                &[("RUS", "Russia"), ("UKR", "Ukraine")],
            )],
        ),
        tie(
            "USA",
            "CHN",
            Category::Consult,
            "visit",
            plain,
            vec![evidence(
                6,
                "The US Secretary of State visits Beijing.",
                "visits",
                &[("USA", "US Secretary of State"), ("CHN", "Beijing")],
            )],
        ),
    ];
    let mut figure = Figure::new(
        FigureKind::Trade,
        vec!["CHN".into(), "RUS".into()],
        vec![Amount::new(1.28e12, "CNY"), Amount::new(1.9e11, "USD")],
        Some("2022".into()),
        evidence(
            2,
            TRADE_SENTENCE,
            "1.28 trillion yuan ($190 billion)",
            &[("CHN", "China"), ("RUS", "Russia")],
        ),
    );
    figure.record = true;
    figure.usd = Some(1.9e11);
    map.figures = vec![figure];
    map
}

/// A harness around the app showing `map`, already settled.
pub fn settled_harness(map: TieMap) -> Harness<'static, TiemapApp> {
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_theme(egui::Theme::Light)
        .with_max_steps(5_000)
        // Real frame times, so that a double click is two clicks within egui's 0.3 s.
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_creation| TiemapApp::new_for_test(map));
    harness.run();
    assert!(
        harness.state().is_settled(),
        "the layout settles and stops repainting"
    );
    harness
}

/// A primary-button click (press and release) at `pos`, then frames until the window is quiet.
pub fn click_at(harness: &mut Harness<'_, TiemapApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    harness.step();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    // Let time pass so that the next click is not taken for the second half of a double click.
    harness.run_steps(25);
}

/// The screen position of an actor's node.
pub fn node_pos(harness: &Harness<'_, TiemapApp>, actor: &str) -> Pos2 {
    harness
        .state()
        .node_screen_pos(actor)
        .unwrap_or_else(|| panic!("{actor} is on the map"))
}

/// Steps the window until the files it was asked to open have been read (on its worker
/// thread) and shown, for at most about five seconds.
pub fn wait_until_loaded(harness: &mut Harness<'_, TiemapApp>) {
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}

/// Moves the pointer to `pos` and presses the primary button there (the start of a drag).
pub fn press_at(harness: &mut Harness<'_, TiemapApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    harness.step();
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
}

#[path = "../synthetic/mod.rs"]
pub mod synthetic_graph;

/// A generated map of `nodes` actors named after the gazetteer's (then "Region N"), tied as
/// in the synthetic graph, with a few hubs: ties of low-numbered actors have more sentences,
/// so node sizes and label order have something to show.
pub fn generated_map(nodes: usize) -> TieMap {
    let gazetteer = tiemap::extract::Extractor::new()
        .expect("extractor loads")
        .gazetteer()
        .clone();
    let known = gazetteer.actors();
    let id = |index: usize| format!("G{index:05}");
    let name = |index: usize| {
        known
            .get(index)
            .map_or_else(|| format!("Region {index}"), |actor| actor.name.clone())
    };
    let mut map = TieMap::new();
    map.documents = vec![Document {
        id: "generated".into(),
        title: Some(format!("{nodes} generated actors")),
        date: None,
        text: String::new(),
    }];
    map.actors = (0..nodes)
        .map(|index| Actor {
            id: id(index),
            name: name(index),
            kind: if index % 9 == 4 {
                ActorKind::Bloc
            } else {
                ActorKind::Country
            },
        })
        .collect();
    let pairs = synthetic_graph::synthetic_pairs(nodes);
    map.ties = pairs
        .iter()
        .enumerate()
        .map(|(index, &(a, b))| {
            let category = Category::ALL[index % Category::ALL.len()];
            let sentences = 1 + 24 / (1 + a.min(b));
            let text = format!("{} and {} are tied.", name(a), name(b));
            Tie {
                source: id(a),
                target: id(b),
                category,
                quad: category.quad(),
                mode: "generated".into(),
                negated: false,
                hedged: index % 11 == 0,
                evidence: (0..sentences)
                    .map(|sentence| Evidence {
                        doc: "generated".into(),
                        sentence: index * 100 + sentence,
                        text: text.clone(),
                        cue: "tied".into(),
                        cue_span: Span::new(text.len() - 5, text.len() - 1),
                        mentions: vec![],
                    })
                    .collect(),
            }
        })
        .collect();
    map.ties
        .sort_by(|x, y| (&x.source, &x.target).cmp(&(&y.source, &y.target)));
    map
}

/// Types `text` into whatever has the keyboard, then lets the window react.
pub fn type_text(harness: &mut Harness<'_, TiemapApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

/// Presses `key` with `modifiers`, then lets the window react.
pub fn press_key(harness: &mut Harness<'_, TiemapApp>, modifiers: Modifiers, key: egui::Key) {
    for pressed in [true, false] {
        harness.event(Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        });
    }
    harness.run();
}
