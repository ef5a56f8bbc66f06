//! One analysis per sentence: its words, their tags and dependency tree, and which words are
//! actor mentions, made once and read by ties (and by any other reader that needs grammar).
//!
//! The design decision is a flat, reusable structure: a [`SentenceAnalysis`] owns buffers that
//! are refilled for each sentence (no allocation in steady state), tokens refer to document
//! byte offsets, and the tree is stored as parent links plus a child index, so every query
//! ("the subject of this verb", "the object of `against` under this noun") is a short walk.

mod queries;

use super::ActorMention;
use super::parse::{ParsedWord, Parser, Rel, Upos};
use super::text::{WordToken, tokenize};
use crate::model::Span;

pub use queries::Phrase;

/// One word of an analysed sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the document.
    pub span: Span,
    /// Part of speech.
    pub tag: Upos,
    /// Index of the head word in the sentence; `None` for a root.
    pub head: Option<u32>,
    /// Relation to the head.
    pub rel: Rel,
    /// The mention (index into the sentence's mentions) this word belongs to, if any.
    pub mention: Option<u32>,
}

/// A sentence with its words, tree and mentions.
#[derive(Default)]
pub struct SentenceAnalysis {
    /// Index of the sentence in its document.
    pub index: usize,
    /// Byte range of the sentence in the document.
    pub span: Span,
    /// The words, in order.
    pub tokens: Vec<Token>,
    /// Lower-cased forms of the words, concatenated; `lower_ends[i]` ends word `i`.
    lower: String,
    lower_ends: Vec<u32>,
    /// Children of each word: `children[child_starts[i]..child_starts[i + 1]]`, in order.
    children: Vec<u32>,
    child_starts: Vec<u32>,
    /// Per mention of the sentence: its head word (the one whose head lies outside it).
    mention_heads: Vec<u32>,
    /// Scratch buffers.
    words: Vec<WordToken>,
    parsed: Vec<ParsedWord>,
}

impl SentenceAnalysis {
    /// Tokenizes, tags and parses sentence `index` (document span `span` of `text`), and maps
    /// `mentions` (document offsets, sorted, all inside the sentence) onto its words.
    pub fn analyse(
        &mut self,
        text: &str,
        index: usize,
        span: Span,
        mentions: &[ActorMention],
        parser: &Parser,
    ) {
        self.prepare(text, index, span);
        self.parse(text, mentions, parser);
    }

    /// Tokenizes the sentence only (words and their lower-cased forms, no tree yet): enough
    /// to look for cue words before paying for a parse.
    pub fn prepare(&mut self, text: &str, index: usize, span: Span) {
        let sentence = span.slice(text).unwrap_or_default();
        self.index = index;
        self.span = span;
        tokenize(sentence, &mut self.words);
        self.lower.clear();
        self.lower_ends.clear();
        self.tokens.clear();
        for word in &self.words {
            for ch in word.form(sentence).chars() {
                self.lower.extend(ch.to_lowercase());
            }
            self.lower_ends.push(self.lower.len() as u32);
            self.tokens.push(Token {
                span: Span::new(span.start + word.span.start, span.start + word.span.end),
                tag: Upos::X,
                head: None,
                rel: Rel::Dep,
                mention: None,
            });
        }
        self.children.clear();
        self.child_starts.clear();
        self.mention_heads.clear();
    }

    /// Tags and parses the prepared sentence and maps its `mentions` onto the words.
    pub fn parse(&mut self, text: &str, mentions: &[ActorMention], parser: &Parser) {
        let sentence = self.span.slice(text).unwrap_or_default();
        let mut forms: Vec<&str> = self.words.iter().map(|word| word.form(sentence)).collect();
        if let Some(comma) = self.headline_comma(&forms, mentions) {
            forms[comma] = "and";
        }
        parser.parse(&forms, &mut self.parsed);
        drop(forms);
        for (token, parsed) in self.tokens.iter_mut().zip(&self.parsed) {
            token.tag = parsed.tag;
            token.head = parsed.head;
            token.rel = reader_relation(parsed.rel);
        }
        self.index_tree();
        self.map_mentions(mentions);
    }

    /// A headline's comma that stands for "and" between the actors it opens with ("India,
    /// Pakistan Exchange Fire"): the sentence has no final stop, and names an actor on each
    /// side of its first comma, the first at its start. The parser, trained on prose, reads
    /// such a comma as the end of a clause.
    fn headline_comma(&self, forms: &[&str], mentions: &[ActorMention]) -> Option<usize> {
        let last = forms.last()?;
        if matches!(*last, "." | "!" | "?" | "\"" | "”" | "'" | "’" | ":" | ";") {
            return None;
        }
        let comma = forms.iter().position(|form| *form == ",")?;
        let in_mention = |at: usize| {
            self.tokens.get(at).is_some_and(|token| {
                mentions.iter().any(|mention| {
                    mention.span.start <= token.span.start && token.span.end <= mention.span.end
                })
            })
        };
        let opens_with_actors = comma > 0 && (0..comma).all(in_mention);
        (opens_with_actors && in_mention(comma + 1)).then_some(comma)
    }

    /// The heads of all words, as the event lexicon's matcher takes them.
    pub fn heads(&self) -> Vec<Option<u32>> {
        self.tokens.iter().map(|token| token.head).collect()
    }

