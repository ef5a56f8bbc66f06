//! Finding countries, blocs, seats, bodies and office holders in text: a wrong mention puts a
//! country on the map that the article never spoke of; a missed one drops its ties.

use tiemap::extract::gazetteer::Gazetteer;
use tiemap::extract::sentences::split_sentences;
use tiemap::extract::{DocDate, MentionForm};
use tiemap::model::ActorKind;

fn gazetteer() -> Gazetteer {
    Gazetteer::builtin().expect("the built-in gazetteer loads")
}

/// (mention text, actor id) pairs found in `text` at `date`.
fn found(text: &str, date: Option<&str>) -> Vec<(String, String)> {
    let sentences = split_sentences(text);
    gazetteer()
        .find_mentions(text, &sentences, date.and_then(DocDate::parse))
        .into_iter()
        .map(|mention| {
            (
                text[mention.span.start..mention.span.end].to_owned(),
                mention.actors.join("+"),
            )
        })
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    found(text, None).into_iter().map(|(_, id)| id).collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(text, id)| ((*text).to_owned(), (*id).to_owned()))
        .collect()
}

#[test]
fn the_bundled_article_yields_the_actor_table_of_expected_md() {
    let text = include_str!("../data/article.txt");
    let mentions = found(text, Some("2023-02"));
    for (words, id) in [
        ("US", "USA"),
        ("Biden administration", "USA"),
        ("Antony Blinken", "USA"),
        ("Blinken", "USA"),
        ("China", "CHN"),
        ("Chinese", "CHN"),
        ("Beijing", "CHN"),
        ("Xi Jinping", "CHN"),
        ("Xi", "CHN"),
        ("Russia", "RUS"),
        ("Russian", "RUS"),
        ("Moscow", "RUS"),
        ("Kremlin", "RUS"),
        ("Vladimir Putin", "RUS"),
        ("Ukraine", "UKR"),
        ("NATO", "NATO"),
        ("Western", "WEST"),
        ("European", "EU"),
    ] {
        assert!(
            mentions.contains(&(words.to_owned(), id.to_owned())),
            "{words} -> {id} missing from {mentions:?}"
        );
    }
    // "US Secretary of State", "US intelligence officials", "Chinese companies", "US-led".
    for (phrase, id) in [
        ("the US Secretary of State", "USA"),
        ("US intelligence officials", "USA"),
        ("A few Chinese companies", "CHN"),
        ("a US-led world order", "USA"),
        ("Russian President Vladimir Putin", "RUS"),
    ] {
        let start = text.find(phrase).expect("phrase in the article");
        let sentences = split_sentences(text);
        let inside = gazetteer()
            .find_mentions(text, &sentences, DocDate::parse("2023-02"))
            .into_iter()
            .filter(|m| m.span.start >= start && m.span.end <= start + phrase.len())
            .collect::<Vec<_>>();
        assert!(
            !inside.is_empty() && inside.iter().all(|m| m.actors == [id]),
            "{phrase}: {inside:?}"
        );
    }
    // Nothing else: no actor for "Covid" or "Olympics", "Beijing Olympics" makes no country
    // other than CHN, and no stray country or bloc anywhere.
    let allowed = ["USA", "CHN", "RUS", "UKR", "NATO", "WEST", "EU"];
    for (words, id) in &mentions {
        assert!(allowed.contains(&id.as_str()), "unexpected {words} -> {id}");
        assert!(
            !words.contains("Covid") && !words.contains("Olympics"),
            "{words}"
        );
    }
    assert_eq!(
        mentions.iter().filter(|(_, id)| id == "RUS").count(),
        12,
        "{mentions:?}"
    );
}

#[test]
fn mentions_are_sorted_non_overlapping_and_typed_by_form() {
    let text = "The Kremlin said Russian troops left. The State Department and Antony Blinken replied from Washington.";
    let sentences = split_sentences(text);
    let mentions = gazetteer().find_mentions(text, &sentences, DocDate::parse("2022-05"));
    let forms: Vec<MentionForm> = mentions.iter().map(|m| m.form).collect();
    assert_eq!(
        forms,
        [
            MentionForm::Seat,
            MentionForm::Adjective,
            MentionForm::Body,
            MentionForm::Person,
            MentionForm::Seat
        ]
    );
    for window in mentions.windows(2) {
        assert!(window[0].span.end <= window[1].span.start);
    }
}

#[test]
fn short_forms_and_historic_names_resolve_to_their_ids() {
    assert_eq!(
        ids(
            "The U.S., the USA, America, the UK, Britain, the UAE, the DPRK, North Korea, the ROK and the PRC."
        ),
        [
            "USA", "USA", "USA", "GBR", "GBR", "ARE", "PRK", "PRK", "KOR", "CHN"
        ]
    );
    assert_eq!(
        ids(
            "Burma, Ivory Coast, Zaire, Swaziland, the USSR, the Soviet Union, Yugoslavia, Kiev and Kyiv."
        ),
        [
            "MMR", "CIV", "COD", "SWZ", "SUN", "SUN", "YUG", "UKR", "UKR"
        ]
    );
    assert_eq!(
        ids("Taiwan, Kosovo, Hong Kong, Western Sahara, Palestine and the Vatican."),
        ["TWN", "XKX", "HKG", "ESH", "PSE", "VAT"]
    );
    assert_eq!(
        ids(
            "NATO, the EU, the UN, the G7, the G20, BRICS, ASEAN, the African Union, OPEC, the SCO and the West."
        ),
        [
            "NATO", "EU", "UN", "G7", "G20", "BRICS", "ASEAN", "AU", "OPEC", "SCO", "WEST"
        ]
    );
}

