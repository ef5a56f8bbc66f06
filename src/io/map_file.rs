//! Saved maps: RON files written atomically and checked when read.

use std::path::Path;

use super::{IoError, MAX_FILE_BYTES, read::read_bounded, text::decode_text, validate::check_map};
use crate::model::TieMap;

/// The map as pretty RON text.
pub fn map_to_ron(map: &TieMap) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(map, ron::ser::PrettyConfig::default().struct_names(false))
}

/// Parses and checks a map from RON text; `origin` names it in messages. Warnings (strings cut,
/// dates dropped) are discarded: use [`parse_map`] to show them.
pub fn map_from_ron(text: &str, origin: &Path) -> Result<TieMap, IoError> {
    parse_map(text, origin).map(|(map, _)| map)
}

/// Parses and checks a map from RON text, with what the user should know about it.
pub fn parse_map(text: &str, origin: &Path) -> Result<(TieMap, Vec<String>), IoError> {
    let malformed = |message: String| IoError::MalformedMap {
        path: origin.to_owned(),
        message,
    };
    let mut map: TieMap = ron::from_str(text).map_err(|error| malformed(error.to_string()))?;
    let warnings = check_map(&mut map, &origin.display().to_string()).map_err(malformed)?;
    Ok((map, warnings))
}

/// Decodes and parses a map from the bytes of a file: invalid UTF-8 is replaced, with a warning.
pub fn map_from_bytes(bytes: &[u8], origin: &Path) -> Result<(TieMap, Vec<String>), IoError> {
    let loaded = decode_text(bytes, &origin.display().to_string());
    let (map, mut warnings) = parse_map(&loaded.text, origin)?;
    warnings.splice(0..0, loaded.warnings);
    Ok((map, warnings))
}

/// Reads a saved map (warnings discarded: see [`load_map_with_warnings`]).
pub fn load_map(path: &Path) -> Result<TieMap, IoError> {
    load_map_with_warnings(path).map(|(map, _)| map)
}

/// Reads a saved map, with its warnings (invalid UTF-8, strings cut, dates dropped).
pub fn load_map_with_warnings(path: &Path) -> Result<(TieMap, Vec<String>), IoError> {
    let bytes = read_bounded(path, MAX_FILE_BYTES)?;
    map_from_bytes(&bytes, path)
}

/// Writes the map to `path` atomically: on any failure the old file and `map` are unchanged.
pub fn save_map(path: &Path, map: &TieMap) -> Result<(), IoError> {
    let text = map_to_ron(map).map_err(|error| IoError::MalformedMap {
        path: path.to_owned(),
        message: error.to_string(),
    })?;
    super::write_atomically(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_and_dangling_maps_are_refused_with_a_reason() {
        let origin = Path::new("bad.ron");
        let error = map_from_ron("(version: 1, documents: [", origin).expect_err("truncated");
        assert!(error.to_string().contains("bad.ron"));
        let dangling = "(version: 1, documents: [], actors: [], ties: [(source: \"USA\", target: \"CHN\", category: CONSULT, quad: verbal_cooperation, mode: \"visit\", negated: false, hedged: false, evidence: [])], figures: [])";
        let error = map_from_ron(dangling, origin).expect_err("tie without actors");
        assert!(error.to_string().contains("USA"), "{error}");
        let future = "(version: 99, documents: [], actors: [], ties: [], figures: [])";
        assert!(map_from_ron(future, origin).is_err());
    }

    #[test]
    fn invalid_utf8_and_bad_dates_in_a_map_are_warned() {
        let text = b"(version: 1, documents: [(id: \"d\", date: Some(\"2023-13-45\"), text: \"Fran\xe7ois\")], actors: [], ties: [], figures: [])";
        let (map, warnings) = map_from_bytes(text, Path::new("m.ron")).expect("loads");
        assert_eq!(map.documents[0].date, None);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("UTF-8"), "{warnings:?}");
        assert!(warnings[1].contains("\"d\"") && warnings[1].contains("2023-13-45"));
    }

    #[test]
    fn a_failed_save_leaves_the_old_file_whole() {
        let dir = std::env::temp_dir().join(format!("tiemap-save-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("map.ron");
        save_map(&path, &TieMap::new()).expect("first save");
        let before = std::fs::read(&path).expect("read");
        // Saving into a folder that does not exist fails and touches nothing else.
        let error = save_map(&dir.join("missing/map.ron"), &TieMap::new()).expect_err("no folder");
        assert!(error.to_string().contains("does not exist"), "{error}");
        assert_eq!(std::fs::read(&path).expect("read"), before);
        let leftovers = std::fs::read_dir(&dir).expect("list").filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        });
        assert_eq!(leftovers.count(), 0);
    }
}
