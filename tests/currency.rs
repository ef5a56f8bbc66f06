//! Money reading measured on a public specification: Recognizers-Text's English currency model
//! (tests/data/CurrencyModel.json, MIT, see CurrencyModel.SOURCE.md): 180 cases of mostly
//! lower-cased, tokenised newswire ("$ 75 million", "420 million finnish markka").
//!
//! A case's expected result counts as found when `find_money` gives an amount with the same value
//! (relative error below 1e-9) and currency. The spec names currencies by unit ("Dollar",
//! "Finnish markka") and gives ISO codes only sometimes, so the table below maps its units to
//! ISO 4217 (and subunits to their currency with a factor: 50 "Cent" is 0.50 USD).
//!
//! The misses are listed in tests/data/currency-known-misses.txt: the test fails if a case not
//! on that list is missed (a regression a user would see as an amount gone from the map), and
//! prints the share found.

use std::collections::BTreeSet;

use tiemap::extract::money::find_money;

const SPEC: &str = include_str!("data/CurrencyModel.json");
const KNOWN_MISSES: &str = include_str!("data/currency-known-misses.txt");

/// The spec's unit -> (ISO code, factor to the main unit).
fn iso_of_unit(unit: &str) -> Option<(&'static str, f64)> {
    Some(match unit {
        "Dollar" | "United States dollar" => ("USD", 1.0),
        "Cent" => ("USD", 0.01),
        "Finnish markka" => ("FIM", 1.0),
        "Canadian dollar" => ("CAD", 1.0),
        "Australian dollar" => ("AUD", 1.0),
        "Hong Kong dollar" => ("HKD", 1.0),
        "New Zealand dollar" => ("NZD", 1.0),
        "Pound" | "British pound" => ("GBP", 1.0),
        "Pence" | "Penny" => ("GBP", 0.01),
        "Franc" => ("FRF", 1.0),
        "Swiss franc" => ("CHF", 1.0),
        "Peseta" => ("ESP", 1.0),
        "Netherlands guilder" => ("NLG", 1.0),
        "Japanese yen" => ("JPY", 1.0),
        "Chinese yuan" => ("CNY", 1.0),
        "Euro" => ("EUR", 1.0),
        "Rupee" => ("INR", 1.0),
        "Turkish lira" => ("TRY", 1.0),
        "Mexican peso" => ("MXN", 1.0),
        "Costa Rican colón" => ("CRC", 1.0),
        "Georgian lari" => ("GEL", 1.0),
        "Lao kip" => ("LAK", 1.0),
        "Sri Lankan rupee" => ("LKR", 1.0),
        // Bitcoin has no ISO code; XBT is the code markets use.
        "Bitcoin" => ("XBT", 1.0),
        "Satoshi" => ("XBT", 1e-8),
        _ => return None,
    })
}

/// One expected amount of the spec, with what we compare.
struct Expected {
    case: usize,
    text: String,
    value: Option<f64>,
    currency: Option<(&'static str, f64)>,
}

fn expected_results(spec: &serde_json::Value) -> Vec<Expected> {
    let mut expected = Vec::new();
    for (case, entry) in spec.as_array().expect("spec is a list").iter().enumerate() {
        for result in entry["Results"].as_array().into_iter().flatten() {
            let resolution = &result["Resolution"];
            let value = resolution["value"]
                .as_str()
                .and_then(|value| value.parse::<f64>().ok());
            let unit = resolution["unit"].as_str().unwrap_or_default();
            let currency = iso_of_unit(unit).or_else(|| {
                let iso = resolution["isoCurrency"].as_str()?;
                let code: &'static str = Box::leak(iso.to_owned().into_boxed_str());
                Some((code, 1.0))
            });
            expected.push(Expected {
                case,
                text: result["Text"].as_str().unwrap_or_default().to_owned(),
                value,
                currency,
            });
        }
    }
    expected
}

fn found(expected: &Expected, input: &str) -> bool {
    let (Some(value), Some((code, factor))) = (expected.value, expected.currency) else {
        return false; // a currency word with no amount ("the dollar") is no figure
    };
    let want = value * factor;
    find_money(input)
        .iter()
        .flat_map(|found| &found.amounts)
        .any(|amount| amount.currency == code && (amount.value - want).abs() <= want.abs() * 1e-9)
}

#[test]
fn finds_at_least_90_percent_of_the_currency_spec_and_no_new_misses() {
    let spec: serde_json::Value =
        serde_json::from_str(SPEC.trim_start_matches('\u{feff}')).expect("spec parses");
    let cases = spec.as_array().expect("spec is a list");
    let expected = expected_results(&spec);
    let mut misses = BTreeSet::new();
    for item in &expected {
        let input = cases[item.case]["Input"].as_str().unwrap_or_default();
        if !found(item, input) {
            misses.insert(format!("{}\t{}", item.case, item.text));
        }
    }
    let share = 1.0 - misses.len() as f64 / expected.len() as f64;
    println!(
        "currency spec: {} of {} expected amounts found ({:.1}%)",
        expected.len() - misses.len(),
        expected.len(),
        share * 100.0
    );
    for miss in &misses {
        println!("  miss: {miss}");
    }
    let known: BTreeSet<String> = KNOWN_MISSES
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let new_misses: Vec<&String> = misses.difference(&known).collect();
    assert!(new_misses.is_empty(), "new misses: {new_misses:#?}");
    assert!(share >= 0.9, "only {:.1}% found", share * 100.0);
}

#[test]
fn cases_without_money_find_none() {
    let spec: serde_json::Value =
        serde_json::from_str(SPEC.trim_start_matches('\u{feff}')).expect("spec parses");
    for entry in spec.as_array().expect("spec is a list") {
        let results = entry["Results"].as_array().map_or(0, Vec::len);
        if results == 0 {
            let input = entry["Input"].as_str().unwrap_or_default();
            assert_eq!(find_money(input), Vec::new(), "{input}");
        }
    }
}
