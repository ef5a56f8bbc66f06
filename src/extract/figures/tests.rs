//! Unit tests of the figure reader on single sentences with hand-placed mentions.

use super::{Span as WordSpan, TAGGED_WORDS, Tag, Words, extract_figures, tag_of, tag_table};
use crate::extract::{ActorMention, DocDate, MentionForm};
use crate::model::{FigureKind, Span};

/// Mentions of `names` in `text` (each name: its first occurrence), as the gazetteer would.
fn mentions(text: &str, names: &[(&str, &str)]) -> Vec<ActorMention> {
    let mut found: Vec<ActorMention> = names
        .iter()
        .map(|(name, actor)| {
            let start = text.find(name).expect("name in text");
            ActorMention {
                actors: vec![(*actor).to_owned()],
                span: Span::new(start, start + name.len()),
                form: MentionForm::Name,
            }
        })
        .collect();
    found.sort_by_key(|mention| mention.span.start);
    found
}

fn one_sentence(text: &str) -> Vec<Span> {
    vec![Span::new(0, text.len())]
}

#[test]
fn trade_with_a_partner_last_year_marked_record() {
    let text = "Beijing has expanded trade with Russia, with a record 1.28 trillion yuan ($190 billion) last year.";
    let mentions = mentions(text, &[("Beijing", "CHN"), ("Russia", "RUS")]);
    let figures = extract_figures(
        "doc",
        text,
        &one_sentence(text),
        &mentions,
        DocDate::parse("2023-02"),
        None,
    );
    assert_eq!(figures.len(), 1);
    let figure = &figures[0];
    assert_eq!(figure.kind, FigureKind::Trade);
    assert_eq!(figure.actors, vec!["CHN".to_owned(), "RUS".to_owned()]);
    assert_eq!(figure.period.as_deref(), Some("2022"));
    assert!(figure.record);
    assert_eq!(figure.evidence.cue, "1.28 trillion yuan ($190 billion)");
    assert_eq!(figure.evidence.mentions.len(), 2);
    assert_eq!(figure.text_usd(), Some(1.9e11));
    assert_eq!(figure.usd, Some(1.9e11));
}

#[test]
fn kinds_periods_and_pairs_come_from_the_sentence() {
    let date = DocDate::parse("2023-07-01");
    let cases = [
        (
            "Trade between India and Japan reached $20 billion in the first half.",
            &[("India", "IND"), ("Japan", "JPN")][..],
            FigureKind::Trade,
            Some("2023-H1"),
        ),
        (
            "The EU has frozen 300 billion euros of Russian central bank reserves under sanctions.",
            &[("EU", "EU"), ("Russian", "RUS")][..],
            FigureKind::FrozenAssets,
            None,
        ),
        (
            "Germany pledged EUR 3bn in military aid to Ukraine in 2022.",
            &[("Germany", "DEU"), ("Ukraine", "UKR")][..],
            FigureKind::Aid,
            Some("2022"),
        ),
        (
            "Poland will raise its defence budget to 4 per cent, or $35 billion, next year.",
            &[("Poland", "POL")][..],
            FigureKind::MilitarySpending,
            Some("2024"),
        ),
        (
            "China lent Pakistan $5 billion in the first quarter of 2021.",
            &[("China", "CHN"), ("Pakistan", "PAK")][..],
            FigureKind::Loan,
            Some("2021-Q1"),
        ),
        (
            "The United States unfroze $6 billion of Iranian funds.",
            &[("United States", "USA"), ("Iranian", "IRN")][..],
            FigureKind::FrozenAssets,
            None,
        ),
        (
            "The US imposed tariffs on $34 billion of Chinese goods.",
            &[("US", "USA"), ("Chinese", "CHN")][..],
            FigureKind::Sanctions,
            None,
        ),
        (
            "The painting sold for £59.5 million.",
            &[][..],
            FigureKind::Other,
            None,
        ),
    ];
    for (text, names, kind, period) in cases {
        let mentions = mentions(text, names);
        let figures = extract_figures("doc", text, &one_sentence(text), &mentions, date, None);
        assert_eq!(figures.len(), 1, "{text}");
        assert_eq!(figures[0].kind, kind, "{text}");
        assert_eq!(figures[0].period.as_deref(), period, "{text}");
        assert_eq!(figures[0].actors.len(), names.len(), "{text}");
        assert!(!figures[0].record, "{text}");
    }
}

