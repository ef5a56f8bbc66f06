//! One small test per class of error seen on news written elsewhere (issue 8), each with
//! sentences written here for the purpose: what a user would see wrong on the map if it broke.

use tiemap::extract::Extractor;
use tiemap::model::{Category, Document, Tie};

fn ties(text: &str) -> Vec<Tie> {
    let extractor = Extractor::new().expect("assets load");
    let document = Document {
        id: "class".into(),
        title: None,
        date: Some("2021-05".into()),
        text: text.into(),
    };
    extractor.extract(&document).ties
}

fn has(found: &[Tie], source: &str, target: &str, category: Category, negated: bool) -> bool {
    found.iter().any(|tie| {
        tie.category == category
            && tie.negated == negated
            && ((tie.source == source && tie.target == target)
                || (tie.source == target && tie.target == source))
    })
}

#[test]
fn a_demonym_before_an_agent_noun_stands_for_its_country() {
    let found = ties("Kenyan troops shelled militant positions inside Somalia on Monday.");
    assert!(
        has(&found, "KEN", "SOM", Category::Assault, false),
        "{found:?}"
    );
}

#[test]
fn the_agent_of_a_passive_is_the_source() {
    let found = ties("Armenia said its border posts were attacked by Azerbaijan overnight.");
    assert!(
        found
            .iter()
            .any(|t| t.source == "AZE" && t.target == "ARM" && t.category == Category::Assault),
        "{found:?}"
    );
}

#[test]
fn failing_to_reach_an_agreement_is_a_denied_agreement() {
    let found = ties("Egypt and Ethiopia failed to reach an agreement on the dam.");
    assert!(
        !has(&found, "EGY", "ETH", Category::Agree, false),
        "{found:?}"
    );
}

#[test]
fn rebels_do_not_stand_for_their_country() {
    let found = ties("Syrian rebels attacked Turkish troops near the border.");
    assert!(
        found.iter().all(|t| t.source != "SYR" && t.target != "SYR"),
        "{found:?}"
    );
}

#[test]
fn a_city_named_as_the_place_of_talks_is_not_a_party() {
    let found = ties("Greek and Turkish diplomats held talks in Geneva on Tuesday.");
    assert!(
        has(&found, "GRC", "TUR", Category::Consult, false),
        "{found:?}"
    );
    assert!(
        found.iter().all(|t| t.source != "CHE" && t.target != "CHE"),
        "{found:?}"
    );
}

#[test]
fn title_case_headlines_are_read() {
    let found = ties("Austria Condemns Attack By Serbia");
    assert!(
        has(&found, "AUT", "SRB", Category::Accuse, false),
        "{found:?}"
    );
}

#[test]
fn lifting_sanctions_is_a_retreat_and_suspending_aid_a_sanction() {
    let found = ties("Brazil lifted sanctions against Venezuela on Friday.");
    assert!(
        has(&found, "BRA", "VEN", Category::Retreat, false),
        "{found:?}"
    );
    let found = ties("Spain suspended military aid to Morocco.");
    assert!(
        has(&found, "ESP", "MAR", Category::Sanction, false),
        "{found:?}"
    );
    assert!(
        !has(&found, "ESP", "MAR", Category::Aid, false),
        "{found:?}"
    );
}

#[test]
fn a_place_is_the_target_of_an_attack_only_when_nothing_else_is() {
    let found = ties("Chilean jets bombed rebel camps in Bolivia.");
    assert!(
        has(&found, "CHL", "BOL", Category::Assault, false),
        "{found:?}"
    );
    let found = ties("Peru fired rockets at Ecuadorian units stationed in Colombia.");
    assert!(
        found.iter().all(|t| t.target != "COL" && t.source != "COL"),
        "{found:?}"
    );
}

#[test]
fn possessors_own_the_act_they_modify() {
    let found = ties("Mexico's president will meet Colombia's leader next week.");
    assert!(
        has(&found, "MEX", "COL", Category::Consult, false),
        "{found:?}"
    );
}

