//! Collision between node discs (each disc is the node plus room for its label).
//!
//! Main design decision: a uniform grid instead of a quadtree. Cells are at least as wide as
//! the largest diameter, so two discs that overlap always sit in the same or adjacent cells;
//! the grid is a counting sort of the nodes by cell into reused arrays, rebuilt in O(n) with no
//! allocation after the first tick. The grid grows its cells when the nodes are spread thin,
//! so it never has many more cells than nodes.

/// A grid of nodes by cell.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    /// Cell of each node.
    cell_of: Vec<u32>,
    /// Where each cell's nodes start in `nodes`; one more entry than cells.
    starts: Vec<u32>,
    /// Node indices, grouped by cell.
    nodes: Vec<u32>,
    columns: usize,
    rows: usize,
}

/// Which pass to run over overlapping pairs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Resolve {
    /// d3's collide force: pushes the velocities of overlapping discs apart (positions
    /// predicted one step ahead), scaled by a strength.
    Velocities(f32),
    /// Moves overlapping discs apart until they just touch (with a hair of room): what makes
    /// sure no two discs overlap once the map has settled.
    Positions,
}

/// Mutable state the collision passes work on.
pub(crate) struct Bodies<'a> {
    pub xs: &'a mut [f32],
    pub ys: &'a mut [f32],
    pub vxs: &'a mut [f32],
    pub vys: &'a mut [f32],
    pub radii: &'a [f32],
    pub pinned: &'a [bool],
}

/// Relative extra room the position pass leaves between discs, so that rounding never
/// leaves two of them a hair closer than their radii.
const ROOM: f32 = 1e-3;

impl Grid {
    /// Rebuilds the grid over `(xs[i] + dx[i], ys[i] + dy[i])` (offsets optional) with cells at
    /// least `min_cell` wide.
    fn rebuild(
        &mut self,
        xs: &[f32],
        ys: &[f32],
        offsets: Option<(&[f32], &[f32])>,
        min_cell: f32,
    ) {
        let n = xs.len();
        let at = |i: usize| match offsets {
            Some((dx, dy)) => (xs[i] + dx[i], ys[i] + dy[i]),
            None => (xs[i], ys[i]),
        };
        let (mut min_x, mut min_y) = (f32::INFINITY, f32::INFINITY);
        let (mut max_x, mut max_y) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
        for i in 0..n {
            let (x, y) = at(i);
            min_x = min_x.min(x);
            max_x = max_x.max(x);
            min_y = min_y.min(y);
            max_y = max_y.max(y);
        }
        let (width, height) = ((max_x - min_x).max(0.0), (max_y - min_y).max(0.0));
        // No more than about two cells a node: wider cells when the map is sparse.
        let budget = (2 * n + 16) as f32;
        let cell = min_cell.max((width * height / budget).sqrt()).max(1e-3);
        let mut columns = (width / cell) as usize + 1;
        let mut rows = (height / cell) as usize + 1;
        while columns * rows > 4 * n + 64 {
            // Only reachable with extreme aspect ratios; halve the resolution.
            columns = columns.div_ceil(2);
            rows = rows.div_ceil(2);
        }
        let cell_x = (width / columns as f32).max(cell);
        let cell_y = (height / rows as f32).max(cell);
        let (scale_x, scale_y) = (1.0 / cell_x, 1.0 / cell_y);
        self.columns = columns;
        self.rows = rows;
        self.cell_of.clear();
        self.starts.clear();
        self.starts.resize(columns * rows + 1, 0);
        for i in 0..n {
            let (x, y) = at(i);
            let cx = (((x - min_x) * scale_x) as usize).min(columns - 1);
            let cy = (((y - min_y) * scale_y) as usize).min(rows - 1);
            let c = cy * columns + cx;
            self.cell_of.push(c as u32);
            self.starts[c + 1] += 1;
        }
        for c in 0..columns * rows {
            self.starts[c + 1] += self.starts[c];
        }
        self.nodes.clear();
        self.nodes.resize(n, 0);
        // Fill each cell from its start; `starts` is restored afterwards.
        for i in 0..n {
            let c = self.cell_of[i] as usize;
            self.nodes[self.starts[c] as usize] = i as u32;
            self.starts[c] += 1;
        }
        for c in (1..=columns * rows).rev() {
            self.starts[c] = self.starts[c - 1];
        }
        self.starts[0] = 0;
    }

