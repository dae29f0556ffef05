//! A [pest] grammar for the *layout* of converted SEC Form 3/4/5 filings.
//!
//! Converters (Markdown exporters, HTML-to-Markdown tools, OCR) turn a filing into text
//! with pipe tables, HTML tables, headings, list items and inline marks such as `<br>`,
//! `<sup>`, `&amp;`, `\$` or `☒`. This crate tokenizes that layout into a [`Document`]
//! tree, with no meaning attached and no repairs made. The grammar
//! (`grammar/layout.pest`) is total: every UTF-8 string parses. Every node keeps its
//! exact input slice (`raw`) and byte [`Span`].
//!
//! ```
//! use form4_grammar::{parse, Block, InlineKind};
//!
//! let input = "# FORM 4\n\
//!              | 1. Name<br><u>Peters Allan</u> | \\$87.8 |\n\
//!              |---|---|\n\
//!              | ☒ Director | |\n";
//! let doc = parse(input)?;
//! assert_eq!(doc.blocks.len(), 2);
//!
//! let Block::Table(table) = &doc.blocks[1] else { panic!("expected a table") };
//! assert!(table.rows[1].is_separator);
//! for row in &table.rows {
//!     for cell in &row.cells {
//!         // Every cell knows where it is in the input.
//!         assert_eq!(&input[cell.span.start..cell.span.end], cell.raw);
//!     }
//! }
//! let first = &table.rows[0].cells;
//! assert_eq!(first.len(), 2);
//! assert!(first[0].inlines.iter().any(|i| i.kind == InlineKind::LineBreak));
//! assert_eq!(first[1].inlines[1].kind, InlineKind::Escape('$'));
//! let ticked = &table.rows[2].cells[0].inlines[1];
//! assert_eq!(ticked.kind, InlineKind::CheckboxGlyph { checked: true });
//! assert!(table.rows[2].cells[1].inlines.iter().all(|i| i.kind == InlineKind::Text));
//! # Ok::<(), form4_grammar::Error>(())
//! ```
//!
//! [`LayoutParser`] and [`Rule`] are public so the grammar can be tested or reused
//! directly with [`pest::Parser`].

pub mod tree;
mod walk;

pub use tree::*;

use std::num::NonZeroUsize;
use std::sync::Once;

use pest::Parser as _;

pub use parser::{LayoutParser, Rule};

mod parser {
    // The derive adds an undocumented `Rule::all_rules`; the rules themselves carry the
    // grammar's `///` docs.
    #![allow(missing_docs)]

    /// The pest parser generated from `grammar/layout.pest`; its entry rule is
    /// [`Rule::document`].
    #[derive(pest_derive::Parser)]
    #[grammar = "../../grammar/layout.pest"]
    pub struct LayoutParser;
}

/// The cumulative pest call budget for one parse, set process-wide once by [`parse`].
///
/// The grammar makes a bounded number of counted pest calls per input byte (under one on
/// the sample corpus, about 25 at worst on adversarial text such as `"<a <a <a"`), so the
/// budget trips only past ~170 MB of adversarial input (gigabytes of ordinary text),
/// capping the work instead of letting it run on. pest checks native stack space on its
/// own, and the grammar does not recurse.
pub const CALL_LIMIT: usize = u32::MAX as usize;

/// Why a parse failed.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The grammar rejected the input. The grammar is total, so this means a grammar bug.
    #[error("layout syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// pest's description of what was expected.
        message: String,
        /// Where the failure was (empty span for a position).
        span: Span,
        /// 1-based line of the failure.
        line: usize,
        /// 1-based column of the failure.
        column: usize,
    },
    /// pest stopped because the call budget or the native stack ran out.
    #[error("layout parse stopped at line {line}, column {column}: {message}")]
    Limit {
        /// pest's message (`call limit reached` or `stack limit reached`).
        message: String,
        /// Where parsing stopped.
        span: Span,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The parse tree had a shape the tree builder did not expect (a bug, not bad input).
    #[error("internal error at line {line}, column {column}: unexpected {rule:?} at bytes {}..{}", span.start, span.end)]
    Internal {
        /// The rule found where it was not expected.
        rule: Rule,
        /// Where it was.
        span: Span,
        /// 1-based line of the span's start.
        line: usize,
        /// 1-based column (in characters) of the span's start.
        column: usize,
    },
}

