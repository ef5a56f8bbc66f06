use super::*;

fn lexicon() -> &'static EventLexicon {
    EventLexicon::bundled().expect("bundled lexicon loads")
}

fn tokens(text: &str) -> Vec<&str> {
    text.split(' ').filter(|w| !w.is_empty()).collect()
}

fn events(text: &str) -> Vec<EventMatch> {
    let words = tokens(text);
    let mut out = Vec::new();
    lexicon().find(&words, None, &mut out);
    out
}

/// (anchor word, category, CAMEO code) of every event.
fn summary(text: &str) -> Vec<(String, Category, String)> {
    let words = tokens(text);
    events(text)
        .iter()
        .map(|m| {
            (
                words[m.anchor as usize].to_lowercase(),
                m.category,
                lexicon().sense(m.sense).cameo.to_string(),
            )
        })
        .collect()
}

fn categories(text: &str) -> Vec<Category> {
    events(text).iter().map(|m| m.category).collect()
}

#[test]
fn a_verb_states_its_blocks_default_code() {
    // INVADE [192] is a default code, no pattern needed, in every inflection.
    for form in ["invaded", "invades", "invading", "invade"] {
        let text = format!("Atlantis {form} Lemuria .");
        assert_eq!(
            summary(&text),
            [(form.to_owned(), Category::Coerce, "192".to_owned())],
            "{text}"
        );
    }
}

#[test]
fn a_pattern_flips_the_verbs_code() {
    // "lift * sanctions" is CAMEO 085 (RETREAT: ease economic sanctions) ...
    let lifted = events("The union lifted the sanctions on Atlantis .");
    assert_eq!(lifted.len(), 1, "{lifted:?}");
    assert_eq!(lifted[0].category, Category::Retreat);
    assert_eq!(&*lexicon().sense(lifted[0].sense).cameo, "085");
    assert_eq!(lifted[0].words.as_slice(), [2, 4]);
    // ... while imposing them is 163, which the PLOVER table files under COERCE.
    assert_eq!(
        categories("The union imposed sanctions on Atlantis ."),
        [Category::Coerce]
    );
    // The noun alone is the same CAMEO 163 event.
    assert_eq!(
        categories("New sanctions on Atlantis ."),
        [Category::Coerce]
    );
}

#[test]
fn suspended_aid_is_a_sanction_not_aid() {
    let found = events("Atlantis suspended military aid to Lemuria .");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].category, Category::Sanction);
    assert_eq!(found[0].anchor, 1);
    assert!(categories("Atlantis sent aid to Lemuria .").contains(&Category::Aid));
}

#[test]
fn an_appeal_states_nothing_and_takes_its_words() {
    // "ask * aid" is CAMEO 023 (appeal), which PLOVER does not code: no AID from "aid".
    assert_eq!(categories("Atlantis asked for aid ."), []);
}

#[test]
fn noun_cues_carry_their_head() {
    let words = tokens("a deadly missile attack on the port");
    let mut out = Vec::new();
    lexicon().find(&words, None, &mut out);
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].kind, CueKind::Noun);
    assert_eq!(out[0].category, Category::Assault);
    assert_eq!(out[0].anchor, 3, "the head noun 'attack'");
    assert_eq!(out[0].words.as_slice(), [2, 3]);
    assert!(out[0].flags.place_target);
}

#[test]
fn a_verb_form_after_a_determiner_is_a_noun() {
    let found = events("the visit of the Lemurian envoy");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, CueKind::Noun);
    assert_eq!(found[0].category, Category::Consult);
}

#[test]
fn title_case_headlines_match() {
    assert_eq!(
        categories("Atlantis Lifts Sanctions On Lemuria"),
        categories("Atlantis lifts sanctions on Lemuria")
    );
    assert_eq!(categories("LEADERS HOLD TALKS"), [Category::Consult]);
}

#[test]
fn flags_follow_the_code() {
    let talks = events("The two leaders held talks in the capital .");
    assert_eq!(talks.len(), 1, "{talks:?}");
    assert!(talks[0].flags.symmetric);
    let hosted = events("Atlantis hosted the Lemurian president .");
    assert!(hosted.iter().any(|m| m.flags.reversed), "{hosted:?}");
    let aid = events("humanitarian aid from Atlantis");
    assert!(aid[0].flags.from_source, "{aid:?}");
}

