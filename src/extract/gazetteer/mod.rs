//! The gazetteer: actors, their names and how to find them in text.
//!
//! Every surface form of every actor (names, adjectives, capitals and seats, government bodies,
//! office holders) goes into one aho-corasick automaton, leftmost-longest, case-sensitive, with
//! its Title Case and ALL CAPS spellings added as separate patterns. Finding mentions is then one
//! pass over the text; each match is checked in constant time against a few words around it:
//! word boundaries, the spelling variant it matched (ALL CAPS only in all-caps context), the
//! context rules for words that are not always countries ("Atlanta, Georgia", "Michael Jordan",
//! "roast turkey", "Beijing Olympics"), and for office holders the document's date. A rejected
//! match is retried with the shorter patterns that start at the same place, then the search
//! restarts one character later, so a valid name inside a longer rejected one is still found;
//! the cost stays linear because patterns are short.
//!
//! The automaton runs anchored, only where a name can start: at a byte that begins some pattern,
//! right after a character that is not a letter or digit (a match anywhere else fails the word
//! boundary check, so skipping it changes nothing). Most bytes of a text are passed over by a
//! table lookup instead of an automaton step.
//!
//! Case-sensitive patterns are the main design decision: "us", "china" and "turkey" never reach
//! the context checks at all, which keeps the pass fast and the rules few.

mod context;
mod data;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, Match, MatchKind, StartKind,
};

use super::word_table::{self, WordTable};
use super::{ActorMention, DocDate, ExtractError, MentionForm};
use crate::model::{Actor, ActorId, Span};
use context::{NOT_FIRST_NAMES, Neighbours};
use data::{GazetteerFile, PersonForm};

/// Every actor tiemap knows, with the names that refer to it.
///
/// Cheap to clone and to obtain: [`Gazetteer::builtin`] builds the automaton once per process
/// and hands out shared handles.
#[derive(Clone)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

struct Inner {
    /// Sorted by id.
    actors: Vec<Actor>,
    /// Members of each actor (empty for countries), parallel to `actors`, sorted.
    members: Vec<Vec<ActorId>>,
    /// Anchored only: it runs at the places where a name may start.
    automaton: AhoCorasick,
    /// Per byte value: whether some pattern starts with it.
    starts_pattern: [bool; 256],
    /// Per pair of byte values (first * 256 + second), one bit: whether some pattern starts
    /// with the pair (a one-byte pattern with any second byte).
    starts_pattern_pair: Vec<u64>,
    /// What each automaton pattern means, by pattern id.
    patterns: Vec<Pattern>,
    /// Office holders sharing a surface form, by group index.
    person_groups: Vec<Vec<DatedActor>>,
    /// Every office holder's terms as inclusive `yyyymmdd` ranges, one slice per holder.
    terms: Vec<(u32, u32)>,
    contexts: Vec<ContextRule>,
    /// Lower-case token lists (`stock exchange` becomes `["stock", "exchange"]`).
    event_words: Vec<Vec<String>>,
    /// The most tokens in one of `event_words`.
    event_words_max: usize,
    /// The first tokens of `event_words`, packed: most words after a seat are none of them,
    /// and are turned away without comparing each entry. `None` when a token is too long to
    /// pack (then every entry is compared).
    event_first_words: Option<WordTable<()>>,
}

/// One automaton pattern.
#[derive(Clone, Copy)]
struct Pattern {
    target: Target,
    form: MentionForm,
    spelling: Spelling,
    /// Index into `Inner::contexts`.
    context: Option<u16>,
    /// "U.S.": the pattern ends with its own stop, so the next character may be anything.
    ends_with_stop: bool,
}

#[derive(Clone, Copy)]
enum Target {
    /// Index into `Inner::actors`.
    Actor(u16),
    /// Index into `Inner::person_groups`.
    Persons(u32),
    /// A phrase that names nothing ("New Mexico"); it hides the names inside it.
    Blocked,
}

