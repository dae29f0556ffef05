//! Box 1 read down its own columns, when a converter's grid cut it into table cells.
//!
//! Box 1 is printed as a stack of lines, each value above its caption: the name, then
//! `(Last) (First) (Middle)`, the street lines, `(Street)`, the city, state and ZIP, and
//! `(City) (State) (Zip)`. A converter that lays its own grid over the page (pymupdf4llm)
//! cuts that stack into cells: box 1 keeps the leftmost columns of the header's table, but
//! its lines are cut at the column lines, a cell drops the empty lines at its top (so the
//! k-th line of one cell is not the k-th of its neighbour), and in reading order the
//! pieces interleave with the boxes to the right. Read across the row, no value follows
//! its label.
//!
//! Read down box 1's columns instead, the captions tell each piece's part: a piece is in
//! the part after the last caption above it, in its own cell or, when its cell has no
//! caption in that row (a dropped empty line), in the row's other cells. The pieces of
//! one part and one row are then put back together line by line, across the cells.

use form4_model::{Address, RepairKind};

use crate::ctx::Ctx;
use crate::grid::needs_space;
use crate::header::{city_state_zip, is_state_code, Piece};
use crate::labels::Hit;
use crate::text::{ascii_letters, clean_spaces, Segment};
use crate::values;

/// The captions under box 1's values, in the order printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    /// `(Last) (First) (Middle)`: ends the name.
    Name,
    /// `(Street)`: ends the street lines.
    Street,
    /// `(City) (State) (Zip)`: ends the city, state and ZIP.
    Place,
}

/// Which of `(City)`, `(State)`, `(Zip)` a caption piece is (a grid cuts them too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sub {
    City,
    State,
    Zip,
}

/// One line of a value, put back together from the pieces of the cells it crosses.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub text: String,
    pub pieces: Vec<Piece>,
}

impl Line {
    /// Several lines as one text (a name wrapped over lines, a city over its state).
    fn joined(lines: &[Line]) -> Line {
        let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        Line {
            text: clean_spaces(&text.join(" ")),
            pieces: lines.iter().flat_map(|l| l.pieces.clone()).collect(),
        }
    }
}

/// Box 1's values as read down its columns.
#[derive(Debug, Default)]
pub(crate) struct Columns {
    /// The name, when printed in a row below the label's.
    pub name: Option<Line>,
    pub street: Vec<Line>,
    /// City, state and ZIP, the text they were read from, and its lines.
    pub place: Option<(Address, Line, Vec<Line>)>,
}

/// Whether a piece is one of box 1's captions, whole or cut by a grid (`(M`, `iddle)`).
pub(crate) fn is_caption(text: &str) -> bool {
    caption(text).is_some()
}

/// A caption piece: which part it ends and, for the last captions, which of them.
fn caption(text: &str) -> Option<(Option<Part>, Option<Sub>)> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let bracketed = t.starts_with('(') || t.ends_with(')');
    if t.chars().any(char::is_alphanumeric) && !bracketed {
        return None;
    }
    const WORDS: [(&str, Part, Option<Sub>); 7] = [
        ("last", Part::Name, None),
        ("first", Part::Name, None),
        ("middle", Part::Name, None),
        ("street", Part::Street, None),
        ("city", Part::Place, Some(Sub::City)),
        ("state", Part::Place, Some(Sub::State)),
        ("zip", Part::Place, Some(Sub::Zip)),
    ];
    let mut part: Option<Part> = None;
    let mut sub: Option<Sub> = None;
    let mut ambiguous = false;
    for w in t.split_whitespace() {
        let l = ascii_letters(w);
        if l.is_empty() {
            continue;
        }
        let fits: Vec<&(&str, Part, Option<Sub>)> = WORDS
            .iter()
            .filter(|(word, ..)| word.contains(&l))
            .collect();
        match fits.as_slice() {
            [] => return None,
            [(_, p, s)] => {
                ambiguous |= part.is_some_and(|q| q != *p);
                part = Some(*p);
                sub = sub.or(*s);
            }
            _ => {}
        }
    }
    // A piece too short to say which caption it is (`t)`, `(`) is still a caption.
    Some((if ambiguous { None } else { part }, sub))
}

/// How far from the `(Last)` caption, in rows, box 1 is looked for.
const ROWS: usize = 12;

