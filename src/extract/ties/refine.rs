//! Second readings of a tie's category from the sentence's tree: a longer pattern of the verb
//! dictionary that contains the cue ("cut military aid", "lifted its embargo") outranks the cue
//! word alone, and a cue governed by an intent or a failure ("offered to send troops", "failed
//! to reach a deal") is an offer (PLOVER's AGREE) or did not happen. (Refused and threatened
//! acts keep their category, negated or hedged, as the scope words already mark them.)
//!
//! The design decision: the window reader keeps its pairs (they are the better reading where
//! it finds one); only the category, mode and negation are read again, and only where the
//! sentence has a longer pattern or a frame word, so most sentences are never parsed here.

use super::super::ActorMention;
use super::super::analysis::SentenceAnalysis;
use super::super::events::{EventLexicon, EventMatch};
use super::super::lexicon::{LexMatch, Lexicon, PatternKind};
use super::super::parse::{Parser, Rel, Upos};
use crate::model::{Category, Quad, Span, Tie};

/// Verbs and adjectives whose clause complement is an act only intended or offered: PLOVER
/// codes "express intent to cooperate" (CAMEO 03) as AGREE.
const INTENT_FRAMES: &[&str] = &[
    "willing",
    "ready",
    "prepared",
    "offer",
    "offers",
    "offered",
    "offering",
    "pledge",
    "pledges",
    "pledged",
    "pledging",
    "promise",
    "promises",
    "promised",
    "promising",
    "vow",
    "vows",
    "vowed",
    "vowing",
    "agree",
    "agrees",
    "agreed",
    "agreeing",
    "intend",
    "intends",
    "intended",
    "commit",
    "commits",
    "committed",
    "eager",
    "keen",
];

/// Verbs whose complement did not happen: the act is denied.
const FAILURE_FRAMES: &[&str] = &["fail", "fails", "failed", "failing"];

/// Verbs whose complement is refused: CAMEO codes a refusal to yield (to ease sanctions, to
/// release, to withdraw: its code 124) as PLOVER's REJECT, stated and not denied.
const REFUSAL_FRAMES: &[&str] = &[
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "decline",
    "declines",
    "declined",
    "declining",
];

/// How far up a chain of clause complements a frame may govern the cue ("offered to help
/// send troops").
const FRAME_REACH: usize = 3;

/// The reusable buffers of [`refine_categories`], and the cue lexicon whose negators it reads.
pub(super) struct Refiner<'l> {
    lexicon: &'l Lexicon,
    analysis: SentenceAnalysis,
    events: Vec<EventMatch>,
    scopes: Vec<LexMatch>,
}

impl<'l> Refiner<'l> {
    pub(super) fn new(lexicon: &'l Lexicon) -> Self {
        Refiner {
            lexicon,
            analysis: SentenceAnalysis::default(),
            events: Vec::new(),
            scopes: Vec::new(),
        }
    }
}

/// Reads the category of every tie again where its sentence has a longer event pattern
/// around the cue or a frame word above it. `ties` each carry one piece of evidence.
pub(super) fn refine_categories(
    refiner: &mut Refiner<'_>,
    text: &str,
    sentences: &[Span],
    mentions: &[ActorMention],
    events: &EventLexicon,
    parser: &Parser,
    ties: &mut [Tie],
) {
    ties.sort_by_key(|tie| tie.evidence.first().map_or(usize::MAX, |e| e.sentence));
    let mut start = 0;
    while start < ties.len() {
        let sentence = ties[start]
            .evidence
            .first()
            .map_or(usize::MAX, |e| e.sentence);
        let end = start
            + ties[start..]
                .iter()
                .take_while(|tie| tie.evidence.first().map(|e| e.sentence) == Some(sentence))
                .count();
        if let Some(&span) = sentences.get(sentence) {
            refine_sentence(
                refiner,
                SentenceAt {
                    text,
                    span,
                    index: sentence,
                },
                mentions,
                events,
                parser,
                &mut ties[start..end],
            );
        }
        start = end.max(start + 1);
    }
}