/// How a pattern's spelling relates to the form written in the gazetteer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// As written.
    Written,
    /// First letter capitalised ("the Kremlin" -> "The Kremlin").
    Capitalised,
    /// ALL CAPS ("CHINA"), accepted only in all-caps context.
    AllCaps,
}

/// An office holder (or leader-named body): the actor and the terms.
struct DatedActor {
    actor: u16,
    form: MentionForm,
    /// The holder's terms: a range of `Inner::terms`.
    terms: std::ops::Range<u32>,
}

/// A context rule with its entries split into lower-case tokens.
struct ContextRule {
    /// Each entry's tokens nearest-first (reversed), so they compare with words before a match.
    reject_before: Vec<Vec<String>>,
    reject_after: Vec<Vec<String>>,
    person_name: PersonName,
    need_the: bool,
    no_caps: bool,
    /// How many words before and after a match the rule reads.
    words_before: usize,
    words_after: usize,
}

/// Whether a word is also a person's name, so that capitalised neighbours reject it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PersonName {
    /// Not a name.
    No,
    /// A first name or surname: "Michael Jordan", "Chad Smith".
    FirstOrSurname,
    /// A surname: "Jack London".
    Surname,
}

/// The outcome of checking one automaton match.
enum Verdict {
    Mention(ActorMention),
    /// A blocked phrase: consumes its text, names nothing.
    Blocked,
    Rejected,
}

static BUILTIN: OnceLock<Result<Gazetteer, String>> = OnceLock::new();

impl Gazetteer {
    /// The gazetteer compiled into the binary. The first call parses it and builds the automaton
    /// (see [`Gazetteer::build_builtin`] for the cost); later calls return a shared handle.
    pub fn builtin() -> Result<Gazetteer, ExtractError> {
        BUILTIN
            .get_or_init(|| Gazetteer::build_builtin().map_err(|error| error.to_string()))
            .clone()
            .map_err(|message| ExtractError::Asset {
                name: "gazetteer.ron",
                message,
            })
    }

    /// Parses the built-in gazetteer and builds its automaton from scratch, without the cache
    /// behind [`Gazetteer::builtin`]: for benchmarks of the load time.
    pub fn build_builtin() -> Result<Gazetteer, ExtractError> {
        let file: GazetteerFile =
            ron::from_str(data::BUILTIN_RON).map_err(|error| ExtractError::Asset {
                name: "gazetteer.ron",
                message: error.to_string(),
            })?;
        Gazetteer::from_file(file)
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.index_of(id).map(|index| &self.inner.actors[index])
    }

    /// Every actor, sorted by id.
    pub fn actors(&self) -> &[Actor] {
        &self.inner.actors
    }

    /// The members of a bloc, sorted by id; empty for countries and unknown ids.
    pub fn members(&self, id: &str) -> &[ActorId] {
        self.index_of(id)
            .map_or(&[], |index| self.inner.members[index].as_slice())
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        self.inner
            .actors
            .binary_search_by(|actor| actor.id.as_str().cmp(id))
            .ok()
    }

    /// Every mention of an actor in `text`, sorted by position, non-overlapping (the longest
    /// name wins). `sentences` are the spans of [`super::sentences::split_sentences`]: context
    /// never reaches across a sentence. `date` decides which office holders a name can mean; with
    /// no date, a name is matched when every office holder of that name served the same actor.
    pub fn find_mentions(
        &self,
        text: &str,
        sentences: &[Span],
        date: Option<DocDate>,
    ) -> Vec<ActorMention> {
        let date_range = date.map(date_range);
        let mut mentions = Vec::new();
        let mut cursor = SentenceCursor::new(sentences, text.len());
        let mut position = 0;
        while position < text.len() {
            let Some(found) = self.find_from(text, position) else {
                break;
            };
            let mut span = Span::new(found.start(), found.end());
            let mut pattern = found.pattern().as_usize();
            let sentence = cursor.sentence_at(span.start);
            loop {
                match self.judge(text, span, pattern, sentence, date_range) {
                    Verdict::Mention(mention) => {
                        mentions.push(mention);
                        position = span.end;
                    }
                    Verdict::Blocked => position = span.end,
                    Verdict::Rejected => {
                        // A shorter name at the same place may still stand ("Biden" when "Biden
                        // administration" is out of its dates); else go on one character later.
                        if let Some((shorter, shorter_pattern)) = self.shorter_match(text, span) {
                            span = shorter;
                            pattern = shorter_pattern;
                            continue;
                        }
                        position = next_char_boundary(text, span.start);
                    }
                }
                break;
            }
        }
        mentions
    }

