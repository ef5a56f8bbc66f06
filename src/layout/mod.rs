//! The force simulation that places the map's nodes: d3-force style (velocity Verlet, alpha
//! cooling, many-body charge, link springs, gravity or centring, collision), with no egui and
//! no I/O, deterministic for a seed.
//!
//! Main design decision: flat data. Positions and velocities are `f32` structures of arrays;
//! the charge uses a Barnes-Hut quadtree rebuilt each tick from Morton-sorted points into a
//! flat arena ([`quadtree`]), computed per leaf group so the inner loops run over plain arrays
//! (and, on big maps, on several threads with results that do not depend on the thread
//! count); collision uses a uniform grid ([`collide`]). Every buffer is kept from one tick to
//! the next. Each tick follows d3: cool alpha, add the forces to the velocities, damp them,
//! move. Then a position pass pushes apart any discs that still overlap, so a settled map
//! never shows one label on top of another.

mod collide;
mod placement;
mod quadtree;

use collide::{Bodies, Grid, Resolve};
use placement::Adjacency;
use quadtree::{ChargeParams, QuadTree, WalkScratch};

/// A link between two nodes, by index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutLink {
    /// One end.
    pub source: u32,
    /// The other end.
    pub target: u32,
    /// How much evidence backs it (>= 1): heavier links pull harder.
    pub weight: f32,
}

/// The graph to lay out. Compares equal when nothing about the layout's input changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayoutGraph {
    /// Collision radius of each node in world units (node disc plus room for its label).
    pub radii: Vec<f32>,
    /// The links.
    pub links: Vec<LayoutLink>,
}

impl LayoutGraph {
    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.radii.len()
    }
}

/// Forces and cooling. `Default` is tuned for tiemap's maps (5 to a few hundred nodes whose
/// discs, labels included, have radii of 20 to 60 world units); [`LayoutConfig::d3_like`]
/// matches d3-force's defaults for side-by-side benchmarks.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutConfig {
    /// Threads for the force pass; 0 = one per core. Small maps (under a few thousand nodes)
    /// always use one.
    pub threads: usize,
    /// The simulation has cooled down once alpha falls under this (d3's `alphaMin`).
    pub alpha_min: f32,
    /// How fast alpha approaches its target each tick (d3's `alphaDecay`).
    pub alpha_decay: f32,
    /// Share of the velocity lost each tick (d3's `velocityDecay`).
    pub velocity_decay: f32,
    /// Charge of every node; negative repels (d3's many-body `strength`).
    pub charge_strength: f32,
    /// Barnes-Hut accuracy: a cell of width `w` at distance `d` counts as one body when
    /// `w / d < theta`.
    pub theta: f32,
    /// Distance under which the charge stops growing (d3's `distanceMin`).
    pub charge_distance_min: f32,
    /// Rest length of a link between the rims of its two discs: the spring's rest length is
    /// this plus both radii.
    pub link_distance: f32,
    /// Link passes per tick (d3's `iterations`).
    pub link_iterations: usize,
    /// How much evidence shortens and stiffens a link: rest length divided by
    /// `1 + evidence_pull * ln(weight)`, strength times `weight^evidence_pull`. 0 ignores weights.
    pub evidence_pull: f32,
    /// Pull of every node towards the origin (d3's `forceX`/`forceY` strength); keeps
    /// disconnected components near each other.
    pub gravity: f32,
    /// Shift the free nodes each tick so their mean is the origin (d3's `forceCenter`); skipped
    /// while any node is pinned, since the pinned node is the user's anchor.
    pub center: bool,
    /// Strength of d3's collide force on velocities (smooth, but leaves small overlaps where
    /// other forces press); 0 turns it off.
    pub collision_strength: f32,
    /// After each move, push apart any discs that still overlap, so none do once settled.
    pub separate_discs: bool,
    /// Fastest node speed (world units per tick) under which a cooling map counts as settled.
    pub settle_speed: f32,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig {
            threads: 1,
            alpha_min: 0.001,
            // alpha reaches alpha_min after 200 ticks: just over 3 s at 60 fps at worst, and the
            // speed test usually stops it earlier.
            alpha_decay: 1.0 - 0.001f32.powf(1.0 / 200.0),
            velocity_decay: 0.4,
            // d3's -30 suits links of 30 units; charge must grow with the square of the
            // length to keep the same shape, and tiemap's links (40 plus two radii of 20 to
            // 60) are four to five times longer. A bit more keeps unlinked labels apart.
            charge_strength: -800.0,
            theta: 0.9,
            charge_distance_min: 1.0,
            link_distance: 40.0,
            link_iterations: 1,
            evidence_pull: 0.3,
            gravity: 0.02,
            center: false,
            collision_strength: 0.7,
            separate_discs: true,
            settle_speed: 0.05,
        }
    }
}

