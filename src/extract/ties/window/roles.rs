//! Who does it to whom: the source and target mentions of one cue, from the sentence's
//! structure (subject and object, passive "by", possessives, "between X and Y", "with X").
//!
//! Design decision: precision first. A mention becomes a party only when a grammatical link
//! ties it to the cue (it is the subject, the object, or the object of a role preposition);
//! two countries that merely share a sentence make no tie. The few fallbacks (a visit's host,
//! an invasion's place, the other side of a symmetric act with only one side stated) each
//! apply to one kind of cue and stay within the sentence.

use super::sentence::{Cue, Governor, NONE, SUBJECT_WINDOW, Sentence, WINDOW};
use super::tokens::{Class, Prep, is_gerund, is_participle};
use crate::extract::lexicon::CueSense;
use crate::extract::ties::tree_words::MISSION_HEADS;
use crate::model::Category;

/// The parties of one cue: slot indices.
#[derive(Debug, Default)]
pub(super) struct Roles {
    /// Who acts (for symmetric cues, one side).
    pub sources: Vec<usize>,
    /// Who is acted upon (for symmetric cues, the other side).
    pub targets: Vec<usize>,
    /// Symmetric cue whose sides are all in one group ("between China and Russia",
    /// "the two nations"): every pair within `sources` is tied.
    pub within: bool,
    /// With no target named: the category of the event noun the cue is about ("condemned
    /// the invasion"), whose actor the caller looks up in the sentences before.
    pub event: Option<crate::model::Category>,
    /// With no target named: the cue is a reaction to the act just stated ("..., drawing
    /// condemnation from Tokyo"); the caller takes that act's actor.
    pub reaction: bool,
}

/// How a cue relates to the subject of its clause.
enum SubjectUse {
    /// The subject is the source ("Russia invaded", "Russia launched an attack").
    Allowed,
    /// The cue is a noun whose owner is not the subject ("condemned the attack").
    Refused,
    /// The cue is a gerund in another act's complement ("accused of attacking"): no tie.
    Skip,
}

/// Finds the parties of `cue`; `None` when the cue states no tie here.
pub(super) fn find_roles(
    sentence: &Sentence<'_>,
    cue: &Cue,
    sense: &CueSense,
    senses: &[CueSense],
) -> Option<Roles> {
    let subject_use = subject_use(sentence, cue, sense);
    if matches!(subject_use, SubjectUse::Skip) {
        return None;
    }
    let mut roles = if sense.symmetric {
        symmetric_roles(sentence, cue, &subject_use, senses)
    } else {
        directed_roles(sentence, cue, sense, &subject_use, senses)
    }?;
    if sense.reversed && !roles.within {
        // "welcomed Putin" is a visit; "welcomed Russia's decision" or "welcomed the US
        // proposal" is not.
        if roles
            .targets
            .first()
            .is_some_and(|&slot| !is_person_like(sentence, slot))
        {
            return None;
        }
        std::mem::swap(&mut roles.sources, &mut roles.targets);
    }
    let implied = roles.event.is_some() || roles.reaction;
    if roles.sources.is_empty() || (!roles.within && roles.targets.is_empty() && !implied) {
        return None;
    }
    Some(roles)
}

