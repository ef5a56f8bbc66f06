//! Light coreference: "the two nations", "its", "this relationship". A wrong resolution draws a
//! tie between countries the sentence never related; a missed one loses a stated tie.

use tiemap::extract::coref::resolve_references;
use tiemap::extract::gazetteer::Gazetteer;
use tiemap::extract::sentences::split_sentences;
use tiemap::extract::{ActorMention, DocDate, MentionForm};

fn resolve(text: &str, date: Option<&str>) -> Vec<ActorMention> {
    let sentences = split_sentences(text);
    let gazetteer = Gazetteer::builtin().expect("gazetteer");
    let mut mentions = gazetteer.find_mentions(text, &sentences, date.and_then(DocDate::parse));
    resolve_references(text, &sentences, &mut mentions);
    mentions
}

/// The references only, as (words, actors).
fn references(text: &str) -> Vec<(String, Vec<String>)> {
    resolve(text, None)
        .into_iter()
        .filter(|mention| mention.form == MentionForm::Reference)
        .map(|mention| {
            (
                text[mention.span.start..mention.span.end].to_owned(),
                mention.actors,
            )
        })
        .collect()
}

fn reference(words: &str, actors: &[&str]) -> (String, Vec<String>) {
    (
        words.to_owned(),
        actors.iter().map(|id| (*id).to_owned()).collect(),
    )
}

fn sentence_of(text: &str, position: usize) -> usize {
    split_sentences(text)
        .iter()
        .position(|span| span.start <= position && position < span.end)
        .unwrap_or(usize::MAX)
}

#[test]
fn the_bundled_article_resolves_the_references_of_expected_md() {
    let text = include_str!("../data/article.txt");
    let mentions = resolve(text, Some("2023-02"));
    let find = |words: &str, sentence: usize| {
        mentions
            .iter()
            .find(|m| {
                m.form == MentionForm::Reference
                    && text[m.span.start..m.span.end] == *words
                    && sentence_of(text, m.span.start) == sentence
            })
            .map(|m| {
                let mut actors = m.actors.clone();
                actors.sort();
                actors
            })
    };
    let china_russia = Some(vec!["CHN".to_owned(), "RUS".to_owned()]);
    assert_eq!(find("the two nations", 1), china_russia);
    assert_eq!(find("the two countries", 10), china_russia);
    assert_eq!(find("This relationship", 6), china_russia);
    // Still sorted and non-overlapping.
    for window in mentions.windows(2) {
        assert!(window[0].span.end <= window[1].span.start, "{window:?}");
    }
}

#[test]
fn pair_references_take_the_last_two_countries_in_the_order_named() {
    assert_eq!(
        references(
            "Japan hosted India. Later France met Germany, and the two countries signed a pact."
        ),
        [reference("the two countries", &["FRA", "DEU"])]
    );
    assert_eq!(
        references("Vietnam and the Philippines said both nations would talk to each other."),
        [
            reference("both nations", &["VNM", "PHL"]),
            reference("each other", &["VNM", "PHL"])
        ]
    );
    // Blocs count for "sides" but not for "countries".
    assert_eq!(
        references("NATO warned Russia. The two sides met."),
        [reference("The two sides", &["NATO", "RUS"])]
    );
    assert!(references("NATO warned Russia. The two countries met.").is_empty());
    // Too far back, or only one country: no guess.
    assert!(
        references("Brazil spoke. Nothing happened. Nothing again. The two countries met.")
            .is_empty()
    );
    assert!(references("Brazil spoke. The two countries met.").is_empty());
}

#[test]
fn singular_references_need_one_country_in_focus() {
    assert_eq!(
        references("Beijing has stressed its desire for peace."),
        [reference("its", &["CHN"])]
    );
    assert_eq!(
        references("Iran launched drones. The country said the government had no choice."),
        [
            reference("The country", &["IRN"]),
            reference("the government", &["IRN"])
        ]
    );
    // Two countries in focus: unresolved.
    assert!(references("Russia warned Ukraine about its plans.").is_empty());
    assert!(references("Russia warned Ukraine. The country said no.").is_empty());
    // A country named earlier in the sentence wins over the previous sentence.
    assert_eq!(
        references("Russia and Ukraine fought. Later Turkey offered its help."),
        [reference("its", &["TUR"])]
    );
}

#[test]
fn relationship_references_take_the_pair_most_named_in_the_sentence_before() {
    assert_eq!(
        references(
            "Trade with Russia shows China strengthening its partnership with Russia. This relationship matters."
        ),
        [reference("This relationship", &["RUS", "CHN"])]
    );
    // "the relationship between X and Y" names its pair itself.
    assert!(
        references("China met Russia. The relationship between Japan and Korea cooled.")
            .iter()
            .all(|(words, _)| words != "The relationship")
    );
    assert!(references("Nobody spoke. These ties matter.").is_empty());
}

#[test]
fn references_inside_names_are_dropped_and_bad_input_is_harmless() {
    // "Its" inside nothing, "the country" inside a longer name would overlap: nothing breaks.
    for text in [
        "",
        "its its its",
        "The two countries.",
        "\u{0}each other\u{1}",
        "ITS rules.",
    ] {
        let mentions = resolve(text, None);
        for window in mentions.windows(2) {
            assert!(window[0].span.end <= window[1].span.start);
        }
    }
    let long = "China said its economy grew and the two countries, each other, this relationship. "
        .repeat(50_000);
    let started = std::time::Instant::now();
    let mentions = resolve(&long, None);
    assert!(mentions.len() >= 100_000);
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}
