//! The figure rules of issue 10 on short articles written for them (not the bundled one),
//! through the whole pipeline: only real figures are charted, ranges and approximations are
//! kept, every currency is settled or said to be open, every figure is in US dollars of its
//! period (the text's own conversion first), repeated reports are one figure, and pledges are
//! told from deliveries. A user would see wrong, missing or doubled bars in the chart.

use tiemap::extract::Extractor;
use tiemap::model::{
    Approximation, Document, Figure, FigureKind, FigureRole, FigureStatus, RateSource,
};

fn document(id: &str, date: &str, text: &str) -> Document {
    Document {
        id: id.to_owned(),
        title: None,
        date: Some(date.to_owned()),
        text: text.to_owned(),
    }
}

fn figures_of(date: &str, text: &str) -> Vec<Figure> {
    let extractor = Extractor::new().expect("built-in assets load");
    extractor.extract(&document("news", date, text)).figures
}

fn ids(figure: &Figure) -> Vec<&str> {
    figure.actors.iter().map(String::as_str).collect()
}

fn charted(figures: &[Figure]) -> Vec<&Figure> {
    figures
        .iter()
        .filter(|figure| figure.is_charted())
        .collect()
}

#[test]
fn prices_and_salaries_stay_off_the_chart_but_are_listed() {
    let figures = figures_of(
        "2023-05",
        "Saudi Arabia raised the price of its crude to $90 a barrel on Monday. \
         Russian wheat sold at $4,400 per tonne in Egypt. \
         Workers in Mexico earn $15 an hour at the plant. \
         The painting sold for $5 million at auction.",
    );
    assert_eq!(figures.len(), 4, "{figures:#?}");
    assert_eq!(figures[0].role, FigureRole::Price, "{:#?}", figures[0]);
    assert_eq!(figures[1].role, FigureRole::Price, "{:#?}", figures[1]);
    assert!(
        matches!(figures[2].role, FigureRole::Salary | FigureRole::Price),
        "{:#?}",
        figures[2]
    );
    assert_eq!(figures[3].role, FigureRole::Unattributed);
    assert!(charted(&figures).is_empty());
}

#[test]
fn a_flow_per_year_is_a_figure_not_a_price() {
    let figures = figures_of(
        "2023-05",
        "Trade between Brazil and China is worth $150 billion a year, officials said.",
    );
    assert_eq!(charted(&figures).len(), 1, "{figures:#?}");
    assert_eq!(ids(&figures[0]), ["BRA", "CHN"]);
}

#[test]
fn ranges_and_approximations_are_kept() {
    let figures = figures_of(
        "2024-03",
        "Japan will lend Indonesia $2-3 billion for a rail line. \
         India's trade with Russia reached nearly $65 billion in 2023. \
         Turkey received more than $4 billion in investment from Qatar last year.",
    );
    assert_eq!(figures.len(), 3, "{figures:#?}");
    let range = &figures[0].amounts[0];
    assert_eq!((range.value, range.upper), (2e9, Some(3e9)));
    assert_eq!(figures[0].usd_upper(), Some(3e9));
    assert_eq!(figures[0].kind, FigureKind::Loan);
    assert_eq!(figures[1].approximation, Approximation::LessThan);
    assert_eq!(ids(&figures[1]), ["IND", "RUS"]);
    assert_eq!(figures[2].approximation, Approximation::MoreThan);
    assert_eq!(figures[2].kind, FigureKind::Investment);
    assert_eq!(ids(&figures[2]), ["QAT", "TUR"]);
}

#[test]
fn a_bracketed_conversion_wins_over_the_rate_table() {
    let figures = figures_of(
        "2023-06",
        "Germany's trade with Poland rose to 170 billion euros ($184 billion) in 2022.",
    );
    assert_eq!(figures.len(), 1, "{figures:#?}");
    let figure = &figures[0];
    assert_eq!(figure.usd, Some(1.84e11));
    let rate = figure.rate.as_ref().expect("a rate");
    assert_eq!(rate.source, RateSource::Text);
    assert_eq!(rate.currency, "EUR");
    assert_eq!(rate.year, Some(2022));
}

#[test]
fn other_currencies_are_converted_with_the_annual_rate_of_their_year() {
    let figures = figures_of("2023-06", "China lent Pakistan 20 billion yuan in 2021.");
    assert_eq!(figures.len(), 1, "{figures:#?}");
    let rate = figures[0].rate.as_ref().expect("a rate");
    assert_eq!(rate.source, RateSource::AnnualAverage);
    assert_eq!(rate.year, Some(2021));
    let usd = figures[0].usd.expect("converted");
    assert!((2.9e9..3.2e9).contains(&usd), "{usd}");
}

