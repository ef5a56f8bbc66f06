//! The bundled article must yield every tie of `EXPECTED.md` (the "must" and the "should"
//! lists) and none of the forbidden ones. A reader of the map would notice at once if, say,
//! China appeared to condemn Moscow or to arm Ukraine.
//!
//! These expectations live only here: the product has no knowledge of the article.

use tiemap::extract::{Extraction, Extractor};
use tiemap::model::{Category, Document, Tie};

fn extraction() -> Extraction {
    let document = Document {
        id: "article".to_owned(),
        title: None,
        date: Some("2023-02".to_owned()),
        text: include_str!("../data/article.txt").to_owned(),
    };
    Extractor::new().expect("assets load").extract(&document)
}

fn pair(tie: &Tie, x: &str, y: &str) -> bool {
    (tie.source == x && tie.target == y) || (tie.source == y && tie.target == x)
}

/// The evidence sentences of the plain (not negated, not hedged) ties between `x` and `y`
/// with `category` and `mode`, in either direction.
fn sentences_of(
    extraction: &Extraction,
    x: &str,
    y: &str,
    category: Category,
    mode: &str,
) -> Vec<usize> {
    let mut sentences: Vec<usize> = extraction
        .ties
        .iter()
        .filter(|tie| {
            pair(tie, x, y)
                && tie.category == category
                && tie.mode == mode
                && !tie.negated
                && !tie.hedged
        })
        .flat_map(|tie| tie.evidence.iter().map(|evidence| evidence.sentence))
        .collect();
    sentences.sort_unstable();
    sentences.dedup();
    sentences
}

fn describe(extraction: &Extraction) -> String {
    extraction
        .ties
        .iter()
        .map(|tie| {
            let sentences: Vec<usize> = tie.evidence.iter().map(|e| e.sentence).collect();
            format!(
                "{}->{} {} {} neg={} hedged={} {:?}",
                tie.source,
                tie.target,
                tie.category.name(),
                tie.mode,
                tie.negated,
                tie.hedged,
                sentences
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_required_tie_is_found_with_its_mode_and_sentences() {
    let extraction = extraction();
    let required: [(&str, &str, Category, &str, &[usize]); 11] = [
        ("USA", "CHN", Category::Consult, "visit", &[0, 4]),
        ("CHN", "RUS", Category::Consult, "visit", &[1]),
        ("CHN", "RUS", Category::Support, "partnership", &[1, 5, 10]),
        ("RUS", "UKR", Category::Assault, "invasion", &[2, 7]),
        ("CHN", "RUS", Category::Cooperate, "trade", &[5, 9, 11]),
        ("CHN", "RUS", Category::Cooperate, "military", &[5, 11]),
        ("USA", "CHN", Category::Threaten, "warning", &[7]),
        ("USA", "CHN", Category::Sanction, "blacklist", &[8]),
        ("USA", "RUS", Category::Sanction, "sanctions", &[8]),
        ("RUS", "NATO", Category::Accuse, "blame", &[2]),
        ("CHN", "NATO", Category::Accuse, "blame", &[2]),
    ];
    let mut missing = Vec::new();
    for (x, y, category, mode, sentences) in required {
        let found = sentences_of(&extraction, x, y, category, mode);
        for sentence in sentences {
            if !found.contains(sentence) {
                missing.push(format!(
                    "{x}-{y} {} {mode} sentence {sentence}",
                    category.name()
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing:\n{}\n\nfound:\n{}",
        missing.join("\n"),
        describe(&extraction)
    );
}

#[test]
fn directed_ties_point_the_right_way() {
    let extraction = extraction();
    let directed = [
        ("USA", "CHN", Category::Consult),
        ("RUS", "UKR", Category::Assault),
        ("USA", "CHN", Category::Threaten),
        ("USA", "CHN", Category::Sanction),
        ("USA", "RUS", Category::Sanction),
        ("RUS", "NATO", Category::Accuse),
        ("CHN", "NATO", Category::Accuse),
    ];
    for (source, target, category) in directed {
        assert!(
            extraction.ties.iter().any(|tie| tie.source == source
                && tie.target == target
                && tie.category == category
                && !tie.negated),
            "{source}->{target} {} not found:\n{}",
            category.name(),
            describe(&extraction)
        );
    }
}

#[test]
fn should_ties_are_found_west_diplomacy_and_hedged_european_visits() {
    let extraction = extraction();
    let west = extraction.ties.iter().any(|tie| {
        pair(tie, "CHN", "WEST")
            && matches!(tie.category, Category::Consult | Category::Support)
            && !tie.negated
            && tie.evidence.iter().any(|evidence| evidence.sentence == 3)
    });
    assert!(
        west,
        "no CHN-WEST tie in sentence 3:\n{}",
        describe(&extraction)
    );
    let europe = extraction.ties.iter().any(|tie| {
        tie.source == "EU"
            && tie.target == "CHN"
            && tie.category == Category::Consult
            && tie.mode == "visit"
            && tie.hedged
            && tie.evidence.iter().any(|evidence| evidence.sentence == 4)
    });
    assert!(
        europe,
        "no hedged EU->CHN visit in sentence 4:\n{}",
        describe(&extraction)
    );
}

#[test]
fn forbidden_ties_are_absent() {
    let extraction = extraction();
    let report = describe(&extraction);
    for tie in &extraction.ties {
        assert_ne!(tie.source, tie.target, "self-tie:\n{report}");
        assert!(!pair(tie, "CHN", "UKR"), "CHN-UKR tie:\n{report}");
        let plain = !tie.negated && !tie.hedged;
        let china_on_russia = tie.source == "CHN" && tie.target == "RUS";
        assert!(
            !(plain && china_on_russia && tie.category == Category::Accuse),
            "plain CHN->RUS ACCUSE from a refusal to condemn:\n{report}"
        );
        assert!(
            !(plain && china_on_russia && tie.category == Category::Aid),
            "plain CHN->RUS AID from unseen evidence:\n{report}"
        );
    }
    let refused = extraction.ties.iter().any(|tie| {
        tie.source == "CHN"
            && tie.target == "RUS"
            && tie.category == Category::Accuse
            && tie.negated
    });
    assert!(
        refused,
        "the refusal to condemn should be kept as a negated tie:\n{report}"
    );
    for actor in &extraction.actors {
        let name = actor.name.to_ascii_lowercase();
        assert!(
            !name.contains("covid") && !name.contains("olympic"),
            "actor made from a non-country: {}",
            actor.name
        );
    }
}

#[test]
fn evidence_marks_the_cue_and_the_mentions_of_both_ends() {
    let extraction = extraction();
    for tie in &extraction.ties {
        for evidence in &tie.evidence {
            assert_eq!(
                evidence.cue_span.slice(&evidence.text),
                Some(evidence.cue.as_str()),
                "cue span off"
            );
            assert!(!evidence.cue.is_empty());
            for end in [&tie.source, &tie.target] {
                assert!(
                    evidence
                        .mentions
                        .iter()
                        .any(|mention| &mention.actor == end),
                    "{}->{} evidence in sentence {} lacks a mention of {end}",
                    tie.source,
                    tie.target,
                    evidence.sentence
                );
            }
        }
    }
}
