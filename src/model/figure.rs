//! Figures: amounts of money the text reports between actors (trade, aid, loans...).

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
    /// Money with no recognisable purpose in its sentence.
    Other,
}

impl FigureKind {
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
            FigureKind::Other => "other",
        }
    }
}

/// An amount in one currency.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Amount {
    /// The value in units of the currency (1.28 trillion yuan -> 1.28e12).
    pub value: f64,
    /// ISO 4217 code ("CNY", "USD").
    pub currency: String,
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
}

impl Figure {
    /// The amount in US dollars, when the text gives one.
    pub fn usd(&self) -> Option<f64> {
        self.amounts
            .iter()
            .find(|amount| amount.currency == "USD")
            .map(|amount| amount.value)
    }
}
