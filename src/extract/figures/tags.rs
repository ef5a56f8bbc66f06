//! The words a figure's kind, period, status, price and "record" rules look at, as tags: each
//! word is looked up once (its packed lower-case bytes in a hash table) and the rules compare
//! tags, not text.

use super::super::word_table::{self, WordTable};
use crate::model::{Approximation, FigureKind, FigureStatus};

/// What a window word means to a figure: the few words its kind, period and "record" flag
/// depend on get their own tag, every other word is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tag {
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
    /// "budget", "spending"...: the second half of military spending, else a budget.
    Spending,
    /// "pledged", "provided", "requested"...: what became of the money.
    Status(FigureStatus),
    /// "provided", "gave", "sent", "disbursed": money handed to someone (delivered, and aid
    /// when the sentence names no other kind).
    Giving,
    /// "will", "would": a delivery word after it is only promised.
    Will,
    /// "about", "nearly", "over"...: one word that qualifies the amount after it.
    Approx(Approximation),
    /// "more", "less", "least", "up", "upwards" of "more than", "at least", "up to"...
    More,
    Less,
    Least,
    Up,
    Than,
    At,
    To,
    /// "per", "a", "an", "each", "apiece": the amount is per something ("$9 a barrel").
    Per,
    /// "hour", "day", "week", "month": a time a wage or a rent is paid by.
    ShortTime,
    /// "annum", "annually", "yearly": a yearly flow, which is a figure.
    Yearly,
    /// "price", "prices", "priced", "costs", "fare", "fee": the amount is a price.
    Price,
    /// "salary", "wage", "earns", "income": someone's pay.
    Salary,
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
pub(super) enum Part {
    H1,
    H2,
    Q1,
    Q2,
    Q3,
    Q4,
}