#[test]
fn joint_exercises_with_a_navy_tie_both_countries() {
    let found = ties("The Norwegian navy conducted joint exercises with Danish warships.");
    assert!(
        has(&found, "NOR", "DNK", Category::Cooperate, false),
        "{found:?}"
    );
}

#[test]
fn money_handed_to_another_country_is_aid() {
    let found = ties("Norway provided 5 million euros to Kenya.");
    assert!(has(&found, "NOR", "KEN", Category::Aid, false), "{found:?}");
    let found = ties("Japan has sent emergency supplies to Nepal.");
    assert!(has(&found, "JPN", "NPL", Category::Aid, false), "{found:?}");
    assert!(
        !has(&found, "JPN", "NPL", Category::Mobilize, false),
        "{found:?}"
    );
}

#[test]
fn a_verb_that_reduces_or_ends_an_act_flips_the_noun_it_governs() {
    // The noun alone would read as aid or as a blockade; the verb turns it around.
    let found = ties(
        "Finland has sharply reduced humanitarian assistance to Bolivia. \
         Norway ended its naval blockade of Guinea. \
         Poland suspended grain shipments to Egypt.",
    );
    assert!(
        has(&found, "FIN", "BOL", Category::Sanction, false),
        "{found:?}"
    );
    assert!(
        has(&found, "NOR", "GIN", Category::Retreat, false),
        "{found:?}"
    );
    assert!(
        has(&found, "POL", "EGY", Category::Sanction, false),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|t| t.category == Category::Aid),
        "{found:?}"
    );
}

#[test]
fn an_offer_to_help_is_an_agreement_not_the_help_itself() {
    // PLOVER codes the expressed intent to cooperate (CAMEO 03) as AGREE.
    let found = ties(
        "Ireland is willing to provide emergency loans to Latvia. \
         Chile has offered to send troops to Haiti to help keep order.",
    );
    assert!(
        has(&found, "IRL", "LVA", Category::Agree, false),
        "{found:?}"
    );
    assert!(
        has(&found, "CHL", "HTI", Category::Agree, false),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|t| matches!(t.category, Category::Aid | Category::Mobilize)),
        "{found:?}"
    );
}

#[test]
fn seeking_refuge_in_a_country_asks_it_for_protection() {
    // PLOVER codes no CAMEO appeal (02): the request must come from the demand codes.
    let found = ties(
        "Hundreds of Eritrean families have sought asylum in Italy. \
         Many Yemenis sought refuge in Oman's southern province last year.",
    );
    assert!(
        has(&found, "ERI", "ITA", Category::Request, false),
        "{found:?}"
    );
    assert!(
        has(&found, "YEM", "OMN", Category::Request, false),
        "{found:?}"
    );
}

#[test]
fn a_national_agency_stands_for_its_country() {
    let found = ties("USAID delivered emergency food to Malawi after the floods.");
    assert!(has(&found, "USA", "MWI", Category::Aid, false), "{found:?}");
    let found = ties("The People's Liberation Army held drills with Cambodian troops.");
    assert!(
        found
            .iter()
            .any(|t| [t.source.as_str(), t.target.as_str()] == ["CHN", "KHM"]
                || [t.source.as_str(), t.target.as_str()] == ["KHM", "CHN"]),
        "{found:?}"
    );
}

#[test]
fn smuggled_wildlife_and_heritage_sent_home_is_a_return() {
    let found = ties(
        "Vietnamese customs handed back 12 pangolins to Laos. \
         Belgium returned the looted statues to Mali.",
    );
    assert!(
        has(&found, "BEL", "MLI", Category::Retreat, false),
        "{found:?}"
    );
}

