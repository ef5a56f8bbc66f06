//! Figures: reported money amounts with their kind, actors, period and "record" flag.
//! STUB: to be replaced by the figures work.

use super::{ActorMention, DocDate};
use crate::model::{Figure, Span};

/// The figures reported in `text`, in document order.
pub fn extract_figures(
    doc_id: &str,
    text: &str,
    sentences: &[Span],
    mentions: &[ActorMention],
    date: Option<DocDate>,
) -> Vec<Figure> {
    let _ = (doc_id, text, sentences, mentions, date);
    Vec::new()
}