impl Part {
    /// The label of a period ("2023-H1").
    pub(super) fn label(self) -> &'static str {
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
pub(super) const TAGGED_WORDS: &[(&str, Tag)] = &[
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
    ("debt", Tag::Kind(FigureKind::Debt)),
    ("debts", Tag::Kind(FigureKind::Debt)),
    ("arrears", Tag::Kind(FigureKind::Debt)),
    ("owed", Tag::Kind(FigureKind::Debt)),
    ("owes", Tag::Kind(FigureKind::Debt)),
    ("owe", Tag::Kind(FigureKind::Debt)),
    ("damages", Tag::Kind(FigureKind::Damages)),
    ("damage", Tag::Kind(FigureKind::Damages)),
    ("compensation", Tag::Kind(FigureKind::Damages)),
    ("reparations", Tag::Kind(FigureKind::Damages)),
    ("reparation", Tag::Kind(FigureKind::Damages)),
    ("losses", Tag::Kind(FigureKind::Damages)),
    ("bought", Tag::Kind(FigureKind::Trade)),
    ("buys", Tag::Kind(FigureKind::Trade)),
    ("purchased", Tag::Kind(FigureKind::Trade)),
    ("deal", Tag::Kind(FigureKind::Deal)),
    ("deals", Tag::Kind(FigureKind::Deal)),
    ("contract", Tag::Kind(FigureKind::Deal)),
    ("contracts", Tag::Kind(FigureKind::Deal)),
    ("purchase", Tag::Kind(FigureKind::Deal)),
    ("purchases", Tag::Kind(FigureKind::Deal)),
    ("package", Tag::Kind(FigureKind::Aid)),
    ("pledged", Tag::Status(FigureStatus::Pledged)),
    ("pledge", Tag::Status(FigureStatus::Pledged)),
    ("pledges", Tag::Status(FigureStatus::Pledged)),
    ("pledging", Tag::Status(FigureStatus::Pledged)),
    ("promised", Tag::Status(FigureStatus::Pledged)),
    ("promise", Tag::Status(FigureStatus::Pledged)),
    ("promises", Tag::Status(FigureStatus::Pledged)),
    ("committed", Tag::Status(FigureStatus::Pledged)),
    ("commits", Tag::Status(FigureStatus::Pledged)),
    ("commitment", Tag::Status(FigureStatus::Pledged)),
    ("offered", Tag::Status(FigureStatus::Pledged)),
    ("offers", Tag::Status(FigureStatus::Pledged)),
    ("vowed", Tag::Status(FigureStatus::Pledged)),
    ("approved", Tag::Status(FigureStatus::Pledged)),
    ("earmarked", Tag::Status(FigureStatus::Pledged)),
    ("proposed", Tag::Status(FigureStatus::Proposed)),
    ("proposes", Tag::Status(FigureStatus::Proposed)),
    ("proposal", Tag::Status(FigureStatus::Proposed)),
    ("requested", Tag::Status(FigureStatus::Proposed)),
    ("request", Tag::Status(FigureStatus::Proposed)),
    ("requests", Tag::Status(FigureStatus::Proposed)),
    ("sought", Tag::Status(FigureStatus::Proposed)),
    ("seeks", Tag::Status(FigureStatus::Proposed)),
    ("seeking", Tag::Status(FigureStatus::Proposed)),
    ("asked", Tag::Status(FigureStatus::Proposed)),
    ("plans", Tag::Status(FigureStatus::Proposed)),
    ("planned", Tag::Status(FigureStatus::Proposed)),
    ("delivered", Tag::Giving),
    ("deliver", Tag::Giving),
    ("provided", Tag::Giving),
    ("provide", Tag::Giving),
    ("disbursed", Tag::Giving),
    ("disburse", Tag::Giving),
    ("paid", Tag::Status(FigureStatus::Delivered)),
    ("pay", Tag::Status(FigureStatus::Delivered)),
    ("gave", Tag::Giving),
    ("give", Tag::Giving),
    ("given", Tag::Giving),
    ("sent", Tag::Giving),
    ("send", Tag::Giving),
    ("transferred", Tag::Giving),
    ("transfer", Tag::Giving),
    ("signed", Tag::Status(FigureStatus::Delivered)),
    ("sign", Tag::Status(FigureStatus::Delivered)),
    ("recorded", Tag::Status(FigureStatus::Delivered)),
    ("received", Tag::Status(FigureStatus::Delivered)),
    ("spent", Tag::Status(FigureStatus::Delivered)),
    ("handed", Tag::Giving),
    ("will", Tag::Will),
    ("would", Tag::Will),
    ("about", Tag::Approx(Approximation::About)),
    ("around", Tag::Approx(Approximation::About)),
    ("roughly", Tag::Approx(Approximation::About)),
    ("approximately", Tag::Approx(Approximation::About)),
    ("some", Tag::Approx(Approximation::About)),
    ("estimated", Tag::Approx(Approximation::About)),
    ("nearly", Tag::Approx(Approximation::LessThan)),
    ("almost", Tag::Approx(Approximation::LessThan)),
    ("under", Tag::Approx(Approximation::LessThan)),
    ("below", Tag::Approx(Approximation::LessThan)),
    ("over", Tag::Approx(Approximation::MoreThan)),
    ("above", Tag::Approx(Approximation::MoreThan)),
    ("exceeding", Tag::Approx(Approximation::MoreThan)),
    ("more", Tag::More),
    ("less", Tag::Less),
    ("fewer", Tag::Less),
    ("least", Tag::Least),
    ("up", Tag::Up),
    ("upwards", Tag::Up),
    ("than", Tag::Than),
    ("at", Tag::At),
    ("to", Tag::To),
    ("per", Tag::Per),
    ("a", Tag::Per),
    ("an", Tag::Per),
    ("each", Tag::Per),
    ("apiece", Tag::Per),
    ("hour", Tag::ShortTime),
    ("day", Tag::ShortTime),
    ("week", Tag::ShortTime),
    ("month", Tag::ShortTime),
    ("annum", Tag::Yearly),
    ("annually", Tag::Yearly),
    ("yearly", Tag::Yearly),
    ("price", Tag::Price),
    ("prices", Tag::Price),
    ("priced", Tag::Price),
    ("costs", Tag::Price),
    ("fare", Tag::Price),
    ("fee", Tag::Price),
    ("fees", Tag::Price),
    ("salary", Tag::Salary),
    ("salaries", Tag::Salary),
    ("wage", Tag::Salary),
    ("wages", Tag::Salary),
    ("pension", Tag::Salary),
    ("paycheck", Tag::Salary),
    ("bonus", Tag::Salary),
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

/// Bytes of the longest tagged word ("reconstruction"): longer words are `Other` unread.
pub(super) const LONGEST_TAGGED: usize = 14;

/// The tagged words by packed word, with a quick test that turns most other words away.
pub(super) struct TagTable {
    words: WordTable<Tag>,
    /// Per word length: bit `first_byte_bit` of the first byte of each tagged word that long.
    first_bytes: [u64; LONGEST_TAGGED + 1],
}

/// The bit of a word's first byte in [`TagTable::first_bytes`] (the same for both cases).
fn first_byte_bit(byte: u8) -> u64 {
    1 << ((byte | 0x20) & 63)
}

/// The tag table, built on first use.
pub(super) fn tag_table() -> &'static TagTable {
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
pub(super) fn tag_of(table: &TagTable, bytes: &[u8], start: usize, len: usize) -> Tag {
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