#[test]
fn troops_for_a_mission_abroad_help_the_country_it_serves_in() {
    // The body that runs the mission is not the one helped.
    let found = ties(
        "Nepal is sending 200 soldiers to the UN peacekeeping mission in Lebanon. \
         Ghanaian troops take part in peacekeeping operations in Liberia.",
    );
    assert!(has(&found, "NPL", "LBN", Category::Aid, false), "{found:?}");
    assert!(found.iter().all(|t| t.target != "UN"), "{found:?}");
    assert!(has(&found, "GHA", "LBR", Category::Aid, false), "{found:?}");
}

#[test]
fn a_cancelled_visit_is_a_downgrade_that_happened() {
    // The verb that cancels is part of the act's pattern, not a denial of it.
    let found =
        ties("Peru's foreign minister cancelled a planned visit to Chile after the dispute.");
    assert!(
        has(&found, "PER", "CHL", Category::Sanction, false),
        "{found:?}"
    );
    assert!(
        !has(&found, "PER", "CHL", Category::Sanction, true),
        "{found:?}"
    );
}

#[test]
fn a_truce_ties_whoever_agrees_to_it_to_where_it_holds() {
    let found = ties("Armenia agreed to a ceasefire in Azerbaijan's Lachin district.");
    assert!(
        found.iter().any(|t| t.source == "ARM" && t.target == "AZE"),
        "{found:?}"
    );
    // A truce is not a place for other acts: talks in Oman are not with Oman.
    let found = ties("Yemen held talks in Oman.");
    assert!(found.iter().all(|t| t.target != "OMN"), "{found:?}");
}

#[test]
fn refusing_to_ease_or_give_way_is_a_rejection() {
    let found = ties("Hungary refused to lift the ban on Slovak trucks.");
    assert!(
        has(&found, "HUN", "SVK", Category::Reject, false),
        "{found:?}"
    );
    // Refusing to condemn is no rejection of the one not condemned.
    let found = ties("Kenya refused to condemn Ethiopia.");
    assert!(
        !has(&found, "KEN", "ETH", Category::Reject, false),
        "{found:?}"
    );
}

#[test]
fn a_pattern_of_another_clause_does_not_recast_the_cue() {
    // "aid ... conducted" spans two clauses: the suspension still reads as a sanction.
    let found = ties(
        "Japan suspended development aid to Myanmar after the army conducted a coup in February.",
    );
    assert!(
        has(&found, "JPN", "MMR", Category::Sanction, false),
        "{found:?}"
    );
    assert!(
        !has(&found, "JPN", "MMR", Category::Aid, false),
        "{found:?}"
    );
}

#[test]
fn sides_that_fight_with_no_one_else_named_fight_each_other() {
    let found = ties("Eritrean and Ethiopian soldiers battled near the border town on Sunday.");
    assert!(
        has(&found, "ERI", "ETH", Category::Assault, false),
        "{found:?}"
    );
    // Allies fighting a third party named as such are not fighting each other.
    let found = ties("Malian and French troops fought jihadist militants in the north.");
    assert!(
        !has(&found, "MLI", "FRA", Category::Assault, false),
        "{found:?}"
    );
}

#[test]
fn a_threat_is_aimed_at_whom_the_threatened_act_names() {
    // The act names its party with "with" or "from", not as an object.
    let found = ties("Morocco threatened to sever relations with Algeria.");
    assert!(
        has(&found, "MAR", "DZA", Category::Threaten, false),
        "{found:?}"
    );
    let found = ties("India threatened to stop imports from Malaysia.");
    assert!(
        has(&found, "IND", "MYS", Category::Threaten, false),
        "{found:?}"
    );
}

#[test]
fn stopping_trade_or_closing_a_border_names_the_partner_after_with_or_from() {
    let found = ties("Qatar halted imports from Egypt last month.");
    assert!(
        has(&found, "QAT", "EGY", Category::Sanction, false),
        "{found:?}"
    );
    let found = ties("Pakistan closed its border with Afghanistan on Sunday.");
    assert!(
        has(&found, "PAK", "AFG", Category::Coerce, false),
        "{found:?}"
    );
}

