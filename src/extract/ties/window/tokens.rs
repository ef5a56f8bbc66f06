//! Words and punctuation of one sentence, each with the coarse grammatical class the tie
//! reader needs (preposition of which kind, determiner, conjunction, clause boundary...).
//!
//! Design decision: no part-of-speech tagger. A closed list of function words, looked up by
//! the lower-cased word packed into an integer ([`word_table`]; no allocation per word), is
//! enough to find subjects, objects, prepositional phrases and clause edges in news English.
//! The tokenizer walks bytes and decodes a character only where a byte is not ASCII.

use crate::extract::word_table::{self, WordTable};

/// What kind of preposition a word is, as far as tie roles go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Prep {
    /// "of": "invasion of Ukraine", and "of X doing" (X is the doer).
    Of,
    /// "for": "aid for Ukraine", and "for X to do".
    For,
    /// "to": the one acted upon, or the partner of a symmetric act ("exports to China").
    To,
    /// Other prepositions that introduce the one acted upon ("on", "against", "into").
    Target,
    /// Place prepositions ("in", "at", "near"): a country after them is a place, not a party.
    Locative,
    /// "with": the partner of a symmetric act.
    With,
    /// "by": the agent of a passive or of a noun ("visit by a US secretary").
    By,
    /// "from": the source of a visit or aid, the partner of imports.
    From,
    /// "between" / "among": both sides follow.
    Between,
    /// Prepositions that make no role ("during", "despite", "after").
    Other,
}

/// The class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    /// A content word.
    Word,
    /// Articles, possessive pronouns, quantifiers: skipped when looking for a governor.
    Det,
    /// Adjectives and adverbs that sit inside a phrase, and numbers: skipped likewise.
    Mod,
    /// A preposition.
    Prep(Prep),
    /// A form of "be" or "get" (passive voice).
    Be,
    /// A verb that takes an event noun as object ("launched an attack", "imposed sanctions").
    Light,
    /// "and", "or".
    Conj,
    /// A word that starts a new clause ("but", "while", "although").
    Boundary,
    /// "which", "who": a relative clause whose subject is the actor before it.
    Relative,
    /// ",".
    Comma,
    /// ";", ":", dashes: clause edges.
    Stop,
    /// "-" inside a compound ("US-China", "two-day").
    Hyphen,
    /// "'s", "’s" or a lone apostrophe after a plural.
    Possessive,
    /// Quotation marks.
    Quote,
    /// Other punctuation.
    Punct,
}

/// One token: a byte range of the sentence and its class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Token {
    /// First byte, relative to the sentence.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its class.
    pub class: Class,
}

/// The character at byte `index` of `text` (a character boundary) and its length in bytes;
/// ASCII without decoding.
fn char_at(text: &str, index: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(index)?;
    if byte.is_ascii() {
        return Some((char::from(byte), 1));
    }
    let ch = text.get(index..)?.chars().next()?;
    Some((ch, ch.len_utf8()))
}

/// Splits `sentence` into tokens, appended to `out` (cleared first).
pub(super) fn tokenize_into(sentence: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = sentence.as_bytes();
    let mut index = 0;
    while let Some((ch, length)) = char_at(sentence, index) {
        let start = index;
        index += length;
        if ch.is_alphanumeric() {
            // A word: letters and digits of any script.
            while let Some(&byte) = bytes.get(index) {
                if byte.is_ascii() {
                    if !byte.is_ascii_alphanumeric() {
                        break;
                    }
                    index += 1;
                } else {
                    match char_at(sentence, index) {
                        Some((next, next_length)) if next.is_alphanumeric() => {
                            index += next_length;
                        }
                        _ => break,
                    }
                }
            }
            out.push(Token {
                start,
                end: index,
                class: classify_at(sentence, start, index),
            });
            continue;
        }
        if ch.is_whitespace() || ch.is_control() {
            continue;
        }
        let end = index;
        let class = match ch {
            '\'' | '\u{2019}' => {
                let rest = sentence.get(end..).unwrap_or_default();
                let after_s = rest.strip_prefix(['s', 'S']);
                match after_s {
                    Some(tail) if !tail.starts_with(char::is_alphanumeric) => {
                        // The "s" is part of the marker.
                        index += 1;
                        out.push(Token {
                            start,
                            end: end + 1,
                            class: Class::Possessive,
                        });
                        continue;
                    }
                    _ if out.last().is_some_and(|token| token.end == start)
                        && sentence
                            .get(..start)
                            .is_some_and(|head| head.ends_with(['s', 'S']))
                        && !rest.starts_with(char::is_alphanumeric) =>
                    {
                        Class::Possessive
                    }
                    _ => Class::Quote,
                }
            }
            '"' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{00AB}' | '\u{00BB}' => Class::Quote,
            ',' => Class::Comma,
            ';' | ':' | '\u{2014}' | '\u{2013}' => Class::Stop,
            '-' => Class::Hyphen,
            _ => Class::Punct,
        };
        out.push(Token { start, end, class });
    }
}

