//! The map canvas: draws nodes, edges, labels and the legend, and turns pointer input into
//! commands (select, drag, pan, zoom). It never changes the state itself.
//!
//! Screen coordinates exist only here: positions come from the layout in world units and go
//! through one `ScreenFromWorld` per frame. Hit testing is done in screen space, so "within 6
//! pixels of an edge" means the same at every zoom. Off-screen shapes are culled and labels are
//! left out when too many nodes are on screen, which keeps 10,000-node maps interactive.

use eframe::egui;
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Response, Sense, Shape, Stroke, StrokeKind,
    Ui, Vec2, pos2, vec2,
};

use super::command::{Command, Selection};
use super::map_layout::MapLayout;
use super::theme;
use super::transform::{Camera, ScreenFromWorld};
use crate::model::{ActorKind, Edge, Quad, TieMap};

/// How one edge is drawn, computed once per map (not per frame).
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnEdge {
    /// Index into the edge list.
    pub edge: usize,
    /// Layout node of one end.
    pub node_a: usize,
    /// Layout node of the other end.
    pub node_b: usize,
    /// Quad colour (or the negated grey).
    pub color: Color32,
    /// Line width in pixels.
    pub width_px: f32,
    /// Every tie on it is hedged: drawn dashed and lighter.
    pub hedged: bool,
    /// Every tie on it is negated (only shown when negated ties are): drawn grey and dashed.
    pub negated: bool,
}

/// Works out how each edge is drawn.
pub fn drawn_edges(map: &TieMap, edges: &[Edge], layout: &MapLayout) -> Vec<DrawnEdge> {
    edges
        .iter()
        .enumerate()
        .filter_map(|(index, edge)| {
            let node_a = layout.index_of(&edge.key.a)?;
            let node_b = layout.index_of(&edge.key.b)?;
            let ties = edge.ties.iter().filter_map(|&tie| map.ties.get(tie));
            let negated = ties.clone().all(|tie| tie.negated);
            let hedged = !negated && ties.clone().all(|tie| tie.hedged || tie.negated);
            let color = if negated {
                theme::NEGATED
            } else if hedged {
                theme::faded(theme::quad_color(edge.dominant_quad), theme::HEDGED_FADE)
            } else {
                theme::quad_color(edge.dominant_quad)
            };
            Some(DrawnEdge {
                edge: index,
                node_a,
                node_b,
                color,
                width_px: theme::edge_width_px(edge.evidence_count),
                hedged,
                negated,
            })
        })
        .collect()
}

/// What the map view needs to draw a frame.
pub struct MapView<'a> {
    /// The map.
    pub map: &'a TieMap,
    /// Its edges, as shown.
    pub edges: &'a [Edge],
    /// How each edge is drawn.
    pub drawn_edges: &'a [DrawnEdge],
    /// Node positions.
    pub layout: &'a MapLayout,
    /// What part of the world is shown.
    pub camera: Camera,
    /// The selection, highlighted.
    pub selection: Option<&'a Selection>,
    /// The node being dragged, if any.
    pub dragged_node: Option<usize>,
    /// A sentence shown in the middle of an empty map ("no countries found").
    pub empty_message: Option<&'a str>,
}

/// What the map view reports after a frame.
pub struct MapViewOutput {
    /// What the user asked for.
    pub commands: Vec<Command>,
    /// The transform used this frame (tests and Fit use it).
    pub screen_from_world: ScreenFromWorld,
    /// Where the map is on screen.
    pub map_rect: Rect,
}

/// Draws the map in all of `ui`'s remaining space and reads the pointer.
pub fn map_ui(ui: &mut Ui, view: &MapView<'_>) -> MapViewOutput {
    let map_rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(map_rect, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "map"));
    let screen_from_world = ScreenFromWorld::new(view.camera, map_rect);
    let painter = ui.painter_at(map_rect);
    painter.rect_filled(map_rect, CornerRadius::ZERO, theme::MAP_BACKGROUND);

    paint_edges(&painter, view, &screen_from_world, map_rect);
    paint_nodes(&painter, view, &screen_from_world, map_rect);
    if let Some(message) = view.empty_message {
        painter.text(
            map_rect.center(),
            Align2::CENTER_CENTER,
            message,
            FontId::proportional(18.0),
            theme::LABEL_TEXT,
        );
    }
    legend_ui(ui, map_rect);

    let commands = pointer_commands(ui, &response, view, &screen_from_world);
    MapViewOutput {
        commands,
        screen_from_world,
        map_rect,
    }
}

