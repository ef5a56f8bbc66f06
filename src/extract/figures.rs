//! Figures: reported money amounts with their kind, actors, period and "record" flag.
//!
//! Every money expression [`money`](super::money) finds becomes one figure, read from its own
//! sentence: the kind from the cue word nearest to the amount ("trade", "aid", "frozen ...
//! assets"), the actors from the sentence's mentions (the pair of a "between X and Y" or "X ...
//! with Y" construction first), the period from a year, a relative phrase ("last year") or a
//! half or quarter, resolved with the document's date. All of it is read in a window of the
//! sentence around the amount ([`WINDOW_BYTES`] each side for actors, less for words), so a figure costs the same however
//! long its sentence: a 100 MB line full of amounts stays linear.

use super::money::{MoneyMatch, find_money_dated};
use super::{ActorMention, DocDate, evidence_for};
use crate::model::{ActorId, Figure, FigureKind, Span};

/// How far either side of the amount a figure's actors are looked for, in bytes.
const WINDOW_BYTES: usize = 320;
/// How far either side of the amount its kind, period and "record" words are looked for: they
/// stand close to the amount ("trade ... reached $5bn last year"), and a narrower window keeps
/// money-dense text fast.
const WORD_WINDOW_BYTES: usize = 160;

/// The kind a single cue word gives ("trade", "aid", "loan"...).
fn kind_of_word(word: &str) -> Option<FigureKind> {
    Some(match word {
        "trade" | "traded" | "trading" | "export" | "exports" | "exported" | "import"
        | "imports" | "imported" | "turnover" | "commerce" | "goods" => FigureKind::Trade,
        "aid" | "assistance" | "humanitarian" | "grant" | "grants" | "donation" | "donations"
        | "donated" => FigureKind::Aid,
        "loan" | "loans" | "loaned" | "lent" | "lend" | "lending" | "credit" | "credits"
        | "bailout" | "borrowed" => FigureKind::Loan,
        "investment" | "investments" | "invested" | "invest" | "investing" | "fdi" => {
            FigureKind::Investment
        }
        "sanction" | "sanctions" | "sanctioned" | "embargo" | "penalties" | "fines" | "tariff"
        | "tariffs" | "duties" => FigureKind::Sanctions,
        _ => return None,
    })
}

/// Two-word kinds: a word of each half in the window ("frozen ... assets", "defence budget").
/// They outrank single words: "$300 billion of frozen assets under sanctions" is frozen assets.
#[derive(Clone, Copy, Default)]
struct PairedCues {
    /// (a freezing word, an assets word) seen.
    frozen_assets: (bool, bool),
    /// (a military word, a spending word) seen.
    military_spending: (bool, bool),
}

impl PairedCues {
    fn see(&mut self, word: &str) {
        match word {
            "frozen" | "froze" | "freeze" | "freezing" | "seized" | "seize" | "seizing"
            | "immobilised" | "immobilized" | "blocked" | "unfroze" | "unfreeze" | "unfrozen" => {
                self.frozen_assets.0 = true;
            }
            "assets" | "reserves" | "funds" | "holdings" => self.frozen_assets.1 = true,
            "military" | "defence" | "defense" | "arms" => self.military_spending.0 = true,
            "budget" | "budgets" | "spending" | "spend" | "spends" | "expenditure" | "outlays" => {
                self.military_spending.1 = true;
            }
            _ => {}
        }
    }

    fn kind(self) -> Option<FigureKind> {
        if self.frozen_assets == (true, true) {
            Some(FigureKind::FrozenAssets)
        } else if self.military_spending == (true, true) {
            Some(FigureKind::MilitarySpending)
        } else {
            None
        }
    }
}

/// The figures reported in `text`, in document order.
pub fn extract_figures(
    doc_id: &str,
    text: &str,
    sentences: &[Span],
    mentions: &[ActorMention],
    date: Option<DocDate>,
) -> Vec<Figure> {
    let year = date.map(|date| date.year);
    // One word buffer for the whole document: a figure's words are read and dropped.
    let mut words = Words::default();
    find_money_dated(text, year)
        .into_iter()
        .filter_map(|found| figure_of(doc_id, text, sentences, mentions, date, found, &mut words))
        .collect()
}

