//! One sentence prepared for reading ties: its tokens, its actor mentions as slots (with the
//! word that governs each), its cues, negators, hedges and echo verbs, all by token index.
//!
//! Design decision: every question the role finder asks ("who is the subject of this cue?",
//! "what does this preposition introduce?") is a short walk over tokens from the cue,
//! bounded by a window and stopped at clause edges, so a sentence of any length costs time
//! linear in its tokens.

use super::tokens::{Class, Prep, Token, tokenize_into};
use crate::extract::lexicon::{LexMatch, Lexicon, PatternKind};
use crate::extract::{ActorMention, MentionForm};

/// How far (in tokens) a role may be from its cue.
pub(super) const WINDOW: usize = 14;
/// How far back a subject may be from its verb.
pub(super) const SUBJECT_WINDOW: usize = 40;

/// What governs a mention: the nearest token before it that is not a determiner or modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Governor {
    /// Nothing before it in its clause (sentence start, a comma, a quote).
    Open,
    /// A preposition.
    Prep(Prep),
    /// A word at this token index (a verb, a cue, an echo verb, a title).
    Word(usize),
}

/// An actor mention placed in the sentence.
#[derive(Clone, Debug)]
pub(super) struct Slot<'m> {
    /// The mention.
    pub mention: &'m ActorMention,
    /// First token it covers.
    pub first: usize,
    /// Last token it covers (inclusive); its possessive marker, if any, follows.
    pub last: usize,
    /// Written "X's".
    pub possessive: bool,
    /// What governs it (inherited from the first member when coordinated).
    pub governor: Governor,
    /// The slot it is coordinated with ("China and Russia", "US-China"), when any.
    pub coordinated_with: Option<usize>,
}

impl Slot<'_> {
    /// The token after the mention and its possessive marker.
    pub fn after(&self) -> usize {
        self.last + 1 + usize::from(self.possessive)
    }

    /// Whether the slot is a place ("in Ukraine").
    pub fn is_place(&self) -> bool {
        self.governor == Governor::Prep(Prep::Locative)
    }
}

/// A cue found in the sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cue {
    /// Index into the lexicon's senses.
    pub sense: usize,
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Byte range in the sentence.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A sentence ready for the role finder. Buffers are reused from sentence to sentence.
#[derive(Default)]
pub(super) struct Sentence<'m> {
    /// The sentence text.
    pub text: &'m str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Its mentions, in order.
    pub slots: Vec<Slot<'m>>,
    /// Per token: the slot covering it, or `NONE`.
    pub slot_at: Vec<u32>,
    /// Per token: the cue covering it, or `NONE`.
    pub cue_at: Vec<u32>,
    /// Its cues, in order.
    pub cues: Vec<Cue>,
    /// Token indices of negators.
    pub negators: Vec<usize>,
    /// Token indices of negators that reach only the next words.
    pub adjacent_negators: Vec<usize>,
    /// Token indices of hedges.
    pub hedges: Vec<usize>,
    /// Per token: whether it is an echo verb.
    pub echo_at: Vec<bool>,
    matches: Vec<LexMatch>,
}

thread_local! {
    /// This thread's sentence buffers, between two documents: a stream of documents grows
    /// them only at the start.
    static KEPT: std::cell::Cell<Sentence<'static>> = std::cell::Cell::new(Sentence::default());
}

/// The most tokens whose buffers are kept between documents (a news sentence has under a
/// hundred).
const KEEP_TOKENS_MAX: usize = 4096;

/// An emptied vector of slots, its allocation kept, for slots of another lifetime.
// `filter_map` rather than `filter`: it is what changes the lifetime of the element type.
#[allow(clippy::unnecessary_filter_map)]
fn recycle_slots<'b>(mut slots: Vec<Slot<'_>>) -> Vec<Slot<'b>> {
    slots.clear();
    // Collecting a vector's own iterator into a vector of a type of the same layout reuses
    // its allocation; the vector is empty, so no slot is ever converted.
    slots.into_iter().filter_map(|_| None).collect()
}

/// Lower-case words of a person's title.
const TITLES: [&str; 16] = [
    "leader",
    "president",
    "minister",
    "counterpart",
    "secretary",
    "chancellor",
    "premier",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "general",
    "chief",
    "foreign",
    "prime",
];

