//! The event lexicon: which words of a sentence state an event, with its PLOVER category, its
//! CAMEO code and how its actors are found.
//!
//! It is generated (`tools/gen_events.py`) from the CAMEO verb pattern dictionary of the
//! PETRARCH coder, mapped to PLOVER by the official table, plus curated event nouns and
//! phrases. Its main design decision: it matches TOKENS, not text. Every word of the asset is
//! interned once into an integer id; a sentence is looked up word by word (one hash lookup of
//! the lower-cased word), verb forms then try only the patterns of their block keyed by a word
//! that actually occurs near them, so the cost of [`EventLexicon::find`] grows with the
//! sentence, not with the 5,000 patterns. With a dependency parse, pattern words must sit in
//! the verb's subtree; without one, in a short window that does not cross clause punctuation.

mod agents;
mod load;
mod matcher;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use super::ExtractError;
use crate::model::Category;

pub use agents::{AgentKind, AgentWords, GroupName};

/// Role flags of a sense or a cue.
// The flags mirror the asset's names one for one; a bit set would only hide them.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// Both sides do it (meet, negotiate, sign an agreement).
    pub symmetric: bool,
    /// The grammatical object is the actor (host, welcome).
    pub reversed: bool,
    /// "from X" names the source ("aid from X", "visit from X").
    pub from_source: bool,
    /// "from X" names the target ("withdrew troops from X").
    pub from_target: bool,
    /// "with X" names the target ("cut ties with X").
    pub with_target: bool,
    /// A country named as a place can be the target (visit, invade, strike, deploy to).
    pub place_target: bool,
    /// Later cues in the clause are only threatened ("threatened to impose sanctions").
    pub hedge_after: bool,
    /// The subject receives ("Kenya received aid from Britain"): it is the target, and "from
    /// X" the source.
    pub recipient_subject: bool,
}

impl Flags {
    fn or(self, other: Flags) -> Flags {
        Flags {
            symmetric: self.symmetric || other.symmetric,
            reversed: self.reversed || other.reversed,
            from_source: self.from_source || other.from_source,
            from_target: self.from_target || other.from_target,
            with_target: self.with_target || other.with_target,
            place_target: self.place_target || other.place_target,
            hedge_after: self.hedge_after || other.hedge_after,
            recipient_subject: self.recipient_subject || other.recipient_subject,
        }
    }
}

/// A CAMEO code with what PLOVER makes of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sense {
    /// The CAMEO code ("0351"), or "-" for curated cues CAMEO has no code for.
    pub cameo: Box<str>,
    /// The PLOVER category; `None` for codes PLOVER does not code (statements, appeals).
    pub category: Option<Category>,
    /// PLOVER's mode ("visit", "restrict"), may be empty.
    pub mode: Box<str>,
    /// PLOVER's context ("economic", "military"), may be empty.
    pub context: Box<str>,
    /// Default role flags of the code.
    pub flags: Flags,
}

impl Sense {
    /// The finer label to show: the mode, else the context.
    pub fn label(&self) -> &str {
        if self.mode.is_empty() {
            &self.context
        } else {
            &self.mode
        }
    }
}

/// What kind of cue matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CueKind {
    /// A verb, with or without one of its patterns.
    Verb,
    /// An event noun or noun phrase ("talks", "missile attack").
    Noun,
    /// A fixed verbal phrase ("took to the streets").
    Phrase,
}

/// The word positions a cue matched, sorted (a small inline set: no allocation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordSet {
    len: u8,
    items: [u32; WordSet::CAPACITY],
}

impl WordSet {
    const CAPACITY: usize = 12;

    fn new() -> Self {
        WordSet {
            len: 0,
            items: [0; Self::CAPACITY],
        }
    }

    fn push(&mut self, word: u32) {
        if (self.len as usize) < Self::CAPACITY && !self.as_slice().contains(&word) {
            self.items[self.len as usize] = word;
            self.len += 1;
            self.items[..self.len as usize].sort_unstable();
        }
    }

    /// The positions, ascending.
    pub fn as_slice(&self) -> &[u32] {
        &self.items[..self.len as usize]
    }
}

