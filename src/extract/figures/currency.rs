//! Settling currency words several countries share ("shillings", "rupees", "dinars", bare
//! "dollars") by the country the sentence or the article is about.
//!
//! The design decision: the figure's own actors first (a loan from Kenya in shillings is in
//! Kenyan shillings), then the other countries of its sentence, then the country the article
//! names most; a word no country of the text settles keeps the reader's default (US dollars
//! for "dollars", none for "shillings") and the figure says so in `currency_note`: an amount
//! is never dropped for its currency.

use crate::model::{ActorId, Amount};

/// Families of currency words several countries use: (family, [(ISO 4217 code, the
/// countries that use it)]). A figure in a bare family word takes the currency of the first
/// country of the text found here.
/// One currency of a family: its code and the countries that use it.
type Currency = (&'static str, &'static [&'static str]);

const FAMILIES: &[(&str, &[Currency])] = &[
    (
        "shilling",
        &[
            ("KES", &["KEN"]),
            ("TZS", &["TZA"]),
            ("UGX", &["UGA"]),
            ("SOS", &["SOM"]),
        ],
    ),
    (
        "rupee",
        &[
            ("INR", &["IND"]),
            ("PKR", &["PAK"]),
            ("LKR", &["LKA"]),
            ("NPR", &["NPL"]),
            ("MUR", &["MUS"]),
            ("SCR", &["SYC"]),
        ],
    ),
    (
        "peso",
        &[
            ("MXN", &["MEX"]),
            ("ARS", &["ARG"]),
            ("CLP", &["CHL"]),
            ("COP", &["COL"]),
            ("PHP", &["PHL"]),
            ("CUP", &["CUB"]),
            ("DOP", &["DOM"]),
            ("UYU", &["URY"]),
        ],
    ),
    (
        "dinar",
        &[
            ("DZD", &["DZA"]),
            ("BHD", &["BHR"]),
            ("IQD", &["IRQ"]),
            ("JOD", &["JOR"]),
            ("KWD", &["KWT"]),
            ("LYD", &["LBY"]),
            ("RSD", &["SRB"]),
            ("TND", &["TUN"]),
        ],
    ),
    (
        "franc",
        &[
            ("CHF", &["CHE", "LIE"]),
            ("FRF", &["FRA"]),
            ("BEF", &["BEL"]),
            (
                "XOF",
                &["SEN", "CIV", "MLI", "BFA", "NER", "TGO", "BEN", "GNB"],
            ),
            ("XAF", &["CMR", "TCD", "CAF", "COG", "GAB", "GNQ"]),
            ("CDF", &["COD"]),
            ("RWF", &["RWA"]),
            ("BIF", &["BDI"]),
            ("GNF", &["GIN"]),
            ("DJF", &["DJI"]),
        ],
    ),
    (
        "pound",
        &[
            ("GBP", &["GBR"]),
            ("EGP", &["EGY"]),
            ("LBP", &["LBN"]),
            ("SYP", &["SYR"]),
            ("SDG", &["SDN"]),
            ("SSP", &["SSD"]),
        ],
    ),
    (
        "dollar",
        &[
            ("USD", &["USA"]),
            ("CAD", &["CAN"]),
            ("AUD", &["AUS"]),
            ("NZD", &["NZL"]),
            ("HKD", &["HKG"]),
            ("SGD", &["SGP"]),
            ("TWD", &["TWN"]),
            ("JMD", &["JAM"]),
            ("LRD", &["LBR"]),
            ("NAD", &["NAM"]),
            ("ZWL", &["ZWE"]),
            ("BSD", &["BHS"]),
            ("BBD", &["BRB"]),
            ("BZD", &["BLZ"]),
            ("FJD", &["FJI"]),
            ("GYD", &["GUY"]),
            ("TTD", &["TTO"]),
            ("BND", &["BRN"]),
        ],
    ),
    ("krona", &[("SEK", &["SWE"]), ("ISK", &["ISL"])]),
    ("krone", &[("NOK", &["NOR"]), ("DKK", &["DNK"])]),
    (
        "riyal",
        &[("SAR", &["SAU"]), ("QAR", &["QAT"]), ("YER", &["YEM"])],
    ),
    (
        "rial",
        &[("IRR", &["IRN"]), ("OMR", &["OMN"]), ("YER", &["YEM"])],
    ),
    ("lira", &[("TRY", &["TUR"]), ("ITL", &["ITA"])]),
    ("dirham", &[("AED", &["ARE"]), ("MAD", &["MAR"])]),
    ("won", &[("KRW", &["KOR"]), ("KPW", &["PRK"])]),
];

/// The countries a text names, in the order a bare currency word is settled by.
pub(super) struct CountriesOfText<'a> {
    /// The figure's own actors.
    pub figure: &'a [ActorId],
    /// The other actors named in its sentence, in order.
    pub sentence: &'a [ActorId],
    /// The article's actors, most named first.
    pub article: &'a [ActorId],
}

/// Settles `amount`, read from a bare word of `family`: its currency becomes that of the
/// first country of the text that uses the family. Returns the note the figure carries.
pub(super) fn settle_bare_currency(
    amount: &mut Amount,
    family: &str,
    countries: &CountriesOfText<'_>,
) -> Option<String> {
    let (_, codes) = FAMILIES.iter().find(|(name, _)| *name == family)?;
    let code_of = |actor: &ActorId| {
        codes
            .iter()
            .find(|(_, users)| users.contains(&actor.as_str()))
            .map(|(code, _)| *code)
    };
    let places = [
        (countries.figure, "the figure's country"),
        (countries.sentence, "named in the sentence"),
        (countries.article, "the country the article names most"),
    ];
    let word = plural(family);
    for (actors, why) in places {
        let mut found: Vec<(&ActorId, &str)> = actors
            .iter()
            .filter_map(|actor| code_of(actor).map(|code| (actor, code)))
            .collect();
        found.dedup_by_key(|(_, code)| *code);
        match found.as_slice() {
            [] => {}
            [(actor, code)] => {
                let note = (*code != amount.currency)
                    .then(|| format!("{word}: read as {code}, the currency of {actor} ({why})"));
                (*code).clone_into(&mut amount.currency);
                return note;
            }
            several => {
                let listed: Vec<&str> = several.iter().map(|(_, code)| *code).collect();
                return Some(format!(
                    "{word}: could be {} ({why}); kept as {}",
                    listed.join(" or "),
                    amount.currency
                ));
            }
        }
    }
    let listed: Vec<&str> = codes.iter().map(|(code, _)| *code).collect();
    Some(format!(
        "{word}: no country of the text settles it (could be {}); kept as {}",
        listed.join(", "),
        amount.currency
    ))
}

/// "shilling" -> "shillings".
fn plural(family: &str) -> String {
    format!("{family}s")
}

#[cfg(test)]
mod tests {
    use super::{CountriesOfText, settle_bare_currency};
    use crate::model::{Amount, UNKNOWN_CURRENCY};

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn shillings_take_the_currency_of_the_country_the_text_is_about() {
        let mut amount = Amount::new(3.3e11, UNKNOWN_CURRENCY);
        let article = ids(&["TZA", "CHN"]);
        let note = settle_bare_currency(
            &mut amount,
            "shilling",
            &CountriesOfText {
                figure: &[],
                sentence: &[],
                article: &article,
            },
        );
        assert_eq!(amount.currency, "TZS");
        assert!(note.is_some_and(|note| note.contains("TZA")));
    }

    #[test]
    fn with_no_country_the_word_keeps_its_default_and_says_so() {
        let mut amount = Amount::new(5e6, UNKNOWN_CURRENCY);
        let note = settle_bare_currency(
            &mut amount,
            "dinar",
            &CountriesOfText {
                figure: &[],
                sentence: &ids(&["FRA"]),
                article: &ids(&["FRA"]),
            },
        )
        .expect("a note");
        assert_eq!(amount.currency, UNKNOWN_CURRENCY);
        assert!(note.contains("could be DZD"), "{note}");
    }

    #[test]
    fn the_figures_own_country_wins_over_the_article() {
        let mut amount = Amount::new(2e9, "INR");
        settle_bare_currency(
            &mut amount,
            "rupee",
            &CountriesOfText {
                figure: &ids(&["PAK"]),
                sentence: &[],
                article: &ids(&["IND"]),
            },
        );
        assert_eq!(amount.currency, "PKR");
    }
}
