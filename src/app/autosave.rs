//! Never losing work: a second after the last change, the whole map is written (atomically,
//! on a worker thread) to a recovery file in the platform's data folder — never over the
//! user's own file. A clean save or quit removes it; after a crash or a kill it is still
//! there, and the next start offers to restore it ("Restore the unsaved map from 14:02 UTC?").
//!
//! The folder is `$TIEMAP_RECOVERY_DIR`, else `$XDG_DATA_HOME/tiemap`, else
//! `~/.local/share/tiemap` (`%APPDATA%\tiemap` on Windows).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::model::TieMap;

/// How long after the last change the map is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(1);
/// The recovery file's name in its folder.
const RECOVERY_FILE: &str = "recovery.ron";

/// The folder the recovery file goes in, from the environment.
pub fn default_recovery_dir() -> Option<PathBuf> {
    let from = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    if let Some(dir) = from("TIEMAP_RECOVERY_DIR") {
        return Some(PathBuf::from(dir));
    }
    if let Some(dir) = from("XDG_DATA_HOME") {
        return Some(PathBuf::from(dir).join("tiemap"));
    }
    if let Some(dir) = from("APPDATA") {
        return Some(PathBuf::from(dir).join("tiemap"));
    }
    from("HOME").map(|home| PathBuf::from(home).join(".local/share/tiemap"))
}

/// "14:02 UTC" for a file's modification time (no time-zone tables are shipped).
pub fn modified_clock(path: &Path) -> Option<String> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let seconds = modified
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let of_day = seconds % 86_400;
    Some(format!(
        "{:02}:{:02} UTC",
        of_day / 3600,
        (of_day % 3600) / 60
    ))
}

/// The autosave's state.
pub struct Autosave {
    /// The folder of the recovery file (`None`: no autosave on this machine).
    dir: Option<PathBuf>,
    /// Changes counted so far, and the count last written.
    changes: u64,
    written: u64,
    /// The count when the work was last safe (saved or discarded).
    cleared: u64,
    last_change: Instant,
    /// A write under way.
    writing: Option<std::thread::JoinHandle<Result<(), String>>>,
    /// The last write's error, reported once.
    pub error: Option<String>,
}

impl Autosave {
    /// Autosave into `dir`.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Autosave {
            dir,
            changes: 0,
            written: 0,
            cleared: 0,
            last_change: Instant::now(),
            writing: None,
            error: None,
        }
    }

    /// The recovery file.
    pub fn path(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join(RECOVERY_FILE))
    }

    /// A recovery file left by an earlier run, if any.
    pub fn leftover(&self) -> Option<PathBuf> {
        self.path().filter(|path| path.is_file())
    }

    /// The map changed: it will be written after [`AUTOSAVE_DELAY`].
    pub fn changed(&mut self) {
        self.changes += 1;
        self.last_change = Instant::now();
    }

    /// Whether the user changed the map since it was last saved (or the changes discarded).
    pub fn has_changes(&self) -> bool {
        self.changes != self.cleared
    }

    /// Whether a write is due (a change not yet written, quiet for the delay, none running).
    pub fn is_due(&self) -> bool {
        self.dir.is_some()
            && self.changes != self.written
            && self.writing.is_none()
            && self.last_change.elapsed() >= AUTOSAVE_DELAY
    }

    /// Whether a change is waiting to be written (the window keeps waking until it is).
    pub fn is_waiting(&self) -> bool {
        self.dir.is_some() && (self.changes != self.written || self.writing.is_some())
    }

    /// Writes `map` on a worker thread.
    pub fn write(&mut self, map: TieMap) {
        let Some(path) = self.path() else {
            return;
        };
        self.written = self.changes;
        self.writing = Some(std::thread::spawn(move || {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|error| error.to_string())?;
            }
            crate::io::save_map(&path, &map).map_err(|error| error.to_string())
        }));
    }

    /// Collects a finished write.
    pub fn poll(&mut self) {
        if self
            .writing
            .as_ref()
            .is_some_and(std::thread::JoinHandle::is_finished)
            && let Some(handle) = self.writing.take()
        {
            match handle.join() {
                Ok(Ok(())) => {}
                Ok(Err(error)) => self.error = Some(error),
                Err(_) => self.error = Some("the autosave thread failed".into()),
            }
        }
    }

    /// The work is safe elsewhere (saved, or deliberately discarded): the recovery file goes.
    pub fn clear(&mut self) {
        if let Some(handle) = self.writing.take() {
            let _ = handle.join();
        }
        self.written = self.changes;
        self.cleared = self.changes;
        if let Some(path) = self.leftover() {
            let _ = std::fs::remove_file(path);
        }
    }
}
