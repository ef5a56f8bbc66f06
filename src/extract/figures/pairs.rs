//! The actors of a figure read from the sentence's structure, the same analysis the ties read:
//! the clause that holds the amount, its subject (with the subject's possessor and its "with"
//! or "between" partners) on one side, its objects and obliques on the other.
//!
//! "Germany's trade with France and Italy reached $65 billion" gives DEU-FRA and DEU-ITA;
//! "Japan pledged $1 billion in aid to Ukraine, Russia's foreign ministry said" gives JPN-UKR:
//! Russia is the subject of another clause. Only prepositions that introduce a party count
//! ("to", "with", "from", "for", "between", "in"...), not those of time or circumstance
//! ("during a visit by France's president").

use crate::extract::ActorMention;
use crate::extract::analysis::{Phrase, SentenceAnalysis};
use crate::extract::parse::{Rel, Upos};
use crate::model::{ActorId, Span};

/// Prepositions that introduce a party to the money.
const PARTY_PREPOSITIONS: &[&str] = &[
    "to", "for", "with", "from", "between", "of", "on", "against", "into", "in", "toward",
    "towards", "by",
];

/// How deep inside a role's phrase its parties are looked for ("aid to the government of
/// Ukraine").
const NESTED_DEPTH: u32 = 2;

/// At most this many pairs from one amount (a long list of partners).
const MAX_PAIRS: usize = 6;

/// The sides the tree gives an amount.
#[derive(Default)]
struct Sides {
    /// The subject side: who trades, gives, lends.
    subject: Vec<ActorId>,
    /// The other side: partners, recipients, targets.
    other: Vec<ActorId>,
    /// "between X and Y": both sides at once.
    between: Vec<ActorId>,
}

impl Sides {
    fn add(side: &mut Vec<ActorId>, mention: &ActorMention) {
        for actor in &mention.actors {
            if !side.contains(actor) {
                side.push(actor.clone());
            }
        }
    }
}

/// The actor sets the figure at `money` is between (each sorted: a pair, or one actor), read
/// from `analysis` (whose mentions are `mentions`); `None` when the tree ties no actor to the
/// amount and the caller should read the words nearby.
pub(super) fn structural_actors(
    analysis: &SentenceAnalysis,
    mentions: &[ActorMention],
    money: Span,
) -> Option<Vec<Vec<ActorId>>> {
    let head = money_head(analysis, money)?;
    let predicate = clause_of(analysis, head);
    let mut sides = Sides::default();
    let mut reader = PhraseReader {
        analysis,
        mentions,
        money,
        found: Vec::new(),
    };
    // A verbless predicate is a noun ("South Africa's trade with Nigeria ... 30 billion
    // rand"): its own phrase is the subject side, its possessor and partners included.
    let verbless = analysis.tag(predicate) != Upos::VERB;
    if verbless {
        reader.read(predicate, Role::Subject, &mut sides);
    }
    for &child in analysis.children(predicate) {
        let rel = analysis.rel(child);
        let subject_role = matches!(
            rel,
            Rel::Nsubj | Rel::NsubjPass | Rel::Csubj | Rel::CsubjPass
        );
        if verbless && !subject_role {
            continue; // read with the predicate's own phrase
        }
        // The amount's own phrase is a role whatever the parser called it (a bracketed
        // conversion is often read as an apposition of the verb).
        let holds_money = analysis
            .token(child)
            .is_some_and(|token| overlaps(token.span, money))
            || analysis.dominates(child, head);
        let other_role = holds_money
            || match rel {
                Rel::Obj | Rel::Iobj => true,
                Rel::Obl | Rel::Nmod => analysis
                    .preposition(child)
                    .is_none_or(|prep| PARTY_PREPOSITIONS.contains(&prep)),
                _ => false,
            };
        let role = if subject_role {
            Role::Subject
        } else if rel == Rel::Obl && analysis.preposition(child) == Some("by") {
            Role::Agent
        } else if other_role {
            Role::Other
        } else {
            continue;
        };
        reader.read(child, role, &mut sides);
    }
    pairs_of(sides)
}

/// The role of a phrase in the amount's clause.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The subject: who trades, gives, lends.
    Subject,
    /// A passive agent ("signed by Iran"): the subject side too.
    Agent,
    /// An object or oblique: the other side.
    Other,
}

