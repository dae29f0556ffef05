//! Writers that put records into the formats other tools load.
//!
//! - [`jsonl`]: one JSON object per line, each with the `source` it was read from.
//! - [`csv`]: the flat tables of the SEC's "Insider Transactions Data Sets" (SUBMISSION,
//!   REPORTINGOWNER, NONDERIV_TRANS, …), with the SEC's column names.
//! - [`xml`]: an EDGAR `ownershipDocument` (schema X0508) per record.
//!
//! A rendering of a filing carries neither an accession number nor CIKs. Rows are keyed by
//! a [`document_id`] derived from the source path, and CIKs come from a user-supplied
//! [`CikMap`]; without one, the XML writer writes the documented placeholder
//! [`PLACEHOLDER_CIK`] and says so in the document.
//!
//! ```
//! let text = std::fs::read_to_string("tests/fixtures/001_4f51bca2448f14c2.txt")?;
//! let record = form4::parse(&text)?;
//! let xml = form4::export::xml::to_string(&record, &form4::export::CikMap::default(), None);
//! assert!(xml.contains("<issuerTradingSymbol>QLYS</issuerTradingSymbol>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod csv;
pub mod jsonl;
pub mod xml;

use std::collections::HashMap;
use std::path::Path;

use crate::Record;

/// The CIK written when none is known: ten zeros. The SEC never assigns CIK 0, so it cannot
/// be mistaken for a real entity; the XML also says in a comment that it is a placeholder.
pub const PLACEHOLDER_CIK: &str = "0000000000";

/// The key under which a record's rows are filed: the source path as given, with `\`
/// written `/` (standard input is `-`).
///
/// It stands in for the SEC's `ACCESSION_NUMBER`, which a rendering does not show.
pub fn document_id(source: &str) -> String {
    source.replace('\\', "/")
}

/// Why a CIK map could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CikMapError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line is not `KEY,CIK` with a numeric CIK.
    #[error(
        "{path}:{line}: expected `KEY,CIK` with a number of at most 10 digits, found `{text}`"
    )]
    Line {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The line's text.
        text: String,
    },
}

/// CIKs supplied by the user, by issuer ticker, issuer name or owner name.
///
/// The file has one `KEY,CIK` pair a line (blank lines and lines starting with `#` are
/// skipped; a first line `key,cik` is taken as a header). Keys are matched without regard
/// to case or surrounding spaces.
#[derive(Debug, Clone, Default)]
pub struct CikMap {
    by_key: HashMap<String, u64>,
}

impl CikMap {
    /// Loads a map from a `KEY,CIK` file.
    pub fn load(path: &Path) -> Result<Self, CikMapError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| CikMapError::Io {
            path: shown.clone(),
            source,
        })?;
        Self::parse(&text).map_err(|(line, text)| CikMapError::Line {
            path: shown,
            line,
            text,
        })
    }

    /// Parses the text of a `KEY,CIK` file; an error gives the bad line's number and text.
    pub fn parse(text: &str) -> Result<Self, (usize, String)> {
        let mut by_key = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let bad = || (i + 1, line.to_string());
            let (key, cik) = t.rsplit_once([',', '\t']).ok_or_else(bad)?;
            let cik = cik.trim();
            if i == 0 && cik.eq_ignore_ascii_case("cik") {
                continue;
            }
            if cik.is_empty() || cik.len() > 10 || !cik.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            let cik: u64 = cik.parse().map_err(|_| bad())?;
            by_key.insert(normalize_key(key), cik);
        }
        Ok(CikMap { by_key })
    }

    /// Adds one entry.
    pub fn insert(&mut self, key: &str, cik: u64) {
        self.by_key.insert(normalize_key(key), cik);
    }

    /// The CIK for the first of `keys` that the map knows.
    pub fn lookup<'a>(&self, keys: impl IntoIterator<Item = Option<&'a str>>) -> Option<u64> {
        keys.into_iter()
            .flatten()
            .find_map(|k| self.by_key.get(&normalize_key(k)).copied())
    }

    /// The issuer's CIK, by trading symbol, then by name.
    pub fn issuer(&self, record: &Record) -> Option<u64> {
        self.lookup([
            record.issuer.trading_symbol.as_deref(),
            record.issuer.name.as_deref(),
        ])
    }

    /// The CIK of reporting owner `i`, by name.
    pub fn owner(&self, record: &Record, i: usize) -> Option<u64> {
        let owner = record.reporting_owners.get(i)?;
        self.lookup([owner.name.as_deref()])
    }

    /// True when the map has no entry.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

fn normalize_key(key: &str) -> String {
    key.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// A CIK as EDGAR writes it: ten digits, zero-padded.
pub fn format_cik(cik: u64) -> String {
    format!("{cik:010}")
}

/// The footnote ids of a row field, joined as EDGAR's data sets join them (`F1,F2`).
pub(crate) fn footnote_list(ids: Option<&Vec<crate::model::FootnoteId>>) -> String {
    ids.map(|ids| {
        ids.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cik_map_parses_and_matches_loosely() {
        let map = CikMap::parse("key,cik\n# comment\nQLYS,1107843\nCourtot  Philippe F , 1234\n")
            .expect("parses");
        assert_eq!(map.lookup([Some("qlys")]), Some(1107843));
        assert_eq!(map.lookup([None, Some("COURTOT PHILIPPE F")]), Some(1234));
        assert_eq!(map.lookup([Some("nobody")]), None);
        assert_eq!(
            CikMap::parse("QLYS,12x").err(),
            Some((1, "QLYS,12x".into()))
        );
        assert_eq!(format_cik(1234), "0000001234");
    }
}