#[test]
fn a_third_country_does_not_join_a_with_pair() {
    let text = "Unlike the US, Turkey grew its trade with Russia to $62 billion in 2022.";
    let mentions = mentions(text, &[("US", "USA"), ("Turkey", "TUR"), ("Russia", "RUS")]);
    let figures = extract_figures("doc", text, &one_sentence(text), &mentions, None, None);
    assert_eq!(figures[0].actors, vec!["RUS".to_owned(), "TUR".to_owned()]);
    assert_eq!(figures[0].period.as_deref(), Some("2022"));
}

#[test]
fn the_currency_prefix_is_no_actor_and_relative_years_need_a_date() {
    let text = "Washington gave Kyiv US$1.2 billion last year.";
    let mentions = mentions(
        text,
        &[("Washington", "USA"), ("Kyiv", "UKR"), ("US$", "USA")],
    );
    let figures = extract_figures("doc", text, &one_sentence(text), &mentions, None, None);
    assert_eq!(figures[0].period, None);
    assert_eq!(figures[0].evidence.mentions.len(), 2);
}

#[test]
fn every_cue_word_gets_its_tag_in_any_case_and_other_words_none() {
    let table = tag_table();
    for &(word, tag) in TAGGED_WORDS {
        let upper = word.to_ascii_uppercase();
        for written in [word.to_owned(), upper] {
            // Alone (shorter than one 16-byte load) and inside a longer text.
            let alone = written.as_bytes();
            assert_eq!(tag_of(table, alone, 0, alone.len()), tag, "{written}");
            let long = format!("{written} and some more words");
            assert_eq!(
                tag_of(table, long.as_bytes(), 0, written.len()),
                tag,
                "{written}"
            );
        }
    }
    for other in [
        "trades",
        "yeah",
        "2100",
        "1899",
        "recordings",
        "s1",
        "unprecedentedly",
    ] {
        assert_eq!(
            tag_of(table, other.as_bytes(), 0, other.len()),
            Tag::Other,
            "{other}"
        );
    }
    assert_eq!(tag_of(table, b"2022", 0, 4), Tag::Year(2022));
}

#[test]
fn a_window_that_cuts_a_word_reads_the_part_inside_it() {
    // "trade" cut to "rade" is no cue; "imports" cut to "import" still is.
    let text = "The trade figure and the imports, and nothing else here.";
    let sentence = WordSpan::new(0, text.len());
    let mut words = Words::default();
    words.read(text, sentence, WordSpan::new(5, 31));
    let tags: Vec<Tag> = words.in_window.iter().map(|word| word.tag).collect();
    assert_eq!(tags[0], Tag::Other, "rade");
    assert_eq!(tags.last(), Some(&Tag::Kind(FigureKind::Trade)), "import");
    // The same sentence read again through a wider window gives whole words.
    words.read(text, sentence, WordSpan::new(0, text.len()));
    assert_eq!(words.in_window[1].tag, Tag::Kind(FigureKind::Trade));
}

#[test]
fn a_line_longer_than_the_word_cache_reads_the_same_figures() {
    // The same amounts in a short sentence and inside a line of more than 4 KiB.
    let short = "Trade between India and Japan reached $20 billion in the first half of 2022.";
    let padding = "and then some more words without any stop ".repeat(120);
    let long = format!("{padding}{}", short.trim_end_matches('.'));
    let date = DocDate::parse("2023-07-01");
    for text in [short.to_owned(), long] {
        let mentions = mentions(&text, &[("India", "IND"), ("Japan", "JPN")]);
        let figures = extract_figures("doc", &text, &one_sentence(&text), &mentions, date, None);
        assert_eq!(figures.len(), 1, "{}", text.len());
        assert_eq!(figures[0].kind, FigureKind::Trade);
        assert_eq!(figures[0].period.as_deref(), Some("2022-H1"));
        assert_eq!(figures[0].actors.len(), 2);
    }
}