fn directed_roles(
    sentence: &Sentence<'_>,
    cue: &Cue,
    sense: &CueSense,
    subject_use: &SubjectUse,
    senses: &[CueSense],
) -> Option<Roles> {
    let mut roles = Roles::default();
    if is_passive(sentence, cue) {
        roles.sources = by_agent(sentence, cue)?;
        roles.targets = subject(sentence, cue.first)?;
        return Some(roles);
    }
    let first_word = sentence.word(cue.first);
    let active_past = is_participle(first_word) && cue.first == cue.last;
    let owner = premodifier(sentence, cue);
    let owned = owner.filter(|&slot| {
        let slot = &sentence.slots[slot];
        slot.possessive || slot.mention.form == crate::extract::MentionForm::Adjective
    });
    let sources = owned
        .map(|slot| group(sentence, slot))
        .or_else(|| (!active_past).then(|| by_agent(sentence, cue)).flatten())
        .or_else(|| {
            sense
                .from_source
                .then(|| prepositional(sentence, cue, Prep::From))
                .flatten()
        })
        .or_else(|| owner.map(|slot| group(sentence, slot)))
        .or_else(|| match subject_use {
            SubjectUse::Allowed => subject(sentence, cue.first).or_else(|| speaker(sentence, cue)),
            _ => None,
        });
    let Some(mut sources) = sources else {
        return between_pair(sentence, cue).map(|mut pair| {
            let rest = pair.split_off(1);
            Roles {
                sources: pair,
                targets: rest,
                within: false,
                event: None,
                reaction: false,
            }
        });
    };
    add_echoing_subjects(sentence, &mut sources);
    roles.sources = sources;
    let owned_far = owned.is_some_and(|slot| sentence.slots[slot].possessive);
    let targets = object(sentence, cue, sense, &roles.sources, senses)
        .or_else(|| {
            sense
                .place_target
                .then(|| place(sentence, cue, &roles.sources, owned_far))
                .flatten()
        })
        .or_else(|| {
            sense
                .host_fallback
                .then(|| host(sentence, cue, &roles.sources))
                .flatten()
        });
    match targets {
        Some(targets) => roles.targets = targets,
        None => match event_object(sentence, cue, senses)? {
            EventObject::Owned(owner) => roles.targets = group(sentence, owner),
            EventObject::Earlier(category) => roles.event = Some(category),
            EventObject::Reaction => roles.reaction = true,
        },
    }
    Some(roles)
}

fn symmetric_roles(
    sentence: &Sentence<'_>,
    cue: &Cue,
    subject_use: &SubjectUse,
    senses: &[CueSense],
) -> Option<Roles> {
    // "partnership between the two nations", "trade between China and Russia".
    if let Some(sides) = between_after(sentence, cue) {
        return Some(within(sides));
    }
    // "US-China trade", "the two countries' partnership", "Russian-Chinese exercises".
    let premodifier = premodifier(sentence, cue);
    let mut sides = premodifier.map(|slot| group(sentence, slot)).or_else(|| {
        matches!(subject_use, SubjectUse::Allowed)
            .then(|| subject(sentence, cue.first))
            .flatten()
    });
    if let Some(found) = &sides
        && found.len() == 1
        && sentence.is_group_reference(found[0])
    {
        return Some(within(found.clone()));
    }
    let exclude = sides.clone().unwrap_or_default();
    let partner = object(sentence, cue, &SYMMETRIC, &exclude, senses)
        .or_else(|| with_before(sentence, cue, sides.as_ref()));
    match (&mut sides, partner) {
        (Some(sides), Some(partner)) => {
            add_echoing_subjects(sentence, sides);
            Some(Roles {
                sources: std::mem::take(sides),
                targets: partner,
                within: false,
                event: None,
                reaction: false,
            })
        }
        (Some(sides), None) if distinct_actors(sentence, sides) >= 2 => {
            Some(within(std::mem::take(sides)))
        }
        (_, None) => {
            // "The relationship between China and Russia ..., with joint exercises";
            // "the two countries ... strategic coordination".
            between_anywhere(sentence, cue)
                .or_else(|| group_reference_near(sentence, cue))
                .map(within)
        }
        (None, Some(partner)) if matches!(subject_use, SubjectUse::Allowed) => {
            // "trade ... with Russia show that China ...": the clause's subject elsewhere.
            let other = any_subject_near(sentence, cue, &partner)?;
            Some(Roles {
                sources: group(sentence, other),
                targets: partner,
                within: false,
                event: None,
                reaction: false,
            })
        }
        (None, Some(_)) => None,
    }
}

/// The flags of a symmetric cue, for the object finder.
const SYMMETRIC: CueSense = CueSense {
    category: crate::model::Category::Cooperate,
    mode: String::new(),
    symmetric: true,
    reversed: false,
    place_target: false,
    host_fallback: false,
    from_source: false,
    from_target: false,
    with_target: true,
    hedge_after: false,
    recipient_subject: false,
};

fn within(sides: Vec<usize>) -> Roles {
    Roles {
        sources: sides,
        targets: Vec::new(),
        within: true,
        event: None,
        reaction: false,
    }
}

fn distinct_actors(sentence: &Sentence<'_>, slots: &[usize]) -> usize {
    let mut actors: Vec<&str> = slots
        .iter()
        .filter_map(|&slot| sentence.slots.get(slot))
        .flat_map(|slot| slot.mention.actors.iter().map(String::as_str))
        .collect();
    actors.sort_unstable();
    actors.dedup();
    actors.len()
}

