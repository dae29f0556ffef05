//! Turn the layout tree of a converted SEC Form 3, 4 or 5 into a canonical, checked record.
//!
//! Converters disagree about cells, lines and order, but the form itself is fixed: its
//! labels, its boxes and the order and type of the columns of Tables I and II. So this
//! crate finds each part of the form by its (possibly damaged) label, reads values by type
//! in the form's column order, repairs what OCR split or misread, and checks values against
//! each other. Every value is either read, repaired (with the repair in
//! [`Diagnostics::repairs`](form4_model::Diagnostics)) or absent (with a warning); text that
//! no field took is listed in `diagnostics.unmapped`.
//!
//! ```
//! let text = "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
//! | 1. Name and Address of Reporting Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\
//! | 3. Date of Earliest Transaction (Month/Day/Year) 03/04/2021 | |\n\n\
//! Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
//! | Common Stock | 03/04/2021 | | S | | 1,000 | D | $12.50 | 9,000 | D | |\n";
//! let layout = form4_grammar::parse(text).unwrap();
//! let record = form4_normalize::normalize(&layout).unwrap();
//! let row = &record.non_derivative_table[0];
//! assert_eq!(row.shares.unwrap().to_string(), "1000");
//! assert_eq!(row.price_per_share.unwrap().to_string(), "12.5");
//! ```

mod attest;
mod box1;
mod checks;
mod ctx;
mod grid;
mod header;
mod labels;
mod picture;
mod table;
mod tail;
mod text;
mod values;

pub use crate::ctx::{is_noise, Coverage, Use};

use std::collections::{BTreeMap, BTreeSet};

use form4_grammar::{Document, Span};
use form4_model::{Date, DocumentType, Record, WarningCode};

use crate::ctx::Ctx;
use crate::labels::{Hit, Pos, Stream};
use crate::text::Segment;

/// The longest input [`normalize`] reads, in bytes (2 GiB).
///
/// Offsets are kept as `u32` to save memory, so both the input and the text of any
/// segment must stay under 4 GiB. Decoding can lengthen text by at most 5/3 (a three-byte
/// `✓` becomes ` ☒ `), so 2 GiB of input is safe.
pub const MAX_INPUT_LEN: usize = 1 << 31;

/// Why no record could be made.
///
/// Every variant says where: a byte span of the input, with the 1-based line and column
/// (in characters) of its start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Fewer than two of the form's landmarks were found. The span is the input's first
    /// non-blank line (empty at the start when the input is blank): what the text is
    /// instead of a form is best seen there.
    #[error(
        "not an ownership form (Form 3, 4 or 5): {found} of its landmarks found, 2 needed; searched for {}",
        LANDMARKS
    )]
    NotAForm {
        /// How many landmarks were found (0 or 1).
        found: usize,
        /// The first non-blank line, trimmed.
        span: Span,
        /// 1-based line of the span's start.
        line: usize,
        /// 1-based column of the span's start.
        column: usize,
    },
    /// The input is longer than [`MAX_INPUT_LEN`].
    #[error(
        "the input is {len} bytes long; at most {} bytes are read",
        MAX_INPUT_LEN
    )]
    TooLarge {
        /// The input's length.
        len: usize,
        /// The bytes past the limit.
        span: Span,
        /// 1-based line of the span's start.
        line: usize,
        /// 1-based column of the span's start.
        column: usize,
    },
}

/// What [`Error::NotAForm`] says was searched for.
const LANDMARKS: &str = "the form's title or FORM banner, box 1 (\"Name and Address of Reporting Person\"), box 5 (\"Relationship of Reporting Person\"), the titles of Tables I and II, \"Explanation of Responses\", \"Remarks\" and \"Signature of Reporting Person\"";

impl Error {
    /// The bytes of the input the error is about.
    pub fn span(&self) -> Span {
        match self {
            Error::NotAForm { span, .. } | Error::TooLarge { span, .. } => *span,
        }
    }

    /// The 1-based line of the span's start.
    pub fn line(&self) -> usize {
        match self {
            Error::NotAForm { line, .. } | Error::TooLarge { line, .. } => *line,
        }
    }

    /// The 1-based column, in characters, of the span's start.
    pub fn column(&self) -> usize {
        match self {
            Error::NotAForm { column, .. } | Error::TooLarge { column, .. } => *column,
        }
    }