    /// Builds an analysis from given words and tree (tests and tools): `words` are
    /// (text, tag, head, rel) with heads 0-based.
    pub fn from_parts(words: &[(&str, Upos, Option<u32>, Rel)], mentions: &[ActorMention]) -> Self {
        let mut analysis = SentenceAnalysis::default();
        let mut at = 0;
        for &(word, tag, head, rel) in words {
            analysis.tokens.push(Token {
                span: Span::new(at, at + word.len()),
                tag,
                head,
                rel: reader_relation(rel),
                mention: None,
            });
            analysis.lower.push_str(&word.to_lowercase());
            analysis.lower_ends.push(analysis.lower.len() as u32);
            at += word.len() + 1;
        }
        analysis.span = Span::new(0, at.saturating_sub(1));
        analysis.index_tree();
        analysis.map_mentions(mentions);
        analysis
    }

    /// How many words the sentence has.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The lower-cased form of word `at` ("" past the end).
    pub fn lower(&self, at: u32) -> &str {
        let at = at as usize;
        let end = self.lower_ends.get(at).copied().unwrap_or(0) as usize;
        let start = match at.checked_sub(1) {
            Some(previous) => self.lower_ends.get(previous).copied().unwrap_or(0) as usize,
            None => 0,
        };
        self.lower.get(start..end).unwrap_or_default()
    }

    /// The lower-cased forms of all words, in order.
    pub fn lower_words(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.tokens.len() as u32).map(|at| self.lower(at))
    }

    /// The children of word `at`, in sentence order.
    pub fn children(&self, at: u32) -> &[u32] {
        let at = at as usize;
        let (Some(&start), Some(&end)) = (self.child_starts.get(at), self.child_starts.get(at + 1))
        else {
            return &[];
        };
        self.children
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// Word `at`, if it exists.
    pub fn token(&self, at: u32) -> Option<&Token> {
        self.tokens.get(at as usize)
    }

    /// The head word of mention `mention` (an index into the sentence's mentions).
    pub fn mention_head(&self, mention: u32) -> Option<u32> {
        self.mention_heads
            .get(mention as usize)
            .copied()
            .filter(|&head| head != u32::MAX)
    }

    /// How many of the sentence's mentions were mapped onto its words.
    pub fn mention_count(&self) -> usize {
        self.mention_heads.len()
    }

    /// The word whose span contains document offset `offset`.
    pub fn token_at(&self, offset: usize) -> Option<u32> {
        let index = self
            .tokens
            .partition_point(|token| token.span.end <= offset);
        let token = self.tokens.get(index)?;
        (token.span.start <= offset).then_some(index as u32)
    }

    /// Fills the child index from the heads.
    fn index_tree(&mut self) {
        let count = self.tokens.len();
        self.child_starts.clear();
        self.child_starts.resize(count + 1, 0);
        for token in &self.tokens {
            if let Some(head) = token.head.filter(|&head| (head as usize) < count) {
                self.child_starts[head as usize + 1] += 1;
            }
        }
        for at in 1..=count {
            self.child_starts[at] += self.child_starts[at - 1];
        }
        self.children.clear();
        self.children.resize(self.child_starts[count] as usize, 0);
        let mut fill: Vec<u32> = self.child_starts[..count].to_vec();
        for (at, token) in self.tokens.iter().enumerate() {
            if let Some(head) = token.head.filter(|&head| (head as usize) < count) {
                let slot = &mut fill[head as usize];
                self.children[*slot as usize] = at as u32;
                *slot += 1;
            }
        }
    }

    /// Marks the words of each mention and finds each mention's head word.
    fn map_mentions(&mut self, mentions: &[ActorMention]) {
        self.mention_heads.clear();
        for (index, mention) in mentions.iter().enumerate() {
            let first = self
                .tokens
                .partition_point(|token| token.span.end <= mention.span.start);
            let mut last = first;
            while last < self.tokens.len() && self.tokens[last].span.start < mention.span.end {
                last += 1;
            }
            if first == last {
                // A mention that no word covers (should not happen): keep the index aligned.
                self.mention_heads.push(u32::MAX);
                continue;
            }
            for token in &mut self.tokens[first..last] {
                token.mention.get_or_insert(index as u32);
            }
            // The head: the first word whose head lies outside the mention.
            let inside = |at: u32| (first..last).contains(&(at as usize));
            let head = (first..last)
                .find(|&at| self.tokens[at].head.is_none_or(|head| !inside(head)))
                .unwrap_or(last - 1);
            self.mention_heads.push(head as u32);
        }
    }
}

/// The relation as the readers ask for it: the universal relation, except for the subtypes
/// that change who does what (passive subjects and auxiliaries, possessors, relative clauses,
/// particles). "obl:agent" stays an oblique introduced by "by", as the readers expect.
fn reader_relation(rel: Rel) -> Rel {
    match rel {
        Rel::NsubjPass
        | Rel::CsubjPass
        | Rel::AuxPass
        | Rel::NmodPoss
        | Rel::AclRelcl
        | Rel::CompoundPrt
        | Rel::OblTmod => rel,
        other => other.universal(),
    }
}