fn group(sentence: &Sentence<'_>, slot: usize) -> Vec<usize> {
    let mut members = Vec::new();
    sentence.group_of(slot, &mut members);
    members
}

/// Decides whether the clause's subject may be the cue's source.
fn subject_use(sentence: &Sentence<'_>, cue: &Cue, sense: &CueSense) -> SubjectUse {
    let Some(before) = sentence.previous_unskipped(cue.first) else {
        return SubjectUse::Allowed;
    };
    let gerund = is_gerund(sentence.word(cue.last));
    // "to condemn": an infinitive, whose subject is the clause's.
    if before + 1 == cue.first && sentence.word(before).eq_ignore_ascii_case("to") && !gerund {
        return SubjectUse::Allowed;
    }
    // A finite past-tense verb takes the clause's subject even after a noun cue
    // ("Chinese protesters attacked").
    let finite = cue.first == cue.last && sentence.word(cue.first).ends_with("ed");
    match sentence.class(before) {
        Class::Prep(Prep::Of | Prep::For | Prep::Target | Prep::To | Prep::From) if gerund => {
            SubjectUse::Skip
        }
        Class::Prep(Prep::Other)
            if gerund && sentence.word(before).eq_ignore_ascii_case("about") =>
        {
            SubjectUse::Skip
        }
        // "retaliated with duties on", "in talks with".
        Class::Prep(Prep::With) => SubjectUse::Allowed,
        Class::Prep(Prep::Target | Prep::To) => SubjectUse::Refused,
        Class::Prep(_) if sense.symmetric => SubjectUse::Allowed,
        Class::Prep(_) => SubjectUse::Refused,
        _ if sentence.cue_at[before] != NONE && !finite => SubjectUse::Refused,
        Class::Possessive => SubjectUse::Refused,
        // "launched an attack" (light verb) vs "condemned the attack".
        Class::Light => SubjectUse::Allowed,
        _ if determiner_before(sentence, cue.first) => SubjectUse::Refused,
        _ => SubjectUse::Allowed,
    }
}

/// Whether the cue is preceded by a determiner within its noun phrase.
fn determiner_before(sentence: &Sentence<'_>, first: usize) -> bool {
    let mut at = first;
    while at > 0 {
        at -= 1;
        match sentence.class(at) {
            Class::Det => return true,
            Class::Mod | Class::Quote | Class::Hyphen => {}
            _ => return false,
        }
    }
    false
}

/// "was blacklisted by", "have been hit", or a reduced passive "blacklisted by".
fn is_passive(sentence: &Sentence<'_>, cue: &Cue) -> bool {
    if !is_participle(sentence.word(cue.first)) {
        return false;
    }
    let mut at = cue.first;
    while at > 0 {
        at -= 1;
        let word = sentence.word(at);
        if sentence.class(at) == Class::Be {
            return true;
        }
        let adverb = sentence.class(at) == Class::Mod
            || word.eq_ignore_ascii_case("not")
            || word.eq_ignore_ascii_case("never");
        if !adverb {
            break;
        }
    }
    sentence.class(cue.last + 1) == Class::Prep(Prep::By)
}

/// The first slot after the cue governed by preposition `prep`, with its group.
fn prepositional(sentence: &Sentence<'_>, cue: &Cue, prep: Prep) -> Option<Vec<usize>> {
    for (index, slot) in sentence.slots_in(cue.last + 1, cue.last + WINDOW) {
        if slot.first > cue.last + WINDOW
            || sentence.comma_between(cue.last, slot.first)
            || sentence.cue_between(cue.last, slot.first)
        {
            break;
        }
        if slot.governor == Governor::Prep(prep) && slot.coordinated_with.is_none() {
            return Some(group(sentence, index));
        }
    }
    None
}

/// The agent after "by".
fn by_agent(sentence: &Sentence<'_>, cue: &Cue) -> Option<Vec<usize>> {
    prepositional(sentence, cue, Prep::By)
}

