//! Ranges: "$2-3 billion", "$2 billion to $3 billion", "between $2 and $3 billion" are one
//! amount with a low and a high end, not two amounts (or one amount and a stray number).
//!
//! The money reader finds amounts one by one; this joins two amounts in one currency written
//! with "-", "–", "to" or ("between ...") "and" between them, and reads the bare number a
//! dash or "to" puts after an amount ("$2-3 billion": "$2", then "3 billion").

use crate::extract::money::MoneyMatch;
use crate::model::Span;

/// The widest gap between two amounts of a range ("  to  ").
const MAX_GAP_BYTES: usize = 6;

/// The scale words a bare range end may carry, with their powers of ten.
const SCALES: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("bn", 1e9),
    ("tn", 1e12),
    ("m", 1e6),
];

/// The money matches with ranges joined, in order.
pub(super) fn join_ranges(text: &str, found: Vec<MoneyMatch>) -> Vec<MoneyMatch> {
    let mut joined: Vec<MoneyMatch> = Vec::with_capacity(found.len());
    for money in found {
        if let Some(last) = joined.last_mut()
            && join_pair(text, last, &money)
        {
            continue;
        }
        joined.push(money);
    }
    for money in &mut joined {
        extend_with_bare_end(text, money);
    }
    joined
}

/// Joins `next` into `low` when the two are a range's ends; says whether it did.
fn join_pair(text: &str, low: &mut MoneyMatch, next: &MoneyMatch) -> bool {
    let ([low_amount], [high_amount]) = (low.amounts.as_slice(), next.amounts.as_slice()) else {
        return false;
    };
    if low_amount.currency != high_amount.currency || low_amount.upper.is_some() {
        return false;
    }
    let Some(gap) = text.get(low.span.end..next.span.start) else {
        return false;
    };
    if gap.len() > MAX_GAP_BYTES {
        return false;
    }
    let gap = gap.trim();
    let between_before = text
        .get(low.span.start.saturating_sub(12)..low.span.start)
        .is_some_and(|before| before.to_ascii_lowercase().contains("between"));
    let joins = matches!(gap, "-" | "–" | "to") || (gap == "and" && between_before);
    if !joins {
        return false;
    }
    let high = high_amount.value;
    let mut value = low_amount.value;
    // "$2 to $3 billion": the low end takes the high end's scale.
    if value < 1000.0
        && high >= 1e5
        && let Some(&(_, scale)) = SCALES
            .iter()
            .filter(|(_, scale)| value * scale <= high)
            .max_by(|(_, a), (_, b)| a.total_cmp(b))
    {
        value *= scale;
    }
    if !(value > 0.0 && value < high) {
        return false;
    }
    low.amounts[0].value = value;
    low.amounts[0].upper = Some(high);
    low.span = Span::new(low.span.start, next.span.end);
    true
}

/// "$2-3 billion": an amount followed by a dash or "to" and a bare number with a scale word.
fn extend_with_bare_end(text: &str, money: &mut MoneyMatch) {
    let [amount] = money.amounts.as_mut_slice() else {
        return;
    };
    if amount.upper.is_some() {
        return;
    }
    let Some(rest) = text.get(money.span.end..) else {
        return;
    };
    let after_joiner = if let Some(rest) = rest.strip_prefix(['-', '–']) {
        rest
    } else if let Some(rest) = rest.strip_prefix(" to ") {
        rest
    } else {
        return;
    };
    let digits = after_joiner
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(after_joiner.len());
    let Ok(number) = after_joiner[..digits].parse::<f64>() else {
        return;
    };
    let after_number = &after_joiner[digits..];
    let spaced = after_number.trim_start_matches(' ');
    let Some(&(word, scale)) = SCALES.iter().find(|(word, _)| {
        spaced.len() >= word.len()
            && spaced.is_char_boundary(word.len())
            && spaced[..word.len()].eq_ignore_ascii_case(word)
            && !spaced[word.len()..].starts_with(|c: char| c.is_alphanumeric())
    }) else {
        return;
    };
    let (low, high) = (amount.value * scale, number * scale);
    if !(low > 0.0 && low < high && high.is_finite()) {
        return;
    }
    amount.value = low;
    amount.upper = Some(high);
    let consumed = (rest.len() - after_joiner.len())
        + digits
        + (after_number.len() - spaced.len())
        + word.len();
    money.span = Span::new(money.span.start, money.span.end + consumed);
}

#[cfg(test)]
mod tests {
    use super::join_ranges;
    use crate::extract::money::find_money;

    fn range_of(text: &str) -> (f64, Option<f64>, String) {
        let found = join_ranges(text, find_money(text));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let amount = &found[0].amounts[0];
        let span = found[0].span;
        (
            amount.value,
            amount.upper,
            text[span.start..span.end].to_owned(),
        )
    }

    #[test]
    fn ranges_are_one_amount_with_two_ends() {
        for text in [
            "aid of $2-3 billion a year",
            "aid of $2 billion to $3 billion",
            "aid of between $2 billion and $3 billion",
            "aid of $2 to $3 billion",
        ] {
            let (low, high, _) = range_of(text);
            assert_eq!((low, high), (2e9, Some(3e9)), "{text}");
        }
        let (low, high, _) = range_of("a loan of $5 billion, officials said");
        assert_eq!((low, high), (5e9, None));
    }
}
