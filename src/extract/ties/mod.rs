//! Ties: who does what to whom, read from cue words and the structure of each sentence.
//!
//! For every sentence that names at least two actors, the lexicon's automaton finds the cues
//! (with negators, hedges and echo verbs) in one pass; [`roles`] then finds each cue's source
//! and target among the sentence's mentions by grammar (subject, object, passive agent,
//! possessive owner, "between X and Y", "with X"), and [`scope`] decides whether the cue is
//! denied ("refused to condemn") or only possible ("potential visits").
//!
//! Main design decision: precision over recall. Two actors in one sentence make no tie unless
//! a cue links them grammatically; a country named as a place is not a party; a cue inside a
//! definite noun phrase ("Russia's invasion") is stated whatever verb governs the phrase.
//! Everything is linear in the sentence: bounded walks over tokens, no backtracking.

mod cues;
mod refine;
mod scope;
mod tree;
mod tree_words;
mod window;

pub(crate) use tree_words::NON_STATE_HEADS;

use super::analysis::SentenceAnalysis;
use super::events::{EventLexicon, EventMatch};
use super::lexicon::CueSense;
use super::lexicon::{LexMatch, PatternKind};
use super::parse::Parser;
use super::{ActorMention, Lexicon, evidence_for};
use crate::model::{Category, Span, Tie};
use cues::{Modifiers, TokenCue};

/// The ties stated in `text`, sorted and merged (see [`merge_ties`]).
///
/// `sentences` are the document's sentence spans in order; `mentions` its actor mentions
/// (document offsets; sorted by position, as the pipeline gives them).
pub fn extract_ties(
    doc_id: &str,
    text: &str,
    sentences: &[Span],
    mentions: &[ActorMention],
    lexicon: &Lexicon,
    parser: &Parser,
) -> Vec<Tie> {
    let sorted;
    let mentions = if mentions.is_sorted_by_key(|mention| mention.span.start) {
        mentions
    } else {
        let mut copy = mentions.to_vec();
        copy.sort_by_key(|mention| (mention.span.start, mention.span.end));
        sorted = copy;
        &sorted
    };
    // The window reader first: where it finds a tie, its reading of the sentence stands; the
    // tree reader reads the sentences it left without one.
    let mut ties = single_evidence(window::extract_window_ties(
        doc_id, text, sentences, mentions, lexicon,
    ));
    let events = EventLexicon::bundled().ok();
    if let Some(events) = events {
        let mut refiner = refine::Refiner::new(lexicon);
        refine::refine_categories(
            &mut refiner,
            text,
            sentences,
            mentions,
            events,
            parser,
            &mut ties,
        );
    }
    let mut read_by_window: Vec<usize> = ties
        .iter()
        .flat_map(|tie| tie.evidence.iter().map(|evidence| evidence.sentence))
        .collect();
    read_by_window.sort_unstable();
    read_by_window.dedup();
    let mut recent = Vec::new();
    let mut reader = Reader::default();
    let mut first_mention = 0;
    for (index, &span) in sentences.iter().enumerate() {
        while first_mention < mentions.len() && mentions[first_mention].span.start < span.start {
            first_mention += 1;
        }
        let local = &mentions[first_mention..];
        let local = &local[..local.partition_point(|mention| mention.span.start < span.end)];
        // One actor can still condemn an act named just before ("Russia condemned the strikes").
        let recent_act = recent
            .last()
            .is_some_and(|act: &RecentAct| act.sentence + ANAPHORA_REACH >= index);
        if !names_two_actors(local) && (!recent_act || local.is_empty()) {
            continue;
        }
        if read_by_window.binary_search(&index).is_ok() {
            continue;
        }
        let Some(sentence_text) = span.slice(text) else {
            continue;
        };
        lexicon.scan_into(sentence_text, &mut reader.matches);
        reader.analysis.prepare(text, index, span);
        let words: Vec<&str> = reader.analysis.lower_words().collect();
        reader.events.clear();
        if let Some(events) = events {
            events.find(&words, None, &mut reader.events);
        }
        drop(words);
        let has_cue = reader
            .matches
            .iter()
            .any(|found| matches!(found.kind, PatternKind::Cue(_)));
        if !has_cue && reader.events.is_empty() {
            continue;
        }
        reader.analysis.parse(text, local, parser);
        if let Some(events) = events {
            // Again with the tree: patterns are checked against the verb's subtree.
            let words: Vec<&str> = reader.analysis.lower_words().collect();
            let heads = reader.analysis.heads();
            reader.events.clear();
            events.find(&words, Some(&heads), &mut reader.events);
        }
        cues::place_cues(
            &reader.analysis,
            &reader.matches,
            &mut reader.cues,
            &mut reader.modifiers,
        );
        if reader.senses.is_empty() {
            reader.senses = lexicon.senses().to_vec();
        }
        reader.senses.truncate(lexicon.senses().len());
        if let Some(events) = events {
            cues::place_events(
                &reader.analysis,
                events,
                &reader.events,
                &mut reader.cues,
                &mut reader.senses,
            );
        }
        // A cue that is part of a name ("the Peace Palace") states nothing. A pattern's words
        // may lie around a name ("deploying troops to the UN peacekeeping mission"): only its
        // ends and anchor are checked.
        let analysis = &reader.analysis;
        reader.cues.retain(|cue| {
            [cue.first, cue.anchor, cue.last]
                .iter()
                .all(|&at| analysis.token(at).is_some_and(|t| t.mention.is_none()))
        });
        let context = SentenceContext {
            doc_id,
            text,
            index,
            span,
            mentions: local,
        };
        read_sentence(&reader, &context, &mut recent, &mut ties);
    }
    merge_ties(&mut ties);
    ties
}

