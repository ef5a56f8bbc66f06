//! The bundled tagger and parser on held-out UD English Web Treebank text: a user of the tie
//! extractor would notice a worse model as wrong subjects and objects.
//!
//! `tests/data/ewt-test-slice.conllu` (the first 400 test sentences, never trained on) is
//! parsed as written and title-cased, and its UPOS, UAS and LAS must stay above thresholds set
//! a little below the measured figures. When `../shared/ref/ud-ewt` is present the full test
//! set's figures are printed too (and checked with the same thresholds).

use std::path::Path;

use tiemap::extract::parse::Parser;
use tiemap::extract::parse::conllu::{self, Scores};
use tiemap::extract::parse::train::{Casing, evaluate};

const SLICE: &str = include_str!("data/ewt-test-slice.conllu");

/// Minimum UPOS, UAS, LAS (percent, LAS with subtypes) as written.
const AS_WRITTEN: [f64; 3] = [94.7, 84.0, 79.8];
/// The same on the title-cased copy.
const TITLE_CASED: [f64; 3] = [93.8, 83.7, 79.3];

fn check(name: &str, scores: &Scores, minimum: [f64; 3]) {
    println!("{name}: {scores}");
    assert!(scores.words > 0, "{name}: no words");
    let figures = [scores.upos(), scores.uas(), scores.las()];
    for ((figure, minimum), what) in figures.iter().zip(minimum).zip(["UPOS", "UAS", "LAS"]) {
        assert!(*figure >= minimum, "{name}: {what} {figure:.2} < {minimum}");
    }
}

#[test]
fn the_bundled_model_parses_held_out_text() {
    let model = Parser::bundled().expect("bundled parser model");
    let slice = conllu::read(SLICE).expect("the slice parses");
    assert_eq!(slice.len(), 400);
    check(
        "EWT test slice",
        &evaluate(model, &slice, Casing::AsIs),
        AS_WRITTEN,
    );
    check(
        "EWT test slice, Title Case",
        &evaluate(model, &slice, Casing::Title),
        TITLE_CASED,
    );
}

#[test]
fn full_ewt_test_figures_when_available() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ref/ud-ewt/en_ewt-ud-test.conllu");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipped: {} not found", path.display());
        return;
    };
    let model = Parser::bundled().expect("bundled parser model");
    let test = conllu::read(&text).expect("EWT test parses");
    check(
        "EWT test",
        &evaluate(model, &test, Casing::AsIs),
        AS_WRITTEN,
    );
    check(
        "EWT test, Title Case",
        &evaluate(model, &test, Casing::Title),
        TITLE_CASED,
    );
}
