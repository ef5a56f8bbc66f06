//! Part-of-speech tagging and dependency parsing of English sentences, in pure Rust.
//!
//! Three averaged-perceptron classifiers, trained on UD English Web Treebank by
//! `tools/train_parser.rs` and bundled as `assets/parser.bin`:
//! 1. [`tagger`] gives each word its UPOS tag, greedily left to right;
//! 2. [`parser`] builds the unlabelled tree with greedy arc-hybrid transitions (trained with a
//!    dynamic oracle and exploration);
//! 3. [`labeler`] names each arc with its UD relation, seeing the whole tree.
//!
//! Input is one sentence as words in UD tokenization ("China" "'s", "do" "n't", punctuation
//! split off). Every step is linear in the words; a sentence longer than [`MAX_WORDS`] is
//! tagged whole but parsed in windows cut after punctuation near the limit, each window's roots
//! being roots of the whole. Parsing allocates nothing once its scratch buffers have grown:
//! [`Parser::parse`] keeps them in a thread-local [`ParseScratch`], [`Parser::parse_with`]
//! takes one from the caller. The [`Parser`] itself is immutable, so one is shared by threads.

pub mod conllu;
mod features;
mod labeler;
mod labels;
mod model_file;
mod parser;
mod tagger;
pub mod train;
mod weights;

use std::cell::RefCell;
use std::sync::OnceLock;

use features::{CaseMode, WordInfo};
use labeler::Tree;
use parser::{NONE, State};
use weights::Weights;

pub use labels::{Rel, Upos};
pub use model_file::ParseModelError;

use super::ExtractError;

/// Longest stretch of words parsed as one tree; longer sentences are parsed in windows.
pub const MAX_WORDS: usize = 150;

/// The bundled model file.
const BUNDLED: &[u8] = include_bytes!("../../../assets/parser.bin");

/// One parsed word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedWord {
    /// Its part of speech.
    pub tag: Upos,
    /// 0-based index of its head word; `None` for a root.
    pub head: Option<u32>,
    /// Its relation to the head ([`Rel::Root`] for a root).
    pub rel: Rel,
}

/// The tagger's, parser's and labeler's weights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parser {
    tagger: Weights,
    /// The transition classifier.
    transitions: Weights,
    labeler: Weights,
    /// Word (lower-cased) -> the tags it had in training.
    lexicon: Weights,
}

/// Buffers [`Parser::parse_with`] reuses from sentence to sentence.
#[derive(Clone, Debug, Default)]
pub struct ParseScratch {
    lower: String,
    infos: Vec<WordInfo>,
    tags: Vec<Upos>,
    keys: Vec<u32>,
    state: State,
    heads: Vec<u32>,
    window_heads: Vec<u32>,
    tree: Tree,
    labels: Vec<Option<Rel>>,
}

thread_local! {
    static SCRATCH: RefCell<ParseScratch> = RefCell::new(ParseScratch::default());
}

