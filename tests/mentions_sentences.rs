//! The sentence splitter: every tie's evidence is a sentence, so a wrong split shows the user a
//! half sentence, or two sentences glued together, as the reason for a tie.

use proptest::prelude::*;
use tiemap::extract::sentences::split_sentences;

fn sentences(text: &str) -> Vec<&str> {
    split_sentences(text)
        .into_iter()
        .map(|span| &text[span.start..span.end])
        .collect()
}

#[test]
fn the_bundled_article_has_the_twelve_sentences_expected_md_counts() {
    let text = include_str!("../data/article.txt");
    let found = sentences(text);
    assert_eq!(found.len(), 12, "{found:#?}");
    assert!(found[0].starts_with("When Antony Blinken") && found[0].ends_with("since 2018."));
    assert!(found[1].ends_with("between the two nations."));
    assert!(found[2].ends_with("echoed Kremlin blaming NATO."));
    assert!(found[3].ends_with("through increased diplomacy."));
    assert!(found[4].starts_with("Analysts predict"));
    assert!(found[6].starts_with("This relationship"));
    assert!(found[7].starts_with("The Biden administration"));
    assert!(found[9].contains("1.28 trillion yuan ($190 billion) last year."));
    assert!(found[10].starts_with("Xi has called for the two countries"));
    assert!(found[11].ends_with("Russian oil and coal."));
}

#[test]
fn abbreviations_initials_and_decimals_do_not_end_sentences() {
    let text = "The U.S. and the U.K. met Mr. Li and Gen. Mark Milley on Jan. 5 at No. 10 Downing Street. \
                Trade rose 1.28 percent, said George W. Bush. It fell.";
    assert_eq!(
        sentences(text),
        vec![
            "The U.S. and the U.K. met Mr. Li and Gen. Mark Milley on Jan. 5 at No. 10 Downing Street.",
            "Trade rose 1.28 percent, said George W. Bush.",
            "It fell.",
        ]
    );
}

#[test]
fn an_initialism_ends_a_sentence_when_a_sentence_opener_follows() {
    let text = "Sanctions were imposed by the U.S. The move angered Moscow.";
    assert_eq!(
        sentences(text),
        vec![
            "Sanctions were imposed by the U.S.",
            "The move angered Moscow."
        ]
    );
}

#[test]
fn a_stop_inside_closing_quotes_or_brackets_ends_the_sentence_with_them() {
    let text = "He said: \u{201c}We will never give in.\u{201d} Then he left. (It was late.) \"Fine.\" The end!";
    assert_eq!(
        sentences(text),
        vec![
            "He said: \u{201c}We will never give in.\u{201d}",
            "Then he left.",
            "(It was late.)",
            "\"Fine.\"",
            "The end!",
        ]
    );
}

#[test]
fn a_quote_continuing_in_lower_case_does_not_end_the_sentence() {
    let text = "\"We will win,\" he said. \"Never!\" she replied.";
    assert_eq!(
        sentences(text),
        vec!["\"We will win,\" he said.", "\"Never!\" she replied."]
    );
}

#[test]
fn headlines_and_list_items_end_at_their_line_break() {
    let text = "China and Russia deepen ties\n\
                Beijing and Moscow signed deals on Monday. Officials said more would follow.\n\
                Key points:\n- Trade rose\n- Gas deal signed\n1. First item\n2. Second item";
    assert_eq!(
        sentences(text),
        vec![
            "China and Russia deepen ties",
            "Beijing and Moscow signed deals on Monday.",
            "Officials said more would follow.",
            "Key points:",
            "- Trade rose",
            "- Gas deal signed",
            "1. First item",
            "2. Second item",
        ]
    );
}

#[test]
fn hard_wrapped_lines_stay_one_sentence_and_blank_lines_always_end() {
    let text = "Russia and China held joint military exercises in the\n\
                Sea of Japan on Tuesday, the defence ministry in Moscow said in a\n\
                statement.\n\n\
                A heading without stop\n\n\
                The drills were the\nlargest so far";
    assert_eq!(
        sentences(text),
        vec![
            "Russia and China held joint military exercises in the\nSea of Japan on Tuesday, the defence ministry in Moscow said in a\nstatement.",
            "A heading without stop",
            "The drills were the\nlargest so far",
        ]
    );
}

#[test]
fn a_short_headline_in_a_hard_wrapped_text_is_its_own_sentence() {
    let text = "Moscow talks end\n\
                Talks between Russian and Chinese officials in Moscow ended on\n\
                Tuesday with an agreement to expand trade, both sides said in\n\
                separate statements.";
    let found = sentences(text);
    assert_eq!(found[0], "Moscow talks end");
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn empty_and_blank_texts_have_no_sentences() {
    assert!(split_sentences("").is_empty());
    assert!(split_sentences(" \n\t\n  ").is_empty());
    assert_eq!(sentences("No stop at all"), vec!["No stop at all"]);
}

#[test]
fn a_ten_megabyte_single_line_splits_in_bounded_time() {
    let line = "China and Russia agreed on trade in 2023. ".repeat(250_000);
    let started = std::time::Instant::now();
    let spans = split_sentences(&line);
    assert_eq!(spans.len(), 250_000);
    // Generous even for a debug build: a quadratic splitter would take hours.
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn pathological_runs_stay_linear() {
    for text in [
        ".".repeat(2_000_000),
        "a.".repeat(1_000_000),
        "U.S. ".repeat(400_000),
        "(".repeat(1_000_000) + &")".repeat(1_000_000),
        "\u{201d}".repeat(500_000),
        "1. ".repeat(500_000),
        "\n".repeat(1_000_000) + "x",
        "x\n".repeat(1_000_000),
    ] {
        let started = std::time::Instant::now();
        let spans = split_sentences(&text);
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
        for span in spans {
            assert!(text.get(span.start..span.end).is_some());
        }
    }
}

proptest! {
    #[test]
    fn spans_are_ordered_trimmed_and_on_char_boundaries(text in "\\PC{0,200}|[ a-zA-Z.!?\"'()\u{201c}\u{201d}\n\r\t\u{0}-\u{1f}é中]{0,300}") {
        let spans = split_sentences(&text);
        let mut last_end = 0;
        for span in spans {
            prop_assert!(span.start >= last_end && span.start < span.end);
            let piece = text.get(span.start..span.end);
            prop_assert!(piece.is_some());
            let piece = piece.unwrap_or_default();
            prop_assert_eq!(piece, piece.trim());
            last_end = span.end;
        }
    }
}
