//! Sentence splitting with byte offsets into the original text.
//! STUB: to be replaced by the sentence/gazetteer work.

use crate::model::Span;

/// The sentences of `text` as byte spans, in order, trimmed of surrounding white space.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (index, ch) in text.char_indices() {
        if matches!(ch, '.' | '!' | '?' | '\n') {
            push_trimmed(text, start, index + ch.len_utf8(), &mut spans);
            start = index + ch.len_utf8();
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let piece = &text[start..end];
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let offset = start + (piece.len() - piece.trim_start().len());
        spans.push(Span::new(offset, offset + trimmed.len()));
    }
}
