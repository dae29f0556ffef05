//! The bookkeeping of one normalization: repairs, warnings, and which input text was used.

use form4_grammar::Span;
use form4_model::{Diagnostics, Repair, RepairKind, SourceSpan, Unmapped, Warning, WarningCode};

use crate::labels::Hit;
use crate::text::Segment;

pub(crate) struct Ctx {
    line_starts: Vec<usize>,
    diag: Diagnostics,
    covered: Vec<Span>,
    /// The form's printed labels were found only with edits: the text went through OCR.
    pub damaged: bool,
}

impl Ctx {
    pub fn new(source: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Ctx {
            line_starts,
            diag: Diagnostics::default(),
            covered: Vec::new(),
            damaged: false,
        }
    }

    pub fn at(&self, span: Span) -> SourceSpan {
        let line = match self.line_starts.binary_search(&span.start) {
            Ok(i) => i + 1,
            Err(i) => i,
        };
        SourceSpan {
            start: span.start,
            end: span.end,
            line,
        }
    }

    /// Marks input text as used (by a value, or as the form's printed text).
    pub fn cover(&mut self, span: Span) {
        if span.end > span.start {
            self.covered.push(span);
        }
    }

    /// Marks the text of a label hit as used.
    pub fn cover_hit(&mut self, segs: &[Segment], hit: Hit) {
        cover_range(
            self,
            segs,
            hit.start.seg,
            hit.start.byte,
            hit.end.seg,
            hit.end.byte,
        );
    }

    /// Where the lists of repairs and warnings stand, to undo what a discarded reading said.
    pub fn mark(&self) -> (usize, usize) {
        (self.diag.repairs.len(), self.diag.warnings.len())
    }

    /// Forgets the repairs and warnings made since `mark`.
    pub fn rollback(&mut self, mark: (usize, usize)) {
        self.diag.repairs.truncate(mark.0);
        self.diag.warnings.truncate(mark.1);
    }

    pub fn repair(
        &mut self,
        field: &str,
        kind: RepairKind,
        from: &str,
        to: &str,
        span: Option<Span>,
    ) {
        let at = span.map(|s| self.at(s));
        self.diag.repairs.push(Repair {
            field: field.to_string(),
            kind,
            from: from.to_string(),
            to: to.to_string(),
            at,
        });
    }

    pub fn warn(
        &mut self,
        code: WarningCode,
        field: Option<&str>,
        message: &str,
        span: Option<Span>,
    ) {
        let at = span.map(|s| self.at(s));
        self.diag.warnings.push(Warning {
            code,
            field: field.map(str::to_string),
            message: message.to_string(),
            at,
        });
    }

    /// Lists the text no one used, and hands over the diagnostics.
    pub fn finish(mut self, segs: &[Segment]) -> Diagnostics {
        self.covered.sort_by_key(|s| (s.start, s.end));
        let mut merged: Vec<Span> = Vec::with_capacity(self.covered.len());
        for s in self.covered.drain(..) {
            match merged.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        let is_covered = |off: usize| {
            let i = merged.partition_point(|s| s.end <= off);
            merged.get(i).is_some_and(|s| s.start <= off)
        };
        let mut unmapped = Vec::new();
        for seg in segs {
            let mut run: Option<(usize, usize)> = None;
            let flush = |run: &mut Option<(usize, usize)>, out: &mut Vec<(String, Span)>| {
                if let Some((a, b)) = run.take() {
                    let t = seg.text[a..b].trim();
                    if is_noise(t) {
                        return;
                    }
                    out.push((t.to_string(), seg.src_span(a, b)));
                }
            };
            for (i, ch) in seg.text.char_indices() {
                let src = seg.offsets.get(i).copied().unwrap_or(0);
                if is_covered(src) || ch.is_whitespace() && run.is_none() {
                    flush(&mut run, &mut unmapped);
                    continue;
                }
                let end = i + ch.len_utf8();
                run = Some(run.map_or((i, end), |(a, _)| (a, end)));
            }
            flush(&mut run, &mut unmapped);
        }
        self.diag.unmapped = unmapped
            .into_iter()
            .map(|(text, span)| Unmapped {
                text,
                at: self.at(span),
            })
            .collect();
        self.diag
    }
}

/// Text too small to be worth a reader's attention: lone punctuation or a checkbox glyph.
fn is_noise(t: &str) -> bool {
    t.is_empty() || (t.chars().count() == 1 && !t.chars().any(char::is_alphanumeric))
}

/// Covers the text from (seg a, byte ab) to (seg b, byte bb).
pub(crate) fn cover_range(
    cx: &mut Ctx,
    segs: &[Segment],
    a: usize,
    ab: usize,
    b: usize,
    bb: usize,
) {
    let mut s = a;
    while s <= b && s < segs.len() {
        let seg = &segs[s];
        let from = if s == a { ab } else { 0 };
        let to = if s == b { bb } else { seg.text.len() };
        if to > from {
            let sp = seg.src_span(from, to);
            cx.cover(sp);
        }
        s += 1;
    }
}
