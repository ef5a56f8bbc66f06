//! Figures: reported money amounts with their kind, actors, period, status and value in US
//! dollars, and whether they are figures at all (a price or a salary is not).
//!
//! Every money expression [`money`](super::money) finds is read from its own sentence: the
//! kind from the cue word nearest to the amount ("trade", "aid", "frozen ... assets"), the
//! actors from the sentence's structure ([`pairs`]: subject, objects, "with"/"between"
//! partners; the words nearby when the parser did not read it), the period from a year, a
//! relative phrase ("last year") or a half or quarter, resolved with the document's date, the
//! status from "pledged"/"provided" words, the currency of a shared word ("shillings") from
//! the country the text is about ([`currency`]), and the value in dollars ([`usd`]). Words are
//! read in a window of the sentence around the amount, so a figure costs the same however
//! long its sentence: a 100 MB line full of amounts stays linear.
//!
//! Submodules: [`tags`] and [`words`] (the tagged words and the kind, period and "record"
//! rules), [`classify`] (status, approximation, price or pay), [`pairs`] and
//! [`pairs_nearby`] (actors), [`range`], [`currency`], [`usd`], and [`merge`] (one figure
//! reported by several articles).

mod classify;
mod currency;
pub mod merge;
mod pairs;
mod pairs_nearby;
mod range;
mod tags;
mod usd;
mod words;

pub use merge::merge_figures;
pub use usd::convert_saved_figures;

use super::analysis::SentenceAnalysis;
use super::money::rates::Rates;
use super::money::{MoneyMatch, find_money_dated};
use super::parse::Parser;
use super::{ActorMention, DocDate, evidence_for};
use crate::model::{ActorId, Approximation, Figure, FigureKind, FigureRole, FigureStatus, Span};
use currency::{CountriesOfText, settle_bare_currency};
use words::Words;

#[cfg(test)]
use tags::{TAGGED_WORDS, Tag, tag_of, tag_table};

/// How far either side of the amount a figure's actors are looked for, in bytes.
const WINDOW_BYTES: usize = 320;
/// How far either side of the amount its kind, period and "record" words are looked for: they
/// stand close to the amount ("trade ... reached $5bn last year"), and a narrower window keeps
/// money-dense text fast.
const WORD_WINDOW_BYTES: usize = 160;
/// Sentences longer than this are not parsed for a figure's actors (the words nearby are
/// read instead): the parser's cost grows with the sentence, the window's does not.
const PARSED_SENTENCE_MAX_BYTES: usize = 2048;

/// What a document gives every figure of it.
struct Document<'a> {
    doc_id: &'a str,
    text: &'a str,
    sentences: &'a [Span],
    mentions: &'a [ActorMention],
    date: Option<DocDate>,
    parser: Option<&'a Parser>,
    /// The document's actors, most named first.
    article_actors: Vec<ActorId>,
}

/// The figures reported in `text`, in document order (several for one amount between several
/// pairs). `parser` reads each sentence with money for its actors; without it (or for a very
/// long sentence) they are read from the words nearby.
pub fn extract_figures(
    doc_id: &str,
    text: &str,
    sentences: &[Span],
    mentions: &[ActorMention],
    date: Option<DocDate>,
    parser: Option<&Parser>,
) -> Vec<Figure> {
    let year = date.map(|date| date.year);
    let found = range::join_ranges(text, find_money_dated(text, year));
    if found.is_empty() {
        return Vec::new();
    }
    let document = Document {
        doc_id,
        text,
        sentences,
        mentions,
        date,
        parser,
        article_actors: most_named(mentions),
    };
    // One word buffer for the thread, kept from one document to the next: a figure's words
    // are read and dropped, and a stream of documents allocates for them only at the start.
    let mut words = KEPT_WORDS.take();
    words.sentence = None;
    let mut analysis = Parsed::default();
    let mut figures = Vec::new();
    let mut previous: Option<(Span, FigureKind)> = None;
    for money in found {
        let read = figures_of(&document, &money, previous, &mut words, &mut analysis);
        previous = read.first().map(|figure| (money.span, figure.kind));
        figures.extend(read);
    }
    KEPT_WORDS.set(words);
    let rates = Rates::builtin();
    for figure in &mut figures {
        usd::convert_to_usd(figure, year, rates);
    }
    figures
}

thread_local! {
    /// This thread's word buffers, between two documents.
    static KEPT_WORDS: std::cell::Cell<Words> = std::cell::Cell::new(Words::default());
}

