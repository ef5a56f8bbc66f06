use super::{Currencies, Reader, find_money, find_money_dated};

/// (value, currency) of every amount found, flattened.
fn amounts(text: &str) -> Vec<(f64, String)> {
    find_money(text)
        .into_iter()
        .flat_map(|found| found.amounts)
        .map(|amount| (amount.value, amount.currency))
        .collect()
}

fn assert_one(text: &str, value: f64, currency: &str) {
    let found = amounts(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    let (got_value, got_currency) = &found[0];
    assert!(
        (got_value - value).abs() <= value.abs() * 1e-12,
        "{text}: {got_value} != {value}"
    );
    assert_eq!(got_currency, currency, "{text}");
}

#[test]
fn reads_symbols_codes_and_names_with_scale_words() {
    assert_one("worth $190 billion", 1.9e11, "USD");
    assert_one("a record 1.28 trillion yuan last year", 1.28e12, "CNY");
    assert_one("EUR 3bn", 3e9, "EUR");
    assert_one("€3bn", 3e9, "EUR");
    assert_one("£59.5 million", 59.5e6, "GBP");
    assert_one("2.4 trillion rubles", 2.4e12, "RUB");
    assert_one("2.4 trillion roubles", 2.4e12, "RUB");
    assert_one("RMB 10 billion", 1e10, "CNY");
    assert_one("USD 5m", 5e6, "USD");
    assert_one("US$1.2 billion", 1.2e9, "USD");
    assert_one("$ 125 million", 1.25e8, "USD");
    assert_one("$94,000", 94_000.0, "USD");
    assert_one("3 billion dollars", 3e9, "USD");
    assert_one("a billion euros", 1e9, "EUR");
    assert_one("half a million pounds", 5e5, "GBP");
    assert_one("c$ 1.5 billion", 1.5e9, "CAD");
    assert_one("1.5 million finnish markka", 1.5e6, "FIM");
    assert_one("yen 100 billion", 1e11, "JPY");
    assert_one("A$5 million", 5e6, "AUD");
    assert_one("HK$ 3 billion", 3e9, "HKD");
    assert_one("NT$ 40 billion", 4e10, "TWD");
    assert_one("35 lakh rupees", 3.5e6, "INR");
    assert_one("12,34,567.89 rupees", 1_234_567.89, "INR");
    assert_one("30 MUSD", 3e7, "USD");
    assert_one("75 USD million", 7.5e7, "USD");
}

#[test]
fn a_bracketed_conversion_is_one_match_with_two_amounts() {
    let text = "has expanded trade with Russia, with a record 1.28 trillion yuan ($190 billion) last year.";
    let found = find_money(text);
    assert_eq!(found.len(), 1, "{found:?}");
    let only = &found[0];
    assert_eq!(
        only.span.slice(text),
        Some("1.28 trillion yuan ($190 billion)")
    );
    let amounts: Vec<(f64, &str)> = only
        .amounts
        .iter()
        .map(|amount| (amount.value, amount.currency.as_str()))
        .collect();
    assert_eq!(amounts, vec![(1.28e12, "CNY"), (1.9e11, "USD")]);
}

#[test]
fn a_bracket_that_compares_is_not_a_conversion() {
    let found = find_money("sales of $5 billion (up from $4 billion) were reported");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn cents_join_their_dollars_but_not_the_next_count() {
    assert_one("it cost 3 dollars 50 cents.", 3.5, "USD");
    assert_one("it only cost thirteen dollars forty five", 13.45, "USD");
    assert_one("It costs one dollar and one and one point", 1.01, "USD");
    assert_one(
        "One is required to pay three thousand dollars two hundred times.",
        3000.0,
        "USD",
    );
    assert_one("he paid 300 euros 25 days ago", 300.0, "EUR");
    assert_one("shares fell 34 cents", 0.34, "USD");
}

#[test]
fn words_that_are_not_money_stay_out() {
    for text in [
        "All 70 of us.",
        "ALL 5 solutions are wrong.",
        "I tried to call Bob 3 times already.",
        "He has lost his pen 7 times since Monday.",
        "Silica gel is used to absorb moisture.",
        "The party won 5 million votes.",
        "The Dow passed the 10,000 mark.",
        "growth of 5 per cent",
        "He carried 10 pounds of rice and a 20-pound bag.",
        "a $ sign, 1989, and 5 % more",
        "In 2016 Rand Paul ran; in 1949 Mao spoke.",
        "Prices are given in 1989 dollars.",
        "",
    ] {
        assert_eq!(amounts(text), Vec::new(), "{text}");
    }
}

#[test]
fn francs_follow_the_text_then_the_date() {
    assert_eq!(amounts("528 million francs")[0].1, "FRF");
    let dated = find_money_dated("528 million francs", Some(2015));
    assert_eq!(dated[0].amounts[0].currency, "CHF");
    let text = "fined 10,000 Swiss francs in 1990 and then 5,000 francs";
    let codes: Vec<String> = amounts(text).into_iter().map(|(_, code)| code).collect();
    assert_eq!(codes, vec!["CHF", "CHF"]);
}

#[test]
fn values_are_exact_for_decimal_amounts() {
    // Bit-exact: the written decimal's nearest double, as a user comparing figures expects.
    for (text, value) in [
        ("1.28 trillion yuan", 1.28e12),
        ("$48.2 million", 48.2e6),
        ("$ 2.38 billion", 2.38e9),
        ("£ 8.10 million", 8.1e6),
    ] {
        assert_eq!(amounts(text)[0].0.to_bits(), f64::to_bits(value), "{text}");
    }
}

/// Bytes looked at by the reader on `text`.
fn steps(text: &str) -> usize {
    let currencies = Currencies::builtin().expect("table parses");
    let mut reader = Reader::new(text, currencies, None);
    let _ = reader.read_all();
    reader.steps
}

#[test]
fn work_is_linear_in_hostile_input() {
    // A user would notice a hang on a pasted data dump: digits, brackets, one endless line.
    let size = 1 << 20;
    let digits = "1234567890".repeat(size / 10);
    let dollar_digits = "$1234567890 ".repeat(size / 12);
    let brackets = format!("{}$5{}", "($1 ".repeat(size / 8), ")".repeat(size / 8));
    let line = "USD 5 million ( about $ 3 million ) and 1,000,000 yuan half a million pounds "
        .repeat(size / 80);
    let words = "one hundred and twenty five ".repeat(size / 28);
    for (name, text) in [
        ("digits", digits),
        ("dollar digits", dollar_digits),
        ("brackets", brackets),
        ("money line", line),
        ("number words", words),
    ] {
        let small = steps(&text[..text.len() / 4]);
        let large = steps(&text);
        assert!(
            large <= 40 * text.len(),
            "{name}: {large} steps for {} bytes",
            text.len()
        );
        // A quarter of the text costs about a quarter of the work: no quadratic blow-up.
        assert!(
            large <= 5 * small.max(1) + 1000,
            "{name}: {small} steps for a quarter, {large} for all"
        );
    }
}

#[test]
fn a_symbol_right_after_a_refused_token_is_still_read() {
    // "nt $" (New Taiwan dollars, tokenised) matches inside "sent $5" and is refused there;
    // the "$" it hides is money. A user saw "The US sent $1 billion in aid" give no figure.
    for text in [
        "The US sent $1 billion in aid.",
        "He spent $5 on it.",
        "sent $5",
    ] {
        let found = find_money(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].amounts[0].currency, "USD", "{text}");
    }
    let hostile = "sent ".repeat(1 << 16) + "$5";
    assert_eq!(find_money(&hostile).len(), 1);
    assert!(steps(&hostile) <= 40 * hostile.len());
}
