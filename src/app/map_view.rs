//! The map canvas: draws nodes, edges, labels and the legend, and turns pointer input into
//! commands (select, drag, pan, zoom). It never changes the state itself.
//!
//! Screen coordinates exist only here: positions come from the layout in world units and go
//! through one `ScreenFromWorld` per frame. Hit testing is done in screen space, so "within 6
//! pixels of an edge" means the same at every zoom. Off-screen shapes are culled, labels are
//! left out when too many nodes are on screen, and big maps are painted on the CPU into one
//! texture (see `map_raster`), which keeps 10,000-node maps interactive on software renderers.

use eframe::egui;
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Response, Sense, Shape, Stroke, StrokeKind,
    Ui, Vec2, pos2, vec2,
};

use super::command::{Command, Selection};
use super::hover::{Hovered, hover_tooltip_ui};
use super::labels::{LabelCache, LabelCandidate, LabelKey, place_labels};
use super::legend::legend_ui;
use super::map_layout::MapLayout;
use super::map_raster::{MapRaster, rgb};
use super::raster::{Dashes, Item, Paint};
use super::theme;
use super::transform::{Camera, ScreenFromWorld};
use crate::model::{ActorKind, Edge, TieMap, ViewState};

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
    /// The filters (the legend shows which quads are hidden).
    pub filters: &'a ViewState,
    /// Layout nodes the search found: ringed and labelled.
    pub searched: &'a [usize],
    /// Hovering shows tooltips (not while `--screenshot` waits for its picture).
    pub tooltips: bool,
}

/// What the map view reports after a frame.
pub struct MapViewOutput {
    /// What the user asked for.
    pub commands: Vec<Command>,
    /// The transform used this frame (tests and Fit use it).
    pub screen_from_world: ScreenFromWorld,
    /// Where the map is on screen.
    pub map_rect: Rect,
    /// What the pointer is over.
    pub hovered: Option<Hovered>,
}

/// Draws the map in all of `ui`'s remaining space and reads the pointer. Big maps are painted
/// on the CPU into `raster`'s texture (see [`super::map_raster`]); small ones as egui shapes.
pub fn map_ui(
    ui: &mut Ui,
    view: &MapView<'_>,
    raster: &mut MapRaster,
    labels: &mut LabelCache,
) -> MapViewOutput {
    let map_rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(map_rect, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "map"));
    let screen_from_world = ScreenFromWorld::new(view.camera, map_rect);
    let painter = ui.painter_at(map_rect);

    let edges = visible_edges(view, &screen_from_world, map_rect);
    let nodes = visible_nodes(view, &screen_from_world, map_rect);
    raster.begin();
    if draws_on_cpu(view) {
        let pixels_per_point = ui.ctx().pixels_per_point();
        raster_edges(raster, &edges, map_rect.min, pixels_per_point);
        raster_nodes(raster, &nodes, map_rect.min, pixels_per_point);
        raster.show(&painter, map_rect, pixels_per_point);
    } else {
        painter.rect_filled(map_rect, CornerRadius::ZERO, theme::MAP_BACKGROUND);
        paint_edges(&painter, &edges);
        paint_nodes(&painter, &nodes);
    }
    paint_pins(&painter, view, &nodes);
    paint_search_rings(&painter, view, &nodes);
    // What the pointer is over, unless a node is being dragged or the background panned.
    let hovered = response
        .hover_pos()
        .filter(|_| view.dragged_node.is_none() && !response.dragged())
        .and_then(|pointer| {
            node_at(view, &screen_from_world, pointer)
                .map(Hovered::Node)
                .or_else(|| edge_at_index(view, &screen_from_world, pointer).map(Hovered::Edge))
        });
    paint_labels(&painter, view, &nodes, &screen_from_world, hovered, labels);
    if let Some(message) = view.empty_message {
        painter.text(
            map_rect.center(),
            Align2::CENTER_CENTER,
            message,
            FontId::proportional(18.0),
            theme::LABEL_TEXT,
        );
    }
    let mut commands = legend_ui(ui, map_rect, view.filters);
    commands.extend(pointer_commands(ui, &response, view, &screen_from_world));
    if let Some(hovered) = hovered.filter(|_| view.tooltips) {
        response.on_hover_ui_at_pointer(|ui| hover_tooltip_ui(ui, view, hovered));
    }
    MapViewOutput {
        commands,
        screen_from_world,
        map_rect,
        hovered,
    }
}