    /// The leftmost-longest match at or after `from` that starts a word: the match an
    /// unanchored search would find first, once the matches that fail the word boundary
    /// before them are left out (they are all rejected).
    fn find_from(&self, text: &str, from: usize) -> Option<Match> {
        let bytes = text.as_bytes();
        let starts_pattern = &self.inner.starts_pattern;
        let mut at = from;
        loop {
            // No pattern starts with a UTF-8 continuation byte, so `at` is a char boundary.
            at += bytes
                .get(at..)?
                .iter()
                .position(|&byte| starts_pattern[usize::from(byte)])?;
            let second = bytes.get(at + 1).copied().unwrap_or(0);
            let pair = usize::from(bytes[at]) << 8 | usize::from(second);
            if self.inner.starts_pattern_pair[pair / 64] & (1 << (pair % 64)) != 0
                && starts_word(text, at)
            {
                let input = Input::new(text).range(at..).anchored(Anchored::Yes);
                if let Some(found) = self.inner.automaton.find(input) {
                    return Some(found);
                }
            }
            at += 1;
        }
    }

    /// The longest pattern starting where `span` starts and ending before it ends.
    fn shorter_match(&self, text: &str, span: Span) -> Option<(Span, usize)> {
        if span.len() <= 1 {
            return None;
        }
        let input = Input::new(text)
            .range(span.start..span.end - 1)
            .anchored(Anchored::Yes);
        let found = self.inner.automaton.find(input)?;
        Some((
            Span::new(found.start(), found.end()),
            found.pattern().as_usize(),
        ))
    }

    /// Whether the nearest word after a seat may be the first of an event's words ("Beijing
    /// Olympics"): compared as [`context::same_word`] does, ignoring ASCII case and a final stop.
    fn may_open_event_words(&self, after: &Neighbours<'_>) -> bool {
        let Some(word) = after.nearest() else {
            return false;
        };
        let Some(first_words) = &self.inner.event_first_words else {
            return true;
        };
        [Some(word), word.strip_suffix('.')]
            .into_iter()
            .flatten()
            .any(|word| {
                word_table::pack(word.as_bytes())
                    .and_then(|key| first_words.get(key))
                    .is_some()
            })
    }