/// A piece of the region: row, cell, piece within the cell, segment.
#[derive(Debug, Clone, Copy)]
struct At {
    row: usize,
    cell: usize,
    piece: usize,
    seg: usize,
}

/// Reads box 1 down its columns, from the table that holds the `(Last)` caption at
/// segment `last_seg`, and from the segments in `range` (the header's). `label` is box 1's
/// label when the header has one before it, `foreign` says which segments hold another
/// box's printed text, and `exact` whether the text is a converter's, not OCR's. `None`
/// when box 1 is not laid out this way, or when its columns hold text of another box.
pub(crate) fn read(
    segs: &[Segment],
    last_seg: usize,
    label: Option<Hit>,
    range: std::ops::Range<usize>,
    foreign: &dyn Fn(usize) -> bool,
    exact: bool,
) -> Option<Columns> {
    let at = segs.get(last_seg)?.place;
    if !at.in_table {
        return None;
    }
    let block = at.block;
    let in_block = |s: &Segment| s.place.in_table && s.place.block == block;
    // Box 1's stack is a few rows deep: the rows around the caption are enough, and a
    // huge table is not walked for each caption.
    let near = |s: &Segment| in_block(s) && s.place.row.abs_diff(at.row) <= ROWS;
    let mut lo = last_seg;
    while lo > 0 && near(&segs[lo - 1]) {
        lo -= 1;
    }
    let mut hi = last_seg;
    while hi + 1 < segs.len() && near(&segs[hi + 1]) {
        hi += 1;
    }
    // The label's own row holds the name when the label is whole; the rows below it are
    // read here. Box 1 ends where another box's label starts in that row.
    let label_seg = label
        .map(|h| h.start.seg)
        .filter(|&s| segs.get(s).is_some_and(in_block));
    if label_seg.is_some_and(|s| !(lo..=hi).contains(&s)) {
        return None;
    }
    // Another box's label whose number the grid left in box 1's column, under box 1's
    // own text in a cell (`1. Name and Address of Reporting Person<br>2.`), starts that
    // box in the next column: it and the pieces after it in the cell are the other box's
    // (found in one pass over the pieces, in cell order). Only in exact text: OCR's
    // misread debris in a cell would cut it anywhere.
    let mut in_tail = vec![false; hi + 1 - lo];
    let mut cell = None;
    let (mut filled, mut tail) = (false, false);
    for i in lo..=hi {
        let pl = segs[i].place;
        if cell != Some((pl.row, pl.cell)) {
            cell = Some((pl.row, pl.cell));
            (filled, tail) = (false, false);
        }
        tail |= exact && filled && (foreign(i) || crate::grid::opens_box(&segs[i].text));
        in_tail[i - lo] = tail;
        filled |= !segs[i].text.trim().is_empty();
    }
    let (first_row, width) = match label_seg {
        Some(s) => {
            let row = segs[s].place.row;
            let width = (lo..=hi)
                .filter(|&i| segs[i].place.row == row && foreign(i))
                .map(|i| segs[i].place.cell + usize::from(in_tail[i - lo]))
                .min()
                .unwrap_or(at.ncells);
            (row + 1, width)
        }
        // No label in the table (printed on a line above it): box 1 ends where another
        // box's label or tick mark starts in the caption's row or the two above it, the
        // name's (`(Last) | (Middle) | Officer (give title below)`, `NAME || ☐ | Director`).
        None => {
            let width = (lo..=hi)
                .filter(|&i| {
                    let row = segs[i].place.row;
                    row <= at.row
                        && row + 2 >= at.row
                        && (foreign(i) || values::is_tick(segs[i].text.trim()))
                })
                .map(|i| segs[i].place.cell)
                .min()
                .unwrap_or(at.ncells);
            (0, width)
        }
    };
    if at.cell >= width || at.row < first_row {
        return None;
    }
    let mut region: Vec<At> = (lo..=hi)
        .filter(|&i| {
            range.contains(&i)
                && segs[i].place.row >= first_row
                && segs[i].place.cell < width
                && !in_tail[i - lo]
        })
        .map(|i| At {
            row: segs[i].place.row,
            cell: segs[i].place.cell,
            piece: segs[i].place.piece,
            seg: i,
        })
        .collect();
    region.sort_by_key(|a| (a.row, a.cell, a.piece, a.seg));
    let cut_place = cut_place_captions(segs, &region);
    let caption_at = |a: &At| {
        caption(&segs[a.seg].text).or_else(|| {
            cut_place
                .iter()
                .find(|(s, _)| *s == a.seg)
                .map(|&(_, sub)| (Some(Part::Place), Some(sub)))
        })
    };
    // The captions, up to the first `(City) (State) (Zip)` after `(Street)`.
    let mut caps: Vec<(At, Option<Part>, Option<Sub>)> = Vec::new();
    let mut seen = None::<Part>;
    let mut end_row = None;
    for a in &region {
        let Some((part, sub)) = caption_at(a) else {
            continue;
        };
        if end_row.is_some_and(|r| a.row > r) {
            break;
        }
        match (seen, part) {
            (None, Some(Part::Name)) => seen = Some(Part::Name),
            (Some(Part::Name), Some(Part::Street)) => seen = Some(Part::Street),
            (Some(Part::Street), Some(Part::Place)) => {
                seen = Some(Part::Place);
                end_row = Some(a.row);
            }
            _ => {}
        }
        if seen.is_some() {
            caps.push((*a, part, sub));
        }
    }
    let end_row = end_row?;
    let region: Vec<At> = region.into_iter().filter(|a| a.row <= end_row).collect();
    let is_caption = |a: &At| caption_at(a).is_some();

    // A caption is above a piece when in an earlier row, or in the same row higher in
    // the piece's cell; a cell with no such caption in the row dropped that empty line,
    // so the caption's line in the row's other cells counts.
    let passed = |a: &At, part: Part| -> bool {
        let of_part = || caps.iter().filter(|(_, p, _)| *p == Some(part));
        if of_part().any(|(c, ..)| c.row < a.row) {
            return true;
        }
        let own: Vec<usize> = of_part()
            .filter(|(c, ..)| c.row == a.row && c.cell == a.cell)
            .map(|(c, ..)| c.piece)
            .collect();
        if !own.is_empty() {
            return own.iter().any(|&p| p < a.piece);
        }
        of_part()
            .filter(|(c, ..)| c.row == a.row)
            .any(|(c, ..)| c.piece <= a.piece)
    };
    // No part of an address is a date: a date, or a piece of one cut by the grid
    // (`02/14/2 | 013`), is the value of the box printed right of box 1 (Form 3's box 2,
    // Form 4's box 3), and so is what follows it in its row.
    let dates: Vec<(usize, usize)> = region
        .iter()
        .filter(|a| date_piece(&segs[a.seg].text))
        .map(|a| (a.row, a.cell))
        .collect();
    let beside_date = |a: &At| dates.iter().any(|&(r, c)| r == a.row && c <= a.cell);
    let mut values: Vec<(Part, At)> = Vec::new();
    for a in region.iter().filter(|a| !is_caption(a) && !beside_date(a)) {
        let text = segs[a.seg].text.trim();
        if foreign(a.seg) || values::is_tick(text) || crate::grid::opens_box(text) {
            // Another box's text inside box 1's columns: the columns are not box 1's.
            return None;
        }
        let part = if passed(a, Part::Place) {
            continue;
        } else if passed(a, Part::Street) {
            Part::Place
        } else if passed(a, Part::Name) {
            Part::Street
        } else {
            Part::Name
        };
        values.push((part, *a));
    }

    let mut out = Columns::default();
    let name: Vec<Line> = lines(segs, &values, Part::Name);
    if !name.is_empty() {
        out.name = Some(Line::joined(&name));
    }
    out.street = lines(segs, &values, Part::Street);
    out.place = place(segs, &values, &caps);
    Some(out)
}

