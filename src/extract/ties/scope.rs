//! Negation and modality from the tree: whether a cue is denied ("refused to condemn", "did
//! not sign", "no agreement") or only possible ("may", "potential visits", "threatened to
//! impose sanctions").
//!
//! Design decision: denial and doubt flow down the tree from the word that states them,
//! through the complements of verbs ("refused" -> "to condemn" -> "the attack"), never into
//! a noun's modifiers ("denying knowledge of Russia's invasion" presupposes the invasion),
//! and a negation stops at the first cue it reaches, so "refused to condemn Moscow and echoed
//! the Kremlin" denies only the condemning.

use super::cues::{Modifiers, TokenCue};
use crate::extract::analysis::SentenceAnalysis;
use crate::extract::lexicon::CueSense;
use crate::extract::parse::{Rel, Upos};

/// How many heads up a negation or hedge may stand from the cue's clause.
const REACH: usize = 4;

/// Modal auxiliaries that make an act only possible.
const MODALS: &[&str] = &["may", "might", "could", "can", "should"];

/// The verb of the clause a cue stands in: the cue itself when it is a verb, else the verb
/// that takes the cue noun as object or oblique ("reached an agreement").
fn clause_verb(analysis: &SentenceAnalysis, cue: &TokenCue) -> u32 {
    let anchor = cue.anchor;
    if matches!(analysis.tag(anchor), Upos::VERB | Upos::AUX) {
        return anchor;
    }
    match (analysis.rel(anchor), analysis.head(anchor)) {
        (Rel::Obj | Rel::Obl | Rel::Xcomp, Some(head))
            if matches!(analysis.tag(head), Upos::VERB | Upos::AUX | Upos::ADJ) =>
        {
            head
        }
        _ => anchor,
    }
}

/// The words above `verb` through which a clause's denial or doubt reaches it: the verbs
/// whose complement it is ("refused" over "condemn"), nearest first.
fn governors(analysis: &SentenceAnalysis, verb: u32) -> impl Iterator<Item = u32> + '_ {
    let mut word = verb;
    let mut steps = 0;
    std::iter::from_fn(move || {
        if steps >= REACH {
            return None;
        }
        steps += 1;
        if !matches!(
            analysis.rel(word),
            Rel::Xcomp | Rel::Ccomp | Rel::Obj | Rel::Csubj | Rel::Advcl | Rel::Acl
        ) {
            return None;
        }
        word = analysis.head(word)?;
        Some(word)
    })
}

/// Whether `cue` is denied.
pub(super) fn is_negated(
    analysis: &SentenceAnalysis,
    cue: &TokenCue,
    cues: &[TokenCue],
    modifiers: &Modifiers,
) -> bool {
    let verb = clause_verb(analysis, cue);
    let denies = |word: u32| {
        analysis.negated(word)
            || modifiers.negators.contains(&word)
            || analysis
                .children(word)
                .iter()
                .any(|child| modifiers.negators.contains(child))
    };
    if analysis.negated(cue.anchor) || denies(verb) {
        return true;
    }
    for governor in governors(analysis, verb) {
        if denies(governor) {
            return true;
        }
        // A negation reaches only the first cue below it.
        if cues.iter().any(|other| other.anchor == governor) {
            return false;
        }
    }
    false
}

/// Whether `cue` is only possible, intended or threatened.
pub(super) fn is_hedged(
    analysis: &SentenceAnalysis,
    cue: &TokenCue,
    cues: &[TokenCue],
    senses: &[CueSense],
    modifiers: &Modifiers,
) -> bool {
    let verb = clause_verb(analysis, cue);
    let doubts = |word: u32| {
        modifiers.hedges.contains(&word)
            || analysis.children(word).iter().any(|&child| {
                modifiers.hedges.contains(&child)
                    || (analysis.rel(child) == Rel::Aux && MODALS.contains(&analysis.lower(child)))
            })
    };
    if doubts(cue.anchor) || doubts(verb) {
        return true;
    }
    governors(analysis, verb).any(|governor| {
        doubts(governor)
            || cues.iter().any(|other| {
                other.anchor == governor
                    && senses
                        .get(other.sense)
                        .is_some_and(|sense| sense.hedge_after)
            })
    })
}