    fn not_a_form(source: &str, found: usize) -> Self {
        let first_line = source
            .split_inclusive('\n')
            .scan(0, |at, line| {
                let start = *at;
                *at += line.len();
                Some((start, line))
            })
            .find(|(_, line)| !line.trim().is_empty());
        let span = first_line.map_or(Span::new(0, 0), |(start, line)| {
            let lead = line.len() - line.trim_start().len();
            Span::new(start + lead, start + line.trim_end().len())
        });
        let (line, column) = span.line_column(source);
        Error::NotAForm {
            found,
            span,
            line,
            column,
        }
    }

    fn too_large(source: &str) -> Self {
        let span = Span::new(MAX_INPUT_LEN, source.len());
        let (line, column) = span.line_column(source);
        Error::TooLarge {
            len: source.len(),
            span,
            line,
            column,
        }
    }
}

/// Reads a record from a layout tree.
///
/// Returns [`Error::NotAForm`] when the text has fewer than two of the form's landmarks;
/// otherwise a record, with whatever could not be read explained in its diagnostics.
pub fn normalize(doc: &Document<'_>) -> Result<Record, Error> {
    normalize_with_coverage(doc).map(|(record, _)| record)
}

/// Reads a record as [`normalize`] does, and says which input text it used.
///
/// The [`Coverage`] lists the bytes of `doc.source` that a value of the record was read
/// from, and those recognized as the form's printed text (labels, captions, column
/// headings, instructions). Together with the record's `diagnostics.unmapped` it accounts
/// for all the input's text, so a test can check that nothing was dropped without a trace.
///
/// ```
/// let text = std::fs::read_to_string("../../tests/fixtures/001_4f51bca2448f14c2.txt")?;
/// let layout = form4_grammar::parse(&text)?;
/// let (record, coverage) = form4_normalize::normalize_with_coverage(&layout)?;
/// let at = text.find("QLYS").expect("the ticker is printed");
/// assert_eq!(record.issuer.trading_symbol.as_deref(), Some("QLYS"));
/// assert_eq!(coverage.used_as(at), Some(form4_normalize::Use::Value));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn normalize_with_coverage(doc: &Document<'_>) -> Result<(Record, Coverage), Error> {
    if doc.source.len() > MAX_INPUT_LEN {
        return Err(Error::too_large(doc.source));
    }
    let mut cx = Ctx::new(doc.source);
    let segs = grid::regroup_cut_rows(text::segments(doc), &mut cx);
    let stream = Stream::new(&segs);
    let parts = Parts::locate(&stream, &segs);
    // Two landmarks make a form; the form's title (or banner) and its box 5 count too,
    // for OCR that lost the rest.
    let start = Pos { seg: 0, byte: 0 };
    let document_type = document_type(&stream, &segs, &mut cx);
    let box5 = stream
        .find_first(&segs, &["Relationship of Reporting Person"], start, None)
        .is_some();
    let marks = parts.landmarks() + usize::from(document_type.is_some()) + usize::from(box5);
    if marks < 2 {
        return Err(Error::not_a_form(doc.source, marks));
    }
    for hit in parts.all_hits() {
        cx.cover_hit(&segs, hit);
    }
    // Converters of digital text reproduce the printed labels exactly; OCR almost never
    // does (in the development corpus: every digital rendering matched its landmarks with
    // no edit but for one label's tail cut off by the grid, 14 of 360 OCR renderings
    // did). Readings that are sound in exact text but risky in OCR'd text depend on it.
    // Two of the form's three big titles (Tables I and II, the explanation of responses)
    // lost is as sure a sign: every digital rendering of the corpus has all three or
    // misses one.
    let titles_lost = [parts.table1, parts.table2, parts.explanation]
        .iter()
        .filter(|h| h.is_none())
        .count();
    cx.damaged = parts.misread(&segs) || titles_lost >= 2 || footer_misread(&stream, &segs);

    let mut record = Record {
        document_type,
        ..Record::default()
    };
    let end_of_doc = Pos {
        seg: segs.len(),
        byte: 0,
    };
    let header_end = parts
        .table1
        .or(parts.table2)
        .or(parts.explanation)
        .map_or(end_of_doc, |h| h.start);
    // The document's text, as evidence for what the grid cut (header, tables).
    let doc_text = attest::DocText::new(&segs);
    let whole = doc_text.whole();
    let owners = header::read(
        &mut record,
        &segs,
        &stream,
        start..header_end,
        true,
        &whole,
        &mut cx,
    );
    record.reporting_owners = owners;
    // Joint filings print one more box-1 block per reporting person after the tables.
    let later_owners: Vec<Hit> = parts
        .name_boxes
        .iter()
        .copied()
        .filter(|h| h.start >= header_end)
        .collect();
    let stops: Vec<Pos> = [
        parts.table1,
        parts.table2,
        parts.explanation,
        parts.remarks,
        parts.signature,
    ]
    .into_iter()
    .flatten()
    .chain(later_owners.iter().copied())
    .map(|h| h.start)
    .collect();
    let next_stop = |after: Pos| -> Pos {
        stops
            .iter()
            .copied()
            .filter(|p| *p > after)
            .min()
            .unwrap_or(end_of_doc)
    };
    for h in &later_owners {
        let more = header::read(
            &mut record,
            &segs,
            &stream,
            h.start..next_stop(h.start),
            false,
            &whole,
            &mut cx,
        );
        record.reporting_owners.extend(more);
    }
    if record.reporting_owners.is_empty() {
        cx.warn(
            WarningCode::MissingPart,
            Some("reporting_owners"),
            "box 1 (name and address of reporting person) was not found",
            None,
        );
    }

    // Form 3's tables hold holdings only.
    let form3 = record.document_type.is_some_and(|t| t.form_number() == 3);
    let mut ocr = false;
    if let Some(t1) = parts.table1 {
        let (rows, from_image) = table::read_table1(
            &segs,
            &doc_text,
            t1.end,
            next_stop(t1.start),
            form3,
            &mut cx,
        );
        record.non_derivative_table = rows;
        ocr |= from_image;
    } else {
        cx.warn(
            WarningCode::MissingPart,
            Some("non_derivative_table"),
            "the title of Table I was not found; no row of it was read",
            None,
        );
    }
    if let Some(t2) = parts.table2 {
        // Dates the filing already reports as transaction dates: a check on Table II's
        // reading of rows as holdings (a set: looked up for every date of every row).
        let tx_dates: BTreeSet<Date> = record
            .period_of_report
            .into_iter()
            .chain(
                record
                    .non_derivative_table
                    .iter()
                    .filter_map(|r| r.transaction_date),
            )
            .collect();
        let (rows, from_image) = table::read_table2(
            &segs,
            &doc_text,
            t2.end,
            next_stop(t2.start),
            form3,
            &tx_dates,
            &mut cx,
        );
        record.derivative_table = rows;
        ocr |= from_image;
    } else {
        cx.warn(
            WarningCode::MissingPart,
            Some("derivative_table"),
            "the title of Table II was not found; no row of it was read",
            None,
        );
    }

    // Before the label check: the captions OCR reads after a name are taken off, not the
    // name.
    checks::owner_name_debris(&mut record, ocr, &mut cx);
    header::drop_mixed_values(&mut record, &mut cx);
    // After the label check: only names kept are mended.
    checks::legal_form_comma(&mut record, ocr, &mut cx);
    header::space_after_commas(&mut record, &mut cx);
    // The spaces a cut lost may be printed anywhere in the document: nothing is skipped.
    header::respace_header(&mut record, &whole, &mut cx);
    let damaged = ocr || cx.damaged;
    checks::lone_amendment_dates(&mut record, damaged, &mut cx);
    checks::lone_dates(&mut record, ocr, &mut cx);
    checks::lone_prices(&mut record, ocr, &mut cx);
    checks::transaction_dates(&mut record, ocr, &mut cx);
    checks::stray_dates(&mut record, ocr, &mut cx);
    // Before the checks that leave codes out: a code read, even one doubted, confirms a
    // transaction.
    checks::unconfirmed_transactions(&mut record, ocr, &mut cx);
    checks::confusable_codes(&mut record, ocr, &mut cx);
    checks::outvoted_amounts(&mut record, ocr, &mut cx);
    checks::underlying_amounts(&mut record, ocr, &mut cx);
    checks::unpaired_conversions(&mut record, ocr, &mut cx);
    checks::rare_codes(&mut record, ocr, &mut cx);
    checks::unpriced_trades(&mut record, ocr, &mut cx);
    checks::debris_at_text_ends(&mut record, ocr, &mut cx);
    // Before the checks that weigh a title's words: they see the words spaced.
    checks::glued_title_spaces(&mut record, ocr, &mut cx);
    checks::header_run_ons(&mut record, ocr, &mut cx);
    checks::ocr_streets(&mut record, ocr, &mut cx);
    checks::unconfirmed_natures(&mut record, ocr, &mut cx);
    checks::wordless_titles(&mut record, ocr, &mut cx);
    checks::one_word_texts(&mut record, ocr, &mut cx);
    checks::titles_run_together(&mut record, ocr, &mut cx);
    checks::options_without_their_right(&mut record, ocr, &mut cx);
    checks::titles_without_their_class(&mut record, ocr, &mut cx);
    checks::unpaired_brackets(&mut record, &mut cx);
    checks::glued_title_words(&mut record, &mut cx);
    checks::trailing_amounts(&mut record, &mut cx);
    checks::unticked_relationships(&record, &mut cx);
    checks::empty_rows(&mut record, &mut cx);
    // Last: it compares the values the other checks kept.
    checks::owned_after_sums(&record, &mut cx);

    // Form 3 prints no box for it: EDGAR's `noSecuritiesOwned` is the statement made by
    // two empty tables. Only said when both tables were found.
    if form3 {
        let both_found = parts.table1.is_some() && parts.table2.is_some();
        let empty = record.non_derivative_table.is_empty() && record.derivative_table.is_empty();
        record.no_securities_owned = both_found.then_some(empty);
    }

    tail::read(
        &mut record,
        &segs,
        &stream,
        &parts,
        end_of_doc,
        ocr,
        &mut cx,
    );
    let (diagnostics, coverage) = cx.finish(&segs);
    record.diagnostics = diagnostics;
    Ok((record, coverage))
}