/// The owner in the cue's own noun phrase: "Russia's invasion", "Russian invasion",
/// "US and ally sanctions", "China’s purchase".
pub(super) fn premodifier(sentence: &Sentence<'_>, cue: &Cue) -> Option<usize> {
    let mut at = cue.first;
    let mut words = 0;
    let mut joined = false;
    while at > 0 && words <= 3 {
        at -= 1;
        if let Some(slot) = sentence.slot_ending_at(at) {
            let found = &sentence.slots[slot];
            let owner = found.possessive
                || found.mention.form == crate::extract::MentionForm::Adjective
                || words <= 1;
            // "of the Israeli raid": right before its noun, a mention is inside the phrase
            // whatever governs the phrase.
            let in_phrase = found.possessive
                || (words == 0 && !joined)
                || !matches!(found.governor, Governor::Prep(_))
                || sentence.class(at + 1) == Class::Hyphen;
            return (owner && in_phrase).then_some(slot);
        }
        if sentence.cue_at[at] != NONE {
            return None;
        }
        match sentence.class(at) {
            Class::Mod | Class::Quote | Class::Hyphen => {}
            Class::Conj => joined = true,
            Class::Word => words += 1,
            _ => return None,
        }
    }
    None
}

/// The subject of the clause of the word at token `verb`: the nearest mention before it that
/// is not a place, not a prepositional object and not another verb's object.
fn subject(sentence: &Sentence<'_>, verb: usize) -> Option<Vec<usize>> {
    // "welcomed the offer but rejected calls": a verb right after "but" shares the subject.
    if let Some(before) = verb.checked_sub(1) {
        let word = sentence.word(before);
        if word.eq_ignore_ascii_case("but") || word.eq_ignore_ascii_case("yet") {
            return subject(sentence, before);
        }
    }
    let end = sentence.slots.partition_point(|slot| slot.first < verb);
    for index in (0..end).rev() {
        let slot = &sentence.slots[index];
        if slot.last + SUBJECT_WINDOW < verb || sentence.boundary_between(slot.last, verb) {
            // A relative clause: "the US, which imposed ...".
            return relative_antecedent(sentence, verb);
        }
        if is_subject_like(sentence, index) {
            return Some(group(sentence, index));
        }
    }
    relative_antecedent(sentence, verb)
}

/// The speaker of a quotation when the cue's own subject is "we" or left unsaid:
/// "'We condemn the strikes,' the Foreign Ministry said." / "Russia said: ...".
fn speaker(sentence: &Sentence<'_>, cue: &Cue) -> Option<Vec<usize>> {
    let reach = cue.first.saturating_sub(SUBJECT_WINDOW);
    let quoted = (reach..cue.first).any(|at| {
        sentence.class(at) == Class::Quote
            || ["we", "i", "our"]
                .iter()
                .any(|pronoun| sentence.word(at).eq_ignore_ascii_case(pronoun))
    });
    if !quoted {
        return None;
    }
    let end = (cue.last + SUBJECT_WINDOW).min(sentence.tokens.len());
    let said = (reach..end).find(|&at| {
        SAYING
            .iter()
            .any(|verb| sentence.word(at).eq_ignore_ascii_case(verb))
    })?;
    // "the Chinese foreign ministry said", "Russia's envoy said".
    let before = (said.saturating_sub(5)..said)
        .rev()
        .find_map(|at| (sentence.slot_at[at] != NONE).then_some(sentence.slot_at[at] as usize));
    let after = (said + 1..(said + 4).min(sentence.tokens.len()))
        .find(|&at| sentence.slot_at[at] != NONE)
        .map(|at| sentence.slot_at[at] as usize);
    before.or(after).map(|slot| group(sentence, slot))
}

/// Verbs that attribute a quotation.
const SAYING: [&str; 8] = [
    "said", "says", "stated", "added", "declared", "wrote", "tweeted", "told",
];

fn relative_antecedent(sentence: &Sentence<'_>, verb: usize) -> Option<Vec<usize>> {
    let mut at = verb;
    let mut steps = 0;
    while at > 0 && steps < 8 {
        at -= 1;
        steps += 1;
        if sentence.class(at) == Class::Relative {
            let mut before = at.checked_sub(1)?;
            if sentence.class(before) == Class::Comma {
                before = before.checked_sub(1)?;
            }
            let slot = sentence.slot_ending_at(before)?;
            return Some(group(sentence, slot));
        }
        if matches!(sentence.class(at), Class::Stop | Class::Boundary) {
            return None;
        }
    }
    None
}

