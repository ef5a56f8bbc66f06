//! The gazetteer: actors, their names and how to find them in text.
//! STUB: to be replaced by the sentence/gazetteer work.

use super::{ActorMention, DocDate, ExtractError};
use crate::model::{Actor, Span};

/// Every actor tiemap knows, with the names that refer to it.
pub struct Gazetteer {
    actors: Vec<Actor>,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn builtin() -> Result<Gazetteer, ExtractError> {
        Ok(Gazetteer { actors: Vec::new() })
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|actor| actor.id == id)
    }

    /// Every mention of an actor in `text`, sorted by position, non-overlapping.
    pub fn find_mentions(
        &self,
        text: &str,
        sentences: &[Span],
        date: Option<DocDate>,
    ) -> Vec<ActorMention> {
        let _ = (text, sentences, date);
        Vec::new()
    }
}
