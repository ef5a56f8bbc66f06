//! The generated graph behind the big-map tests and the map-painting bench, in one place so that
//! the bench measures the same map the GUI test drags: a random tree (every node tied to an
//! earlier one) plus half as many random extra ties, from a seeded generator, so the graph is
//! the same on every machine. A third of the edges then cross the whole map, the worst case for
//! drawing.

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

/// The tied pairs of a generated graph of `nodes` nodes, each `(lower, higher)`, sorted, no
/// duplicates, no self-ties.
pub fn synthetic_pairs(nodes: usize) -> Vec<(usize, usize)> {
    let mut random = Lcg(7);
    let mut pairs: Vec<(usize, usize)> = (1..nodes).map(|i| (random.below(i), i)).collect();
    for _ in 0..nodes / 2 {
        let (a, b) = (random.below(nodes), random.below(nodes));
        if a != b {
            pairs.push((a.min(b), a.max(b)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
