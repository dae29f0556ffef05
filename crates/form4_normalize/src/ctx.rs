//! The bookkeeping of one normalization: repairs, warnings, and which input text was used.

use form4_grammar::Span;
use form4_model::{Diagnostics, Repair, RepairKind, SourceSpan, Unmapped, Warning, WarningCode};

use crate::labels::Hit;
use crate::text::Segment;

pub(crate) struct Ctx {
    line_starts: Vec<usize>,
    diag: Diagnostics,
    covered: Vec<(Span, Use)>,
    /// The form's printed labels were found only with edits: the text went through OCR.
    pub damaged: bool,
}

/// What a piece of input text was taken as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Use {
    /// A value of the record (or a mark such as a tick or a footnote number that sets one).
    Value,
    /// The form's printed text: a label, a caption, a column heading, an instruction.
    Label,
}

/// The input text one normalization used, by byte spans of the source.
///
/// Each list is sorted, its spans disjoint and merged. A byte can be in both lists (a
/// label read over a value's text by a tolerant match).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    values: Vec<Span>,
    labels: Vec<Span>,
}

impl Coverage {
    /// The spans used as `what`.
    pub fn spans(&self, what: Use) -> &[Span] {
        match what {
            Use::Value => &self.values,
            Use::Label => &self.labels,
        }
    }

    /// How the byte at `offset` was used, if it was: a value first, since a value is what
    /// the record holds.
    pub fn used_as(&self, offset: usize) -> Option<Use> {
        [Use::Value, Use::Label]
            .into_iter()
            .find(|&what| contains(self.spans(what), offset))
    }
}

/// Whether sorted, disjoint `spans` contain `offset`.
fn contains(spans: &[Span], offset: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= offset);
    spans.get(i).is_some_and(|s| s.start <= offset)
}

/// Membership in sorted, disjoint spans for offsets that mostly grow: a walk forward
/// from the last answer, and a binary search only when an offset goes back.
struct Cursor<'a> {
    spans: &'a [Span],
    /// Every span before `i` ends at or before the last offset asked about.
    i: usize,
    /// The span or gap between spans that held the last offset, and whether it is a span:
    /// the next offset is most often in it too.
    last: (usize, usize, bool),
}

impl<'a> Cursor<'a> {
    fn new(spans: &'a [Span]) -> Self {
        Cursor {
            spans,
            i: 0,
            last: (0, 0, false),
        }
    }

    fn contains(&mut self, offset: usize) -> bool {
        let (a, b, inside) = self.last;
        if (a..b).contains(&offset) {
            return inside;
        }
        if self.i > 0 && self.spans[self.i - 1].end > offset {
            self.i = self.spans.partition_point(|s| s.end <= offset);
        } else {
            while self.spans.get(self.i).is_some_and(|s| s.end <= offset) {
                self.i += 1;
            }
        }
        let gap_start = self.i.checked_sub(1).map_or(0, |p| self.spans[p].end);
        self.last = match self.spans.get(self.i) {
            Some(s) if s.start <= offset => (s.start, s.end, true),
            Some(s) => (gap_start, s.start, false),
            None => (gap_start, usize::MAX, false),
        };
        self.last.2
    }
}

/// Sorts and merges overlapping or touching spans.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// What [`merge`] makes of the spans of `a` and `b`, both already merged: one pass rather
/// than a sort.
fn merge_sorted(a: &[Span], b: &[Span]) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    loop {
        let next = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if (x.start, x.end) <= (y.start, y.end) => {
                i += 1;
                *x
            }
            (_, Some(y)) => {
                j += 1;
                *y
            }
            (Some(x), None) => {
                i += 1;
                *x
            }
            (None, None) => break,
        };
        match merged.last_mut() {
            Some(last) if next.start <= last.end => last.end = last.end.max(next.end),
            _ => merged.push(next),
        }
    }
    merged
}

