//! Who does it to whom, read from the dependency tree: the source and target mentions of one
//! cue from its subject, object, passive agent, possessor, modifiers and obliques.
//!
//! The design decision: a mention is a party only when the tree links it to the cue through
//! a role (subject, object, "against/on/with/to X", the owner of an event noun); a country in
//! a place phrase ("in Syria") is a party only for acts done at a place (an attack, a visit,
//! a deployment). Agent words decide whether a modifier stands for its country: "Turkish
//! soldiers" do, "Syrian rebels" do not. Every walk is bounded by the sentence length.

use crate::extract::analysis::{Phrase, SentenceAnalysis};
use crate::extract::lexicon::CueSense;
use crate::extract::parse::{Rel, Upos};
use crate::model::Category;

use super::cues::TokenCue;
use super::tree_words::{
    DIRECTIONAL_PREPS, JOINT_ACTS, MISSION_HEADS, NON_STATE_HEADS, NOT_AN_ACTOR_HEADS, PLACE_PREPS,
    RECIPROCAL_VERBS, TARGET_PREPS, TRUCE_HEADS,
};

/// The parties of one cue: mention indices into the sentence's mentions.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Roles {
    /// Who acts (for symmetric cues, one side).
    pub sources: Vec<u32>,
    /// Who is acted upon (for symmetric cues, the other side).
    pub targets: Vec<u32>,
    /// Symmetric cue whose sides are all in `sources` ("China and Russia signed"): every
    /// pair within is tied.
    pub within: bool,
    /// With no target named: the category of the event noun the cue is about ("condemned
    /// the invasion"), whose actor the caller looks up in the sentences before.
    pub event: Option<Category>,
    /// Places the act was done at ("struck targets in Gaza"): the target only when the cue
    /// names no other and is not shared within one side.
    pub places: Vec<u32>,
    /// Sides that drill or patrol together with no one else named ("Egyptian and Greek forces
    /// staged drills"): military cooperation within them, not a show of force.
    pub joint: bool,
}

/// What the reader knows of the other cues of the sentence.
pub(super) struct CueContext<'c> {
    /// Every cue of the sentence.
    pub cues: &'c [TokenCue],
    /// The lexicon's senses.
    pub senses: &'c [CueSense],
}

impl CueContext<'_> {
    /// The cue anchored at word `at`, other than `except`.
    fn cue_at(&self, at: u32, except: &TokenCue) -> Option<&TokenCue> {
        self.cues
            .iter()
            .find(|cue| cue.anchor == at && *cue != except)
    }
}

/// Finds the parties of `cue`; `None` when the cue states no tie here.
pub(super) fn find_roles(
    analysis: &SentenceAnalysis,
    cue: &TokenCue,
    sense: &CueSense,
    context: &CueContext<'_>,
) -> Option<Roles> {
    let anchor = cue.anchor;
    // CAMEO writes receiving as a reversed pattern with "from" ("received a loan from X"): with
    // a thing, not an actor, as the object, the subject is the one given to.
    let received;
    let sense = if !sense.recipient_subject
        && writes_receiving_as_reversed(analysis, anchor, sense.reversed, sense.from_source)
    {
        received = CueSense {
            reversed: false,
            recipient_subject: true,
            ..sense.clone()
        };
        &received
    } else {
        sense
    };
    let mut roles = Roles::default();
    let is_noun = matches!(analysis.tag(anchor), Upos::NOUN | Upos::PROPN | Upos::NUM)
        && !matches!(analysis.rel(anchor), Rel::Root)
        || matches!(
            analysis.rel(anchor),
            Rel::Obj | Rel::Nsubj | Rel::NsubjPass | Rel::Obl | Rel::Nmod | Rel::Iobj
        ) && analysis.tag(anchor) != Upos::VERB;
    if is_noun {
        noun_roles(analysis, cue, sense, context, &mut roles);
        if !sense.recipient_subject
            && super::refine::receiving_verb(analysis, (cue.first, cue.last)).is_some()
        {
            // "Nepal received medical supplies from India": the supplies go to the subject.
            std::mem::swap(&mut roles.sources, &mut roles.targets);
        }
    } else {
        verb_roles(analysis, anchor, sense, &mut roles);
    }
    if sense.category == Category::Mobilize
        && roles.targets.is_empty()
        && roles.places.is_empty()
        && roles.sources.len() >= 2
        && (cue.first..=cue.last)
            .chain(analysis.object(anchor))
            .any(|at| JOINT_ACTS.contains(&analysis.lower(at)))
    {
        roles.within = true;
        roles.joint = true;
    }
    if roles.targets.is_empty() && !roles.within {
        // "condemned the invasion": the act's doer is named in the sentences before.
        roles.event = analysis
            .object(anchor)
            .and_then(|object| context.cue_at(object, cue))
            .and_then(|other| context.senses.get(other.sense))
            .map(|other| other.category);
    }
    if sense.reversed && !roles.within && !roles.targets.is_empty() {
        // "hosted Putin" is a visit, the object the visitor; "welcomed Russia's decision"
        // is not: the object must be the actor itself.
        if !object_is_actor(analysis, anchor) {
            return None;
        }
        std::mem::swap(&mut roles.sources, &mut roles.targets);
    }
    finish(analysis, sense, roles)
}

