//! Figures in news paragraphs other than the bundled article, through the whole pipeline: the
//! same code must find kind, pair, amounts and period in any article.

use tiemap::extract::Extractor;
use tiemap::model::{Document, Figure, FigureKind};

fn figures_of(text: &str, date: Option<&str>) -> Vec<Figure> {
    let extractor = Extractor::new().expect("built-in assets load");
    let document = Document {
        id: "news".to_owned(),
        title: None,
        date: date.map(str::to_owned),
        text: text.to_owned(),
    };
    extractor.extract(&document).figures
}

fn currencies(figure: &Figure) -> Vec<&str> {
    figure
        .amounts
        .iter()
        .map(|amount| amount.currency.as_str())
        .collect()
}

#[test]
fn trade_between_two_countries_in_the_first_half() {
    let figures = figures_of(
        "Trade between India and Japan rose to $12.5 billion in the first half, officials said.",
        Some("2024-08-02"),
    );
    assert_eq!(figures.len(), 1);
    assert_eq!(figures[0].kind, FigureKind::Trade);
    assert_eq!(figures[0].actors, vec!["IND".to_owned(), "JPN".to_owned()]);
    assert_eq!(figures[0].period.as_deref(), Some("2024-H1"));
    assert_eq!(figures[0].usd, Some(12.5e9));
}

#[test]
fn aid_in_euros_with_a_dollar_conversion() {
    let figures = figures_of(
        "Germany announced EUR 3bn ($3.2 billion) in military aid for Ukraine in 2023. \
         The package is the largest so far.",
        Some("2023-11"),
    );
    assert_eq!(figures.len(), 1, "{figures:#?}");
    assert_eq!(figures[0].kind, FigureKind::Aid);
    assert_eq!(figures[0].actors, vec!["DEU".to_owned(), "UKR".to_owned()]);
    assert_eq!(currencies(&figures[0]), vec!["EUR", "USD"]);
    assert_eq!(figures[0].period.as_deref(), Some("2023"));
    assert!(!figures[0].record);
}

#[test]
fn frozen_assets_and_a_loan_in_one_paragraph_are_two_figures() {
    let figures = figures_of(
        "Western governments have frozen about $300 billion of Russia's central bank reserves. \
         Meanwhile China lent Pakistan 2.4 trillion rubles last year.",
        Some("2023-05"),
    );
    assert_eq!(figures.len(), 2, "{figures:#?}");
    assert_eq!(figures[0].kind, FigureKind::FrozenAssets);
    assert!(figures[0].actors.contains(&"RUS".to_owned()));
    assert_eq!(figures[1].kind, FigureKind::Loan);
    assert_eq!(figures[1].actors, vec!["CHN".to_owned(), "PAK".to_owned()]);
    assert_eq!(currencies(&figures[1]), vec!["RUB"]);
    assert_eq!(figures[1].period.as_deref(), Some("2022"));
    assert_eq!(figures[1].evidence.sentence, 1);
}

#[test]
fn a_text_without_money_has_no_figures() {
    let figures = figures_of(
        "France and Germany held talks in 2022 on a record number of issues.",
        None,
    );
    assert!(figures.is_empty(), "{figures:#?}");
}
