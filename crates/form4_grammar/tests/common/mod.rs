//! Shared helpers: a compact one-string summary of a tree, and the span invariants.
// Each test binary uses only some of these helpers.
#![allow(dead_code)]

use form4_grammar::{Block, Cell, Document, Inline, InlineKind, LineKind, Span, TableSyntax};

/// One inline token, compactly: text is quoted, markup gets a short tag.
pub fn inline(i: &Inline<'_>) -> String {
    match &i.kind {
        InlineKind::Text => format!("{:?}", i.raw),
        InlineKind::Escape(c) => format!("\\{c}"),
        InlineKind::Entity(s) => format!("&{s:?}"),
        InlineKind::CharRef(c) => format!("#{c:?}"),
        InlineKind::LineBreak => "BR".into(),
        InlineKind::Rule => "HR".into(),
        InlineKind::Checkbox { checked } => if *checked { "[x]" } else { "[ ]" }.into(),
        InlineKind::CheckboxGlyph { checked } => if *checked { "G[x]" } else { "G[ ]" }.into(),
        InlineKind::OpenTag(n) => format!("<{n}>"),
        InlineKind::CloseTag(n) => format!("</{n}>"),
        InlineKind::Comment(t) => format!("<!--{t}-->"),
        InlineKind::Emphasis => "EM".into(),
        InlineKind::Link { text, url } => format!("link({text}|{url})"),
    }
}

fn inlines(list: &[Inline<'_>]) -> String {
    list.iter().map(inline).collect::<Vec<_>>().join(" ")
}

fn cell(c: &Cell<'_>) -> String {
    format!("[{}]", inlines(&c.inlines))
}

/// The whole document, one line per line block or table row.
pub fn summary(doc: &Document<'_>) -> String {
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Line(line) => {
                let kind = match (line.kind, line.marker) {
                    (LineKind::Heading(n), Some(m)) => format!("h{n}({m})"),
                    (LineKind::ListItem, Some(m)) => format!("li({m})"),
                    (LineKind::Text, None) => "text".into(),
                    (kind, marker) => format!("?{kind:?}{marker:?}"),
                };
                out.push(format!("{kind}: {}", inlines(&line.inlines)));
            }
            Block::Table(table) => {
                out.push(match table.syntax {
                    TableSyntax::Pipe => "pipe table".into(),
                    TableSyntax::Html => "html table".into(),
                });
                for row in &table.rows {
                    let cells: Vec<_> = row.cells.iter().map(cell).collect();
                    let tag = if row.is_separator { "sep" } else { "row" };
                    out.push(format!("  {tag}: {}", cells.join(" ")));
                }
            }
        }
    }
    out.join("\n")
}

fn check_span(input: &str, span: Span, raw: &str, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > input.len() {
        return Err(format!(
            "{what}: span {span:?} out of bounds ({})",
            input.len()
        ));
    }
    match input.get(span.start..span.end) {
        Some(slice) if slice == raw => Ok(()),
        other => Err(format!("{what}: raw {raw:?} != input[span] {other:?}")),
    }
}

/// Inline tokens tile the end of their parent: no gaps, no overlaps, nothing after.
fn check_inlines(
    input: &str,
    parent: Span,
    list: &[Inline<'_>],
    whole: bool,
) -> Result<(), String> {
    let empty_at = if whole { parent.start } else { parent.end };
    let mut at = list.first().map_or(empty_at, |i| i.span.start);
    if at < parent.start || (whole && !list.is_empty() && at != parent.start) {
        return Err(format!("first inline starts before {parent:?}"));
    }
    for i in list {
        check_span(input, i.span, i.raw, "inline")?;
        if i.span.start != at || i.span.end > parent.end || i.span.start == i.span.end {
            return Err(format!(
                "inline {:?} leaves a gap or overlaps in {parent:?}",
                i.span
            ));
        }
        if i.kind == InlineKind::Text {
            if let Some(prev) = list
                .iter()
                .take_while(|p| p.span.end <= i.span.start)
                .last()
            {
                if prev.kind == InlineKind::Text && prev.span.end == i.span.start {
                    return Err(format!(
                        "adjacent text tokens not merged at {}",
                        i.span.start
                    ));
                }
            }
        }
        at = i.span.end;
    }
    if at != parent.end {
        return Err(format!("inlines end at {at}, parent {parent:?}"));
    }
    Ok(())
}

/// Spans in bounds, `raw == input[span]`, children inside parents, siblings ordered.
pub fn invariants(input: &str, doc: &Document<'_>) -> Result<(), String> {
    if doc.source != input {
        return Err("source differs from input".into());
    }
    let mut at = 0;
    for block in &doc.blocks {
        let (span, raw) = match block {
            Block::Line(l) => (l.span, l.raw),
            Block::Table(t) => (t.span, t.raw),
        };
        check_span(input, span, raw, "block")?;
        if span.start < at {
            return Err(format!("block {span:?} starts before previous end {at}"));
        }
        if span.start == span.end {
            return Err(format!("empty block at {span:?}"));
        }
        at = span.end;
        match block {
            Block::Line(l) => {
                if let Some(m) = l.marker {
                    if !l.raw.contains(m) {
                        return Err(format!("marker {m:?} not in line"));
                    }
                }
                check_inlines(input, l.span, &l.inlines, false)?;
            }
            Block::Table(t) => {
                let mut row_at = t.span.start;
                for row in &t.rows {
                    check_span(input, row.span, row.raw, "row")?;
                    if row.span.start < row_at || row.span.end > t.span.end {
                        return Err(format!("row {:?} misplaced in {:?}", row.span, t.span));
                    }
                    row_at = row.span.end;
                    let mut cell_at = row.span.start;
                    for c in &row.cells {
                        check_span(input, c.span, c.raw, "cell")?;
                        if c.span.start < cell_at || c.span.end > row.span.end {
                            return Err(format!("cell {:?} misplaced in {:?}", c.span, row.span));
                        }
                        cell_at = c.span.end;
                        check_inlines(input, c.span, &c.inlines, true)?;
                    }
                }
            }
        }
    }
    Ok(())
}
