//! Where nodes start: saved positions when there are any, otherwise a phyllotaxis spiral (as
//! d3 does) walked in breadth-first order of the graph.
//!
//! Main design decision: d3 fills its spiral in node-index order, so neighbours usually start
//! far apart and the first ticks are spent untangling. Filling the spiral component by
//! component, breadth first from each component's best-connected node, starts neighbours a
//! few slots apart, so the first frame already shows clusters and needs fewer ticks to settle.
//! A new node added to a saved map starts next to its placed neighbours.

/// The golden angle, which spreads the spiral's points evenly.
const GOLDEN_ANGLE: f32 = 2.399_963_2;

/// Neighbours of each node as compressed rows (`offsets[i]..offsets[i + 1]` in `neighbours`),
/// each row sorted; self-loops and out-of-range links are left out.
pub(crate) struct Adjacency {
    pub offsets: Vec<u32>,
    pub neighbours: Vec<u32>,
}

impl Adjacency {
    /// Builds the rows from link ends.
    pub fn new(n: usize, ends: impl Iterator<Item = (u32, u32)> + Clone) -> Self {
        let mut offsets = vec![0u32; n + 1];
        for (a, b) in ends.clone() {
            offsets[a as usize + 1] += 1;
            offsets[b as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut neighbours = vec![0u32; offsets[n] as usize];
        for (a, b) in ends {
            neighbours[fill[a as usize] as usize] = b;
            fill[a as usize] += 1;
            neighbours[fill[b as usize] as usize] = a;
            fill[b as usize] += 1;
        }
        for i in 0..n {
            neighbours[offsets[i] as usize..offsets[i + 1] as usize].sort_unstable();
        }
        Adjacency {
            offsets,
            neighbours,
        }
    }

    /// Neighbours of `node`, sorted (repeated for duplicate links).
    pub fn of(&self, node: usize) -> &[u32] {
        &self.neighbours[self.offsets[node] as usize..self.offsets[node + 1] as usize]
    }
}

/// Breadth-first order over all components: each component starts at its node of highest
/// degree (lowest index on ties); components in order of their first node.
fn breadth_first_order(adjacency: &Adjacency, n: usize) -> Vec<u32> {
    let degree = |i: usize| adjacency.offsets[i + 1] - adjacency.offsets[i];
    let mut seen = vec![false; n];
    let mut order = Vec::with_capacity(n);
    // Component roots by descending degree, so the big hubs anchor the spiral's centre.
    let mut roots: Vec<u32> = (0..n as u32).collect();
    roots.sort_by_key(|&i| (std::cmp::Reverse(degree(i as usize)), i));
    for root in roots {
        if seen[root as usize] {
            continue;
        }
        seen[root as usize] = true;
        let mut head = order.len();
        order.push(root);
        while head < order.len() {
            let node = order[head] as usize;
            head += 1;
            for &next in adjacency.of(node) {
                if !seen[next as usize] {
                    seen[next as usize] = true;
                    order.push(next);
                }
            }
        }
    }
    order
}

/// Starting positions for every node. `initial[i]`, when given and finite, is kept; the others
/// go on a spiral whose spacing is `spacing` (world units between neighbouring slots), turned
/// by an angle that depends on `seed`, or next to their already placed neighbours.
pub(crate) fn place(
    adjacency: &Adjacency,
    initial: &[Option<[f32; 2]>],
    spacing: f32,
    seed: u64,
) -> (Vec<f32>, Vec<f32>) {
    let n = adjacency.offsets.len() - 1;
    let mut xs = vec![0.0f32; n];
    let mut ys = vec![0.0f32; n];
    let mut placed = vec![false; n];
    let (mut sum_x, mut sum_y, mut count) = (0.0f64, 0.0f64, 0usize);
    for i in 0..n {
        if let Some(Some([x, y])) = initial.get(i)
            && x.is_finite()
            && y.is_finite()
        {
            xs[i] = *x;
            ys[i] = *y;
            placed[i] = true;
            sum_x += f64::from(*x);
            sum_y += f64::from(*y);
            count += 1;
        }
    }
    let (centre_x, centre_y) = if count > 0 {
        ((sum_x / count as f64) as f32, (sum_y / count as f64) as f32)
    } else {
        (0.0, 0.0)
    };
    let turn = (seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as f32 / (1u64 << 24) as f32
        * std::f32::consts::TAU;
    // d3's spiral: slot k at radius spacing * sqrt(k + 0.5), which gives each slot an area of
    // about pi * spacing^2.
    let radius_unit = spacing / std::f32::consts::PI.sqrt();
    let mut slot = count;
    for node in breadth_first_order(adjacency, n) {
        let node = node as usize;
        if placed[node] {
            continue;
        }
        let neighbours = adjacency.of(node);
        let (mut nx, mut ny, mut near) = (0.0f32, 0.0f32, 0usize);
        for &m in neighbours {
            if placed[m as usize] {
                nx += xs[m as usize];
                ny += ys[m as usize];
                near += 1;
            }
        }
        if count > 0 && near > 0 {
            // Joining a saved map: start beside the neighbours that are already there.
            let angle = turn + node as f32 * GOLDEN_ANGLE;
            xs[node] = nx / near as f32 + spacing * angle.cos();
            ys[node] = ny / near as f32 + spacing * angle.sin();
        } else {
            let radius = radius_unit * (slot as f32 + 0.5).sqrt();
            let angle = turn + slot as f32 * GOLDEN_ANGLE;
            xs[node] = centre_x + radius * angle.cos();
            ys[node] = centre_y + radius * angle.sin();
            slot += 1;
        }
        placed[node] = true;
    }
    (xs, ys)
}

#[cfg(test)]
// Tests compare exact values on purpose (counts as floats, positions kept bit for bit).
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn spiral_starts_neighbours_close_and_keeps_saved_positions() {
        // A path 0-1-2-...-9 plus an isolated node 10.
        let ends: Vec<(u32, u32)> = (0..9).map(|i| (i, i + 1)).collect();
        let adjacency = Adjacency::new(11, ends.iter().copied());
        let (xs, ys) = place(&adjacency, &[], 20.0, 1);
        let mut distinct: Vec<(u32, u32)> = xs
            .iter()
            .zip(&ys)
            .map(|(x, y)| (x.to_bits(), y.to_bits()))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 11, "no two nodes start on the same spot");
        let mut initial = vec![None; 11];
        initial[4] = Some([500.0, -20.0]);
        let (xs, ys) = place(&adjacency, &initial, 20.0, 1);
        assert_eq!((xs[4], ys[4]), (500.0, -20.0));
        assert!(
            (xs[5] - 500.0).hypot(ys[5] + 20.0) <= 20.0 + 1e-3,
            "new neighbour joins"
        );
    }
}
