//! The legend in the map's upper left corner: one row per quad (a click hides or shows its
//! ties), the line styles and the node kinds. Its samples are drawn with the map's own
//! colours, widths and dash patterns from [`theme`], so the legend shows what the map draws.

use eframe::egui;
use egui::{Rect, RichText, Sense, Shape, Stroke, Ui, vec2};

use super::command::Command;
use super::map_view::node_shape;
use super::theme;
use crate::model::{ActorKind, Quad, ViewState};

/// Draws the legend over the map; a click on a quad's row asks to hide or show it.
pub fn legend_ui(ui: &mut Ui, map_rect: Rect, view: &ViewState) -> Vec<Command> {
    let mut commands = Vec::new();
    let legend_rect = Rect::from_min_size(map_rect.min + vec2(8.0, 8.0), vec2(210.0, 230.0));
    let mut legend = ui.new_child(egui::UiBuilder::new().max_rect(legend_rect));
    legend.style_mut().interaction.selectable_labels = false;
    egui::Frame::new()
        .fill(theme::LABEL_BACKDROP)
        .stroke(Stroke::new(1.0, theme::LEGEND_BORDER))
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(&mut legend, |ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            for quad in Quad::ALL {
                let hidden = view.hidden_quads.contains(&quad);
                let color = if hidden {
                    theme::LEGEND_HIDDEN_TEXT
                } else {
                    theme::quad_color(quad)
                };
                let response = legend_row(ui, quad.label(), hidden, true, |painter, rect| {
                    painter.line_segment(
                        [rect.left_center(), rect.right_center()],
                        Stroke::new(theme::LEGEND_LINE_PX, color),
                    );
                });
                if response
                    .on_hover_text(if hidden {
                        "Hidden: click to show these ties"
                    } else {
                        "Click to hide these ties"
                    })
                    .clicked()
                {
                    commands.push(Command::ToggleQuad(quad));
                }
            }
            legend_row(ui, "hedged (may happen)", false, false, |painter, rect| {
                painter.extend(dashed(
                    rect,
                    theme::faded(
                        theme::quad_color(Quad::VerbalCooperation),
                        theme::HEDGED_FADE,
                    ),
                ));
            });
            legend_row(
                ui,
                "negated (did not happen)",
                false,
                false,
                |painter, rect| {
                    painter.extend(dashed(rect, theme::NEGATED));
                },
            );
            for (kind, label) in [(ActorKind::Country, "country"), (ActorKind::Bloc, "bloc")] {
                legend_row(ui, label, false, false, |painter, rect| {
                    painter.add(node_shape(
                        kind,
                        rect.center(),
                        theme::LEGEND_NODE_PX,
                        Stroke::new(1.0, theme::NODE_OUTLINE),
                    ));
                });
            }
            ui.label(
                RichText::new("width: sentences; size: sentences of all ties")
                    .size(theme::LEGEND_TEXT_SIZE),
            );
        });
    commands
}

/// The map's dash pattern across a legend sample.
fn dashed(rect: Rect, color: egui::Color32) -> Vec<Shape> {
    Shape::dashed_line(
        &[rect.left_center(), rect.right_center()],
        Stroke::new(theme::LEGEND_LINE_PX, color),
        theme::DASH_PX,
        theme::DASH_GAP_PX,
    )
}

fn legend_row(
    ui: &mut Ui,
    label: &str,
    hidden: bool,
    clickable: bool,
    paint: impl FnOnce(&egui::Painter, Rect),
) -> egui::Response {
    let sense = if clickable {
        Sense::click()
    } else {
        Sense::hover()
    };
    ui.horizontal(|ui| {
        let (rect, sample) = ui.allocate_exact_size(vec2(26.0, 14.0), sense);
        paint(ui.painter(), rect);
        let mut text = RichText::new(label).size(theme::LEGEND_TEXT_SIZE);
        text = if hidden {
            text.color(theme::LEGEND_HIDDEN_TEXT).strikethrough()
        } else {
            text.color(theme::LABEL_TEXT)
        };
        let text = ui.add(egui::Label::new(text).sense(sense));
        if clickable && (text.hovered() || sample.hovered()) {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        text.union(sample)
    })
    .inner
}
