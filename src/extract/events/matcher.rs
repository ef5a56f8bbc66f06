//! Finding the events of one sentence: verbs with their patterns, then nouns and phrases.
//!
//! Order of precedence, as a reader weighs them: a verb pattern (the longest, most specific
//! one) decides its verb's event and takes its words, so "lifted the sanctions" is a RETREAT
//! and its "sanctions" is no longer a noun cue; then curated nouns and phrases on the words
//! left; then a verb's default code where no noun took its word. A pattern whose code PLOVER
//! does not code ("asked for aid": an appeal) states nothing but still takes its words.

use std::cell::RefCell;

use super::{CueKind, EventLexicon, EventMatch, Flags, Item, Phrase, WordSet};

/// Words after the verb that a pattern may use without a parse.
const WINDOW_AFTER: usize = 8;
/// Words before the verb that a pattern may use without a parse.
const WINDOW_BEFORE: usize = 5;
/// How deep in the verb's subtree a pattern word may sit, with a parse.
const MAX_DEPTH: usize = 3;
/// How far after its preposition the object may start.
const PREP_REACH: usize = 4;

/// Per-thread scratch space, so `find` allocates nothing in steady state.
#[derive(Default)]
struct Scratch {
    ids: Vec<u32>,
    taken: Vec<bool>,
    before: Vec<u32>,
    after: Vec<u32>,
    defaults: Vec<EventMatch>,
    forms: Vec<u32>,
    pattern_words: Vec<u32>,
    /// Words read as the noun of a verb ("suspension", "a halt"): see [`mark_nominals`].
    nominal: Vec<bool>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Words after which a verb form is read as a noun ("the attack", "China 's visit").
fn is_determiner(word: &str) -> bool {
    [
        "a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "those", "'s", "’s",
    ]
    .iter()
    .any(|d| d.eq_ignore_ascii_case(word))
}

fn is_clause_break(word: &str) -> bool {
    matches!(
        word,
        "," | ";" | ":" | "." | "!" | "?" | "(" | ")" | "--" | "—" | "–" | "\"" | "“" | "”"
    )
}

/// A pattern that matched: its score and what it took.
struct Found {
    pattern: u32,
    score: u32,
    /// The farthest matched word from the verb: of two equal patterns the nearer wins.
    distance: u32,
    words: WordSet,
    source_prep: Option<u32>,
    target_prep: Option<u32>,
}

struct Sentence<'a> {
    ids: &'a [u32],
    heads: Option<&'a [Option<u32>]>,
}

/// Whether `word` reaches `root` within `limit` steps up the parse without passing through a
/// noun of a verb: the words of "a suspension of aid" belong to the suspension, not to the
/// verb above it ("announced a suspension of aid").
fn within_own_phrase(
    heads: &[Option<u32>],
    nominal: &[bool],
    word: usize,
    root: usize,
    limit: usize,
) -> bool {
    let mut at = word;
    for _ in 0..limit {
        match heads.get(at).copied().flatten() {
            Some(head) if head as usize == root => return true,
            Some(head) if nominal.get(head as usize).copied().unwrap_or(false) => return false,
            Some(head) => at = head as usize,
            None => return false,
        }
    }
    false
}

impl EventLexicon {
    /// Matches the items of one side in order over the allowed positions.
    fn match_items(
        &self,
        items: &[Item],
        sentence: &Sentence,
        positions: &[u32],
        found: &mut Found,
    ) -> bool {
        let mut cursor = 0;
        for item in items {
            let mut matched = false;
            while cursor < positions.len() {
                let at = positions[cursor] as usize;
                cursor += 1;
                if let Some(end) = self.item_at(item, sentence, at, found) {
                    while cursor < positions.len() && (positions[cursor] as usize) < end {
                        cursor += 1;
                    }
                    matched = true;
                    break;
                }
            }
            if !matched {
                return false;
            }
        }
        true
    }

    /// Matches one item at word `at`; returns one past its last word.
    fn item_at(
        &self,
        item: &Item,
        sentence: &Sentence,
        at: usize,
        found: &mut Found,
    ) -> Option<usize> {
        match item {
            Item::Words(phrase) => {
                let len = self.phrase_len(phrase, sentence.ids, at)?;
                if len == 1 && !self.hangs_from_the_pattern(sentence, at, found) {
                    return None;
                }
                for word in at..at + len {
                    found.words.push(word as u32);
                }
                Some(at + len)
            }
            Item::Group {
                prep,
                object,
                target,
            } => {
                let prep_len = self.phrase_len(prep, sentence.ids, at)?;
                if !self.hangs_from_the_pattern(sentence, at, found) {
                    return None;
                }
                let mut end = at + prep_len;
                if let Some(object) = object {
                    let (start, len) = self.object_after(object, sentence, at, end)?;
                    for word in start..start + len {
                        found.words.push(word as u32);
                    }
                    end = start + len;
                }
                for word in at..at + prep_len {
                    found.words.push(word as u32);
                }
                match target {
                    Some(true) => found.target_prep = Some(at as u32),
                    Some(false) => found.source_prep = Some(at as u32),
                    None => {}
                }
                found.score += 1;
                Some(end)
            }
        }
    }