/// Whether a cue at `verb` flagged reversed and from-source is CAMEO's way of writing
/// receiving ("received a loan from X"): so when its object is a thing, not an actor.
pub(super) fn writes_receiving_as_reversed(
    analysis: &SentenceAnalysis,
    verb: u32,
    reversed: bool,
    from_source: bool,
) -> bool {
    reversed && from_source && !object_is_actor(analysis, verb)
}

/// Whether the object of `verb` is itself an actor ("hosted Putin").
fn object_is_actor(analysis: &SentenceAnalysis, verb: u32) -> bool {
    analysis
        .object(verb)
        .and_then(|object| analysis.token(object))
        .is_some_and(|token| token.mention.is_some())
}

/// Cleans up roles: no mention on both sides, coordinated sides of a symmetric cue.
fn finish(analysis: &SentenceAnalysis, sense: &CueSense, mut roles: Roles) -> Option<Roles> {
    roles.sources.sort_unstable();
    roles.sources.dedup();
    roles.targets.sort_unstable();
    roles.targets.dedup();
    roles
        .targets
        .retain(|target| !roles.sources.contains(target));
    if sense.symmetric && roles.targets.is_empty() && roles.sources.len() >= 2 {
        roles.within = true;
    }
    // A place is the target only of an act that names no other ("struck targets in Gaza"),
    // never beside one ("fired at US forces in Iraq", "drills in the Gulf of Oman").
    if roles.targets.is_empty() && !roles.within {
        roles.targets = std::mem::take(&mut roles.places);
        roles
            .targets
            .retain(|target| !roles.sources.contains(target));
    }
    let _ = analysis;
    (!roles.sources.is_empty()
        && (roles.within || !roles.targets.is_empty() || roles.event.is_some()))
    .then_some(roles)
}

/// Roles of a cue carried by a verb ("Russia invaded Ukraine", "Ukraine was invaded by Russia").
fn verb_roles(analysis: &SentenceAnalysis, verb: u32, sense: &CueSense, roles: &mut Roles) {
    let passive = analysis.is_passive(verb);
    if passive {
        if let Some(agent) = analysis.agent(verb) {
            source_mentions(analysis, agent, &mut roles.sources);
        }
        if let Some(patient) = analysis.passive_subject(verb) {
            target_mentions(analysis, patient, sense, &mut roles.targets);
        } else if let Some(noun) = modified_noun(analysis, verb) {
            target_mentions(analysis, noun, sense, &mut roles.targets);
        }
    } else if let Some(subject) = clause_subject(analysis, verb) {
        if sense.recipient_subject {
            // "Kenya received aid from Britain": Britain gives, Kenya is given to.
            target_mentions(analysis, subject, sense, &mut roles.targets);
        } else {
            source_mentions(analysis, subject, &mut roles.sources);
        }
    }
    complement_targets(analysis, verb, sense, roles);
    if sense.recipient_subject {
        // "received aid from Britain", "received millions in aid from Britain": "from X"
        // inside the object's phrase, down two nouns.
        let mut heads: Vec<u32> = analysis.object(verb).into_iter().collect();
        for depth in 0..2 {
            let mut next = Vec::new();
            for &head in &heads {
                for &child in analysis.children(head) {
                    if analysis.rel(child) != Rel::Nmod {
                        continue;
                    }
                    if analysis.preposition(child) == Some("from") {
                        source_mentions(analysis, child, &mut roles.sources);
                    } else if depth == 0 {
                        next.push(child);
                    }
                }
            }
            heads = next;
        }
    }
    if roles.targets.is_empty() && roles.sources.len() >= 2 && fought_each_other(analysis, verb) {
        // "Vietnamese and Cambodian forces were battling": a fight with no other side named
        // is between the sides that fight.
        roles.within = true;
    }
}