impl Ctx {
    pub fn new(source: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
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

    /// Marks input text as used by a value.
    pub fn cover(&mut self, span: Span) {
        self.cover_as(span, Use::Value);
    }

    /// Marks input text as the form's printed text.
    pub fn cover_label(&mut self, span: Span) {
        self.cover_as(span, Use::Label);
    }

    fn cover_as(&mut self, span: Span, what: Use) {
        if span.end > span.start {
            self.covered.push((span, what));
        }
    }

    /// Marks the text of a label hit as the form's printed text.
    pub fn cover_hit(&mut self, segs: &[Segment], hit: Hit) {
        let (a, ab, b, bb) = (hit.start.seg, hit.start.byte, hit.end.seg, hit.end.byte);
        let mut s = a;
        while s <= b && s < segs.len() {
            let seg = &segs[s];
            let from = if s == a { ab } else { 0 };
            let to = if s == b { bb } else { seg.text.len() };
            if to > from {
                self.cover_label(seg.src_span(from, to));
            }
            s += 1;
        }
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

    /// Lists the text no one used, and hands over the diagnostics and what was used.
    pub fn finish(mut self, segs: &[Segment]) -> (Diagnostics, Coverage) {
        let mut values = Vec::new();
        let mut labels = Vec::new();
        for (span, what) in self.covered.drain(..) {
            match what {
                Use::Value => values.push(span),
                Use::Label => labels.push(span),
            }
        }
        let coverage = Coverage {
            values: merge(values),
            labels: merge(labels),
        };
        let merged = merge_sorted(&coverage.values, &coverage.labels);
        let mut covered = Cursor::new(&merged);
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
            let text = seg.text.as_str();
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if run.is_none() {
                    // Most of a form's text is covered or spaces: skipped a byte at a time
                    // while it is ASCII, without decoding characters.
                    while bytes.get(i).is_some_and(|&b| {
                        b.is_ascii()
                            && (matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
                                || seg
                                    .offsets
                                    .get(i)
                                    .is_some_and(|&o| covered.contains(o as usize)))
                    }) {
                        i += 1;
                    }
                }
                let Some(ch) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                let end = i + ch.len_utf8();
                // Text left over on both sides of a join is two pieces of the source.
                if run.is_some() && seg.joins.contains(&i) {
                    flush(&mut run, &mut unmapped);
                }
                let src = seg.offsets.get(i).map_or(0, |&o| o as usize);
                if covered.contains(src) || ch.is_whitespace() && run.is_none() {
                    // Most characters are covered and end no run: `flush` is called only
                    // for a run.
                    if run.is_some() {
                        flush(&mut run, &mut unmapped);
                    }
                } else {
                    run = Some(run.map_or((i, end), |(a, _)| (a, end)));
                }
                i = end;
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
        (self.diag, coverage)
    }
}

/// Whether `text` (a trimmed piece no field took) is too small to be worth a reader's
/// attention: empty, or one character that is neither a letter nor a digit (lone
/// punctuation, an empty checkbox). Such pieces are left out of `diagnostics.unmapped`.
/// A checked box (`☒`, `✓`) is no noise: one no box took is a relationship or a line of
/// box 6 not read, which the reader must be told of, as of an `X`.
///
/// ```
/// assert!(form4_normalize::is_noise("☐"));
/// assert!(!form4_normalize::is_noise("☒"));
/// assert!(!form4_normalize::is_noise("X"));
/// ```
pub fn is_noise(text: &str) -> bool {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (None, _) => true,
        (Some(c), None) => !c.is_alphanumeric() && !crate::values::is_tick(text),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Two merged lists merged in one pass are what a sort of both gives.
        #[test]
        fn merge_sorted_agrees_with_merge(
            a in proptest::collection::vec((0usize..200, 0usize..20), 0..20),
            b in proptest::collection::vec((0usize..200, 0usize..20), 0..20),
        ) {
            let spans = |v: Vec<(usize, usize)>| -> Vec<Span> {
                v.into_iter().map(|(s, n)| Span { start: s, end: s + n }).collect()
            };
            let (a, b) = (merge(spans(a)), merge(spans(b)));
            let mut all = a.clone();
            all.extend_from_slice(&b);
            proptest::prop_assert_eq!(merge_sorted(&a, &b), merge(all));
        }

        /// The cursor answers as the binary search does, whatever order offsets come in.
        #[test]
        fn cursor_agrees_with_binary_search(
            raw in proptest::collection::vec((0usize..200, 1usize..20), 0..20),
            offsets in proptest::collection::vec(0usize..250, 0..60),
        ) {
            let spans = merge(raw.into_iter().map(|(s, n)| Span { start: s, end: s + n }).collect());
            let mut cursor = Cursor::new(&spans);
            for off in offsets {
                proptest::prop_assert_eq!(cursor.contains(off), contains(&spans, off), "offset {}", off);
            }
        }
    }
}
