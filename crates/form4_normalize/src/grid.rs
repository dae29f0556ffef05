//! Header rows of a grid that cuts across the form's boxes.
//!
//! Some converters (pymupdf4llm) lay a grid of their own over the header and cut each box
//! at its column lines: every cell holds a piece of the box's label and, below it after a
//! `<br>`, a piece of its value (`2. Issuer<br>HYSTE | Name and Ticker o<br>R-YALE MATE |
//! r Trading Sy<br>RIALS H`). Read cell by cell, label and value pieces alternate and
//! neither can be found. Read line by line across the cells, the label is whole again.
//!
//! So a row is regrouped when a box label, read line by line, spans several cells: the
//! cells from that label's first cell up to the next label's first cell are its box; the
//! label's pieces come first, then the box's other pieces, line by line, each line's
//! pieces joined into one segment. The joins are logged as repairs, since where a cut fell
//! on a space the converter dropped it and the space is inferred (see [`needs_space`]).
//! Boxes of check marks (5 and 6) keep their pieces in their order: their labels and ticks
//! are found by themselves.

use form4_model::RepairKind;

use crate::ctx::Ctx;
use crate::header;
use crate::labels::{tolerance, Pos, Stream};
use crate::text::{ascii_letters, squashed_len, Segment};
use crate::values;

/// The tail of box 5's two-line captions (`Officer (give title` / `below)`).
const CAPTION_TAIL: &str = "below)";

/// Labels that open a box in a header row, and the field a box of text fills (none for
/// boxes of check marks).
fn box_labels() -> Vec<(&'static str, Option<&'static str>)> {
    let mut out: Vec<(&'static str, Option<&'static str>)> = vec![
        (header::NAME_BOX, Some("reporting_owners.name")),
        (header::ISSUER_BOX, Some("issuer")),
        (header::AMEND_BOX, Some("date_of_original_submission")),
        (header::REL_BOX, None),
        (header::JOINT_BOX, None),
    ];
    // The check boxes' own captions end a box of text before them; so do the tails of
    // box 5's two-line captions, in a row of their own (`3. Date of | Earliest … | X |
    // below)`): the mark before a tail is box 5's.
    out.extend(header::tick_captions().map(|l| (l, None)));
    out.push((CAPTION_TAIL, None));
    out.extend(
        header::PERIOD_BOXES
            .iter()
            .map(|&l| (l, Some("period_of_report"))),
    );
    out
}

/// Regroups every header row whose boxes the converter's grid cut (see the module's
/// documentation); other segments are left as they are.
pub(crate) fn regroup_cut_rows(segs: Vec<Segment>, cx: &mut Ctx) -> Vec<Segment> {
    let labels = box_labels();
    let mut out = Vec::with_capacity(segs.len());
    let mut row: Vec<Segment> = Vec::new();
    let flush = |row: &mut Vec<Segment>, out: &mut Vec<Segment>, cx: &mut Ctx| match regroup_row(
        row, &labels, cx,
    ) {
        Some(new) => {
            out.extend(new);
            row.clear();
        }
        None => out.append(row),
    };
    for s in segs {
        let same_row = row.first().is_some_and(|r| {
            r.place.in_table && r.place.block == s.place.block && r.place.row == s.place.row
        });
        if !same_row {
            flush(&mut row, &mut out, cx);
        }
        row.push(s);
    }
    flush(&mut row, &mut out, cx);
    out
}

/// One box of a cut row: its first cell, the row's pieces of its label (indices into the
/// row) and the field its text value fills (none for a box of check marks).
struct Found {
    first_cell: usize,
    label_pieces: Vec<usize>,
    field: Option<&'static str>,
}

