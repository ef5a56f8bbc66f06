//! Feature keys: what the tagger, the parser and the labeler see of a word, as 32-bit hashes.
//!
//! Every feature is a template number and up to three values, mixed into one `u32` key; the
//! weight tables are keyed by it. Words are seen through hashes of their lower-cased form,
//! prefixes and suffixes and shape, computed once per word into a [`WordInfo`], so that no
//! string is touched after that. The hash is a fixed multiply-xor mix: the same key on every
//! machine and every run, which keeps training deterministic and the model file portable.

/// Mixes 64 bits well (the splitmix64 finaliser).
#[inline]
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hashes bytes (used for word forms and affixes).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0x517c_c1b7_2722_0a95 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h = h.rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    mix64(h)
}

/// The key of a feature: template `template` with values `a`, `b`, `c` (never 0, which marks
/// an empty slot). Word values are hashes already, so one multiply each and a final mix do.
#[inline]
pub fn key(template: u32, a: u64, b: u64, c: u64) -> u32 {
    let mut h = u64::from(template).wrapping_mul(0xd6e8_feb8_6659_fd93)
        ^ a.wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ b.rotate_left(23).wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
        ^ c.rotate_left(41).wrapping_mul(0x1656_67b1_9e37_79f9);
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    ((h >> 32) as u32).max(1)
}

/// The lexicon's key for a word's lower-cased hash.
#[inline]
pub fn lexicon_key(lower: u64) -> u32 {
    key(900, lower, 0, 0)
}

/// How the words of a sentence are capitalised, which decides what a capital letter means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseMode {
    /// Ordinary text: a capital inside the sentence hints at a name.
    Normal,
    /// A headline in Title Case: capitals say little.
    Title,
    /// ALL CAPS: capitals say nothing.
    Upper,
}

impl CaseMode {
    /// Looks at the sentence's words: Title when nearly every longer word after the first starts
    /// with a capital, Upper when nearly every word with letters is all capitals.
    pub fn of(words: &[&str]) -> CaseMode {
        let (mut lettered, mut upper) = (0usize, 0usize);
        let (mut long, mut capitalised) = (0usize, 0usize);
        for (i, word) in words.iter().enumerate() {
            let mut has_lower = false;
            let mut has_upper = false;
            for c in word.chars() {
                has_lower |= c.is_lowercase();
                has_upper |= c.is_uppercase();
            }
            if has_lower || has_upper {
                lettered += 1;
                upper += usize::from(has_upper && !has_lower);
            }
            if i > 0 && word.chars().count() > 3 && word.chars().all(char::is_alphabetic) {
                long += 1;
                capitalised += usize::from(word.chars().next().is_some_and(char::is_uppercase));
            }
        }
        if lettered >= 3 && upper * 10 >= lettered * 9 {
            CaseMode::Upper
        } else if long >= 2 && capitalised * 10 >= long * 8 {
            CaseMode::Title
        } else {
            CaseMode::Normal
        }
    }
}

/// What every model reads of one word, computed once per word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Hash of the lower-cased form.
    pub lower: u64,
    /// Hash of the form as written.
    pub exact: u64,
    /// Hashes of the lower-cased prefixes of 1..=3 characters.
    pub prefix: [u64; 3],
    /// Hashes of the lower-cased suffixes of 1..=4 characters.
    pub suffix: [u64; 4],
    /// Hash of the shape ("Xxxx", "dd.d").
    pub shape: u64,
    /// Bit flags: see the `FLAG_` constants.
    pub flags: u8,
    /// The tags this word had in training, one bit per [`super::labels::Upos`] class, with
    /// bit 31 set for a known word (0 = unknown word).
    pub classes: u32,
}

/// The first letter is a capital.
pub const FLAG_CAPITAL: u8 = 1;
/// Every letter is a capital (and there is one).
pub const FLAG_ALL_CAPS: u8 = 2;
/// Has a digit.
pub const FLAG_DIGIT: u8 = 4;
/// Has a hyphen.
pub const FLAG_HYPHEN: u8 = 8;
/// Has no letter and no digit.
pub const FLAG_NO_ALNUM: u8 = 16;