    /// Decides what one automaton match is.
    fn judge(
        &self,
        text: &str,
        span: Span,
        pattern_id: usize,
        sentence: Span,
        date_range: Option<(u32, u32)>,
    ) -> Verdict {
        let inner = &*self.inner;
        let pattern = inner.patterns[pattern_id];
        if !on_word_boundaries(text, span, pattern.ends_with_stop) {
            return Verdict::Rejected;
        }
        let rule = pattern
            .context
            .map(|index| &inner.contexts[usize::from(index)]);
        // Most matches are plain names: read the words around only when a check needs them.
        // Checks need at most a few words; the ALL CAPS check needs the nearest one.
        let caps_words = usize::from(pattern.spelling == Spelling::AllCaps);
        let seat_words = if pattern.form == MentionForm::Seat {
            inner.event_words_max
        } else {
            0
        };
        let wanted_before = rule.map_or(0, |rule| rule.words_before).max(caps_words);
        let wanted_after = rule
            .map_or(0, |rule| rule.words_after)
            .max(caps_words)
            .max(seat_words);
        let before = if wanted_before > 0 {
            context::words_before(
                text,
                sentence.start.min(span.start),
                span.start,
                wanted_before,
            )
        } else {
            Neighbours::default()
        };
        let after = if wanted_after > 0 {
            context::words_after(text, span.end, sentence.end.max(span.end), wanted_after)
        } else {
            Neighbours::default()
        };
        if pattern.spelling == Spelling::AllCaps
            && (rule.is_some_and(|rule| rule.no_caps) || !in_caps_context(&before, &after))
        {
            return Verdict::Rejected;
        }
        if let Some(rule) = rule
            && rule.rejects(text, span, sentence, &before, &after)
        {
            return Verdict::Rejected;
        }
        if pattern.form == MentionForm::Seat
            && self.may_open_event_words(&after)
            && inner
                .event_words
                .iter()
                .any(|tokens| after.start_with(tokens.iter().map(String::as_str)))
        {
            return Verdict::Rejected;
        }
        let (actor, form) = match pattern.target {
            Target::Blocked => return Verdict::Blocked,
            Target::Actor(actor) => (actor, pattern.form),
            Target::Persons(group) => {
                match resolve_person(
                    &inner.person_groups[group as usize],
                    &inner.terms,
                    date_range,
                ) {
                    Some(resolved) => resolved,
                    None => return Verdict::Rejected,
                }
            }
        };
        Verdict::Mention(ActorMention {
            actors: vec![inner.actors[usize::from(actor)].id.clone()],
            span,
            form,
        })
    }