impl Parser {
    /// The bundled model, decoded on first use.
    pub fn bundled() -> Result<&'static Parser, ExtractError> {
        static MODEL: OnceLock<Result<Parser, ParseModelError>> = OnceLock::new();
        MODEL
            .get_or_init(|| Parser::from_bytes(BUNDLED))
            .as_ref()
            .map_err(|error| ExtractError::Asset {
                name: "parser.bin",
                message: error.to_string(),
            })
    }

    /// Decodes a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ParseModelError> {
        let mut tables = model_file::decode(bytes)?.into_iter();
        let (Some(tagger), Some(transitions), Some(labeler), Some(lexicon), None) = (
            tables.next(),
            tables.next(),
            tables.next(),
            tables.next(),
            tables.next(),
        ) else {
            return Err(ParseModelError::Malformed("expected four tables"));
        };
        if tagger.classes() != Upos::COUNT
            || transitions.classes() != parser::MOVES
            || labeler.classes() != Rel::COUNT
            || lexicon.classes() != Upos::COUNT
        {
            return Err(ParseModelError::Malformed("class counts do not match"));
        }
        Ok(Parser {
            tagger,
            transitions,
            labeler,
            lexicon,
        })
    }

    /// Encodes the model as a model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        model_file::encode(&[
            &self.tagger,
            &self.transitions,
            &self.labeler,
            &self.lexicon,
        ])
    }

    /// Number of rows in the tagger, parser, labeler and lexicon tables.
    pub fn sizes(&self) -> [usize; 4] {
        [
            self.tagger.len(),
            self.transitions.len(),
            self.labeler.len(),
            self.lexicon.len(),
        ]
    }

    /// Tags and parses one sentence given as words; `out` is cleared and gets one entry per word.
    /// Uses a thread-local [`ParseScratch`].
    pub fn parse(&self, words: &[&str], out: &mut Vec<ParsedWord>) {
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => self.parse_with(words, &mut scratch, out),
            // Re-entered from inside a parse on this thread: use fresh buffers.
            Err(_) => self.parse_with(words, &mut ParseScratch::default(), out),
        });
    }

    /// [`Parser::parse`] with the caller's scratch buffers.
    pub fn parse_with(
        &self,
        words: &[&str],
        scratch: &mut ParseScratch,
        out: &mut Vec<ParsedWord>,
    ) {
        out.clear();
        self.tag_with(words, scratch);
        let ParseScratch {
            infos,
            tags,
            keys,
            state,
            heads,
            window_heads,
            tree,
            labels,
            ..
        } = scratch;
        heads.clear();
        let mut start = 0;
        while start < words.len() {
            let end = window_end(tags, start);
            parser::parse(
                &self.transitions,
                &infos[start..end],
                &tags[start..end],
                state,
                keys,
                window_heads,
            );
            heads.extend(
                window_heads
                    .iter()
                    .map(|&h| if h == NONE { NONE } else { h + start as u32 }),
            );
            start = end;
        }
        tree.build(heads);
        labeler::label(&self.labeler, tree, heads, infos, tags, labels, keys);
        no_passive_under_participles(words, tags, heads, labels);
        perfect_tense_heads(words, tags, heads, labels);
        time_phrases_beside_subjects(words, tags, heads, labels);
        verbs_read_as_modifiers_of_the_root(tags, heads, labels);
        verbs_after_leading_lists(tags, heads, labels);
        out.extend(tags.iter().zip(heads.iter()).zip(labels.iter()).map(
            |((&tag, &head), &rel)| ParsedWord {
                tag,
                head: (head != NONE).then_some(head),
                rel: rel.unwrap_or(Rel::Dep),
            },
        ));
    }

    /// Tags the words into `scratch.tags` (with their features in `scratch.infos`).
    fn tag_with(&self, words: &[&str], scratch: &mut ParseScratch) {
        let mode = CaseMode::of(words);
        scratch.infos.clear();
        for word in words {
            let mut info = WordInfo::of(word, &mut scratch.lower);
            info.classes = self.lexicon.class_mask(features::lexicon_key(info.lower));
            scratch.infos.push(info);
        }
        tagger::tag(
            &self.tagger,
            &scratch.infos,
            mode,
            &mut scratch.tags,
            &mut scratch.keys,
        );
    }

    /// Tags the words only.
    pub fn tag(&self, words: &[&str], out: &mut Vec<Upos>) {
        let mut scratch = ParseScratch::default();
        self.tag_with(words, &mut scratch);
        out.clear();
        out.extend_from_slice(&scratch.tags);
    }
}

/// End of the window that starts at `start`: the whole rest if it fits in [`MAX_WORDS`], else
/// just after the last punctuation in the window's second half, else at the limit.
fn window_end(tags: &[Upos], start: usize) -> usize {
    let limit = start + MAX_WORDS;
    if tags.len() <= limit {
        return tags.len();
    }
    (start + MAX_WORDS / 2..limit)
        .rev()
        .find(|&i| tags[i] == Upos::PUNCT)
        .map_or(limit, |i| i + 1)
}

/// English allows no passive under a present participle ("Britain is deploying troops"): the
/// labeler, reading one arc at a time, sometimes gives "is" and "Britain" passive labels there,
/// and then the doer would be read as the one acted upon. Such labels become active ones.
fn no_passive_under_participles(
    words: &[&str],
    tags: &[Upos],
    heads: &[u32],
    labels: &mut [Option<Rel>],
) {
    for (at, label) in labels.iter_mut().enumerate() {
        let active = match *label {
            Some(Rel::NsubjPass) => Rel::Nsubj,
            Some(Rel::AuxPass) => Rel::Aux,
            Some(Rel::CsubjPass) => Rel::Csubj,
            _ => continue,
        };
        let Some(&head) = heads.get(at) else {
            continue;
        };
        let head = head as usize;
        let participle = tags.get(head) == Some(&Upos::VERB)
            && words.get(head).is_some_and(|word| {
                word.len() > 4
                    && word
                        .get(word.len() - 3..)
                        .is_some_and(|end| end.eq_ignore_ascii_case("ing"))
            });
        if participle {
            *label = Some(active);
        }
    }
}

