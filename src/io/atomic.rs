//! Atomic writes: a file is written beside its target, flushed to disk and renamed over it, so
//! a crash, a full disk or a vanished folder leaves the old file whole.
//!
//! Main design decision: the target is checked before anything is written. A symlink to a
//! regular file is written through (the link stays a link); a target that is not a regular
//! file (a device, a pipe, `/proc/self/fd/1`, a folder) or that is read-only is refused, because
//! renaming over it would turn a device into a file or overwrite what the user protected.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::IoError;

/// A writer that can flush its bytes to stable storage before the rename.
pub trait SyncWrite: Write {
    /// Flushes and syncs to disk.
    fn sync(&mut self) -> std::io::Result<()>;
}

impl SyncWrite for std::fs::File {
    fn sync(&mut self) -> std::io::Result<()> {
        self.flush()?;
        self.sync_all()
    }
}

/// A file being written atomically: write to it, then [`AtomicFile::commit`]. Dropped without
/// a commit, it removes its temporary file and leaves the target as it was.
pub struct AtomicFile<W: SyncWrite = std::fs::File> {
    /// The file that will be replaced (a symlink's target, resolved).
    target: PathBuf,
    /// The path as the user gave it, for messages.
    shown: PathBuf,
    temporary: PathBuf,
    writer: Option<W>,
}

/// Distinguishes the temporary files of several writes from one process.
static TEMPORARY_COUNTER: AtomicU64 = AtomicU64::new(0);

impl AtomicFile<std::fs::File> {
    /// Checks `path` and opens a temporary file beside it.
    pub fn create(path: &Path) -> Result<Self, IoError> {
        Self::with_writer(path, |temporary| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(temporary)
        })
    }
}

impl<W: SyncWrite> AtomicFile<W> {
    /// Checks `path` and opens the temporary file with `open` (tests pass a writer that fails).
    pub fn with_writer(
        path: &Path,
        open: impl FnOnce(&Path) -> std::io::Result<W>,
    ) -> Result<Self, IoError> {
        let target = checked_target(path)?;
        let directory = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        };
        if !directory.is_dir() {
            return Err(write_error(
                path,
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("the folder {} does not exist", directory.display()),
                ),
            ));
        }
        let file_name = target
            .file_name()
            .map_or_else(|| "file".into(), |name| name.to_string_lossy().into_owned());
        let serial = TEMPORARY_COUNTER.fetch_add(1, Ordering::Relaxed);
        let temporary = directory.join(format!(".{file_name}.{}.{serial}.tmp", std::process::id()));
        let writer = open(&temporary).map_err(|source| write_error(path, source))?;
        Ok(AtomicFile {
            target,
            shown: path.to_owned(),
            temporary,
            writer: Some(writer),
        })
    }

    /// Syncs the new file and renames it over the target.
    pub fn commit(mut self) -> Result<(), IoError> {
        let Some(mut writer) = self.writer.take() else {
            return Err(write_error(
                &self.shown,
                std::io::Error::other("already committed"),
            ));
        };
        let result = writer
            .sync()
            .and_then(|()| {
                drop(writer);
                std::fs::rename(&self.temporary, &self.target)
            })
            .map_err(|source| write_error(&self.shown, source));
        if result.is_ok() {
            // Renamed: nothing left to clean up.
            self.temporary = PathBuf::new();
        }
        result
    }
}

impl<W: SyncWrite> Write for AtomicFile<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match &mut self.writer {
            Some(writer) => writer.write(bytes),
            None => Err(std::io::Error::other("already committed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.writer {
            Some(writer) => writer.flush(),
            None => Ok(()),
        }
    }
}

