//! Opening a corpus: a folder of articles (or a `.jsonl` file) read in the background with a
//! progress bar, the map growing as documents arrive, unreadable files listed with their
//! reason; the documents panel and the article view.
#![cfg(feature = "gui")]

mod gui_support;

use std::fmt::Write as _;

use egui_kittest::kittest::Queryable;
use gui_support::{fixture_map, settled_harness};
use tiemap::app::{Command, Selection, UiCommand};
use tiemap::model::EdgeKey;

/// Countries and the sentence patterns the generated articles use.
const COUNTRIES: [&str; 8] = [
    "France", "Germany", "Japan", "India", "Brazil", "Canada", "Egypt", "Kenya",
];

/// Writes `count` short articles (two countries meeting, one a day) and a binary file that
/// cannot be read into a fresh folder.
pub fn write_corpus(name: &str, count: usize) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tiemap-corpus-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("scratch dir");
    for index in 0..count {
        let a = COUNTRIES[index % COUNTRIES.len()];
        let b = COUNTRIES[(index / COUNTRIES.len() + index + 1) % COUNTRIES.len()];
        let text = format!(
            "Talks in the capital.\n\n{a} and {b} signed a trade agreement on Monday. Officials said the deal would grow.\n"
        );
        let folder = if index % 2 == 0 {
            dir.clone()
        } else {
            dir.join("sub")
        };
        std::fs::write(folder.join(format!("story{index:04}.txt")), text).expect("write");
        std::fs::write(
            folder.join(format!("story{index:04}.meta.ron")),
            format!(
                "(date: Some(\"2023-{:02}\"), title: Some(\"Story {index}\"))",
                1 + index % 12
            ),
        )
        .expect("write meta");
    }
    std::fs::write(dir.join("broken.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").expect("write");
    dir
}

fn wait_for_corpus(harness: &mut egui_kittest::Harness<'_, tiemap::app::TiemapApp>) -> bool {
    let mut saw_progress = false;
    for _ in 0..3_000 {
        harness.step();
        if harness.state().corpus_progress().is_some() {
            saw_progress = true;
        }
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run();
    saw_progress
}

#[test]
fn a_folder_opens_as_a_corpus_in_the_background_and_lists_what_it_could_not_read() {
    let dir = write_corpus("open", 60);
    let mut harness = settled_harness(fixture_map());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::OpenFiles(vec![dir.clone()]));
    harness.step();
    assert!(harness.state().is_loading());
    // The bar's area takes its size on its first frame and shows on the second.
    harness.step();
    assert!(
        harness.state().map().actors.iter().any(|a| a.id == "CHN"),
        "the old map stays until documents arrive"
    );
    harness.get_by_label("Cancel");
    assert!(wait_for_corpus(&mut harness), "a progress bar was shown");
    let app = harness.state();
    assert_eq!(app.map().documents.len(), 60, "every readable article");
    // The layout went on working as the map grew: it settled with the nodes apart.
    assert!(app.is_settled());
    let positions: Vec<[f32; 2]> = app
        .map()
        .actors
        .iter()
        .filter_map(|actor| app.node_world_pos(&actor.id))
        .collect();
    assert!(positions.len() >= 8);
    for (i, a) in positions.iter().enumerate() {
        for b in &positions[i + 1..] {
            assert!(
                (a[0] - b[0]).hypot(a[1] - b[1]) > 20.0,
                "{a:?} and {b:?} overlap"
            );
        }
    }
    assert!(app.map().actors.iter().any(|a| a.id == "FRA"));
    assert!(
        !app.map().actors.iter().any(|a| a.id == "CHN"),
        "the corpus replaced the map"
    );
    let failures = app.corpus_failures();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].source.ends_with("broken.txt"));
    assert!(failures[0].reason.contains("binary"), "{failures:?}");
    harness.get_by_label("1 files not read");
    harness.state_mut().apply(&ctx, Command::CloseFailures);
    harness.run();
    // The documents panel lists them with dates and titles; a click opens the article.
    harness.get_by_label("Documents (60)");
    harness.get_by_label("Story 0").click();
    harness.run();
    assert!(harness.state().article_shown().is_some());
    harness.get_by_label_contains("Talks in the capital.");
}

