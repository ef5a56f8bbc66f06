//! The pair of a figure read from the words near its amount, for sentences the parser did not
//! read: all of the window's actors when there are at most two, else a "between X and Y" or
//! "X ... with Y" construction, else the two named nearest the amount.

use super::distance;
use crate::extract::ActorMention;
use crate::model::{ActorId, Span};

/// The figure's actors, sorted: all of the window's when there are at most two, else the pair
/// of a "between X and Y" or "X ... with Y" construction, else the two named nearest the amount.
pub(super) fn nearby_actors(
    text: &str,
    window: Span,
    mentions: &[&ActorMention],
    money: Span,
) -> Vec<ActorId> {
    let mut distinct: Vec<&ActorId> = Vec::new();
    for mention in mentions {
        for actor in &mention.actors {
            if !distinct.contains(&actor) {
                distinct.push(actor);
            }
        }
    }
    let mut chosen: Vec<ActorId> = if distinct.len() <= 2 {
        distinct.into_iter().cloned().collect()
    } else if let Some(pair) = between_pair(text, window, mentions) {
        pair
    } else if let Some(pair) = with_pair(text, mentions, money) {
        pair
    } else {
        nearest_pair(mentions, money)
    };
    chosen.sort();
    chosen.dedup();
    chosen
}

/// Whether the text right before `span` ends with `words` (ASCII, lower case), in any case.
fn ends_right_before(text: &str, span: Span, words: &[u8]) -> bool {
    text.as_bytes()
        .get(..span.start)
        .and_then(|head| head.get(head.len().checked_sub(words.len())?..))
        .is_some_and(|tail| tail.eq_ignore_ascii_case(words))
}

/// Where `words` (ASCII, lower case) first stands in `window` of `text`, in any case.
fn find_in(text: &str, window: Span, words: &[u8]) -> Option<usize> {
    let haystack = text.as_bytes().get(window.start..window.end)?;
    let first = words.first()?;
    memchr::memchr2_iter(*first, first.to_ascii_uppercase(), haystack)
        .find(|&at| {
            haystack
                .get(at..at + words.len())
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(words))
        })
        .map(|at| window.start + at)
}

/// "between X and Y": the first two actors after "between".
fn between_pair(text: &str, window: Span, mentions: &[&ActorMention]) -> Option<Vec<ActorId>> {
    let at = find_in(text, window, b"between ")?;
    let mut pair: Vec<ActorId> = Vec::new();
    for mention in mentions.iter().filter(|mention| mention.span.start > at) {
        for actor in &mention.actors {
            if !pair.contains(actor) {
                pair.push(actor.clone());
            }
        }
        if pair.len() >= 2 {
            pair.truncate(2);
            return Some(pair);
        }
    }
    None
}

/// "X's trade with Y", "X ... with Y": the actor after the "with" nearest the amount, and the
/// first other actor of the window (the subject).
fn with_pair(text: &str, mentions: &[&ActorMention], money: Span) -> Option<Vec<ActorId>> {
    let partner = mentions
        .iter()
        .filter(|mention| {
            ends_right_before(text, mention.span, b"with ")
                || ends_right_before(text, mention.span, b"with the ")
        })
        .min_by_key(|mention| distance(mention.span, money))?;
    let partner_actor = partner.actors.first()?;
    // The subject: the actor named nearest before the partner ("Turkey grew its trade with
    // Russia", not the "US" of "Unlike the US, ..."), else the first named after it.
    let others = || {
        mentions
            .iter()
            .filter(|mention| !mention.actors.contains(partner_actor))
    };
    let subject = others()
        .rfind(|mention| mention.span.start < partner.span.start)
        .or_else(|| others().next())?
        .actors
        .first()?;
    Some(vec![subject.clone(), partner_actor.clone()])
}

/// The two distinct actors named nearest the amount.
fn nearest_pair(mentions: &[&ActorMention], money: Span) -> Vec<ActorId> {
    let mut by_distance: Vec<&&ActorMention> = mentions.iter().collect();
    by_distance.sort_by_key(|mention| (distance(mention.span, money), mention.span.start));
    let mut pair: Vec<ActorId> = Vec::new();
    for mention in by_distance {
        for actor in &mention.actors {
            if pair.len() < 2 && !pair.contains(actor) {
                pair.push(actor.clone());
            }
        }
    }
    pair
}