/// Whether this map is painted on the CPU: past a few thousand shapes, the triangles cost a
/// software renderer more than the pixels cost us.
pub fn draws_on_cpu(view: &MapView<'_>) -> bool {
    view.layout.node_count() + view.drawn_edges.len() > theme::CPU_RASTER_ABOVE_SHAPES
}

/// The selection's edges and nodes are highlighted.
fn edge_is_highlighted(view: &MapView<'_>, edge: &Edge) -> bool {
    match view.selection {
        Some(Selection::Edge(key)) => *key == edge.key,
        Some(Selection::Node(id)) => edge.key.touches(id),
        None => false,
    }
}

/// An edge on screen this frame.
struct ScreenEdge<'a> {
    drawn: &'a DrawnEdge,
    a: Pos2,
    b: Pos2,
    highlighted: bool,
}

/// The edges that cross the map, in drawing order.
fn visible_edges<'a>(
    view: &MapView<'a>,
    screen_from_world: &ScreenFromWorld,
    map_rect: Rect,
) -> Vec<ScreenEdge<'a>> {
    let (xs, ys) = view.layout.xs_ys();
    view.drawn_edges
        .iter()
        .filter_map(|drawn| {
            let a = screen_from_world.screen_from_world([xs[drawn.node_a], ys[drawn.node_a]]);
            let b = screen_from_world.screen_from_world([xs[drawn.node_b], ys[drawn.node_b]]);
            map_rect
                .intersects(Rect::from_two_pos(a, b))
                .then(|| ScreenEdge {
                    drawn,
                    a,
                    b,
                    highlighted: view
                        .edges
                        .get(drawn.edge)
                        .is_some_and(|edge| edge_is_highlighted(view, edge)),
                })
        })
        .collect()
}

