//! Numbers as news writes them: "1.28", "94,000", "12,34,567.89", "3bn", "2.4 trillion",
//! "five million", "half a million", "three quarters billion", "forty-five".
//!
//! Every read is bounded: a digit run longer than [`MAX_DIGITS`] is not an amount and is given
//! up on at once, and a word number reads at most [`MAX_WORDS`] words, so reading money stays
//! linear in the text however long its lines, digit runs or bracket nests are.

use super::Reader;

/// More digits than this (integer and decimals together) is no amount of money.
pub(super) const MAX_DIGITS: usize = 24;
/// A word number has at most this many words ("one hundred and twenty five million ...").
pub(super) const MAX_WORDS: usize = 12;
/// At most this many spaces between a number and its currency or scale word.
pub(super) const MAX_GAP: usize = 3;

/// A number read from the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Number {
    /// Its value, scale word included ("2.4 trillion" -> 2.4e12).
    pub value: f64,
    /// Byte where it starts.
    pub start: usize,
    /// Byte after its last word or digit.
    pub end: usize,
    /// Has a scale word or suffix ("million", "bn", "lakh").
    pub scaled: bool,
    /// A whole number with no decimals and no scale ("15", "thirteen"): may take cents after.
    pub whole: bool,
    /// Looks like a year (four digits, 1800-2100, nothing else): rarely an amount when a
    /// currency has a number on its other side.
    pub year_like: bool,
}

/// `word` in ASCII lower case, in a stack buffer: lookups are byte-slice `match`es, which the
/// compiler turns into length-then-bytes comparisons (no table scans, no allocation).
pub(super) struct Lower {
    buffer: [u8; 16],
    length: usize,
}

impl Lower {
    /// The lower-cased word, or an empty word when it is longer than any word looked up.
    pub fn of(word: &str) -> Lower {
        let mut buffer = [0u8; 16];
        let bytes = word.as_bytes();
        if bytes.len() > buffer.len() {
            return Lower { buffer, length: 0 };
        }
        for (slot, byte) in buffer.iter_mut().zip(bytes) {
            *slot = byte.to_ascii_lowercase();
        }
        Lower {
            buffer,
            length: bytes.len(),
        }
    }

    /// The lower-cased bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.buffer[..self.length]
    }
}

/// The power of ten of a scale word written apart from the number ("million" -> 6).
pub(super) fn scale_word_power(word: &str) -> Option<i32> {
    match Lower::of(word).bytes() {
        b"thousand" => Some(3),
        b"lakh" | b"lakhs" => Some(5),
        b"million" | b"mln" | b"mn" => Some(6),
        b"crore" | b"crores" => Some(7),
        b"billion" | b"bln" | b"bn" => Some(9),
        b"trillion" | b"tn" | b"trn" => Some(12),
        _ => None,
    }
}

/// The power of ten of a scale suffix glued to digits ("3bn", "$5m", "$20k").
fn scale_suffix_power(word: &str) -> Option<i32> {
    match Lower::of(word).bytes() {
        b"k" => Some(3),
        b"m" | b"mn" | b"mln" => Some(6),
        b"b" | b"bn" | b"bln" => Some(9),
        b"tn" | b"trn" => Some(12),
        _ => None,
    }
}

fn unit_value(word: &str) -> Option<f64> {
    let value = match Lower::of(word).bytes() {
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        _ => return None,
    };
    Some(f64::from(value))
}

fn tens_value(word: &str) -> Option<f64> {
    let value = match Lower::of(word).bytes() {
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    };
    Some(f64::from(value))
}

/// Whether `word` can be part of a number phrase; used to walk back from a currency name.
pub(super) fn is_number_word(word: &str) -> bool {
    unit_value(word).is_some()
        || tens_value(word).is_some()
        || scale_word_power(word).is_some()
        || matches!(
            Lower::of(word).bytes(),
            b"hundred" | b"a" | b"an" | b"and" | b"half" | b"quarter" | b"quarters"
        )
}

/// `mantissa * 10^power` with one rounding for the usual sizes.
fn decimal_value(mantissa: u128, power: i32) -> f64 {
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let base = mantissa as f64;
    let exact = EXACT.get(power.unsigned_abs() as usize).copied();
    match (power >= 0, exact) {
        (true, Some(scale)) => base * scale,
        (false, Some(scale)) => base / scale,
        _ => base * 10f64.powi(power),
    }
}

/// Which kind the previous word of a word number was, to know what may follow it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordKind {
    Start,
    Unit,
    Ten,
    Hundred,
    Scale,
    Article,
    And,
    Fraction,
}