#[test]
fn unchecking_a_document_takes_its_ties_off_the_map() {
    let dir = write_corpus("uncheck", 9);
    let mut harness = settled_harness(fixture_map());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::OpenFiles(vec![dir]));
    wait_for_corpus(&mut harness);
    let before = harness.state().edges().len();
    // Story 8 is the only one that ties Kenya to France ... hide every document but it.
    let mut view = harness.state().view().clone();
    view.hidden_documents = harness
        .state()
        .map()
        .documents
        .iter()
        .map(|d| d.id.clone())
        .filter(|id| id != "story0000")
        .collect();
    harness.state_mut().apply(&ctx, Command::SetView(view));
    harness.run();
    let keys: Vec<EdgeKey> = harness
        .state()
        .edges()
        .iter()
        .map(|e| e.key.clone())
        .collect();
    assert_eq!(
        keys,
        [EdgeKey::new("FRA", "DEU")],
        "only story 0's tie: {keys:?} of {before}"
    );
    harness
        .state_mut()
        .apply(&ctx, Command::Ui(UiCommand::ClearFilters));
    harness.run();
    assert_eq!(harness.state().edges().len(), before);
}

#[test]
fn open_in_article_shows_the_whole_text_and_a_sentence_click_selects_its_edge() {
    let loaded =
        tiemap::app::loading::load(&tiemap::app::Source::Bundled).expect("bundled article");
    let mut harness = settled_harness(loaded.map);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        Command::Select(Selection::Edge(EdgeKey::new("CHN", "RUS"))),
    );
    harness.run();
    harness
        .query_all_by_label("open in article")
        .next()
        .expect("each sentence can open its article")
        .click();
    harness.run();
    assert!(harness.state().article_shown().is_some());
    harness.state_mut().apply(&ctx, Command::ClearSelection);
    harness.run();
    let sentence = harness
        .query_all_by_label_contains("joint military exercises with Russia")
        .next()
        .expect("the sentence is in the article");
    sentence.click();
    harness.run();
    assert!(matches!(
        harness.state().selection(),
        Some(Selection::Edge(_))
    ));
}

#[test]
fn a_jsonl_file_opens_as_a_corpus_and_the_map_grows_while_it_is_read() {
    let dir = std::env::temp_dir().join(format!("tiemap-corpus-jsonl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("corpus.jsonl");
    let mut lines = String::new();
    for index in 0..600 {
        let a = COUNTRIES[index % COUNTRIES.len()];
        let b = COUNTRIES[(index / COUNTRIES.len() + index + 1) % COUNTRIES.len()];
        let _ = writeln!(
            lines,
            "{{\"id\": \"n{index}\", \"text\": \"{a} and {b} signed a trade agreement on Monday. {a} accused {b} of spying.\", \"date\": \"2022-03\"}}"
        );
    }
    lines.push_str("this line is not json\n");
    std::fs::write(&path, lines).expect("write");
    let mut harness = settled_harness(fixture_map());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::OpenFiles(vec![path]));
    let mut seen_while_loading = std::collections::BTreeSet::new();
    for _ in 0..5_000 {
        harness.step();
        if !harness.state().is_loading() {
            break;
        }
        if harness.state().map().actors.iter().any(|a| a.id == "FRA") {
            seen_while_loading.insert(harness.state().map().documents.len());
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    harness.run();
    assert_eq!(harness.state().map().documents.len(), 600);
    assert_eq!(harness.state().corpus_failures().len(), 1);
    assert!(
        seen_while_loading.iter().any(|&count| count < 600),
        "the map showed documents before all were read: {seen_while_loading:?}"
    );
}
