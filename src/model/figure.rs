//! Figures: amounts of money the text reports between actors (trade, aid, loans...), with
//! their status, their value in US dollars of their period, and every sentence that reports
//! them.
//!
//! Fields added after the first map format carry serde defaults, so maps saved before them
//! still load (as "stated", unconverted, reported once).

use super::{ActorId, Evidence};

/// What a reported amount measures.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Trade,
    Aid,
    Loan,
    Investment,
    FrozenAssets,
    Sanctions,
    MilitarySpending,
    Debt,
    Damages,
    Budget,
    /// A deal, contract or purchase of a stated worth ("a $5 billion arms deal").
    Deal,
    /// Money with no recognisable purpose in its sentence.
    Other,
}

impl FigureKind {
    /// Every kind, in the order legends list them.
    pub const ALL: [FigureKind; 12] = [
        FigureKind::Trade,
        FigureKind::Aid,
        FigureKind::Loan,
        FigureKind::Investment,
        FigureKind::FrozenAssets,
        FigureKind::Sanctions,
        FigureKind::MilitarySpending,
        FigureKind::Debt,
        FigureKind::Damages,
        FigureKind::Budget,
        FigureKind::Deal,
        FigureKind::Other,
    ];

    /// A label for charts ("frozen assets").
    pub fn label(self) -> &'static str {
        match self {
            FigureKind::Trade => "trade",
            FigureKind::Aid => "aid",
            FigureKind::Loan => "loan",
            FigureKind::Investment => "investment",
            FigureKind::FrozenAssets => "frozen assets",
            FigureKind::Sanctions => "sanctions",
            FigureKind::MilitarySpending => "military spending",
            FigureKind::Debt => "debt",
            FigureKind::Damages => "damages",
            FigureKind::Budget => "budget",
            FigureKind::Deal => "deal",
            FigureKind::Other => "other",
        }
    }
}

/// Whether the money was only promised or asked for, or handed over.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FigureStatus {
    /// The text gives no word for it ("trade reached $5 billion" reads as a record of fact).
    #[default]
    Stated,
    /// Pledged, promised, committed, offered, or announced for the future ("will provide").
    Pledged,
    /// Proposed, requested, sought or planned: not yet agreed.
    Proposed,
    /// Delivered, provided, disbursed, paid, signed or recorded.
    Delivered,
}

impl FigureStatus {
    /// "pledged", "delivered"...
    pub fn label(self) -> &'static str {
        match self {
            FigureStatus::Stated => "stated",
            FigureStatus::Pledged => "pledged",
            FigureStatus::Proposed => "proposed",
            FigureStatus::Delivered => "delivered",
        }
    }

    /// Money not (yet) handed over: the chart draws it hollow.
    pub fn is_promise(self) -> bool {
        matches!(self, FigureStatus::Pledged | FigureStatus::Proposed)
    }
}

/// How exact the text says an amount is.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Approximation {
    /// As written.
    #[default]
    Exact,
    /// "about", "around", "roughly", "some", "an estimated".
    About,
    /// "more than", "over", "at least", "upwards of".
    MoreThan,
    /// "nearly", "almost", "up to", "less than", "under".
    LessThan,
}

impl Approximation {
    /// The words put before the amount when showing it ("about ", "more than "); "" if exact.
    pub fn prefix(self) -> &'static str {
        match self {
            Approximation::Exact => "",
            Approximation::About => "about ",
            Approximation::MoreThan => "more than ",
            Approximation::LessThan => "nearly ",
        }
    }
}

/// What an amount of the text is: a figure to chart, or one that stays off the chart and is
/// only listed under "other amounts".
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FigureRole {
    /// Tied to an actor and a kind: charted.
    #[default]
    Figure,
    /// A price or rate: "$9 a barrel", "$4,400 per tonne", "$15 an hour".
    Price,
    /// Someone's pay: "a salary of $200,000".
    Salary,
    /// No actor, or no kind, that the text ties it to.
    Unattributed,
}

impl FigureRole {
    /// Why it is not charted ("a price"), or "" for a figure.
    pub fn label(self) -> &'static str {
        match self {
            FigureRole::Figure => "",
            FigureRole::Price => "a price or rate",
            FigureRole::Salary => "a salary",
            FigureRole::Unattributed => "no actor or kind",
        }
    }
}

/// An amount in one currency.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Amount {
    /// The value in units of the currency (1.28 trillion yuan -> 1.28e12); the low end of a
    /// range.
    pub value: f64,
    /// ISO 4217 code ("CNY", "USD"); "XXX" when the text's word names no one currency and
    /// nothing in the text settles it (see [`Figure::currency_note`]).
    pub currency: String,
    /// The high end of a range ("$2-3 billion": value 2e9, upper 3e9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
}

