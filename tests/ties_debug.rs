//! A manual probe, not a check: prints the ties (with negated/hedged flags and evidence
//! sentence numbers) the full pipeline reads from `TIES_TEXT` (a string) or `TIES_FILE`
//! (default: the bundled article). Run with `cargo test --test ties_debug -- --ignored
//! --nocapture`.

use tiemap::extract::Extractor;
use tiemap::model::Document;

#[test]
#[ignore = "manual probe"]
fn print_ties() {
    let text = std::env::var("TIES_TEXT").unwrap_or_else(|_| {
        let path = std::env::var("TIES_FILE").unwrap_or_else(|_| "data/article.txt".to_owned());
        std::fs::read_to_string(path).expect("readable text")
    });
    let document = Document {
        id: "probe".to_owned(),
        title: None,
        date: Some(std::env::var("TIES_DATE").unwrap_or_else(|_| "2023-02".to_owned())),
        text,
    };
    let extractor = Extractor::new().expect("assets load");
    let sentences = tiemap::extract::sentences::split_sentences(&document.text);
    let date = document.date.as_deref().and_then(tiemap::extract::DocDate::parse);
    let mut mentions = extractor
        .gazetteer()
        .find_mentions(&document.text, &sentences, date);
    tiemap::extract::coref::resolve_references(&document.text, &sentences, &mut mentions);
    for mention in &mentions {
        let words = mention.span.slice(&document.text).unwrap_or_default();
        println!("  mention {words:?} {:?} {:?}", mention.actors, mention.form);
    }
    let extraction = extractor.extract(&document);
    for tie in &extraction.ties {
        let sentences: Vec<String> = tie
            .evidence
            .iter()
            .map(|evidence| format!("{}:{:?}", evidence.sentence, evidence.cue))
            .collect();
        println!(
            "{} -> {} {} {}{}{} {}",
            tie.source,
            tie.target,
            tie.category.name(),
            tie.mode,
            if tie.negated { " NEG" } else { "" },
            if tie.hedged { " HEDGED" } else { "" },
            sentences.join(" ")
        );
    }
}
