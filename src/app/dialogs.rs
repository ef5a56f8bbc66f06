//! File dialogs, run on a worker thread: on a desktop with no file-dialog portal the call can
//! fail or take long, and the window must keep drawing and say so rather than freeze.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What a dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Choose articles or a map to open.
    Open,
    /// Choose a folder of articles to open.
    OpenFolder,
    /// Choose where to save the map.
    SaveMap,
    /// Choose where to write a PNG of the window.
    ExportPng,
    /// Choose where to write the map as JSON.
    ExportJson,
}

/// A dialog shown on a worker thread.
pub struct PendingDialog {
    /// What it is for.
    pub purpose: DialogPurpose,
    receiver: Receiver<Vec<PathBuf>>,
}

/// What came of a dialog.
pub enum DialogOutcome {
    /// Still open.
    Waiting,
    /// The user chose these files (one for a save dialog).
    Chosen(Vec<PathBuf>),
    /// Cancelled, or no dialog could be shown.
    Nothing,
}

impl PendingDialog {
    /// Opens a dialog; `suggested_name` is the file name a save dialog proposes; `on_done`
    /// wakes the window when it closes.
    pub fn open(
        purpose: DialogPurpose,
        suggested_name: String,
        on_done: impl FnOnce() + Send + 'static,
    ) -> Self {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let chosen = match purpose {
                DialogPurpose::Open => rfd::FileDialog::new()
                    .set_title("Open articles or a map")
                    .add_filter("articles and maps", &["txt", "md", "ron"])
                    .add_filter("all files", &["*"])
                    .pick_files()
                    .unwrap_or_default(),
                DialogPurpose::OpenFolder => rfd::FileDialog::new()
                    .set_title("Open a folder of articles")
                    .pick_folder()
                    .into_iter()
                    .collect(),
                DialogPurpose::SaveMap => {
                    save_dialog("Save map", "map (RON)", "ron", &suggested_name)
                }
                DialogPurpose::ExportPng => {
                    save_dialog("Export PNG", "PNG image", "png", &suggested_name)
                }
                DialogPurpose::ExportJson => {
                    save_dialog("Export JSON", "JSON", "json", &suggested_name)
                }
            };
            // The window may be gone; then nobody is waiting for the answer.
            let _ = sender.send(chosen);
            on_done();
        });
        PendingDialog { purpose, receiver }
    }

    /// Whether the dialog has closed, and with what.
    pub fn poll(&self) -> DialogOutcome {
        match self.receiver.try_recv() {
            Ok(paths) if paths.is_empty() => DialogOutcome::Nothing,
            Ok(paths) => DialogOutcome::Chosen(paths),
            Err(TryRecvError::Empty) => DialogOutcome::Waiting,
            Err(TryRecvError::Disconnected) => DialogOutcome::Nothing,
        }
    }
}

fn save_dialog(title: &str, filter: &str, extension: &str, suggested_name: &str) -> Vec<PathBuf> {
    rfd::FileDialog::new()
        .set_title(title)
        .add_filter(filter, &[extension])
        .set_file_name(suggested_name)
        .save_file()
        .into_iter()
        .collect()
}
