//! `form4 explain FILE`: the layout tree and the record's diagnostics, for review by hand.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use form4_grammar::{Block, Inline, InlineKind, LineKind, TableSyntax};

/// Longest cell or line text shown before it is cut with `…`.
const WIDTH: usize = 48;

pub(crate) fn explain(file: &Path) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("form4: {}: {e}", file.display());
            return ExitCode::from(1);
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let lines = LineIndex::new(&text);
    let mut out = String::new();
    match form4_grammar::parse(&text) {
        Ok(doc) => {
            let _ = writeln!(out, "## layout: {} blocks", doc.blocks.len());
            for block in &doc.blocks {
                layout_block(&mut out, block, &lines);
            }
        }
        Err(e) => {
            let _ = writeln!(out, "## layout: not parsed: {e}");
        }
    }
    let status = match form4::parse_bytes(&bytes) {
        Ok(record) => {
            record_summary(&mut out, &record);
            diagnostics(&mut out, &record.diagnostics, &lines);
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(out, "\n## record: none: {e}");
            ExitCode::from(1)
        }
    };
    print!("{out}");
    status
}

/// Byte offset → 1-based line number.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

fn layout_block(out: &mut String, block: &Block<'_>, lines: &LineIndex) {
    match block {
        Block::Line(l) => {
            let kind = match l.kind {
                LineKind::Text => "text".to_string(),
                LineKind::Heading(n) => format!("h{n}"),
                LineKind::ListItem => format!("item {}", l.marker.unwrap_or("")),
            };
            let _ = writeln!(
                out,
                "L{:<5} {kind:<8} {}",
                lines.line(l.span.start),
                shown(&l.inlines)
            );
        }
        Block::Table(t) => {
            let syntax = match t.syntax {
                TableSyntax::Pipe => "pipe",
                TableSyntax::Html => "html",
            };
            let _ = writeln!(
                out,
                "L{:<5} table    {syntax}, {} rows",
                lines.line(t.span.start),
                t.rows.len()
            );
            for (i, row) in t.rows.iter().enumerate() {
                if row.is_separator {
                    let _ = writeln!(out, "L{:<5}   r{i:<3} ---", lines.line(row.span.start));
                    continue;
                }
                let cells: Vec<String> = row.cells.iter().map(|c| shown(&c.inlines)).collect();
                let _ = writeln!(
                    out,
                    "L{:<5}   r{i:<3} | {} |",
                    lines.line(row.span.start),
                    cells.join(" | ")
                );
            }
        }
    }
}

/// Inline content in one short line: markup as compact marks (`⏎` for `<br>`, `☒`/`☐`).
fn shown(inlines: &[Inline<'_>]) -> String {
    let mut s = String::new();
    for i in inlines {
        match &i.kind {
            InlineKind::Text => s.push_str(i.raw),
            InlineKind::Escape(c) | InlineKind::CharRef(c) => s.push(*c),
            InlineKind::Entity(t) => s.push_str(t),
            InlineKind::LineBreak => s.push('⏎'),
            InlineKind::Rule => s.push_str("<hr>"),
            InlineKind::Checkbox { checked } | InlineKind::CheckboxGlyph { checked } => {
                s.push(if *checked { '☒' } else { '☐' })
            }
            InlineKind::OpenTag(t) => {
                if *t == "sup" {
                    s.push('^');
                }
            }
            InlineKind::CloseTag(_) | InlineKind::Comment(_) | InlineKind::Emphasis => {}
            InlineKind::Link { text, .. } => s.push_str(text),
        }
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > WIDTH {
        let cut: String = s.chars().take(WIDTH - 1).collect();
        format!("{cut}…")
    } else {
        s
    }
}

fn record_summary(out: &mut String, r: &form4::Record) {
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    let _ = writeln!(
        out,
        "\n## record: form {}, period {}, issuer {} [{}], {} owner(s), {} + {} rows, {} footnote(s), {} signature(s)",
        opt(r.document_type.map(|d| d.to_string())),
        opt(r.period_of_report.map(|d| d.to_string())),
        opt(r.issuer.name.clone()),
        opt(r.issuer.trading_symbol.clone()),
        r.reporting_owners.len(),
        r.non_derivative_table.len(),
        r.derivative_table.len(),
        r.footnotes.len(),
        r.signatures.len(),
    );
}

fn diagnostics(out: &mut String, d: &form4::model::Diagnostics, lines: &LineIndex) {
    let at = |span: Option<form4::model::SourceSpan>| {
        span.map(|s| {
            format!(
                "L{}",
                if s.line > 0 {
                    s.line
                } else {
                    lines.line(s.start)
                }
            )
        })
        .unwrap_or_else(|| "-".into())
    };
    let _ = writeln!(out, "\n## repairs: {}", d.repairs.len());
    for r in &d.repairs {
        let kind = serde_json::to_value(r.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<6} {}  {kind}  {:?} -> {:?}",
            at(r.at),
            r.field,
            r.from,
            r.to
        );
    }
    let _ = writeln!(out, "\n## warnings: {}", d.warnings.len());
    for w in &d.warnings {
        let code = serde_json::to_value(w.code)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<6} {code}  {}{}",
            at(w.at),
            w.field
                .as_deref()
                .map(|f| format!("{f}: "))
                .unwrap_or_default(),
            w.message
        );
    }
    let _ = writeln!(out, "\n## unmapped: {}", d.unmapped.len());
    for u in &d.unmapped {
        let _ = writeln!(out, "{:<6} {:?}", at(Some(u.at)), u.text);
    }
}