#[test]
fn an_act_stated_as_a_noun_keeps_its_own_category() {
    // "announced a halt to X" is a halt, not an announcement of X.
    let found = ties("Australia announced a freeze on military aid to Fiji.");
    assert!(
        has(&found, "AUS", "FJI", Category::Sanction, false),
        "{found:?}"
    );
    assert!(
        !has(&found, "AUS", "FJI", Category::Aid, false),
        "{found:?}"
    );
    let found = ties("Norway announced the suspension of its development aid to Malawi.");
    assert!(
        has(&found, "NOR", "MWI", Category::Sanction, false),
        "{found:?}"
    );
    let found = ties("Chile announced the withdrawal of its troops from Bolivia.");
    assert!(
        has(&found, "CHL", "BOL", Category::Retreat, false),
        "{found:?}"
    );
}

#[test]
fn a_time_phrase_after_the_subject_leaves_it_the_subject() {
    let found = ties("Ireland last week announced new humanitarian aid to Yemen.");
    assert!(has(&found, "IRL", "YEM", Category::Aid, false), "{found:?}");
}

#[test]
fn who_receives_is_given_to_by_whom_it_names_after_from() {
    let found = ties("Nepal received medical supplies and a grant from India.");
    assert!(
        found
            .iter()
            .any(|t| t.source == "IND" && t.target == "NPL" && t.category == Category::Aid),
        "{found:?}"
    );
    let found = ties("Mongolia has received a loan of 300 million dollars from South Korea.");
    assert!(
        found
            .iter()
            .any(|t| t.source == "KOR" && t.target == "MNG" && t.category == Category::Aid),
        "{found:?}"
    );
    assert!(
        found.iter().all(|t| t.source != "MNG"),
        "the receiver gives nothing: {found:?}"
    );
}

#[test]
fn expelling_diplomats_reduces_relations_and_deporting_people_coerces() {
    let found = ties("Latvia expelled three Belarusian diplomats on Friday.");
    assert!(
        has(&found, "LVA", "BLR", Category::Sanction, false),
        "{found:?}"
    );
    let found = ties("Malaysia expelled dozens of Indonesian workers last year.");
    assert!(
        has(&found, "MYS", "IDN", Category::Coerce, false),
        "{found:?}"
    );
}

#[test]
fn sides_that_drill_together_with_no_one_else_named_cooperate() {
    let found = ties("Indian and Japanese navies held drills in the Bay of Bengal.");
    assert!(
        has(&found, "IND", "JPN", Category::Cooperate, false),
        "{found:?}"
    );
    // Drills near another country stay a show of force against it.
    let found = ties("Russia staged drills near Finland's border.");
    assert!(
        has(&found, "RUS", "FIN", Category::Mobilize, false)
            && found.iter().all(|t| t.category != Category::Cooperate),
        "{found:?}"
    );
}

#[test]
fn a_headline_comma_between_the_actors_it_opens_with_is_and() {
    let found = ties("Iran, Saudi Arabia Restore Diplomatic Ties");
    assert!(
        found.iter().any(|t| !t.negated
            && (t.source == "IRN" || t.target == "IRN")
            && (t.source == "SAU" || t.target == "SAU")),
        "{found:?}"
    );
}

#[test]
fn a_light_verb_does_not_recast_the_act_it_holds() {
    // "held" adds nothing to "joint naval drills": cooperation, not a show of force.
    let found = ties("India and France held joint naval drills in the Arabian Sea.");
    assert!(
        has(&found, "IND", "FRA", Category::Cooperate, false),
        "{found:?}"
    );
    assert!(
        found.iter().all(|t| t.category != Category::Mobilize),
        "{found:?}"
    );
}

#[test]
fn each_member_of_a_list_that_opens_the_sentence_acts() {
    let found = ties("Estonia, Finland and Norway expelled Russian diplomats on Monday.");
    for country in ["EST", "FIN", "NOR"] {
        assert!(
            has(&found, country, "RUS", Category::Sanction, false),
            "{country}: {found:?}"
        );
    }
}
