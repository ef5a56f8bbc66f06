//! Bounded reading: every file, pipe or device is read through one reader that stops at a
//! limit, so a FIFO, `/dev/zero` or a 2 GB sparse file is refused instead of filling memory.
//!
//! Main design decision: the limit is enforced on the bytes actually read, never on
//! `metadata.len()` alone (which is 0 for pipes and devices), and anything that is not a regular
//! file is opened on a helper thread with a deadline, because opening a named pipe that nobody
//! writes to blocks forever. The first 8 KiB are checked for binary data before the rest is read,
//! so `/dev/zero` is refused after one block, not after 256 MB.

use std::io::Read;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use super::{IoError, article::io_error};

/// How long opening a pipe or device may wait for the other end before it is refused.
pub const OPEN_DEADLINE: Duration = Duration::from_secs(5);

/// How many bytes are read before the binary check looks at them.
const SNIFF_BYTES: usize = 8192;

/// Reads at most `limit` bytes of `path`; a file with more is refused with
/// [`IoError::TooLarge`]. Folders are refused, and binary data is refused as soon as the first
/// 8 KiB show it (UTF-16 text with a byte-order mark is not binary).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, IoError> {
    let metadata = std::fs::metadata(path).map_err(|source| io_error(path, source))?;
    if metadata.is_dir() {
        return Err(IoError::NotAFile {
            path: path.to_owned(),
            what: "a folder",
        });
    }
    let regular = metadata.is_file();
    if regular && metadata.len() > limit {
        return Err(IoError::TooLarge {
            path: path.to_owned(),
            bytes: metadata.len(),
            limit,
        });
    }
    let file = if regular {
        std::fs::File::open(path).map_err(|source| io_error(path, source))?
    } else {
        open_with_deadline(path, OPEN_DEADLINE)?
    };
    read_limited(file, path, limit)
}

/// Opens a pipe or device on a helper thread, giving up after `deadline` (the thread then stays
/// blocked in `open` until the process ends, which costs nothing).
fn open_with_deadline(path: &Path, deadline: Duration) -> Result<std::fs::File, IoError> {
    let (sender, receiver) = mpsc::channel();
    let owned = path.to_owned();
    std::thread::spawn(move || {
        // Nobody may be waiting any more; then the file is simply closed.
        let _ = sender.send(std::fs::File::open(owned));
    });
    match receiver.recv_timeout(deadline) {
        Ok(Ok(file)) => Ok(file),
        Ok(Err(source)) => Err(io_error(path, source)),
        Err(_) => Err(IoError::NotAFile {
            path: path.to_owned(),
            what: "a pipe or device that nothing writes to",
        }),
    }
}

/// Reads `reader` to its end or to `limit` bytes, whichever comes first; more is refused.
pub fn read_limited(reader: impl Read, path: &Path, limit: u64) -> Result<Vec<u8>, IoError> {
    let mut bytes = Vec::new();
    let mut limited = reader.take(limit.saturating_add(1));
    let mut head = [0u8; SNIFF_BYTES];
    let mut filled = 0;
    // Fill the head first: a pipe hands out a few bytes at a time.
    while filled < SNIFF_BYTES {
        let read = limited
            .read(&mut head[filled..])
            .map_err(|source| io_error(path, source))?;
        if read == 0 {
            break;
        }
        filled += read;
    }
    if super::text::looks_binary(&head[..filled]) {
        return Err(IoError::Binary {
            path: path.to_owned(),
        });
    }
    bytes.extend_from_slice(&head[..filled]);
    limited
        .read_to_end(&mut bytes)
        .map_err(|source| io_error(path, source))?;
    if bytes.len() as u64 > limit {
        return Err(IoError::TooLarge {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_longer_than_the_limit_is_refused_at_the_limit() {
        // An endless stream of text, like `yes`: the read stops one byte past the limit.
        let endless = std::io::repeat(b'a');
        let error = read_limited(endless, Path::new("yes"), 100_000).expect_err("refused");
        assert!(
            matches!(error, IoError::TooLarge { bytes: 100_001, .. }),
            "{error}"
        );
        let short = read_limited(&b"France and Germany"[..], Path::new("ok"), 100).expect("read");
        assert_eq!(short, b"France and Germany");
    }

    #[test]
    fn zeros_are_refused_after_the_first_block() {
        let error =
            read_limited(std::io::repeat(0), Path::new("zeros"), u64::MAX).expect_err("binary");
        assert!(matches!(error, IoError::Binary { .. }), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused_without_reading_it_all() {
        let error =
            read_bounded(Path::new("/dev/zero"), super::super::MAX_FILE_BYTES).expect_err("binary");
        assert!(matches!(error, IoError::Binary { .. }), "{error}");
    }
}
