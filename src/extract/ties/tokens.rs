//! Words and punctuation of one sentence, each with the coarse grammatical class the tie
//! reader needs (preposition of which kind, determiner, conjunction, clause boundary...).
//!
//! Design decision: no part-of-speech tagger. A closed list of function words, classified by
//! a `match` on the lower-cased word held in a small stack buffer (no allocation per word), is
//! enough to find subjects, objects, prepositional phrases and clause edges in news English.

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

/// Splits `sentence` into tokens, appended to `out` (cleared first).
pub(super) fn tokenize_into(sentence: &str, out: &mut Vec<Token>) {
    out.clear();
    let mut chars = sentence.char_indices().peekable();
    while let Some((start, ch)) = chars.next() {
        if ch.is_alphanumeric() {
            let mut end = start + ch.len_utf8();
            while let Some(&(index, next)) = chars.peek() {
                if !next.is_alphanumeric() {
                    break;
                }
                end = index + next.len_utf8();
                chars.next();
            }
            let word = &sentence[start..end];
            out.push(Token {
                start,
                end,
                class: classify(word),
            });
            continue;
        }
        if ch.is_whitespace() || ch.is_control() {
            continue;
        }
        let end = start + ch.len_utf8();
        let class = match ch {
            '\'' | '\u{2019}' => {
                let rest = &sentence[end..];
                let after_s = rest.strip_prefix(['s', 'S']);
                match after_s {
                    Some(tail) if !tail.starts_with(char::is_alphanumeric) => {
                        chars.next();
                        out.push(Token {
                            start,
                            end: end + 1,
                            class: Class::Possessive,
                        });
                        continue;
                    }
                    _ if out.last().is_some_and(|token| token.end == start)
                        && sentence[..start].ends_with(['s', 'S'])
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

/// The class of a word, from closed lists of function words.
pub(super) fn classify(word: &str) -> Class {
    let mut buffer = [0u8; 12];
    if word.len() > buffer.len() {
        return if word.ends_with("ly") {
            Class::Mod
        } else {
            Class::Word
        };
    }
    for (slot, byte) in buffer.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    let Ok(lower) = std::str::from_utf8(&buffer[..word.len()]) else {
        return Class::Word;
    };
    if lower.bytes().all(|byte| byte.is_ascii_digit()) {
        return Class::Mod;
    }
    match lower {
        "the" | "a" | "an" | "this" | "these" | "those" | "such" | "any" | "its" | "their"
        | "his" | "her" | "our" | "some" | "several" | "few" | "many" | "most" | "both" | "all"
        | "each" | "every" | "another" => Class::Det,
        "of" => Class::Prep(Prep::Of),
        "for" => Class::Prep(Prep::For),
        "to" => Class::Prep(Prep::To),
        "on" | "against" | "into" | "toward" | "towards" | "over" | "upon" | "onto" => {
            Class::Prep(Prep::Target)
        }
        "in" | "at" | "inside" | "across" | "within" | "throughout" | "near" | "around"
        | "outside" | "off" => Class::Prep(Prep::Locative),
        "with" => Class::Prep(Prep::With),
        "by" => Class::Prep(Prep::By),
        "from" => Class::Prep(Prep::From),
        "between" | "among" | "amongst" => Class::Prep(Prep::Between),
        "during" | "despite" | "after" | "before" | "through" | "about" | "under" | "via"
        | "amid" | "since" | "until" | "like" | "than" | "following" | "including"
        | "regarding" | "concerning" | "per" | "without" | "as" | "beyond" | "behind" => {
            Class::Prep(Prep::Other)
        }
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "gets" | "got"
        | "getting" => Class::Be,
        "and" | "or" => Class::Conj,
        "but" | "while" | "whereas" | "although" | "though" | "because" | "however"
        | "meanwhile" | "yet" | "unlike" => Class::Boundary,
        "which" | "who" => Class::Relative,
        "launched" | "launch" | "launches" | "launching" | "carried" | "conducted" | "conduct"
        | "conducts" | "conducting" | "held" | "hold" | "holds" | "holding" | "imposed"
        | "impose" | "imposes" | "imposing" | "slapped" | "provided" | "provide" | "provides"
        | "providing" | "sent" | "send" | "sends" | "sending" | "signed" | "stepped" | "began"
        | "begin" | "begins" | "started" | "start" | "starts" | "waged" | "staged" | "stage"
        | "announced" | "announce" | "announces" | "approved" | "approve" | "extended"
        | "extend" | "extends" | "offered" | "offer" | "made" | "make" | "makes" | "expanded"
        | "expand" | "expands" | "boosted" | "boost" | "deepened" | "deepen" | "strengthened"
        | "strengthen" | "continued" | "continue" | "resumed" | "resume" | "renewed" | "renew"
        | "unveiled" | "levied" | "levy" | "tightened" | "tighten" | "issued" | "issue"
        | "delivered" | "deliver" | "granted" | "grant" | "increased" | "increase"
        | "intensified" | "escalated" | "pursued" | "pursue" | "enhance" | "enhanced"
        | "stabilize" | "stabilise" | "maintain" | "maintained" | "had" | "has" | "have"
        | "pay" | "paid" | "mounted" | "mount" | "completed" | "complete" | "completes"
        | "retaliated" | "retaliates" | "responded" => Class::Light,
        "new" | "fresh" | "further" | "more" | "additional" | "tough" | "tougher" | "harsh"
        | "harsher" | "sweeping" | "broad" | "broader" | "wide" | "wider" | "economic"
        | "military" | "financial" | "joint" | "major" | "massive" | "large" | "full"
        | "lethal" | "deadly" | "diplomatic" | "bilateral" | "direct" | "strong" | "stronger"
        | "fierce" | "sharp" | "heavy" | "official" | "recent" | "first" | "second" | "third"
        | "latest" | "limited" | "unprecedented" | "secondary" | "growing" | "rising" | "deep"
        | "deeper" | "close" | "closer" | "strategic" | "high" | "formal" | "surprise"
        | "brief" | "historic" | "rare" | "punitive" | "retaliatory" | "ongoing" | "prior"
        | "previous" | "annual" | "naval" | "air" | "ground" | "missile" | "nuclear" | "also"
        | "again" | "still" | "now" | "then" | "already" | "top" | "senior" | "two" | "three"
        | "four" | "five" | "dozens" | "hundreds" | "thousands" | "record" | "total"
        | "overall" | "reported" | "alleged" | "global" | "key" | "long" | "short" | "last"
        | "next" | "own" | "just" | "even" | "only" | "former" | "northern" | "southern"
        | "eastern" | "western" | "central" | "north" | "south" | "east" | "northeastern"
        | "northwestern" | "southeastern" | "southwestern" | "occupied" | "selected" | "nearly"
        | "almost" => Class::Mod,
        _ if lower.ends_with("ly") && lower.len() > 4 => Class::Mod,
        _ => Class::Word,
    }
}

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
    fn function_words_are_classified_whatever_their_case() {
        assert_eq!(classify("On"), Class::Prep(Prep::Target));
        assert_eq!(classify("BETWEEN"), Class::Prep(Prep::Between));
        assert_eq!(classify("2018"), Class::Mod);
        assert_eq!(classify("Ukraine"), Class::Word);
        assert!(is_participle("Blacklisted"));
        assert!(is_gerund("supporting"));
    }
}
