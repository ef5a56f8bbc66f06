//! Figures: reported money amounts with their kind, actors, period and "record" flag.
//!
//! Every money expression [`money`](super::money) finds becomes one figure, read from its own
//! sentence: the kind from the cue word nearest to the amount ("trade", "aid", "frozen ...
//! assets"), the actors from the sentence's mentions (the pair of a "between X and Y" or "X ...
//! with Y" construction first), the period from a year, a relative phrase ("last year") or a
//! half or quarter, resolved with the document's date. All of it is read in a window of the
//! sentence around the amount ([`WINDOW_BYTES`] each side for actors, less for words), so a
//! figure costs the same however long its sentence: a 100 MB line full of amounts stays linear.
//!
//! Words are compared as tags, not text: each word of a sentence with money is looked up once
//! (its packed lower-case bytes in a hash table) and every amount of the sentence cuts its
//! window from those tagged words; a sentence longer than a few KiB is read window by window.

use super::money::{MoneyMatch, find_money_dated};
use super::word_starts::AsciiWords;
use super::word_table::{self, WordTable};
use super::{ActorMention, DocDate, evidence_for};
use crate::model::{ActorId, Figure, FigureKind, Span};

/// How far either side of the amount a figure's actors are looked for, in bytes.
const WINDOW_BYTES: usize = 320;
/// How far either side of the amount its kind, period and "record" words are looked for: they
/// stand close to the amount ("trade ... reached $5bn last year"), and a narrower window keeps
/// money-dense text fast.
const WORD_WINDOW_BYTES: usize = 160;

/// The figures reported in `text`, in document order.
pub fn extract_figures(
    doc_id: &str,
    text: &str,
    sentences: &[Span],
    mentions: &[ActorMention],
    date: Option<DocDate>,
) -> Vec<Figure> {
    let year = date.map(|date| date.year);
    // One word buffer for the thread, kept from one document to the next: a figure's words
    // are read and dropped, and a stream of documents allocates for them only at the start.
    let mut words = KEPT_WORDS.take();
    words.sentence = None;
    let figures = find_money_dated(text, year)
        .into_iter()
        .filter_map(|found| figure_of(doc_id, text, sentences, mentions, date, found, &mut words))
        .collect();
    KEPT_WORDS.set(words);
    figures
}

thread_local! {
    /// This thread's word buffers, between two documents.
    static KEPT_WORDS: std::cell::Cell<Words> = std::cell::Cell::new(Words::default());
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
        sentence,
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

/// Whether the text right before `span` ends with `words` (ASCII, lower case), in any case.
fn ends_right_before(text: &str, span: Span, words: &[u8]) -> bool {
    text.as_bytes()
        .get(..span.start)
        .and_then(|head| head.get(head.len().checked_sub(words.len())?..))
        .is_some_and(|tail| tail.eq_ignore_ascii_case(words))
}

/// Where `words` (ASCII, lower case) first stands in `window` of `text`, in any case.
fn find_in(text: &str, window: Span, words: &[u8]) -> Option<usize> {
    let haystack = text.as_bytes().get(window.start..window.end)?;
    let first = words.first()?;
    memchr::memchr2_iter(*first, first.to_ascii_uppercase(), haystack)
        .find(|&at| {
            haystack
                .get(at..at + words.len())
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(words))
        })
        .map(|at| window.start + at)
}

/// "between X and Y": the first two actors after "between".
fn between_pair(text: &str, window: Span, mentions: &[&ActorMention]) -> Option<Vec<ActorId>> {
    let at = find_in(text, window, b"between ")?;
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
            ends_right_before(text, mention.span, b"with ")
                || ends_right_before(text, mention.span, b"with the ")
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

/// What a window word means to a figure: the few words its kind, period and "record" flag
/// depend on get their own tag, every other word is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    /// Any word the figure rules do not name.
    Other,
    /// A four-digit year 1900-2099 written alone.
    Year(i32),
    /// A single cue word of a kind ("trade", "aid", "loan"...).
    Kind(FigureKind),
    /// "frozen", "seized"...: the first half of frozen assets.
    Freezing,
    /// "assets", "reserves"...: the second half of frozen assets.
    Assets,
    /// "military", "defence"...: the first half of military spending.
    Military,
    /// "budget", "spending"...: the second half of military spending.
    Spending,
    // Words of periods.
    YearWord,
    Last,
    Past,
    This,
    Current,
    Next,
    Coming,
    Since,
    S,
    Of,
    First,
    Second,
    Third,
    Fourth,
    Six,
    Months,
    Half,
    Quarter,
    /// "h1", "q3"...: a half or quarter written as a label.
    Part(Part),
    // Words of "record" and its idioms.
    Record,
    Track,
    Criminal,
    Public,
    Voting,
    The,
    For,
    On,
    Off,
    Shows,
    Showed,
    Label,
    Unprecedented,
    Time,
    All,
    High,
    Ever,
    Highest,
    Largest,
    Biggest,
}