/// One event the words of a sentence state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventMatch {
    /// The word that carries the event: the verb, or the head noun of a noun cue.
    pub anchor: u32,
    /// Every word the cue matched (verb and pattern words), sorted.
    pub words: WordSet,
    /// The PLOVER category.
    pub category: Category,
    /// Index of the sense in [`EventLexicon::sense`]: CAMEO code, mode, context.
    pub sense: u16,
    /// Role flags (the code's and the cue's).
    pub flags: Flags,
    /// The position of the preposition whose object is the source ("protests from X").
    pub source_prep: Option<u32>,
    /// The position of the preposition whose object is the target ("lobbied against X").
    pub target_prep: Option<u32>,
    /// Verb, noun or phrase.
    pub kind: CueKind,
}

/// What a scope word does to the cues near it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ModifierKind {
    /// Denies the cue it governs ("refused to", "not", "denied").
    Negator,
    /// Denies only a cue right after it ("no sanctions").
    AdjacentNegator,
    /// Makes the cues after it in the clause uncertain ("may", "potential").
    Hedge,
    /// Its subject shares the act of the actor it names ("echoed").
    Echo,
    /// States nothing; swallows the cues and modifiers it contains ("no limits").
    Neutral,
}

/// One scope phrase found in a sentence: words `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModifierMatch {
    /// What it does.
    pub kind: ModifierKind,
    /// First word.
    pub start: u32,
    /// One past the last word.
    pub end: u32,
}

/// A run of consecutive words; a part is a word id or a synonym set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Phrase(Box<[Part]>);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Part {
    Word(u32),
    Set(u16),
}

/// One element of a pattern side.
#[derive(Clone, Debug)]
pub(crate) enum Item {
    /// Words that must occur (consecutive).
    Words(Phrase),
    /// A prepositional phrase; `target`: Some(true) its object is the target, Some(false) the
    /// source.
    Group {
        prep: Phrase,
        object: Option<Phrase>,
        target: Option<bool>,
    },
}

pub(crate) struct VerbForm {
    words: Phrase,
    lemma: u32,
    block: u32,
    sense: u16,
    participle: bool,
    /// Also a noun after a determiner ("a halt to aid"): then it takes only patterns.
    nominal: bool,
    /// Only a noun ("suspension"): it takes only patterns, after a determiner or not.
    noun_only: bool,
}

pub(crate) struct Pattern {
    block: u32,
    lemma: Option<u32>,
    sense: u16,
    flags: Flags,
    curated: bool,
    before: Box<[Item]>,
    after: Box<[Item]>,
}

pub(crate) struct NounEntry {
    anchor: u32,
    phrase: Phrase,
    sense: u16,
    phrase_kind: bool,
}

/// The event lexicon, with its indexes built. `Sync`: load once, share everywhere.
pub struct EventLexicon {
    words: load::FxMap<Box<[u8]>, u32>,
    senses: Vec<Sense>,
    sets: Vec<Vec<Phrase>>,
    forms: Vec<VerbForm>,
    patterns: Vec<Pattern>,
    nouns: Vec<NounEntry>,
    modifiers: Vec<(ModifierKind, Phrase)>,
    /// Per word id: the forms, nouns and modifiers that start with it, and the sets holding it.
    starts: Vec<Starts>,
    /// (block, key word) -> patterns of the block whose first item starts with that word.
    pattern_index: load::FxMap<u64, Vec<u32>>,
    /// Per form: its default sense after resolving forms listed in several blocks.
    form_default: Vec<Option<u16>>,
    be_words: Vec<u32>,
    /// Prepositions a pattern may name as a word ("drills with"): with a parse, they must
    /// hang from the pattern's own words.
    preposition_ids: Vec<u32>,
}

#[derive(Default, Clone)]
struct Starts {
    forms: Vec<u32>,
    nouns: Vec<u32>,
    modifiers: Vec<u32>,
    modifier_kinds: u8,
}

const BUNDLED: &str = include_str!("../../../assets/events.txt");

/// Longest word the lexicon can hold, in bytes; longer tokens are never cues.
const MAX_WORD: usize = 48;

/// Lower-cases an ASCII-cased word into `buffer`; `None` when it is too long.
fn lower<'a>(word: &str, buffer: &'a mut [u8; MAX_WORD]) -> Option<&'a [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD {
        return None;
    }
    let out = &mut buffer[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    Some(out)
}

