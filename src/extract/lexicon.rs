//! The cue lexicon: the words that state a tie (with their PLOVER category and mode) and the
//! words that change what a cue asserts (negators, hedges, "echo" verbs).
//!
//! The lexicon is data (`assets/lexicon.ron`, compiled in), so analysts can read and extend
//! it without touching code. Its main design decision: every pattern of every kind goes into
//! ONE case-insensitive aho-corasick automaton with leftmost-longest semantics, built once.
//! Scanning a sentence is then a single linear pass, and overlaps resolve the way a reader
//! would: "ease sanctions" beats "sanctions", "no limits" beats "no", "arms deal" beats
//! "deal". Whole-word matching is checked after the automaton; a pattern written with a
//! trailing `*` matches any word that starts with it.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use super::ExtractError;
use crate::model::Category;

/// One sense a cue word can have: what kind of tie it states and how its actors are found.
// The flags mirror the asset file one for one; a bit set would only hide their names.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueSense {
    /// PLOVER category of the tie.
    pub category: Category,
    /// The finer label under the category ("visit", "trade", "blacklist").
    pub mode: String,
    /// Both sides do it equally (trade, talks, partnership).
    pub symmetric: bool,
    /// The grammatical object is the source ("X welcomed Y": Y visits X).
    pub reversed: bool,
    /// A country named as a place ("in Ukraine") may be the target.
    pub place_target: bool,
    /// With no stated target, the nearest other actor of the sentence is the host.
    pub host_fallback: bool,
    /// "from X" names the source ("visits from European leaders").
    pub from_source: bool,
    /// "from X" names the target ("withdrew troops from Syria").
    pub from_target: bool,
    /// "with X" names the target of a directed cue ("troops on the border with Ukraine").
    pub with_target: bool,
    /// Later cues in the clause are only threatened ("threatened to impose sanctions").
    pub hedge_after: bool,
    /// The subject receives ("Kenya received aid from Britain"): it is the target, and "from
    /// X" the source.
    pub recipient_subject: bool,
}

/// What a matched pattern is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatternKind {
    /// A cue; the index into [`Lexicon::senses`].
    Cue(usize),
    /// Denies the next cue in its clause ("refused to", "not", "denied").
    Negator,
    /// Denies only a cue right after it ("no sanctions").
    AdjacentNegator,
    /// Makes the cues after it in the clause uncertain ("may", "potential").
    Hedge,
    /// Its subject shares the act of the actor it names ("echoed").
    Echo,
    /// States nothing; swallows the patterns it contains ("no limits").
    Neutral,
}

/// One whole-word match of a lexicon pattern, as byte offsets into the scanned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LexMatch {
    /// What the pattern is.
    pub kind: PatternKind,
    /// First byte.
    pub start: usize,
    /// One past the last byte (extended to the end of the word for stem patterns).
    pub end: usize,
}

/// The cue lexicon, with its automaton built.
pub struct Lexicon {
    senses: Vec<CueSense>,
    automaton: AhoCorasick,
    /// Per automaton pattern: its kind and whether it is a stem (`*`).
    patterns: Vec<(PatternKind, bool)>,
}

#[derive(Deserialize)]
struct LexiconFile {
    cues: Vec<CueGroup>,
    negators: Vec<String>,
    adjacent_negators: Vec<String>,
    neutral: Vec<String>,
    hedges: Vec<String>,
    echoes: Vec<String>,
}

#[derive(Deserialize)]
#[allow(clippy::struct_excessive_bools)]
struct CueGroup {
    category: Category,
    mode: String,
    #[serde(default)]
    symmetric: bool,
    #[serde(default)]
    reversed: bool,
    #[serde(default)]
    place_target: bool,
    #[serde(default)]
    host_fallback: bool,
    #[serde(default)]
    from_source: bool,
    #[serde(default)]
    from_target: bool,
    #[serde(default)]
    with_target: bool,
    #[serde(default)]
    hedge_after: bool,
    #[serde(default)]
    recipient_subject: bool,
    words: Vec<String>,
}

