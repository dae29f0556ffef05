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

/// A check box printed outside the numbered boxes.
struct CheckBox {
    /// What its caption is found by: the first of these found is taken.
    labels: &'static [&'static str],
    /// A long caption's last words, up to which a mark among its words is the box's (see
    /// [`mark_in_caption`]).
    caption_end: Option<&'static str>,
    /// The record's field it fills.
    field: &'static str,
}

const NOT_SUBJECT: CheckBox = CheckBox {
    labels: &["Check this box if no longer subject to Section 16"],
    caption_end: Some("See Instruction 1(b)"),
    field: "not_subject_to_section16",
};
/// The 10b5-1 box (on forms since 2023). Its caption is long, and a converter reading the
/// page across puts the form's title, printed beside it, into its lines (`Check this box to
/// indicate that a **STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP** transaction was made
/// ...`): the caption is then found by its head.
const AFF_10B5_1: CheckBox = CheckBox {
    labels: &[
        "Check this box to indicate that a transaction was made pursuant to a contract",
        "Check this box to indicate that a",
    ],
    caption_end: Some("See Instruction 10"),
    field: "aff10b5one",
};
const FORM3_HOLDINGS: CheckBox = CheckBox {
    labels: &["Form 3 Holdings Reported"],
    caption_end: None,
    field: "form3_holdings_reported",
};
const FORM4_TRANSACTIONS: CheckBox = CheckBox {
    labels: &["Form 4 Transactions Reported"],
    caption_end: None,
    field: "form4_transactions_reported",
};

