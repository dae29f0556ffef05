//! Boxes 1–6 of the form: reporting owner, issuer, period, amendment date, relationship.
//!
//! The boxes are found by their labels; a box's value is the text between its label and
//! the next label in reading order (a "slot"). Converters may interleave boxes, but each
//! value still follows its own label or caption.

use form4_model::{Address, Date, DocumentType, Record, RepairKind, ReportingOwner, WarningCode};

use crate::attest::LazyAttested;
use crate::box1;
use crate::ctx::Ctx;
use crate::labels::{Hit, Pos, Stream};
use crate::text::{ascii_letters, clean_spaces, cut_word, row_above, row_below, Place, Segment};
use crate::values;

pub(crate) const NAME_BOX: &str = "Name and Address of Reporting Person";
/// Box 1's title up to where picture text cuts it over two lines (its tail, `Person *` or
/// `Reporting Person *`, opens the next line), longest first.
const NAME_BOX_HEADS: [&str; 2] = ["Name and Address of Reporting", "Name and Address of"];
pub(crate) const ISSUER_BOX: &str = "Issuer Name and Ticker or Trading Symbol";
pub(crate) const PERIOD_BOXES: &[&str] = &[
    "Date of Earliest Transaction",
    "Date of Event Requiring Statement",
    "Statement for Issuer's Fiscal Year Ended",
];
/// The head of Form 3's box 2 title, which begins no other box's title.
const EVENT_BOX_HEAD: &str = "Date of Event";
pub(crate) const AMEND_BOX: &str = "If Amendment, Date of Original Filed";
pub(crate) const REL_BOX: &str = "Relationship of Reporting Person(s) to Issuer";
pub(crate) const JOINT_BOX: &str = "Individual or Joint/Group Filing";
/// Box 5's check boxes, by the head of their captions (the rest of `Officer (give title
/// below)` is read as a caption of its own).
const TICKS: [(&str, Tag); 4] = [
    ("Director", Tag::Director),
    ("10% Owner", Tag::TenPercent),
    ("Officer (give title", Tag::Officer),
    ("Other (specify", Tag::Other),
];
/// The heads of box 6's captions (a grid may put the rest on the next line).
const JOINT_LINES: [&str; 2] = ["Form filed by One Reporting", "Form filed by More than One"];

/// The heads of the captions of box 5's and box 6's check boxes.
pub(crate) fn tick_captions() -> impl Iterator<Item = &'static str> {
    TICKS.iter().map(|(t, _)| *t).chain(JOINT_LINES)
}
/// The caption under box 5's label.
pub(crate) const CHECK_ALL: &str = "(Check all applicable)";
/// Printed text inside the header with no value of its own; found so it bounds slots.
const CAPTIONS: &[&str] = &[
    CHECK_ALL,
    "(Check Applicable Line)",
    "Form filed by One Reporting Person",
    "Form filed by More than One Reporting Person",
    "Required to be Reported",
    "(Month/Day/Year)",
    "Check this box if no longer subject to Section 16",
    "Form 4 or Form 5 obligations may continue",
    "See Instruction 1(b)",
    "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934",
    "or Section 30(h) of the Investment Company Act of 1940",
    "United States Securities and Exchange Commission",
    "Washington, D.C. 20549",
    "OMB APPROVAL",
    "OMB Number",
    "Estimated average burden hours per response",
    "Form 3 Holdings Reported",
    "Form 4 Transactions Reported",
];

/// Whether `byte` of `text` falls between two letters or digits of one word.
fn inside_word(text: &str, byte: usize) -> bool {
    let (Some(head), Some(tail)) = (text.get(..byte), text.get(byte..)) else {
        return false;
    };
    head.chars().next_back().is_some_and(char::is_alphanumeric)
        && tail.chars().next().is_some_and(char::is_alphanumeric)
}

/// What a label in the header stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Name,
    Issuer,
    Period,
    Amend,
    Rel,
    Joint,
    LastFirst,
    Street,
    CityStateZip,
    Director,
    TenPercent,
    Officer,
    Other,
    Caption,
}

/// A piece of a segment's text: segment index and byte range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    pub seg: usize,
    pub a: usize,
    pub b: usize,
}

/// The source span from the start of piece `a` to the end of piece `b`.
fn span_between(segs: &[Segment], a: &Piece, b: &Piece) -> form4_grammar::Span {
    let (sa, sb) = (
        segs[a.seg].src_span(a.a, a.b),
        segs[b.seg].src_span(b.a, b.b),
    );
    form4_grammar::Span::new(sa.start, sb.end.max(sa.start))
}

/// How many labels of boxes 1-6 one header is read with (see `read`).
const MAX_LABELS: usize = 256;

/// Reads the boxes in `part` (between two positions), and returns the reporting owners
/// found. Issuer, period and amendment date are read only from the `first` block. `doc` is
/// the document's text, the evidence for words the grid cut.
pub(crate) fn read(
    record: &mut Record,
    segs: &[Segment],
    stream: &Stream,
    part: std::ops::Range<Pos>,
    first: bool,
    doc: &LazyAttested<'_>,
    cx: &mut Ctx,
) -> Vec<ReportingOwner> {
    let (from, to) = (part.start, part.end);
    let mut labels: Vec<(Hit, Tag)> = Vec::new();
    let add = |hit: Option<Hit>, tag: Tag, labels: &mut Vec<(Hit, Tag)>| {
        if let Some(h) = hit {
            labels.push((h, tag));
        }
    };
    let to_opt = Some(to);
    for h in stream.find(segs, NAME_BOX, from, to_opt, 3) {
        labels.push((h, Tag::Name));
    }
    // Box 1's title cut over two lines with boxes 2's and 3's titles between (Form 3 read
    // across the page): its head, exact, with the tail opening the next line. (Not in
    // OCR'd text, where a line below is as often another box's debris.)
    for head in NAME_BOX_HEADS {
        if !labels.is_empty() || cx.damaged {
            break;
        }
        for h in stream.find(segs, head, from, to_opt, 0) {
            if label_tail_below(segs, h).is_some() {
                labels.push((h, Tag::Name));
            }
        }
    }
    // Every occurrence is a label: some converters repeat a spanning box in each row.
    let boxes: [(&[&str], Tag); 5] = [
        (&[ISSUER_BOX], Tag::Issuer),
        (PERIOD_BOXES, Tag::Period),
        (&[AMEND_BOX], Tag::Amend),
        (&[REL_BOX], Tag::Rel),
        (&[JOINT_BOX], Tag::Joint),
    ];
    for (texts, tag) in boxes {
        for t in texts {
            for h in stream.find_label(segs, t, from, to_opt) {
                add(Some(h), tag, &mut labels);
            }
        }
    }
    for c in CAPTIONS {
        for h in stream.find_label(segs, c, from, to_opt) {
            // A caption matched with edits that ends inside a word took the head of the
            // next line's value as its misread tail (`(Check Applicable` then `NEW YORK`
            // read as `… Applicable Line` less two letters, leaving the city `W YORK`).
            if h.cost > 0 && inside_word(&segs[h.end.seg].text, h.end.byte) {
                continue;
            }
            labels.push((h, Tag::Caption));
        }
    }
    for (needle, tag) in [
        ("(last)", Tag::LastFirst),
        ("(street)", Tag::Street),
        ("(city)", Tag::CityStateZip),
    ] {
        for h in find_raw_all(segs, needle, from, to) {
            labels.push((h, tag));
        }
    }
    // Checkbox labels of box 5 come after its title.
    let rel_from = labels
        .iter()
        .find(|(_, t)| *t == Tag::Rel)
        .map_or(from, |(h, _)| h.end);
    for (needle, tag) in TICKS {
        if let Some(h) = stream
            .find_label(segs, needle, rel_from, to_opt)
            .into_iter()
            .next()
        {
            labels.push((h, tag));
        }
    }
    for h in find_raw_all(segs, "below)", rel_from, to) {
        labels.push((h, Tag::Caption));
    }
    labels.sort_by_key(|(h, _)| (h.start, std::cmp::Reverse(h.end)));
    // Every label found is printed text, even one that overlaps another.
    for (h, _) in &labels {
        cx.cover_hit(segs, *h);
    }
    // Drop labels inside another label (a caption found inside a box title).
    let mut kept: Vec<(Hit, Tag)> = Vec::new();
    for (h, t) in labels {
        if let Some((last, _)) = kept.last() {
            if h.start < last.end {
                continue;
            }
        }
        kept.push((h, t));
    }
    // A form's header prints a few dozen labels per owner, even where a converter repeats a
    // box in every row; the reading below relates labels to one another, so text holding
    // thousands of them (no form, or an adversary's) is read only up to a bound, which
    // keeps the time linear in the input.
    if kept.len() > MAX_LABELS {
        cx.warn(
            WarningCode::Ambiguous,
            None,
            &format!(
                "{} labels of boxes 1-6 found in one header; only the first {MAX_LABELS} were read",
                kept.len()
            ),
            kept.get(MAX_LABELS).map(|(h, _)| segs[h.start.seg].span()),
        );
        kept.truncate(MAX_LABELS);
    }
    // Captions such as `(Last) (First) (Middle)` and `below)` end after the keyword.
    for (h, t) in kept.iter_mut() {
        let extra: &[&str] = match t {
            Tag::LastFirst => &["(First)", "(Middle)"],
            Tag::CityStateZip => &["(State)", "(Zip)"],
            Tag::Officer | Tag::Other => &["below)", "below", ")"],
            Tag::Name => &["*", "\""],
            _ => &[],
        };
        extend_over(segs, h, extra);
    }
    // Picture text reads box 5's captions in two lines, and where the officer's caption
    // breaks after `Officer (give`, its tail is `title below)`: the word is the caption's,
    // not a title's (1 owner of pymupdf4llm, whose title `Secretary` it hid).
    for k in 0..kept.len() {
        let (h, t) = kept[k];
        let seg = &segs[h.start.seg];
        if t != Tag::Caption || seg.place.in_table || h.end.seg != h.start.seg {
            continue;
        }
        if ascii_letters(seg.text.get(h.start.byte..h.end.byte).unwrap_or("")) != "below" {
            continue;
        }
        let floor = k
            .checked_sub(1)
            .map(|j| kept[j].0.end)
            .filter(|e| e.seg == h.start.seg)
            .map_or(0, |e| e.byte);
        let Some(before) = seg.text.get(floor.min(h.start.byte)..h.start.byte) else {
            continue;
        };
        let lead = before.trim_end();
        let word = lead.rsplit(char::is_whitespace).next().unwrap_or("");
        if word.eq_ignore_ascii_case("title") {
            kept[k].0.start.byte = floor.min(h.start.byte) + lead.len() - word.len();
        }
    }
    for (h, _) in &kept {
        cx.cover_hit(segs, *h);
    }
    // Box 1 read down its columns, where a converter's grid cut it into cells.
    let foreign = |s: usize| {
        kept.iter().any(|(h, t)| {
            !matches!(
                t,
                Tag::Name | Tag::LastFirst | Tag::Street | Tag::CityStateZip
            ) && h.start.seg <= s
                && (s < h.end.seg || (s == h.end.seg && h.end.byte > 0))
        })
    };
    let columns: Vec<Option<box1::Columns>> = kept
        .iter()
        .enumerate()
        .map(|(i, (h, t))| {
            if *t != Tag::LastFirst {
                return None;
            }
            let label = kept[..i]
                .iter()
                .rev()
                .find(|(_, t)| *t == Tag::Name)
                .map(|(h, _)| *h);
            let range = from.seg..to.seg + usize::from(to.byte > 0);
            box1::read(segs, h.start.seg, label, range, &foreign, !cx.damaged)
        })
        .collect();
    // The column reading of the box-1 stack a label belongs to: the `(Last)` caption met
    // walking from the label (forwards or backwards) before another box 1 begins.
    let stack = |labels: &mut dyn Iterator<Item = usize>| {
        labels
            .take_while(|&j| kept[j].1 != Tag::Name)
            .find(|&j| kept[j].1 == Tag::LastFirst)
            .and_then(|j| columns[j].as_ref())
    };
    let stack_after = |i: usize| stack(&mut (i + 1..kept.len()));
    let stack_before = |i: usize| stack(&mut (0..i).rev());

    // A value runs from its label to the next label that has a value of its own;
    // captions in between (`(Month/Day/Year)`) are skipped over.
    let slot = |i: usize| -> Vec<Piece> {
        let mut out = Vec::new();
        let mut start = kept[i].0.end;
        let mut j = i + 1;
        loop {
            let end = kept.get(j).map_or(to, |(h, _)| h.start);
            out.extend(pieces(segs, start, end));
            match kept.get(j) {
                Some((h, Tag::Caption)) => {
                    start = h.end;
                    j += 1;
                }
                _ => break,
            }
        }
        out
    };

    let mut owners: Vec<ReportingOwner> = Vec::new();
    let mut ticks: Vec<(Tag, bool)> = Vec::new();
    let mut title_text: Option<(String, Vec<Piece>)> = None;
    // Marks read beside the tails of box 5's captions (see `tail_tick`).
    let mut tail_ticks: Vec<Piece> = Vec::new();
    // Street lines read across the page (picture text), which box 5's slot runs over.
    let mut picture_streets: Vec<Piece> = Vec::new();
    // Words of such lines that may be box 1's street or box 5's title (see `picture_street`).
    let mut unsure_streets: Vec<Piece> = Vec::new();
    // The street lines `picture_street` read, which box 5's title beside them leaves alone.
    let mut street_lines: Vec<Piece> = Vec::new();
    for i in 0..kept.len() {
        let tag = kept[i].1;
        let ps = slot(i);
        match tag {
            Tag::Name => {
                let text = slot_text(segs, &ps);
                let name = text.trim_matches(|c: char| c == '*' || c == '"' || c.is_whitespace());
                let mut owner = ReportingOwner::default();
                let mut name = clean_spaces(name);
                let mut ps = ps;
                // Picture text puts the head of a box title cut over lines (Form 3's `2. Date
                // of Event` | `Requiring Statement`) after box 1's label: printed text, and the
                // name is on the line below (read side by side in exact text only: in OCR'd
                // text the lines below are as often another box's debris).
                let cut_title = cut_box_title(&name);

                if cut_title {
                    cover_pieces(segs, &ps, cx);
                    name.clear();
                    ps.clear();
                }
                // Fewer than two letters are no name: OCR reads the title's asterisk as a
                // quote, at times with the next box's number (`”`, `’ 4,`). Box 1's value
                // is then looked for as after a bare label; the debris stays unmapped.
                if name.chars().filter(|c| c.is_alphabetic()).count() < 2 {
                    name.clear();
                    ps.clear();
                }
                // No name after the label: a grid may have put it in a row below, in
                // box 1's columns above `(Last) (First) (Middle)`.
                if let (true, Some(line)) = (
                    name.is_empty(),
                    stack_after(i).and_then(|c| c.name.as_ref()),
                ) {
                    box1::log_joins(
                        segs,
                        std::slice::from_ref(line),
                        "reporting_owners.name",
                        cx,
                    );
                    name.clone_from(&line.text);
                    ps.clone_from(&line.pieces);
                }
                // A name wrapped over two lines: its head after the label, its tail in
                // the row below, above `(Last) (First) (Middle)` (2 owners of pymupdf4llm;
                // a wrap falls between words). A stack whose name holds the slot's own
                // pieces (the label's row read as box 1's) is the same name.
                let tail = stack_after(i)
                    .and_then(|c| c.name.as_ref())
                    .filter(|l| !l.pieces.iter().any(|p| ps.iter().any(|q| q.seg == p.seg)));
                if let (false, Some(line)) = (name.is_empty() || cut_title, tail) {
                    box1::log_joins(
                        segs,
                        std::slice::from_ref(line),
                        "reporting_owners.name",
                        cx,
                    );
                    let whole = format!("{name} {}", line.text);
                    cx.repair(
                        "reporting_owners.name",
                        RepairKind::JoinedText,
                        &format!("{name} | {}", line.text),
                        &whole,
                        line.pieces.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                    );
                    name = whole;
                    ps.extend(line.pieces.iter().copied());
                }
                // Box 1's title cut over two lines: box 3's value follows the title's tail,
                // and the owner's name comes on a line of its own below.
                let cut = if name.is_empty() && !cx.damaged {
                    cut_name_label(segs, kept[i].0)
                } else {
                    None
                };
                if let Some(c) = &cut {
                    cover_pieces(segs, &c.debris, cx);
                    match &c.owner {
                        Some((n, p)) => {
                            name.clone_from(n);
                            ps.clone_from(p);
                        }
                        None => cx.warn(
                            WarningCode::Unreadable,
                            Some("reporting_owners.name"),
                            "box 1's title is cut over two lines, and the owner's name below it could not be told whole",
                            Some(kept[i].0.span(segs)),
                        ),
                    }
                    if let (true, true, Some((iname, ticker, ips, tspan))) =
                        (first, record.issuer.name.is_none(), &c.issuer)
                    {
                        record.issuer.name = Some(iname.clone());
                        record.issuer.trading_symbol = Some(ticker.clone());
                        cover_pieces(segs, ips, cx);
                        cx.cover(*tspan);
                    }
                }
                // Boxes printed side by side, read across the page: box 1's label shares
                // its line with other boxes' labels, and the values follow on the next line
                // in the same order (box 1's first).
                if name.is_empty()
                    && cut.is_none()
                    && stack_after(i).and_then(|c| c.name.as_ref()).is_none()
                    && !(cut_title && cx.damaged)
                {
                    if let Some(side) = side_by_side(segs, &kept, i, to, cx.damaged) {
                        for p in &side.debris {
                            cx.cover_label(segs[p.seg].src_span(p.a, p.b));
                        }
                        if let Some((owner_name, owner_ps)) = side.owner {
                            name = owner_name;
                            ps = owner_ps;
                        } else if side.issuer.is_some() {
                            // Box 2's value alone: an issuer is only read beside an owner
                            // otherwise.
                            cx.warn(
                                WarningCode::MissingPart,
                                Some("reporting_owners.name"),
                                &format!(
                                    "`{}`, below box 1's title, is box 2's value alone (no owner's name fits before it), and the owner's name was not found on the line below",
                                    side.joined
                                ),
                                None,
                            );
                        } else {
                            cx.warn(
                                WarningCode::Ambiguous,
                                Some("reporting_owners.name"),
                                &format!(
                                    "`{}` holds box 1's and box 2's values read side by side; where the owner's name ends could not be told",
                                    side.joined
                                ),
                                None,
                            );
                        }
                        if let (true, true, Some((iname, ticker, ips, tspan))) =
                            (first, record.issuer.name.is_none(), side.issuer)
                        {
                            cx.repair(
                                "issuer.name",
                                RepairKind::JoinedText,
                                &side.joined,
                                &iname,
                                ips.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                            );
                            record.issuer.name = Some(iname);
                            record.issuer.trading_symbol = Some(ticker);
                            cover_pieces(segs, &ips, cx);
                            cx.cover(tspan);
                        }
                    }
                }
                if let Some(k) = owners
                    .iter()
                    .position(|o| o.name.as_deref() == Some(name.as_str()))
                {
                    // The same box printed again (a repeated spanning cell): one owner.
                    let again = owners.remove(k);
                    owners.push(again);
                    continue;
                }
                if name.is_empty() {
                    cx.warn(
                        WarningCode::MissingPart,
                        Some("reporting_owners.name"),
                        "no name after the label of box 1",
                        Some(kept[i].0.span(segs)),
                    );
                } else {
                    owner.name = Some(name);
                    cover_pieces(segs, &ps, cx);
                }
                owners.push(owner);
            }
            Tag::LastFirst => {
                // Box 1's title misread past finding (`1.N d Addi f Reporting P.`): its
                // captions still say where its street and city are.
                let untitled = owners.is_empty();
                if untitled {
                    cx.warn(
                        WarningCode::MissingPart,
                        Some("reporting_owners.name"),
                        "box 1's title was not found, only its captions: the owner's name was not read",
                        Some(kept[i].0.span(segs)),
                    );
                    owners.push(ReportingOwner::default());
                }
                // The street lines end at `(Street)`; other boxes' labels and values may
                // be printed in between (picture text puts box 3 there): only text that
                // belongs to no other box is taken.
                let by_columns = columns[i].as_ref();
                let mut ps: Vec<Piece> = match by_columns {
                    Some(c) => {
                        box1::log_joins(segs, &c.street, "reporting_owners.address.street1", cx);
                        c.street.iter().flat_map(|l| l.pieces.clone()).collect()
                    }
                    None => slot(i)
                        .into_iter()
                        .filter(|p| !is_caption_debris(&segs[p.seg].text[p.a..p.b]))
                        .collect(),
                };
                let street_at = (i + 1..kept.len()).find(|&k| kept[k].1 == Tag::Street);
                let mut unsure = false;
                if let (Some(k), None) = (street_at, by_columns) {
                    match picture_street(segs, &kept, i, k, cx.damaged) {
                        Some(PictureStreet::Lines(lines)) => {
                            picture_streets.extend(lines.iter().copied());
                            street_lines.extend(lines.iter().copied());
                            ps = lines;
                        }
                        Some(PictureStreet::Unsure(words)) => {
                            cx.warn(
                                WarningCode::Unreadable,
                                Some("reporting_owners.address.street1"),
                                "a line under box 1's name mixes small letters with box 1's \
                                 text: the street and box 5's title beside it cannot be told \
                                 apart, so the street was left out",
                                words.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                            );
                            picture_streets.extend(words.iter().copied());
                            unsure_streets.extend(words);
                            unsure = true;
                            ps.clear();
                        }
                        None => {}
                    }
                }
                if let (true, false, Some(k), None) = (ps.is_empty(), unsure, street_at, by_columns)
                {
                    for j in i..k {
                        if !matches!(
                            kept[j].1,
                            Tag::LastFirst | Tag::Caption | Tag::Period | Tag::Amend | Tag::Joint
                        ) {
                            continue;
                        }
                        for p in pieces(segs, kept[j].0.end, kept[j + 1].0.start) {
                            let p = before_box3_date(segs, p);
                            let t = &segs[p.seg].text[p.a..p.b];
                            let has_date = t.split_whitespace().any(|w| word_date(w).is_some());
                            if !has_date && !values::is_tick(t) && !is_caption_debris(t) {
                                ps.push(p);
                            }
                        }
                    }
                }
                let lines: Vec<String> = match by_columns {
                    Some(c) => c.street.iter().map(|l| l.text.clone()).collect(),
                    None => ps
                        .iter()
                        .map(|p| clean_spaces(&segs[p.seg].text[p.a..p.b]))
                        .filter(|s| !s.is_empty())
                        .collect(),
                };
                let mut lines = lines;
                if lines.len() == 1 {
                    if let Some((a, b)) = split_care_of(&lines[0]) {
                        cx.repair(
                            "reporting_owners.address.street2",
                            RepairKind::JoinedText,
                            &lines[0],
                            &b,
                            ps.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                        );
                        lines = vec![a, b];
                    }
                }
                if untitled && !lines.is_empty() {
                    // Where the title was misread, the lines above `(Street)` are as often
                    // the misread text of the boxes beside it; the city, state and ZIP
                    // below are checked by their form, the street is not.
                    cx.warn(
                        WarningCode::Unreadable,
                        Some("reporting_owners.address.street1"),
                        &format!(
                            "`{}` above box 1's `(Street)` is not read as the street where box 1's title was not found: left out",
                            lines.join(" ")
                        ),
                        ps.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                    );
                } else if let Some(owner) = owners.last_mut() {
                    if !lines.is_empty() {
                        owner.address.street1 = Some(lines[0].clone());
                        if lines.len() > 1 {
                            owner.address.street2 = Some(lines[1..].join(" "));
                        }
                        cover_pieces(segs, &ps, cx);
                    }
                }
            }
            Tag::Street if stack_before(i).is_some_and(|c| c.place.is_some()) => {
                let place = stack_before(i).and_then(|c| c.place.as_ref());
                if let (Some(owner), Some((addr, line, lines))) = (owners.last_mut(), place) {
                    box1::log_joins(segs, lines, "reporting_owners.address", cx);
                    owner.address.city.clone_from(&addr.city);
                    owner.address.state.clone_from(&addr.state);
                    owner.address.zip.clone_from(&addr.zip);
                    cover_pieces(segs, &line.pieces, cx);
                }
            }
            Tag::Street => {
                let text = slot_text(segs, &ps);
                // A tick printed before a box-6 line that sits in this slot is not a city.
                let text = strip_ticks(&text);
                if let Some(owner) = owners.last_mut() {
                    let city_at = (i + 1..kept.len()).find(|&k| kept[k].1 == Tag::CityStateZip);
                    let apart = city_at
                        .filter(|_| text.trim().is_empty() && !cx.damaged)
                        .and_then(|k| city_line_apart(segs, &kept[i..=k]));
                    let across = city_at.and_then(|k| picture_city(segs, &kept, i, k));
                    if let Some((addr, words)) = across.or(apart) {
                        owner.address.city = addr.city;
                        owner.address.state = addr.state;
                        owner.address.zip = addr.zip;
                        cover_pieces(segs, &words, cx);
                    } else if let Some(addr) = city_state_zip_whole(&text) {
                        owner.address.city = addr.city;
                        owner.address.state = addr.state;
                        owner.address.zip = addr.zip;
                        cover_pieces(segs, &ps, cx);
                    } else if !text.trim().is_empty() {
                        cx.warn(
                            WarningCode::Unreadable,
                            Some("reporting_owners.address"),
                            &format!("`{}` is not a city, state and ZIP", text.trim()),
                            None,
                        );
                    }
                }
            }
            Tag::Issuer | Tag::Period | Tag::Amend if !first => {}
            Tag::Issuer if record.issuer.name.is_some() => {}
            Tag::Period if record.period_of_report.is_some() => {}
            Tag::Amend if record.date_of_original_submission.is_some() => {}
            Tag::Issuer => {
                let text = slot_text(segs, &ps);
                if let Some((name, ticker)) = issuer(&text) {
                    if let Some(stray) = issuer_line_below(segs, &ps) {
                        cx.warn(
                            WarningCode::Unreadable,
                            Some("issuer.name"),
                            &format!("`{name}` lost letters to the row below (`{stray}`): the converter split its line across two rows, so it was left out"),
                            None,
                        );
                    } else {
                        record.issuer.name = Some(name);
                    }
                    record.issuer.trading_symbol = ticker;
                    cover_pieces(segs, &ps, cx);
                } else if let Some((name, ticker, below)) = issuer_row_below(segs, kept[i].0) {
                    let parts: Vec<&str> = below
                        .iter()
                        .map(|p| segs[p.seg].text[p.a..p.b].trim())
                        .collect();
                    cx.repair(
                        "issuer",
                        RepairKind::JoinedText,
                        &parts.join(" | "),
                        &format!("{name} [{ticker}]"),
                        below.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                    );
                    record.issuer.name = Some(name);
                    record.issuer.trading_symbol = Some(ticker);
                    cover_pieces(segs, &below, cx);
                } else {
                    cx.warn(
                        WarningCode::MissingPart,
                        Some("issuer"),
                        "no issuer name after the label of box 2",
                        None,
                    );
                }
            }
            Tag::Period | Tag::Amend => {
                let found = first_date(segs, &ps);
                match (found, tag) {
                    (Some((d, p)), Tag::Period) => {
                        take_date(segs, "period_of_report", d, &p, cx);
                        record.period_of_report = Some(d);
                    }
                    (Some((d, p)), _) => {
                        take_date(segs, "date_of_original_submission", d, &p, cx);
                        record.date_of_original_submission = Some(d);
                    }
                    (None, Tag::Period) => {
                        let cut = date_cut_at_label(segs, kept[i].0, &ps);
                        if let Some((d, p)) = cut
                            .or_else(|| date_before_amend(segs, &kept, kept[i].0.end))
                            .or_else(|| date_under_label(segs, kept[i].0))
                        {
                            take_date(segs, "period_of_report", d, &p, cx);
                            record.period_of_report = Some(d);
                        } else {
                            cx.warn(
                                WarningCode::MissingPart,
                                Some("period_of_report"),
                                "no date after the label of box 3",
                                None,
                            );
                        }
                    }
                    _ => {}
                }
            }
            Tag::Director | Tag::TenPercent | Tag::Officer | Tag::Other => {
                let ticked = tick_before(
                    segs,
                    kept[i].0.start,
                    i.checked_sub(1).map(|j| kept[j].0.end),
                    cx,
                );
                ticks.push((tag, ticked));
                // The title or "other" text follows the last checkbox label. In a grid,
                // the slot runs on into the rows below, whose cells left of box 5's are box
                // 1's street lines (`X<br>Other (specify below)<br>See Remarks` | `40TH
                // FL` under box 1): not the text's. (Exact text only: OCR'd cells are too
                // often misplaced for what is left to be the whole text.)
                let label_at = segs[kept[i].0.start.seg].place;
                let ps: Vec<Piece> = if label_at.in_table && !cx.damaged {
                    ps.into_iter()
                        .filter(|p| {
                            let at = segs[p.seg].place;
                            !(at.in_table
                                && at.block == label_at.block
                                && at.row > label_at.row
                                && at.cell < label_at.cell)
                        })
                        .collect()
                } else {
                    ps
                };
                let text = slot_text(segs, &ps);
                let rest = text.trim();
                if !rest.is_empty() && !values::is_tick(rest) {
                    title_text = Some((clean_spaces(rest), ps));
                }
            }
            Tag::Caption => {
                // Box 6's lines are ticked like box 5's; the record keeps no field for
                // them, but the mark is accounted for.
                tick_before(
                    segs,
                    kept[i].0.start,
                    i.checked_sub(1).map(|j| kept[j].0.end),
                    cx,
                );
                // Picture text may put box 5's marks on the line of its captions' tails.
                if !cx.damaged {
                    if let Some((tag, at)) = tail_tick(segs, &kept, i) {
                        cx.cover(segs[at.seg].src_span(at.a, at.b));
                        ticks.push((tag, true));
                        tail_ticks.push(at);
                    }
                }
                // The OMB number and burden hours printed after their captions.
                if let Some(p) = ps.first() {
                    let t = &segs[p.seg].text[p.a..p.b];
                    let w = t.split_whitespace().next().unwrap_or("");
                    let omb = w.len() == 9
                        && w.as_bytes()[4] == b'-'
                        && w.bytes().filter(u8::is_ascii_digit).count() == 8;
                    if omb || (w.contains('.') && values::parse_amount(w).is_some() && w.len() <= 4)
                    {
                        let off = t.find(w).unwrap_or(0);
                        cx.cover_label(segs[p.seg].src_span(p.a + off, p.a + off + w.len()));
                    }
                }
            }
            Tag::Rel | Tag::Joint | Tag::CityStateZip => {}
        }
    }
    if owners.is_empty() && !ticks.is_empty() {
        owners.push(ReportingOwner::default());
    }
    if let Some(owner) = owners.first_mut() {
        for (tag, on) in &ticks {
            match tag {
                Tag::Director => owner.is_director = *on,
                Tag::TenPercent => owner.is_ten_percent_owner = *on,
                Tag::Officer => owner.is_officer = *on,
                Tag::Other => owner.is_other = *on,
                _ => {}
            }
        }
        let title_text = title_text.and_then(|(text, ps)| {
            if picture_streets.is_empty() {
                Some((text, ps))
            } else {
                without_streets(segs, &ps, &picture_streets)
            }
        });
        // Picture text may put the title on the lines below box 5's check boxes, beside box
        // 1's street and box 3's date, away from any slot.
        let mut stray_tick = false;
        let mut picture_kind = None;
        let title_text = title_text.or_else(|| {
            if cx.damaged {
                return None;
            }
            let at = kept
                .iter()
                .rposition(|(_, t)| matches!(t, Tag::Officer | Tag::Other))?;
            let next =
                (at + 1..kept.len()).find(|&k| matches!(kept[k].1, Tag::Amend | Tag::Joint))?;
            let title = picture_title(segs, &kept, at, next, &tail_ticks, &street_lines)?;
            if title.pieces.iter().any(|p| {
                unsure_streets
                    .iter()
                    .any(|q| q.seg == p.seg && q.a < p.b && p.a < q.b)
            }) {
                cx.warn(
                    WarningCode::Unreadable,
                    Some("reporting_owners.officer_title"),
                    &format!(
                        "`{}` beside box 1 may be the owner's street as well as box 5's \
                         title: it was left out",
                        title.text
                    ),
                    title.pieces.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                );
                return None;
            }
            stray_tick = title.stray_tick;
            picture_kind = Some(title.kind);
            Some((title.text, title.pieces))
        });
        // A grid may put the title in rows of its own down box 5's column, where the slots
        // after box 5's captions hold nothing or other boxes' words.
        let captions: Vec<usize> = (0..kept.len())
            .filter(|&k| matches!(kept[k].1, Tag::Officer | Tag::Other))
            .collect();
        let title_text = match title_text {
            _ if cx.damaged => title_text,
            // A slot's title in the captions' own cell goes on in the rows below it
            // when the column's reading holds all of it (`Executive Vice` | `President`,
            // or a slot that the grid cut from the line's head, `Vice P` | `resident`;
            // no owner of the corpus reads otherwise by it: its one such title is behind
            // a slot of debris, read below).
            Some((ref text, ref ps)) if !slot_debris(text) => {
                match column_title(segs, &kept, &captions, to, doc) {
                    Ok(Some(found))
                        if found.text.len() > text.len()
                            && ps
                                .iter()
                                .filter(|q| {
                                    !segs[q.seg]
                                        .text
                                        .get(q.a..q.b)
                                        .unwrap_or("")
                                        .trim()
                                        .is_empty()
                                })
                                .all(|q| found.pieces.iter().any(|p| p.seg == q.seg)) =>
                    {
                        log_cuts(segs, &found.cuts, cx);
                        cx.repair(
                            "reporting_owners.officer_title",
                            RepairKind::JoinedText,
                            text,
                            &found.text,
                            found.pieces.last().map(|p| segs[p.seg].src_span(p.a, p.b)),
                        );
                        Some((found.text, found.pieces))
                    }
                    // A slot whose column is not one title is a piece of it (`Chief Off`
                    // | `cer`, `Vice` | `President`): no title of its own.
                    Err(why) => {
                        cx.warn(
                            WarningCode::Unreadable,
                            Some("reporting_owners.officer_title"),
                            &format!("`{text}` under box 5 is a piece of the text under box 5's captions, which {why}: it was left out"),
                            ps.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                        );
                        None
                    }
                    _ => title_text,
                }
            }
            _ => {
                let found = match column_title(segs, &kept, &captions, to, doc) {
                    Ok(found) => found.map(|f| {
                        log_cuts(segs, &f.cuts, cx);
                        (f.text, f.pieces)
                    }),
                    Err(why) => {
                        cx.warn(
                            WarningCode::Unreadable,
                            Some("reporting_owners.officer_title"),
                            &format!("the text under box 5's captions {why}: it was left out"),
                            captions.first().map(|&k| kept[k].0.span(segs)),
                        );
                        None
                    }
                };
                // A slot's text with a bracket is a caption's piece: none of the corpus's
                // 30 different titles and other texts has one (1 spurious other text of
                // img2table left out, nothing else changed).
                found.or_else(|| {
                    let (text, ps) = title_text?;
                    // Picture text glues the officer caption's tail to the title beside it
                    // (`below)Senior VP`): printed text, not the title's.
                    const TAIL: &str = "below)";
                    let text = match text.split_at_checked(TAIL.len()) {
                        Some((head, rest))
                            if head.eq_ignore_ascii_case(TAIL)
                                && rest.starts_with(char::is_alphabetic) =>
                        {
                            rest.to_string()
                        }
                        _ => text,
                    };
                    if !text.contains(['(', ')']) {
                        return Some((text, ps));
                    }
                    cx.warn(
                        WarningCode::Unreadable,
                        Some("reporting_owners.officer_title"),
                        &format!("`{text}` under box 5 holds a caption's bracket, so it is no title: it was left out"),
                        ps.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                    );
                    None
                })
            }
        };
        // A title holding another box's value (box 1's street, box 3's date) or no word
        // at all was read from a slot the converter mixed: left out. So is one cut after
        // a joining word whose rest is not found.
        let title_text = title_text.and_then(|(text, ps)| {
            let text = text.trim_start_matches(['X', '☒', '☐']).trim().to_string();
            let (text, ps) = match title_rest_below(segs, &kept, &text, &ps) {
                Ok(Some((rest, p))) => {
                    cx.repair(
                        "reporting_owners.officer_title",
                        RepairKind::JoinedText,
                        &format!("{text} | {rest}"),
                        &format!("{text} {rest}"),
                        Some(segs[p.seg].src_span(p.a, p.b)),
                    );
                    let mut ps = ps;
                    ps.push(p);
                    (format!("{text} {rest}"), ps)
                }
                Ok(None) => (text, ps),
                Err(()) => {
                    cx.warn(
                        WarningCode::Unreadable,
                        Some("reporting_owners.officer_title"),
                        &format!("`{text}` under box 5 is cut after a joining word, and its rest was not found: it was left out"),
                        ps.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                    );
                    return None;
                }
            };
            match mixed_title(&text) {
                Some(why) => {
                    cx.warn(
                        WarningCode::Unreadable,
                        Some("reporting_owners.officer_title"),
                        &format!("`{text}` under box 5 {why}: it was left out"),
                        ps.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                    );
                    None
                }
                None => Some((text, ps)),
            }
        });
        if let Some((text, ps)) = title_text {
            let any_tick = ticks.iter().any(|(_, on)| *on);
            // A tick no check box's label took marks a box that is not known: what the
            // title says is then no evidence of which.
            if !text.is_empty() && !any_tick && !stray_tick {
                // The marks of box 5 were lost (some renderings drop checkbox inputs), but
                // a title or an "other" text is printed under its own box: what it says
                // tells which.
                match picture_kind.or_else(|| title_kind(&text)) {
                    Some(Tag::Officer) => owner.is_officer = true,
                    Some(Tag::Other) => owner.is_other = true,
                    _ => {}
                }
                if owner.is_officer || owner.is_other {
                    cx.warn(
                        WarningCode::Ambiguous,
                        Some("reporting_owners.relationship"),
                        &format!(
                            "no tick mark was found in box 5; `{text}` reads as {}, so that box is taken as ticked",
                            if owner.is_officer { "an officer title" } else { "an \"other\" relationship" }
                        ),
                        ps.first().map(|p| segs[p.seg].src_span(p.a, p.b)),
                    );
                }
            }
            if !text.is_empty() {
                if owner.is_officer {
                    owner.officer_title = Some(text);
                    cover_pieces(segs, &ps, cx);
                } else if owner.is_other {
                    owner.other_text = Some(text);
                    cover_pieces(segs, &ps, cx);
                }
            }
        }
    }
    if first && record.period_of_report.is_none() && !kept.iter().any(|(_, t)| *t == Tag::Period) {
        // Picture text reads Form 3's box 2 across the page with the boxes beside it, so
        // its title comes cut into lines between their values (`2. Date of Event` |
        // `Requiring Statement` | `(Month/Day/Year)`) and is not found whole. Its head,
        // exact, still marks the box; no box printed between it and box 5's label holds a
        // date, so the one date there is box 2's.
        let head = stream
            .find(segs, EVENT_BOX_HEAD, from, Some(to), 0)
            .into_iter()
            .next();
        if let Some(head) = head {
            cx.cover_hit(segs, head);
            if let Some((d, p)) = date_before_amend(segs, &kept, head.end) {
                take_date(segs, "period_of_report", d, &p, cx);
                record.period_of_report = Some(d);
            }
        }
    }
    if first && record.issuer.trading_symbol.is_none() {
        // Box 2's value can land away from its label (picture text puts the values of
        // boxes 1, 2 and 5 on one line); the bracketed ticker is unmistakable wherever it
        // is. The name before it cannot be told from the owner's name there: not guessed.
        if let Some((ticker, span)) = bracketed_ticker(segs, from, to) {
            cx.cover(span);
            cx.warn(
                WarningCode::Unreadable,
                Some("issuer.name"),
                &format!("the ticker [{ticker}] was found away from box 2's label; the issuer's name beside it could not be told from other text"),
                Some(span),
            );
            record.issuer.trading_symbol = Some(ticker);
        }
    }
    if record.date_of_original_submission.is_some() {
        record.document_type = record.document_type.map(DocumentType::amended);
    }
    owners
}