impl LayoutConfig {
    /// d3-force's defaults (charge -30, link distance 30, centring, 300 ticks of cooling, no
    /// collide force), plus the pass that keeps discs apart: what the benchmarks compare with
    /// d3bench.mjs.
    pub fn d3_like() -> Self {
        LayoutConfig {
            alpha_decay: 1.0 - 0.001f32.powf(1.0 / 300.0),
            charge_strength: -30.0,
            link_distance: 30.0,
            evidence_pull: 0.0,
            gravity: 0.0,
            center: true,
            collision_strength: 0.0,
            settle_speed: 0.0,
            ..LayoutConfig::default()
        }
    }
}

/// Below this many nodes the force pass stays on the calling thread: spreading it costs more
/// than it saves.
const PARALLEL_MIN_NODES: usize = 2048;

/// Most position passes per tick that push overlapping discs apart.
const SEPARATION_PASSES: usize = 8;

/// The link springs, as structures of arrays (self-loops and links to missing nodes left out).
#[derive(Debug, Default)]
struct Springs {
    sources: Vec<u32>,
    targets: Vec<u32>,
    rest_lengths: Vec<f32>,
    strengths: Vec<f32>,
    /// Share of the correction the target takes (d3's bias: the busier end moves less).
    target_shares: Vec<f32>,
}

/// A running simulation.
pub struct Simulation {
    config: LayoutConfig,
    seed: u64,
    xs: Vec<f32>,
    ys: Vec<f32>,
    vxs: Vec<f32>,
    vys: Vec<f32>,
    radii: Vec<f32>,
    pinned: Vec<bool>,
    pinned_count: usize,
    springs: Springs,
    /// Ends of every valid link, self-loops included, for [`Simulation::edge_len_dev`].
    link_ends: Vec<(u32, u32)>,
    alpha: f32,
    alpha_target: f32,
    ticks: u64,
    /// Fastest node in the last tick; infinite until a tick has run since the last change.
    max_speed: f32,
    tree: QuadTree,
    /// Charge sums per Morton-sorted point.
    charge_x: Vec<f32>,
    charge_y: Vec<f32>,
    walk_scratch: Vec<WalkScratch>,
    grid: Grid,
    pool: Option<rayon::ThreadPool>,
}

impl std::fmt::Debug for Simulation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Simulation")
            .field("nodes", &self.xs.len())
            .field("links", &self.springs.sources.len())
            .field("alpha", &self.alpha)
            .field("ticks", &self.ticks)
            .finish_non_exhaustive()
    }
}

/// A link's weight as a usable number: at least 1.
fn clean_weight(weight: f32) -> f32 {
    if weight.is_finite() {
        weight.max(1.0)
    } else {
        1.0
    }
}