impl WordInfo {
    /// Reads a word; `lower` is a scratch buffer.
    pub fn of(word: &str, lower: &mut String) -> WordInfo {
        lower.clear();
        let mut shape = [0u8; 24];
        let mut shape_len = 0usize;
        let (mut last, mut run) = (0u8, 0usize);
        let (mut upper_count, mut letter_count) = (0usize, 0usize);
        let mut flags = 0u8;
        for (i, c) in word.chars().enumerate() {
            let class = if c.is_uppercase() {
                upper_count += 1;
                letter_count += 1;
                if i == 0 {
                    flags |= FLAG_CAPITAL;
                }
                b'X'
            } else if c.is_alphabetic() {
                letter_count += 1;
                b'x'
            } else if c.is_ascii_digit() {
                flags |= FLAG_DIGIT;
                b'd'
            } else if c.is_ascii() {
                if c == '-' {
                    flags |= FLAG_HYPHEN;
                }
                c as u8
            } else {
                b'?'
            };
            run = if class == last { run + 1 } else { 1 };
            last = class;
            if run <= 3 && shape_len < shape.len() {
                shape[shape_len] = class;
                shape_len += 1;
            }
            if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        if letter_count > 0 && upper_count == letter_count {
            flags |= FLAG_ALL_CAPS;
        }
        if letter_count == 0 && flags & FLAG_DIGIT == 0 {
            flags |= FLAG_NO_ALNUM;
        }
        let mut info = WordInfo {
            lower: hash_bytes(lower.as_bytes()),
            exact: hash_bytes(word.as_bytes()),
            shape: hash_bytes(&shape[..shape_len]),
            flags,
            ..WordInfo::default()
        };
        let bounds = CharBounds::of(lower);
        for n in 1..=3 {
            info.prefix[n - 1] = hash_bytes(&lower.as_bytes()[..bounds.prefix_end(n)]) ^ 0x7072;
        }
        for n in 1..=4 {
            info.suffix[n - 1] = hash_bytes(&lower.as_bytes()[bounds.suffix_start(n)..]) ^ 0x7375;
        }
        info
    }
}

/// Byte offsets of the first and last few characters of a string.
struct CharBounds {
    starts: [usize; 5],
    ends: [usize; 5],
    chars: usize,
    len: usize,
}

impl CharBounds {
    fn of(text: &str) -> CharBounds {
        let mut starts = [0usize; 5];
        let mut ring = [0usize; 5];
        let mut chars = 0usize;
        for (i, (offset, _)) in text.char_indices().enumerate() {
            if i < 5 {
                starts[i] = offset;
            }
            ring[i % 5] = offset;
            chars = i + 1;
        }
        let mut ends = [0usize; 5];
        for (n, end) in ends.iter_mut().enumerate().skip(1) {
            // Start of the n-th character from the end.
            *end = if n <= chars { ring[(chars - n) % 5] } else { 0 };
        }
        CharBounds {
            starts,
            ends,
            chars,
            len: text.len(),
        }
    }

    /// End of the first `n` characters (the whole string when shorter).
    fn prefix_end(&self, n: usize) -> usize {
        if n >= self.chars {
            self.len
        } else {
            self.starts[n]
        }
    }

    /// Start of the last `n` characters (0 when shorter).
    fn suffix_start(&self, n: usize) -> usize {
        if n >= self.chars { 0 } else { self.ends[n] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_respect_characters() {
        let mut buffer = String::new();
        let a = WordInfo::of("Café", &mut buffer);
        let b = WordInfo::of("café", &mut buffer);
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.exact, b.exact);
        assert_eq!(a.suffix[0], WordInfo::of("é", &mut buffer).suffix[0]);
        assert_eq!(a.prefix[2], WordInfo::of("caf", &mut buffer).prefix[2]);
        assert_eq!(a.flags & FLAG_CAPITAL, FLAG_CAPITAL);
        assert_eq!(
            WordInfo::of("NATO", &mut buffer).flags & FLAG_ALL_CAPS,
            FLAG_ALL_CAPS
        );
    }

    #[test]
    fn case_modes() {
        let title = ["Peru", "And", "Kenya", "Sign", "Trade", "Agreement"];
        assert_eq!(CaseMode::of(&title), CaseMode::Title);
        let normal = ["Peru", "and", "Kenya", "signed", "a", "trade", "agreement"];
        assert_eq!(CaseMode::of(&normal), CaseMode::Normal);
        assert_eq!(CaseMode::of(&["PERU", "SIGNS", "DEAL"]), CaseMode::Upper);
        assert_eq!(CaseMode::of(&[]), CaseMode::Normal);
    }
}
