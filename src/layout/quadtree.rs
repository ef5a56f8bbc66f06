//! The Barnes-Hut quadtree behind the many-body (charge) force.
//!
//! Main design decision: the tree is rebuilt every tick from points sorted by their Morton
//! (Z-order) code, into a flat arena of cells laid out in depth-first pre-order with a "skip"
//! index per cell, so a traversal is a forward scan with no stack and no pointers, and every
//! buffer (codes, sorted points, cells) keeps its capacity from one tick to the next: after the
//! first tick a rebuild allocates nothing (once the buffers have grown to the largest tree seen).
//! Leaves hold up to [`LEAF_SIZE`] points, consecutive in the sorted arrays. Forces are computed
//! per group (the largest cells of at most [`GROUP_SIZE`] points): one traversal decides, for all
//! points of a group at once, which cells are far enough to count as one body and which leaves
//! must be summed point by point; then a branch-free loop over plain arrays adds up the pulls
//! for each point of the group.

/// Most points a leaf holds before it is split (unless its points share one Morton code).
pub(crate) const LEAF_SIZE: usize = 8;

/// Most points in a group that shares one tree walk.
pub(crate) const GROUP_SIZE: usize = 12;

/// Bits of each coordinate in a Morton code; also the deepest level of the tree.
const LEVELS: u32 = 16;

/// One cell of the tree.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Cell {
    /// Centre of mass, x.
    pub x: f32,
    /// Centre of mass, y.
    pub y: f32,
    /// Number of points inside.
    pub mass: f32,
    /// Side of the cell's square.
    pub width: f32,
    /// Index of the first cell after this cell's subtree; `index + 1` means a leaf.
    pub next: u32,
    /// First point (in sorted order) inside the cell.
    pub start: u32,
    /// One past the last point (in sorted order) inside the cell.
    pub end: u32,
}

/// A quadtree over a set of points, plus the points in Morton order.
#[derive(Debug, Default)]
pub(crate) struct QuadTree {
    /// Cells in depth-first pre-order; cell 0 is the root (absent for no points).
    pub cells: Vec<Cell>,
    /// Indices of the leaf cells, in order (so their points are consecutive).
    pub leaves: Vec<u32>,
    /// Indices of the group cells (the largest cells with at most [`GROUP_SIZE`] points), in
    /// order: they partition the points, and forces are computed one group at a time.
    pub groups: Vec<u32>,
    /// Node index of each sorted point.
    pub order: Vec<u32>,
    /// x of each sorted point.
    pub xs: Vec<f32>,
    /// y of each sorted point.
    pub ys: Vec<f32>,
    /// Sort keys: Morton code in the high half, node index in the low half.
    keys: Vec<u64>,
    /// Second buffer for the radix sort.
    keys_scratch: Vec<u64>,
}

/// Spreads the 16 low bits of `v` to the even bits of the result.
fn spread_bits(v: u32) -> u32 {
    let mut v = v & 0xffff;
    v = (v | (v << 8)) & 0x00ff_00ff;
    v = (v | (v << 4)) & 0x0f0f_0f0f;
    v = (v | (v << 2)) & 0x3333_3333;
    v = (v | (v << 1)) & 0x5555_5555;
    v
}

/// Sorts `keys` by their high 32 bits, stably, with an LSD radix sort (bytes), using
/// `scratch` as the second buffer. Passes where every key has the same byte are skipped.
fn radix_sort_high_half(keys: &mut Vec<u64>, scratch: &mut Vec<u64>) {
    scratch.clear();
    scratch.resize(keys.len(), 0);
    for pass in 0..4 {
        let shift = 32 + 8 * pass;
        let mut counts = [0usize; 256];
        for &key in keys.iter() {
            counts[((key >> shift) & 0xff) as usize] += 1;
        }
        if counts.contains(&keys.len()) {
            continue;
        }
        let mut offset = 0;
        for count in &mut counts {
            let c = *count;
            *count = offset;
            offset += c;
        }
        for &key in keys.iter() {
            let bucket = &mut counts[((key >> shift) & 0xff) as usize];
            scratch[*bucket] = key;
            *bucket += 1;
        }
        std::mem::swap(keys, scratch);
    }
}

