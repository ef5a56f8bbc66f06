//! Sentence splitting with byte offsets into the original text.
//!
//! Every piece of evidence points back at its sentence, so the splitter never copies or normalises
//! text: it returns byte spans, trimmed of white space, always on char boundaries. It is one
//! forward scan over the bytes (plus one over the line lengths), deciding at each full stop, `!`,
//! `?` and line break whether a sentence ends there from a few bytes of context: what precedes the
//! stop (an abbreviation such as "Mr", "Gen", "Jan", "No", an initial, an initialism such as "U.S.")
//! and what follows it (white space, then a capital, a digit, a quote or a bracket). The design
//! decision is to keep that context local and bounded: no lookahead past the next word, no bracket
//! or quote stack, so time is linear in the text whatever its nesting or line length.
//!
//! Line breaks: a blank line always ends a sentence. A single line break ends one only when the
//! text is not hard-wrapped (every line is then a paragraph, headline or list item), or when the
//! line is clearly a headline or list item in a hard-wrapped text (short, with no final stop, the
//! next line starting with a capital) or the next line starts with a list marker.

use crate::model::Span;

/// Words that end with a full stop without ending a sentence ("Mr. Smith", "Gen. Milley",
/// "Jan. 5", "No. 10"), compared without the stop, case-sensitively.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Adm",
    "Cmdr", "Gov", "Sen", "Rep", "Rev", "Fr", "St", "Jr", "Sr", "Pres", "Amb", "Hon", "Dept",
    "Univ", "Ave", "Blvd", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Nr", "vs", "v", "etc", "approx", "est", "Inc",
    "Corp", "Ltd", "Co", "Bros", "al", "cf", "e.g", "i.e", "viz", "Vol", "vol", "pp", "p", "Fig",
    "fig", "Art", "Sec", "Ch", "ca",
];

/// Capitalised words that typically open a sentence: after an initialism such as "U.S." they
/// show that the full stop also ended the sentence ("... sanctions by the U.S. The move ...").
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "On",
    "At",
    "However",
    "Meanwhile",
    "Yet",
    "So",
    "As",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Last",
    "Earlier",
    "Later",
    "Officials",
    "If",
    "Analysts",
    "Some",
    "Many",
    "Most",
    "His",
    "Her",
    "Their",
    "Our",
    "Such",
    "Still",
    "Now",
];

/// How far the splitter looks at a word next to a stop: abbreviations and openers are short,
/// and the bound keeps a megabyte-long "word" from being read once per stop.
const MAX_WORD_CHARS: usize = 24;

/// Opening marks that may start a sentence after a stop: a sentence ends before them.
fn is_opening_mark(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '—' | '–' | '-' | '*' | '•'
    )
}

