//! Grammar questions asked of an analysed sentence: the subject, object, passive agent,
//! possessor, oblique "against/on/with/to", conjuncts and negation of a word.
//!
//! Each query is a look at a word's children (or a bounded walk up its heads), so readers can
//! ask as many as they like per cue. Walks are bounded by the sentence length, so a malformed
//! tree (a cycle) can never loop.

use super::SentenceAnalysis;
use crate::extract::parse::{Rel, Upos};

/// What part of a noun phrase a mention sits in, seen from the phrase's head word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phrase {
    /// The mention is the phrase's head ("China", "the United States").
    Head,
    /// A modifier of the head: adjective, compound, possessor, apposition, flat name part
    /// ("Chinese troops", "U.S. aid", "China's president").
    Modifier,
    /// Inside a prepositional modifier of the head ("the government of France", "troops in
    /// Syria"); carries the preposition.
    Nested,
}

impl SentenceAnalysis {
    /// The relation of word `at` (`Dep` past the end).
    pub fn rel(&self, at: u32) -> Rel {
        self.token(at).map_or(Rel::Dep, |token| token.rel)
    }

    /// The part of speech of word `at` (`X` past the end).
    pub fn tag(&self, at: u32) -> Upos {
        self.token(at).map_or(Upos::X, |token| token.tag)
    }

    /// The head of word `at`.
    pub fn head(&self, at: u32) -> Option<u32> {
        self.token(at).and_then(|token| token.head)
    }

    /// The first child of `at` with relation `rel`.
    pub fn child(&self, at: u32, rel: Rel) -> Option<u32> {
        self.children(at)
            .iter()
            .copied()
            .find(|&child| self.rel(child) == rel)
    }

    /// The active subject of `at` (nominal or clausal).
    pub fn subject(&self, at: u32) -> Option<u32> {
        self.child(at, Rel::Nsubj)
            .or_else(|| self.child(at, Rel::Csubj))
    }

    /// The passive subject of `at` ("Ukraine was invaded").
    pub fn passive_subject(&self, at: u32) -> Option<u32> {
        self.child(at, Rel::NsubjPass)
            .or_else(|| self.child(at, Rel::CsubjPass))
    }

    /// Whether `at` is a passive verb.
    pub fn is_passive(&self, at: u32) -> bool {
        self.children(at).iter().any(|&child| {
            matches!(
                self.rel(child),
                Rel::NsubjPass | Rel::AuxPass | Rel::CsubjPass
            )
        })
    }

    /// The direct object of `at`.
    pub fn object(&self, at: u32) -> Option<u32> {
        self.child(at, Rel::Obj)
    }

    /// The indirect object of `at` ("gave Kenya a grant").
    pub fn indirect_object(&self, at: u32) -> Option<u32> {
        self.child(at, Rel::Iobj)
    }

    /// The preposition that introduces word `at` (its first `case` child), lower-cased.
    pub fn preposition(&self, at: u32) -> Option<&str> {
        let case = self.child(at, Rel::Case)?;
        let word = self.lower(case);
        // "'s" is the possessive's case marker, not a preposition.
        (word != "'s" && word != "'").then_some(word)
    }

    /// The oblique or nominal modifier of `at` introduced by `prep` ("against X", "with X").
    pub fn obl(&self, at: u32, prep: &str) -> Option<u32> {
        self.children(at).iter().copied().find(|&child| {
            matches!(
                self.rel(child),
                Rel::Obl | Rel::Nmod | Rel::Advcl | Rel::Acl
            ) && self.preposition(child) == Some(prep)
        })
    }

    /// The agent of a passive `at` ("invaded by Russia").
    pub fn agent(&self, at: u32) -> Option<u32> {
        if !self.is_passive(at) && !matches!(self.tag(at), Upos::NOUN | Upos::PROPN) {
            return None;
        }
        self.obl(at, "by")
    }

    /// The possessor of `at` ("China's" in "China's president").
    pub fn possessor(&self, at: u32) -> Option<u32> {
        self.child(at, Rel::NmodPoss)
    }

