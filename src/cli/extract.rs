//! `tiemap extract`: the extracted map of files, or a streaming JSON-lines step over a corpus.

use std::io::{BufRead, Write};

use anyhow::Context;

use serde_json::value::RawValue;

use crate::extract::Extractor;
use crate::io::lines::{LineRead, MAX_LINE_BYTES, read_line_bounded};
use crate::model::{Document, Figure, Tie, TieMap, check_document_date};

/// Output format of `tiemap extract FILE...`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum MapFormat {
    /// Pretty JSON.
    #[default]
    Json,
    /// RON, the saved-map format (open it with `tiemap MAP.ron`).
    Ron,
}

/// One input line of `extract --jsonl`. The id is kept as the raw JSON text it was given in,
/// so a big integer or a long decimal comes back exactly.
#[derive(Debug, serde::Deserialize)]
struct JsonlInput {
    id: Box<RawValue>,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// Only the id of a line, for error lines.
#[derive(Debug, serde::Deserialize)]
struct JsonlId {
    id: Box<RawValue>,
}

/// One output line of `extract --jsonl`.
#[derive(Debug, serde::Serialize)]
struct JsonlOutput<'a> {
    id: &'a RawValue,
    ties: &'a [Tie],
    figures: &'a [Figure],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    warnings: &'a [String],
}

/// An output line for an input line that was not valid.
#[derive(Debug, serde::Serialize)]
struct ErrorLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a RawValue>,
    error: &'a str,
}

/// Extracts the documents and writes the merged map to `stdout`.
pub fn run_files(
    documents: Vec<Document>,
    format: MapFormat,
    stdout: &mut dyn Write,
) -> anyhow::Result<()> {
    let extractor = Extractor::new().context("loading the built-in gazetteer and lexicon")?;
    let map = extractor.build_map(documents);
    write_map(&map, format, stdout)
}

/// Writes a map as pretty JSON or RON.
pub fn write_map(map: &TieMap, format: MapFormat, stdout: &mut dyn Write) -> anyhow::Result<()> {
    match format {
        MapFormat::Json => serde_json::to_writer_pretty(&mut *stdout, map)?,
        MapFormat::Ron => write!(stdout, "{}", crate::io::map_to_ron(map)?)?,
    }
    writeln!(stdout)?;
    Ok(())
}

/// Reads JSON lines from `input` and writes one line per input line, in order, flushed as it
/// goes. A malformed line, or one longer than [`MAX_LINE_BYTES`], yields `{"id"?, "error"}` and
/// the stream goes on. Memory stays flat: one line is held at a time.
pub fn run_jsonl(input: &mut dyn BufRead, stdout: &mut dyn Write) -> anyhow::Result<JsonlSummary> {
    run_jsonl_bounded(input, stdout, MAX_LINE_BYTES)
}

/// [`run_jsonl`] with a chosen bound on a line's length.
pub fn run_jsonl_bounded(
    input: &mut dyn BufRead,
    stdout: &mut dyn Write,
    max_line_bytes: usize,
) -> anyhow::Result<JsonlSummary> {
    let extractor = Extractor::new().context("loading the built-in gazetteer and lexicon")?;
    run_jsonl_with(&extractor, input, stdout, max_line_bytes)
}

