//! The few words around a match that decide whether a name means its actor.
//!
//! Context is read only at automaton matches, from a bounded window of bytes on each side, into
//! fixed-size arrays: no allocation and no scan longer than [`WINDOW_BYTES`], whatever the text.

/// How many bytes on each side of a match are read for context.
const WINDOW_BYTES: usize = 96;
/// How many words on each side are kept.
pub(super) const MAX_WORDS: usize = 4;

/// Words next to a match, nearest first, with whether the nearest one is separated from the
/// match by spaces only (no punctuation, no line break).
#[derive(Clone, Copy, Default)]
pub(super) struct Neighbours<'a> {
    words: [&'a str; MAX_WORDS],
    count: usize,
    /// Only spaces between the match and the nearest word.
    pub adjacent: bool,
}

impl<'a> Neighbours<'a> {
    /// The words, nearest first.
    pub fn words(&self) -> &[&'a str] {
        &self.words[..self.count]
    }

    /// The nearest word, if any.
    pub fn nearest(&self) -> Option<&'a str> {
        self.words().first().copied()
    }

    /// Whether the words, nearest first, start with `entry` (tokens nearest first too).
    pub fn start_with<'e>(&self, entry: impl Iterator<Item = &'e str>) -> bool {
        let mut words = self.words().iter();
        for token in entry {
            match words.next() {
                Some(word) if same_word(word, token) => {}
                _ => return false,
            }
        }
        true
    }
}

/// Word characters: letters, digits and the marks inside words ("U.S.", "O'Brien", "al-Assad").
fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || matches!(ch, '.' | '\'' | '’' | '-')
}

/// Compares a text word with a lower-case rule token, ignoring ASCII case and a final stop.
pub(super) fn same_word(word: &str, token: &str) -> bool {
    word.eq_ignore_ascii_case(token)
        || word
            .strip_suffix('.')
            .is_some_and(|bare| bare.eq_ignore_ascii_case(token))
}

/// The largest char boundary of `text` at or below `index`.
fn floor_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Up to `wanted` (at most [`MAX_WORDS`]) words before byte `start` and not before byte `limit`
/// (the sentence start), nearest first.
pub(super) fn words_before(
    text: &str,
    limit: usize,
    start: usize,
    wanted: usize,
) -> Neighbours<'_> {
    let from = floor_boundary(text, start.saturating_sub(WINDOW_BYTES).max(limit));
    let cut = from > limit;
    let window = &text[from..start];
    let mut neighbours = Neighbours::default();
    let mut end = window.len();
    let mut first = true;
    while neighbours.count < wanted.min(MAX_WORDS) {
        let head = &window[..end];
        let Some((last_word_char, ch)) =
            head.char_indices().rev().find(|&(_, ch)| is_word_char(ch))
        else {
            break;
        };
        let word_end = last_word_char + ch.len_utf8();
        if first {
            let gap = &head[word_end..];
            neighbours.adjacent = !gap.is_empty() && gap.bytes().all(|b| b == b' ');
            first = false;
        }
        let word_start = head[..word_end]
            .char_indices()
            .rev()
            .take_while(|&(_, ch)| is_word_char(ch))
            .last()
            .map_or(word_end, |(position, _)| position);
        if word_start == 0 && cut {
            break; // cut by the window: not a whole word
        }
        neighbours.words[neighbours.count] = &head[word_start..word_end];
        neighbours.count += 1;
        end = word_start;
    }
    neighbours
}

