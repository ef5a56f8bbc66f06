//! Opening files for the window: articles become a map through the extractor, a `.ron` file is
//! a saved map. Runs on a worker thread so the window draws its first frame at once and stays
//! responsive while a big corpus is read.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::extract::Extractor;
use crate::io;
use crate::model::{Document, TieMap};

/// A map that was read, with where it came from.
#[derive(Debug)]
pub struct Loaded {
    /// The map.
    pub map: TieMap,
    /// The saved-map file it was opened from; `None` for articles (Save asks for a file).
    pub map_path: Option<PathBuf>,
    /// A short name for the title bar ("article", "map.ron").
    pub name: String,
    /// Things the user should know that did not stop the load.
    pub warnings: Vec<String>,
}

/// What to open.
#[derive(Clone, Debug)]
pub enum Source {
    /// The article bundled with tiemap.
    Bundled,
    /// Files chosen by the user.
    Files(Vec<PathBuf>),
    /// The recovery file of an earlier run: opened as a new, unsaved map.
    Recovered(PathBuf),
}

/// A load running on a worker thread.
pub struct PendingLoad {
    receiver: Receiver<Result<Loaded, String>>,
}

impl PendingLoad {
    /// Starts reading `source`; `on_done` is called from the worker when it is finished (to
    /// wake the window).
    pub fn start(source: Source, on_done: impl FnOnce() + Send + 'static) -> Self {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let result = load(&source);
            // The window may have been closed meanwhile: nobody to tell, nothing lost.
            let _ = sender.send(result);
            on_done();
        });
        PendingLoad { receiver }
    }

    /// The result, once there is one.
    pub fn poll(&self) -> Option<Result<Loaded, String>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("reading the files stopped unexpectedly".into()))
            }
        }
    }
}

/// Reads `source` into a map; the error is a sentence for the status bar.
pub fn load(source: &Source) -> Result<Loaded, String> {
    match source {
        Source::Bundled => {
            let map = build_map(vec![io::bundled_document()])?;
            Ok(Loaded {
                map,
                map_path: None,
                name: "article".into(),
                warnings: Vec::new(),
            })
        }
        Source::Files(paths) => load_files(paths),
        Source::Recovered(path) => {
            let mut map = io::load_map(path).map_err(|error| error.to_string())?;
            crate::extract::figures::convert_saved_figures(&mut map);
            Ok(Loaded {
                map,
                map_path: None,
                name: "recovered map".into(),
                warnings: Vec::new(),
            })
        }
    }
}

fn is_map_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("ron"))
}

fn load_files(paths: &[PathBuf]) -> Result<Loaded, String> {
    let Some(first) = paths.first() else {
        return Err("no file to open".into());
    };
    let maps = paths.iter().filter(|path| is_map_file(path)).count();
    if maps > 0 {
        if paths.len() > 1 {
            return Err(
                "open one saved map (.ron) at a time, or articles (.txt, .md) to merge".into(),
            );
        }
        let mut map = io::load_map(first).map_err(|error| error.to_string())?;
        // Maps saved before figures had a dollar value chart them like new ones.
        crate::extract::figures::convert_saved_figures(&mut map);
        return Ok(Loaded {
            map,
            map_path: Some(first.clone()),
            name: file_name(first),
            warnings: Vec::new(),
        });
    }
    let mut documents: Vec<Document> = Vec::with_capacity(paths.len());
    let mut warnings = Vec::new();
    for path in paths {
        let (mut document, document_warnings) =
            io::load_document(path).map_err(|error| error.to_string())?;
        warnings.extend(document_warnings);
        // Two files with the same stem must stay two documents.
        let base = document.id.clone();
        let mut suffix = 2;
        while documents.iter().any(|other| other.id == document.id) {
            document.id = format!("{base}-{suffix}");
            suffix += 1;
        }
        documents.push(document);
    }
    let name = if paths.len() == 1 {
        file_name(first)
    } else {
        format!("{} articles", paths.len())
    };
    Ok(Loaded {
        map: build_map(documents)?,
        map_path: None,
        name,
        warnings,
    })
}

fn build_map(documents: Vec<Document>) -> Result<TieMap, String> {
    let extractor = Extractor::new().map_err(|error| error.to_string())?;
    Ok(extractor.build_map(documents))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
