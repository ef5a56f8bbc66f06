//! The window reader: ties from cue words and a bounded walk over the words around them
//! (subject before the verb, object after it, role prepositions, possessives), with no parse.
//!
//! It was the whole tie reader before the tree reader ([`super::tree`]); it stays beside it
//! because on the text it was built for it still finds what the tree reader misses while the
//! trained parser slips on headlines and article-less subjects. The two readers' ties are
//! merged, so each only adds.

mod roles;
mod scope;
mod sentence;
mod tokens;

use crate::extract::{ActorMention, Lexicon, evidence_for};
use crate::model::{Category, Span, Tie};
use sentence::Sentence;

/// The ties stated in `text`, sorted and merged (see [`merge_ties`]).
///
/// `sentences` are the document's sentence spans in order; `mentions` its actor mentions
/// (document offsets; sorted by position, as the pipeline gives them).
pub(super) fn extract_window_ties(
    doc_id: &str,
    text: &str,
    sentences: &[Span],
    mentions: &[ActorMention],
    lexicon: &Lexicon,
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
    let mut ties = Vec::new();
    let mut recent = Vec::new();
    let mut sentence = Sentence::kept();
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
        if !names_two_actors_window(local) && (!recent_act || local.is_empty()) {
            continue;
        }
        let Some(sentence_text) = span.slice(text) else {
            continue;
        };
        if !sentence.prepare(sentence_text, span.start, local, lexicon) {
            continue;
        }
        let context = SentenceContext {
            doc_id,
            text,
            index,
            span,
        };
        read_sentence(&sentence, &context, lexicon, &mut recent, &mut ties);
    }
    sentence.keep();
    ties
}

/// Whether the mentions name two different actors (a group reference counts for its members).
pub(super) fn names_two_actors_window(mentions: &[ActorMention]) -> bool {
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
    sentence: &Sentence<'_>,
    context: &SentenceContext<'_>,
    lexicon: &Lexicon,
    recent: &mut Vec<RecentAct>,
    ties: &mut Vec<Tie>,
) {
    // The ties written for this sentence are `ties[first_tie..]`: a handful, so looking
    // through them for a repeated key beats hashing the keys.
    let first_tie = ties.len();
    let mut pairs: Vec<Found<'_>> = Vec::new();
    for (cue_index, cue) in sentence.cues.iter().enumerate() {
        let Some(sense) = lexicon.senses().get(cue.sense) else {
            continue;
        };
        let Some(found) = roles::find_roles(sentence, cue, sense, lexicon.senses()) else {
            continue;
        };
        let negated = scope::is_negated(sentence, cue_index);
        let hedged = scope::is_hedged(sentence, cue_index, lexicon);
        pairs.clear();
        match found.event {
            Some(event) if found.targets.is_empty() && !found.within => {
                let implied = recent_actors(recent, Some(event), context.index);
                implied_pairs(sentence, &found, &implied, &mut pairs);
            }
            None if found.reaction && found.targets.is_empty() => {
                let implied = recent_actors(recent, None, context.index);
                implied_pairs(sentence, &found, &implied, &mut pairs);
            }
            _ => collect_pairs(sentence, &found, sense.symmetric, &mut pairs),
        }
        if !negated {
            for pair in &pairs {
                recent.push(RecentAct {
                    sentence: context.index,
                    cue_start: cue.start,
                    category: sense.category,
                    actor: pair.source.to_owned(),
                });
            }
            if recent.len() > RECENT_LIMIT {
                recent.drain(..recent.len() - RECENT_LIMIT);
            }
        }
        for pair in pairs.drain(..) {
            // One piece of evidence per sentence and tie.
            let mode = sense.mode.as_str();
            if ties[first_tie..].iter().any(|tie| {
                tie.source == pair.source
                    && tie.target == pair.target
                    && tie.category == sense.category
                    && tie.mode == mode
                    && tie.negated == negated
                    && tie.hedged == hedged
            }) {
                continue;
            }
            let cue_span = Span::new(context.span.start + cue.start, context.span.start + cue.end);
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
                cue_span,
                mentions,
            );
            ties.push(Tie {
                source: pair.source.to_owned(),
                target: pair.target,
                category: sense.category,
                quad: sense.category.quad(),
                mode: sense.mode.clone(),
                negated,
                hedged,
                evidence: vec![evidence],
            });
        }
    }
}

/// Pairs for a cue about an earlier act ("condemned the invasion"): its sources against the
/// actors of that act.
fn implied_pairs<'m>(
    sentence: &Sentence<'m>,
    found: &roles::Roles,
    implied: &[String],
    out: &mut Vec<Found<'m>>,
) {
    for &source_slot in &found.sources {
        let Some(source_at) = sentence.slots.get(source_slot) else {
            continue;
        };
        for source in &source_at.mention.actors {
            for target in implied {
                if source != target
                    && !out
                        .iter()
                        .any(|pair| pair.source == source && &pair.target == target)
                {
                    out.push(Found {
                        source,
                        target: target.clone(),
                        source_mention: source_at.mention,
                        target_mention: None,
                    });
                }
            }
        }
    }
}

/// Turns slot roles into actor pairs, leaving out self-ties. Symmetric pairs are ordered by
/// which actor the sentence names first.
fn collect_pairs<'m>(
    sentence: &Sentence<'m>,
    found: &roles::Roles,
    symmetric: bool,
    out: &mut Vec<Found<'m>>,
) {
    let mut push = |source_slot: usize, source: &'m str, target_slot: usize, target: &'m str| {
        if source == target {
            return;
        }
        let (Some(source_at), Some(target_at)) = (
            sentence.slots.get(source_slot),
            sentence.slots.get(target_slot),
        ) else {
            return;
        };
        let swap = symmetric && target_at.first < source_at.first;
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
            source_mention: source_at.mention,
            target_mention: Some(target_at.mention),
        });
    };
    if found.within {
        let members: Vec<(usize, &'m str)> = found
            .sources
            .iter()
            .filter_map(|&slot| Some((slot, sentence.slots.get(slot)?)))
            .flat_map(|(slot, at)| {
                at.mention
                    .actors
                    .iter()
                    .map(move |actor| (slot, actor.as_str()))
            })
            .collect();
        for (position, &(slot_x, actor_x)) in members.iter().enumerate() {
            for &(slot_y, actor_y) in &members[position + 1..] {
                push(slot_x, actor_x, slot_y, actor_y);
            }
        }
        return;
    }
    for &source_slot in &found.sources {
        let Some(source_at) = sentence.slots.get(source_slot) else {
            continue;
        };
        for &target_slot in &found.targets {
            let Some(target_at) = sentence.slots.get(target_slot) else {
                continue;
            };
            for source in &source_at.mention.actors {
                for target in &target_at.mention.actors {
                    push(source_slot, source, target_slot, target);
                }
            }
        }
    }
}
