//! Files: reading articles, saving and opening maps, exports and imports, and the bundled
//! article.
//!
//! Everything that touches the file system for the core goes through here, so that every bad
//! input (missing, unreadable, binary, huge, endless, non-UTF-8, malformed) becomes one
//! [`IoError`] with a sentence a user can act on, and writes are atomic: a file is either the
//! old one or the new one, never half of each.

mod article;
mod atomic;
pub mod corpus;
pub mod export;
pub mod import;
pub mod lines;
mod map_file;
mod read;
pub mod text;
pub mod validate;

pub use article::{DocumentMeta, bundled_document, load_document, read_text};
pub use atomic::{AtomicFile, SyncWrite, write_atomically};
pub use map_file::{
    load_map, load_map_with_warnings, map_from_bytes, map_from_ron, map_to_ron, parse_map, save_map,
};
pub use read::{OPEN_DEADLINE, read_bounded, read_limited};
pub use text::LoadedText;

use std::path::PathBuf;

/// Files larger than this are refused rather than read: tiemap reads articles, not dumps.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What went wrong with a file, said so that the user knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum IoError {
    /// The path does not exist.
    #[error("{path}: no such file")]
    NotFound {
        /// The file.
        path: PathBuf,
    },
    /// The file exists but cannot be read or written. (The OS error is part of the message, not
    /// a separate cause, so reports do not say it twice.)
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// The path is not a regular file: a folder, a device, a pipe nothing writes to, a read-only
    /// file (for writes).
    #[error("{path}: is {what}")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        what: &'static str,
    },
    /// The file holds binary data, not text.
    #[error(
        "{path}: looks like a binary file, not text (tiemap reads .txt and .md articles and .ron maps)"
    )]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// The file is too large to be an article or a map.
    #[error("{path}: {bytes} bytes is more than tiemap reads ({limit} at most)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A map file that does not parse or does not hold together.
    #[error("{path}: not a valid tiemap map: {message}")]
    MalformedMap {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the position where the parser knows it.
        message: String,
    },
}