fn is_subject_like(sentence: &Sentence<'_>, index: usize) -> bool {
    let slot = &sentence.slots[index];
    let gerund_follows = is_gerund(sentence.word(slot.after()));
    match slot.governor {
        Governor::Open => true,
        // "evidence of China providing aid", "for the two countries to enhance".
        Governor::Prep(Prep::Of | Prep::For) => {
            gerund_follows
                || sentence.word(slot.after()).eq_ignore_ascii_case("to")
                || quantity_of(sentence, slot.first)
        }
        // "after the Turkish air force shot down": a subordinate clause's subject.
        Governor::Prep(Prep::Other) => sentence.previous_unskipped(slot.first).is_some_and(|at| {
            CLAUSE_OPENERS
                .iter()
                .any(|word| sentence.word(at).eq_ignore_ascii_case(word))
        }),
        Governor::Prep(_) => false,
        Governor::Word(word) => sentence.cue_at[word] == NONE || sentence.echo_at[word],
    }
}

/// Whether a mention stands for people who can visit: not a possessive, and not a modifier of
/// a common noun ("the US proposal") unless that noun is a title ("Chinese delegation").
fn is_person_like(sentence: &Sentence<'_>, slot: usize) -> bool {
    let Some(found) = sentence.slots.get(slot) else {
        return false;
    };
    if found.possessive {
        return false;
    }
    let next = found.after();
    let word = sentence.word(next);
    let lower_noun = sentence.class(next) == Class::Word
        && sentence.slot_at.get(next) == Some(&NONE)
        && sentence.cue_at.get(next) == Some(&NONE)
        && word.starts_with(|ch: char| ch.is_lowercase());
    !lower_noun
        || PEOPLE
            .iter()
            .any(|people| word.eq_ignore_ascii_case(people))
}

/// Nouns after an actor that still name its people ("Chinese delegation").
const PEOPLE: [&str; 14] = [
    "leader",
    "leaders",
    "president",
    "delegation",
    "officials",
    "official",
    "envoy",
    "minister",
    "ministers",
    "counterpart",
    "counterparts",
    "diplomats",
    "team",
    "prime",
];

/// Prepositions that also open a clause ("after Russia invaded").
const CLAUSE_OPENERS: [&str; 6] = ["after", "before", "since", "as", "until", "once"];

/// "Thousands of Hong Kong residents": the actor after a quantity is the subject.
fn quantity_of(sentence: &Sentence<'_>, first: usize) -> bool {
    let Some(of) = sentence.previous_unskipped(first) else {
        return false;
    };
    of.checked_sub(1).is_some_and(|quantity| {
        sentence.class(quantity) == Class::Mod && sentence.slot_at[quantity] == NONE
    })
}

/// "China echoed the Kremlin blaming NATO": the echoing subject shares the act.
fn add_echoing_subjects(sentence: &Sentence<'_>, sources: &mut Vec<usize>) {
    let Some(&head) = sources.first() else {
        return;
    };
    let Governor::Word(word) = sentence.slots[head].governor else {
        return;
    };
    if !sentence.echo_at[word] {
        return;
    }
    if let Some(echoing) = subject(sentence, word) {
        for slot in echoing {
            if !sources.contains(&slot) {
                sources.push(slot);
            }
        }
    }
}

/// The one acted upon: the first mention after the cue that the cue governs directly or
/// through a role preposition, with its coordinated group. Mentions of the source's own
/// actors are passed over ("deployed troops to its border with Lebanon").
fn object(
    sentence: &Sentence<'_>,
    cue: &Cue,
    sense: &CueSense,
    sources: &[usize],
    senses: &[CueSense],
) -> Option<Vec<usize>> {
    let start = sentence
        .slots
        .partition_point(|slot| slot.first <= cue.last);
    // "threatened to strike X", "demanded that X": the complement's object or subject.
    let content_verb = senses
        .get(cue.sense)
        .is_some_and(|own| matches!(own.category, Category::Threaten | Category::Request));
    let complement = if sense.symmetric {
        None
    } else {
        let request = senses
            .get(cue.sense)
            .is_some_and(|own| own.category == Category::Request);
        complement_head(sentence, cue, content_verb, request)
    };
    let threatened_act = content_verb && complement.is_some();
    for index in start..sentence.slots.len() {
        let slot = &sentence.slots[index];
        if slot.first > cue.last + WINDOW || sentence.boundary_between(cue.last, slot.first) {
            return None;
        }
        if slot
            .coordinated_with
            .is_some_and(|previous| previous >= start)
            || shares_actor_with(sentence, index, sources)
            || runs_a_mission_abroad(sentence, index)
        {
            continue;
        }
        // What a threat or demand is about may hold other cues ("demanded an apology from
        // China", "threatened to impose tariffs on Mexico").
        let through_preposition =
            || content_verb || !other_cue_between(sentence, cue, slot.first, senses);
        let accepted = match slot.governor {
            Governor::Word(word) => {
                (cue.first..=cue.last).contains(&word) || complement == Some(word)
            }
            Governor::Prep(Prep::To) => through_preposition(),
            Governor::Prep(Prep::Of | Prep::For | Prep::Target) => {
                !sense.symmetric && through_preposition()
            }
            // "threatened to cut ties with X", "threatened to halt imports from X": the act
            // threatened names whom the threat is aimed at.
            Governor::Prep(Prep::With) => {
                (sense.with_target || sense.symmetric || threatened_act) && through_preposition()
            }
            Governor::Prep(Prep::From) => {
                (sense.from_target || sense.symmetric || threatened_act) && through_preposition()
            }
            Governor::Prep(Prep::Locative) => governed_inside_cue(sentence, cue, index),
            Governor::Prep(_) | Governor::Open => false,
        };
        if accepted {
            return Some(group(sentence, index));
        }
    }
    None
}