/// Up to `wanted` (at most [`MAX_WORDS`]) words after byte `end` and before byte `limit` (the
/// sentence end), nearest first, past a possessive "'s".
pub(super) fn words_after(text: &str, end: usize, limit: usize, wanted: usize) -> Neighbours<'_> {
    let to = floor_boundary(text, end.saturating_add(WINDOW_BYTES).min(limit));
    let cut = to < limit;
    let mut window = &text[end..to];
    for possessive in ["'s", "’s", "'", "’"] {
        if let Some(rest) = window.strip_prefix(possessive)
            && !rest.starts_with(char::is_alphanumeric)
        {
            window = rest;
            break;
        }
    }
    let mut neighbours = Neighbours::default();
    let mut start = 0;
    let mut first = true;
    while neighbours.count < wanted.min(MAX_WORDS) {
        let tail = &window[start..];
        let Some((offset, _)) = tail.char_indices().find(|&(_, ch)| is_word_char(ch)) else {
            break;
        };
        if first {
            let gap = &tail[..offset];
            neighbours.adjacent = !gap.is_empty() && gap.bytes().all(|b| b == b' ');
            first = false;
        }
        let word_start = start + offset;
        let word_len = window[word_start..]
            .char_indices()
            .find(|&(_, ch)| !is_word_char(ch))
            .map_or(window.len() - word_start, |(position, _)| position);
        if word_start + word_len == window.len() && cut {
            break; // cut by the window
        }
        // A word ending a sentence keeps its stop out: "Georgia governor." -> "governor".
        let word =
            window[word_start..word_start + word_len].trim_end_matches(['.', '\'', '’', '-']);
        if !word.is_empty() {
            neighbours.words[neighbours.count] = word;
            neighbours.count += 1;
        }
        start = word_start + word_len;
    }
    neighbours
}

/// Starts with an upper-case letter.
pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Has letters and no lower-case one.
pub(super) fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// Whether a sentence is written in Title Case (a headline): most of its longer words are
/// capitalised. Reads at most the first 40 words.
pub(super) fn is_title_case(sentence: &str) -> bool {
    let mut long_words = 0;
    let mut capitalised = 0;
    for word in sentence
        .split(|ch: char| !is_word_char(ch))
        .filter(|word| word.chars().count() >= 4)
        .take(40)
    {
        long_words += 1;
        if is_capitalised(word) {
            capitalised += 1;
        }
    }
    long_words >= 2 && capitalised * 4 >= long_words * 3
}

/// Capitalised words that may precede a name-like country without being a first name:
/// sentence openers, prepositions in Title Case, titles.
pub(super) const NOT_FIRST_NAMES: &[&str] = &[
    "The",
    "In",
    "On",
    "At",
    "To",
    "From",
    "With",
    "And",
    "But",
    "For",
    "By",
    "Of",
    "As",
    "Both",
    "Including",
    "Unlike",
    "Like",
    "Than",
    "Between",
    "While",
    "Neighbouring",
    "Neighboring",
    "Across",
    "Against",
    "Into",
    "Over",
    "Under",
    "Via",
    "Says",
    "Said",
    "Tells",
    "Told",
    "Visits",
    "Visit",
    "Meets",
    "Warns",
    "Urges",
    "Backs",
    "Slams",
    "Accuses",
    "Blames",
    "Joins",
    "Hits",
    "Sanctions",
    "Invades",
    "King",
    "Queen",
    "Kingdom",
    "Republic",
    "Where",
    "When",
    "Why",
    "How",
    "Who",
    "After",
    "Before",
    "Despite",
    "Amid",
    "Near",
    "About",
    "Southern",
    "Northern",
    "Eastern",
    "Western",
    "Central",
    "Only",
    "Even",
    "Also",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_neighbouring_words_past_punctuation_and_possessives() {
        let text = "in Atlanta, Georgia's governor said.";
        let start = text.find("Georgia").unwrap_or_default();
        let before = words_before(text, 0, start, MAX_WORDS);
        assert_eq!(before.words(), &["Atlanta", "in"]);
        assert!(!before.adjacent);
        let after = words_after(text, start + "Georgia".len(), text.len(), MAX_WORDS);
        assert_eq!(after.words(), &["governor", "said"]);
    }

    #[test]
    fn never_splits_a_char_at_the_window_edge() {
        let text = format!("{}Chad", "é".repeat(100));
        let _ = words_before(&text, 0, text.len() - 4, MAX_WORDS);
        let _ = words_after(&text, 2, text.len(), MAX_WORDS);
    }
}