#[test]
fn a_currency_without_a_rate_is_shown_apart_with_the_reason() {
    let figures = figures_of("1999-02", "Russia lent Belarus 3 billion roubles in 1998.");
    assert_eq!(figures.len(), 1, "{figures:#?}");
    assert_eq!(figures[0].usd, None);
    assert_eq!(
        figures[0].not_converted.as_deref(),
        Some("no USD rate for RUB in 1998")
    );
    assert_eq!(ids(&figures[0]), ["BLR", "RUS"]);
}

#[test]
fn shillings_take_the_currency_of_the_country_the_article_is_about() {
    let figures = figures_of(
        "2023-09",
        "Tanzania's parliament met in Dodoma on Tuesday. \
         China will lend the government 330 billion shillings for a railway, the minister said.",
    );
    assert_eq!(figures.len(), 1, "{figures:#?}");
    assert_eq!(figures[0].amounts[0].currency, "TZS");
    assert!(figures[0].currency_note.is_some());
}

#[test]
fn a_shared_currency_word_no_country_settles_is_kept_with_the_ambiguity() {
    let figures = figures_of("2023-09", "The fund raised 40 million dinars in 2022.");
    assert_eq!(figures.len(), 1, "{figures:#?}");
    let note = figures[0].currency_note.as_deref().expect("a note");
    assert!(note.contains("dinars"), "{note}");
    assert!(figures[0].not_converted.is_some());
}

#[test]
fn two_articles_repeating_one_figure_are_one_figure_with_both_sentences() {
    let extractor = Extractor::new().expect("built-in assets load");
    let map = extractor.build_map(vec![
        document(
            "wire",
            "2023-04",
            "Germany pledged $3 billion in military aid to Ukraine in 2023.",
        ),
        document(
            "paper",
            "2023-04",
            "Berlin has promised Ukraine military aid worth $3.01 billion in 2023, officials said.",
        ),
        document(
            "blog",
            "2023-04",
            "Germany pledged $5 billion in military aid to Ukraine in 2023.",
        ),
    ]);
    let aid: Vec<&Figure> = map
        .figures
        .iter()
        .filter(|figure| figure.kind == FigureKind::Aid)
        .collect();
    assert_eq!(aid.len(), 2, "{:#?}", map.figures);
    assert_eq!(aid[0].document_count(), 2);
    assert_eq!(aid[0].reports().count(), 2);
    assert_eq!(aid[1].usd, Some(5e9));
}

#[test]
fn pledges_are_told_from_deliveries() {
    let figures = figures_of(
        "2023-03",
        "Japan pledged $2 billion in aid to Ukraine. \
         Canada provided $1 billion in aid to Ukraine. \
         Kenya requested a $500 million loan from the World Bank.",
    );
    assert!(figures.len() >= 2, "{figures:#?}");
    assert_eq!(figures[0].status, FigureStatus::Pledged);
    assert!(figures[0].status.is_promise());
    assert_eq!(ids(&figures[0]), ["JPN", "UKR"]);
    assert_eq!(figures[1].status, FigureStatus::Delivered);
    assert_eq!(ids(&figures[1]), ["CAN", "UKR"]);
}

#[test]
fn the_pair_comes_from_the_sentence_structure() {
    let figures = figures_of(
        "2023-03",
        "Germany's trade with France and Italy reached $65 billion in 2022.",
    );
    let pairs: Vec<Vec<&str>> = figures.iter().map(ids).collect();
    assert_eq!(pairs, [["DEU", "FRA"], ["DEU", "ITA"]], "{figures:#?}");
    let figures = figures_of(
        "2023-03",
        "Japan gave $1 billion in aid to Ukraine, Russia's foreign ministry said.",
    );
    assert_eq!(figures.len(), 1, "{figures:#?}");
    assert_eq!(ids(&figures[0]), ["JPN", "UKR"]);
}