/// Whether `verb` is a reciprocal fight with no object and no "against/with/on X": the
/// subject's sides fight each other ("Russian and Syrian forces fought rebels" is not).
fn fought_each_other(analysis: &SentenceAnalysis, verb: u32) -> bool {
    RECIPROCAL_VERBS.contains(&analysis.lower(verb))
        && analysis
            .children(verb)
            .iter()
            .all(|&child| match analysis.rel(child) {
                Rel::Obj | Rel::Iobj => false,
                Rel::Obl | Rel::Nmod => analysis
                    .preposition(child)
                    .is_none_or(|prep| !matches!(prep, "against" | "with" | "on" | "alongside")),
                _ => true,
            })
}

/// Targets among the complements of a verb or event noun: object, indirect object and the
/// obliques of role prepositions (and of place, for acts done at a place).
fn complement_targets(analysis: &SentenceAnalysis, head: u32, sense: &CueSense, roles: &mut Roles) {
    for &child in analysis.children(head) {
        match analysis.rel(child) {
            Rel::Obj | Rel::Iobj => {
                target_mentions(analysis, child, sense, &mut roles.targets);
            }
            Rel::Obl | Rel::Nmod => {
                let Some(prep) = analysis.preposition(child) else {
                    continue;
                };
                if prep == "by" && (analysis.is_passive(head) || is_nominal(analysis, head)) {
                    source_mentions(analysis, child, &mut roles.sources);
                } else if prep == "between" || prep == "among" {
                    let mut sides = Vec::new();
                    phrase_actors(analysis, child, 0, &mut sides);
                    if sides.len() >= 2 {
                        roles.sources.extend(sides);
                        roles.within = true;
                    }
                } else if prep == "from" {
                    if sense.from_source {
                        source_mentions(analysis, child, &mut roles.sources);
                    } else if sense.from_target {
                        target_mentions(analysis, child, sense, &mut roles.targets);
                    }
                } else if TARGET_PREPS.contains(&prep) {
                    target_mentions(analysis, child, sense, &mut roles.targets);
                } else if sense.place_target && PLACE_PREPS.contains(&prep) {
                    target_mentions(analysis, child, sense, &mut roles.places);
                }
            }
            Rel::Xcomp if sense.hedge_after && roles.targets.is_empty() => {
                // "threatened to cut ties with Bahrain", "threatened to halt imports from
                // Australia": a threat or demand is aimed at whom the act it names would be
                // done to, whichever way that act names them.
                let aimed = CueSense {
                    with_target: true,
                    from_target: true,
                    hedge_after: false,
                    ..sense.clone()
                };
                complement_targets(analysis, child, &aimed, roles);
            }
            Rel::Xcomp | Rel::Advcl => {
                // "sent troops to help Lebanon", "gave medical equipment to help": the purpose
                // clause's object is acted upon when the act names no target of its own.
                if roles.targets.is_empty()
                    && let Some(object) = analysis.object(child)
                {
                    target_mentions(analysis, object, sense, &mut roles.targets);
                }
                // "gave 300 million euros to promote development in Kenya": aid given for
                // a purpose in a country goes to that country.
                if sense.place_target && is_purpose_clause(analysis, child) {
                    purpose_places(analysis, child, sense, &mut roles.places);
                }
            }
            _ => {}
        }
    }
}

/// Whether the clause at `verb` is an infinitive of purpose ("to help", "to promote").
fn is_purpose_clause(analysis: &SentenceAnalysis, verb: u32) -> bool {
    analysis.tag(verb) == Upos::VERB
        && analysis
            .children(verb)
            .iter()
            .any(|&child| analysis.rel(child) == Rel::Mark && analysis.lower(child) == "to")
}

/// Places a purpose clause names ("to promote investment in Kenya"): those of the verb's own
/// obliques and of its object's.
fn purpose_places(analysis: &SentenceAnalysis, verb: u32, sense: &CueSense, out: &mut Vec<u32>) {
    let object = analysis.object(verb);
    for head in std::iter::once(verb).chain(object) {
        for &child in analysis.children(head) {
            if matches!(analysis.rel(child), Rel::Obl | Rel::Nmod)
                && analysis
                    .preposition(child)
                    .is_some_and(|prep| PLACE_PREPS.contains(&prep) || TARGET_PREPS.contains(&prep))
            {
                target_mentions(analysis, child, sense, out);
            }
        }
    }
}

