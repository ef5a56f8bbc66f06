//! Edges: the map's view of ties, one per unordered pair of actors.

use super::{ActorId, Quad, Tie};

/// An unordered pair of actors, stored in sorted order so it compares and hashes the same
/// whichever way round it was made.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct EdgeKey {
    /// The smaller id.
    pub a: ActorId,
    /// The larger id.
    pub b: ActorId,
}

impl EdgeKey {
    /// The pair of `x` and `y`, in either order.
    pub fn new(x: &str, y: &str) -> Self {
        if x <= y {
            EdgeKey {
                a: x.to_owned(),
                b: y.to_owned(),
            }
        } else {
            EdgeKey {
                a: y.to_owned(),
                b: x.to_owned(),
            }
        }
    }

    /// Whether `actor` is one of the two ends.
    pub fn touches(&self, actor: &str) -> bool {
        self.a == actor || self.b == actor
    }
}

/// One edge of the map: every shown tie between a pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// The pair.
    pub key: EdgeKey,
    /// Indices into `TieMap::ties`, in order.
    pub ties: Vec<usize>,
    /// Evidence sentences over all its ties (a sentence backing two ties counts twice).
    pub evidence_count: usize,
    /// The quad most of its evidence falls in (ties broken towards conflict, then material).
    pub dominant_quad: Quad,
}

/// Groups `ties` into edges, sorted by pair. `include` decides which ties count (for instance
/// leaving negated ones out); pairs left with no tie make no edge.
pub(crate) fn edges_of(ties: &[Tie], include: impl Fn(&Tie) -> bool) -> Vec<Edge> {
    let mut by_pair: std::collections::BTreeMap<EdgeKey, Vec<usize>> =
        std::collections::BTreeMap::new();
    for (index, tie) in ties.iter().enumerate() {
        if include(tie) && tie.source != tie.target {
            by_pair.entry(tie.edge_key()).or_default().push(index);
        }
    }
    by_pair
        .into_iter()
        .map(|(key, tie_indices)| {
            let mut per_quad = [0usize; 4];
            for &index in &tie_indices {
                let quad_index = Quad::ALL
                    .iter()
                    .position(|quad| *quad == ties[index].quad)
                    .unwrap_or(0);
                per_quad[quad_index] += ties[index].evidence.len().max(1);
            }
            // Later quads win ties: conflict is the more newsworthy reading of an even split.
            let dominant_index = (0..4).max_by_key(|&i| (per_quad[i], i)).unwrap_or(0);
            Edge {
                key,
                evidence_count: tie_indices.iter().map(|&i| ties[i].evidence.len()).sum(),
                ties: tie_indices,
                dominant_quad: Quad::ALL[dominant_index],
            }
        })
        .collect()
}
