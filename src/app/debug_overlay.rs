//! Frame timing and the F12 debug overlay: how long frames take, how many layout ticks they
//! run, the simulation's alpha and the map's size. With `TIEMAP_TIMING=1` the same figures go
//! to stderr once a second, with the time from process start to the first frame.

use eframe::egui;
use std::collections::VecDeque;
use std::time::{Duration, Instant};

use egui::{Align2, Color32, FontId, Rect, Ui, vec2};

/// Frames kept for the rolling averages.
const WINDOW: usize = 60;

/// Rolling frame statistics.
pub struct FrameStats {
    last_frame_start: Option<Instant>,
    frame_times_ms: VecDeque<f32>,
    work_times_ms: VecDeque<f32>,
    work_start: Option<Instant>,
    log_to_stderr: bool,
    last_log: Instant,
    frames_since_log: usize,
    worst_since_log_ms: f32,
    /// The longest frame of our own work (UI, layout, painting) since the last log line.
    worst_work_since_log_ms: f32,
}

/// One frame's layout figures, for the overlay.
#[derive(Clone, Copy, Debug, Default)]
pub struct LayoutFigures {
    /// Ticks run this frame.
    pub ticks: usize,
    /// Their wall time.
    pub tick_time: Duration,
    /// The simulation's alpha.
    pub alpha: f32,
    /// Nodes on the map.
    pub nodes: usize,
    /// Edges on the map.
    pub edges: usize,
    /// A node is being dragged.
    pub dragging: bool,
    /// Time spent painting the map on the CPU this frame (zero for maps drawn as shapes, and
    /// for frames that reused the last picture).
    pub map_paint_time: Duration,
}

impl Default for FrameStats {
    fn default() -> Self {
        FrameStats::new()
    }
}

impl FrameStats {
    /// Starts counting; logs to stderr when `TIEMAP_TIMING=1`.
    pub fn new() -> Self {
        FrameStats {
            last_frame_start: None,
            frame_times_ms: VecDeque::with_capacity(WINDOW),
            work_times_ms: VecDeque::with_capacity(WINDOW),
            work_start: None,
            log_to_stderr: std::env::var_os("TIEMAP_TIMING").is_some_and(|value| value == "1"),
            last_log: Instant::now(),
            frames_since_log: 0,
            worst_since_log_ms: 0.0,
            worst_work_since_log_ms: 0.0,
        }
    }

    /// Whether timing goes to stderr.
    pub fn logs(&self) -> bool {
        self.log_to_stderr
    }

    /// Call at the start of a frame's work.
    pub fn begin_frame(&mut self) {
        let now = Instant::now();
        if let Some(last) = self.last_frame_start {
            let frame_ms = (now - last).as_secs_f32() * 1000.0;
            push(&mut self.frame_times_ms, frame_ms);
            self.worst_since_log_ms = self.worst_since_log_ms.max(frame_ms);
        }
        self.last_frame_start = Some(now);
        self.work_start = Some(now);
        self.frames_since_log += 1;
    }

    /// Call at the end of a frame's work.
    pub fn end_frame(&mut self, layout: &LayoutFigures) {
        if let Some(start) = self.work_start.take() {
            let work_ms = start.elapsed().as_secs_f32() * 1000.0;
            self.worst_work_since_log_ms = self.worst_work_since_log_ms.max(work_ms);
            push(&mut self.work_times_ms, work_ms);
        }
        if self.log_to_stderr && self.last_log.elapsed() >= Duration::from_secs(1) {
            eprintln!(
                "tiemap timing: {} frames/s, frame {:.1} ms (worst {:.1}), ui+layout work {:.1} ms (worst {:.1}), {} ticks/frame ({:.1} ms), map paint {:.1} ms, alpha {:.4}, {} nodes, {} edges{}",
                self.frames_since_log,
                self.mean_frame_ms(),
                self.worst_since_log_ms,
                mean(&self.work_times_ms),
                self.worst_work_since_log_ms,
                layout.ticks,
                layout.tick_time.as_secs_f32() * 1000.0,
                layout.map_paint_time.as_secs_f32() * 1000.0,
                layout.alpha,
                layout.nodes,
                layout.edges,
                if layout.dragging { ", dragging" } else { "" },
            );
            self.last_log = Instant::now();
            self.frames_since_log = 0;
            self.worst_since_log_ms = 0.0;
            self.worst_work_since_log_ms = 0.0;
        }
    }

    /// Mean time between frames, in milliseconds.
    pub fn mean_frame_ms(&self) -> f32 {
        mean(&self.frame_times_ms)
    }

    /// Draws the overlay in the upper right corner of `map_rect`.
    pub fn overlay_ui(&self, ui: &Ui, map_rect: Rect, layout: &LayoutFigures) {
        let frame_ms = self.mean_frame_ms();
        let fps = if frame_ms > 0.0 {
            1000.0 / frame_ms
        } else {
            0.0
        };
        let text = format!(
            "frame {frame_ms:.1} ms ({fps:.0} fps)\nwork {:.1} ms\nticks/frame {} ({:.1} ms)\nmap paint {:.1} ms\nalpha {:.4}\nnodes {}  edges {}",
            mean(&self.work_times_ms),
            layout.ticks,
            layout.tick_time.as_secs_f32() * 1000.0,
            layout.map_paint_time.as_secs_f32() * 1000.0,
            layout.alpha,
            layout.nodes,
            layout.edges,
        );
        let painter = ui.painter_at(map_rect);
        let anchor = map_rect.right_top() + vec2(-8.0, 8.0);
        let galley = painter.layout_no_wrap(text, FontId::monospace(12.0), Color32::WHITE);
        let rect = Align2::RIGHT_TOP
            .anchor_size(anchor, galley.size())
            .expand(6.0);
        painter.rect_filled(rect, 4.0, Color32::from_black_alpha(190));
        painter.galley(rect.min + vec2(6.0, 6.0), galley, Color32::WHITE);
    }
}

fn push(values: &mut VecDeque<f32>, value: f32) {
    if values.len() == WINDOW {
        values.pop_front();
    }
    values.push_back(value);
}

fn mean(values: &VecDeque<f32>) -> f32 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f32>() / values.len() as f32
    }
}

/// How long ago the process started, from /proc on Linux (10 ms resolution); `None` elsewhere.
pub fn process_age() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces; fields are counted after its closing parenthesis.
    let after_name = stat.rsplit_once(')')?.1;
    let start_ticks: f64 = after_name.split_whitespace().nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    // Linux reports start time in clock ticks of USER_HZ, which is 100 on every mainstream kernel.
    let age = uptime - start_ticks / 100.0;
    (age >= 0.0).then(|| Duration::from_secs_f64(age))
}