/// The class of the word at `start..end` of `sentence`: [`classify`] with one 16-byte load.
fn classify_at(sentence: &str, start: usize, end: usize) -> Class {
    let word = sentence.get(start..end).unwrap_or_default();
    classify_packed(
        word,
        word_table::pack_at(sentence.as_bytes(), start, end - start),
    )
}

/// The class of a word, from closed lists of function words.
#[cfg(test)]
pub(super) fn classify(word: &str) -> Class {
    classify_packed(word, word_table::pack(word.as_bytes()))
}

/// The class of `word`, packed as `key` (`None` when too long for the tables).
fn classify_packed(word: &str, key: Option<u128>) -> Class {
    let bytes = word.as_bytes();
    let Some(key) = key else {
        return if word.ends_with("ly") {
            Class::Mod
        } else {
            Class::Word
        };
    };
    if bytes.iter().all(u8::is_ascii_digit) {
        return Class::Mod;
    }
    if let Some(class) = function_word_table().get(key) {
        return class;
    }
    // Lower-cased "ly" (the packed word's last two bytes).
    let lower_ly = bytes.len() >= 2 && (key >> (8 * (bytes.len() - 2))) as u16 == 0x796c;
    if lower_ly && bytes.len() > 4 {
        Class::Mod
    } else {
        Class::Word
    }
}

/// The function words by packed word, built on first use.
fn function_word_table() -> &'static WordTable<Class> {
    static TABLE: std::sync::OnceLock<WordTable<Class>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(FUNCTION_WORDS))
}