/// One sentence of a text: the text, the sentence's span in it and its index.
#[derive(Clone, Copy)]
struct SentenceAt<'a> {
    text: &'a str,
    span: Span,
    index: usize,
}

fn refine_sentence(
    refiner: &mut Refiner<'_>,
    at: SentenceAt<'_>,
    mentions: &[ActorMention],
    events: &EventLexicon,
    parser: &Parser,
    ties: &mut [Tie],
) {
    let SentenceAt { text, span, index } = at;
    let Some(sentence) = span.slice(text) else {
        return;
    };
    let analysis = &mut refiner.analysis;
    analysis.prepare(text, index, span);
    let words: Vec<&str> = analysis.lower_words().collect();
    let has_frame = words.iter().any(|word| {
        INTENT_FRAMES.contains(word)
            || FAILURE_FRAMES.contains(word)
            || REFUSAL_FRAMES.contains(word)
    });
    refiner.events.clear();
    events.find(&words, None, &mut refiner.events);
    drop(words);
    let cue_ranges: Vec<Option<(u32, u32)>> = ties
        .iter()
        .map(|tie| cue_words(analysis, span, sentence, tie))
        .collect();
    let has_longer_pattern = cue_ranges.iter().flatten().any(|&range| {
        refiner
            .events
            .iter()
            .any(|found| is_longer_around(analysis, found, range))
    });
    let has_receiving = analysis
        .lower_words()
        .any(|word| RECEIVING_VERBS.contains(&word));
    if !has_frame && !has_longer_pattern && !has_receiving {
        return;
    }
    let first = mentions.partition_point(|mention| mention.span.start < span.start);
    let local = &mentions[first..];
    let local = &local[..local.partition_point(|mention| mention.span.start < span.end)];
    analysis.parse(text, local, parser);
    if has_longer_pattern {
        let words: Vec<&str> = analysis.lower_words().collect();
        let heads = analysis.heads();
        refiner.events.clear();
        events.find(&words, Some(&heads), &mut refiner.events);
    }
    for (tie, range) in ties.iter_mut().zip(cue_ranges) {
        let Some(range) = range else {
            continue;
        };
        let mut anchor = range.1;
        let mut receiver_verb = None;
        if let Some(found) = refiner
            .events
            .iter()
            .filter(|found| {
                is_longer_around(analysis, found, range)
                    && governs(analysis, found.anchor, range)
                    && !only_a_light_verb_around(analysis, found, range)
            })
            .max_by_key(|found| found.words.as_slice().len())
        {
            // Only a pattern that turns cooperation into conflict or back is read again
            // ("suspended aid", "lifted the embargo"); within one side the cue lexicon's
            // category and mode stand, as they name the act more closely.
            if is_cooperation(found.category.quad()) != is_cooperation(tie.quad) {
                let sense = events.sense(found.sense);
                set_category(tie, found.category, sense.mode.to_string());
                // "cancelled a planned visit": the negator is the pattern's own verb, whose
                // meaning the new category already holds.
                if tie.negated
                    && negators_all_within(
                        refiner.lexicon,
                        &mut refiner.scopes,
                        analysis,
                        sentence,
                        found,
                    )
                {
                    tie.negated = false;
                }
            }
            if receives(analysis, found) {
                receiver_verb = Some(found.anchor);
            }
            anchor = found.anchor;
        } else if let Some(at) = (range.0..=range.1).find(|&at| {
            analysis
                .head(at)
                .is_none_or(|head| head < range.0 || head > range.1)
        }) {
            anchor = at;
        }
        if let Some(verb) = receiver_verb.or_else(|| receiving_verb(analysis, range)) {
            give_to_the_receiver(analysis, verb, tie);
        }
        if has_frame {
            apply_frame(analysis, anchor, tie);
        }
    }
}

/// Whether the pattern's subject is given to ("received aid from X"): so flagged, or written
/// by CAMEO as reversed with "from" while its object is a thing, not an actor.
fn receives(analysis: &SentenceAnalysis, found: &EventMatch) -> bool {
    found.flags.recipient_subject
        || super::tree::writes_receiving_as_reversed(
            analysis,
            found.anchor,
            found.flags.reversed,
            found.flags.from_source,
        )
}

