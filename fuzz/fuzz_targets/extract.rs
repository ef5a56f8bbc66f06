//! `Extractor::extract` on arbitrary text: every tie's evidence spans fall inside its sentence.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tiemap::extract::Extractor;
use tiemap::model::Document;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let extractor = EXTRACTOR.get_or_init(|| Extractor::new().expect("built-in tables load"));
    let document = Document {
        id: "fuzz".into(),
        title: None,
        date: Some("2023-02".into()),
        text: String::from_utf8_lossy(data).into_owned(),
    };
    let extraction = extractor.extract(&document);
    for tie in &extraction.ties {
        for evidence in &tie.evidence {
            assert!(evidence.cue_span.end <= evidence.text.len(), "cue span inside the sentence");
        }
    }
});
