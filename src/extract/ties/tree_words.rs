//! The word lists the tree reader consults: heads that name no state, heads of missions and
//! truces, prepositions of role, aim and place, and acts sides do with each other.

/// Words of military acts that sides named together do with each other.
pub(super) const JOINT_ACTS: &[&str] = &[
    "drill",
    "drills",
    "exercise",
    "exercises",
    "manoeuvres",
    "maneuvers",
    "wargame",
    "wargames",
    "game",
    "games",
    "patrol",
    "patrols",
    "patrolled",
    "patrolling",
];

/// Nouns that name people or groups who do not act for their state: a country modifying them
/// does not stand for it ("Syrian rebels", "Palestinian militants", "Russian dissidents").
pub(crate) const NON_STATE_HEADS: &[&str] = &[
    "rebel",
    "rebels",
    "militant",
    "militants",
    "insurgent",
    "insurgents",
    "separatist",
    "separatists",
    "opposition",
    "dissident",
    "dissidents",
    "guerrilla",
    "guerrillas",
    "jihadist",
    "jihadists",
    "terrorist",
    "terrorists",
    "extremist",
    "extremists",
    "protester",
    "protesters",
    "activist",
    "activists",
    "smuggler",
    "smugglers",
    "gang",
    "gangs",
    "cartel",
    "pirates",
    "mercenaries",
    "mercenary",
    "militia",
    "militias",
    "exile",
    "exiles",
];

/// Heads of names that are not a state though they carry a place: media and institutes
/// ("the Moscow Times", "a Geneva institute").
pub(super) const NOT_AN_ACTOR_HEADS: &[&str] = &[
    "times",
    "post",
    "herald",
    "tribune",
    "journal",
    "gazette",
    "daily",
    "telegraph",
    "institute",
    "university",
    "college",
    "museum",
    "zoo",
    "club",
    "team",
    "airport",
    "stadium",
    "olympics",
    "games",
    "cup",
    "street",
    "avenue",
    "square",
    "hotel",
];

/// Heads of a mission or force sent abroad: where it serves ("the UN mission in Mali") is what
/// a country joining it acts upon, not the body that runs it.
pub(super) const MISSION_HEADS: &[&str] = &[
    "mission",
    "missions",
    "force",
    "forces",
    "operation",
    "operations",
    "contingent",
    "coalition",
];

/// Heads of a truce: where it holds is the other side of whoever agrees to it ("agreed to a
/// ceasefire in Ukraine").
pub(super) const TRUCE_HEADS: &[&str] = &[
    "ceasefire",
    "cease-fire",
    "truce",
    "armistice",
    "ceasefires",
    "truces",
];

/// Prepositions whose object is acted upon.
pub(super) const TARGET_PREPS: &[&str] = &[
    "against", "on", "upon", "to", "toward", "towards", "into", "over", "for", "with", "onto", "of",
];

/// Prepositions that aim an act at what follows, even inside a noun phrase ("missiles at
/// US forces", "sanctions against Iran").
pub(super) const DIRECTIONAL_PREPS: &[&str] = &["at", "against", "on", "into", "toward", "towards"];

/// Prepositions of place: their object is a party only of an act done at a place.
pub(super) const PLACE_PREPS: &[&str] = &[
    "in",
    "inside",
    "within",
    "across",
    "throughout",
    "near",
    "along",
    "off",
    "around",
    "at",
];

/// Verbs whose plural subject, with nothing else named, fights itself.
pub(super) const RECIPROCAL_VERBS: &[&str] = &[
    "fight",
    "fights",
    "fought",
    "fighting",
    "battle",
    "battles",
    "battled",
    "battling",
    "clash",
    "clashes",
    "clashed",
    "clashing",
    "skirmish",
    "skirmished",
    "skirmishing",
];
