//! The dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron.
//!
//! The configuration is a stack, a buffer (the words from `b0` on, then an artificial root at
//! index `n`) and the arcs so far. Three moves: SHIFT pushes `b0`; LEFT makes `b0` the head of
//! the stack top and pops it; RIGHT makes the word below the top its head and pops it. LEFT onto
//! the root is allowed only for the last word on the stack, so every tree has one root. Moves
//! are unlabelled (the [`super::labeler`] names the arcs afterwards), which keeps each decision
//! a three-way choice: fast, and easy to train with the dynamic oracle (Goldberg & Nivre 2013).
//! Features follow Zhang & Nivre (2011): words and tags of `s0..s2` and `b0..b2`, the outermost
//! children of `s0`, `s1` and `b0`, pairs and triples of them, distance and valency.

use super::features::{WordInfo, key};
use super::labels::Upos;
use super::weights::{Weights, argmax};

/// Push the first buffer word.
pub const SHIFT: usize = 0;
/// The stack top's head is the first buffer word.
pub const LEFT: usize = 1;
/// The stack top's head is the word below it.
pub const RIGHT: usize = 2;
/// Number of moves.
pub const MOVES: usize = 3;

/// No word.
pub const NONE: u32 = u32::MAX;
const NONE_TAG: u64 = 50;
const ROOT_TAG: u64 = 51;
const NONE_WORD: u64 = 0x6e6f_6e65;
const ROOT_WORD: u64 = 0x726f_6f74;

/// A parser configuration, reused from sentence to sentence.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// Number of words; index `n` is the root.
    pub n: usize,
    /// The stack, bottom first.
    pub stack: Vec<u32>,
    /// First word of the buffer (`n` = only the root is left).
    pub b0: usize,
    /// Head of each word so far (`n` = the root, [`NONE`] = none yet).
    pub heads: Vec<u32>,
    left1: Vec<u32>,
    left2: Vec<u32>,
    right1: Vec<u32>,
    right2: Vec<u32>,
    lefts: Vec<u8>,
    rights: Vec<u8>,
    /// Punctuation marks and verbs before each word (prefix counts).
    puncts: Vec<u32>,
    verbs: Vec<u32>,
}

impl State {
    /// Starts on a sentence with these tags.
    pub fn reset(&mut self, tags: &[Upos]) {
        let n = tags.len();
        self.n = n;
        self.puncts.clear();
        self.verbs.clear();
        let (mut puncts, mut verbs) = (0u32, 0u32);
        for &tag in tags {
            self.puncts.push(puncts);
            self.verbs.push(verbs);
            puncts += u32::from(tag == Upos::PUNCT);
            verbs += u32::from(matches!(tag, Upos::VERB | Upos::AUX));
        }
        self.puncts.push(puncts);
        self.verbs.push(verbs);
        self.stack.clear();
        self.b0 = 0;
        for v in [
            &mut self.heads,
            &mut self.left1,
            &mut self.left2,
            &mut self.right1,
            &mut self.right2,
        ] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        self.lefts.clear();
        self.lefts.resize(n + 1, 0);
        self.rights.clear();
        self.rights.resize(n + 1, 0);
    }

    /// True when the parse is complete.
    pub fn done(&self) -> bool {
        self.b0 >= self.n && self.stack.is_empty()
    }

    /// Whether `action` can be taken now.
    pub fn valid(&self, action: usize) -> bool {
        match action {
            SHIFT => self.b0 < self.n,
            LEFT => !self.stack.is_empty() && (self.b0 < self.n || self.stack.len() == 1),
            RIGHT => self.stack.len() >= 2,
            _ => false,
        }
    }

    /// Takes a move (which must be valid).
    pub fn apply(&mut self, action: usize) {
        match action {
            SHIFT => {
                self.stack.push(self.b0 as u32);
                self.b0 += 1;
            }
            LEFT => {
                if let Some(s0) = self.stack.pop() {
                    self.arc(self.b0 as u32, s0);
                }
            }
            _ => {
                if let Some(s0) = self.stack.pop()
                    && let Some(&s1) = self.stack.last()
                {
                    self.arc(s1, s0);
                }
            }
        }
    }

    fn arc(&mut self, head: u32, dep: u32) {
        let (h, d) = (head as usize, dep as usize);
        self.heads[d] = head;
        if dep < head {
            self.lefts[h] = self.lefts[h].saturating_add(1);
            if self.left1[h] == NONE || dep < self.left1[h] {
                self.left2[h] = self.left1[h];
                self.left1[h] = dep;
            } else if self.left2[h] == NONE || dep < self.left2[h] {
                self.left2[h] = dep;
            }
        } else {
            self.rights[h] = self.rights[h].saturating_add(1);
            if self.right1[h] == NONE || dep > self.right1[h] {
                self.right2[h] = self.right1[h];
                self.right1[h] = dep;
            } else if self.right2[h] == NONE || dep > self.right2[h] {
                self.right2[h] = dep;
            }
        }
    }