impl QuadTree {
    /// Rebuilds the tree over the points `(xs[i], ys[i])`, which must be finite.
    pub fn rebuild(&mut self, xs: &[f32], ys: &[f32]) {
        let n = xs.len().min(ys.len());
        self.cells.clear();
        self.leaves.clear();
        self.groups.clear();
        self.keys.clear();
        self.order.clear();
        self.xs.clear();
        self.ys.clear();
        if n == 0 {
            return;
        }
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (xs[0], ys[0], xs[0], ys[0]);
        for (&x, &y) in xs[..n].iter().zip(&ys[..n]) {
            min_x = min_x.min(x);
            max_x = max_x.max(x);
            min_y = min_y.min(y);
            max_y = max_y.max(y);
        }
        // A square a hair larger than the points, so the largest coordinate still
        // quantises inside it.
        let extent = (max_x - min_x).max(max_y - min_y);
        let size = if extent > 0.0 {
            extent * (1.0 + 1e-5) + f32::MIN_POSITIVE
        } else {
            1.0
        };
        let scale = (1u32 << LEVELS) as f32 / size;
        let top = (1u32 << LEVELS) - 1;
        for (i, (&x, &y)) in xs[..n].iter().zip(&ys[..n]).enumerate() {
            let qx = (((x - min_x) * scale) as u32).min(top);
            let qy = (((y - min_y) * scale) as u32).min(top);
            let code = spread_bits(qx) | (spread_bits(qy) << 1);
            self.keys.push((u64::from(code) << 32) | i as u64);
        }
        radix_sort_high_half(&mut self.keys, &mut self.keys_scratch);
        for &key in &self.keys {
            let i = (key & 0xffff_ffff) as usize;
            self.order.push(i as u32);
            self.xs.push(xs[i]);
            self.ys.push(ys[i]);
        }
        self.build_cell(0, n, 0, size, false);
    }

    /// Builds the cell over sorted points `start..end` at `level` (root 0), and its subtree.
    /// Returns its index.
    fn build_cell(
        &mut self,
        start: usize,
        end: usize,
        level: u32,
        width: f32,
        in_group: bool,
    ) -> usize {
        let index = self.cells.len();
        self.cells.push(Cell::default());
        let starts_group = !in_group && (end - start <= GROUP_SIZE || level == LEVELS);
        if starts_group {
            self.groups.push(index as u32);
        }
        let (mut mass, mut sum_x, mut sum_y) = (0.0f32, 0.0f32, 0.0f32);
        if end - start <= LEAF_SIZE || level == LEVELS {
            for k in start..end {
                sum_x += self.xs[k];
                sum_y += self.ys[k];
            }
            mass = (end - start) as f32;
            self.leaves.push(index as u32);
        } else {
            let shift = 32 + 2 * (LEVELS - 1 - level);
            let mut child_start = start;
            for quadrant in 0..4u64 {
                let child_end = child_start
                    + self.keys[child_start..end]
                        .partition_point(|&key| (key >> shift) & 3 <= quadrant);
                if child_end > child_start {
                    let child = self.build_cell(
                        child_start,
                        child_end,
                        level + 1,
                        width * 0.5,
                        in_group || starts_group,
                    );
                    let cell = self.cells[child];
                    mass += cell.mass;
                    sum_x += cell.x * cell.mass;
                    sum_y += cell.y * cell.mass;
                }
                child_start = child_end;
            }
        }
        self.cells[index] = Cell {
            x: sum_x / mass,
            y: sum_y / mass,
            mass,
            width,
            next: self.cells.len() as u32,
            start: start as u32,
            end: end as u32,
        };
        index
    }
}

/// What the charge pass needs to know, beyond the tree.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ChargeParams {
    /// Barnes-Hut accuracy: a cell of width `w` at distance `d` counts as one body when
    /// `w / d < theta` (d3's test).
    pub theta: f32,
    /// Squared distance under which the pull stops growing (d3's `distanceMin`²).
    pub distance_min2: f32,
    /// Seed of the deterministic nudge that separates coincident points.
    pub seed: u64,
}