const BUILTIN: &str = include_str!("../../assets/lexicon.ron");

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Result<Lexicon, ExtractError> {
        Lexicon::from_ron(BUILTIN)
    }

    /// Parses a lexicon in the format of `assets/lexicon.ron` and builds its automaton.
    pub fn from_ron(source: &str) -> Result<Lexicon, ExtractError> {
        let malformed = |message: String| ExtractError::Asset {
            name: "lexicon.ron",
            message,
        };
        let file: LexiconFile =
            ron::from_str(source).map_err(|error| malformed(error.to_string()))?;
        let mut senses = Vec::with_capacity(file.cues.len());
        let mut texts: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut add = |word: &str, kind: PatternKind| {
            let word = word.trim();
            let (text, stem) = match word.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (word, false),
            };
            if !text.is_empty() {
                texts.push(text.to_owned());
                patterns.push((kind, stem));
            }
        };
        for group in &file.cues {
            let index = senses.len();
            senses.push(CueSense {
                category: group.category,
                mode: group.mode.clone(),
                symmetric: group.symmetric,
                reversed: group.reversed,
                place_target: group.place_target,
                host_fallback: group.host_fallback,
                from_source: group.from_source,
                from_target: group.from_target,
                with_target: group.with_target,
                hedge_after: group.hedge_after,
                recipient_subject: group.recipient_subject,
            });
            for word in &group.words {
                add(word, PatternKind::Cue(index));
            }
        }
        let lists = [
            (&file.negators, PatternKind::Negator),
            (&file.adjacent_negators, PatternKind::AdjacentNegator),
            (&file.neutral, PatternKind::Neutral),
            (&file.hedges, PatternKind::Hedge),
            (&file.echoes, PatternKind::Echo),
        ];
        for (words, kind) in lists {
            for word in words {
                add(word, kind);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // A DFA scans about twice as fast as the default NFA; the lexicon is small enough
            // that its table costs little memory.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&texts)
            .map_err(|error| malformed(error.to_string()))?;
        Ok(Lexicon {
            senses,
            automaton,
            patterns,
        })
    }

    /// The cue senses, indexed by [`PatternKind::Cue`].
    pub fn senses(&self) -> &[CueSense] {
        &self.senses
    }

    /// How many patterns the automaton holds.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Every whole-word match in `text`, in order, non-overlapping, appended to `out`
    /// (cleared first). Linear in the length of `text`.
    pub fn scan_into(&self, text: &str, out: &mut Vec<LexMatch>) {
        out.clear();
        for found in self.automaton.find_iter(text) {
            let Some(&(kind, stem)) = self.patterns.get(found.pattern().as_usize()) else {
                continue;
            };
            let start = found.start();
            let mut end = found.end();
            // "n't" attaches to its verb ("didn't"), so it needs no boundary before it.
            let glued = text
                .get(start..)
                .is_some_and(|tail| tail.starts_with("n'") || tail.starts_with("n\u{2019}"));
            let before = text.get(..start).and_then(|head| head.chars().next_back());
            if before.is_some_and(is_word_char) && !glued {
                continue;
            }
            if stem {
                let rest = text.get(end..).unwrap_or_default();
                end += rest
                    .char_indices()
                    .find(|&(_, ch)| !is_word_char(ch))
                    .map_or(rest.len(), |(offset, _)| offset);
            } else if text
                .get(end..)
                .and_then(|tail| tail.chars().next())
                .is_some_and(is_word_char)
            {
                continue;
            }
            out.push(LexMatch { kind, start, end });
        }
    }
}

/// Whether a character continues a word (letters and digits in any script).
pub(crate) fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_loads_and_covers_every_category() {
        let lexicon = Lexicon::builtin().expect("lexicon parses");
        for category in Category::ALL {
            assert!(
                lexicon
                    .senses()
                    .iter()
                    .any(|sense| sense.category == category),
                "no cue for {}",
                category.name()
            );
        }
        assert!(lexicon.pattern_count() > 600);
    }

    #[test]
    fn longest_phrase_wins_and_words_must_be_whole() {
        let lexicon = Lexicon::builtin().expect("lexicon parses");
        let mut found = Vec::new();
        let text = "The EU will ease sanctions; aides said the attacker fled.";
        lexicon.scan_into(text, &mut found);
        let words: Vec<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
        assert!(words.contains(&"ease sanctions"));
        assert!(!words.contains(&"aid"));
        assert!(!words.contains(&"attack"));
    }

    #[test]
    fn stems_extend_to_the_end_of_the_word_and_case_is_ignored() {
        let lexicon = Lexicon::from_ron(
            r#"(cues: [(category: SANCTION, mode: "sanctions", words: ["sanction*"])],
                negators: [], adjacent_negators: [], neutral: [], hedges: [], echoes: [])"#,
        )
        .expect("parses");
        let mut found = Vec::new();
        let text = "US Sanctioned Iran";
        lexicon.scan_into(text, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "Sanctioned");
    }
}
