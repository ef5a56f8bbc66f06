//! Light coreference: "the two countries", "its", "this relationship" -> actors.
//! STUB: to be replaced by the sentence/gazetteer work.

use super::ActorMention;
use crate::model::Span;

/// Adds mentions for references to actors already named (group references get several actors).
pub fn resolve_references(text: &str, sentences: &[Span], mentions: &mut Vec<ActorMention>) {
    let _ = (text, sentences, mentions);
}
