//! Builds the evidence record of a tie or figure from document offsets.
//!
//! Every string of the record is the caller's to keep, so each is allocated once, at its final
//! size: no intermediate copies. A sentence too long to keep whole (a paragraph without full
//! stops, a megabyte-long line) is kept as a bounded window around the cue, marked with "…" at
//! each cut end, so memory stays proportional to what is shown, not to the input.

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
    let full = sentence.slice(text).unwrap_or_default();
    let window = evidence_window(full, sentence.start, cue, mentions);
    let (prefix, suffix) = (
        if window.start > 0 { ELLIPSIS } else { "" },
        if window.end < full.len() {
            ELLIPSIS
        } else {
            ""
        },
    );
    let inner = window.slice(full).unwrap_or_default();
    let mut sentence_text = String::with_capacity(prefix.len() + inner.len() + suffix.len());
    sentence_text.push_str(prefix);
    sentence_text.push_str(inner);
    sentence_text.push_str(suffix);
    let shift = prefix.len();
    let window_start = sentence.start + window.start;
    let window_end = sentence.start + window.end;
    let local = |span: Span| {
        let clamp = |at: usize| at.clamp(window_start, window_end) - window_start + shift;
        Span::new(clamp(span.start), clamp(span.end))
    };
    let cue_span = local(cue);
    let count = mentions.iter().map(|mention| mention.actors.len()).sum();
    let mut evidence_mentions: Vec<Mention> = Vec::with_capacity(count);
    for mention in mentions {
        if mention.span.end <= window_start || mention.span.start >= window_end {
            continue;
        }
        let span = local(mention.span);
        let words = span.slice(&sentence_text).unwrap_or_default();
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
        cue: cue_span
            .slice(&sentence_text)
            .unwrap_or_default()
            .to_owned(),
        text: sentence_text,
        cue_span,
        mentions: evidence_mentions,
    }
}

/// Sentences up to this many bytes are kept whole.
pub const MAX_WHOLE_SENTENCE_BYTES: usize = 2048;
/// Context kept on each side of the cue and mentions in a window.
const WINDOW_CONTEXT_BYTES: usize = 400;
/// The most bytes a window keeps, whatever its mentions.
const MAX_WINDOW_BYTES: usize = 4096;
/// Marks a cut end of a window.
const ELLIPSIS: &str = "…";

/// The part of `full` (the sentence, starting at document offset `base`) that evidence keeps:
/// all of it when short, else the cue and mentions with some context, at most
/// [`MAX_WINDOW_BYTES`], always on char boundaries (sentence-local offsets).
fn evidence_window(full: &str, base: usize, cue: Span, mentions: &[&ActorMention]) -> Span {
    if full.len() <= MAX_WHOLE_SENTENCE_BYTES {
        return Span::new(0, full.len());
    }
    let local = |at: usize| at.saturating_sub(base).min(full.len());
    let (cue_start, cue_end) = (local(cue.start), local(cue.end));
    let mut start = cue_start;
    let mut end = cue_end;
    for mention in mentions {
        let (m_start, m_end) = (local(mention.span.start), local(mention.span.end));
        // Only mentions that keep the window bounded are shown in it.
        if m_end.max(end) - m_start.min(start) + 2 * WINDOW_CONTEXT_BYTES <= MAX_WINDOW_BYTES {
            start = start.min(m_start);
            end = end.max(m_end);
        }
    }
    let mut start = start.saturating_sub(WINDOW_CONTEXT_BYTES);
    let mut end = (end + WINDOW_CONTEXT_BYTES).min(full.len());
    if end - start > MAX_WINDOW_BYTES {
        start = cue_start.saturating_sub(WINDOW_CONTEXT_BYTES);
        end = (start + MAX_WINDOW_BYTES).min(full.len());
    }
    while start > 0 && !full.is_char_boundary(start) {
        start -= 1;
    }
    while end < full.len() && !full.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::MentionForm;

    #[test]
    fn an_over_long_sentence_is_kept_as_a_bounded_window_around_the_cue() {
        let text = format!(
            "{} China sanctioned Japan {}",
            "word ".repeat(100_000),
            "more ".repeat(100_000)
        );
        let china = text.find("China").unwrap_or_default();
        let japan = text.find("Japan").unwrap_or_default();
        let cue = text.find("sanctioned").unwrap_or_default();
        let mention = |start: usize, id: &str| ActorMention {
            actors: vec![id.into()],
            span: Span::new(start, start + 5),
            form: MentionForm::Name,
        };
        let (x, y) = (mention(china, "CHN"), mention(japan, "JPN"));
        let evidence = evidence_for(
            "d",
            &text,
            0,
            Span::new(0, text.len()),
            Span::new(cue, cue + 10),
            &[&x, &y],
        );
        assert!(
            evidence.text.len() <= MAX_WINDOW_BYTES + 8,
            "{}",
            evidence.text.len()
        );
        assert!(evidence.text.starts_with(ELLIPSIS) && evidence.text.ends_with(ELLIPSIS));
        assert_eq!(evidence.cue, "sanctioned");
        assert_eq!(evidence.cue_span.slice(&evidence.text), Some("sanctioned"));
        let names: Vec<&str> = evidence
            .mentions
            .iter()
            .map(|m| m.span.slice(&evidence.text).unwrap_or("?"))
            .collect();
        assert_eq!(names, ["China", "Japan"]);
    }

    #[test]
    fn a_short_sentence_is_kept_whole() {
        let text = "China sanctioned Japan.";
        let evidence = evidence_for(
            "d",
            text,
            0,
            Span::new(0, text.len()),
            Span::new(6, 16),
            &[],
        );
        assert_eq!(evidence.text, text);
        assert_eq!(evidence.cue, "sanctioned");
    }
}
