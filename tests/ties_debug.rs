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
    let date = document
        .date
        .as_deref()
        .and_then(tiemap::extract::DocDate::parse);
    let mut mentions = extractor
        .gazetteer()
        .find_mentions(&document.text, &sentences, date);
    tiemap::extract::coref::resolve_references(&document.text, &sentences, &mut mentions);
    for mention in &mentions {
        let words = mention.span.slice(&document.text).unwrap_or_default();
        println!(
            "  mention {words:?} {:?} {:?}",
            mention.actors, mention.form
        );
    }
    let parser = tiemap::extract::parse::Parser::bundled().expect("parser loads");
    let mut analysis = tiemap::extract::analysis::SentenceAnalysis::default();
    for (index, &span) in sentences.iter().enumerate() {
        let local: Vec<_> = mentions
            .iter()
            .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
            .cloned()
            .collect();
        analysis.analyse(&document.text, index, span, &local, parser);
        if let Ok(events) = tiemap::extract::events::EventLexicon::bundled() {
            let words: Vec<&str> = analysis.lower_words().collect();
            let heads = analysis.heads();
            let mut found = Vec::new();
            events.find(&words, Some(&heads), &mut found);
            for event in &found {
                let cue: Vec<&str> = event
                    .words
                    .as_slice()
                    .iter()
                    .map(|&at| words[at as usize])
                    .collect();
                println!(
                    "    event {:?} {} {:?}",
                    cue,
                    event.category.name(),
                    events.sense(event.sense)
                );
            }
        }
        for (at, token) in analysis.tokens.iter().enumerate() {
            let word = token.span.slice(&document.text).unwrap_or_default();
            let head = token.head.map_or(-1, |h| h as i64);
            println!(
                "    {at:>3} {word:<16} {:?} {head} {:?} {:?}",
                token.tag, token.rel, token.mention
            );
        }
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

/// A rough throughput probe (not a benchmark: see benches/): the article and the corpus
/// repeated to about 10 MB, through the whole pipeline and through tie reading alone.
#[test]
#[ignore = "manual probe; run in release"]
fn print_throughput() {
    #[derive(serde::Deserialize)]
    struct Paragraph {
        text: String,
    }
    let corpus: Vec<Paragraph> =
        ron::from_str(include_str!("fixtures/corpus.ron")).expect("corpus parses");
    let mut text = String::new();
    while text.len() < 10_000_000 {
        text.push_str(include_str!("../data/article.txt"));
        text.push('\n');
        for paragraph in &corpus {
            text.push_str(&paragraph.text);
            text.push('\n');
        }
    }
    let extractor = Extractor::new().expect("assets load");
    let document = Document {
        id: "bulk".to_owned(),
        title: None,
        date: Some("2023-02".to_owned()),
        text,
    };
    let megabytes = document.text.len() as f64 / 1e6;
    let started = std::time::Instant::now();
    let extraction = extractor.extract(&document);
    let whole = started.elapsed().as_secs_f64();
    let sentences = tiemap::extract::sentences::split_sentences(&document.text);
    let date = tiemap::extract::DocDate::parse("2023-02");
    let mut mentions = extractor
        .gazetteer()
        .find_mentions(&document.text, &sentences, date);
    tiemap::extract::coref::resolve_references(&document.text, &sentences, &mut mentions);
    let lexicon = tiemap::extract::Lexicon::builtin().expect("lexicon loads");
    let started = std::time::Instant::now();
    let ties = tiemap::extract::ties::extract_ties(
        "bulk",
        &document.text,
        &sentences,
        &mentions,
        &lexicon,
        tiemap::extract::parse::Parser::bundled().expect("parser loads"),
    );
    let alone = started.elapsed().as_secs_f64();
    println!(
        "{megabytes:.1} MB, {} ties ({} merged): pipeline {:.1} MB/s, ties alone {:.1} MB/s",
        extraction
            .ties
            .iter()
            .map(|tie| tie.evidence.len())
            .sum::<usize>(),
        ties.len(),
        megabytes / whole,
        megabytes / alone
    );
}
