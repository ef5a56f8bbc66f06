//! Tie extraction over a hand-coded corpus of news paragraphs and headlines
//! (`tests/fixtures/corpus.ron`): pair precision and recall, directed pair + category
//! precision and recall, category accuracy, negation and hedging, and forbidden pairs.
//! A user would notice a drop here as missing or invented edges on the map.

use std::collections::BTreeSet;

use serde::Deserialize;
use tiemap::extract::Extractor;
use tiemap::model::{Category, Document, Tie};

#[derive(Deserialize)]
struct Paragraph {
    id: String,
    date: String,
    text: String,
    ties: Vec<String>,
    #[serde(default)]
    must_not: Vec<String>,
}

/// One expected tie, parsed from "SRC>TGT CATEGORY [negated|hedged]" or "X=Y CATEGORY".
#[derive(Debug)]
struct Expected {
    source: String,
    target: String,
    symmetric: bool,
    category: Category,
    negated: bool,
    hedged: bool,
}

fn parse_expected(line: &str) -> Expected {
    let mut words = line.split_whitespace();
    let ends = words.next().expect("pair");
    let category = Category::from_name(words.next().expect("category")).expect("known category");
    let flag = words.next().unwrap_or("");
    let (symmetric, separator) = if ends.contains('=') {
        (true, '=')
    } else {
        (false, '>')
    };
    let (source, target) = ends.split_once(separator).expect("two ends");
    Expected {
        source: source.to_owned(),
        target: target.to_owned(),
        symmetric,
        category,
        negated: flag == "negated",
        hedged: flag == "hedged",
    }
}

fn corpus() -> Vec<Paragraph> {
    ron::from_str(include_str!("fixtures/corpus.ron")).expect("corpus parses")
}

fn unordered(x: &str, y: &str) -> (String, String) {
    if x <= y {
        (x.to_owned(), y.to_owned())
    } else {
        (y.to_owned(), x.to_owned())
    }
}

#[derive(Default)]
struct Counts {
    pair_tp: usize,
    pair_gold: usize,
    pair_predicted: usize,
    directed_gold_found: usize,
    directed_gold: usize,
    directed_predicted_right: usize,
    directed_predicted: usize,
    category_right: usize,
    category_total: usize,
    flags_right: usize,
    flags_total: usize,
    forbidden: Vec<String>,
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        numerator as f64 / denominator as f64
    }
}

