//! Builds the layout tree from pest pairs: one small function per rule.
//!
//! Nothing here panics on input-derived data: a pair with an unexpected rule becomes
//! [`Error::Internal`]. The grammar has no recursion, so neither has this walker.

use pest::iterators::Pair;

use crate::tree::{
    Block, Cell, Document, Inline, InlineKind, Line, LineKind, Row, Span, Table, TableSyntax,
};
use crate::{Error, Rule};

type Result<T> = std::result::Result<T, Error>;

fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.end())
}

fn unexpected(pair: &Pair<'_, Rule>) -> Error {
    internal(pair.as_rule(), pair.as_span())
}

/// The error for a pair of `rule` at `at` whose shape the walker did not expect.
///
/// Takes pest's span rather than ours so that the line and column, which cost a scan
/// from the start of the input, are only computed on this error path.
fn internal(rule: Rule, at: pest::Span<'_>) -> Error {
    let (line, column) = at.start_pos().line_col();
    Error::Internal {
        rule,
        span: Span::new(at.start(), at.end()),
        line,
        column,
    }
}

/// `document`: tables and lines in order.
pub(crate) fn document<'a>(pair: Pair<'a, Rule>, source: &'a str) -> Result<Document<'a>> {
    if pair.as_rule() != Rule::document {
        return Err(unexpected(&pair));
    }
    let children = pair.into_inner();
    let mut blocks = Vec::with_capacity(children.len());
    for child in children {
        match child.as_rule() {
            Rule::pipe_table => blocks.push(Block::Table(pipe_table(child, source)?)),
            Rule::html_table => blocks.push(Block::Table(html_table(child, source)?)),
            Rule::line => blocks.push(Block::Line(line(child, source)?)),
            Rule::EOI => {}
            _ => return Err(unexpected(&child)),
        }
    }
    Ok(Document { source, blocks })
}

// ---------------------------------------------------------------------------------------
// Pipe tables
// ---------------------------------------------------------------------------------------

/// `pipe_table`: its rows.
fn pipe_table<'a>(pair: Pair<'a, Rule>, source: &'a str) -> Result<Table<'a>> {
    let span = span_of(&pair);
    let raw = pair.as_str();
    let children = pair.into_inner();
    let mut rows = Vec::with_capacity(children.len());
    for child in children {
        match child.as_rule() {
            Rule::pipe_row => rows.push(pipe_row(child, source)?),
            Rule::separator_row => rows.push(separator_row(child)?),
            _ => return Err(unexpected(&child)),
        }
    }
    Ok(Table {
        syntax: TableSyntax::Pipe,
        rows,
        span,
        raw,
    })
}

/// `pipe_row`: its cells.
fn pipe_row<'a>(pair: Pair<'a, Rule>, source: &'a str) -> Result<Row<'a>> {
    let span = span_of(&pair);
    let raw = pair.as_str();
    let children = pair.into_inner();
    let mut cells = Vec::with_capacity(children.len());
    for child in children {
        match child.as_rule() {
            Rule::pipe_cell => cells.push(cell(child, source)?),
            _ => return Err(unexpected(&child)),
        }
    }
    cells.shrink_to_fit();
    Ok(Row {
        cells,
        is_separator: false,
        span,
        raw,
    })
}

