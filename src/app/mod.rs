//! The window: the only part of tiemap that knows egui. It owns the state, reads it to draw
//! the map, panels and chart, and turns clicks and drags into commands.
//! STUB: to be replaced by the app work.

use std::path::PathBuf;

/// How the window is started.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    /// Articles (.txt, .md) or a saved map (.ron) to open; none: the bundled article.
    pub files: Vec<PathBuf>,
    /// Write a PNG of the window here once the layout has settled, then exit.
    pub screenshot: Option<PathBuf>,
}

/// Opens the window and runs until it is closed.
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let _ = launch;
    anyhow::bail!("the window is not implemented yet")
}
