//! Light coreference: "the two countries", "its", "this relationship" -> actors.
//!
//! A small automaton over the reference phrases (ASCII case-insensitive), then one rule per kind
//! of phrase, each reading only the mentions already found:
//! - a pair reference ("the two countries", "both nations", "each other") means the last two
//!   distinct countries named (any actors for "sides" and "powers"), in the order named;
//! - a singular reference ("the country", "its", "the government", "the Foreign Ministry") means
//!   the one country in focus: the current sentence's countries before it, or if it has none the
//!   previous sentence's, must be a single country;
//! - a relationship reference ("this relationship", "these ties") means the pair most named in
//!   the sentence before.
//!
//! The design decision is to be conservative: when the focus is not clear the reference is left
//! unresolved rather than guessed, because a wrong actor makes a wrong tie on the map.
//!
//! The automaton runs anchored, only at word starts whose first two letters begin a phrase:
//! a phrase anywhere else would fail the word boundary check. (No phrase holds, at one of its
//! later words, the start of another, so skipping such a match never uncovers a different
//! one: a test checks.)

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, Match, MatchKind, StartKind,
};

use super::word_starts::WordStarts;
use super::{ActorMention, MentionForm};
use crate::model::{ActorId, Span};

/// What a reference phrase points back to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Two countries: "the two countries", "both nations".
    CountryPair,
    /// Two actors of any kind: "the two sides", "each other".
    ActorPair,
    /// The one country in focus: "the country", "its", "the government".
    Focus,
    /// The pair of the sentence before: "this relationship", "these ties".
    Relationship,
}

/// The reference phrases, each with its kind.
const PHRASES: &[(&str, Kind)] = &[
    ("the two countries", Kind::CountryPair),
    ("the two nations", Kind::CountryPair),
    ("the two states", Kind::CountryPair),
    ("the two governments", Kind::CountryPair),
    ("the two neighbours", Kind::CountryPair),
    ("the two neighbors", Kind::CountryPair),
    ("both countries", Kind::CountryPair),
    ("both nations", Kind::CountryPair),
    ("both governments", Kind::CountryPair),
    ("the two sides", Kind::ActorPair),
    ("the two powers", Kind::ActorPair),
    ("the two leaders", Kind::ActorPair),
    ("the two presidents", Kind::ActorPair),
    ("the two ministers", Kind::ActorPair),
    ("the two allies", Kind::ActorPair),
    ("the two rivals", Kind::ActorPair),
    ("both sides", Kind::ActorPair),
    ("each other", Kind::ActorPair),
    ("one another", Kind::ActorPair),
    ("the country", Kind::Focus),
    ("the nation", Kind::Focus),
    ("the government", Kind::Focus),
    ("the regime", Kind::Focus),
    ("the kingdom", Kind::Focus),
    ("the island nation", Kind::Focus),
    ("the administration", Kind::Focus),
    ("the ministry", Kind::Focus),
    ("the foreign ministry", Kind::Focus),
    ("the defence ministry", Kind::Focus),
    ("the defense ministry", Kind::Focus),
    ("its", Kind::Focus),
    ("this relationship", Kind::Relationship),
    ("the relationship", Kind::Relationship),
    ("their relationship", Kind::Relationship),
    ("this partnership", Kind::Relationship),
    ("these ties", Kind::Relationship),
    ("the ties", Kind::Relationship),
    ("their ties", Kind::Relationship),
    ("bilateral ties", Kind::Relationship),
    ("bilateral relations", Kind::Relationship),
];

/// How many earlier mentions a reference looks back over at most: a reference points to
/// something named a sentence or two before, and the bound keeps time linear on pathological
/// input (a megabyte-long sentence naming one country a million times).
const MAX_LOOKBACK: usize = 64;

/// The phrase automaton (anchored) and the pairs of bytes a phrase may start with.
struct Phrases {
    automaton: AhoCorasick,
    /// Per pair of byte values (first * 256 + second), one bit: whether a phrase starts with
    /// the pair, in any ASCII case.
    starts: Vec<u64>,
}

/// The index of a pair of bytes in [`Phrases::starts`].
fn pair_index(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

fn phrases() -> Option<&'static Phrases> {
    static PHRASES_FOUND: OnceLock<Option<Phrases>> = OnceLock::new();
    PHRASES_FOUND
        .get_or_init(|| {
            let automaton = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                // A few dozen phrases: a DFA is small and steps faster than the default NFA.
                .kind(Some(AhoCorasickKind::DFA))
                .start_kind(StartKind::Anchored)
                .build(PHRASES.iter().map(|(phrase, _)| phrase))
                .ok()?;
            let mut starts = vec![0u64; 256 * 256 / 64];
            for (phrase, _) in PHRASES {
                let &[first, second, ..] = phrase.as_bytes() else {
                    return None; // every phrase has two bytes or more
                };
                for first in [first.to_ascii_lowercase(), first.to_ascii_uppercase()] {
                    for second in [second.to_ascii_lowercase(), second.to_ascii_uppercase()] {
                        let pair = pair_index(first, second);
                        starts[pair / 64] |= 1 << (pair % 64);
                    }
                }
            }
            Some(Phrases { automaton, starts })
        })
        .as_ref()
}