/// The landmarks that divide the form into parts.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub table1: Option<Hit>,
    pub table2: Option<Hit>,
    pub explanation: Option<Hit>,
    pub remarks: Option<Hit>,
    pub signature: Option<Hit>,
    pub name_boxes: Vec<Hit>,
}

impl Parts {
    fn locate(stream: &Stream, segs: &[Segment]) -> Self {
        let start = Pos { seg: 0, byte: 0 };
        let name_boxes = stream.find(segs, header::NAME_BOX, start, None, 3);
        let mut table1 = table_start(stream, segs, TABLE1, TABLE1_FIRST_COLUMN, start);
        let t2_from = table1.map_or(start, |h| h.end);
        // The name alone, where it comes first: the title or column heading found may be
        // a continuation page's.
        let mut table2 = match (
            table_start(stream, segs, TABLE2, TABLE2_FIRST_COLUMN, t2_from),
            table2_by_name(stream, segs, t2_from),
        ) {
            (Some(t), Some(n)) if n.start < t.start => Some(n),
            (t, n) => t.or(n),
        };
        for (hit, tails) in [(&mut table1, TABLE1_TAILS), (&mut table2, TABLE2_TAILS)] {
            if let Some(h) = hit.as_mut() {
                for tail in tails {
                    stream.extend(segs, h, tail, 2);
                }
            }
        }
        let after = table2.or(table1).map_or(start, |h| h.end);
        let explanation = stream.find_unnumbered_heading(segs, EXPLANATION, after, None);
        let rem_from = explanation.map_or(after, |h| h.end);
        let remarks = stream.find_unnumbered_heading(segs, REMARKS, rem_from, None);
        let sig_from = remarks.or(explanation).map_or(after, |h| h.end);
        let signature = stream.find_first(segs, SIGNATURE, sig_from, None);
        Parts {
            table1,
            table2,
            explanation,
            remarks,
            signature,
            name_boxes,
        }
    }