fn figure_of(
    doc_id: &str,
    text: &str,
    sentences: &[Span],
    mentions: &[ActorMention],
    date: Option<DocDate>,
    found: MoneyMatch,
    words: &mut Words,
) -> Option<Figure> {
    let sentence_index = sentences.partition_point(|sentence| sentence.end <= found.span.start);
    let sentence = *sentences.get(sentence_index)?;
    if sentence.start > found.span.start {
        return None; // between sentences: the splitter dropped it as white space
    }
    let window = window_around(text, sentence, found.span, WINDOW_BYTES);
    let nearby = mentions_in(mentions, window, found.span);
    let actors = figure_actors(text, window, &nearby, found.span);
    words.read(
        text,
        window_around(text, sentence, found.span, WORD_WINDOW_BYTES),
    );
    let kind = words.kind(found.span);
    let period = words.period(found.span, date);
    let record = words.says_record();
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
    Some(Figure {
        kind,
        actors,
        amounts: found.amounts,
        period,
        record,
        evidence,
    })
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

/// The figure's actors, sorted: all of the window's when there are at most two, else the pair
/// of a "between X and Y" or "X ... with Y" construction, else the two named nearest the amount.
fn figure_actors(
    text: &str,
    window: Span,
    mentions: &[&ActorMention],
    money: Span,
) -> Vec<ActorId> {
    let mut distinct: Vec<&ActorId> = Vec::new();
    for mention in mentions {
        for actor in &mention.actors {
            if !distinct.contains(&actor) {
                distinct.push(actor);
            }
        }
    }
    let mut chosen: Vec<ActorId> = if distinct.len() <= 2 {
        distinct.into_iter().cloned().collect()
    } else if let Some(pair) = between_pair(text, window, mentions) {
        pair
    } else if let Some(pair) = with_pair(text, mentions, money) {
        pair
    } else {
        nearest_pair(mentions, money)
    };
    chosen.sort();
    chosen.dedup();
    chosen
}

/// The text right before `span`, lower-cased, up to `length` bytes.
fn text_before(text: &str, span: Span, length: usize) -> String {
    let mut start = span.start.saturating_sub(length);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    text.get(start..span.start)
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// "between X and Y": the first two actors after "between".
fn between_pair(text: &str, window: Span, mentions: &[&ActorMention]) -> Option<Vec<ActorId>> {
    let window_text = window.slice(text)?.to_ascii_lowercase();
    let at = window_text.find("between ")? + window.start;
    let mut pair: Vec<ActorId> = Vec::new();
    for mention in mentions.iter().filter(|mention| mention.span.start > at) {
        for actor in &mention.actors {
            if !pair.contains(actor) {
                pair.push(actor.clone());
            }
        }
        if pair.len() >= 2 {
            pair.truncate(2);
            return Some(pair);
        }
    }
    None
}

/// "X's trade with Y", "X ... with Y": the actor after the "with" nearest the amount, and the
/// first other actor of the window (the subject).
fn with_pair(text: &str, mentions: &[&ActorMention], money: Span) -> Option<Vec<ActorId>> {
    let partner = mentions
        .iter()
        .filter(|mention| {
            let before = text_before(text, mention.span, 10);
            before.ends_with("with ") || before.ends_with("with the ")
        })
        .min_by_key(|mention| distance(mention.span, money))?;
    let partner_actor = partner.actors.first()?;
    // The subject: the actor named nearest before the partner ("Turkey grew its trade with
    // Russia", not the "US" of "Unlike the US, ..."), else the first named after it.
    let others = || {
        mentions
            .iter()
            .filter(|mention| !mention.actors.contains(partner_actor))
    };
    let subject = others()
        .rfind(|mention| mention.span.start < partner.span.start)
        .or_else(|| others().next())?
        .actors
        .first()?;
    Some(vec![subject.clone(), partner_actor.clone()])
}

/// The two distinct actors named nearest the amount.
fn nearest_pair(mentions: &[&ActorMention], money: Span) -> Vec<ActorId> {
    let mut by_distance: Vec<&&ActorMention> = mentions.iter().collect();
    by_distance.sort_by_key(|mention| (distance(mention.span, money), mention.span.start));
    let mut pair: Vec<ActorId> = Vec::new();
    for mention in by_distance {
        for actor in &mention.actors {
            if pair.len() < 2 && !pair.contains(actor) {
                pair.push(actor.clone());
            }
        }
    }
    pair
}

/// Bytes between two spans (0 when they touch or overlap).
fn distance(span: Span, other: Span) -> usize {
    if span.end <= other.start {
        other.start - span.end
    } else {
        span.start.saturating_sub(other.end)
    }
}

/// The words of a window, lower-cased, with their document spans (a buffer reused from one
/// figure to the next).
#[derive(Default)]
struct Words {
    /// The window text in lower case (ASCII only: byte offsets stay those of the text).
    lower: String,
    /// Where the window starts in the document.
    offset: usize,
    /// Each word's span in `lower`.
    spans: Vec<Span>,
}

impl Words {
    /// Replaces the words with those of `window`.
    fn read(&mut self, text: &str, window: Span) {
        self.lower.clear();
        self.lower.push_str(window.slice(text).unwrap_or_default());
        self.lower.make_ascii_lowercase();
        self.offset = window.start;
        let bytes = self.lower.as_bytes();
        let words = &mut self.spans;
        words.clear();
        let mut index = 0;
        while index < bytes.len() {
            if bytes[index].is_ascii_alphanumeric() {
                let start = index;
                while index < bytes.len() && bytes[index].is_ascii_alphanumeric() {
                    index += 1;
                }
                words.push(Span::new(start, index));
            } else {
                index += 1;
            }
        }
    }

    fn word(&self, index: usize) -> &str {
        self.spans
            .get(index)
            .and_then(|span| span.slice(&self.lower))
            .unwrap_or_default()
    }

    /// The word's span in the document.
    fn document_span(&self, index: usize) -> Span {
        let span = self.spans[index];
        Span::new(span.start + self.offset, span.end + self.offset)
    }

    /// Distance of word `index` from the amount.
    fn distance_to(&self, index: usize, money: Span) -> usize {
        distance(self.document_span(index), money)
    }

    fn is_in(&self, index: usize, money: Span) -> bool {
        let span = self.document_span(index);
        span.start >= money.start && span.end <= money.end
    }

    /// What the amount measures: a two-word kind anywhere in the window, else the single cue
    /// word nearest the amount, else `Other`. One pass over the words.
    fn kind(&self, money: Span) -> FigureKind {
        let mut paired = PairedCues::default();
        let mut nearest: Option<(usize, FigureKind)> = None;
        for i in 0..self.spans.len() {
            let word = self.word(i);
            paired.see(word);
            if let Some(kind) = kind_of_word(word)
                && !self.is_in(i, money)
            {
                let distance = self.distance_to(i, money);
                if nearest.is_none_or(|(best, _)| distance < best) {
                    nearest = Some((distance, kind));
                }
            }
        }
        paired
            .kind()
            .or(nearest.map(|(_, kind)| kind))
            .unwrap_or(FigureKind::Other)
    }

    /// The period the amount covers: a half or quarter ("2023-H1"), else the year nearest
    /// the amount, stated ("in 2022") or relative ("last year", resolved with the date).
    fn period(&self, money: Span, date: Option<DocDate>) -> Option<String> {
        let mut best_year: Option<(usize, i32)> = None;
        let mut part: Option<(usize, String, Option<i32>)> = None;
        for i in 0..self.spans.len() {
            if self.is_in(i, money) {
                continue;
            }
            let word = self.word(i);
            let previous = if i > 0 { self.word(i - 1) } else { "" };
            let next = self.word(i + 1);
            let distance = self.distance_to(i, money);
            let year = if let Some(year) = explicit_year(word).filter(|_| previous != "since") {
                Some(year)
            } else if word == "year" {
                match previous {
                    "last" | "past" if next != "s" => date.map(|date| date.year - 1),
                    "this" | "current" => date.map(|date| date.year),
                    "next" | "coming" => date.map(|date| date.year + 1),
                    _ => None,
                }
            } else {
                None
            };
            if let Some(year) = year
                && best_year.is_none_or(|(best, _)| distance < best)
            {
                best_year = Some((distance, year));
            }
            if let Some(label) = part_of_year(previous, word, next) {
                // "in the first half of 2022", "first quarter of last year".
                let stated = self.year_after(i);
                if part.as_ref().is_none_or(|(best, _, _)| distance < *best) {
                    part = Some((distance, label.to_owned(), stated));
                }
            }
        }
        if let Some((_, label, stated)) = part {
            let year = stated
                .or(best_year.map(|(_, year)| year))
                .or(date.map(|date| date.year))?;
            return Some(format!("{year}-{label}"));
        }
        best_year.map(|(_, year)| year.to_string())
    }

    /// A year given right after word `index`: "of 2022", "of last year", "of this year".
    fn year_after(&self, index: usize) -> Option<i32> {
        if self.word(index + 1) != "of" {
            return None;
        }
        explicit_year(self.word(index + 2))
    }

    /// Whether the window calls the amount a record.
    fn says_record(&self) -> bool {
        for i in 0..self.spans.len() {
            // Neighbours are read only for the few words that need them.
            let previous = || if i > 0 { self.word(i - 1) } else { "" };
            let next = || self.word(i + 1);
            match self.word(i) {
                "record" => {
                    let (previous, next) = (previous(), next());
                    let before_previous = if i > 1 { self.word(i - 2) } else { "" };
                    let idiom = matches!(previous, "track" | "criminal" | "public" | "voting")
                        || (previous == "the" && matches!(before_previous, "for" | "on" | "off"))
                        || matches!(next, "of" | "shows" | "showed" | "label");
                    if !idiom {
                        return true;
                    }
                }
                "unprecedented" => return true,
                "time" if previous() == "all" && next() == "high" => return true,
                "ever" if matches!(previous(), "highest" | "largest" | "biggest") => return true,
                _ => {}
            }
        }
        false
    }
}

/// A four-digit year 1900-2099 written alone.
fn explicit_year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse::<i32>()
        .ok()
        .filter(|year| (1900..=2099).contains(year))
}

/// "first half" -> "H1", "third quarter" -> "Q3", "q2" -> "Q2", "first six months" -> "H1".
// Matched on the word first: it runs for every word of every window, and most words fail the
// first comparison.
fn part_of_year(previous: &str, word: &str, next: &str) -> Option<&'static str> {
    match word {
        "h1" => Some("H1"),
        "h2" => Some("H2"),
        "q1" => Some("Q1"),
        "q2" => Some("Q2"),
        "q3" => Some("Q3"),
        "q4" => Some("Q4"),
        "half" => match previous {
            "first" => Some("H1"),
            "second" => Some("H2"),
            _ => None,
        },
        "six" if previous == "first" && next == "months" => Some("H1"),
        "quarter" => match previous {
            "first" => Some("Q1"),
            "second" => Some("Q2"),
            "third" => Some("Q3"),
            "fourth" => Some("Q4"),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::extract_figures;
    use crate::extract::{ActorMention, DocDate, MentionForm};
    use crate::model::{FigureKind, Span};

    /// Mentions of `names` in `text` (each name: its first occurrence), as the gazetteer would.
    fn mentions(text: &str, names: &[(&str, &str)]) -> Vec<ActorMention> {
        let mut found: Vec<ActorMention> = names
            .iter()
            .map(|(name, actor)| {
                let start = text.find(name).expect("name in text");
                ActorMention {
                    actors: vec![(*actor).to_owned()],
                    span: Span::new(start, start + name.len()),
                    form: MentionForm::Name,
                }
            })
            .collect();
        found.sort_by_key(|mention| mention.span.start);
        found
    }

    fn one_sentence(text: &str) -> Vec<Span> {
        vec![Span::new(0, text.len())]
    }

    #[test]
    fn trade_with_a_partner_last_year_marked_record() {
        let text = "Beijing has expanded trade with Russia, with a record 1.28 trillion yuan ($190 billion) last year.";
        let mentions = mentions(text, &[("Beijing", "CHN"), ("Russia", "RUS")]);
        let figures = extract_figures(
            "doc",
            text,
            &one_sentence(text),
            &mentions,
            DocDate::parse("2023-02"),
        );
        assert_eq!(figures.len(), 1);
        let figure = &figures[0];
        assert_eq!(figure.kind, FigureKind::Trade);
        assert_eq!(figure.actors, vec!["CHN".to_owned(), "RUS".to_owned()]);
        assert_eq!(figure.period.as_deref(), Some("2022"));
        assert!(figure.record);
        assert_eq!(figure.evidence.cue, "1.28 trillion yuan ($190 billion)");
        assert_eq!(figure.evidence.mentions.len(), 2);
        assert_eq!(figure.usd(), Some(1.9e11));
    }

    #[test]
    fn kinds_periods_and_pairs_come_from_the_sentence() {
        let date = DocDate::parse("2023-07-01");
        let cases = [
            (
                "Trade between India and Japan reached $20 billion in the first half.",
                &[("India", "IND"), ("Japan", "JPN")][..],
                FigureKind::Trade,
                Some("2023-H1"),
            ),
            (
                "The EU has frozen 300 billion euros of Russian central bank reserves under sanctions.",
                &[("EU", "EU"), ("Russian", "RUS")][..],
                FigureKind::FrozenAssets,
                None,
            ),
            (
                "Germany pledged EUR 3bn in military aid to Ukraine in 2022.",
                &[("Germany", "DEU"), ("Ukraine", "UKR")][..],
                FigureKind::Aid,
                Some("2022"),
            ),
            (
                "Poland will raise its defence budget to 4 per cent, or $35 billion, next year.",
                &[("Poland", "POL")][..],
                FigureKind::MilitarySpending,
                Some("2024"),
            ),
            (
                "China lent Pakistan $5 billion in the first quarter of 2021.",
                &[("China", "CHN"), ("Pakistan", "PAK")][..],
                FigureKind::Loan,
                Some("2021-Q1"),
            ),
            (
                "The United States unfroze $6 billion of Iranian funds.",
                &[("United States", "USA"), ("Iranian", "IRN")][..],
                FigureKind::FrozenAssets,
                None,
            ),
            (
                "The US imposed tariffs on $34 billion of Chinese goods.",
                &[("US", "USA"), ("Chinese", "CHN")][..],
                FigureKind::Sanctions,
                None,
            ),
            (
                "The painting sold for £59.5 million.",
                &[][..],
                FigureKind::Other,
                None,
            ),
        ];
        for (text, names, kind, period) in cases {
            let mentions = mentions(text, names);
            let figures = extract_figures("doc", text, &one_sentence(text), &mentions, date);
            assert_eq!(figures.len(), 1, "{text}");
            assert_eq!(figures[0].kind, kind, "{text}");
            assert_eq!(figures[0].period.as_deref(), period, "{text}");
            assert_eq!(figures[0].actors.len(), names.len(), "{text}");
            assert!(!figures[0].record, "{text}");
        }
    }

    #[test]
    fn a_third_country_does_not_join_a_with_pair() {
        let text = "Unlike the US, Turkey grew its trade with Russia to $62 billion in 2022.";
        let mentions = mentions(text, &[("US", "USA"), ("Turkey", "TUR"), ("Russia", "RUS")]);
        let figures = extract_figures("doc", text, &one_sentence(text), &mentions, None);
        assert_eq!(figures[0].actors, vec!["RUS".to_owned(), "TUR".to_owned()]);
        assert_eq!(figures[0].period.as_deref(), Some("2022"));
    }

    #[test]
    fn the_currency_prefix_is_no_actor_and_relative_years_need_a_date() {
        let text = "Washington gave Kyiv US$1.2 billion last year.";
        let mentions = mentions(
            text,
            &[("Washington", "USA"), ("Kyiv", "UKR"), ("US$", "USA")],
        );
        let figures = extract_figures("doc", text, &one_sentence(text), &mentions, None);
        assert_eq!(figures[0].period, None);
        assert_eq!(figures[0].evidence.mentions.len(), 2);
    }
}
