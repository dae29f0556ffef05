//! The form's checkboxes outside the boxes, footnotes, remarks and signatures.

use form4_model::{FootnoteId, Record, RepairKind, Signature, WarningCode};

use crate::ctx::Ctx;
use crate::header::{cover_pieces, pieces, Piece};
use crate::labels::{Pos, Stream};
use crate::text::{clean_spaces, Segment};
use crate::{values, Parts};

/// The form's printed notes and instructions: found so they are accounted for.
const PRINTED: &[&str] = &[
    "Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly",
    "If the form is filed by more than one reporting person, see Instruction 4 (b)(v)",
    "Intentional misstatements or omissions of facts constitute Federal Criminal Violations",
    "See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a)",
    "Note: File three copies of this Form, one of which must be manually signed",
    "If space is insufficient, see Instruction 6 for procedure",
    "Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB Number",
    "Signature of Reporting Person",
];

const NOT_SUBJECT: &str = "Check this box if no longer subject to Section 16";
const AFF_10B5_1: &str =
    "Check this box to indicate that a transaction was made pursuant to a contract";
const FORM3_HOLDINGS: &str = "Form 3 Holdings Reported";
const FORM4_TRANSACTIONS: &str = "Form 4 Transactions Reported";

pub(crate) fn read(
    record: &mut Record,
    segs: &[Segment],
    stream: &Stream,
    parts: &Parts,
    end: Pos,
    cx: &mut Ctx,
) {
    let start = Pos { seg: 0, byte: 0 };
    for p in PRINTED {
        for h in stream.find(segs, p, start, None, crate::labels::tolerance(p)) {
            cx.cover_hit(segs, h);
        }
    }
    // The caption `Date` printed beside or under the signature caption, and the date
    // itself when a converter reads the date column's line after the captions' line.
    let mut date_after = None;
    if let Some(sig) = parts.signature {
        for p in pieces(segs, sig.end, end).into_iter().take(2) {
            let t = segs[p.seg].text[p.a..p.b].trim();
            if t.eq_ignore_ascii_case("date") {
                cx.cover_label(segs[p.seg].src_span(p.a, p.b));
            } else if let Some(d) = only_date(t).filter(|_| date_after.is_none()) {
                date_after = Some((d, segs[p.seg].src_span(p.a, p.b)));
            } else {
                break;
            }
        }
    }
    // The box is on every edition; unticked or not found, it says `false`.
    record.not_subject_to_section16 = Some(checkbox(segs, stream, NOT_SUBJECT, cx) == Some(true));
    record.aff10b5one = checkbox(segs, stream, AFF_10B5_1, cx);
    if record.document_type.is_some_and(|t| t.form_number() == 5) {
        record.form3_holdings_reported = checkbox(segs, stream, FORM3_HOLDINGS, cx).or(Some(false));
        record.form4_transactions_reported =
            checkbox(segs, stream, FORM4_TRANSACTIONS, cx).or(Some(false));
    }

    // Footnotes: "Explanation of Responses" up to "Remarks" (or the signature).
    if let Some(ex) = parts.explanation {
        let stop = [parts.remarks, parts.signature]
            .into_iter()
            .flatten()
            .filter(|h| h.start > ex.end)
            .map(|h| h.start)
            .min()
            .unwrap_or(end);
        read_footnotes(record, segs, &pieces(segs, ex.end, stop), cx);
    } else {
        cx.warn(
            WarningCode::MissingPart,
            Some("footnotes"),
            "\"Explanation of Responses\" was not found",
            None,
        );
    }

    // Remarks and signatures: after "Remarks" up to "Signature of Reporting Person".
    let from = parts.remarks.or(parts.explanation).map(|h| h.end);
    if let Some(from) = from {
        let stop = parts
            .signature
            .filter(|h| h.start > from)
            .map_or(end, |h| h.start);
        let ps = pieces(segs, from, stop);
        read_remarks_and_signatures(record, segs, &ps, parts.remarks.is_some(), cx);
    }
    if let Some((d, span)) = date_after {
        if let Some(s) = record.signatures.last_mut().filter(|s| s.date.is_none()) {
            s.date = Some(d);
            cx.cover(span);
        }
    }
    for s in &mut record.signatures {
        if let Some(name) = s.name.as_mut() {
            if let Some(fixed) = restore_attorney_in_fact(name) {
                cx.repair(
                    "signatures.name",
                    RepairKind::JoinedText,
                    name,
                    &fixed,
                    None,
                );
                *name = fixed;
            }
        }
    }
}