/// Reusable lists of one group walk: the bodies that pull the group (far cells as one body
/// each, then the points of near leaves one by one), and the near leaves' point ranges.
#[derive(Debug, Default)]
pub(crate) struct WalkScratch {
    body_x: Vec<f32>,
    body_y: Vec<f32>,
    body_mass: Vec<f32>,
    near: Vec<(u32, u32)>,
}

/// Lanes of the pull loop: eight independent sums the compiler turns into SIMD registers.
const LANES: usize = 8;

/// One body's pull on the point `(xi, yi)`, `(dx, dy) * mass / max(d², dmin²)`, nothing from
/// a body at distance 0 (the point itself, or one to nudge apart), and whether the body is
/// closer than dmin (where d3 uses `sqrt(dmin² d²)` instead: [`close_pull_fix`] corrects it;
/// keeping the square root out of this loop makes it several times faster).
#[inline]
fn pull(xi: f32, yi: f32, bx: f32, by: f32, mass: f32, distance_min2: f32) -> (f32, f32, u32) {
    let dx = bx - xi;
    let dy = by - yi;
    let d2 = dx * dx + dy * dy;
    let w = if d2 > 0.0 {
        mass / d2.max(distance_min2)
    } else {
        0.0
    };
    (dx * w, dy * w, u32::from(d2 < distance_min2))
}

/// What the bodies closer than dmin (but not at distance 0) miss from [`pull`].
fn close_pull_fix(
    xi: f32,
    yi: f32,
    xs: &[f32],
    ys: &[f32],
    masses: &[f32],
    distance_min2: f32,
) -> (f32, f32) {
    let (mut fx, mut fy) = (0.0f32, 0.0f32);
    for ((&bx, &by), &m) in xs.iter().zip(ys).zip(masses) {
        let dx = bx - xi;
        let dy = by - yi;
        let d2 = dx * dx + dy * dy;
        if d2 > 0.0 && d2 < distance_min2 {
            let w = m / (distance_min2 * d2).sqrt() - m / distance_min2;
            fx += dx * w;
            fy += dy * w;
        }
    }
    (fx, fy)
}

/// Sum of the pulls of all bodies on `(xi, yi)` (see [`pull`]), and how many bodies are
/// closer than dmin, the point itself included.
fn pull_sum(
    xi: f32,
    yi: f32,
    xs: &[f32],
    ys: &[f32],
    masses: &[f32],
    distance_min2: f32,
) -> (f32, f32, u32) {
    let mut sum_x = [0.0f32; LANES];
    let mut sum_y = [0.0f32; LANES];
    let mut close_counts = [0u32; LANES];
    let chunks = xs
        .chunks_exact(LANES)
        .zip(ys.chunks_exact(LANES))
        .zip(masses.chunks_exact(LANES));
    for ((cx, cy), cm) in chunks {
        for lane in 0..LANES {
            let (px, py, close) = pull(xi, yi, cx[lane], cy[lane], cm[lane], distance_min2);
            sum_x[lane] += px;
            sum_y[lane] += py;
            close_counts[lane] += close;
        }
    }
    let tail = xs.len() / LANES * LANES;
    let (mut fx, mut fy, mut close_count) = (0.0f32, 0.0f32, 0u32);
    for ((&bx, &by), &m) in xs[tail..].iter().zip(&ys[tail..]).zip(&masses[tail..]) {
        let (px, py, close) = pull(xi, yi, bx, by, m, distance_min2);
        fx += px;
        fy += py;
        close_count += close;
    }
    for lane in 0..LANES {
        fx += sum_x[lane];
        fy += sum_y[lane];
        close_count += close_counts[lane];
    }
    (fx, fy, close_count)
}

