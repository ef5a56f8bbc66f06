//! Evidence: the sentence behind a tie or figure, with the words that made it marked.

use super::ActorId;

/// A byte range `start..end` into a sentence's text; written as `[start, end]`.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text this span covers, or `None` when it does not fall on char boundaries of `text`.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
}

/// A place in a sentence where an actor is named or referred to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    /// The actor meant.
    pub actor: ActorId,
    /// The words as written ("Beijing", "the two nations").
    pub text: String,
    /// Where they are in the sentence text.
    pub span: Span,
}

/// One sentence that states a tie (or reports a figure).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Evidence {
    /// Id of the document the sentence is from.
    pub doc: String,
    /// Index of the sentence in its document, counted from 0.
    pub sentence: usize,
    /// The sentence in full, as written.
    pub text: String,
    /// The cue: the words that state the tie ("blacklisted", "joint military exercises").
    pub cue: String,
    /// Where the cue is in `text`.
    pub cue_span: Span,
    /// The mentions of the tie's actors in `text`, sorted by position.
    pub mentions: Vec<Mention>,
}
