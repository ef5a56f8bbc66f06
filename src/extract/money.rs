//! Money amounts in text: numbers, scale words, symbols and currency names or codes.
//! STUB: to be replaced by the figures work.

use crate::model::{Amount, Span};

/// One money expression, with every amount it gives (a bracketed conversion adds a second).
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyMatch {
    /// Byte range of the whole expression in the text.
    pub span: Span,
    /// The amounts, in the order written.
    pub amounts: Vec<Amount>,
}

/// Every money expression in `text`, in order.
pub fn find_money(text: &str) -> Vec<MoneyMatch> {
    let _ = text;
    Vec::new()
}
