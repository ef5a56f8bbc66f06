//! Figures of the event lexicon, printed (run with `--release -- --nocapture`): its size, its
//! load time, the speed of `find`, and, where the dev set is present, the share of its
//! sentences in which the lexicon alone finds an event of a category the record names (an upper
//! bound on category agreement from the lexicon). The dev set is only counted, never copied.

use std::time::Instant;

use tiemap::extract::events::{AgentWords, EventLexicon};

/// A small UD-like tokenizer: punctuation split off, "'s" and "n't" apart.
fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let mut rest = word;
        while let Some(first) = rest.chars().next().filter(|c| "\"“(['‘".contains(*c)) {
            out.push(&rest[..first.len_utf8()]);
            rest = &rest[first.len_utf8()..];
        }
        let mut tail = Vec::new();
        while let Some(last) = rest.chars().last().filter(|c| ",.;:!?\"”)]'’".contains(*c)) {
            let at = rest.len() - last.len_utf8();
            tail.push(&rest[at..]);
            rest = &rest[..at];
        }
        for suffix in ["'s", "’s", "n't"] {
            if rest.len() > suffix.len() && rest.ends_with(suffix) {
                let at = rest.len() - suffix.len();
                tail.push(&rest[at..]);
                rest = &rest[..at];
                break;
            }
        }
        if !rest.is_empty() {
            out.push(rest);
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

const SAMPLE: &str = "The foreign ministers of the two countries held talks in the capital on Monday \
and agreed to expand trade , while the government lifted sanctions on steel imports and \
pledged humanitarian aid after the airstrike near the border .";

#[test]
fn load_time_and_size() {
    let start = Instant::now();
    let lexicon = EventLexicon::from_source(include_str!("../assets/events.txt")).expect("loads");
    let load = start.elapsed();
    let start = Instant::now();
    let agents = AgentWords::from_ron(include_str!("../assets/agents.ron")).expect("loads");
    let agents_load = start.elapsed();
    let (forms, patterns, nouns) = lexicon.counts();
    println!(
        "events.txt: {forms} verb forms, {patterns} patterns, {nouns} noun and phrase cues, \
         loaded in {:.1} ms; agents.ron: {} agent words, {} group names, loaded in {:.1} ms",
        load.as_secs_f64() * 1e3,
        agents.len(),
        agents.groups().len(),
        agents_load.as_secs_f64() * 1e3
    );
    assert!(forms > 5000 && patterns > 4000 && nouns > 500);
}

#[test]
fn find_speed() {
    let lexicon = EventLexicon::bundled().expect("loads");
    let words = tokenize(SAMPLE);
    let mut out = Vec::new();
    let rounds = 20_000;
    let start = Instant::now();
    for _ in 0..rounds {
        out.clear();
        lexicon.find(&words, None, &mut out);
    }
    let seconds = start.elapsed().as_secs_f64();
    let mb_per_s = (SAMPLE.len() * rounds) as f64 / seconds / 1e6;
    println!(
        "find without heads: {mb_per_s:.1} MB/s ({} events a sentence)",
        out.len()
    );
    assert!(!out.is_empty());
}

#[test]
fn dev_category_share() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev/conflibert-dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipped: {} is absent", path.display());
        return;
    };
    let lexicon = EventLexicon::bundled().expect("loads");
    let (mut records, mut hits, mut any) = (0, 0, 0);
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let record: serde_json::Value = serde_json::from_str(line).expect("json line");
        let sentence = record["text"].as_str().unwrap_or_default();
        let wanted: Vec<String> = record["categories"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|c| c.as_str())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        out.clear();
        lexicon.find(&tokenize(sentence), None, &mut out);
        records += 1;
        any += usize::from(!out.is_empty());
        let named = |m: &tiemap::extract::events::EventMatch| {
            let name = serde_json::to_value(m.category).ok();
            wanted
                .iter()
                .any(|w| name.as_ref().and_then(|n| n.as_str()) == Some(w.as_str()))
        };
        hits += usize::from(out.iter().any(named));
    }
    println!(
        "dev: {records} records, an event in {any}, an event of a named category in {hits} ({:.0}%)",
        100.0 * hits as f64 / records.max(1) as f64
    );
}