/// A tiny direction, deterministic in the pair and the seed, for two points at the same spot.
pub(crate) fn nudge(a: u32, b: u32, seed: u64) -> (f32, f32) {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    let mut z = seed ^ (u64::from(lo) << 32 | u64::from(hi)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    let angle = (z >> 40) as f32 / (1u64 << 24) as f32 * std::f32::consts::TAU;
    // Opposite directions for the two ends, so they part.
    let sign = if a < b { 1e-6 } else { -1e-6 };
    (sign * angle.cos(), sign * angle.sin())
}

impl QuadTree {
    /// Adds, for each sorted point in the leaves `leaves`, the sum over all other points `j`
    /// of `(p_j - p) / |p_j - p|²` (d3's many-body kernel with unit strength) into
    /// `out_x`/`out_y`, which cover exactly the sorted points of those leaves.
    pub fn accumulate(
        &self,
        groups: &[u32],
        params: ChargeParams,
        scratch: &mut WalkScratch,
        out_x: &mut [f32],
        out_y: &mut [f32],
    ) {
        let Some(&first) = groups.first() else {
            return;
        };
        let base = self.cells[first as usize].start as usize;
        let theta2 = params.theta * params.theta;
        for &group in groups {
            let group = self.cells[group as usize];
            let (start, end) = (group.start as usize, group.end as usize);
            self.walk(start, end, theta2, scratch);
            for k in start..end {
                let (xi, yi) = (self.xs[k], self.ys[k]);
                let (mut fx, mut fy, close) = pull_sum(
                    xi,
                    yi,
                    &scratch.body_x,
                    &scratch.body_y,
                    &scratch.body_mass,
                    params.distance_min2,
                );
                if close > 1 {
                    // Other points are very close or exactly here (rare, so the slow way).
                    let (cx, cy) = close_pull_fix(
                        xi,
                        yi,
                        &scratch.body_x,
                        &scratch.body_y,
                        &scratch.body_mass,
                        params.distance_min2,
                    );
                    fx += cx;
                    fy += cy;
                    for &(near_start, near_end) in &scratch.near {
                        for j in near_start as usize..near_end as usize {
                            if j != k && self.xs[j] - xi == 0.0 && self.ys[j] - yi == 0.0 {
                                let (dx, dy) = nudge(self.order[k], self.order[j], params.seed);
                                let d2 = dx * dx + dy * dy;
                                let floored = d2.max((params.distance_min2 * d2).sqrt());
                                fx += dx / floored;
                                fy += dy / floored;
                            }
                        }
                    }
                }
                out_x[k - base] += fx;
                out_y[k - base] += fy;
            }
        }
    }

    /// Fills `scratch` with the cells that are far enough from every sorted point in
    /// `start..end` to count as one body, and the point ranges of the leaves that are not.
    fn walk(&self, start: usize, end: usize, theta2: f32, scratch: &mut WalkScratch) {
        scratch.body_x.clear();
        scratch.body_y.clear();
        scratch.body_mass.clear();
        scratch.near.clear();
        let (mut min_x, mut min_y) = (f32::INFINITY, f32::INFINITY);
        let (mut max_x, mut max_y) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
        for k in start..end {
            min_x = min_x.min(self.xs[k]);
            max_x = max_x.max(self.xs[k]);
            min_y = min_y.min(self.ys[k]);
            max_y = max_y.max(self.ys[k]);
        }
        let mut index = 0;
        while index < self.cells.len() {
            let cell = &self.cells[index];
            // Distance from the cell's centre of mass to the nearest point of the group's box:
            // if the test passes there, it passes for every point of the group.
            let dx = (min_x - cell.x).max(cell.x - max_x).max(0.0);
            let dy = (min_y - cell.y).max(cell.y - max_y).max(0.0);
            let l = dx * dx + dy * dy;
            if cell.width * cell.width < theta2 * l {
                scratch.body_x.push(cell.x);
                scratch.body_y.push(cell.y);
                scratch.body_mass.push(cell.mass);
                index = cell.next as usize;
            } else if cell.next as usize == index + 1 {
                let (a, b) = (cell.start as usize, cell.end as usize);
                scratch.body_x.extend_from_slice(&self.xs[a..b]);
                scratch.body_y.extend_from_slice(&self.ys[a..b]);
                scratch.body_mass.extend(std::iter::repeat_n(1.0, b - a));
                scratch.near.push((cell.start, cell.end));
                index += 1;
            } else {
                index += 1;
            }
        }
    }
}

#[cfg(test)]
// Tests compare exact values on purpose (counts as floats, positions kept bit for bit).
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    fn params() -> ChargeParams {
        ChargeParams {
            theta: 0.9,
            distance_min2: 1.0,
            seed: 7,
        }
    }

    /// A small deterministic cloud of points.
    fn cloud(n: usize, seed: u64) -> (Vec<f32>, Vec<f32>) {
        let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 40) as f32 / (1u64 << 24) as f32
        };
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for _ in 0..n {
            xs.push(next() * 400.0 - 200.0);
            ys.push(next() * 300.0 - 100.0);
        }
        (xs, ys)
    }

    fn exact(xs: &[f32], ys: &[f32], p: ChargeParams) -> (Vec<f32>, Vec<f32>) {
        let n = xs.len();
        let mut fx = vec![0.0; n];
        let mut fy = vec![0.0; n];
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                let dx = f64::from(xs[j] - xs[i]);
                let dy = f64::from(ys[j] - ys[i]);
                let mut l = dx * dx + dy * dy;
                if l < f64::from(p.distance_min2) {
                    l = (f64::from(p.distance_min2) * l).sqrt();
                }
                fx[i] += (dx / l) as f32;
                fy[i] += (dy / l) as f32;
            }
        }
        (fx, fy)
    }

    /// Barnes-Hut forces by node index.
    fn barnes_hut(xs: &[f32], ys: &[f32], p: ChargeParams) -> (Vec<f32>, Vec<f32>) {
        let mut tree = QuadTree::default();
        tree.rebuild(xs, ys);
        let mut sx = vec![0.0; xs.len()];
        let mut sy = vec![0.0; xs.len()];
        let groups = tree.groups.clone();
        tree.accumulate(&groups, p, &mut WalkScratch::default(), &mut sx, &mut sy);
        let mut fx = vec![0.0; xs.len()];
        let mut fy = vec![0.0; xs.len()];
        for (k, &node) in tree.order.iter().enumerate() {
            fx[node as usize] = sx[k];
            fy[node as usize] = sy[k];
        }
        (fx, fy)
    }

    /// Checks every cell: its mass is its point count, its centre is their mean, its points
    /// lie inside its square, and its children (in pre-order) partition its points.
    fn check_cells(tree: &QuadTree) {
        for (index, cell) in tree.cells.iter().enumerate() {
            let (start, end) = (cell.start as usize, cell.end as usize);
            assert_eq!(cell.mass, (end - start) as f32, "mass of cell {index}");
            let count = (end - start) as f64;
            let mean_x = tree.xs[start..end]
                .iter()
                .map(|&x| f64::from(x))
                .sum::<f64>()
                / count;
            let mean_y = tree.ys[start..end]
                .iter()
                .map(|&y| f64::from(y))
                .sum::<f64>()
                / count;
            let tolerance = 1e-3 * (1.0 + mean_x.abs().max(mean_y.abs()));
            assert!(
                (f64::from(cell.x) - mean_x).abs() < tolerance,
                "centre x of {index}"
            );
            assert!(
                (f64::from(cell.y) - mean_y).abs() < tolerance,
                "centre y of {index}"
            );
            let (lo_x, hi_x) = tree.xs[start..end]
                .iter()
                .fold((f32::MAX, f32::MIN), |(a, b), &x| (a.min(x), b.max(x)));
            let (lo_y, hi_y) = tree.ys[start..end]
                .iter()
                .fold((f32::MAX, f32::MIN), |(a, b), &y| (a.min(y), b.max(y)));
            assert!(
                hi_x - lo_x <= cell.width * 1.0001,
                "points of {index} fit its width"
            );
            assert!(
                hi_y - lo_y <= cell.width * 1.0001,
                "points of {index} fit its height"
            );
            if cell.next as usize != index + 1 {
                let mut child = index + 1;
                let mut covered = start;
                while child < cell.next as usize {
                    assert_eq!(tree.cells[child].start as usize, covered);
                    covered = tree.cells[child].end as usize;
                    assert!(tree.cells[child].width * 2.0 == cell.width);
                    child = tree.cells[child].next as usize;
                }
                assert_eq!(covered, end, "children of {index} cover its points");
            }
        }
    }

    #[test]
    fn cells_hold_their_points_mass_and_centre() {
        let (xs, ys) = cloud(500, 3);
        let mut tree = QuadTree::default();
        tree.rebuild(&xs, &ys);
        assert_eq!(tree.cells[0].mass, 500.0);
        check_cells(&tree);
        let mut seen = tree.order.clone();
        seen.sort_unstable();
        assert_eq!(
            seen,
            (0..500).collect::<Vec<u32>>(),
            "every point sorted once"
        );
        let leaf_points: u32 = tree
            .leaves
            .iter()
            .map(|&l| tree.cells[l as usize].end - tree.cells[l as usize].start)
            .sum();
        assert_eq!(leaf_points, 500, "leaves partition the points");
    }

    #[test]
    fn points_on_cell_borders_land_in_exactly_one_cell() {
        // A lattice: many points lie exactly on the borders between quadrants, and the
        // largest coordinates lie on the root's far edge.
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for i in 0..17 {
            for j in 0..17 {
                xs.push(i as f32 * 8.0);
                ys.push(j as f32 * 8.0);
            }
        }
        let mut tree = QuadTree::default();
        tree.rebuild(&xs, &ys);
        check_cells(&tree);
        assert_eq!(tree.cells[0].mass, xs.len() as f32);
        assert!((tree.cells[0].x - 64.0).abs() < 1e-3);
        assert!((tree.cells[0].y - 64.0).abs() < 1e-3);
    }

    #[test]
    fn coincident_points_share_a_deep_leaf_and_still_repel() {
        let xs = vec![5.0; 40];
        let ys = vec![-3.0; 40];
        let mut tree = QuadTree::default();
        tree.rebuild(&xs, &ys);
        check_cells(&tree);
        let (fx, fy) = barnes_hut(&xs, &ys, params());
        assert!(fx.iter().chain(&fy).all(|f| f.is_finite()));
        assert!(
            fx.iter().chain(&fy).any(|&f| f != 0.0),
            "coincident points get pushed"
        );
    }

    #[test]
    fn empty_and_single_point_trees() {
        let mut tree = QuadTree::default();
        tree.rebuild(&[], &[]);
        assert!(tree.cells.is_empty());
        tree.rebuild(&[1.0], &[2.0]);
        assert_eq!(tree.cells.len(), 1);
        let (fx, fy) = barnes_hut(&[1.0], &[2.0], params());
        assert_eq!((fx[0], fy[0]), (0.0, 0.0), "one point feels no force");
    }

    /// Barnes-Hut with theta = 0.9 (d3's default) against the exact sum: the error, relative
    /// to the mean force magnitude, stays under 2% on average and 6% at worst (measured:
    /// about 0.5-0.9% and 1.8-2.4% on these clouds; the group walk opens cells for the
    /// nearest point of a leaf, so it is stricter than d3's per-point test).
    #[test]
    fn barnes_hut_matches_exact_forces_within_bound() {
        for (n, seed) in [(50, 1), (300, 2), (1000, 3)] {
            let (xs, ys) = cloud(n, seed);
            let (ex, ey) = exact(&xs, &ys, params());
            let (bx, by) = barnes_hut(&xs, &ys, params());
            let magnitudes: Vec<f32> = ex.iter().zip(&ey).map(|(x, y)| x.hypot(*y)).collect();
            let typical = magnitudes.iter().sum::<f32>() / n as f32;
            let mut worst = 0.0f32;
            let mut total = 0.0f32;
            for i in 0..n {
                let error = (bx[i] - ex[i]).hypot(by[i] - ey[i]) / typical;
                worst = worst.max(error);
                total += error;
            }
            let mean = total / n as f32;
            assert!(mean < 0.02, "n={n}: mean relative error {mean}");
            assert!(worst < 0.06, "n={n}: worst relative error {worst}");
        }
    }

    #[test]
    fn radix_sort_is_stable_by_code() {
        let mut keys: Vec<u64> = (0..1000u64).map(|i| ((i * 7919) % 97) << 32 | i).collect();
        let mut expected = keys.clone();
        expected.sort_by_key(|k| k >> 32);
        radix_sort_high_half(&mut keys, &mut Vec::new());
        assert_eq!(keys, expected);
    }
}