/// `Attorney-inFact`, `Attorneyin-Fact`: the signature's usual `attorney-in-fact` with
/// one of its hyphens lost where the converter joined a wrapped line. Neither spelling is
/// one anybody writes, so the hyphen is put back.
fn restore_attorney_in_fact(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let mut out = name.to_string();
    let mut changed = false;
    // (damaged spelling, where its hyphen goes), found right to left so that the
    // insertions do not move the places still to be fixed.
    let mut at: Vec<usize> = Vec::new();
    for (bad, cut) in [("attorneyin-fact", 8), ("attorney-infact", 11)] {
        at.extend(lower.match_indices(bad).map(|(i, _)| i + cut));
    }
    at.sort_unstable();
    for i in at.into_iter().rev() {
        if out.is_char_boundary(i) {
            out.insert(i, '-');
            changed = true;
        }
    }
    changed.then_some(out)
}

/// `Some(true)` when a tick mark stands right before the box's label, `Some(false)` when
/// the label is there without one, `None` when the form has no such box.
fn checkbox(segs: &[Segment], stream: &Stream, label: &str, cx: &mut Ctx) -> Option<bool> {
    let start = Pos { seg: 0, byte: 0 };
    let hit = stream.find_first(segs, &[label], start, None)?;
    cx.cover_hit(segs, hit);
    // The mark: the last word before the label in its segment, or the previous segment.
    let seg = &segs[hit.start.seg];
    let before = seg.text[..hit.start.byte].trim_end();
    let (word, seg_i, off) = if before.is_empty() {
        let prev = hit.start.seg.checked_sub(1)?;
        let t = segs[prev].text.trim_end();
        let w = t.split_whitespace().last().unwrap_or("");
        (w.to_string(), prev, t.len() - w.len())
    } else {
        let w = before.split_whitespace().last().unwrap_or("");
        (w.to_string(), hit.start.seg, before.len() - w.len())
    };
    if values::is_tick(&word) {
        cx.cover(segs[seg_i].src_span(off, off + word.len()));
        return Some(true);
    }
    Some(false)
}

/// Numbered notes: `1. text`, `(1) text`, `1 text` at the start of a piece.
fn footnote_start(t: &str) -> Option<(u32, usize)> {
    let s = t.trim_start();
    let (num_str, rest) = if let Some(r) = s.strip_prefix('(') {
        let close = r.find(')')?;
        (&r[..close], &r[close + 1..])
    } else {
        let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let rest = &s[end..];
        let rest = rest
            .strip_prefix('.')
            .or_else(|| rest.strip_prefix(')'))
            .unwrap_or(rest);
        if !rest.starts_with(char::is_whitespace) && !rest.is_empty() {
            return None;
        }
        (&s[..end], rest)
    };
    let n: u32 = num_str.trim().parse().ok()?;
    if n == 0 || n > 99 {
        return None;
    }
    let consumed = t.len() - rest.len();
    Some((n, consumed))
}