/// The ties with one piece of evidence each, so that each can be read again on its own
/// sentence.
fn single_evidence(ties: Vec<Tie>) -> Vec<Tie> {
    let mut single = Vec::with_capacity(ties.len());
    for mut tie in ties {
        let mut evidence = std::mem::take(&mut tie.evidence);
        let last = evidence.pop();
        for one in evidence {
            single.push(Tie {
                evidence: vec![one],
                ..tie.clone()
            });
        }
        if let Some(last) = last {
            tie.evidence = vec![last];
            single.push(tie);
        }
    }
    single
}

/// The buffers of the sentence being read, reused from sentence to sentence.
#[derive(Default)]
struct Reader {
    analysis: SentenceAnalysis,
    matches: Vec<LexMatch>,
    cues: Vec<TokenCue>,
    modifiers: Modifiers,
    events: Vec<EventMatch>,
    /// The cue lexicon's senses, then those of this sentence's event-lexicon matches.
    senses: Vec<CueSense>,
}

/// Sorts ties by (source, target, category, mode, negated, hedged) and merges equal keys,
/// concatenating their evidence in document order.
pub fn merge_ties(ties: &mut Vec<Tie>) {
    ties.sort_unstable_by(|x, y| key(x).cmp(&key(y)));
    let mut merged: Vec<Tie> = Vec::with_capacity(ties.len());
    for tie in ties.drain(..) {
        match merged.last_mut() {
            Some(last) if key(last) == key(&tie) => last.evidence.extend(tie.evidence),
            _ => merged.push(tie),
        }
    }
    for tie in &mut merged {
        tie.evidence.sort_by(|x, y| {
            (&x.doc, x.sentence, x.cue_span).cmp(&(&y.doc, y.sentence, y.cue_span))
        });
        tie.evidence.dedup_by(|x, y| {
            x.doc == y.doc && x.sentence == y.sentence && x.cue_span == y.cue_span
        });
    }
    *ties = merged;
}