impl<'t> Reader<'t> {
    /// The ASCII letters from `pos`, as a word.
    pub(super) fn word_at(&mut self, pos: usize) -> &'t str {
        let mut end = pos;
        while end < self.bytes.len() && end - pos < 16 && self.bytes[end].is_ascii_alphabetic() {
            end += 1;
        }
        self.steps += end - pos + 1;
        if end < self.bytes.len() && end - pos == 16 && self.bytes[end].is_ascii_alphabetic() {
            return ""; // longer than any number or scale word
        }
        self.text.get(pos..end).unwrap_or_default()
    }

    /// The number starting exactly at `pos`, digits or words.
    pub(super) fn number_at(&mut self, pos: usize) -> Option<Number> {
        let first = *self.bytes.get(pos)?;
        if first.is_ascii_digit() {
            self.digits_at(pos)
        } else if first.is_ascii_alphabetic() {
            self.words_at(pos)
        } else {
            None
        }
    }

    /// Appends the run of digits at `pos` to `mantissa`, advancing `pos` and counting into
    /// `digits`; returns how many digits the run had, or `None` past [`MAX_DIGITS`] in all.
    fn read_digit_run(
        &mut self,
        pos: &mut usize,
        mantissa: &mut u128,
        digits: &mut usize,
    ) -> Option<usize> {
        let run_start = *pos;
        while *pos < self.bytes.len() && self.bytes[*pos].is_ascii_digit() {
            *digits += 1;
            self.steps += 1;
            if *digits > MAX_DIGITS {
                return None;
            }
            *mantissa = *mantissa * 10 + u128::from(self.bytes[*pos] - b'0');
            *pos += 1;
        }
        Some(*pos - run_start)
    }

    /// A digit number: grouped, with decimals, and a glued or separate scale.
    fn digits_at(&mut self, start: usize) -> Option<Number> {
        let bytes = self.bytes;
        let mut pos = start;
        let mut mantissa: u128 = 0;
        let mut digits = 0;
        self.read_digit_run(&mut pos, &mut mantissa, &mut digits)?;
        let first_group = digits;
        let mut grouped = false;
        // Thousands groups "94,000" or Indian groups "12,34,567": commit only a valid grouping.
        let mut group_count = 0;
        let mut last_group = 0;
        let mut all_three = true;
        let mut inner_all_two = true;
        let mut group_digits = 0;
        let mut probe = pos;
        let mut probe_mantissa = mantissa;
        while probe + 2 < bytes.len() && bytes[probe] == b',' && group_count < 8 {
            let mut length = 0;
            let mut value = probe_mantissa;
            while probe + 1 + length < bytes.len()
                && bytes[probe + 1 + length].is_ascii_digit()
                && length < 4
            {
                value = value * 10 + u128::from(bytes[probe + 1 + length] - b'0');
                length += 1;
            }
            self.steps += length + 1;
            if !(2..=3).contains(&length) {
                break;
            }
            if group_count > 0 && last_group != 2 {
                inner_all_two = false;
            }
            all_three &= length == 3;
            last_group = length;
            group_count += 1;
            group_digits += length;
            probe += 1 + length;
            probe_mantissa = value;
        }
        if group_count > 0 {
            let western = (1..=3).contains(&first_group) && all_three;
            let indian = (1..=2).contains(&first_group) && last_group == 3 && inner_all_two;
            if western || indian {
                pos = probe;
                mantissa = probe_mantissa;
                digits += group_digits;
                grouped = true;
                if digits > MAX_DIGITS {
                    return None;
                }
            }
        }
        let mut power: i32 = 0;
        let mut decimals = false;
        if pos + 1 < bytes.len() && bytes[pos] == b'.' && bytes[pos + 1].is_ascii_digit() {
            pos += 1;
            let fraction_digits = self.read_digit_run(&mut pos, &mut mantissa, &mut digits)?;
            power -= fraction_digits as i32;
            decimals = true;
        }
        let mut end = pos;
        let mut scaled = false;
        // A glued suffix ("3bn"); other glued letters end the number ("115usd").
        let suffix = self.word_at(pos);
        if let Some(scale) = scale_suffix_power(suffix) {
            power += scale;
            end = pos + suffix.len();
            scaled = true;
        } else if suffix.is_empty() {
            let word_start = self.skip_spaces(pos);
            if word_start > pos {
                let word = self.word_at(word_start);
                let followed_by_letter = self
                    .bytes
                    .get(word_start + word.len())
                    .is_some_and(u8::is_ascii_alphanumeric);
                if let Some(scale) = scale_word_power(word).filter(|_| !followed_by_letter) {
                    power += scale;
                    end = word_start + word.len();
                    scaled = true;
                }
            }
        }
        let year_like = !grouped
            && !decimals
            && !scaled
            && first_group == 4
            && (1800..=2100).contains(&mantissa);
        Some(Number {
            value: decimal_value(mantissa, power),
            start,
            end,
            scaled,
            whole: !decimals && !scaled,
            year_like,
        })
    }

    /// A word number: "five million", "a billion", "half a million", "forty-five",
    /// "one hundred and twenty", "three quarters billion", "one and a half billion".
    fn words_at(&mut self, start: usize) -> Option<Number> {
        let mut total = 0.0;
        let mut current = 0.0;
        let mut last = WordKind::Start;
        let mut end = start;
        let mut scaled = false;
        let mut has_number = false;
        let mut before_and = WordKind::Start;
        let mut pos = start;
        for _ in 0..MAX_WORDS {
            let word = self.word_at(pos);
            if word.is_empty() {
                break;
            }
            let word_end = pos + word.len();
            if self
                .bytes
                .get(word_end)
                .is_some_and(|&b| b.is_ascii_digit() || b >= 0x80)
            {
                break;
            }
            // After "and", only "one hundred and five" or "one and a half": not "one and one".
            let after_unit_and = last == WordKind::And && before_and == WordKind::Unit;
            let kind = if let Some(value) = unit_value(word) {
                if after_unit_and
                    || matches!(
                        last,
                        WordKind::Unit | WordKind::Fraction | WordKind::Article
                    )
                {
                    break;
                }
                current += value;
                WordKind::Unit
            } else if let Some(value) = tens_value(word) {
                if after_unit_and
                    || matches!(
                        last,
                        WordKind::Unit | WordKind::Ten | WordKind::Fraction | WordKind::Article
                    )
                {
                    break;
                }
                current += value;
                WordKind::Ten
            } else if word.eq_ignore_ascii_case("hundred") {
                if !matches!(last, WordKind::Unit | WordKind::Ten | WordKind::Article) {
                    break;
                }
                current = if current > 0.0 {
                    current * 100.0
                } else {
                    100.0
                };
                WordKind::Hundred
            } else if let Some(power) = scale_word_power(word) {
                if matches!(last, WordKind::Start | WordKind::And | WordKind::Scale) {
                    break;
                }
                let multiplier = if current > 0.0 { current } else { 1.0 };
                total += multiplier * 10f64.powi(power);
                current = 0.0;
                scaled = true;
                WordKind::Scale
            } else if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
                if !matches!(last, WordKind::Start | WordKind::And | WordKind::Fraction) {
                    break;
                }
                WordKind::Article
            } else if word.eq_ignore_ascii_case("and") {
                if !matches!(last, WordKind::Unit | WordKind::Hundred | WordKind::Scale) {
                    break;
                }
                before_and = last;
                WordKind::And
            } else if word.eq_ignore_ascii_case("half") {
                if !matches!(last, WordKind::Start | WordKind::Article) {
                    break;
                }
                current += 0.5;
                WordKind::Fraction
            } else if word.eq_ignore_ascii_case("quarter") || word.eq_ignore_ascii_case("quarters")
            {
                match last {
                    WordKind::Unit => current *= 0.25,
                    WordKind::Start | WordKind::Article => current += 0.25,
                    _ => break,
                }
                WordKind::Fraction
            } else {
                break;
            };
            last = kind;
            if !matches!(kind, WordKind::Article | WordKind::And) {
                end = word_end;
                has_number = true;
            }
            // The next word follows one space or a hyphen ("forty-five", "one-yen").
            match self.bytes.get(word_end) {
                Some(b' ' | b'-')
                    if self
                        .bytes
                        .get(word_end + 1)
                        .is_some_and(u8::is_ascii_alphabetic) =>
                {
                    pos = word_end + 1;
                }
                _ => break,
            }
        }
        // "one and a half billion": the half belongs to the number before the article.
        let value = total + current;
        if !has_number || value <= 0.0 || (value < 1.0 && !scaled) {
            return None;
        }
        let whole = !scaled && value.fract() == 0.0;
        Some(Number {
            value,
            start,
            end,
            scaled,
            whole,
            year_like: false,
        })
    }

    /// `pos` moved past at most [`MAX_GAP`] spaces or tabs.
    pub(super) fn skip_spaces(&mut self, pos: usize) -> usize {
        let mut end = pos;
        while end < self.bytes.len()
            && end - pos < MAX_GAP
            && matches!(self.bytes[end], b' ' | b'\t')
        {
            end += 1;
        }
        self.steps += end - pos + 1;
        end
    }
}
