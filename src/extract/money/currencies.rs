//! The currency table (assets/currencies.ron) and the one automaton that finds its words.
//!
//! Every money expression contains a currency token: a symbol ("$", "€", "HK$"), a code ("USD",
//! "rmb"), a name ("yuan", "Swiss francs") or a subunit ("cents"). So the reader does not look at
//! every number in a text; it finds the currency tokens in one aho-corasick pass (leftmost-longest,
//! so "Swiss francs" wins over "francs") and reads the numbers next to them.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::extract::ExtractError;

/// The table as the asset writes it (see `tools/currencies_from_cldr.py`).
#[derive(serde::Deserialize)]
struct CurrencyTable {
    codes: Vec<CodeRow>,
    symbols: Vec<SymbolRow>,
    names: Vec<NameRow>,
    subunits: Vec<SubunitRow>,
}

#[derive(serde::Deserialize)]
struct CodeRow {
    text: String,
    code: String,
    lower_case: bool,
    word: bool,
}

#[derive(serde::Deserialize)]
struct SymbolRow {
    text: String,
    code: String,
    case_sensitive: bool,
}

#[derive(serde::Deserialize)]
struct NameRow {
    text: String,
    code: String,
    family: String,
    qualified: bool,
    #[serde(default)]
    from_2002: Option<String>,
}

#[derive(serde::Deserialize)]
struct SubunitRow {
    text: String,
    code: String,
    factor: f64,
    follows_previous: bool,
}

/// How a currency token is written, which decides where its number may stand.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum UnitKind {
    /// "$", "€", "HK$": before or after the number.
    Symbol {
        /// Must be written exactly as listed ("A$" yes, "a$" no).
        case_sensitive: bool,
    },
    /// "USD", "rmb": before or after the number, upper case (lower case when `lower_case`).
    Code {
        /// Also read in lower case ("usd 200").
        lower_case: bool,
        /// Also an English word ("ALL", "TRY"): only upper case and only after a number.
        word: bool,
    },
    /// "yuan", "Swiss francs": after the number ("dollar 22.5 million" for a few families).
    Name {
        /// The word a bare name shares with its qualified forms ("franc").
        family: String,
        /// Names one currency by itself ("Swiss francs"), not by default ("francs").
        qualified: bool,
        /// What a bare name means in documents dated 2002 or later.
        from_2002: Option<String>,
    },
    /// "cents", "pence": after the number, a fraction of the main unit.
    Subunit {
        /// Value of one subunit in the main unit.
        factor: f64,
        /// Takes the currency of the text's previous amount (cents of A$ are Australian).
        follows_previous: bool,
    },
}

/// One currency token the automaton knows.
#[derive(Clone, Debug)]
pub(super) struct Unit {
    /// The text as listed (lower case except codes and case-sensitive symbols).
    pub text: String,
    /// ISO 4217 code (XBT for bitcoin, which has none).
    pub code: String,
    /// How it is written.
    pub kind: UnitKind,
}

/// The built-in currency table with its automaton.
pub(super) struct Currencies {
    /// The units, indexed by automaton pattern id.
    pub units: Vec<Unit>,
    /// Finds unit texts, ASCII case-insensitively, leftmost-longest.
    pub automaton: AhoCorasick,
}

const CURRENCIES_RON: &str = include_str!("../../../assets/currencies.ron");

impl Currencies {
    /// The built-in table, parsed on first use.
    pub fn builtin() -> Result<&'static Currencies, ExtractError> {
        static BUILTIN: OnceLock<Result<Currencies, String>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Currencies::parse(CURRENCIES_RON))
            .as_ref()
            .map_err(|message| ExtractError::Asset {
                name: "currencies.ron",
                message: message.clone(),
            })
    }

    fn parse(source: &str) -> Result<Currencies, String> {
        let table: CurrencyTable = ron::from_str(source).map_err(|error| error.to_string())?;
        let mut units: Vec<Unit> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        // Earlier lists win a text they share: a symbol over a name over a code over a subunit.
        let mut push = |unit: Unit| {
            if seen.insert(unit.text.to_ascii_lowercase()) {
                units.push(unit);
            }
        };
        for row in table.symbols {
            push(Unit {
                text: row.text,
                code: row.code,
                kind: UnitKind::Symbol {
                    case_sensitive: row.case_sensitive,
                },
            });
        }
        for row in table.names {
            push(Unit {
                text: row.text,
                code: row.code,
                kind: UnitKind::Name {
                    family: row.family,
                    qualified: row.qualified,
                    from_2002: row.from_2002,
                },
            });
        }
        for row in table.codes {
            push(Unit {
                text: row.text,
                code: row.code,
                kind: UnitKind::Code {
                    lower_case: row.lower_case,
                    word: row.word,
                },
            });
        }
        for row in table.subunits {
            push(Unit {
                text: row.text,
                code: row.code,
                kind: UnitKind::Subunit {
                    factor: row.factor,
                    follows_previous: row.follows_previous,
                },
            });
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // A DFA: a few hundred KB for a 4-5x faster pass than the default NFA.
            .kind(Some(AhoCorasickKind::DFA))
            .build(units.iter().map(|unit| unit.text.as_str()))
            .map_err(|error| error.to_string())?;
        Ok(Currencies { units, automaton })
    }
}

#[cfg(test)]
mod tests {
    use super::{Currencies, UnitKind};

    #[test]
    fn builtin_table_parses_and_knows_the_common_currencies() {
        let currencies = Currencies::builtin().expect("currencies.ron parses");
        let code_of = |text: &str| {
            currencies
                .units
                .iter()
                .find(|unit| unit.text.eq_ignore_ascii_case(text))
                .map(|unit| unit.code.as_str())
        };
        assert_eq!(code_of("yuan"), Some("CNY"));
        assert_eq!(code_of("finnish markka"), Some("FIM"));
        assert_eq!(code_of("swiss francs"), Some("CHF"));
        assert_eq!(code_of("HK$"), Some("HKD"));
        assert_eq!(code_of("£"), Some("GBP"));
        assert_eq!(code_of("RMB"), Some("CNY"));
        assert!(currencies.units.iter().any(|unit| matches!(
            unit.kind,
            UnitKind::Subunit { factor, .. } if (factor - 0.01).abs() < 1e-12
        )));
    }
}
