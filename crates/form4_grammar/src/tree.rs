//! The layout tree: what a converter's output looks like, with no meaning attached.
//!
//! Every node keeps the exact slice of the input it came from (`raw`) and its byte
//! [`Span`], so a later stage can say precisely which text it used, repaired or left over.

/// A half-open byte range `start..end` into the parsed input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The 1-based line and column (counted in characters, as editors do) of the span's
    /// start in `source`. Scans `source` up to the start: meant for error reports, not for
    /// every token.
    ///
    /// ```
    /// let at = form4_grammar::Span::new(10, 12).line_column("FORM 4\nDé x");
    /// assert_eq!(at, (2, 3));
    /// ```
    pub fn line_column(&self, source: &str) -> (usize, usize) {
        let mut at = self.start.min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        let before = &source[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        (line, before[line_start..].chars().count() + 1)
    }
}

/// A whole converted document: its blocks in input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    /// The input the tree was parsed from.
    pub source: &'a str,
    /// Tables and lines, in input order. Blank lines are not kept.
    pub blocks: Vec<Block<'a>>,
}

/// A top-level piece of layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<'a> {
    /// A Markdown pipe table or an HTML `<table>`.
    Table(Table<'a>),
    /// Any other non-blank line (heading, list item, paragraph text).
    Line(Line<'a>),
}

/// Where a table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableSyntax {
    /// Markdown pipe table (`| a | b |`).
    Pipe,
    /// HTML `<table>` / `<tr>` / `<td>` markup.
    Html,
}

/// A table: consecutive rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<'a> {
    /// How the table was written.
    pub syntax: TableSyntax,
    /// Rows in input order, separator rows (`|---|---|`) included.
    pub rows: Vec<Row<'a>>,
    /// Where the table is.
    pub span: Span,
    /// The table's text.
    pub raw: &'a str,
}

/// One table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// Cells in order; rows may be ragged (any number of cells).
    pub cells: Vec<Cell<'a>>,
    /// True for a Markdown delimiter row such as `|---|:--:|`.
    pub is_separator: bool,
    /// Where the row is.
    pub span: Span,
    /// The row's text.
    pub raw: &'a str,
}

/// One table cell: its inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell<'a> {
    /// Inline tokens; empty for an empty cell.
    pub inlines: Vec<Inline<'a>>,
    /// Where the cell's content is (without the surrounding pipes).
    pub span: Span,
    /// The cell's text, as written (surrounding spaces included).
    pub raw: &'a str,
}

/// What kind of non-table line this is, by its leading marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Plain text.
    Text,
    /// A Markdown ATX heading (`## ...`), with its level.
    Heading(u8),
    /// A list item: `- `, `* `, `+ ` or an ordered marker such as `1. ` / `1) `.
    ListItem,
}

/// A line outside tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// Heading, list item or text.
    pub kind: LineKind,
    /// The leading marker (`##`, `-`, `1.`), if any. Kept because an ordered marker
    /// can carry meaning (a footnote number).
    pub marker: Option<&'a str>,
    /// The inline tokens after the marker.
    pub inlines: Vec<Inline<'a>>,
    /// Where the line is (without its newline).
    pub span: Span,
    /// The line's text.
    pub raw: &'a str,
}

/// An inline token inside a cell or a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline<'a> {
    /// What the token is.
    pub kind: InlineKind<'a>,
    /// Where it is.
    pub span: Span,
    /// Its text as written.
    pub raw: &'a str,
}

/// The kinds of inline token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InlineKind<'a> {
    /// A run of ordinary text (spaces included); `raw` is the text.
    Text,
    /// A backslash escape such as `\$` or `\*`: the escaped character.
    Escape(char),
    /// An HTML entity (`&amp;`, `&#39;`, `&nbsp;`): the text it stands for.
    Entity(&'static str),
    /// A numeric character reference (`&#8217;`, `&#x2019;`): the character.
    CharRef(char),
    /// `<br>`, `<br/>`, `<br />`: a line break inside a cell.
    LineBreak,
    /// `<hr>`, `<hr/>`: a horizontal rule.
    Rule,
    /// `<input … type="checkbox" …>`; `checked` when the tag has a `checked` attribute.
    Checkbox {
        /// Whether the box is ticked.
        checked: bool,
    },
    /// A checkbox glyph: `☒`/`☑`/`✔`/`✓` (ticked) or `☐` (empty).
    CheckboxGlyph {
        /// Whether the glyph shows a ticked box.
        checked: bool,
    },
    /// Any other opening (or self-closing) HTML tag (`<sup>`, `<u>`, `<b>`, `<span class="x">`):
    /// its name as written (compare with `eq_ignore_ascii_case`).
    OpenTag(&'a str),
    /// A closing HTML tag (`</sup>`): its name as written.
    CloseTag(&'a str),
    /// An HTML comment `<!-- … -->`: its inner text.
    Comment(&'a str),
    /// A Markdown strong-emphasis delimiter: `**` or `__`. A single `*` or `_` stays text
    /// (`Person*` is content).
    Emphasis,
    /// A Markdown link `[text](url)`: its text and its target.
    Link {
        /// The link text, as written.
        text: &'a str,
        /// The link target.
        url: &'a str,
    },
}