/// Marks "no slot / no cue" in the per-token maps.
pub(super) const NONE: u32 = u32::MAX;

impl Sentence<'_> {
    /// The buffers this thread kept from its last document (empty the first time).
    pub fn kept() -> Self {
        let kept = KEPT.take();
        Sentence {
            text: "",
            slots: recycle_slots(kept.slots),
            ..kept
        }
    }

    /// Keeps the buffers for this thread's next document, unless a very long sentence grew
    /// them (then they are freed, so a thread does not hold on to that much memory).
    pub fn keep(self) {
        if self.tokens.capacity() > KEEP_TOKENS_MAX {
            return;
        }
        KEPT.set(Sentence {
            text: "",
            slots: recycle_slots(self.slots),
            ..self
        });
    }
}

impl<'m> Sentence<'m> {
    /// Prepares `text` (one sentence, starting at byte `offset` of the document) with its
    /// `mentions` (document offsets, sorted). Returns `false`, having done little work, when
    /// the sentence has no cue at all.
    pub fn prepare(
        &mut self,
        text: &'m str,
        offset: usize,
        mentions: &'m [ActorMention],
        lexicon: &Lexicon,
    ) -> bool {
        self.text = text;
        self.slots.clear();
        self.cues.clear();
        let mut matches = std::mem::take(&mut self.matches);
        lexicon.scan_into(text, &mut matches);
        if !matches
            .iter()
            .any(|found| matches!(found.kind, PatternKind::Cue(_)))
        {
            self.matches = matches;
            return false;
        }
        tokenize_into(text, &mut self.tokens);
        let count = self.tokens.len();
        self.slot_at.clear();
        self.slot_at.resize(count, NONE);
        self.cue_at.clear();
        self.cue_at.resize(count, NONE);
        self.echo_at.clear();
        self.echo_at.resize(count, false);
        self.negators.clear();
        self.adjacent_negators.clear();
        self.hedges.clear();

        for mention in mentions {
            let start = mention.span.start.saturating_sub(offset);
            let end = mention.span.end.saturating_sub(offset).min(text.len());
            if mention.actors.is_empty() || end <= start {
                continue;
            }
            let first = self.tokens.partition_point(|token| token.end <= start);
            let last_exclusive = self.tokens.partition_point(|token| token.start < end);
            if first >= last_exclusive {
                continue;
            }
            let last = last_exclusive - 1;
            if self.slot_at[first..=last].iter().any(|&slot| slot != NONE) {
                continue;
            }
            let index = self.slots.len() as u32;
            self.slot_at[first..=last].fill(index);
            let possessive = self
                .tokens
                .get(last + 1)
                .is_some_and(|token| token.class == Class::Possessive);
            self.slots.push(Slot {
                mention,
                first,
                last,
                possessive,
                governor: Governor::Open,
                coordinated_with: None,
            });
        }

        for found in &matches {
            let first = self
                .tokens
                .partition_point(|token| token.end <= found.start);
            let last_exclusive = self.tokens.partition_point(|token| token.start < found.end);
            if first >= last_exclusive {
                continue;
            }
            let last = last_exclusive - 1;
            if self.slot_at[first..=last].iter().any(|&slot| slot != NONE) {
                continue;
            }
            match found.kind {
                PatternKind::Cue(sense) => {
                    let index = self.cues.len() as u32;
                    self.cue_at[first..=last].fill(index);
                    self.cues.push(Cue {
                        sense,
                        first,
                        last,
                        start: found.start,
                        end: found.end,
                    });
                }
                PatternKind::Negator => self.negators.push(first),
                PatternKind::AdjacentNegator => self.adjacent_negators.push(first),
                PatternKind::Hedge => {
                    if !self.is_month(first) {
                        self.hedges.push(first);
                    }
                }
                PatternKind::Echo => self.echo_at[first] = true,
                PatternKind::Neutral => {}
            }
        }
        self.matches = matches;

        for index in 0..self.slots.len() {
            let (governor, coordinated_with) = self.find_governor(index);
            let slot = &mut self.slots[index];
            slot.governor = governor;
            slot.coordinated_with = coordinated_with;
        }
        true
    }

