//! Ties: who does what to whom, from cue words and sentence structure.
//! STUB: to be replaced by the ties work.

use super::{ActorMention, Lexicon};
use crate::model::{Span, Tie};

/// The ties stated in `text`, sorted and merged (see [`merge_ties`]).
pub fn extract_ties(
    doc_id: &str,
    text: &str,
    sentences: &[Span],
    mentions: &[ActorMention],
    lexicon: &Lexicon,
) -> Vec<Tie> {
    let _ = (doc_id, text, sentences, mentions, lexicon);
    Vec::new()
}

/// Sorts ties by (source, target, category, mode, negated, hedged) and merges equal keys,
/// concatenating their evidence in document order.
pub fn merge_ties(ties: &mut Vec<Tie>) {
    ties.sort_by(|x, y| key(x).cmp(&key(y)));
    let mut merged: Vec<Tie> = Vec::with_capacity(ties.len());
    for tie in ties.drain(..) {
        match merged.last_mut() {
            Some(last) if key(last) == key(&tie) => last.evidence.extend(tie.evidence),
            _ => merged.push(tie),
        }
    }
    for tie in &mut merged {
        tie.evidence.sort_by(|x, y| {
            (&x.doc, x.sentence, x.cue_span).cmp(&(&y.doc, y.sentence, y.cue_span))
        });
        tie.evidence.dedup_by(|x, y| {
            x.doc == y.doc && x.sentence == y.sentence && x.cue_span == y.cue_span
        });
    }
    *ties = merged;
}

fn key(tie: &Tie) -> (&str, &str, crate::model::Category, &str, bool, bool) {
    (
        &tie.source,
        &tie.target,
        tie.category,
        &tie.mode,
        tie.negated,
        tie.hedged,
    )
}
