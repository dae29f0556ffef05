use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date, serialized as ISO `YYYY-MM-DD`.
///
/// Only real dates can be built: `Date::new(2021, 2, 29)` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Month, day or year out of range, or a day the month does not have.
    #[error("{year:04}-{month:02}-{day:02} is not a calendar date")]
    OutOfRange {
        /// The year given.
        year: u32,
        /// The month given.
        month: u32,
        /// The day given.
        day: u32,
    },
    /// The text is not `YYYY-MM-DD`.
    #[error("`{0}` is not an ISO date (YYYY-MM-DD)")]
    Syntax(String),
}

impl Date {
    /// The date `year-month-day`, if it exists (years 1000–9999).
    pub fn new(year: u32, month: u32, day: u32) -> Result<Self, DateError> {
        let bad = DateError::OutOfRange { year, month, day };
        if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return Err(bad);
        }
        if day > days_in_month(year, month) {
            return Err(bad);
        }
        // The range checks above make these conversions lossless.
        Ok(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    pub fn year(self) -> u32 {
        u32::from(self.year)
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Parses `YYYY-MM-DD`; a trailing time-zone suffix as EDGAR writes it
    /// (`2024-07-19-05:00`) is ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let syntax = || DateError::Syntax(s.to_string());
        let head = s.get(..10).ok_or_else(syntax)?;
        let b = head.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return Err(syntax());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = head.get(r).ok_or_else(syntax)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(syntax());
            }
            part.parse().map_err(|_| syntax())
        };
        Date::new(num(0..4)?, num(5..7)?, num(8..10)?)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso() {
        for (input, expected) in [
            ("2020-11-01", Some("2020-11-01")),
            ("2024-07-19-05:00", Some("2024-07-19")),
            ("2024-02-29", Some("2024-02-29")),
            ("2023-02-29", None),
            ("1900-02-29", None),
            ("2000-02-29", Some("2000-02-29")),
            ("2020-13-01", None),
            ("2020-1-01", None),
            ("20201101", None),
            ("", None),
            ("2020-11-0x", None),
        ] {
            let got = input.parse::<Date>().ok().map(|d| d.to_string());
            assert_eq!(got.as_deref(), expected, "input {input:?}");
        }
    }
}