impl Springs {
    fn new(graph: &LayoutGraph, radii: &[f32], config: &LayoutConfig) -> Self {
        let n = radii.len();
        let valid = |link: &&LayoutLink| {
            (link.source as usize) < n && (link.target as usize) < n && link.source != link.target
        };
        let mut degree = vec![0u32; n];
        for link in graph.links.iter().filter(valid) {
            degree[link.source as usize] += 1;
            degree[link.target as usize] += 1;
        }
        let mut springs = Springs::default();
        for link in graph.links.iter().filter(valid) {
            let (s, t) = (link.source as usize, link.target as usize);
            let weight = clean_weight(link.weight);
            let pull = config.evidence_pull.max(0.0);
            let rest =
                (config.link_distance.max(0.0) + radii[s] + radii[t]) / (1.0 + pull * weight.ln());
            // d3: 1 / min(degree) keeps hubs from being yanked around; evidence adds to it,
            // capped at 1 so a single pass never overshoots.
            let strength = (weight.powf(pull) / degree[s].min(degree[t]) as f32).min(1.0);
            springs.sources.push(s as u32);
            springs.targets.push(t as u32);
            springs.rest_lengths.push(rest);
            springs.strengths.push(strength);
            springs
                .target_shares
                .push(degree[s] as f32 / (degree[s] + degree[t]) as f32);
        }
        springs
    }
}