    /// Whether a landmark was found only with edits that no converter of digital text
    /// makes. A label whose tail a converter's grid cut off into a cell it did not put next
    /// (`Explanation of Respons | Cod<br>es:`) is whole up to its cell's end: that is a
    /// cut, not a misreading.
    fn misread(&self, segs: &[Segment]) -> bool {
        let labelled = [
            (self.table1, TABLE1),
            (self.table2, TABLE2),
            (self.explanation, EXPLANATION),
            (self.remarks, REMARKS),
            (self.signature, SIGNATURE[0]),
            (self.name_boxes.first().copied(), header::NAME_BOX),
        ];
        labelled
            .into_iter()
            .filter_map(|(h, label)| h.map(|h| (h, label)))
            .any(|(h, label)| h.cost > 0 && !cut_at_cell_end(segs, h, label))
    }

    fn landmarks(&self) -> usize {
        self.all_hits().count()
    }

    fn all_hits(&self) -> impl Iterator<Item = Hit> {
        [
            self.table1,
            self.table2,
            self.explanation,
            self.remarks,
            self.signature,
            self.name_boxes.first().copied(),
        ]
        .into_iter()
        .flatten()
    }
}

/// Whether hit `h` of `label` is the label's head, letter for letter, ending its table
/// cell's piece of text: the rest of the label went to a cell of its own.
/// The form's printed footer, the same on every page style (all 360 digital renderings of
/// the corpus hold each sentence exactly).
const FOOTER: [&str; 3] = [
    "Persons who respond to the collection of information contained in this form are not \
     required to respond unless the form displays a currently valid OMB Number",
    "Intentional misstatements or omissions of facts constitute Federal Criminal Violations",
    "Report on a separate line for each class of securities beneficially owned directly or \
     indirectly",
];