    /// With a parse, whether a preposition at `at` heads a phrase that hangs from the verb or
    /// from a word the pattern already took: "with" in "drills near the border with Finland"
    /// is the border's, not the drills'. Other words pass.
    fn hangs_from_the_pattern(&self, sentence: &Sentence, at: usize, found: &Found) -> bool {
        let Some(heads) = sentence.heads else {
            return true;
        };
        if !sentence
            .ids
            .get(at)
            .is_some_and(|&id| self.preposition_ids.contains(&id))
        {
            return true;
        }
        let holder = heads
            .get(at)
            .copied()
            .flatten()
            .and_then(|object| heads.get(object as usize).copied().flatten());
        holder.is_some_and(|holder| found.words.as_slice().contains(&holder))
    }

    /// The object of a preposition at `prep`: within a few words after it and, with a parse,
    /// the preposition's head inside it (UD attaches "against" to its noun).
    fn object_after(
        &self,
        object: &Phrase,
        sentence: &Sentence,
        prep: usize,
        from: usize,
    ) -> Option<(usize, usize)> {
        let last = sentence.ids.len().min(from + PREP_REACH);
        (from..last).find_map(|start| {
            let len = self.phrase_len(object, sentence.ids, start)?;
            let attached = sentence.heads.is_none_or(|heads| {
                heads
                    .get(prep)
                    .copied()
                    .flatten()
                    .is_some_and(|h| (start..start + len).contains(&(h as usize)))
            });
            attached.then_some((start, len))
        })
    }

    /// The best pattern of the verb's blocks that matches, if any.
    fn best_pattern(
        &self,
        forms: &[u32],
        sentence: &Sentence,
        verb: (usize, usize),
        scratch: &Scratch,
        passive: bool,
    ) -> Option<Found> {
        let mut best: Option<Found> = None;
        let sides: [&[u32]; 2] = [&scratch.after, &scratch.before];
        for &form_id in forms {
            let form = &self.forms[form_id as usize];
            for side in sides {
                for &position in side {
                    let word = sentence.ids[position as usize];
                    let key = (u64::from(form.block) << 32) | u64::from(word);
                    let Some(candidates) = self.pattern_index.get(&key) else {
                        continue;
                    };
                    for &pattern_id in candidates {
                        let pattern = &self.patterns[pattern_id as usize];
                        if pattern.lemma.is_some_and(|lemma| lemma != form.lemma) {
                            continue;
                        }
                        let Some(found) = self.verify(pattern_id, sentence, verb, scratch, passive)
                        else {
                            continue;
                        };
                        if best.as_ref().is_none_or(|b| {
                            let rank = |f: &Found| {
                                let curated = self.patterns[f.pattern as usize].curated;
                                (f.score, std::cmp::Reverse(f.distance), curated, f.pattern)
                            };
                            rank(&found) > rank(b)
                        }) {
                            best = Some(found);
                        }
                    }
                }
            }
        }
        best
    }

    fn verify(
        &self,
        pattern_id: u32,
        sentence: &Sentence,
        verb: (usize, usize),
        scratch: &Scratch,
        passive: bool,
    ) -> Option<Found> {
        let pattern = &self.patterns[pattern_id as usize];
        let mut found = Found {
            pattern: pattern_id,
            score: 0,
            distance: 0,
            words: WordSet::new(),
            source_prep: None,
            target_prep: None,
        };
        for word in verb.0..verb.1 {
            found.words.push(word as u32);
        }
        if !self.match_items(&pattern.before, sentence, &scratch.before, &mut found) {
            return None;
        }
        let after_ok = self.match_items(&pattern.after, sentence, &scratch.after, &mut found)
            || (passive
                && pattern.before.is_empty()
                && self.match_items(&pattern.after, sentence, &scratch.before, &mut found));
        if !after_ok {
            return None;
        }
        let matched = found.words.as_slice().len() as u32 - (verb.1 - verb.0) as u32;
        found.score += 4 * matched;
        found.distance = found
            .words
            .as_slice()
            .iter()
            .map(|&w| (w as usize).abs_diff(verb.0) as u32)
            .max()
            .unwrap_or(0);
        Some(found)
    }
}