fn regroup_row(
    row: &[Segment],
    labels: &[(&'static str, Option<&'static str>)],
    cx: &mut Ctx,
) -> Option<Vec<Segment>> {
    let first = row.first()?;
    if !first.place.in_table {
        return None;
    }
    // Only a row of cells holding several lines can be cut this way.
    let mut multi: Vec<usize> = row
        .iter()
        .filter(|s| s.place.piece > 0)
        .map(|s| s.place.cell)
        .collect();
    multi.dedup();
    if multi.len() < 2 {
        return None;
    }
    // The row read line by line: the k-th line of every cell, left to right.
    let mut order: Vec<usize> = (0..row.len()).collect();
    order.sort_by_key(|&i| (row[i].place.piece, row[i].place.cell, i));
    let lines: Vec<Segment> = order.iter().map(|&i| row[i].clone()).collect();
    let stream = Stream::new(&lines);
    let start = Pos { seg: 0, byte: 0 };
    let mut found: Vec<Found> = Vec::new();
    let mut cut = false;
    for &(label, field) in labels {
        let k = tolerance(label);
        for hit in stream.find(&lines, label, start, None, k) {
            let last = if hit.end.byte == 0 {
                hit.end.seg.saturating_sub(1)
            } else {
                hit.end.seg
            };
            let label_pieces: Vec<usize> = (hit.start.seg..=last.min(lines.len() - 1))
                .filter(|&n| {
                    // A piece is the label's when the label takes its letters: not a piece
                    // of punctuation, nor one that lends a letter or two at an edge of an
                    // approximate match (`Symbol | elationship` read as `lelationship`, or
                    // `E] | elationship` as `eelationship`).
                    let t = &lines[n].text;
                    let (a, b) = (
                        if n == hit.start.seg {
                            hit.start.byte
                        } else {
                            0
                        },
                        if n == hit.end.seg {
                            hit.end.byte
                        } else {
                            t.len()
                        },
                    );
                    let taken = squashed_len(&t[a.min(b)..b]);
                    let whole = squashed_len(t);
                    let edge = n == hit.start.seg || n == hit.end.seg;
                    taken > 0 && (taken > k || taken == whole && (hit.cost == 0 || !edge))
                })
                .map(|n| order[n])
                .collect();
            // A tail ends a box only where it stands alone in its piece: one after its
            // head (`title below)`) is found with the head, and would pull the head's
            // pieces out of their order.
            if label == CAPTION_TAIL
                && label_pieces
                    .iter()
                    .any(|&i| ascii_letters(&row[i].text) != "below")
            {
                continue;
            }
            // Box 1's title ends with a footnote's asterisk (`Reporting Person*`), which a
            // cut can put alone in the next cell of the title's line: the title's, not a
            // piece of the value below it.
            let mut label_pieces = label_pieces;
            let tail = label_pieces
                .iter()
                .max_by_key(|&&i| (row[i].place.piece, row[i].place.cell))
                .map(|&i| row[i].place);
            if let Some(t) = tail {
                label_pieces.extend((0..row.len()).filter(|&i| {
                    let p = row[i].place;
                    p.piece == t.piece && p.cell == t.cell + 1 && row[i].text.trim() == "*"
                }));
            }
            let cells: Vec<usize> = label_pieces.iter().map(|&i| row[i].place.cell).collect();
            let Some(&first_cell) = cells.iter().min() else {
                continue;
            };
            cut |= cells.iter().any(|&c| c != first_cell);
            found.push(Found {
                first_cell,
                label_pieces,
                field,
            });
        }
    }
    if !cut {
        return None;
    }
    found.sort_by_key(|f| f.first_cell);
    found.dedup_by_key(|f| f.first_cell);

    let is_label = |i: usize| found.iter().any(|f| f.label_pieces.contains(&i));
    let mut used = vec![false; row.len()];
    let mut out: Vec<Segment> = Vec::with_capacity(row.len());
    // Cells before the first box keep their order.
    for (i, s) in row.iter().enumerate() {
        if s.place.cell < found[0].first_cell {
            used[i] = true;
            out.push(s.clone());
        }
    }
    // Pieces the box before handed over: the number that opens this box's label, and the
    // pieces under it (the value's first letters, printed under the number).
    let mut number: Option<usize> = None;
    let mut handed: Vec<usize> = Vec::new();
    for (k, f) in found.iter().enumerate() {
        let end_cell = found.get(k + 1).map_or(usize::MAX, |n| n.first_cell);
        let next_starts_with_dot = found
            .get(k + 1)
            .and_then(|n| n.label_pieces.first())
            .is_some_and(|&i| row[i].text.starts_with('.'));
        // The pieces of the box's cells that no label took, in cell order, up to a box
        // number (`5. R`, or `2` cut from its dot) in the last cell: that opens the next
        // box. A box number with more text (`2. Date of Eve`) opens a box whose label was
        // not found whole: it and the rest of the cells are kept apart, line by line, so
        // the label reads whole in the text.
        let mut own: Vec<usize> = std::mem::take(&mut handed);
        let mut next_number: Option<usize> = None;
        let mut region: Vec<usize> = Vec::new();
        let mut opened: Option<(usize, usize)> = None; // (cell, piece) of an unfound box
        for (i, s) in row.iter().enumerate() {
            let c = s.place.cell;
            if used[i] || c < f.first_cell || c >= end_cell || is_label(i) {
                continue;
            }
            if opened.is_some_and(|(oc, op)| c > oc || (c == oc && s.place.piece >= op)) {
                region.push(i);
                continue;
            }
            if let Some(n) = next_number {
                if row[n].place.cell == c {
                    handed.push(i);
                    continue;
                }
            }
            let last_cell = k + 1 < found.len() && c + 1 == end_cell;
            let short_number = last_cell
                && (opens_box(&s.text) && squashed_len(&s.text) <= 4
                    || next_starts_with_dot
                        && (1..=2).contains(&s.text.len())
                        && s.text.bytes().all(|b| b.is_ascii_digit()));
            if short_number {
                next_number = Some(i);
            } else if c > f.first_cell && opens_box(&s.text) {
                opened = Some((c, s.place.piece));
                region.push(i);
            } else {
                own.push(i);
            }
        }
        // A check box's mark printed above its caption in the caption's cell (`X<br>Other
        // (specify below)`) stays before it, where the mark of a caption is looked for.
        if f.field.is_none() {
            let head = f
                .label_pieces
                .iter()
                .map(|&i| row[i].place)
                .min_by_key(|p| (p.cell, p.piece));
            if let Some(h) = head {
                // Only under labels: other text above the mark (an OCR'd caption's debris)
                // leaves its place unsure. Box 5's own label, cut over two rows, may end
                // in the cell above its first mark (`Issuer<br>(Check all applicable)<br>☒
                // <br>Director`): printed text too.
                let under_labels = |p: crate::text::Place| {
                    (0..row.len()).all(|j| {
                        let q = row[j].place;
                        q.cell != p.cell
                            || q.piece >= p.piece
                            || is_label(j)
                            || ticks_heading(&row[j].text)
                    })
                };
                let (marks, rest): (Vec<usize>, Vec<usize>) = own.iter().partition(|&&i| {
                    let p = row[i].place;
                    p.cell == h.cell
                        && p.piece + 1 == h.piece
                        && values::is_tick(row[i].text.trim())
                        && under_labels(p)
                });
                for &i in &marks {
                    used[i] = true;
                    out.push(row[i].clone());
                }
                own = rest;
            }
        }
        // A box number cut from its label is put back in front of it, so the label's
        // hit takes it (`2 | . Issuer Name`).
        let mut glued_number = number.take();
        for &i in &f.label_pieces {
            if used[i] {
                continue;
            }
            used[i] = true;
            match glued_number.take() {
                Some(n) if !used[n] => {
                    used[n] = true;
                    let mut seg = row[n].clone();
                    seg.glue(&row[i], false);
                    out.push(seg);
                }
                _ => out.push(row[i].clone()),
            }
        }
        match f.field {
            Some(field) => join_lines(row, &own, field, &mut out, cx),
            None => out.extend(own.iter().map(|&i| row[i].clone())),
        }
        region.sort_by_key(|&i| (row[i].place.piece, row[i].place.cell));
        out.extend(region.iter().map(|&i| row[i].clone()));
        for i in own.into_iter().chain(region) {
            used[i] = true;
        }
        number = next_number;
    }
    for i in number.into_iter().chain(handed) {
        if !used[i] {
            used[i] = true;
            out.push(row[i].clone());
        }
    }
    // Anything left (a label found twice in one cell) keeps its order at the end.
    for (i, s) in row.iter().enumerate() {
        if !used[i] {
            out.push(s.clone());
        }
    }
    Some(out)
}

