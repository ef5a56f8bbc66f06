//! Files: reading articles, saving and opening maps, and the bundled article.
//!
//! Everything that touches the file system for the core goes through here, so that every bad
//! input (missing, unreadable, binary, huge, non-UTF-8, malformed) becomes one [`IoError`] with
//! a sentence a user can act on, and saves are atomic: a map file is either the old one or the
//! new one, never half of each.

mod article;
pub mod corpus;
mod map_file;

pub use article::{DocumentMeta, LoadedText, bundled_document, load_document, read_text};
pub use map_file::{load_map, map_from_ron, map_to_ron, save_map, write_atomically};

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
    /// The file exists but cannot be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
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