/// Box 1's value (and box 2's, when its label is beside box 1's) read from the line below
/// a line of labels printed side by side.
struct SideBySide {
    owner: Option<(String, Vec<Piece>)>,
    /// Name, ticker, the name's pieces and the bracketed ticker's span.
    issuer: Option<(String, String, Vec<Piece>, form4_grammar::Span)>,
    /// Cut pieces of other boxes' titles found among the values.
    debris: Vec<Piece>,
    /// The values' words as read, for the diagnostics.
    joined: String,
}

fn side_by_side(
    segs: &[Segment],
    kept: &[(Hit, Tag)],
    i: usize,
    to: Pos,
    ocr: bool,
) -> Option<SideBySide> {
    let row = kept[i].0.end.seg;
    let beside: Vec<Tag> = kept[i + 1..]
        .iter()
        .take_while(|(h, _)| h.start.seg == row)
        .map(|(_, t)| *t)
        .collect();
    if !beside
        .iter()
        .any(|t| matches!(t, Tag::Issuer | Tag::Rel | Tag::Period))
    {
        return None;
    }
    let with_issuer = beside.contains(&Tag::Issuer);
    // The first line below holding text outside the form's labels; a line of captions only
    // (`(Check all applicable)`) is passed over.
    let mut value_pieces: Vec<Piece> = Vec::new();
    let mut value_line = row + 1;
    // What the label search left of a caption on a line passed over (`(`).
    let mut passed: Vec<Piece> = Vec::new();
    for s in row + 1..(row + 3).min(segs.len()) {
        if s > to.seg || (s == to.seg && to.byte == 0) {
            break;
        }
        let on_line: Vec<&(Hit, Tag)> = kept
            .iter()
            .filter(|(h, _)| h.start.seg <= s && h.end.seg >= s)
            .collect();
        if on_line.iter().any(|(_, t)| *t == Tag::Name) {
            return None;
        }
        let mut at = Pos { seg: s, byte: 0 };
        let mut out = Vec::new();
        for (h, _) in &on_line {
            let start = if h.start.seg < s { at } else { h.start };
            out.extend(pieces(segs, at, start));
            if !with_issuer && h.start.seg == s {
                // Without box 2 beside it, box 1's value ends at the first label after it.
                at = Pos {
                    seg: s + 1,
                    byte: 0,
                };
                break;
            }
            at = if h.end.seg > s {
                Pos {
                    seg: s + 1,
                    byte: 0,
                }
            } else {
                h.end
            };
        }
        out.extend(pieces(
            segs,
            at,
            Pos {
                seg: s + 1,
                byte: 0,
            },
        ));
        // A lone parenthesis is what is left of a caption cut by the label search
        // (`(Check all applicable)`): the line holds captions only.
        let caption_only = piece_words(segs, &out)
            .iter()
            .all(|(w, _)| w.chars().all(|c| c == '(' || c == ')'));
        if caption_only {
            passed.extend(out);
        } else {
            value_pieces = passed;
            value_pieces.extend(out);
            value_line = s;
            break;
        }
    }
    // A lone parenthesis is what is left of a caption cut by the label search
    // (`(Check all applicable)`, `(Month/Day/Year)`): printed text, not a value.
    type Words = Vec<(String, Piece)>;
    let (mut words, mut debris): (Words, Words) = piece_words(segs, &value_pieces)
        .into_iter()
        .partition(|(w, _)| !w.chars().all(|c| c == '(' || c == ')'));
    let mut debris: Vec<Piece> = debris.drain(..).map(|(_, p)| p).collect();
    if ocr {
        // Specks OCR reads between the names (`Bodine Bruce M. ° MOSAIC CO`) are no
        // word of either; they stay unmapped. `&` joins a name's words, and the ticker's
        // brackets may stand apart (`[ ACME ]`).
        words.retain(|(w, _)| {
            w.chars()
                .any(|c| c.is_alphanumeric() || matches!(c, '&' | '[' | ']'))
        });
    }
    if words.is_empty() {
        return None;
    }
    let mut issuer = None;
    let mut names: Vec<(String, Piece)> = words.clone();
    let mut ticker: Option<(String, form4_grammar::Span, usize)> = None;
    let mut column_edge: Option<usize> = None;
    if with_issuer {
        let open = words.iter().position(|(w, _)| w.contains('['))?;
        let close = open + words[open..].iter().position(|(w, _)| w.contains(']'))?;
        let text: Vec<&str> = words[open..=close]
            .iter()
            .map(|(w, _)| w.as_str())
            .collect();
        let text = text.join(" ");
        let inner = text
            .trim_start_matches(|c| c != '[')
            .trim_start_matches('[')
            .split(']')
            .next()
            .unwrap_or("")
            .trim();
        if !is_ticker(inner) || text.starts_with(|c| c != '[') {
            return None;
        }
        let span = span_between(segs, &words[open].1, &words[close].1);
        ticker = Some((inner.to_string(), span, open));
        names.truncate(open);
        let plain: Vec<&str> = names.iter().map(|(w, _)| w.as_str()).collect();
        let tail = crate::picture::period_tail_words(&plain);
        // Box 2's cut title with words on both sides of it, in one run: the edge between
        // box 1's column and box 3's.
        let run = tail.windows(2).all(|w| w[1] == w[0] + 1);
        column_edge = match (tail.first(), tail.last()) {
            (Some(&first), Some(&last)) if run && first > 0 && last + 1 < plain.len() => {
                Some(first)
            }
            _ => None,
        };
        debris.extend(tail.iter().map(|&k| names[k].1));
        names = names
            .into_iter()
            .enumerate()
            .filter(|(k, _)| !tail.contains(k))
            .map(|(_, w)| w)
            .collect();
    }
    let plain: Vec<&str> = names.iter().map(|(w, _)| w.as_str()).collect();
    let joined = plain.join(" ");

    let owner_end = if with_issuer {
        let sig = signature_words(segs, to);
        let tick = ticker.as_ref().map_or("", |(t, ..)| t.as_str());
        crate::picture::split_owner_issuer(
            &plain,
            &sig,
            &care_of_words(segs, row + 1, to),
            tick,
            column_edge,
        )
    } else {
        Some(names.len())
    };
    // No owner's name fits before the issuer's (`QUILLON FINANCIAL CORP`): the line holds box
    // 2's value alone, and box 1's, printed a little lower, is the next line's.
    if let (true, None, Some((t, span, _))) = (with_issuer, owner_end, &ticker) {
        if !crate::picture::any_split_fits(&plain) {
            let pieces = names.iter().map(|(_, p)| *p).collect();
            let issuer = Some((clean_spaces(&joined), t.clone(), pieces, *span));
            if let Some(below) = name_line_below(segs, kept, value_line, to) {
                return Some(SideBySide {
                    owner: Some(below),
                    issuer,
                    debris,
                    joined,
                });
            }
            // The owner's name was not found below, but a company's name (it ends with its
            // legal form) alone on the line is still box 2's: two words of a person's name
            // beside a ticker would be the owner's, the issuer's name elsewhere.
            let company =
                plain.len() >= 2 && plain.last().is_some_and(|w| crate::picture::name_end(w));
            if company && label_debris(&joined).is_none() {
                return Some(SideBySide {
                    owner: None,
                    issuer,
                    debris,
                    joined,
                });
            }
        }
    }
    let owner = owner_end.and_then(|k| {
        let text = clean_spaces(&plain[..k].join(" "));
        let sane = text
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            && !values::is_tick(&text)
            && label_debris(&text).is_none()
            && !is_caption_debris(&text);
        sane.then(|| (text, names[..k].iter().map(|(_, p)| *p).collect()))
    });
    if let (Some(k), Some((t, span, _)), true) = (owner_end, ticker, owner.is_some()) {
        let name = clean_spaces(&plain[k..].join(" "));
        if label_debris(&name).is_none() {
            issuer = Some((name, t, names[k..].iter().map(|(_, p)| *p).collect(), span));
        }
    }
    Some(SideBySide {
        owner,
        issuer,
        debris,
        joined,
    })
}

/// Box 1's name on the line below box 2's value (picture text that read the issuer's
/// name, printed a little higher, first): a person's name alone on its line (two to four
/// words of letters or initials, no label), with the line after it holding labels only
/// (box 5's `Director 10% Owner`), so the name does not go on over it.
fn name_line_below(
    segs: &[Segment],
    kept: &[(Hit, Tag)],
    line: usize,
    to: Pos,
) -> Option<(String, Vec<Piece>)> {
    let s = line + 1;
    let next = s + 1;
    if next > to.seg || segs[line].place.in_table || segs[s].place.in_table {
        return None;
    }
    let on = |k: usize| {
        kept.iter()
            .filter(move |(h, _)| h.start.seg <= k && h.end.seg >= k)
            .map(|(h, _)| *h)
    };
    if on(s).next().is_some() {
        return None;
    }
    let text = segs[s].text.as_str();
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || !words.iter().all(|w| crate::picture::person_word(w)) {
        return None;
    }
    // The line after: nothing outside its labels but a caption's lone parenthesis.
    let after = &segs[next].text;
    let mut covered = vec![false; after.len()];
    for h in on(next) {
        let a = if h.start.seg < next { 0 } else { h.start.byte };
        let b = if h.end.seg > next {
            after.len()
        } else {
            h.end.byte
        };
        for c in covered.get_mut(a..b.min(after.len())).unwrap_or_default() {
            *c = true;
        }
    }
    let bare = after
        .char_indices()
        .any(|(k, c)| !covered[k] && !c.is_whitespace() && c != '(' && c != ')');
    if bare || after.trim().is_empty() {
        return None;
    }
    let piece = Piece {
        seg: s,
        a: text.len() - text.trim_start().len(),
        b: text.trim_end().len(),
    };
    Some((clean_spaces(text), vec![piece]))
}

/// The tail of box 1's title opening the line below its head (`Person *`, `Reporting
/// Person *`): its pieces, or `None` when the line does not open with it.
fn label_tail_below(segs: &[Segment], head: Hit) -> Option<Vec<(String, Piece)>> {
    let line = head.end.seg + 1;
    let seg = segs.get(line)?;
    if seg.place.in_table || segs[head.end.seg].place.in_table {
        return None;
    }
    // The head must end its own line's piece of the title: nothing but other boxes'
    // titles after it.
    let words = piece_words(
        segs,
        &[Piece {
            seg: line,
            a: 0,
            b: seg.text.len(),
        }],
    );
    let at = words
        .iter()
        .take(2)
        .position(|(w, _)| letters_lower(w) == "person")?;
    if words[..at]
        .iter()
        .any(|(w, _)| letters_lower(w) != "reporting")
    {
        return None;
    }
    let end = at + usize::from(words.get(at + 1).is_some_and(|(w, _)| w == "*")) + 1;
    Some(words[..end].to_vec())
}