/// Whether a piece is printed text of the heading over box 5's check boxes, the end of its
/// label or its `(Check all applicable)`: five letters or more that the heading prints in a
/// row (`Issuer`, `(Check all applicable)`), so a value or an OCR'd fragment is not one.
fn ticks_heading(text: &str) -> bool {
    let letters = ascii_letters(text);
    letters.len() >= 5
        && [header::REL_BOX, header::CHECK_ALL]
            .iter()
            .any(|h| ascii_letters(h).contains(&letters))
}

/// Whether a piece starts with a box number (`5.`, `3A.`): the start of another box.
pub(crate) fn opens_box(text: &str) -> bool {
    let t = text.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let rest = t[digits..].strip_prefix('A').unwrap_or(&t[digits..]);
    rest.starts_with('.') && rest[1..].chars().next().is_none_or(|c| !c.is_ascii_digit())
}

/// Puts a box's value pieces (`own`, row indices in cell order) back together: the n-th
/// piece of each cell is on the value's n-th line; pieces of one line in neighbouring
/// cells are one text cut by the grid, and are joined.
fn join_lines(row: &[Segment], own: &[usize], field: &str, out: &mut Vec<Segment>, cx: &mut Ctx) {
    let mut keyed: Vec<(usize, usize, usize)> = Vec::with_capacity(own.len()); // (line, cell, i)
    let mut cell = usize::MAX;
    let mut line = 0;
    for &i in own {
        let c = row[i].place.cell;
        line = if c == cell { line + 1 } else { 0 };
        cell = c;
        keyed.push((line, c, i));
    }
    keyed.sort_unstable();
    let mut k = 0;
    while k < keyed.len() {
        let (line, mut last_cell, i) = keyed[k];
        let mut joined = row[i].clone();
        let mut parts = vec![row[i].text.as_str()];
        k += 1;
        while k < keyed.len() && keyed[k].0 == line && keyed[k].1 == last_cell + 1 {
            let next = &row[keyed[k].2];
            let space = needs_space(&joined.text, &next.text);
            joined.glue(next, space);
            parts.push(next.text.as_str());
            last_cell = keyed[k].1;
            k += 1;
        }
        if parts.len() > 1 {
            cx.repair(
                field,
                RepairKind::JoinedText,
                &parts.join(" | "),
                &joined.text,
                Some(row[i].span()),
            );
        }
        out.push(joined);
    }
}