impl EventLexicon {
    /// The lexicon compiled into the binary, parsed on first use.
    pub fn bundled() -> Result<&'static EventLexicon, ExtractError> {
        static LEXICON: OnceLock<Result<EventLexicon, String>> = OnceLock::new();
        LEXICON
            .get_or_init(|| EventLexicon::from_source(BUNDLED).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|message| ExtractError::Asset {
                name: "events.txt",
                message: message.clone(),
            })
    }

    /// Parses a lexicon in the format of `assets/events.txt` and builds its indexes.
    pub fn from_source(text: &str) -> Result<EventLexicon, ExtractError> {
        let mut tables = load::parse(text)?;
        let be_words = [
            "is", "are", "was", "were", "be", "been", "being", "got", "get", "gets",
        ]
        .iter()
        .map(|w| tables.word(w))
        .collect();
        let preposition_ids = [
            "with", "to", "against", "on", "from", "for", "into", "at", "over", "in", "upon",
            "toward", "towards",
        ]
        .iter()
        .map(|w| tables.word(w))
        .collect();
        let mut lexicon = EventLexicon {
            starts: vec![Starts::default(); tables.words.len()],
            words: tables.words,
            senses: tables.senses,
            sets: tables.sets,
            forms: tables.forms,
            patterns: tables.patterns,
            nouns: tables.nouns,
            modifiers: tables.modifiers,
            pattern_index: load::FxMap::default(),
            form_default: Vec::new(),
            be_words,
            preposition_ids,
        };
        lexicon.build_indexes();
        Ok(lexicon)
    }

    fn first_words(&self, phrase: &Phrase, out: &mut Vec<u32>) {
        match phrase.0.first() {
            Some(Part::Word(word)) => out.push(*word),
            Some(Part::Set(set)) => {
                for alternative in &self.sets[*set as usize] {
                    self.first_words(alternative, out);
                }
            }
            None => {}
        }
    }

    fn build_indexes(&mut self) {
        let mut firsts = Vec::new();
        for (index, form) in self.forms.iter().enumerate() {
            firsts.clear();
            self.first_words(&form.words, &mut firsts);
            for &word in &firsts {
                self.starts[word as usize].forms.push(index as u32);
            }
        }
        for (index, noun) in self.nouns.iter().enumerate() {
            firsts.clear();
            self.first_words(&noun.phrase, &mut firsts);
            for &word in &firsts {
                self.starts[word as usize].nouns.push(index as u32);
            }
        }
        for (index, (kind, phrase)) in self.modifiers.iter().enumerate() {
            firsts.clear();
            self.first_words(phrase, &mut firsts);
            for &word in &firsts {
                let starts = &mut self.starts[word as usize];
                starts.modifiers.push(index as u32);
                if phrase.0.len() == 1 {
                    starts.modifier_kinds |= 1 << (*kind as u8);
                }
            }
        }
        let mut index: load::FxMap<u64, Vec<u32>> = load::FxMap::default();
        for (id, pattern) in self.patterns.iter().enumerate() {
            let Some(first) = pattern.after.first().or(pattern.before.first()) else {
                continue;
            };
            let phrase = match first {
                Item::Words(phrase) | Item::Group { prep: phrase, .. } => phrase,
            };
            firsts.clear();
            self.first_words(phrase, &mut firsts);
            firsts.sort_unstable();
            firsts.dedup();
            for &word in &firsts {
                let key = (u64::from(pattern.block) << 32) | u64::from(word);
                index.entry(key).or_default().push(id as u32);
            }
        }
        self.pattern_index = index;
        self.form_default = self.resolve_defaults();
    }

    /// A form listed in several blocks states an event by itself only if they all agree.
    fn resolve_defaults(&self) -> Vec<Option<u16>> {
        let mut by_words: std::collections::HashMap<&[Part], Vec<usize>> =
            std::collections::HashMap::new();
        for (index, form) in self.forms.iter().enumerate() {
            by_words.entry(&form.words.0).or_default().push(index);
        }
        let mut defaults = vec![None; self.forms.len()];
        for indices in by_words.values() {
            let first = self.forms[indices[0]].sense;
            let agree = indices.iter().all(|&i| {
                self.senses[self.forms[i].sense as usize].category
                    == self.senses[first as usize].category
            });
            for &i in indices {
                let sense = self.forms[i].sense;
                if agree && self.senses[sense as usize].category.is_some() {
                    defaults[i] = Some(sense);
                }
            }
        }
        defaults
    }

    /// The id of a word of the lexicon, matched case-insensitively.
    fn word_id(&self, word: &str) -> Option<u32> {
        let mut buffer = [0u8; MAX_WORD];
        let key = lower(word, &mut buffer)?;
        self.words.get(key).copied()
    }

    /// The sense (CAMEO code, PLOVER category, mode, context) of a match.
    pub fn sense(&self, id: u16) -> &Sense {
        &self.senses[id as usize]
    }

    /// Whether the word is (the first word of) a verb form of the lexicon, any case.
    pub fn is_verb_form(&self, word: &str) -> bool {
        self.word_id(word)
            .is_some_and(|id| !self.starts[id as usize].forms.is_empty())
    }

    /// How many verb forms, patterns and noun or phrase cues the lexicon holds.
    pub fn counts(&self) -> (usize, usize, usize) {
        (self.forms.len(), self.patterns.len(), self.nouns.len())
    }

    fn single_modifier(&self, word: &str, kind: ModifierKind) -> bool {
        self.word_id(word)
            .is_some_and(|id| self.starts[id as usize].modifier_kinds & (1 << (kind as u8)) != 0)
    }

    /// Whether the single word is a negator ("not", "never", "denied").
    pub fn is_negator(&self, word: &str) -> bool {
        self.single_modifier(word, ModifierKind::Negator)
    }

    /// Whether the single word denies only the cue right after it ("no").
    pub fn is_adjacent_negator(&self, word: &str) -> bool {
        self.single_modifier(word, ModifierKind::AdjacentNegator)
    }

    /// Whether the single word is a hedge ("may", "potential").
    pub fn is_hedge(&self, word: &str) -> bool {
        self.single_modifier(word, ModifierKind::Hedge)
    }

    /// Whether the single word is an echo verb ("echoed").
    pub fn is_echo(&self, word: &str) -> bool {
        self.single_modifier(word, ModifierKind::Echo)
    }

    /// The longest scope phrase (negator, hedge, echo, neutral) starting at word `start`.
    pub fn modifier_at(&self, words: &[&str], start: usize) -> Option<ModifierMatch> {
        let first = self.word_id(words.get(start)?)?;
        let mut best: Option<(usize, ModifierKind)> = None;
        for &index in &self.starts[first as usize].modifiers {
            let (kind, phrase) = &self.modifiers[index as usize];
            if let Some(len) = self.phrase_len_at_words(phrase, words, start)
                && best.is_none_or(|(l, _)| len > l)
            {
                best = Some((len, *kind));
            }
        }
        best.map(|(len, kind)| ModifierMatch {
            kind,
            start: start as u32,
            end: (start + len) as u32,
        })
    }

    /// Every scope phrase of the sentence, left to right, longest first, not overlapping
    /// (so a neutral phrase such as "no limits" hides the "no" inside it).
    pub fn modifiers(&self, words: &[&str], out: &mut Vec<ModifierMatch>) {
        let mut at = 0;
        while at < words.len() {
            if let Some(found) = self.modifier_at(words, at) {
                out.push(found);
                at = found.end as usize;
            } else {
                at += 1;
            }
        }
    }

    /// Matches a phrase against the raw words at `start` (for the scope queries, which run
    /// without the interned ids).
    fn phrase_len_at_words(&self, phrase: &Phrase, words: &[&str], start: usize) -> Option<usize> {
        let mut ids = [u32::MAX; 8];
        let end = words.len().min(start + ids.len());
        for (slot, word) in ids.iter_mut().zip(&words[start..end]) {
            *slot = self.word_id(word).unwrap_or(u32::MAX);
        }
        self.phrase_len(phrase, &ids[..end - start], 0)
    }

    /// The length of `phrase` matched at `start` of the interned sentence `ids`.
    fn phrase_len(&self, phrase: &Phrase, ids: &[u32], start: usize) -> Option<usize> {
        let mut at = start;
        for part in &phrase.0 {
            match part {
                Part::Word(word) => {
                    if ids.get(at) != Some(word) {
                        return None;
                    }
                    at += 1;
                }
                Part::Set(set) => {
                    let best = self.sets[*set as usize]
                        .iter()
                        .filter_map(|alt| self.phrase_len(alt, ids, at))
                        .max()?;
                    at += best;
                }
            }
        }
        Some(at - start)
    }

    /// Every event the words state, appended to `out` sorted by anchor.
    ///
    /// `words` are the sentence's tokens (UD style: "China" "'s", punctuation split), in any
    /// case. `heads[i]` is the 0-based head of word i in a dependency parse (`None` = root);
    /// with `heads` absent, pattern words are looked for in a short window on the pattern's
    /// side that does not cross clause punctuation.
    pub fn find(&self, words: &[&str], heads: Option<&[Option<u32>]>, out: &mut Vec<EventMatch>) {
        matcher::find(self, words, heads, out);
    }
}
