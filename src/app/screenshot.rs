//! PNGs of the window, for `--screenshot OUT.png` and File > Export PNG.
//!
//! egui renders the frame and hands the pixels to a callback; the callback may run on another
//! thread, so the image comes back through a channel and is written by the app on its next frame.

use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::ColorImage;

/// A screenshot asked of the renderer, waiting for its pixels.
pub struct PendingScreenshot {
    /// Where to write it.
    pub path: PathBuf,
    receiver: Receiver<Arc<ColorImage>>,
}

impl PendingScreenshot {
    /// Asks egui for a screenshot of the next rendered frame.
    pub fn request(ctx: &egui::Context, path: PathBuf) -> Self {
        let (sender, receiver) = channel();
        let waker = ctx.clone();
        let callback = egui::ScreenshotCallback::new(move |image| {
            // The app may have stopped waiting; the image is then simply dropped.
            let _ = sender.send(image);
            waker.request_repaint();
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
        PendingScreenshot { path, receiver }
    }

    /// The pixels, once rendered.
    pub fn poll(&self) -> Option<Arc<ColorImage>> {
        self.receiver.try_recv().ok()
    }
}

/// Writes `image` as a PNG at `path`, atomically.
pub fn write_png(image: &ColorImage, path: &Path) -> Result<(), String> {
    let [width, height] = image.size;
    let mut bytes = Vec::with_capacity(width * height * 4);
    for pixel in &image.pixels {
        bytes.extend_from_slice(&pixel.to_srgba_unmultiplied());
    }
    let Some(buffer) = image::RgbaImage::from_raw(width as u32, height as u32, bytes) else {
        return Err("the screenshot has the wrong number of pixels".into());
    };
    let mut png = Vec::new();
    buffer
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|error| format!("{}: cannot encode PNG: {error}", path.display()))?;
    crate::io::write_atomically(path, &png).map_err(|error| error.to_string())
}
