//! The event-record importer on arbitrary bytes: a checked map or an error, never a panic; a
//! map that imports exports again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((map, _)) = tiemap::io::import::events_to_map(data, std::path::Path::new("fuzz.jsonl")) {
        let records = tiemap::io::export::event_records(&map, true);
        assert!(!records.is_empty());
    }
});
