//! A window's words with their tags, and the kind, period and "record" rules read from them.
//!
//! The words of a sentence with money are tagged once; every amount of the sentence cuts its
//! window from them, and a sentence longer than a few KiB is read window by window.

use super::super::word_starts::AsciiWords;
use super::distance;
use super::tags::{Tag, tag_of, tag_table};
use crate::extract::DocDate;
use crate::model::{FigureKind, Span};

/// The longest sentence whose words are tagged once for all its amounts; the words of a longer
/// one are read window by window (a news sentence is a few hundred bytes).
const SENTENCE_WORDS_MAX_BYTES: usize = 4096;

/// One word of a window: its span in the document and its tag.
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    pub(super) span: Span,
    pub(super) tag: Tag,
}

/// The words of a window with their tags and document spans. Read once: the kind, period and
/// "record" rules then compare tags, not text.
///
/// The buffers are reused from one figure to the next, and the words of the current sentence
/// are tagged once: amounts of the same sentence have overlapping windows, so each window is
/// cut from the sentence's words rather than read again.
#[derive(Default)]
pub(super) struct Words {
    /// The sentence whose words `in_sentence` holds.
    pub(super) sentence: Option<Span>,
    /// The words of that sentence.
    in_sentence: Vec<Word>,
    /// The words of the window.
    pub(super) in_window: Vec<Word>,
}

/// Appends the words of `range` of `bytes` (runs of ASCII letters and digits) with their tags.
fn read_words(bytes: &[u8], range: Span, out: &mut Vec<Word>) {
    let table = tag_table();
    let end = range.end.min(bytes.len());
    for (start, end) in AsciiWords::new(&bytes[..end], range.start) {
        out.push(Word {
            span: Span::new(start, end),
            tag: tag_of(table, bytes, start, end - start),
        });
    }
}

impl Words {
    /// Replaces the words with those of `window`, a part of `sentence`: the runs of ASCII
    /// letters and digits inside the window (a word the window cuts counts as its cut part).
    pub(super) fn read(&mut self, text: &str, sentence: Span, window: Span) {
        let bytes = text.as_bytes();
        if sentence.len() > SENTENCE_WORDS_MAX_BYTES {
            // A very long "sentence" (a line with no stop): read the window alone, so memory
            // stays bounded by the window, not the line.
            self.sentence = None;
            self.in_window.clear();
            read_words(bytes, window, &mut self.in_window);
            return;
        }
        if self.sentence != Some(sentence) {
            self.sentence = Some(sentence);
            self.in_sentence.clear();
            read_words(bytes, sentence, &mut self.in_sentence);
        }
        let first = self
            .in_sentence
            .partition_point(|word| word.span.end <= window.start);
        let end = self
            .in_sentence
            .partition_point(|word| word.span.start < window.end)
            .max(first);
        self.in_window.clear();
        self.in_window
            .extend_from_slice(&self.in_sentence[first..end]);
        // The words the window cuts at either end are re-read as cut.
        for index in [0, self.in_window.len().saturating_sub(1)] {
            let Some(word) = self.in_window.get_mut(index) else {
                break;
            };
            let cut = Span::new(
                word.span.start.max(window.start),
                word.span.end.min(window.end),
            );
            if cut != word.span {
                *word = Word {
                    span: cut,
                    tag: tag_of(tag_table(), bytes, cut.start, cut.len()),
                };
            }
        }
    }

    /// The tag of word `index`; `Other` past either end.
    pub(super) fn tag(&self, index: usize) -> Tag {
        self.in_window
            .get(index)
            .map_or(Tag::Other, |word| word.tag)
    }

    /// The tag of the word `back` words before `index`; `Other` before the first word.
    pub(super) fn tag_before(&self, index: usize, back: usize) -> Tag {
        index
            .checked_sub(back)
            .map_or(Tag::Other, |before| self.tag(before))
    }

    /// Distance of word `index` from the amount.
    pub(super) fn distance_to(&self, index: usize, money: Span) -> usize {
        distance(self.in_window[index].span, money)
    }

    pub(super) fn is_in(&self, index: usize, money: Span) -> bool {
        let span = self.in_window[index].span;
        span.start >= money.start && span.end <= money.end
    }

