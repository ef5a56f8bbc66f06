//! Saved maps: RON files written atomically and checked when read.

use std::io::Write;
use std::path::Path;

use super::{IoError, article::io_error, read_text};
use crate::model::{MAP_FORMAT_VERSION, TieMap};

/// The map as pretty RON text.
pub fn map_to_ron(map: &TieMap) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(map, ron::ser::PrettyConfig::default().struct_names(false))
}

/// Parses and checks a map from RON text; `origin` names it in messages.
pub fn map_from_ron(text: &str, origin: &Path) -> Result<TieMap, IoError> {
    let malformed = |message: String| IoError::MalformedMap {
        path: origin.to_owned(),
        message,
    };
    let map: TieMap = ron::from_str(text).map_err(|error| malformed(error.to_string()))?;
    if map.version > MAP_FORMAT_VERSION {
        return Err(malformed(format!(
            "written by a newer tiemap (format {}, this one reads up to {MAP_FORMAT_VERSION})",
            map.version
        )));
    }
    for tie in &map.ties {
        for end in [&tie.source, &tie.target] {
            if map.actor(end).is_none() {
                return Err(malformed(format!(
                    "a tie names actor {end}, which the map does not list"
                )));
            }
        }
        if tie.quad != tie.category.quad() {
            return Err(malformed(format!(
                "tie {}-{} has category {} in the wrong quad",
                tie.source,
                tie.target,
                tie.category.name()
            )));
        }
    }
    if !map.actors.windows(2).all(|pair| pair[0].id < pair[1].id) {
        return Err(malformed("actors must be sorted by id, each once".into()));
    }
    if map
        .positions
        .values()
        .any(|place| !place.x.is_finite() || !place.y.is_finite())
    {
        return Err(malformed("a node position is not a finite number".into()));
    }
    Ok(map)
}

/// Reads a saved map.
pub fn load_map(path: &Path) -> Result<TieMap, IoError> {
    let loaded = read_text(path)?;
    map_from_ron(&loaded.text, path)
}

/// Writes the map to `path` atomically.
pub fn save_map(path: &Path, map: &TieMap) -> Result<(), IoError> {
    let text = map_to_ron(map).map_err(|error| IoError::MalformedMap {
        path: path.to_owned(),
        message: error.to_string(),
    })?;
    write_atomically(path, text.as_bytes())
}

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it over
/// `path`: a crash or a full disk leaves the old file whole.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map_or_else(|| "map".into(), |name| name.to_string_lossy().into_owned());
    let temporary = directory.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if let Err(source) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(io_error(path, source));
    }
    Ok(())
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
    fn a_failed_save_leaves_the_old_file_whole() {
        let dir = std::env::temp_dir().join(format!("tiemap-save-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("map.ron");
        save_map(&path, &TieMap::new()).expect("first save");
        let before = std::fs::read(&path).expect("read");
        // Saving into a folder that does not exist fails and touches nothing else.
        assert!(save_map(&dir.join("missing/map.ron"), &TieMap::new()).is_err());
        assert_eq!(std::fs::read(&path).expect("read"), before);
        let leftovers = std::fs::read_dir(&dir).expect("list").filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        });
        assert_eq!(leftovers.count(), 0);
    }
}
