//! Money amounts in text: numbers, scale words, symbols and currency names or codes.
//!
//! The reader anchors on currency tokens, not on numbers: one aho-corasick pass finds every
//! symbol, code, name and subunit of the currency table ([`currencies`]), and each token then
//! reads the number before it ("420 million finnish markka", "5 €", "115usd") or after it
//! ("$ 75 million", "USD 5m", "rmb 10"), with bounded look-around, so the pass is linear in the
//! text. A bracketed conversion right after an amount ("1.28 trillion yuan ($190 billion)") is
//! the same figure in a second currency and joins its match.
//!
//! Ambiguous words are settled by the text first and the date second: a bare "francs" takes the
//! currency of the text's last qualified franc ("Swiss francs"), else the French franc before
//! 2002 (and when the date is unknown: archives say bare "francs" mostly before the euro) and the
//! Swiss franc after; "$" is the US dollar unless written "C$", "A$", "HK$", "NT$" and the like.

mod conversions;
mod currencies;
mod number;
pub mod rates;

use currencies::{Currencies, Unit, UnitKind};
use number::{MAX_GAP, MAX_WORDS, Number, is_number_word, scale_word_power};

use crate::extract::ExtractError;
use crate::model::{Amount, Span};

/// One money expression, with every amount it gives (a bracketed conversion adds a second).
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyMatch {
    /// Byte range of the whole expression in the text.
    pub span: Span,
    /// The amounts, in the order written.
    pub amounts: Vec<Amount>,
    /// Per amount: the family word ("shilling", "dollar") when its currency was read from a
    /// bare name that the text did not settle by a qualified one ("Kenyan shillings"), so
    /// that the caller may settle it by the country the text is about.
    pub bare_families: Vec<Option<String>>,
}

/// Every money expression in `text`, in order, reading ambiguous currency words as in an
/// undated text.
pub fn find_money(text: &str) -> Vec<MoneyMatch> {
    find_money_dated(text, None)
}

/// Every money expression in `text`, in order; `year` is the document's year, which settles
/// words whose currency changed with the euro ("francs", "lira").
pub fn find_money_dated(text: &str, year: Option<i32>) -> Vec<MoneyMatch> {
    // The table is compiled in and checked by tests and `check_currency_table`; a broken table
    // finds no money rather than stopping the extraction.
    let Ok(currencies) = Currencies::builtin() else {
        return Vec::new();
    };
    let mut reader = Reader::new(text, currencies, year);
    reader.read_all()
}

/// Parses the built-in currency table, so that a malformed asset is reported at start-up.
pub fn check_currency_table() -> Result<(), ExtractError> {
    Currencies::builtin().map(|_| ())
}

/// Families whose name may stand before the number when a scale word follows it
/// ("yen 100 billion", "dollar 22.5 million"); for others ("won 5 million votes") it may not.
const PREFIX_NAME_FAMILIES: [&str; 5] = ["dollar", "euro", "yen", "yuan", "renminbi"];

/// Currencies whose subunit is called "cents": a later "3 cents" is in the same currency.
const CENT_CODES: [&str; 25] = [
    "USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "EUR", "ZAR", "XCD", "JMD", "TTD", "BBD",
    "BSD", "BZD", "FJD", "NAD", "LRD", "BMD", "KYD", "SRD", "GYD", "SBD", "BND", "NLG",
];

/// Words that may stand inside a conversion bracket before its amount: "(about $190 billion)".
const CONVERSION_QUALIFIERS: [&str; 19] = [
    "about",
    "around",
    "roughly",
    "approximately",
    "approx.",
    "approx",
    "some",
    "nearly",
    "almost",
    "or",
    "or about",
    "or around",
    "or roughly",
    "equivalent to",
    "equal to",
    "worth",
    "c.",
    "ca.",
    "circa",
];

/// A currency token found in the text.
#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    /// Index into the currency table's units.
    unit: usize,
    /// 1e6 for "MUSD", 1e3 for "kEUR".
    multiplier: Option<f64>,
}

/// One amount before conversions are joined.
struct SingleAmount {
    span: Span,
    amount: Amount,
    bare_family: Option<String>,
}

