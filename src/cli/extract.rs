//! `tiemap extract`: the extracted map of files, or a streaming JSON-lines step over a corpus.

use std::io::{BufRead, Write};

use anyhow::Context;

use crate::extract::Extractor;
use crate::model::{Document, Figure, Tie};

/// Output format of `tiemap extract FILE...`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum MapFormat {
    /// Pretty JSON.
    #[default]
    Json,
    /// RON, the saved-map format (open it with `tiemap MAP.ron`).
    Ron,
}

/// One input line of `extract --jsonl`.
#[derive(Debug, serde::Deserialize)]
struct JsonlInput {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// One output line of `extract --jsonl`.
#[derive(Debug, serde::Serialize)]
struct JsonlOutput<'a> {
    id: &'a serde_json::Value,
    ties: &'a [Tie],
    figures: &'a [Figure],
}

/// Extracts the documents and writes the merged map to `stdout`.
pub fn run_files(
    documents: Vec<Document>,
    format: MapFormat,
    stdout: &mut dyn Write,
) -> anyhow::Result<()> {
    let extractor = Extractor::new().context("loading the built-in gazetteer and lexicon")?;
    let map = extractor.build_map(documents);
    match format {
        MapFormat::Json => serde_json::to_writer_pretty(&mut *stdout, &map)?,
        MapFormat::Ron => write!(stdout, "{}", crate::io::map_to_ron(&map)?)?,
    }
    writeln!(stdout)?;
    Ok(())
}

/// Reads JSON lines from `input` and writes one line per input line, in order, flushed as it
/// goes. A malformed line yields `{"id"?, "error"}` and the stream goes on. Memory stays flat:
/// one line is held at a time.
pub fn run_jsonl(input: &mut dyn BufRead, stdout: &mut dyn Write) -> anyhow::Result<JsonlSummary> {
    let extractor = Extractor::new().context("loading the built-in gazetteer and lexicon")?;
    let mut summary = JsonlSummary::default();
    let mut raw = Vec::new();
    let mut line_number = 0usize;
    loop {
        raw.clear();
        if input
            .read_until(b'\n', &mut raw)
            .context("reading standard input")?
            == 0
        {
            break;
        }
        line_number += 1;
        let line = String::from_utf8_lossy(&raw);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        summary.lines += 1;
        match serde_json::from_str::<JsonlInput>(line) {
            Ok(input) => {
                let document = Document {
                    id: match &input.id {
                        serde_json::Value::String(id) => id.clone(),
                        other => other.to_string(),
                    },
                    title: input.title,
                    date: input.date,
                    text: input.text,
                };
                let extraction = extractor.extract(&document);
                let output = JsonlOutput {
                    id: &input.id,
                    ties: &extraction.ties,
                    figures: &extraction.figures,
                };
                serde_json::to_writer(&mut *stdout, &output)?;
            }
            Err(error) => {
                summary.errors += 1;
                let id = serde_json::from_str::<serde_json::Value>(line)
                    .ok()
                    .and_then(|value| value.get("id").cloned());
                let message = format!("line {line_number}: {error}");
                let output = match id {
                    Some(id) => serde_json::json!({ "id": id, "error": message }),
                    None => serde_json::json!({ "error": message }),
                };
                serde_json::to_writer(&mut *stdout, &output)?;
            }
        }
        stdout.write_all(b"\n")?;
        stdout.flush()?;
    }
    Ok(summary)
}

/// What a JSON-lines run saw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JsonlSummary {
    /// Non-empty input lines.
    pub lines: usize,
    /// Lines that were not valid input.
    pub errors: usize,
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
                errors: 2
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
}
