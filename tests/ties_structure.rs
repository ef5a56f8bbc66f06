//! How sentence structure, negation and hedging decide a tie, on hand-built mentions (so
//! these tests do not depend on the gazetteer): passive voice, possessives, "between X and
//! Y", group references, places, negation scope, hedges, and bad input.

use tiemap::extract::sentences::split_sentences;
use tiemap::extract::ties::extract_ties;
use tiemap::extract::{ActorMention, Lexicon, MentionForm};
use tiemap::model::{Category, Span, Tie};

/// Every whole-word, case-sensitive occurrence of each phrase becomes a mention.
fn mentions(text: &str, names: &[(&str, &[&str], MentionForm)]) -> Vec<ActorMention> {
    let mut found = Vec::new();
    for (phrase, actors, form) in names {
        let mut from = 0;
        while let Some(offset) = text[from..].find(phrase) {
            let start = from + offset;
            let end = start + phrase.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                found.push(ActorMention {
                    actors: actors.iter().map(|actor| (*actor).to_owned()).collect(),
                    span: Span::new(start, end),
                    form: *form,
                });
            }
            from = end;
        }
    }
    found.sort_by_key(|mention| (mention.span.start, mention.span.end));
    found
}

const NAMES: &[(&str, &[&str], MentionForm)] = &[
    ("China", &["CHN"], MentionForm::Name),
    ("Chinese", &["CHN"], MentionForm::Adjective),
    ("Beijing", &["CHN"], MentionForm::Seat),
    ("Russia", &["RUS"], MentionForm::Name),
    ("Russian", &["RUS"], MentionForm::Adjective),
    ("Moscow", &["RUS"], MentionForm::Seat),
    ("Kremlin", &["RUS"], MentionForm::Seat),
    ("Ukraine", &["UKR"], MentionForm::Name),
    ("US", &["USA"], MentionForm::Name),
    ("Blinken", &["USA"], MentionForm::Person),
    ("NATO", &["NATO"], MentionForm::Name),
    ("European", &["EU"], MentionForm::Adjective),
    ("India", &["IND"], MentionForm::Name),
    ("Nepal", &["NPL"], MentionForm::Name),
    ("Iran", &["IRN"], MentionForm::Name),
    ("Iranian", &["IRN"], MentionForm::Adjective),
    ("Israeli", &["ISR"], MentionForm::Adjective),
    ("Israel", &["ISR"], MentionForm::Name),
    ("the two nations", &["CHN", "RUS"], MentionForm::Reference),
];

fn ties(text: &str) -> Vec<Tie> {
    let lexicon = Lexicon::builtin().expect("lexicon loads");
    let sentences = split_sentences(text);
    extract_ties(
        "test",
        text,
        &sentences,
        &mentions(text, NAMES),
        &lexicon,
        parser(),
    )
}

fn find<'t>(ties: &'t [Tie], source: &str, target: &str, category: Category) -> Option<&'t Tie> {
    ties.iter()
        .find(|tie| tie.source == source && tie.target == target && tie.category == category)
}

fn has_pair(ties: &[Tie], x: &str, y: &str) -> bool {
    ties.iter()
        .any(|tie| (tie.source == x && tie.target == y) || (tie.source == y && tie.target == x))
}

#[test]
fn subject_acts_on_object_and_the_order_matters() {
    let found = ties("Russia invaded Ukraine in 2022.");
    assert!(find(&found, "RUS", "UKR", Category::Assault).is_some());
    assert!(find(&found, "UKR", "RUS", Category::Assault).is_none());
}