impl Error {
    /// The bytes of the input the error is about (empty for a position).
    pub fn span(&self) -> Span {
        match self {
            Error::Syntax { span, .. }
            | Error::Limit { span, .. }
            | Error::Internal { span, .. } => *span,
        }
    }

    /// The 1-based line of the span's start.
    pub fn line(&self) -> usize {
        match self {
            Error::Syntax { line, .. }
            | Error::Limit { line, .. }
            | Error::Internal { line, .. } => *line,
        }
    }

    /// The 1-based column, in characters, of the span's start.
    pub fn column(&self) -> usize {
        match self {
            Error::Syntax { column, .. }
            | Error::Limit { column, .. }
            | Error::Internal { column, .. } => *column,
        }
    }
}

impl From<pest::error::Error<Rule>> for Error {
    fn from(err: pest::error::Error<Rule>) -> Self {
        let span = match err.location {
            pest::error::InputLocation::Pos(p) => Span::new(p, p),
            pest::error::InputLocation::Span((s, e)) => Span::new(s, e),
        };
        let (line, column) = match err.line_col {
            pest::error::LineColLocation::Pos(lc) => lc,
            pest::error::LineColLocation::Span(lc, _) => lc,
        };
        match &err.variant {
            pest::error::ErrorVariant::CustomError { message } => Error::Limit {
                message: message.clone(),
                span,
                line,
                column,
            },
            pest::error::ErrorVariant::ParsingError { .. } => Error::Syntax {
                message: err.variant.message().into_owned(),
                span,
                line,
                column,
            },
        }
    }
}

static LIMITS: Once = Once::new();

/// The text an HTML named entity (`&amp;`, `&nbsp;`, `&#39;`) stands for, for the entities
/// the grammar knows; `None` for any other string. Text the grammar keeps raw (a link's
/// text) can be decoded with it.
///
/// ```
/// assert_eq!(form4_grammar::decode_entity("&amp;"), Some("&"));
/// assert_eq!(form4_grammar::decode_entity("&amp"), None);
/// ```
pub fn decode_entity(entity: &str) -> Option<&'static str> {
    Some(match entity {
        "&nbsp;" => " ",
        "&amp;" => "&",
        "&lt;" => "<",
        "&gt;" => ">",
        "&quot;" => "\"",
        "&apos;" | "&#39;" => "'",
        "&ndash;" => "\u{2013}",
        "&mdash;" => "\u{2014}",
        "&lsquo;" => "\u{2018}",
        "&rsquo;" => "\u{2019}",
        "&ldquo;" => "\u{201C}",
        "&rdquo;" => "\u{201D}",
        "&hellip;" => "\u{2026}",
        "&bull;" => "\u{2022}",
        "&middot;" => "\u{B7}",
        "&sect;" => "\u{A7}",
        "&copy;" => "\u{A9}",
        "&reg;" => "\u{AE}",
        "&trade;" => "\u{2122}",
        "&deg;" => "\u{B0}",
        _ => return None,
    })
}

/// Parses `input` into its layout tree.
///
/// The grammar accepts every string, so an error means a resource limit was hit
/// ([`Error::Limit`]) or a bug ([`Error::Syntax`], [`Error::Internal`]).
pub fn parse(input: &str) -> Result<Document<'_>, Error> {
    LIMITS.call_once(|| pest::set_call_limit(NonZeroUsize::new(CALL_LIMIT)));
    let mut pairs = LayoutParser::parse(Rule::document, input)?;
    let Some(document) = pairs.next() else {
        return Err(Error::Internal {
            rule: Rule::document,
            span: Span::new(0, input.len()),
            line: 1,
            column: 1,
        });
    };
    walk::document(document, input)
}
