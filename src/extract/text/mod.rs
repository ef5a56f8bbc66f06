//! Text before grammar: the one definition of a word, the word tokenizer and the sentence
//! splitter, all on byte offsets into the original text.
//!
//! Every reader of the extractor (gazetteer context, coreference, ties, figures) asks this
//! module what a word is, so "U.S.", "O'Brien" and "al-Assad" are one word everywhere and a
//! name inside a longer word ("Chinatown") is never taken for the country.

pub mod sentences;
mod words;

use crate::model::Span;

pub use words::{WordToken, tokenize};

/// Whether `ch` makes up words: letters and digits of any script.
pub fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric()
}

/// Whether `ch` may stand inside a word between word characters: "U.S.", "O'Brien",
/// "al-Assad", "Arabia’s" (curly apostrophe).
pub fn is_inner_mark(ch: char) -> bool {
    matches!(ch, '.' | '\'' | '’' | '-')
}

/// Whether `span` of `text` stands as whole words: no word character touches either end.
pub fn on_word_boundaries(text: &str, span: Span) -> bool {
    let (Some(head), Some(tail)) = (text.get(..span.start), text.get(span.end..)) else {
        return false;
    };
    head.chars().next_back().is_none_or(|ch| !is_word_char(ch))
        && tail.chars().next().is_none_or(|ch| !is_word_char(ch))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_inside_a_longer_word_is_not_on_word_boundaries() {
        let text = "Chinatown and China.";
        assert!(!on_word_boundaries(text, Span::new(0, 5)));
        assert!(on_word_boundaries(text, Span::new(14, 19)));
        assert!(!on_word_boundaries(text, Span::new(14, 99)));
    }
}