#[test]
fn prepositions_mark_the_target() {
    // "lobby * (AGAINST)" is 113 (rally opposition against): the target is the object of "against".
    let found = events("Atlantis lobbied against Lemuria .");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].category, Category::Accuse);
    assert_eq!(found[0].target_prep, Some(2));
}

#[test]
fn a_parse_keeps_pattern_words_in_the_verbs_subtree() {
    // "lifted" (1) has object "ban" (3); "sanctions" (7) is the object of the conjoined "warned"
    // (6), deeper in the subtree: the nearer pattern word wins.
    let text = tokens("Atlantis lifted a ban and Lemuria warned sanctions");
    let heads = [
        Some(1),
        None,
        Some(3),
        Some(1),
        Some(6),
        Some(6),
        Some(1),
        Some(6),
    ];
    let mut out = Vec::new();
    lexicon().find(&text, Some(&heads), &mut out);
    let lifted = out
        .iter()
        .find(|m| m.anchor == 1)
        .expect("lifted states an event");
    assert_eq!(
        lifted.category,
        Category::Concede,
        "lift * ban is 081: {out:?}"
    );
    assert_eq!(lifted.words.as_slice(), [1, 3]);
    // Far beyond the window, the parse still finds the object.
    let text = tokens("Atlantis lifted , after long and bitter months of debate , the sanctions");
    let mut heads: Vec<Option<u32>> = vec![Some(1); text.len()];
    heads[1] = None;
    heads[11] = Some(12);
    let mut out = Vec::new();
    lexicon().find(&text, Some(&heads), &mut out);
    let lifted = out
        .iter()
        .find(|m| m.anchor == 1)
        .expect("lifted states an event");
    assert_eq!(
        (lifted.category, lifted.words.as_slice()),
        (Category::Retreat, &[1, 12][..])
    );
    let mut windowed = Vec::new();
    lexicon().find(&text, None, &mut windowed);
    assert!(windowed.iter().all(|m| m.category != Category::Retreat));
}

#[test]
fn passive_verbs_find_their_object_before_them() {
    assert!(categories("The sanctions were lifted on Monday .").contains(&Category::Retreat));
}

#[test]
fn a_verb_without_code_or_pattern_states_nothing() {
    assert_eq!(categories("He appeared tired ."), []);
}

#[test]
fn scope_words_are_queried_by_token() {
    let lex = lexicon();
    assert!(lex.is_negator("not") && lex.is_negator("Never"));
    assert!(lex.is_hedge("may") && !lex.is_hedge("sanctions"));
    assert!(lex.is_adjacent_negator("no") && lex.is_echo("echoed"));
    let words = tokens("they refused to impose no limits");
    let mut found = Vec::new();
    lex.modifiers(&words, &mut found);
    let kinds: Vec<(ModifierKind, u32, u32)> =
        found.iter().map(|m| (m.kind, m.start, m.end)).collect();
    assert_eq!(
        kinds,
        [(ModifierKind::Negator, 1, 3), (ModifierKind::Neutral, 4, 6)]
    );
}

#[test]
fn multiword_verbs_beat_their_first_word() {
    // CANCEL's "call off" (with "* TALKS" [164:164]) over CALL [041:041].
    let found = summary("They called off the talks .");
    assert_eq!(
        found.first().map(|f| f.1),
        Some(Category::Sanction),
        "{found:?}"
    );
}

#[test]
fn from_source_is_a_verbatim_copy_of_bundled() {
    let parsed = EventLexicon::from_source(BUNDLED).expect("parses");
    assert_eq!(parsed.counts(), lexicon().counts());
    assert!(EventLexicon::from_source("X\tnonsense").is_err());
}