/// Whether the mention at `index` only runs a mission or force that serves in a country named
/// next ("the UN peacekeeping mission in Mali", "the NATO-led force in Afghanistan"): the
/// country, not the body, is what joining or reinforcing it acts upon.
fn runs_a_mission_abroad(sentence: &Sentence<'_>, index: usize) -> bool {
    const HEAD_REACH: usize = 5;
    let after = sentence.slots[index].after();
    for at in after..after + HEAD_REACH {
        if matches!(sentence.class(at), Class::Stop | Class::Boundary) {
            return false;
        }
        let word = sentence.word(at).to_ascii_lowercase();
        if MISSION_HEADS.contains(&word.as_str()) {
            return sentence.word(at + 1).eq_ignore_ascii_case("in")
                && (at + 2..at + 4).any(|place| {
                    sentence
                        .slot_at
                        .get(place)
                        .is_some_and(|&slot| slot != NONE)
                });
        }
    }
    false
}

/// The word whose object or subject also completes the cue: "to" + verb after a cue
/// ("threatened to strike"), or "that" right after it ("demanded that").
fn complement_head(
    sentence: &Sentence<'_>,
    cue: &Cue,
    content_verb: bool,
    request: bool,
) -> Option<usize> {
    let next = cue.last + 1;
    let word = sentence.word(next);
    if word.eq_ignore_ascii_case("that") {
        return request.then_some(next);
    }
    if content_verb
        && word.eq_ignore_ascii_case("to")
        && sentence.slot_at.get(next + 1) == Some(&NONE)
    {
        return Some(next + 1);
    }
    None
}

/// Whether a cue of another category lies between the cue and token `to` (then a
/// prepositional phrase there belongs to that cue: "approved sanctions on Russia").
fn other_cue_between(sentence: &Sentence<'_>, cue: &Cue, to: usize, senses: &[CueSense]) -> bool {
    let own = senses.get(cue.sense).map(|sense| sense.category);
    sentence.cues_between(cue.last, to).iter().any(|other| {
        // Items of one list share the preposition: "trade, engagements and exercises with".
        let listed = sentence
            .previous_unskipped(other.first)
            .is_some_and(|before| matches!(sentence.class(before), Class::Comma | Class::Conj));
        other.first > cue.last
            && other.first < to
            && senses.get(other.sense).map(|sense| sense.category) != own
            && !listed
    })
}

/// What an accusation, rejection or praise without a named target is about.
enum EventObject {
    /// An act whose owner the sentence names: "rejected calls from Sudan", "condemned the
    /// Russian invasion".
    Owned(usize),
    /// An act stated before: "condemned the invasion".
    Earlier(crate::model::Category),
    /// The act the sentence has just stated: "..., drawing condemnation from Tokyo".
    Reaction,
}

/// Words before a reaction noun: "drawing condemnation", "sparked criticism".
const REACTING: [&str; 8] = [
    "drawing",
    "drew",
    "draws",
    "sparking",
    "sparked",
    "prompting",
    "prompted",
    "triggered",
];