fn paint_edges(painter: &egui::Painter, edges: &[ScreenEdge<'_>]) {
    let mut halos = Vec::new();
    let mut shapes = Vec::new();
    let width_scale = theme::edge_width_scale(edges.len());
    for edge in edges {
        let drawn = edge.drawn;
        let width_px = (drawn.width_px * width_scale).max(1.0);
        let stroke = Stroke::new(width_px, drawn.color);
        if edge.highlighted {
            halos.push(Shape::line_segment(
                [edge.a, edge.b],
                Stroke::new(width_px + theme::SELECTION_HALO_PX, theme::SELECTION),
            ));
        }
        if drawn.hedged || drawn.negated {
            shapes.extend(Shape::dashed_line(
                &[edge.a, edge.b],
                stroke,
                theme::DASH_PX,
                theme::DASH_GAP_PX,
            ));
        } else {
            shapes.push(Shape::line_segment([edge.a, edge.b], stroke));
        }
    }
    painter.extend(halos);
    painter.extend(shapes);
}

/// Canvas pixels of a screen point, for a canvas whose corner is at `origin`.
fn canvas_from_screen(point: Pos2, origin: Pos2, pixels_per_point: f32) -> [f32; 2] {
    [
        (point.x - origin.x) * pixels_per_point,
        (point.y - origin.y) * pixels_per_point,
    ]
}

fn raster_edges(
    raster: &mut MapRaster,
    edges: &[ScreenEdge<'_>],
    origin: Pos2,
    pixels_per_point: f32,
) {
    let line = |edge: &ScreenEdge<'_>, width_px: f32, color: Color32, dashed: bool| Item::Line {
        a: canvas_from_screen(edge.a, origin, pixels_per_point),
        b: canvas_from_screen(edge.b, origin, pixels_per_point),
        width_px: width_px * pixels_per_point,
        color: rgb(color),
        dashes: dashed.then_some(Dashes {
            dash_px: theme::DASH_PX * pixels_per_point,
            gap_px: theme::DASH_GAP_PX * pixels_per_point,
        }),
    };
    let width_scale = theme::edge_width_scale(edges.len());
    let width = |drawn: &DrawnEdge| (drawn.width_px * width_scale).max(1.0);
    for edge in edges.iter().filter(|edge| edge.highlighted) {
        let halo_width = width(edge.drawn) + theme::SELECTION_HALO_PX;
        raster.push(line(edge, halo_width, theme::SELECTION, false));
    }
    for edge in edges {
        let drawn = edge.drawn;
        raster.push(line(
            edge,
            width(drawn),
            drawn.color,
            drawn.hedged || drawn.negated,
        ));
    }
}

/// A node's radius on screen: its world radius at the zoom, but never below a share of it,
/// so that on a zoomed-out map the main actors still stand out from the rest.
fn node_radius_px(view: &MapView<'_>, node: usize, scale: f32) -> f32 {
    let radius = view.layout.size(node).shape_radius;
    (radius * scale)
        .max(radius * theme::MIN_NODE_SCREEN_SHARE)
        .max(2.0)
}

/// A node on screen this frame.
struct ScreenNode {
    node: usize,
    center: Pos2,
    radius_px: f32,
    kind: ActorKind,
    highlighted: bool,
    /// Outline width in pixels (0: too small to show one).
    outline_px: f32,
}

impl ScreenNode {
    fn outline_color(&self) -> Color32 {
        if self.highlighted {
            theme::SELECTION
        } else {
            theme::NODE_OUTLINE
        }
    }
}

/// The nodes whose shape or label reaches into the map.
fn visible_nodes(
    view: &MapView<'_>,
    screen_from_world: &ScreenFromWorld,
    map_rect: Rect,
) -> Vec<ScreenNode> {
    let scale = screen_from_world.scale();
    let (xs, ys) = view.layout.xs_ys();
    let selected_node = match view.selection {
        Some(Selection::Node(id)) => view.layout.index_of(id),
        _ => None,
    };
    let mut nodes: Vec<ScreenNode> = (0..view.layout.node_count())
        .filter_map(|node| {
            let center = screen_from_world.screen_from_world([xs[node], ys[node]]);
            let reach = view.layout.size(node).footprint_radius() * scale;
            if !map_rect.expand(reach).contains(center) {
                return None;
            }
            let radius_px = node_radius_px(view, node, scale);
            let highlighted = Some(node) == selected_node || Some(node) == view.dragged_node;
            let outline_px = if highlighted {
                theme::HIGHLIGHT_OUTLINE_PX
            } else if radius_px < theme::SMALL_NODE_PX {
                0.0
            } else {
                scale.clamp(0.5, 1.5)
            };
            let kind = view.layout.kind(node);
            Some(ScreenNode {
                node,
                center,
                radius_px,
                kind,
                highlighted,
                outline_px,
            })
        })
        .collect();
    // Heavier nodes over lighter ones, the nodes the user placed (pinned) over those, and
    // the selected and dragged nodes over all.
    nodes.sort_by_key(|node| {
        (
            node.highlighted,
            view.layout.is_pinned(node.node),
            view.layout.evidence(node.node),
            node.node,
        )
    });
    nodes
}

fn paint_nodes(painter: &egui::Painter, nodes: &[ScreenNode]) {
    painter.extend(nodes.iter().map(|node| {
        node_shape(
            node.kind,
            node.center,
            node.radius_px,
            Stroke::new(node.outline_px, node.outline_color()),
        )
    }));
}

fn raster_nodes(raster: &mut MapRaster, nodes: &[ScreenNode], origin: Pos2, pixels_per_point: f32) {
    for node in nodes {
        // egui strokes straddle a shape's edge; the canvas outlines inside it: grow the shape
        // by half the outline so both draw the same.
        let outline_px = node.outline_px * pixels_per_point;
        let radius_px = node.radius_px * pixels_per_point + 0.5 * outline_px;
        let paint = Paint {
            fill: rgb(theme::node_fill(node.kind)),
            outline: rgb(node.outline_color()),
            outline_px,
        };
        let center = canvas_from_screen(node.center, origin, pixels_per_point);
        raster.push(match node.kind {
            ActorKind::Country => Item::Disc {
                center,
                radius_px,
                paint,
            },
            ActorKind::Bloc => Item::RoundedSquare {
                center,
                half_px: radius_px * BLOC_HALF_SIDE,
                corner_px: node.radius_px * pixels_per_point * BLOC_CORNER,
                paint,
            },
        });
    }
}

fn paint_pins(painter: &egui::Painter, view: &MapView<'_>, nodes: &[ScreenNode]) {
    for node in nodes.iter().filter(|node| view.layout.is_pinned(node.node)) {
        painter.extend(pin_mark(node.center, node.radius_px));
    }
}

/// Rings around the nodes the search found.
fn paint_search_rings(painter: &egui::Painter, view: &MapView<'_>, nodes: &[ScreenNode]) {
    if view.searched.is_empty() {
        return;
    }
    for node in nodes
        .iter()
        .filter(|node| view.searched.contains(&node.node))
    {
        painter.circle_stroke(
            node.center,
            node.radius_px + theme::SEARCH_RING_PX + 1.0,
            Stroke::new(theme::SEARCH_RING_PX, theme::SEARCH_HIT),
        );
    }
}

/// Labels under the nodes: every node pointed at, selected, dragged or found, then as many of
/// the others as fit without overlapping, the weightiest first (see [`super::labels`]).
fn paint_labels(
    painter: &egui::Painter,
    view: &MapView<'_>,
    nodes: &[ScreenNode],
    screen_from_world: &ScreenFromWorld,
    hovered: Option<Hovered>,
    cache: &mut LabelCache,
) {
    let scale = screen_from_world.scale();
    let font_px =
        (theme::LABEL_SIZE_WORLD * scale).clamp(theme::MIN_LABEL_FONT_PX, theme::MAX_LABEL_FONT_PX);
    let gap_px = (theme::LABEL_GAP_WORLD * scale.min(1.5)).max(2.0) + 1.0;
    let font = FontId::proportional(font_px);
    // Screen nodes by layout node, to look candidates up in weight order.
    let mut on_screen: Vec<Option<usize>> = vec![None; view.layout.node_count()];
    for (index, node) in nodes.iter().enumerate() {
        on_screen[node.node] = Some(index);
    }
    let candidate = |node: usize| {
        on_screen.get(node).copied().flatten().map(|index| {
            let screen = &nodes[index];
            LabelCandidate {
                node,
                center: screen.center,
                radius_px: screen.radius_px,
            }
        })
    };
    let mut must: Vec<usize> = Vec::new();
    if let Some(Hovered::Node(node)) = hovered {
        must.push(node);
    }
    if let Some(Selection::Node(id)) = view.selection
        && let Some(node) = view.layout.index_of(id)
    {
        must.push(node);
    }
    if let Some(Selection::Edge(key)) = view.selection {
        must.extend(
            [&key.a, &key.b]
                .into_iter()
                .filter_map(|id| view.layout.index_of(id)),
        );
    }
    must.extend(view.dragged_node);
    must.extend(view.searched.iter().copied());
    let name_of = |node: usize| {
        let id = view.layout.id_of(node);
        view.map.actor(id).map_or(id, |actor| actor.name.as_str())
    };
    let key = LabelKey {
        layout_revision: view.layout.revision(),
        transform: *screen_from_world,
        map_rect: painter.clip_rect(),
        must: must.clone(),
        font_px,
    };
    let placed = cache.get_or_place(key, || {
        let must_candidates: Vec<LabelCandidate> =
            must.iter().filter_map(|&node| candidate(node)).collect();
        let ordered = view
            .layout
            .by_weight()
            .iter()
            .filter_map(|&node| candidate(node));
        place_labels(&must_candidates, ordered, gap_px, |node| {
            painter
                .layout_no_wrap(name_of(node).to_owned(), font.clone(), theme::LABEL_TEXT)
                .size()
        })
    });
    for label in placed {
        let emphasised = must.contains(&label.node);
        let color = if emphasised {
            theme::LABEL_EMPHASIS_TEXT
        } else {
            theme::LABEL_TEXT
        };
        let galley = painter.layout_no_wrap(name_of(label.node).to_owned(), font.clone(), color);
        painter.rect_filled(label.rect.expand(1.0), 3.0, theme::LABEL_BACKDROP);
        painter.galley(label.rect.min, galley, color);
    }
}

/// Half the side of a bloc's square, as a share of its radius.
const BLOC_HALF_SIDE: f32 = 0.9;
/// Corner radius of a bloc's square, as a share of its radius.
const BLOC_CORNER: f32 = 0.35;

/// A country is a disc; a bloc is a rounded square, so the two read apart even without colour.
pub fn node_shape(kind: ActorKind, center: Pos2, radius: f32, outline: Stroke) -> Shape {
    match kind {
        ActorKind::Country => Shape::Circle(egui::epaint::CircleShape {
            center,
            radius,
            fill: theme::node_fill(kind),
            stroke: outline,
        }),
        ActorKind::Bloc => Shape::Rect(egui::epaint::RectShape::new(
            Rect::from_center_size(center, Vec2::splat(radius * 2.0 * BLOC_HALF_SIDE)),
            CornerRadius::same((radius * BLOC_CORNER) as u8),
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
    edge_at_index(view, screen_from_world, pointer).and_then(|edge| view.edges.get(edge))
}

/// The index of the edge within [`theme::EDGE_HIT_PX`] of `pointer`, the nearest.
fn edge_at_index(
    view: &MapView<'_>,
    screen_from_world: &ScreenFromWorld,
    pointer: Pos2,
) -> Option<usize> {
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
        .map(|(edge, _)| edge)
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