pub(crate) fn read(
    record: &mut Record,
    segs: &[Segment],
    stream: &Stream,
    parts: &Parts,
    end: Pos,
    ocr: bool,
    cx: &mut Ctx,
) {
    let start = Pos { seg: 0, byte: 0 };
    for p in PRINTED {
        for h in stream.find_label(segs, p, start, None) {
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
    record.not_subject_to_section16 =
        Some(checkbox(segs, stream, &NOT_SUBJECT, ocr, cx) == Some(true));
    record.aff10b5one = checkbox(segs, stream, &AFF_10B5_1, ocr, cx);
    if record.document_type.is_some_and(|t| t.form_number() == 5) {
        record.form3_holdings_reported =
            checkbox(segs, stream, &FORM3_HOLDINGS, ocr, cx).or(Some(false));
        record.form4_transactions_reported =
            checkbox(segs, stream, &FORM4_TRANSACTIONS, ocr, cx).or(Some(false));
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
        read_footnotes(record, segs, &pieces(segs, ex.end, stop), ocr, cx);
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
        // Only when the signature's caption comes after the label: a row holding the
        // caption too was cut across the signature's box and is no row of values.
        let mut ps = parts
            .remarks
            .filter(|r| parts.signature.is_some_and(|g| g.start > r.end))
            .map(|h| row_values_before(segs, h.start))
            .unwrap_or_default();
        ps.extend(pieces(segs, from, stop));
        read_remarks_and_signatures(record, segs, &ps, parts.remarks.is_some(), ocr, cx);
    }
    if let Some((d, span)) = date_after {
        if let Some(s) = record.signatures.last_mut().filter(|s| s.date.is_none()) {
            s.date = Some(d);
            cx.cover(span);
        }
    }
    drop_undated_repeats(&mut record.signatures, cx);
    // Every filing is signed (all 120 of the corpus's truths are): none read is a loss.
    if record.signatures.is_empty() {
        cx.warn(
            WarningCode::MissingPart,
            Some("signatures"),
            "no signature was read: every filing is signed, so its name and date were lost or not found",
            None,
        );
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

/// The plain text of the table row that holds the `Remarks` label, which reading order
/// put before the label (a row's values come before its bold captions, see
/// `text::reorder_row`): a signature printed to the right of the label in its row
/// (`**Remarks:**|||/s/ Jane Doe<br>01/02/2020`) is read after it, as it is printed.
fn row_values_before(segs: &[Segment], label: Pos) -> Vec<Piece> {
    let Some(pl) = segs.get(label.seg).map(|s| s.place) else {
        return Vec::new();
    };
    if !pl.in_table {
        return Vec::new();
    }
    let same_row =
        |s: &Segment| s.place.in_table && s.place.block == pl.block && s.place.row == pl.row;
    let mut first = label.seg;
    while first > 0 && same_row(&segs[first - 1]) {
        first -= 1;
    }
    (first..label.seg)
        .filter(|&s| !segs[s].bold() && !segs[s].text.trim().is_empty())
        .map(|s| Piece {
            seg: s,
            a: 0,
            b: segs[s].text.len(),
        })
        .collect()
}

/// A signature printed twice, once without its date (`<u>/s/ Jane Doe</u>` above
/// `<u>/s/ Jane Doe 01/02/2020</u>`): the undated copy is dropped. None of the corpus's
/// 160 signatures has the name of another of its filing; over the 720 renderings this
/// drops one signature (pymupdf4llm), a spurious one.
fn drop_undated_repeats(sigs: &mut Vec<Signature>, cx: &mut Ctx) {
    let dated: Vec<String> = sigs
        .iter()
        .filter(|s| s.date.is_some())
        .filter_map(|s| s.name.clone())
        .collect();
    let before = sigs.len();
    sigs.retain(|s| s.date.is_some() || s.name.as_ref().is_none_or(|n| !dated.contains(n)));
    if sigs.len() < before {
        cx.warn(
            WarningCode::Ambiguous,
            Some("signatures"),
            "a signature is printed twice, once with its date: the undated copy was dropped",
            None,
        );
    }
}

/// Whether `name`, a line of digits alone, is the year of a date spelled out in the
/// signature's name, the line before ending with its month and day (`… Trust dated
/// March 14,` / `2012`): over the 720 renderings, one such line, part of its name.
fn ends_spelled_date(prev: Option<&Line>, name: &str) -> bool {
    let year = name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit());
    let Some(prev) = prev.filter(|l| year && l.date.is_none()) else {
        return false;
    };
    let mut words = prev.name.split_whitespace().rev();
    let (Some(day), Some(month)) = (words.next(), words.next()) else {
        return false;
    };
    let day_ok = day
        .strip_suffix(',')
        .is_some_and(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()));
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    day_ok && MONTHS.contains(&month.to_lowercase().as_str())
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

/// `Some(true)` when a tick mark stands right before the box's caption (or, in exact text,
/// among a long caption's words), `Some(false)` when the caption is there without one,
/// `None` when the form has no such box.
fn checkbox(
    segs: &[Segment],
    stream: &Stream,
    b: &CheckBox,
    ocr: bool,
    cx: &mut Ctx,
) -> Option<bool> {
    let start = Pos { seg: 0, byte: 0 };
    let hit = b
        .labels
        .iter()
        .find_map(|l| stream.find_first(segs, &[l], start, None))?;
    cx.cover_hit(segs, hit);
    Some(
        tick_before(segs, hit, cx)
            || (!ocr
                && b.caption_end
                    .is_some_and(|end| mark_in_caption(segs, stream, hit, end, b.field, cx))),
    )
}

/// Whether one mark stands alone among the words of a checkbox's caption, from the
/// caption's found head (`hit`) up to its last words (`end`, within a few segments): a
/// converter that reads the page across may put the box's mark there. Exact text only
/// (OCR reads specks as marks). No other box's caption is printed inside one, so the mark
/// is the box's; it is read with a warning, as it was not where a mark stands. Two marks
/// there give no reading.
fn mark_in_caption(
    segs: &[Segment],
    stream: &Stream,
    hit: crate::labels::Hit,
    end: &str,
    field: &str,
    cx: &mut Ctx,
) -> bool {
    // The caption's lines run over a few segments at most.
    let to = Pos {
        seg: (hit.end.seg + 4).min(segs.len()),
        byte: 0,
    };
    let Some(end) = stream.find_first(segs, &[end], hit.start, Some(to)) else {
        return false;
    };
    let words = crate::header::piece_words(segs, &pieces(segs, hit.start, end.start));
    let marks: Vec<&Piece> = words
        .iter()
        .filter(|(w, _)| values::is_tick(w))
        .map(|(_, p)| p)
        .collect();
    let [p] = marks.as_slice() else {
        return false;
    };
    let span = segs[p.seg].src_span(p.a, p.b);
    cx.cover(span);
    cx.warn(
        WarningCode::Ambiguous,
        Some(field),
        "the box's mark was found among the words of its caption, where the converter put it, not before the caption",
        Some(span),
    );
    true
}

/// Whether the word before a checkbox's caption (in its segment, or the one before) is a
/// mark; the mark is covered.
fn tick_before(segs: &[Segment], hit: crate::labels::Hit, cx: &mut Ctx) -> bool {
    // The mark: the last word before the label in its segment, or the previous segment.
    let seg = &segs[hit.start.seg];
    let before = seg.text[..hit.start.byte].trim_end();
    let (word, seg_i, off) = if before.is_empty() {
        let Some(prev) = hit.start.seg.checked_sub(1) else {
            return false;
        };
        let t = segs[prev].text.trim_end();
        let w = t.split_whitespace().last().unwrap_or("");
        (w.to_string(), prev, t.len() - w.len())
    } else {
        let w = before.split_whitespace().last().unwrap_or("");
        (w.to_string(), hit.start.seg, before.len() - w.len())
    };
    if values::is_tick(&word) {
        cx.cover(segs[seg_i].src_span(off, off + word.len()));
        return true;
    }
    false
}

/// The bytes a Markdown quoted block's marker takes at the start of a line (`> `, with
/// the spaces around it), or 0.
fn quote_marker_len(t: &str) -> usize {
    let s = t.trim_start();
    match s.strip_prefix('>') {
        Some(r) => t.len() - r.trim_start().len(),
        None => 0,
    }
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

/// Where note `n` starts inside a text that runs on from the note before it: `n.` after
/// the end of a sentence (a period, or a quote closing one), before a capital or an
/// opening bracket (`… no expiration date. 2. The shares …`). OCR misreads the number's
/// period as a comma and loses the sentence's (`… OF THE UNIT. 4, THE RESTRICTED …`,
/// `… date 3, These shares …`): in OCR'd text `n,` counts too, after any word. Returns
/// the byte where the number starts and the bytes it takes.
fn next_note_start(t: &str, n: u32, ocr: bool) -> Option<(usize, usize)> {
    let marks: &[char] = if ocr { &['.', ','] } else { &['.'] };
    let mut best: Option<(usize, usize)> = None;
    for mark in marks {
        let num = format!("{n}{mark} ");
        let mut from = 0;
        while let Some(i) = t[from..].find(&num).map(|i| from + i) {
            from = i + num.len();
            let before = t[..i].trim_end();
            let spaced = before.len() < i;
            // A quoted block's marker (`> `) may start the note's line.
            let before = before.strip_suffix('>').map_or(before, |b| b.trim_end());
            let ends_sentence = before.ends_with(['.', '"', '\u{201d}'])
                || (ocr && (before.ends_with(',') || ends_unnumbering_word(before)));
            let after = t[i + num.len()..].trim_start();
            let opens = after
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '(');
            if spaced && ends_sentence && opens {
                let used = t.len() - i - after.len();
                if best.is_none_or(|(b, _)| i < b) {
                    best = Some((i, used));
                }
                break;
            }
        }
    }
    best
}

/// Note `n` opening a line with its period misread as a comma (`4, Each restricted stock
/// unit`), in OCR'd text: only the note due next, before a capital or a bracket (a line
/// that opens `4, 2020` goes on with a date). Returns the note's number and the bytes the
/// number takes.
fn comma_start(t: &str, n: u32) -> Option<(u32, usize)> {
    let s = t.trim_start();
    let rest = s.strip_prefix(n.to_string().as_str())?.strip_prefix(", ")?;
    let after = rest.trim_start();
    // The form's numbered boxes and columns, read among the notes out of order
    // (`1, Title | 2A. Deemed`), are no note.
    const BOX_HEADS: [&str; 16] = [
        "Title",
        "Name and",
        "Issuer Name",
        "Date of",
        "Transaction Date",
        "Transaction Code",
        "Relationship",
        "If Amendment",
        "Individual",
        "Securities Acquired",
        "Amount of",
        "Ownership Form",
        "Nature of",
        "Conversion or",
        "Date Exercisable",
        "Price of",
    ];
    let opens = after.starts_with(|c: char| c.is_uppercase() || c == '(');
    (opens && !BOX_HEADS.iter().any(|h| after.starts_with(h))).then(|| (n, t.len() - after.len()))
}

/// Whether a text ends with a word in small letters that numbers nothing: a number after
/// `footnote`, `Section` or `Class` is that word's, no note's.
fn ends_unnumbering_word(before: &str) -> bool {
    const NUMBERING: [&str; 16] = [
        "footnote",
        "footnotes",
        "note",
        "notes",
        "instruction",
        "instructions",
        "section",
        "rule",
        "item",
        "form",
        "class",
        "series",
        "paragraph",
        "exhibit",
        "page",
        "clause",
    ];
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    word.ends_with(|c: char| c.is_ascii_lowercase())
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !NUMBERING.contains(&word.to_ascii_lowercase().as_str())
}

/// `ocr`: whether the tables' text went through OCR (see `table::read_from_image`).
fn read_footnotes(record: &mut Record, segs: &[Segment], ps: &[Piece], ocr: bool, cx: &mut Ctx) {
    let mut current: Option<(u32, Vec<Piece>)> = None;
    let mut done: Vec<(u32, Vec<Piece>)> = Vec::new();
    // OCR'd text misreads what sets notes apart: their numbers' points, quote marks.
    let misread = ocr || cx.damaged;
    for p in ps {
        let t = &segs[p.seg].text[p.a..p.b];
        // Without a `Remarks:` title, the signature follows the last note directly.
        if t.to_ascii_lowercase().contains("/s/") {
            break;
        }
        let mut rest = *p;
        // A quoted block's marker (`> `) starts each of its lines: no text of a note. (Not
        // in OCR'd text, whose notes, read so, are more often misread than right.)
        let quote = if misread { 0 } else { quote_marker_len(t) };
        if quote > 0 {
            cx.cover(segs[p.seg].src_span(p.a, p.a + quote));
            rest.a = p.a + quote;
        }
        let t = &t[quote..];
        let next = current.as_ref().map_or(1, |(n, _)| n + 1);
        let start = footnote_start(t).or_else(|| misread.then(|| comma_start(t, next)).flatten());
        if let Some((n, used)) = start {
            if let Some(c) = current.take() {
                done.push(c);
            }
            cx.cover(segs[p.seg].src_span(rest.a, rest.a + used));
            rest.a += used;
            current = Some((n, Vec::new()));
        }
        let Some((mut n, mut v)) = current.take() else {
            continue;
        };
        // Notes run into one line: the next note starts where its number follows the end
        // of a sentence.
        while let Some((at, used)) =
            next_note_start(&segs[p.seg].text[rest.a..rest.b], n + 1, misread)
        {
            v.push(Piece {
                seg: p.seg,
                a: rest.a,
                b: rest.a + at,
            });
            done.push((n, std::mem::take(&mut v)));
            cx.cover(segs[p.seg].src_span(rest.a + at, rest.a + at + used));
            rest.a += at + used;
            n += 1;
        }
        v.push(rest);
        current = Some((n, v));
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
    ocr: bool,
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
    // Found only by its misread marks, the signature's name is as misread: its dates are
    // read, its names left empty.
    let mut misread = false;
    if ocr {
        if let Some(k) = ps.iter().position(|p| misread_signature_line(&text_of(p))) {
            misread = k < sig_start;
            sig_start = sig_start.min(k);
        }
    }
    // Unsigned, undated apart: the line right above the caption, when it holds a date, is
    // the signature line (`Jane Doe 01/07/2020`).
    if sig_start == ps.len() {
        if let Some(last) = ps.last() {
            let (name, date) = split_signature_date(&text_of(last));
            if date.is_some() && !name.is_empty() {
                sig_start = ps.len() - 1;
            }
        }
    }
    // A signature begins before the line found above when that line's table goes on
    // upwards (a name wrapped over the rows of a signature table) or when the line before
    // runs on into it (`Jane Doe,` / `Attorney-in-Fact`).
    let table_of = |p: &Piece| {
        let place = segs[p.seg].place;
        place.in_table.then_some(place.block)
    };
    while sig_start > 0 && sig_start < ps.len() {
        let (prev, first) = (&ps[sig_start - 1], &ps[sig_start]);
        let same_table = table_of(first).is_some() && table_of(prev) == table_of(first);
        let prev_text = text_of(prev);
        if !same_table && !prev_text.ends_with([',', '-']) && !ends_with_by(&prev_text) {
            break;
        }
        sig_start -= 1;
    }
    let (remark_ps, sig_ps) = ps.split_at(sig_start);
    if has_remarks_label && !remark_ps.is_empty() {
        let text = crate::header::slot_text(segs, remark_ps);
        if ocr && !text.is_empty() && signature_in_remarks(&text) {
            cx.warn(
                WarningCode::Unreadable,
                Some("remarks"),
                &format!(
                    "the text read as remarks in OCR'd text holds a signature's marks (`/s/`, \
                     `By:`, `attorney-in-fact`): the signatures read out of order; left out: \
                     `{text}`"
                ),
                None,
            );
        } else if ocr && !text.is_empty() && misread_remarks(&text) {
            cx.warn(
                WarningCode::Unreadable,
                Some("remarks"),
                &format!(
                    "the text read as remarks in OCR'd text holds the form's print or opens \
                     like a footnote: text of other parts, out of order; left out: `{text}`"
                ),
                None,
            );
        } else if !text.is_empty() && !only_printed(&text) {
            record.remarks = Some(text);
            cover_pieces(segs, remark_ps, cx);
        }
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut skip_to = 0;
    for (i, p) in sig_ps.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        let t = text_of(p);
        if t.eq_ignore_ascii_case("date") {
            cx.cover_label(segs[p.seg].src_span(p.a, p.b));
            continue;
        }
        let row = row_of(segs, p);
        if !ocr && lines.is_empty() {
            if let Some((end, each)) = prose_signatures(&sig_ps[i..], &text_of, segs) {
                let run = &sig_ps[i..i + end];
                lines.extend(each.into_iter().map(|(name, d)| Line {
                    ps: run.to_vec(),
                    name,
                    date: Some(d),
                    row: None,
                    whole: true,
                }));
                skip_to = i + end;
                continue;
            }
        }
        if let Some(d) = only_date(&t) {
            // The date column's cell beside a line of the name belongs to that line.
            match lines.last_mut() {
                Some(last) if last.date.is_none() && row.is_some() && last.row == row => {
                    last.date = Some(d);
                    last.ps.push(*p);
                }
                _ => lines.push(Line {
                    ps: vec![*p],
                    name: String::new(),
                    date: Some(d),
                    row,
                    whole: false,
                }),
            }
            continue;
        }
        let dates = embedded_dates(&t);
        if let Some(each) = (dates.len() > 1).then(|| split_at_slash_s(&t)).flatten() {
            // Each signature opens with its `/s/` and holds one date: where one ends and
            // the next begins is sure.
            lines.extend(each.into_iter().map(|(name, d)| Line {
                ps: vec![*p],
                name,
                date: Some(d),
                row,
                whole: false,
            }));
            continue;
        }
        if dates.len() > 1 {
            // Several signatures run into one line (`/s/ A 01/02/2020 /s/ B 01/02/2020`):
            // their dates are sure, where one name ends and the next begins is not.
            cx.warn(
                WarningCode::Ambiguous,
                Some("signatures.name"),
                &format!(
                    "{} signatures' dates are printed in one line of names; the names were \
                     left empty",
                    dates.len()
                ),
                Some(segs[p.seg].src_span(p.a, p.b)),
            );
            lines.extend(dates.into_iter().map(|d| Line {
                ps: Vec::new(),
                name: String::new(),
                date: Some(d),
                row,
                whole: false,
            }));
            continue;
        }
        let (name, date) = split_signature_date(&t);
        // An unreadable date (`14/25/20`) is not part of a name either.
        let datey = name
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'/' || b == b'-');
        if datey && date.is_none() && !ends_spelled_date(lines.last(), &name) {
            continue;
        }
        lines.push(Line {
            ps: vec![*p],
            name,
            date,
            row,
            whole: false,
        });
    }
    // A line that opens with `/s/` begins a signature; a name wrapped over several lines
    // goes on until the next one, whatever dates it holds.
    let mut groups: Vec<&[Line]> = Vec::new();
    let mut from = 0;
    for j in 1..lines.len() {
        let told_apart = lines[j - 1].whole || lines[j].whole;
        if told_apart || opens_signature(&lines[j - 1].name, &lines[j].name) {
            groups.push(&lines[from..j]);
            from = j;
        }
    }
    if from < lines.len() {
        groups.push(&lines[from..]);
    }
    // Read from an image, the owners' names are as misread as the signatures'.
    let owners: Vec<String> = if ocr {
        Vec::new()
    } else {
        record
            .reporting_owners
            .iter()
            .filter_map(|o| o.name.as_deref())
            .map(squash)
            .collect()
    };
    let mut sigs: Vec<Signature> = Vec::new();
    for g in groups {
        for (block, known) in split_by_dates(g, !ocr, &owners) {
            let date = block.iter().find_map(|l| l.date);
            let name = join_name(block);
            if known || name.is_empty() {
                for l in block {
                    cover_pieces(segs, &l.ps, cx);
                }
            } else {
                // Only the date is sure; the name's lines stay unmapped.
                for l in block.iter().filter(|l| l.date.is_some()) {
                    for p in &l.ps {
                        if only_date(&text_of(p)).is_some() {
                            cx.cover(segs[p.seg].src_span(p.a, p.b));
                        }
                    }
                }
                cx.warn(
                    WarningCode::Ambiguous,
                    Some("signatures.name"),
                    &format!(
                        "where the signature dated {} begins or ends among the wrapped lines \
                         of the names is not clear; its name was left empty",
                        date.map_or_else(|| "?".to_string(), |d| d.to_string())
                    ),
                    None,
                );
            }
            if misread && !name.is_empty() {
                cx.warn(
                    WarningCode::Unreadable,
                    Some("signatures.name"),
                    &format!(
                        "the signature `{name}` of OCR'd text was told from the remarks only \
                         by a date or a `/s/` as OCR misreads them: its name, as misread, was \
                         left empty"
                    ),
                    None,
                );
                // Neither name nor date: the warning says all there is.
                if date.is_none() {
                    continue;
                }
            }
            sigs.push(Signature {
                name: (known && !misread && !name.is_empty()).then_some(name),
                date,
            });
        }
    }
    record.signatures = sigs;
}

/// A line of OCR'd text that holds a signature's `/s/` or date as OCR misreads them
/// (`ls/ Jane Doe`, `{s/Jane Doe`, `Jane Doe 0212/2020`, `97/2929`): a word that opens
/// with at most one character before `s/`, or a word of digits and slashes holding six
/// digits or more.
fn misread_signature_line(t: &str) -> bool {
    t.split_whitespace().any(|w| {
        let slash_s = misread_slash_s(w);
        let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        let dated = w.contains('/')
            && w.bytes().all(|b| b.is_ascii_digit() || b == b'/')
            && w.bytes().filter(u8::is_ascii_digit).count() >= 6;
        slash_s || dated
    })
}

/// A word that opens with `/s/` as OCR misreads it (`ls/`, `{s/`, `s/`): at most one
/// character before `s/`.
fn misread_slash_s(w: &str) -> bool {
    w.char_indices()
        .find(|&(_, c)| c == 's')
        .is_some_and(|(i, _)| w[i..].starts_with("s/") && w[..i].chars().count() <= 1)
}

/// Remarks of OCR'd text that hold a signature's marks, as OCR reads them: `/s/` (`‘s/`),
/// `By:` or `attorney-in-fact` (`Attomey- in-Fact`). Of the corpus's 120 truths one
/// remark names an attorney-in-fact, and its OCR renderings are all misread; over its OCR
/// renderings this leaves out 22 wrong or spurious remarks and no right one.
fn signature_in_remarks(text: &str) -> bool {
    let low = text.to_lowercase();
    text.split_whitespace().any(misread_slash_s)
        || low.contains("by:")
        || low.contains("in-fact")
        || low.contains("in- fact")
        || low.contains("-in-")
}

/// Remarks of OCR'd text that are text of other parts read out of order: they hold the
/// form's own print (`Reminder:`, `(First)`, `Table I -`, `Signature of Reporting`), or
/// open with a footnote's number (`1.`, `4)`), as no remark of the corpus's 120 truths
/// does. In the
/// corpus's OCR renderings this leaves out 39 remarks, all wrong or spurious, and none of
/// the 12 read right.
fn misread_remarks(text: &str) -> bool {
    // Phrases of the form's own print that no remark's prose holds (a remark may well
    // mention `Table I`, `Form 4` or the Commission, so those alone are not enough).
    const PRINT: [&str; 24] = [
        "reminder:",
        "(first)",
        "(middle)",
        "(last)",
        "(street)",
        "(zip)",
        "(city)",
        "(state)",
        "table i -",
        "table ii -",
        "table | -",
        "table il -",
        "explanation of responses",
        "persons who respond",
        "omb number",
        "omb approval",
        "form: direct",
        "issuer name and",
        "(instr.",
        "(month/day/year)",
        "signature of reporting",
        "relationship of reporting",
        "date of earliest",
        "name and address of",
    ];
    let low = text.to_lowercase();
    let printed = PRINT.iter().any(|p| low.contains(p));
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let numbered =
        (1..=2).contains(&digits) && t[digits..].trim_start().starts_with(['.', ',', ')']);
    printed || numbered
}

/// A line of the signature part: a name's line, its date, or both.
struct Line {
    ps: Vec<Piece>,
    name: String,
    date: Option<form4_model::Date>,
    /// The table row it was printed in (block, row), if any.
    row: Option<(usize, usize)>,
    /// A whole signature, told apart from its neighbours already.
    whole: bool,
}

/// Whether a remarks text holds nothing but the form's own print: its section titles and
/// the notes under them ([`PRINTED`]), which a converter that reads the titles twice (in
/// a table beside the signature and again below it) leaves between the `Remarks:` title
/// and the end. In the corpus, one pymupdf4llm rendering's remarks were all such print;
/// none of the 120 truths' remarks holds any of it.
fn only_printed(text: &str) -> bool {
    let mut rest = squash(text);
    for p in PRINTED
        .iter()
        .chain(&["Explanation of Responses", "Remarks"])
    {
        rest = rest.replace(&squash(p), "");
    }
    rest.is_empty()
}

fn row_of(segs: &[Segment], p: &Piece) -> Option<(usize, usize)> {
    let place = segs[p.seg].place;
    place.in_table.then_some((place.block, place.row))
}

/// A line's last word.
fn last_word(line: &str) -> &str {
    line.trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// A line's last word without its full stops, lower-cased.
fn last_word_lower(line: &str) -> String {
    last_word(line).trim_end_matches('.').to_ascii_lowercase()
}

/// Words and marks that a signature's line cannot end with: the signature goes on.
fn runs_on(line: &str) -> bool {
    let t = line.trim_end();
    if t.ends_with([',', ';', ':', '-', '&']) {
        return true;
    }
    matches!(
        last_word_lower(t).as_str(),
        "by" | "its" | "of" | "the" | "and" | "for" | "as" | "to" | "on" | "in" | "/s/"
    )
}

fn signed_start(line: &str) -> bool {
    let t = line.trim_start().to_ascii_lowercase();
    t.starts_with("/s/") || t.starts_with("s/ ")
}

fn opens_signature(prev: &str, line: &str) -> bool {
    signed_start(line) && !runs_on(prev)
}

/// How likely a signature begins at `line` after `prev`, from the words alone.
///
/// `titles`: a line ending in a signer's title closes a signature, one ending in a middle
/// initial does not. Not for text read from an image, where lines of neighbouring
/// signatures run into one another.
fn start_cue(prev: &str, line: &str, titles: bool) -> i32 {
    let mut cue = 0;
    if signed_start(line) {
        cue += 3;
    }
    if line.trim_start().starts_with(char::is_lowercase) {
        cue -= 3;
    }
    if runs_on(prev) || (titles && ends_with_initial(prev)) {
        cue -= 3;
    } else if titles && ends_with_title(prev) {
        cue += 1;
    }
    cue
}

/// A middle initial (`/s/ Jane Q.`): the signer's surname is on the next line.
fn ends_with_initial(line: &str) -> bool {
    let mut chars = last_word(line).chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    )
}

/// A signer's capacity closes a signature (`/s/ Jane Doe, President`). Roles an entity
/// holds for another (`its general partner`, `its manager`) are left out: a chain of
/// them goes on (`By: ..., its manager, By: /s/ ...`).
fn ends_with_title(line: &str) -> bool {
    matches!(
        last_word_lower(line).as_str(),
        "president"
            | "director"
            | "officer"
            | "member"
            | "secretary"
            | "treasurer"
            | "counsel"
            | "attorney-in-fact"
            | "person"
            | "trustee"
            | "board"
            | "signatory"
            | "department"
    )
}

/// A line ending in `By:` (`By :`): the signer acting for the entity named before it is
/// on the next line.
fn ends_with_by(line: &str) -> bool {
    let t = line.trim_end();
    let t = t.strip_suffix(':').unwrap_or(t).trim_end();
    let word = last_word(t);
    matches!(word, "By" | "BY") && t.len() > word.len()
}

/// `By`, `By:` or `BY:`, the word that puts a signer under the entity named before it.
/// Capitalised only: `by power of attorney` is no such word.
fn is_by(word: &str) -> bool {
    matches!(word.strip_suffix(':').unwrap_or(word), "By" | "BY")
}

/// Whether a signature begins at `words[j]` of signatures run together as text: the word
/// opens with `/s/` after a word that does not run on, or the words up to the next `By`
/// name an entity ([`names_entity`]) right after a word that closes a signer's title
/// (`… General Counsel Acme Fund, L.P., By: /s/ …`).
fn prose_start(words: &[&str], j: usize) -> bool {
    let (Some(prev), Some(&w)) = (j.checked_sub(1).map(|k| words[k]), words.get(j)) else {
        return false;
    };
    if runs_on(prev) {
        return false;
    }
    if signed_start(w) {
        return true;
    }
    ends_with_title(prev) && names_entity(&words[j..])
}

/// Whether `words` open with an entity's name followed by `By`: capitalised, a few words
/// long, holding no `/s/` and no caption (`Title:`). `by` in any case counts: a signature
/// beginning at a word that is no start makes the split ambiguous rather than missed.
fn names_entity(words: &[&str]) -> bool {
    const ENTITY_WORDS: usize = 12;
    if !words
        .first()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return false;
    }
    let by = |w: &str| w.trim_end_matches(':').eq_ignore_ascii_case("by");
    let Some(k) = words.iter().take(ENTITY_WORDS + 1).position(|w| by(w)) else {
        return false;
    };
    k > 0
        && words[..k]
            .iter()
            .all(|w| !w.to_ascii_lowercase().contains("/s/") && !w.ends_with(':'))
}

/// Signatures run together as text (picture text read across the page: each date follows
/// the words of the line it is printed beside): one per date, each taking the words from
/// where it begins ([`prose_start`]) to where the next begins. `None` unless exactly one
/// signature begins between each two dates and none before the first or after the last,
/// so that every signature holds one date.
fn split_prose(text: &str) -> Option<Vec<(String, form4_model::Date)>> {
    let mut words: Vec<&str> = Vec::new();
    // (words before the date, the date)
    let mut dates: Vec<(usize, form4_model::Date)> = Vec::new();
    for w in text.split_whitespace() {
        match only_date(w) {
            Some(d) => dates.push((words.len(), d)),
            None => words.push(w),
        }
    }
    // A date glued to a word is not where a line ended.
    if dates.len() < 2 || embedded_dates(text).len() != dates.len() || dates[0].0 == 0 {
        return None;
    }
    // The first signature, too, must open as one: text before it would join its name.
    let first = words.first().is_some_and(|w| signed_start(w)) || names_entity(&words);
    if !first {
        return None;
    }
    let starts: Vec<usize> = (1..words.len())
        .filter(|&j| prose_start(&words, j))
        .collect();
    // The date after a line's words belongs to the signature those words are part of:
    // a signature beginning right after date `k` leaves it to the one before.
    let mut bounds = vec![0];
    for k in 0..dates.len() {
        let lo = dates[k].0;
        let hi = dates.get(k + 1).map_or(words.len(), |d| d.0);
        let here: Vec<usize> = starts
            .iter()
            .copied()
            .filter(|&j| j >= lo && j < hi)
            .collect();
        let want = usize::from(k + 1 < dates.len());
        if here.len() != want {
            return None;
        }
        bounds.extend(here);
    }
    if starts.iter().any(|&j| j < dates[0].0) {
        return None;
    }
    bounds.push(words.len());
    let out: Vec<(String, form4_model::Date)> = bounds
        .windows(2)
        .zip(&dates)
        .map(|(b, &(_, d))| (words[b[0]..b[1]].join(" "), d))
        .collect();
    Some(out)
}

/// Signatures run together as text at the start of `ps`: the run of lines outside tables
/// holding several dates, one inside a line of words (a line of several that
/// [`split_at_slash_s`] tells apart is left to it), split by [`split_prose`]. The run's
/// length and its signatures; `None` unless the run ends a signature (its last word closes
/// a title) where lines follow and the next line begins one.
fn prose_signatures(
    ps: &[Piece],
    text_of: &dyn Fn(&Piece) -> String,
    segs: &[Segment],
) -> Option<(usize, Vec<(String, form4_model::Date)>)> {
    let end = ps
        .iter()
        .position(|p| row_of(segs, p).is_some())
        .unwrap_or(ps.len());
    let texts: Vec<String> = ps[..end].iter().map(text_of).collect();
    // Dates inside lines of words, not in a column of their own: each follows the
    // words of its line, and lines of one signature may hold another's date.
    let dates: usize = texts.iter().map(|t| embedded_dates(t).len()).sum();
    let inside = texts.iter().any(|t| {
        let n = embedded_dates(t).len();
        n > 0 && only_date(t).is_none() && (n == 1 || split_at_slash_s(t).is_none())
    });
    if dates < 2 || !inside {
        return None;
    }
    let joined = texts.join(" ");
    let each = split_prose(&joined)?;
    if let Some(next) = ps.get(end) {
        let next = text_of(next);
        let words: Vec<&str> = joined
            .split_whitespace()
            .chain(next.split_whitespace())
            .filter(|w| only_date(w).is_none())
            .collect();
        let at = joined
            .split_whitespace()
            .filter(|w| only_date(w).is_none())
            .count();
        let closed = words
            .get(at.wrapping_sub(1))
            .is_some_and(|w| ends_with_title(w));
        if !closed || !prose_start(&words, at) {
            return None;
        }
    }
    Some((end, each))
}

/// Letters and digits alone, lower-cased.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `text` opens with the name of one of the filing's reporting persons (`owners`,
/// squashed) followed by `By`: a joint filing's reporting person that is an entity signs
/// through a person, `Acme Fund, L.P., By: /s/ …`.
fn opens_with_owner(text: &str, owners: &[String]) -> bool {
    owners.iter().filter(|o| o.len() >= 4).any(|owner| {
        let mut got = String::new();
        for (i, c) in text.char_indices() {
            if got.len() >= owner.len() {
                if c.is_alphanumeric() || got != *owner {
                    return false;
                }
                let rest = text[i..].trim_start_matches([',', ';', ' ']);
                return rest.split_whitespace().next().is_some_and(is_by);
            }
            if c.is_alphanumeric() {
                got.extend(c.to_lowercase());
                if !owner.starts_with(got.as_str()) {
                    return false;
                }
            }
        }
        false
    })
}

/// Splits a run of lines holding several dates into one signature per date.
///
/// Joint filings print each signer's name wrapped over several lines, its date beside
/// them, centred: a block of `n` lines has its date on line `(n - 1) / 2` (either middle
/// line when `n` is even). Between two dates, the boundary that keeps every block centred
/// and best fits the words (`/s/` opens a signature, a line ending in `By:` or a comma
/// does not close one) wins. Each block comes with `true` when its boundaries are the same
/// in every best split, `false` when another split is as good (its name is then not sure).
fn split_by_dates<'a>(
    lines: &'a [Line],
    titles: bool,
    owners: &[String],
) -> Vec<(&'a [Line], bool)> {
    let dates: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].date.is_some())
        .collect();
    if dates.len() < 2 {
        return vec![(lines, true)];
    }
    let n = lines.len();
    let m = dates.len();
    let same_row = |a: usize, b: usize| lines[a].row.is_some() && lines[a].row == lines[b].row;
    // A date in a table row stands beside all of the row's lines: any of them can be the
    // one it is level with.
    let row_range = |d: usize| {
        let mut lo = d;
        while lo > 0 && same_row(lo - 1, d) {
            lo -= 1;
        }
        let mut hi = d;
        while hi + 1 < n && same_row(hi + 1, d) {
            hi += 1;
        }
        (lo, hi)
    };
    let centred = |s: usize, e: usize, d: usize| -> i32 {
        // Block lines s..e, its date beside line d.
        let (lo, hi) = row_range(d);
        let len = e - s;
        let level = (lo.max(s)..=hi.min(e.saturating_sub(1))).any(|k| {
            let k = 2 * (k - s);
            k + 2 >= len && k <= len
        });
        if level {
            0
        } else {
            -2
        }
    };
    // A table row is one band of the page: a signature rarely ends inside one.
    // A reporting person's name followed by `By` opens its signature, wrapped or not.
    let owner_at = |j: usize| {
        let text: Vec<&str> = lines[j..].iter().take(3).map(|l| l.name.as_str()).collect();
        opens_with_owner(&text.join(" "), owners)
    };
    let cue = |j: usize| {
        start_cue(&lines[j - 1].name, &lines[j].name, titles)
            - if same_row(j - 1, j) { 3 } else { 0 }
            + if titles && owner_at(j) { 2 } else { 0 }
    };
    // Boundary i (start of block i + 1) lies in dates[i] + 1 ..= dates[i + 1].
    // fwd[i][b]: best score of blocks 0..=i with block i ending at b.
    let cands: Vec<Vec<usize>> = (0..m - 1)
        .map(|i| (dates[i] + 1..=dates[i + 1]).collect())
        .collect();
    let mut fwd: Vec<Vec<i32>> = Vec::with_capacity(m - 1);
    for i in 0..m - 1 {
        let row: Vec<i32> = cands[i]
            .iter()
            .map(|&b| {
                let best_prev = if i == 0 {
                    centred(0, b, dates[0])
                } else {
                    cands[i - 1]
                        .iter()
                        .zip(&fwd[i - 1])
                        .filter(|(&a, _)| a <= dates[i])
                        .map(|(&a, &f)| f + centred(a, b, dates[i]))
                        .max()
                        .unwrap_or(i32::MIN / 2)
                };
                best_prev + cue(b)
            })
            .collect();
        fwd.push(row);
    }
    // bwd[i][b]: best score of blocks i + 1.. given block i + 1 starts at b.
    let mut bwd: Vec<Vec<i32>> = vec![Vec::new(); m - 1];
    for i in (0..m - 1).rev() {
        bwd[i] = cands[i]
            .iter()
            .map(|&b| {
                if i == m - 2 {
                    centred(b, n, dates[m - 1])
                } else {
                    cands[i + 1]
                        .iter()
                        .zip(&bwd[i + 1])
                        .map(|(&c, &g)| g + cue(c) + centred(b, c, dates[i + 1]))
                        .max()
                        .unwrap_or(i32::MIN / 2)
                }
            })
            .collect();
    }
    let total = |i: usize, j: usize| fwd[i][j] + bwd[i][j];
    let best = (0..cands[0].len()).map(|j| total(0, j)).max().unwrap_or(0);
    // Each boundary: its place when only one is in a best split, else `None`.
    let bounds: Vec<(usize, bool)> = (0..m - 1)
        .map(|i| {
            let opt: Vec<usize> = (0..cands[i].len())
                .filter(|&j| total(i, j) == best)
                .map(|j| cands[i][j])
                .collect();
            match opt.as_slice() {
                [b] => (*b, true),
                // Not sure: the block boundary is put right after the date.
                _ => (dates[i] + 1, false),
            }
        })
        .collect();
    let mut out = Vec::with_capacity(m);
    let mut s = 0;
    let mut sure_start = true;
    for (b, sure) in bounds {
        out.push((&lines[s..b], sure_start && sure));
        s = b;
        sure_start = sure;
    }
    out.push((&lines[s..], sure_start));
    out
}