/// Function words and their classes (sorted and unique: a test checks).
const FUNCTION_WORDS: &[(&str, Class)] = &[
    ("a", Class::Det),
    ("about", Class::Prep(Prep::Other)),
    ("across", Class::Prep(Prep::Locative)),
    ("additional", Class::Mod),
    ("after", Class::Prep(Prep::Other)),
    ("again", Class::Mod),
    ("against", Class::Prep(Prep::Target)),
    ("air", Class::Mod),
    ("all", Class::Det),
    ("alleged", Class::Mod),
    ("almost", Class::Mod),
    ("already", Class::Mod),
    ("also", Class::Mod),
    ("although", Class::Boundary),
    ("amid", Class::Prep(Prep::Other)),
    ("among", Class::Prep(Prep::Between)),
    ("amongst", Class::Prep(Prep::Between)),
    ("an", Class::Det),
    ("and", Class::Conj),
    ("announce", Class::Light),
    ("announced", Class::Light),
    ("announces", Class::Light),
    ("annual", Class::Mod),
    ("another", Class::Det),
    ("any", Class::Det),
    ("approve", Class::Light),
    ("approved", Class::Light),
    ("are", Class::Be),
    ("around", Class::Prep(Prep::Locative)),
    ("as", Class::Prep(Prep::Other)),
    ("at", Class::Prep(Prep::Locative)),
    ("be", Class::Be),
    ("because", Class::Boundary),
    ("been", Class::Be),
    ("before", Class::Prep(Prep::Other)),
    ("began", Class::Light),
    ("begin", Class::Light),
    ("begins", Class::Light),
    ("behind", Class::Prep(Prep::Other)),
    ("being", Class::Be),
    ("between", Class::Prep(Prep::Between)),
    ("beyond", Class::Prep(Prep::Other)),
    ("bilateral", Class::Mod),
    ("boost", Class::Light),
    ("boosted", Class::Light),
    ("both", Class::Det),
    ("brief", Class::Mod),
    ("broad", Class::Mod),
    ("broader", Class::Mod),
    ("but", Class::Boundary),
    ("by", Class::Prep(Prep::By)),
    ("carried", Class::Light),
    ("central", Class::Mod),
    ("close", Class::Mod),
    ("closer", Class::Mod),
    ("complete", Class::Light),
    ("completed", Class::Light),
    ("completes", Class::Light),
    ("concerning", Class::Prep(Prep::Other)),
    ("conduct", Class::Light),
    ("conducted", Class::Light),
    ("conducting", Class::Light),
    ("conducts", Class::Light),
    ("continue", Class::Light),
    ("continued", Class::Light),
    ("deadly", Class::Mod),
    ("deep", Class::Mod),
    ("deepen", Class::Light),
    ("deepened", Class::Light),
    ("deeper", Class::Mod),
    ("deliver", Class::Light),
    ("delivered", Class::Light),
    ("despite", Class::Prep(Prep::Other)),
    ("diplomatic", Class::Mod),
    ("direct", Class::Mod),
    ("dozens", Class::Mod),
    ("during", Class::Prep(Prep::Other)),
    ("each", Class::Det),
    ("east", Class::Mod),
    ("eastern", Class::Mod),
    ("economic", Class::Mod),
    ("enhance", Class::Light),
    ("enhanced", Class::Light),
    ("escalated", Class::Light),
    ("even", Class::Mod),
    ("every", Class::Det),
    ("expand", Class::Light),
    ("expanded", Class::Light),
    ("expands", Class::Light),
    ("extend", Class::Light),
    ("extended", Class::Light),
    ("extends", Class::Light),
    ("few", Class::Det),
    ("fierce", Class::Mod),
    ("financial", Class::Mod),
    ("first", Class::Mod),
    ("five", Class::Mod),
    ("following", Class::Prep(Prep::Other)),
    ("for", Class::Prep(Prep::For)),
    ("formal", Class::Mod),
    ("former", Class::Mod),
    ("four", Class::Mod),
    ("fresh", Class::Mod),
    ("from", Class::Prep(Prep::From)),
    ("full", Class::Mod),
    ("further", Class::Mod),
    ("get", Class::Be),
    ("gets", Class::Be),
    ("getting", Class::Be),
    ("global", Class::Mod),
    ("got", Class::Be),
    ("grant", Class::Light),
    ("granted", Class::Light),
    ("ground", Class::Mod),
    ("growing", Class::Mod),
    ("had", Class::Light),
    ("harsh", Class::Mod),
    ("harsher", Class::Mod),
    ("has", Class::Light),
    ("have", Class::Light),
    ("heavy", Class::Mod),
    ("held", Class::Light),
    ("her", Class::Det),
    ("high", Class::Mod),
    ("his", Class::Det),
    ("historic", Class::Mod),
    ("hold", Class::Light),
    ("holding", Class::Light),
    ("holds", Class::Light),
    ("however", Class::Boundary),
    ("hundreds", Class::Mod),
    ("impose", Class::Light),
    ("imposed", Class::Light),
    ("imposes", Class::Light),
    ("imposing", Class::Light),
    ("in", Class::Prep(Prep::Locative)),
    ("including", Class::Prep(Prep::Other)),
    ("increase", Class::Light),
    ("increased", Class::Light),
    ("inside", Class::Prep(Prep::Locative)),
    ("intensified", Class::Light),
    ("into", Class::Prep(Prep::Target)),
    ("is", Class::Be),
    ("issue", Class::Light),
    ("issued", Class::Light),
    ("its", Class::Det),
    ("joint", Class::Mod),
    ("just", Class::Mod),
    ("key", Class::Mod),
    ("large", Class::Mod),
    ("last", Class::Mod),
    ("latest", Class::Mod),
    ("launch", Class::Light),
    ("launched", Class::Light),
    ("launches", Class::Light),
    ("launching", Class::Light),
    ("lethal", Class::Mod),
    ("levied", Class::Light),
    ("levy", Class::Light),
    ("like", Class::Prep(Prep::Other)),
    ("limited", Class::Mod),
    ("long", Class::Mod),
    ("made", Class::Light),
    ("maintain", Class::Light),
    ("maintained", Class::Light),
    ("major", Class::Mod),
    ("make", Class::Light),
    ("makes", Class::Light),
    ("many", Class::Det),
    ("massive", Class::Mod),
    ("meanwhile", Class::Boundary),
    ("military", Class::Mod),
    ("missile", Class::Mod),
    ("more", Class::Mod),
    ("most", Class::Det),
    ("mount", Class::Light),
    ("mounted", Class::Light),
    ("naval", Class::Mod),
    ("near", Class::Prep(Prep::Locative)),
    ("nearly", Class::Mod),
    ("new", Class::Mod),
    ("next", Class::Mod),
    ("north", Class::Mod),
    ("northeastern", Class::Mod),
    ("northern", Class::Mod),
    ("northwestern", Class::Mod),
    ("now", Class::Mod),
    ("nuclear", Class::Mod),
    ("occupied", Class::Mod),
    ("of", Class::Prep(Prep::Of)),
    ("off", Class::Prep(Prep::Locative)),
    ("offer", Class::Light),
    ("offered", Class::Light),
    ("official", Class::Mod),
    ("on", Class::Prep(Prep::Target)),
    ("ongoing", Class::Mod),
    ("only", Class::Mod),
    ("onto", Class::Prep(Prep::Target)),
    ("or", Class::Conj),
    ("our", Class::Det),
    ("outside", Class::Prep(Prep::Locative)),
    ("over", Class::Prep(Prep::Target)),
    ("overall", Class::Mod),
    ("own", Class::Mod),
    ("paid", Class::Light),
    ("pay", Class::Light),
    ("per", Class::Prep(Prep::Other)),
    ("previous", Class::Mod),
    ("prior", Class::Mod),
    ("provide", Class::Light),
    ("provided", Class::Light),
    ("provides", Class::Light),
    ("providing", Class::Light),
    ("punitive", Class::Mod),
    ("pursue", Class::Light),
    ("pursued", Class::Light),
    ("rare", Class::Mod),
    ("recent", Class::Mod),
    ("record", Class::Mod),
    ("regarding", Class::Prep(Prep::Other)),
    ("renew", Class::Light),
    ("renewed", Class::Light),
    ("reported", Class::Mod),
    ("responded", Class::Light),
    ("resume", Class::Light),
    ("resumed", Class::Light),
    ("retaliated", Class::Light),
    ("retaliates", Class::Light),
    ("retaliatory", Class::Mod),
    ("rising", Class::Mod),
    ("second", Class::Mod),
    ("secondary", Class::Mod),
    ("selected", Class::Mod),
    ("send", Class::Light),
    ("sending", Class::Light),
    ("sends", Class::Light),
    ("senior", Class::Mod),
    ("sent", Class::Light),
    ("several", Class::Det),
    ("sharp", Class::Mod),
    ("short", Class::Mod),
    ("signed", Class::Light),
    ("since", Class::Prep(Prep::Other)),
    ("slapped", Class::Light),
    ("some", Class::Det),
    ("south", Class::Mod),
    ("southeastern", Class::Mod),
    ("southern", Class::Mod),
    ("southwestern", Class::Mod),
    ("stabilise", Class::Light),
    ("stabilize", Class::Light),
    ("stage", Class::Light),
    ("staged", Class::Light),
    ("start", Class::Light),
    ("started", Class::Light),
    ("starts", Class::Light),
    ("stepped", Class::Light),
    ("still", Class::Mod),
    ("strategic", Class::Mod),
    ("strengthen", Class::Light),
    ("strengthened", Class::Light),
    ("strong", Class::Mod),
    ("stronger", Class::Mod),
    ("such", Class::Det),
    ("surprise", Class::Mod),
    ("sweeping", Class::Mod),
    ("than", Class::Prep(Prep::Other)),
    ("the", Class::Det),
    ("their", Class::Det),
    ("then", Class::Mod),
    ("these", Class::Det),
    ("third", Class::Mod),
    ("this", Class::Det),
    ("those", Class::Det),
    ("though", Class::Boundary),
    ("thousands", Class::Mod),
    ("three", Class::Mod),
    ("through", Class::Prep(Prep::Other)),
    ("throughout", Class::Prep(Prep::Locative)),
    ("tighten", Class::Light),
    ("tightened", Class::Light),
    ("to", Class::Prep(Prep::To)),
    ("top", Class::Mod),
    ("total", Class::Mod),
    ("tough", Class::Mod),
    ("tougher", Class::Mod),
    ("toward", Class::Prep(Prep::Target)),
    ("towards", Class::Prep(Prep::Target)),
    ("two", Class::Mod),
    ("under", Class::Prep(Prep::Other)),
    ("unlike", Class::Boundary),
    ("unprecedented", Class::Mod),
    ("until", Class::Prep(Prep::Other)),
    ("unveiled", Class::Light),
    ("upon", Class::Prep(Prep::Target)),
    ("via", Class::Prep(Prep::Other)),
    ("waged", Class::Light),
    ("was", Class::Be),
    ("were", Class::Be),
    ("western", Class::Mod),
    ("whereas", Class::Boundary),
    ("which", Class::Relative),
    ("while", Class::Boundary),
    ("who", Class::Relative),
    ("wide", Class::Mod),
    ("wider", Class::Mod),
    ("with", Class::Prep(Prep::With)),
    ("within", Class::Prep(Prep::Locative)),
    ("without", Class::Prep(Prep::Other)),
    ("yet", Class::Boundary),
];

