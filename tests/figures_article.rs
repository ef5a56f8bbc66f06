//! The bundled article's reported figure, through the whole pipeline (shared/seed/EXPECTED.md,
//! "Reported figure"): one figure, CHN-RUS trade, 1.28e12 CNY given as 1.9e11 USD, for 2022,
//! a record, from sentence 9. A user would see a wrong or doubled bar in the figures chart.

use tiemap::extract::Extractor;
use tiemap::model::{Document, FigureKind};

fn article() -> Document {
    Document {
        id: "article".to_owned(),
        title: None,
        date: Some("2023-02".to_owned()),
        text: include_str!("../data/article.txt").to_owned(),
    }
}

#[test]
fn the_article_reports_one_record_trade_figure_between_china_and_russia() {
    let extractor = Extractor::new().expect("built-in assets load");
    let extraction = extractor.extract(&article());
    assert_eq!(extraction.figures.len(), 1, "{:#?}", extraction.figures);
    let figure = &extraction.figures[0];
    assert_eq!(figure.kind, FigureKind::Trade);
    assert_eq!(figure.actors, vec!["CHN".to_owned(), "RUS".to_owned()]);
    let amounts: Vec<(f64, &str)> = figure
        .amounts
        .iter()
        .map(|amount| (amount.value, amount.currency.as_str()))
        .collect();
    assert_eq!(amounts, vec![(1.28e12, "CNY"), (1.9e11, "USD")]);
    assert_eq!(figure.period.as_deref(), Some("2022"));
    assert!(figure.record);
    assert_eq!(figure.evidence.sentence, 9);
    assert_eq!(figure.evidence.cue, "1.28 trillion yuan ($190 billion)");
    let named: Vec<&str> = figure
        .evidence
        .mentions
        .iter()
        .map(|mention| mention.actor.as_str())
        .collect();
    assert!(
        named.contains(&"CHN") && named.contains(&"RUS"),
        "{named:?}"
    );
}

#[test]
fn an_undated_copy_of_the_article_has_no_period_but_the_same_figure() {
    let extractor = Extractor::new().expect("built-in assets load");
    let mut document = article();
    document.date = None;
    let extraction = extractor.extract(&document);
    assert_eq!(extraction.figures.len(), 1);
    assert_eq!(extraction.figures[0].period, None);
    assert_eq!(extraction.figures[0].kind, FigureKind::Trade);
}
