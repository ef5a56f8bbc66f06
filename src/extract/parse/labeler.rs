//! The arc labeler: names each arc of a finished tree with its relation (averaged perceptron).
//!
//! Labelling after parsing keeps the parser's moves a three-way choice; in return the labeler
//! sees the whole tree: the dependent's own children ("by" under an `obl:agent`), its siblings
//! ("was" beside an `nsubj:pass`), the head's relation and the relation just given to the
//! sibling on its left. Arcs are labelled top-down (breadth first from the root), each head's
//! dependents left to right, so those two labels are already known. Children are kept in a
//! counting-sorted array, so the whole pass is linear in the sentence length.

use super::features::{WordInfo, key};
use super::labels::{Rel, Upos};
use super::parser::NONE;
use super::weights::{Weights, argmax};

/// How many siblings or children either side a feature looks at.
const NEAREST: usize = 6;
const NONE_LABEL: u64 = 90;
const NONE_TAG: u64 = 50;
const NONE_WORD: u64 = 0x6e6f_6e65;

/// The tree as children lists, plus the labelling order: scratch reused between sentences.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    /// `children[start[h]..start[h + 1]]` are the dependents of `h` in word order; `h = n` is
    /// the root.
    start: Vec<u32>,
    children: Vec<u32>,
    /// Index of each word in its head's children list.
    rank: Vec<u32>,
    /// Words in labelling order.
    order: Vec<u32>,
}

impl Tree {
    /// Builds the lists from `heads` ([`NONE`] = root).
    pub fn build(&mut self, heads: &[u32]) {
        let n = heads.len();
        let head_of = |h: u32| {
            if h == NONE || h as usize >= n {
                n
            } else {
                h as usize
            }
        };
        self.start.clear();
        self.start.resize(n + 2, 0);
        for &h in heads {
            self.start[head_of(h) + 1] += 1;
        }
        for i in 1..self.start.len() {
            self.start[i] += self.start[i - 1];
        }
        self.children.clear();
        self.children.resize(n, 0);
        self.rank.clear();
        self.rank.resize(n, 0);
        let mut fill: Vec<u32> = Vec::new();
        std::mem::swap(&mut fill, &mut self.order);
        fill.clear();
        fill.extend_from_slice(&self.start[..=n]);
        for (d, &h) in heads.iter().enumerate() {
            let h = head_of(h);
            let slot = fill[h] as usize;
            self.children[slot] = d as u32;
            self.rank[d] = slot as u32 - self.start[h];
            fill[h] += 1;
        }
        // Breadth first from the root.
        fill.clear();
        fill.extend_from_slice(self.kids(n));
        let mut next = 0;
        while next < fill.len() {
            let word = fill[next] as usize;
            next += 1;
            let (from, to) = (self.start[word] as usize, self.start[word + 1] as usize);
            for i in from..to {
                fill.push(self.children[i]);
            }
        }
        self.order = fill;
    }

    fn kids(&self, h: usize) -> &[u32] {
        let (from, to) = (self.start[h] as usize, self.start[h + 1] as usize);
        &self.children[from..to]
    }

    /// Words in labelling order (heads before their dependents).
    pub fn order(&self) -> &[u32] {
        &self.order
    }
}

/// Whether words of this tag are told apart by their form in sibling and child features.
fn functional(tag: Upos) -> bool {
    matches!(
        tag,
        Upos::ADP | Upos::AUX | Upos::PART | Upos::SCONJ | Upos::CCONJ | Upos::DET | Upos::PRON
    )
}