#[test]
fn maps_saved_before_the_new_figure_fields_still_load_and_new_ones_round_trip() {
    use std::path::Path;
    use tiemap::io::{map_from_ron, map_to_ron};
    let old = r#"(version: 1, documents: [], actors: [(id: "CHN", name: "China", kind: country), (id: "RUS", name: "Russia", kind: country)], ties: [], figures: [(kind: trade, actors: ["CHN", "RUS"], amounts: [(value: 1.28e12, currency: "CNY"), (value: 1.9e11, currency: "USD")], period: Some("2022"), record: true, evidence: (doc: "a", sentence: 9, text: "t", cue: "c", cue_span: (0, 1), mentions: []))])"#;
    let map = map_from_ron(old, Path::new("old.ron")).expect("an old map loads");
    let figure = &map.figures[0];
    assert_eq!(figure.status, FigureStatus::Stated);
    assert_eq!(figure.usd, None, "no dollar value was saved");
    assert_eq!(figure.text_usd(), Some(1.9e11));
    assert!(figure.sources.is_empty());
    assert!(figure.is_charted());
    let mut opened = map.clone();
    tiemap::extract::figures::convert_saved_figures(&mut opened);
    assert_eq!(
        opened.figures[0].usd,
        Some(1.9e11),
        "the window converts it on opening"
    );
    assert_eq!(
        opened.figures[0].rate.as_ref().map(|rate| rate.source),
        Some(RateSource::Text)
    );

    let extractor = Extractor::new().expect("built-in assets load");
    let mut map = extractor.build_map(vec![
        document(
            "a",
            "2024-01",
            "Japan pledged $2-3 billion in aid to Ukraine in 2023.",
        ),
        document(
            "b",
            "2024-01",
            "Japan has pledged $2-3 billion in aid to Ukraine in 2023.",
        ),
    ]);
    map.figures.retain(Figure::is_charted);
    assert_eq!(map.figures.len(), 1, "{:#?}", map.figures);
    let text = map_to_ron(&map).expect("saves");
    let again = map_from_ron(&text, Path::new("new.ron")).expect("loads");
    assert_eq!(again.figures, map.figures);
    assert_eq!(again.figures[0].sources.len(), 1);
    assert_eq!(again.figures[0].status, FigureStatus::Pledged);
}

#[test]
fn more_sentences_a_reader_would_chart() {
    // A verb the currency table half-matches ("sent $"), a possessor of a verbless clause, a
    // pledge with no kind word (aid) beside a third country, a purchase (trade).
    let cases = [
        (
            "The US sent $1 billion in aid to Israel after Iran's missile attack.",
            ["ISR", "USA"],
            FigureKind::Aid,
        ),
        (
            "South Africa's trade with Nigeria is about 30 billion rand a year.",
            ["NGA", "ZAF"],
            FigureKind::Trade,
        ),
        (
            "During a visit by France's president, Japan pledged $500 million to Kenya.",
            ["JPN", "KEN"],
            FigureKind::Aid,
        ),
        (
            "India bought Russian oil worth $46 billion in 2023.",
            ["IND", "RUS"],
            FigureKind::Trade,
        ),
        (
            "Washington has provided Kyiv with more than $75 billion since 2022.",
            ["UKR", "USA"],
            FigureKind::Aid,
        ),
    ];
    for (text, pair, kind) in cases {
        let figures = figures_of("2024-03", text);
        assert_eq!(figures.len(), 1, "{text}: {figures:#?}");
        assert_eq!(ids(&figures[0]), pair, "{text}");
        assert_eq!(figures[0].kind, kind, "{text}");
        assert!(figures[0].is_charted(), "{text}");
    }
}

#[test]
fn the_json_of_a_figure_carries_usd_rate_status_and_sources() {
    let figures = figures_of("2023-06", "China lent Pakistan 20 billion yuan in 2021.");
    let json = serde_json::to_value(&figures[0]).expect("serialises");
    for key in ["usd", "rate", "status", "sources", "role", "approximation"] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
    assert_eq!(json["status"], "stated");
    assert_eq!(json["rate"]["source"], "annual_average");
    assert_eq!(json["rate"]["year"], 2021);
    assert!(json["sources"].as_array().is_some_and(Vec::is_empty));
}

#[test]
fn an_amount_compared_with_the_one_before_is_the_same_kind() {
    let figures = figures_of(
        "2024-06",
        "The Netherlands pledged €2 billion for Ukraine in 2024, up from €1.5 billion in 2023.",
    );
    let read: Vec<(FigureKind, Option<&str>, FigureStatus)> = figures
        .iter()
        .map(|figure| (figure.kind, figure.period.as_deref(), figure.status))
        .collect();
    assert_eq!(
        read,
        [
            (FigureKind::Aid, Some("2024"), FigureStatus::Pledged),
            (FigureKind::Aid, Some("2023"), FigureStatus::Stated),
        ]
    );
    assert!(figures.iter().all(Figure::is_charted));
}
