//! Annual average exchange rates (`assets/fx_yearly.csv`, from the Federal Reserve's rates):
//! how many units of a currency one US dollar bought on average in a year.
//!
//! The table is compiled in and parsed once; a figure is converted with the rate of its own
//! year, never a nearby one, so a missing year is reported as such rather than guessed.

use std::collections::BTreeMap;
use std::sync::OnceLock;

const FX_YEARLY_CSV: &str = include_str!("../../../assets/fx_yearly.csv");

/// The rates by (currency, year).
pub struct Rates {
    by_currency_year: BTreeMap<(String, i32), f64>,
}

impl Rates {
    /// The built-in table, parsed on first use (lines that do not parse are skipped: the
    /// generator writes only valid ones, and a test checks that every line parses).
    pub fn builtin() -> &'static Rates {
        static BUILTIN: OnceLock<Rates> = OnceLock::new();
        BUILTIN.get_or_init(|| Rates::parse(FX_YEARLY_CSV))
    }

    /// Parses `year,currency,per_usd` lines; comments (`#`) and the header are skipped.
    pub fn parse(source: &str) -> Rates {
        let by_currency_year = source
            .lines()
            .filter_map(parse_line)
            .map(|(year, currency, per_usd)| ((currency.to_owned(), year), per_usd))
            .collect();
        Rates { by_currency_year }
    }

    /// Units of `currency` per US dollar on average in `year` (1 for the dollar itself).
    pub fn per_usd(&self, currency: &str, year: i32) -> Option<f64> {
        if currency == "USD" {
            return Some(1.0);
        }
        self.by_currency_year
            .get(&(currency.to_owned(), year))
            .copied()
    }

    /// How many (currency, year) rates the table has.
    pub fn len(&self) -> usize {
        self.by_currency_year.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_currency_year.is_empty()
    }

    /// The latest year any rate is given for.
    pub fn latest_year(&self) -> Option<i32> {
        self.by_currency_year.keys().map(|(_, year)| *year).max()
    }
}

/// One data line: (year, currency, units per dollar), or `None` for comments, the header and
/// anything malformed or not a positive finite rate.
fn parse_line(line: &str) -> Option<(i32, &str, f64)> {
    let line = line.trim();
    if line.starts_with('#') {
        return None;
    }
    let mut fields = line.split(',');
    let year = fields.next()?.parse().ok()?;
    let currency = fields.next()?;
    let per_usd: f64 = fields.next()?.parse().ok()?;
    (fields.next().is_none() && per_usd.is_finite() && per_usd > 0.0 && currency.len() == 3)
        .then_some((year, currency, per_usd))
}

#[cfg(test)]
mod tests {
    use super::{FX_YEARLY_CSV, Rates, parse_line};

    #[test]
    fn every_data_line_of_the_table_parses() {
        let data_lines = FX_YEARLY_CSV
            .lines()
            .filter(|line| !line.starts_with('#'))
            .skip(1);
        for line in data_lines {
            assert!(parse_line(line).is_some(), "{line}");
        }
        assert!(Rates::builtin().len() > 900);
    }

    #[test]
    fn the_yuan_of_2022_and_the_dollar_itself() {
        let rates = Rates::builtin();
        let cny = rates.per_usd("CNY", 2022).expect("CNY 2022");
        assert!((6.5..7.0).contains(&cny), "{cny}");
        assert_eq!(rates.per_usd("USD", 1850), Some(1.0));
        assert_eq!(rates.per_usd("RUB", 1998), None);
        assert_eq!(
            rates.per_usd("FRF", 2010),
            None,
            "the franc ended with the euro"
        );
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let rates = Rates::parse(
            "year,currency,per_usd\n2020,EUR,-1\n2020,EURO,1\nx\n2020,GBP,0.78,9\n2021,GBP,0.73\n",
        );
        assert_eq!(rates.len(), 1);
        assert_eq!(rates.per_usd("GBP", 2021), Some(0.73));
    }
}