/// Whether a sentence of the form's footer was found misread: a sign of OCR where the
/// labels came through exact (`separate fine`, `OME Number`). A sentence is long enough to
/// be found through one edit in six letters and unlike any other text of the form. It
/// flags 3 of the corpus's 6 OCR'd renderings that no label did, and no digital one. A
/// sentence found exact is not searched for misread: digital text, the most of what is
/// read, then costs no wide search.
fn footer_misread(stream: &Stream, segs: &[Segment]) -> bool {
    let start = Pos { seg: 0, byte: 0 };
    FOOTER.iter().any(|sentence| {
        !stream.holds(sentence)
            && !stream
                .find(
                    segs,
                    sentence,
                    start,
                    None,
                    text::squashed_len(sentence) / 6,
                )
                .is_empty()
    })
}

fn cut_at_cell_end(segs: &[Segment], h: Hit, label: &str) -> bool {
    let Some(seg) = segs.get(h.start.seg) else {
        return false;
    };
    if h.end.seg != h.start.seg || !seg.place.in_table {
        return false;
    }
    let Some(found) = seg.text.get(h.start.byte..h.end.byte) else {
        return false;
    };
    let rest = seg.text.get(h.end.byte..).unwrap_or_default();
    let found = text::ascii_letters(found);
    let label = text::ascii_letters(label);
    rest.chars().all(|c| !c.is_alphanumeric())
        && found.len() < label.len()
        && label.starts_with(&found)
}

/// Where a table starts: at its title, or at the heading of its first column when that
/// comes first. OCR can shred a title across the cells of a two-line heading (and a
/// continuation page repeats it intact further on); the first column's heading, which
/// names the kind of security, then still marks the start.
fn table_start(
    stream: &Stream,
    segs: &[Segment],
    title: &str,
    first_column: &str,
    from: Pos,
) -> Option<Hit> {
    let title = stream.find_first(segs, &[title], from, None);
    let column = stream.find_first(segs, &[first_column], from, title.map(|h| h.start));
    column.or(title)
}

/// Table II by its name alone, opening its cell, before the explanation of responses. A
/// converter that reads a row's cells line by line across the row puts the pieces of a
/// title whose cells wrap differently among the other cells' lines (`Table II - Deriv` …
/// `ative` … `Sec`), so that neither the title (beyond its edit budget) nor the first
/// column's heading (`1. Title of` | `2.` … `Derivative`) is found, or only a
/// continuation page's; the rows before it would then be read as Table I's.
///
/// The name is read along each line of a row's cells, cell after cell, where a grid cut it
/// (`Tabl | e II -`): the text's own order may put other lines between the halves. It is
/// matched exactly (`Table I` is one letter short of it).
fn table2_by_name(stream: &Stream, segs: &[Segment], from: Pos) -> Option<Hit> {
    let explanation = stream.find_unnumbered_heading(segs, EXPLANATION, from, None);
    let in_text = stream.find_heading(segs, TABLE2_NAME, from, explanation.map(|h| h.start));
    let in_cells =
        table2_name_in_cells(segs, from, explanation.map_or(segs.len(), |h| h.start.seg));
    [in_text, in_cells]
        .into_iter()
        .flatten()
        .min_by_key(|h| h.start)
}