    /// What the amount measures: a two-word kind anywhere in the window, else the single cue
    /// word nearest the amount, else `Other`. One pass over the words.
    // Two-word kinds outrank single words: "$300 billion of frozen assets under sanctions" is
    // frozen assets.
    pub(super) fn kind(&self, money: Span) -> FigureKind {
        let (mut freezing, mut assets, mut military, mut spending) = (false, false, false, false);
        let mut nearest: Option<(usize, FigureKind)> = None;
        for (i, &Word { tag, .. }) in self.in_window.iter().enumerate() {
            match tag {
                Tag::Freezing => freezing = true,
                Tag::Assets => assets = true,
                Tag::Military => military = true,
                Tag::Spending => spending = true,
                Tag::Kind(kind) if !self.is_in(i, money) => {
                    let distance = self.distance_to(i, money);
                    if nearest.is_none_or(|(best, _)| distance < best) {
                        nearest = Some((distance, kind));
                    }
                }
                _ => {}
            }
        }
        if freezing && assets {
            FigureKind::FrozenAssets
        } else if military && spending {
            FigureKind::MilitarySpending
        } else if let Some((_, kind)) = nearest {
            kind
        } else if military {
            // "spent $70 billion on defence": the spending word is a status word here.
            FigureKind::MilitarySpending
        } else if spending {
            FigureKind::Budget
        } else {
            FigureKind::Other
        }
    }

    /// The period the amount covers: a half or quarter ("2023-H1"), else the year nearest
    /// the amount, stated ("in 2022") or relative ("last year", resolved with the date).
    pub(super) fn period(&self, money: Span, date: Option<DocDate>) -> Option<String> {
        let mut best_year: Option<(usize, i32)> = None;
        let mut part: Option<(usize, &'static str, Option<i32>)> = None;
        for (i, &Word { tag, .. }) in self.in_window.iter().enumerate() {
            if matches!(tag, Tag::Other) || self.is_in(i, money) {
                continue;
            }
            let previous = self.tag_before(i, 1);
            let next = self.tag(i + 1);
            let year = match tag {
                Tag::Year(year) if previous != Tag::Since => Some(year),
                Tag::YearWord => match previous {
                    Tag::Last | Tag::Past if next != Tag::S => date.map(|date| date.year - 1),
                    Tag::This | Tag::Current => date.map(|date| date.year),
                    Tag::Next | Tag::Coming => date.map(|date| date.year + 1),
                    _ => None,
                },
                _ => None,
            };
            if let Some(year) = year {
                let distance = self.distance_to(i, money);
                if best_year.is_none_or(|(best, _)| distance < best) {
                    best_year = Some((distance, year));
                }
            }
            if let Some(label) = part_of_year(previous, tag, next) {
                // "in the first half of 2022", "first quarter of last year".
                let stated = self.year_after(i);
                let distance = self.distance_to(i, money);
                if part.is_none_or(|(best, _, _)| distance < best) {
                    part = Some((distance, label, stated));
                }
            }
        }
        if let Some((_, label, stated)) = part {
            let year = stated
                .or(best_year.map(|(_, year)| year))
                .or(date.map(|date| date.year))?;
            return Some(format!("{year}-{label}"));
        }
        best_year.map(|(_, year)| year.to_string())
    }

    /// A year given right after word `index`: "of 2022".
    fn year_after(&self, index: usize) -> Option<i32> {
        if self.tag(index + 1) != Tag::Of {
            return None;
        }
        match self.tag(index + 2) {
            Tag::Year(year) => Some(year),
            _ => None,
        }
    }

    /// Whether the window calls the amount a record.
    pub(super) fn says_record(&self) -> bool {
        for (i, &Word { tag, .. }) in self.in_window.iter().enumerate() {
            match tag {
                Tag::Record => {
                    let previous = self.tag_before(i, 1);
                    let before_previous = self.tag_before(i, 2);
                    let next = self.tag(i + 1);
                    let idiom = matches!(
                        previous,
                        Tag::Track | Tag::Criminal | Tag::Public | Tag::Voting
                    ) || (previous == Tag::The
                        && matches!(before_previous, Tag::For | Tag::On | Tag::Off))
                        || matches!(next, Tag::Of | Tag::Shows | Tag::Showed | Tag::Label);
                    if !idiom {
                        return true;
                    }
                }
                Tag::Unprecedented => return true,
                Tag::Time if self.tag_before(i, 1) == Tag::All && self.tag(i + 1) == Tag::High => {
                    return true;
                }
                Tag::Ever
                    if matches!(
                        self.tag_before(i, 1),
                        Tag::Highest | Tag::Largest | Tag::Biggest
                    ) =>
                {
                    return true;
                }
                _ => {}
            }
        }
        false
    }
}

/// "first half" -> "H1", "third quarter" -> "Q3", "q2" -> "Q2", "first six months" -> "H1".
fn part_of_year(previous: Tag, word: Tag, next: Tag) -> Option<&'static str> {
    match (previous, word) {
        (_, Tag::Part(part)) => Some(part.label()),
        (Tag::First, Tag::Half) => Some("H1"),
        (Tag::Second, Tag::Half) => Some("H2"),
        (Tag::First, Tag::Six) if next == Tag::Months => Some("H1"),
        (Tag::First, Tag::Quarter) => Some("Q1"),
        (Tag::Second, Tag::Quarter) => Some("Q2"),
        (Tag::Third, Tag::Quarter) => Some("Q3"),
        (Tag::Fourth, Tag::Quarter) => Some("Q4"),
        _ => None,
    }
}