#[test]
fn passive_agent_after_by_is_the_source() {
    let found = ties("A few Chinese companies have been blacklisted by the US over the conflict.");
    let tie = find(&found, "USA", "CHN", Category::Sanction).expect("USA->CHN SANCTION");
    assert_eq!(tie.mode, "blacklist");
    // Without an agent the source is unknown: no tie.
    let found = ties("Chinese companies were blacklisted last year, Russia said.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn possessive_owner_of_a_noun_cue_is_the_source() {
    let found = ties("Beijing never condemned Russia's invasion of Ukraine.");
    assert!(find(&found, "RUS", "UKR", Category::Assault).is_some_and(|tie| !tie.negated));
    let found = ties("The Russian invasion of Ukraine dragged on.");
    assert!(find(&found, "RUS", "UKR", Category::Assault).is_some());
}

#[test]
fn between_x_and_y_and_group_references_give_both_sides() {
    let found = ties("Trade between China and Russia grew fast.");
    assert!(has_pair(&found, "CHN", "RUS"));
    let found = ties("They signalled a partnership between the two nations.");
    let tie = found.first().expect("a tie");
    assert_eq!(
        (tie.category, tie.mode.as_str()),
        (Category::Support, "partnership")
    );
    assert!(has_pair(&found, "CHN", "RUS"));
}

#[test]
fn symmetric_cue_with_a_partner_after_with() {
    let found = ties("Beijing has expanded trade with Russia.");
    let tie = find(&found, "CHN", "RUS", Category::Cooperate).expect("CHN-RUS trade");
    assert_eq!(tie.mode, "trade");
}

#[test]
fn two_countries_without_a_linking_cue_make_no_tie() {
    assert!(ties("China and India both border Nepal.").is_empty());
    assert!(ties("China claimed impartiality in the conflict in Ukraine.").is_empty());
}

#[test]
fn a_country_named_as_a_place_is_not_a_party() {
    let found = ties("Blinken met Chinese officials in Moscow on Monday.");
    assert!(find(&found, "USA", "CHN", Category::Consult).is_some());
    assert!(!has_pair(&found, "USA", "RUS"), "{found:?}");
}

#[test]
fn no_self_ties() {
    let found = ties("China praised Beijing's policy and Chinese diplomacy.");
    assert!(found.iter().all(|tie| tie.source != tie.target));
}

#[test]
fn negation_governs_the_first_cue_only() {
    let found = ties("China refused to condemn Moscow and echoed the Kremlin blaming NATO.");
    assert!(find(&found, "CHN", "RUS", Category::Accuse).is_some_and(|tie| tie.negated));
    let blame = find(&found, "CHN", "NATO", Category::Accuse).expect("echoed blame");
    assert!(!blame.negated);
    assert!(find(&found, "RUS", "NATO", Category::Accuse).is_some_and(|tie| !tie.negated));
}

#[test]
fn negation_reaches_into_a_clause_but_not_a_presupposed_noun_phrase() {
    let found =
        ties("US officials have not seen evidence of China providing lethal aid to Russia.");
    let aid = find(&found, "CHN", "RUS", Category::Aid).expect("the aid tie is kept");
    assert!(aid.negated);
    assert!(found.iter().all(|tie| tie.negated), "{found:?}");
    let found =
        ties("Denying prior knowledge of Russia's invasion of Ukraine, China stayed quiet.");
    assert!(find(&found, "RUS", "UKR", Category::Assault).is_some_and(|tie| !tie.negated));
}

#[test]
fn no_limits_is_not_a_negation_but_no_sanctions_is() {
    let found = ties("China and Russia declared a \u{201C}no limits\u{201D} partnership.");
    assert!(
        found
            .iter()
            .any(|tie| tie.category == Category::Support && !tie.negated)
    );
    let found = ties("India imposed no sanctions on Russia.");
    assert!(find(&found, "IND", "RUS", Category::Sanction).is_some_and(|tie| tie.negated));
}

#[test]
fn hedges_mark_possible_acts_but_not_stated_ones() {
    let found = ties("Russia could invade Ukraine within weeks.");
    assert!(find(&found, "RUS", "UKR", Category::Assault).is_some_and(|tie| tie.hedged));
    let found = ties(
        "Analysts predict that during Blinken's trip and potential visits from European leaders, Chinese counterparts will talk.",
    );
    let trip = find(&found, "USA", "CHN", Category::Consult).expect("the trip");
    assert!(!trip.hedged, "an announced trip is not hedged");
    let visits = find(&found, "EU", "CHN", Category::Consult).expect("the visits");
    assert!(visits.hedged, "potential visits are hedged");
}

#[test]
fn threats_hedge_what_they_threaten() {
    let found = ties("The US threatened to impose sanctions on Iran.");
    assert!(find(&found, "USA", "IRN", Category::Threaten).is_some_and(|tie| !tie.hedged));
    assert!(find(&found, "USA", "IRN", Category::Sanction).is_some_and(|tie| tie.hedged));
}

#[test]
fn condemning_an_earlier_act_targets_its_actor() {
    let found = ties("Israel struck Iran on Friday. Russia condemned the strikes.");
    assert!(find(&found, "ISR", "IRN", Category::Assault).is_some());
    assert!(
        find(&found, "RUS", "ISR", Category::Accuse).is_some(),
        "{found:?}"
    );
}

#[test]
fn headlines_in_title_case_read_like_sentences() {
    let found = ties("US Slaps Sanctions On Iran");
    assert!(find(&found, "USA", "IRN", Category::Sanction).is_some());
    let found = ties("Russia Invades Ukraine");
    assert!(find(&found, "RUS", "UKR", Category::Assault).is_some());
}

#[test]
fn evidence_holds_the_cue_and_the_two_mentions() {
    let found =
        ties("Chinese leader Xi welcomed Russian officials. The US warned China of consequences.");
    let tie = find(&found, "USA", "CHN", Category::Threaten).expect("warning");
    let evidence = &tie.evidence[0];
    assert_eq!(evidence.sentence, 1);
    assert_eq!(evidence.cue, "warned");
    assert_eq!(evidence.cue_span.slice(&evidence.text), Some("warned"));
    let actors: Vec<&str> = evidence.mentions.iter().map(|m| m.actor.as_str()).collect();
    assert_eq!(actors, ["USA", "CHN"]);
}

#[test]
fn bad_input_neither_panics_nor_takes_long() {
    let lexicon = Lexicon::builtin().expect("lexicon loads");
    let mut huge = String::new();
    for _ in 0..20_000 {
        huge.push_str("China attacked Russia and \u{0}\u{7} (((India ");
    }
    let sentences = vec![Span::new(0, huge.len())];
    let names = mentions(&huge, NAMES);
    let started = std::time::Instant::now();
    let found = extract_ties("huge", &huge, &sentences, &names, &lexicon, parser());
    assert!(!found.is_empty());
    assert!(started.elapsed().as_secs() < 20, "linear time expected");
    // Spans off char boundaries or past the end are skipped, not sliced.
    let text = "Chinaé Russia";
    let odd = vec![ActorMention {
        actors: vec!["CHN".to_owned()],
        span: Span::new(3, 400),
        form: MentionForm::Name,
    }];
    let _ = extract_ties(
        "odd",
        text,
        &[Span::new(0, 400), Span::new(5, 6)],
        &odd,
        &lexicon,
        parser(),
    );
    assert!(extract_ties("empty", "", &[], &[], &lexicon, parser()).is_empty());
}

#[test]
fn an_owned_event_names_its_target() {
    let found = ties("India welcomed the talks but rejected calls from Nepal for mediation.");
    assert!(
        find(&found, "IND", "NPL", Category::Reject).is_some(),
        "{found:?}"
    );
    let found = ties("Israel condemned the Iranian attack.");
    assert!(
        find(&found, "ISR", "IRN", Category::Accuse).is_some(),
        "{found:?}"
    );
}

#[test]
fn a_reaction_targets_the_act_just_stated() {
    let found = ties("Iran launched a missile over Israel, drawing condemnation from India.");
    assert!(
        find(&found, "IND", "IRN", Category::Accuse).is_some(),
        "{found:?}"
    );
}

#[test]
fn headline_commas_join_the_two_sides() {
    let found = ties("China, India Hold Border Talks");
    assert!(has_pair(&found, "CHN", "IND"), "{found:?}");
}

#[test]
fn the_speaker_of_a_quote_is_the_source() {
    let found = ties(
        "\u{201C}We condemn the Israeli strikes on Iran,\u{201D} the Chinese foreign ministry said.",
    );
    assert!(
        find(&found, "CHN", "ISR", Category::Accuse).is_some(),
        "{found:?}"
    );
}

#[test]
fn welcoming_a_decision_is_not_a_visit() {
    let found = ties("China welcomed Russia's decision and India welcomed the US proposal.");
    assert!(
        found.iter().all(|tie| tie.category != Category::Consult),
        "{found:?}"
    );
}

fn parser() -> &'static tiemap::extract::parse::Parser {
    tiemap::extract::parse::Parser::bundled().expect("parser loads")
}