/// Irregular past participles that news verbs use.
const IRREGULAR: [&str; 14] = [
    "hit",
    "struck",
    "shot",
    "held",
    "sold",
    "bought",
    "met",
    "sent",
    "taken",
    "given",
    "withdrawn",
    "frozen",
    "lent",
    "seen",
];

/// Whether `word` looks like a past participle ("blacklisted", "hit", "struck").
pub(super) fn is_participle(word: &str) -> bool {
    let lower_ends = |suffix: &str| {
        word.len() >= suffix.len()
            && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    if lower_ends("ed") {
        return true;
    }
    IRREGULAR
        .iter()
        .any(|irregular| word.eq_ignore_ascii_case(irregular))
}

/// Whether `word` is a gerund or present participle ("supporting").
pub(super) fn is_gerund(word: &str) -> bool {
    word.len() > 4 && word.as_bytes()[word.len() - 3..].eq_ignore_ascii_case(b"ing")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(sentence: &str) -> Vec<(String, Class)> {
        let mut tokens = Vec::new();
        tokenize_into(sentence, &mut tokens);
        tokens
            .iter()
            .map(|token| (sentence[token.start..token.end].to_owned(), token.class))
            .collect()
    }

    #[test]
    fn possessives_and_curly_quotes_split_from_their_word() {
        let found = classes("Russia’s invasion, “no limits” and the allies' plan");
        assert_eq!(found[0], ("Russia".to_owned(), Class::Word));
        assert_eq!(found[1].1, Class::Possessive);
        assert!(found.iter().any(|(_, class)| *class == Class::Quote));
        assert!(
            found
                .iter()
                .any(|(text, class)| text == "'" && *class == Class::Possessive)
        );
    }

    #[test]
    fn the_function_word_table_is_sorted_and_unique() {
        assert!(FUNCTION_WORDS.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn function_words_are_classified_whatever_their_case() {
        assert_eq!(classify("On"), Class::Prep(Prep::Target));
        assert_eq!(classify("BETWEEN"), Class::Prep(Prep::Between));
        assert_eq!(classify("2018"), Class::Mod);
        assert_eq!(classify("Ukraine"), Class::Word);
        assert!(is_participle("Blacklisted"));
        assert!(is_gerund("supporting"));
    }
}
