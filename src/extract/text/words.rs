//! The word tokenizer: a sentence into the words the tagger and parser were trained on.
//!
//! The conventions are those of the Universal Dependencies English treebanks, because that is
//! what the parser learnt from: punctuation stands alone, the possessive and the contractions
//! are words of their own ("China" "'s", "do" "n't"), a currency sign is split from its number
//! ("$" "190"), while abbreviations and hyphenated words stay whole ("U.S.", "long-term").
//! Curly quotes and apostrophes are given their straight form for the parser (the span still
//! points at the original bytes). One forward pass over each white-space-separated chunk,
//! with a bounded look at its end: linear whatever the text.

use crate::model::Span;

/// One word of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordToken {
    /// Byte range in the tokenized text.
    pub span: Span,
    /// The form the parser should see when it differs from the text (`'s` for `’s`, `"` for
    /// `“`); `None` means the text itself.
    pub normal: Option<&'static str>,
}

impl WordToken {
    /// The word as the parser should see it.
    pub fn form<'t>(&self, text: &'t str) -> &'t str {
        match self.normal {
            Some(normal) => normal,
            None => self.span.slice(text).unwrap_or_default(),
        }
    }
}

/// Words ending in a full stop that keep it ("Mr.", "Gen.", "Jan."), compared without it.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "jr", "sr", "pres", "amb", "hon", "dept", "mt", "ft", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc",
    "corp", "ltd", "co", "bros", "al", "approx", "est", "fig", "vol",
];

/// Contractions split off the end of a word: (ending, lower-case form for the parser).
const CLITICS: &[(&str, &str)] = &[
    ("n't", "n't"),
    ("n’t", "n't"),
    ("'s", "'s"),
    ("’s", "'s"),
    ("'re", "'re"),
    ("’re", "'re"),
    ("'ve", "'ve"),
    ("’ve", "'ve"),
    ("'ll", "'ll"),
    ("’ll", "'ll"),
    ("'d", "'d"),
    ("’d", "'d"),
    ("'m", "'m"),
    ("’m", "'m"),
];

/// Appends the words of `text` to `out` (which is cleared first).
pub fn tokenize(text: &str, out: &mut Vec<WordToken>) {
    out.clear();
    let mut chunk_start = None;
    for (index, ch) in text.char_indices() {
        if ch.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                split_chunk(text, start, index, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(index);
        }
    }
    if let Some(start) = chunk_start {
        split_chunk(text, start, text.len(), out);
    }
}

/// Splits one white-space-free chunk `text[start..end]` into words.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<WordToken>) {
    let mut start = start;
    // Opening marks and signs, each a word: `"(`, `$`.
    while let Some(ch) = text[start..end].chars().next() {
        if is_word_start(ch) {
            break;
        }
        let len = mark_len(&text[start..end]);
        push(out, text, start, start + len);
        start += len;
    }
    if start >= end {
        return;
    }
    // Closing marks, read backwards, kept to be pushed after the word.
    let mut trailing: [(usize, usize); 8] = [(0, 0); 8];
    let mut trailing_count = 0;
    let mut word_end = end;
    while trailing_count < trailing.len()
        && let Some(ch) = text[start..word_end].chars().next_back()
    {
        let at = word_end - ch.len_utf8();
        if at == start || !is_trailing_mark(ch) {
            break;
        }
        if ch == '.' && keeps_its_stop(&text[start..at]) {
            break;
        }
        if (ch == '\'' || ch == '’') && text[start..at].ends_with(['s', 'S']) && trailing_count == 0
        {
            // "countries'": a possessive, split like the closing quote it looks like.
            trailing[trailing_count] = (at, word_end);
            trailing_count += 1;
            word_end = at;
            break;
        }
        trailing[trailing_count] = (at, word_end);
        trailing_count += 1;
        word_end = at;
    }
    split_word(text, start, word_end, out);
    for &(from, to) in trailing[..trailing_count].iter().rev() {
        push(out, text, from, to);
    }
}

/// Splits the core of a chunk: inner punctuation that is not part of a word, the currency
/// sign after a country prefix ("US$"), and a final contraction.
fn split_word(text: &str, start: usize, end: usize, out: &mut Vec<WordToken>) {
    let mut piece_start = start;
    let bytes = text.as_bytes();
    let mut chars = text[start..end].char_indices().peekable();
    while let Some((offset, ch)) = chars.next() {
        let at = start + offset;
        let next = chars.peek().map(|&(_, next)| next);
        let keep = super::is_word_char(ch)
            || (super::is_inner_mark(ch) && next.is_some_and(super::is_word_char))
            || matches!(ch, '&' | '/' | '_' | '+' | '@' | '#')
            || (ch == '.' && next.is_none() && keeps_its_stop(&text[piece_start..at]))
            || (matches!(ch, ',' | ':')
                && at > start
                && bytes[at - 1].is_ascii_digit()
                && next.is_some_and(|c| c.is_ascii_digit()));
        if keep {
            continue;
        }
        if ch == '$' || ch == '%' {
            // "US$" is one word; "$" after a number or on its own is one.
            let end_sign = at + ch.len_utf8();
            if ch == '$'
                && at > piece_start
                && text[piece_start..at].chars().all(char::is_uppercase)
            {
                push(out, text, piece_start, end_sign);
            } else {
                push_with_clitic(text, piece_start, at, out);
                push(out, text, at, end_sign);
            }
            piece_start = end_sign;
            continue;
        }
        push_with_clitic(text, piece_start, at, out);
        let len = mark_len(&text[at..end]);
        push(out, text, at, at + len);
        // Skip the rest of a multi-char mark ("--", "...").
        for _ in 1..text[at..at + len].chars().count() {
            chars.next();
        }
        piece_start = at + len;
    }
    push_with_clitic(text, piece_start, end, out);
}