impl Amount {
    /// An exact amount.
    pub fn new(value: f64, currency: &str) -> Self {
        Amount {
            value,
            currency: currency.to_owned(),
            upper: None,
        }
    }
}

/// The ISO 4217 code of "no currency": an amount whose currency word is ambiguous.
pub const UNKNOWN_CURRENCY: &str = "XXX";

/// Where a figure's US-dollar value comes from.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum RateSource {
    /// The text gives the amount in dollars itself: its figure wins.
    Text,
    /// The Federal Reserve's annual average rate of the figure's year (`assets/fx_yearly.csv`).
    AnnualAverage,
}

/// The exchange rate a figure was converted with.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UsdRate {
    /// The currency converted from.
    pub currency: String,
    /// Units of that currency per US dollar (7.08 for CNY in 2023).
    pub per_usd: f64,
    /// The year of the rate (for a text conversion: the figure's year, if known).
    pub year: Option<i32>,
    /// Where the rate comes from.
    pub source: RateSource,
}

/// One reported figure. Several amounts are the same figure given in several currencies
/// ("1.28 trillion yuan ($190 billion)"), in the order the text gives them.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    /// What it measures.
    pub kind: FigureKind,
    /// The actors it is between (sorted), or the one it belongs to; may be empty.
    pub actors: Vec<ActorId>,
    /// The amounts, first as the text gives it first.
    pub amounts: Vec<Amount>,
    /// The period it covers ("2022", "2023-H1"), when the text says.
    pub period: Option<String>,
    /// The text calls it a record.
    pub record: bool,
    /// The sentence that reports it; `cue` is the money phrase.
    pub evidence: Evidence,
    /// Pledged or delivered.
    #[serde(default)]
    pub status: FigureStatus,
    /// "about", "more than"...
    #[serde(default)]
    pub approximation: Approximation,
    /// Whether it is charted, and if not, why.
    #[serde(default)]
    pub role: FigureRole,
    /// Its value in US dollars of its period (the low end of a range); `None` when not
    /// converted (see `not_converted`).
    #[serde(default)]
    pub usd: Option<f64>,
    /// The rate `usd` was computed with.
    #[serde(default)]
    pub rate: Option<UsdRate>,
    /// Why there is no `usd`: "no USD rate for RUB in 1998".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_converted: Option<String>,
    /// What the text's currency word left open, and how it was settled: "shillings: read as
    /// TZS, the currency of Tanzania, which the article is about".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_note: Option<String>,
    /// Further sentences (of other articles, or later in the same one) that report the same
    /// figure: same pair, kind and period, value within 1% in US dollars. Empty when it was
    /// reported once; `evidence` is always the first report.
    #[serde(default)]
    pub sources: Vec<Evidence>,
}

impl Figure {
    /// A stated, exact, unconverted figure reported once (the extractor fills in the rest).
    pub fn new(
        kind: FigureKind,
        actors: Vec<ActorId>,
        amounts: Vec<Amount>,
        period: Option<String>,
        evidence: Evidence,
    ) -> Self {
        Figure {
            kind,
            actors,
            amounts,
            period,
            record: false,
            evidence,
            status: FigureStatus::default(),
            approximation: Approximation::default(),
            role: FigureRole::default(),
            usd: None,
            rate: None,
            not_converted: None,
            currency_note: None,
            sources: Vec::new(),
        }
    }

    /// The amount in US dollars as the text gives it, if it does.
    pub fn text_usd(&self) -> Option<f64> {
        self.amounts
            .iter()
            .find(|amount| amount.currency == "USD")
            .map(|amount| amount.value)
    }

    /// The high end of the US-dollar value of a range (`usd` for an exact amount).
    pub fn usd_upper(&self) -> Option<f64> {
        let usd = self.usd?;
        let first = self.amounts.first()?;
        match first.upper {
            Some(upper) if first.value > 0.0 => Some(usd * upper / first.value),
            _ => Some(usd),
        }
    }

    /// Whether the chart shows it: tied to an actor and a kind, not a price or a salary.
    pub fn is_charted(&self) -> bool {
        self.role == FigureRole::Figure
    }

    /// Every sentence that reports it, the first report first.
    pub fn reports(&self) -> impl Iterator<Item = &Evidence> {
        std::iter::once(&self.evidence).chain(&self.sources)
    }

    /// How many distinct documents report it.
    pub fn document_count(&self) -> usize {
        let mut docs: Vec<&str> = self.reports().map(|report| report.doc.as_str()).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    }

    /// The year of its period ("2023-H1" -> 2023).
    pub fn year(&self) -> Option<i32> {
        let period = self.period.as_deref()?;
        period.get(..4)?.parse().ok()
    }
}