/// A half or a quarter of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    H1,
    H2,
    Q1,
    Q2,
    Q3,
    Q4,
}

impl Part {
    /// The label of a period ("2023-H1").
    fn label(self) -> &'static str {
        match self {
            Part::H1 => "H1",
            Part::H2 => "H2",
            Part::Q1 => "Q1",
            Part::Q2 => "Q2",
            Part::Q3 => "Q3",
            Part::Q4 => "Q4",
        }
    }
}

/// The tagged words, lower-case: everything the figure rules compare a word with.
const TAGGED_WORDS: &[(&str, Tag)] = &[
    ("trade", Tag::Kind(FigureKind::Trade)),
    ("traded", Tag::Kind(FigureKind::Trade)),
    ("trading", Tag::Kind(FigureKind::Trade)),
    ("export", Tag::Kind(FigureKind::Trade)),
    ("exports", Tag::Kind(FigureKind::Trade)),
    ("exported", Tag::Kind(FigureKind::Trade)),
    ("import", Tag::Kind(FigureKind::Trade)),
    ("imports", Tag::Kind(FigureKind::Trade)),
    ("imported", Tag::Kind(FigureKind::Trade)),
    ("turnover", Tag::Kind(FigureKind::Trade)),
    ("commerce", Tag::Kind(FigureKind::Trade)),
    ("goods", Tag::Kind(FigureKind::Trade)),
    ("aid", Tag::Kind(FigureKind::Aid)),
    ("assistance", Tag::Kind(FigureKind::Aid)),
    ("humanitarian", Tag::Kind(FigureKind::Aid)),
    ("grant", Tag::Kind(FigureKind::Aid)),
    ("grants", Tag::Kind(FigureKind::Aid)),
    ("donation", Tag::Kind(FigureKind::Aid)),
    ("donations", Tag::Kind(FigureKind::Aid)),
    ("donated", Tag::Kind(FigureKind::Aid)),
    ("loan", Tag::Kind(FigureKind::Loan)),
    ("loans", Tag::Kind(FigureKind::Loan)),
    ("loaned", Tag::Kind(FigureKind::Loan)),
    ("lent", Tag::Kind(FigureKind::Loan)),
    ("lend", Tag::Kind(FigureKind::Loan)),
    ("lending", Tag::Kind(FigureKind::Loan)),
    ("credit", Tag::Kind(FigureKind::Loan)),
    ("credits", Tag::Kind(FigureKind::Loan)),
    ("bailout", Tag::Kind(FigureKind::Loan)),
    ("borrowed", Tag::Kind(FigureKind::Loan)),
    ("investment", Tag::Kind(FigureKind::Investment)),
    ("investments", Tag::Kind(FigureKind::Investment)),
    ("invested", Tag::Kind(FigureKind::Investment)),
    ("invest", Tag::Kind(FigureKind::Investment)),
    ("investing", Tag::Kind(FigureKind::Investment)),
    ("fdi", Tag::Kind(FigureKind::Investment)),
    ("sanction", Tag::Kind(FigureKind::Sanctions)),
    ("sanctions", Tag::Kind(FigureKind::Sanctions)),
    ("sanctioned", Tag::Kind(FigureKind::Sanctions)),
    ("embargo", Tag::Kind(FigureKind::Sanctions)),
    ("penalties", Tag::Kind(FigureKind::Sanctions)),
    ("fines", Tag::Kind(FigureKind::Sanctions)),
    ("tariff", Tag::Kind(FigureKind::Sanctions)),
    ("tariffs", Tag::Kind(FigureKind::Sanctions)),
    ("duties", Tag::Kind(FigureKind::Sanctions)),
    ("frozen", Tag::Freezing),
    ("froze", Tag::Freezing),
    ("freeze", Tag::Freezing),
    ("freezing", Tag::Freezing),
    ("seized", Tag::Freezing),
    ("seize", Tag::Freezing),
    ("seizing", Tag::Freezing),
    ("immobilised", Tag::Freezing),
    ("immobilized", Tag::Freezing),
    ("blocked", Tag::Freezing),
    ("unfroze", Tag::Freezing),
    ("unfreeze", Tag::Freezing),
    ("unfrozen", Tag::Freezing),
    ("assets", Tag::Assets),
    ("reserves", Tag::Assets),
    ("funds", Tag::Assets),
    ("holdings", Tag::Assets),
    ("military", Tag::Military),
    ("defence", Tag::Military),
    ("defense", Tag::Military),
    ("arms", Tag::Military),
    ("budget", Tag::Spending),
    ("budgets", Tag::Spending),
    ("spending", Tag::Spending),
    ("spend", Tag::Spending),
    ("spends", Tag::Spending),
    ("expenditure", Tag::Spending),
    ("outlays", Tag::Spending),
    ("year", Tag::YearWord),
    ("last", Tag::Last),
    ("past", Tag::Past),
    ("this", Tag::This),
    ("current", Tag::Current),
    ("next", Tag::Next),
    ("coming", Tag::Coming),
    ("since", Tag::Since),
    ("s", Tag::S),
    ("of", Tag::Of),
    ("first", Tag::First),
    ("second", Tag::Second),
    ("third", Tag::Third),
    ("fourth", Tag::Fourth),
    ("six", Tag::Six),
    ("months", Tag::Months),
    ("half", Tag::Half),
    ("quarter", Tag::Quarter),
    ("h1", Tag::Part(Part::H1)),
    ("h2", Tag::Part(Part::H2)),
    ("q1", Tag::Part(Part::Q1)),
    ("q2", Tag::Part(Part::Q2)),
    ("q3", Tag::Part(Part::Q3)),
    ("q4", Tag::Part(Part::Q4)),
    ("record", Tag::Record),
    ("track", Tag::Track),
    ("criminal", Tag::Criminal),
    ("public", Tag::Public),
    ("voting", Tag::Voting),
    ("the", Tag::The),
    ("for", Tag::For),
    ("on", Tag::On),
    ("off", Tag::Off),
    ("shows", Tag::Shows),
    ("showed", Tag::Showed),
    ("label", Tag::Label),
    ("unprecedented", Tag::Unprecedented),
    ("time", Tag::Time),
    ("all", Tag::All),
    ("high", Tag::High),
    ("ever", Tag::Ever),
    ("highest", Tag::Highest),
    ("largest", Tag::Largest),
    ("biggest", Tag::Biggest),
];

