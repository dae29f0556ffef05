//! JSON Lines: one object per input, each with the `source` it was read from.
//!
//! A record is the canonical record with `source` as its first key; an input that gave no
//! record is `{"source": …, "error": …}`. Readers tell the two apart by the `error` key.

use std::io::{self, Write};

use serde::Serialize;

use crate::Record;

/// A record together with the path it was read from; serializes as one flat object.
#[derive(Debug, Serialize)]
pub struct Sourced<'a> {
    /// The input path (`-` for standard input).
    pub source: &'a str,
    /// The record; its fields follow `source`.
    #[serde(flatten)]
    pub record: &'a Record,
}

/// An input that gave no record, and why.
#[derive(Debug, Serialize)]
pub struct Failure<'a> {
    /// The input path (`-` for standard input).
    pub source: &'a str,
    /// A one-line reason.
    pub error: &'a str,
    /// The 1-based line the error points at, when it points into the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The 1-based column (in characters) the error points at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// Writes one record as one line (compact JSON and `\n`).
pub fn write_record<W: Write>(out: &mut W, source: &str, record: &Record) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &Sourced { source, record })?;
    out.write_all(b"\n")
}

/// Writes one failure as one line.
pub fn write_failure<W: Write>(
    out: &mut W,
    source: &str,
    error: &str,
    at: Option<(usize, usize)>,
) -> io::Result<()> {
    let failure = Failure {
        source,
        error,
        line: at.map(|(line, _)| line),
        column: at.map(|(_, column)| column),
    };
    serde_json::to_writer(&mut *out, &failure)?;
    out.write_all(b"\n")
}

/// The line [`write_record`] writes, as a string (with its `\n`).
pub fn record_line(source: &str, record: &Record) -> String {
    let mut buf = Vec::with_capacity(4096);
    // Writing to a Vec cannot fail, and serde_json writes UTF-8 only.
    if write_record(&mut buf, source, record).is_err() {
        buf.clear();
    }
    String::from_utf8(buf).unwrap_or_default()
}
