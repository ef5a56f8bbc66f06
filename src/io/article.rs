//! Reading articles: text files with optional metadata, and the article bundled with the app.

use std::path::Path;

use super::read::read_bounded;
use super::text::{LoadedText, decode_text};
use super::{IoError, MAX_FILE_BYTES};
use crate::model::{Document, check_document_date};

/// The bundled article, compiled in so the app opens on it from anywhere.
const BUNDLED_TEXT: &str = include_str!("../../data/article.txt");
/// Its metadata (date, title).
const BUNDLED_META: &str = include_str!("../../data/article.meta.ron");

/// Metadata kept beside an article as `NAME.meta.ron` (for `NAME.txt` or `NAME.md`).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocumentMeta {
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
}

/// The bundled article as a document.
pub fn bundled_document() -> Document {
    let meta: DocumentMeta = ron::from_str(BUNDLED_META).unwrap_or_default();
    Document {
        id: "article".into(),
        title: meta.title,
        date: meta.date,
        text: BUNDLED_TEXT.to_owned(),
    }
}

/// Reads a text file: refuses missing, huge, binary and non-regular files that never end;
/// decodes UTF-16 with a byte-order mark, and invalid UTF-8 lossily with a warning.
pub fn read_text(path: &Path) -> Result<LoadedText, IoError> {
    let bytes = read_bounded(path, MAX_FILE_BYTES)?;
    Ok(decode_text(&bytes, &path.display().to_string()))
}

/// Reads an article (`.txt`, `.md` or any text) and its `NAME.meta.ron` if there is one.
/// The document id is the file stem.
pub fn load_document(path: &Path) -> Result<(Document, Vec<String>), IoError> {
    let LoadedText { text, mut warnings } = read_text(path)?;
    let meta_path = path.with_extension("meta.ron");
    let meta = if meta_path.is_file() {
        match read_text(&meta_path).map(|loaded| ron::from_str::<DocumentMeta>(&loaded.text)) {
            Ok(Ok(meta)) => meta,
            Ok(Err(error)) => {
                warnings.push(format!(
                    "{}: metadata ignored: {error}",
                    meta_path.display()
                ));
                DocumentMeta::default()
            }
            Err(error) => {
                warnings.push(format!("metadata ignored: {error}"));
                DocumentMeta::default()
            }
        }
    } else {
        DocumentMeta::default()
    };
    let id = path.file_stem().map_or_else(
        || "document".to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    let mut document = Document {
        id,
        title: meta.title,
        date: meta.date,
        text,
    };
    warnings.extend(check_document_date(&mut document));
    Ok((document, warnings))
}

pub(super) fn io_error(path: &Path, source: std::io::Error) -> IoError {
    if source.kind() == std::io::ErrorKind::NotFound {
        IoError::NotFound {
            path: path.to_owned(),
        }
    } else {
        IoError::Io {
            path: path.to_owned(),
            error: source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("tiemap-article-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    }

    #[test]
    fn bundled_article_has_its_date() {
        let document = bundled_document();
        assert_eq!(document.date.as_deref(), Some("2023-02"));
        assert!(document.text.len() > 1000);
    }

    #[test]
    fn binary_missing_and_non_utf8_files_are_told_apart() {
        let binary = scratch("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert!(matches!(read_text(&binary), Err(IoError::Binary { .. })));
        let missing = binary.with_file_name("nothing-here.txt");
        assert!(matches!(read_text(&missing), Err(IoError::NotFound { .. })));
        let latin1 = scratch("latin1.txt", b"Fran\xe7ois visited Paris.");
        let loaded = read_text(&latin1).expect("lossy read");
        assert!(loaded.text.contains('\u{FFFD}'));
        assert_eq!(loaded.warnings.len(), 1);
    }

    #[test]
    fn metadata_beside_an_article_is_read_and_bad_metadata_only_warns() {
        let article = scratch("story.txt", b"France and Germany signed a treaty.");
        std::fs::write(
            article.with_extension("meta.ron"),
            "(date: Some(\"2021-05\"))",
        )
        .expect("meta");
        let (document, warnings) = load_document(&article).expect("loads");
        assert_eq!(document.id, "story");
        assert_eq!(document.date.as_deref(), Some("2021-05"));
        assert!(warnings.is_empty());
        std::fs::write(article.with_extension("meta.ron"), "(date: ").expect("meta");
        let (document, warnings) = load_document(&article).expect("still loads");
        assert_eq!(document.date, None);
        assert_eq!(warnings.len(), 1);
        std::fs::write(
            article.with_extension("meta.ron"),
            "(date: Some(\"Feb 2023\"))",
        )
        .expect("meta");
        let (document, warnings) = load_document(&article).expect("still loads");
        assert_eq!(document.date, None);
        assert!(
            warnings.len() == 1
                && warnings[0].contains("story")
                && warnings[0].contains("Feb 2023"),
            "{warnings:?}"
        );
    }

    #[test]
    fn folders_are_refused_saying_so_once() {
        // The scratch path must not itself contain the word the message is counted for.
        let dir = scratch("refused.txt", b"").with_file_name("sub");
        std::fs::create_dir_all(&dir).expect("dir");
        let message = read_text(&dir).expect_err("folder").to_string();
        assert_eq!(message.matches("folder").count(), 1, "{message}");
    }
}
