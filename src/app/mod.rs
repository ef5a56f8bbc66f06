//! The window: the only part of tiemap that knows egui. It owns the state, reads it to draw
//! the map, panels and chart, and turns clicks and drags into commands.
//!
//! The design follows rerun's viewer: [`TiemapApp`] owns the state and applies [`Command`]s;
//! every `*_ui` function reads the state and returns commands instead of changing it; colours
//! and sizes come from [`theme`]; world and screen coordinates meet only in
//! [`transform::ScreenFromWorld`].

#[expect(
    clippy::module_inception,
    reason = "the app module's main type lives in app.rs, as in rerun"
)]
mod app;
mod apply;
pub mod article;
pub mod autosave;
pub mod chart;
pub mod command;
pub mod corpus_load;
mod corpus_merge;
pub mod debug_overlay;
pub mod dialogs;
mod dialogs_ui;
pub mod documents;
pub mod filters;
pub mod history;
pub mod hover;
pub mod labels;
pub mod legend;
pub mod loading;
pub mod map_layout;
pub mod map_raster;
pub mod map_view;
pub mod menu;
pub mod palette;
pub mod panel;
pub mod progress;
pub mod raster;
pub mod screenshot;
pub mod search;
pub mod state;
pub mod theme;
pub mod transform;
pub mod ui_command;

use std::path::PathBuf;

use eframe::egui;

pub use app::TiemapApp;
pub use command::{Command, Selection, UiCommand};
pub use loading::Source;
pub use state::Status;

/// How the window is started.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    /// Articles (.txt, .md) or a saved map (.ron) to open; none: the bundled article.
    pub files: Vec<PathBuf>,
    /// Write a PNG of the window here once the layout has settled, then exit.
    pub screenshot: Option<PathBuf>,
}

/// The renderers tiemap can draw with, in the order it tries them.
///
/// OpenGL (glow) comes first: on Mesa's software rasteriser, which is what virtual machines,
/// remote desktops and CI have, it draws our window in about a fifth of the CPU time that
/// wgpu over lavapipe (Vulkan) takes (measured in BENCHMARKS.md), and on a GPU both are
/// instant. wgpu is the fallback for a machine without OpenGL. `TIEMAP_RENDERER=wgpu` (or
/// `glow`) picks one.
fn renderers() -> Vec<eframe::Renderer> {
    match std::env::var("TIEMAP_RENDERER").as_deref() {
        Ok("wgpu") => vec![eframe::Renderer::Wgpu],
        Ok("glow") => vec![eframe::Renderer::Glow],
        _ => vec![eframe::Renderer::Glow, eframe::Renderer::Wgpu],
    }
}

/// Opens the window and runs until it is closed.
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let Launch { files, screenshot } = launch;
    let wants_screenshot = screenshot.is_some();
    let outcome = std::sync::Arc::new(std::sync::Mutex::new(None));
    let mut failures = Vec::new();
    for renderer in renderers() {
        let options = eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default()
                .with_title("tiemap")
                .with_app_id("tiemap")
                .with_inner_size([1280.0, 800.0])
                .with_min_inner_size([640.0, 420.0]),
            renderer,
            ..eframe::NativeOptions::default()
        };
        let outcome_for_app = std::sync::Arc::clone(&outcome);
        let files = files.clone();
        let screenshot = screenshot.clone();
        let started = eframe::run_native(
            "tiemap",
            options,
            Box::new(move |creation| {
                // The map is drawn on paper-white; the panels match it whatever the desktop's theme.
                creation.egui_ctx.set_theme(egui::Theme::Light);
                let source = if files.is_empty() {
                    Source::Bundled
                } else {
                    Source::Files(files)
                };
                let offer_recovery = screenshot.is_none();
                let mut app = TiemapApp::loading(&creation.egui_ctx, source)
                    .with_recovery_dir(app::default_recovery_dir(), offer_recovery);
                if let Some(path) = screenshot {
                    app.take_screenshot_when_settled(path);
                }
                if let Ok(mut slot) = outcome_for_app.lock() {
                    *slot = Some(app.screenshot_outcome());
                }
                Ok(Box::new(app))
            }),
        );
        match started {
            Ok(()) => {
                failures.clear();
                break;
            }
            Err(error) => {
                let app_ran = outcome.lock().map_or(true, |slot| slot.is_some());
                if app_ran {
                    anyhow::bail!("the window failed: {error}");
                }
                // The window never opened with this renderer (the app was not created, so
                // nothing the user had is lost): say so and try the next one.
                eprintln!("tiemap: cannot draw with {renderer}: {error}");
                failures.push(format!("{renderer}: {error}"));
            }
        }
    }
    if !failures.is_empty() {
        anyhow::bail!("cannot open the window ({})", failures.join("; "));
    }

    let screenshot_outcome = outcome
        .lock()
        .ok()
        .and_then(|slot| slot.clone())
        .and_then(|shared| shared.lock().ok().and_then(|result| result.clone()));
    match screenshot_outcome {
        Some(Err(error)) => anyhow::bail!("screenshot failed: {error}"),
        Some(Ok(path)) => {
            eprintln!("tiemap: wrote {}", path.display());
            Ok(())
        }
        None if wants_screenshot => {
            anyhow::bail!("the window closed before the screenshot was taken")
        }
        None => Ok(()),
    }
}
