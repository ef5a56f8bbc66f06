//! `extract --jsonl` on arbitrary input: one output line per non-empty input line, each valid
//! JSON, whatever the input holds.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tiemap::extract::Extractor;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let extractor = EXTRACTOR.get_or_init(|| Extractor::new().expect("built-in tables load"));
    let mut output = Vec::new();
    let mut input = data;
    let summary =
        tiemap::cli::extract::run_jsonl_with(extractor, &mut input, &mut output, 4096).expect("runs");
    let lines: Vec<&[u8]> = output.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), summary.lines);
    for line in lines {
        // Raw values, not `serde_json::Value`: an id is echoed as given, and JSON allows a
        // number (`1e8901234567890`) that no f64 holds.
        let _: std::collections::BTreeMap<String, Box<serde_json::value::RawValue>> =
            serde_json::from_slice(line).expect("each line is a JSON object");
    }
});