/// `separator_row`: its delimiter cells, each holding one text token.
fn separator_row(pair: Pair<'_, Rule>) -> Result<Row<'_>> {
    let span = span_of(&pair);
    let raw = pair.as_str();
    let children = pair.into_inner();
    let mut cells = Vec::with_capacity(children.len());
    for child in children {
        match child.as_rule() {
            Rule::separator_cell => cells.push(separator_cell(child)),
            _ => return Err(unexpected(&child)),
        }
    }
    Ok(Row {
        cells,
        is_separator: true,
        span,
        raw,
    })
}

/// `separator_cell`: a cell with its dashes as one text token.
fn separator_cell(pair: Pair<'_, Rule>) -> Cell<'_> {
    let span = span_of(&pair);
    let raw = pair.as_str();
    Cell {
        inlines: vec![Inline {
            kind: InlineKind::Text,
            span,
            raw,
        }],
        span,
        raw,
    }
}

/// `pipe_cell` or `html_cell_body`: the inline tokens of one cell.
fn cell<'a>(pair: Pair<'a, Rule>, source: &'a str) -> Result<Cell<'a>> {
    let span = span_of(&pair);
    let raw = pair.as_str();
    let children = pair.into_inner();
    let mut inlines = Inlines::new(children.len(), span.start, source);
    for child in children {
        inlines.push(inline(child)?)?;
    }
    Ok(Cell {
        inlines: inlines.finish(span.end)?,
        span,
        raw,
    })
}

// ---------------------------------------------------------------------------------------
// HTML tables
// ---------------------------------------------------------------------------------------

/// `html_table`: its rows.
fn html_table<'a>(pair: Pair<'a, Rule>, source: &'a str) -> Result<Table<'a>> {
    let span = span_of(&pair);
    let raw = pair.as_str();
    let children = pair.into_inner();
    let mut rows = Vec::with_capacity(children.len());
    for child in children {
        match child.as_rule() {
            Rule::html_row => rows.push(html_row(child, source)?),
            _ => return Err(unexpected(&child)),
        }
    }
    Ok(Table {
        syntax: TableSyntax::Html,
        rows,
        span,
        raw,
    })
}

/// `html_row`: its cells.
fn html_row<'a>(pair: Pair<'a, Rule>, source: &'a str) -> Result<Row<'a>> {
    let span = span_of(&pair);
    let raw = pair.as_str();
    let children = pair.into_inner();
    let mut cells = Vec::with_capacity(children.len());
    for child in children {
        match child.as_rule() {
            Rule::html_cell => cells.push(html_cell(child, source)?),
            _ => return Err(unexpected(&child)),
        }
    }
    cells.shrink_to_fit();
    Ok(Row {
        cells,
        is_separator: false,
        span,
        raw,
    })
}

/// `html_cell`: the cell made from its body (the content between the tags).
fn html_cell<'a>(pair: Pair<'a, Rule>, source: &'a str) -> Result<Cell<'a>> {
    let outer = pair.as_span();
    match pair.into_inner().next() {
        Some(body) if body.as_rule() == Rule::html_cell_body => cell(body, source),
        Some(other) => Err(unexpected(&other)),
        None => Err(internal(Rule::html_cell, outer)),
    }
}

// ---------------------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------------------

/// `line`: its kind, marker and inline tokens.
fn line<'a>(pair: Pair<'a, Rule>, source: &'a str) -> Result<Line<'a>> {
    let span = span_of(&pair);
    let raw = pair.as_str();
    let mut kind = LineKind::Text;
    let mut marker = None;
    let mut children = pair.into_inner().peekable();
    let mut text_from = span.start;
    if let Some(first) =
        children.next_if(|c| matches!(c.as_rule(), Rule::heading_marker | Rule::list_marker))
    {
        kind = match first.as_rule() {
            Rule::heading_marker => LineKind::Heading(
                u8::try_from(first.as_str().len()).map_err(|_| unexpected(&first))?,
            ),
            _ => LineKind::ListItem,
        };
        marker = Some(first.as_str());
        text_from = first.as_span().end();
    }
    // The spaces before the text (and after a marker) belong to no token.
    text_from += raw.get(text_from - span.start..).map_or(0, |rest| {
        rest.len() - rest.trim_start_matches(is_hspace).len()
    });
    let mut inlines = Inlines::new(children.len(), text_from, source);
    for child in children {
        inlines.push(inline(child)?)?;
    }
    Ok(Line {
        kind,
        marker,
        inlines: inlines.finish(span.end)?,
        span,
        raw,
    })
}

/// The grammar's `hspace`.
fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{0B}' | '\u{0C}')
}

// ---------------------------------------------------------------------------------------
// Inline tokens
// ---------------------------------------------------------------------------------------

/// The inline tokens of a cell or a line, built from the markup tokens the grammar emits:
/// plain text has no token of its own (a token per text run cost more than reading the
/// text off as the gaps between markup), so each gap becomes a text token here.
struct Inlines<'a> {
    tokens: Vec<Inline<'a>>,
    /// Where the text not yet taken starts.
    at: usize,
    source: &'a str,
}

impl<'a> Inlines<'a> {
    /// Room for `markup` markup tokens with text around each: vectors here are small and
    /// many, and growing one copies it.
    fn new(markup: usize, at: usize, source: &'a str) -> Self {
        Inlines {
            tokens: Vec::with_capacity(2 * markup + 1),
            at,
            source,
        }
    }

    /// Appends a markup token, after the text before it.
    fn push(&mut self, next: Inline<'a>) -> Result<()> {
        self.text_up_to(next.span.start)?;
        self.at = next.span.end;
        self.merge(next);
        Ok(())
    }