impl Phrases {
    /// The phrase matches that start words, in order, each the longest at its place, the
    /// search going on after each match's end (as a non-overlapping search does).
    fn find_at_word_starts<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Match> + 't {
        let bytes = text.as_bytes();
        let mut starts = WordStarts::new(bytes, 0);
        std::iter::from_fn(move || {
            while let Some(at) = starts.next() {
                let &second = bytes.get(at + 1)?;
                let pair = pair_index(bytes[at], second);
                if self.starts[pair / 64] & (1 << (pair % 64)) == 0
                    || (at > 0 && is_word_byte_before(text, at))
                {
                    continue;
                }
                let input = Input::new(text).range(at..).anchored(Anchored::Yes);
                if let Some(found) = self.automaton.find(input) {
                    starts.skip_to(found.end());
                    return Some(found);
                }
            }
            None
        })
    }
}

/// Whether a letter or digit stands right before byte `at` (a char boundary, not 0) of `text`.
fn is_word_byte_before(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at - 1) {
        Some(byte) if byte.is_ascii() => byte.is_ascii_alphanumeric(),
        _ => text
            .get(..at)
            .and_then(|head| head.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    }
}

/// Adds mentions for references to actors already named (group references get several actors).
///
/// `mentions` must be sorted by position (as [`super::Gazetteer::find_mentions`] returns them);
/// it stays sorted and non-overlapping: a reference inside an existing mention is dropped.
/// Only the gazetteer's mentions are read, so a reference never resolves to another reference.
pub fn resolve_references(text: &str, sentences: &[Span], mentions: &mut Vec<ActorMention>) {
    let Some(phrases) = phrases() else {
        return;
    };
    // The gazetteer's mentions hold no references: borrow them as they are, and copy only
    // when a caller passes mentions that already include references.
    let named: Cow<'_, [ActorMention]> = if mentions
        .iter()
        .all(|mention| mention.form != MentionForm::Reference)
    {
        Cow::Borrowed(mentions.as_slice())
    } else {
        Cow::Owned(
            mentions
                .iter()
                .filter(|mention| mention.form != MentionForm::Reference)
                .cloned()
                .collect(),
        )
    };
    let mut added = Vec::new();
    let mut sentence_index = 0;
    for found in phrases.find_at_word_starts(text) {
        let span = Span::new(found.start(), found.end());
        if !on_word_boundaries(text, span) {
            continue;
        }
        while sentence_index < sentences.len() && sentences[sentence_index].end <= span.start {
            sentence_index += 1;
        }
        let Some(&sentence) = sentences.get(sentence_index) else {
            break;
        };
        if sentence.start > span.start {
            continue;
        }
        let kind = PHRASES[found.pattern().as_usize()].1;
        let previous = sentence_index.checked_sub(1).map(|index| sentences[index]);
        let actors = match kind {
            Kind::CountryPair => last_two(&named, span.start, previous, true),
            Kind::ActorPair => last_two(&named, span.start, previous, false),
            Kind::Focus => {
                let phrase = &text[span.start..span.end];
                // "its" is lower case mid-sentence; "Its" opens a sentence. "ITS" is an acronym.
                if phrase == "ITS" {
                    continue;
                }
                focus(&named, span.start, sentence, previous).map(|actor| vec![actor])
            }
            Kind::Relationship => {
                if followed_by_its_pair(text, span.end) {
                    continue;
                }
                previous.and_then(|previous| most_named_pair(&named, previous))
            }
        };
        if let Some(actors) = actors {
            added.push(ActorMention {
                actors,
                span,
                form: MentionForm::Reference,
            });
        }
    }
    merge_without_overlaps(mentions, added);
}

/// Whether the phrase stands as whole words.
fn on_word_boundaries(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    before.is_none_or(|ch| !ch.is_alphanumeric()) && after.is_none_or(|ch| !ch.is_alphanumeric())
}

/// "the relationship between China and Russia", "ties with Moscow": the pair is named right
/// after, so the gazetteer's mentions already carry it.
fn followed_by_its_pair(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    ["between", "with", "of"].iter().any(|word| {
        rest.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
    })
}

fn is_country(id: &str) -> bool {
    // Country and territory ids are ISO alpha-3 (three upper-case letters); blocs are not
    // ("EU", "NATO", "WEST", "ARAB-LEAGUE"), except three-letter ones handled below.
    id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase()) && !matches!(id, "SCO" | "GCC")
}