/// Fills the allowed positions before and after the verb at `verb`.
fn positions(words: &[&str], sentence: &Sentence, verb: (usize, usize), scratch: &mut Scratch) {
    scratch.before.clear();
    scratch.after.clear();
    let n = words.len();
    if let Some(heads) = sentence.heads {
        let head = heads.get(verb.0).copied().flatten().map(|h| h as usize);
        for word in 0..n {
            if (verb.0..verb.1).contains(&word) {
                continue;
            }
            let in_subtree = within_own_phrase(heads, &scratch.nominal, word, verb.0, MAX_DEPTH);
            if word > verb.0 && in_subtree {
                scratch.after.push(word as u32);
            } else if word < verb.0
                && (in_subtree
                    || head.is_some_and(|h| {
                        h == word || within_own_phrase(heads, &scratch.nominal, word, h, 2)
                    }))
            {
                scratch.before.push(word as u32);
            }
        }
        return;
    }
    for (word, text) in words.iter().enumerate().skip(verb.1).take(WINDOW_AFTER) {
        if is_clause_break(text) || scratch.nominal.get(word).copied().unwrap_or(false) {
            break;
        }
        scratch.after.push(word as u32);
    }
    let start = verb.0.saturating_sub(WINDOW_BEFORE);
    for word in (start..verb.0).rev() {
        if is_clause_break(words[word]) {
            break;
        }
        scratch.before.push(word as u32);
    }
    scratch.before.reverse();
}

/// Whether the verb at `verb` is a participle after a form of "be" ("were lifted").
fn is_passive(
    lexicon: &EventLexicon,
    words: &[&str],
    ids: &[u32],
    verb: usize,
    participle: bool,
) -> bool {
    participle
        && (verb.saturating_sub(3)..verb)
            .rev()
            .take_while(|&i| !is_clause_break(words[i]))
            .any(|i| lexicon.be_words.contains(&ids[i]))
}

pub(super) fn find(
    lexicon: &EventLexicon,
    words: &[&str],
    heads: Option<&[Option<u32>]>,
    out: &mut Vec<EventMatch>,
) {
    SCRATCH.with(|cell| {
        let Ok(mut scratch) = cell.try_borrow_mut() else {
            // Re-entered from the same thread (cannot happen): fall back to fresh scratch.
            find_with(lexicon, words, heads, out, &mut Scratch::default());
            return;
        };
        find_with(lexicon, words, heads, out, &mut scratch);
    });
}

fn find_with(
    lexicon: &EventLexicon,
    words: &[&str],
    heads: Option<&[Option<u32>]>,
    out: &mut Vec<EventMatch>,
    scratch: &mut Scratch,
) {
    let first_new = out.len();
    let mut ids = std::mem::take(&mut scratch.ids);
    ids.clear();
    ids.extend(words.iter().map(|w| lexicon.word_id(w).unwrap_or(u32::MAX)));
    scratch.taken.clear();
    scratch.taken.resize(words.len(), false);
    scratch.defaults.clear();
    scratch.pattern_words.clear();
    let heads = heads.filter(|h| h.len() == words.len());
    let sentence = Sentence { ids: &ids, heads };

    mark_compound_heads(lexicon, &sentence, scratch);
    mark_nominals(lexicon, words, &ids, scratch);
    let mut forms = std::mem::take(&mut scratch.forms);
    for at in 0..words.len() {
        let id = ids[at];
        let as_noun = at > 0 && is_determiner(words[at - 1]);
        if id == u32::MAX
            || lexicon.starts[id as usize].forms.is_empty()
            || scratch.taken[at]
            || (as_noun && !scratch.nominal[at])
        {
            continue;
        }
        // The longest form starting here (multiword verbs: "call off" over "call"); read as a
        // noun, only the forms that are nouns.
        let mut best_len = 0;
        forms.clear();
        for &form_id in &lexicon.starts[id as usize].forms {
            let form = &lexicon.forms[form_id as usize];
            if as_noun && !form.nominal {
                continue;
            }
            let Some(len) = lexicon.phrase_len(&form.words, &ids, at) else {
                continue;
            };
            if len > best_len {
                best_len = len;
                forms.clear();
            }
            if len == best_len {
                forms.push(form_id);
            }
        }
        if forms.is_empty() {
            continue;
        }
        let verb = (at, at + best_len);
        positions(words, &sentence, verb, scratch);
        let participle = forms.iter().any(|&f| lexicon.forms[f as usize].participle);
        let passive = is_passive(lexicon, words, &ids, at, participle);
        if let Some(found) = lexicon.best_pattern(&forms, &sentence, verb, scratch, passive) {
            for &word in found.words.as_slice() {
                scratch.taken[word as usize] = true;
                scratch.pattern_words.push(word);
            }
            let pattern = &lexicon.patterns[found.pattern as usize];
            let sense = lexicon.sense(pattern.sense);
            if let Some(category) = sense.category {
                out.push(EventMatch {
                    anchor: at as u32,
                    words: found.words,
                    category,
                    sense: pattern.sense,
                    flags: sense.flags.or(pattern.flags),
                    source_prep: found.source_prep,
                    target_prep: found.target_prep,
                    kind: CueKind::Verb,
                });
            }
            continue;
        }
        if scratch.nominal[at] {
            // A noun of a verb states an event only through a pattern ("a halt to aid").
            continue;
        }
        let default = forms.iter().find_map(|&f| lexicon.form_default[f as usize]);
        if let Some(sense_id) = default {
            let sense = lexicon.sense(sense_id);
            if let Some(category) = sense.category {
                let mut taken = WordSet::new();
                for word in verb.0..verb.1 {
                    taken.push(word as u32);
                }
                scratch.defaults.push(EventMatch {
                    anchor: at as u32,
                    words: taken,
                    category,
                    sense: sense_id,
                    flags: sense.flags,
                    source_prep: None,
                    target_prep: None,
                    kind: CueKind::Verb,
                });
            }
        }
    }
    // Compound heads were only blocked for verbs: free them for the noun pass.
    for (at, taken) in scratch.taken.iter_mut().enumerate() {
        *taken = *taken && scratch.pattern_words.contains(&(at as u32));
    }
    find_nouns(lexicon, &sentence, scratch, out);
    for default in scratch.defaults.drain(..) {
        if !scratch.taken[default.anchor as usize] {
            out.push(default);
        }
    }
    out[first_new..].sort_by_key(|m| (m.anchor, m.kind, m.sense));
    scratch.ids = ids;
    scratch.forms = forms;
}