    /// The `depth`-th word from the stack top.
    fn s(&self, depth: usize) -> u32 {
        self.stack
            .len()
            .checked_sub(depth + 1)
            .map_or(NONE, |i| self.stack[i])
    }
}

/// Bucketed distance.
fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => u64::from(d),
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Writes the features of the configuration into `out`.
pub fn features(state: &State, infos: &[WordInfo], tags: &[Upos], out: &mut Vec<u32>) {
    out.clear();
    let n = state.n;
    let w = |i: u32| -> u64 {
        if i == NONE {
            NONE_WORD
        } else if i as usize >= n {
            ROOT_WORD
        } else {
            infos.get(i as usize).map_or(NONE_WORD, |info| info.lower)
        }
    };
    let t = |i: u32| -> u64 {
        if i == NONE {
            NONE_TAG
        } else if i as usize >= n {
            ROOT_TAG
        } else {
            tags.get(i as usize).map_or(NONE_TAG, |&tag| tag as u64)
        }
    };
    let child = |list: &Vec<u32>, i: u32| if i == NONE { NONE } else { list[i as usize] };
    let (s0, s1, s2) = (state.s(0), state.s(1), state.s(2));
    let b0 = state.b0 as u32;
    let b1 = if state.b0 < n { b0 + 1 } else { NONE };
    let b2 = if state.b0 + 1 < n { b0 + 2 } else { NONE };
    let (s0w, s0t, s1w, s1t, b0w, b0t) = (w(s0), t(s0), w(s1), t(s1), w(b0), t(b0));
    let (b1w, b1t, b2t, s2t) = (w(b1), t(b1), t(b2), t(s2));
    let s0l = child(&state.left1, s0);
    let s0l2 = child(&state.left2, s0);
    let s0r = child(&state.right1, s0);
    let s0r2 = child(&state.right2, s0);
    let s1l = child(&state.left1, s1);
    let s1r = child(&state.right1, s1);
    let b0l = child(&state.left1, b0);
    let b0l2 = child(&state.left2, b0);
    let valency = |list: &Vec<u8>, i: u32| {
        if i == NONE {
            99
        } else {
            u64::from(list[i as usize])
        }
    };
    let d = distance(s0, b0);
    // What lies strictly between s0 and b0: punctuation, verbs (capped counts).
    let between = |counts: &Vec<u32>| {
        if s0 == NONE {
            9
        } else {
            u64::from((counts[b0 as usize] - counts[s0 as usize + 1]).min(2))
        }
    };
    let (puncts, verbs) = (between(&state.puncts), between(&state.verbs));
    let c = |i: u32| {
        if i == NONE || i as usize >= n {
            NONE_WORD
        } else {
            infos
                .get(i as usize)
                .map_or(NONE_WORD, |info| u64::from(info.classes))
        }
    };
    let (s0c, b0c, s1c, b1c) = (c(s0), c(b0), c(s1), c(b1));
    let suffix = |i: u32| {
        if i == NONE || i as usize >= n {
            NONE_WORD
        } else {
            infos
                .get(i as usize)
                .map_or(NONE_WORD, |info| info.suffix[2])
        }
    };
    let d1 = distance(s1, s0);
    let s0wt = s0w ^ (s0t << 56);
    let s1wt = s1w ^ (s1t << 56);
    let b0wt = b0w ^ (b0t << 56);
    let b1wt = b1w ^ (b1t << 56);
    let (s0nl, s0nr) = (valency(&state.lefts, s0), valency(&state.rights, s0));
    let (s1nl, s1nr) = (valency(&state.lefts, s1), valency(&state.rights, s1));
    let b0nl = valency(&state.lefts, b0);
    out.extend_from_slice(&[
        key(100, 0, 0, 0),
        // Single words.
        key(101, s0w, 0, 0),
        key(102, s0t, 0, 0),
        key(103, s0wt, 0, 0),
        key(104, s1w, 0, 0),
        key(105, s1t, 0, 0),
        key(106, s1wt, 0, 0),
        key(107, b0w, 0, 0),
        key(108, b0t, 0, 0),
        key(109, b0wt, 0, 0),
        key(110, b1w, 0, 0),
        key(111, b1t, 0, 0),
        key(112, b1wt, 0, 0),
        key(113, w(b2), 0, 0),
        key(114, b2t, 0, 0),
        key(115, s2t, 0, 0),
        key(116, w(s2), 0, 0),
        // Pairs.
        key(120, s0wt, b0wt, 0),
        key(121, s0wt, b0w, 0),
        key(122, s0w, b0wt, 0),
        key(123, s0wt, b0t, 0),
        key(124, s0t, b0wt, 0),
        key(125, s0w, b0w, 0),
        key(126, s0t, b0t, 0),
        key(127, b0t, b1t, 0),
        key(128, s0w, s1w, 0),
        key(129, s0t, s1t, 0),
        key(130, s0wt, s1wt, 0),
        key(131, s1t, b0t, 0),
        key(132, s1w, b0w, 0),
        key(133, s0t, s1wt, 0),
        key(134, s0wt, s1t, 0),
        key(135, b0wt, b1t, 0),
        key(136, b0t, b1wt, 0),
        // Triples of tags.
        key(140, b0t, b1t, b2t),
        key(141, s0t, b0t, b1t),
        key(142, s1t, s0t, b0t),
        key(143, s2t, s1t, s0t),
        key(144, s0t, t(s0l), b0t),
        key(145, s0t, t(s0r), b0t),
        key(146, s1t, s0t, t(s0l)),
        key(147, s1t, s0t, t(s0r)),
        key(148, s1t, t(s1r), s0t),
        key(149, s0t, b0t, t(b0l)),
        key(150, b0t, t(b0l), t(b0l2)),
        key(151, s0t, t(s0l), t(s0l2)),
        key(152, s0t, t(s0r), t(s0r2)),
        key(153, s1t, t(s1l), s0t),
        key(154, s0w, b0t, b1t),
        key(155, s0t, b0w, b1t),
        key(156, s1t, s0w, b0t),
        key(157, s1w, s0t, b0t),
        // Distance.
        key(160, s0w, d, 0),
        key(161, s0t, d, 0),
        key(162, b0w, d, 0),
        key(163, b0t, d, 0),
        key(164, s0t, b0t, d),
        key(165, s0w, b0w, d),
        key(166, s1t, s0t, d1),
        key(167, s1w, s0w, d1),
        // Valency.
        key(170, s0w, s0nr, 0),
        key(171, s0t, s0nr, 0),
        key(172, s0w, s0nl, 0),
        key(173, s0t, s0nl, 0),
        key(174, s1w, s1nr, 0),
        key(175, s1t, s1nr, 0),
        key(176, b0w, b0nl, 0),
        key(177, b0t, b0nl, 0),
        key(178, s1t, s1nl, 0),
        // Children.
        key(180, w(s0l), 0, 0),
        key(181, t(s0l), 0, 0),
        key(182, w(s0r), 0, 0),
        key(183, t(s0r), 0, 0),
        key(184, t(s1l), 0, 0),
        key(185, t(s1r), 0, 0),
        key(186, w(b0l), 0, 0),
        key(187, t(b0l), 0, 0),
        key(188, w(s1r), 0, 0),
        key(189, w(s1l), 0, 0),
        key(190, s0t, w(s0l), b0t),
        key(191, s0t, w(s0r), b0t),
        key(192, b0t, w(b0l), s0t),
        key(193, t(s0l2), 0, 0),
        key(194, t(s0r2), 0, 0),
        key(195, t(b0l2), 0, 0),
        key(196, w(b0l2), b0t, 0),
        // Between s0 and b0, and affixes of the two.
        key(200, s0t, b0t, puncts * 4 + verbs),
        key(201, s0w, b0t, puncts),
        key(202, s0t, b0w, puncts),
        key(203, s0t, b0t, puncts * 16 + d),
        key(204, suffix(s0), b0t, 0),
        key(205, s0t, suffix(b0), 0),
        key(206, suffix(s0), suffix(b0), 0),
        key(207, s1w, s0w, b0w),
        key(208, b0w, b1w, 0),
        key(209, s1t, s0t, puncts * 4 + verbs),
        // The tags each word could have (robust to tagging errors).
        key(210, s0c, b0c, 0),
        key(211, s0t, b0c, 0),
        key(212, s0c, b0t, 0),
        key(213, s1c, s0c, 0),
        key(214, b0c, b1c, 0),
        key(215, s0c, b0c, d),
        key(216, s1c, s0t, b0t),
        key(217, s0c, 0, 0),
        key(218, b0c, 0, 0),
    ]);
}

/// Parses one window: `heads` gets one entry per word, the head's index or [`NONE`] for a
/// root. `state`, `keys` are scratch.
pub fn parse(
    weights: &Weights,
    infos: &[WordInfo],
    tags: &[Upos],
    state: &mut State,
    keys: &mut Vec<u32>,
    heads: &mut Vec<u32>,
) {
    let n = infos.len().min(tags.len());
    state.reset(&tags[..n]);
    while !state.done() {
        features(state, infos, tags, keys);
        let mut scores = [0i32; MOVES];
        weights.add_scores(keys, &mut scores);
        let Some(action) = argmax(&scores, |a| state.valid(a)) else {
            break;
        };
        state.apply(action);
    }
    heads.clear();
    heads.extend(
        state.heads[..n]
            .iter()
            .map(|&h| if h as usize >= n { NONE } else { h }),
    );
}
