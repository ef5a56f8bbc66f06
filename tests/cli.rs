//! The command line as a user meets it: exit codes, one-line errors, and the JSON it prints.

use std::io::Write;
use std::process::{Command, Stdio};

fn tiemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tiemap"))
}

fn scratch(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tiemap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn assert_one_line_error(output: &std::process::Output, needle: &str) {
    assert_eq!(output.status.code(), Some(2), "bad input exits with 2");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one line on stderr: {stderr}"
    );
    assert!(stderr.contains(needle), "{stderr}");
}

#[test]
fn a_missing_file_is_one_line_on_stderr_and_exit_code_2() {
    let output = tiemap()
        .args(["extract", "/nonexistent/story.txt"])
        .output()
        .expect("runs");
    assert_one_line_error(&output, "no such file");
    // The window path checks files before opening anything.
    let output = tiemap()
        .arg("/nonexistent/story.txt")
        .output()
        .expect("runs");
    assert_one_line_error(&output, "no such file");
}

#[test]
fn a_binary_file_is_refused_with_exit_code_2() {
    let path = scratch("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let output = tiemap().arg("extract").arg(&path).output().expect("runs");
    assert_one_line_error(&output, "binary");
}

#[test]
fn text_with_no_countries_is_an_empty_map_and_exit_0() {
    let path = scratch(
        "weather.txt",
        b"It rained all day. The match was called off at half time.",
    );
    let output = tiemap().arg("extract").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let map: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON map");
    assert_eq!(map["ties"].as_array().map(Vec::len), Some(0));
    assert_eq!(map["actors"].as_array().map(Vec::len), Some(0));
}

#[test]
fn extract_ron_output_opens_as_a_saved_map() {
    let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/article.txt");
    let output = tiemap()
        .arg("extract")
        .arg(&article)
        .args(["--format", "ron"])
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("utf8");
    let map = tiemap::io::map_from_ron(&text, std::path::Path::new("stdout")).expect("a valid map");
    assert!(!map.ties.is_empty());
    assert_eq!(
        map.documents[0].date.as_deref(),
        Some("2023-02"),
        "metadata beside the article is read"
    );
}

#[test]
fn jsonl_streams_one_line_per_input_with_the_documented_schema() {
    let article = include_str!("../data/article.txt");
    let mut input = String::new();
    input.push_str(
        &serde_json::json!({"id": "seed", "text": article, "date": "2023-02"}).to_string(),
    );
    input.push_str("\n{broken\n");
    input.push_str(&serde_json::json!({"id": 2, "text": "Nothing to see."}).to_string());
    input.push('\n');
    let mut child = tiemap()
        .args(["extract", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("writes");
    let output = child.wait_with_output().expect("finishes");
    assert_eq!(output.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .expect("utf8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "seed");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], 2);
    let ties = lines[0]["ties"].as_array().expect("ties");
    assert!(!ties.is_empty());
    for tie in ties {
        for field in [
            "source", "target", "category", "quad", "mode", "negated", "hedged", "evidence",
        ] {
            assert!(tie.get(field).is_some(), "tie has {field}: {tie}");
        }
        for evidence in tie["evidence"].as_array().expect("evidence") {
            let text = evidence["text"].as_str().expect("text");
            let [start, end] =
                [0, 1].map(|i| evidence["cue_span"][i].as_u64().expect("span") as usize);
            assert_eq!(
                &text[start..end],
                evidence["cue"].as_str().expect("cue"),
                "cue_span is a byte range of text"
            );
            for mention in evidence["mentions"].as_array().expect("mentions") {
                let [start, end] =
                    [0, 1].map(|i| mention["span"][i].as_u64().expect("span") as usize);
                assert_eq!(&text[start..end], mention["text"].as_str().expect("text"));
            }
        }
    }
    let figures = lines[0]["figures"].as_array().expect("figures");
    for figure in figures {
        for field in ["kind", "actors", "amounts", "period", "record", "evidence"] {
            assert!(figure.get(field).is_some(), "figure has {field}: {figure}");
        }
    }
}