/// [`run_jsonl_bounded`] with an extractor made once (for fuzzing and long-running callers).
pub fn run_jsonl_with(
    extractor: &Extractor,
    input: &mut dyn BufRead,
    stdout: &mut dyn Write,
    max_line_bytes: usize,
) -> anyhow::Result<JsonlSummary> {
    let mut summary = JsonlSummary::default();
    let mut raw = Vec::new();
    let mut line_number = 0usize;
    while let Some(read) =
        read_line_bounded(input, &mut raw, max_line_bytes).context("reading standard input")?
    {
        line_number += 1;
        if let LineRead::TooLong(bytes) = read {
            summary.lines += 1;
            summary.errors += 1;
            let message = format!(
                "line {line_number}: {bytes} bytes is longer than a line may be ({max_line_bytes} bytes)"
            );
            let output = ErrorLine {
                id: None,
                error: &message,
            };
            serde_json::to_writer(&mut *stdout, &output)?;
            stdout.write_all(b"\n")?;
            stdout.flush()?;
            continue;
        }
        let mut warnings = Vec::new();
        let line = if let Ok(line) = std::str::from_utf8(&raw) {
            std::borrow::Cow::Borrowed(line)
        } else {
            warnings.push(format!(
                "line {line_number}: not valid UTF-8; undecodable bytes were replaced by \u{FFFD}"
            ));
            String::from_utf8_lossy(&raw)
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        summary.lines += 1;
        summary.warnings += warnings.len();
        match serde_json::from_str::<JsonlInput>(line) {
            Ok(input) => {
                let mut document = Document {
                    id: document_id(&input.id),
                    title: input.title,
                    date: input.date,
                    text: input.text,
                };
                if let Some(warning) = check_document_date(&mut document) {
                    summary.warnings += 1;
                    warnings.push(format!("line {line_number}: {warning}"));
                }
                let extraction = extractor.extract(&document);
                let output = JsonlOutput {
                    id: &input.id,
                    ties: &extraction.ties,
                    figures: &extraction.figures,
                    warnings: &warnings,
                };
                serde_json::to_writer(&mut *stdout, &output)?;
            }
            Err(error) => {
                summary.errors += 1;
                let id = serde_json::from_str::<JsonlId>(line)
                    .ok()
                    .map(|line| line.id);
                let message = format!("line {line_number}: {error}");
                let output = ErrorLine {
                    id: id.as_deref(),
                    error: &message,
                };
                serde_json::to_writer(&mut *stdout, &output)?;
            }
        }
        stdout.write_all(b"\n")?;
        stdout.flush()?;
    }
    Ok(summary)
}

/// The document id for a JSON id: a string's contents, or the JSON text of anything else.
fn document_id(id: &RawValue) -> String {
    serde_json::from_str::<String>(id.get()).unwrap_or_else(|_| id.get().to_owned())
}

/// What a JSON-lines run saw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JsonlSummary {
    /// Non-empty input lines.
    pub lines: usize,
    /// Lines that were not valid input.
    pub errors: usize,
    /// Warnings written on good lines (invalid UTF-8, dates ignored).
    pub warnings: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_keeps_going_past_malformed_lines_and_keeps_order() {
        let input = "{\"id\": \"a\", \"text\": \"Nothing here.\"}\nnot json\n{\"id\": 7}\n\n{\"id\": \"b\", \"text\": \"\"}\n";
        let mut output = Vec::new();
        let summary = run_jsonl(&mut input.as_bytes(), &mut output).expect("runs");
        assert_eq!(
            summary,
            JsonlSummary {
                lines: 4,
                errors: 2,
                warnings: 0
            }
        );
        let lines: Vec<serde_json::Value> = String::from_utf8(output)
            .expect("utf8")
            .lines()
            .map(|line| serde_json::from_str(line).expect("each output line is JSON"))
            .collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["id"], "a");
        assert!(lines[0]["ties"].is_array());
        assert!(lines[1].get("id").is_none() && lines[1]["error"].is_string());
        assert_eq!(lines[2]["id"], 7);
        assert!(
            lines[2]["error"]
                .as_str()
                .is_some_and(|e| e.contains("text"))
        );
        assert_eq!(lines[3]["id"], "b");
    }

    #[test]
    fn ids_come_back_exactly_as_given() {
        let input = "{\"id\": 123456789012345678901234567890, \"text\": \"\"}\n{\"id\": 1.50, \"text\": \"\"}\n{\"id\": 123456789012345678901234567890}\n{\"id\": 1e8901234567890, \"text\": \"\"}\n";
        let mut output = Vec::new();
        run_jsonl(&mut input.as_bytes(), &mut output).expect("runs");
        let output = String::from_utf8(output).expect("utf8");
        let lines: Vec<&str> = output.lines().collect();
        assert!(
            lines[0].starts_with("{\"id\":123456789012345678901234567890,"),
            "{}",
            lines[0]
        );
        assert!(lines[1].starts_with("{\"id\":1.50,"), "{}", lines[1]);
        assert!(
            lines[2].starts_with("{\"id\":123456789012345678901234567890,\"error\""),
            "{}",
            lines[2]
        );
        // Valid JSON that no f64 holds (fuzzing found it): still echoed, not rounded to inf.
        assert!(
            lines[3].starts_with("{\"id\":1e8901234567890,"),
            "{}",
            lines[3]
        );
    }

    #[test]
    fn a_line_over_the_bound_is_an_error_line_and_the_stream_goes_on() {
        let long = format!("{{\"id\": \"long\", \"text\": \"{}\"}}", "a".repeat(5000));
        let input = format!("{long}\n{{\"id\": \"next\", \"text\": \"\"}}\n");
        let mut output = Vec::new();
        let summary = run_jsonl_bounded(&mut input.as_bytes(), &mut output, 1000).expect("runs");
        assert_eq!((summary.lines, summary.errors), (2, 1));
        let output = String::from_utf8(output).expect("utf8");
        let lines: Vec<serde_json::Value> = output
            .lines()
            .map(|line| serde_json::from_str(line).expect("json"))
            .collect();
        assert!(
            lines[0]["error"]
                .as_str()
                .is_some_and(|e| e.contains("longer")),
            "{output}"
        );
        assert_eq!(lines[1]["id"], "next");
    }

    #[test]
    fn bad_dates_and_bad_utf8_are_warned_on_the_line() {
        let input = b"{\"id\": \"a\", \"text\": \"Fran\xe7ois\", \"date\": \"2023-13-45\"}\n";
        let mut output = Vec::new();
        let summary = run_jsonl(&mut &input[..], &mut output).expect("runs");
        assert_eq!(summary.warnings, 2);
        let line: serde_json::Value = serde_json::from_slice(&output).expect("json");
        let warnings = line["warnings"].as_array().expect("warnings");
        assert!(warnings[0].as_str().is_some_and(|w| w.contains("UTF-8")));
        assert!(
            warnings[1]
                .as_str()
                .is_some_and(|w| w.contains("2023-13-45") && w.contains("\"a\""))
        );
    }
}