impl Simulation {
    /// Starts a simulation. `initial` gives known positions (saved or pinned) by node; others
    /// are placed by the engine.
    pub fn new(
        graph: &LayoutGraph,
        initial: &[Option<[f32; 2]>],
        config: LayoutConfig,
        seed: u64,
    ) -> Self {
        let n = graph.node_count();
        let radii: Vec<f32> = graph
            .radii
            .iter()
            .map(|&r| if r.is_finite() { r.max(0.0) } else { 0.0 })
            .collect();
        let springs = Springs::new(graph, &radii, &config);
        let link_ends: Vec<(u32, u32)> = graph
            .links
            .iter()
            .filter(|l| (l.source as usize) < n && (l.target as usize) < n)
            .map(|l| (l.source, l.target))
            .collect();
        let adjacency = Adjacency::new(
            n,
            springs
                .sources
                .iter()
                .copied()
                .zip(springs.targets.iter().copied()),
        );
        let mean_radius = if n > 0 {
            radii.iter().sum::<f32>() / n as f32
        } else {
            0.0
        };
        let spacing = (0.6 * config.link_distance + 2.0 * mean_radius).max(1.0);
        let (xs, ys) = placement::place(&adjacency, initial, spacing, seed);
        let pool = if config.threads == 1 || n < PARALLEL_MIN_NODES {
            None
        } else {
            // Without a pool (the OS refused threads) the pass runs on this thread: slower,
            // same result.
            rayon::ThreadPoolBuilder::new()
                .num_threads(config.threads)
                .build()
                .ok()
        };
        let parts = pool.as_ref().map_or(1, |p| 4 * p.current_num_threads());
        Simulation {
            alpha: 1.0,
            alpha_target: 0.0,
            seed,
            vxs: vec![0.0; n],
            vys: vec![0.0; n],
            pinned: vec![false; n],
            pinned_count: 0,
            springs,
            link_ends,
            ticks: 0,
            max_speed: if n == 0 { 0.0 } else { f32::INFINITY },
            tree: QuadTree::default(),
            charge_x: Vec::new(),
            charge_y: Vec::new(),
            walk_scratch: (0..parts).map(|_| WalkScratch::default()).collect(),
            grid: Grid::default(),
            pool,
            config,
            xs,
            ys,
            radii,
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.xs.len()
    }

    /// The configuration it runs with.
    pub fn config(&self) -> &LayoutConfig {
        &self.config
    }

    /// Advances one tick.
    pub fn tick(&mut self) {
        self.alpha += (self.alpha_target - self.alpha) * self.config.alpha_decay;
        self.ticks += 1;
        if self.xs.is_empty() {
            self.max_speed = 0.0;
            return;
        }
        // A fresh nudge seed each tick, so coincident nodes do not get the same push forever.
        let seed = self.seed ^ self.ticks.wrapping_mul(0xd1b5_4a32_d192_ed03);
        self.apply_charge(seed);
        for _ in 0..self.config.link_iterations {
            self.apply_springs(seed);
        }
        self.apply_gravity();
        if self.config.collision_strength > 0.0 {
            let strength = self.config.collision_strength;
            self.resolve_collisions(Resolve::Velocities(strength), seed);
        }
        self.integrate();
        if self.config.center && self.pinned_count == 0 {
            self.recenter();
        }
        if self.config.separate_discs {
            // Pushing one pair apart can press another together, so as the map cools (or is
            // about to count as settled) passes repeat until one finds nothing to move. While
            // it is hot the forces still rearrange everything, and one pass a tick is enough.
            let cooling = self.alpha < 0.05 || self.max_speed < 4.0 * self.config.settle_speed;
            let passes = if cooling { SEPARATION_PASSES } else { 1 };
            for _ in 0..passes {
                if self.resolve_collisions(Resolve::Positions, seed) == 0 {
                    break;
                }
            }
        }
    }

    /// Runs one collision pass; returns how many pairs it pushed apart.
    fn resolve_collisions(&mut self, resolve: Resolve, seed: u64) -> usize {
        self.grid.resolve(
            &mut Bodies {
                xs: &mut self.xs,
                ys: &mut self.ys,
                vxs: &mut self.vxs,
                vys: &mut self.vys,
                radii: &self.radii,
                pinned: &self.pinned,
            },
            resolve,
            seed,
        )
    }

    /// Advances `ticks` ticks.
    pub fn tick_n(&mut self, ticks: usize) {
        for _ in 0..ticks {
            self.tick();
        }
    }

    /// Many-body charge through the quadtree, into the velocities.
    fn apply_charge(&mut self, seed: u64) {
        let n = self.xs.len();
        let scale = self.config.charge_strength * self.alpha;
        if n < 2 || scale == 0.0 || !scale.is_finite() {
            return;
        }
        self.tree.rebuild(&self.xs, &self.ys);
        self.charge_x.clear();
        self.charge_x.resize(n, 0.0);
        self.charge_y.clear();
        self.charge_y.resize(n, 0.0);
        let params = ChargeParams {
            theta: self.config.theta.max(0.0),
            distance_min2: self.config.charge_distance_min * self.config.charge_distance_min,
            seed,
        };
        let tree = &self.tree;
        match &self.pool {
            Some(pool) if self.walk_scratch.len() > 1 => {
                // Cut the leaves into parts of about equal point counts; each part writes
                // its own slice of the output, so the sums do not depend on the threads.
                let parts = self.walk_scratch.len();
                let per_part = n.div_ceil(parts);
                let mut tasks = Vec::with_capacity(parts);
                let (mut rest_x, mut rest_y) =
                    (self.charge_x.as_mut_slice(), self.charge_y.as_mut_slice());
                let mut scratches = self.walk_scratch.iter_mut();
                let mut first_leaf = 0;
                while first_leaf < tree.groups.len() {
                    let start = tree.cells[tree.groups[first_leaf] as usize].start as usize;
                    let mut last_leaf = first_leaf;
                    while last_leaf < tree.groups.len()
                        && (tree.cells[tree.groups[last_leaf] as usize].end as usize - start)
                            < per_part
                    {
                        last_leaf += 1;
                    }
                    // The last part takes whatever is left.
                    let last_leaf = if tasks.len() + 1 == parts {
                        tree.groups.len()
                    } else {
                        (last_leaf + 1).min(tree.groups.len())
                    };
                    let end = tree.cells[tree.groups[last_leaf - 1] as usize].end as usize;
                    let (part_x, tail_x) = rest_x.split_at_mut(end - start);
                    let (part_y, tail_y) = rest_y.split_at_mut(end - start);
                    rest_x = tail_x;
                    rest_y = tail_y;
                    let Some(scratch) = scratches.next() else {
                        break;
                    };
                    tasks.push((&tree.groups[first_leaf..last_leaf], part_x, part_y, scratch));
                    first_leaf = last_leaf;
                }
                pool.install(|| {
                    use rayon::prelude::*;
                    tasks
                        .into_par_iter()
                        .for_each(|(leaves, out_x, out_y, scratch)| {
                            tree.accumulate(leaves, params, scratch, out_x, out_y);
                        });
                });
            }
            _ => {
                if let Some(scratch) = self.walk_scratch.first_mut() {
                    tree.accumulate(
                        &tree.groups,
                        params,
                        scratch,
                        &mut self.charge_x,
                        &mut self.charge_y,
                    );
                }
            }
        }
        for (k, &node) in self.tree.order.iter().enumerate() {
            let node = node as usize;
            self.vxs[node] += self.charge_x[k] * scale;
            self.vys[node] += self.charge_y[k] * scale;
        }
    }

    /// One pass of the link springs (d3's forceLink: Gauss-Seidel on predicted positions).
    fn apply_springs(&mut self, seed: u64) {
        let springs = &self.springs;
        for l in 0..springs.sources.len() {
            let s = springs.sources[l] as usize;
            let t = springs.targets[l] as usize;
            let mut dx = self.xs[t] + self.vxs[t] - self.xs[s] - self.vxs[s];
            let mut dy = self.ys[t] + self.vys[t] - self.ys[s] - self.vys[s];
            if dx == 0.0 && dy == 0.0 {
                (dx, dy) = quadtree::nudge(s as u32, t as u32, seed);
            }
            let length = (dx * dx + dy * dy).sqrt();
            let k = (length - springs.rest_lengths[l]) / length * self.alpha * springs.strengths[l];
            dx *= k;
            dy *= k;
            let share = springs.target_shares[l];
            self.vxs[t] -= dx * share;
            self.vys[t] -= dy * share;
            self.vxs[s] += dx * (1.0 - share);
            self.vys[s] += dy * (1.0 - share);
        }
    }

    /// Pull towards the origin.
    fn apply_gravity(&mut self) {
        let k = self.config.gravity * self.alpha;
        if k == 0.0 {
            return;
        }
        for (vx, &x) in self.vxs.iter_mut().zip(&self.xs) {
            *vx -= x * k;
        }
        for (vy, &y) in self.vys.iter_mut().zip(&self.ys) {
            *vy -= y * k;
        }
    }

    /// Damps the velocities and moves the free nodes; pinned nodes stay exactly put.
    fn integrate(&mut self) {
        let keep = 1.0 - self.config.velocity_decay;
        let mut max_speed2 = 0.0f32;
        for i in 0..self.xs.len() {
            let (mut vx, mut vy) = (self.vxs[i] * keep, self.vys[i] * keep);
            if self.pinned[i] || !vx.is_finite() || !vy.is_finite() {
                vx = 0.0;
                vy = 0.0;
            }
            let (x, y) = (self.xs[i] + vx, self.ys[i] + vy);
            if x.is_finite() && y.is_finite() {
                self.xs[i] = x;
                self.ys[i] = y;
            } else {
                vx = 0.0;
                vy = 0.0;
            }
            self.vxs[i] = vx;
            self.vys[i] = vy;
            max_speed2 = max_speed2.max(vx * vx + vy * vy);
        }
        self.max_speed = max_speed2.sqrt();
    }

    /// Moves every node so the mean position is the origin.
    fn recenter(&mut self) {
        let n = self.xs.len() as f64;
        let mean_x = (self.xs.iter().map(|&x| f64::from(x)).sum::<f64>() / n) as f32;
        let mean_y = (self.ys.iter().map(|&y| f64::from(y)).sum::<f64>() / n) as f32;
        for x in &mut self.xs {
            *x -= mean_x;
        }
        for y in &mut self.ys {
            *y -= mean_y;
        }
    }

    /// Whether motion has died down: the app stops stepping and repainting. True once alpha
    /// is under `alpha_min`, or no node moved faster than `settle_speed` in the last tick,
    /// unless an alpha target (a drag) keeps it warm.
    pub fn is_settled(&self) -> bool {
        if self.alpha_target >= self.config.alpha_min {
            return false;
        }
        self.alpha < self.config.alpha_min || self.max_speed < self.config.settle_speed
    }

    /// Current alpha (temperature).
    pub fn alpha(&self) -> f32 {
        self.alpha
    }

    /// Keeps the simulation warm at `target` (while a drag lasts); 0 lets it cool.
    pub fn set_alpha_target(&mut self, target: f32) {
        self.alpha_target = if target.is_finite() {
            target.clamp(0.0, 1.0)
        } else {
            0.0
        };
        if self.alpha_target > 0.0 {
            self.max_speed = f32::INFINITY;
        }
    }

    /// Raises alpha to at least `alpha` so the map moves again.
    pub fn reheat(&mut self, alpha: f32) {
        if alpha.is_finite() {
            self.alpha = self.alpha.max(alpha.min(1.0));
        }
        if !self.xs.is_empty() {
            self.max_speed = f32::INFINITY;
        }
    }

    /// Position of node `node`.
    pub fn position(&self, node: usize) -> [f32; 2] {
        [self.xs[node], self.ys[node]]
    }

    /// All x coordinates, by node.
    pub fn xs(&self) -> &[f32] {
        &self.xs
    }

    /// All y coordinates, by node.
    pub fn ys(&self) -> &[f32] {
        &self.ys
    }

    /// Fixes node `node` at `position`; the simulation never moves it. A position that is not
    /// finite pins the node where it is.
    pub fn pin(&mut self, node: usize, position: [f32; 2]) {
        if position[0].is_finite() && position[1].is_finite() {
            self.xs[node] = position[0];
            self.ys[node] = position[1];
        }
        self.vxs[node] = 0.0;
        self.vys[node] = 0.0;
        if !self.pinned[node] {
            self.pinned[node] = true;
            self.pinned_count += 1;
        }
        self.max_speed = f32::INFINITY;
    }

    /// Lets node `node` move again.
    pub fn unpin(&mut self, node: usize) {
        if self.pinned[node] {
            self.pinned[node] = false;
            self.pinned_count -= 1;
        }
    }

    /// Whether node `node` is pinned.
    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned[node]
    }