/// The name's lines joined; a line ending in a hyphen after a letter was wrapped there
/// (`Attorney-` / `in-Fact`).
fn join_name(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        let t = l.name.trim();
        if t.is_empty() {
            continue;
        }
        let wrapped = out
            .strip_suffix('-')
            .and_then(|r| r.chars().last())
            .is_some_and(char::is_alphabetic);
        if !out.is_empty() && !wrapped {
            out.push(' ');
        }
        out.push_str(t);
    }
    clean_spaces(&out)
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

/// Every date written in a line of signatures, in order.
fn embedded_dates(t: &str) -> Vec<form4_model::Date> {
    let mut out = Vec::new();
    let mut rest = t.to_string();
    while let (name, Some(d)) = split_signature_date(&rest) {
        out.push(d);
        rest = name;
    }
    out
}

/// A line of several signatures run together, each opening with its `/s/` and holding
/// one date (`/s/ A, attorney for 01/02/2020 Jo Roe /s/ A, attorney for 01/02/2020 Roe
/// Trust`: the date, printed beside each name's first line, read into it): each
/// signature's name without its date, and the date. `None` unless the line opens with
/// `/s/` and every part holds exactly one date and a name.
fn split_at_slash_s(t: &str) -> Option<Vec<(String, form4_model::Date)>> {
    let t = t.trim();
    let lower = t.to_ascii_lowercase();
    let starts: Vec<usize> = lower.match_indices("/s/").map(|(i, _)| i).collect();
    if starts.first() != Some(&0) || starts.len() < 2 {
        return None;
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &a) in starts.iter().enumerate() {
        let b = starts.get(k + 1).copied().unwrap_or(t.len());
        let part = t.get(a..b)?;
        if embedded_dates(part).len() != 1 {
            return None;
        }
        let (name, date) = split_signature_date(part);
        let date = date?;
        if name.trim_start_matches("/s/").trim().is_empty() {
            return None;
        }
        out.push((name, date));
    }
    Some(out)
}

