//! The dynamic oracle of the arc-hybrid system (Goldberg & Nivre 2013): what each move costs.
//!
//! A move's cost is the number of gold arcs it makes unreachable. With it the parser can be
//! trained on the configurations its own (wrong) moves lead to: after the first epochs the
//! trainer follows its prediction most of the time and learns the best move from there.

use crate::extract::parse::parser::{LEFT, MOVES, NONE, RIGHT, SHIFT, State};

/// The cost of every move in `state` (`u32::MAX` for invalid ones); `gold[i]` is the gold head
/// of word `i`, `n` for the root.
pub fn costs(state: &State, gold: &[u32]) -> [u32; MOVES] {
    let mut costs = [u32::MAX; MOVES];
    let n = state.n as u32;
    let b0 = state.b0 as u32;
    let s0 = state.stack.last().copied().unwrap_or(NONE);
    let s1 = state
        .stack
        .len()
        .checked_sub(2)
        .map_or(NONE, |i| state.stack[i]);
    let in_stack = |k: u32| k < b0 && state.heads[k as usize] == NONE;
    // Gold dependents of s0 still in the buffer: lost by either reduction.
    let s0_buffer_deps = if s0 == NONE {
        0
    } else {
        (b0..n).filter(|&k| gold[k as usize] == s0).count() as u32
    };
    if state.valid(SHIFT) {
        let b = b0 as usize;
        let deps = state
            .stack
            .iter()
            .filter(|&&k| gold[k as usize] == b0)
            .count() as u32;
        let head = gold[b];
        let lost_head = u32::from(head != s0 && head < b0 && in_stack(head));
        costs[SHIFT] = deps + lost_head;
    }
    if state.valid(LEFT) {
        let head = gold[s0 as usize];
        let lost_head = u32::from(head != b0 && (head == s1 || head > b0));
        costs[LEFT] = lost_head + s0_buffer_deps;
    }
    if state.valid(RIGHT) {
        let head = gold[s0 as usize];
        let lost_head = u32::from(head != s1 && head >= b0);
        costs[RIGHT] = lost_head + s0_buffer_deps;
    }
    costs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following zero-cost moves rebuilds any projective tree exactly.
    #[test]
    fn zero_cost_moves_rebuild_projective_trees() {
        // "The cat sat on the mat ." heads: 1 2 root 5 5 2 2 (n = 7 is the root).
        let gold = [1u32, 2, 7, 5, 5, 2, 2];
        let mut state = State::default();
        state.reset(&[crate::extract::parse::labels::Upos::NOUN; 7]);
        while !state.done() {
            let costs = costs(&state, &gold);
            let best = (0..MOVES)
                .find(|&m| costs[m] == 0)
                .expect("a zero-cost move");
            state.apply(best);
        }
        assert_eq!(&state.heads[..gold.len()], &gold);
    }
}
