//! `tiemap layout`: the JSON line a benchmark script reads, the positions file, and clear
//! errors (not panics) for a missing or garbled edge list.

// Setup failures in tests should stop the test where they happen.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use tiemap::cli::layout::{LayoutCommand, run};

fn scratch_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tiemap-layout-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn command(edges: &std::path::Path) -> LayoutCommand<'_> {
    LayoutCommand {
        edges,
        ticks: 50,
        seed: 1,
        threads: 1,
        out: None,
    }
}

#[test]
fn prints_one_json_line_with_the_benchmark_fields() {
    let edges = scratch_file("ring.tsv", "a\tb\nb\tc\nc\td\nd\ta\na\tc\n");
    let out = edges.with_extension("positions.tsv");
    let mut stdout = Vec::new();
    run(
        &LayoutCommand {
            out: Some(&out),
            ..command(&edges)
        },
        &mut stdout,
    )
    .unwrap();
    let text = String::from_utf8(stdout).unwrap();
    assert_eq!(text.lines().count(), 1);
    let line: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(line["engine"], "tiemap");
    assert_eq!(line["nodes"], 4);
    assert_eq!(line["edges"], 5);
    assert!(line["tick_ms"].as_f64().is_some_and(|t| t >= 0.0));
    assert!(line["edge_len_dev"].as_f64().is_some_and(f64::is_finite));
    let positions = std::fs::read_to_string(&out).unwrap();
    let names: Vec<&str> = positions
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(names, ["a", "b", "c", "d"]);
}

#[test]
fn missing_and_garbled_files_are_errors_that_name_the_problem() {
    let missing = std::env::temp_dir().join("tiemap-no-such-edge-list.tsv");
    let error = run(&command(&missing), &mut Vec::new()).unwrap_err();
    assert!(
        format!("{error:#}").contains("tiemap-no-such-edge-list.tsv"),
        "{error:#}"
    );
    let garbled = scratch_file("garbled.tsv", "a\tb\nthis line has no tab\n");
    let error = run(&command(&garbled), &mut Vec::new()).unwrap_err();
    assert!(format!("{error:#}").contains("line 2"), "{error:#}");
}