fn letters_lower(w: &str) -> String {
    w.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Box 1 read where picture text cut its title over two lines (Form 3's boxes 1 to 3
/// read across the page): `1. Name and Address of Reporting 2. Date of Event 3. Issuer
/// Name ...` | `Person * Requiring EXAMPLE CORP [ EXM ]` | `Statement` | `DOE JANE
/// (Month/Day/Year) 4. Relationship ...`. The second line holds the title's tail, box 2's
/// cut title, then box 3's value, issuer and bracketed ticker; the owner's name is the lead
/// of the first line below that holds more than box 2's title, up to a caption, a box's
/// number or a date.
struct CutName {
    owner: Option<(String, Vec<Piece>)>,
    /// Name, ticker, the name's pieces and the bracketed ticker's span.
    issuer: Option<(String, String, Vec<Piece>, form4_grammar::Span)>,
    /// The title's tail and box 2's cut title.
    debris: Vec<Piece>,
}

fn cut_name_label(segs: &[Segment], head: Hit) -> Option<CutName> {
    let tail = label_tail_below(segs, head)?;
    let line = head.end.seg + 1;
    let mut debris: Vec<Piece> = tail.iter().map(|(_, p)| *p).collect();
    let words = piece_words(
        segs,
        &[Piece {
            seg: line,
            a: tail.last().map_or(0, |(_, p)| p.b),
            b: segs[line].text.len(),
        }],
    );
    let period_word = |w: &str| crate::picture::PERIOD_TAIL.contains(&letters_lower(w).as_str());
    let lead = words.iter().take_while(|(w, _)| period_word(w)).count();
    debris.extend(words[..lead].iter().map(|(_, p)| *p));
    let words = &words[lead..];
    let issuer = (|| {
        let open = words.iter().position(|(w, _)| w.contains('['))?;
        let close = open + words[open..].iter().position(|(w, _)| w.contains(']'))?;
        let text: Vec<&str> = words[open..=close]
            .iter()
            .map(|(w, _)| w.as_str())
            .collect();
        let text = text.join(" ");
        let inner = text
            .trim_start_matches('[')
            .split(']')
            .next()
            .unwrap_or("")
            .trim();
        if open == 0 || !text.starts_with('[') || !is_ticker(inner) {
            return None;
        }
        let name: Vec<&str> = words[..open].iter().map(|(w, _)| w.as_str()).collect();
        let name = clean_spaces(&name.join(" "));
        if label_debris(&name).is_some() {
            return None;
        }
        let span = span_between(segs, &words[open].1, &words[close].1);
        let ps = words[..open].iter().map(|(_, p)| *p).collect();
        Some((name, inner.to_string(), ps, span))
    })();
    // The owner's line: after lines holding box 2's cut title or captions only.
    let mut owner = None;
    for s in line + 1..(line + 4).min(segs.len()) {
        if segs[s].place.in_table {
            break;
        }
        let all = piece_words(
            segs,
            &[Piece {
                seg: s,
                a: 0,
                b: segs[s].text.len(),
            }],
        );
        let stop = |w: &str| {
            w.starts_with('(')
                || word_date(w).is_some()
                || (w.len() == 2 && w.as_bytes()[0].is_ascii_digit() && w.ends_with('.'))
        };
        let lead: Vec<&(String, Piece)> = all
            .iter()
            .skip_while(|(w, _)| period_word(w))
            .take_while(|(w, _)| !stop(w))
            .collect();
        let passed = all.iter().take_while(|(w, _)| period_word(w)).count();
        debris.extend(all[..passed].iter().map(|(_, p)| *p));
        if lead.is_empty() {
            if all.len() > passed && !all[passed].0.starts_with('(') {
                break;
            }
            continue;
        }
        let text: Vec<&str> = lead.iter().map(|(w, _)| w.as_str()).collect();
        let text = clean_spaces(&text.join(" "));
        // A name cut over lines (`QUILLON CAPITAL PARTNERS GP,` | ... | `L.L.C.`) is not
        // read in part.
        let sane = text
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count()
            >= 2
            && !text.ends_with(',')
            && label_debris(&text).is_none()
            && !is_caption_debris(&text);
        if sane {
            owner = Some((text, lead.iter().map(|(_, p)| *p).collect()));
        }
        break;
    }
    Some(CutName {
        owner,
        issuer,
        debris,
    })
}

/// The words after `C/O` on the first line from segment `from` to `to` that has one: box
/// 1's care-of line, which often names the issuer.
fn care_of_words(segs: &[Segment], from: usize, to: Pos) -> Vec<String> {
    let last = to.seg.min(segs.len().saturating_sub(1));
    for s in segs.get(from..=last).unwrap_or_default() {
        let words: Vec<&str> = s.text.split_whitespace().collect();
        if let Some(k) = words.iter().position(|w| w.eq_ignore_ascii_case("c/o")) {
            return words[k + 1..].iter().map(|w| (*w).to_string()).collect();
        }
    }
    Vec::new()
}

/// The words of the signatures (lines with `/s/`) after the header: they often name the
/// reporting person.
fn signature_words(segs: &[Segment], from: Pos) -> Vec<String> {
    segs.iter()
        .skip(from.seg)
        .filter(|s| {
            s.text
                .as_bytes()
                .windows(3)
                .any(|w| w.eq_ignore_ascii_case(b"/s/"))
        })
        .flat_map(|s| {
            s.text
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Box 5's title from its words, a space between them: a word cut at its hyphen over two
/// lines (`Officer-` | `Investment`) is one word.
fn title_text<S: AsRef<str>, P>(words: &[(S, P)]) -> String {
    let mut text = String::new();
    for (w, _) in words {
        let cut_word =
            text.ends_with('-') && text[..text.len() - 1].ends_with(|c: char| c.is_alphanumeric());
        if !text.is_empty() && !cut_word {
            text.push(' ');
        }
        text.push_str(w.as_ref());
    }
    text
}

/// The words of some pieces, each with its own piece.
pub(crate) fn piece_words(segs: &[Segment], ps: &[Piece]) -> Vec<(String, Piece)> {
    let mut words = Vec::new();
    for p in ps {
        let t = &segs[p.seg].text[p.a..p.b];
        let mut off = 0;
        for w in t.split_whitespace() {
            let a = off + t[off..].find(w).unwrap_or(0);
            off = a + w.len();
            words.push((
                w.to_string(),
                Piece {
                    seg: p.seg,
                    a: p.a + a,
                    b: p.a + off,
                },
            ));
        }
    }
    words
}

impl Hit {
    pub(crate) fn span(&self, segs: &[Segment]) -> form4_grammar::Span {
        let a = segs[self.start.seg].src_span(self.start.byte, self.start.byte + 1);
        let last = self.end.seg.min(segs.len() - 1);
        let b = segs[last].src_span(self.end.byte.saturating_sub(1), self.end.byte);
        form4_grammar::Span::new(a.start, b.end.max(a.start))
    }
}

/// Text pieces between two positions.
pub(crate) fn pieces(segs: &[Segment], from: Pos, to: Pos) -> Vec<Piece> {
    // At most one piece per segment: room for all at once, as the tables ask for many.
    let last = to.seg.min(segs.len());
    let mut out = Vec::with_capacity((last + 1).saturating_sub(from.seg));
    let mut s = from.seg;
    while s < segs.len() && (s < to.seg || (s == to.seg && to.byte > 0)) {
        let a = if s == from.seg { from.byte } else { 0 };
        let b = if s == to.seg {
            to.byte
        } else {
            segs[s].text.len()
        };
        // Blank or not from the first characters on, not by trimming both ends: a padded
        // cell ends in a long run of spaces, and the tables ask for many pieces.
        if b > a && !segs[s].text[a..b].chars().all(char::is_whitespace) {
            out.push(Piece { seg: s, a, b });
        }
        s += 1;
    }
    out
}

pub(crate) fn slot_text(segs: &[Segment], ps: &[Piece]) -> String {
    let parts: Vec<&str> = ps
        .iter()
        .map(|p| segs[p.seg].text[p.a..p.b].trim())
        .collect();
    clean_spaces(&parts.join(" "))
}

pub(crate) fn cover_pieces(segs: &[Segment], ps: &[Piece], cx: &mut Ctx) {
    for p in ps {
        cx.cover(segs[p.seg].src_span(p.a, p.b));
    }
}

/// Case-insensitive search of raw segment text (for short captions that must keep their
/// parentheses, such as `(Street)`, which squashed matching would find in `Main Street`).
fn find_raw_all(segs: &[Segment], needle: &str, from: Pos, to: Pos) -> Vec<Hit> {
    let lower = needle.to_ascii_lowercase();
    let mut out = Vec::new();
    for (i, s) in segs.iter().enumerate().skip(from.seg) {
        if i > to.seg || (i == to.seg && to.byte == 0) {
            break;
        }
        let t = s.text.as_bytes();
        let mut at = if i == from.seg { from.byte } else { 0 };
        while let Some(a) = find_ignoring_case(&s.text, lower.as_bytes(), at) {
            let b = a + lower.len();
            let word_start = a == 0 || !t[a - 1].is_ascii_alphanumeric();
            let word_end = b >= t.len() || !t[b].is_ascii_alphanumeric();
            if word_start && word_end && (i < to.seg || b <= to.byte) {
                out.push(Hit {
                    start: Pos { seg: i, byte: a },
                    end: Pos { seg: i, byte: b },
                    cost: 0,
                });
            }
            at = b;
        }
    }
    out
}

/// Where `needle` (lower-case) first occurs in `text` at or after byte `at`, ASCII case
/// ignored: what a search of `text.to_ascii_lowercase()` finds, without the copy.
fn find_ignoring_case(text: &str, needle: &[u8], at: usize) -> Option<usize> {
    let (Some(&first), true) = (needle.first(), text.is_char_boundary(at)) else {
        return None;
    };
    let hay = &text.as_bytes()[at..];
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay)
        .find(|&k| {
            hay.get(k..k + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        })
        .map(|k| at + k)
}

/// Moves a hit's end over any of `extra` that follow it (spaces and cell breaks allowed
/// between: `(Last) | (First) | (Middle)`).
fn extend_over(segs: &[Segment], h: &mut Hit, extra: &[&str]) {
    loop {
        let mut at = h.end;
        if at.byte >= segs[at.seg].text.len() && at.seg + 1 < segs.len() {
            at = Pos {
                seg: at.seg + 1,
                byte: 0,
            };
        }
        let t = &segs[at.seg].text;
        let rest = &t[at.byte.min(t.len())..];
        let trimmed = rest.trim_start();
        let skip = rest.len() - trimmed.len();
        let lower = trimmed.to_ascii_lowercase();
        let Some(e) = extra
            .iter()
            .find(|e| lower.starts_with(&e.to_ascii_lowercase()))
        else {
            return;
        };
        h.end = Pos {
            seg: at.seg,
            byte: at.byte + skip + e.len(),
        };
    }
}

/// Whether a tick mark stands right before a checkbox label (after the previous label).
fn tick_before(segs: &[Segment], at: Pos, prev_end: Option<Pos>, cx: &mut Ctx) -> bool {
    let from = prev_end.unwrap_or(Pos {
        seg: at.seg,
        byte: 0,
    });
    let ps = pieces(segs, from, at);
    if let Some(p) = ps.last() {
        let t = &segs[p.seg].text[p.a..p.b];
        let last_word = t.split_whitespace().last().unwrap_or("");
        if values::is_tick(last_word) {
            let off = t.rfind(last_word).unwrap_or(0);
            cx.cover(segs[p.seg].src_span(p.a + off, p.a + off + last_word.len()));
            return true;
        }
    }
    false
}

/// Takes a date of the header read from `p`: its pieces are covered, and a date put
/// back together from two (`03/23/2 | 020`) is logged as repaired.
fn take_date(segs: &[Segment], field: &str, d: Date, p: &[Piece], cx: &mut Ctx) {
    if let [a, .., b] = p {
        let from: Vec<&str> = p
            .iter()
            .map(|q| segs[q.seg].text.get(q.a..q.b).unwrap_or("").trim())
            .collect();
        cx.repair(
            field,
            RepairKind::SplitDate,
            &from.join(" | "),
            &d.to_string(),
            Some(span_between(segs, a, b)),
        );
    }
    cover_pieces(segs, p, cx);
}

/// The first date in a slot (see [`dates`]).
fn first_date(segs: &[Segment], ps: &[Piece]) -> Option<(Date, Vec<Piece>)> {
    dates(segs, ps, false).into_iter().next()
}

/// The dates in some pieces, in order; a date cut in two (`03/23/2 | 020`, `03 | /23/2020`)
/// is put back together when its two pieces, made only of digits and slashes, touch.
/// `bare`: only pieces with no debris around them are put together (a stretch over several
/// lines of OCR'd text puts a date's debris beside another line's digits: `)2/05/202'` |
/// `4,`).
fn dates(segs: &[Segment], ps: &[Piece], bare: bool) -> Vec<(Date, Vec<Piece>)> {
    let words = piece_words(segs, ps);
    let datey = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'/');
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((w, p)) = words.get(i) {
        i += 1;
        if let Some(d) = word_date(w) {
            out.push((d, vec![*p]));
            continue;
        }
        if let Some((next, q)) = words.get(i) {
            let (c, n) = (date_core(w), date_core(next));
            let clean = !bare || (c == w && n == next);
            if clean && datey(c) && datey(n) && c.contains('/') | n.contains('/') {
                if let Some(d) = values::parse_date(&format!("{c}{n}")) {
                    out.push((d, vec![*p, *q]));
                    i += 1;
                }
            }
        }
    }
    out
}

/// A period box's date in the grid row under its label, in the label's own cells and
/// alone there (`2. Dat | e of Event` over `09/1 | 8/2020`), when no label around it
/// bounds a slot that holds it: a grid that cuts boxes 4 and 5's labels too leaves only
/// box 1's `(Last)`, printed in that row's first cell, to end the period's stretch, before
/// the date (1 Form 3 of pymupdf4llm). Anything but one date in those cells (a value of
/// another box the grid put there) gives no reading.
fn date_under_label(segs: &[Segment], label: Hit) -> Option<(Date, Vec<Piece>)> {
    let last = if label.end.byte == 0 {
        label.end.seg.checked_sub(1)?
    } else {
        label.end.seg
    };
    let at = segs.get(label.start.seg)?.place;
    let own = segs.get(label.start.seg..=last)?;
    if !at.in_table
        || own
            .iter()
            .any(|s| !s.place.in_table || s.place.block != at.block || s.place.row != at.row)
    {
        return None;
    }
    let lo = own.iter().map(|s| s.place.cell).min()?;
    let hi = own.iter().map(|s| s.place.cell).max()?;
    let below = row_below(at.row);
    let ps: Vec<Piece> = segs
        .iter()
        .enumerate()
        .skip(last + 1)
        .take_while(|(_, s)| s.place.in_table && s.place.block == at.block && s.place.row <= below)
        .filter(|(_, s)| s.place.row == below && (lo..=hi).contains(&s.place.cell))
        .filter(|(_, s)| !s.text.trim().is_empty())
        .map(|(k, s)| Piece {
            seg: k,
            a: 0,
            b: s.text.len(),
        })
        .collect();
    let found = dates(segs, &ps, true);
    let [(d, used)] = found.as_slice() else {
        return None;
    };
    (used.len() == piece_words(segs, &ps).len()).then(|| (*d, used.clone()))
}

/// Box 3's date cut by the grid at the cell line that also cuts its label off its number:
/// the box number and the date's month stay in one cell (`3.<br>05`), the label and the
/// rest of the date go on in the next (`Date of Earliest Tr<br>/25/2022`). The month is
/// the last piece before the label's cell, under the box number; the rest is the first
/// word of the slot that starts with a slash (3 filings of pymupdf4llm and 1 of
/// tesseract_pdf_pymupdf4llm, whose period was not read).
fn date_cut_at_label(segs: &[Segment], label: Hit, ps: &[Piece]) -> Option<(Date, Vec<Piece>)> {
    let l = label.start.seg;
    let month_seg = l.checked_sub(1)?;
    let number_seg = month_seg.checked_sub(1)?;
    let (at, month, number) = (segs[l].place, &segs[month_seg], &segs[number_seg]);
    let beside = |p: crate::text::Place| {
        p.in_table && p.block == at.block && p.row == at.row && p.cell + 1 == at.cell
    };
    if !at.in_table
        || label.start.byte != 0
        || !beside(month.place)
        || !beside(number.place)
        || !crate::grid::opens_box(&number.text)
    {
        return None;
    }
    let head = month.text.trim();
    if head.is_empty() || head.len() > 2 || !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (tail, p) = piece_words(segs, ps)
        .into_iter()
        .find(|(w, _)| w.starts_with('/'))?;
    if !tail.bytes().all(|b| b.is_ascii_digit() || b == b'/') {
        return None;
    }
    let d = values::parse_date(&format!("{head}{tail}"))?;
    let a = month.text.len() - month.text.trim_start().len();
    let head_piece = Piece {
        seg: month_seg,
        a,
        b: a + head.len(),
    };
    Some((d, vec![head_piece, p]))
}

/// The digits and slashes of a word that may be a date, debris around them trimmed
/// (`(12/04/2020)`, `12/04/2020]`), and a caption the converter glued before it
/// (`(Month/Day/Year)12/31/2019`: words in brackets without a digit).
fn date_core(w: &str) -> &str {
    let w = match w.rfind(')') {
        Some(k)
            if !w[..k].contains(|c: char| c.is_ascii_digit())
                && w[k + 1..].starts_with(|c: char| c.is_ascii_digit()) =>
        {
            &w[k + 1..]
        }
        _ => w,
    };
    w.trim_matches(|c: char| !c.is_ascii_digit() && c != '/')
}

/// The date a word holds, debris around it aside.
fn word_date(w: &str) -> Option<Date> {
    values::parse_date(date_core(w).trim_matches('/'))
}

/// The street line of a piece that ends with another box's date. Boxes printed side by side
/// and read across the page (picture text) put the date of the box beside box 1 (box 3's,
/// read by [`date_before_amend`]) at the end of box 1's line (`C/O ACME CORP 05/01/2012`); no part
/// of an address is a date, so the words before it are box 1's. A date anywhere else leaves
/// the piece whole, for the caller to set aside.
fn before_box3_date(segs: &[Segment], p: Piece) -> Piece {
    let words = piece_words(segs, std::slice::from_ref(&p));
    let Some(((last, date), rest)) = words.split_last() else {
        return p;
    };
    match (word_date(last), rest.last()) {
        (Some(_), Some((_, before))) => Piece {
            seg: p.seg,
            a: p.a,
            b: before.b.min(date.a),
        },
        _ => p,
    }
}

/// Box 1's city, state and ZIP line where picture text put other boxes' labels right after
/// `(Street)` (boxes 4 and 6 are printed beside box 1 and read across the page): the first
/// line of text between `(Street)` and `(City) (State) (Zip)` (`labels`, first and last)
/// when it is plainly one, words then a state code then a five-digit ZIP. A tick before it
/// and box 6's caption cut around it (`(Check Applicable` | … `Line)`) are other boxes'. Text before it
/// may be the head of a city cut over two lines (`NEW` | `YORK NY 10022`), and then none is
/// read. Returns the address and the pieces of its words.
fn city_line_apart(segs: &[Segment], labels: &[(Hit, Tag)]) -> Option<(Address, Vec<Piece>)> {
    for w in labels.windows(2) {
        for p in pieces(segs, w[0].0.end, w[1].0.start) {
            // The head of a caption cut across lines (`(Check Applicable`), not a value.
            let t = segs[p.seg].text[p.a..p.b].trim();
            if t.starts_with('(') && !t.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            // Fewer marks are set aside here than `strip_ticks` sets aside: an empty box at
            // the end (`MOUNTAIN CA 94043 ☐`) may stand where the rest of a city cut over
            // lines was, and the line is then not plainly a city line.
            let mut words = piece_words(segs, &[p]);
            while words.first().is_some_and(|(t, _)| values::is_tick(t)) {
                words.remove(0);
            }
            while words
                .last()
                .is_some_and(|(t, _)| t.ends_with(')') && !t.chars().any(|c| c.is_ascii_digit()))
            {
                words.pop();
            }
            let n = words.len();
            if n == 0 {
                continue;
            }
            if n < 3 {
                return None;
            }
            let zip = &words[n - 1].0;
            let zip_ok = zip.len() == 5 && zip.bytes().all(|b| b.is_ascii_digit());
            let city_ok = words[..n - 2].iter().all(|(t, _)| {
                t.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            });
            if !(zip_ok && is_state_code(&words[n - 2].0) && city_ok) {
                return None;
            }
            let city: Vec<&str> = words[..n - 2].iter().map(|(t, _)| t.as_str()).collect();
            let addr = Address {
                city: Some(city.join(" ")),
                state: Some(words[n - 2].0.clone()),
                zip: Some(zip.clone()),
                ..Address::default()
            };
            return Some((addr, words.into_iter().map(|(_, p)| p).collect()));
        }
    }
    None
}

/// The one date between the end of a period box's label (`from`: box 3's, or Form 3's box
/// 2's) and the amendment box's label after it, wherever the slots put it. A converter
/// reading boxes printed side by side across the page (picture text) puts the period's
/// date on a later line, after the labels of the boxes beside it; but no box printed
/// between the two labels holds a date, so a date there is the period's. Two different
/// dates say the text is not so simple, and neither is read.
///
/// A grid that cuts the amendment label across cells (`5. If Amendment, D|ate of`) loses it;
/// the relationship box's label after the period's then ends the stretch: no box between
/// them holds a date but the amendment's, and a second date gives no reading. Picture text
/// that cuts both labels over lines (Form 3's `4. Relationship of Reporting Person(s) to 5.
/// If Amendment, Date of Original` | `Issuer Filed`) loses both; box 1's `(Last)` caption,
/// printed under Form 3's box 2, then ends it (boxes 3 to 5 read before it hold no date
/// but the amendment's, and again a second date gives no reading).
fn date_before_amend(
    segs: &[Segment],
    kept: &[(Hit, Tag)],
    from: Pos,
) -> Option<(Date, Vec<Piece>)> {
    let after = |tag: Tag| {
        kept.iter()
            .find(|(h, t)| *t == tag && h.start >= from)
            .map(|(h, _)| h.start)
    };
    let to = after(Tag::Amend)
        .or_else(|| after(Tag::Rel))
        .or_else(|| after(Tag::LastFirst))?;
    let mut found: Option<(Date, Vec<Piece>)> = None;
    for (d, ps) in dates(segs, &pieces(segs, from, to), true) {
        match found {
            Some((f, _)) if f != d => return None,
            Some(_) => {}
            None => found = Some((d, ps)),
        }
    }
    found
}

/// Whether the text under box 5 is an officer's title or an "other" relationship, by its
/// words; `None` when it says neither clearly.
fn title_kind(text: &str) -> Option<Tag> {
    let lower = text.to_lowercase();
    // Pieces of the box's own labels, or OCR debris, say nothing about the owner. The
    // article between two words (`Member of a Group`) is a word, where nothing else is
    // short enough to be debris (`belo Fae L ee eae Member of a Group` is OCR's).
    let all_words: Vec<&str> = text.split_whitespace().collect();
    let long = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let article = |k: usize| all_words[k] == "a" && k > 0 && k + 1 < all_words.len();
    let bare = (0..all_words.len())
        .all(|k| long(all_words[k]) || article(k) || matches!(all_words[k], "-" | "&" | "/"));
    let words_ok = (0..all_words.len())
        .filter(|&k| long(all_words[k]) || (bare && article(k)))
        .count();
    // A sign that joins a title's words (`VP - Operations`, `&`) is neither word nor
    // debris; other punctuation standing alone (`;`, `:`) is debris.
    let all = text
        .split_whitespace()
        .filter(|w| !matches!(*w, "-" | "&" | "/"))
        .count();
    if ["give", "specif", "below", "(check", "applicable"]
        .iter()
        .any(|w| lower.contains(w))
        || words_ok * 10 < all * 8
    {
        return None;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    const OTHER: &[&str] = &[
        "member",
        "group",
        "remarks",
        "former",
        "deputization",
        "affiliate",
        "explanation",
        "footnote",
        "trustee",
    ];
    const OFFICER: &[&str] = &[
        "officer",
        "president",
        "ceo",
        "cfo",
        "coo",
        "cto",
        "cao",
        "chief",
        "vice",
        "vp",
        "evp",
        "svp",
        "secretary",
        "treasurer",
        "controller",
        "counsel",
        "chairman",
        "chair",
        "executive",
        "manager",
        "head",
        "principal",
    ];
    let other = OTHER.iter().any(|w| has(w));
    let officer = OFFICER.iter().any(|w| has(w));
    match (officer, other) {
        (true, false) => Some(Tag::Officer),
        (false, true) => Some(Tag::Other),
        _ => None,
    }
}

/// Officer titles' acronyms, which end no line of an address.
const TITLE_ACRONYMS: &[&str] = &["CEO", "CFO", "COO", "CTO", "CAO", "CIO", "EVP", "SVP"];

/// Leftovers of the box-1 captions, whole or cut by a converter (`(Middle)`, `(`, `ddle)`):
/// in parentheses, and their letters a piece of the captions' words.
fn is_caption_debris(t: &str) -> bool {
    t.trim().is_empty() || box1::is_caption(t)
}

/// Drops tick marks, empty check boxes and caption tails standing alone at either end of
/// a value.
fn strip_ticks(text: &str) -> String {
    // An empty box (`☐`) is a check box left unticked: no more a value's than a tick.
    // So is the tail of box 6's caption cut over lines (`Line)`): words in brackets
    // without a digit are no part of an address.
    let mark = |w: &str| {
        values::is_tick(w)
            || matches!(w, "☐" | "□")
            || (w.ends_with(')') && !w.contains('(') && !w.chars().any(|c| c.is_ascii_digit()))
    };
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.first().is_some_and(|w| mark(w)) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| mark(w)) {
        words.pop();
    }
    words.join(" ")
}

/// A trading symbol as printed in brackets: 1–6 capitals, digits or dots, a capital among them.
fn is_ticker(inner: &str) -> bool {
    (1..=6).contains(&inner.len())
        && inner
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.')
        && inner.bytes().any(|b| b.is_ascii_uppercase())
}

/// The first `[ TICKER ]` between two positions (see [`is_ticker`]).
fn bracketed_ticker(segs: &[Segment], from: Pos, to: Pos) -> Option<(String, form4_grammar::Span)> {
    for p in pieces(segs, from, to) {
        let t = &segs[p.seg].text[p.a..p.b];
        let mut at = 0;
        while let Some(open) = t[at..].find('[') {
            let open = at + open;
            let Some(close) = t[open..].find(']').map(|c| open + c) else {
                break;
            };
            let inner = t[open + 1..close].trim();
            if is_ticker(inner) {
                return Some((
                    inner.to_string(),
                    segs[p.seg].src_span(p.a + open, p.a + close + 1),
                ));
            }
            at = close + 1;
        }
    }
    None
}

/// `C/O ZORBIX, INC. 919 E. MILLBROOK BLVD.` → the care-of line and the street line, when a
/// converter joined box 1's two street lines: the street line starts at the house number.
fn split_care_of(line: &str) -> Option<(String, String)> {
    let lower = line.to_ascii_lowercase();
    if !lower.starts_with("c/o ") {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let k = words
        .iter()
        .enumerate()
        .skip(2)
        .find(|(_, w)| {
            w.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                && w.starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|(k, _)| k)?;
    Some((words[..k].join(" "), words[k..].join(" ")))
}

/// `ZORBIX, INC. [ZRBX]` / `ZORBIX, INC. [ ZRBX ]` → name and ticker.
/// Box 2's value in the grid row below its label's (`2. Issuer N | ame and Ticker | or
/// Trading Sy | mbol` over `ZEPHYR AU | TO CORP [ZA | O]`): the next row's cells under the
/// label's, one line each, joined where the grid cut them. Taken only with its bracketed
/// ticker, which no other box prints.
fn issuer_row_below(segs: &[Segment], label: Hit) -> Option<(String, String, Vec<Piece>)> {
    let at = segs.get(label.start.seg)?.place;
    if !at.in_table {
        return None;
    }
    let cells: Vec<usize> = (label.start.seg..=label.end.seg)
        .filter_map(|s| segs.get(s))
        .filter(|s| s.place.in_table && s.place.block == at.block && s.place.row == at.row)
        .map(|s| s.place.cell)
        .collect();
    let (first, last) = (*cells.iter().min()?, *cells.iter().max()?);
    // The next row the table has (a separator line takes a row number of its own).
    let next = (label.end.seg..segs.len())
        .find(|&s| !(segs[s].place.row == at.row && segs[s].place.block == at.block))?;
    let row = segs[next].place.row;
    let below: Vec<usize> = (next..segs.len())
        .take_while(|&s| {
            let p = segs[s].place;
            p.in_table && p.block == at.block && p.row == row
        })
        .filter(|&s| {
            (first..=last).contains(&segs[s].place.cell) && !segs[s].text.trim().is_empty()
        })
        .collect();
    // One line per cell, in cell order: a cell of two lines is not one line cut.
    let one_line = below
        .windows(2)
        .all(|w| segs[w[0]].place.cell < segs[w[1]].place.cell);
    if below.is_empty() || !one_line {
        return None;
    }
    let mut text = String::new();
    for &s in &below {
        let t = segs[s].text.trim();
        if !text.is_empty() && crate::grid::needs_space(&text, t) {
            text.push(' ');
        }
        text.push_str(t);
    }
    let (name, ticker) = issuer(&text)?;
    let ticker = ticker.filter(|t| is_ticker(t))?;
    if label_debris(&name).is_some() || name.contains(['[', ']']) {
        return None;
    }
    let pieces = below
        .iter()
        .map(|&s| Piece {
            seg: s,
            a: 0,
            b: segs[s].text.len(),
        })
        .collect();
    Some((name, ticker, pieces))
}

fn issuer(text: &str) -> Option<(String, Option<String>)> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let (Some(open), Some(close)) = (text.rfind('['), text.rfind(']')) {
        if open < close {
            let name = clean_spaces(&text[..open]);
            let ticker = clean_spaces(&text[open + 1..close]);
            let ticker = (!ticker.is_empty()).then_some(ticker);
            if !name.is_empty() {
                return Some((name, ticker));
            }
        }
    }
    Some((clean_spaces(text), None))
}

/// A state code: `CA`, or one of EDGAR's codes for other countries (`N4`, `A1`).
pub(crate) fn is_state_code(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 2
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
}

/// `FOSTER CITY CA 94404` → city, state, ZIP.
///
/// A ZIP or postal code has digits (at least three, or the US form); a state is two
/// characters (`CA`, or EDGAR's foreign codes such as `N4`). What is left is the city.
pub(crate) fn city_state_zip(text: &str) -> Option<Address> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let mut addr = Address::default();
    let has_digit = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    // Postal codes of two parts (`V5Y 0A1`, `W1K 3JP`) after a state code.
    let n = words.len();
    if n >= 4 && is_state_code(words[n - 3]) && has_digit(words[n - 2]) && has_digit(words[n - 1]) {
        addr.zip = Some(format!("{} {}", words[n - 2], words[n - 1]));
        addr.state = Some(words[n - 3].to_string());
        addr.city = Some(words[..n - 3].join(" "));
        return Some(addr);
    }
    let mut end = words.len();
    let last = words[end - 1];
    let digits = last.chars().filter(char::is_ascii_digit).count();
    // A comma groups an amount's digits (`2,000,000`); no postal code has one.
    if end > 1 && (digits >= 3 || (digits >= 1 && last.len() >= 5)) && !last.contains(',') {
        addr.zip = Some(last.to_string());
        end -= 1;
    }
    if end > 1 {
        let st = words[end - 1];
        if is_state_code(st) {
            addr.state = Some(st.to_string());
            end -= 1;
        }
    }
    addr.city = Some(words[..end].join(" "));
    Some(addr)
}

/// [`city_state_zip`], with the city left out when a ZIP has no state before it: the
/// state was glued to the city (`RICHARDSONTX 75082`), and where the city ends is not
/// known (all 189 addresses of the corpus's 120 filings with a ZIP have a state).
pub(crate) fn city_state_zip_whole(text: &str) -> Option<Address> {
    city_state_zip(text).map(without_glued_state)
}

/// An address without its city when a ZIP has no state before it (see
/// [`city_state_zip_whole`]), unless the state can be told apart from the city's end
/// ([`glued_state`]: split, with the repair logged, by [`drop_mixed_values`]).
pub(crate) fn without_glued_state(mut addr: Address) -> Address {
    if addr.zip.is_some() && addr.state.is_none() && glued_state(&addr).is_none() {
        addr.city = None;
    }
    addr
}

/// Words run together: a number glued to a word of five letters or more (ordinals and unit
/// letters are shorter: `37TH`, `100A`), or sixteen letters on end, longer than any word
/// of an address.
pub(crate) fn lost_spaces(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let b = w.as_bytes();
        let mut run = 0;
        let mut after_digit = false;
        for (i, &c) in b.iter().enumerate() {
            if c.is_ascii_alphabetic() {
                if run == 0 {
                    after_digit = i > 0 && b[i - 1].is_ascii_digit();
                }
                run += 1;
                if run >= 16 || after_digit && run >= 5 {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        false
    })
}

/// The US states (and DC and the territories) by the first digit of their ZIP codes, as
/// the Postal Service assigns them.
const STATES_BY_ZIP_DIGIT: [&[&str]; 10] = [
    &["CT", "MA", "ME", "NH", "NJ", "PR", "RI", "VT", "VI"],
    &["DE", "NY", "PA"],
    &["DC", "MD", "NC", "SC", "VA", "WV"],
    &["AL", "FL", "GA", "MS", "TN"],
    &["IN", "KY", "MI", "OH"],
    &["IA", "MN", "MT", "ND", "SD", "WI"],
    &["IL", "KS", "MO", "NE"],
    &["AR", "LA", "OK", "TX"],
    &["AZ", "CO", "ID", "NM", "NV", "UT", "WY"],
    &["AK", "CA", "HI", "OR", "WA", "GU", "AS", "MP"],
];

/// A state glued to the end of the city (`RICHARDSONTX 75082`): the city's last word, in
/// capitals, ends with the code of a state whose ZIP codes start with the ZIP's first digit.
/// A city whose state was lost instead (`MIAMI 33131`) ends so only by chance, and the ZIP
/// rarely agrees (`MI` takes ZIPs from 4). Returns the city and the state.
fn glued_state(addr: &Address) -> Option<(String, String)> {
    let zip = addr.zip.as_deref().filter(|z| us_zip(z))?;
    let city = addr.city.as_deref()?.trim_end();
    let last = city.split_whitespace().last()?;
    let head_len = last.len().checked_sub(2).filter(|&n| n >= 3)?;
    if !last.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let (head, state) = last.split_at(head_len);
    let digit = usize::from(zip.as_bytes()[0] - b'0');
    STATES_BY_ZIP_DIGIT
        .get(digit)
        .is_some_and(|states| states.contains(&state))
        .then(|| {
            let before = &city[..city.len() - last.len()];
            (format!("{before}{head}"), state.to_string())
        })
}

/// A US ZIP code: five digits, or five and four (`94025`, `10022-1234`). Every ZIP after a
/// state of two letters in the corpus's 120 filings (166) has five digits.
fn us_zip(z: &str) -> bool {
    let (five, four) = z.split_once('-').unwrap_or((z, "0000"));
    five.len() == 5
        && four.len() == 4
        && five.bytes().chain(four.bytes()).all(|b| b.is_ascii_digit())
}

/// Puts back the space a rendering lost after a comma inside a name (`FUND,INC.`): none
/// of the issuers' and owners' names of the corpus's 120 filings has a comma between two
/// letters.
pub(crate) fn space_after_commas(record: &mut Record, cx: &mut Ctx) {
    let fix = |value: &mut Option<String>, field: &str, cx: &mut Ctx| {
        let Some(v) = value.as_deref() else { return };
        let spaced = comma_spaced(v);
        if spaced != v {
            cx.repair(field, RepairKind::JoinedText, v, &spaced, None);
            *value = Some(spaced);
        }
    };
    fix(&mut record.issuer.name, "issuer.name", cx);
    for (i, o) in record.reporting_owners.iter_mut().enumerate() {
        fix(&mut o.name, &format!("reporting_owners[{i}].name"), cx);
    }
}

/// `FUND,INC.` → `FUND, INC.`: a comma between two letters gets a space after it.
pub(crate) fn comma_spaced(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    let mut prev: Option<char> = None;
    let mut chars = v.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == ','
            && prev.is_some_and(char::is_alphabetic)
            && chars.peek().is_some_and(|n| n.is_alphabetic())
        {
            out.push(' ');
        }
        prev = Some(c);
    }
    out
}

/// Leaves out names and addresses that hold the text of other boxes' labels.
pub(crate) fn drop_mixed_values(record: &mut Record, cx: &mut Ctx) {
    let check = |value: &mut Option<String>, field: String, cx: &mut Ctx| {
        let Some(v) = value.as_deref() else { return };
        if let Some(w) = label_debris(v) {
            cx.warn(
                WarningCode::Unreadable,
                Some(&field),
                &format!(
                    "`{v}` holds `{w}`, text of another box: the converter mixed the boxes' labels and values, so it was left out"
                ),
                None,
            );
            *value = None;
        }
    };
    check(&mut record.issuer.name, "issuer.name".into(), cx);
    // A trading symbol is capitals, digits and dots (all 120 of the corpus's filings'):
    // anything else was read from text the converter mixed.
    if let Some(t) = record.issuer.trading_symbol.as_deref() {
        if !is_ticker(t) {
            cx.warn(
                WarningCode::Unreadable,
                Some("issuer.trading_symbol"),
                &format!("`{t}` is no trading symbol: it was left out"),
                None,
            );
            record.issuer.trading_symbol = None;
        }
    }
    // A name with a bracket left open was cut inside other text (`ZEPHYR MOTOR CO Z DOE
    // JOHN (`); names print their brackets in pairs (`HOLDINGS (DE) LLC`).
    if let Some(n) = record.issuer.name.as_deref() {
        if n.matches('(').count() != n.matches(')').count() {
            cx.warn(
                WarningCode::Unreadable,
                Some("issuer.name"),
                &format!("`{n}` leaves a bracket unpaired: it was cut inside other text, so it was left out"),
                None,
            );
            record.issuer.name = None;
        }
    }
    for (i, o) in record.reporting_owners.iter_mut().enumerate() {
        let at = |f: &str| format!("reporting_owners[{i}].{f}");
        if let (Some(z), Some(st)) = (o.address.zip.as_deref(), o.address.state.as_deref()) {
            // A code with letters is a foreign one under a misread state code: kept.
            let lettered = z.chars().any(char::is_alphabetic);
            if st.chars().all(|c| c.is_ascii_alphabetic()) && !lettered && !us_zip(z) {
                cx.warn(
                    WarningCode::Unreadable,
                    Some(&at("address.zip")),
                    &format!("`{z}` after the state `{st}` is not a ZIP code of five digits: it was cut or holds debris, so it was left out"),
                    None,
                );
                o.address.zip = None;
            }
        }
        if let Some((city, state)) = glued_state(&o.address).filter(|_| o.address.state.is_none()) {
            // A street that lost its spaces too (`2029STIERLINCOURT`) says the converter
            // lost the block's spaces, the city's own among them (`MOUNTAINVIEWCA`): the
            // glued city is then left out, and the warning below says why.
            let spaced = ![&o.address.street1, &o.address.street2]
                .into_iter()
                .flatten()
                .any(|s| lost_spaces(s));
            if spaced {
                cx.repair(
                    &at("address.state"),
                    RepairKind::JoinedText,
                    o.address.city.as_deref().unwrap_or_default(),
                    &format!("{city} {state}"),
                    None,
                );
                o.address.city = Some(city);
                o.address.state = Some(state);
            } else {
                o.address.city = None;
            }
        }
        if o.address.zip.is_some() && o.address.state.is_none() && o.address.city.is_none() {
            cx.warn(
                WarningCode::Unreadable,
                Some(&at("address.city")),
                "no state was found before the ZIP: it may be glued to the city, whose end is then not known, so the city was left out",
                None,
            );
        }
        zip_from_street(&mut o.address, &at("address"), cx);
        drop_street_in_city(&mut o.address, &at("address"), cx);
        for (value, part) in [
            (&mut o.name, "name"),
            (&mut o.address.street1, "address.street1"),
            (&mut o.address.street2, "address.street2"),
            (&mut o.address.city, "address.city"),
        ] {
            if let Some(w) = value.as_deref().and_then(cross_reference) {
                cx.warn(
                    WarningCode::Unreadable,
                    Some(&at(part)),
                    &format!(
                        "`{}` holds `{w}`, a pointer to other text such as box 5's title: the converter read box 5 into it, so it was left out",
                        value.as_deref().unwrap_or_default()
                    ),
                    None,
                );
                *value = None;
            }
        }
        check(&mut o.name, at("name"), cx);
        check(&mut o.address.street1, at("address.street1"), cx);
        check(&mut o.address.street2, at("address.street2"), cx);
        // Alone: a number under a street line ending in `SUITE` is its rest.
        let lone = o.address.street1.is_none() || o.address.street2.is_none();
        for (line, part) in [
            (&mut o.address.street1, "address.street1"),
            (&mut o.address.street2, "address.street2"),
        ] {
            if lone && line.as_deref().is_some_and(digits_only) {
                cx.warn(
                    WarningCode::Unreadable,
                    Some(&at(part)),
                    &format!(
                        "`{}` is digits alone, no street line: another box's value (a date's piece) was read into it, so it was left out",
                        line.as_deref().unwrap_or_default()
                    ),
                    None,
                );
                *line = None;
            }
        }
        check(&mut o.address.city, at("address.city"), cx);
        check(&mut o.officer_title, at("officer_title"), cx);
        check(&mut o.other_text, at("other_text"), cx);
    }
}

/// The word of a value that points the reader elsewhere (`See`, `Remarks`, `Explanation of
/// Responses`, a `*` footnote mark): box 5's title and `Other` text are written that way
/// (`See Remarks`, `*Director by Proxy`; 15 owners of 4 of the corpus's 120 filings),
/// while none of their 189 owners' names, streets or cities holds one. In a name or an
/// address it is box 5's text, which the converter read across into box 1 (3 values of
/// pymupdf4llm and 3 garbled OCR'd names, all wrong; no correct value is lost).
fn cross_reference(value: &str) -> Option<&str> {
    const WORDS: [&str; 4] = ["see", "remarks", "explanation", "responses"];
    value
        .split_whitespace()
        .find(|w| w.contains('*') || WORDS.contains(&ascii_letters(w).as_str()))
}

/// Whether a text is digits and nothing else: as an owner's only street line, none of the
/// corpus's 189 owners' has one (`#500` is the barest line, and the one line of digits
/// alone, `200`, follows a line ending in `SUITE`), while the grid leaves a piece of box
/// 3's date (`03`) in box 1's column (1 street of pymupdf4llm, wrong).
fn digits_only(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// Words that name a street and no city: none of the corpus's 189 owners' cities holds
/// one (their streets hold them 175 times).
const STREET_WORDS: [&str; 8] = [
    "road",
    "street",
    "avenue",
    "suite",
    "floor",
    "drive",
    "blvd",
    "boulevard",
];

/// A city holding a street's word (`MAPLELLOW ROAD GROVE`) was put together from the
/// street's lines and the city's, cut by the grid and interleaved: the line under the
/// street's is not known, so the city and the street lines are all left out (1 filing of
/// pymupdf4llm, city and street both wrong; no city of the corpus's 189 owners holds one).
fn drop_street_in_city(address: &mut Address, at: &str, cx: &mut Ctx) {
    let Some(city) = address.city.as_deref() else {
        return;
    };
    let Some(w) = city
        .split_whitespace()
        .find(|w| STREET_WORDS.contains(&ascii_letters(w).as_str()))
    else {
        return;
    };
    cx.warn(
        WarningCode::Unreadable,
        Some(&format!("{at}.city")),
        &format!(
            "the city `{city}` holds `{w}`, a street's word: the street's and the city's lines were mixed, so both were left out"
        ),
        None,
    );
    address.city = None;
    address.street1 = None;
    address.street2 = None;
}

/// A street line that ends in a ZIP code while the ZIP is empty (`450 MAPLE ROAD 60614`)
/// took the ZIP, read across from the city's line: it is moved to the ZIP. None of the
/// corpus's 189 owners' street lines ends in five digits (1 filing of pymupdf4llm gains
/// its street and its ZIP). A post office box's number stays (`P.O. BOX 12345`).
fn zip_from_street(address: &mut Address, at: &str, cx: &mut Ctx) {
    if address.zip.is_some() || address.state.is_none() {
        return;
    }
    for line in [&mut address.street2, &mut address.street1] {
        let Some(v) = line.as_deref() else { continue };
        let Some((head, last)) = v.rsplit_once(' ') else {
            continue;
        };
        let before = head.split_whitespace().last().map(ascii_letters);
        if !us_zip(last) || before.as_deref().is_none_or(|b| b.is_empty() || b == "box") {
            continue;
        }
        let (head, last) = (head.trim_end().to_string(), last.to_string());
        cx.repair(
            &format!("{at}.zip"),
            RepairKind::JoinedText,
            v,
            &format!("{head} | ZIP {last}"),
            None,
        );
        *line = Some(head);
        address.zip = Some(last);
        return;
    }
}

/// Puts back the spaces the names and street lines lost at a cut of the converter's grid
/// (`ZORBIX | PARTNERS` joined as `ZORBIXPARTNERS`: at a cut between capitals nothing tells a
/// space from none) where the document prints the same word with a space elsewhere (a
/// later owner's box, a footnote, the signature). Each word is looked up on its own, as
/// a cut falls inside one word; a word the document never prints otherwise stays (2
/// cities of pymupdf4llm and 7 of tesseract_pdf_pymupdf4llm made right, none made wrong).
pub(crate) fn respace_header(record: &mut Record, doc: &LazyAttested<'_>, cx: &mut Ctx) {
    let fix = |value: &mut Option<String>, field: &str, cx: &mut Ctx| {
        let Some(v) = value.as_deref() else { return };
        let mut changed = false;
        let words: Vec<String> = v
            .split(' ')
            .map(|w| {
                match can_split(w)
                    .then(|| doc.respace(w))
                    .flatten()
                    .filter(|sp| whole_words(sp))
                {
                    Some(spaced) => {
                        changed = true;
                        spaced
                    }
                    None => w.to_string(),
                }
            })
            .collect();
        if changed {
            let spaced = words.join(" ");
            cx.repair(
                field,
                RepairKind::JoinedText,
                &format!("`{v}`, spaced as the document prints it elsewhere"),
                &spaced,
                None,
            );
            *value = Some(spaced);
        }
    };
    fix(&mut record.issuer.name, "issuer.name", cx);
    for (i, o) in record.reporting_owners.iter_mut().enumerate() {
        let at = |f: &str| format!("reporting_owners[{i}].{f}");
        fix(&mut o.name, &at("name"), cx);
        fix(&mut o.address.street1, &at("address.street1"), cx);
        fix(&mut o.address.street2, &at("address.street2"), cx);
        fix(&mut o.address.city, &at("address.city"), cx);
    }
}

/// Whether each word of a respaced text has three letters or digits or more: the
/// document's other places print short codes apart (`L P/IL` beside a name's `LP`), so a
/// split that leaves a piece of one or two is not taken.
/// Whether a word has letters and digits enough for two pieces that [`whole_words`]
/// keeps: a shorter one is not looked up (the lookup builds the document's attested text).
fn can_split(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphanumeric()).count() >= 6
}

fn whole_words(spaced: &str) -> bool {
    spaced
        .split_whitespace()
        .all(|w| w.chars().filter(|c| c.is_alphanumeric()).count() >= 3)
}

/// Text in the table row under box 2's name, in a cell of box 2, with neither a capital
/// nor a digit, that is no piece of a printed label (`ny oware n`): letters of the name's
/// own line that the converter put a row lower (`Z | orbi Sft I` over `x oware n` is
/// `Zorbix Software Inc.` cut in two). Whatever else that row holds there (box 1's name,
/// box 3's label, a tick, a date) has a capital or a digit, or is a label's piece
/// (`nsaction`, `title below)`); the name read from the upper row alone lacks letters
/// (1 issuer of pymupdf4llm and 2 of tesseract_pdf_pymupdf4llm, all wrong; no correct one
/// is lost). A lone letter or stop below (`y`, `.`) is not told from a label's piece and
/// is let be.
fn issuer_line_below(segs: &[Segment], ps: &[Piece]) -> Option<String> {
    let first = segs.get(ps.first()?.seg)?.place;
    if !first.in_table {
        return None;
    }
    let own = |i: usize| ps.iter().any(|p| p.seg == i);
    let in_row = |s: &Segment, row: usize| {
        s.place.in_table && s.place.block == first.block && s.place.row == row
    };
    let row = ps
        .iter()
        .map(|p| segs[p.seg].place)
        .filter(|pl| pl.in_table && pl.block == first.block)
        .map(|pl| pl.row)
        .max()?;
    // Box 2's cells: from its name's first cell to the next box's label.
    let start = ps
        .iter()
        .map(|p| segs[p.seg].place)
        .filter(|pl| pl.row == row)
        .map(|pl| pl.cell)
        .min()?;
    let end = segs
        .iter()
        .enumerate()
        .filter(|&(i, s)| {
            in_row(s, row) && !own(i) && s.place.cell > start && crate::grid::opens_box(&s.text)
        })
        .map(|(_, s)| s.place.cell)
        .min()
        .unwrap_or(usize::MAX);
    // The next row of the table (a Markdown table's rule line takes a row's number).
    let below = segs
        .iter()
        .filter(|s| s.place.in_table && s.place.block == first.block && s.place.row > row)
        .map(|s| s.place.row)
        .min()?;
    // A name the grid cut and put back together may have left its last letters alone in
    // the row below (`Unit Software In | c [U]` over `y`): every letter is in some label,
    // so a lone one is taken as the name's when the name was cut.
    let cut = ps.iter().any(|p| !segs[p.seg].joins.is_empty());
    // Alone in its cell: a label's tail (`Owne | r<br>ify`) goes on with the label's
    // other lines.
    let alone = |s: &Segment| {
        segs.iter()
            .filter(|o| {
                in_row(o, below) && o.place.cell == s.place.cell && !o.text.trim().is_empty()
            })
            .count()
            == 1
    };
    segs.iter()
        .filter(|s| in_row(s, below) && (start..end).contains(&s.place.cell))
        .find(|s| {
            let t = s.text.trim();
            let letters = ascii_letters(t);
            !letters.is_empty()
                && !t.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
                && !box1::is_caption(t)
                && (!in_header_label(&letters) || (cut && t.chars().count() == 1 && alone(s)))
        })
        .map(|s| s.text.trim().to_string())
}

/// Whether letters (lower-case, nothing else) are a piece of a label printed in the
/// header (`nsaction`, `title below)`, `te of`): a grid cuts labels as it cuts values.
fn in_header_label(letters: &str) -> bool {
    [
        NAME_BOX,
        ISSUER_BOX,
        AMEND_BOX,
        REL_BOX,
        JOINT_BOX,
        "Officer (give title below)",
        "Other (specify below)",
        "(Last) (First) (Middle)",
        "(Street)",
        "(City) (State) (Zip)",
    ]
    .iter()
    .chain(PERIOD_BOXES)
    .chain(CAPTIONS)
    .chain(&JOINT_LINES)
    .any(|l| ascii_letters(l).contains(letters))
}

/// Where segment `s`'s own text ends: at the first label that starts on it, or at its end.
fn line_end_before_labels(segs: &[Segment], kept: &[(Hit, Tag)], s: usize) -> usize {
    kept.iter()
        .filter(|(h, _)| h.start.seg == s)
        .map(|(h, _)| h.start.byte)
        .min()
        .unwrap_or(segs[s].text.len())
}

/// Box 1's street lines in picture text, where the boxes printed beside box 1 are read
/// across the page: each line between the `(Last)` caption's line (`kept[lf]`) and the
/// `(Street)` caption's (`kept[street]`) starts with box 1's text, if any, and goes on with
/// boxes 3 to 6 (a label, box 3's date, a tick, an officer's title). A street line is
/// the line's lead up to the first of those; EDGAR writes addresses in capitals, so words
/// with small letters (or no letter) after it are box 5's title (`48 WEST HARTWELL
/// STREET Chairman`),
/// and a lead with small letters is no street. `None` when the captions are not on lines
/// of their own in picture text, or no line has a street.
///
/// Small letters only set a title apart when box 1's capitals stand before them: a lead
/// whose small letters follow no capital word (`1 Acme Way`, `c/o Acme Holdings`) may be a
/// street printed in mixed case as well as a number and a title, and the line is
/// [`PictureStreet::Unsure`].
fn picture_street(
    segs: &[Segment],
    kept: &[(Hit, Tag)],
    lf: usize,
    street: usize,
    damaged: bool,
) -> Option<PictureStreet> {
    let (first, last) = (kept[lf].0.end.seg, kept[street].0.start.seg);
    if segs[first].place.in_table || segs[last].place.in_table || last <= first + 1 {
        return None;
    }
    let mut out = Vec::new();
    let mut unsure: Vec<Piece> = Vec::new();
    for s in first + 1..last {
        if kept.iter().any(|(h, _)| h.start.seg < s && h.end.seg >= s) {
            continue;
        }
        let end = line_end_before_labels(segs, kept, s);
        let line = Piece {
            seg: s,
            a: 0,
            b: end,
        };
        let mut words = piece_words(segs, std::slice::from_ref(&line));
        let cut = words
            .iter()
            .position(|(w, _)| word_date(w).is_some() || values::is_tick(w))
            .unwrap_or(words.len());
        // Words in capitals only after box 3's date may be the rest of the street, cut by
        // the date: the line is left unread. (Box 5's title beside it has small letters:
        // `SVP, GC and`.)
        let after = words.get(cut + 1..).unwrap_or_default();
        let lettered = || {
            after
                .iter()
                .filter(|(w, _)| w.chars().any(char::is_alphabetic))
        };
        if lettered().count() > 0 && lettered().all(|(w, _)| !w.chars().any(char::is_lowercase)) {
            continue;
        }
        words.truncate(cut);
        let lead = words.clone();
        // Also a caption's cut parenthesis before box 3's label (`(` of `(Month/Day/Year)`),
        // and the title's last line when it is an acronym in capitals (`SUITE 5300 CEO`),
        // or its first when it begins with one (`SUITE 5300 SVP,`): no address line ends
        // in one. (Not `VP`: OCR'd text may put a title's cut `VP` before a street line,
        // and the title's rest read with it would be misread.)
        while words.last().is_some_and(|(w, _)| {
            let bare = w.trim_matches(|c: char| matches!(c, ',' | '/' | '-' | '.'));
            w.chars().any(char::is_lowercase)
                || !w.chars().any(char::is_alphanumeric)
                || TITLE_ACRONYMS.contains(&bare)
        }) {
            words.pop();
        }
        let capitals = words
            .iter()
            .all(|(w, _)| !w.chars().any(char::is_lowercase));
        let text: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        let text = text.join(" ");
        let dropped_small = lead[words.len()..]
            .iter()
            .any(|(w, _)| w.chars().any(char::is_lowercase));
        // Small letters dropped as a title's are one only after box 1's capitals; a whole
        // lead dropped so is a title's line unless it holds a digit (`One Market Plaza,
        // 9th Floor`: none of the corpus's 31 titles and other texts has one). A lead kept
        // with small letters and nothing dropped ends in no title's word, so all of it is
        // box 1's: a street printed in mixed case.
        // OCR'd text is left as it was read: stray small letters there are the scanner's
        // (`ie L aks`) far more often than a street's, and a label it misread leaves its
        // box's number (`6. Indrvidual or Filing`).
        let split_unsure = if words.is_empty() {
            dropped_small
                && lead
                    .iter()
                    .any(|(w, _)| w.chars().any(|c| c.is_ascii_digit()))
        } else {
            dropped_small && (!capitals || !capital_word(&words))
        };
        let debris = is_caption_debris(&text);
        if split_unsure
            && !damaged
            && (words.is_empty() || !(debris || values::item_number(&text, &['.', ','])))
        {
            unsure.extend(lead.iter().map(|(_, p)| *p));
            continue;
        }
        let mixed_case = !capitals && !dropped_small && !damaged;
        if (!capitals && !mixed_case) || !text.chars().any(char::is_alphanumeric) || debris {
            continue;
        }
        if let (Some((_, a)), Some((_, b))) = (words.first(), words.last()) {
            out.push(Piece {
                seg: s,
                a: a.a,
                b: b.b,
            });
        }
    }
    if !unsure.is_empty() {
        return Some(PictureStreet::Unsure(unsure));
    }
    (!out.is_empty()).then_some(PictureStreet::Lines(out))
}

/// Box 1's street lines read by [`picture_street`].
enum PictureStreet {
    /// The street's lines.
    Lines(Vec<Piece>),
    /// A line's lead whose small letters may be the street's or box 5's title's: the words
    /// of the lead, which neither the street nor the title may be read from.
    Unsure(Vec<Piece>),
}

/// Whether the last word with letters among `words` is in capitals (`SUITE` of `SUITE 200`):
/// box 1's text as EDGAR prints it, after which small letters are another box's.
fn capital_word<P>(words: &[(String, P)]) -> bool {
    words
        .iter()
        .rev()
        .find(|(w, _)| w.chars().any(char::is_alphabetic))
        .is_some_and(|(w, _)| !w.chars().any(char::is_lowercase))
}

/// Acronyms that begin or make an officer's title (`VP, General Counsel`, `SVP, GC and`).
const TITLE_HEADS: &[&str] = &["VP", "GC"];

/// Words that join a title's parts and end none (`Vice President and`, `Member of a`).
const JOINING_WORDS: &[&str] = &["and", "&", "of", "a", "the", "or", "to", "for", "-", "/"];

/// The rest of box 5's title cut after a joining word (`text`, read from pieces `ps`) by a
/// converter's grid: the title's column goes on in the next row of the table, where the
/// cell under the title's holds the rest alone, first in its cell (`Vice President and` |
/// `Controller`). `Ok(None)` when the title is not cut so; `Err` when it is and no such
/// rest is found.
fn title_rest_below(
    segs: &[Segment],
    kept: &[(Hit, Tag)],
    text: &str,
    ps: &[Piece],
) -> Result<Option<(String, Piece)>, ()> {
    let last = text.split_whitespace().last().unwrap_or("");
    let cut = text.ends_with(',') || JOINING_WORDS.contains(&last.to_lowercase().as_str());
    if !cut {
        // Cut before a joining word instead: the rest below starts with it (`Vice
        // President` | `& Treasurer`; 1 owner of pymupdf4llm). No title ends with a
        // joining word, so a cell below that starts with one goes on the title.
        return Ok(title_rest_below_joined(segs, kept, ps));
    }
    let at = ps.last().ok_or(())?.seg;
    let here = segs[at].place;
    if !here.in_table {
        return Err(());
    }
    let below = (at + 1..segs.len())
        .take_while(|&s| segs[s].place.in_table && segs[s].place.block == here.block)
        .find(|&s| {
            let p = segs[s].place;
            p.row == here.row + 1 && p.cell == here.cell && p.piece == 0
        })
        .ok_or(())?;
    let seg = &segs[below];
    let alone = (below + 1 == segs.len()) || segs[below + 1].place.piece == 0;
    let labelled = kept
        .iter()
        .any(|(h, _)| h.start.seg <= below && below <= h.end.seg);
    let rest = seg.text.trim();
    let titled = !rest.is_empty()
        && rest.split_whitespace().all(title_word)
        && mixed_title(rest).is_none()
        && !JOINING_WORDS.contains(&rest.to_lowercase().as_str());
    if !alone || labelled || !titled {
        return Err(());
    }
    let a = seg.text.len() - seg.text.trim_start().len();
    Ok(Some((
        rest.to_string(),
        Piece {
            seg: below,
            a,
            b: a + rest.len(),
        },
    )))
}

/// The cell under box 5's title, alone in its cell, unlabelled, that starts with a joining
/// word and goes on with a title's words (`& Treasurer`): the rest of a title cut before
/// the joining word by the converter's grid.
fn title_rest_below_joined(
    segs: &[Segment],
    kept: &[(Hit, Tag)],
    ps: &[Piece],
) -> Option<(String, Piece)> {
    let at = ps.last()?.seg;
    let here = segs[at].place;
    if !here.in_table {
        return None;
    }
    let below = (at + 1..segs.len())
        .take_while(|&s| segs[s].place.in_table && segs[s].place.block == here.block)
        .find(|&s| {
            let p = segs[s].place;
            p.row == here.row + 1 && p.cell == here.cell && p.piece == 0
        })?;
    let seg = &segs[below];
    let alone = (below + 1 == segs.len()) || segs[below + 1].place.piece == 0;
    let labelled = kept
        .iter()
        .any(|(h, _)| h.start.seg <= below && below <= h.end.seg);
    let rest = seg.text.trim();
    let mut words = rest.split_whitespace();
    let joined = words
        .next()
        .is_some_and(|w| JOINING_WORDS.contains(&w.to_lowercase().as_str()));
    let titled = words.clone().next().is_some()
        && words.all(title_word)
        && mixed_title(rest).is_none()
        && !rest
            .split_whitespace()
            .last()
            .is_some_and(|w| JOINING_WORDS.contains(&w.to_lowercase().as_str()));
    if !alone || labelled || !joined || !titled {
        return None;
    }
    let a = seg.text.len() - seg.text.trim_start().len();
    Some((
        rest.to_string(),
        Piece {
            seg: below,
            a,
            b: a + rest.len(),
        },
    ))
}

/// Why a text read as box 5's title is not one, if it is not: a word with two digits or
/// more is another box's value (a street number, box 3's date: none of the corpus's 31
/// titles and other texts has one), and a text without a word of two letters is debris.
fn mixed_title(text: &str) -> Option<&'static str> {
    let words = || text.split_whitespace();
    if text.is_empty() {
        None
    } else if words().any(|w| w.chars().filter(char::is_ascii_digit).count() >= 2) {
        Some("holds a number, another box's value")
    } else if !words().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2) {
        Some("holds no word")
    } else if words().any(|w| {
        let letters = ascii_letters(w);
        ["give", "specify", "below"].contains(&letters.as_str())
    }) {
        // `Officer (give`: box 5's own caption, read where OCR lost the title's place.
        Some("holds words of box 5's captions")
    } else {
        None
    }
}

/// Box 5's title read by [`picture_title`].
struct PictureTitle {
    text: String,
    pieces: Vec<Piece>,
    /// What the title's words say the relationship is.
    kind: Tag,
    /// Whether a tick mark stood among the title's lines that no check box's label took:
    /// the box it marks is not known.
    stray_tick: bool,
}

/// Whether a word can be part of box 5's title as picture text prints it beside box 1's
/// capitals: it has small letters, is an officer's acronym, or is a sign (`&`, `/`, `-`).
/// A word holding a parenthesis is the rest of a caption (`below)`, `Line)`).
fn title_word(w: &str) -> bool {
    let bare = w.trim_matches(|c: char| matches!(c, ',' | '/' | '-' | '.'));
    !w.contains(['(', ')'])
        && !values::is_tick(w)
        && (w.chars().any(char::is_lowercase)
            || TITLE_ACRONYMS.contains(&bare)
            || TITLE_HEADS.contains(&bare)
            || !w.chars().any(char::is_alphanumeric))
}

/// Whether a title can begin with the word: a capital then small letters, or an acronym.
fn title_head(w: &str) -> bool {
    let bare = w.trim_matches(|c: char| matches!(c, ',' | '/' | '-' | '.'));
    TITLE_ACRONYMS.contains(&bare)
        || TITLE_HEADS.contains(&bare)
        || (w.starts_with(|c: char| c.is_uppercase()) && w.chars().any(char::is_lowercase))
}

/// Box 5's title (or "other" text) in picture text, where boxes 1, 3 and 5 are printed side
/// by side and read across the page: box 5's column is the last, so on each line between
/// box 5's check boxes (`kept[ticks]`, the last of them) and the next box's label
/// (`kept[next]`, box 4 or box 6) the title's words are the line's last ones, after box 1's
/// street or city line in capitals, box 3's label or date, and a tick. EDGAR writes
/// addresses in capitals (none of the 501 street and city lines of the corpus's 120
/// filings has a small letter), and titles are in mixed case (28 of its 31 titles), so
/// the title starts where small letters (or an officer's acronym) follow the capitals.
/// `None` when no line holds a title, or a word with small letters is left out of it (the
/// title could not be told whole from other text), or its words say neither an officer's
/// title nor an "other" relationship.
fn picture_title(
    segs: &[Segment],
    kept: &[(Hit, Tag)],
    ticks: usize,
    next: usize,
    placed: &[Piece],
    streets: &[Piece],
) -> Option<PictureTitle> {
    let (first, last) = (kept[ticks].0.end.seg + 1, kept[next].0.start.seg);
    if last <= first || (first..last).any(|s| segs[s].place.in_table) {
        return None;
    }
    let mut words: Vec<(String, Piece)> = Vec::new();
    let mut stray_tick = false;
    for s in first..last {
        // The line's own text, between the labels on it; each label is a hard bound.
        let on_line: Vec<&(Hit, Tag)> = kept
            .iter()
            .filter(|(h, _)| h.start.seg <= s && h.end.seg >= s)
            .collect();
        if on_line.iter().any(|(_, t)| *t == Tag::Name) {
            return None;
        }
        let mut runs: Vec<Vec<(String, Piece)>> = Vec::new();
        let mut at = Pos { seg: s, byte: 0 };
        for (h, _) in &on_line {
            let start = if h.start.seg < s { at } else { h.start };
            runs.push(piece_words(segs, &pieces(segs, at, start)));
            at = if h.end.seg > s {
                Pos {
                    seg: s + 1,
                    byte: 0,
                }
            } else {
                h.end
            };
        }
        runs.push(piece_words(
            segs,
            &pieces(
                segs,
                at,
                Pos {
                    seg: s + 1,
                    byte: 0,
                },
            ),
        ));
        let last_run = runs.len() - 1;
        for (r, run) in runs.into_iter().enumerate() {
            // Dates and ticks are hard bounds too: the title follows the last of them.
            let bound = run
                .iter()
                .rposition(|(w, _)| word_date(w).is_some() || values::is_tick(w))
                .map_or(0, |k| k + 1);
            stray_tick |= run.iter().any(|(w, p)| {
                values::is_tick(w) && !placed.iter().any(|q| q.seg == p.seg && q.a == p.a)
            });
            let tail = if r == last_run {
                &run[bound..]
            } else {
                &[][..]
            };
            // The title starts the tail (after a bound, or the line's start: box 1's column
            // is empty there), or where a title's head follows box 1's capitals. Small
            // letters tell the title from box 1 only after a word in capitals: a street may
            // be printed in mixed case (`1 Acme Way CEO`); an acronym (`CEO`) ends no street.
            let k = (0..tail.len())
                .find(|&k| {
                    tail[k..].iter().all(|(w, _)| title_word(w))
                        && (k == 0
                            || (title_head(&tail[k].0)
                                && !tail[k - 1].0.chars().any(char::is_lowercase)
                                && (capital_word(&tail[..k])
                                    || tail[k..]
                                        .iter()
                                        .all(|(w, _)| !w.chars().any(char::is_lowercase)))))
                })
                .unwrap_or(tail.len());
            let title = &tail[k..];
            // Small letters anywhere else on the line: text of a kind no rule here places,
            // unless box 1's street was read there (a street printed in mixed case).
            let others = run.len() - title.len();
            let street = |p: &Piece| {
                streets
                    .iter()
                    .any(|q| q.seg == p.seg && q.a <= p.a && p.b <= q.b)
            };
            if run[..others]
                .iter()
                .any(|(w, p)| w.chars().any(char::is_lowercase) && !street(p))
            {
                return None;
            }
            words.extend(title.iter().cloned());
        }
    }
    if words.is_empty() {
        return None;
    }
    let text = title_text(&words);
    // Signs between the words (`&`, `/`) are no debris here: each was placed as a title's.
    let lettered: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let kind = title_kind(&lettered.join(" "))?;
    if label_debris(&text).is_some() {
        return None;
    }
    Some(PictureTitle {
        text,
        pieces: words.into_iter().map(|(_, p)| p).collect(),
        kind,
        stray_tick,
    })
}

/// The check box a tick beside a tail of box 5's captions marks, and the tick. Picture
/// text reads box 5's captions across the page in two lines: their heads (`Officer (give
/// title` | `Other (specify`) on one, their tails (`below)` | `below)`) on the next, in the
/// same order; each check box is printed left of its caption, halfway down its two lines,
/// so its mark may be read on the tails' line, right before its own tail: before the first
/// (`X title below) below)`) it is the officer's box, between the two (`below) X below)`)
/// the "other" box. Only where the tails' line holds box 5's two tails and the line
/// above it a head of box 5's captions (a tick right before a head is its label's). In
/// pymupdf4llm this places 3 marks (2 officers', 1 other's), none wrong.
fn tail_tick(segs: &[Segment], kept: &[(Hit, Tag)], i: usize) -> Option<(Tag, Piece)> {
    let line = kept[i].0.start.seg;
    if !caption_tail(segs, kept[i].0) {
        return None;
    }
    if segs[line].place.in_table {
        return grid_tail_tick(segs, kept, i);
    }
    let heads_above = line > 0
        && kept
            .iter()
            .any(|(hk, t)| matches!(t, Tag::Officer | Tag::Other) && hk.start.seg == line - 1);
    let tag = tail_tag(segs, kept, i, |s| s == line)?;
    if !heads_above {
        return None;
    }
    // (The officer's tail `title below)`, where its head ends `(give`, is one caption.)
    let (w, p) = word_before(segs, kept, i)?;
    (values::is_tick(&w) && p.seg == line).then_some((tag, p))
}

/// Whether a label is a tail of box 5's two-line captions (`below)`, `title below)`).
fn caption_tail(segs: &[Segment], h: Hit) -> bool {
    h.start.seg == h.end.seg
        && matches!(
            ascii_letters(
                segs[h.start.seg]
                    .text
                    .get(h.start.byte..h.end.byte)
                    .unwrap_or("")
            )
            .as_str(),
            "below" | "titlebelow"
        )
}

/// Which of box 5's two caption tails on one line (`on_line` says which segments are on
/// it) label `i` is: the first is the officer's, the second the "other" box's. `None`
/// unless the line holds two tails.
fn tail_tag(
    segs: &[Segment],
    kept: &[(Hit, Tag)],
    i: usize,
    on_line: impl Fn(usize) -> bool,
) -> Option<Tag> {
    let tails: Vec<usize> = (0..kept.len())
        .filter(|&k| {
            let (hk, t) = kept[k];
            t == Tag::Caption && on_line(hk.start.seg) && caption_tail(segs, hk)
        })
        .collect();
    match tails.as_slice() {
        [a, _] if *a == i => Some(Tag::Officer),
        [_, b] if *b == i => Some(Tag::Other),
        _ => None,
    }
}

/// The last word between label `i` and the label before it.
fn word_before(segs: &[Segment], kept: &[(Hit, Tag)], i: usize) -> Option<(String, Piece)> {
    let h = kept[i].0;
    let from = i.checked_sub(1).map_or(
        Pos {
            seg: h.start.seg,
            byte: 0,
        },
        |j| kept[j].0.end,
    );
    piece_words(segs, &pieces(segs, from, h.start)).pop()
}

/// [`tail_tick`] in a converter's grid: box 5's two caption heads in one row, their tails
/// (`below)`) in two cells of the row below, and a mark in the cell just before a tail or
/// in the tail's own cell before it (`X` | `below)`), where the check box printed left of
/// its caption, halfway down its two lines, lands. The head the mark stands beside must be
/// the tail's own (its cell that of the mark or the next one), so a mark in another
/// column is nobody's here. In pymupdf4llm this places 1 officer's mark, which the
/// grid's regrouping had glued to box 3's label as text (see `grid::box_labels`).
fn grid_tail_tick(segs: &[Segment], kept: &[(Hit, Tag)], i: usize) -> Option<(Tag, Piece)> {
    let at = segs[kept[i].0.start.seg].place;
    let in_row = |p: Place, row: usize| p.in_table && p.block == at.block && p.row == row;
    let tag = tail_tag(segs, kept, i, |s| in_row(segs[s].place, at.row))?;
    let above = row_above(at.row)?;
    let heads: Vec<usize> = kept
        .iter()
        .filter(|(hk, t)| {
            matches!(t, Tag::Officer | Tag::Other) && in_row(segs[hk.start.seg].place, above)
        })
        .map(|(hk, _)| segs[hk.start.seg].place.cell)
        .collect();
    let [officer, other] = heads[..] else {
        return None;
    };
    let head_cell = if tag == Tag::Officer { officer } else { other };
    let (w, p) = word_before(segs, kept, i)?;
    let place = segs[p.seg].place;
    let beside = in_row(place, at.row)
        && (place.cell == at.cell || place.cell + 1 == at.cell)
        && (place.cell == head_cell || place.cell + 1 == head_cell);
    (values::is_tick(&w) && beside).then_some((tag, p))
}

/// Whether a slot's text after box 5's captions is other boxes' words, not a title: it
/// holds a box's label words, a caption's piece, a number or no word.
fn slot_debris(text: &str) -> bool {
    let t = text.trim_start_matches(['X', '☒', '☐']).trim();
    t.is_empty() || mixed_title(t).is_some() || label_debris(t).is_some() || t.contains(['(', ')'])
}

/// Whether a segment under or beside box 5's captions is another box's text, not a title's:
/// a tick, a date, a heading (bold) or a caption's piece cut by the grid (a bracket:
/// `elow)`; none of the corpus's 30 different titles and other texts has one).
fn other_box_text(seg: &Segment) -> bool {
    seg.bold()
        || seg.text.contains(['(', ')'])
        || seg
            .text
            .split_whitespace()
            .any(|w| values::is_tick(w) || word_date(w).is_some())
}

/// Box 5's title (or "other" text) read down box 5's column of a converter's grid, where it
/// is printed under the `Officer (give title below)` and `Other (specify below)` captions
/// and the grid put it in rows of its own below theirs (`Vice President` | `Operations`
/// under the captions' cell, beside box 1's street lines), away from any slot. Box 5's
/// column is the cells the two captions (`kept[labels]`) take; each row below them adds the
/// text of that column, until a row with none, another label or a tick. `Ok(None)` when
/// the captions are not in one table or no row holds text; `Err` with the reason when the
/// column's text is not one title (spread over two of its cells in one row, or moving
/// between them). Read only where the slots after the captions hold nothing or debris:
/// in pymupdf4llm 5 titles and 3 other texts (with one `Other` tick) gained, none wrong;
/// the other renderings unchanged.
fn column_title(
    segs: &[Segment],
    kept: &[(Hit, Tag)],
    labels: &[usize],
    to: Pos,
    doc: &LazyAttested<'_>,
) -> Result<Option<ColumnTitle>, &'static str> {
    let mut caption_segs = labels.iter().flat_map(|&i| {
        let h = kept[i].0;
        h.start.seg..(h.end.seg + usize::from(h.end.byte > 0)).min(segs.len())
    });
    let Some(first) = caption_segs.next() else {
        return Ok(None);
    };
    let at = segs[first].place;
    if !at.in_table {
        return Ok(None);
    }
    let (mut lo, mut hi, mut row) = (at.cell, at.cell, at.row);
    for s in caption_segs {
        let p = segs[s].place;
        if !p.in_table || p.block != at.block {
            return Ok(None);
        }
        lo = lo.min(p.cell);
        hi = hi.max(p.cell);
        row = row.max(p.row);
    }
    // The label (if any) whose text covers a byte of segment `s`.
    let label_at = |s: usize| {
        kept.iter()
            .find(|(h, _)| {
                (h.start.seg < s || (h.start.seg == s && h.start.byte < segs[s].text.len()))
                    && (s < h.end.seg || (s == h.end.seg && h.end.byte > 0))
            })
            .map(|(h, t)| (*h, *t))
    };
    // The block's segments by row, cell and piece (a grid's regrouping may have put them
    // out of that order), up to the header's end: Table I's heading begins another part.
    let same_block =
        |s: &usize| segs[*s].place.in_table && segs[*s].place.block == at.block && *s < to.seg;
    let start = (0..first)
        .rev()
        .take_while(same_block)
        .last()
        .unwrap_or(first);
    let mut block: Vec<usize> = (start..segs.len()).take_while(same_block).collect();
    block.sort_by_key(|&s| {
        let p = segs[s].place;
        (p.row, p.cell, p.piece)
    });
    let mut out: Vec<Piece> = Vec::new();
    // The title's head may share the captions' cell, after them (`below)` | `Executive`).
    let mut head_cells = 0;
    // The captions' row, cell by cell (the block is sorted, so each cell's pieces are
    // together).
    let captions_row: Vec<usize> = block
        .iter()
        .copied()
        .filter(|&s| segs[s].place.row == row && (lo..=hi).contains(&segs[s].place.cell))
        .collect();
    for in_cell in captions_row.chunk_by(|&a, &b| segs[a].place.cell == segs[b].place.cell) {
        let Some(l) = in_cell.iter().rposition(|&s| label_at(s).is_some()) else {
            continue;
        };
        if !matches!(
            label_at(in_cell[l]),
            Some((_, Tag::Officer | Tag::Other | Tag::Caption))
        ) {
            continue;
        }
        let rest: Vec<usize> = in_cell[l + 1..]
            .iter()
            .copied()
            .filter(|&s| !segs[s].text.trim().is_empty())
            .collect();
        if rest.is_empty() {
            continue;
        }
        if rest
            .iter()
            .any(|&s| other_box_text(&segs[s]) || !segs[s].joins.is_empty())
        {
            return Err("shares a cell with other text");
        }
        head_cells += 1;
        out.extend(rest.iter().map(|&s| Piece {
            seg: s,
            a: 0,
            b: segs[s].text.len(),
        }));
    }
    if head_cells > 1 {
        return Err("is spread over two of box 5's cells in one row");
    }
    let below: Vec<usize> = block
        .iter()
        .copied()
        .filter(|&s| segs[s].place.row > row)
        .collect();
    let mut next_row = row_below(row);
    // The cell the last line read began in, and the segments that go on a word of the
    // line before them (see `cut_line`).
    let mut line_cell = out.last().map(|p| segs[p.seg].place.cell);
    let mut glued: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < below.len() {
        let r = segs[below[k]].place.row;
        let end = below[k..]
            .iter()
            .position(|&s| segs[s].place.row != r)
            .map_or(below.len(), |n| k + n);
        let in_row = &below[k..end];
        k = end;
        // Rows follow one another: a row missing from the block is no text of box 5's.
        if r != next_row {
            break;
        }
        next_row = row_below(r);
        if in_row
            .iter()
            .any(|&s| matches!(label_at(s), Some((_, Tag::Name))))
        {
            break;
        }
        let mut found: Vec<Piece> = Vec::new();
        let mut cells: Vec<usize> = Vec::new();
        let mut stop = false;
        let mut captions_only = false;
        for &s in in_row {
            let p = segs[s].place;
            if p.cell < lo || p.cell > hi || segs[s].text.trim().is_empty() {
                continue;
            }
            match label_at(s) {
                // The rest of the captions (`below)`) printed in a row of their own.
                Some((_, Tag::Caption)) if ascii_letters(&segs[s].text) == "below" => {
                    captions_only = true;
                    continue;
                }
                Some(_) => {
                    stop = true;
                    break;
                }
                None => {}
            }
            // So is a box's label the search missed (`6. Individual or Joint/G`, cut by the
            // grid): the title ends before it.
            if other_box_text(&segs[s]) || label_debris(segs[s].text.trim()).is_some() {
                stop = true;
                break;
            }
            // A word the grid cut between two cells may lose a letter at the cut
            // (`G` | `oup`): the rejoined word is not known to be whole (1 other text of
            // pymupdf4llm, which would be wrong).
            if !segs[s].joins.is_empty() {
                return Err("was rejoined from pieces of two cells");
            }
            if !cells.contains(&p.cell) {
                cells.push(p.cell);
            }
            found.push(Piece {
                seg: s,
                a: 0,
                b: segs[s].text.len(),
            });
        }
        // One line that the grid cut inside a word (`Vice P` | `resident`) is read whole.
        let cut = match cells.as_slice() {
            [a, b] if a + 1 == *b && cut_line(segs, &found, doc) => Some(found[1].seg),
            [_, _, ..] => return Err("is spread over two of box 5's cells in one row"),
            _ => None,
        };
        // A title's lines are printed one under another: a line in another cell than
        // the one above it is not known to follow it.
        if let (Some(&c), Some(prev)) = (cells.first(), line_cell) {
            if prev != c {
                return Err("moves between box 5's cells from one line to the next");
            }
        }
        if found.is_empty() && !(captions_only && out.is_empty() && !stop) {
            break;
        }
        glued.extend(cut);
        line_cell = cells.first().copied().or(line_cell);
        out.extend(found);
        if stop {
            break;
        }
    }
    if out.is_empty() {
        return Ok(None);
    }
    let mut words: Vec<(String, Piece)> = Vec::new();
    let mut cuts: Vec<(String, Piece)> = Vec::new();
    for (w, p) in piece_words(segs, &out) {
        // The first word of a glued segment goes on the word before it.
        let goes_on = glued.contains(&p.seg) && words.last().is_some_and(|(_, q)| q.seg != p.seg);
        match words.last_mut() {
            Some((head, _)) if goes_on => {
                cuts.push((format!("{head} | {w}"), p));
                head.push_str(&w);
            }
            _ => words.push((w, p)),
        }
    }
    let text = title_text(&words);
    let mut pieces: Vec<Piece> = words.into_iter().map(|(_, p)| p).collect();
    pieces.extend(cuts.iter().map(|(_, p)| *p));
    Ok(Some(ColumnTitle { text, pieces, cuts }))
}

fn log_cuts(segs: &[Segment], cuts: &[(String, Piece)], cx: &mut Ctx) {
    for (from, p) in cuts {
        cx.repair(
            "reporting_owners.officer_title",
            RepairKind::JoinedText,
            from,
            &from.replace(" | ", ""),
            Some(segs[p.seg].src_span(p.a, p.b)),
        );
    }
}

/// Box 5's title read down its column (see [`column_title`]).
struct ColumnTitle {
    text: String,
    pieces: Vec<Piece>,
    /// Words that the grid cut between two cells of one line, rejoined: `head | tail`, and
    /// the tail's piece.
    cuts: Vec<(String, Piece)>,
}

/// Whether a row's text under box 5's captions, found in two neighbouring cells, is one
/// line that the grid cut inside a word: each cell holds one line, the same line, the left
/// ending in a letter and the right going on in lower case (`Vice P` | `resident`). As in
/// Tables I and II (see `table::doubt_cut_words`), the cut may have swallowed a letter: a
/// word the document prints with one letter more at the cut is not known to be whole.
fn cut_line(segs: &[Segment], found: &[Piece], doc: &LazyAttested<'_>) -> bool {
    let [l, r] = found else {
        return false;
    };
    let (lp, rp) = (segs[l.seg].place, segs[r.seg].place);
    if rp.cell != lp.cell + 1 || lp.piece != rp.piece {
        return false;
    }
    let (lt, rt) = (
        segs[l.seg].text.get(l.a..l.b).unwrap_or("").trim(),
        segs[r.seg].text.get(r.a..r.b).unwrap_or("").trim(),
    );
    if !lt.ends_with(char::is_alphabetic) || !rt.starts_with(char::is_lowercase) {
        return false;
    }
    let (head, tail) = cut_word(lt, rt);
    !doc.letter_lost_at_cut(head, tail)
}

/// Box 5's title or "other" text where picture text read it across the page with box 1's
/// street lines (`streets`) and box 3's date: the slot's words without those. `None` when
/// nothing is left.
fn without_streets(
    segs: &[Segment],
    ps: &[Piece],
    streets: &[Piece],
) -> Option<(String, Vec<Piece>)> {
    let mut rest: Vec<Piece> = Vec::new();
    for p in ps {
        let mut parts = vec![*p];
        for q in streets.iter().filter(|q| q.seg == p.seg) {
            parts = parts
                .into_iter()
                .flat_map(|r| {
                    if q.b <= r.a || r.b <= q.a {
                        return vec![r];
                    }
                    let mut out = Vec::new();
                    if r.a < q.a {
                        out.push(Piece { b: q.a, ..r });
                    }
                    if q.b < r.b {
                        out.push(Piece { a: q.b, ..r });
                    }
                    out
                })
                .collect();
        }
        rest.extend(parts);
    }
    let words: Vec<(String, Piece)> = piece_words(segs, &rest)
        .into_iter()
        // A bracket alone is a caption's, cut off by the label search (`(` of
        // `(Month/Day/Year)`): no title has one (1 owner of pymupdf4llm, whose title
        // `Secretary` it hid).
        .filter(|(w, _)| {
            word_date(w).is_none() && !values::is_tick(w) && !matches!(w.as_str(), "(" | ")")
        })
        .collect();
    let text: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
    let text = clean_spaces(&text.join(" "));
    (!text.is_empty()).then(|| (text, words.into_iter().map(|(_, p)| p).collect()))
}

/// Box 1's city, state and ZIP in picture text, where the boxes beside box 1 are read
/// across the page: the capitals at the start of each line between the `(Street)`
/// caption's line (`kept[street]`) and the `(City) (State) (Zip)` one (`kept[city]`),
/// before another box's label, a tick or words with small letters. A city of two lines is
/// printed around the state and ZIP (`MOUNTAIN` | `CA 94043` | `VIEW`): the words are read
/// in order with the one state code and ZIP taken out. `None` unless exactly one state
/// code is followed by a ZIP and the other words, all without digits, make the city.
fn picture_city(
    segs: &[Segment],
    kept: &[(Hit, Tag)],
    street: usize,
    city: usize,
) -> Option<(Address, Vec<Piece>)> {
    let (first, last) = (kept[street].0.end.seg, kept[city].0.start.seg);
    if segs[first].place.in_table || segs[last].place.in_table || last <= first + 1 {
        return None;
    }
    let mut words: Vec<(String, Piece)> = Vec::new();
    for s in first + 1..last {
        // A label run over from a line above: the line's own text starts after it, unless
        // it ends inside a word (a city's head taken for the label's tail, `NE|W`), and then
        // nothing is read.
        if kept.iter().any(|(h, _)| h.start.seg < s && h.end.seg > s) {
            continue;
        }
        let start = kept
            .iter()
            .filter(|(h, _)| h.start.seg < s && h.end.seg == s)
            .map(|(h, _)| h.end.byte)
            .max()
            .unwrap_or(0);
        let text = &segs[s].text;
        let inside_word = |b: usize| {
            let before = text.get(..b).and_then(|t| t.chars().next_back());
            let after = text.get(b..).and_then(|t| t.chars().next());
            before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
        };
        if start > 0 && inside_word(start) {
            return None;
        }
        let end = line_end_before_labels(segs, kept, s);
        let line = Piece {
            seg: s,
            a: start.min(end),
            b: end,
        };
        let all = piece_words(segs, std::slice::from_ref(&line));
        let lead = all
            .iter()
            .take_while(|(w, _)| {
                !values::is_tick(w) && !w.chars().any(char::is_lowercase) && word_date(w).is_none()
            })
            .count();
        // Capitals going on into a lower-case word are a phrase of box 5's title (`CEO and`).
        if all
            .get(lead)
            .is_some_and(|(w, _)| w.starts_with(|c: char| c.is_lowercase()))
        {
            continue;
        }
        // A caption's parenthesis left before its label (`(` of `(Check`) is no word.
        words.extend(
            all.into_iter()
                .take(lead)
                .filter(|(w, _)| w.chars().any(char::is_alphanumeric)),
        );
    }
    let zip = |w: &str| {
        let digits = w.chars().filter(char::is_ascii_digit).count();
        w.chars().all(|c| c.is_ascii_digit() || c == '-') && digits >= 5
    };
    let at: Vec<usize> = (0..words.len().saturating_sub(1))
        .filter(|&j| is_state_code(&words[j].0) && zip(&words[j + 1].0))
        .collect();
    let [j] = at[..] else {
        return None;
    };
    let city: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != j && *k != j + 1)
        .map(|(_, (w, _))| w.as_str())
        .collect();
    if city.is_empty()
        || city
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()) || !w.chars().any(char::is_alphabetic))
    {
        return None;
    }
    let text = format!("{} {} {}", city.join(" "), words[j].0, words[j + 1].0);
    let addr = city_state_zip(&text)?;
    Some((addr, words.into_iter().map(|(_, p)| p).collect()))
}