fn key(tie: &Tie) -> (&str, &str, Category, &str, bool, bool) {
    (
        &tie.source,
        &tie.target,
        tie.category,
        &tie.mode,
        tie.negated,
        tie.hedged,
    )
}

/// Whether the mentions name two different actors (a group reference counts for its members).
fn names_two_actors(mentions: &[ActorMention]) -> bool {
    let mut first: Option<&str> = None;
    for actor in mentions.iter().flat_map(|mention| mention.actors.iter()) {
        match first {
            None => first = Some(actor),
            Some(seen) if seen != actor => return true,
            Some(_) => {}
        }
    }
    false
}

/// Where the sentence being read sits in its document.
struct SentenceContext<'a> {
    doc_id: &'a str,
    text: &'a str,
    index: usize,
    span: Span,
    /// The sentence's mentions, in order.
    mentions: &'a [ActorMention],
}

/// One tie found in a sentence, before evidence is attached.
struct Found<'m> {
    source: &'m str,
    target: String,
    source_mention: &'m ActorMention,
    /// `None` when the target is only implied ("condemned the invasion").
    target_mention: Option<&'m ActorMention>,
}

/// An act stated recently in the document: what "the invasion" or "the demand" refers to.
struct RecentAct {
    sentence: usize,
    cue_start: usize,
    category: Category,
    actor: String,
}

/// How many sentences back "the invasion" may refer.
const ANAPHORA_REACH: usize = 2;
/// How many recent acts are remembered.
const RECENT_LIMIT: usize = 32;

/// The actors of the latest act of `category` within reach of sentence `index`.
/// With no category: the latest act of the same sentence, whatever it was.
fn recent_actors(recent: &[RecentAct], category: Option<Category>, index: usize) -> Vec<String> {
    let reach = if category.is_some() {
        ANAPHORA_REACH
    } else {
        0
    };
    let Some(latest) = recent.iter().rev().find(|act| {
        category.is_none_or(|category| act.category == category) && act.sentence + reach >= index
    }) else {
        return Vec::new();
    };
    let mut actors: Vec<String> = recent
        .iter()
        .filter(|act| {
            act.category == latest.category
                && act.sentence == latest.sentence
                && act.cue_start == latest.cue_start
        })
        .map(|act| act.actor.clone())
        .collect();
    actors.sort();
    actors.dedup();
    actors
}

fn read_sentence(
    reader: &Reader,
    context: &SentenceContext<'_>,
    recent: &mut Vec<RecentAct>,
    ties: &mut Vec<Tie>,
) {
    let analysis = &reader.analysis;
    // The ties written for this sentence are `ties[first_tie..]`: a handful, so looking
    // through them for a repeated key beats hashing the keys.
    let first_tie = ties.len();
    let mut pairs: Vec<Found<'_>> = Vec::new();
    let cue_context = tree::CueContext {
        cues: &reader.cues,
        senses: &reader.senses,
    };
    for cue in &reader.cues {
        let Some(sense) = reader.senses.get(cue.sense) else {
            continue;
        };
        let Some(found) = tree::find_roles(analysis, cue, sense, &cue_context) else {
            continue;
        };
        let negated = scope::is_negated(analysis, cue, &reader.cues, &reader.modifiers);
        let hedged = scope::is_hedged(
            analysis,
            cue,
            &reader.cues,
            &reader.senses,
            &reader.modifiers,
        );
        pairs.clear();
        match found.event {
            Some(event) if found.targets.is_empty() && !found.within => {
                let implied = recent_actors(recent, Some(event), context.index);
                implied_pairs(context.mentions, &found, &implied, &mut pairs);
            }
            _ => collect_pairs(context.mentions, &found, sense.symmetric, &mut pairs),
        }
        if !negated {
            for pair in &pairs {
                recent.push(RecentAct {
                    sentence: context.index,
                    cue_start: cue.span.start,
                    category: sense.category,
                    actor: pair.source.to_owned(),
                });
            }
            if recent.len() > RECENT_LIMIT {
                recent.drain(..recent.len() - RECENT_LIMIT);
            }
        }
        let cue_ties = ties.len();
        let (category, mode) = if found.joint {
            (Category::Cooperate, "joint exercise")
        } else {
            (sense.category, sense.mode.as_str())
        };
        for pair in pairs.drain(..) {
            // One piece of evidence per sentence and tie.
            if ties[first_tie..].iter().any(|tie| {
                tie.source == pair.source
                    && tie.target == pair.target
                    && tie.category == category
                    && tie.mode == mode
                    && tie.negated == negated
                    && tie.hedged == hedged
            }) {
                continue;
            }
            let both = [
                pair.source_mention,
                pair.target_mention.unwrap_or(pair.source_mention),
            ];
            let mentions = if std::ptr::eq(both[0], both[1]) {
                &both[..1]
            } else {
                &both[..]
            };
            let evidence = evidence_for(
                context.doc_id,
                context.text,
                context.index,
                context.span,
                cue.span,
                mentions,
            );
            ties.push(Tie {
                source: pair.source.to_owned(),
                target: pair.target,
                category,
                quad: category.quad(),
                mode: mode.to_owned(),
                negated,
                hedged,
                evidence: vec![evidence],
            });
        }
        for tie in &mut ties[cue_ties..] {
            refine::apply_frame(analysis, cue.anchor, tie);
        }
    }
}