/// "has suspended food supplies": a form of *have* right before a past participle (adverbs
/// between) is its auxiliary, not a verb of possession whose object the participle modifies.
/// The parser, greedy from left to right, sometimes makes *have* the head; the participle then
/// takes its place in the tree and *have* hangs from it as `aux`.
fn perfect_tense_heads(
    words: &[&str],
    tags: &mut [Upos],
    heads: &mut [u32],
    labels: &mut [Option<Rel>],
) {
    const HAVE: &[&str] = &["has", "have", "had", "having"];
    for have in 0..words.len() {
        if !HAVE
            .iter()
            .any(|form| words[have].eq_ignore_ascii_case(form))
            || tags[have] != Upos::VERB
        {
            continue;
        }
        let Some(participle) = (have + 1..words.len().min(have + 3))
            .find(|&at| !matches!(tags[at], Upos::ADV | Upos::PART))
        else {
            continue;
        };
        let looks_past = words[participle].len() > 3
            && (words[participle].ends_with("ed") || words[participle].ends_with("en"));
        // The slip: the participle read as a modifier of *have*'s object.
        let modifies_the_object = labels[participle] == Some(Rel::Amod)
            && heads
                .get(heads[participle] as usize)
                .is_some_and(|&head| head as usize == have);
        if tags[participle] != Upos::VERB || !looks_past || !modifies_the_object {
            continue;
        }
        if is_ancestor(heads, participle, have) {
            // Already above *have* in the tree: no move, or the tree would get a cycle.
            continue;
        }
        for (at, head) in heads.iter_mut().enumerate() {
            if *head as usize == have && at != participle {
                *head = participle as u32;
            }
        }
        heads[participle] = heads[have];
        labels[participle] = labels[have];
        heads[have] = participle as u32;
        labels[have] = Some(Rel::Aux);
        tags[have] = Upos::AUX;
    }
}