/// Bytes of the longest tagged word ("unprecedented"): longer words are `Other` unread.
const LONGEST_TAGGED: usize = 13;

/// The tagged words by packed word, with a quick test that turns most other words away.
struct TagTable {
    words: WordTable<Tag>,
    /// Per word length: bit `first_byte_bit` of the first byte of each tagged word that long.
    first_bytes: [u64; LONGEST_TAGGED + 1],
}

/// The bit of a word's first byte in [`TagTable::first_bytes`] (the same for both cases).
fn first_byte_bit(byte: u8) -> u64 {
    1 << ((byte | 0x20) & 63)
}

/// The tag table, built on first use.
fn tag_table() -> &'static TagTable {
    static TABLE: std::sync::OnceLock<TagTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut first_bytes = [0; LONGEST_TAGGED + 1];
        for (word, _) in TAGGED_WORDS {
            if let (Some(lengths), Some(&first)) =
                (first_bytes.get_mut(word.len()), word.as_bytes().first())
            {
                *lengths |= first_byte_bit(first);
            }
        }
        TagTable {
            words: WordTable::new(TAGGED_WORDS),
            first_bytes,
        }
    })
}

/// The tag of the word of `len` bytes at `start` of `bytes` (ASCII letters and digits).
fn tag_of(table: &TagTable, bytes: &[u8], start: usize, len: usize) -> Tag {
    let Some(&first) = bytes.get(start) else {
        return Tag::Other;
    };
    if len == 4 && first.is_ascii_digit() {
        let Some(key) = word_table::pack_at(bytes, start, len) else {
            return Tag::Other;
        };
        if key & 0x4040_4040 != 0 {
            return Tag::Other; // not four digits (letters have bit 6 set)
        }
        let year = (0..4).fold(0, |year, index| {
            year * 10 + i32::from((key >> (8 * index)) as u8 & 0x0f)
        });
        return if (1900..=2099).contains(&year) {
            Tag::Year(year)
        } else {
            Tag::Other
        };
    }
    let Some(&firsts) = table.first_bytes.get(len) else {
        return Tag::Other; // longer than any tagged word
    };
    if firsts & first_byte_bit(first) == 0 {
        return Tag::Other;
    }
    word_table::pack_at(bytes, start, len)
        .and_then(|key| table.words.get(key))
        .unwrap_or(Tag::Other)
}