/// Writes the features for labelling the arc into `d` into `out`; `labels` holds the labels
/// given so far (in [`Tree::order`]).
pub fn features(
    tree: &Tree,
    heads: &[u32],
    infos: &[WordInfo],
    tags: &[Upos],
    labels: &[Option<Rel>],
    d: usize,
    out: &mut Vec<u32>,
) {
    out.clear();
    let n = heads.len();
    let h = heads.get(d).map_or(n, |&h| h as usize);
    if h >= n {
        return;
    }
    let w = |i: usize| infos.get(i).map_or(NONE_WORD, |info| info.lower);
    let t = |i: usize| tags.get(i).map_or(NONE_TAG, |&tag| tag as u64);
    let label = |i: usize| {
        labels
            .get(i)
            .copied()
            .flatten()
            .map_or(NONE_LABEL, |rel| rel as u64)
    };
    let (dw, dt, hw, ht) = (w(d), t(d), w(h), t(h));
    let dir = u64::from(d < h);
    let dist = match d.abs_diff(h) {
        x @ 0..=4 => x as u64,
        5..=7 => 5,
        _ => 6,
    } + dir * 8;
    let grand = heads
        .get(h)
        .map_or(n, |&g| if g == NONE { n } else { g as usize });
    let siblings = tree.kids(h);
    let rank = tree.rank[d] as usize;
    let left_sibling = rank
        .checked_sub(1)
        .map_or(NONE as usize, |r| siblings[r] as usize);
    let kids = tree.kids(d);
    let d_info = infos.get(d).copied().unwrap_or_default();
    out.extend_from_slice(&[
        key(300, 0, 0, 0),
        key(301, dt, dir, 0),
        key(302, dw, dir, 0),
        key(303, dw, dt, 0),
        key(304, ht, dir, 0),
        key(305, hw, dir, 0),
        key(306, hw, ht, dir),
        key(307, ht, dt, dir),
        key(308, hw, dt, dir),
        key(309, ht, dw, dir),
        key(310, hw, dw, dir),
        key(311, ht, dt, dist),
        key(312, label(h), dt, 0),
        key(313, label(h), ht, dt),
        key(314, label(left_sibling), dt, dir),
        key(315, label(left_sibling), t(left_sibling), dt),
        key(316, t(grand), ht, dt),
        key(321, t(d.wrapping_sub(1)), dt, 0),
        key(322, t(d + 1), dt, 0),
        key(323, w(d + 1), dt, 0),
        key(324, w(d.wrapping_sub(1)), dt, 0),
        key(325, kids.len().min(5) as u64, dt, 0),
        key(326, u64::from(d == 0), dt, ht),
        key(327, d_info.suffix[2], dt, 0),
        key(328, u64::from(d_info.flags), dt, ht),
    ]);
    // The dependent's children nearest to it, either side.
    let split = kids.partition_point(|&c| (c as usize) < d);
    let near_kids = kids[..split]
        .iter()
        .rev()
        .take(NEAREST)
        .chain(kids[split..].iter().take(NEAREST));
    for &c in near_kids {
        let c = c as usize;
        let side = u64::from(c < d);
        out.push(key(317, dt, t(c), side));
        if tags.get(c).copied().is_some_and(functional) {
            out.push(key(318, dt, w(c), side));
        }
    }
    // The siblings nearest to it, either side.
    let near_siblings = siblings[..rank]
        .iter()
        .rev()
        .take(NEAREST)
        .chain(siblings[rank + 1..].iter().take(NEAREST));
    for &s in near_siblings {
        let s = s as usize;
        let side = u64::from(s < d);
        out.push(key(320, dt * 64 + dir, t(s), side));
        if tags.get(s).copied().is_some_and(functional) {
            out.push(key(319, dt * 64 + dir, w(s), side));
        }
    }
}

/// Labels every arc of the tree `heads` (already in `tree`), writing one label per word.
pub fn label(
    weights: &Weights,
    tree: &Tree,
    heads: &[u32],
    infos: &[WordInfo],
    tags: &[Upos],
    labels: &mut Vec<Option<Rel>>,
    keys: &mut Vec<u32>,
) {
    labels.clear();
    labels.resize(heads.len(), None);
    for &d in tree.order() {
        let d = d as usize;
        if heads[d] == NONE {
            labels[d] = Some(Rel::Root);
            continue;
        }
        features(tree, heads, infos, tags, labels, d, keys);
        let mut scores = [0i32; Rel::COUNT];
        weights.add_scores(keys, &mut scores);
        let best = argmax(&scores, |c| c != Rel::Root as usize).and_then(Rel::from_index);
        labels[d] = Some(best.unwrap_or(Rel::Dep));
    }
}