#[test]
fn agent_words_know_the_state_from_the_rest() {
    let agents = AgentWords::bundled().expect("agents load");
    for word in [
        "soldiers",
        "troops",
        "government",
        "army",
        "Navy",
        "police",
        "diplomats",
        "ministry",
        "companies",
        "firms",
        "officials",
        "people",
    ] {
        assert_eq!(agents.agent(word), Some(AgentKind::State), "{word}");
    }
    for word in [
        "rebels",
        "militants",
        "insurgents",
        "opposition",
        "separatists",
        "terrorists",
        "protesters",
    ] {
        assert_eq!(agents.agent(word), Some(AgentKind::NonState), "{word}");
    }
    assert_eq!(
        agents.agent_at(&["security", "forces", "fired"], 0),
        Some((2, AgentKind::State))
    );
    let names: Vec<&str> = agents.groups().iter().map(|g| g.name.as_str()).collect();
    for name in [
        "taliban",
        "hamas",
        "hezbollah",
        "isis",
        "al-shabaab",
        "boko haram",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "sorted");
}

#[test]
fn the_curated_overrides_that_ties_depend_on() {
    let cases = [
        (
            "Atlantis cut diplomatic ties with Lemuria .",
            Category::Sanction,
            "161",
        ),
        (
            "Atlantis expelled four diplomats .",
            Category::Sanction,
            "161",
        ),
        (
            "Atlantis recalled its ambassador .",
            Category::Sanction,
            "161",
        ),
        (
            "Atlantis froze the assets of Lemurian banks .",
            Category::Coerce,
            "163",
        ),
        ("Atlantis eased the embargo .", Category::Retreat, "085"),
        (
            "Atlantis and Lemuria signed a trade agreement .",
            Category::Support,
            "057",
        ),
    ];
    for (text, category, cameo) in cases {
        let found = summary(text);
        assert!(
            found.iter().any(|f| f.1 == category && f.2 == cameo),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn verb_forms_follow_english_spelling() {
    let lex = lexicon();
    // Doubling (stop, commit), -e (agree keeps it before -ing; ease drops it), -ie (die),
    // consonant + y (hurry), both spellings of -l (travel), irregular forms from {} (sped).
    for form in [
        "stopped",
        "stopping",
        "committed",
        "agreed",
        "agreeing",
        "eased",
        "easing",
        "dying",
        "hurried",
        "hurries",
        "travelled",
        "traveled",
        "sped",
        "Visited",
    ] {
        assert!(lex.is_verb_form(form), "{form}");
    }
    for wrong in [
        "stoped", "agreing", "easeing", "visitted", "hurryed", "dieing",
    ] {
        assert!(!lex.is_verb_form(wrong), "{wrong}");
    }
}

#[test]
fn a_preposition_of_a_pattern_must_hang_from_the_patterns_words() {
    let words = tokens("Russia staged drills near the border with Finland .");
    let categories_with = |heads: &[Option<u32>]| {
        let mut out = Vec::new();
        lexicon().find(&words, Some(heads), &mut out);
        out.iter().map(|m| m.category).collect::<Vec<_>>()
    };
    // "with Finland" under the verb: drills held with Finland, a joint exercise.
    let on_the_verb = [
        Some(1),
        None,
        Some(1),
        Some(5),
        Some(5),
        Some(2),
        Some(7),
        Some(1),
        Some(1),
    ];
    assert!(categories_with(&on_the_verb).contains(&Category::Cooperate));
    // "with Finland" under "border": the border's, and the drills are not held with anyone.
    let on_the_border = [
        Some(1),
        None,
        Some(1),
        Some(5),
        Some(5),
        Some(2),
        Some(7),
        Some(5),
        Some(1),
    ];
    assert!(!categories_with(&on_the_border).contains(&Category::Cooperate));
}

#[test]
fn the_noun_of_a_verb_takes_its_patterns_and_keeps_its_phrase() {
    // "a suspension of aid" is the suspension's, not the announcement's.
    assert_eq!(
        categories("Canada announced a suspension of aid to Haiti"),
        vec![Category::Sanction]
    );
    let welcomed = categories("Haiti welcomed the lifting of sanctions");
    assert!(
        welcomed.contains(&Category::Retreat) && !welcomed.contains(&Category::Sanction),
        "{welcomed:?}"
    );
}