/// Whether a space separated two pieces of one line cut apart by the converter's grid,
/// which drops the space when a cut falls on one. Inferred from the characters at the cut:
/// a lower-case letter before a capital (`Tanner | Mitchell`) starts a word, and so does a
/// letter after `,` `;` `:`; `&` and an opening bracket stand apart. Otherwise the cut is
/// taken to be inside a word (`KORVE | L-DANE`, `12/31/2 | 019`).
pub(crate) fn needs_space(left: &str, right: &str) -> bool {
    let (Some(l), Some(r)) = (left.chars().last(), right.chars().next()) else {
        return false;
    };
    (l.is_lowercase() && r.is_uppercase())
        || (matches!(l, ',' | ';' | ':') && r.is_alphanumeric())
        || l == '&'
        || r == '&'
        || (!matches!(l, '(' | '[') && matches!(r, '(' | '['))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_at_cuts() {
        for (l, r, space) in [
            ("Tanner", "Mitchell K.", true),
            ("KORVE", "L-DANE MATE", false),
            ("12/31/2", "019", false),
            ("Zenith S", "oftware Inc.", false),
            ("HANDLING,", "INC.", true),
            ("Inc.", "[U]", true),
            ("[ZQRT", "]", false),
            ("Corp", "[ZQRT", true),
            ("Hollis", "& Marlene", true),
        ] {
            assert_eq!(needs_space(l, r), space, "{l:?} | {r:?}");
        }
    }

    #[test]
    fn box_numbers_open_boxes() {
        assert!(opens_box("5. R"));
        assert!(opens_box("3A."));
        assert!(opens_box(" 6."));
        assert!(!opens_box("5.25"));
        assert!(!opens_box("2019"));
        assert!(!opens_box("R-YALE"));
    }
}

#[cfg(test)]
mod row_tests {
    use form4_model::RepairKind;

    /// A header cut by a grid as pymupdf4llm cuts it: each box's label and value are
    /// split at the same column lines, spaces at the cuts dropped.
    const CUT: &str = "# FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
|1. Name<br>Doe|and Address of Reporting Pers<br>Jane Q.|on*|2<br>A|. Issuer Name and T<br>CME WID|icker or Trading<br>GETS Co|Symbol<br>rp [ACM|E]<br>5. R|elationship of Reporting Person(s) to Issuer<br>X Director|\n\
|---|---|---|---|---|---|---|---|---|\n\
|(Last)<br>1 MAIN STREET|(First)|(Middle)|3. Date of Ear<br>01/0|liest Transaction (Month/Day/Year)<br>2/2024|||||\n\n\
Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n";

    /// The record of a Form 3 whose header grid holds `rows` (box 1's city line and the
    /// tables' titles follow them).
    fn form3_header(rows: &str) -> form4_model::Record {
        let text = format!(
            "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
             {rows}|(City)<br>(State)|(Zip)||||\n\n\
             Table I - Non-Derivative Securities Beneficially Owned\n\n\
             Table II - Derivative Securities Beneficially Owned\n\n\
             Explanation of Responses:\n"
        );
        let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
        crate::normalize(&doc).expect("a form")
    }

