//! Corpora: a folder of articles (every `.txt` and `.md` under it, with their `.meta.ron`) or
//! a `.jsonl` file of `{id, text, date?, title?}` lines, the CLI's input, read as documents.
//!
//! Listing and reading are apart so that the window can list a folder at once (and show
//! "0 of 1,000") and then read and extract file by file in the background. A file or line
//! that cannot be read is a [`CorpusFailure`] with its reason; the rest load.

use std::path::{Path, PathBuf};

use super::{IoError, article::io_error, read_text};
use crate::model::Document;

/// A file or line that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusFailure {
    /// The file (and line, for `.jsonl`).
    pub source: String,
    /// Why, in words.
    pub reason: String,
}

/// Whether `path` opens as a corpus: a folder or a `.jsonl` file.
pub fn is_corpus(path: &Path) -> bool {
    path.is_dir() || has_extension(path, "jsonl")
}

fn has_extension(path: &Path, wanted: &str) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case(wanted))
}

/// Whether `path` names an article: `.txt` or `.md`, not hidden.
fn is_article(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'));
    !hidden && (has_extension(path, "txt") || has_extension(path, "md"))
}

/// Every article under `dir`, recursively, sorted by path; folders that cannot be listed are
/// failures. Hidden files and folders are skipped.
pub fn list_articles(dir: &Path) -> Result<(Vec<PathBuf>, Vec<CorpusFailure>), IoError> {
    let mut articles = Vec::new();
    let mut failures = Vec::new();
    let mut folders = vec![dir.to_owned()];
    let mut first = true;
    while let Some(folder) = folders.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(source) if first => return Err(io_error(&folder, source)),
            Err(error) => {
                failures.push(CorpusFailure {
                    source: folder.display().to_string(),
                    reason: error.to_string(),
                });
                continue;
            }
        };
        first = false;
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if path.is_dir() && !hidden {
                folders.push(path);
            } else if is_article(&path) {
                articles.push(path);
            }
        }
    }
    articles.sort();
    failures.sort_by(|x, y| x.source.cmp(&y.source));
    Ok((articles, failures))
}

/// One line of a `.jsonl` corpus.
#[derive(serde::Deserialize)]
struct JsonlLine {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// The documents of a `.jsonl` corpus, in file order; malformed lines are failures (blank
/// lines are skipped). A numeric id becomes its decimal text.
pub fn read_jsonl(path: &Path) -> Result<(Vec<Document>, Vec<CorpusFailure>), IoError> {
    let loaded = read_text(path)?;
    let mut documents = Vec::new();
    let mut failures = Vec::new();
    for (number, line) in loaded.text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<JsonlLine>(line) {
            Ok(parsed) => documents.push(Document {
                id: match parsed.id {
                    serde_json::Value::String(id) => id,
                    other => other.to_string(),
                },
                title: parsed.title,
                date: parsed.date,
                text: parsed.text,
            }),
            Err(error) => failures.push(CorpusFailure {
                source: format!("{} line {}", path.display(), number + 1),
                reason: error.to_string(),
            }),
        }
    }
    Ok((documents, failures))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tiemap-corpus-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    #[test]
    fn a_folder_lists_its_articles_recursively_and_sorted() {
        let dir = scratch("list");
        std::fs::create_dir_all(dir.join("b/c")).expect("dirs");
        for file in [
            "z.txt",
            "a.md",
            "b/c/x.TXT",
            "notes.pdf",
            "a.meta.ron",
            ".hidden.txt",
        ] {
            std::fs::write(dir.join(file), "text").expect("write");
        }
        let (articles, failures) = list_articles(&dir).expect("lists");
        let names: Vec<String> = articles
            .iter()
            .map(|path| {
                path.strip_prefix(&dir)
                    .expect("inside")
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["a.md", "b/c/x.TXT", "z.txt"]);
        assert!(failures.is_empty());
        assert!(list_articles(&dir.join("missing")).is_err());
    }

    #[test]
    fn jsonl_lines_become_documents_and_bad_lines_failures() {
        let dir = scratch("jsonl");
        let path = dir.join("in.jsonl");
        std::fs::write(
            &path,
            "{\"id\": \"a\", \"text\": \"China met Russia.\", \"date\": \"2023\"}\n\n{\"id\": 7, \"text\": \"x\"}\nnot json\n",
        )
        .expect("write");
        let (documents, failures) = read_jsonl(&path).expect("reads");
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].date.as_deref(), Some("2023"));
        assert_eq!(documents[1].id, "7");
        assert_eq!(failures.len(), 1);
        assert!(failures[0].source.ends_with("line 4"), "{failures:?}");
        assert!(is_corpus(&path) && is_corpus(&dir));
    }
}