/// Whether a text is the head of a box's title and nothing else (`2. Date of Event`): its
/// letters, after the box number, begin one of the titles, and are too many (eight or
/// more) to be a name that happens to begin like one.
fn cut_box_title(text: &str) -> bool {
    let squash = |t: &str| -> String {
        t.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let head = squash(text);
    let head = head.trim_start_matches(|c: char| c.is_ascii_digit());
    head.len() >= 8
        && PERIOD_BOXES
            .iter()
            .chain(&[ISSUER_BOX, AMEND_BOX, REL_BOX])
            .any(|title| squash(title).starts_with(head))
}

/// Box 1's captions under the name.
pub(crate) const NAME_CAPTIONS: [&str; 3] = ["last", "first", "middle"];

/// Box 1's captions under its name and address lines.
const BOX1_CAPTIONS: [&str; 7] = ["street", "city", "state", "zip", "last", "first", "middle"];

/// Whether `w` is one of `captions` in brackets (`(Street)`, `(Zip)`), as OCR reads them
/// (`(2ip)`, `(middie)`): one letter off at most, the closing bracket perhaps lost.
pub(crate) fn box1_caption(w: &str, captions: &[&str]) -> bool {
    let Some(inner) = w.strip_prefix('(') else {
        return false;
    };
    let inner = inner
        .strip_suffix(')')
        .unwrap_or(inner)
        .to_ascii_lowercase();
    inner.len() >= 3 && captions.iter().any(|c| one_edit(&inner, c))
}

/// Whether two short words are equal but for one letter changed, added or dropped.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            short
                .iter()
                .zip(long.iter())
                .filter(|(x, y)| x != y)
                .count()
                <= 1
        }
        1 => (0..long.len()).any(|skip| {
            long.iter()
                .enumerate()
                .filter(|&(k, _)| k != skip)
                .map(|(_, c)| c)
                .eq(short.iter())
        }),
        _ => false,
    }
}