/// The last two distinct actors named before `position`, in this sentence or the one before,
/// ordered by where they are first named in that stretch.
fn last_two(
    named: &[ActorMention],
    position: usize,
    previous: Option<Span>,
    countries_only: bool,
) -> Option<Vec<ActorId>> {
    let window_start = previous.map_or(0, |previous| previous.start);
    let before = named.partition_point(|mention| mention.span.start < position);
    let mut picked: Vec<&ActorId> = Vec::with_capacity(2);
    for mention in named[..before].iter().rev().take(MAX_LOOKBACK) {
        if mention.span.start < window_start {
            break;
        }
        let [actor] = mention.actors.as_slice() else {
            continue;
        };
        if countries_only && !is_country(actor) {
            continue;
        }
        if !picked.contains(&actor) {
            picked.push(actor);
            if picked.len() == 2 {
                break;
            }
        }
    }
    if picked.len() < 2 {
        return None;
    }
    let from = named
        .partition_point(|mention| mention.span.start < window_start)
        .max(before.saturating_sub(MAX_LOOKBACK));
    let first_named = |actor: &ActorId| {
        named[from..before]
            .iter()
            .position(|mention| mention.actors.first() == Some(actor))
            .unwrap_or(usize::MAX)
    };
    picked.sort_by_key(|actor| first_named(actor));
    Some(picked.into_iter().cloned().collect())
}

/// The one country in focus at `position`: the countries named earlier in this sentence or,
/// when it names none, in the sentence before; `None` unless that is exactly one country.
fn focus(
    named: &[ActorMention],
    position: usize,
    sentence: Span,
    previous: Option<Span>,
) -> Option<ActorId> {
    let before = named.partition_point(|mention| mention.span.start < position);
    let in_stretch = |stretch_start: usize, stretch_end: usize| {
        let mut found: Option<&ActorId> = None;
        let mut several = false;
        for mention in named[..before].iter().rev().take(MAX_LOOKBACK) {
            if mention.span.start < stretch_start {
                break;
            }
            if mention.span.start >= stretch_end {
                continue;
            }
            for actor in mention.actors.iter().filter(|actor| is_country(actor)) {
                match found {
                    None => found = Some(actor),
                    Some(seen) if seen == actor => {}
                    Some(_) => several = true,
                }
            }
        }
        (found, several)
    };
    let (here, several_here) = in_stretch(sentence.start, position);
    if several_here {
        return None;
    }
    if let Some(actor) = here {
        return Some(actor.clone());
    }
    let previous = previous?;
    match in_stretch(previous.start, previous.end) {
        (Some(actor), false) => Some(actor.clone()),
        _ => None,
    }
}

/// The pair of actors most named in `sentence`: the two with the most mentions (ties broken by
/// who is named first), if it names at least two.
fn most_named_pair(named: &[ActorMention], sentence: Span) -> Option<Vec<ActorId>> {
    let from = named.partition_point(|mention| mention.span.start < sentence.start);
    let to = named.partition_point(|mention| mention.span.start < sentence.end);
    // (actor, count, first position); a sentence names few actors, so a small vector will do.
    let mut counts: Vec<(&ActorId, usize, usize)> = Vec::new();
    for mention in named[from..to].iter().take(MAX_LOOKBACK) {
        for actor in &mention.actors {
            match counts.iter_mut().find(|(seen, _, _)| *seen == actor) {
                Some(entry) => entry.1 += 1,
                None => counts.push((actor, 1, mention.span.start)),
            }
        }
    }
    if counts.len() < 2 {
        return None;
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let mut pair = [counts[0], counts[1]];
    pair.sort_by_key(|entry| entry.2);
    Some(pair.iter().map(|entry| entry.0.clone()).collect())
}

/// Adds `added` (sorted) to `mentions` (sorted), dropping any that overlaps an existing mention.
fn merge_without_overlaps(mentions: &mut Vec<ActorMention>, added: Vec<ActorMention>) {
    if added.is_empty() {
        return;
    }
    let existing = std::mem::take(mentions);
    let mut merged = Vec::with_capacity(existing.len() + added.len());
    let mut existing = existing.into_iter().peekable();
    for reference in added {
        while let Some(mention) =
            existing.next_if(|mention| mention.span.end <= reference.span.start)
        {
            merged.push(mention);
        }
        let overlaps = existing
            .peek()
            .is_some_and(|mention| mention.span.start < reference.span.end);
        if !overlaps {
            merged.push(reference);
        }
    }
    merged.extend(existing);
    *mentions = merged;
}

#[cfg(test)]
mod tests {
    use super::PHRASES;

    /// The anchored search skips matches that do not start a word; that finds the same
    /// references only while no phrase holds, from one of its later words on, the start of a
    /// phrase (else "xthe two sides ..." could hide a phrase starting at "two").
    #[test]
    fn no_phrase_holds_another_phrase_from_a_later_word() {
        for (phrase, _) in PHRASES {
            for (space, _) in phrase.match_indices(' ') {
                let rest = &phrase[space + 1..];
                for (other, _) in PHRASES {
                    assert!(
                        !other.starts_with(rest) && !rest.starts_with(other),
                        "{phrase:?} holds {other:?} from {rest:?}"
                    );
                }
            }
        }
    }
}
