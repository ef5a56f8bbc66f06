//! Builds the evidence record of a tie or figure from document offsets.
//!
//! Every string of the record is the caller's to keep, so each is allocated once, at its final
//! size: no intermediate copies.

use super::ActorMention;
use crate::model::{Evidence, Mention, Span};

/// Evidence for a statement in sentence `sentence_index` (document span `sentence`) of
/// `text`: the sentence text, the cue, and the given mentions, all re-based to sentence offsets.
/// Mentions of several actors are written once per actor; the result is sorted by position.
pub fn evidence_for(
    doc_id: &str,
    text: &str,
    sentence_index: usize,
    sentence: Span,
    cue: Span,
    mentions: &[&ActorMention],
) -> Evidence {
    let sentence_text = sentence.slice(text).unwrap_or_default();
    let local = |span: Span| {
        Span::new(
            span.start
                .saturating_sub(sentence.start)
                .min(sentence_text.len()),
            span.end
                .saturating_sub(sentence.start)
                .min(sentence_text.len()),
        )
    };
    let cue_span = local(cue);
    let count = mentions.iter().map(|mention| mention.actors.len()).sum();
    let mut evidence_mentions: Vec<Mention> = Vec::with_capacity(count);
    for mention in mentions {
        let span = local(mention.span);
        let words = span.slice(sentence_text).unwrap_or_default();
        evidence_mentions.extend(mention.actors.iter().map(|actor| Mention {
            actor: actor.clone(),
            text: words.to_owned(),
            span,
        }));
    }
    evidence_mentions.sort_by(|x, y| (x.span, &x.actor).cmp(&(y.span, &y.actor)));
    evidence_mentions.dedup();
    Evidence {
        doc: doc_id.to_owned(),
        sentence: sentence_index,
        text: sentence_text.to_owned(),
        cue: cue_span.slice(sentence_text).unwrap_or_default().to_owned(),
        cue_span,
        mentions: evidence_mentions,
    }
}