fn score_paragraph(
    paragraph: &Paragraph,
    ties: &[Tie],
    counts: &mut Counts,
    log: &mut Vec<String>,
) {
    let expected: Vec<Expected> = paragraph
        .ties
        .iter()
        .map(|line| parse_expected(line))
        .collect();
    let plain_expected: Vec<&Expected> = expected.iter().filter(|tie| !tie.negated).collect();
    let shown: Vec<&Tie> = ties.iter().filter(|tie| !tie.negated).collect();

    let gold_pairs: BTreeSet<_> = plain_expected
        .iter()
        .map(|tie| unordered(&tie.source, &tie.target))
        .collect();
    let predicted_pairs: BTreeSet<_> = shown
        .iter()
        .map(|tie| unordered(&tie.source, &tie.target))
        .collect();
    counts.pair_gold += gold_pairs.len();
    counts.pair_predicted += predicted_pairs.len();
    counts.pair_tp += gold_pairs.intersection(&predicted_pairs).count();
    for pair in gold_pairs.difference(&predicted_pairs) {
        log.push(format!(
            "{}: missed pair {}-{}",
            paragraph.id, pair.0, pair.1
        ));
    }
    for pair in predicted_pairs.difference(&gold_pairs) {
        log.push(format!(
            "{}: extra pair {}-{}",
            paragraph.id, pair.0, pair.1
        ));
    }

    let matches = |gold: &Expected, tie: &Tie| {
        tie.category == gold.category
            && ((tie.source == gold.source && tie.target == gold.target)
                || (gold.symmetric && tie.source == gold.target && tie.target == gold.source))
    };
    for gold in &plain_expected {
        counts.directed_gold += 1;
        if shown.iter().any(|tie| matches(gold, tie)) {
            counts.directed_gold_found += 1;
        } else {
            log.push(format!(
                "{}: missed {}->{} {}",
                paragraph.id,
                gold.source,
                gold.target,
                gold.category.name()
            ));
        }
        let pair = unordered(&gold.source, &gold.target);
        if predicted_pairs.contains(&pair) {
            counts.category_total += 1;
            if shown.iter().any(|tie| {
                unordered(&tie.source, &tie.target) == pair && tie.category == gold.category
            }) {
                counts.category_right += 1;
            }
        }
    }
    let mut predicted_directed = BTreeSet::new();
    for tie in &shown {
        predicted_directed.insert((tie.source.clone(), tie.target.clone(), tie.category));
    }
    for (source, target, category) in &predicted_directed {
        counts.directed_predicted += 1;
        let right = plain_expected.iter().any(|gold| {
            gold.category == *category
                && ((&gold.source == source && &gold.target == target)
                    || (gold.symmetric && &gold.source == target && &gold.target == source))
        });
        if right {
            counts.directed_predicted_right += 1;
        } else {
            log.push(format!(
                "{}: extra {source}->{target} {}",
                paragraph.id,
                category.name()
            ));
        }
    }

    for gold in expected.iter().filter(|tie| tie.negated || tie.hedged) {
        counts.flags_total += 1;
        let found = ties.iter().any(|tie| {
            unordered(&tie.source, &tie.target) == unordered(&gold.source, &gold.target)
                && tie.category == gold.category
                && tie.negated == gold.negated
                && tie.hedged == gold.hedged
        });
        if found {
            counts.flags_right += 1;
        } else {
            log.push(format!("{}: flag wrong on {:?}", paragraph.id, gold));
        }
    }
    for forbidden in &paragraph.must_not {
        let (x, y) = forbidden.split_once('-').expect("X-Y");
        if predicted_pairs.contains(&unordered(x, y)) {
            counts
                .forbidden
                .push(format!("{}: forbidden pair {forbidden}", paragraph.id));
        }
    }
}

#[test]
fn corpus_pairs_categories_and_flags_meet_the_bar() {
    let extractor = Extractor::new().expect("assets load");
    let paragraphs = corpus();
    assert!(
        paragraphs.len() >= 60,
        "the corpus needs 60 paragraphs or more"
    );
    let mut counts = Counts::default();
    let mut log = Vec::new();
    for paragraph in &paragraphs {
        let document = Document {
            id: paragraph.id.clone(),
            title: None,
            date: Some(paragraph.date.clone()),
            text: paragraph.text.clone(),
        };
        let extraction = extractor.extract(&document);
        score_paragraph(paragraph, &extraction.ties, &mut counts, &mut log);
    }
    let pair_precision = ratio(counts.pair_tp, counts.pair_predicted);
    let pair_recall = ratio(counts.pair_tp, counts.pair_gold);
    let directed_precision = ratio(counts.directed_predicted_right, counts.directed_predicted);
    let directed_recall = ratio(counts.directed_gold_found, counts.directed_gold);
    let category_accuracy = ratio(counts.category_right, counts.category_total);
    let flag_accuracy = ratio(counts.flags_right, counts.flags_total);
    for line in &log {
        println!("{line}");
    }
    println!(
        "paragraphs {}\npair precision {pair_precision:.3} recall {pair_recall:.3} ({} gold, {} predicted)\n\
         directed+category precision {directed_precision:.3} recall {directed_recall:.3}\n\
         category accuracy {category_accuracy:.3}\nnegated/hedged flags {flag_accuracy:.3} ({}/{})",
        paragraphs.len(),
        counts.pair_gold,
        counts.pair_predicted,
        counts.flags_right,
        counts.flags_total
    );
    assert!(
        counts.forbidden.is_empty(),
        "forbidden pairs: {:#?}",
        counts.forbidden
    );
    assert!(pair_precision >= 0.9, "pair precision {pair_precision:.3}");
    assert!(pair_recall >= 0.9, "pair recall {pair_recall:.3}");
    assert!(
        category_accuracy >= 0.8,
        "category accuracy {category_accuracy:.3}"
    );
    assert!(flag_accuracy >= 0.8, "flag accuracy {flag_accuracy:.3}");
}
