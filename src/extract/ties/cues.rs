//! The cues of an analysed sentence: lexicon matches placed on its words, each with the word
//! that carries it in the tree (its anchor), plus the words that deny or hedge.
//!
//! The lexicon matches on the sentence text; this module turns byte ranges into word ranges
//! and picks as anchor the one word of the cue whose head lies outside it ("launched" in
//! "launched a missile attack" is not the anchor of "missile attack": "attack" is).

use crate::extract::analysis::SentenceAnalysis;
use crate::extract::events::{CueKind, EventLexicon, EventMatch};
use crate::extract::lexicon::{CueSense, LexMatch, PatternKind};
use crate::extract::parse::Upos;
use crate::model::Span;

/// A cue on the words of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct TokenCue {
    /// Index into the lexicon's senses.
    pub sense: usize,
    /// First word.
    pub first: u32,
    /// Last word (inclusive).
    pub last: u32,
    /// The word that carries the cue in the tree.
    pub anchor: u32,
    /// Byte range in the document.
    pub span: Span,
}

/// Words of the sentence that change what a cue asserts.
#[derive(Default)]
pub(super) struct Modifiers {
    /// Anchor words of negators ("refused to", "denied", "failed").
    pub negators: Vec<u32>,
    /// Words that deny only what follows them closely ("no").
    pub adjacent_negators: Vec<u32>,
    /// Anchor words of hedges ("may", "potential", "plans to").
    pub hedges: Vec<u32>,
    /// Echo verbs ("echoed", "joined").
    pub echoes: Vec<u32>,
}

/// Places lexicon `matches` (sentence-local byte offsets) on the analysed words.
pub(super) fn place_cues(
    analysis: &SentenceAnalysis,
    matches: &[LexMatch],
    cues: &mut Vec<TokenCue>,
    modifiers: &mut Modifiers,
) {
    cues.clear();
    modifiers.negators.clear();
    modifiers.adjacent_negators.clear();
    modifiers.hedges.clear();
    modifiers.echoes.clear();
    let base = analysis.span.start;
    for found in matches {
        let span = Span::new(base + found.start, base + found.end);
        let Some((first, last)) = word_range(analysis, span) else {
            continue;
        };
        let anchor = anchor_of(analysis, first, last);
        match found.kind {
            PatternKind::Cue(sense) => cues.push(TokenCue {
                sense,
                first,
                last,
                anchor,
                span,
            }),
            PatternKind::Negator => modifiers.negators.push(anchor),
            PatternKind::AdjacentNegator => modifiers.adjacent_negators.push(anchor),
            PatternKind::Hedge => modifiers.hedges.push(anchor),
            PatternKind::Echo => modifiers.echoes.push(anchor),
            PatternKind::Neutral => {}
        }
    }
}

/// The first and last words a byte range touches.
fn word_range(analysis: &SentenceAnalysis, span: Span) -> Option<(u32, u32)> {
    let first = analysis.token_at(span.start)?;
    let last = analysis
        .token_at(span.end.saturating_sub(1).max(span.start))
        .unwrap_or(first);
    Some((first, last.max(first)))
}

/// The word of `first..=last` whose head lies outside the range; the last word if none.
fn anchor_of(analysis: &SentenceAnalysis, first: u32, last: u32) -> u32 {
    (first..=last)
        .find(|&at| {
            analysis
                .head(at)
                .is_none_or(|head| head < first || head > last)
                && !matches!(
                    analysis.rel(at),
                    crate::extract::parse::Rel::Punct | crate::extract::parse::Rel::Case
                )
        })
        .unwrap_or(last)
}

/// Adds the event lexicon's matches as cues where the cue lexicon has none on the same words,
/// each with a sense of its own appended to `senses`.
pub(super) fn place_events(
    analysis: &SentenceAnalysis,
    lexicon: &EventLexicon,
    matches: &[EventMatch],
    cues: &mut Vec<TokenCue>,
    senses: &mut Vec<CueSense>,
) {
    for found in matches {
        let words = found.words.as_slice();
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            continue;
        };
        // A longer pattern that holds a cue word outranks it ("cut military aid" around
        // "aid"); otherwise the cue lexicon's reading of the same words stands.
        let holds = |cue: &TokenCue| {
            super::refine::is_longer_around(analysis, found, (cue.first, cue.last))
        };
        cues.retain(|cue| !holds(cue));
        if cues
            .iter()
            .any(|cue| cue.anchor == found.anchor || (cue.first <= last && first <= cue.last))
        {
            continue;
        }
        // A verb's default code on a word the parse reads as a noun ("Greek forces", "their
        // claims"): the noun states no act; event nouns have curated entries of their own.
        if found.kind == CueKind::Verb
            && words.len() == 1
            && matches!(analysis.tag(found.anchor), Upos::NOUN | Upos::PROPN)
        {
            continue;
        }
        let (Some(first_word), Some(last_word)) = (analysis.token(first), analysis.token(last))
        else {
            continue;
        };
        let span = Span::new(first_word.span.start, last_word.span.end);
        let sense = lexicon.sense(found.sense);
        let flags = found.flags;
        senses.push(CueSense {
            category: found.category,
            mode: sense.mode.to_string(),
            symmetric: flags.symmetric,
            reversed: flags.reversed,
            place_target: flags.place_target,
            host_fallback: false,
            from_source: flags.from_source,
            from_target: flags.from_target,
            with_target: flags.with_target,
            hedge_after: flags.hedge_after,
            recipient_subject: flags.recipient_subject,
        });
        cues.push(TokenCue {
            sense: senses.len() - 1,
            first,
            last,
            anchor: found.anchor,
            span,
        });
    }
    cues.sort_by_key(|cue| (cue.first, cue.last));
}