/// Pairs for a cue about an earlier act ("condemned the invasion"): its sources against the
/// actors of that act.
fn implied_pairs<'m>(
    mentions: &'m [ActorMention],
    found: &tree::Roles,
    implied: &[String],
    out: &mut Vec<Found<'m>>,
) {
    for &source_index in &found.sources {
        let Some(source_at) = mentions.get(source_index as usize) else {
            continue;
        };
        for source in &source_at.actors {
            for target in implied {
                if source != target
                    && !out
                        .iter()
                        .any(|pair| pair.source == source && &pair.target == target)
                {
                    out.push(Found {
                        source,
                        target: target.clone(),
                        source_mention: source_at,
                        target_mention: None,
                    });
                }
            }
        }
    }
}

/// Turns mention roles into actor pairs, leaving out self-ties. Symmetric pairs are ordered
/// by which actor the sentence names first.
fn collect_pairs<'m>(
    mentions: &'m [ActorMention],
    found: &tree::Roles,
    symmetric: bool,
    out: &mut Vec<Found<'m>>,
) {
    let mut push = |source_at: &'m ActorMention,
                    source: &'m str,
                    target_at: &'m ActorMention,
                    target: &'m str| {
        if source == target {
            return;
        }
        let swap = symmetric && target_at.span.start < source_at.span.start;
        let (source_at, source, target_at, target) = if swap {
            (target_at, target, source_at, source)
        } else {
            (source_at, source, target_at, target)
        };
        if out
            .iter()
            .any(|pair| pair.source == source && pair.target == target)
        {
            return;
        }
        out.push(Found {
            source,
            target: target.to_owned(),
            source_mention: source_at,
            target_mention: Some(target_at),
        });
    };
    let actors_of = |indices: &[u32]| -> Vec<(&'m ActorMention, &'m str)> {
        indices
            .iter()
            .filter_map(|&index| mentions.get(index as usize))
            .flat_map(|mention| {
                mention
                    .actors
                    .iter()
                    .map(move |actor| (mention, actor.as_str()))
            })
            .collect()
    };
    let sources = actors_of(&found.sources);
    if found.within {
        for (position, &(mention_x, actor_x)) in sources.iter().enumerate() {
            for &(mention_y, actor_y) in &sources[position + 1..] {
                push(mention_x, actor_x, mention_y, actor_y);
            }
        }
    }
    let targets = actors_of(&found.targets);
    for &(source_at, source) in &sources {
        for &(target_at, target) in &targets {
            push(source_at, source, target_at, target);
        }
    }
}