/// `(City) (State) (Zip)` cut by the grid down to the heads of its words, brackets lost,
/// as one cell of three lines (`Ci<br>S<br>Zi`): the segments and which caption each is.
/// Each line must begin its word with the capital (the city's and the ZIP's with two
/// letters or more), so no value of box 1 (upper-case, or with digits) reads as one.
fn cut_place_captions(segs: &[Segment], region: &[At]) -> Vec<(usize, Sub)> {
    const WORDS: [(&str, Sub, usize); 3] = [
        ("City", Sub::City, 2),
        ("State", Sub::State, 1),
        ("Zip", Sub::Zip, 2),
    ];
    let mut out = Vec::new();
    for cell in region.chunk_by(|a, b| a.row == b.row && a.cell == b.cell) {
        let [a, b, c] = cell else {
            continue;
        };
        let fits = [a, b, c].iter().zip(WORDS).all(|(at, (word, _, least))| {
            let t = segs[at.seg].text.trim();
            t.len() >= least && word.starts_with(t)
        });
        if fits {
            out.extend(
                [a, b, c]
                    .iter()
                    .zip(WORDS)
                    .map(|(at, (_, sub, _))| (at.seg, sub)),
            );
        }
    }
    out
}

/// Whether a piece is a date or a piece of one cut by a grid (`02/14/2`, `/25/2022`, `09/1`):
/// digits and slashes only, a slash and three digits at least (a fraction in an address,
/// `1/2`, has fewer).
fn date_piece(text: &str) -> bool {
    let t = text.trim();
    t.contains('/')
        && t.chars().all(|c| c.is_ascii_digit() || c == '/')
        && t.chars().filter(char::is_ascii_digit).count() >= 3
}