    fn from_file(file: GazetteerFile) -> Result<Gazetteer, ExtractError> {
        let mut builder = PatternSet::default();
        let mut entries: Vec<_> = file.actors.into_iter().collect();
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        let ids: HashMap<String, u16> = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| (entry.id.clone(), index as u16))
            .collect();
        let lookup = |id: &str| {
            ids.get(id).copied().ok_or_else(|| ExtractError::Asset {
                name: "gazetteer.ron",
                message: format!("unknown actor id {id:?}"),
            })
        };
        let mut contexts = Vec::new();
        for entry in &file.contexts {
            let index = contexts.len() as u16;
            for form in &entry.forms {
                builder.context_of.insert(form.clone(), index);
            }
            contexts.push(ContextRule::new(entry));
        }
        let mut actors = Vec::with_capacity(entries.len());
        let mut members = Vec::with_capacity(entries.len());
        for (index, entry) in entries.iter().enumerate() {
            let index = index as u16;
            let forms = [
                (&entry.names, MentionForm::Name),
                (&entry.adjectives, MentionForm::Adjective),
                (&entry.seats, MentionForm::Seat),
                (&entry.bodies, MentionForm::Body),
            ];
            for (surfaces, form) in forms {
                for surface in surfaces {
                    builder.add(surface, Target::Actor(index), form);
                }
            }
            let mut member_ids = Vec::with_capacity(entry.members.len());
            for member in &entry.members {
                lookup(member)?;
                member_ids.push(member.clone());
            }
            member_ids.sort();
            member_ids.dedup();
            members.push(member_ids);
            actors.push(Actor {
                id: entry.id.clone(),
                name: entry.name.clone(),
                kind: entry.kind,
            });
        }
        let mut person_groups: Vec<Vec<DatedActor>> = Vec::new();
        let mut group_of: HashMap<&str, u32> = HashMap::new();
        let mut all_terms: Vec<(u32, u32)> = Vec::new();
        for person in &file.persons {
            let actor = lookup(&person.0)?;
            let form = match person.1 {
                PersonForm::Person => MentionForm::Person,
                PersonForm::Body => MentionForm::Body,
            };
            let terms = person.terms().ok_or_else(|| ExtractError::Asset {
                name: "gazetteer.ron",
                message: format!("malformed terms {:?} of {:?}", person.4, person.3),
            })?;
            let first_term = all_terms.len() as u32;
            all_terms.extend(terms);
            let terms = first_term..all_terms.len() as u32;
            for name in person.names() {
                let group = if let Some(&group) = group_of.get(name) {
                    group
                } else {
                    let group = person_groups.len() as u32;
                    group_of.insert(name, group);
                    person_groups.push(Vec::new());
                    builder.add_spellings(name, Target::Persons(group), form, person.2);
                    group
                };
                person_groups[group as usize].push(DatedActor {
                    actor,
                    form,
                    terms: terms.clone(),
                });
            }
        }
        for block in &file.blocks {
            builder.add(block, Target::Blocked, MentionForm::Name);
        }
        let (strings, patterns) = builder.into_sorted();
        let mut starts_pattern = [false; 256];
        let mut starts_pattern_pair = vec![0u64; 256 * 256 / 64];
        for string in &strings {
            let bytes = string.as_bytes();
            let Some(&first) = bytes.first() else {
                continue;
            };
            starts_pattern[usize::from(first)] = true;
            let seconds = match bytes.get(1) {
                Some(&second) => usize::from(second)..usize::from(second) + 1,
                None => 0..256,
            };
            for second in seconds {
                let pair = usize::from(first) << 8 | second;
                starts_pattern_pair[pair / 64] |= 1 << (pair % 64);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Anchored)
            .build(&strings)
            .map_err(|error| ExtractError::Asset {
                name: "gazetteer.ron",
                message: error.to_string(),
            })?;
        let event_words: Vec<Vec<String>> = file
            .event_words
            .iter()
            .map(|words| words.split_whitespace().map(str::to_lowercase).collect())
            .collect();
        let event_words_max = event_words.iter().map(Vec::len).max().unwrap_or(0);
        let first_words: Vec<(&str, ())> = event_words
            .iter()
            .filter_map(|tokens| Some((tokens.first()?.as_str(), ())))
            .collect();
        let event_first_words = first_words
            .iter()
            .all(|(word, ())| word_table::pack(word.as_bytes()).is_some())
            .then(|| WordTable::new(&first_words));
        Ok(Gazetteer {
            inner: Arc::new(Inner {
                actors,
                members,
                automaton,
                starts_pattern,
                starts_pattern_pair,
                patterns,
                person_groups,
                terms: all_terms,
                contexts,
                event_words,
                event_words_max,
                event_first_words,
            }),
        })
    }
}

/// Collects automaton patterns, each surface once, with its spelling variants.
#[derive(Default)]
struct PatternSet {
    /// Spellings with their meanings, in the order added (first added wins a shared spelling).
    entries: Vec<(String, Pattern)>,
    context_of: HashMap<String, u16>,
}

impl PatternSet {
    /// Adds `surface` as written, Title Case and ALL CAPS; a spelling already taken keeps its
    /// first owner (the generator makes surfaces unique, so this only settles variants).
    fn add(&mut self, surface: &str, target: Target, form: MentionForm) {
        self.add_spellings(surface, target, form, true);
    }

    /// Like [`PatternSet::add`], with the ALL CAPS spelling only if `caps`.
    fn add_spellings(&mut self, surface: &str, target: Target, form: MentionForm, caps: bool) {
        if surface.trim().is_empty() {
            return;
        }
        let context = self.context_of.get(surface).copied();
        let mut push = |text: String, spelling: Spelling| {
            let ends_with_stop = text.ends_with('.');
            let pattern = Pattern {
                target,
                form,
                spelling,
                context,
                ends_with_stop,
            };
            self.entries.push((text, pattern));
        };
        push(surface.to_owned(), Spelling::Written);
        if surface.starts_with(char::is_lowercase) {
            push(capitalise(surface), Spelling::Capitalised);
        }
        if caps && surface.chars().any(char::is_lowercase) {
            push(surface.to_uppercase(), Spelling::AllCaps);
        }
    }
}