/// [`table2_by_name`] along each line of a row's cells, cell after cell, up to segment `end`.
fn table2_name_in_cells(segs: &[Segment], from: Pos, end: usize) -> Option<Hit> {
    let name: Vec<u8> = text::squashed(TABLE2_NAME).map(|(_, c)| c).collect();
    // The segments of each line of each row (in the text's order: block, row, line).
    let mut lines: BTreeMap<(usize, usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, sg) in segs.iter().enumerate().take(end).skip(from.seg) {
        let key = (sg.place.block, sg.place.row, sg.place.piece);
        lines.entry(key).or_default().push(i);
    }
    for mut line in lines.into_values() {
        line.sort_by_key(|&i| segs[i].place.cell);
        // Each squashed letter with the segment and byte it came from.
        let letters: Vec<(u8, usize, usize)> = line
            .iter()
            .flat_map(|&i| {
                let skip = if i == from.seg { from.byte } else { 0 };
                text::squashed(&segs[i].text)
                    .filter(move |&(b, _)| b >= skip)
                    .map(move |(b, c)| (c, i, b))
            })
            .collect();
        let found = letters.windows(name.len()).find(|w| {
            let (_, seg, byte) = w[0];
            w.iter().map(|l| l.0).eq(name.iter().copied())
                && !segs[seg].text[..byte].chars().any(char::is_alphanumeric)
        });
        if let Some(w) = found {
            let (_, seg, byte) = w[0];
            let (_, last_seg, last_byte) = w[w.len() - 1];
            return Some(Hit {
                start: Pos { seg, byte },
                end: Pos {
                    seg: last_seg,
                    byte: last_byte + 1,
                },
                cost: 0,
            });
        }
    }
    None
}

const TABLE1: &str = "Table I - Non-Derivative Securities";
const TABLE2_NAME: &str = "Table II";
const TABLE2: &str = "Table II - Derivative Securities";
const TABLE1_FIRST_COLUMN: &str = "1. Title of Security";
const TABLE2_FIRST_COLUMN: &str = "1. Title of Derivative Security";
/// The rest of the tables' titles, covered when present (Form 3 prints shorter ones).
const TABLE1_TAILS: &[&str] = &[
    "Acquired, Disposed of, or Beneficially Owned",
    "Beneficially Owned",
];
const TABLE2_TAILS: &[&str] = &[
    "Acquired, Disposed of, or Beneficially Owned",
    "Beneficially Owned",
    "(e.g., puts, calls, warrants, options, convertible securities)",
];
const EXPLANATION: &str = "Explanation of Responses";
const REMARKS: &str = "Remarks";
/// The signature caption, and the same with the `Date` caption printed beside it read into
/// its middle: a converter that reads the two captions' lines across the page puts `Date`
/// between the caption's two lines (`** Signature of Reporting Date Person`).
const SIGNATURE: &[&str] = &[
    "Signature of Reporting Person",
    "Signature of Reporting Date Person",
    "Signature of Date Reporting Person",
];

/// The form type, from the form's title or its `FORM n` banner.
fn document_type(stream: &Stream, segs: &[Segment], cx: &mut Ctx) -> Option<DocumentType> {
    let start = Pos { seg: 0, byte: 0 };
    // Titles are distinctive; the `FORM n` banner is short and easily confused, so it
    // is only used when no title is found.
    let titles = [
        (
            "Initial Statement of Beneficial Ownership of Securities",
            DocumentType::Form3,
        ),
        (
            "Annual Statement of Changes in Beneficial Ownership",
            DocumentType::Form5,
        ),
        (
            "Statement of Changes in Beneficial Ownership",
            DocumentType::Form4,
        ),
    ];
    let mut found = None;
    for (title, ty) in titles {
        if let Some(h) = stream.find_first(segs, &[title], start, None) {
            cx.cover_hit(segs, h);
            found = Some(ty);
            break;
        }
    }
    for seg in segs.iter().take(40) {
        let t = seg.text.trim().to_ascii_uppercase();
        let t = t.trim_start_matches("SEC ").trim();
        for (banner, ty) in [
            ("FORM 3", DocumentType::Form3),
            ("FORM 4", DocumentType::Form4),
            ("FORM 5", DocumentType::Form5),
        ] {
            if t == banner || banner_opens_line(&seg.text, banner) {
                // Only the banner: the rest of a line read across the page is other text.
                let lead = seg.text.len() - seg.text.trim_start().len();
                let span = if t == banner {
                    seg.span()
                } else {
                    seg.src_span(lead, lead + banner.len())
                };
                cx.cover_label(span);
                if found.is_some_and(|f| f != ty) {
                    cx.warn(
                        WarningCode::Inconsistent,
                        Some("document_type"),
                        &format!(
                            "the banner says {banner} but the form's title says Form {}",
                            found.map_or("?", |f| f.as_str())
                        ),
                        Some(span),
                    );
                }
                return found.or(Some(ty));
            }
        }
    }
    if found.is_some() {
        return found;
    }
    cx.warn(
        WarningCode::MissingPart,
        Some("document_type"),
        "neither the form's title nor its FORM banner was found",
        None,
    );
    None
}