/// Verbs whose subject is given to: what they take as object comes from someone else.
const RECEIVING_VERBS: &[&str] = &[
    "receive",
    "receives",
    "received",
    "receiving",
    "obtain",
    "obtains",
    "obtained",
    "obtaining",
    "accept",
    "accepts",
    "accepted",
    "accepting",
    "secure",
    "secures",
    "secured",
    "securing",
    "get",
    "gets",
    "got",
    "getting",
];

/// The receiving verb whose object (or one of whose coordinated objects) is the cue at
/// `range`: "received medical supplies and a grant".
pub(super) fn receiving_verb(
    analysis: &SentenceAnalysis,
    (first, last): (u32, u32),
) -> Option<u32> {
    let mut word = (first..=last).find(|&at| {
        analysis
            .head(at)
            .is_none_or(|head| head < first || head > last)
    })?;
    for _ in 0..4 {
        if analysis.rel(word) != Rel::Conj {
            break;
        }
        word = analysis.head(word)?;
    }
    let verb = analysis.head(word)?;
    (analysis.rel(word) == Rel::Obj && RECEIVING_VERBS.contains(&analysis.lower(verb)))
        .then_some(verb)
}

/// "Nepal received supplies from India", read by the window as Nepal giving: the side named
/// before the receiving verb is the target.
fn give_to_the_receiver(analysis: &SentenceAnalysis, verb: u32, tie: &mut Tie) {
    let Some(verb_start) = analysis.token(verb).map(|token| token.span.start) else {
        return;
    };
    let Some(evidence) = tie.evidence.first() else {
        return;
    };
    let sentence_start = analysis.span.start;
    let at = |actor: &str| {
        evidence
            .mentions
            .iter()
            .find(|mention| mention.actor == actor)
            .map(|mention| sentence_start + mention.span.start)
    };
    if let (Some(source), Some(target)) = (at(&tie.source), at(&tie.target))
        && source < verb_start
        && verb_start < target
    {
        std::mem::swap(&mut tie.source, &mut tie.target);
    }
}

/// Verbs that only say an act took place ("held joint drills", "staged exercises").
const LIGHT_VERBS: &[&str] = &[
    "hold",
    "holds",
    "held",
    "holding",
    "stage",
    "stages",
    "staged",
    "staging",
    "conduct",
    "conducts",
    "conducted",
    "conducting",
    "carry",
    "carries",
    "carried",
    "carrying",
    "out",
    "have",
    "has",
    "had",
    "having",
];

/// Whether all the pattern adds to the cue is a light verb: "held" around "joint naval
/// drills" says nothing the cue did not, and must not turn joint drills into a show of force.
fn only_a_light_verb_around(
    analysis: &SentenceAnalysis,
    found: &EventMatch,
    (first, last): (u32, u32),
) -> bool {
    found
        .words
        .as_slice()
        .iter()
        .filter(|&&at| !(first..=last).contains(&at))
        .all(|&at| {
            let word = analysis.lower(at);
            LIGHT_VERBS.contains(&word) || FUNCTION_WORDS.contains(&word)
        })
}

/// How many steps up the tree a pattern's verb may lie above the cue it reads again.
const GOVERN_REACH: usize = 4;

/// Whether the word `verb` is the cue or lies above it in the tree: a pattern of another
/// clause ("aid ... conducted" across "after the country conducted") says nothing of the cue.
fn governs(analysis: &SentenceAnalysis, verb: u32, (first, last): (u32, u32)) -> bool {
    (first..=last).any(|start| {
        start == verb
            || analysis
                .ancestors(start)
                .take(GOVERN_REACH)
                .any(|at| at == verb)
    })
}

