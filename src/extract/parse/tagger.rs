//! The part-of-speech tagger: an averaged perceptron, greedy left to right.
//!
//! Each word is tagged from its own form, affixes and shape, its neighbours two either side,
//! and the two tags already chosen before it. Capitalisation features are conjoined with the
//! sentence's [`CaseMode`], so a capital in a Title Case headline does not read as a name the
//! way it does mid-sentence; the training data is augmented with Title Case and ALL CAPS copies
//! so those weights are learnt.

use super::features::{
    CaseMode, FLAG_ALL_CAPS, FLAG_CAPITAL, FLAG_DIGIT, FLAG_HYPHEN, WordInfo, key,
};
use super::labels::Upos;
use super::weights::{Weights, argmax};

/// Tag value for "before the sentence".
const START: u64 = 40;
/// Word value for "outside the sentence".
const EDGE: u64 = 0x5eed_0000_0000_0001;

/// Writes the features of word `i` into `out`, given the tags of the two words before it.
pub fn features(infos: &[WordInfo], mode: CaseMode, i: usize, prev: [u64; 2], out: &mut Vec<u32>) {
    out.clear();
    let at = |offset: isize| -> Option<&WordInfo> {
        i.checked_add_signed(offset).and_then(|j| infos.get(j))
    };
    let word = |offset: isize| at(offset).map_or(EDGE, |info| info.lower);
    let classes = |offset: isize| at(offset).map_or(EDGE, |info| u64::from(info.classes));
    let Some(w) = infos.get(i) else {
        return;
    };
    let mode = mode as u64;
    let first = u64::from(i == 0);
    let (p1, p2) = (prev[0], prev[1]);
    let caps = u64::from(w.flags & (FLAG_CAPITAL | FLAG_ALL_CAPS));
    out.extend_from_slice(&[
        key(0, 0, 0, 0),
        key(1, w.lower, 0, 0),
        key(2, word(-1), 0, 0),
        key(3, word(1), 0, 0),
        key(4, word(-2), 0, 0),
        key(5, word(2), 0, 0),
        key(6, w.suffix[0], 0, 0),
        key(7, w.suffix[1], 0, 0),
        key(8, w.suffix[2], 0, 0),
        key(9, w.suffix[3], 0, 0),
        key(10, w.prefix[0], 0, 0),
        key(11, w.prefix[1], 0, 0),
        key(12, w.prefix[2], 0, 0),
        key(13, w.shape, mode, first),
        key(14, p1, 0, 0),
        key(15, p2, p1, 0),
        key(16, p1, w.lower, 0),
        key(17, caps, mode, first),
        key(18, w.exact, mode, first),
        key(19, word(-1), w.lower, 0),
        key(20, w.lower, word(1), 0),
        key(21, p1, word(1), 0),
        key(22, at(1).map_or(EDGE, |n| n.suffix[2]), 0, 0),
        key(23, at(-1).map_or(EDGE, |n| n.suffix[2]), 0, 0),
        key(24, at(1).map_or(EDGE, |n| n.shape), mode, 0),
        key(25, at(-1).map_or(EDGE, |n| n.shape), mode, 0),
        key(
            26,
            u64::from(w.flags & (FLAG_DIGIT | FLAG_HYPHEN)),
            caps,
            mode,
        ),
        key(27, p1, w.suffix[2], 0),
        key(
            28,
            at(1).map_or(EDGE, |n| u64::from(n.flags & FLAG_CAPITAL)),
            caps,
            mode,
        ),
        key(29, u64::from(w.classes), 0, 0),
        key(30, u64::from(w.classes), p1, 0),
        key(31, u64::from(w.classes), classes(1), 0),
        key(32, classes(-1), u64::from(w.classes), p1),
        key(33, u64::from(w.classes), caps, mode * 2 + first),
        key(34, classes(1), 0, 0),
        key(35, classes(2), 0, 0),
    ]);
}

/// Tags a sentence, writing one tag per word into `tags`; `keys` is scratch.
pub fn tag(
    weights: &Weights,
    infos: &[WordInfo],
    mode: CaseMode,
    tags: &mut Vec<Upos>,
    keys: &mut Vec<u32>,
) {
    tags.clear();
    let mut prev = [START, START];
    for i in 0..infos.len() {
        features(infos, mode, i, prev, keys);
        let mut scores = [0i32; Upos::COUNT];
        weights.add_scores(keys, &mut scores);
        let best = argmax(&scores, |_| true)
            .and_then(Upos::from_index)
            .unwrap_or(Upos::X);
        tags.push(best);
        prev = [best as u64, prev[0]];
    }
}