/// Roles of a cue carried by a noun ("Russia's invasion of Ukraine", "launched an attack on").
fn noun_roles(
    analysis: &SentenceAnalysis,
    cue: &TokenCue,
    sense: &CueSense,
    context: &CueContext<'_>,
    roles: &mut Roles,
) {
    let noun = cue.anchor;
    // The noun's own owner: "China's", "Chinese", "U.S." (inside or right before the cue).
    for &child in analysis.children(noun) {
        if matches!(
            analysis.rel(child),
            Rel::NmodPoss | Rel::Amod | Rel::Compound | Rel::Nmod
        ) && (analysis.rel(child) != Rel::Nmod || analysis.preposition(child).is_none())
        {
            source_mentions(analysis, child, &mut roles.sources);
        }
    }
    complement_targets(analysis, noun, sense, roles);
    // Copula or apposition: "X is an ally of Y", "X, a partner of Y".
    if let Some(subject) = analysis.subject(noun) {
        source_mentions(analysis, subject, &mut roles.sources);
    }
    if !roles.sources.is_empty() {
        return;
    }
    // The clause around the noun: "X launched an attack on Y", "X held talks with Y",
    // "talks between X and Y began". A noun that another cue governs ("condemned the
    // attack") keeps only its own owner: the condemner did not attack.
    let Some(head) = analysis.head(noun) else {
        return;
    };
    if context.cue_at(head, cue).is_some() {
        return;
    }
    match analysis.rel(noun) {
        Rel::Obj | Rel::Obl | Rel::Xcomp | Rel::Conj
            if !matches!(analysis.tag(head), Upos::NOUN | Upos::PROPN) =>
        {
            if analysis.is_passive(head) {
                if let Some(agent) = analysis.agent(head) {
                    source_mentions(analysis, agent, &mut roles.sources);
                }
            } else if let Some(subject) = clause_subject(analysis, head) {
                source_mentions(analysis, subject, &mut roles.sources);
            }
            if roles.targets.is_empty() {
                complement_targets(analysis, head, sense, roles);
            }
        }
        Rel::NsubjPass | Rel::Nsubj => {
            // "Talks were held with X", "the attack came from X".
            complement_targets(analysis, head, sense, roles);
        }
        _ => {}
    }
}

/// The subject of the clause of `verb`, following control ("agreed to meet"), shared
/// subjects of coordinated verbs, participle clauses and relative clauses.
fn clause_subject(analysis: &SentenceAnalysis, verb: u32) -> Option<u32> {
    let mut word = verb;
    for _ in 0..analysis.len().min(12) {
        if let Some(subject) = analysis
            .subject(word)
            .or_else(|| analysis.passive_subject(word))
        {
            if analysis.rel(word) == Rel::AclRelcl && analysis.tag(subject) == Upos::PRON {
                return analysis.head(word);
            }
            if analysis.passive_subject(word) == Some(subject) && word != verb {
                // "X was asked to attack": the controller is the agent, unknown.
                return None;
            }
            return Some(subject);
        }
        if let Some(subject) = stray_subject(analysis, word) {
            return Some(subject);
        }
        let head = analysis.head(word)?;
        match analysis.rel(word) {
            Rel::Xcomp => {
                // Object control: "urged Iran to stop" - Iran stops.
                if let Some(object) = analysis.object(head) {
                    return Some(object);
                }
                word = head;
            }
            Rel::Conj | Rel::Advcl => word = head,
            Rel::Acl | Rel::AclRelcl => return Some(head),
            _ => return None,
        }
    }
    None
}

/// A subject the parser attached under another name: the nearest word before `verb` that
/// depends on it directly, names an actor and is no prepositional phrase ("Israeli military
/// struck", parsed with "Israeli" as a modifier of the verb). Headlines and article-less
/// subjects are where a greedy parser most often slips.
fn stray_subject(analysis: &SentenceAnalysis, verb: u32) -> Option<u32> {
    if !matches!(analysis.tag(verb), Upos::VERB) {
        return None;
    }
    analysis
        .children(verb)
        .iter()
        .copied()
        .filter(|&child| child < verb)
        .rfind(|&child| {
            matches!(
                analysis.rel(child),
                Rel::Amod | Rel::Compound | Rel::Dep | Rel::Nmod | Rel::Obl | Rel::Appos
            ) && analysis.preposition(child).is_none()
                && analysis
                    .token(child)
                    .is_some_and(|token| token.mention.is_some())
        })
}

/// The noun a participle modifies ("troops deployed to Mali").
fn modified_noun(analysis: &SentenceAnalysis, verb: u32) -> Option<u32> {
    matches!(analysis.rel(verb), Rel::Acl | Rel::AclRelcl)
        .then(|| analysis.head(verb))
        .flatten()
}

fn is_nominal(analysis: &SentenceAnalysis, at: u32) -> bool {
    matches!(analysis.tag(at), Upos::NOUN | Upos::PROPN)
}