/// The lines of one part: the pieces of one row, the k-th of the part in each cell, are
/// one line cut by the grid.
fn lines(segs: &[Segment], values: &[(Part, At)], part: Part) -> Vec<Line> {
    let mut keyed: Vec<(usize, usize, usize, usize)> = Vec::new(); // (row, k, cell, seg)
    let mut last: Option<(usize, usize)> = None;
    let mut k = 0;
    for (_, a) in values.iter().filter(|(p, _)| *p == part) {
        k = if last == Some((a.row, a.cell)) {
            k + 1
        } else {
            0
        };
        last = Some((a.row, a.cell));
        keyed.push((a.row, k, a.cell, a.seg));
    }
    keyed.sort_unstable();
    let mut out: Vec<Line> = Vec::new();
    let mut prev: Option<(usize, usize, usize)> = None;
    for (row, k, cell, seg) in keyed {
        let s = &segs[seg];
        let piece = Piece {
            seg,
            a: 0,
            b: s.text.len(),
        };
        match (prev, out.last_mut()) {
            (Some((r, kk, c)), Some(line)) if r == row && kk == k => {
                let space = c + 1 != cell || street_space(&line.text, &s.text);
                if space {
                    line.text.push(' ');
                }
                line.text.push_str(&s.text);
                line.pieces.push(piece);
            }
            _ => out.push(Line {
                text: s.text.clone(),
                pieces: vec![piece],
            }),
        }
        prev = Some((row, k, cell));
    }
    for l in &mut out {
        l.text = clean_spaces(&l.text);
    }
    out.retain(|l| !l.text.is_empty());
    out
}

/// Whether a space stood at a cut in an address line: as [`needs_space`] infers it, or
/// when the right piece starts with a whole word that names a kind of street or a part
/// of a building (`415 LINDEN | STREET`, `215 2ND | AVE.`), which a cut inside a word
/// would not leave, or when the left piece ends with a suite's or a floor's word and the
/// right one starts with its number (`SUITE | 101`: of the corpus's 189 owners' street
/// lines, 43 put a number after `SUITE` or `FLOOR`, always with a space; 2 streets of
/// pymupdf4llm made right).
fn street_space(left: &str, right: &str) -> bool {
    const UNITS: [&str; 4] = ["SUITE", "FLOOR", "STE", "ROOM"];
    const WORDS: [&str; 15] = [
        "STREET",
        "AVENUE",
        "AVE",
        "ROAD",
        "DRIVE",
        "BOULEVARD",
        "BLVD",
        "SUITE",
        "FLOOR",
        "PLACE",
        "COURT",
        "LANE",
        "PARKWAY",
        "PLAZA",
        "CIRCLE",
    ];
    let first = right
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .next()
        .unwrap_or("");
    let last = left.rsplit([' ', ',']).next().unwrap_or("");
    needs_space(left, right)
        || (left.ends_with(|c: char| c.is_alphanumeric())
            && WORDS.iter().any(|w| first.eq_ignore_ascii_case(w)))
        || (right.starts_with(|c: char| c.is_ascii_digit())
            && UNITS.iter().any(|w| last.eq_ignore_ascii_case(w)))
}

