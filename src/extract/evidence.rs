//! Builds the evidence record of a tie or figure from document offsets.

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
    let mut evidence_mentions: Vec<Mention> = mentions
        .iter()
        .flat_map(|mention| {
            let span = local(mention.span);
            let words = span.slice(sentence_text).unwrap_or_default().to_owned();
            mention.actors.iter().map(move |actor| Mention {
                actor: actor.clone(),
                text: words.clone(),
                span,
            })
        })
        .collect();
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
