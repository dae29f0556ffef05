//! `form4`: read noisy renderings of SEC Forms 3, 4 and 5 into exact, checked records.
//!
//! The pipeline is two crates deep: [`form4_grammar`] turns text into a layout tree
//! (tables, rows, cells, inline marks, lines, with spans), and [`form4_normalize`] reads
//! the form's parts from that tree into a [`Record`] (see [`form4_model`]).
//!
//! ```
//! let text = std::fs::read_to_string("tests/fixtures/001_4f51bca2448f14c2.txt").unwrap();
//! let record = form4::parse(&text).unwrap();
//! assert_eq!(record.issuer.trading_symbol.as_deref(), Some("QLYS"));
//! ```

pub use form4_model::{self as model, Record};

/// Why a text gave no record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The layout could not be tokenized (only adversarial input gets here).
    #[error(transparent)]
    Layout(#[from] form4_grammar::Error),
    /// The text is not a recognizable ownership form.
    #[error(transparent)]
    Form(#[from] form4_normalize::Error),
}

/// Parses the text of one converted filing into its record.
pub fn parse(text: &str) -> Result<Record, Error> {
    let layout = form4_grammar::parse(text)?;
    Ok(form4_normalize::normalize(&layout)?)
}

/// Parses raw bytes: invalid UTF-8 is decoded lossily and the record says so.
pub fn parse_bytes(bytes: &[u8]) -> Result<Record, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes);
            let mut record = parse(&text)?;
            record.diagnostics.warnings.insert(
                0,
                model::Warning {
                    code: model::WarningCode::InvalidUtf8,
                    field: None,
                    message: format!(
                        "the input is not valid UTF-8 (first bad byte at offset {}); invalid bytes were replaced with U+FFFD",
                        e.valid_up_to()
                    ),
                    at: None,
                },
            );
            Ok(record)
        }
    }
}

pub mod export;