    /// Kinetic energy of the free nodes, `sum of |v|^2 / 2` (unit masses), after the last tick.
    pub fn kinetic_energy(&self) -> f32 {
        let mut energy = 0.0f64;
        for ((&vx, &vy), &pinned) in self.vxs.iter().zip(&self.vys).zip(&self.pinned) {
            if !pinned {
                energy += 0.5 * f64::from(vx * vx + vy * vy);
            }
        }
        energy as f32
    }

    /// Speed of the fastest node in the last tick (world units per tick).
    pub fn max_speed(&self) -> f32 {
        self.max_speed
    }

    /// How uneven the link lengths are: the mean absolute deviation of the lengths from their
    /// median, over that median (as d3bench.mjs computes it; lower is more even). 0 without
    /// links.
    pub fn edge_len_dev(&self) -> f32 {
        let mut lengths: Vec<f64> = self
            .link_ends
            .iter()
            .map(|&(a, b)| {
                let (a, b) = (a as usize, b as usize);
                f64::from(self.xs[a] - self.xs[b]).hypot(f64::from(self.ys[a] - self.ys[b]))
            })
            .collect();
        if lengths.is_empty() {
            return 0.0;
        }
        lengths.sort_by(f64::total_cmp);
        let median = lengths[lengths.len() / 2];
        if median <= 0.0 {
            return 0.0;
        }
        let deviation = lengths.iter().map(|l| (l - median).abs()).sum::<f64>();
        (deviation / lengths.len() as f64 / median) as f32
    }

    /// Number of pairs of nodes whose discs overlap (closer than the sum of their radii).
    pub fn overlap_count(&self) -> usize {
        collide::count_overlaps(&self.xs, &self.ys, &self.radii)
    }
}