/// Marks the words read as the noun of a verb: a noun-only form anywhere ("suspension"), a
/// nominal form after a determiner ("a halt", "the lifting").
fn mark_nominals(lexicon: &EventLexicon, words: &[&str], ids: &[u32], scratch: &mut Scratch) {
    scratch.nominal.clear();
    scratch.nominal.resize(ids.len(), false);
    for at in 0..ids.len() {
        let Some(start) = lexicon.starts.get(ids[at] as usize) else {
            continue;
        };
        let after_determiner = at > 0 && is_determiner(words[at - 1]);
        scratch.nominal[at] = start.forms.iter().any(|&form_id| {
            let form = &lexicon.forms[form_id as usize];
            form.noun_only || (after_determiner && form.nominal)
        });
    }
}

/// Marks as taken the later words of multiword curated nouns ("missile attack"): a verb form
/// there is the head of a compound noun, not a verb.
fn mark_compound_heads(lexicon: &EventLexicon, sentence: &Sentence, scratch: &mut Scratch) {
    let ids = sentence.ids;
    for at in 0..ids.len() {
        if ids[at] == u32::MAX {
            continue;
        }
        for &noun_id in &lexicon.starts[ids[at] as usize].nouns {
            let noun = &lexicon.nouns[noun_id as usize];
            if noun.phrase_kind {
                continue;
            }
            if let Some(len) = lexicon.phrase_len(&noun.phrase, ids, at) {
                for taken in &mut scratch.taken[at + 1..at + len] {
                    *taken = true;
                }
            }
        }
    }
}

/// Curated nouns and phrases on the words no pattern took, longest first.
fn find_nouns(
    lexicon: &EventLexicon,
    sentence: &Sentence,
    scratch: &mut Scratch,
    out: &mut Vec<EventMatch>,
) {
    let ids = sentence.ids;
    let mut at = 0;
    while at < ids.len() {
        let id = ids[at];
        if id == u32::MAX || scratch.taken[at] {
            at += 1;
            continue;
        }
        let mut best: Option<(usize, u32)> = None;
        for &noun_id in &lexicon.starts[id as usize].nouns {
            let noun = &lexicon.nouns[noun_id as usize];
            let Some(len) = lexicon.phrase_len(&noun.phrase, ids, at) else {
                continue;
            };
            if scratch.taken[at..at + len].iter().any(|&t| t) {
                continue;
            }
            if best.is_none_or(|(l, _)| len > l) {
                best = Some((len, noun_id));
            }
        }
        let Some((len, noun_id)) = best else {
            at += 1;
            continue;
        };
        let noun = &lexicon.nouns[noun_id as usize];
        let sense = lexicon.sense(noun.sense);
        let mut taken = WordSet::new();
        for word in at..at + len {
            taken.push(word as u32);
            scratch.taken[word] = true;
        }
        if let Some(category) = sense.category {
            out.push(EventMatch {
                anchor: (at + (noun.anchor as usize).min(len - 1)) as u32,
                words: taken,
                category,
                sense: noun.sense,
                flags: sense.flags,
                source_prep: None,
                target_prep: None,
                kind: if noun.phrase_kind {
                    CueKind::Phrase
                } else {
                    CueKind::Noun
                },
            });
        }
        at += len;
    }
}

impl Flags {
    /// Whether no flag is set.
    pub fn is_empty(self) -> bool {
        self == Flags::default()
    }
}