/// Reads the mentions of a phrase onto the sides.
struct PhraseReader<'a> {
    analysis: &'a SentenceAnalysis,
    mentions: &'a [ActorMention],
    money: Span,
    found: Vec<(u32, Phrase, Option<u32>)>,
}

impl PhraseReader<'_> {
    /// Adds the mentions of the phrase headed by `at`, in `role`, to `sides`: its head and
    /// modifiers to the role's side, "between" partners to both, "with/to/for" partners of
    /// a subject to the other side, "from/by/of" ones to the subject's.
    fn read(&mut self, at: u32, role: Role, sides: &mut Sides) {
        let analysis = self.analysis;
        self.found.clear();
        analysis.phrase_mentions(at, NESTED_DEPTH, &mut self.found);
        for &(index, place, prep) in &self.found {
            let Some(mention) = self.mentions.get(index as usize) else {
                continue;
            };
            if overlaps(mention.span, self.money) {
                continue; // "US$" is no party
            }
            let prep_word = prep.map(|word| analysis.lower(word));
            if prep_word.is_some_and(|word| !PARTY_PREPOSITIONS.contains(&word)) {
                continue;
            }
            let subject = role == Role::Subject;
            let side = match (place, prep_word) {
                (Phrase::Nested, Some("between")) => &mut sides.between,
                (Phrase::Nested, Some("from" | "by" | "of")) if subject => &mut sides.subject,
                (Phrase::Nested, _) if subject => &mut sides.other,
                _ if role == Role::Other => &mut sides.other,
                _ => &mut sides.subject,
            };
            Sides::add(side, mention);
        }
    }
}

/// The word of the amount whose head lies outside it.
fn money_head(analysis: &SentenceAnalysis, money: Span) -> Option<u32> {
    let first = analysis.token_at(money.start)?;
    let inside = |at: u32| {
        analysis
            .token(at)
            .is_some_and(|token| token.span.start >= money.start && token.span.end <= money.end)
    };
    let mut at = first;
    while inside(at) {
        match analysis.head(at) {
            Some(head) if inside(head) => at = head,
            _ => return Some(at),
        }
    }
    Some(first)
}

/// The predicate of the clause the amount is in: its nearest verb ancestor, else the top of
/// its phrase ("Trade between X and Y was $5 billion": the amount itself).
fn clause_of(analysis: &SentenceAnalysis, head: u32) -> u32 {
    if analysis.tag(head) == Upos::VERB {
        return head;
    }
    let mut top = head;
    for ancestor in analysis.ancestors(head) {
        top = ancestor;
        if analysis.tag(ancestor) == Upos::VERB {
            return ancestor;
        }
    }
    // A verbless clause: the amount is its own predicate when it has a subject ("trade ...
    // was $5bn"), else the phrase's top word.
    if analysis.subject(head).is_some() {
        head
    } else {
        top
    }
}

/// The actor sets of the sides found.
fn pairs_of(sides: Sides) -> Option<Vec<Vec<ActorId>>> {
    let Sides {
        subject,
        other,
        between,
    } = sides;
    let mut pairs: Vec<Vec<ActorId>> = Vec::new();
    if between.len() >= 2 {
        pairs_within(&between, &mut pairs);
    } else if !subject.is_empty() && !other.is_empty() {
        for a in &subject {
            for b in &other {
                if a != b {
                    push_set(&mut pairs, vec![a.clone(), b.clone()]);
                }
            }
        }
    } else {
        let mut all: Vec<ActorId> = subject;
        for actor in other.into_iter().chain(between) {
            if !all.contains(&actor) {
                all.push(actor);
            }
        }
        match all.len() {
            0 => return None,
            1 => push_set(&mut pairs, all),
            _ => pairs_within(&all, &mut pairs),
        }
    }
    pairs.truncate(MAX_PAIRS);
    (!pairs.is_empty()).then_some(pairs)
}

/// Every pair within `actors`.
fn pairs_within(actors: &[ActorId], pairs: &mut Vec<Vec<ActorId>>) {
    for (i, a) in actors.iter().enumerate() {
        for b in &actors[i + 1..] {
            push_set(pairs, vec![a.clone(), b.clone()]);
        }
    }
}

/// Adds a sorted actor set once.
fn push_set(pairs: &mut Vec<Vec<ActorId>>, mut set: Vec<ActorId>) {
    set.sort();
    set.dedup();
    if !pairs.contains(&set) {
        pairs.push(set);
    }
}

fn overlaps(span: Span, other: Span) -> bool {
    span.start < other.end && other.start < span.end
}