/// The longest sentence whose words are tagged once for all its amounts; the words of a longer
/// one are read window by window (a news sentence is a few hundred bytes).
const SENTENCE_WORDS_MAX_BYTES: usize = 4096;

/// One word of a window: its span in the document and its tag.
#[derive(Clone, Copy, Debug)]
struct Word {
    span: Span,
    tag: Tag,
}

/// The words of a window with their tags and document spans. Read once: the kind, period and
/// "record" rules then compare tags, not text.
///
/// The buffers are reused from one figure to the next, and the words of the current sentence
/// are tagged once: amounts of the same sentence have overlapping windows, so each window is
/// cut from the sentence's words rather than read again.
#[derive(Default)]
struct Words {
    /// The sentence whose words `in_sentence` holds.
    sentence: Option<Span>,
    /// The words of that sentence.
    in_sentence: Vec<Word>,
    /// The words of the window.
    in_window: Vec<Word>,
}

/// Appends the words of `range` of `bytes` (runs of ASCII letters and digits) with their tags.
fn read_words(bytes: &[u8], range: Span, out: &mut Vec<Word>) {
    let table = tag_table();
    let end = range.end.min(bytes.len());
    for (start, end) in AsciiWords::new(&bytes[..end], range.start) {
        out.push(Word {
            span: Span::new(start, end),
            tag: tag_of(table, bytes, start, end - start),
        });
    }
}

impl Words {
    /// Replaces the words with those of `window`, a part of `sentence`: the runs of ASCII
    /// letters and digits inside the window (a word the window cuts counts as its cut part).
    fn read(&mut self, text: &str, sentence: Span, window: Span) {
        let bytes = text.as_bytes();
        if sentence.len() > SENTENCE_WORDS_MAX_BYTES {
            // A very long "sentence" (a line with no stop): read the window alone, so memory
            // stays bounded by the window, not the line.
            self.sentence = None;
            self.in_window.clear();
            read_words(bytes, window, &mut self.in_window);
            return;
        }
        if self.sentence != Some(sentence) {
            self.sentence = Some(sentence);
            self.in_sentence.clear();
            read_words(bytes, sentence, &mut self.in_sentence);
        }
        let first = self
            .in_sentence
            .partition_point(|word| word.span.end <= window.start);
        let end = self
            .in_sentence
            .partition_point(|word| word.span.start < window.end)
            .max(first);
        self.in_window.clear();
        self.in_window
            .extend_from_slice(&self.in_sentence[first..end]);
        // The words the window cuts at either end are re-read as cut.
        for index in [0, self.in_window.len().saturating_sub(1)] {
            let Some(word) = self.in_window.get_mut(index) else {
                break;
            };
            let cut = Span::new(
                word.span.start.max(window.start),
                word.span.end.min(window.end),
            );
            if cut != word.span {
                *word = Word {
                    span: cut,
                    tag: tag_of(tag_table(), bytes, cut.start, cut.len()),
                };
            }
        }
    }

    /// The tag of word `index`; `Other` past either end.
    fn tag(&self, index: usize) -> Tag {
        self.in_window
            .get(index)
            .map_or(Tag::Other, |word| word.tag)
    }