/// Reads the money of one text.
struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    currencies: &'t Currencies,
    year: Option<i32>,
    tokens: Vec<Token>,
    /// Bytes looked at, for the linearity test.
    steps: usize,
    /// The currency of the last amount that has cents.
    cents_code: Option<&'t str>,
    /// (family, code) of qualified names seen so far, latest last.
    qualified: Vec<(&'t str, &'t str)>,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str, currencies: &'t Currencies, year: Option<i32>) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            currencies,
            year,
            tokens: Vec::new(),
            steps: 0,
            cents_code: None,
            qualified: Vec::new(),
        }
    }

    fn read_all(&mut self) -> Vec<MoneyMatch> {
        self.find_tokens();
        let mut singles = Vec::new();
        let mut floor = 0;
        for index in 0..self.tokens.len() {
            if self.tokens[index].start < floor {
                continue;
            }
            if let Some(single) = self.read_token(index, floor) {
                floor = single.span.end;
                singles.push(single);
            }
        }
        self.join_conversions(&singles)
    }

    fn find_tokens(&mut self) {
        let currencies = self.currencies;
        let mut from = 0;
        while let Some(found) = currencies
            .automaton
            .find(aho_corasick::Input::new(self.text).range(from..))
        {
            self.steps += found.len();
            let unit_index = found.pattern().as_usize();
            let accepted = currencies
                .units
                .get(unit_index)
                .and_then(|unit| self.accept(unit, found.start(), found.end()));
            if let Some((start, multiplier)) = accepted {
                self.tokens.push(Token {
                    start,
                    end: found.end(),
                    unit: unit_index,
                    multiplier,
                });
                from = found.end();
            } else {
                // A find refused for its context ("nt $" inside "sent $5" is no NT$) may hide
                // a token that starts inside it (the "$"): look again from its next byte.
                // Patterns are at most a few bytes, so the text is still read in linear time.
                from = found.start() + 1;
            }
        }
    }

    /// Whether the automaton's find at `start..end` is the unit written as a currency: word
    /// boundaries and case rules. Returns the token's start (before an "M" of "MUSD") and its
    /// multiplier.
    fn accept(&self, unit: &Unit, start: usize, end: usize) -> Option<(usize, Option<f64>)> {
        let written = self.text.get(start..end)?;
        let before = self.text.get(..start)?.chars().next_back();
        let after = self.text.get(end..)?.chars().next();
        let is_letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        match &unit.kind {
            UnitKind::Symbol { case_sensitive } => {
                if *case_sensitive && written != unit.text {
                    return None;
                }
                let starts_with_letter = unit.text.starts_with(|c: char| c.is_ascii_alphabetic());
                if starts_with_letter
                    && before.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’')
                {
                    return None;
                }
                Some((start, None))
            }
            UnitKind::Code { lower_case, word } => {
                if is_letter(after) {
                    return None;
                }
                let upper = !written.bytes().any(|b| b.is_ascii_lowercase());
                let lower = !written.bytes().any(|b| b.is_ascii_uppercase());
                if !(upper || (lower && *lower_case && !*word)) {
                    return None;
                }
                if !is_letter(before) {
                    return Some((start, None));
                }
                // "30 MUSD", "120 meur", "MAUD 60": a million (or "k" a thousand) of the code.
                let prefix_at = start.checked_sub(1)?;
                let prefix = self.bytes[prefix_at];
                let multiplier = match prefix {
                    b'M' if upper => 1e6,
                    b'm' if lower => 1e6,
                    b'k' | b'K' => 1e3,
                    _ => return None,
                };
                let before_prefix = self.text.get(..prefix_at)?.chars().next_back();
                if is_letter(before_prefix) || *word {
                    return None;
                }
                Some((prefix_at, Some(multiplier)))
            }
            UnitKind::Name { .. } | UnitKind::Subunit { .. } => {
                if is_letter(before) || is_letter(after) {
                    return None;
                }
                Some((start, None))
            }
        }
    }

    /// The index of the token starting exactly at `pos`, looking after token `index`.
    fn token_at(&self, pos: usize, index: usize) -> Option<usize> {
        self.tokens
            .iter()
            .enumerate()
            .skip(index + 1)
            .take_while(|(_, token)| token.start <= pos)
            .find(|(_, token)| token.start == pos)
            .map(|(found, _)| found)
    }

    /// The number right after a currency token: glued or after a few spaces.
    fn number_after(&mut self, pos: usize) -> Option<(Number, usize)> {
        let start = self.skip_spaces(pos);
        let number = self.number_at(start)?;
        Some((number, start - pos))
    }

    /// The number that ends right before a currency token (glued, a few spaces or a hyphen)
    /// and starts at or after `floor`.
    fn number_before(&mut self, token_start: usize, floor: usize) -> Option<(Number, usize)> {
        let bytes = self.bytes;
        let mut number_end = token_start;
        while number_end > floor
            && token_start - number_end < MAX_GAP
            && matches!(bytes[number_end - 1], b' ' | b'\t')
        {
            number_end -= 1;
        }
        if number_end == token_start && number_end > floor && bytes[number_end - 1] == b'-' {
            number_end -= 1;
        }
        if number_end <= floor || !bytes[number_end - 1].is_ascii_alphanumeric() {
            return None;
        }
        // Walk back over number-like words to find where the number may start.
        let window_floor = floor.max(number_end.saturating_sub(160));
        let mut starts = [0usize; MAX_WORDS];
        let mut count = 0;
        let mut word_end = number_end;
        while count < MAX_WORDS {
            let mut word_start = word_end;
            while word_start > window_floor
                && (bytes[word_start - 1].is_ascii_alphanumeric()
                    || matches!(bytes[word_start - 1], b'.' | b','))
            {
                word_start -= 1;
            }
            self.steps += word_end - word_start + 1;
            if word_start == word_end
                || (word_start > 0
                    && word_start == window_floor
                    && bytes[word_start - 1].is_ascii_alphanumeric())
            {
                break;
            }
            // Skip punctuation glued before the word ("(5 million", ",5 million").
            while word_start < word_end && !bytes[word_start].is_ascii_alphanumeric() {
                word_start += 1;
            }
            let word = self.text.get(word_start..word_end).unwrap_or_default();
            let numeric = word.starts_with(|c: char| c.is_ascii_digit())
                || is_number_word(word.trim_end_matches(['.', ',']));
            if !numeric {
                break;
            }
            starts[count] = word_start;
            count += 1;
            if word_start < window_floor + 2
                || !matches!(bytes[word_start - 1], b' ' | b'-')
                || !bytes[word_start - 2].is_ascii_alphanumeric()
            {
                break;
            }
            word_end = word_start - 1;
        }
        // The earliest start whose number ends exactly before the token.
        for &start in starts[..count].iter().rev() {
            if let Some(number) = self.number_at(start)
                && number.end == number_end
            {
                return Some((number, token_start - number_end));
            }
        }
        None
    }

    /// The currency a name means here: its own when qualified, else the text's last qualified
    /// name of its family, else by date.
    fn name_code(&mut self, unit: &'t Unit) -> (&'t str, Option<&'t str>) {
        let UnitKind::Name {
            family,
            qualified,
            from_2002,
        } = &unit.kind
        else {
            return (&unit.code, None);
        };
        if *qualified {
            // One entry per family, so a text of a million "Swiss francs" stays linear.
            self.qualified.retain(|(seen, _)| seen != family);
            self.qualified.push((family, &unit.code));
            return (&unit.code, None);
        }
        if let Some(&(_, code)) = self.qualified.iter().rev().find(|(f, _)| f == family) {
            return (code, None);
        }
        let code = match (from_2002, self.year) {
            (Some(modern), Some(year)) if year >= 2002 => modern,
            _ => &unit.code,
        };
        (code, Some(family))
    }

    /// Reads the amount of token `index`, whose number must start at or after `floor`.
    fn read_token(&mut self, index: usize, floor: usize) -> Option<SingleAmount> {
        let token = self.tokens[index];
        let currencies = self.currencies;
        let unit = currencies.units.get(token.unit)?;
        let (postfix_allowed, prefix_allowed) = match &unit.kind {
            UnitKind::Symbol { .. } => (true, true),
            UnitKind::Code { word, .. } => (true, !word),
            UnitKind::Name { family, .. } => {
                (true, PREFIX_NAME_FAMILIES.contains(&family.as_str()))
            }
            UnitKind::Subunit { .. } => (true, false),
        };
        let left = if postfix_allowed {
            self.number_before(token.start, floor)
        } else {
            None
        };
        let mut right = if prefix_allowed {
            self.number_after(token.end)
        } else {
            None
        };
        if matches!(unit.kind, UnitKind::Name { .. }) {
            // "yen 100 billion" only: a name before a bare number is rarely money.
            right = right.filter(|(number, _)| number.scaled && left.is_none());
        }
        let postfix = match (&left, &right) {
            (None, None) => return None,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some((before, before_gap)), Some((after, after_gap))) => {
                if *after_gap == 0 && *before_gap > 0 {
                    false
                } else if *before_gap == 0 && *after_gap > 0 {
                    true
                } else {
                    match unit.kind {
                        // "$ 20" unless the next number has its own unit: "10 $ 30 cent".
                        UnitKind::Symbol { .. } => {
                            let next = self.skip_spaces(after.end);
                            self.token_at(next, index).is_some()
                        }
                        UnitKind::Code { .. } => {
                            !((after.scaled && !before.scaled) || before.year_like)
                        }
                        _ => true,
                    }
                }
            }
        };
        let (number, start, mut end) = if postfix {
            let (number, _) = left?;
            (number, number.start, token.end)
        } else {
            let (number, _) = right?;
            (number, token.start, number.end)
        };
        if let UnitKind::Name { family, .. } = &unit.kind
            && family == "pound"
            && self.is_weight(&number, token)
        {
            return None;
        }
        if postfix && number.year_like && self.is_year_before_word(&number, token) {
            return None;
        }
        let mut value = number.value * token.multiplier.unwrap_or(1.0);
        let mut bare_family = None;
        let code: &'t str = match &unit.kind {
            UnitKind::Subunit {
                factor,
                follows_previous,
            } => {
                value *= factor;
                match (follows_previous, self.cents_code) {
                    (true, Some(code)) => code,
                    _ => &unit.code,
                }
            }
            UnitKind::Name { .. } => {
                let (code, family) = self.name_code(unit);
                bare_family = family.map(str::to_owned);
                code
            }
            _ => &unit.code,
        };
        // "75 USD million": a scale word after a code.
        if postfix && matches!(unit.kind, UnitKind::Code { .. }) && !number.scaled {
            let word_start = self.skip_spaces(end);
            if word_start > end {
                let word = self.word_at(word_start);
                let word_end = word_start + word.len();
                if let Some(power) = scale_word_power(word).filter(|_| {
                    !self
                        .bytes
                        .get(word_end)
                        .is_some_and(u8::is_ascii_alphanumeric)
                }) {
                    value *= 10f64.powi(power);
                    end = word_end;
                }
            }
        }
        let main_unit = !matches!(unit.kind, UnitKind::Subunit { .. });
        let mut continued = false;
        if main_unit
            && number.whole
            && token.multiplier.is_none()
            && end == token.end.max(number.end)
            && let Some((extra, extra_end)) = self.cents_after(end, index, code)
        {
            value += extra;
            end = extra_end;
            continued = true;
        }
        if !postfix && !continued {
            // "$ 10 dollars": a name repeating the symbol's currency belongs to the amount.
            let next = self.skip_spaces(end);
            if let Some(next_index) = self.token_at(next, index) {
                let next_token = self.tokens[next_index];
                let next_unit = currencies.units.get(next_token.unit)?;
                if matches!(next_unit.kind, UnitKind::Name { .. }) && next_unit.code == code {
                    end = next_token.end;
                }
            }
        }
        if main_unit && CENT_CODES.contains(&code) {
            self.cents_code = Some(code);
        }
        Some(SingleAmount {
            span: Span::new(start, end),
            amount: Amount::new(value, code),
            bare_family,
        })
    }

    /// "In 2016 Rand Paul ran", "In 1949 Mao proclaimed", "in 1989 dollars": a year before a
    /// capitalised word, or after "in", is a date, not an amount.
    fn is_year_before_word(&mut self, number: &Number, token: Token) -> bool {
        let written = self.text.get(token.start..token.end).unwrap_or_default();
        let capitalised = written.starts_with(|c: char| c.is_uppercase())
            && written.chars().any(char::is_lowercase);
        let mut word_end = number.start;
        while word_end > 0 && self.bytes[word_end - 1] == b' ' && number.start - word_end < MAX_GAP
        {
            word_end -= 1;
        }
        let after_in = word_end >= 2
            && self.bytes[word_end - 2..word_end].eq_ignore_ascii_case(b"in")
            && (word_end == 2 || !self.bytes[word_end - 3].is_ascii_alphanumeric());
        self.steps += number.start - word_end + 1;
        let named = matches!(
            self.currencies.units.get(token.unit).map(|unit| &unit.kind),
            Some(UnitKind::Name { .. } | UnitKind::Subunit { .. })
        );
        named && (capitalised || after_in)
    }

    /// "10 pounds of cocaine", "a 200-pound man": weight, not sterling.
    fn is_weight(&mut self, number: &Number, token: Token) -> bool {
        let hyphenated = self.bytes.get(number.end) == Some(&b'-');
        let next = self.skip_spaces(token.end);
        hyphenated || (next > token.end && self.word_at(next).eq_ignore_ascii_case("of"))
    }

    /// The cents after a whole amount: "3 dollars 50 cents", "thirteen dollars forty five",
    /// "one dollar and one", "c $ 100 and fifty", "one kuai and five mao five". Returns the
    /// value to add and where the amount now ends.
    fn cents_after(&mut self, pos: usize, index: usize, code: &str) -> Option<(f64, usize)> {
        let mut start = self.skip_spaces(pos);
        if start == pos {
            return None;
        }
        if self.word_at(start).eq_ignore_ascii_case("and") {
            let after_and = start + 3;
            start = self.skip_spaces(after_and);
            if start == after_and {
                return None;
            }
        }
        let count = self.small_number_at(start, 100.0)?;
        let next = self.skip_spaces(count.end);
        if let Some(sub_index) = self.token_at(next, index) {
            let sub_token = self.tokens[sub_index];
            let unit = self.currencies.units.get(sub_token.unit)?;
            let UnitKind::Subunit {
                factor,
                follows_previous,
            } = unit.kind
            else {
                return None;
            };
            if !follows_previous && unit.code != code {
                return None;
            }
            let mut extra = count.value * factor;
            let mut end = sub_token.end;
            // "five mao five": a digit after tenths is hundredths (fen).
            if (factor - 0.1).abs() < 1e-12 {
                let digit_start = self.skip_spaces(end);
                if digit_start > end
                    && let Some(digit) = self.small_number_at(digit_start, 10.0)
                    && self.ends_clause(digit.end)
                {
                    extra += digit.value * 0.01;
                    end = digit.end;
                }
            }
            return Some((extra, end));
        }
        if self.ends_clause(count.end) {
            return Some((count.value / 100.0, count.end));
        }
        None
    }

    /// A whole number below `limit` with at most two digits, or in words.
    fn small_number_at(&mut self, pos: usize, limit: f64) -> Option<Number> {
        let number = self.number_at(pos)?;
        let digits = self.text.get(number.start..number.end)?;
        let short = !digits.starts_with(|c: char| c.is_ascii_digit()) || digits.len() <= 2;
        (number.whole && number.value < limit && short).then_some(number)
    }

    /// Whether the clause ends at `pos`: end of text, punctuation, or "and"/"more".
    fn ends_clause(&mut self, pos: usize) -> bool {
        let next = self.skip_spaces(pos);
        match self.bytes.get(next) {
            None | Some(b'.' | b',' | b';' | b':' | b'!' | b'?' | b')') => true,
            Some(_) => {
                next > pos && {
                    let word = self.word_at(next);
                    word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("more")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
