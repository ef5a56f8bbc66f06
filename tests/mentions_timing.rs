//! Load time of the gazetteer and throughput of the mention pass, printed for the record.
//!
//! Timed tests prove nothing on a shared machine, so this one is ignored and only prints; run it
//! in release: `cargo test --release --test mentions_timing -- --ignored --nocapture`. The
//! criterion bench in benches/extract.rs can call the same public functions
//! (`Gazetteer::build_builtin`, `split_sentences`, `Gazetteer::find_mentions`,
//! `resolve_references`).

use std::time::{Duration, Instant};

use tiemap::extract::DocDate;
use tiemap::extract::coref::resolve_references;
use tiemap::extract::gazetteer::Gazetteer;
use tiemap::extract::sentences::split_sentences;

fn best_of<T>(runs: usize, mut run: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        let result = run();
        best = best.min(started.elapsed());
        last = Some(result);
    }
    (best, last.expect("at least one run"))
}

#[test]
#[ignore = "prints timings; run in release"]
fn print_load_time_and_throughput() {
    let (load, _) = best_of(10, || Gazetteer::build_builtin().expect("gazetteer"));
    println!("gazetteer load, best of 10: {load:?}");
    let gazetteer = Gazetteer::builtin().expect("gazetteer");
    let article = include_str!("../data/article.txt");
    let corpus = format!("{article}\n\n").repeat(20_000_000 / (article.len() + 2) + 1);
    let megabytes = corpus.len() as f64 / 1e6;
    let date = DocDate::parse("2023-02");
    let (split, sentences) = best_of(5, || split_sentences(&corpus));
    let (find, mentions) = best_of(5, || gazetteer.find_mentions(&corpus, &sentences, date));
    let (coref, _) = best_of(5, || {
        let mut all = mentions.clone();
        resolve_references(&corpus, &sentences, &mut all);
        all.len()
    });
    println!(
        "{megabytes:.1} MB, {} sentences, {} mentions: sentences {:.0} MB/s, mentions {:.0} MB/s, coreference {:.0} MB/s",
        sentences.len(),
        mentions.len(),
        megabytes / split.as_secs_f64(),
        megabytes / find.as_secs_f64(),
        megabytes / coref.as_secs_f64(),
    );
}