    /// The tag of the word `back` words before `index`; `Other` before the first word.
    fn tag_before(&self, index: usize, back: usize) -> Tag {
        index
            .checked_sub(back)
            .map_or(Tag::Other, |before| self.tag(before))
    }

    /// Distance of word `index` from the amount.
    fn distance_to(&self, index: usize, money: Span) -> usize {
        distance(self.in_window[index].span, money)
    }

    fn is_in(&self, index: usize, money: Span) -> bool {
        let span = self.in_window[index].span;
        span.start >= money.start && span.end <= money.end
    }

    /// What the amount measures: a two-word kind anywhere in the window, else the single cue
    /// word nearest the amount, else `Other`. One pass over the words.
    // Two-word kinds outrank single words: "$300 billion of frozen assets under sanctions" is
    // frozen assets.
    fn kind(&self, money: Span) -> FigureKind {
        let (mut freezing, mut assets, mut military, mut spending) = (false, false, false, false);
        let mut nearest: Option<(usize, FigureKind)> = None;
        for (i, &Word { tag, .. }) in self.in_window.iter().enumerate() {
            match tag {
                Tag::Freezing => freezing = true,
                Tag::Assets => assets = true,
                Tag::Military => military = true,
                Tag::Spending => spending = true,
                Tag::Kind(kind) if !self.is_in(i, money) => {
                    let distance = self.distance_to(i, money);
                    if nearest.is_none_or(|(best, _)| distance < best) {
                        nearest = Some((distance, kind));
                    }
                }
                _ => {}
            }
        }
        if freezing && assets {
            FigureKind::FrozenAssets
        } else if military && spending {
            FigureKind::MilitarySpending
        } else {
            nearest.map_or(FigureKind::Other, |(_, kind)| kind)
        }
    }