    /// Runs one pass of `resolve` over every overlapping pair, each pair once, in a fixed
    /// order (so the result is deterministic). Returns how many pairs it pushed apart: a pass
    /// that returns 0 moved nothing, so no two discs overlap.
    pub fn resolve(&mut self, bodies: &mut Bodies<'_>, resolve: Resolve, seed: u64) -> usize {
        let n = bodies.xs.len();
        let max_radius = bodies.radii.iter().copied().fold(0.0f32, f32::max);
        if n < 2 || max_radius <= 0.0 {
            return 0;
        }
        match resolve {
            Resolve::Velocities(_) => self.rebuild(
                bodies.xs,
                bodies.ys,
                Some((bodies.vxs, bodies.vys)),
                2.0 * max_radius,
            ),
            Resolve::Positions => self.rebuild(bodies.xs, bodies.ys, None, 2.0 * max_radius),
        }
        let mut pushed = 0;
        self.for_each_near_pair(|i, j| {
            pushed += usize::from(resolve_pair(bodies, i, j, resolve, seed));
        });
        pushed
    }

    /// Calls `visit(i, j)` once for every pair of nodes in the same or adjacent cells, in a
    /// fixed order: each cell with itself, then with its right, lower-left, lower and
    /// lower-right neighbours (the other four see it from their side).
    fn for_each_near_pair(&self, mut visit: impl FnMut(usize, usize)) {
        let (columns, rows) = (self.columns, self.rows);
        let range = |c: usize| self.starts[c] as usize..self.starts[c + 1] as usize;
        for cy in 0..rows {
            for cx in 0..columns {
                let here = range(cy * columns + cx);
                if here.is_empty() {
                    continue;
                }
                let cell_nodes = &self.nodes[here];
                for (a, &i) in cell_nodes.iter().enumerate() {
                    for &j in &cell_nodes[a + 1..] {
                        visit(i as usize, j as usize);
                    }
                }
                let below = cy + 1 < rows;
                let right = cx + 1 < columns;
                let neighbours = [
                    right.then(|| cy * columns + cx + 1),
                    (below && cx > 0).then(|| (cy + 1) * columns + cx - 1),
                    below.then(|| (cy + 1) * columns + cx),
                    (below && right).then(|| (cy + 1) * columns + cx + 1),
                ];
                for there in neighbours.into_iter().flatten() {
                    let other_nodes = &self.nodes[range(there)];
                    for &i in cell_nodes {
                        for &j in other_nodes {
                            visit(i as usize, j as usize);
                        }
                    }
                }
            }
        }
    }
}

/// Share of a correction that node `i` takes (the rest goes to `j`): the lighter disc moves
/// more, and a pinned node does not move at all.
fn share(bodies: &Bodies<'_>, i: usize, j: usize) -> f32 {
    match (bodies.pinned[i], bodies.pinned[j]) {
        (true, true) => 0.5,
        (true, false) => 0.0,
        (false, true) => 1.0,
        (false, false) => {
            let (ri2, rj2) = (
                bodies.radii[i] * bodies.radii[i],
                bodies.radii[j] * bodies.radii[j],
            );
            if ri2 + rj2 > 0.0 {
                rj2 / (ri2 + rj2)
            } else {
                0.5
            }
        }
    }
}