    /// A check box's mark printed above its caption in a cut row stays before the caption,
    /// where its mark is looked for; under text that is no label its place is unsure.
    #[test]
    fn a_mark_above_its_caption_in_a_cut_row_ticks_it() {
        for (cell, other) in [
            ("X<br>Other (specify below)", true),
            ("Other (specify below)", false),
            ("zq<br>X<br>Other (specify below)", false),
        ] {
            let record = form3_header(&format!(
                "|1. Name and Address of Reporting Person<sup>*</sup>||4. Relationship of Reportin<br>|g Person(s) to Issuer||\n\
                 |---|---|---|---|---|\n\
                 |DOE HOLDINGS LP||(Check all applicable)<br>Director||10% Owner|\n\
                 |(Last)<br>(First)<br>1 MAIN STREET|(Middle)|Officer (g|ive title below)|{cell}|\n\
                 |(Street)<br>SPRINGFIELD<br>IL|62701||||\n"
            ));
            let owner = record.reporting_owners.first();
            assert_eq!(owner.map(|o| o.is_other), Some(other), "{cell}");
        }
    }

    /// A mark under the end of box 5's own label, cut over two rows (`Issuer<br>(Check all
    /// applicable)<br>☒<br>Director`), is the caption's below it too. Under other text it
    /// is unsure, and left unmapped for the reader to see.
    #[test]
    fn a_mark_under_box_5s_label_in_a_cut_row_ticks_its_caption() {
        // (cell, director ticked, 10% owner ticked, the first mark left unmapped)
        for (cell, director, ten, unmapped) in [
            (
                "Issuer<br>(Check all applicable)<br>☒<br>Director<br>☐",
                true,
                false,
                false,
            ),
            ("Issuer<br>☒<br>Director<br>☐", true, false, false),
            // The mark after the caption is the next caption's, in the next cell.
            (
                "Issuer<br>(Check all applicable)<br>☐<br>Director<br>☒",
                false,
                true,
                false,
            ),
            ("Issuer<br>Doe<br>☒<br>Director<br>☐", false, false, true),
        ] {
            let record = form3_header(&format!(
                "|1. Name and Address of Reporting Person<sup>*</sup><br>DOE JANE||4. Relationship of Reporting<br>|Person(s)|to|\n\
                 |---|---|---|---|---|\n\
                 |(Last)<br>(First)<br>1 MAIN STREET|(Middle)|{cell}|10% O|wner<br>(Month/Day/Year)|\n\
                 |(Street)<br>SPRINGFIELD<br>IL|62701|Officer (give title below)||Other (specify below)|\n"
            ));
            let owner = record.reporting_owners.first();
            assert_eq!(owner.map(|o| o.is_director), Some(director), "{cell}");
            assert_eq!(owner.map(|o| o.is_ten_percent_owner), Some(ten), "{cell}");
            let mark_unmapped = record.diagnostics.unmapped.iter().any(|u| u.text == "☒");
            assert_eq!(mark_unmapped, unmapped, "{cell}");
        }
    }

    /// Box 1's title cut so that its asterisk stands alone in the cell after its last
    /// piece: the title's, so the name below reads whole.
    #[test]
    fn an_asterisk_cut_off_box_1s_title_is_the_titles() {
        for (cells, want) in [
            (
                "|1. Name a<br>Doe Ja|nd Address of<br>ne Q. Fam|Reporting Person<br>ily Livi|<sup>*</sup><br>ng Trust|",
                "Doe Jane Q. Family Living Trust",
            ),
            (
                "|1. Name a<br>Doe Ja|nd Address of<br>ne Q. Fam|Reporting Person*<br>ily Livi|<br>ng Trust|",
                "Doe Jane Q. Family Living Trust",
            ),
        ] {
            let text = CUT.replacen(
                "|1. Name<br>Doe|and Address of Reporting Pers<br>Jane Q.|on*|",
                cells,
                1,
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            let owner = record.reporting_owners.first().and_then(|o| o.name.as_deref());
            assert_eq!(owner, Some(want), "{cells}");
        }
    }

    #[test]
    fn cut_boxes_are_put_back_together() {
        let doc = form4_grammar::parse(CUT).expect("the grammar takes any text");
        let record = crate::normalize(&doc).expect("a form");
        assert_eq!(record.issuer.name.as_deref(), Some("ACME WIDGETS Corp"));
        assert_eq!(record.issuer.trading_symbol.as_deref(), Some("ACME"));
        let owner = &record.reporting_owners[0];
        assert_eq!(owner.name.as_deref(), Some("Doe Jane Q."));
        assert_eq!(
            record.period_of_report.map(|d| d.to_string()).as_deref(),
            Some("2024-01-02")
        );
        let joined: Vec<&str> = record
            .diagnostics
            .repairs
            .iter()
            .filter(|r| r.kind == RepairKind::JoinedText)
            .map(|r| r.to.as_str())
            .collect();
        assert!(joined.contains(&"ACME WIDGETS Corp [ACME]"), "{joined:?}");
        assert!(joined.contains(&"Doe Jane Q."), "{joined:?}");
    }
}