/// The selection's edges and nodes are highlighted.
fn edge_is_highlighted(view: &MapView<'_>, edge: &Edge) -> bool {
    match view.selection {
        Some(Selection::Edge(key)) => *key == edge.key,
        Some(Selection::Node(id)) => edge.key.touches(id),
        None => false,
    }
}

fn paint_edges(
    painter: &egui::Painter,
    view: &MapView<'_>,
    screen_from_world: &ScreenFromWorld,
    map_rect: Rect,
) {
    let (xs, ys) = view.layout.xs_ys();
    let mut halos = Vec::new();
    let mut shapes = Vec::new();
    // Big maps: one mesh of plain quads instead of thousands of anti-aliased line shapes.
    let mut batch = (view.drawn_edges.len() > theme::MESH_EDGES_ABOVE).then(egui::Mesh::default);
    for drawn in view.drawn_edges {
        let a = screen_from_world.screen_from_world([xs[drawn.node_a], ys[drawn.node_a]]);
        let b = screen_from_world.screen_from_world([xs[drawn.node_b], ys[drawn.node_b]]);
        if !map_rect.intersects(Rect::from_two_pos(a, b)) {
            continue;
        }
        let stroke = Stroke::new(drawn.width_px, drawn.color);
        if view
            .edges
            .get(drawn.edge)
            .is_some_and(|edge| edge_is_highlighted(view, edge))
        {
            halos.push(Shape::line_segment(
                [a, b],
                Stroke::new(drawn.width_px + theme::SELECTION_HALO_PX, theme::SELECTION),
            ));
        }
        if let Some(mesh) = batch.as_mut() {
            // An edge shorter than a pixel is hidden under its nodes.
            if a.distance_sq(b) >= 1.0 {
                add_segment_quad(mesh, a, b, drawn.width_px, drawn.color);
            }
        } else if drawn.hedged || drawn.negated {
            shapes.extend(Shape::dashed_line(
                &[a, b],
                stroke,
                theme::DASH_PX,
                theme::DASH_GAP_PX,
            ));
        } else {
            shapes.push(Shape::line_segment([a, b], stroke));
        }
    }
    painter.extend(halos);
    if let Some(mesh) = batch {
        painter.add(Shape::mesh(mesh));
    }
    painter.extend(shapes);
}

/// A plain quad along `a`-`b`, `width` pixels wide.
fn add_segment_quad(mesh: &mut egui::Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let along = b - a;
    let length = along.length();
    if length <= f32::EPSILON {
        return;
    }
    let across = vec2(-along.y, along.x) * (width.max(1.0) * 0.5 / length);
    let first = mesh.vertices.len() as u32;
    for corner in [a + across, a - across, b - across, b + across] {
        mesh.colored_vertex(corner, color);
    }
    mesh.add_triangle(first, first + 1, first + 2);
    mesh.add_triangle(first, first + 2, first + 3);
}

/// A flat quad for a small node (a diamond for countries, a square for blocs): two triangles,
/// the least a software renderer can be asked to shade.
fn add_small_node(mesh: &mut egui::Mesh, kind: ActorKind, center: Pos2, radius: f32) {
    let (sides, turn) = match kind {
        ActorKind::Country => (4u32, 0.0),
        ActorKind::Bloc => (4u32, std::f32::consts::FRAC_PI_4),
    };
    let color = theme::node_fill(kind);
    let first = mesh.vertices.len() as u32;
    for side in 0..sides {
        let angle = turn + side as f32 * std::f32::consts::TAU / sides as f32;
        mesh.colored_vertex(center + vec2(angle.cos(), angle.sin()) * radius, color);
    }
    for side in 1..sides - 1 {
        mesh.add_triangle(first, first + side, first + side + 1);
    }
}

