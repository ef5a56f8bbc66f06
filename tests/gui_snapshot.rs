//! One picture of the whole window on a settled map with an edge selected, compared pixel by
//! pixel with `tests/snapshots/tiemap_window.png`.
//!
//! Pixels differ between renderers, so the comparison runs only on the renderer that made the
//! snapshot, Mesa's software rasteriser (llvmpipe / lavapipe). Elsewhere the test prints why it
//! skipped and passes, unless `TIEMAP_REQUIRE_SNAPSHOTS=1` (set by `.ci/run`) demands that it run.
//! Regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test gui_snapshot`.

mod gui_support;

use eframe::egui;
use eframe::egui_wgpu;
use egui_kittest::Harness;
use egui_kittest::wgpu::{WgpuTestRenderer, create_render_state, default_wgpu_setup};
use gui_support::{WINDOW, click_at, fixture_map, generated_map, node_pos};
use tiemap::app::TiemapApp;

/// Renderers whose pixels the stored snapshot is made of.
const SNAPSHOT_RENDERERS: [&str; 2] = ["llvmpipe", "lavapipe"];

/// The wgpu render state, when an adapter can be had, with the adapter's name.
fn software_render_state() -> Result<egui_wgpu::RenderState, String> {
    let render_state = std::panic::catch_unwind(|| {
        create_render_state(
            default_wgpu_setup(),
            egui_wgpu::RendererOptions::PREDICTABLE,
        )
    })
    .map_err(|_| "no wgpu adapter could be created".to_owned())?;
    let name = render_state.adapter.get_info().name;
    let lowered = name.to_lowercase();
    if SNAPSHOT_RENDERERS
        .iter()
        .any(|renderer| lowered.contains(renderer))
    {
        Ok(render_state)
    } else {
        Err(format!(
            "the renderer is {name:?}, not Mesa's software renderer that made the snapshot"
        ))
    }
}

/// The software renderer, or `None` (with the reason printed) when the snapshot cannot be
/// compared here.
fn snapshot_renderer() -> Option<egui_wgpu::RenderState> {
    match software_render_state() {
        Ok(render_state) => Some(render_state),
        Err(reason) => {
            let required = std::env::var_os("TIEMAP_REQUIRE_SNAPSHOTS").is_some_and(|v| v == "1");
            assert!(
                !required,
                "TIEMAP_REQUIRE_SNAPSHOTS=1 but the snapshot cannot be compared: {reason}"
            );
            println!("skipping the window snapshot: {reason}");
            None
        }
    }
}

#[test]
fn a_generated_300_node_map_is_labelled_legibly() {
    let Some(render_state) = snapshot_renderer() else {
        return;
    };
    let map = generated_map(300);
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_theme(egui::Theme::Light)
        .with_max_steps(5_000)
        .with_step_dt(1.0 / 60.0)
        .renderer(WgpuTestRenderer::from_render_state(render_state))
        .build_eframe(move |_creation| TiemapApp::new_for_test(map));
    harness.run();
    harness.event(egui::Event::PointerGone);
    harness.run();
    harness.snapshot("tiemap_300_nodes");
}

#[test]
fn the_window_looks_as_it_did() {
    let Some(render_state) = snapshot_renderer() else {
        return;
    };
    let map = fixture_map();
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_theme(egui::Theme::Light)
        .with_max_steps(5_000)
        .with_step_dt(1.0 / 60.0)
        .renderer(WgpuTestRenderer::from_render_state(render_state))
        .build_eframe(move |_creation| TiemapApp::new_for_test(map));
    harness.run();
    let china = node_pos(&harness, "CHN");
    let russia = node_pos(&harness, "RUS");
    click_at(&mut harness, china.lerp(russia, 0.5));
    harness.event(egui::Event::PointerGone);
    harness.run();
    harness.snapshot("tiemap_window");
}