fn read_footnotes(record: &mut Record, segs: &[Segment], ps: &[Piece], cx: &mut Ctx) {
    let mut current: Option<(u32, Vec<Piece>)> = None;
    let mut done: Vec<(u32, Vec<Piece>)> = Vec::new();
    for p in ps {
        let t = &segs[p.seg].text[p.a..p.b];
        // Without a `Remarks:` title, the signature follows the last note directly.
        if t.to_ascii_lowercase().contains("/s/") {
            break;
        }
        if let Some((n, used)) = footnote_start(t) {
            if let Some(c) = current.take() {
                done.push(c);
            }
            cx.cover(segs[p.seg].src_span(p.a, p.a + used));
            current = Some((
                n,
                vec![Piece {
                    seg: p.seg,
                    a: p.a + used,
                    b: p.b,
                }],
            ));
        } else if let Some((_, v)) = current.as_mut() {
            v.push(*p);
        }
    }
    if let Some(c) = current.take() {
        done.push(c);
    }
    for (n, ps) in done {
        let text = crate::header::slot_text(segs, &ps);
        if text.is_empty() {
            continue;
        }
        cover_pieces(segs, &ps, cx);
        if record.footnotes.insert(FootnoteId(n), text).is_some() {
            cx.warn(
                WarningCode::Footnote,
                Some("footnotes"),
                &format!("footnote ({n}) is printed twice; the later text was kept"),
                None,
            );
        }
    }
}

fn read_remarks_and_signatures(
    record: &mut Record,
    segs: &[Segment],
    ps: &[Piece],
    has_remarks_label: bool,
    cx: &mut Ctx,
) {
    let text_of = |p: &Piece| segs[p.seg].text[p.a..p.b].trim().to_string();
    let is_date = |p: &Piece| only_date(&text_of(p)).is_some();
    let signed = |p: &Piece| {
        let t = text_of(p).to_ascii_lowercase();
        t.contains("/s/") || t.starts_with("s/ ")
    };
    // Signatures close the part: (name, date) pairs counted back from its end, or from
    // the first `/s/` line. What comes before them is the remarks.
    let mut sig_start = ps.len();
    let mut i = ps.len();
    while i >= 2 && is_date(&ps[i - 1]) && !is_date(&ps[i - 2]) {
        i -= 2;
        sig_start = i;
    }
    if let Some(k) = ps.iter().position(signed) {
        sig_start = sig_start.min(k);
    }
    let (remark_ps, sig_ps) = ps.split_at(sig_start);
    if has_remarks_label && !remark_ps.is_empty() {
        let text = crate::header::slot_text(segs, remark_ps);
        if !text.is_empty() {
            record.remarks = Some(text);
            cover_pieces(segs, remark_ps, cx);
        }
    }
    let mut sigs: Vec<Signature> = Vec::new();
    for p in sig_ps {
        let t = text_of(p);
        if t.eq_ignore_ascii_case("date") {
            cx.cover_label(segs[p.seg].src_span(p.a, p.b));
            continue;
        }
        if let Some(d) = only_date(&t) {
            if let Some(s) = sigs.last_mut().filter(|s| s.date.is_none()) {
                s.date = Some(d);
                cx.cover(segs[p.seg].src_span(p.a, p.b));
            }
            continue;
        }
        let (name, date) = split_signature_date(&t);
        match sigs.last_mut() {
            // A signature wrapped over several lines goes on until its date.
            Some(last) if !signed(p) && last.date.is_none() => {
                // An unreadable date (`14/25/20`) is not part of the name either.
                let datey = name
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'/' || b == b'-');
                if datey {
                    continue;
                }
                if !name.is_empty() {
                    let joined = match last.name.take() {
                        Some(n) => format!("{n} {name}"),
                        None => name,
                    };
                    last.name = Some(joined);
                }
                last.date = date;
            }
            _ => sigs.push(Signature {
                name: (!name.is_empty()).then_some(name),
                date,
            }),
        }
        cx.cover(segs[p.seg].src_span(p.a, p.b));
    }
    record.signatures = sigs;
}

