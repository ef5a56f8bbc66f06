//! The command line against a hostile user: pipes, devices, huge and garbled files, symlinks to
//! stdout, broken maps. Each test is one defect a probe found (issue 11); each says what the
//! user would see if it came back.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn tiemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tiemap"))
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tiemap-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_exit_2_one_line(output: &Output, needle: &str) {
    let stderr = stderr(output);
    assert_eq!(output.status.code(), Some(2), "exit code 2: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(needle), "{needle:?} in {stderr}");
}

fn with_stdin(mut command: Command, input: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // The child may stop reading early; a broken pipe is then fine.
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

/// A small valid saved map with one tie, written by `extract --format ron` on a sentence.
fn saved_map(dir: &Path) -> PathBuf {
    let article = dir.join("story.txt");
    std::fs::write(
        &article,
        "France and Germany signed a trade agreement in Paris on Monday.",
    )
    .unwrap();
    let output = tiemap()
        .arg("extract")
        .arg(&article)
        .args(["--format", "ron"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let path = dir.join("saved.ron");
    std::fs::write(&path, &output.stdout).unwrap();
    path
}

/// Defect 1: a FIFO nobody writes to hung `extract`; `/dev/zero` grew until memory ran out.
#[cfg(unix)]
#[test]
fn defect_01_pipes_and_devices_are_read_bounded_or_refused() {
    let dir = scratch_dir("fifo");
    let fifo = dir.join("f.txt");
    let status = Command::new("mkfifo").arg(&fifo).status();
    if status.is_ok_and(|status| status.success()) {
        let started = Instant::now();
        let output = tiemap().arg("extract").arg(&fifo).output().unwrap();
        assert_exit_2_one_line(&output, "pipe or device");
        assert!(started.elapsed() < Duration::from_secs(20));
    } else {
        println!("skipped the FIFO half: no mkfifo here");
    }
    let started = Instant::now();
    let output = tiemap().args(["extract", "/dev/zero"]).output().unwrap();
    assert_exit_2_one_line(&output, "binary");
    assert!(started.elapsed() < Duration::from_secs(10));
    // Text through a pipe (process substitution, /dev/stdin) still reads.
    let output = with_stdin(
        {
            let mut command = tiemap();
            command.args(["extract", "/dev/stdin"]);
            command
        },
        b"France and Germany signed a trade agreement.",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// Defect 2: a JSON line of gigabytes aborted the whole stream.
#[test]
fn defect_02_a_json_line_over_64_mb_is_an_error_line_and_the_stream_goes_on() {
    let mut input = vec![b' '; 65 * 1024 * 1024];
    input.extend_from_slice(b"x\n{\"id\": \"after\", \"text\": \"\"}\n");
    let output = with_stdin(
        {
            let mut command = tiemap();
            command.args(["extract", "--jsonl"]);
            command
        },
        &input,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0]["error"].as_str().unwrap().contains("longer"));
    assert_eq!(lines[1]["id"], "after");
}

/// Defect 3: a 2 GB file of zeros took a minute and echoed gigabytes to stderr.
#[test]
fn defect_03_layout_input_is_bounded_and_bad_lines_quoted_short() {
    let dir = scratch_dir("layout-big");
    let sparse = dir.join("z.tsv");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let started = Instant::now();
    let output = tiemap().arg("layout").arg(&sparse).output().unwrap();
    assert_exit_2_one_line(&output, "z.tsv");
    assert!(started.elapsed() < Duration::from_secs(10));
    let garbled = dir.join("g.tsv");
    std::fs::write(&garbled, "x".repeat(5_000_000)).unwrap();
    let output = tiemap().arg("layout").arg(&garbled).output().unwrap();
    assert_exit_2_one_line(&output, "line 1");
    assert!(output.stderr.len() < 400, "{} bytes", output.stderr.len());
}

/// Defect 4: writing through a symlink to /proc/self/fd/1 replaced the link, and a device
/// became a file. `layout --out` goes through the same atomic write as `--screenshot`.
#[cfg(unix)]
#[test]
fn defect_04_atomic_writes_refuse_targets_that_are_not_regular_files() {
    let dir = scratch_dir("symlink");
    let edges = dir.join("e.tsv");
    std::fs::write(&edges, "a\tb\n").unwrap();
    let link = dir.join("s");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    let output = tiemap()
        .arg("layout")
        .arg(&edges)
        .arg("--out")
        .arg(&link)
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    assert_exit_2_one_line(&output, "not a regular file");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let output = tiemap()
        .arg("layout")
        .arg(&edges)
        .args(["--out", "/dev/null"])
        .output()
        .unwrap();
    assert_exit_2_one_line(&output, "not a regular file");
}

/// Defect 5: `--screenshot` on a truncated map exited 0 and said nothing.
#[test]
fn defect_05_screenshot_of_a_map_that_does_not_load_exits_2() {
    let dir = scratch_dir("screenshot");
    let saved = std::fs::read(saved_map(&dir)).unwrap();
    let truncated = dir.join("t.ron");
    std::fs::write(&truncated, &saved[..saved.len() / 2]).unwrap();
    let png = dir.join("o.png");
    let output = tiemap()
        .arg(&truncated)
        .arg("--screenshot")
        .arg(&png)
        .output()
        .unwrap();
    assert_exit_2_one_line(&output, "not a valid tiemap map");
    assert!(!png.exists());
}

/// Defect 6: `layout --out` said it succeeded before the write failed, after the whole run.
#[test]
fn defect_06_layout_out_is_opened_first_and_reported_once() {
    let dir = scratch_dir("layout-out");
    let edges = dir.join("e.tsv");
    std::fs::write(&edges, "a\tb\nb\tc\n").unwrap();
    let output = tiemap()
        .arg("layout")
        .arg(&edges)
        .arg("--out")
        .arg(dir.join("gone/positions.tsv"))
        .output()
        .unwrap();
    assert_exit_2_one_line(&output, "does not exist");
    assert!(output.stdout.is_empty(), "no success line before a failure");
    let out = dir.join("positions.tsv");
    let output = tiemap()
        .arg("layout")
        .arg(&edges)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(String::from_utf8(output.stdout).unwrap().lines().count(), 1);
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 3);
    let leftovers = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        })
        .count();
    assert_eq!(leftovers, 0);
}

/// Defect 7: `layout missing.tsv` exited 1, not the 2 the README promises.
#[test]
fn defect_07_layout_of_a_missing_file_exits_2() {
    let output = tiemap()
        .args(["layout", "/nonexistent/missing.tsv"])
        .output()
        .unwrap();
    assert_exit_2_one_line(&output, "no such file");
}

/// Defect 8: "is a folder, not a file: is a folder, not a file".
#[test]
fn defect_08_errors_say_things_once() {
    // The scratch path must not itself contain the counted word.
    let dir = scratch_dir("dir-argument");
    // `tiemap <folder>` is not here: the window opens a folder as a corpus.
    for args in [vec!["extract"], vec!["layout"]] {
        let output = tiemap().args(&args).arg(&dir).output().unwrap();
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
        assert_eq!(message.matches("folder").count(), 1, "{args:?}: {message}");
    }
}

/// Defect 9: a 1 MB actor name took 26 s and 2 GB to draw.
#[test]
fn defect_09_long_strings_are_capped_at_load_with_a_message() {
    let dir = scratch_dir("long-name");
    let text = std::fs::read_to_string(saved_map(&dir)).unwrap();
    let huge = text.replacen(
        "name: \"France\"",
        &format!("name: \"{}\"", "F".repeat(1 << 20)),
        1,
    );
    assert_ne!(huge, text, "the map names France");
    let path = dir.join("huge.ron");
    std::fs::write(&path, huge).unwrap();
    let output = tiemap().arg("extract").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("cut"), "{}", stderr(&output));
    let map: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let longest = map["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|actor| actor["name"].as_str().unwrap().chars().count())
        .max()
        .unwrap();
    assert!(longest <= tiemap::io::validate::caps::NAME, "{longest}");
}

/// Defect 10: `--threads 1000000` was taken at its word (58 s instead of 0.3 s).
#[test]
fn defect_10_threads_are_capped_at_the_cores() {
    let dir = scratch_dir("threads");
    let edges = dir.join("e.tsv");
    std::fs::write(&edges, "a\tb\nb\tc\n").unwrap();
    let started = Instant::now();
    let output = tiemap()
        .arg("layout")
        .arg(&edges)
        .args(["--threads", "1000000", "--ticks", "20"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("cores"), "{}", stderr(&output));
    assert!(started.elapsed() < Duration::from_secs(10));
}

/// Defect 11: a big integer id came back as 1.2345678901234568e+29.
#[test]
fn defect_11_json_ids_are_echoed_exactly() {
    let input = b"{\"id\": 123456789012345678901234567890, \"text\": \"France and Germany met.\"}\n{\"id\": 123456789012345678901234567891, \"txt\": 1}\n";
    let output = with_stdin(
        {
            let mut command = tiemap();
            command.args(["extract", "--jsonl"]);
            command
        },
        input,
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("{\"id\":123456789012345678901234567890,"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("{\"id\":123456789012345678901234567891,"),
        "{text}"
    );
}

/// Defect 12: figures naming unknown actors, NaN amounts and positions of 3e38 loaded.
#[test]
fn defect_12_figures_and_positions_are_validated_like_ties() {
    let dir = scratch_dir("figures");
    let text = std::fs::read_to_string(saved_map(&dir)).unwrap();
    let bad_position = text.replace(
        "positions: {}",
        "positions: {\"FRA\": (x: 3e38, y: 0.0, pinned: false)}",
    );
    assert_ne!(bad_position, text, "the map has an empty positions table");
    let figure = "figures: [(kind: trade, actors: [\"ZZZ\"], amounts: [(value: 1.0, currency: \"USD\")], period: None, record: false, evidence: (doc: \"story\", sentence: 0, text: \"s\", cue: \"s\", cue_span: (0, 1), mentions: []))]";
    let nan = "figures: [(kind: trade, actors: [\"FRA\"], amounts: [(value: NaN, currency: \"CNY\")], period: None, record: false, evidence: (doc: \"story\", sentence: 0, text: \"s\", cue: \"s\", cue_span: (0, 1), mentions: []))]";
    for (name, map, needle) in [
        ("position.ron", bad_position, "position"),
        ("unknown.ron", text.replace("figures: []", figure), "ZZZ"),
        ("nan.ron", text.replace("figures: []", nan), "finite"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, map).unwrap();
        let output = tiemap().arg("extract").arg(&path).output().unwrap();
        assert_exit_2_one_line(&output, needle);
    }
}

/// Defect 13: invalid dates were dropped without a word; invalid UTF-8 in a JSON line or a map
/// was replaced without the promised warning.
#[test]
fn defect_13_invalid_dates_and_bytes_are_warned_naming_the_document() {
    let dir = scratch_dir("dates");
    let article = dir.join("story.txt");
    std::fs::write(&article, "France and Germany met.").unwrap();
    std::fs::write(dir.join("story.meta.ron"), "(date: Some(\"2023-13-45\"))").unwrap();
    let output = tiemap().arg("extract").arg(&article).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let message = stderr(&output);
    assert!(
        message.contains("\"story\"") && message.contains("2023-13-45"),
        "{message}"
    );
    let output = with_stdin(
        {
            let mut command = tiemap();
            command.args(["extract", "--jsonl"]);
            command
        },
        b"{\"id\": \"bytes\", \"text\": \"Fran\xe7ois\", \"date\": \"99999\"}\n",
    );
    let line: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let warnings = line["warnings"].to_string();
    assert!(
        warnings.contains("UTF-8") && warnings.contains("99999"),
        "{warnings}"
    );
    assert!(stderr(&output).contains("warning"));
    let saved = std::fs::read(saved_map(&dir)).unwrap();
    let mut broken = saved.clone();
    let at = broken.windows(6).position(|w| w == b"France").unwrap();
    broken[at + 1] = 0xE7;
    let path = dir.join("bytes.ron");
    std::fs::write(&path, broken).unwrap();
    let output = tiemap().arg("extract").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("UTF-8"), "{}", stderr(&output));
}

/// Defect 14: UTF-16 text with a byte-order mark was refused as binary.
#[test]
fn defect_14_utf16_with_a_bom_is_decoded() {
    let dir = scratch_dir("utf16");
    let text = "France and Germany signed a trade agreement.";
    for (name, bom, encode) in [
        (
            "le.txt",
            [0xFF, 0xFE],
            u16::to_le_bytes as fn(u16) -> [u8; 2],
        ),
        ("be.txt", [0xFE, 0xFF], u16::to_be_bytes),
    ] {
        let mut bytes = bom.to_vec();
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&encode(unit));
        }
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = tiemap().arg("extract").arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let map: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(map["documents"][0]["text"], text);
    }
}

/// Defect 15: `extract saved.ron` mined the RON text itself for ties.
#[test]
fn defect_15_extract_reads_a_saved_map_as_a_map() {
    let dir = scratch_dir("extract-ron");
    let path = saved_map(&dir);
    let output = tiemap().arg("extract").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let printed: tiemap::model::TieMap = serde_json::from_slice(&output.stdout).unwrap();
    let saved = tiemap::io::load_map(&path).unwrap();
    assert_eq!(
        printed, saved,
        "the map as saved, not ties mined from its RON text"
    );
    let output = tiemap()
        .arg("extract")
        .arg(&path)
        .arg(dir.join("story.txt"))
        .output()
        .unwrap();
    assert_exit_2_one_line(&output, "one saved map");
    let meta = dir.join("story.meta.ron");
    std::fs::write(&meta, "(date: Some(\"2023\"))").unwrap();
    let output = tiemap().arg("extract").arg(&meta).output().unwrap();
    assert_exit_2_one_line(&output, "not a valid tiemap map");
}