#[test]
fn the_longest_name_wins() {
    assert_eq!(
        found(
            "South Korea, Papua New Guinea, the Democratic Republic of the Congo, Congo-Brazzaville and Equatorial Guinea.",
            None
        ),
        pairs(&[
            ("South Korea", "KOR"),
            ("Papua New Guinea", "PNG"),
            ("Democratic Republic of the Congo", "COD"),
            ("Congo-Brazzaville", "COG"),
            ("Equatorial Guinea", "GNQ"),
        ])
    );
    assert_eq!(
        ids("Niger and Nigeria, Guinea-Bissau and Guinea."),
        ["NER", "NGA", "GNB", "GIN"]
    );
    assert_eq!(ids("New Mexico and Mexico."), ["MEX"]);
}

#[test]
fn georgia_the_us_state_is_not_the_country() {
    assert!(ids("He grew up in Atlanta, Georgia, and moved to Savannah, Georgia.").is_empty());
    assert!(ids("Georgia governor Brian Kemp and Georgia Republicans met.").is_empty());
    assert!(ids("The state of Georgia will hold a runoff.").is_empty());
    assert_eq!(ids("Russia invaded Georgia in 2008."), ["RUS", "GEO"]);
    assert_eq!(ids("Georgia and Armenia signed a deal."), ["GEO", "ARM"]);
}

#[test]
fn jordan_and_chad_as_names_are_not_the_countries() {
    assert!(ids("Michael Jordan scored 40 points, and Chad Smith played drums.").is_empty());
    assert!(ids("Jordan Peterson spoke.").is_empty());
    assert_eq!(
        ids("King Abdullah of Jordan met officials in Chad."),
        ["JOR", "TCD"]
    );
    assert_eq!(
        ids("Jordan and Israel signed a water deal."),
        ["JOR", "ISR"]
    );
    assert_eq!(ids("Neighbouring Jordan closed its border."), ["JOR"]);
}

#[test]
fn turkey_the_bird_and_china_the_porcelain_are_not_countries() {
    assert!(ids("We ate roast turkey and a Thanksgiving turkey, then cold turkey.").is_empty());
    assert!(ids("The Thanksgiving Turkey was pardoned. A Turkey sandwich.").is_empty());
    assert!(ids("Turkey Prices Soar Ahead of Thanksgiving").is_empty());
    assert!(ids("Grandma's fine china and the china cabinet.").is_empty());
    assert!(ids("A Guinea pig and guinea pigs.").is_empty());
    assert_eq!(
        ids("Turkey and Greece held talks; China and Guinea signed."),
        ["TUR", "GRC", "CHN", "GIN"]
    );
}

#[test]
fn us_is_a_country_only_in_capitals() {
    assert!(ids("Let us know, he told us.").is_empty());
    assert_eq!(
        ids("The US said the U.S.-led coalition and US-led forces will stay."),
        ["USA", "USA", "USA"]
    );
}

#[test]
fn all_caps_headlines_still_work_where_unambiguous() {
    assert_eq!(ids("CHINA WARNS US OVER TAIWAN"), ["CHN", "USA", "TWN"]);
    assert_eq!(
        ids("RUSSIA AND UKRAINE AGREE PRISONER SWAP"),
        ["RUS", "UKR"]
    );
    assert!(ids("MICHAEL JORDAN RETURNS").is_empty());
    assert!(ids("ROAST TURKEY RECIPES").is_empty());
    // Capitals inside ordinary text are acronyms or shouting, not headlines.
    assert!(ids("The TURKEY recipe.").is_empty());
}

#[test]
fn the_west_and_its_look_alikes() {
    assert_eq!(
        found(
            "Tensions between the West and Russia rose in the West Bank, said Kanye West.",
            None
        ),
        pairs(&[("West", "WEST"), ("Russia", "RUS"), ("West Bank", "PSE")])
    );
    assert_eq!(
        found(
            "US intelligence officials, Chinese companies, European leaders and Western governments.",
            None
        ),
        pairs(&[
            ("US", "USA"),
            ("Chinese", "CHN"),
            ("European", "EU"),
            ("Western", "WEST")
        ])
    );
}

#[test]
fn events_named_after_a_capital_are_not_its_government() {
    assert!(ids("Putin attended the Beijing Olympics and the Paris Agreement talks.").len() == 1);
    assert_eq!(
        ids("The Beijing Olympics opened; Beijing protested."),
        ["CHN"]
    );
    assert!(ids("The Covid pandemic and the Olympics.").is_empty());
}

