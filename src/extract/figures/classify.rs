//! What the words around an amount say of it beyond its kind: whether it was pledged or
//! delivered, how exact it is ("nearly", "more than"), and whether it is a figure at all or a
//! price ("$9 a barrel") or someone's pay.
//!
//! All three read the tagged words of the window ([`Words`]) next to the amount: status from
//! the nearest status word before it (else right after it), approximation from the one or two
//! words right before it, price and pay from the words right after and just before it.

use super::tags::Tag;
use super::words::Words;
use crate::model::{Approximation, FigureRole, FigureStatus, Span};

/// How many words before the amount its status word may stand ("pledged a further $2 billion
/// in military and economic aid": the verb is a few words away).
const STATUS_WORDS_BEFORE: usize = 8;
/// How many words after the amount ("$2 billion pledged by Japan").
const STATUS_WORDS_AFTER: usize = 4;
/// Amounts per hour, day, week or month at least this large are flows (trade of $2 billion a
/// month), below it wages and rents.
const FLOW_PER_SHORT_TIME: f64 = 1e6;

impl Words {
    /// The first and last words inside the amount, if any.
    fn amount_words(&self, money: Span) -> Option<(usize, usize)> {
        let first = (0..self.in_window.len()).find(|&i| self.is_in(i, money))?;
        let last = (first..self.in_window.len())
            .take_while(|&i| self.is_in(i, money))
            .last()?;
        Some((first, last))
    }

    /// Pledged, proposed or delivered, as the nearest status word says, and whether that
    /// word hands the money to someone ("provided", "gave").
    pub(super) fn status(&self, money: Span) -> (FigureStatus, bool) {
        let Some((first, last)) = self.amount_words(money) else {
            return (FigureStatus::Stated, false);
        };
        let before = (1..=STATUS_WORDS_BEFORE.min(first)).map(|back| first - back);
        let after = (1..=STATUS_WORDS_AFTER).map(|ahead| last + ahead);
        for at in before.chain(after) {
            match self.tag(at) {
                Tag::Status(status) => return (self.promised_delivery(at, status), false),
                Tag::Giving => {
                    return (self.promised_delivery(at, FigureStatus::Delivered), true);
                }
                _ => {}
            }
        }
        (FigureStatus::Stated, false)
    }

    /// "will provide", "would send", "to provide" (after "agreed"): a delivery word that only
    /// promises one.
    fn promised_delivery(&self, at: usize, status: FigureStatus) -> FigureStatus {
        if status != FigureStatus::Delivered {
            return status;
        }
        let before = self.tag_before(at, 1);
        let two_before = self.tag_before(at, 2);
        if before == Tag::Will || two_before == Tag::Will || before == Tag::To {
            FigureStatus::Pledged
        } else {
            status
        }
    }

    /// "about", "nearly", "more than", "at least", "up to" right before the amount.
    pub(super) fn approximation(&self, money: Span) -> Approximation {
        let Some((first, _)) = self.amount_words(money) else {
            return Approximation::Exact;
        };
        let before = self.tag_before(first, 1);
        let two_before = self.tag_before(first, 2);
        match (two_before, before) {
            (_, Tag::Approx(approximation)) => approximation,
            (Tag::More, Tag::Than) | (Tag::At, Tag::Least) => Approximation::MoreThan,
            (Tag::Less, Tag::Than) | (Tag::Up, Tag::To) => Approximation::LessThan,
            (Tag::Up, Tag::Other) if self.is_of(first - 1) => Approximation::MoreThan,
            _ => Approximation::Exact,
        }
    }

    /// Whether word `at` is "of" ("upwards of").
    fn is_of(&self, at: usize) -> bool {
        self.tag(at) == Tag::Of
    }

    /// A price or a salary rather than a figure, when the words around the amount say so;
    /// `value` is the amount in its own currency.
    pub(super) fn price_or_pay(&self, money: Span, value: f64) -> Option<FigureRole> {
        let (first, last) = self.amount_words(money)?;
        let pay_nearby = (1..=4).any(|back| self.tag_before(first, back) == Tag::Salary)
            || (1..=3).any(|ahead| self.tag(last + ahead) == Tag::Salary);
        // "$9 a barrel", "$4,400 per tonne", "$15 an hour"; not "$5 billion a year".
        let per_follows = self.tag(last + 1) == Tag::Per
            && self
                .in_window
                .get(last + 1)
                .is_some_and(|word| word.span.start <= money.end + 1);
        if per_follows {
            let unit = self.tag(last + 2);
            let per_unit = match unit {
                Tag::ShortTime => value.abs() < FLOW_PER_SHORT_TIME,
                Tag::Other => self.in_window.get(last + 2).is_some(),
                _ => false,
            };
            if per_unit {
                return Some(if pay_nearby || unit == Tag::ShortTime {
                    FigureRole::Salary
                } else {
                    FigureRole::Price
                });
            }
        }
        if pay_nearby {
            return Some(FigureRole::Salary);
        }
        // "prices of $9", "priced at $80", "fees of $500".
        let priced = (1..=3).any(|back| self.tag_before(first, back) == Tag::Price);
        priced.then_some(FigureRole::Price)
    }
}
