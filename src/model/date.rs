//! Document dates as a checked value: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar day.
//!
//! Main design decision: dates are parsed once at the edge (a metadata file, a JSON line, a map
//! file, an event record) into [`DocumentDate`]; a date that does not parse is a warning naming
//! the document, never a silent `None`. [`Document::date`](super::Document) keeps the checked
//! date's text, so the files stay as they were.

use std::fmt;

/// A publication date at year, month or day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocumentDate {
    /// Year, 1000 to 9999.
    pub year: u16,
    /// Month 1-12, when known.
    pub month: Option<u8>,
    /// Day of the month, when known (always a real day of that month).
    pub day: Option<u8>,
}

/// Why a date was not understood.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct DateError {
    /// The text as given (at most 40 characters of it).
    pub text: String,
}

impl DocumentDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a four-digit year; months and days of one or two
    /// digits).
    pub fn parse(text: &str) -> Result<DocumentDate, DateError> {
        let error = || DateError {
            text: text.chars().take(40).collect(),
        };
        let trimmed = text.trim();
        let mut parts = trimmed.split('-');
        let year = parts
            .next()
            .and_then(|part| number(part, 4))
            .ok_or_else(error)?;
        if year < 1000 {
            return Err(error());
        }
        let month = match parts.next() {
            Some(part) => Some(
                number(part, 2)
                    .filter(|month| (1..=12).contains(month))
                    .ok_or_else(error)?,
            ),
            None => None,
        };
        let day = match (parts.next(), month) {
            (Some(part), Some(month)) => Some(
                number(part, 2)
                    .filter(|&day| day >= 1 && day <= days_in_month(year, month))
                    .ok_or_else(error)?,
            ),
            (Some(_), None) => return Err(error()),
            (None, _) => None,
        };
        if parts.next().is_some() {
            return Err(error());
        }
        Ok(DocumentDate {
            year,
            month: month.map(|month| month as u8),
            day: day.map(|day| day as u8),
        })
    }
}

impl fmt::Display for DocumentDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

/// `part` as a number of ASCII digits: exactly four for a year (`digits` 4), one or two for a
/// month or day.
fn number(part: &str, digits: usize) -> Option<u16> {
    let length_ok = if digits == 4 {
        part.len() == 4
    } else {
        (1..=digits).contains(&part.len())
    };
    if !length_ok || !part.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

fn days_in_month(year: u16, month: u16) -> u16 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Checks a document's date in place: a valid date is kept in its canonical form, an invalid
/// one is removed and described in the returned warning, which names the document.
pub fn check_document_date(document: &mut super::Document) -> Option<String> {
    let text = document.date.as_deref()?;
    match DocumentDate::parse(text) {
        Ok(date) => {
            document.date = Some(date.to_string());
            None
        }
        Err(error) => {
            document.date = None;
            Some(format!(
                "document {:?}: date ignored: {error}",
                document.id.chars().take(80).collect::<String>()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_parse_and_impossible_ones_are_errors() {
        for good in [
            "2023",
            "2023-02",
            "2023-2",
            "2024-02-29",
            "1999-12-31",
            " 2023-02 ",
        ] {
            assert!(DocumentDate::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "2023-13-45",
            "Feb 2023",
            "99999",
            "2023-02-30",
            "0999",
            "2023-02-01-01",
            "",
            "2023--01",
        ] {
            assert!(DocumentDate::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            DocumentDate::parse("2023-02").map(|date| date.to_string()),
            Ok("2023-02".to_owned())
        );
    }

    #[test]
    fn an_invalid_date_is_a_warning_naming_the_document() {
        let mut document = super::super::Document {
            id: "story".into(),
            title: None,
            date: Some("2023-13-45".into()),
            text: String::new(),
        };
        let warning = check_document_date(&mut document).expect("warns");
        assert!(
            warning.contains("story") && warning.contains("2023-13-45"),
            "{warning}"
        );
        assert_eq!(document.date, None);
    }
}