fn node_radius_px(view: &MapView<'_>, node: usize, scale: f32) -> f32 {
    (view.layout.size(node).shape_radius * scale).max(2.0)
}

fn paint_nodes(
    painter: &egui::Painter,
    view: &MapView<'_>,
    screen_from_world: &ScreenFromWorld,
    map_rect: Rect,
) {
    let scale = screen_from_world.scale();
    let (xs, ys) = view.layout.xs_ys();
    let visible: Vec<usize> = (0..view.layout.node_count())
        .filter(|&node| {
            let center = screen_from_world.screen_from_world([xs[node], ys[node]]);
            let reach = view.layout.size(node).footprint_radius() * scale;
            map_rect.expand(reach).contains(center)
        })
        .collect();
    let selected_node = match view.selection {
        Some(Selection::Node(id)) => view.layout.index_of(id),
        _ => None,
    };
    let mut shapes = Vec::new();
    let mut small_nodes = egui::Mesh::default();
    for &node in &visible {
        let center = screen_from_world.screen_from_world([xs[node], ys[node]]);
        let radius = node_radius_px(view, node, scale);
        let kind = view
            .map
            .actor(view.layout.id_of(node))
            .map_or(ActorKind::Country, |actor| actor.kind);
        let highlighted = Some(node) == selected_node || Some(node) == view.dragged_node;
        let outline = if highlighted {
            Stroke::new(3.0, theme::SELECTION)
        } else {
            Stroke::new((scale).clamp(0.5, 1.5), theme::NODE_OUTLINE)
        };
        if radius < theme::SMALL_NODE_PX && !highlighted {
            add_small_node(&mut small_nodes, kind, center, radius);
        } else {
            shapes.push(node_shape(kind, center, radius, outline));
        }
        if view.layout.is_pinned(node) {
            shapes.extend(pin_mark(center, radius));
        }
    }
    painter.add(Shape::mesh(small_nodes));
    painter.extend(shapes);

    let label_px = theme::LABEL_SIZE_WORLD * scale;
    if label_px < theme::MIN_LABEL_SIZE_PX || visible.len() > theme::MAX_LABELS_ON_SCREEN {
        return;
    }
    let font = FontId::proportional(label_px.min(28.0));
    for &node in &visible {
        let id = view.layout.id_of(node);
        let name = view.map.actor(id).map_or(id, |actor| actor.name.as_str());
        let center = screen_from_world.screen_from_world([xs[node], ys[node]]);
        let top = center
            + vec2(
                0.0,
                node_radius_px(view, node, scale) + theme::LABEL_GAP_WORLD * scale,
            );
        let galley = painter.layout_no_wrap(name.to_owned(), font.clone(), theme::LABEL_TEXT);
        let rect = Align2::CENTER_TOP.anchor_size(top, galley.size());
        painter.rect_filled(rect.expand(1.0), 3.0, theme::LABEL_BACKDROP);
        painter.galley(rect.min, galley, theme::LABEL_TEXT);
    }
}

/// A country is a disc; a bloc is a rounded square, so the two read apart even without colour.
fn node_shape(kind: ActorKind, center: Pos2, radius: f32, outline: Stroke) -> Shape {
    match kind {
        ActorKind::Country => Shape::Circle(egui::epaint::CircleShape {
            center,
            radius,
            fill: theme::node_fill(kind),
            stroke: outline,
        }),
        ActorKind::Bloc => Shape::Rect(egui::epaint::RectShape::new(
            Rect::from_center_size(center, Vec2::splat(radius * 1.8)),
            CornerRadius::same((radius * 0.35) as u8),
            theme::node_fill(kind),
            outline,
            StrokeKind::Middle,
        )),
    }
}

