//! The force simulation that places the map's nodes: d3-force style (velocity Verlet, alpha
//! cooling, many-body charge, link springs, centring, collision), with no egui and no I/O,
//! deterministic for a seed.
//! STUB: a placeholder that keeps nodes on a circle until the layout work lands.

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

/// Forces and cooling. `Default` is tuned for tiemap's maps.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutConfig {
    /// Threads for the force pass; 0 = one per core.
    pub threads: usize,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig { threads: 1 }
    }
}

/// A running simulation.
pub struct Simulation {
    xs: Vec<f32>,
    ys: Vec<f32>,
    pinned: Vec<bool>,
    alpha: f32,
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
        let _ = (config, seed);
        let n = graph.node_count();
        let mut xs = Vec::with_capacity(n);
        let mut ys = Vec::with_capacity(n);
        for i in 0..n {
            let angle = i as f32 * 2.4;
            let radius = 60.0 * (i as f32 + 1.0).sqrt();
            let [x, y] = initial
                .get(i)
                .copied()
                .flatten()
                .unwrap_or([radius * angle.cos(), radius * angle.sin()]);
            xs.push(x);
            ys.push(y);
        }
        Simulation {
            xs,
            ys,
            pinned: vec![false; n],
            alpha: 1.0,
        }
    }

    /// Advances one tick.
    pub fn tick(&mut self) {
        self.alpha *= 0.97;
    }

    /// Whether motion has died down: the app stops stepping and repainting.
    pub fn is_settled(&self) -> bool {
        self.alpha < 0.001
    }

    /// Current alpha (temperature).
    pub fn alpha(&self) -> f32 {
        self.alpha
    }

    /// Keeps the simulation warm at `target` (while a drag lasts); 0 lets it cool.
    pub fn set_alpha_target(&mut self, target: f32) {
        let _ = target;
    }

    /// Raises alpha to at least `alpha` so the map moves again.
    pub fn reheat(&mut self, alpha: f32) {
        self.alpha = self.alpha.max(alpha);
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

    /// Fixes node `node` at `position`; the simulation never moves it.
    pub fn pin(&mut self, node: usize, position: [f32; 2]) {
        self.xs[node] = position[0];
        self.ys[node] = position[1];
        self.pinned[node] = true;
    }

    /// Lets node `node` move again.
    pub fn unpin(&mut self, node: usize) {
        self.pinned[node] = false;
    }

    /// Whether node `node` is pinned.
    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned[node]
    }
}
