//! Document dates at year, month or day precision, as metadata gives them.

/// A document's date: resolves "last year" and which office holder a name means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocDate {
    /// Year, e.g. 2023.
    pub year: i32,
    /// Month 1-12, when known.
    pub month: Option<u8>,
    /// Day 1-31, when known.
    pub day: Option<u8>,
}

impl DocDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else is `None`.
    pub fn parse(text: &str) -> Option<DocDate> {
        let mut parts = text.trim().split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        if !(1000..=9999).contains(&year) {
            return None;
        }
        let month = match parts.next() {
            Some(month) => Some(month.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(day) => Some(day.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        if parts.next().is_some() || (day.is_some() && month.is_none()) {
            return None;
        }
        Some(DocDate { year, month, day })
    }

    /// The date as `yymmdd` for comparing with dated roles; unknown month or day count as the middle.
    pub fn as_yymmdd_ordinal(self) -> i64 {
        i64::from(self.year) * 10_000
            + i64::from(self.month.unwrap_or(6)) * 100
            + i64::from(self.day.unwrap_or(15))
    }
}

#[cfg(test)]
mod tests {
    use super::DocDate;

    #[test]
    fn parses_year_month_and_day_precision_and_rejects_junk() {
        assert_eq!(
            DocDate::parse("2023-02"),
            Some(DocDate {
                year: 2023,
                month: Some(2),
                day: None
            })
        );
        assert_eq!(DocDate::parse("2023").map(|d| d.month), Some(None));
        assert_eq!(DocDate::parse("2023-02-28").and_then(|d| d.day), Some(28));
        for junk in [
            "",
            "23-02",
            "2023-13",
            "2023-02-40",
            "2023/02",
            "2023-02-01-01",
            "feb 2023",
        ] {
            assert_eq!(DocDate::parse(junk), None, "{junk}");
        }
    }
}