/// "condemned the invasion", "criticised the scale of the bombing", "rejected the demand":
/// the event noun (itself a cue) right after the cue, and who owns it.
fn event_object(sentence: &Sentence<'_>, cue: &Cue, senses: &[CueSense]) -> Option<EventObject> {
    let own = senses.get(cue.sense)?.category;
    if !matches!(
        own,
        crate::model::Category::Accuse
            | crate::model::Category::Reject
            | crate::model::Category::Protest
            | crate::model::Category::Support
    ) {
        return None;
    }
    if sentence.previous_unskipped(cue.first).is_some_and(|at| {
        REACTING
            .iter()
            .any(|word| sentence.word(at).eq_ignore_ascii_case(word))
    }) {
        return Some(EventObject::Reaction);
    }
    let limit = (cue.last + 7).min(sentence.tokens.len());
    let event = (cue.last + 1..limit)
        .take_while(|&at| {
            !matches!(
                sentence.class(at),
                Class::Stop | Class::Boundary | Class::Comma
            )
        })
        .find_map(|at| {
            let index = sentence.cue_at[at];
            (index != NONE)
                .then(|| sentence.cues.get(index as usize))
                .flatten()
        })?;
    let category = senses.get(event.sense)?.category;
    if category == own {
        return None;
    }
    let owner = premodifier(sentence, event).or_else(|| {
        prepositional(sentence, event, Prep::From)
            .or_else(|| prepositional(sentence, event, Prep::By))
            .and_then(|members| members.first().copied())
    });
    Some(match owner {
        Some(owner) => EventObject::Owned(owner),
        None => EventObject::Earlier(category),
    })
}

/// "arrived in Beijing": the locative preposition is the cue's own last word.
fn governed_inside_cue(sentence: &Sentence<'_>, cue: &Cue, slot: usize) -> bool {
    sentence
        .previous_unskipped(sentence.slots[slot].first)
        .is_some_and(|at| (cue.first..=cue.last).contains(&at))
}

/// "stabilize its relationships with Western governments through increased diplomacy".
fn with_before(
    sentence: &Sentence<'_>,
    cue: &Cue,
    sides: Option<&Vec<usize>>,
) -> Option<Vec<usize>> {
    let sides = sides?;
    let after_sides = sides
        .iter()
        .filter_map(|&slot| sentence.slots.get(slot))
        .map(|slot| slot.last)
        .max()?;
    let end = sentence
        .slots
        .partition_point(|slot| slot.first < cue.first);
    let start = sentence
        .slots
        .partition_point(|slot| slot.first + SUBJECT_WINDOW < cue.first)
        .min(end);
    (start..end).rev().find_map(|index| {
        let slot = &sentence.slots[index];
        (slot.first > after_sides
            && slot.governor == Governor::Prep(Prep::With)
            && !sentence.boundary_between(slot.last, cue.first))
        .then(|| group(sentence, index))
    })
}

/// "between X and Y" right after the cue.
fn between_after(sentence: &Sentence<'_>, cue: &Cue) -> Option<Vec<usize>> {
    let at = (cue.last + 1..=cue.last + 2)
        .find(|&at| sentence.class(at) == Class::Prep(Prep::Between))?;
    let index = sentence.slots.partition_point(|slot| slot.first <= at);
    let slot = sentence.slots.get(index)?;
    if slot.first > at + 3 || slot.governor != Governor::Prep(Prep::Between) {
        return None;
    }
    let members = group(sentence, index);
    (distinct_actors(sentence, &members) >= 2).then_some(members)
}

/// A directed cue with its two sides after "between": "the war between Russia and Ukraine".
fn between_pair(sentence: &Sentence<'_>, cue: &Cue) -> Option<Vec<usize>> {
    between_after(sentence, cue).filter(|members| members.len() >= 2)
}

/// A "between X and Y" group anywhere in the cue's clause.
fn between_anywhere(sentence: &Sentence<'_>, cue: &Cue) -> Option<Vec<usize>> {
    let from = cue.first.saturating_sub(SUBJECT_WINDOW);
    sentence
        .slots_in(from, cue.last + WINDOW)
        .find_map(|(index, slot)| {
            let near = slot.first + SUBJECT_WINDOW > cue.first && slot.first < cue.last + WINDOW;
            if !near
                || slot.governor != Governor::Prep(Prep::Between)
                || slot.coordinated_with.is_some()
                || sentence.boundary_between(slot.first, cue.first)
            {
                return None;
            }
            let members = group(sentence, index);
            (distinct_actors(sentence, &members) >= 2).then_some(members)
        })
}