/// The date written beside a signature, and the name without it.
///
/// `/s/ Jane Doe 09/02/2022` → name and date. A converter that lays the date over a
/// wrapped name glues it into the name where the line broke (`Attorney-in04/23/2014 fact`);
/// the wrap's dropped hyphen is put back (`Attorney-in-fact`).
fn split_signature_date(t: &str) -> (String, Option<form4_model::Date>) {
    let bytes = t.as_bytes();
    let mut i = 0;
    while i + 10 <= bytes.len() {
        let at_digit_start = i == 0 || !bytes[i - 1].is_ascii_digit();
        let at_digit_end = i + 10 == bytes.len() || !bytes[i + 10].is_ascii_digit();
        // `get` refuses a range that would cut a character in two.
        let cand = t.get(i..i + 10).filter(|_| at_digit_start && at_digit_end);
        if let Some(cand) = cand {
            if let Some(d) = values::parse_date(cand) {
                let before = &t[..i];
                let after = &t[i + 10..];
                let glued_before = before.chars().last().is_some_and(|c| c.is_alphabetic());
                let glued_after = after.chars().next().is_some_and(|c| c.is_alphabetic());
                // A date glued to the end of a word sits where the converter joined a
                // line that ended in a hyphen to the next, dropping the hyphen (a line
                // ending in a space gets one): `Attorney12/19/2012 In-Fact`.
                let joiner = if glued_before {
                    if before.ends_with('-') {
                        ""
                    } else {
                        "-"
                    }
                } else {
                    " "
                };
                let name = if glued_before || glued_after {
                    format!("{}{}{}", before.trim_end(), joiner, after.trim_start())
                } else {
                    format!("{} {}", before.trim_end(), after.trim_start())
                };
                return (clean_spaces(&name), Some(d));
            }
        }
        i += 1;
        while i < bytes.len() && !t.is_char_boundary(i) {
            i += 1;
        }
    }
    (clean_spaces(t), None)
}

/// A piece that is only a date (`09/02/2022`).
fn only_date(t: &str) -> Option<form4_model::Date> {
    values::parse_date(t.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_dates() {
        for (input, name, date) in [
            (
                "/s/ Jane Doe 09/02/2022",
                "/s/ Jane Doe",
                Some("2022-09-02"),
            ),
            (
                "/s/ Suzanne S. Taylor, 01/30/2020 attorney-in-fact",
                "/s/ Suzanne S. Taylor, attorney-in-fact",
                Some("2020-01-30"),
            ),
            (
                "Elisabeth F. Craig Attorney-in04/23/2014 fact for Kurt L. Schmoke",
                "Elisabeth F. Craig Attorney-in-fact for Kurt L. Schmoke",
                Some("2014-04-23"),
            ),
            (
                "/s/ John Roe, attorney02/13/2020 in-fact",
                "/s/ John Roe, attorney-in-fact",
                Some("2020-02-13"),
            ),
            (
                "/s/ Lora Blum, Attorney12/19/2012 In-Fact",
                "/s/ Lora Blum, Attorney-In-Fact",
                Some("2012-12-19"),
            ),
            (
                "/s/ Lora Blum, Attorney-In01/04/2013 Fact",
                "/s/ Lora Blum, Attorney-In-Fact",
                Some("2013-01-04"),
            ),
            ("/s/ No Date Here", "/s/ No Date Here", None),
            (
                "/s/ Zoë Ünal’s agent 01/02/2020 — ok",
                "/s/ Zoë Ünal’s agent — ok",
                Some("2020-01-02"),
            ),
            ("’’’’’’’’’’’’", "’’’’’’’’’’’’", None),
        ] {
            let (n, d) = split_signature_date(input);
            assert_eq!(
                (n.as_str(), d.map(|d| d.to_string())),
                (name, date.map(str::to_string)),
                "{input:?}"
            );
        }
    }

    #[test]
    fn attorney_in_fact_hyphens() {
        for (input, expected) in [
            (
                "/s/ A. Roe, Attorney-inFact for B",
                Some("/s/ A. Roe, Attorney-in-Fact for B"),
            ),
            (
                "/s/ A. Roe, Attorneyin-Fact",
                Some("/s/ A. Roe, Attorney-in-Fact"),
            ),
            (
                "/s/ A. Roe, attorney-infact; /s/ C. Poe, attorneyin-fact",
                Some("/s/ A. Roe, attorney-in-fact; /s/ C. Poe, attorney-in-fact"),
            ),
            ("/s/ A. Roe, Attorney-in-Fact", None),
            ("/s/ A. Roe, attorney in fact", None),
            ("Zoë, attorneyin-fact", Some("Zoë, attorney-in-fact")),
        ] {
            assert_eq!(
                restore_attorney_in_fact(input).as_deref(),
                expected,
                "{input:?}"
            );
        }
    }
}