/// The parse of the sentence last read, kept for the other amounts of that sentence.
#[derive(Default)]
struct Parsed {
    sentence: Option<usize>,
    analysis: SentenceAnalysis,
    /// The sentence's mentions, as the analysis indexes them.
    mentions: Vec<ActorMention>,
}

/// The document's actors by how often they are named, most first (ties by id).
fn most_named<'m>(mentions: impl IntoIterator<Item = &'m ActorMention>) -> Vec<ActorId> {
    let mut counts: std::collections::BTreeMap<&ActorId, usize> = std::collections::BTreeMap::new();
    for mention in mentions {
        for actor in &mention.actors {
            *counts.entry(actor).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&ActorId, usize)> = counts.into_iter().collect();
    ranked.sort_by(|(a, x), (b, y)| y.cmp(x).then(a.cmp(b)));
    ranked.into_iter().map(|(actor, _)| actor.clone()).collect()
}

/// How many distinct actors `mentions` name.
fn distinct_actors(mentions: &[&ActorMention]) -> usize {
    let mut actors: Vec<&ActorId> = mentions
        .iter()
        .flat_map(|mention| &mention.actors)
        .collect();
    actors.sort_unstable();
    actors.dedup();
    actors.len()
}

/// The mentions of sentence `span`.
fn mentions_of_sentence(mentions: &[ActorMention], span: Span) -> &[ActorMention] {
    let first = mentions.partition_point(|mention| mention.span.start < span.start);
    let rest = &mentions[first..];
    &rest[..rest.partition_point(|mention| mention.span.start < span.end)]
}

/// The figures of one money expression: one per actor set its sentence ties it to.
fn figures_of(
    document: &Document<'_>,
    found: &MoneyMatch,
    previous: Option<(Span, FigureKind)>,
    words: &mut Words,
    parsed: &mut Parsed,
) -> Vec<Figure> {
    let Document {
        doc_id,
        text,
        sentences,
        mentions,
        date,
        ..
    } = *document;
    let sentence_index = sentences.partition_point(|sentence| sentence.end <= found.span.start);
    let Some(&sentence) = sentences.get(sentence_index) else {
        return Vec::new();
    };
    if sentence.start > found.span.start {
        return Vec::new(); // between sentences: the splitter dropped it as white space
    }
    let window = window_around(text, sentence, found.span, WINDOW_BYTES);
    let nearby = mentions_in(mentions, window, found.span);
    let actor_sets = structural_actor_sets(
        document,
        sentence_index,
        sentence,
        found.span,
        &nearby,
        parsed,
    )
    .unwrap_or_else(|| {
        vec![pairs_nearby::nearby_actors(
            text, window, &nearby, found.span,
        )]
    });
    words.read(
        text,
        sentence,
        window_around(text, sentence, found.span, WORD_WINDOW_BYTES),
    );
    let mut reading = Reading::of(words, found, date);
    if reading.kind == FigureKind::Other
        && let Some((previous_span, previous_kind)) = previous
        && previous_span.start >= sentence.start
        && compares_with_previous(text, previous_span, found.span)
    {
        // "€2 billion in aid for 2024, up from €1.5 billion in 2023": the same kind.
        reading.kind = previous_kind;
    }
    let Reading {
        kind,
        period,
        record,
        status,
        approximation,
        price_or_pay,
    } = reading;
    let sentence_actors = most_named(nearby.iter().copied());
    let mut figures = Vec::with_capacity(actor_sets.len());
    for actors in actor_sets {
        let evidence_mentions: Vec<&ActorMention> = nearby
            .iter()
            .copied()
            .filter(|mention| mention.actors.iter().all(|actor| actors.contains(actor)))
            .collect();
        let evidence = evidence_for(
            doc_id,
            text,
            sentence_index,
            sentence,
            found.span,
            &evidence_mentions,
        );
        let mut amounts = found.amounts.clone();
        let mut currency_note = None;
        for (amount, family) in amounts.iter_mut().zip(&found.bare_families) {
            if let Some(family) = family {
                let countries = CountriesOfText {
                    figure: &actors,
                    sentence: &sentence_actors,
                    article: &document.article_actors,
                };
                currency_note = currency_note.or(settle_bare_currency(amount, family, &countries));
            }
        }
        let role = price_or_pay.unwrap_or(if actors.is_empty() || kind == FigureKind::Other {
            FigureRole::Unattributed
        } else {
            FigureRole::Figure
        });
        let mut figure = Figure::new(kind, actors, amounts, period.clone(), evidence);
        figure.record = record;
        figure.status = status;
        figure.approximation = approximation;
        figure.role = role;
        figure.currency_note = currency_note;
        figures.push(figure);
    }
    figures
}

/// What the words around an amount say of it.
struct Reading {
    kind: FigureKind,
    period: Option<String>,
    record: bool,
    status: FigureStatus,
    approximation: Approximation,
    price_or_pay: Option<FigureRole>,
}

impl Reading {
    /// Reads the window `words` holds around `found`.
    fn of(words: &Words, found: &MoneyMatch, date: Option<DocDate>) -> Reading {
        let (status, giving) = words.status(found.span);
        let mut kind = words.kind(found.span);
        if kind == FigureKind::Other && (giving || status == FigureStatus::Pledged) {
            // "Japan pledged $500 million to Kenya", "Washington has provided Kyiv with more
            // than $75 billion": money pledged or handed to someone is aid.
            kind = FigureKind::Aid;
        }
        let first_value = found.amounts.first().map_or(0.0, |amount| amount.value);
        Reading {
            kind,
            period: words.period(found.span, date),
            record: words.says_record(),
            status,
            approximation: words.approximation(found.span),
            price_or_pay: words.price_or_pay(found.span, first_value),
        }
    }
}

/// Whether the words between two amounts of one sentence compare them ("up from", "compared
/// with", "against", "than"), so the second is the same kind of figure as the first.
fn compares_with_previous(text: &str, previous: Span, money: Span) -> bool {
    const COMPARING: [&str; 6] = ["from", "compared", "against", "versus", "than", "vs"];
    let Some(gap) = text.get(previous.end..money.start) else {
        return false;
    };
    gap.len() <= 48
        && gap.split(|c: char| !c.is_alphanumeric()).any(|word| {
            COMPARING
                .iter()
                .any(|known| word.eq_ignore_ascii_case(known))
        })
}

/// The actor sets of the amount at `money` read from its sentence's parse, when there is a
/// parser, the sentence is not too long, and the tree ties an actor to the amount.
fn structural_actor_sets(
    document: &Document<'_>,
    sentence_index: usize,
    sentence: Span,
    money: Span,
    nearby: &[&ActorMention],
    parsed: &mut Parsed,
) -> Option<Vec<Vec<ActorId>>> {
    let parser = document.parser?;
    if sentence.len() > PARSED_SENTENCE_MAX_BYTES {
        return None;
    }
    // The parse is the costly part of reading a figure (some 70 µs a sentence, against a few
    // for the rest): it is asked only where the words nearby cannot tell the pair, when the
    // amount has three or more actors around it ("Japan gave $1 billion to Ukraine, Russia's
    // foreign ministry said"). With one or two, the words nearby give them.
    if distinct_actors(nearby) < 3 {
        return None;
    }
    let local = mentions_of_sentence(document.mentions, sentence);
    if parsed.sentence != Some(sentence_index) {
        parsed.sentence = Some(sentence_index);
        parsed.mentions.clear();
        parsed.mentions.extend_from_slice(local);
        parsed.analysis.analyse(
            document.text,
            sentence_index,
            sentence,
            &parsed.mentions,
            parser,
        );
    }
    pairs::structural_actors(&parsed.analysis, &parsed.mentions, money)
}

/// The part of `sentence` within `reach` bytes of `money`, on character boundaries.
fn window_around(text: &str, sentence: Span, money: Span, reach: usize) -> Span {
    let mut start = sentence.start.max(money.start.saturating_sub(reach));
    let mut end = sentence.end.min(money.end.saturating_add(reach)).max(start);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
}

/// The mentions inside `window` that are not part of the amount ("US$" is no actor).
fn mentions_in(mentions: &[ActorMention], window: Span, money: Span) -> Vec<&ActorMention> {
    let first = mentions.partition_point(|mention| mention.span.start < window.start);
    mentions[first..]
        .iter()
        .take_while(|mention| mention.span.start < window.end)
        .filter(|mention| mention.span.end <= window.end)
        .filter(|mention| mention.span.end <= money.start || mention.span.start >= money.end)
        .collect()
}

/// Bytes between two spans (0 when they touch or overlap).
pub(super) fn distance(span: Span, other: Span) -> usize {
    if span.end <= other.start {
        other.start - span.end
    } else {
        span.start.saturating_sub(other.end)
    }
}

#[cfg(test)]
mod tests;