/// Logs the lines put back together from pieces of several cells.
pub(crate) fn log_joins(segs: &[Segment], lines: &[Line], field: &str, cx: &mut Ctx) {
    for l in lines.iter().filter(|l| l.pieces.len() > 1) {
        let parts: Vec<&str> = l.pieces.iter().map(|p| segs[p.seg].text.as_str()).collect();
        let first = l.pieces[0];
        cx.repair(
            field,
            RepairKind::JoinedText,
            &parts.join(" | "),
            &l.text,
            Some(segs[first.seg].span()),
        );
    }
}

/// City, state and ZIP. The pieces of one line in neighbouring cells are one text cut by
/// the grid (`ANCHO | RAGE AK`, `94 | 043`), joined as [`needs_space`] reads the cut; but
/// where a cell starts the column of the state or the ZIP (its caption says so), a state
/// code or a ZIP, the last line of its column, stands apart and follows what is before
/// it (`VIEW | CA | 94 | 043` is `VIEW CA 94043`, and `ELMSW | OOD` over `CROSS | ING`
/// over `PA` is `ELMSWOOD CROSSING PA`). A cell with fewer lines than the one before
/// dropped empty lines at its top: its lines are the last ones of its neighbour's.
fn place(
    segs: &[Segment],
    values: &[(Part, At)],
    caps: &[(At, Option<Part>, Option<Sub>)],
) -> Option<(Address, Line, Vec<Line>)> {
    let mut cells: Vec<(usize, Vec<usize>)> = Vec::new();
    for (_, a) in values.iter().filter(|(p, _)| *p == Part::Place) {
        match cells.iter_mut().find(|(c, _)| *c == a.cell) {
            Some((_, segs_of)) => segs_of.push(a.seg),
            None => cells.push((a.cell, vec![a.seg])),
        }
    }
    cells.sort_by_key(|(c, _)| *c);
    let first_sub = |cell: usize| {
        caps.iter()
            .filter(|(c, p, _)| c.cell == cell && *p == Some(Part::Place))
            .find_map(|(.., s)| *s)
    };
    let mut lines: Vec<Line> = Vec::new();
    // The line each piece of the cell before went into.
    let mut before: (usize, Vec<usize>) = (usize::MAX, Vec::new());
    for (cell, ss) in &cells {
        let starts = first_sub(*cell)
            .filter(|s| before.0.checked_add(1) != Some(*cell) || first_sub(before.0) != Some(*s));
        let mut went = Vec::with_capacity(ss.len());
        // A cell with fewer lines than the one before dropped empty lines at its top.
        let skip = before.1.len().saturating_sub(ss.len());
        for (k, &seg) in ss.iter().enumerate() {
            let t = segs[seg].text.trim();
            let piece = Piece {
                seg,
                a: 0,
                b: segs[seg].text.len(),
            };
            let left = (before.0.checked_add(1) == Some(*cell))
                .then(|| before.1.get(k + skip).copied())
                .flatten()
                .filter(|&l| {
                    lines[l]
                        .pieces
                        .last()
                        .is_some_and(|p| segs[p.seg].place.cell == before.0)
                });
            let first = t.split_whitespace().next().unwrap_or("");
            // The state and the ZIP are the last lines of their column.
            let last = k + 1 == ss.len();
            let zip_below = ss.get(k + 1).is_some_and(|&n| {
                k + 2 == ss.len()
                    && segs[n]
                        .text
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit())
            });
            let left_text = left.map_or("", |l| lines[l].text.as_str());
            let apart = match starts {
                Some(Sub::State) => (last || zip_below) && is_state_code(first),
                Some(Sub::Zip) => {
                    last && ((first.starts_with(|c: char| c.is_ascii_digit())
                        && !left_text.ends_with(|c: char| c.is_ascii_digit()))
                        || left_text
                            .split_whitespace()
                            .last()
                            .is_some_and(is_state_code))
                }
                _ => false,
            };
            match left {
                Some(l) if !apart => {
                    let line = &mut lines[l];
                    if needs_space(&line.text, t) {
                        line.text.push(' ');
                    }
                    line.text.push_str(t);
                    line.pieces.push(piece);
                    went.push(l);
                }
                _ => {
                    lines.push(Line {
                        text: t.to_string(),
                        pieces: vec![piece],
                    });
                    went.push(lines.len() - 1);
                }
            }
        }
        before = (*cell, went);
    }
    let mut all = Line::joined(&lines);
    if let Some((rest, piece)) = zip_rest_right(segs, &all) {
        if let Some(line) = lines.last_mut() {
            line.text.push_str(&rest);
            line.pieces.push(piece);
        }
        all = Line::joined(&lines);
    }
    let addr = city_state_zip(&all.text)?;
    // A city with digits took a piece of the ZIP: the lines were not read right.
    if addr
        .city
        .as_deref()
        .is_some_and(|c| c.chars().any(|ch| ch.is_ascii_digit()))
    {
        return None;
    }
    Some((crate::header::without_glued_state(addr), all, lines))
}