/// A piece that is only a date (`09/02/2022`).
fn only_date(t: &str) -> Option<form4_model::Date> {
    values::parse_date(t.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// OCR'd remarks holding the form's print or opening like a footnote are text of other
    /// parts.
    #[test]
    fn remarks_of_other_parts() {
        let cases = [
            ("Exhibit 24 - Power of Attorney", false),
            (
                "Executed pursuant to the Limited Power of Attorney dated 1/2/2020",
                false,
            ),
            ("Reminder: Report on a separate line for each class", true),
            (
                "Jane Roe, Attorney-in-Fact Signature of Reporting Person",
                true,
            ),
            ("1. Includes shares held in the plan.", true),
            ("> 4) Represents units granted", true),
            ("(First) (Middle) Table | Form: Direct", true),
            ("24 Alex", false),
        ];
        for (text, want) in cases {
            assert_eq!(misread_remarks(text), want, "{text}");
        }
    }

    /// OCR'd remarks holding a signature's marks are the signatures read out of order.
    #[test]
    fn remarks_holding_a_signature() {
        let cases = [
            ("\u{2018}s/ Jane Roe, by Tess Vale", true),
            ("Arvus Partners, L.P., By:Arvus GP", true),
            ("Jane Roe, Attomey- in-Fact for Tess Vale", true),
            ("Exhibit List: Exhibit 24 - Power of Attorney", false),
            (
                "Executed pursuant to the Limited Power of Attorney dated October 13, 2005.",
                false,
            ),
            ("Shares sold as reported on 10/2/2020 by the trust", false),
        ];
        for (text, want) in cases {
            assert_eq!(signature_in_remarks(text), want, "{text}");
        }
    }

    /// OCR's misreads of a signature's `/s/` and date still mark a signature's line.
    #[test]
    fn misread_signature_lines() {
        let cases = [
            ("ls/ Jane Q. Roe,", true),
            ("{s/Jane Q. Roe", true),
            // One character, however many bytes it takes.
            ("\u{2018}s/ Jane Q. Roe", true),
            ("ass/ Jane Q. Roe", false),
            ("Attorney-in-Fact for 0212/2020", true),
            ("Jane Q. Roe 97/2929 =", true),
            ("/s/ Jane Q. Roe", true),
            (
                "Effective March 30, 2020, the Reporting Person resigned.",
                false,
            ),
            ("Exhibit 24 - Power of Attorney", false),
            ("Shares sold under a 10b5-1 plan adopted 3/5", false),
            ("Units vest 1/3 each year", false),
            ("costs/expenses", false),
        ];
        for (line, want) in cases {
            assert_eq!(misread_signature_line(line), want, "{line}");
        }
    }

    /// In OCR'd text the signature found by its misread marks ends the remarks; its date
    /// is read, its name (as misread) left empty.
    #[test]
    fn a_misread_signature_is_no_remark() {
        let text = "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL 0WNERSHIP\n\n\
            1. Name and Address of Reportmg Person* DOE JANE 2. Issuer Name and Ticker or Trading Symbo1 EXAMPLE CORP [EXM]\n\n\
            Tabie I - Non-Derivative Securities Acquired, Disposed of, or Beneficially 0wned\n\n\
            Common Stock 01/02/2020 S 100 D $1.00 900 D\n\n\
            Tabie II - Derivative Securities Acquired, Disposed of, or Beneficially 0wned\n\n\
            Explanation of Responses:\nRemarks:\nls/ Jane Q. Roe,\nAttorney-in-Fact 01/03/2020\n\
            ** Signature of Reporting Person Date\n";
        let doc = form4_grammar::parse(text).expect("the grammar takes any text");
        let record = crate::normalize(&doc).expect("a form");
        assert_eq!(record.remarks, None);
        let sigs: Vec<(Option<&str>, Option<String>)> = record
            .signatures
            .iter()
            .map(|s| (s.name.as_deref(), s.date.map(|d| d.to_string())))
            .collect();
        assert_eq!(sigs, [(None, Some("2020-01-03".to_string()))]);
    }

    /// Signatures run into one line are told apart at their `/s/` when each holds one
    /// date.
    #[test]
    fn signatures_run_together_split_at_their_marks() {
        let two = "/s/ Ann Lee, attorney for 05/26/2011 Jo Roe /s/ Ann Lee, attorney for the Roe Family 05/27/2011 Trust dated May 2, 2009";
        for (line, want) in [
            (
                two,
                Some(vec![
                    ("/s/ Ann Lee, attorney for Jo Roe", "2011-05-26"),
                    (
                        "/s/ Ann Lee, attorney for the Roe Family Trust dated May 2, 2009",
                        "2011-05-27",
                    ),
                ]),
            ),
            // A name before the first mark, or a part without its own date: no split.
            (
                "Roe Fund, By: /s/ Ann Lee 05/26/2011 /s/ Jo Roe 05/26/2011",
                None,
            ),
            ("/s/ Ann Lee 05/26/2011 05/27/2011 /s/ Jo Roe", None),
            ("/s/ Ann Lee 05/26/2011", None),
        ] {
            let got = split_at_slash_s(line).map(|v| {
                v.into_iter()
                    .map(|(n, d)| (n, d.to_string()))
                    .collect::<Vec<_>>()
            });
            let want = want.map(|v| {
                v.into_iter()
                    .map(|(n, d)| (n.to_string(), d.to_string()))
                    .collect::<Vec<_>>()
            });
            assert_eq!(got, want, "{line}");
        }
        // In a document: two signatures with their names, not two dates alone.
        let text = format!(
            "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
            | 1. Name and Address of Reporting Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\n\
            Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
            Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
            **Remarks:**\n\n<u>{two}</u> ** Signature of Reporting Person Date\n"
        );
        let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
        let record = crate::normalize(&doc).expect("a form");
        let names: Vec<Option<&str>> = record
            .signatures
            .iter()
            .map(|s| s.name.as_deref())
            .collect();
        assert_eq!(
            names,
            [
                Some("/s/ Ann Lee, attorney for Jo Roe"),
                Some("/s/ Ann Lee, attorney for the Roe Family Trust dated May 2, 2009")
            ]
        );
    }

    /// A signature printed twice, once undated, is kept once, with its date.
    #[test]
    fn undated_repeats_of_a_signature() {
        let sig = |n: Option<&str>, d: Option<&str>| Signature {
            name: n.map(String::from),
            date: d.map(|d| d.parse().expect("a date")),
        };
        type Case<'a> = (&'a [(Option<&'a str>, Option<&'a str>)], usize);
        let cases: &[Case] = &[
            (
                &[
                    (Some("/s/ Jane Roe"), None),
                    (Some("/s/ Jane Roe"), Some("2020-01-02")),
                ],
                1,
            ),
            (
                &[
                    (Some("/s/ Jane Roe"), Some("2020-01-02")),
                    (Some("/s/ Jane Roe"), None),
                ],
                1,
            ),
            (
                &[
                    (Some("/s/ Jane Roe"), None),
                    (Some("/s/ John Roe"), Some("2020-01-02")),
                ],
                2,
            ),
            (&[(None, Some("2020-01-02")), (None, Some("2020-01-02"))], 2),
            (
                &[(Some("/s/ Jane Roe"), None), (Some("/s/ Jane Roe"), None)],
                2,
            ),
        ];
        for (sigs, want) in cases {
            let mut v: Vec<Signature> = sigs.iter().map(|&(n, d)| sig(n, d)).collect();
            let mut cx = Ctx::new("");
            drop_undated_repeats(&mut v, &mut cx);
            assert_eq!(v.len(), *want, "{sigs:?}");
            assert!(v.iter().any(|s| s.date.is_some()) || sigs.iter().all(|s| s.1.is_none()));
        }
    }

    /// A year alone on a line ends a date spelled out in the name's line before it.
    #[test]
    fn a_year_that_ends_a_spelled_date() {
        let line = |name: &str, date: Option<&str>| Line {
            ps: Vec::new(),
            name: name.to_string(),
            date: date.map(|d| d.parse().expect("a date")),
            row: None,
            whole: false,
        };
        let cases: &[(&str, Option<&str>, &str, bool)] = &[
            ("Bluefin Living Trust dated March 14,", None, "2012", true),
            ("Bluefin Living Trust dated march 3,", None, "2011", true),
            (
                "Bluefin Living Trust dated March 14,",
                Some("2011-05-18"),
                "2012",
                false,
            ),
            ("Bluefin Living Trust dated March 14", None, "2012", false),
            (
                "Bluefin Living Trust dated Octobre 27,",
                None,
                "2012",
                false,
            ),
            ("Bluefin Living Trust dated March 14,", None, "20121", false),
            ("Bluefin Living Trust dated March 14,", None, "05/18", false),
        ];
        for &(prev, date, name, want) in cases {
            let p = line(prev, date);
            assert_eq!(ends_spelled_date(Some(&p), name), want, "{prev} / {name}");
        }
        assert!(!ends_spelled_date(None, "2012"));
    }

    /// A signature printed to the right of the `Remarks` label in the label's table row
    /// is read; a row that holds the signature's caption too is not, and the record
    /// says no signature was read.
    #[test]
    fn a_signature_in_the_remarks_row() {
        type Sig<'a> = (Option<&'a str>, Option<&'a str>);
        let cases: &[(&str, &[Sig])] = &[
            (
                "|**Explanation of Responses:**<br>**Remarks:**|||BLUEFIN TRUST COMPANY,<br>by:<br>/s/ Jane Q. Roe<br>11/13/2020|\n|---|---|---|---|\n||||** Signature of Reporting Person<br>Date|\n",
                &[(
                    Some("BLUEFIN TRUST COMPANY, by: /s/ Jane Q. Roe"),
                    Some("2020-11-13"),
                )],
            ),
            (
                "|**Explanation of Responses:**<br>**Remarks:**|||/s/ Jane Q. Roe<br>** Signature of Reporting Person|11/13/2020<br>Date|\n|---|---|---|---|---|\n",
                &[],
            ),
        ];
        for &(tail, want) in cases {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                | 1. Name and Address of Reporting Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\n\
                Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n{tail}"
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            let got: Vec<(Option<&str>, Option<String>)> = record
                .signatures
                .iter()
                .map(|s| (s.name.as_deref(), s.date.map(|d| d.to_string())))
                .collect();
            let want: Vec<(Option<&str>, Option<String>)> = want
                .iter()
                .map(|&(n, d)| (n, d.map(String::from)))
                .collect();
            assert_eq!(got, want, "{tail:?}");
            // A filing of which no signature was read says so.
            let warned = record.diagnostics.warnings.iter().any(|w| {
                w.field.as_deref() == Some("signatures") && w.message.starts_with("no signature")
            });
            assert_eq!(warned, want.is_empty(), "{tail:?}");
        }
    }

    /// The 10b5-1 box's caption with the form's title read into its lines is found by its
    /// head; in exact text one mark among its words is its box's.
    #[test]
    fn a_10b5_1_caption_with_the_title_read_into_it() {
        const CAPTION: &str = "Check this box to indicate that a STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP transaction was made pursuant to a contract, instruction or written plan for {mark} the purchase or sale of equity securities of the issuer that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10.";
        for (mark, before, want) in [
            ("X", "", Some(true)),
            ("☒", "", Some(true)),
            ("", "", Some(false)),
            ("", "X ", Some(true)),
            // Two marks: neither is known to be the box's.
            ("X X", "", Some(false)),
        ] {
            let text = format!(
                "FORM 4\n\n{before}{}\n\n\
                 | 1. Name and Address of Reporting Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n",
                CAPTION.replace("{mark}", mark)
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            assert_eq!(record.aff10b5one, want, "{mark:?} {before:?}");
        }
    }

    /// The mark of the Section 16 box among its caption's words is its box's, in exact
    /// text; two marks there, or none, leave it unticked.
    #[test]
    fn a_section_16_mark_among_its_captions_words() {
        for (caption, want) in [
            ("Check this box if no longer subject to ☒ Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).", true),
            ("X Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).", true),
            ("Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).", false),
            ("Check this box if no longer subject to ☒ Section 16. Form 4 or Form 5 X obligations may continue. See Instruction 1(b).", false),
        ] {
            let text = format!(
                "FORM 4\n\n{caption}\n\n\
                 | 1. Name and Address of Reporting Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            assert_eq!(record.not_subject_to_section16, Some(want), "{caption}");
        }
    }

    /// Notes in a quoted block (`> 1. …`): the marker starts no note's text, on a note's
    /// first line or on a line it runs on to.
    #[test]
    fn notes_in_a_quoted_block() {
        for (t, want) in [
            ("> 1. The", 2),
            (" >  x", 4),
            (">", 1),
            ("1. The", 0),
            ("a > b", 0),
        ] {
            assert_eq!(quote_marker_len(t), want, "{t:?}");
        }
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "> 1. The first note.\n\n> 2. The second note.\n\n",
                &[("F1", "The first note."), ("F2", "The second note.")],
            ),
            (
                "> 1. The first note\n\n> runs on. 2. The second note.\n\n",
                &[
                    ("F1", "The first note runs on."),
                    ("F2", "The second note."),
                ],
            ),
        ];
        for &(notes, want) in cases {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                | 1. Name and Address of Reporting Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\n\
                Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                ## **Explanation of Responses:**\n\n{notes}Remarks:\n"
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            let got: Vec<(String, &str)> = record
                .footnotes
                .iter()
                .map(|(k, v)| (k.to_string(), v.as_str()))
                .collect();
            let want: Vec<(String, &str)> = want.iter().map(|&(k, v)| (k.to_string(), v)).collect();
            assert_eq!(got, want, "{notes:?}");
        }
    }

    /// In OCR'd text a line opening `n,` opens note `n` when it is the one due, before
    /// a capital or a bracket, and not one of the form's numbered boxes.
    #[test]
    fn a_note_opening_with_a_misread_comma() {
        for (line, due, want) in [
            ("4, Each restricted stock unit", 4, Some((4, 3))),
            ("  (continued) 2, (Continued from footnote 1)", 2, None),
            ("2, (Continued from footnote 1)", 2, Some((2, 3))),
            ("4, 2020 the shares vest", 4, None),
            ("3, Each", 4, None),
            ("1, Title | 2A. Deemed", 1, None),
            ("1, Name and Address of Reporting Person", 1, None),
            ("4. Each", 4, None),
        ] {
            assert_eq!(comma_start(line, due), want, "{line:?}");
        }
    }

    /// Notes run into one line are split where the next note's number follows the end of
    /// a sentence; a number inside a sentence is not a note's.
    #[test]
    fn notes_run_into_one_line() {
        for (text, n, want) in [
            (
                "has no expiration date. 2. The shares are held",
                2,
                Some("2. The shares are held"),
            ),
            ("a price of $12. 2. Includes", 2, Some("2. Includes")),
            (
                "in (iii) above). 3. (Continued) text",
                3,
                Some("3. (Continued) text"),
            ),
            ("is set forth in footnote 2. The shares", 2, None),
            ("a 2. the lower case", 2, None),
            ("the end. 3. The next but one", 2, None),
            ("ten.2. Glued", 2, None),
            // Column headings OCR read among the notes: a bracket ends no sentence.
            ("Title of Security (Instr. 3) 2. Transaction", 2, None),
            ("the \"Fund.\" 2. Held by", 2, Some("2. Held by")),
        ] {
            let got = next_note_start(text, n, false).map(|(at, _)| &text[at..]);
            assert_eq!(got, want, "{text:?}");
            // OCR'd text reads all of these alike.
            let got = next_note_start(text, n, true).map(|(at, _)| &text[at..]);
            assert_eq!(got, want, "{text:?} (OCR)");
        }
        // OCR misreads the number's period as a comma, and loses the sentence's: after a
        // comma or a word, not after a word that numbers things or a bracket.
        for (text, n, want) in [
            (
                "OF THE UNIT. 4, THE RESTRICTED",
                4,
                Some("4, THE RESTRICTED"),
            ),
            (
                "matching contributions 4, Each unit",
                4,
                Some("4, Each unit"),
            ),
            (
                "liquidation, 5, These warrants",
                5,
                Some("5, These warrants"),
            ),
            (
                "therein. 2, Securities owned",
                2,
                Some("2, Securities owned"),
            ),
            ("as set forth in footnote 2, The shares", 2, None),
            ("under Section 3, The", 3, None),
            ("on December 4, 2020 The", 4, None),
            ("Security (Instr. 3) 2, Transaction", 2, None),
            ("therein. 3, These shares", 2, None),
        ] {
            let got = next_note_start(text, n, true).map(|(at, _)| &text[at..]);
            assert_eq!(got, want, "{text:?}");
            if text.contains(", ") && want.is_some_and(|w| w.contains(',')) {
                assert_eq!(next_note_start(text, n, false), None, "{text:?} (digital)");
            }
        }
        let record = {
            let text = "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                | 1. Name and Address of Reporting Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\n\
                Explanation of Responses:\n\n\
                1. The first note. 2. The second note. 3. The third, as in footnote 2. Still third.\n\n\
                Remarks:\n";
            let doc = form4_grammar::parse(text).expect("the grammar takes any text");
            crate::normalize(&doc).expect("a form")
        };
        let notes: Vec<(String, &str)> = record
            .footnotes
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_str()))
            .collect();
        assert_eq!(
            notes,
            [
                ("F1".to_string(), "The first note."),
                ("F2".to_string(), "The second note."),
                (
                    "F3".to_string(),
                    "The third, as in footnote 2. Still third."
                ),
            ]
        );
    }

    /// A note ending with a number right before the `Remarks:` title keeps it: the title
    /// has no number of its own.
    #[test]
    fn a_number_ending_the_last_note_stays_with_it() {
        for (last, want) in [
            (
                "2. Reported on the Reporting Person's Form 3. **Remarks:**",
                "Reported on the Reporting Person's Form 3.",
            ),
            (
                "2. Reported on May 1, 2019. **Remarks:**",
                "Reported on May 1, 2019.",
            ),
            ("2. Reported late.\n\n**Remarks:**", "Reported late."),
        ] {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                | 1. Name and Address of Reporting Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\n\
                Explanation of Responses:\n\n\
                1. The first note.\n\n{last} None.\n"
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            let got = record.footnotes.get(&FootnoteId(2)).map(String::as_str);
            assert_eq!(got, Some(want), "{last:?}");
        }
    }

    /// Remarks that are only the form's print (titles and notes read twice) are no remarks;
    /// a filer's remark among them is kept.
    #[test]
    fn remarks_of_only_printed_text_are_none() {
        for (text, want) in [
            (
                "Explanation of Responses: Remarks: Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly. Note: File three copies of this Form, one of which must be manually signed.",
                true,
            ),
            ("Remarks: _See_ 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).", true),
            (
                "Remarks: Exhibit 24 - Power of Attorney. Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.",
                false,
            ),
            ("Form 3 of the Reporting Person.", false),
        ] {
            assert_eq!(only_printed(text), want, "{text:?}");
        }
    }

    /// Lines of a joint filing's signatures, one per row, `*` marking the line its date
    /// is printed beside; the names each date's signature gets.
    #[test]
    fn signatures_split_by_dates() {
        let initial: &[&str] = &[
            "Acme Partners L.P., By: Acme Inc., its",
            "*general partner, By: /s/ Jane Q.",
            "Roe, Managing Partner",
            "Acme Fund, L.P., By:",
            "*Acme Partners L.P., its manager,",
            "By: /s/ Jane Q. Roe, Managing Partner",
        ];
        let title: &[&str] = &[
            "Beta GP LLC, By: Beta",
            "*HOLDINGS LLC, its sole member,",
            "By: /s/ Jane Roe, Chief",
            "Executive Officer",
            "Gamma Fund II, L.P., By:",
            "Beta Partners L.P., its investment",
            "*manager, By: Beta Inc., its general",
            "partner, By: /s/ Jane Roe,",
            "President",
            "Delta GP LLC, By: Beta",
            "HOLDINGS LLC, its sole member,",
            "*By: /s/ Jane Roe, Chief",
            "Executive Officer",
        ];
        type Case<'a> = (&'a [&'a str], bool, &'a [Option<&'a str>]);
        let cases: &[Case] = &[
            (
                initial,
                true,
                &[
                    Some("Acme Partners L.P., By: Acme Inc., its general partner, By: /s/ Jane Q. Roe, Managing Partner"),
                    Some("Acme Fund, L.P., By: Acme Partners L.P., its manager, By: /s/ Jane Q. Roe, Managing Partner"),
                ],
            ),
            (
                title,
                true,
                &[
                    Some("Beta GP LLC, By: Beta HOLDINGS LLC, its sole member, By: /s/ Jane Roe, Chief Executive Officer"),
                    Some("Gamma Fund II, L.P., By: Beta Partners L.P., its investment manager, By: Beta Inc., its general partner, By: /s/ Jane Roe, President"),
                    Some("Delta GP LLC, By: Beta HOLDINGS LLC, its sole member, By: /s/ Jane Roe, Chief Executive Officer"),
                ],
            ),
            // Read from an image, the words do not settle where a signature ends.
            (title, false, &[None, None, None]),
        ];
        for (rows, titles, want) in cases {
            let date = only_date("01/02/2020");
            let lines: Vec<Line> = rows
                .iter()
                .map(|r| Line {
                    ps: Vec::new(),
                    name: r.trim_start_matches('*').to_string(),
                    date: if r.starts_with('*') { date } else { None },
                    row: None,
                    whole: false,
                })
                .collect();
            let got: Vec<Option<String>> = split_by_dates(&lines, *titles, &[])
                .into_iter()
                .map(|(block, known)| known.then(|| join_name(block)))
                .collect();
            let want: Vec<Option<String>> = want.iter().map(|w| w.map(str::to_string)).collect();
            assert_eq!(got, want, "{rows:?}");
        }
    }

    /// Signatures run together as text, each date after the words of the line it is
    /// printed beside: one per date when exactly one signature begins between each two
    /// dates, none before the first or after the last.
    #[test]
    fn signatures_run_together_as_text() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            (
                "ORCHID HOLDINGS 03/04/2021 CORP. By: Name: Ann Lee, Title: Director and \
                 President TULIP TRUST CO. By: Name: Bo Kim, Title: Chief 03/04/2021 Financial \
                 Officer and General Counsel IRIS LLC By: Name: Cy 03/05/2021 Roe, Title: \
                 Secretary",
                Some(&[
                    "ORCHID HOLDINGS CORP. By: Name: Ann Lee, Title: Director and President",
                    "TULIP TRUST CO. By: Name: Bo Kim, Title: Chief Financial Officer and General Counsel",
                    "IRIS LLC By: Name: Cy Roe, Title: Secretary",
                ]),
            ),
            (
                "Orchid Corp., By : /s/ Ann Lee, Head of 03/04/2021 Tax Department Tulip \
                 Partners Limited, By : 03/04/2021 /s/ Bo Kim, General Counsel Iris Fund L.P., \
                 By : /s/ Tulip Partners 03/04/2021 Limited, its Manager, By : /s/ Bo Kim, \
                 General Counsel",
                Some(&[
                    "Orchid Corp., By : /s/ Ann Lee, Head of Tax Department",
                    "Tulip Partners Limited, By : /s/ Bo Kim, General Counsel",
                    "Iris Fund L.P., By : /s/ Tulip Partners Limited, its Manager, By : /s/ Bo Kim, General Counsel",
                ]),
            ),
            (
                "/s/ Ann Lee, President 03/04/2021 /s/ Bo Kim, 03/04/2021 Director",
                Some(&["/s/ Ann Lee, President", "/s/ Bo Kim, Director"]),
            ),
            // No title closes the first signature: where the next begins is not sure.
            (
                "Orchid Corp., By: /s/ Ann Lee, Head of Tax 03/04/2021 Tulip LLC By: /s/ Bo \
                 Kim, Manager 03/04/2021",
                None,
            ),
            // Three signatures begin, two dates.
            (
                "Orchid Corp. By: /s/ Ann Lee, President 03/04/2021 Tulip LLC By: /s/ Bo Kim, \
                 Director Iris LLC By: /s/ Cy Roe, Director 03/04/2021",
                None,
            ),
            // A signature begins before the first date: the first holds no date.
            (
                "Orchid Corp. By: /s/ Ann Lee, President Tulip LLC By: /s/ Bo Kim 03/04/2021 \
                 Director 03/04/2021",
                None,
            ),
            // Two places a signature may begin between two dates, one of them a `by`.
            (
                "Orchid Corp. By: /s/ Ann Lee, President 03/04/2021 Tulip Trust by its \
                 trustee /s/ Bo Kim, Trustee 03/04/2021",
                None,
            ),
            // Text before the first signature that does not open like one.
            (
                "Exhibit 24: Orchid Corp., By: /s/ Ann Lee, President 03/04/2021 Tulip LLC By: \
                 /s/ Bo Kim, Director 03/04/2021",
                None,
            ),
            // A date glued to a word, a date before any word, a single date.
            (
                "Orchid Corp. By: /s/ Ann Lee, President03/04/2021 Tulip LLC By: /s/ Bo Kim, \
                 Director 03/04/2021",
                None,
            ),
            (
                "03/04/2021 Orchid Corp. By: /s/ Ann Lee, President Tulip LLC By: /s/ Bo Kim, \
                 Director 03/04/2021",
                None,
            ),
            ("Orchid Corp. By: /s/ Ann Lee, President 03/04/2021", None),
        ];
        for (text, want) in cases {
            let got: Option<Vec<String>> =
                split_prose(text).map(|v| v.into_iter().map(|(n, _)| n).collect());
            let want: Option<Vec<String>> = want.map(|w| w.iter().map(|n| n.to_string()).collect());
            assert_eq!(got, want, "{text}");
        }
        let dates: Vec<String> = split_prose(cases[0].0)
            .unwrap_or_default()
            .into_iter()
            .map(|(_, d)| d.to_string())
            .collect();
        assert_eq!(dates, ["2021-03-04", "2021-03-04", "2021-03-05"]);
    }

    /// In a document: the first line of signatures run together as text, ending in `By:`,
    /// is the first signature's, not a remark; a table of signatures after a run of them
    /// is read as before.
    #[test]
    fn signatures_run_together_in_a_document() {
        let form = |sigs: &str| {
            format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                | 1. Name and Address of Reporting Person* ORCHID CORP | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\n\
                Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                **Remarks:**\n\n{sigs}"
            )
        };
        let cases: &[(&str, &[&str])] = &[
            (
                "<u>ORCHID HOLDINGS 03/04/2021 CORP. By:</u>\n\n\
                <u>Name: Ann Lee, Title: President TULIP LLC By: Name: Bo Kim, Title: 03/04/2021 \
                Secretary</u> ** Signature of Reporting Person Date\n",
                &[
                    "ORCHID HOLDINGS CORP. By: Name: Ann Lee, Title: President",
                    "TULIP LLC By: Name: Bo Kim, Title: Secretary",
                ],
            ),
            (
                "<u>Orchid Corp., By : /s/ Ann Lee, Chief 03/04/2021 Executive Officer Tulip \
                LLC, By : /s/ Bo Kim, 03/04/2021 Director</u>\n\n\
                |Iris Fund, L.P., By<br>: /s/ Cy Roe, Director|03/04/2021|\n|---|---|\n\
                |** Signature of Reporting Person|Date|\n",
                &[
                    "Orchid Corp., By : /s/ Ann Lee, Chief Executive Officer",
                    "Tulip LLC, By : /s/ Bo Kim, Director",
                    "Iris Fund, L.P., By : /s/ Cy Roe, Director",
                ],
            ),
        ];
        for (sigs, want) in cases {
            let text = form(sigs);
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            assert_eq!(record.remarks, None, "{sigs}");
            let names: Vec<Option<&str>> = record
                .signatures
                .iter()
                .map(|s| s.name.as_deref())
                .collect();
            let want: Vec<Option<&str>> = want.iter().map(|w| Some(*w)).collect();
            assert_eq!(names, want, "{sigs}");
        }
    }

    /// A reporting person's name followed by `By` opens a signature, wrapped or not, in
    /// any case and spacing.
    #[test]
    fn signatures_open_with_an_owner() {
        let owners = [squash("ORCHID VALUE FUND, LP"), squash("Bo Kim")];
        for (text, want) in [
            ("Orchid Value Fund, LP, By: /s/ Bo Kim", true),
            ("Orchid Value Fund LP By /s/ Bo Kim", true),
            ("ORCHID VALUE FUND, LP; BY: /s/ Bo Kim", true),
            // Not followed by `By`, cut inside a word, not at the start.
            ("Orchid Value Fund, LP /s/ Bo Kim", false),
            ("Orchid Value Fund, LPX, By: /s/ Bo Kim", false),
            ("The Orchid Value Fund, LP, By: /s/ Bo Kim", false),
            ("Bo Kim", false),
        ] {
            assert_eq!(opens_with_owner(text, &owners), want, "{text}");
        }
        // Between two signatures of a table, equally centred and no word telling, the
        // owner's name says where the second begins.
        let rows = [
            (0, "*/s/ Bo Kim"),
            (1, "Orchid Value"),
            (2, "Fund, LP, By: /s/ Bo Kim,"),
            (2, "*Managing Member of Orchid"),
            (3, "Tulip Partners, LLC"),
        ];
        let date = only_date("03/04/2021");
        let lines: Vec<Line> = rows
            .iter()
            .map(|&(row, r)| Line {
                ps: Vec::new(),
                name: r.trim_start_matches('*').to_string(),
                date: if r.starts_with('*') { date } else { None },
                row: Some((0, row)),
                whole: false,
            })
            .collect();
        for (owners, want) in [
            (
                &owners[..],
                [
                    Some("/s/ Bo Kim"),
                    Some("Orchid Value Fund, LP, By: /s/ Bo Kim, Managing Member of Orchid Tulip Partners, LLC"),
                ],
            ),
            (&[][..], [None, None]),
        ] {
            let got: Vec<Option<String>> = split_by_dates(&lines, true, owners)
                .into_iter()
                .map(|(block, known)| known.then(|| join_name(block)))
                .collect();
            let want: Vec<Option<String>> = want.iter().map(|w| w.map(str::to_string)).collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn signature_dates() {
        for (input, name, date) in [
            (
                "/s/ Jane Doe 09/02/2022",
                "/s/ Jane Doe",
                Some("2022-09-02"),
            ),
            (
                "/s/ Rosalind S. Tavner, 01/30/2020 attorney-in-fact",
                "/s/ Rosalind S. Tavner, attorney-in-fact",
                Some("2020-01-30"),
            ),
            (
                "Annabeth F. Crane Attorney-in04/23/2014 fact for Kent L. Smollet",
                "Annabeth F. Crane Attorney-in-fact for Kent L. Smollet",
                Some("2014-04-23"),
            ),
            (
                "/s/ John Roe, attorney02/13/2020 in-fact",
                "/s/ John Roe, attorney-in-fact",
                Some("2020-02-13"),
            ),
            (
                "/s/ Lena Brum, Attorney12/19/2012 In-Fact",
                "/s/ Lena Brum, Attorney-In-Fact",
                Some("2012-12-19"),
            ),
            (
                "/s/ Lena Brum, Attorney-In01/04/2013 Fact",
                "/s/ Lena Brum, Attorney-In-Fact",
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