/// Mentions that the phrase headed at `head` names as an acting party.
fn source_mentions(analysis: &SentenceAnalysis, head: u32, out: &mut Vec<u32>) {
    phrase_actors(analysis, head, 1, out);
}

/// Mentions that the phrase headed at `head` names as a party acted upon: its head and
/// modifiers, people "of/from X" ("dissidents from Myanmar"), and for acts done at a place
/// the place of an actor-less phrase ("a base in Saudi Arabia's south"). A possessor outranks
/// the phrase's other modifiers ("Sweden's NATO bid" is Sweden's).
fn target_mentions(analysis: &SentenceAnalysis, head: u32, sense: &CueSense, out: &mut Vec<u32>) {
    let depth = if sense.place_target { 3 } else { 2 };
    let mut found = Vec::new();
    analysis.phrase_mentions(head, depth, &mut found);
    let phrase_head = analysis.lower(head);
    let blocked =
        NON_STATE_HEADS.contains(&phrase_head) || NOT_AN_ACTOR_HEADS.contains(&phrase_head);
    let nested_prep = |prep: Option<u32>| prep.map_or("of", |at| analysis.lower(at));
    found.retain(|&(mention, _, _)| !runs_a_mission_abroad(analysis, mention));
    let owned = found.iter().any(|&(_, place, _)| place != Phrase::Nested);
    // "fired missiles at US forces in Iraq": the forces are hit, Iraq is where they are.
    let aimed = found.iter().any(|&(_, place, prep)| {
        place == Phrase::Nested && DIRECTIONAL_PREPS.contains(&nested_prep(prep))
    });
    let possessor = analysis
        .possessor(head)
        .and_then(|at| analysis.token(at)?.mention);
    for (mention, place, prep) in found {
        let keep = match place {
            Phrase::Head => true,
            Phrase::Modifier => !blocked && possessor.is_none_or(|owner| owner == mention),
            Phrase::Nested => {
                let prep = nested_prep(prep);
                matches!(prep, "of" | "from" | "to")
                    || ((sense.symmetric || sense.with_target) && prep == "with")
                    || DIRECTIONAL_PREPS.contains(&prep)
                    || ((sense.place_target || TRUCE_HEADS.contains(&phrase_head))
                        && !owned
                        && !aimed
                        && PLACE_PREPS.contains(&prep))
            }
        };
        if keep {
            out.push(mention);
        }
    }
}

/// Whether `mention` only runs the mission or force it modifies, which serves in a country the
/// phrase names ("the UN peacekeeping mission in Mali": Mali is helped, not the UN).
fn runs_a_mission_abroad(analysis: &SentenceAnalysis, mention: u32) -> bool {
    let Some(word) = analysis.mention_head(mention) else {
        return false;
    };
    if !matches!(
        analysis.rel(word),
        Rel::Compound | Rel::Amod | Rel::NmodPoss
    ) {
        return false;
    }
    let Some(mut mission) = analysis.head(word) else {
        return false;
    };
    // "the NATO-led security force": up through the compound to its head.
    for _ in 0..2 {
        match analysis.head(mission) {
            Some(head) if analysis.rel(mission) == Rel::Compound => mission = head,
            _ => break,
        }
    }
    MISSION_HEADS.contains(&analysis.lower(mission))
        && analysis.children(mission).iter().any(|&child| {
            matches!(analysis.rel(child), Rel::Nmod | Rel::Obl)
                && analysis
                    .token(child)
                    .is_some_and(|token| token.mention.is_some())
                && analysis
                    .preposition(child)
                    .is_some_and(|prep| PLACE_PREPS.contains(&prep))
        })
}

/// Mentions a phrase names as a party: its head, the modifiers of an acting noun, and
/// (down to `depth`) "of/from X" ("the government of France", "officials from Japan").
fn phrase_actors(analysis: &SentenceAnalysis, head: u32, depth: u32, out: &mut Vec<u32>) {
    let mut found = Vec::new();
    analysis.phrase_mentions(head, depth, &mut found);
    for (mention, place, prep) in found {
        let holder = analysis
            .mention_head(mention)
            .and_then(|at| analysis.head(at))
            .unwrap_or(head);
        let holder_word = analysis.lower(holder);
        let keep = match place {
            Phrase::Head => true,
            Phrase::Modifier => {
                !NON_STATE_HEADS.contains(&holder_word)
                    && !NOT_AN_ACTOR_HEADS.contains(&holder_word)
            }
            Phrase::Nested => prep.is_some_and(|at| matches!(analysis.lower(at), "of" | "from")),
        };
        if keep {
            out.push(mention);
        }
    }
}