/// A small map pin at the node's upper right: a needle and a red head.
fn pin_mark(center: Pos2, radius: f32) -> [Shape; 2] {
    let tip = center + vec2(radius * 0.5, -radius * 0.5);
    let head = tip + vec2(5.0, -8.0);
    [
        Shape::line_segment([tip, head], Stroke::new(2.0, theme::NODE_OUTLINE)),
        Shape::Circle(egui::epaint::CircleShape {
            center: head,
            radius: 4.0,
            fill: theme::PIN,
            stroke: Stroke::new(1.0, theme::NODE_OUTLINE),
        }),
    ]
}

/// The legend in the map's upper left corner: quads, node kinds and line styles.
fn legend_ui(ui: &mut Ui, map_rect: Rect) {
    let legend_rect = Rect::from_min_size(map_rect.min + vec2(8.0, 8.0), vec2(200.0, 220.0));
    let mut legend = ui.new_child(egui::UiBuilder::new().max_rect(legend_rect));
    legend.style_mut().interaction.selectable_labels = false;
    egui::Frame::new()
        .fill(theme::LABEL_BACKDROP)
        .stroke(Stroke::new(1.0, Color32::from_gray(200)))
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(&mut legend, |ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            for quad in Quad::ALL {
                legend_row(ui, quad.label(), |painter, rect| {
                    painter.line_segment(
                        [rect.left_center(), rect.right_center()],
                        Stroke::new(3.0, theme::quad_color(quad)),
                    );
                });
            }
            legend_row(ui, "hedged (may happen)", |painter, rect| {
                painter.extend(Shape::dashed_line(
                    &[rect.left_center(), rect.right_center()],
                    Stroke::new(
                        3.0,
                        theme::faded(theme::quad_color(Quad::VerbalCooperation), 0.45),
                    ),
                    5.0,
                    3.0,
                ));
            });
            legend_row(ui, "negated (did not happen)", |painter, rect| {
                painter.extend(Shape::dashed_line(
                    &[rect.left_center(), rect.right_center()],
                    Stroke::new(3.0, theme::NEGATED),
                    5.0,
                    3.0,
                ));
            });
            legend_row(ui, "country", |painter, rect| {
                painter.add(node_shape(
                    ActorKind::Country,
                    rect.center(),
                    6.0,
                    Stroke::new(1.0, theme::NODE_OUTLINE),
                ));
            });
            legend_row(ui, "bloc", |painter, rect| {
                painter.add(node_shape(
                    ActorKind::Bloc,
                    rect.center(),
                    6.0,
                    Stroke::new(1.0, theme::NODE_OUTLINE),
                ));
            });
            ui.label(egui::RichText::new("width: number of sentences").size(11.5));
        });
}

fn legend_row(ui: &mut Ui, label: &str, paint: impl FnOnce(&egui::Painter, Rect)) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(26.0, 14.0), Sense::hover());
        paint(ui.painter(), rect);
        ui.label(
            egui::RichText::new(label)
                .size(11.5)
                .color(theme::LABEL_TEXT),
        );
    });
}

/// Distance from `point` to the segment `a`-`b`, in the units of its arguments.
pub fn distance_to_segment(point: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq <= f32::EPSILON {
        return point.distance(a);
    }
    let t = ((point - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    point.distance(a + ab * t)
}

/// The node under `pointer`, the nearest when several are.
fn node_at(
    view: &MapView<'_>,
    screen_from_world: &ScreenFromWorld,
    pointer: Pos2,
) -> Option<usize> {
    let scale = screen_from_world.scale();
    let (xs, ys) = view.layout.xs_ys();
    (0..view.layout.node_count())
        .filter_map(|node| {
            let center = screen_from_world.screen_from_world([xs[node], ys[node]]);
            let reach = node_radius_px(view, node, scale).max(4.0) + theme::NODE_HIT_SLACK_PX;
            let distance = center.distance(pointer);
            (distance <= reach).then_some((node, distance))
        })
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(node, _)| node)
}

/// The edge within [`theme::EDGE_HIT_PX`] of `pointer`, the nearest when several are.
fn edge_at<'e>(
    view: &MapView<'e>,
    screen_from_world: &ScreenFromWorld,
    pointer: Pos2,
) -> Option<&'e Edge> {
    let (xs, ys) = view.layout.xs_ys();
    view.drawn_edges
        .iter()
        .filter_map(|drawn| {
            let a = screen_from_world.screen_from_world([xs[drawn.node_a], ys[drawn.node_a]]);
            let b = screen_from_world.screen_from_world([xs[drawn.node_b], ys[drawn.node_b]]);
            let distance = distance_to_segment(pointer, a, b);
            let reach = theme::EDGE_HIT_PX.max(drawn.width_px * 0.5);
            (distance <= reach).then_some((drawn.edge, distance))
        })
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .and_then(|(edge, _)| view.edges.get(edge))
}