impl<W: SyncWrite> Drop for AtomicFile<W> {
    fn drop(&mut self) {
        self.writer = None;
        if !self.temporary.as_os_str().is_empty() {
            // Best effort: the temporary file may never have been created.
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)
        .map_err(|source| write_error(path, source))?;
    file.commit()
}

/// The file a write to `path` replaces: `path` itself, or a symlink's regular target. Refuses
/// devices, pipes, folders, dangling links and read-only files.
fn checked_target(path: &Path) -> Result<PathBuf, IoError> {
    let refuse = |what: &'static str| IoError::NotAFile {
        path: path.to_owned(),
        what,
    };
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => Err(refuse("a folder")),
        Ok(metadata) if !metadata.is_file() => Err(refuse(
            "a device, pipe or socket, not a regular file (tiemap writes only regular files)",
        )),
        Ok(metadata) if metadata.permissions().readonly() => Err(refuse(
            "read-only (make it writable or choose another name)",
        )),
        Ok(_) => {
            let is_link = std::fs::symlink_metadata(path)
                .is_ok_and(|metadata| metadata.file_type().is_symlink());
            if is_link && links_through_a_stream(path) {
                Err(refuse(
                    "a link to a process's stream or a device, not a regular file \
                     (tiemap writes only regular files)",
                ))
            } else if is_link {
                std::fs::canonicalize(path).map_err(|source| write_error(path, source))
            } else {
                Ok(path.to_owned())
            }
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let dangling = std::fs::symlink_metadata(path)
                .is_ok_and(|metadata| metadata.file_type().is_symlink());
            if dangling {
                Err(refuse("a link to a file that does not exist"))
            } else {
                Ok(path.to_owned())
            }
        }
        Err(source) => Err(write_error(path, source)),
    }
}

/// Whether a hop of the symlink chain from `path` goes through `/proc` or `/dev`. The end of
/// `/proc/self/fd/1` may be a regular file (a redirected log), but replacing it would swap the
/// log of whoever runs tiemap for a map, so such links are refused whatever they end in.
fn links_through_a_stream(path: &Path) -> bool {
    const MAX_HOPS: usize = 40;
    let mut current = path.to_owned();
    for _ in 0..MAX_HOPS {
        let Ok(next) = std::fs::read_link(&current) else {
            return false;
        };
        let next = match current.parent() {
            Some(parent) if next.is_relative() => parent.join(next),
            _ => next,
        };
        if next.starts_with("/proc") || next.starts_with("/dev") {
            return true;
        }
        current = next;
    }
    false
}

fn write_error(path: &Path, source: std::io::Error) -> IoError {
    IoError::Io {
        path: path.to_owned(),
        error: source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tiemap-atomic-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    /// A disk that fills up after `room` bytes.
    struct FullDisk {
        room: usize,
    }

    impl Write for FullDisk {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "no space left on device",
                ));
            }
            let taken = bytes.len().min(self.room);
            self.room -= taken;
            Ok(taken)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl SyncWrite for FullDisk {
        fn sync(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_full_disk_is_a_message_and_the_old_file_stays() {
        let dir = scratch("full");
        let path = dir.join("map.ron");
        std::fs::write(&path, "old").expect("old file");
        let mut file =
            AtomicFile::with_writer(&path, |_| Ok(FullDisk { room: 10 })).expect("opens");
        let error = file.write_all(&[b'x'; 100]).expect_err("disk full");
        assert_eq!(error.kind(), std::io::ErrorKind::StorageFull);
        drop(file);
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "old");
    }

    #[test]
    fn symlinks_to_files_are_written_through_and_devices_refused() {
        let dir = scratch("links");
        let real = dir.join("real.ron");
        std::fs::write(&real, "old").expect("real");
        let link = dir.join("link.ron");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&real, &link).expect("symlink");
            write_atomically(&link, b"new").expect("written through the link");
            assert!(
                std::fs::symlink_metadata(&link)
                    .expect("link")
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(std::fs::read_to_string(&real).expect("read"), "new");
            let error = write_atomically(Path::new("/dev/null"), b"x").expect_err("device");
            assert!(error.to_string().contains("not a regular file"), "{error}");
            let to_stdout = dir.join("stdout");
            std::os::unix::fs::symlink("/proc/self/fd/1", &to_stdout).expect("symlink");
            // Whatever fd 1 is here (a pipe, a tty, a redirected log), it is refused: were
            // it written through, a log file would be replaced by these bytes.
            let error = write_atomically(&to_stdout, b"png").expect_err("a process's stream");
            assert!(error.to_string().contains("not a regular file"), "{error}");
            assert!(
                std::fs::symlink_metadata(&to_stdout)
                    .expect("link")
                    .file_type()
                    .is_symlink()
            );
        }
        assert!(write_atomically(&dir, b"x").is_err(), "a folder");
    }

    #[test]
    fn a_read_only_file_is_not_replaced() {
        let dir = scratch("readonly");
        let path = dir.join("map.ron");
        std::fs::write(&path, "old").expect("old");
        let mut permissions = std::fs::metadata(&path).expect("meta").permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).expect("chmod");
        let error = write_atomically(&path, b"new").expect_err("read-only");
        assert!(error.to_string().contains("read-only"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "old");
    }
}