/// Pushes discs `i` and `j` apart if they overlap; returns whether they did.
fn resolve_pair(bodies: &mut Bodies<'_>, i: usize, j: usize, resolve: Resolve, seed: u64) -> bool {
    let r = bodies.radii[i] + bodies.radii[j];
    if r <= 0.0 || (bodies.pinned[i] && bodies.pinned[j]) {
        return false;
    }
    let (mut dx, mut dy) = match resolve {
        Resolve::Velocities(_) => (
            bodies.xs[i] + bodies.vxs[i] - bodies.xs[j] - bodies.vxs[j],
            bodies.ys[i] + bodies.vys[i] - bodies.ys[j] - bodies.vys[j],
        ),
        Resolve::Positions => (bodies.xs[i] - bodies.xs[j], bodies.ys[i] - bodies.ys[j]),
    };
    let mut l2 = dx * dx + dy * dy;
    if l2 >= r * r {
        return false;
    }
    let target = match resolve {
        Resolve::Velocities(_) => r,
        Resolve::Positions => r * (1.0 + ROOM),
    };
    if l2 == 0.0 {
        (dx, dy) = super::quadtree::nudge(i as u32, j as u32, seed);
        l2 = dx * dx + dy * dy;
    }
    let l = l2.sqrt();
    let strength = match resolve {
        Resolve::Velocities(s) => s,
        Resolve::Positions => 1.0,
    };
    let push = (target - l) / l * strength;
    let (px, py) = (dx * push, dy * push);
    let w = share(bodies, i, j);
    match resolve {
        Resolve::Velocities(_) => {
            bodies.vxs[i] += px * w;
            bodies.vys[i] += py * w;
            bodies.vxs[j] -= px * (1.0 - w);
            bodies.vys[j] -= py * (1.0 - w);
        }
        Resolve::Positions => {
            bodies.xs[i] += px * w;
            bodies.ys[i] += py * w;
            bodies.xs[j] -= px * (1.0 - w);
            bodies.ys[j] -= py * (1.0 - w);
        }
    }
    true
}

/// Number of pairs of discs closer than the sum of their radii (an exact check through the
/// grid, for tests and the benchmark's quality line).
pub(crate) fn count_overlaps(xs: &[f32], ys: &[f32], radii: &[f32]) -> usize {
    let n = xs.len();
    let max_radius = radii.iter().copied().fold(0.0f32, f32::max);
    if n < 2 || max_radius <= 0.0 {
        return 0;
    }
    let mut grid = Grid::default();
    grid.rebuild(xs, ys, None, 2.0 * max_radius);
    let mut overlaps = 0;
    grid.for_each_near_pair(|i, j| {
        if (xs[i] - xs[j]).hypot(ys[i] - ys[j]) < radii[i] + radii[j] {
            overlaps += 1;
        }
    });
    overlaps
}

#[cfg(test)]
// Tests compare exact values on purpose (counts as floats, positions kept bit for bit).
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn grid_finds_the_same_overlaps_as_all_pairs() {
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        let mut radii = Vec::new();
        for i in 0..300u32 {
            let t = i as f32;
            xs.push((t * 37.1) % 211.0);
            ys.push((t * 91.7) % 157.0);
            radii.push(1.0 + (i % 7) as f32);
        }
        let mut brute = 0;
        for i in 0..xs.len() {
            for j in i + 1..xs.len() {
                if (xs[i] - xs[j]).hypot(ys[i] - ys[j]) < radii[i] + radii[j] {
                    brute += 1;
                }
            }
        }
        assert!(brute > 0);
        assert_eq!(count_overlaps(&xs, &ys, &radii), brute);
    }

    #[test]
    fn position_passes_separate_discs_and_spare_pinned_ones() {
        let mut xs = vec![0.0, 1.0, 0.5, 0.0];
        let mut ys = vec![0.0, 0.0, 0.5, 0.0];
        let mut vxs = vec![0.0; 4];
        let mut vys = vec![0.0; 4];
        let radii = vec![10.0; 4];
        let pinned = vec![true, false, false, false];
        let mut grid = Grid::default();
        for _ in 0..50 {
            let mut bodies = Bodies {
                xs: &mut xs,
                ys: &mut ys,
                vxs: &mut vxs,
                vys: &mut vys,
                radii: &radii,
                pinned: &pinned,
            };
            let _pushed = grid.resolve(&mut bodies, Resolve::Positions, 1);
        }
        assert_eq!((xs[0], ys[0]), (0.0, 0.0), "the pinned disc stays put");
        assert_eq!(count_overlaps(&xs, &ys, &radii), 0);
    }
}
