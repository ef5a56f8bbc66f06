//! Bracketed conversions: "1.28 trillion yuan ($190 billion)" is one figure in two
//! currencies, so the amounts inside a bracket right after an amount join its match.

use super::{CONVERSION_QUALIFIERS, MoneyMatch, Reader, SingleAmount};

impl Reader<'_> {
    /// Joins "1.28 trillion yuan ($190 billion)" into one match with two amounts.
    pub(super) fn join_conversions(&mut self, singles: &[SingleAmount]) -> Vec<MoneyMatch> {
        let mut matches: Vec<MoneyMatch> = Vec::with_capacity(singles.len());
        let mut index = 0;
        while index < singles.len() {
            let first = &singles[index];
            let mut joined = MoneyMatch {
                span: first.span,
                amounts: vec![first.amount.clone()],
                bare_families: vec![first.bare_family.clone()],
            };
            index += 1;
            let opens = singles
                .get(index)
                .is_some_and(|next| self.opens_conversion(first.span.end, next.span.start));
            if opens {
                let mut inner = index;
                let mut close = None;
                while let Some(current) = singles.get(inner) {
                    inner += 1;
                    if let Some(close_end) = self.closes_bracket(current.span.end) {
                        close = Some(close_end);
                        break;
                    }
                    let separated = singles.get(inner).is_some_and(|next| {
                        self.separates_amounts(current.span.end, next.span.start)
                    });
                    if !separated {
                        break;
                    }
                }
                if let Some(close_end) = close {
                    joined.amounts.extend(
                        singles[index..inner]
                            .iter()
                            .map(|single| single.amount.clone()),
                    );
                    joined.bare_families.extend(
                        singles[index..inner]
                            .iter()
                            .map(|single| single.bare_family.clone()),
                    );
                    joined.span.end = close_end;
                    index = inner;
                }
            }
            matches.push(joined);
        }
        matches
    }

    /// Whether the text between two amounts opens a conversion: "(", "( about ".
    fn opens_conversion(&mut self, from: usize, to: usize) -> bool {
        if to < from || to - from > 40 {
            return false;
        }
        self.steps += to - from;
        let Some(gap) = self.text.get(from..to) else {
            return false;
        };
        let Some(inside) = gap.trim_start().strip_prefix('(') else {
            return false;
        };
        let qualifier = inside.trim();
        qualifier.is_empty()
            || CONVERSION_QUALIFIERS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(qualifier))
    }

    /// Where a bracket closing right after `pos` ends, if one does.
    fn closes_bracket(&mut self, pos: usize) -> Option<usize> {
        let close = self.skip_spaces(pos);
        (self.bytes.get(close) == Some(&b')')).then_some(close + 1)
    }

    /// Whether two amounts inside one bracket are listed: "($1.3bn; £1.1bn)", "($1.3bn or …)".
    fn separates_amounts(&mut self, from: usize, to: usize) -> bool {
        if to < from || to - from > 8 {
            return false;
        }
        self.steps += to - from;
        self.text
            .get(from..to)
            .is_some_and(|gap| matches!(gap.trim(), "," | ";" | "/" | "or"))
    }
}