/// Closing marks a sentence may end with after its stop: `."`, `.)`, `.”`.
fn is_closing_mark(ch: char) -> bool {
    matches!(ch, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// The sentences of `text` as byte spans, in order, trimmed of surrounding white space.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let layout = LineLayout::measure(text);
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut index = 0;
    // Only stops and line breaks can end a sentence: jump from one to the next with memchr.
    // The next line break is remembered until passed, so each byte is searched once.
    let mut next_break = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
    while index < bytes.len() {
        if next_break < index {
            next_break =
                memchr::memchr(b'\n', &bytes[index..]).map_or(bytes.len(), |at| index + at);
        }
        index = memchr::memchr3(b'.', b'!', b'?', &bytes[index..next_break])
            .map_or(next_break, |at| index + at);
        let Some(&byte) = bytes.get(index) else {
            break;
        };
        let decision = match byte {
            b'.' | b'!' | b'?' => stop_decision(text, index),
            b'\n' => match line_break_end(text, index, &layout) {
                Some(end) => Decision::End(end),
                None => Decision::Continue(index + 1),
            },
            _ => Decision::Continue(index + 1),
        };
        match decision {
            Decision::End(end) => {
                push_trimmed(text, start, end, &mut spans);
                start = end;
                index = end.max(index + 1);
            }
            // Past the whole run of stops and closing marks: each byte is looked at once.
            Decision::Continue(next) => index = next.max(index + 1),
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// What the scan does at a stop or line break.
enum Decision {
    /// A sentence ends just before this byte offset.
    End(usize),
    /// No sentence ends here; scanning resumes at this byte offset.
    Continue(usize),
}

/// Whether the stop at `index` ends a sentence: the run of stops and closing marks it starts
/// ends either the sentence or nothing.
fn stop_decision(text: &str, index: usize) -> Decision {
    let (end, ends) = stop_end(text, index);
    if ends {
        Decision::End(end)
    } else {
        Decision::Continue(end)
    }
}

/// The byte offset just after the stop at `index` (past any repeated stops and closing quotes or
/// brackets), and whether a sentence ends there.
fn stop_end(text: &str, index: usize) -> (usize, bool) {
    let end = run_end(text, index);
    (end, ends_sentence(text, index, end))
}

/// Past runs such as "?!" or "..." and the closing quotes and brackets after them.
fn run_end(text: &str, index: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = index + 1;
    while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
        end += 1;
    }
    for ch in text[end..].chars() {
        if !is_closing_mark(ch) {
            break;
        }
        end += ch.len_utf8();
    }
    end
}

/// Whether the stop at `index`, whose run (stops and closing marks) ends at `end`, ends a sentence.
fn ends_sentence(text: &str, index: usize, end: usize) -> bool {
    let after = &text[end..];
    let Some(next) = after.chars().next() else {
        return true;
    };
    if !next.is_whitespace() {
        // "1.28", "U.S.-led", "example.com", "Yahoo!'s": inside a token.
        return false;
    }
    let next_word_start = after.trim_start();
    let Some(first) = next_word_start.chars().next() else {
        return true;
    };
    if first.is_lowercase() {
        // "approx. five", "U.S. officials", "Yahoo! said": the text runs on.
        return false;
    }
    if text.as_bytes()[index] != b'.' || end > index + 1 {
        // "!", "?", "...", and any stop followed by a closing quote or bracket.
        return true;
    }
    let word = word_before(text, index);
    if ABBREVIATIONS.contains(&word) {
        return false;
    }
    if is_initial(word) || is_initialism(word) {
        // "George W. Bush", "U.S. Secretary": only a typical sentence opener after it ends one.
        return SENTENCE_OPENERS.contains(&leading_word(next_word_start));
    }
    let numbered_item = !word.is_empty()
        && word.bytes().all(|b| b.is_ascii_digit())
        && is_line_start(text, index - word.len());
    // "1. Item" opens a list item; anything else followed by a capital, a digit, a quote, a
    // bracket or a script without capitals ends the sentence.
    !numbered_item
}

/// The word just before byte `index` (letters, digits and inner dots), without the stop.
fn word_before(text: &str, index: usize) -> &str {
    let head = &text[..index];
    let start = head
        .char_indices()
        .rev()
        .take(MAX_WORD_CHARS)
        .take_while(|&(_, ch)| ch.is_alphanumeric() || ch == '.')
        .last()
        .map_or(index, |(position, _)| position);
    &text[start..index]
}

/// The first word of `text`, letters only.
fn leading_word(text: &str) -> &str {
    let mut end = 0;
    for (position, ch) in text.char_indices().take(MAX_WORD_CHARS) {
        if !ch.is_alphabetic() {
            break;
        }
        end = position + ch.len_utf8();
    }
    &text[..end]
}

/// "W" in "George W. Bush".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(ch), None) if ch.is_uppercase())
}

/// "U.S", "U.K", "e.g": letters separated by dots (the final stop already removed).
fn is_initialism(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|part| part.chars().count() == 1)
}

/// Whether only spaces or tabs separate `position` from the start of its line.
fn is_line_start(text: &str, position: usize) -> bool {
    text[..position]
        .bytes()
        .rev()
        .take_while(|&b| b != b'\n')
        .all(|b| b == b' ' || b == b'\t')
}

/// How the text uses line breaks: measured once so each break is decided in constant time.
struct LineLayout {
    /// Whether the text is hard-wrapped: sentences run on across single line breaks (some line
    /// after a single break starts in lower case, or most lines are long and similar).
    hard_wrapped: bool,
    /// The wrap width: the longest line, in bytes.
    longest_line: usize,
}

impl LineLayout {
    fn measure(text: &str) -> LineLayout {
        let bytes = text.as_bytes();
        let mut longest_line = 0;
        let mut line_start = 0;
        let mut single_breaks = 0_usize;
        let mut runs_on = 0_usize;
        for position in memchr::memchr_iter(b'\n', bytes) {
            longest_line = longest_line.max(position - line_start);
            line_start = position + 1;
            let next = bytes.get(position + 1).copied();
            let previous = position.checked_sub(1).map(|p| bytes[p]);
            let blank_before = previous.is_none_or(|b| b == b'\n' || b == b'\r');
            if matches!(next, Some(b'\n' | b'\r')) || next.is_none() || blank_before {
                continue;
            }
            single_breaks += 1;
            let ends_with_stop = matches!(previous, Some(b'.' | b'!' | b'?' | b':' | b'"' | b')'));
            if !ends_with_stop && next.is_some_and(|b| b.is_ascii_lowercase()) {
                runs_on += 1;
            }
        }
        longest_line = longest_line.max(bytes.len() - line_start);
        LineLayout {
            hard_wrapped: single_breaks > 0 && runs_on * 4 >= single_breaks,
            longest_line,
        }
    }
}

/// If the line break at `index` ends a sentence, the byte offset where the next one may start.
fn line_break_end(text: &str, index: usize, layout: &LineLayout) -> Option<usize> {
    let line_start = text[..index].rfind('\n').map_or(0, |p| p + 1);
    let line = text[line_start..index].trim();
    let rest = &text[index + 1..];
    let next_line_end = rest.find('\n').unwrap_or(rest.len());
    let next_line = rest[..next_line_end].trim();
    if line.is_empty() || next_line.is_empty() {
        // A blank line, or the end of the text: always a boundary.
        return Some(index + 1);
    }
    if starts_list_item(next_line) || starts_list_item(line) && !layout.hard_wrapped {
        return Some(index + 1);
    }
    if !layout.hard_wrapped {
        return Some(index + 1);
    }
    let ends_with_punctuation = line
        .chars()
        .next_back()
        .is_some_and(|ch| matches!(ch, '.' | '!' | '?' | ':' | ';' | ',') || is_closing_mark(ch));
    let short = line.len() * 4 < layout.longest_line * 3;
    let next_starts_capital = next_line
        .chars()
        .next()
        .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit() || is_opening_mark(ch));
    (!ends_with_punctuation && short && next_starts_capital).then_some(index + 1)
}

/// "- item", "* item", "• item", "1. item", "2) item".
fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '—') => chars.next().is_some_and(char::is_whitespace),
        Some(ch) if ch.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let tail = &line.as_bytes()[digits..];
            digits <= 3 && tail.len() >= 2 && matches!(tail[0], b'.' | b')') && tail[1] == b' '
        }
        _ => false,
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let offset = start + (piece.len() - piece.trim_start().len());
        spans.push(Span::new(offset, offset + trimmed.len()));
    }
}