#[test]
fn office_holders_resolve_by_the_documents_date() {
    assert_eq!(ids_at("Blinken arrived.", "2023-02"), ["USA"]);
    assert!(
        ids_at("Blinken arrived.", "2015").is_empty(),
        "not in office in 2015"
    );
    assert_eq!(ids_at("Yeltsin met Clinton.", "1995-06-01"), ["RUS", "USA"]);
    assert!(ids_at("Yeltsin spoke.", "2005").is_empty());
    assert_eq!(ids_at("Trump spoke.", "2019"), ["USA"]);
    assert!(ids_at("Trump spoke.", "2022-06").is_empty());
    assert_eq!(ids_at("Trump spoke.", "2025-03"), ["USA"]);
    assert_eq!(
        ids_at("The Biden administration and Xi Jinping.", "2023"),
        ["USA", "CHN"]
    );
    // With no date a name is taken when all its holders served one actor.
    assert_eq!(ids("Blinken and Lavrov met."), ["USA", "RUS"]);
}

fn ids_at(text: &str, date: &str) -> Vec<String> {
    found(text, Some(date))
        .into_iter()
        .map(|(_, id)| id)
        .collect()
}

#[test]
fn blocs_have_members_and_countries_have_none() {
    let gazetteer = gazetteer();
    let nato = gazetteer.members("NATO");
    assert!(
        nato.iter().any(|id| id == "USA") && nato.iter().any(|id| id == "FIN") && nato.len() == 32
    );
    assert_eq!(gazetteer.members("EU").len(), 27);
    assert_eq!(gazetteer.members("UN").len(), 193);
    assert!(gazetteer.members("USA").is_empty());
    assert!(gazetteer.members("nope").is_empty());
    let eu = gazetteer.actor("EU").expect("EU");
    assert_eq!(
        (eu.name.as_str(), eu.kind),
        ("European Union", ActorKind::Bloc)
    );
    assert_eq!(
        gazetteer.actor("CHN").map(|a| a.kind),
        Some(ActorKind::Country)
    );
    for bloc in [
        "NATO", "EU", "UN", "G7", "G20", "BRICS", "ASEAN", "AU", "OPEC", "SCO", "WEST",
    ] {
        assert_eq!(
            gazetteer.actor(bloc).map(|a| a.kind),
            Some(ActorKind::Bloc),
            "{bloc}"
        );
    }
}

#[test]
fn every_un_member_and_observer_is_known() {
    let gazetteer = gazetteer();
    let countries = gazetteer
        .actors()
        .iter()
        .filter(|a| a.kind == ActorKind::Country)
        .count();
    assert!(countries >= 195 + 8, "{countries}");
    for id in [
        "VAT", "PSE", "TWN", "XKX", "HKG", "ESH", "SUN", "YUG", "SSD", "TLS", "MNE",
    ] {
        assert!(gazetteer.actor(id).is_some(), "{id}");
    }
}

#[test]
fn bad_input_never_panics_and_stays_linear() {
    let gazetteer = gazetteer();
    for text in [
        String::new(),
        "\u{0}\u{1}\u{7f}China\u{0}Russia\u{1b}[0m".to_owned(),
        "(".repeat(200_000) + "China" + &")".repeat(200_000),
        "é".repeat(100_000) + "China" + &"中".repeat(100_000),
        "Chinaa".repeat(200_000),
        "U.S.".repeat(200_000),
    ] {
        let sentences = split_sentences(&text);
        let mentions = gazetteer.find_mentions(&text, &sentences, None);
        for mention in mentions {
            assert!(text.get(mention.span.start..mention.span.end).is_some());
        }
    }
    let line = "Russia and China agreed on trade with the EU in 2023, Putin said. ".repeat(160_000);
    let started = std::time::Instant::now();
    let sentences = split_sentences(&line);
    let mentions = gazetteer.find_mentions(&line, &sentences, None);
    assert_eq!(mentions.len(), 4 * 160_000);
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    // Sentences that do not match the text (an empty list, stale offsets) are tolerated.
    let _ = gazetteer.find_mentions("China and Russia.", &[], None);
}

#[test]
fn capitals_and_countries_that_are_also_names() {
    assert!(ids("Jack London and Denzel Washington read the Washington Post.").is_empty());
    assert_eq!(
        ids("Paris Hilton flew from Paris to London."),
        ["FRA", "GBR"]
    );
    // A country before another capitalised word is still the country.
    assert_eq!(
        ids("The Israel Hamas war and India Pakistan talks."),
        ["ISR", "IND", "PAK"]
    );
    assert_eq!(
        ids("Bosnian Serb leaders and Kosovo Albanians met Greek Cypriots."),
        ["BIH", "XKX", "CYP"]
    );
    assert_eq!(
        ids("N. Korea fires missile as S. Korea, U.S. hold drills"),
        ["PRK", "KOR", "USA"]
    );
}

#[test]
fn a_rejected_long_match_leaves_the_shorter_name_inside_it() {
    // "Biden administration" only from 2021; in 2015 "Biden" is still the vice president.
    assert_eq!(
        found("The Biden administration said.", Some("2015")),
        pairs(&[("Biden", "USA")])
    );
    assert!(found("The Biden administration said.", Some("2005")).is_empty());
}