    /// The period the amount covers: a half or quarter ("2023-H1"), else the year nearest
    /// the amount, stated ("in 2022") or relative ("last year", resolved with the date).
    fn period(&self, money: Span, date: Option<DocDate>) -> Option<String> {
        let mut best_year: Option<(usize, i32)> = None;
        let mut part: Option<(usize, &'static str, Option<i32>)> = None;
        for (i, &Word { tag, .. }) in self.in_window.iter().enumerate() {
            if matches!(tag, Tag::Other) || self.is_in(i, money) {
                continue;
            }
            let previous = self.tag_before(i, 1);
            let next = self.tag(i + 1);
            let year = match tag {
                Tag::Year(year) if previous != Tag::Since => Some(year),
                Tag::YearWord => match previous {
                    Tag::Last | Tag::Past if next != Tag::S => date.map(|date| date.year - 1),
                    Tag::This | Tag::Current => date.map(|date| date.year),
                    Tag::Next | Tag::Coming => date.map(|date| date.year + 1),
                    _ => None,
                },
                _ => None,
            };
            if let Some(year) = year {
                let distance = self.distance_to(i, money);
                if best_year.is_none_or(|(best, _)| distance < best) {
                    best_year = Some((distance, year));
                }
            }
            if let Some(label) = part_of_year(previous, tag, next) {
                // "in the first half of 2022", "first quarter of last year".
                let stated = self.year_after(i);
                let distance = self.distance_to(i, money);
                if part.is_none_or(|(best, _, _)| distance < best) {
                    part = Some((distance, label, stated));
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

    /// A year given right after word `index`: "of 2022".
    fn year_after(&self, index: usize) -> Option<i32> {
        if self.tag(index + 1) != Tag::Of {
            return None;
        }
        match self.tag(index + 2) {
            Tag::Year(year) => Some(year),
            _ => None,
        }
    }

    /// Whether the window calls the amount a record.
    fn says_record(&self) -> bool {
        for (i, &Word { tag, .. }) in self.in_window.iter().enumerate() {
            match tag {
                Tag::Record => {
                    let previous = self.tag_before(i, 1);
                    let before_previous = self.tag_before(i, 2);
                    let next = self.tag(i + 1);
                    let idiom = matches!(
                        previous,
                        Tag::Track | Tag::Criminal | Tag::Public | Tag::Voting
                    ) || (previous == Tag::The
                        && matches!(before_previous, Tag::For | Tag::On | Tag::Off))
                        || matches!(next, Tag::Of | Tag::Shows | Tag::Showed | Tag::Label);
                    if !idiom {
                        return true;
                    }
                }
                Tag::Unprecedented => return true,
                Tag::Time if self.tag_before(i, 1) == Tag::All && self.tag(i + 1) == Tag::High => {
                    return true;
                }
                Tag::Ever
                    if matches!(
                        self.tag_before(i, 1),
                        Tag::Highest | Tag::Largest | Tag::Biggest
                    ) =>
                {
                    return true;
                }
                _ => {}
            }
        }
        false
    }
}

/// "first half" -> "H1", "third quarter" -> "Q3", "q2" -> "Q2", "first six months" -> "H1".
fn part_of_year(previous: Tag, word: Tag, next: Tag) -> Option<&'static str> {
    match (previous, word) {
        (_, Tag::Part(part)) => Some(part.label()),
        (Tag::First, Tag::Half) => Some("H1"),
        (Tag::Second, Tag::Half) => Some("H2"),
        (Tag::First, Tag::Six) if next == Tag::Months => Some("H1"),
        (Tag::First, Tag::Quarter) => Some("Q1"),
        (Tag::Second, Tag::Quarter) => Some("Q2"),
        (Tag::Third, Tag::Quarter) => Some("Q3"),
        (Tag::Fourth, Tag::Quarter) => Some("Q4"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Span as WordSpan, TAGGED_WORDS, Tag, Words, extract_figures, tag_of, tag_table};
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

    #[test]
    fn every_cue_word_gets_its_tag_in_any_case_and_other_words_none() {
        let table = tag_table();
        for &(word, tag) in TAGGED_WORDS {
            let upper = word.to_ascii_uppercase();
            for written in [word.to_owned(), upper] {
                // Alone (shorter than one 16-byte load) and inside a longer text.
                let alone = written.as_bytes();
                assert_eq!(tag_of(table, alone, 0, alone.len()), tag, "{written}");
                let long = format!("{written} and some more words");
                assert_eq!(
                    tag_of(table, long.as_bytes(), 0, written.len()),
                    tag,
                    "{written}"
                );
            }
        }
        for other in [
            "trades",
            "yeah",
            "2100",
            "1899",
            "recordings",
            "s1",
            "unprecedentedly",
        ] {
            assert_eq!(
                tag_of(table, other.as_bytes(), 0, other.len()),
                Tag::Other,
                "{other}"
            );
        }
        assert_eq!(tag_of(table, b"2022", 0, 4), Tag::Year(2022));
    }

    #[test]
    fn a_window_that_cuts_a_word_reads_the_part_inside_it() {
        // "trade" cut to "rade" is no cue; "imports" cut to "import" still is.
        let text = "The trade figure and the imports, and nothing else here.";
        let sentence = WordSpan::new(0, text.len());
        let mut words = Words::default();
        words.read(text, sentence, WordSpan::new(5, 31));
        let tags: Vec<Tag> = words.in_window.iter().map(|word| word.tag).collect();
        assert_eq!(tags[0], Tag::Other, "rade");
        assert_eq!(tags.last(), Some(&Tag::Kind(FigureKind::Trade)), "import");
        // The same sentence read again through a wider window gives whole words.
        words.read(text, sentence, WordSpan::new(0, text.len()));
        assert_eq!(words.in_window[1].tag, Tag::Kind(FigureKind::Trade));
    }

    #[test]
    fn a_line_longer_than_the_word_cache_reads_the_same_figures() {
        // The same amounts in a short sentence and inside a line of more than 4 KiB.
        let short = "Trade between India and Japan reached $20 billion in the first half of 2022.";
        let padding = "and then some more words without any stop ".repeat(120);
        let long = format!("{padding}{}", short.trim_end_matches('.'));
        let date = DocDate::parse("2023-07-01");
        for text in [short.to_owned(), long] {
            let mentions = mentions(&text, &[("India", "IND"), ("Japan", "JPN")]);
            let figures = extract_figures("doc", &text, &one_sentence(&text), &mentions, date);
            assert_eq!(figures.len(), 1, "{}", text.len());
            assert_eq!(figures[0].kind, FigureKind::Trade);
            assert_eq!(figures[0].period.as_deref(), Some("2022-H1"));
            assert_eq!(figures[0].actors.len(), 2);
        }
    }
}