    /// `at` and the words coordinated with it ("France, Germany and Italy"), in order.
    pub fn conjuncts(&self, at: u32) -> Vec<u32> {
        let mut out = vec![at];
        let mut next = 0;
        while next < out.len() && out.len() <= self.len() {
            let word = out[next];
            next += 1;
            for &child in self.children(word) {
                if self.rel(child) == Rel::Conj && !out.contains(&child) {
                    out.push(child);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The first conjunct of the coordination `at` belongs to (`at` itself if none).
    pub fn first_conjunct(&self, at: u32) -> u32 {
        let mut word = at;
        for _ in 0..self.len() {
            match self.head(word) {
                Some(head) if self.rel(word) == Rel::Conj => word = head,
                _ => break,
            }
        }
        word
    }

    /// Whether `at` is denied by a word of its own: "not", "n't", "never", "no" before a
    /// noun ("no agreement"), or "without" before a clause ("without backing sanctions").
    pub fn negated(&self, at: u32) -> bool {
        self.children(at).iter().any(|&child| {
            let word = self.lower(child);
            (matches!(self.rel(child), Rel::Advmod | Rel::Det | Rel::Dep)
                && matches!(word, "not" | "n't" | "never" | "no" | "neither" | "nor"))
                || (self.rel(child) == Rel::Mark && word == "without")
        })
    }

    /// The chain of heads above `at`, nearest first (bounded by the sentence length).
    pub fn ancestors(&self, at: u32) -> impl Iterator<Item = u32> + '_ {
        let mut word = at;
        let mut steps = 0;
        std::iter::from_fn(move || {
            if steps >= self.len() {
                return None;
            }
            steps += 1;
            let head = self.head(word)?;
            word = head;
            Some(head)
        })
    }

    /// Whether `inner` lies in the subtree of `outer` (or is `outer`).
    pub fn dominates(&self, outer: u32, inner: u32) -> bool {
        inner == outer || self.ancestors(inner).any(|word| word == outer)
    }

    /// The mentions inside the noun phrase headed by `at`, with where each sits, following
    /// modifiers (adjectives, compounds, possessors, appositions, flat names, conjuncts) and,
    /// when `nested_depth > 0`, prepositional modifiers down to that depth. Appends
    /// (mention index, place, the preposition word of a nested one) to `out`.
    pub fn phrase_mentions(
        &self,
        at: u32,
        nested_depth: u32,
        out: &mut Vec<(u32, Phrase, Option<u32>)>,
    ) {
        self.phrase_walk(at, Phrase::Head, nested_depth, None, 0, out);
    }

    fn phrase_walk(
        &self,
        at: u32,
        place: Phrase,
        nested_depth: u32,
        prep: Option<u32>,
        steps: usize,
        out: &mut Vec<(u32, Phrase, Option<u32>)>,
    ) {
        if steps > 64 {
            return;
        }
        let own_mention = self.token(at).and_then(|token| token.mention);
        if let Some(mention) = own_mention
            && !out.iter().any(|&(seen, _, _)| seen == mention)
        {
            out.push((mention, place, prep));
        }
        for &child in self.children(at) {
            let rel = self.rel(child);
            let child_place = match rel {
                Rel::Conj => place,
                Rel::Amod
                | Rel::Compound
                | Rel::NmodPoss
                | Rel::Appos
                | Rel::Flat
                | Rel::Nummod => {
                    if place == Phrase::Nested {
                        Phrase::Nested
                    } else if place == Phrase::Head
                        && own_mention.is_some()
                        && self.token(child).and_then(|token| token.mention) == own_mention
                    {
                        Phrase::Head
                    } else {
                        Phrase::Modifier
                    }
                }
                Rel::Nmod | Rel::Acl if nested_depth > 0 => {
                    let child_prep = self.child(child, Rel::Case);
                    self.phrase_walk(
                        child,
                        Phrase::Nested,
                        nested_depth - 1,
                        child_prep,
                        steps + 1,
                        out,
                    );
                    continue;
                }
                _ => continue,
            };
            self.phrase_walk(child, child_place, nested_depth, prep, steps + 1, out);
        }
    }
}