/// Whether a line of picture text opens with the banner, the page's top line read across
/// it (`FORM 5 UNITED STATES SECURITIES AND EXCHANGE OMB APPROVAL`): printed upper-case,
/// and followed by an upper-case word. The form's own mentions of a form are in mixed
/// case (`Form 4 Transactions Reported`, `Form 4 or Form 5 obligations`).
fn banner_opens_line(text: &str, banner: &str) -> bool {
    text.trim_start().strip_prefix(banner).is_some_and(|rest| {
        let mut words = rest.split_whitespace();
        rest.starts_with(char::is_whitespace)
            && words.next().is_some_and(|w| {
                w.chars().count() >= 2
                    && w.chars()
                        .all(|c| c.is_ascii_uppercase() || c == ',' || c == '.')
            })
    })
}

#[cfg(test)]
mod tests {
    /// The banner upper-case and followed by an upper-case word opens a line; the form's
    /// own mixed-case mentions, a longer number or a lone letter after it do not.
    #[test]
    fn a_banner_opens_the_top_line() {
        for (text, want) in [
            ("FORM 5 UNITED STATES SECURITIES", true),
            ("FORM 4 OMB APPROVAL", true),
            ("Form 4 Transactions Reported.", false),
            ("FORM 4 or Form 5 obligations", false),
            ("FORM 45 UNITED", false),
            ("FORM 4", false),
            ("FORM 4 A", false),
        ] {
            assert_eq!(
                super::banner_opens_line(text, "FORM 4")
                    || super::banner_opens_line(text, "FORM 5"),
                want,
                "{text}"
            );
        }
    }

    /// A form with one holding row in Table I (its amount printed without separators),
    /// the explanation's title and the footer given.
    fn one_row_form(explanation: &str, footer: &str) -> String {
        format!(
            "FORM 4\n\n\
             |1. Name and Address of Reporting Person*|2. Issuer Name and Ticker or Trading Symbol|\n\
             |---|---|\n|DOE JANE|ACME CORP [ ACM ]|\n\n\
             |Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned|||||||\n\
             |---|---|---|---|---|---|---|\n\
             |1. Title of Security (Instr. 3)|2. Transaction Date|3. Transaction Code|\
             4. Securities Acquired (A) or Disposed Of (D)|5. Amount of Securities Beneficially \
             Owned Following Reported Transaction(s)|6. Ownership Form: Direct (D) or Indirect (I)|\
             7. Nature of Indirect Beneficial Ownership|\n\
             |Common Stock||||45812|D||\n\n\
             |Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned|||\n\
             |---|---|---|\n\
             |1. Title of Derivative Security|2. Conversion or Exercise Price|3. Transaction Date|\n\n\
             |{explanation}|Cod<br>es:|\n|---|---|\n|1. A note.||\n\n{footer}\n"
        )
    }

    /// A form whose Table II title is printed in the cells given, inside the big table a
    /// converter makes of the page, with one option in Table II, `more` rows after it and
    /// `note` after the explanation's title.
    fn pieced_title_form(title_cells: &str, more: &str, note: &str) -> String {
        format!(
            "FORM 4\n\n\
             |1. Name and Address of Reporting Person*|2. Issuer Name and Ticker or Trading Symbol|\n\
             |---|---|\n|DOE JANE|ACME CORP [ ACM ]|\n\n\
             |Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned|||||||\n\
             |---|---|---|---|---|---|---|\n\
             |1. Title of Security (Instr. 3)|2. Transaction Date|3. Transaction Code|\
             4. Securities Acquired (A) or Disposed Of (D)|5. Amount of Securities Beneficially \
             Owned Following Reported Transaction(s)|6. Ownership Form: Direct (D) or Indirect (I)|\
             7. Nature of Indirect Beneficial Ownership|\n\
             |Common Stock||||45,812|D||\n\
             {title_cells}\n\
             |**1. Title of**<br>**Derivative**<br>**Security**|**2. Conversion**<br>**or Exercise**\
             <br>**Price**|**3. Transaction**<br>**Date**|**4. Code**|**5. Number**|\
             **6. Date Exercisable**|**7. Expiration Date**|\n\
             |Stock Option (right to buy)|$10.5|||||01/01/2021|01/01/2030|Common Stock|1,000||1,000|D||\n\
             {more}\n\
             Explanation of Responses:\n\n{note}\n"
        )
    }