/// Pushes `text[start..end]` as a word, or as a word and its contraction ("do" "n't").
fn push_with_clitic(text: &str, start: usize, end: usize, out: &mut Vec<WordToken>) {
    if start >= end {
        return;
    }
    let word = &text[start..end];
    for &(ending, normal) in CLITICS {
        if word.len() > ending.len()
            && word
                .get(word.len() - ending.len()..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(ending))
        {
            let split = end - ending.len();
            // "can't" is "ca" "n't", "won't" "wo" "n't": the UD convention.
            push(out, text, start, split);
            let same = text[split..end] == *normal;
            out.push(WordToken {
                span: Span::new(split, end),
                normal: (!same).then_some(normal),
            });
            return;
        }
    }
    push(out, text, start, end);
}

/// Pushes one word, with its straight form when it is a curly quote or apostrophe.
fn push(out: &mut Vec<WordToken>, text: &str, start: usize, end: usize) {
    if start >= end {
        return;
    }
    let normal = match &text[start..end] {
        "“" | "”" | "«" | "»" => Some("\""),
        "‘" | "’" => Some("'"),
        "—" | "–" => Some("--"),
        "…" => Some("..."),
        _ => None,
    };
    out.push(WordToken {
        span: Span::new(start, end),
        normal,
    });
}

/// Whether a chunk's word may start with `ch` (otherwise `ch` is an opening mark or sign).
fn is_word_start(ch: char) -> bool {
    super::is_word_char(ch) || ch == '@' || ch == '#'
}

/// The byte length of the mark at the start of `rest`: "--" and "..." are one mark.
fn mark_len(rest: &str) -> usize {
    for multi in ["--", "...", "''", "``"] {
        if rest.starts_with(multi) {
            return multi.len();
        }
    }
    rest.chars().next().map_or(1, char::len_utf8)
}

/// Marks that split off the end of a word.
fn is_trailing_mark(ch: char) -> bool {
    matches!(
        ch,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '”'
            | '’'
            | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '…'
            | '%'
    )
}

/// Whether a word keeps its final stop: initialisms ("U.S"), initials ("J") and the usual
/// abbreviations ("Mr", "Jan").
fn keeps_its_stop(word: &str) -> bool {
    if word.contains('.') && word.chars().all(|ch| ch.is_alphabetic() || ch == '.') {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        return first.is_uppercase();
    }
    word.len() <= 6
        && ABBREVIATIONS
            .iter()
            .any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out.iter().map(|word| word.form(text).to_owned()).collect()
    }

    #[test]
    fn possessives_and_contractions_are_words_of_their_own() {
        assert_eq!(
            words("China's army didn't move; Arabia’s too."),
            [
                "China", "'s", "army", "did", "n't", "move", ";", "Arabia", "'s", "too", "."
            ]
        );
        assert_eq!(
            words("the countries' ties"),
            ["the", "countries", "'", "ties"]
        );
    }

    #[test]
    fn abbreviations_and_hyphenated_words_stay_whole() {
        assert_eq!(
            words("The U.S. and Mr. al-Assad met in Jan. at 12:30."),
            [
                "The", "U.S.", "and", "Mr.", "al-Assad", "met", "in", "Jan.", "at", "12:30", "."
            ]
        );
    }

    #[test]
    fn money_splits_its_sign_and_percentages_their_mark() {
        assert_eq!(
            words("($190 billion, 94%) and US$5"),
            [
                "(", "$", "190", "billion", ",", "94", "%", ")", "and", "US$", "5"
            ]
        );
        assert_eq!(words("1,500 troops"), ["1,500", "troops"]);
    }

    #[test]
    fn quotes_and_dashes_are_straightened_for_the_parser() {
        assert_eq!(
            words("“War—or peace”, he said"),
            ["\"", "War", "--", "or", "peace", "\"", ",", "he", "said"]
        );
    }

    #[test]
    fn spans_point_at_the_original_bytes() {
        let text = "Arabia’s “war”";
        let mut out = Vec::new();
        tokenize(text, &mut out);
        let slices: Vec<&str> = out
            .iter()
            .map(|w| w.span.slice(text).unwrap_or("?"))
            .collect();
        assert_eq!(slices, ["Arabia", "’s", "“", "war", "”"]);
    }

    #[test]
    fn odd_input_never_panics_and_stays_linear() {
        for text in [
            "",
            " ",
            "...",
            "''",
            "’",
            "$",
            "%%",
            "a'",
            "—",
            "((((",
            "x\u{301}y",
        ] {
            let _ = words(text);
        }
        let long = "(".repeat(100_000) + &"a-".repeat(100_000) + &")".repeat(100_000);
        assert!(words(&long).len() >= 100_000);
    }
}