impl PatternSet {
    /// The pattern strings in byte order (the automaton builds measurably faster from sorted
    /// input) with their meanings in the same order.
    fn into_sorted(self) -> (Vec<String>, Vec<Pattern>) {
        let mut entries = self.entries;
        // Stable: of several entries with one spelling, the first added comes first and stays.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|later, earlier| later.0 == earlier.0);
        entries.into_iter().unzip()
    }
}

impl ContextRule {
    fn new(entry: &data::ContextEntry) -> ContextRule {
        let tokens = |entry: &String| -> Vec<String> {
            entry.split_whitespace().map(str::to_lowercase).collect()
        };
        let longest = |entries: &[String]| {
            entries
                .iter()
                .map(|entry| entry.split_whitespace().count())
                .max()
                .unwrap_or(0)
        };
        // The name-like check looks one word past the nearest to see if that opens the sentence.
        let words_before = longest(&entry.reject_before)
            .max(if entry.name_like || entry.surname_like {
                2
            } else {
                0
            })
            .max(usize::from(entry.need_the));
        let words_after = longest(&entry.reject_after).max(usize::from(entry.name_like));
        ContextRule {
            reject_before: entry
                .reject_before
                .iter()
                .map(|entry| {
                    let mut words = tokens(entry);
                    words.reverse();
                    words
                })
                .collect(),
            reject_after: entry.reject_after.iter().map(tokens).collect(),
            person_name: if entry.name_like {
                PersonName::FirstOrSurname
            } else if entry.surname_like {
                PersonName::Surname
            } else {
                PersonName::No
            },
            need_the: entry.need_the,
            no_caps: entry.no_caps,
            words_before,
            words_after,
        }
    }

    /// Whether the words around a match show it is not the actor.
    fn rejects(
        &self,
        text: &str,
        span: Span,
        sentence: Span,
        before: &Neighbours<'_>,
        after: &Neighbours<'_>,
    ) -> bool {
        if self.need_the
            && !(before.adjacent
                && before
                    .nearest()
                    .is_some_and(|word| word.eq_ignore_ascii_case("the")))
        {
            return true;
        }
        if self
            .reject_before
            .iter()
            .any(|entry| before.start_with(entry.iter().map(String::as_str)))
            || self
                .reject_after
                .iter()
                .any(|entry| after.start_with(entry.iter().map(String::as_str)))
        {
            return true;
        }
        self.person_name != PersonName::No
            && looks_like_a_persons_name(
                text,
                span,
                sentence,
                before,
                after,
                self.person_name == PersonName::FirstOrSurname,
            )
    }
}

/// "Michael Jordan", "Chad Smith": a capitalised word right before (not opening the sentence,
/// not a preposition or title) or, for first names, right after (outside Title Case headlines).
fn looks_like_a_persons_name(
    text: &str,
    span: Span,
    sentence: Span,
    before: &Neighbours<'_>,
    after: &Neighbours<'_>,
    first_name_too: bool,
) -> bool {
    if let Some(previous) = before.nearest() {
        let opens_sentence = before.words().len() == 1
            && span.start.saturating_sub(sentence.start) <= 64
            && text
                .get(sentence.start..span.start)
                .is_some_and(|head| head.split_whitespace().nth(1).is_none());
        if before.adjacent
            && context::is_capitalised(previous)
            && !opens_sentence
            && !NOT_FIRST_NAMES.contains(&previous)
        {
            return true;
        }
    }
    first_name_too
        && after.nearest().is_some_and(|next| {
            after.adjacent
                && context::is_capitalised(next)
                && !context::is_all_caps(next)
                && !sentence.slice(text).is_some_and(context::is_title_case)
        })
}