/// Whether every negator of the sentence lies among the words of the pattern `found`.
fn negators_all_within(
    lexicon: &Lexicon,
    scopes: &mut Vec<LexMatch>,
    analysis: &SentenceAnalysis,
    sentence: &str,
    found: &EventMatch,
) -> bool {
    lexicon.scan_into(sentence, scopes);
    let base = analysis.span.start;
    let words = found.words.as_slice();
    scopes
        .iter()
        .filter(|scope| {
            matches!(
                scope.kind,
                PatternKind::Negator | PatternKind::AdjacentNegator
            )
        })
        .all(|scope| {
            analysis
                .token_at(base + scope.start)
                .is_some_and(|at| words.contains(&at))
        })
}

/// The first and last words of the tie's cue, when its evidence is the whole sentence.
fn cue_words(
    analysis: &SentenceAnalysis,
    span: Span,
    sentence: &str,
    tie: &Tie,
) -> Option<(u32, u32)> {
    let evidence = tie.evidence.first()?;
    if evidence.text != sentence {
        return None;
    }
    let start = span.start + evidence.cue_span.start;
    let end = span.start + evidence.cue_span.end;
    let first = analysis.token_at(start)?;
    let last = analysis
        .token_at(end.saturating_sub(1).max(start))
        .unwrap_or(first);
    Some((first, last.max(first)))
}

/// Whether the event match holds a word of the cue and a content word outside it:
/// "suspended ... aid" around the cue "humanitarian aid", but not "meet at" around "meet"
/// (a preposition only says where the object is).
pub(super) fn is_longer_around(
    analysis: &SentenceAnalysis,
    found: &EventMatch,
    (first, last): (u32, u32),
) -> bool {
    let words = found.words.as_slice();
    words.iter().any(|&at| (first..=last).contains(&at))
        && words.iter().any(|&at| {
            !(first..=last).contains(&at) && !FUNCTION_WORDS.contains(&analysis.lower(at))
        })
}

/// Words that add no meaning of their own to a pattern.
const FUNCTION_WORDS: &[&str] = &[
    "at", "in", "on", "to", "with", "for", "of", "from", "by", "against", "into", "over", "off",
    "up", "out", "the", "a", "an",
];

fn is_cooperation(quad: Quad) -> bool {
    matches!(quad, Quad::VerbalCooperation | Quad::MaterialCooperation)
}

fn set_category(tie: &mut Tie, category: Category, mode: String) {
    tie.category = category;
    tie.quad = category.quad();
    tie.mode = mode;
}

/// The frame (intent or failure) that governs the word `anchor`, if any, and
/// what it makes of the tie.
pub(super) fn apply_frame(analysis: &SentenceAnalysis, anchor: u32, tie: &mut Tie) {
    // A noun cue is framed through the verb it is the object of ("willing to provide
    // assistance").
    let mut word = anchor;
    if matches!(analysis.rel(word), Rel::Obj | Rel::Obl)
        && let Some(head) = analysis.head(word)
        && analysis.tag(head) == Upos::VERB
    {
        word = head;
    }
    for _ in 0..FRAME_REACH {
        let Some(head) = analysis.head(word) else {
            return;
        };
        // "ready to send" (xcomp), "offer of troops" is not a frame; a noun cue under a frame
        // verb is its object ("agreed a ceasefire" is stated, not intended).
        if analysis.rel(word) != Rel::Xcomp {
            return;
        }
        let frame = analysis.lower(head);
        let cooperative = is_cooperation(tie.quad);
        if INTENT_FRAMES.contains(&frame) {
            // Troops offered are an offer of help ("offered to send troops to help").
            let offered = cooperative || tie.category == Category::Mobilize;
            if offered && tie.category != Category::Agree {
                set_category(tie, Category::Agree, String::new());
            }
            return;
        }
        if REFUSAL_FRAMES.contains(&frame)
            && matches!(tie.category, Category::Retreat | Category::Concede)
        {
            // Refusing to ease or give way rejects the other side (CAMEO 124, "decline to
            // yield"); refusing to condemn, sanction or help stays a denied act.
            set_category(tie, Category::Reject, "yield".to_owned());
            tie.negated = false;
            return;
        }
        if FAILURE_FRAMES.contains(&frame) {
            tie.negated = true;
            return;
        }
        word = head;
    }
}