    /// The tokens, with the text up to `end`.
    fn finish(mut self, end: usize) -> Result<Vec<Inline<'a>>> {
        self.text_up_to(end)?;
        self.tokens.shrink_to_fit();
        Ok(self.tokens)
    }

    fn text_up_to(&mut self, end: usize) -> Result<()> {
        if self.at >= end {
            return Ok(());
        }
        let span = Span::new(self.at, end);
        let Some(raw) = self.source.get(self.at..end) else {
            let (line, column) = span.line_column(self.source);
            return Err(Error::Internal {
                rule: Rule::document,
                span,
                line,
                column,
            });
        };
        self.merge(Inline {
            kind: InlineKind::Text,
            span,
            raw,
        });
        Ok(())
    }

    /// Appends `next`, merging it into the previous token when both are adjacent text (a
    /// character reference that names no character is text).
    fn merge(&mut self, next: Inline<'a>) {
        if next.kind == InlineKind::Text {
            if let Some(prev) = self.tokens.last_mut() {
                if prev.kind == InlineKind::Text && prev.span.end == next.span.start {
                    if let Some(raw) = self.source.get(prev.span.start..next.span.end) {
                        prev.span.end = next.span.end;
                        prev.raw = raw;
                        return;
                    }
                }
            }
        }
        self.tokens.push(next);
    }
}

/// Any inline rule: its token.
fn inline(pair: Pair<'_, Rule>) -> Result<Inline<'_>> {
    let span = span_of(&pair);
    let raw = pair.as_str();
    let kind = match pair.as_rule() {
        Rule::escape => escape(&pair)?,
        Rule::entity => entity(&pair)?,
        Rule::char_ref => char_ref(pair)?,
        Rule::line_break => InlineKind::LineBreak,
        Rule::horizontal_rule => InlineKind::Rule,
        Rule::checkbox => InlineKind::Checkbox {
            checked: pair.into_inner().any(|a| a.as_rule() == Rule::checked_attr),
        },
        Rule::glyph_checked => InlineKind::CheckboxGlyph { checked: true },
        Rule::glyph_unchecked => InlineKind::CheckboxGlyph { checked: false },
        Rule::open_tag => InlineKind::OpenTag(tag_name(pair)?),
        Rule::close_tag => InlineKind::CloseTag(tag_name(pair)?),
        Rule::comment => InlineKind::Comment(only_child(pair, Rule::comment_text)?.as_str()),
        Rule::emphasis => InlineKind::Emphasis,
        Rule::link => link(pair)?,
        _ => return Err(unexpected(&pair)),
    };
    Ok(Inline { kind, span, raw })
}

/// The single inner pair of `pair`, which must be `rule`.
fn only_child(pair: Pair<'_, Rule>, want: Rule) -> Result<Pair<'_, Rule>> {
    let outer = pair.as_span();
    match pair.into_inner().next() {
        Some(child) if child.as_rule() == want => Ok(child),
        Some(other) => Err(unexpected(&other)),
        None => Err(internal(want, outer)),
    }
}

/// `escape`: the escaped character.
fn escape(pair: &Pair<'_, Rule>) -> Result<InlineKind<'static>> {
    pair.as_str()
        .chars()
        .nth(1)
        .map(InlineKind::Escape)
        .ok_or_else(|| unexpected(pair))
}

/// `entity`: the text it stands for.
fn entity(pair: &Pair<'_, Rule>) -> Result<InlineKind<'static>> {
    crate::decode_entity(pair.as_str())
        .map(InlineKind::Entity)
        .ok_or_else(|| unexpected(pair))
}

/// `char_ref`: the character, or plain text when the number is not a Unicode scalar.
fn char_ref(pair: Pair<'_, Rule>) -> Result<InlineKind<'static>> {
    let outer = pair.as_span();
    let Some(digits) = pair.into_inner().next() else {
        return Err(internal(Rule::char_ref, outer));
    };
    let radix = match digits.as_rule() {
        Rule::char_ref_dec => 10,
        Rule::char_ref_hex => 16,
        _ => return Err(unexpected(&digits)),
    };
    Ok(u32::from_str_radix(digits.as_str(), radix)
        .ok()
        .and_then(char::from_u32)
        .map_or(InlineKind::Text, InlineKind::CharRef))
}

/// `open_tag` / `close_tag`: the tag name as written.
fn tag_name(pair: Pair<'_, Rule>) -> Result<&str> {
    Ok(only_child(pair, Rule::tag_name)?.as_str())
}

/// `link`: its text and target.
fn link(pair: Pair<'_, Rule>) -> Result<InlineKind<'_>> {
    let outer = pair.as_span();
    let mut inner = pair.into_inner();
    match (inner.next(), inner.next()) {
        (Some(text), Some(url))
            if text.as_rule() == Rule::link_text && url.as_rule() == Rule::link_url =>
        {
            Ok(InlineKind::Link {
                text: text.as_str(),
                url: url.as_str(),
            })
        }
        _ => Err(internal(Rule::link, outer)),
    }
}