/// ALL CAPS spellings count only where the words around are in capitals too (a headline).
fn in_caps_context(before: &Neighbours<'_>, after: &Neighbours<'_>) -> bool {
    [before.nearest(), after.nearest()]
        .into_iter()
        .flatten()
        .filter(|word| word.chars().any(char::is_alphabetic))
        .all(context::is_all_caps)
}

/// The actor an office holder's name means at the document's date: every holder of the name
/// whose term overlaps the date must agree; with no date, every holder of the name must agree.
fn resolve_person(
    group: &[DatedActor],
    terms: &[(u32, u32)],
    date_range: Option<(u32, u32)>,
) -> Option<(u16, MentionForm)> {
    let mut resolved: Option<(u16, MentionForm)> = None;
    for holder in group {
        let serving = date_range.is_none_or(|(from, to)| {
            terms[holder.terms.start as usize..holder.terms.end as usize]
                .iter()
                .any(|&(start, end)| start <= to && end >= from)
        });
        if !serving {
            continue;
        }
        match resolved {
            None => resolved = Some((holder.actor, holder.form)),
            Some((actor, _)) if actor == holder.actor => {}
            Some(_) => return None,
        }
    }
    resolved
}

/// The inclusive `yyyymmdd` range a document date stands for (a whole year or month when that
/// is all that is known).
fn date_range(date: DocDate) -> (u32, u32) {
    let year = date.year.clamp(0, 9999) as u32 * 10_000;
    match (date.month, date.day) {
        (Some(month), Some(day)) => {
            let day = year + u32::from(month) * 100 + u32::from(day);
            (day, day)
        }
        (Some(month), None) => (
            year + u32::from(month) * 100 + 1,
            year + u32::from(month) * 100 + 31,
        ),
        _ => (year + 101, year + 1231),
    }
}

/// Whether the match stands as whole words: no letter or digit touches it on either side.
/// Whether no letter or digit stands right before byte `at` (a char boundary) of `text`.
fn starts_word(text: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|before| text.as_bytes()[before]) {
        None => true,
        Some(byte) if byte.is_ascii() => !byte.is_ascii_alphanumeric(),
        Some(_) => text
            .get(..at)
            .and_then(|head| head.chars().next_back())
            .is_none_or(|ch| !ch.is_alphanumeric()),
    }
}

fn on_word_boundaries(text: &str, span: Span, ends_with_stop: bool) -> bool {
    let before_ok = text[..span.start]
        .chars()
        .next_back()
        .is_none_or(|ch| !ch.is_alphanumeric());
    let after_ok = ends_with_stop
        || text[span.end..]
            .chars()
            .next()
            .is_none_or(|ch| !ch.is_alphanumeric());
    before_ok && after_ok
}

fn capitalise(surface: &str) -> String {
    let mut chars = surface.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The char boundary just after the char starting at `index`.
fn next_char_boundary(text: &str, index: usize) -> usize {
    text[index..]
        .chars()
        .next()
        .map_or(text.len(), |ch| index + ch.len_utf8())
}

/// Walks the sentence spans alongside increasing match positions.
struct SentenceCursor<'s> {
    sentences: &'s [Span],
    next: usize,
    text_len: usize,
}

impl<'s> SentenceCursor<'s> {
    fn new(sentences: &'s [Span], text_len: usize) -> Self {
        SentenceCursor {
            sentences,
            next: 0,
            text_len,
        }
    }

    /// The sentence containing `position`, or the gap between sentences (positions only grow).
    fn sentence_at(&mut self, position: usize) -> Span {
        while self.next < self.sentences.len() && self.sentences[self.next].end <= position {
            self.next += 1;
        }
        let previous_end = self
            .next
            .checked_sub(1)
            .map_or(0, |index| self.sentences[index].end);
        match self.sentences.get(self.next) {
            Some(sentence) if sentence.start <= position => *sentence,
            Some(sentence) => Span::new(previous_end, sentence.start),
            None => Span::new(previous_end, self.text_len),
        }
    }
}
