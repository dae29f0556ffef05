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
pub use form4_normalize::MAX_INPUT_LEN;

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

/// The widest source line a [`Error::render`] report shows, in characters.
const REPORT_WIDTH: usize = 200;

impl Error {
    /// The bytes of the input the error is about.
    pub fn span(&self) -> form4_grammar::Span {
        match self {
            Error::Layout(e) => e.span(),
            Error::Form(e) => e.span(),
        }
    }

    /// The 1-based line of the span's start.
    pub fn line(&self) -> usize {
        match self {
            Error::Layout(e) => e.line(),
            Error::Form(e) => e.line(),
        }
    }

    /// The 1-based column, in characters, of the span's start.
    pub fn column(&self) -> usize {
        match self {
            Error::Layout(e) => e.column(),
            Error::Form(e) => e.column(),
        }
    }

    /// A report in the style of compiler errors: the message, where (`path:line:column`),
    /// the offending line of `source` (the text that was parsed) and a caret under the span.
    ///
    /// ```
    /// let source = "\n# Pancakes\n| flour | 200 g |\n";
    /// let err = form4::parse(source).unwrap_err();
    /// let report = err.render(source, "recipe.md");
    /// assert!(report.starts_with("error: not an ownership form"));
    /// assert!(report.contains(" --> recipe.md:2:1\n"));
    /// assert!(report.contains("2 | # Pancakes\n"));
    /// assert!(report.ends_with("  | ^^^^^^^^^^\n"));
    /// ```
    pub fn render(&self, source: &str, path: &str) -> String {
        let (line, column) = (self.line(), self.column());
        let mut out = format!("error: {self}\n --> {path}:{line}:{column}\n");
        let mut lines = source.split('\n');
        let line_start: usize = lines
            .by_ref()
            .take(line.saturating_sub(1))
            .map(|l| l.len() + 1)
            .sum();
        let Some(text) = lines.next() else {
            return out;
        };
        let text = text.strip_suffix('\r').unwrap_or(text);
        // Where the span ends on this line, in characters (at least one caret).
        let span = self.span();
        let span_end = span.end.clamp(line_start, line_start + text.len());
        let end_col = text
            .get(..span_end - line_start)
            .map_or(column, |t| t.chars().count() + 1);
        let width = end_col.saturating_sub(column).max(1);
        // A long line is shown as a window of REPORT_WIDTH characters around the column.
        let first = column.saturating_sub(1).saturating_sub(REPORT_WIDTH / 2);
        let first = if column <= REPORT_WIDTH { 0 } else { first };
        let shown: String = text
            .chars()
            .skip(first)
            .take(REPORT_WIDTH)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let cut_left = first > 0;
        let cut_right = text.chars().count() > first + REPORT_WIDTH;
        let gutter = " ".repeat(line.to_string().len());
        let caret_at = column - 1 - first + usize::from(cut_left);
        let carets = width.min(REPORT_WIDTH + first + 1 - column).max(1);
        out.push_str(&format!(
            "{gutter} |\n{line} | {}{shown}{}\n{gutter} | {}{}\n",
            if cut_left { "…" } else { "" },
            if cut_right { "…" } else { "" },
            " ".repeat(caret_at),
            "^".repeat(carets),
        ));
        out
    }
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