    /// The word at token `index`.
    pub fn word(&self, index: usize) -> &'m str {
        self.tokens
            .get(index)
            .and_then(|token| self.text.get(token.start..token.end))
            .unwrap_or_default()
    }

    /// The class of token `index` (punctuation past the end).
    pub fn class(&self, index: usize) -> Class {
        self.tokens
            .get(index)
            .map_or(Class::Stop, |token| token.class)
    }

    /// Whether a clause edge lies strictly between tokens `from` and `to`.
    pub fn boundary_between(&self, from: usize, to: usize) -> bool {
        let (low, high) = if from <= to { (from, to) } else { (to, from) };
        (low + 1..high).any(|index| {
            self.slot_at[index] == NONE
                && matches!(self.class(index), Class::Stop | Class::Boundary)
        })
    }

    /// Whether a comma or clause edge lies strictly between tokens `from` and `to`.
    pub fn comma_between(&self, from: usize, to: usize) -> bool {
        let (low, high) = if from <= to { (from, to) } else { (to, from) };
        (low + 1..high).any(|index| {
            self.slot_at[index] == NONE
                && matches!(
                    self.class(index),
                    Class::Stop | Class::Boundary | Class::Comma
                )
        })
    }

    /// The slots (with their indices) whose first token lies in `from..=to`: every search
    /// for a party goes through a window like this, which keeps reading linear.
    pub fn slots_in(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, &Slot<'m>)> {
        let start = self.slots.partition_point(|slot| slot.first < from);
        let end = self
            .slots
            .partition_point(|slot| slot.first <= to)
            .max(start);
        (start..end).map(move |index| (index, &self.slots[index]))
    }

    /// The cues whose first token lies strictly between `from` and `to`.
    pub fn cues_between(&self, from: usize, to: usize) -> &[Cue] {
        let start = self.cues.partition_point(|cue| cue.first <= from);
        let end = self.cues.partition_point(|cue| cue.first < to).max(start);
        &self.cues[start..end]
    }

    /// Whether another cue lies strictly between tokens `from` and `to`.
    pub fn cue_between(&self, from: usize, to: usize) -> bool {
        let (low, high) = if from <= to { (from, to) } else { (to, from) };
        let Some(own) = self.cue_at.get(low) else {
            return false;
        };
        (low + 1..high).any(|index| self.cue_at[index] != NONE && self.cue_at[index] != *own)
    }

    /// Whether token `index` belongs to a person's title ("Russian President", "Secretary
    /// of State", "leader") standing before a name.
    fn is_title_word(&self, index: usize) -> bool {
        if self.slot_at[index] != NONE || self.cue_at[index] != NONE {
            return false;
        }
        let word = self.word(index);
        match self.class(index) {
            Class::Word => {
                word.starts_with(|ch: char| ch.is_uppercase())
                    || TITLES.iter().any(|title| word.eq_ignore_ascii_case(title))
            }
            Class::Prep(Prep::Of) => self
                .word(index + 1)
                .starts_with(|ch: char| ch.is_uppercase()),
            _ => false,
        }
    }

    /// Whether token `index` is a skippable determiner, modifier, quote or compound part.
    pub fn skippable(&self, index: usize) -> bool {
        if self.slot_at.get(index).is_some_and(|&slot| slot != NONE)
            || self.cue_at.get(index).is_some_and(|&cue| cue != NONE)
        {
            return false;
        }
        match self.class(index) {
            Class::Det | Class::Mod | Class::Quote | Class::Hyphen => true,
            // The first half of a compound ("two-day visit", "full-scale invasion").
            Class::Word => self.class(index + 1) == Class::Hyphen,
            _ => false,
        }
    }

    /// The first token before `index` that is not skippable, if any.
    pub fn previous_unskipped(&self, index: usize) -> Option<usize> {
        let mut at = index;
        while at > 0 {
            at -= 1;
            if !self.skippable(at) {
                return Some(at);
            }
        }
        None
    }

    /// The slot whose last token (or possessive marker) is token `index`.
    pub fn slot_ending_at(&self, index: usize) -> Option<usize> {
        let mut at = index;
        if self.class(at) == Class::Possessive && at > 0 {
            at -= 1;
        }
        let slot = *self.slot_at.get(at)?;
        (slot != NONE).then_some(slot as usize)
    }

    /// "May" the month rather than the modal ("in May", "May 5").
    fn is_month(&self, index: usize) -> bool {
        let word = self.word(index);
        if word != "May" {
            return false;
        }
        let next_is_number = self
            .tokens
            .get(index + 1)
            .is_some_and(|token| self.text.as_bytes()[token.start].is_ascii_digit());
        let previous = index
            .checked_sub(1)
            .map(|previous| self.word(previous).to_ascii_lowercase());
        next_is_number
            || previous.is_some_and(|word| {
                matches!(
                    word.as_str(),
                    "in" | "of"
                        | "since"
                        | "until"
                        | "by"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "on"
                        | "from"
                        | "through"
                )
            })
    }

    /// The governor of slot `index` and the slot it is coordinated with.
    fn find_governor(&self, index: usize) -> (Governor, Option<usize>) {
        let slot = &self.slots[index];
        let mut at = slot.first;
        if slot.mention.form == MentionForm::Person {
            while at > 0 && (self.is_title_word(at - 1) || self.skippable(at - 1)) {
                at -= 1;
            }
        }
        let Some(at) = self.previous_unskipped(at) else {
            return (Governor::Open, None);
        };
        // Apposition or coordination with the slot right before.
        let joined = match self.class(at) {
            Class::Conj | Class::Hyphen => self
                .previous_unskipped(at)
                .and_then(|before| self.slot_ending_at(before).filter(|&other| other < index)),
            Class::Comma => self
                .previous_unskipped(at)
                .and_then(|before| self.slot_ending_at(before).filter(|&other| other < index))
                .filter(|&other| {
                    // Headlines: "Russia, Ukraine trade accusations", "US, allies condemn".
                    let headline_pair = self.slots[other].first == 0;
                    self.shares_actor(other, index) || self.list_continues(index) || headline_pair
                }),
            _ => self.slot_ending_at(at).filter(|&other| {
                other < index && !self.slots[other].possessive && self.shares_actor(other, index)
            }),
        };
        if let Some(other) = joined {
            return (self.slots[other].governor, Some(other));
        }
        let governor = match self.class(at) {
            Class::Prep(prep) => Governor::Prep(prep),
            Class::Comma | Class::Stop | Class::Quote | Class::Punct | Class::Boundary => {
                Governor::Open
            }
            _ => Governor::Word(at),
        };
        (governor, None)
    }

    /// Whether slots `x` and `y` name a common actor.
    fn shares_actor(&self, x: usize, y: usize) -> bool {
        let (Some(x), Some(y)) = (self.slots.get(x), self.slots.get(y)) else {
            return false;
        };
        x.mention
            .actors
            .iter()
            .any(|actor| y.mention.actors.contains(actor))
    }

    /// "A, B and C": slot `index` is followed by ", <slot>" or "and <slot>".
    fn list_continues(&self, index: usize) -> bool {
        let after = self.slots[index].after();
        let mut at = after;
        if !matches!(self.class(at), Class::Comma | Class::Conj) {
            return false;
        }
        at += 1;
        if self.class(at) == Class::Conj {
            at += 1;
        }
        while self.skippable(at) {
            at += 1;
        }
        self.slot_at.get(at).is_some_and(|&slot| slot != NONE)
    }

    /// Whether slot `index` names a group ("the two nations").
    pub fn is_group_reference(&self, index: usize) -> bool {
        self.slots.get(index).is_some_and(|slot| {
            slot.mention.form == MentionForm::Reference && slot.mention.actors.len() >= 2
        })
    }

    /// The slot and every slot coordinated with it ("China, Russia and Iran"), in order.
    pub fn group_of(&self, index: usize, out: &mut Vec<usize>) {
        out.clear();
        let mut head = index;
        while let Some(previous) = self.slots.get(head).and_then(|slot| slot.coordinated_with) {
            if previous >= head {
                break;
            }
            head = previous;
        }
        out.push(head);
        let mut last = head;
        for (other, slot) in self.slots.iter().enumerate().skip(head + 1) {
            if slot.coordinated_with == Some(last) {
                out.push(other);
                last = other;
            } else if slot.first > self.slots[last].after() + 3 {
                break;
            }
        }
    }
}