/// Words of the header's printed labels that no name or address holds. A value holding
/// one of them, whole or a piece of five letters or more cut by the grid (`tionship`,
/// `Reporti`), a box number (`2.`), a bracketed ticker or one of box 1's own captions
/// (`(Zip)`, `(middie)`: in the corpus's OCR renderings 37 issuers' names, 96 cities and 18
/// streets, none right), was read from a slot that the
/// converter mixed with other boxes: its words cannot be told apart from the labels', so
/// the value is not given. (Words that do occur in names, such as `Trading`, `State` or
/// `Earl`, are not listed.)
fn label_debris(value: &str) -> Option<&str> {
    const WORDS: [&str; 9] = [
        "issuer",
        "ticker",
        "symbol",
        "relationship",
        "reporting",
        "requiring",
        "amendment",
        "individual",
        "applicable",
    ];
    value.split_whitespace().find(|w| {
        let letters = ascii_letters(w);
        let box_number = w.len() == 2 && w.as_bytes()[0].is_ascii_digit() && w.ends_with('.');
        box_number
            || w.contains(['[', ']'])
            || box1_caption(w, &BOX1_CAPTIONS)
            || WORDS
                .iter()
                .any(|l| *l == letters || (letters.len() >= 5 && l.contains(letters.as_str())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The record of a document's text.
    fn normalized(text: &str) -> Record {
        let doc = form4_grammar::parse(text).expect("the grammar takes any text");
        crate::normalize(&doc).expect("a form")
    }

    /// Form 3's box 2 date in the grid row under its label, in its cells, where a grid that
    /// cut boxes 4 and 5's labels too leaves box 1's `(Last)` to end its stretch first. A
    /// date cut in two is logged as repaired; other text in those cells gives no reading.
    #[test]
    fn event_date_under_its_label_in_a_grid() {
        for (left, right, want) in [
            ("09/1", "8/2020", Some("2020-09-18")),
            ("09/18/2020", "", Some("2020-09-18")),
            ("09/1", "8/2020 Doe", None),
            ("09/18/2020", "10/01/2020", None),
        ] {
            let text = format!(
                "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
                 |1. Name and Address of Reporting Pers<br>Doe Jane|on<sup>*</sup>|2. Dat<br>Requir<br>(Mont|e of Event<br>ing Statement<br>/Day/Year)|3. Issuer Name**and**Tick<br>Example Therape|er or Trading<br>utics Inc.|Symbol<br>[EXM]|\n\
                 |---|---|---|---|---|---|---|---|\n\
                 |(Last)<br>(First)<br>(Middle)<br>1 MAIN STREET||{left}|{right}|4. Relationship of Report<br>Issuer<br>(Check all applicable)<br>X<br>Director|ing Person(s)<br>10% Ow<br>ner|to<br>5. If<br>Filed|Amendment,<br>(Month/Day/|\n\
                 |(Street)<br>SPRINGFIELD IL<br>62701<br>(City)<br>(State)<br>(Zip)||||||||\n\n\
                 Table I - Non-Derivative Securities Beneficially Owned\n"
            );
            let record = normalized(&text);
            let got = record.period_of_report.map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{left} | {right}");
            let repaired = record
                .diagnostics
                .repairs
                .iter()
                .any(|r| r.field == "period_of_report" && r.kind == RepairKind::SplitDate);
            assert_eq!(
                repaired,
                want.is_some() && !right.is_empty(),
                "{left} | {right}"
            );
        }
    }

    /// What the text under box 5 says of the box it is under, when no mark says it.
    #[test]
    fn a_title_says_its_box_unless_debris_is_mixed_in() {
        for (text, kind) in [
            ("Chief Financial Officer", Some(Tag::Officer)),
            ("Member of a Group", Some(Tag::Other)),
            ("Director by Deputization", Some(Tag::Other)),
            // An article is a word only between two words, and only where nothing else
            // is short enough to be debris.
            ("belo Fae L ee eae Member of a Group", None),
            ("Member Group a", None),
            ("x Member of a Group q", None),
            ("Other (specify below) Member of a Group", None),
        ] {
            assert_eq!(title_kind(text), kind, "{text}");
        }
    }

    /// A grid that cuts box 5's label (`5. If Amendment, D|ate of Original Filed`) loses
    /// it; Form 3's box 2 date, put in the row under its label, is then the one date before
    /// box 4's label. Two dates there are left unread.
    #[test]
    fn event_date_before_the_relationship_label_when_the_amendment_label_is_cut() {
        let read = |dates: &str| {
            let text = format!(
                "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup><br>Doe Holdings|2. Date of Event<br>Requiring Statement<br>(Month/Day/Year)|3. Issuer Name**and**Ticker or T<br>Example Therapeut|rading Symbol<br>ics, Inc. [EXM]||\n\
                 |---|---|---|---|---|\n\
                 |Inc.|{dates}|4. Relationship of Reporting Pe<br>(Check all applicable)|rson(s) to Issuer<br>5. If Amendment, D<br>(Month/Day/Year)|ate of Original Filed|\n\
                 |(Last)<br>(First)<br>(Middle)<br>1 MAIN STREET||Director<br><br>Officer (give title<br>below)|X<br>10% Owner<br>Other (specify<br>below)||\n\n\
                 Table I - Non-Derivative Securities Beneficially Owned\n"
            );
            normalized(&text).period_of_report.map(|d| d.to_string())
        };
        assert_eq!(read("12/31/2018").as_deref(), Some("2018-12-31"));
        assert_eq!(read("12/31/2018 01/02/2019"), None);
    }

    /// A grid that cuts box 1 into rows puts the tail of a name wrapped over two lines
    /// in the row below the label's, above `(Last) (First) (Middle)`: it ends the name.
    #[test]
    fn name_wrapped_into_the_row_below_the_label() {
        for (head, tail, want) in [
            (
                "Example Wellness Group US",
                "Holdings, Inc.",
                "Example Wellness Group US Holdings, Inc.",
            ),
            ("DOE JANE M", "", "DOE JANE M"),
        ] {
            let text = format!(
                "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup><br>{head}|2. Date of Event<br>Requiring Statement<br>(Month/Day/Year)|3. Issuer Name**and**Ticker or T<br>Example Therapeut|rading Symbol<br>ics, Inc. [EXM]||\n\
                 |---|---|---|---|---|\n\
                 |{tail}|12/31/2018|4. Relationship of Reporting Pe<br>(Check all applicable)|rson(s) to Issuer<br>5. If Amendment, D<br>(Month/Day/Year)|ate of Original Filed|\n\
                 |(Last)<br>(First)<br>(Middle)<br>1 MAIN STREET||Director<br><br>Officer (give title<br>below)|X<br>10% Owner<br>Other (specify<br>below)||\n\
                 |(Street)<br>SPRINGFIELD VA<br>22209|||||\n\
                 |(City)<br>(State)<br>(Zip)|||||\n\n\
                 Table I - Non-Derivative Securities Beneficially Owned\n"
            );
            let record = normalized(&text);
            let name = record.reporting_owners.first().and_then(|o| o.name.clone());
            assert_eq!(name.as_deref(), Some(want), "{head:?} | {tail:?}");
        }
    }

    /// Box 2's name whose line the grid split over two rows (the row below, under box 2,
    /// holds small letters of no label) is left out; the same layout with nothing below
    /// keeps it, and so does a label's piece below.
    #[test]
    fn issuer_line_split_over_two_rows() {
        for (below, kept) in [("ny ompan x", false), ("", true), ("nsaction", true)] {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup><br> <br>2.<br>Z|Issuer Name**and**T<br>orbix Co|icker or Tradi<br>  ZRBX|ng Symbol||5. R<br>(Ch|elationship of Rep<br>eck all applicable)|orting Person(s|) to Issuer|\n\
                 |---|---|---|---|---|---|---|---|---|\n\
                 |DOE JANE<br> <br>|{below}<br>|<br>|||<br>|<br>X<br>Director|X<br>10|% Owner|\n\
                 |(Last)<br>(First)<br>(Middle)<br> <br>3.<br>03|Date of Earliest Tra<br>/01/2024|nsaction (Mon|th/Day/Year)|||Officer (give ti<br>below)|tle<br>Ot<br>be|her (specify<br>low)|\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
            );
            let record = normalized(&text);
            assert_eq!(
                record.issuer.name.is_some(),
                kept,
                "{below:?}: {:?}",
                record.issuer.name
            );
        }
    }

    /// A grid that cuts box 3's label off its number cuts its date there too: the month
    /// under the number (`3.<br>05`), the rest under the label (`/25/2022`).
    #[test]
    fn box3_date_cut_with_its_label() {
        for (month, rest, want) in [
            ("05", "/25/2022", Some("2022-05-25")),
            ("", "/25/2022", None),
            ("", "05/25/2022", Some("2022-05-25")),
        ] {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup><br>DOE JANE||2. Issuer Name**and**Ticker or Trading Symbol<br>Example Corp [EXM]|5. Relationship of Reporting Per<br>(Check all applicable)<br>X<br>Director|son(s) to Issuer<br>10% Owner|\n\
                 |---|---|---|---|---|\n\
                 |(Last)<br>(First)<br>1 MAIN STREET|(Middle)<br> <br>3.<br>{month}|Date of Earliest Tr<br>{rest}|nsaction (Month/Day/Year)|Officer (give title<br>below)|Other (specify below)|\n\
                 |(Street)<br>CHICAGO<br>IL|60606|4. If Amendment, Date of Original Filed (Month/Day/Year)|6. Individual or Joint/Group Filing||\n\
                 |(City)<br>(State)|(Zip)||||\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
            );
            let record = normalized(&text);
            let got = record.period_of_report.map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{month:?} | {rest:?}");
        }
    }

    /// Box 2's value in the grid row below its cut label: read with its bracketed ticker,
    /// the pieces the grid cut joined; without a ticker it is not taken.
    #[test]
    fn issuer_in_the_grid_row_below_its_label() {
        for (cells, want) in [
            (
                "|ZEPHYR AU|TO CORP [ZA|O]|",
                Some(("ZEPHYR AUTO CORP", "ZAO")),
            ),
            ("|ZEPHYR AU|TO CORP||", None),
        ] {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                 |1. Name and A|ddress of Repo|rting Person<sup>*</sup>||2. Issuer N<br>|ame and Ticker<br>|or Trading Sy<br>|mbol||5. Rel<br>|ationship of<br>|Reporting P<br>|erson|(s) to Issuer||\n\
                 |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n\
                 |Doe Ja|ne Q|||{cells}||(Chec|k all applica<br>Director|le)||10% O|wner|\n\
                 |(Last)|(First)|(Middle)||||||X|Officer (give title below)||Other (specify below)|||\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Explanation of Responses:\n"
            );
            let record = normalized(&text);
            let got = record
                .issuer
                .name
                .clone()
                .zip(record.issuer.trading_symbol.clone());
            let want = want.map(|(n, t)| (n.to_string(), t.to_string()));
            assert_eq!(got, want, "{cells}");
        }
    }

    /// Box 2's value cut by the grid and put back together, with a lone letter alone in a
    /// cell of the row below: the name's last letter, so the name is not whole. A letter
    /// that goes on with other lines in its cell is a label's tail.
    #[test]
    fn a_cut_issuer_name_missing_its_letter_below_is_left_out() {
        for (below, want) in [
            ("", Some("ZEPHYR AUTO CORP")),
            ("s", None),
            ("s<br>ify", Some("ZEPHYR AUTO CORP")),
        ] {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup>|2.<br>Z|Issuer Name and<br>EPHYR AUTO CORP|Ticker or Trading Symbol<br>[ZAO]||5. Relationship of Reporting Person(s) to Issuer|\n\
                 |---|---|---|---|---|---|\n\
                 |DOE JANE||{below}|||X<br>Director|\n\
                 |(Last)<br>(First)<br>(Middle)||||||\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Explanation of Responses:\n"
            );
            let record = normalized(&text);
            assert_eq!(record.issuer.name.as_deref(), want, "{below}");
        }
    }

    /// In a grid, box 5's "other" text ends with its cell: the rows below hold box 1's
    /// street lines left of it.
    #[test]
    fn box_5_text_in_a_grid_stops_at_box_1s_cells() {
        for (below, want) in [
            ("|40TH FL|||||", Some("See Remarks")),
            ("||||||", Some("See Remarks")),
        ] {
            let text = format!(
                "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup>||4. Relationship of Reportin<br>|g Person(s) to Issuer||\n\
                 |---|---|---|---|---|\n\
                 |DOE HOLDINGS LP||(Check all applicable)<br>Director||10% Owner|\n\
                 |(Last)<br>(First)<br>1 MAIN STREET|(Middle)|Officer (g|ive title below)|X<br>Other (specify below)<br>See Remarks|\n\
                 {below}\n\
                 |(Street)<br>SPRINGFIELD<br>IL|62701||||\n\
                 |(City)<br>(State)|(Zip)||||\n\n\
                 Table I - Non-Derivative Securities Beneficially Owned\n\n\
                 Table II - Derivative Securities Beneficially Owned\n\n\
                 Explanation of Responses:\n"
            );
            let record = normalized(&text);
            let owner = record.reporting_owners.first();
            let got = owner.and_then(|o| o.other_text.as_deref());
            assert_eq!(got, want, "{below}");
            assert!(owner.is_some_and(|o| o.is_other), "{below}");
        }
    }

    /// Box 2's value read on a line of its own, box 1's name on the next: taken when no
    /// owner's name fits before the issuer's and the line after the name holds labels only.
    #[test]
    fn owner_below_an_issuer_read_alone() {
        for (issuer_line, below, after, want) in [
            (
                "QUILLON FINANCIAL CORP",
                "Varga Pieter Lund",
                "Director 10% Owner",
                (Some("Varga Pieter Lund"), Some("QUILLON FINANCIAL CORP")),
            ),
            // An owner's name may fit before the issuer's: no reading.
            (
                "QUILLON FINANCIAL GROUP CORP",
                "Varga Pieter Lund",
                "Director 10% Owner",
                (None, None),
            ),
            // The line after goes on with text of its own (the name may go on over it):
            // a company's name alone on its line is still the issuer's.
            (
                "QUILLON CORP",
                "Varga Pieter",
                "Lund Director 10% Owner",
                (None, Some("QUILLON CORP")),
            ),
            // Not a person's name.
            (
                "QUILLON CORP",
                "1010 GRAND AVENUE",
                "Director 10% Owner",
                (None, Some("QUILLON CORP")),
            ),
            // Two words of a person's name beside the ticker are the owner's.
            (
                "Varga Pieter",
                "1010 GRAND AVENUE",
                "Director 10% Owner",
                (None, None),
            ),
        ] {
            let record = read_names(
                " *",
                &format!("{issuer_line} [ QLN ] (Check all applicable)<br>{below}<br>{after}"),
            );
            let got = names_of(&record);
            assert_eq!(got, want, "{issuer_line:?} | {below:?} | {after:?}");
        }
    }

    /// OCR reads box 1's title asterisk as a quote, at times with the next box's number:
    /// fewer than two letters after the label are no name, and the names on the line below
    /// are read side by side as after a bare label.
    #[test]
    fn a_quote_for_the_asterisk_is_no_name() {
        for star in ["*", "\u{201d}", "\u{2019}", "\u{201d} 4,", ""] {
            let record = read_names(
                star,
                "Varga Lena K ORCHARD TOOLS INC [ ORTL ] (Check all applicable)",
            );
            let want = (Some("Varga Lena K"), Some("ORCHARD TOOLS INC"));
            assert_eq!(names_of(&record), want, "{star:?}");
        }
    }

    /// A Form 4 whose boxes are picture text: box 1's title (its tail `star`), box 2's and
    /// box 5's side by side, then `lines` (joined by `<br>`) and box 1's name captions.
    fn read_names(star: &str, lines: &str) -> Record {
        normalized(&format!(
            "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
             <!-- Start of picture text -->1. Name and Address of Reporting Person{star} 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer<br>\
             {lines}<br>(Last) (First) (Middle)<br>\
             <!-- End of picture text -->\n\n\
             Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
             Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
             Explanation of Responses:\n"
        ))
    }

    /// The first owner's name and the issuer's name.
    fn names_of(record: &Record) -> (Option<&str>, Option<&str>) {
        let owner = record
            .reporting_owners
            .first()
            .and_then(|o| o.name.as_deref());
        (owner, record.issuer.name.as_deref())
    }

    /// A Form 4 whose boxes are picture text, read across the page: box 1's, box 2's and
    /// box 5's labels, then the owner's and the issuer's names, then `rest` (lines joined
    /// by `<br>`), then the tables' titles.
    fn read_picture(rest: &str) -> Record {
        let text = format!(
            "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
             <!-- Start of picture text -->1. Name and Address of Reporting Person * 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer<br>\
             DOE JANE EXAMPLE CORP [ EXM ] (Check all applicable){rest}<br><!-- End of picture text -->\n\n\
             Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
             Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
             Explanation of Responses:\n"
        );
        normalized(&text)
    }

    /// The first owner's address parts, joined by spaces; `None` when all are empty.
    fn joined(record: &Record, parts: fn(&Address) -> [&Option<String>; 3]) -> Option<String> {
        let owner = record.reporting_owners.first()?;
        let words: Vec<&str> = parts(&owner.address)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    }

    fn street_of(record: &Record) -> Option<String> {
        joined(record, |a| [&a.street1, &a.street2, &None])
    }

    fn city_of(record: &Record) -> Option<String> {
        joined(record, |a| [&a.city, &a.state, &a.zip])
    }

    /// Picture text reads box 3 across the page with the boxes beside it: its date comes
    /// after their labels, on a later line. The one date before box 4's label is box 3's;
    /// two different dates there are left unread.
    #[test]
    fn box3_date_after_the_labels_beside_it() {
        let read = |middle: &str| {
            read_picture(&format!(
                "<br>\
                 (Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) Officer (give title Other (specify<br>\
                 {middle}<br>\
                 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing"
            ))
            .period_of_report
                .map(|d| d.to_string())
        };
        assert_eq!(
            read("1872 FERNBROOK DRIVE 12/04/2020 below) below)").as_deref(),
            Some("2020-12-04")
        );
        assert_eq!(
            read("1872 FERNBROOK DRIVE 12/04/2020 below) 12/05/2020"),
            None
        );
    }

    /// Picture text cuts Form 3's box 2 title into lines between the values of the boxes
    /// beside it: its exact head marks the box, and the one date before box 5's label is
    /// its value; two different dates there are left unread.
    #[test]
    fn form3_event_date_under_a_cut_title() {
        for (lines, period) in [
            (
                "DOE JANE Requiring Statement EXAMPLE CORP [ EXM ]<br>(Month/Day/Year)<br>12/03/2020",
                Some("2020-12-03"),
            ),
            (
                "DOE JANE Statement (Month/Day/Year) EXAMPLE CORP [ EXM ]<br>12/03/2020",
                Some("2020-12-03"),
            ),
            (
                "DOE JANE Requiring Statement EXAMPLE CORP [ EXM ]<br>12/03/2020 12/04/2020",
                None,
            ),
        ] {
            let text = format!(
                "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
                 <!-- Start of picture text -->1. Name and Address of Reporting Person * 2. Date of Event 3. Issuer Name and Ticker or Trading Symbol<br>\
                 {lines}<br>\
                 4. Relationship of Reporting Person(s) to Issuer 5. If Amendment, Date of Original Filed<br>\
                 (Last) (First) (Middle) (Check all applicable) (Month/Day/Year)<br><!-- End of picture text -->\n\n\
                 Table I - Non-Derivative Securities Beneficially Owned\n"
            );
            let got = normalized(&text)
                .period_of_report
                .map(|d| d.to_string());
            assert_eq!(got.as_deref(), period, "{lines}");
        }
    }

    /// Picture text that cuts boxes 4's and 5's labels over lines (`4. Relationship of
    /// Reporting Person(s) to 5. If Amendment, Date of Original` | `Issuer Filed`) loses
    /// both: box 1's `(Last)` caption, printed under box 2, then ends the stretch where box
    /// 2's one date is looked for.
    #[test]
    fn form3_event_date_before_the_last_caption_when_box4_and_box5_labels_are_cut() {
        for (lines, period) in [
            (
                "12/03/2020 4. Relationship of Reporting Person(s) to 5. If Amendment, Date of Original<br>Issuer Filed (Month/Day/Year)",
                Some("2020-12-03"),
            ),
            (
                "4. Relationship of Reporting Person(s) to 5. If Amendment, Date of Original<br>12/03/2020<br>Issuer Filed (Month/Day/Year)",
                Some("2020-12-03"),
            ),
            (
                "12/03/2020 4. Relationship of Reporting Person(s) to 5. If Amendment, Date of Original<br>Issuer Filed (Month/Day/Year) 11/02/2020",
                None,
            ),
            // A date cut in two is put back together, unless debris stands around a piece.
            (
                "12/03/ 2020 4. Relationship of Reporting Person(s) to 5. If Amendment, Date of Original<br>Issuer Filed (Month/Day/Year)",
                Some("2020-12-03"),
            ),
            (
                "12/03/ 2020) 4. Relationship of Reporting Person(s) to 5. If Amendment, Date of Original<br>Issuer Filed (Month/Day/Year)",
                None,
            ),
        ] {
            let text = format!(
                "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
                 <!-- Start of picture text -->1. Name and Address of Reporting Person * 2. Date of Event 3. Issuer Name and Ticker or Trading Symbol<br>\
                 DOE JANE Requiring Statement EXAMPLE CORP [ EXM ]<br>(Month/Day/Year)<br>\
                 {lines}<br>\
                 (Last) (First) (Middle)<br>(Check all applicable)<br>1 MAIN STREET Director 10% Owner<br><!-- End of picture text -->\n\n\
                 Table I - Non-Derivative Securities Beneficially Owned\n"
            );
            let got = normalized(&text)
                .period_of_report
                .map(|d| d.to_string());
            assert_eq!(got.as_deref(), period, "{lines}");
        }
    }

    /// Box 1's title cut over two lines by Form 3's boxes read across the page: box 3's
    /// issuer and ticker follow the title's tail, and the owner's name is the lead of a
    /// line below. A name cut over lines (it ends in a comma) is not read in part.
    #[test]
    fn form3_owner_under_a_title_cut_over_two_lines() {
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            (
                "1. Name and Address of Reporting 2. Date of Event 3. Issuer Name and Ticker or Trading Symbol",
                "Person * Requiring EXAMPLE CORP [ EXM ]<br>Statement<br>DOE JANE Q (Month/Day/Year) 4. Relationship of Reporting 5. If Amendment, Date of",
                Some("DOE JANE Q"),
                Some("EXAMPLE CORP"),
            ),
            (
                "1. Name and Address of 2. Date of Event 3. Issuer Name and Ticker or Trading Symbol",
                "Reporting Person * Requiring Example Bio Inc. [ EXB ]<br>Statement<br>DOE JANE<br>(Month/Day/Year) 4. Relationship of Reporting 5. If Amendment, Date",
                Some("DOE JANE"),
                Some("Example Bio Inc."),
            ),
            (
                "1. Name and Address of Reporting 2. Date of Event 3. Issuer Name and Ticker or Trading Symbol",
                "Person * Requiring EXAMPLE CORP [ EXM ]<br>Statement<br>EXAMPLE PARTNERS GP,<br>(Month/Day/Year) 4. Relationship of Reporting Person(s) to 5. If Amendment, Date of<br>L.L.C. 06/15/2020",
                None,
                Some("EXAMPLE CORP"),
            ),
        ];
        for (labels, lines, owner, issuer) in cases {
            let text = format!(
                "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
                 <!-- Start of picture text -->{labels}<br>{lines}<br>\
                 (Last) (First) (Middle) Director X 10% Owner<br>1 MAIN STREET<br>(Street)<br>BOSTON MA 02116<br>(City) (State) (Zip)<br><!-- End of picture text -->\n\n\
                 Table I - Non-Derivative Securities Beneficially Owned\n\n\
                 Table II - Derivative Securities Beneficially Owned\n\n\
                 Explanation of Responses:\n"
            );
            let record = normalized(&text);
            let first = record.reporting_owners.first().expect("an owner");
            assert_eq!(first.name.as_deref(), *owner, "{lines}");
            assert_eq!(record.issuer.name.as_deref(), *issuer, "{lines}");
            assert_eq!(record.issuer.trading_symbol.is_some(), issuer.is_some());
            assert_eq!(first.address.city.as_deref(), Some("BOSTON"), "{lines}");
        }
    }

    /// The head of Form 3's box-2 title beside box 1's label (`2. Date of Event`) is no
    /// owner's name: the names are on the line below, read side by side.
    #[test]
    fn form3_owner_under_a_cut_title_beside_box1() {
        let text = "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
             <!-- Start of picture text -->1. Name and Address of Reporting Person * 2. Date of Event 3. Issuer Name and Ticker or Trading Symbol<br>\
             DOE JANE Q Requiring Statement EXAMPLE CORP [ EXM ]<br>(Month/Day/Year)<br>12/03/2020<br>\
             4. Relationship of Reporting Person(s) to Issuer 5. If Amendment, Date of Original Filed<br>\
             (Last) (First) (Middle) (Check all applicable) (Month/Day/Year)<br><!-- End of picture text -->\n\n\
             Table I - Non-Derivative Securities Beneficially Owned\n\n\
             Table II - Derivative Securities Beneficially Owned\n\n\
             Explanation of Responses:\n";
        let record = normalized(text);
        let names: Vec<_> = record
            .reporting_owners
            .iter()
            .map(|o| o.name.as_deref())
            .collect();
        assert_eq!(names, [Some("DOE JANE Q")]);
        assert_eq!(record.issuer.name.as_deref(), Some("EXAMPLE CORP"));
        assert!(cut_box_title("2. Date of Event"));
        assert!(!cut_box_title("Issuer Jane"));
    }

    /// A joint filing's later box 1 read across the page beside box 5: box 5's caption
    /// `(Check all applicable)` takes the line under the labels, and the name is on the
    /// line below it.
    #[test]
    fn later_owner_under_box5_caption_beside_box1() {
        let cases: &[(&str, Option<&str>)] = &[
            ("(Check all applicable)<br>SMITH JOHN", Some("SMITH JOHN")),
            ("SMITH JOHN (Check all applicable)", Some("SMITH JOHN")),
            // Two lines of captions: the name is looked for no further.
            (
                "(Check all applicable)<br>(Check all applicable)<br>SMITH JOHN",
                None,
            ),
        ];
        for (lines, want) in cases {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                 | 1. Name and Address of Reporting Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 <!-- Start of picture text -->1. Name and Address of Reporting Person * 5. Relationship of Reporting Person(s) to Issuer<br>\
                 {lines}<br>Director 10% Owner<br>(Last) (First) (Middle) Officer (give title below) Other (specify below)<br>\
                 <!-- End of picture text -->\n\n\
                 Explanation of Responses:\n"
            );
            let record = normalized(&text);
            let second = record
                .reporting_owners
                .get(1)
                .and_then(|o| o.name.as_deref());
            assert_eq!(second, *want, "{lines}");
        }
    }

    /// Box 6's lines read between box 1's (picture text) leave their check boxes, ticked
    /// or not, at the ends of the city line; inside a value a mark is kept.
    #[test]
    fn ticks_and_empty_boxes_at_the_ends() {
        for (text, kept) in [
            ("☒ SAINT PAUL MN 55102 ☐", "SAINT PAUL MN 55102"),
            ("☐ DENVER CO 80202", "DENVER CO 80202"),
            ("X CHICAGO IL 60602 X", "CHICAGO IL 60602"),
            ("SAINT ☐ PAUL", "SAINT ☐ PAUL"),
            ("☐", ""),
            ("Line) NEW YORK NY 10003 ☒ ☐", "NEW YORK NY 10003"),
            ("Line) MOUNTAIN VIEW CA 94043 X", "MOUNTAIN VIEW CA 94043"),
        ] {
            assert_eq!(strip_ticks(text), kept, "{text}");
        }
    }

    /// Picture text reads the boxes beside box 1 across the page: a street line is the
    /// capitals at the start of each line between `(Last)` and `(Street)`, before box 3's
    /// label or date, a tick or box 5's title.
    #[test]
    fn street_lines_read_across_the_page() {
        for (lines, street) in [
            (
                "(Last) (First) (Middle) below) X Other (specify below)<br>\
                 55 EAST 52ND STREET 3. Date of Earliest Transaction (Month/Day/Year) Portfolio<br>\
                 03/23/2020<br>Manager",
                "55 EAST 52ND STREET",
            ),
            (
                "(Last) (First) (Middle) X<br>\
                 3. Date of Earliest Transaction (Month/Day/Year) below) below)<br>\
                 C/O EXAMPLE, INC. 12/31/2019 Executive<br>22 WEST MAIN STREET Chairman",
                "C/O EXAMPLE, INC. 22 WEST MAIN STREET",
            ),
            // The title's last line, an acronym in capitals, ends no address line.
            (
                "(Last) (First) (Middle) X<br>\
                 3. Date of Earliest Transaction (Month/Day/Year) below) below)<br>\
                 370 17TH STREET 04/01/2020 President &<br>SUITE 5300 CEO",
                "370 17TH STREET SUITE 5300",
            ),
        ] {
            let record = read_picture(&format!(
                " Director 10% Owner<br>\
                 Officer (give title<br>\
                 {lines}<br>\
                 (Street)<br>\
                 CHICAGO IL 60602 4. If Amendment, Date of Original Filed (Month/Day/Year)<br>\
                 (City) (State) (Zip)"
            ));
            assert_eq!(street_of(&record).as_deref(), Some(street), "{lines}");
        }
    }

    /// Picture text sets box 5's title apart from box 1's street on the same line by
    /// letter case only where the street is in capitals: a street printed in mixed case is
    /// read when nothing of a title's ends its line, and left out (with the title beside
    /// it) when its words could be either's.
    #[test]
    fn mixed_case_street_beside_the_title() {
        let head = "(Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) \
                    X Officer (give title below) Other (specify below)<br>";
        // Lines, the street, the title, whether a warning says what was left out.
        for (lines, street, title, warned) in [
            // Capitals, then the title's small letters: split where the case changes.
            (
                "48 ELM STREET Chairman",
                Some("48 ELM STREET"),
                Some("Chairman"),
                false,
            ),
            // A number, then small letters: a street as much as a number and a title.
            ("1 Quill Lane CEO", None, None, true),
            ("7 Harbor View Treasurer", None, None, true),
            // Nothing of a title ends the line (an acronym ends no street).
            (
                "12 Birch Road, Suite 4 CFO",
                Some("12 Birch Road, Suite 4"),
                Some("CFO"),
                false,
            ),
            // A title that begins with an acronym and a comma.
            (
                "12 ELM STREET SVP,<br>Operations",
                Some("12 ELM STREET"),
                Some("SVP, Operations"),
                false,
            ),
            // Box 3's date bounds box 1's text; the title follows it.
            (
                "c/o Fernhill Partners LLC 05/04/2022 Treasurer",
                Some("c/o Fernhill Partners LLC"),
                Some("Treasurer"),
                false,
            ),
            // A line of small letters with a number is no title's line.
            (
                "88 ELM STREET 05/04/2022 Treasurer<br>Two Harbor Plaza, 9th Floor",
                None,
                None,
                true,
            ),
        ] {
            let record = read_picture(&format!(
                " Director 10% Owner<br>\
                 {head}{lines}<br>\
                 (Street)<br>\
                 CHICAGO IL 60602 4. If Amendment, Date of Original Filed (Month/Day/Year)<br>\
                 (City) (State) (Zip)"
            ));
            let owner = record.reporting_owners.first().expect("an owner");
            assert_eq!(street_of(&record).as_deref(), street, "{lines}");
            assert_eq!(owner.officer_title.as_deref(), title, "{lines}");
            let warning = record.diagnostics.warnings.iter().any(|w| {
                w.message.contains("cannot be told apart") || w.message.contains("as well as box 5")
            });
            assert_eq!(warning, warned, "{lines}");
        }
    }

    /// Box 5's title read across the page with box 1's street and box 3's date keeps
    /// neither.
    #[test]
    fn officer_title_read_across_the_page_beside_the_street() {
        let record = read_picture(
            " Director 10% Owner<br>\
             (Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) X Officer (give title below) Other (specify below)<br>\
             ONE MAIN WAY 05/04/2022 SVP, GC and<br>\
             Secretary<br>\
             (Street)<br>\
             CHICAGO IL 60602 4. If Amendment, Date of Original Filed (Month/Day/Year)<br>\
             (City) (State) (Zip)",
        );
        let owner = record.reporting_owners.first().expect("an owner");
        assert_eq!(owner.address.street1.as_deref(), Some("ONE MAIN WAY"));
        assert!(owner.is_officer);
        assert_eq!(
            owner.officer_title.as_deref(),
            Some("SVP, GC and Secretary")
        );
    }

    /// Issuer values read from mixed text are left out: a symbol that is no ticker, a
    /// name with a bracket left open; paired brackets stay.
    #[test]
    fn mixed_issuer_values() {
        for (name, ticker, kept) in [
            ("EXAMPLE CORP", "EXM", (true, true)),
            ("EXAMPLE HOLDINGS (DE) LLC", "EX.A", (true, true)),
            ("EXAMPLE CORP", "Issuer ( EXM", (true, false)),
            ("EXAMPLE CORP F DOE JOHN (", "F", (false, true)),
        ] {
            let mut record = Record::default();
            record.issuer.name = Some(name.to_string());
            record.issuer.trading_symbol = Some(ticker.to_string());
            let mut cx = Ctx::new("");
            drop_mixed_values(&mut record, &mut cx);
            assert_eq!(
                (
                    record.issuer.name.is_some(),
                    record.issuer.trading_symbol.is_some()
                ),
                kept,
                "{name} [{ticker}]"
            );
        }
    }

    #[test]
    fn zip_codes() {
        for (z, ok) in [
            ("94025", true),
            ("10022-1234", true),
            ("9402", false),
            ("940255", false),
            ("10022-12", false),
            ("V5Y 0A1", false),
        ] {
            assert_eq!(us_zip(z), ok, "{z}");
        }
    }

    #[test]
    fn commas_between_letters() {
        for (v, want) in [
            ("EXAMPLE FUND,INC.", "EXAMPLE FUND, INC."),
            ("EXAMPLE FUND, INC.", "EXAMPLE FUND, INC."),
            ("1,000 SHARES", "1,000 SHARES"),
            ("DOE JANE,", "DOE JANE,"),
        ] {
            assert_eq!(comma_spaced(v), want, "{v}");
        }
    }

    /// A grid that cuts box 5's title after a joining word puts its rest in the cell below;
    /// without it, the cut title is left out. A rest below that starts with a joining word
    /// goes on a title cut before it.
    #[test]
    fn title_cut_after_a_joining_word() {
        for (title, below, want) in [
            (
                "Vice President and",
                "Controller",
                Some("Vice President and Controller"),
            ),
            ("Vice President and", "", None),
            ("Vice President", "Controller", Some("Vice President")),
            // Cut before the joining word: the rest below starts with it.
            (
                "Vice President",
                "& Treasurer",
                Some("Vice President & Treasurer"),
            ),
            ("Vice President", "and", Some("Vice President")),
        ] {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup><br>DOE JANE||2. Issuer Name**and**Ticker or Trading Symbol<br>Example Corp [EXM]|5. Relationship of Reporting Per<br>(Check all applicable)<br>Director|son(s) to Issuer<br>10% Owner|\n\
                 |---|---|---|---|---|\n\
                 |(Last)<br>(First)<br>1 MAIN STREET|(Middle)|3. Date of Earliest Transaction (Month/Day/Year)<br>12/31/2019|X<br>Officer (give title<br>below)<br>{title}|Other (specify below)|\n\
                 |(Street)|||{below}||\n\
                 |CHICAGO<br>IL|60606|4. If Amendment, Date of Original Filed (Month/Day/Year)|6. Individual or Joint/Group Filing||\n\
                 |(City)<br>(State)|(Zip)||||\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
            );
            let record = normalized(&text);
            let owner = record.reporting_owners.first().expect("an owner");
            assert!(owner.is_officer, "{title} | {below}");
            assert_eq!(owner.officer_title.as_deref(), want, "{title} | {below}");
        }
    }

    /// Box 5's title read from a slot mixed with box 1's street or box 3's date, or with
    /// nothing but marks, is left out.
    #[test]
    fn mixed_titles() {
        for (text, mixed) in [
            ("Vice President & Treasurer", false),
            ("See Remarks", false),
            ("Officer (1)", false),
            ("Officer (give", true),
            ("Other (specify below)", true),
            ("Giver of Gifts", false),
            ("C/O EXAMPLE, INC. 10/18/ 2006 Vice President", true),
            ("1 MAIN STREET, SUITE 300", true),
            ("See Explanation of Responses 40TH FL", true),
            ("( X", true),
            ("", false),
        ] {
            assert_eq!(mixed_title(text).is_some(), mixed, "{text:?}");
        }
    }

    /// A date's debris is trimmed, and so is a caption glued before it; digits in the
    /// brackets say they are no caption.
    #[test]
    fn dates_in_words() {
        for (w, date) in [
            ("12/31/2019", Some("2019-12-31")),
            ("(12/31/2019)", Some("2019-12-31")),
            ("12/31/2019]", Some("2019-12-31")),
            ("(Month/Day/Year)12/31/2019", Some("2019-12-31")),
            ("(1)12/31/2019", None),
            ("below)Senior", None),
        ] {
            assert_eq!(word_date(w).map(|d| d.to_string()).as_deref(), date, "{w}");
        }
    }

    /// A grid puts box 5's title in rows of its own down box 5's column, under the
    /// captions' cells and beside box 1's street lines: read down that column, row by
    /// row, up to another box's label. Text spread over two of box 5's cells in a row, or
    /// moving from one cell to another, is not known to be one title.
    #[test]
    fn title_read_down_box_5s_column() {
        let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
            (
                "Vice President",
                "",
                "Operations",
                "",
                Some("Vice President Operations"),
            ),
            ("", "See Remarks", "", "", Some("See Remarks")),
            (
                "Chief Financial",
                "",
                "Officer",
                "",
                Some("Chief Financial Officer"),
            ),
            // Box 6's label ends the title in its cell.
            (
                "",
                "Treasurer<br>6. Individual or Joint/G",
                "",
                "",
                Some("Treasurer"),
            ),
            // A row with nothing in box 5's cells ends the column's text.
            ("", "", "Treasurer", "", None),
            // (Box 6's label in the `Other` caption's column spoils the slot after it,
            // which then leaves the column to this rule.)
            (
                "Vice",
                "President<br>6. Individual or Joint/G",
                "",
                "",
                None,
            ),
            (
                "Vice",
                "",
                "",
                "President<br>6. Individual or Joint/G",
                None,
            ),
        ];
        for (a1, b1, a2, b2, want) in cases {
            let owner = column_owner("", a1, b1, a2, b2);
            assert!(owner.is_officer, "{a1} | {b1} | {a2} | {b2}");
            assert_eq!(
                owner.officer_title.as_deref(),
                *want,
                "{a1} | {b1} | {a2} | {b2}"
            );
            assert_eq!(owner.address.street1.as_deref(), Some("1 MAIN STREET"));
        }
        // The title's head in the captions' own cell, after them; a caption's piece the
        // grid cut off (`elow)`) there is no title's.
        for (head, a1, want) in [
            (
                "<br>Executive Vice",
                "President",
                Some("Executive Vice President"),
            ),
            ("<br>elow)", "President", None),
        ] {
            let owner = column_owner(head, a1, "", "", "");
            assert_eq!(owner.officer_title.as_deref(), want, "{head} | {a1}");
        }
        // A line the grid cut inside a word, over the two cells: one line, the word
        // rejoined, unless the document prints it with one letter more at the cut.
        for (a1, b1, a2, want) in [
            ("Vice P", "resident", "", Some("Vice President")),
            (
                "Vice P",
                "resident",
                "Operations",
                Some("Vice President Operations"),
            ),
            ("Chief Offi", "cer", "", Some("Chief Officer")),
            // `Offcer` is printed nowhere, `Officer` in the caption: a letter may be lost.
            ("Chief Off", "cer", "", None),
            // Two words, or one of two lines: nothing tells how they read.
            ("Vice", "President", "", None),
            ("Vice P", "resident<br>Sales", "", None),
        ] {
            let owner = column_owner("", a1, b1, a2, "");
            let case = format!("{a1} | {b1} / {a2}");
            assert!(owner.is_officer, "{case}");
            assert_eq!(owner.officer_title.as_deref(), want, "{case}");
        }
    }

    /// The first owner of a header whose box 5 is a grid's two cells, the officer's ticked:
    /// `head` ends the officer caption's cell, the others fill the two rows below.
    fn column_owner(head: &str, a1: &str, b1: &str, a2: &str, b2: &str) -> ReportingOwner {
        {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup><br>DOE JANE Q|2. Issuer Name**and**Ticker or Trading Symbol<br>Example Widgets, Inc. [EXW]|5. Relationship of Reporting Person(s) to Issuer<br>(Check all applicable)<br>Director|10% Owner|\n\
                 |---|---|---|---|\n\
                 |(Last)<br>(First)<br>(Middle)|3. Date of Earliest Transaction (Month/Day/Year)<br>04/01/2020|X<br>Officer (give title<br>below){head}|Other (specify<br>below)|\n\
                 |1 MAIN STREET||{a1}|{b1}|\n\
                 |(Street)<br>SPRINGFIELD<br>IL<br>62701|4. If Amendment, Date of Original Filed (Month/Day/Year)|{a2}|{b2}|\n\
                 |(City)<br>(State)<br>(Zip)||X<br>Form filed by One Reporting Person||\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Explanation of Responses:\n"
            );
            let record = normalized(&text);
            record
                .reporting_owners
                .into_iter()
                .next()
                .expect("an owner")
        }
    }

    /// A grid may put box 5's caption tails (`below)`) in a row of their own, under the
    /// heads' row, beside box 3's label cut over two cells; a check box printed halfway
    /// down its caption lands in the cell before its tail, or in the tail's cell above it.
    /// The mark is box 5's, not box 3's text nor box 6's.
    #[test]
    fn tick_beside_the_tails_of_box_5s_captions_in_a_grid() {
        let cases: &[([&str; 4], bool, bool)] = &[
            (["X", "<br>below)", "", "<br>below)"], true, false),
            (["", "<br>below)", "X", "<br>below)"], false, true),
            (["", "X<br>below)", "", "<br>below)"], true, false),
            (["", "<br>below)", "", "<br>below)"], false, false),
            // One tail alone in the row tells no box.
            (["X", "<br>below)", "", ""], false, false),
        ];
        for ([c5, c6, c7, c8], officer, other) in cases {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup>|||2. Issuer Name and Ticker or Trading Symbol||5. Relationship of Reporting Person(s) to Issuer<br>(Check all applicable)||||\n\
                 |---|---|---|---|---|---|---|---|---|\n\
                 |DOE JANE Q|||Example Widgets, Inc. [EXW]|||Director||10% Owner|\n\
                 |||||||Officer (give title||Other (specify|\n\
                 |(Last)|(First)|(Middle)|3. Date of|Earliest Transaction (Month/Day/Year)|{c5}|{c6}|{c7}|{c8}|\n\
                 |1 MAIN STREET|||04/01/2020||||||\n\
                 |(Street)<br>SPRINGFIELD|IL|62701|4. If Amendment, Date of Original Filed (Month/Day/Year)||6. Individual or Joint/Group Filing<br>X Form filed by One Reporting Person||||\n\
                 |(City)|(State)|(Zip)|||||||\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Explanation of Responses:\n"
            );
            let record = normalized(&text);
            let owner = record.reporting_owners.first().expect("an owner");
            let row = format!("{c5} | {c6} | {c7} | {c8}");
            assert_eq!(
                (owner.is_officer, owner.is_other),
                (*officer, *other),
                "{row}"
            );
            assert!(!owner.is_director && !owner.is_ten_percent_owner, "{row}");
            assert_eq!(
                record.period_of_report.map(|d| d.to_string()).as_deref(),
                Some("2020-04-01"),
                "{row}"
            );
        }
    }

    /// Picture text reads box 5's captions in two lines, their heads and then their tails
    /// (`below) below)`); a check box printed halfway down its caption may be read on the
    /// tails' line, right before its own tail: the first tail's is the officer's box, the
    /// second's the "other" box. One tail alone on the line, or no head on the line
    /// above, places no mark.
    #[test]
    fn tick_beside_the_tails_of_box_5s_captions() {
        let cases: &[(&str, &str, bool, bool)] = &[
            (
                "Officer (give title Other (specify",
                "(Last) (First) (Middle) X below) below)",
                true,
                false,
            ),
            (
                "Officer (give title Other (specify",
                "(Last) (First) (Middle) below) X below)",
                false,
                true,
            ),
            (
                "Officer (give Other (specify",
                "(Last) (First) (Middle) X title below) below)",
                true,
                false,
            ),
            (
                "Officer (give title Other (specify",
                "(Last) (First) (Middle) below) below) X",
                false,
                false,
            ),
            (
                "Officer (give title Other (specify",
                "(Last) (First) (Middle) X below)",
                false,
                false,
            ),
            (
                "Officer (give title Other (specify<br>SUITE 100",
                "(Last) (First) (Middle) below) X below)",
                false,
                false,
            ),
        ];
        for (heads, tails, officer, other) in cases {
            let record = read_picture(&format!(
                "<br>Director 10% Owner<br>{heads}<br>{tails}<br>\
                 1 MAIN STREET 3. Date of Earliest Transaction (Month/Day/Year) 04/01/2020<br>\
                 (Street)<br>\
                 SPRINGFIELD IL 62701 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing<br>\
                 (City) (State) (Zip)"
            ));
            let owner = record.reporting_owners.first().expect("an owner");
            assert_eq!(
                (owner.is_officer, owner.is_other),
                (*officer, *other),
                "{heads} | {tails}"
            );
        }
    }

    /// Where picture text breaks the officer's caption after `Officer (give`, its tail
    /// `title below)` is the caption's, and a bracket left of a caption the label search
    /// cut (`(` of `(Month/Day/Year)`) no title's word: the title is what is left.
    #[test]
    fn title_beside_a_caption_tail_and_a_cut_bracket() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Secretary", Some("Secretary")),
            ("Chief Legal Officer", Some("Chief Legal Officer")),
            ("", None),
        ];
        for (title, want) in cases {
            let record = read_picture(&format!(
                "<br>Director 10% Owner<br>(Last) (First) (Middle)<br>\
                 3. Statement for Issuer's Fiscal Year Ended Officer (give Other (specify<br>\
                 1 MAIN STREET (Month/Day/Year) title below) below)<br>\
                 12/31/2019<br>\
                 SUITE 100 {title}<br>\
                 4. If Amendment, Date of Original Filed 6. Individual or Joint/Group Filing (Check<br>\
                 (Street) (Month/Day/Year) Applicable Line)<br>\
                 SPRINGFIELD IL 62701 Form filed by One Reporting Person<br>\
                 (City) (State) (Zip)"
            ));
            let owner = record.reporting_owners.first().expect("an owner");
            assert_eq!(owner.officer_title.as_deref(), *want, "{title}");
            assert_eq!(owner.is_officer, want.is_some(), "{title}");
            assert_eq!(
                street_of(&record).as_deref(),
                Some("1 MAIN STREET SUITE 100")
            );
        }
    }

    /// Picture text glues the officer caption's tail to the title in box 5's slot
    /// (`below)Senior VP -`): the tail is the caption's, and the title, read as an
    /// officer's (a ` - ` between its words is no debris), goes on below its joining word.
    #[test]
    fn a_caption_tail_glued_to_the_title_is_the_captions() {
        let record = read_picture(
            "<br>Director 10% Owner<br>\
             (Last) (First) (Middle) 3. Statement for Issuer's Fiscal Year Ended Officer (give title Other (specify<br>\
             C/O ACME COMPANY (Month/Day/Year)12/31/2019 below)Senior VP - below)<br>\
             101 MAIN ST., SUITE 2500<br>\
             Operations<br>\
             (Street) 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing (Check<br>\
             TAMPA FL 33602 Applicable Line)<br>\
             (City) (State) (Zip)",
        );
        let owner = record.reporting_owners.first().expect("an owner");
        assert_eq!(
            owner.officer_title.as_deref(),
            Some("Senior VP - Operations")
        );
        assert!(owner.is_officer);
    }

    /// Box 5's title on the lines below its check boxes, beside box 1's capitals and box
    /// 3's date (picture text, read across the page): the words from where small letters
    /// or an officer's acronym follow, down to box 4's label. A tick no label took, or a
    /// word with small letters that cannot be placed, leaves it unread.
    #[test]
    fn officer_title_below_the_check_boxes() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "",
                "1 MAIN STREET 04/01/2020 President &<br>SUITE 100 CEO",
                Some("President & CEO"),
            ),
            (
                "",
                "C/O EXAMPLE INC.<br>03/14/2025 Chief Legal<br>2 MAIN STREET, 5TH FLOOR<br>Officer",
                Some("Chief Legal Officer"),
            ),
            (
                "",
                "1 MAIN STREET 04/01/2020<br>C/O EXAMPLE, INC. CEO",
                Some("CEO"),
            ),
            (
                "",
                "1 MAIN STREET Officer-<br>FLOOR 2 04/01/2020 Investment<br>Sub-Advisor",
                Some("Officer-Investment Sub-Advisor"),
            ),
            // A tick box 5's labels did not take: which box it marks is not known.
            (
                " X",
                "1 MAIN STREET 04/01/2020 President &<br>SUITE 100 CEO",
                None,
            ),
            // A word with small letters glued to a caption: the title is not known whole.
            (
                "",
                "1 MAIN STREET 04/01/2020 below)Senior VP -<br>Vice President",
                None,
            ),
            // Nothing but box 1's capitals and box 3's date.
            ("", "1 MAIN STREET 04/01/2020<br>SUITE 100", None),
        ];
        for (tick, lines, title) in cases {
            let record = read_picture(&format!(
                "<br>Director 10% Owner<br>\
                 Officer (give title Other (specify<br>\
                 (Last) (First) (Middle){tick} 3. Date of Earliest Transaction (Month/Day/Year) below) below)<br>\
                 {lines}<br>\
                 (Street)<br>\
                 CHICAGO IL 60602 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing<br>\
                 (City) (State) (Zip)"
            ));
            let owner = record.reporting_owners.first().expect("an owner");
            assert_eq!(owner.officer_title.as_deref(), *title, "{lines}");
            assert_eq!(owner.is_officer, title.is_some(), "{lines}");
        }
    }

    /// Picture text reads box 6 across the page with box 1's city line: the city is the
    /// capitals at the start of the lines down to `(City) (State) (Zip)`, a city of two
    /// lines printed around its state and ZIP; box 5's title in capitals (`CEO and`) is not.
    #[test]
    fn city_lines_read_across_the_page() {
        for (lines, city) in [
            (
                "MOUNTAIN Form filed by One Reporting Person<br>CA 94043<br>VIEW X Form filed by More than One Reporting<br>Person",
                Some("MOUNTAIN VIEW CA 94043"),
            ),
            (
                "NEW (Check Applicable Line)<br>YORK NY 10022 Form filed by One Reporting<br>Person",
                Some("NEW YORK NY 10022"),
            ),
            (
                "CEO and<br>ELMSHADE MD 20899 Form filed by One Reporting Person",
                Some("ELMSHADE MD 20899"),
            ),
            ("CHICAGO IL 60602 NY 10022", None),
        ] {
            let record = read_picture(&format!(
                "<br>\
                 (Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) below) below)<br>\
                 100 MAIN STREET 05/01/2012<br>\
                 (Street) 6. Individual or Joint/Group Filing<br>\
                 {lines}<br>\
                 (City) (State) (Zip)"
            ));
            assert_eq!(city_of(&record).as_deref(), city, "{lines}");
        }
    }

    /// Box 1's title misread past finding: its captions still give an owner whose city,
    /// state and ZIP are read; the street above `(Street)` is not, nor the name.
    #[test]
    fn box1_captions_without_its_title_give_the_city() {
        let text = "FORM 4\n\
            STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\
            1.N d Addi f Reportng P. a 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer\n\
            VARGA LENA K ee ete Orchard Tools Co [ ORTL ] (Check all applicable)\n\
            X Director 10% Owner\n\
            (Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) Officer (give title below) Other (specify below)\n\
            4421 HARBOR DRIVE 12/31/2019\n\
            (Street) 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing (Check Applicable Line)\n\
            GLEN MARSH VA 23060 Form filed by One Reporting Person\n\
            (City) (State) (Zip) Form filed by More than One Reporting Person\n\
            Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\
            Explanation of Responses:\n";
        let record = normalized(text);
        let owner = record.reporting_owners.first().expect("an owner");
        assert_eq!(owner.name, None);
        assert_eq!(street_of(&record), None);
        assert_eq!(city_of(&record).as_deref(), Some("GLEN MARSH VA 23060"));
        assert!(owner.is_director);
    }

    /// In OCR'd text (a label misread: `Adress`), a speck between the owner's and the
    /// issuer's names read side by side is neither's.
    #[test]
    fn a_speck_between_names_read_side_by_side_is_neithers() {
        let text = "FORM 4\n\
            STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\
            1. Name and Adress of Reporting Person\u{201d} 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer\n\
            Varga Lena K \u{b0} ORCHARD TOOLS INC [ ORTL ] (Check all applicable)\n\
            X Director 10% Owner\n\
            (Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) below) below)\n\
            Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\
            Explanation of Responses:\n";
        let record = normalized(text);
        let want = (Some("Varga Lena K"), Some("ORCHARD TOOLS INC"));
        assert_eq!(names_of(&record), want);
    }

    /// OCR'd text (a label misread: `Adress`) reads box 6 across the page with box 1's
    /// city line just as picture text does.
    #[test]
    fn city_line_across_the_page_in_ocr_text() {
        let text = "FORM 4\n\
            STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\
            1. Name and Adress of Reporting Person\u{201d} 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer\n\
            Varga Lena K ORCHARD TOOLS INC [ORTL] (Check all applicable)\n\
            X Director 10% Owner\n\
            (Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) below) below)\n\
            100 MAIN STREET 05/01/2012\n\
            (Street) 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing (Check Applicable Line)\n\
            PALO VERDE CA 94304 X Form filed by One Reporting Person\n\
            Form filed by More than One Reporting Person\n\
            (City) (State) (Zip)\n\
            Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\
            Explanation of Responses:\n";
        let record = normalized(text);
        assert_eq!(city_of(&record).as_deref(), Some("PALO VERDE CA 94304"));
    }

    /// Picture text puts other boxes' labels right after `(Street)`: the lines of text
    /// before `(City) (State) (Zip)` are box 1's when they are plainly a city, a state and
    /// a ZIP; no such line, or a city with a number, is left unread.
    #[test]
    fn city_line_apart_from_street() {
        for (lines, city) in [
            (
                "CHICAGO IL 60602 Line)<br>X Form filed by One Reporting Person",
                Some("CHICAGO IL 60602"),
            ),
            (
                "SAN JOSE CA 95131<br>Form filed by One Reporting Person",
                Some("SAN JOSE CA 95131"),
            ),
            // Cut over two lines around the caption's tail: its lines rejoined (the
            // caption no longer takes `NE` of `NEW` for its own misread tail).
            (
                "NEW Line)<br>YORK NY 10022 Form filed by One Reporting Person",
                Some("NEW YORK NY 10022"),
            ),
            ("CHICAGO 60602 Line)", None),
            // A city whose head would complete the cut caption (`Applicable` + `NE…`,
            // `LI…`) stays whole.
            (
                "NEW YORK NY 10022 Line)<br>X Form filed by One Reporting Person",
                Some("NEW YORK NY 10022"),
            ),
            (
                "LINDEN KEY FL 33101 Line)<br>X Form filed by One Reporting Person",
                Some("LINDEN KEY FL 33101"),
            ),
        ] {
            let record = read_picture(&format!(
                "<br>\
                 (Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) below) below)<br>\
                 100 MAIN STREET 05/01/2012<br>\
                 (Street) 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing (Check Applicable<br>\
                 {lines}<br>\
                 (City) (State) (Zip)"
            ));
            assert_eq!(city_of(&record).as_deref(), city, "{lines}");
        }
    }

    /// Picture text puts box 3's date at the end of box 1's first street line beside it:
    /// the words before the date are the street's; a date inside a line keeps it out.
    #[test]
    fn street_line_ending_with_box3_date() {
        for (lines, street) in [
            (
                "C/O ACME CORP 05/01/2012<br>2029 MAIN COURT",
                Some("C/O ACME CORP 2029 MAIN COURT"),
            ),
            (
                "C/O ACME CORP 05/01/2012 below) below)<br>2029 MAIN COURT",
                Some("C/O ACME CORP 2029 MAIN COURT"),
            ),
            ("05/01/2012<br>2029 MAIN COURT", Some("2029 MAIN COURT")),
            (
                "C/O ACME 05/01/2012 CORP<br>2029 MAIN COURT",
                Some("2029 MAIN COURT"),
            ),
        ] {
            let record = read_picture(&format!(
                "<br>\
                 (Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) below) below)<br>\
                 {lines}<br>\
                 (Street) 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing"
            ));
            assert_eq!(street_of(&record), street.map(str::to_string), "{lines}");
        }
    }

    #[test]
    fn values_mixed_with_other_boxes_labels() {
        for (value, debris) in [
            ("BRANDT ROLAND 2. Issuer Zenith Software Inc", Some("2.")),
            ("HOLLES BRENT D WIDGETCO CORP [WDGT]", Some("[WDGT]")),
            ("Kestel Joel A tionship of Reporting Per", Some("tionship")),
            ("Person * Requiring Quillon Pharma plc", Some("Requiring")),
            ("Nanotechnology Value Trading Fund OS LP", None),
            ("State Street Corp", None),
            ("Earl Grey Holdings 2020, LP", None),
            ("C/O ZORBIX, INC. 919 E. MILLBROOK BLVD.", None),
            ("02451 SPRINGVALE MA (2ip) (State)", Some("(2ip)")),
            ("101 ELM STREET (middie)", Some("(middie)")),
            ("101 ELM STREET (REAR)", None),
            ("ACME HOLDINGS (DE) LLC", None),
        ] {
            assert_eq!(label_debris(value), debris, "{value:?}");
        }
    }

    /// Box 5's pointers read into box 1 leave the value out; a plain name stays.
    #[test]
    fn cross_references_in_names_and_addresses() {
        for (value, word) in [
            ("See Remarks GRAND FALLS", Some("See")),
            ("*Director by Proxy 12 OAK AVENUE", Some("*Director")),
            ("Jane Roe & John Roe Livi* ng Trust", Some("Livi*")),
            ("Explanation of Responses PORT ELLEN", Some("Explanation")),
            ("Seeley Holdings LP", None),
            ("12 OAK AVENUE, 3RD FLOOR", None),
        ] {
            assert_eq!(cross_reference(value), word, "{value:?}");
        }
    }

    /// A ZIP read into the last street line moves to the empty ZIP; a box's number, a
    /// filled ZIP or a missing state leave the street as it is.
    #[test]
    fn zip_read_into_the_street() {
        for (street2, state, zip, want) in [
            (
                "450 MAPLE ROAD 60614",
                Some("CA"),
                None,
                ("450 MAPLE ROAD", Some("60614")),
            ),
            (
                "450 MAPLE ROAD 60614-1234",
                Some("CA"),
                None,
                ("450 MAPLE ROAD", Some("60614-1234")),
            ),
            ("P.O. BOX 12345", Some("CA"), None, ("P.O. BOX 12345", None)),
            (
                "450 MAPLE ROAD 60614",
                Some("CA"),
                Some("60615"),
                ("450 MAPLE ROAD 60614", Some("60615")),
            ),
            (
                "450 MAPLE ROAD 60614",
                None,
                None,
                ("450 MAPLE ROAD 60614", None),
            ),
            ("450 MAPLE ROAD", Some("CA"), None, ("450 MAPLE ROAD", None)),
        ] {
            let mut address = Address {
                street2: Some(street2.to_string()),
                state: state.map(str::to_string),
                zip: zip.map(str::to_string),
                ..Address::default()
            };
            let mut cx = Ctx::new("");
            zip_from_street(&mut address, "reporting_owners[0].address", &mut cx);
            assert_eq!(
                (
                    address.street2.as_deref().unwrap_or_default(),
                    address.zip.as_deref()
                ),
                want,
                "{street2:?}"
            );
        }
    }

    /// A lone street line of digits alone is a date's piece; a suite's number with its
    /// sign, or under a line ending in `SUITE`, stays.
    #[test]
    fn digit_only_street_lines() {
        for (first, line, kept) in [
            (None, "03", false),
            (None, "#500", true),
            (None, "1 MAIN STREET", true),
            (Some("1 MAIN STREET, SUITE"), "200", true),
        ] {
            let mut record = Record::default();
            record.reporting_owners.push(ReportingOwner {
                address: Address {
                    street1: first.map(str::to_string),
                    street2: Some(line.to_string()),
                    ..Address::default()
                },
                ..ReportingOwner::default()
            });
            let mut cx = Ctx::new("");
            drop_mixed_values(&mut record, &mut cx);
            assert_eq!(
                record.reporting_owners[0].address.street2.is_some(),
                kept,
                "{line:?}"
            );
        }
    }

    /// A city holding a street's word leaves out the city and the street lines.
    #[test]
    fn street_words_in_the_city() {
        for (city, kept) in [
            ("MAPLELLOW ROAD GROVE", false),
            ("ST. HELIER", true),
            ("PALO ALTO", true),
        ] {
            let mut address = Address {
                street1: Some("C/O EXAMPLE, INC.".to_string()),
                city: Some(city.to_string()),
                ..Address::default()
            };
            let mut cx = Ctx::new("");
            drop_street_in_city(&mut address, "reporting_owners[0].address", &mut cx);
            assert_eq!(
                (address.city.is_some(), address.street1.is_some()),
                (kept, kept),
                "{city:?}"
            );
        }
    }

    /// A word the grid's cut joined gets back the space the document prints it with
    /// elsewhere; a split leaving a piece under three characters, or a word printed
    /// nowhere else, stays as it is.
    #[test]
    fn spaces_the_document_prints_elsewhere() {
        let doc = form4_grammar::parse(
            "|MAPLE<br>GROVE|CA|\n|---|---|\n|SEE FOOTNOTE 1: held by ORCHARD L P/IL|x|\n",
        )
        .expect("the grammar takes any text");
        let segs = crate::text::segments(&doc);
        let text = crate::attest::DocText::new(&segs);
        #[allow(clippy::reversed_empty_ranges)]
        let lookup = text.skipping(1..=0);
        for (city, name, want_city, want_name) in [
            ("MAPLEGROVE", "ORCHARD LP", "MAPLE GROVE", "ORCHARD LP"),
            ("MAPLE GROVE", "ORCHARDLP", "MAPLE GROVE", "ORCHARDLP"),
            ("PINEHILL", "DOE JANE", "PINEHILL", "DOE JANE"),
        ] {
            let mut record = Record::default();
            record.reporting_owners.push(ReportingOwner {
                name: Some(name.to_string()),
                address: Address {
                    city: Some(city.to_string()),
                    ..Address::default()
                },
                ..ReportingOwner::default()
            });
            let mut cx = Ctx::new("");
            respace_header(&mut record, &lookup, &mut cx);
            let owner = &record.reporting_owners[0];
            assert_eq!(
                (owner.address.city.as_deref(), owner.name.as_deref()),
                (Some(want_city), Some(want_name)),
                "{city:?} {name:?}"
            );
        }
    }

    #[test]
    fn issuers() {
        for (input, name, ticker) in [
            ("ZORBIX, INC. [ZRBX]", "ZORBIX, INC.", Some("ZRBX")),
            ("ZORBIX, INC. [ ZRBX ]", "ZORBIX, INC.", Some("ZRBX")),
            ("Example Corp", "Example Corp", None),
        ] {
            let (n, t) = issuer(input).unwrap_or_default();
            assert_eq!((n.as_str(), t.as_deref()), (name, ticker), "{input:?}");
        }
    }

    #[test]
    fn care_of_lines() {
        for (input, expected) in [
            (
                "C/O ZORBIX, INC. 919 E. MILLBROOK BLVD.",
                Some(("C/O ZORBIX, INC.", "919 E. MILLBROOK BLVD.")),
            ),
            (
                "c/o Acme 3M Partners 10 Main St",
                Some(("c/o Acme 3M Partners", "10 Main St")),
            ),
            ("919 E. MILLBROOK BLVD.", None),
            ("C/O ZORBIX, INC.", None),
        ] {
            let got = split_care_of(input);
            let got = got.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
            assert_eq!(got, expected, "{input:?}");
        }
    }

    #[test]
    fn addresses() {
        for (input, city, state, zip) in [
            (
                "FOSTER CITY CA 94404",
                Some("FOSTER CITY"),
                Some("CA"),
                Some("94404"),
            ),
            (
                "NEW YORK NY 10022-1234",
                Some("NEW YORK"),
                Some("NY"),
                Some("10022-1234"),
            ),
            (
                "BRAMWICK N4 L-7461",
                Some("BRAMWICK"),
                Some("N4"),
                Some("L-7461"),
            ),
            (
                "ST. ANSEL PORT GYX 8QQ",
                Some("ST. ANSEL PORT GYX 8QQ"),
                None,
                None,
            ),
            (
                "GRAND HOLLOW E9 KY1-7730",
                Some("GRAND HOLLOW"),
                Some("E9"),
                Some("KY1-7730"),
            ),
            (
                "FAIRHAVEN A1 V7Q 2B4",
                Some("FAIRHAVEN"),
                Some("A1"),
                Some("V7Q 2B4"),
            ),
            (
                "LONDON, X0 W9X 4QT",
                Some("LONDON,"),
                Some("X0"),
                Some("W9X 4QT"),
            ),
            // A state glued to the city that the ZIP does not confirm: where the city
            // ends is not known. (One it confirms is split later: see the next test.)
            ("OAKDALEMI 33131", None, None, Some("33131")),
            // An amount is no postal code.
            ("BY 2,000,000", Some("BY 2,000,000"), None, None),
        ] {
            let a = city_state_zip_whole(input).unwrap_or_default();
            assert_eq!(
                (a.city.as_deref(), a.state.as_deref(), a.zip.as_deref()),
                (city, state, zip),
                "{input:?}"
            );
        }
    }

    /// A state glued to the city is split off where the ZIP's first digit confirms it and
    /// the street kept its spaces; where the street lost them, the city is left out.
    #[test]
    fn a_state_glued_to_the_city_is_split_where_the_zip_confirms_it() {
        // (street, city as read, ZIP) -> (city, state)
        type Case<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            (
                "12 ELM ST",
                "BRADLEYTX",
                "75082",
                Some("BRADLEY"),
                Some("TX"),
            ),
            (
                "12 ELM ST",
                "NEW BRADLEYWI",
                "53226",
                Some("NEW BRADLEY"),
                Some("WI"),
            ),
            // The ZIP does not confirm it: no state split off (the city stays as read).
            ("12 ELM ST", "BRADLEYTX", "33131", Some("BRADLEYTX"), None),
            // Too short to hold a city and a state.
            ("12 ELM ST", "ELTX", "75082", Some("ELTX"), None),
            // The street lost its spaces: so may the city have.
            ("12ELMSTREET", "NEWBRADLEYTX", "75082", None, None),
        ];
        for &(street, city, zip, want_city, want_state) in cases {
            let mut record = Record::default();
            let mut owner = ReportingOwner::default();
            owner.address.street1 = Some(street.into());
            owner.address.city = Some(city.into());
            owner.address.zip = Some(zip.into());
            record.reporting_owners.push(owner);
            let mut cx = Ctx::new("");
            drop_mixed_values(&mut record, &mut cx);
            let a = &record.reporting_owners[0].address;
            assert_eq!(
                (a.city.as_deref(), a.state.as_deref()),
                (want_city, want_state),
                "{city} {zip}"
            );
        }
    }
}