    /// A Table II title whose cells wrapped so that, read line by line across the row, its
    /// words come apart (`Table II -` … `ative Secu` … `Deriv`) is found by its name, also
    /// where the grid cut the name itself (`Tabl | e II -`) and where a continuation page's
    /// column heading is found whole further on: the option is Table II's, not a row of
    /// Table I. The name in a note after the explanation's title opens no table.
    #[test]
    fn a_table_ii_title_in_pieces_is_found_by_its_name() {
        let pieced = "||**Table II -**<br>**Deriv**|**ative Secu**<br>**g., puts, calls**|\
                      **rities Acq**<br>**, warrants**|**uired, Dis**<br>**, options**|||";
        // The name itself cut by the grid, its cells wrapped unevenly.
        let cut =
            "||**Tabl**|**e II -<br>Derivati**<br>**(e.g., pu**|**ve Secu**<br>**ts, calls**|\
                   **rities Ac**<br>**, warrant**|**quired, Dis**<br>**s, options**|\
                   (2)<br>**ly Owned**<br>**)**|";
        // A continuation page's heading of the first column, found whole.
        let page2 = "|1. Title of Derivative Security (Instr. 3)|2. Conversion or Exercise Price|\n\
                     |Stock Option (right to buy)|$12|||||01/01/2022|01/01/2031|Common Stock|500||500|D||";
        for (title, more, note, rows) in [
            (pieced, "", "", (1, 1)),
            (cut, "", "", (1, 1)),
            (pieced, page2, "", (1, 2)),
            ("", "", "Table II reports no derivative security.", (2, 0)),
        ] {
            let text = pieced_title_form(title, more, note);
            let tree = form4_grammar::parse(&text).expect("the grammar takes any text");
            let record = crate::normalize(&tree).expect("a form");
            let got = (
                record.non_derivative_table.len(),
                record.derivative_table.len(),
            );
            assert_eq!(got, rows, "{title:?} {more:?} {note:?}");
        }
    }

    /// The amount owned after of Table I's first row, as the record reads it.
    fn owned_after(text: &str) -> Option<String> {
        let tree = form4_grammar::parse(text).expect("the grammar takes any text");
        let record = crate::normalize(&tree).expect("a form");
        let row = record.non_derivative_table.first()?;
        row.shares_owned_following.map(|d| d.to_string())
    }

    /// A digital rendering whose grid cut a landmark's tail into another cell is still
    /// digital: its holding row's amount printed without separators is read. The same
    /// landmark misread (`Explanatlon`) says OCR, where such an amount is not trusted.
    #[test]
    fn a_label_cut_at_its_cells_end_is_no_misreading() {
        let footer = "Reminder: Report on a separate line for each class of securities \
                      beneficially owned directly or indirectly.";
        for (explanation, owned) in [
            ("Explanation of Respons", Some("45812")),
            ("Explanation of Responses:", Some("45812")),
            ("Explanatlon of Responses", None),
        ] {
            let got = owned_after(&one_row_form(explanation, footer));
            assert_eq!(got.as_deref(), owned, "{explanation}");
        }
    }

    /// Exact labels over a footer OCR misread (`separate fine`, `inckrecty`) are still
    /// OCR'd text: the amount printed without separators is not trusted.
    #[test]
    fn a_misread_footer_says_ocr() {
        for (footer, owned) in [
            (
                "Reminder: Report on a separate line for each class of securities beneficially \
                 owned directly or indirectly.",
                Some("45812"),
            ),
            (
                "Reminder: Report on a separate fine for each class of securities beneficially \
                 owned directly or inckrecty.",
                None,
            ),
            ("", Some("45812")),
        ] {
            let got = owned_after(&one_row_form("Explanation of Responses:", footer));
            assert_eq!(got.as_deref(), owned, "{footer}");
        }
    }
}
