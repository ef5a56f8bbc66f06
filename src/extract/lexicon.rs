//! The cue lexicon: words that state a tie, with their PLOVER category and mode.
//! STUB: to be replaced by the ties work.

use super::ExtractError;

/// Cue words and phrases by category.
pub struct Lexicon {}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Result<Lexicon, ExtractError> {
        Ok(Lexicon {})
    }
}
