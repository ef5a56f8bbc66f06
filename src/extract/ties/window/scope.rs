//! Negation and modality: whether a cue is denied ("refused to condemn", "have not seen
//! evidence of") or only possible ("may", "potential visits", "analysts predict").
//!
//! Design decision: a negator denies the FIRST cue after it in its clause and no other, so
//! "refused to condemn Moscow and echoed the Kremlin" denies only the condemning; a hedge
//! reaches every cue up to the next comma or clause edge. Neither reaches into a definite
//! noun phrase owned by an actor ("denying prior knowledge of Russia's invasion": the invasion
//! is presupposed, and only the knowledge is denied).

use super::roles::premodifier;
use super::sentence::Sentence;
use super::tokens::Class;
use crate::extract::{Lexicon, MentionForm};

/// How far a negator reaches, in tokens.
const NEGATION_REACH: usize = 12;
/// How far a hedge reaches, in tokens.
const HEDGE_REACH: usize = 24;

/// Whether cue `cue_index` of the sentence is denied.
pub(super) fn is_negated(sentence: &Sentence<'_>, cue_index: usize) -> bool {
    let Some(cue) = sentence.cues.get(cue_index) else {
        return false;
    };
    let previous_cue_end = cue_index
        .checked_sub(1)
        .and_then(|previous| sentence.cues.get(previous))
        .map(|previous| previous.last);
    let governs = within_reach(&sentence.negators, cue.first, NEGATION_REACH).any(|&negator| {
        negator < cue.first
            && negator + NEGATION_REACH >= cue.first
            && previous_cue_end.is_none_or(|end| end < negator)
            && !sentence.comma_between(negator, cue.first)
    });
    let adjacent = within_reach(&sentence.adjacent_negators, cue.first, 3).any(|&negator| {
        negator < cue.first
            && cue.first <= negator + 3
            && (negator + 1..cue.first).all(|at| sentence.skippable(at))
    });
    (governs || adjacent) && !presupposed(sentence, cue_index)
}

/// Whether cue `cue_index` of the sentence is only possible, intended or threatened.
pub(super) fn is_hedged(sentence: &Sentence<'_>, cue_index: usize, lexicon: &Lexicon) -> bool {
    let Some(cue) = sentence.cues.get(cue_index) else {
        return false;
    };
    let by_hedge = within_reach(&sentence.hedges, cue.first, HEDGE_REACH).any(|&hedge| {
        hedge < cue.first
            && hedge + HEDGE_REACH >= cue.first
            && !sentence.comma_between(hedge, cue.first)
    });
    let by_threat = sentence.cues[..cue_index]
        .iter()
        .rev()
        .take_while(|earlier| earlier.last + HEDGE_REACH >= cue.first)
        .any(|earlier| {
            lexicon
                .senses()
                .get(earlier.sense)
                .is_some_and(|sense| sense.hedge_after)
                && earlier.last + HEDGE_REACH >= cue.first
                && sentence.word(earlier.last + 1).eq_ignore_ascii_case("to")
                && !sentence.comma_between(earlier.last, cue.first)
        });
    (by_hedge || by_threat) && !presupposed(sentence, cue_index)
}

/// The positions in the sorted list `positions` from `reach` tokens before `first` up to it.
fn within_reach(positions: &[usize], first: usize, reach: usize) -> std::slice::Iter<'_, usize> {
    let start = positions.partition_point(|&at| at + reach < first);
    let end = positions.partition_point(|&at| at < first).max(start);
    positions[start..end].iter()
}

/// A cue in a noun phrase owned by an actor ("Russia's invasion", "Blinken's trip", "the
/// Russian invasion") is stated as a fact whatever governs the phrase.
fn presupposed(sentence: &Sentence<'_>, cue_index: usize) -> bool {
    let Some(cue) = sentence.cues.get(cue_index) else {
        return false;
    };
    let noun_like =
        cue.first == cue.last && !matches!(sentence.class(cue.first.wrapping_sub(1)), Class::Be);
    noun_like
        && premodifier(sentence, cue).is_some_and(|slot| {
            let slot = &sentence.slots[slot];
            slot.possessive || slot.mention.form == MentionForm::Adjective
        })
}