/// "Denmark last week announced", "Last month Sweden announced": a time phrase next to the
/// subject. News puts one there all the time; EWT seldom does, and the parser makes the name a
/// compound or apposition of the time noun, which then stands as the subject. The name becomes
/// the subject of the verb, the time phrase an unmarked oblique.
fn time_phrases_beside_subjects(
    words: &[&str],
    tags: &[Upos],
    heads: &mut [u32],
    labels: &mut [Option<Rel>],
) {
    const DETERMINERS: &[&str] = &["last", "next", "this", "that", "each", "every", "earlier"];
    const TIME_NOUNS: &[&str] = &[
        "week",
        "weekend",
        "month",
        "year",
        "night",
        "morning",
        "afternoon",
        "evening",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let is_one_of =
        |list: &[&str], at: usize| list.iter().any(|w| words[at].eq_ignore_ascii_case(w));
    for det in 0..words.len().saturating_sub(1) {
        let time = det + 1;
        if !is_one_of(DETERMINERS, det) || !is_one_of(TIME_NOUNS, time) || heads[time] == NONE {
            continue;
        }
        let verb = heads[time] as usize;
        if !matches!(tags.get(verb), Some(Upos::VERB | Upos::AUX)) {
            continue;
        }
        let beside = [det.checked_sub(1), Some(time + 1)];
        let Some(name) = beside.into_iter().flatten().find(|&at| {
            at < words.len()
                && heads[at] as usize == time
                && matches!(tags[at], Upos::PROPN | Upos::NOUN)
                && matches!(
                    labels[at],
                    Some(Rel::Compound | Rel::Appos | Rel::NmodDesc | Rel::Flat | Rel::Amod)
                )
        }) else {
            continue;
        };
        let has_subject = (0..words.len()).any(|at| {
            at != time
                && heads[at] as usize == verb
                && matches!(labels[at], Some(Rel::Nsubj | Rel::NsubjPass))
        });
        if has_subject || is_ancestor(heads, name, verb) {
            continue;
        }
        let subject = match labels[time] {
            Some(Rel::NsubjPass) => Rel::NsubjPass,
            _ => Rel::Nsubj,
        };
        heads[name] = verb as u32;
        labels[name] = Some(subject);
        labels[time] = Some(Rel::OblUnmarked);
    }
}

/// "Poland, Lithuania and Latvia expelled Russian diplomats": the parser, greedy from the left,
/// sometimes makes the first name of a list that opens the sentence the root and hangs the
/// verb under its own object, or ("Peru suspended trade.") under the name itself. When the
/// root is such a name (with a conjunct, or with the verb right after it) and the verb has no
/// subject, the verb becomes the root, the name its subject, and what the name held after the
/// verb goes to the verb.
fn verbs_after_leading_lists(tags: &[Upos], heads: &mut [u32], labels: &mut [Option<Rel>]) {
    const OPENING: usize = 3;
    let Some(root) = (0..heads.len().min(OPENING)).find(|&at| heads[at] == NONE) else {
        return;
    };
    if tags[root] != Upos::PROPN || heads.iter().filter(|&&head| head == NONE).count() != 1 {
        return;
    }
    let Some(verb) = (root + 1..heads.len()).find(|&at| tags[at] == Upos::VERB) else {
        return;
    };
    let is_list =
        (root + 1..verb).any(|at| heads[at] as usize == root && labels[at] == Some(Rel::Conj));
    // "Peru suspended trade.": the verb right after the name, hung from it as a clause of its
    // own, is the same slip without a list.
    let is_beside = verb == root + 1
        && heads[verb] as usize == root
        && matches!(labels[verb], Some(Rel::Parataxis | Rel::Dep | Rel::Acl));
    let has_subject = (0..heads.len()).any(|at| {
        heads[at] as usize == verb && matches!(labels[at], Some(Rel::Nsubj | Rel::NsubjPass))
    });
    if !(is_list || is_beside) || has_subject || !is_ancestor(heads, root, verb) {
        return;
    }
    for head in heads.iter_mut().skip(verb + 1) {
        if *head as usize == root {
            *head = verb as u32;
        }
    }
    heads[verb] = NONE;
    labels[verb] = Some(Rel::Root);
    heads[root] = verb as u32;
    labels[root] = Some(Rel::Nsubj);
}

/// "Poland, Lithuania and Latvia expelled Russian diplomats" read as "[...] [expelled Russian
/// diplomats]": a root noun whose subject is a list of names at the start, with a verb between
/// them hanging from the noun as a modifier. The verb becomes the root, the noun its object.
fn verbs_read_as_modifiers_of_the_root(
    tags: &[Upos],
    heads: &mut [u32],
    labels: &mut [Option<Rel>],
) {
    let Some(noun) = heads.iter().position(|&head| head == NONE) else {
        return;
    };
    if tags[noun] != Upos::NOUN || heads.iter().filter(|&&head| head == NONE).count() != 1 {
        return;
    }
    let Some(subject) = (0..noun).find(|&at| {
        heads[at] as usize == noun && labels[at] == Some(Rel::Nsubj) && tags[at] == Upos::PROPN
    }) else {
        return;
    };
    let is_list = (subject + 1..noun)
        .any(|at| heads[at] as usize == subject && labels[at] == Some(Rel::Conj));
    let Some(verb) = (subject + 1..noun).find(|&at| {
        tags[at] == Upos::VERB && heads[at] as usize == noun && labels[at] == Some(Rel::Amod)
    }) else {
        return;
    };
    if !is_list || (subject..verb).any(|at| tags[at] == Upos::DET) {
        return;
    }
    for at in noun + 1..heads.len() {
        if heads[at] as usize == noun && labels[at] == Some(Rel::Punct) {
            heads[at] = verb as u32;
        }
    }
    heads[verb] = NONE;
    labels[verb] = Some(Rel::Root);
    heads[subject] = verb as u32;
    heads[noun] = verb as u32;
    labels[noun] = Some(Rel::Obj);
}

/// Whether `ancestor` lies on the path from `word` up to the root.
fn is_ancestor(heads: &[u32], ancestor: usize, word: usize) -> bool {
    let mut at = word;
    for _ in 0..heads.len() {
        match heads.get(at) {
            Some(&head) if head == NONE => return false,
            Some(&head) if head as usize == ancestor => return true,
            Some(&head) => at = head as usize,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests;