/// "the two countries" near a symmetric cue.
fn group_reference_near(sentence: &Sentence<'_>, cue: &Cue) -> Option<Vec<usize>> {
    sentence
        .slots_in(
            cue.first.saturating_sub(SUBJECT_WINDOW),
            cue.last + SUBJECT_WINDOW,
        )
        .filter(|(index, slot)| {
            sentence.is_group_reference(*index)
                && slot.first + SUBJECT_WINDOW > cue.first
                && slot.first < cue.last + WINDOW
                && !sentence.boundary_between(slot.first, cue.first)
        })
        .min_by_key(|(_, slot)| slot.first.abs_diff(cue.first))
        .map(|(index, _)| vec![index])
}

/// The other side of a symmetric cue whose own clause names only the partner: the nearest
/// subject-like mention of the sentence that is not the partner.
fn any_subject_near(sentence: &Sentence<'_>, cue: &Cue, partner: &[usize]) -> Option<usize> {
    sentence
        .slots_in(
            cue.first.saturating_sub(SUBJECT_WINDOW),
            cue.last + SUBJECT_WINDOW,
        )
        .filter(|(index, slot)| {
            !partner.contains(index)
                && slot.first.abs_diff(cue.first) <= SUBJECT_WINDOW
                && slot.coordinated_with.is_none()
                && is_subject_like(sentence, *index)
                && !sentence.boundary_between(slot.first, cue.first)
                && !shares_actor_with(sentence, *index, partner)
        })
        .min_by_key(|(_, slot)| slot.first.abs_diff(cue.first))
        .map(|(index, _)| index)
}

fn shares_actor_with(sentence: &Sentence<'_>, index: usize, others: &[usize]) -> bool {
    let actors = &sentence.slots[index].mention.actors;
    others.iter().any(|&other| {
        sentence.slots[other]
            .mention
            .actors
            .iter()
            .any(|actor| actors.contains(actor))
    })
}

/// An invasion's or visit's place: "the war in Ukraine", "air strikes in Pakistan". A place
/// right after the cue always counts; one elsewhere in the sentence only for a cue owned by
/// its actor ("Russia's invasion ... the conflict in Ukraine").
fn place(
    sentence: &Sentence<'_>,
    cue: &Cue,
    sources: &[usize],
    anywhere: bool,
) -> Option<Vec<usize>> {
    sentence
        .slots_in(
            cue.first.saturating_sub(SUBJECT_WINDOW),
            cue.last + SUBJECT_WINDOW,
        )
        .filter(|(index, slot)| {
            let near = slot.first > cue.last
                && slot.first <= cue.last + 7
                && !sentence.cue_between(cue.last, slot.first);
            let far = anywhere
                && slot.first.abs_diff(cue.first) <= SUBJECT_WINDOW
                && !sentence.cue_between(cue.first.min(slot.first), cue.last.max(slot.last));
            slot.is_place()
                && (near || far)
                && !shares_actor_with(sentence, *index, sources)
                && !sentence.boundary_between(slot.first, cue.first)
        })
        .min_by_key(|(_, slot)| slot.first.abs_diff(cue.first))
        .map(|(index, _)| vec![index])
}

/// A visit's host when the destination is not stated: the nearest other mention that no
/// preposition assigns another role.
fn host(sentence: &Sentence<'_>, cue: &Cue, sources: &[usize]) -> Option<Vec<usize>> {
    sentence
        .slots_in(
            cue.first.saturating_sub(SUBJECT_WINDOW),
            cue.last + SUBJECT_WINDOW,
        )
        .filter(|(index, slot)| {
            !matches!(
                slot.governor,
                Governor::Prep(Prep::By | Prep::From | Prep::With | Prep::Between)
            ) && !slot.possessive
                && slot.first.abs_diff(cue.first) <= SUBJECT_WINDOW
                && !shares_actor_with(sentence, *index, sources)
                && !sentence.boundary_between(slot.first, cue.first)
        })
        // The host is usually named after the visit ("visits ..., Chinese counterparts").
        .min_by_key(|(_, slot)| (slot.first < cue.first, slot.first.abs_diff(cue.first)))
        .map(|(index, _)| vec![index])
}