/// The rest of a ZIP the grid cut off into the next cell, right of box 1's columns
/// (`SPRINGFIELD IL<br>6270|1<br>4. If ...`): where the place's last line ends its cell
/// with a state and a cut ZIP of two to four digits, and the first piece of the cell
/// right of it in the same row is digits alone that make it five, those digits are the
/// ZIP's rest. Every ZIP after a state of two letters in the corpus's 120 filings (166)
/// has five digits, so a cut one is never whole. Measured on the corpus: 3 ZIPs of
/// pymupdf4llm gained, no value made wrong in any rendering.
fn zip_rest_right(segs: &[Segment], all: &Line) -> Option<(String, Piece)> {
    let last = all.pieces.last()?;
    let here = segs.get(last.seg)?.place;
    let mut words = all.text.split_whitespace().rev();
    let cut = words.next()?;
    let state = words.next()?;
    let short = (2..=4).contains(&cut.len()) && cut.bytes().all(|b| b.is_ascii_digit());
    // The piece must end its cell: the cut is the cell's edge, not a line's end.
    let ends_cell = segs.get(last.seg + 1).is_none_or(|n| {
        n.place.block != here.block || n.place.row != here.row || n.place.cell != here.cell
    });
    let own = segs[last.seg].text.trim_end().ends_with(cut);
    if !short
        || !ends_cell
        || !own
        || !state.bytes().all(|b| b.is_ascii_uppercase())
        || !is_state_code(state)
    {
        return None;
    }
    let next = last.seg + 1;
    let n = segs.get(next)?;
    let right = n.place.in_table
        && n.place.block == here.block
        && n.place.row == here.row
        && n.place.cell == here.cell + 1
        && n.place.piece == 0;
    let rest = n.text.trim();
    let digits = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
    if !right || !digits || cut.len() + rest.len() != 5 {
        return None;
    }
    let a = n.text.len() - n.text.trim_start().len();
    Some((
        rest.to_string(),
        Piece {
            seg: next,
            a,
            b: a + rest.len(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions() {
        for (text, part) in [
            ("(Last)", Some((Some(Part::Name), None))),
            ("(Last) (First) (Middle)", Some((Some(Part::Name), None))),
            ("(M", Some((Some(Part::Name), None))),
            ("iddle)", Some((Some(Part::Name), None))),
            ("(Street)", Some((Some(Part::Street), None))),
            ("(Z", Some((Some(Part::Place), Some(Sub::Zip)))),
            ("(City)", Some((Some(Part::Place), Some(Sub::City)))),
            ("t)", Some((None, None))),
            ("(", Some((None, None))),
            ("MAIN STREET", None),
            ("(212)", None),
            ("SUITE 5 (EAST)", None),
        ] {
            assert_eq!(caption(text), part, "{text:?}");
        }
    }

    /// A grid that puts box 2's date, cut in two, in the row of box 1's street lines: the
    /// date and what follows it in the row are not box 1's.
    #[test]
    fn dates_beside_the_street_lines() {
        for (cells, street1) in [
            ("02/14/2|013", "C/O EXAMPLE CORPORATION"),
            ("|02/14/2013", "C/O EXAMPLE CORPORATION"),
            ("SUITE 3|", "C/O EXAMPLE CORPORATION SUITE 3"),
        ] {
            let text = format!(
                "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
                 |1. Name and Address of Reporting Pers<br>DOE JANE|on<sup>*</sup><br>2. Date<br>Requirin<br>(Month/|of Event<br>g Statement<br>Day/Year)|3. Issuer Name**and**Tic<br>EXAMPLE Corp [EXA|ker or Trad<br>M]|\n\
                 |---|---|---|---|---|\n\
                 |(Last)<br>(First)<br>(Middle)<br>C/O EXAMPLE CORPORATION<br>100 MAIN STREET, SUITE 300|{cells}|||\n\
                 |(Street)<br>SAN<br>FRANCISCO CA<br>94104|||||\n\
                 |(City)<br>(State)<br>(Zip)|||||\n\n\
                 Table I - Non-Derivative Securities Beneficially Owned\n"
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            let owner = record.reporting_owners.first().expect("an owner");
            assert_eq!(owner.address.street1.as_deref(), Some(street1), "{cells}");
            assert_eq!(
                owner.address.street2.as_deref(),
                Some("100 MAIN STREET, SUITE 300"),
                "{cells}"
            );
        }
    }

    /// The next boxes' numbers left by the grid in box 1's column under its label and
    /// captions (`...Person*<br>2.`, `(Middle)<br>3.<br>03`) start those boxes: the
    /// cell's pieces from them on are theirs, and box 1 is still read down its column.
    /// In OCR'd text (a misread label) such a cut is not made.
    #[test]
    fn next_boxs_number_under_box_1s_text_ends_its_cell() {
        for (label, name) in [
            ("Name and Address of Reporting Person", Some("DOE JANE")),
            ("Name and Adress of Reporting Person", None),
        ] {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                 |1. {label}<sup>*</sup><br>2.<br>E|Issuer Name**and**T<br>XAMPLE|icker or Trading Symbol<br>CORP [ EXA ]|\n\
                 |---|---|---|\n\
                 |DOE JANE|||\n\
                 |(Last)<br>(First)<br>(Middle)<br>3.<br>03|Date of Earliest Transaction<br>/01/2024|(Month/Day/Year)|\n\
                 |100 MAIN STREET|||\n\
                 |(Street)<br>4.|If Amendment, Date of Original Filed|(Month/Day/Year)|\n\
                 |SPRINGFIELD IL 62701|||\n\
                 |(City)<br>(State)<br>(Zip)|||\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
                 Explanation of Responses:\n"
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            let owner = record.reporting_owners.first().expect("an owner");
            assert_eq!(owner.name.as_deref(), name, "{label}");
            if name.is_some() {
                assert_eq!(owner.address.street1.as_deref(), Some("100 MAIN STREET"));
                assert_eq!(owner.address.city.as_deref(), Some("SPRINGFIELD"));
                assert_eq!(owner.address.zip.as_deref(), Some("62701"));
            }
        }
    }

    /// Box 1's label printed on a line above the table of its values: box 1 ends where
    /// another box's label starts in the row of `(Last) (First) (Middle)`.
    #[test]
    fn box_1_below_its_label_ends_at_the_next_boxs_label() {
        let name_row = "|DOE FAMILY TRUST||☐<br>Director|☒|10% Owner|";
        for (name_row, caption_row, name) in [
            (
                name_row,
                "|(Last)<br>(First)|(Middle)|☐<br>Officer (give title below)|☐|Other (specify below)|",
                Some("DOE FAMILY TRUST"),
            ),
            // The name's row has box 5's tick mark.
            (
                "|DOE FAMILY TR|UST|☐|Director|☒|",
                "|(Last)<br>(First)|(Middle)||||",
                Some("DOE FAMILY TRUST"),
            ),
        ] {
            let text = format!(
                "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
                 1. Name and Address of Reporting Person<sup>*</sup>\n\n\
                 5. Relationship of Reporting Person(s) to Issuer (Check all applicable)\n\n\
                 {name_row}\n\
                 |---|---|---|---|---|\n\
                 {caption_row}\n\
                 |100 MAIN STREET|||||\n\
                 |(Street)|||||\n\
                 |SPRINGFIELD<br>IL|62701||||\n\
                 |(City)<br>(State)|(Zip)||||\n\n\
                 Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            let owner = record.reporting_owners.first().and_then(|o| o.name.as_deref());
            assert_eq!(owner, name, "{caption_row}");
        }
    }

    /// `(City) (State) (Zip)` cut down to its words' heads in one cell of three lines is
    /// the place's caption; upper-case heads (a value's shape) are not.
    #[test]
    fn place_caption_cut_to_word_heads() {
        for (cell, place) in [
            ("Ci<br>S<br>Zi", Some(("SPRINGFIELD", "IL", "62701"))),
            ("Cit<br>Stat<br>Zip", Some(("SPRINGFIELD", "IL", "62701"))),
            ("CI<br>S<br>ZI", None),
            ("Ci<br>S", None),
        ] {
            let text = format!(
                "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup><br>DOE JANE|2. Date of Event<br>Requiring Statement<br>(Month/Day/Year)|3. Issuer Name**and**Ticker or Trading Symbol<br>EXAMPLE Corp [EXAM]|||\n\
                 |---|---|---|---|---|\n\
                 |(Last)<br>(First)<br>(Middle)<br>100 MAIN STREET|02/14/2|013|||\n\
                 |<br>(Street)|||||\n\
                 |SPRINGFIELD<br>IL<br>62701|||||\n\
                 |{cell}|||||\n\n\
                 Table I - Non-Derivative Securities Beneficially Owned\n"
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            let a = &record.reporting_owners.first().expect("an owner").address;
            let got = match (&a.city, &a.state, &a.zip) {
                (Some(c), Some(s), Some(z)) => Some((c.as_str(), s.as_str(), z.as_str())),
                _ => None,
            };
            assert_eq!(got, place, "{cell}");
        }
    }

    /// A ZIP the grid cut at a column line: its rest is the first piece of the next cell.
    #[test]
    fn zip_cut_into_the_next_cell() {
        for (row, zip) in [
            ("|(Street)<br>SPRINGFIELD IL<br>6270|1||||", Some("62701")),
            ("|(Street)<br>SPRINGFIELD IL<br>627|01||||", Some("62701")),
            // Six digits, or a rest with other text: no ZIP.
            ("|(Street)<br>SPRINGFIELD IL<br>6270|12||||", None),
            ("|(Street)<br>SPRINGFIELD IL<br>6270|1 A||||", None),
            ("|(Street)<br>SPRINGFIELD IL<br>62701|||||", Some("62701")),
        ] {
            let text = format!(
                "FORM 3\n\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n\n\
                 |1. Name and Address of Reporting Person<sup>*</sup><br>DOE JANE|2. Date of Event<br>Requiring Statement<br>(Month/Day/Year)|3. Issuer Name**and**Ticker or Trading Symbol<br>EXAMPLE Corp [EXAM]|||\n\
                 |---|---|---|---|---|\n\
                 |(Last)<br>(First)<br>(Middle)<br>C/O EXAMPLE CORPORATION<br>100 MAIN STREET|02/14/2|013|||\n\
                 {row}\n\
                 |(City)<br>(State)<br>(Zip)|||||\n\n\
                 Table I - Non-Derivative Securities Beneficially Owned\n"
            );
            let doc = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&doc).expect("a form");
            let owner = record.reporting_owners.first().expect("an owner");
            assert_eq!(owner.address.zip.as_deref(), zip, "{row}");
        }
    }

    #[test]
    fn date_pieces() {
        for (text, date) in [
            ("02/14/2", true),
            ("/25/2022", true),
            ("09/1", true),
            ("02/14/2013", true),
            ("013", false),
            ("1/2", false),
            ("SUITE 3/4", false),
        ] {
            assert_eq!(date_piece(text), date, "{text:?}");
        }
    }

    #[test]
    fn spaces_in_street_lines() {
        for (l, r, space) in [
            ("415 LINDEN", "STREET", true),
            ("C/O WIDGETLY CO", "RPORATION", false),
            ("4221 C S", "TREET", false),
            ("1840 NORTHERN BLV", "D", false),
            ("ONE BROAD", "WAY", false),
            ("215 2ND", "AVE. #3B", true),
            ("12 CR", "AVEN ROAD", false),
            ("310 OAK ROAD, SUITE", "405", true),
            ("310 OAK ROAD, 10TH FLOOR", "4", true),
            ("310 OAK ROAD, SUITE 4", "05", false),
            ("12 MAPLE", "101", false),
        ] {
            assert_eq!(street_space(l, r), space, "{l:?} | {r:?}");
        }
    }
}