/// Clicks select, drags move nodes or pan, the wheel zooms.
fn pointer_commands(
    ui: &Ui,
    response: &Response,
    view: &MapView<'_>,
    screen_from_world: &ScreenFromWorld,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let pointer = response.interact_pointer_pos();

    let mut dragged_node = view.dragged_node;
    if response.drag_started() {
        let origin = ui.input(|input| input.pointer.press_origin()).or(pointer);
        if let Some(node) = origin.and_then(|origin| node_at(view, screen_from_world, origin)) {
            commands.push(Command::StartDrag(view.layout.id_of(node).to_owned()));
            dragged_node = Some(node);
        }
    }
    if response.dragged() {
        match (dragged_node, pointer) {
            (Some(_), Some(pointer)) => {
                commands.push(Command::DragTo(
                    screen_from_world.world_from_screen(pointer),
                ));
            }
            (None, _) => commands.push(Command::Pan(response.drag_delta())),
            (Some(_), None) => {}
        }
    } else if dragged_node.is_some() {
        if let Some(pointer) = pointer.filter(|_| response.drag_stopped()) {
            commands.push(Command::DragTo(
                screen_from_world.world_from_screen(pointer),
            ));
        }
        commands.push(Command::EndDrag);
    }

    if response.double_clicked() {
        let node = pointer.and_then(|pointer| node_at(view, screen_from_world, pointer));
        if let Some(node) = node.filter(|&node| view.layout.is_pinned(node)) {
            commands.push(Command::Unpin(view.layout.id_of(node).to_owned()));
        }
    } else if let Some(pointer) = pointer.filter(|_| response.clicked()) {
        commands.push(click_command(view, screen_from_world, pointer));
    }

    if let Some(hover) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|input| (input.smooth_scroll_delta.y, input.zoom_delta()));
        let factor = pinch * (scroll * 0.002).exp();
        if (factor - 1.0).abs() > 1e-4 {
            commands.push(Command::Zoom {
                anchor: hover,
                factor,
            });
        }
    }
    commands
}

fn click_command(
    view: &MapView<'_>,
    screen_from_world: &ScreenFromWorld,
    pointer: Pos2,
) -> Command {
    if let Some(node) = node_at(view, screen_from_world, pointer) {
        return Command::Select(Selection::Node(view.layout.id_of(node).to_owned()));
    }
    if let Some(edge) = edge_at(view, screen_from_world, pointer) {
        return Command::Select(Selection::Edge(edge.key.clone()));
    }
    Command::ClearSelection
}

/// A point on the segment `a`-`b` at fraction `t`, for tests that click along an edge.
pub fn point_along(a: Pos2, b: Pos2, t: f32) -> Pos2 {
    pos2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_to_a_segment_uses_the_nearest_point_of_the_segment() {
        let a = pos2(0.0, 0.0);
        let b = pos2(10.0, 0.0);
        assert!((distance_to_segment(pos2(5.0, 6.0), a, b) - 6.0).abs() < 1e-6);
        assert!((distance_to_segment(pos2(-3.0, 4.0), a, b) - 5.0).abs() < 1e-6);
        assert!((distance_to_segment(pos2(1.0, 1.0), a, a) - 2f32.sqrt()).abs() < 1e-6);
    }
}
