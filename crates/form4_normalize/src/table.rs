//! Tables I and II: rows read by type, in the form's column order.
//!
//! A row's text is cut into typed tokens (dates, amounts, letters, words, footnote marks),
//! split dates and numbers are put back together, and the tokens are aligned with the
//! columns of the form by dynamic programming: each column accepts some token types, the
//! order is fixed, and any column may be empty. Cell boundaries are used only where they
//! help (a footnote mark alone in a cell is a value of its own).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use form4_grammar::Span;
use form4_model::{
    AcquiredDisposed, Date, Decimal, DerivativeRow, DirectIndirect, FootnoteId, NonDerivativeRow,
    RepairKind, RowField, RowKind, TransactionCode, WarningCode,
};

use crate::attest::{DocText, LazyAttested};
use crate::ctx::Ctx;
use crate::header::{pieces, Piece};
use crate::labels::Pos;
use crate::text::{clean_spaces, clean_spaces_owned, cut_word, real_words, Segment};
use crate::values;

/// At most this many tokens in a row are aligned; the rest are reported, not read.
const MAX_ROW_TOKENS: usize = 80;

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Date(Date),
    Num(Decimal),
    Letter(char),
    /// Footnote marks alone in their cell: a value printed only as a footnote.
    Marks,
    Word,
    /// A value OCR broke beyond reading (`1,2?4`): no column takes it.
    Garbled,
}

#[derive(Debug, Clone)]
struct Tok<'s> {
    kind: Kind,
    /// The word as printed, borrowed from its segment; owned only once a repair rewrites it.
    text: Cow<'s, str>,
    span: Span,
    /// Cell (and `<br>` piece) the token came from, to tell glued marks from lone ones.
    cell: (usize, usize, usize),
    /// Cells in the token's row, when it came from a table (0 for a plain line).
    ncells: usize,
    marks: Vec<FootnoteId>,
    mark_spans: Vec<Span>,
    /// Source spans of debris merged into this token by a repair.
    extra_spans: Vec<Span>,
    /// The amount was printed with a `$`: a price or a value, not a share count.
    dollar: bool,
    /// Put together from pieces in several cells: its cell says nothing of its column.
    joined: bool,
    /// A lone digit alone in its cell: neither a value nor text.
    stray: bool,
    /// Footnote marks alone between spaces in a plain line: a value of their own (a date
    /// printed only as a footnote) or the marks of the word before them, as the row's
    /// alignment decides.
    loose: bool,
}

/// The columns of the two tables, in printed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Title,
    ConvPrice,
    Date,
    Deemed,
    Code,
    V,
    Shares,
    AD,
    Price,
    ExDate,
    ExpDate,
    UndTitle,
    UndShares,
    Owned,
    DI,
    Nature,
}

const T1_TRANSACTION: &[Col] = &[
    Col::Title,
    Col::Date,
    Col::Deemed,
    Col::Code,
    Col::V,
    Col::Shares,
    Col::AD,
    Col::Price,
    Col::Owned,
    Col::DI,
    Col::Nature,
];
const T1_HOLDING: &[Col] = &[Col::Title, Col::Owned, Col::DI, Col::Nature];
const T2_TRANSACTION: &[Col] = &[
    Col::Title,
    Col::ConvPrice,
    Col::Date,
    Col::Deemed,
    Col::Code,
    Col::V,
    Col::Shares,
    Col::AD,
    Col::ExDate,
    Col::ExpDate,
    Col::UndTitle,
    Col::UndShares,
    Col::Price,
    Col::Owned,
    Col::DI,
    Col::Nature,
];
/// Form 3's Table II has no transaction columns and puts the exercise price after the
/// underlying security; it has no "owned following" column.
const T2_FORM3: &[Col] = &[
    Col::Title,
    Col::ExDate,
    Col::ExpDate,
    Col::UndTitle,
    Col::UndShares,
    Col::ConvPrice,
    Col::DI,
    Col::Nature,
];
const T2_HOLDING: &[Col] = &[
    Col::Title,
    Col::ConvPrice,
    Col::ExDate,
    Col::ExpDate,
    Col::UndTitle,
    Col::UndShares,
    Col::Owned,
    Col::DI,
    Col::Nature,
];

impl Col {
    /// The column as the form labels it, for messages.
    fn name(self) -> &'static str {
        match self {
            Col::Title => "title of security",
            Col::ConvPrice => "conversion or exercise price",
            Col::Date => "transaction date",
            Col::Deemed => "deemed execution date",
            Col::Code => "transaction code",
            Col::V => "V",
            Col::Shares => "amount",
            Col::AD => "(A) or (D)",
            Col::Price => "price",
            Col::ExDate => "date exercisable",
            Col::ExpDate => "expiration date",
            Col::UndTitle => "underlying security title",
            Col::UndShares => "underlying amount",
            Col::Owned => "amount owned following",
            Col::DI => "ownership form (D/I)",
            Col::Nature => "nature of ownership",
        }
    }

    fn multi(self) -> bool {
        matches!(self, Col::Title | Col::UndTitle | Col::Nature)
    }

    /// How well a token fits the column; `None` when it cannot be its value.
    fn accept(self, t: &Tok, loose_values: bool) -> Option<i32> {
        if t.stray {
            return None;
        }
        if t.loose && !loose_values && !self.multi() {
            return None;
        }
        match (self, &t.kind) {
            (Col::Title | Col::Nature, Kind::Word) => Some(3),
            (Col::Title | Col::Nature, Kind::Letter(_)) => Some(1),
            // A number inside a text is possible (`Series 2`, `par value $0.0001`) but a
            // poor reading: it costs, a `$` amount more.
            (Col::Title | Col::Nature, Kind::Num(_)) if t.dollar => Some(-4),
            (Col::Title | Col::Nature, Kind::Num(_)) => Some(-2),
            (Col::UndTitle, Kind::Word) => Some(3),
            (Col::UndTitle, Kind::Letter(_)) => Some(1),
            // Loose marks inside a text (`Stock Option (1) (Right to Buy)`) are its own.
            (Col::Title | Col::UndTitle | Col::Nature, Kind::Marks) if t.loose => Some(0),
            // A lone date is the transaction date: the deemed date is rarely given.
            (Col::Date, Kind::Date(_)) => Some(10),
            (Col::Deemed, Kind::Date(_)) => Some(9),
            (Col::ExDate | Col::ExpDate, Kind::Date(_)) => Some(10),
            (Col::ExDate | Col::ExpDate, Kind::Marks) => Some(4),
            (Col::ExDate | Col::ExpDate, Kind::Word) if is_date_word(&t.text) => Some(4),
            (Col::Code, Kind::Letter(c)) if code_letter(*c).is_some() => Some(8),
            (Col::V, Kind::Letter('V')) => Some(6),
            // A `$` marks a price or a value; share counts are printed without one.
            (Col::Price | Col::ConvPrice, Kind::Num(_)) if t.dollar => Some(10),
            (Col::Shares | Col::UndShares | Col::Owned, Kind::Num(_)) if t.dollar => Some(2),
            (Col::Shares | Col::UndShares, Kind::Num(_)) => Some(8),
            (Col::Owned, Kind::Num(_)) => Some(9),
            // `78,667`: a count (separators, no cents, no `$`) is no price.
            (Col::Price | Col::ConvPrice, Kind::Num(_))
                if t.text.contains(',') && !t.text.contains('.') =>
            {
                None
            }
            (Col::Price | Col::ConvPrice, Kind::Num(_)) => Some(6),
            (Col::Price | Col::ConvPrice, Kind::Marks) => Some(4),
            (Col::AD, Kind::Letter('A' | 'D')) => Some(7),
            (Col::DI, Kind::Letter('D' | 'I')) => Some(7),
            _ => None,
        }
    }
}

/// Words a date column may hold instead of a date.
fn is_date_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    // Compared without a lower-cased copy: called for every date column of every alignment.
    ["immediately", "immediate", "n/a", "na", "none"]
        .iter()
        .any(|d| w.eq_ignore_ascii_case(d))
}

/// The transaction code a letter stands for, if it is one.
fn code_letter(c: char) -> Option<TransactionCode> {
    c.to_string().parse().ok()
}

/// Reads the rows of Table I between two positions, and whether its text went through OCR.
pub(crate) fn read_table1(
    segs: &[Segment],
    doc_text: &DocText<'_>,
    from: Pos,
    to: Pos,
    form3: bool,
    cx: &mut Ctx,
) -> (Vec<NonDerivativeRow>, bool) {
    let mut out = Vec::new();
    let rows = data_rows(segs, from, to, true, cx);
    let ocr = read_from_image(&rows, cx);
    let doc = doc_text.skipping(from.seg..=to.seg);
    let whole = doc_text.whole();
    // Picture text's rows only: OCR'd text's lines are too often out of order.
    let spill = title_row_spill(segs, to, cx).filter(|_| !ocr);
    let last = rows.len().checked_sub(1);
    for (k, mut full) in rows.into_iter().enumerate() {
        let patterns = &[T1_TRANSACTION, T1_HOLDING];
        let Some(mut al) = best_alignment(&full.toks, patterns) else {
            continue;
        };
        if ocr && not_a_row(&full.toks, &al, false, "non_derivative_table", cx) {
            continue;
        }
        let idx = out.len();
        let at = format!("non_derivative_table[{idx}]");
        rejoin_cut_amount(&mut full.toks, &mut al, patterns, ocr, &at, cx);
        let row = &full.toks;
        // Before the doubts below, which say what they leave out themselves.
        warn_unplaced(row, &al, &at, cx);
        if ocr {
            doubt_merged_rows(row, &mut al, &at, cx);
        }
        if !form3 {
            doubt_lost_columns(row, &mut al, ocr, &at, cx);
        }
        let path = |f: &str| format!("{at}.{f}");
        if ocr {
            doubt_misread_amounts(row, &mut al, &at, cx);
        }
        warn_ambiguous(row, &al, &at, cx);
        let mut r = NonDerivativeRow {
            kind: al.known_kind(),
            ..NonDerivativeRow::default()
        };
        let mut fns: BTreeMap<RowField, Vec<FootnoteId>> = BTreeMap::new();
        for (col, toks) in al.cols(row) {
            use_tokens(&toks, cx);
            let marks: Vec<FootnoteId> = toks.iter().flat_map(|t| t.marks.clone()).collect();
            let field = match col {
                Col::Title => {
                    r.security_title = text_of(&toks);
                    let field = path("security_title");
                    doubt_cut_words(&mut r.security_title, &toks, &whole, ocr, &field, cx);
                    RowField::SecurityTitle
                }
                Col::Date => {
                    r.transaction_date = date_of(&toks);
                    RowField::TransactionDate
                }
                Col::Deemed => {
                    r.deemed_execution_date = date_of(&toks);
                    RowField::DeemedExecutionDate
                }
                Col::Code => {
                    r.transaction_code = code_of(&toks);
                    RowField::TransactionCode
                }
                Col::V => {
                    r.v_flag = true;
                    RowField::TransactionCode
                }
                Col::Shares => {
                    r.shares = num_of(&toks);
                    RowField::Shares
                }
                Col::AD => {
                    r.acquired_disposed = letter_of(&toks).and_then(ad);
                    // The (A)/(D) cell never carries a footnote on the form; a mark
                    // printed after it belongs to the price cell beside it.
                    RowField::PricePerShare
                }
                Col::Price => {
                    r.price_per_share = price_of(&toks, ocr, &path("price_per_share"), cx);
                    RowField::PricePerShare
                }
                Col::Owned => {
                    if is_value(&toks) {
                        r.value_owned_following = num_of(&toks);
                    } else {
                        r.shares_owned_following = num_of(&toks);
                    }
                    RowField::SharesOwnedFollowing
                }
                Col::DI => {
                    r.direct_or_indirect = letter_of(&toks).and_then(di);
                    RowField::DirectOrIndirect
                }
                Col::Nature => {
                    r.nature_of_ownership = nature_text(&toks, &at, cx);
                    let field = path("nature_of_ownership");
                    doubt_cut_words(&mut r.nature_of_ownership, &toks, &whole, ocr, &field, cx);
                    RowField::NatureOfOwnership
                }
                _ => continue,
            };
            add_marks(&mut fns, field, marks);
        }
        if let Some(col) = t1_wrap_column(&full, &al).filter(|_| !ocr) {
            let (slot, field, name) = match col {
                Col::Title => (
                    &mut r.security_title,
                    RowField::SecurityTitle,
                    "security_title",
                ),
                _ => (
                    &mut r.nature_of_ownership,
                    RowField::NatureOfOwnership,
                    "nature_of_ownership",
                ),
            };
            let (text, marks) = join_wrapped(&full, &al, col, &path(name), cx);
            *slot = text;
            add_marks(&mut fns, field, marks);
        }
        if let Some((_, toks)) = spill
            .as_ref()
            .filter(|(block, _)| Some(k) == last && *block == full.block)
        {
            let mut marks = Vec::new();
            run_into_title_row(
                &mut r.nature_of_ownership,
                &mut marks,
                toks,
                &doc,
                &path("nature_of_ownership"),
                cx,
            );
            add_marks(&mut fns, RowField::NatureOfOwnership, marks);
        }
        for (slot, name) in [
            (&mut r.security_title, "security_title"),
            (&mut r.nature_of_ownership, "nature_of_ownership"),
        ] {
            space_after_comma(slot, &path(name), cx);
            space_see_footnote(slot, &path(name), cx);
            respace(slot, &doc, &path(name), cx);
            doubt_cut_text(slot, &path(name), cx);
        }
        r.footnotes = fns;
        if r.kind == Some(RowKind::Transaction) {
            r.equity_swap_involved = None;
            check_direction(
                r.transaction_code,
                r.acquired_disposed,
                &path("acquired_disposed"),
                cx,
            );
            if r.acquired_disposed.is_none() && r.shares.is_some() {
                r.acquired_disposed = infer_side(
                    r.transaction_code,
                    false,
                    Amounts {
                        amount: r.shares,
                        owned: r.shares_owned_following,
                        ocr,
                    },
                    &path("acquired_disposed"),
                    row,
                    cx,
                );
            }
        }
        if ocr {
            doubt_direct(
                &mut r.direct_or_indirect,
                r.nature_of_ownership.as_deref(),
                &path("direct_or_indirect"),
                cx,
            );
        }
        out.push(r);
    }
    (out, ocr)
}

/// Reads the rows of Table II between two positions, and whether its text went through OCR.
pub(crate) fn read_table2(
    segs: &[Segment],
    doc_text: &DocText<'_>,
    from: Pos,
    to: Pos,
    form3: bool,
    tx_dates: &BTreeSet<Date>,
    cx: &mut Ctx,
) -> (Vec<DerivativeRow>, bool) {
    let mut out = Vec::new();
    let patterns: &[&[Col]] = if form3 {
        &[T2_FORM3]
    } else {
        &[T2_TRANSACTION, T2_HOLDING]
    };
    let ad_cols = ad_columns(segs, from, to);
    let mut rows = data_rows(segs, from, to, false, cx);
    let ocr = read_from_image(&rows, cx);
    let doc = doc_text.skipping(from.seg..=to.seg);
    let whole = doc_text.whole();
    let mut budget = MAX_DOC_WRAP_READINGS;
    if !ocr {
        t2_reattach(&mut rows, patterns, &doc, &mut budget);
    }
    for mut full in rows {
        let Some(mut al) = best_alignment(&full.toks, patterns) else {
            continue;
        };
        if ocr && not_a_row(&full.toks, &al, !form3, "derivative_table", cx) {
            continue;
        }
        let idx = out.len();
        let at = format!("derivative_table[{idx}]");
        rejoin_cut_amount(&mut full.toks, &mut al, patterns, ocr, &at, cx);
        let row = &full.toks;
        // Before the doubts below, which say what they leave out themselves.
        warn_unplaced(row, &al, &at, cx);
        let path = |f: &str| format!("{at}.{f}");
        if ocr {
            doubt_merged_rows(row, &mut al, &at, cx);
            if !form3 {
                doubt_dated_holding(row, &mut al, tx_dates, &at, cx);
                doubt_counted_holding(row, &mut al, &at, cx);
            }
            doubt_misread_amounts(row, &mut al, &at, cx);
        }
        warn_ambiguous(row, &al, &at, cx);
        let mut r = DerivativeRow {
            kind: al.known_kind(),
            ..DerivativeRow::default()
        };
        let mut fns: BTreeMap<RowField, Vec<FootnoteId>> = BTreeMap::new();
        for (col, toks) in al.cols(row) {
            use_tokens(&toks, cx);
            let marks: Vec<FootnoteId> = toks.iter().flat_map(|t| t.marks.clone()).collect();
            let field = match col {
                Col::Title => {
                    r.security_title = text_of(&toks);
                    let field = path("security_title");
                    doubt_cut_words(&mut r.security_title, &toks, &whole, ocr, &field, cx);
                    RowField::SecurityTitle
                }
                Col::ConvPrice => {
                    r.conversion_or_exercise_price =
                        price_of(&toks, ocr, &path("conversion_or_exercise_price"), cx);
                    RowField::ConversionOrExercisePrice
                }
                Col::Date => {
                    r.transaction_date = date_of(&toks);
                    RowField::TransactionDate
                }
                Col::Deemed => {
                    r.deemed_execution_date = date_of(&toks);
                    RowField::DeemedExecutionDate
                }
                Col::Code => {
                    r.transaction_code = code_of(&toks);
                    RowField::TransactionCode
                }
                Col::V => {
                    r.v_flag = true;
                    RowField::TransactionCode
                }
                Col::Shares => {
                    if is_value(&toks) {
                        r.total_value = num_of(&toks);
                    } else {
                        r.shares = num_of(&toks);
                    }
                    RowField::Shares
                }
                Col::AD => {
                    r.acquired_disposed = letter_of(&toks).and_then(ad);
                    RowField::Shares
                }
                Col::ExDate => {
                    r.exercise_date = date_of(&toks);
                    RowField::ExerciseDate
                }
                Col::ExpDate => {
                    r.expiration_date = date_of(&toks);
                    RowField::ExpirationDate
                }
                Col::UndTitle => {
                    r.underlying_security_title = text_of(&toks);
                    let field = path("underlying_security_title");
                    doubt_cut_words(
                        &mut r.underlying_security_title,
                        &toks,
                        &whole,
                        ocr,
                        &field,
                        cx,
                    );
                    attested_cut_reading(&mut r.underlying_security_title, &toks, &doc, &field, cx);
                    RowField::UnderlyingSecurityTitle
                }
                Col::UndShares => {
                    if is_value(&toks) {
                        r.underlying_security_value = num_of(&toks);
                    } else {
                        r.underlying_security_shares = num_of(&toks);
                    }
                    RowField::UnderlyingSecurityShares
                }
                Col::Price => {
                    r.price_per_share = price_of(&toks, ocr, &path("price_per_share"), cx);
                    RowField::PricePerShare
                }
                Col::Owned => {
                    if is_value(&toks) {
                        r.value_owned_following = num_of(&toks);
                    } else {
                        r.shares_owned_following = num_of(&toks);
                    }
                    RowField::SharesOwnedFollowing
                }
                Col::DI => {
                    r.direct_or_indirect = letter_of(&toks).and_then(di);
                    RowField::DirectOrIndirect
                }
                Col::Nature => {
                    r.nature_of_ownership = nature_text(&toks, &at, cx);
                    let field = path("nature_of_ownership");
                    doubt_cut_words(&mut r.nature_of_ownership, &toks, &whole, ocr, &field, cx);
                    RowField::NatureOfOwnership
                }
            };
            add_marks(&mut fns, field, marks);
        }
        if !ocr && full.wrapped().next().is_some() && full.picture_wrapped() {
            let cells = t2_wrapped(&full.above, row, &full.below, &al, &doc, &mut budget)
                .map_or([None, None, None], |(_, c)| c);
            for (&col, cell) in T2_TEXT_COLS.iter().zip(cells) {
                let (slot, field, name) = t2_text_slot(&mut r, col);
                let Some(parts) = cell else {
                    *slot = None;
                    cx.warn(
                        WarningCode::Ambiguous,
                        Some(&path(name)),
                        &format!(
                            "the lines around the row mix the words of its text columns, and which of them are the {}'s is not sure: left empty",
                            col.name()
                        ),
                        full.wrapped().next().map(|t| t.span),
                    );
                    continue;
                };
                let toks: Vec<&Tok> = parts.iter().flatten().copied().collect();
                use_tokens(&toks, cx);
                let text = cell_text(&parts);
                if parts.iter().filter(|p| !p.is_empty()).count() > 1 {
                    cx.repair(
                        &path(name),
                        RepairKind::JoinedText,
                        "its lines read across the page, around the row",
                        text.as_deref().unwrap_or(""),
                        toks.first().map(|t| t.span),
                    );
                }
                *slot = text;
                fns.remove(&field);
                add_marks(
                    &mut fns,
                    field,
                    toks.iter().flat_map(|t| t.marks.clone()).collect(),
                );
            }
        }
        if !ocr && full.wrapped().next().is_some() && full.wrapped().all(|t| t.ncells > 0) {
            // Only a table's last cells are cut across its rows this way (`Line::LastCell`),
            // and Table II's last column is the nature of ownership.
            let (text, marks) =
                join_wrapped(&full, &al, Col::Nature, &path("nature_of_ownership"), cx);
            r.nature_of_ownership = text;
            add_marks(&mut fns, RowField::NatureOfOwnership, marks);
        }
        for col in T2_TEXT_COLS {
            let (slot, _, name) = t2_text_slot(&mut r, col);
            space_after_comma(slot, &path(name), cx);
            space_see_footnote(slot, &path(name), cx);
            respace(slot, &doc, &path(name), cx);
            doubt_cut_text(slot, &path(name), cx);
        }
        r.footnotes = fns;
        if r.acquired_disposed.is_none() && ad_cols.separate_in(full.block) {
            r.acquired_disposed = direction(row, &al, ad_cols.cells_in(full.block));
        }
        if r.acquired_disposed.is_none()
            && r.kind == Some(RowKind::Transaction)
            && (r.shares.is_some() || r.total_value.is_some())
        {
            let field = path("acquired_disposed");
            let amounts = Amounts {
                amount: r.shares,
                owned: r.shares_owned_following,
                ocr,
            };
            r.acquired_disposed = infer_side(r.transaction_code, true, amounts, &field, row, cx);
        }
        if r.kind == Some(RowKind::Transaction)
            && (r.shares.is_some() || r.total_value.is_some())
            && r.acquired_disposed.is_none()
        {
            cx.warn(
                WarningCode::Unreadable,
                Some(&path("acquired_disposed")),
                "whether the amount was acquired (A) or disposed of (D) is shown only by its column, which this rendering does not keep; left empty",
                row.first().map(|t| t.span),
            );
        }
        if ocr {
            doubt_direct(
                &mut r.direct_or_indirect,
                r.nature_of_ownership.as_deref(),
                &path("direct_or_indirect"),
                cx,
            );
            doubt_near_amounts(&mut r, &at, cx);
        }
        out.push(r);
    }
    (out, ocr)
}

/// Puts back the spaces a text lost that the document prints elsewhere (see
/// [`LazyAttested::respace`]); logged.
fn respace(slot: &mut Option<String>, doc: &LazyAttested<'_>, field: &str, cx: &mut Ctx) {
    if let Some(spaced) = slot.as_deref().and_then(|t| doc.respace(t)) {
        cx.repair(
            field,
            RepairKind::JoinedText,
            &format!(
                "`{}`, spaced as the document prints it elsewhere",
                slot.as_deref().unwrap_or("")
            ),
            &spaced,
            None,
        );
        *slot = Some(spaced);
    }
}

/// Puts back the space a rendering lost after a comma between two letters (`ACME,Inc.`,
/// `Fund,L.P.`): none of the corpus's 1,536 titles and natures has such a comma. Over the
/// 720 renderings it spaces 86 values, all wrong before: 13 become right (pymupdf4llm 2,
/// tesseract_pdf_pymupdf4llm 11), the rest stay wrong for other damage.
fn space_after_comma(slot: &mut Option<String>, field: &str, cx: &mut Ctx) {
    let Some(text) = slot.as_deref() else {
        return;
    };
    let spaced = crate::header::comma_spaced(text);
    if spaced != text {
        cx.repair(field, RepairKind::JoinedText, text, &spaced, None);
        *slot = Some(spaced);
    }
}

/// Puts back the space a rendering lost in a nature's `See footnote` (`Seefootnote`): no
/// word begins so. Over the 720 renderings, 3 natures (pymupdf4llm), all wrong before and
/// right after.
fn space_see_footnote(slot: &mut Option<String>, field: &str, cx: &mut Ctx) {
    let Some(text) = slot
        .as_deref()
        .filter(|_| field.ends_with("nature_of_ownership"))
    else {
        return;
    };
    let glued = text
        .get(..11)
        .is_some_and(|h| h.eq_ignore_ascii_case("seefootnote"));
    if glued {
        let spaced = format!("{} {}", &text[..3], &text[3..]);
        cx.repair(field, RepairKind::JoinedText, text, &spaced, None);
        *slot = Some(spaced);
    }
}

/// Words a nature of ownership opens with and no security's title does (see
/// [`t2_wrapped`]).
const NATURE_OPENERS: [&str; 5] = ["by", "through", "see", "held", "via"];

/// Words that never end a title or a nature of ownership (`By`, `of`, `the`): none of the
/// corpus's 1,536 such texts ends with one. A text that does was cut (a cell's last lines
/// lost or put in another row), and its rest is nowhere to be read.
const NEVER_LAST: [&str; 16] = [
    "the", "of", "by", "and", "for", "in", "to", "an", "with", "see", "through", "or", "as", "at",
    "on", "from",
];

/// Leaves out a table's text that ends with a word no such text ends with (see
/// [`NEVER_LAST`]) or with a lone lower-case letter, or that holds the headings' words or
/// fewer than two letters, with a warning.
fn doubt_cut_text(slot: &mut Option<String>, field: &str, cx: &mut Ctx) {
    let Some(text) = slot.as_deref() else {
        return;
    };
    let last = text
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_end_matches([',', ';', ':'])
        .to_lowercase();
    // A lone lower-case letter is a piece of a word cut apart (`Commo Stock n`): none of
    // the corpus's 1,536 titles and natures ends with one.
    let lone_letter = {
        let mut cs = last.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
    } && text.ends_with(|c: char| c.is_lowercase());
    // A dash, an ampersand or a slash alone joins two words: none of the corpus's 1,536
    // titles and natures ends with one (3 end with a filer's `(`, which is not taken).
    let joiner = !last.is_empty()
        && last
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '&' | '/' | '+'));
    // A comma ends none of the corpus's 1,536 titles and natures, and a par value is
    // named with its amount (`Common Stock, $0.01 par value`): `Common Stock,` and
    // `Stock, par value` were cut before their rest.
    let comma = text.trim_end().ends_with(',');
    let par = text.to_lowercase().trim_end().ends_with("par value") && !text.contains('$');
    if NEVER_LAST.contains(&last.as_str()) || lone_letter || joiner || comma || par {
        let end = if comma {
            "a comma".to_string()
        } else if par {
            "a par value without its amount".to_string()
        } else {
            format!("`{last}`")
        };
        cx.warn(
            WarningCode::Unreadable,
            Some(field),
            &format!("`{text}` ends with {end}, which no such text ends with: the rest was cut off, so it was left out"),
            None,
        );
        *slot = None;
        return;
    }
    // The column headings' phrases (`(Instr. 4)`, `(Month/Day/Year)`) and debris of a
    // letter or none (`(e.`): none of the corpus's 1,536 titles and natures holds one.
    let lower = text.to_lowercase();
    let heading = ["instr.", "month/day", "day/year"]
        .iter()
        .any(|h| lower.contains(h));
    if heading || text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        cx.warn(
            WarningCode::Unreadable,
            Some(field),
            &format!("`{text}` is the column headings' text or debris, not a value: left out"),
            None,
        );
        *slot = None;
    }
}

/// A Table II row's text field for one of its text columns, its footnote field and name.
fn t2_text_slot(r: &mut DerivativeRow, col: Col) -> (&mut Option<String>, RowField, &'static str) {
    match col {
        Col::Title => (
            &mut r.security_title,
            RowField::SecurityTitle,
            "security_title",
        ),
        Col::UndTitle => (
            &mut r.underlying_security_title,
            RowField::UnderlyingSecurityTitle,
            "underlying_security_title",
        ),
        _ => (
            &mut r.nature_of_ownership,
            RowField::NatureOfOwnership,
            "nature_of_ownership",
        ),
    }
}

/// Table II's text columns, in printed order.
const T2_TEXT_COLS: [Col; 3] = [Col::Title, Col::UndTitle, Col::Nature];

/// Readings of a row's wrapped lines weighed at most; a row with more is not read, its
/// text columns left empty with a warning (the most any split of the corpus's 120
/// pymupdf4llm files weighs is 4,050; 24 trial splits of the lines between rows, each
/// taking heading lines as well, are past it and not taken).
const MAX_WRAP_READINGS: usize = 5_000;

/// Readings weighed at most over a document's rows, so that a hostile input of many
/// picture rows stays linear: rows past it are not read.
const MAX_DOC_WRAP_READINGS: usize = 200_000;

/// One text column's words in a reading of a row: its part of each line, top first.
type CellParts<'r> = Vec<Vec<&'r Tok<'r>>>;

/// A text's tokens in reading order. A cell of several lines that the grid cut down its
/// middle (`Class<br>Comm<br>Stock | A<br>on`) comes out as two cells side by side, the
/// first holding the left part of each line: its lines are read across both cells, line
/// by line (`Class A Common Stock`).
fn lines_across_cut_cell<'s, 't>(toks: &'s [&'t Tok<'t>]) -> Cow<'s, [&'t Tok<'t>]> {
    let Some(first) = toks.first() else {
        return Cow::Borrowed(toks);
    };
    let (row, cell) = (first.cell.0, first.cell.1);
    // Whether cell `c` holds pieces of two lines or more (asked of every text: no set).
    let two_lines_in = |c: usize| {
        let mut pieces = toks.iter().filter(|t| t.cell.1 == c).map(|t| t.cell.2);
        pieces
            .next()
            .is_some_and(|first| pieces.any(|p| p != first))
    };
    let cut = toks
        .iter()
        .all(|t| t.ncells > 0 && t.cell.0 == row && (t.cell.1 == cell || t.cell.1 == cell + 1))
        && two_lines_in(cell)
        && two_lines_in(cell + 1);
    if !cut {
        return Cow::Borrowed(toks);
    }
    let mut out = toks.to_vec();
    out.sort_by_key(|t| (t.cell.2, t.cell.1));
    Cow::Owned(out)
}

/// A text cell of several lines cut down its middle by the grid, whose right part holds
/// text on one line only (`Class A Commo<br>Stock | n<br>78,667`: the cell beside also
/// holds the next column's amount), read line by line across both cells (`Class A Common
/// Stock`). Unlike [`lines_across_cut_cell`], the line the right part is on is known only
/// by its index in its cell (a cell drops the empty lines at its top), so the reading is
/// taken only where the document prints it elsewhere word for word.
fn attested_cut_reading(
    slot: &mut Option<String>,
    toks: &[&Tok],
    doc: &LazyAttested<'_>,
    field: &str,
    cx: &mut Ctx,
) {
    let Some(first) = toks.first() else {
        return;
    };
    let (row, cell) = (first.cell.0, first.cell.1);
    let in_cell = |c: usize| toks.iter().filter(move |t| t.cell.1 == c);
    let right: Vec<&&Tok> = in_cell(cell + 1).collect();
    let Some(head) = right.first() else {
        return;
    };
    let line = head.cell.2;
    // The left part's piece on the right part's line ends with a letter; the right part
    // opens with a lower-case letter: one word cut in two.
    let left_end = in_cell(cell).rfind(|t| t.cell.2 == line);
    let cut = toks
        .iter()
        .all(|t| t.ncells > 0 && t.cell.0 == row && (t.cell.1 == cell || t.cell.1 == cell + 1))
        && right.iter().all(|t| t.cell.2 == line)
        && in_cell(cell).any(|t| t.cell.2 != line)
        && head.text.starts_with(char::is_lowercase)
        && left_end.is_some_and(|t| t.text.ends_with(char::is_alphabetic));
    if !cut {
        return;
    }
    let mut sorted = toks.to_vec();
    sorted.sort_by_key(|t| (t.cell.2, t.cell.1));
    let Some(text) = text_of(&sorted).filter(|t| doc.holds_as_words(t)) else {
        return;
    };
    if slot.as_deref() != Some(text.as_str()) {
        cx.repair(
            field,
            RepairKind::JoinedText,
            &format!(
                "`{}`, read line by line across the cell the grid cut",
                slot.as_deref().unwrap_or("")
            ),
            &text,
            Some(head.span),
        );
        *slot = Some(text);
    }
}

/// Whether a line's text ends with a word broken after its hyphen (`Non-`).
fn hyphen_broken(s: &str) -> bool {
    s.strip_suffix('-')
        .is_some_and(|s| s.chars().last().is_some_and(char::is_alphabetic))
}

/// The text of a cell from its lines' parts, a word broken after its hyphen put back
/// together as [`text_of`] does.
fn cell_text(parts: &[Vec<&Tok>]) -> Option<String> {
    let texts: Vec<Option<String>> = parts.iter().map(|p| text_of(p)).collect();
    join_part_texts(&texts)
}

/// A cell's text from its lines' parts' texts (each [`text_of`] a part), as
/// [`cell_text`] puts it together.
fn join_part_texts<S: AsRef<str>>(parts: &[Option<S>]) -> Option<String> {
    let len = parts.iter().flatten().map(|t| t.as_ref().len() + 1).sum();
    let mut out = String::with_capacity(len);
    for t in parts.iter().flatten() {
        let t = t.as_ref();
        let broken = hyphen_broken(&out) && t.starts_with(char::is_alphabetic);
        if !out.is_empty() && !broken {
            out.push(' ');
        }
        out.push_str(t);
    }
    (!out.is_empty()).then_some(out)
}

/// Which of Table II's text columns (title, underlying title, nature) the words of the
/// lines wrapped around a picture row (`above` and `below` its line `toks`) belong to.
/// Returns the best readings' score and, for each column, its parts when all the best
/// readings agree on its text and marks, or `None` when they do not; `None` overall when
/// no reading fits or there are too many to weigh.
///
/// A line read across the page holds each column's words left to right, so a reading cuts
/// each wrapped line in three (any part may be empty). A text cell is centred on its row,
/// so a column has about as many lines above the row's line as below (give or take two:
/// the converter merges a cell's half-line into the line above or below it, and one
/// three-line nature of the corpus comes out with two lines above the row's line and
/// none below); a direct holding has no nature of ownership and an indirect one has one
/// (so in all 165 and 578 of the corpus's rows); footnote marks end a cell's words. Of the
/// readings left, the best are those whose cells the document prints elsewhere word for
/// word, and not only as part of a longer name (a nature cut short prints as the tail of
/// the owner's name in the footnotes), counted in words (a text of two words or more: a footnote's `Class B Common
/// Stock`; a single word is printed somewhere in any filing, and only 2 of the corpus's
/// 580 Table II texts are one word).
fn t2_wrapped<'r>(
    above: &'r [Vec<Tok>],
    toks: &'r [Tok],
    below: &'r [Vec<Tok>],
    al: &Alignment,
    doc: &LazyAttested<'_>,
    budget: &mut usize,
) -> Option<(usize, [Option<CellParts<'r>>; 3])> {
    let lines: Vec<&'r [Tok]> = above.iter().chain(below).map(Vec::as_slice).collect();
    let n_above = above.len();
    let on_line: [Vec<&'r Tok>; 3] = T2_TEXT_COLS.map(|c| {
        toks.iter()
            .zip(&al.assign)
            .filter(|(_, a)| **a == Some(c))
            .map(|(t, _)| t)
            .collect()
    });
    let di = toks
        .iter()
        .zip(&al.assign)
        .find_map(|(t, a)| match (a, &t.kind) {
            (Some(Col::DI), Kind::Letter(c)) => Some(*c),
            _ => None,
        });
    // A direct holding's nature is empty: no wrapped word may go there.
    let cols = if di == Some('D') { 2 } else { 3 };
    let options = |len: usize| -> Vec<(usize, usize)> {
        (0..=len)
            .flat_map(|i| (i..=len).map(move |j| (i, j)))
            .filter(|&(_, j)| cols == 3 || j == len)
            .collect()
    };
    let per_line: Vec<Vec<(usize, usize)>> = lines.iter().map(|l| options(l.len())).collect();
    let total = per_line
        .iter()
        .try_fold(1usize, |acc, o| acc.checked_mul(o.len()))
        .filter(|&t| t <= MAX_WRAP_READINGS);
    let total = total.filter(|&t| t <= *budget)?;
    *budget -= total;
    let mut best: Option<Best<'r>> = None;
    // A column's words in a reading tied with the best, to compare their marks.
    let mut column: Vec<&'r Tok> = Vec::new();
    let mut pick = vec![0usize; lines.len()];
    // The cheap tests first, before any cell is put together: most readings fail them.
    // What each cut of each line adds to them is worked out once, and their totals kept
    // as the odometer turns (most turns change the cut of one line): a row weighs
    // thousands of readings.
    let cuts: Vec<Vec<CutTally>> = lines
        .iter()
        .zip(&per_line)
        .map(|(line, options)| {
            options
                .iter()
                .map(|&(i, j)| CutTally::of(line, [0..i, i..j, j..line.len()]))
                .collect()
        })
        .collect();
    let mut tally = Tally::default();
    for (li, line_cuts) in cuts.iter().enumerate() {
        tally.add(line_cuts[0], li < n_above);
    }
    // Each column's cell depends only on where each line's cut gives it words (the
    // title's part on the cut's first end, the nature's on its second, the underlying
    // title's on both): the cuts of all lines as one number per column, kept as the
    // odometer turns, index what is worked out once for that cell (its marks, text and
    // score), rather than worked out again for each of the thousands of readings.
    let slot_of = |c: usize, li: usize, cut: usize| -> usize {
        let (i, j) = per_line[li][cut];
        [i, cut, j][c]
    };
    let mut strides = [
        vec![0usize; lines.len()],
        vec![0; lines.len()],
        vec![0; lines.len()],
    ];
    let mut sizes = [1usize; 3];
    for (li, line) in lines.iter().enumerate() {
        let radix = [line.len() + 1, per_line[li].len(), line.len() + 1];
        for c in 0..3 {
            strides[c][li] = sizes[c];
            // No larger than the count of readings, which is bounded above.
            sizes[c] *= radix[c];
        }
    }
    // The first reading takes each line's first cut.
    let mut index: [usize; 3] = std::array::from_fn(|c| {
        (0..lines.len())
            .map(|li| slot_of(c, li, 0) * strides[c][li])
            .sum()
    });
    let turn = |pick: &mut [usize], tally: &mut Tally, index: &mut [usize; 3]| {
        next_reading(pick, &per_line, |li, old, new| {
            tally.remove(cuts[li][old], li < n_above);
            tally.add(cuts[li][new], li < n_above);
            for (c, at) in index.iter_mut().enumerate() {
                *at = *at - slot_of(c, li, old) * strides[c][li]
                    + slot_of(c, li, new) * strides[c][li];
            }
        });
    };
    let cells_seen: [Vec<ColumnCell>; 3] =
        sizes.map(|n| (0..n).map(|_| ColumnCell::default()).collect());
    // Each part's text (`text_of`), asked once: by line, and by where the title's part
    // ends, by cut, and by where the nature's part starts (room linear in the cuts).
    let part_texts: Vec<[Vec<OnceCell<Option<String>>>; 3]> = lines
        .iter()
        .zip(&per_line)
        .map(|(l, options)| {
            [
                vec![OnceCell::new(); l.len() + 1],
                vec![OnceCell::new(); options.len()],
                vec![OnceCell::new(); l.len() + 1],
            ]
        })
        .collect();
    let on_line_texts: [Option<String>; 3] = on_line.each_ref().map(|p| text_of(p));
    for _ in 0..total {
        let balanced = tally.counts.iter().all(|(a, b)| a.abs_diff(*b) <= 2);
        let marks_first = tally.marks_first > 0;
        if !balanced || marks_first {
            turn(&mut pick, &mut tally, &mut index);
            continue;
        }
        // Footnote marks end a cell's text: no line of the cell follows them. Asked of
        // the lines' cuts before any cell is put together (four readings in ten fail it).
        let marks_inside = (0..3).any(|c| {
            *cells_seen[c][index[c]].marks_inside.get_or_init(|| {
                let mut last_before: Option<&Tok> = None;
                let mut inside = false;
                let mut part = |last: Option<&'r Tok>| {
                    if let Some(t) = last {
                        inside |= last_before
                            .is_some_and(|b| !b.marks.is_empty() || b.kind == Kind::Marks);
                        last_before = Some(t);
                    }
                };
                for (li, line) in lines.iter().enumerate() {
                    if li == n_above {
                        part(on_line[c].last().copied());
                    }
                    let (i, j) = per_line[li][pick[li]];
                    let range = [0..i, i..j, j..line.len()][c].clone();
                    part(line[range].last());
                }
                if n_above == lines.len() {
                    part(on_line[c].last().copied());
                }
                inside
            })
        });
        if marks_inside {
            turn(&mut pick, &mut tally, &mut index);
            continue;
        }
        // The cells' texts from their parts' texts, each part's asked once: the readings
        // of a row share most of their lines' cuts.
        let texts: [&Option<String>; 3] = std::array::from_fn(|c| {
            cells_seen[c][index[c]].text.get_or_init(|| {
                let mut parts: Vec<Option<&str>> = Vec::with_capacity(lines.len() + 1);
                for (li, line) in lines.iter().enumerate() {
                    if li == n_above {
                        parts.push(on_line_texts[c].as_deref());
                    }
                    let (i, j) = per_line[li][pick[li]];
                    let range = [0..i, i..j, j..line.len()][c].clone();
                    if !range.is_empty() {
                        let slot = [i, pick[li], j][c];
                        let text = part_texts[li][c][slot].get_or_init(|| {
                            let part: Vec<&Tok> = line[range].iter().collect();
                            text_of(&part)
                        });
                        parts.push(text.as_deref());
                    }
                }
                if n_above == lines.len() {
                    parts.push(on_line_texts[c].as_deref());
                }
                join_part_texts(&parts)
            })
        });
        let natured = match di {
            Some('I') => texts[2].is_some(),
            Some('D') => texts[2].is_none(),
            _ => true,
        };
        // A title or underlying title never opens with a nature's word (`Through`,
        // `By`): none of the corpus's 958 does, while 340 of its natures open with
        // `See` or `By`. Such a reading gave a nature's first word to the underlying
        // title (`Through` | `Class A Stock`), and the rest of the nature, printed
        // elsewhere as an owner's name, outscored the right reading.
        let opens_nature = |t: &Option<String>| {
            t.as_deref()
                .and_then(|s| s.split_whitespace().next())
                .is_some_and(|w| NATURE_OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o)))
        };
        if !balanced
            || !natured
            || texts[0].is_none()
            || opens_nature(texts[0])
            || opens_nature(texts[1])
        {
            turn(&mut pick, &mut tally, &mut index);
            continue;
        }
        let score: usize = (0..3)
            .map(|c| {
                *cells_seen[c][index[c]].score.get_or_init(|| {
                    texts[c]
                        .as_deref()
                        .map(|t| t.split_whitespace().count())
                        .filter(|&n| n >= 2 && texts[c].as_deref().is_some_and(|t| doc.holds(t)))
                        .unwrap_or(0)
                })
            })
            .sum();
        // The cells are put together only for a reading that beats the best so far; one
        // that ties with it is only compared with it, column by column.
        if let Some(b) = best.as_mut().filter(|b| b.score >= score) {
            if b.score == score {
                for (c, text) in texts.iter().enumerate() {
                    if b.agree[c] && **text != b.keys[c].0 {
                        b.agree[c] = false;
                    } else if b.agree[c] {
                        column.clear();
                        for (li, line) in lines.iter().enumerate() {
                            if li == n_above {
                                column.extend(on_line[c].iter().copied());
                            }
                            let (i, j) = per_line[li][pick[li]];
                            column.extend(&line[[0..i, i..j, j..line.len()][c].clone()]);
                        }
                        if n_above == lines.len() {
                            column.extend(on_line[c].iter().copied());
                        }
                        let marks = column.iter().flat_map(|t| t.marks.iter());
                        b.agree[c] = marks.eq(b.keys[c].1.iter());
                    }
                }
            }
            turn(&mut pick, &mut tally, &mut index);
            continue;
        }
        let mut cells: [CellParts<'r>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        for (li, line) in lines.iter().enumerate() {
            if li == n_above {
                for (c, cell) in cells.iter_mut().enumerate() {
                    cell.push(on_line[c].clone());
                }
            }
            let (i, j) = per_line[li][pick[li]];
            for (c, range) in [(0, 0..i), (1, i..j), (2, j..line.len())] {
                if !range.is_empty() {
                    cells[c].push(line[range].iter().collect());
                }
            }
        }
        if n_above == lines.len() {
            for (c, cell) in cells.iter_mut().enumerate() {
                cell.push(on_line[c].clone());
            }
        }
        let keys = std::array::from_fn(|c| {
            let marks = cells[c].iter().flatten().flat_map(|t| t.marks.clone());
            ((*texts[c]).clone(), marks.collect())
        });
        best = Some(Best {
            score,
            cells,
            keys,
            agree: [true; 3],
        });
        turn(&mut pick, &mut tally, &mut index);
    }
    // Readings that give a cell the same text and marks agree on it, whichever of two
    // like words (`Shares` above, `Shares` below) they give it.
    let best = best?;
    let mut out: [Option<CellParts<'r>>; 3] = [None, None, None];
    for ((slot, cell), agree) in out.iter_mut().zip(best.cells).zip(best.agree) {
        if agree {
            *slot = Some(cell);
        }
    }
    Some((best.score, out))
}

/// What [`t2_wrapped`] works out once for a column's cell, the same in every reading that
/// cuts the lines alike for that column.
#[derive(Default)]
struct ColumnCell {
    marks_inside: OnceCell<bool>,
    text: OnceCell<Option<String>>,
    score: OnceCell<usize>,
}

/// [`t2_wrapped`]'s best reading so far: its score, its cells (text columns) with their
/// texts and marks, and which cells every reading of that score agrees on.
struct Best<'r> {
    score: usize,
    cells: [CellParts<'r>; 3],
    keys: [(Option<String>, Vec<FootnoteId>); 3],
    agree: [bool; 3],
}

/// The next reading of [`t2_wrapped`]: an odometer over the lines' cuts. `turned` is told
/// of each line whose cut changes (line, old cut, new cut).
fn next_reading(
    pick: &mut [usize],
    per_line: &[Vec<(usize, usize)>],
    mut turned: impl FnMut(usize, usize, usize),
) {
    for (li, (p, options)) in pick.iter_mut().zip(per_line).enumerate() {
        let old = *p;
        *p += 1;
        if *p < options.len() {
            turned(li, old, *p);
            break;
        }
        *p = 0;
        turned(li, old, 0);
    }
}

/// What one cut of a wrapped line adds to [`t2_wrapped`]'s cheap tests.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct CutTally {
    /// The text columns the cut gives words.
    parts: [bool; 3],
    /// A part starts with footnote marks, which follow the words they are printed after:
    /// no cell's line starts with them.
    marks_first: bool,
}

impl CutTally {
    /// The tally of a line cut into the three columns' `parts`.
    fn of(line: &[Tok], parts: [Range<usize>; 3]) -> Self {
        let mut out = CutTally::default();
        for (c, range) in parts.into_iter().enumerate() {
            let Some(first) = line.get(range.start).filter(|_| !range.is_empty()) else {
                continue;
            };
            out.parts[c] = true;
            out.marks_first |= first.kind == Kind::Marks;
        }
        out
    }
}

/// [`t2_wrapped`]'s cheap tests over a reading's lines: each column's parts above and below
/// the row's line, and how many cuts start a part with footnote marks.
#[derive(Debug, Default, PartialEq)]
struct Tally {
    counts: [(usize, usize); 3],
    marks_first: usize,
}

impl Tally {
    fn add(&mut self, cut: CutTally, above: bool) {
        for (count, part) in self.counts.iter_mut().zip(cut.parts) {
            let side = if above { &mut count.0 } else { &mut count.1 };
            *side += usize::from(part);
        }
        self.marks_first += usize::from(cut.marks_first);
    }

    /// Takes back a cut [`Tally::add`] added.
    fn remove(&mut self, cut: CutTally, above: bool) {
        for (count, part) in self.counts.iter_mut().zip(cut.parts) {
            let side = if above { &mut count.0 } else { &mut count.1 };
            *side -= usize::from(part);
        }
        self.marks_first -= usize::from(cut.marks_first);
    }
}

/// Splits the lines between Table II's picture rows anew where the text columns read
/// better so: the balance of lines [`attach_wrapped_lines`] weighs counts a row's lines,
/// not each column's (a row of three-line titles and a two-line nature has lines the
/// neighbouring rows may take as well). Rows linked by shared lines are weighed together;
/// another split is taken only when its cells hold strictly more words the document
/// prints elsewhere than the first split's, and no other split does as well.
fn t2_reattach(rows: &mut [Row], patterns: &[&[Col]], doc: &LazyAttested<'_>, budget: &mut usize) {
    let mut start = 0;
    while start < rows.len() {
        let mut end = start;
        while end + 1 < rows.len() && rows[end].shared_below {
            end += 1;
        }
        t2_reattach_chain(&mut rows[start..=end], patterns, doc, budget);
        start = end + 1;
    }
}

fn t2_reattach_chain(
    rows: &mut [Row],
    patterns: &[&[Col]],
    doc: &LazyAttested<'_>,
    budget: &mut usize,
) {
    if rows
        .iter()
        .all(|r| r.up_run.is_empty() && r.down_run.is_empty())
        || !rows.iter().all(Row::picture_wrapped)
    {
        return;
    }
    let Some(als) = rows
        .iter()
        .map(|r| best_alignment(&r.toks, patterns))
        .collect::<Option<Vec<Alignment>>>()
    else {
        return;
    };
    // Score of row k taking `a` lines of its run above and `b` of its run below.
    let value = |k: usize, a: usize, b: usize, budget: &mut usize| -> Option<usize> {
        let r = &rows[k];
        let up = r.up_run.get(r.up_run.len().checked_sub(a)?..)?;
        let down = r.down_run.get(..b)?;
        t2_wrapped(up, &r.toks, down, &als[k], doc, budget).map(|(s, _)| s)
    };
    let n = rows.len();
    // Every row's score for every split, asked once (None: no reading fits).
    let mut values: Vec<Vec<Vec<Option<usize>>>> = Vec::with_capacity(n);
    for (k, r) in rows.iter().enumerate() {
        let mut per_a = Vec::with_capacity(r.up_run.len() + 1);
        for a in 0..=r.up_run.len() {
            per_a.push(
                (0..=r.down_run.len())
                    .map(|b| value(k, a, b, budget))
                    .collect::<Vec<_>>(),
            );
        }
        values.push(per_a);
    }
    let val =
        |k: usize, a: usize, b: usize| values[k].get(a).and_then(|v| v.get(b)).copied().flatten();
    let current: Option<usize> = (0..n)
        .map(|k| val(k, rows[k].above.len(), rows[k].below.len()))
        .sum();
    // The lines row k takes above, given what row k - 1 took below.
    let a_of = |k: usize, b_prev: usize| rows[k].up_run.len().checked_sub(b_prev);
    // fwd[k][b]: the best total of rows up to k with row k taking `b` lines below.
    let mut fwd: Vec<Vec<Option<usize>>> = Vec::with_capacity(n);
    for k in 0..n {
        let down = rows[k].down_run.len();
        let row: Vec<Option<usize>> = (0..=down)
            .map(|b| {
                if k == 0 {
                    (0..=rows[0].up_run.len())
                        .filter_map(|a| val(0, a, b))
                        .max()
                } else {
                    fwd[k - 1]
                        .iter()
                        .enumerate()
                        .filter_map(|(bp, t)| Some(t.as_ref()? + val(k, a_of(k, bp)?, b)?))
                        .max()
                }
            })
            .collect();
        fwd.push(row);
    }
    // bwd[k][b]: the best total of the rows after k with row k taking `b` lines below.
    let mut bwd: Vec<Vec<Option<usize>>> = vec![Vec::new(); n];
    for k in (0..n).rev() {
        bwd[k] = (0..=rows[k].down_run.len())
            .map(|b| {
                if k + 1 == n {
                    return Some(0);
                }
                let a = a_of(k + 1, b)?;
                (0..=rows[k + 1].down_run.len())
                    .filter_map(|b2| Some(val(k + 1, a, b2)? + bwd[k + 1][b2]?))
                    .max()
            })
            .collect();
    }
    let Some(best) = fwd[n - 1].iter().flatten().copied().max() else {
        return;
    };
    if current.is_some_and(|c| c >= best) {
        return;
    }
    // A split every best reading makes is taken; elsewhere the first split stays.
    let through = |k: usize| -> Vec<usize> {
        (0..fwd[k].len())
            .filter(|&b| fwd[k][b].zip(bwd[k][b]).is_some_and(|(f, g)| f + g == best))
            .collect()
    };
    let first_a: Vec<usize> = (0..=rows[0].up_run.len())
        .filter(|&a| {
            (0..=rows[0].down_run.len()).any(|b| {
                val(0, a, b)
                    .zip(bwd[0][b])
                    .is_some_and(|(v, g)| v + g == best)
            })
        })
        .collect();
    if let [a] = first_a[..] {
        let r = &mut rows[0];
        r.above = r.up_run[r.up_run.len() - a..].to_vec();
    }
    for k in 0..n {
        if let [b] = through(k)[..] {
            rows[k].below = rows[k].down_run[..b].to_vec();
            if k + 1 < n {
                // The next row takes the rest of the lines between them.
                let r = &mut rows[k + 1];
                if let Some(rest) = r.up_run.get(b..) {
                    r.above = rest.to_vec();
                }
            }
        }
    }
}

/// Two amounts of a Table II row that differ by one digit (`9,950` and `9,250`) or by a
/// leading digit (`3,436` and `13,436`) are one amount with a digit misread: none of the
/// corpus's 327 pairs of a row's amounts, shares, underlying and owned, differ so, while
/// OCR makes such pairs. Which one is right is not known; both are left out.
fn doubt_near_amounts(r: &mut DerivativeRow, at: &str, cx: &mut Ctx) {
    let slots = [
        ("shares", &mut r.shares),
        (
            "underlying_security_shares",
            &mut r.underlying_security_shares,
        ),
        ("shares_owned_following", &mut r.shares_owned_following),
    ];
    for i in 0..slots.len() {
        for j in i + 1..slots.len() {
            let (Some(a), Some(b)) = (*slots[i].1, *slots[j].1) else {
                continue;
            };
            if !one_digit_apart(&a.normalize().to_string(), &b.normalize().to_string()) {
                continue;
            }
            cx.warn(
                WarningCode::Ambiguous,
                Some(&format!("{at}.{}", slots[j].0)),
                &format!(
                    "{} {a} and {} {b} differ by one digit: one of them is misread, so both are left out",
                    slots[i].0, slots[j].0
                ),
                None,
            );
            *slots[i].1 = None;
            *slots[j].1 = None;
        }
    }
}

/// Whether two numbers' digits differ in exactly one place, or by one leading digit.
fn one_digit_apart(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if long.len() == short.len() {
        long.bytes()
            .zip(short.bytes())
            .filter(|(x, y)| x != y)
            .count()
            == 1
    } else {
        long.len() == short.len() + 1 && long.get(1..) == Some(short)
    }
}

/// Where a table's headings give (A) and (D) a cell each: the cells' indices in their
/// heading row, and how many cells that row has.
#[derive(Debug, Clone, Copy)]
struct AdCells {
    a: usize,
    d: usize,
    ncells: usize,
}

/// Which tables (layout blocks) give (A) and (D) a column each, by their headings: a heading
/// cell ending with `(A)` and, next to it, one ending with `(D)`. Some renderings merge them
/// into one cell (`(A) or<br>(D)`), and then a value's cell cannot tell its side. A table cut
/// by page breaks into several blocks may do one on one page and the other on the next: a
/// block that prints the merged cell says so for its own rows; a block whose headings say
/// neither (their cells cut or misread) follows the other blocks.
struct AdColumns {
    /// Blocks printing (A) and (D) apart, with their heading cells.
    separate: BTreeMap<usize, AdCells>,
    merged: BTreeSet<usize>,
}

impl AdColumns {
    fn separate_in(&self, block: usize) -> bool {
        !self.merged.contains(&block)
            && (self.separate.contains_key(&block) || !self.separate.is_empty())
    }

    /// The heading cells of (A) and (D) of a block that prints them itself.
    fn cells_in(&self, block: usize) -> Option<AdCells> {
        self.separate.get(&block).copied()
    }
}

/// Reads [`AdColumns`] from the heading cells between two positions. A heading cell's lines
/// do not come in one run: captions are read line by line across the row (see `text.rs`),
/// so each cell's pieces are gathered wherever they come and put back in their own order.
fn ad_columns(segs: &[Segment], from: Pos, to: Pos) -> AdColumns {
    // (block, row, cell) -> the cell's pieces, each with its `<br>` index.
    type Cells<'s> = BTreeMap<(usize, usize, usize), Vec<(usize, &'s str)>>;
    let mut cells: Cells = BTreeMap::new();
    // (block, row) -> the row's number of cells.
    let mut widths: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for p in pieces(segs, from, to) {
        let pl = segs[p.seg].place;
        if !pl.in_table {
            continue;
        }
        let text = segs[p.seg].text[p.a..p.b].trim();
        widths.insert((pl.block, pl.row), pl.ncells);
        cells
            .entry((pl.block, pl.row, pl.cell))
            .or_default()
            .push((pl.piece, text));
    }
    // Each cell's text put together once: a cell is looked at as itself and as the
    // neighbour of the cells before it.
    let texts: BTreeMap<(usize, usize, usize), String> = cells
        .into_iter()
        .map(|(key, mut ps)| {
            ps.sort_by_key(|(piece, _)| *piece);
            let ps: Vec<&str> = ps
                .into_iter()
                .map(|(_, t)| t)
                .filter(|t| !t.is_empty())
                .collect();
            (key, ps.join(" "))
        })
        .collect();
    let text = |key: (usize, usize, usize)| texts.get(&key).map_or("", String::as_str);
    let mut out = AdColumns {
        separate: BTreeMap::new(),
        merged: BTreeSet::new(),
    };
    for (&(b, r, c), a) in &texts {
        let next = text((b, r, c + 1));
        // A grid may cut `(A)` itself in two (`(A` | `)`): the column then has two cells,
        // and (D) is the third.
        let d = if a.ends_with("(A)") && next.ends_with("(D)") {
            Some(c + 1)
        } else if a.ends_with("(A") && next == ")" && text((b, r, c + 2)).ends_with("(D)") {
            Some(c + 2)
        } else {
            None
        };
        if let Some(d) = d {
            let ncells = widths.get(&(b, r)).copied().unwrap_or(0);
            out.separate.entry(b).or_insert(AdCells { a: c, d, ncells });
        }
        let squashed: String = a.chars().filter(|c| !c.is_whitespace()).collect();
        if squashed == "(A)(D)" || squashed == "(A)or(D)" {
            out.merged.insert(b);
        }
    }
    out
}

/// The direction of a Table II amount from its cell: under the heading `(A)` or `(D)` when
/// its row is in the heading's table and has the heading row's cells (one grid: the heading
/// says it directly, even where the grid split a column in two), and by its place before
/// the underlying title otherwise.
fn direction(row: &[Tok], al: &Alignment, ad: Option<AdCells>) -> Option<AcquiredDisposed> {
    let by_heading = ad.and_then(|ad| {
        al.cols(row)
            .iter()
            .find(|(c, _)| *c == Col::Shares)
            .and_then(|(_, t)| t.first().copied())
            .filter(|t| !t.joined && t.ncells == ad.ncells)
            .and_then(|t| match t.cell.1 {
                c if c == ad.a => Some(AcquiredDisposed::A),
                c if c == ad.d => Some(AcquiredDisposed::D),
                _ => None,
            })
    });
    by_heading.or_else(|| direction_by_column(row, al))
}

/// In Table II the amount's column, (A) or (D), is its direction. Where the rendering keeps
/// one cell per column, the form's fixed order places both columns by the underlying
/// security's title, read by its meaning: (A), (D), date exercisable, expiration date, then
/// the title. The neighbouring values must sit in neighbouring cells, or cells and columns
/// do not match and nothing is said.
fn direction_by_column(row: &[Tok], al: &Alignment) -> Option<AcquiredDisposed> {
    let cols = al.cols(row);
    let at = |c: Col| {
        cols.iter()
            .find(|(k, _)| *k == c)
            .and_then(|(_, t)| t.first().copied())
    };
    let shares = at(Col::Shares)?;
    let title = at(Col::UndTitle)?;
    if shares.joined || shares.ncells == 0 || shares.cell.0 != title.cell.0 {
        return None;
    }
    let next_to = |a: Option<&Tok>, b: Option<&Tok>| match (a, b) {
        (Some(a), Some(b)) => b.cell.1 == a.cell.1 + 1,
        _ => true,
    };
    let one_per_column = next_to(Some(title), at(Col::UndShares))
        && next_to(at(Col::Owned), at(Col::DI))
        && next_to(at(Col::ExDate), at(Col::ExpDate));
    if !one_per_column {
        return None;
    }
    match title.cell.1.checked_sub(shares.cell.1) {
        Some(4) => Some(AcquiredDisposed::A),
        Some(3) => Some(AcquiredDisposed::D),
        _ => None,
    }
}

fn add_marks(
    fns: &mut BTreeMap<RowField, Vec<FootnoteId>>,
    field: RowField,
    marks: Vec<FootnoteId>,
) {
    if marks.is_empty() {
        return;
    }
    let e = fns.entry(field).or_default();
    for m in marks {
        if !e.contains(&m) {
            e.push(m);
        }
    }
}

fn use_tokens(toks: &[&Tok], cx: &mut Ctx) {
    for t in toks {
        cx.cover(t.span);
        for s in t.mark_spans.iter().chain(&t.extra_spans) {
            cx.cover(*s);
        }
    }
}

/// Whether a table's text went through OCR: its labels were misread, or (exact labels do
/// not make exact values: a scan's text layer under a digital layout) values are broken in
/// more than one row, or a row holds OCR's specks (`values::specked`). (Specks elsewhere
/// in the document are no sign for the tables: of the corpus's 4 OCR'd renderings that
/// have them only there, reading the tables as OCR'd removed 2 wrong values and lost 8.)
fn read_from_image(rows: &[Row], cx: &Ctx) -> bool {
    let broken_rows = rows
        .iter()
        .filter(|r| r.toks.iter().any(|t| matches!(t.kind, Kind::Garbled)))
        .count();
    let specked_row = |r: &Row| {
        let text: Vec<&str> = r.toks.iter().map(|t| &*t.text).collect();
        values::specked(&text.join(" "))
    };
    cx.damaged || broken_rows >= 2 || rows.iter().any(specked_row)
}

/// In OCR'd text, lines of other parts of the form land among a table's rows: a date from
/// the header, an amount from a footnote, or (the page's lines out of order) a row of the
/// other table. Such a line is not read: its text stays in the unmapped text, with a
/// warning saying why. Every row of the form names its security; and a Table II
/// transaction always names what it converts into (columns 6 and 7), which a Table I row
/// under Table II's title lacks (`underlying`: check that).
fn not_a_row(row: &[Tok], al: &Alignment, underlying: bool, table: &str, cx: &mut Ctx) -> bool {
    let has = |f: &dyn Fn(Col, &Tok) -> bool| {
        row.iter()
            .zip(&al.assign)
            .any(|(t, a)| a.is_some_and(|c| f(c, t)))
    };
    // A security's name has a word in it (`Stock`, `Option`, `Units`).
    let worded = |t: &Tok| matches!(t.kind, Kind::Word) && real_words(&t.text).next().is_some();
    let why = if !has(&|c, t| c == Col::Title && worded(t)) {
        "a row without a security title"
    } else if numbered_note(row, al) {
        "a line opening with a note's number (a footnote read as a row)"
    } else if has(&|c, t| c == Col::Title && real_words(&t.text).any(heading_word)) {
        "a row whose title holds a word of the tables' headings (the headings, or a footnote, read as a row)"
    } else if underlying
        && al.kind == RowKind::Transaction
        && !has(&|c, _| {
            matches!(
                c,
                Col::ExDate | Col::ExpDate | Col::UndTitle | Col::UndShares
            )
        })
    {
        "a row without exercise dates or underlying security (a Table I row out of place)"
    } else if underlying
        && has(&|c, t| {
            c == Col::Price
                && t.text
                    .split_once('.')
                    .is_some_and(|(_, frac)| frac.len() >= 4)
        })
    {
        // Table I's sales print weighted averages to four decimals (125 of the corpus's 185
        // prices of Table I); none of Table II's 95 prices has more than three.
        "a row whose price has four decimals, as Table I's sales do and Table II's rows never (a Table I row out of place)"
    } else if underlying
        && al.kind == RowKind::Holding
        && has(&|c, _| c == Col::ConvPrice)
        && !row.iter().any(|t| match t.kind {
            Kind::Date(_) | Kind::Garbled => true,
            Kind::Num(_) => !t.dollar,
            _ => false,
        })
    {
        // A footnote's sentence (`prices ranging from $174.96 to $180.98`) under the
        // table: prices and words, none of a holding's dates or counts (read or broken).
        "a row with a price and none of a holding's dates or amounts (text of another part)"
    } else {
        return false;
    };
    let text: Vec<&str> = row.iter().map(|t| &*t.text).collect();
    cx.warn(
        WarningCode::Unreadable,
        Some(table),
        &format!("{why} was not read: `{}`", text.join(" ")),
        row.first().map(|t| t.span),
    );
    true
}

/// A line that opens with a number and a full stop (`4.`) read as no column's value, then a
/// capitalised word, is how a numbered footnote is printed (`4. Each share of ...`); no
/// row of either table opens that way (its first column is the security's name). OCR that
/// loses the `Explanation of Responses` label runs the footnotes on under Table II.
fn numbered_note(row: &[Tok], al: &Alignment) -> bool {
    let (Some(first), Some(next)) = (row.first(), row.get(1)) else {
        return false;
    };
    values::item_number(&first.text, &['.'])
        && al.assign.first().is_some_and(Option::is_none)
        && matches!(next.kind, Kind::Word)
        && next.text.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Words of the tables' column headings (`Deemed Execution Date`, `(Month/Day/Year)`,
/// `Owned Following Reported Transaction(s)`, `Conversion or Exercise Price`) and of
/// footnotes about prices, which no security's name holds: none of the 958 titles and
/// underlying titles of the development corpus's EDGAR XML has one. OCR that loses a
/// table's lines reads heading and footnote lines as rows; their numbers (`(Instr. 3 and
/// 4)` as `9.4`) are no values.
fn heading_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "execution",
        "deemed",
        "instr",
        "month",
        "following",
        "reported",
        "ownership",
        "acquired",
        "disposed",
        "expiration",
        "exercisable",
        "underlying",
        "derivative",
        "transaction",
        "date",
        "amount",
        "price",
        "prices",
        "nature",
        "indirect",
        "weighted",
        "average",
        "ranging",
    ];
    WORDS.iter().any(|k| w.eq_ignore_ascii_case(k))
}

/// A Table I row whose date and code were misread (OCR) can no longer be told from a
/// holding: read as one, its share count or price lands in the "owned" column. A holding
/// has no date or amount column before "owned", so a holding reading that leaves a date,
/// an amount or (in OCR'd text) a broken value unread has lost columns: its values are
/// left out.
/// (Not on Form 3, whose rows are all holdings; not in Table II, whose holdings have
/// dates and amounts of their own.)
fn doubt_lost_columns(row: &[Tok], al: &mut Alignment, ocr: bool, at: &str, cx: &mut Ctx) {
    if al.kind != RowKind::Holding {
        return;
    }
    // In digital text a broken piece left over is more often a footnote mark cut by the
    // grid (`<sup>(</sup>`…`<sup>4)</sup>`) than a lost column.
    let is_value = |t: &Tok| match t.kind {
        Kind::Num(_) | Kind::Date(_) => true,
        Kind::Garbled => ocr,
        _ => false,
    };
    // A number alone in a table cell that the title took (`Common Stock | 21 | 4,407`)
    // is a value's cell too, cut by the converter's grid: a title's numbers share a cell
    // with its words. (OCR'd tables put debris in cells of their own.)
    let alone_in_title = |t: &Tok, a: &Option<Col>| {
        !ocr && *a == Some(Col::Title)
            && matches!(t.kind, Kind::Num(_))
            && t.ncells > 0
            && !t.joined
            && row
                .iter()
                .filter(|o| o.cell.0 == t.cell.0 && o.cell.1 == t.cell.1)
                .count()
                == 1
    };
    // A holding has no price: a `$` amount that only a text column took is a price whose
    // columns were lost; so is a count printed with separators (`13,000`), which no
    // security's name or owner's name holds.
    let price_in_text = |t: &Tok, a: &Option<Col>| {
        a.is_some_and(Col::multi)
            && matches!(t.kind, Kind::Num(_))
            && (t.dollar || t.text.contains(','))
    };
    // In OCR'd text a date misread beyond repair (`owo12013` for 04/01/2013) is a word
    // that the title takes: letters with four digits or more, which no title, underlying
    // title or nature of ownership of the corpus holds.
    let broken_date_in_text = |t: &Tok, a: &Option<Col>| {
        ocr && a.is_some_and(Col::multi)
            && t.text.chars().filter(char::is_ascii_digit).count() >= 4
            && t.text.chars().any(char::is_alphabetic)
    };
    let Some(lost) = row
        .iter()
        .zip(&al.assign)
        .find(|(t, a)| {
            (a.is_none() && !t.stray && is_value(t))
                || alone_in_title(t, a)
                || price_in_text(t, a)
                || broken_date_in_text(t, a)
        })
        .map(|(t, _)| t)
    else {
        return;
    };
    leave_out_reading(row, al, at, Some(lost.span), cx, |left_out| {
        format!(
            "read as a holding, the row leaves `{}` unread: which columns its values belong to is lost, so {left_out} left out",
            lost.text
        )
    });
}

/// Unassigns a row's values (dates, amounts, letters; not its texts), for a reading whose
/// columns are in doubt, and says so: `why` words the warning from the list of values left
/// out. No warning when there were none.
fn leave_out_reading(
    row: &[Tok],
    al: &mut Alignment,
    at: &str,
    span: Option<Span>,
    cx: &mut Ctx,
    why: impl FnOnce(&str) -> String,
) {
    let mut left_out = Vec::new();
    for (t, a) in row.iter().zip(al.assign.iter_mut()) {
        if a.is_some_and(|c| !c.multi())
            && matches!(t.kind, Kind::Num(_) | Kind::Date(_) | Kind::Letter(_))
        {
            *a = None;
            left_out.push(format!("`{}`", t.text));
        }
    }
    if !left_out.is_empty() {
        al.kind_lost = true;
        cx.warn(
            WarningCode::Unreadable,
            Some(at),
            &format!(
                "{}; whether the row is a transaction or a holding is not known",
                why(&left_out.join(", "))
            ),
            span,
        );
    }
}

/// OCR that lost the lines of a table reads several rows as one: their titles end up
/// one after another in the title column (`Common Stock Common Stock`), and their values
/// in one row's columns. Which value belongs to which row is lost; the values are left out.
fn doubt_merged_rows(row: &[Tok], al: &mut Alignment, at: &str, cx: &mut Ctx) {
    let title: Vec<&str> = row
        .iter()
        .zip(&al.assign)
        .filter(|(_, a)| **a == Some(Col::Title))
        .flat_map(|(t, _)| real_words(&t.text))
        .collect();
    // A security's name runs to a dozen words at most: longer repeats are not looked for,
    // which keeps the test linear on hostile input.
    let repeated = (2..=(title.len() / 2).min(16)).any(|k| title[..k] == title[k..2 * k]);
    if !repeated {
        return;
    }
    leave_out_reading(row, al, at, row.first().map(|t| t.span), cx, |left_out| {
        format!(
            "the security title repeats (`{}`): several rows of the form were read as one line, so which row its values belong to is lost and {left_out} left out",
            title.join(" ")
        )
    });
}

/// Amounts of the price, underlying and owned columns that OCR's misreadings make up, left out:
/// - a price cell holding only a footnote (`(1)`) comes out of OCR as `0`, `o` or `w`: a
///   bare `0` there (no `$`, no cents) cannot be told from one; nor can a bare `0` as the
///   underlying amount, which is never 0 but for a handful of filings, nor as the amount
///   a holding row owns (4 of the corpus's 179 holdings of Table I; a sale down to 0 is a
///   transaction row);
/// - the other way round from `doubt_dot_separators`, a price of `$173,360` may be 173,360
///   or 173.360 with its point read as a comma. Prices of a thousand dollars or more are
///   rare (3 of the corpus's 429), so a price of one group after a comma and no cents is
///   doubted. (Not a value column's amount: `$302,950` of notes is common.)
/// - a price with more than four decimals (`175.22109`): none of the corpus's 429 prices
///   and exercise prices has more, while OCR runs a price into the digits beside it;
/// - an exercise or conversion price of whole dollars without a `$` (`222`): the form prints
///   the `$`, and 7 of the corpus's 58 such prices other than $0 are whole (printed `$20`),
///   while OCR puts counts there;
/// - an exercise or conversion price of $100,000 or more: the corpus's 62 run to $195.26
///   (a convertible note's principal is its row's price or value, not this column);
/// - an amount owned under 100 with a fraction (`9.4`, `77.92`): none of the corpus's 675
///   amounts owned is one (fractions come with 401(k) and dividend plans' large holdings),
///   while OCR puts a price or a heading's `(Instr. 3 and 4)` there.
fn doubt_misread_amounts(row: &[Tok], al: &mut Alignment, at: &str, cx: &mut Ctx) {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    doubt_spaced_points(row, al, at, cx);
    let kind = al.kind;
    for (t, a) in row.iter().zip(al.assign.iter_mut()) {
        let Some(c) = *a else { continue };
        let priced = matches!(c, Col::Price | Col::ConvPrice);
        let held = c == Col::Owned && kind == RowKind::Holding;
        let why = if (priced || held || c == Col::UndShares) && !t.dollar && t.text == "0" {
            format!(
                "a bare `0` in column {} of OCR'd text may as well be a misread footnote mark `(1)`: left out",
                c.name()
            )
        } else if let Some((int, frac)) =
            t.text
                .trim_start_matches('$')
                .split_once(',')
                .filter(|(int, frac)| {
                    priced
                        && matches!(t.kind, Kind::Num(_))
                        && (1..=3).contains(&int.len())
                        && frac.len() == 3
                        && digits(int)
                        && digits(frac)
                })
        {
            format!(
                "the price `{}` reads as {int},{frac} or, its point read as a comma, as {int}.{frac}: left out",
                t.text
            )
        } else if priced
            && matches!(t.kind, Kind::Num(_))
            && t.text
                .split_once('.')
                .is_some_and(|(_, frac)| frac.len() > 4)
        {
            format!(
                "the price `{}` has more than four decimals, which none of the corpus's 429 prices has: digits of two values run together, left out",
                t.text
            )
        } else if c == Col::ConvPrice
            && !t.dollar
            && matches!(t.kind, Kind::Num(n) if !n.is_zero() && n.fract().is_zero())
        {
            format!(
                "`{}` as an exercise or conversion price: a whole number without `$` is a count that OCR put in column {}, or a price whose `$` and cents were lost: left out",
                t.text,
                c.name()
            )
        } else if c == Col::ConvPrice
            && matches!(t.kind, Kind::Num(n) if n >= Decimal::from(100_000))
        {
            format!(
                "`{}` as an exercise or conversion price: a note's or a row's amount read into column {}, not a price per share: left out",
                t.text,
                c.name()
            )
        } else if c == Col::Owned
            && !t.dollar
            && matches!(t.kind, Kind::Num(n) if n < Decimal::ONE_HUNDRED && !n.fract().is_zero())
        {
            format!(
                "`{}` owned: a fraction of a share under 100 is a heading's `(Instr. 3 and 4)` or a price read into column {}, not an amount owned: left out",
                t.text,
                c.name()
            )
        } else {
            continue;
        };
        *a = None;
        cx.warn(WarningCode::Ambiguous, Some(at), &why, Some(t.span));
    }
}

/// In OCR'd text a price's point is read as a space as well: a price of whole dollars
/// followed in its table cell by bare digits (`$87 104`) is $87.104 (or $87.104x, its last
/// digits lost) far more often than a price beside an amount, which would have a cell of
/// its own. Neither piece is read. (`$0` is a price of its own, often beside an amount
/// a converter's grid merged into its cell.)
fn doubt_spaced_points(row: &[Tok], al: &mut Alignment, at: &str, cx: &mut Ctx) {
    for i in 0..row.len().saturating_sub(1) {
        let (a, b) = (&row[i], &row[i + 1]);
        let whole_price = al.assign[i] == Some(Col::Price)
            && a.dollar
            && !a.text.contains('.')
            && matches!(a.kind, Kind::Num(n) if !n.is_zero());
        let tail = !b.dollar && !b.text.is_empty() && b.text.bytes().all(|c| c.is_ascii_digit());
        if !(whole_price && tail && a.ncells > 0 && a.cell == b.cell) {
            continue;
        }
        al.assign[i] = None;
        if al.assign[i + 1].is_some_and(|c| !c.multi()) {
            al.assign[i + 1] = None;
        }
        cx.warn(
            WarningCode::Ambiguous,
            Some(at),
            &format!(
                "`{} {}` in one cell is a price whose point OCR read as a space more likely than a price beside an amount: both left out",
                a.text, b.text
            ),
            Some(a.span),
        );
    }
}

/// Column 7 names the indirect owner and is left blank for what is owned directly: an
/// OCR'd row read as `D` beside such a name has one of them wrong (an `I` misread, or the
/// text of a neighbouring row), so its D/I is left out.
fn doubt_direct(di: &mut Option<DirectIndirect>, nature: Option<&str>, at: &str, cx: &mut Ctx) {
    let Some(nature) = nature else { return };
    if *di == Some(DirectIndirect::D) && real_words(nature).next().is_some() {
        *di = None;
        cx.warn(
            WarningCode::Unreadable,
            Some(at),
            &format!("the row reads `D` (direct) beside the indirect owner `{nature}`: one of them is misread, so D/I was left out"),
            None,
        );
    }
}

/// A Table II row whose code OCR misread (`Cc`, `¢`) reads as well as a holding, and then
/// its amounts land in the "underlying" and "owned" columns. Its date gives it away: a date
/// the filing reports as a transaction date (box 3, Table I) is one more transaction of
/// that day far more often than an exercise or expiration date falling on it. Such a
/// holding reading is doubted, and its values left out.
fn doubt_dated_holding(
    row: &[Tok],
    al: &mut Alignment,
    tx_dates: &BTreeSet<Date>,
    at: &str,
    cx: &mut Ctx,
) {
    if al.kind != RowKind::Holding {
        return;
    }
    let Some(dated) = row
        .iter()
        .find(|t| matches!(t.kind, Kind::Date(d) if tx_dates.contains(&d)))
    else {
        return;
    };
    leave_out_reading(row, al, at, Some(dated.span), cx, |left_out| {
        format!(
            "read as a holding, the row holds `{}`, a transaction date of this filing: more likely a transaction whose code was misread, so which columns its values belong to is lost and {left_out} left out",
            dated.text
        )
    });
}

/// A Table II holding reading whose text columns took a count printed with separators
/// (`Class B Common 78,667 Class A Common Stock 78,667`): no security's or owner's name
/// holds one, so the count is a value of a transaction's columns that OCR lost (its date
/// and code unread), and which columns the row's other amounts belong to is lost too.
fn doubt_counted_holding(row: &[Tok], al: &mut Alignment, at: &str, cx: &mut Ctx) {
    if al.kind != RowKind::Holding {
        return;
    }
    let Some(count) = row
        .iter()
        .zip(&al.assign)
        .find(|(t, a)| {
            a.is_some_and(Col::multi) && matches!(t.kind, Kind::Num(_)) && t.text.contains(',')
        })
        .map(|(t, _)| t)
    else {
        return;
    };
    // Its ownership form (D/I) stays: the last columns (owned, D/I, nature) are the same in
    // both readings, while the amounts before them are not.
    let mut left_out = Vec::new();
    for (t, a) in row.iter().zip(al.assign.iter_mut()) {
        if a.is_some_and(|c| !c.multi()) && matches!(t.kind, Kind::Num(_) | Kind::Date(_)) {
            *a = None;
            left_out.push(format!("`{}`", t.text));
        }
    }
    if !left_out.is_empty() {
        al.kind_lost = true;
        cx.warn(
            WarningCode::Unreadable,
            Some(at),
            &format!(
                "read as a holding, the row has the count `{}` in a text column: a transaction whose columns were lost, so {} left out; whether the row is a transaction or a holding is not known",
                count.text,
                left_out.join(", ")
            ),
            Some(count.span),
        );
    }
}

/// The text column of a Table I row that the text lines wrapped around it belong to, when
/// the row says which. Table I's title column is the widest of the form and its titles
/// short, so a row whose line starts with its title has its wrapped lines in the nature
/// column, if the holding is indirect (a direct one has no nature to wrap) or the nature
/// starts on the row's line. A row whose line has no title and a direct holding has its
/// title wrapped around it. Otherwise both may be, and no line is read.
fn t1_wrap_column(row: &Row, al: &Alignment) -> Option<Col> {
    if row.above.is_empty() && row.below.is_empty() {
        return None;
    }
    let in_col = |c: Col| {
        row.toks
            .iter()
            .zip(&al.assign)
            .filter(move |(_, a)| **a == Some(c))
            .map(|(t, _)| t)
    };
    let titled = in_col(Col::Title).any(|t| matches!(t.kind, Kind::Word));
    let nature = in_col(Col::Nature).any(|t| matches!(t.kind, Kind::Word));
    let di = in_col(Col::DI).find_map(|t| match t.kind {
        Kind::Letter(c) => Some(c),
        _ => None,
    });
    match (titled, nature, di) {
        (true, true, _) | (true, false, Some('I')) => Some(Col::Nature),
        (false, false, Some('D')) => Some(Col::Title),
        _ => None,
    }
}

/// The text of column `col` of a row with the lines wrapped around it: the lines above,
/// the column's words on the row's line, the lines below. Returns the text and the
/// footnote marks printed after its words; logged as a repair.
fn join_wrapped(
    row: &Row,
    al: &Alignment,
    col: Col,
    field: &str,
    cx: &mut Ctx,
) -> (Option<String>, Vec<FootnoteId>) {
    let on_line = row
        .toks
        .iter()
        .zip(&al.assign)
        .filter(|(_, a)| **a == Some(col))
        .map(|(t, _)| t);
    let parts: Vec<Vec<&Tok>> = row
        .above
        .iter()
        .map(|l| l.iter().collect())
        .chain(std::iter::once(on_line.collect()))
        .chain(row.below.iter().map(|l| l.iter().collect()))
        .collect();
    let toks: Vec<&Tok> = parts.iter().flatten().copied().collect();
    use_tokens(&toks, cx);
    let text = cell_text(&parts);
    let marks = toks.iter().flat_map(|t| t.marks.clone()).collect();
    let wrapped: Vec<&str> = row.wrapped().map(|t| &*t.text).collect();
    cx.repair(
        field,
        RepairKind::JoinedText,
        &format!(
            "`{}` on the lines around the row",
            clean_spaces(&wrapped.join(" "))
        ),
        text.as_deref().unwrap_or(""),
        row.wrapped().next().map(|t| t.span),
    );
    (text, marks)
}

/// The words a converter that cuts the page into table rows by height put in Table II's
/// title row after the title: the end of a tall cell of the row above it (the last row of
/// Table I), whose last line lies lower than the title's top (`By Rivendell` over the
/// title's `One LLC`). Only a table row whose text before the title's last bold piece is
/// all bold (the title's pieces), with plain text after it; returns the row's block and
/// its tokens, which are words only (an amount there is another row's).
fn title_row_spill<'s>(
    segs: &'s [Segment],
    to: Pos,
    cx: &mut Ctx,
) -> Option<(usize, Vec<Tok<'s>>)> {
    let title = segs.get(to.seg)?;
    let pl = title.place;
    if !pl.in_table || !title.bold() {
        return None;
    }
    let same_row = |s: &usize| segs[*s].place.block == pl.block && segs[*s].place.row == pl.row;
    let plain = |s: &usize| !segs[*s].bold() && !segs[*s].text.trim().is_empty();
    // The row's segments on both sides of the title's: a table row's plain text comes
    // before its bold captions in reading order (see `text.rs`).
    let first = (0..to.seg)
        .rev()
        .take_while(same_row)
        .last()
        .unwrap_or(to.seg);
    let row: Vec<usize> = (first..segs.len()).take_while(same_row).collect();
    let last_bold_cell = row
        .iter()
        .filter(|&&s| segs[s].bold())
        .map(|&s| segs[s].place.cell)
        .max()?;
    let spill: Vec<Piece> = row
        .iter()
        .filter(|s| plain(s))
        .map(|&s| Piece {
            seg: s,
            a: 0,
            b: segs[s].text.len(),
        })
        .collect();
    if spill.is_empty()
        || spill
            .iter()
            .any(|p| segs[p.seg].place.cell <= last_bold_cell)
    {
        return None;
    }
    let mark = cx.mark();
    let toks = lex_row(segs, &spill, cx);
    cx.rollback(mark);
    let words = !toks.is_empty()
        && toks
            .iter()
            .all(|t| matches!(t.kind, Kind::Word | Kind::Letter(_)));
    words.then_some((pl.block, toks))
}

/// Puts the end of the nature of ownership that ran on into Table II's title row (see
/// [`title_row_spill`]) after the row's own text: with a space, or without where the
/// row's text ends inside a word (`See f` and `ootnote`). Only a joined text the document
/// prints elsewhere word for word (a footnote naming the holder: `Rivendell One LLC` for
/// `By Rivendell One LLC`) is taken; otherwise the row's text is known to be cut and
/// where the rest goes is not, so the nature is left empty with a warning.
fn run_into_title_row(
    nature: &mut Option<String>,
    marks: &mut Vec<FootnoteId>,
    spill: &[Tok],
    doc: &LazyAttested<'_>,
    field: &str,
    cx: &mut Ctx,
) {
    let (Some(own), Some(rest)) = (
        nature.as_deref(),
        text_of(&spill.iter().collect::<Vec<_>>()),
    ) else {
        return;
    };
    // A footnote mark whose number the cut lost (`LP<sup>()</sup>`) is no text.
    let rest = rest.trim_end_matches("()").trim_end().to_string();
    if rest.is_empty() {
        return;
    }
    let words = |s: &str| s.split_whitespace().count();
    // The document names a holder without the `By` or `See` of the cell: the text past
    // its first word counts, if it holds a word of the row's own text as well.
    let printed = |text: &str| {
        doc.holds_as_words(text)
            || text
                .split_once(' ')
                .is_some_and(|(_, tail)| words(tail) > words(&rest) && doc.holds_as_words(tail))
    };
    let mut joined = vec![format!("{own} {rest}")];
    // A word's end, cut off: the cell's last (`See f` and `ootnote`) or, the converter
    // having moved the cell's first line's end, any other (`By Rivendell<br>O LLC` and
    // `ne`, a single word). Which one, only the document's own print of the join tells.
    if own.ends_with(char::is_alphabetic) && rest.starts_with(char::is_lowercase) {
        joined.push(format!("{own}{rest}"));
    }
    if rest.starts_with(char::is_lowercase) && !rest.contains(' ') {
        let ends = own
            .char_indices()
            .filter(|&(i, c)| {
                let end = i + c.len_utf8();
                c.is_alphabetic()
                    && end < own.len()
                    && !own[end..].starts_with(char::is_alphanumeric)
            })
            .map(|(i, c)| i + c.len_utf8())
            .collect::<Vec<_>>();
        for end in ends.into_iter().rev() {
            joined.push(format!("{}{rest}{}", &own[..end], &own[end..]));
        }
    }
    use_tokens(&spill.iter().collect::<Vec<_>>(), cx);
    let at = spill.first().map(|t| t.span);
    if let Some(text) = joined.into_iter().find(|t| printed(t)) {
        cx.repair(
            field,
            RepairKind::JoinedText,
            &format!("`{own}` and `{rest}` in Table II's title row"),
            &text,
            at,
        );
        *nature = Some(text);
        marks.extend(spill.iter().flat_map(|t| t.marks.clone()));
    } else {
        cx.warn(
            WarningCode::Ambiguous,
            Some(field),
            &format!(
                "the text `{own}` runs on into Table II's title row (`{rest}`), and the document prints their join nowhere else: left out"
            ),
            at,
        );
        *nature = None;
    }
}

/// The nature's text, unless a word follows its footnote marks from a cell of its own: the
/// form prints a text's marks after it, so the converter moved a piece of the text out of
/// place (`Growth V<br>Fund, L.P.<sup>(2)</sup>` and `I` in the next cell, for `Growth VI
/// Fund`), and what is left reads as another name: left out.
fn nature_text(toks: &[&Tok], at: &str, cx: &mut Ctx) -> Option<String> {
    let text = text_of(toks)?;
    let moved = toks.iter().enumerate().any(|(i, t)| {
        !t.marks.is_empty()
            && t.ncells > 0
            && toks[i + 1..].iter().any(|o| {
                (o.cell.0, o.cell.1) != (t.cell.0, t.cell.1)
                    && matches!(o.kind, Kind::Word | Kind::Letter(_))
            })
    });
    if !moved {
        return Some(text);
    }
    cx.warn(
        WarningCode::Unreadable,
        Some(&format!("{at}.nature_of_ownership")),
        &format!(
            "`{text}` goes on past its footnote marks into another cell: a piece of the text was moved out of place, so it was left out"
        ),
        toks.first().map(|t| t.span),
    );
    None
}

fn warn_ambiguous(row: &[Tok], al: &Alignment, at: &str, cx: &mut Ctx) {
    for (i, c, other) in &al.ambiguous {
        let t = &row[*i];
        let text = if t.text.is_empty() {
            "a footnote mark".to_string()
        } else {
            format!("`{}`", t.text)
        };
        cx.warn(
            WarningCode::Ambiguous,
            Some(at),
            &format!(
                "{text} fits column {} as well as {}: the marks that tell them apart are lost in this rendering, so it was left out",
                c.name(),
                other.map_or("none", Col::name)
            ),
            Some(t.span),
        );
    }
}

/// Says which dates and amounts of a row no column took (and no doubt left out): a value
/// the rendering printed that the record does not hold is not left among the unmapped
/// text without a word.
fn warn_unplaced(row: &[Tok], al: &Alignment, at: &str, cx: &mut Ctx) {
    for (i, t) in row.iter().enumerate() {
        let value = matches!(t.kind, Kind::Date(_) | Kind::Num(_));
        if !value || al.assign[i].is_some() || al.ambiguous.iter().any(|a| a.0 == i) {
            continue;
        }
        cx.warn(
            WarningCode::Unreadable,
            Some(at),
            &format!(
                "`{}` reads as a value, but no column of the row takes it: left out",
                t.text
            ),
            Some(t.span),
        );
    }
}

/// An amount or a lone digit that no column takes, in the cell right beside an amount that
/// one does, the two making one amount when put together: a converter's grid may have cut
/// that amount in two (`$1 | 15.54`, `70,713.6 | 121`, `21 | 4,407`), and then the piece a
/// column took is a wrong number. Read as one amount, the pieces are kept if every value of
/// the row then has its column (not in OCR'd text, where a misread mark or a lost cell
/// explain a spare value as well). Otherwise neither piece is read, nor a third that the
/// spare piece makes an amount with as well (`$9.5 | 26 | 5,582`: $9.526 and 265,582, or
/// $9.5 and 26 and 5,582?); the doubt is said.
///
/// Over the corpus's 720 renderings this reads one pymupdf4llm row more (`21 | 4,407`) and
/// changes no other value. Over pymupdf4llm renderings cut at random places inside their
/// cells (`scripts/mutate.py`), such pieces were most of the wrong amounts and prices read.
fn rejoin_cut_amount(
    row: &mut Vec<Tok>,
    al: &mut Alignment,
    patterns: &[&[Col]],
    ocr: bool,
    at: &str,
    cx: &mut Ctx,
) {
    let piece = |row: &[Tok], k: usize| matches!(row[k].kind, Kind::Num(_)) || row[k].stray && !ocr;
    let placed = |al: &Alignment, row: &[Tok], k: usize| {
        matches!(row[k].kind, Kind::Num(_))
            && matches!(
                al.assign[k],
                Some(Col::Shares | Col::Price | Col::ConvPrice | Col::UndShares | Col::Owned)
            )
    };
    // A number no column takes, or one alone in its cell that a text column took (the
    // title's check leaves such a title out: `Common Stock | 19 | 8,668`).
    let spare = |al: &Alignment, row: &[Tok], k: usize| {
        piece(row, k)
            && match al.assign[k] {
                None => true,
                Some(c) => c.multi() && alone_in_its_cell(row, k),
            }
    };
    // Whether tokens `i` and `i + 1`, in two cells, make one amount put together: pieces
    // that do not (`$0 | 8,638`) are two values.
    let joins = |row: &[Tok], i: usize| {
        let (a, b) = (&row[i], &row[i + 1]);
        a.cell != b.cell
            && a.ncells > 0
            && a.marks.is_empty()
            && !b.text.starts_with('$')
            && piece(row, i)
            && piece(row, i + 1)
            && values::parse_amount(&format!("{}{}", a.text, b.text)).is_some()
    };
    // One spare piece at a time: a second cut in the row is read once the first is settled.
    for _ in 0..row.len() {
        let found = (0..row.len()).find_map(|u| {
            if !spare(al, row, u) {
                return None;
            }
            let mut with: Vec<usize> = Vec::new();
            if u > 0 && joins(row, u - 1) {
                with.push(u - 1);
            }
            if u + 1 < row.len() && joins(row, u) {
                with.push(u + 1);
            }
            with.iter()
                .any(|&k| placed(al, row, k))
                .then_some((u, with))
        });
        let Some((u, with)) = found else { return };
        // Joined with the one piece it makes an amount with, when every value of the row
        // then has its column.
        if let ([k], false) = (with.as_slice(), ocr) {
            let i = u.min(*k);
            let (a, b) = (row[i].text.to_string(), row[i + 1].text.to_string());
            let joined = format!("{a}{b}");
            if let Some(n) = values::parse_amount(&joined) {
                let mut merged = row.clone();
                let next = merged.remove(i + 1);
                let t = &mut merged[i];
                t.kind = Kind::Num(n);
                t.text = joined.into();
                t.joined = true;
                t.stray = false;
                absorb(t, next);
                if let Some(al2) = best_alignment(&merged, patterns) {
                    let all_placed = (0..merged.len()).all(|k| {
                        !matches!(merged[k].kind, Kind::Num(_) | Kind::Date(_))
                            || al2.assign[k].is_some()
                            || al2.ambiguous.iter().any(|x| x.0 == k)
                    });
                    if all_placed && placed(&al2, &merged, i) {
                        cx.repair(
                            "table.amount",
                            RepairKind::SplitNumber,
                            &format!("{a} | {b}"),
                            &n.to_string(),
                            Some(merged[i].span),
                        );
                        *row = merged;
                        *al = al2;
                        continue;
                    }
                }
            }
        }
        let mut left: Vec<usize> = with.into_iter().chain([u]).collect();
        left.sort_unstable();
        let pieces: Vec<&str> = left.iter().map(|&k| &*row[k].text).collect();
        let message = if left.len() > 2 {
            format!(
                "`{}`: the middle piece makes an amount with either piece beside it, cut by the converter's grid; which is not known, so all are left out",
                pieces.join(" | ")
            )
        } else {
            format!(
                "`{}` is one amount cut in two by the converter's grid, or two values of which one has no column: left out",
                pieces.join(" | ")
            )
        };
        cx.warn(
            WarningCode::Ambiguous,
            Some(at),
            &message,
            Some(row[u].span),
        );
        for k in left {
            row[k].kind = Kind::Garbled;
            row[k].stray = false;
            al.assign[k] = None;
            al.ambiguous.retain(|x| x.0 != k);
        }
    }
}

/// An amount column holding a dollar value instead of a count (`$30,430,000.00`).
fn is_value(toks: &[&Tok]) -> bool {
    toks.iter()
        .any(|t| t.dollar && matches!(t.kind, Kind::Num(_)))
}

/// The text of a run of word tokens. A word cut by the grid into two neighbouring cells
/// (`Ord | inary Shares`: a letter, then a lower-case letter in the next cell of the same
/// line) is put back together, and so is a word a cell's width broke after its hyphen
/// (`co-<br>trustee`: none of the corpus's 1,536 titles and natures has a hyphen followed
/// by a space, 25 have one inside a word).
fn text_of(toks: &[&Tok]) -> Option<String> {
    let toks = lines_across_cut_cell(toks);
    let mut out = String::with_capacity(toks.iter().map(|t| t.text.len() + 1).sum());
    let mut prev: Option<&Tok> = None;
    for t in toks.iter() {
        if let Some(p) = prev {
            let cut = word_cut(p, t);
            let broken = p.cell.0 == t.cell.0
                && p.cell.1 == t.cell.1
                && p.cell.2 != t.cell.2
                && hyphen_broken(&p.text)
                && t.text.chars().next().is_some_and(char::is_alphabetic);
            // The grid's cut beside a word's own hyphen (`Class A-|1 Units`, `Series
            // B|-2 Preferred`): a title's words are never spaced around one (`Fund III -
            // Partners` prints the dash as a word of its own, which is not glued).
            let at_hyphen = p.cell.1 != t.cell.1
                && p.cell.2 == t.cell.2
                && ((hyphen_broken(&p.text)
                    && t.text.chars().next().is_some_and(char::is_alphanumeric))
                    || (p.text.chars().last().is_some_and(char::is_alphanumeric)
                        && t.text
                            .strip_prefix('-')
                            .is_some_and(|r| r.chars().next().is_some_and(char::is_alphanumeric))));
            if !cut && !broken && !at_hyphen {
                out.push(' ');
            }
        }
        out.push_str(&t.text);
        prev = Some(t);
    }
    let s = clean_spaces_owned(out);
    (!s.is_empty()).then_some(s)
}

/// Whether token `t`, after `p` in a text, goes on the word `p` ends: the grid cut one
/// word across two cells of a line (`Comm | on Stock`).
fn word_cut(p: &Tok, t: &Tok) -> bool {
    p.cell.1 != t.cell.1
        && p.cell.2 == t.cell.2
        && p.text.chars().last().is_some_and(char::is_alphabetic)
        && t.text.chars().next().is_some_and(char::is_lowercase)
}

/// Leaves out a text that [`text_of`] joined across a cut of the grid into a word the
/// document prints nowhere whole, when the cut may have swallowed a letter: a converter's
/// grid can lose the letters under its line (`Comm | n Stock`), and the word then joined
/// is not the filer's. In exact text that takes evidence: the document prints the word
/// with one letter more at the cut (`Common`); a word printed once (`S | tock, $0.001`)
/// stays. OCR'd text, whose cuts lose letters as often as its words are misread, is held
/// to the word alone.
fn doubt_cut_words(
    slot: &mut Option<String>,
    toks: &[&Tok],
    doc: &LazyAttested<'_>,
    ocr: bool,
    field: &str,
    cx: &mut Ctx,
) {
    let Some(text) = slot.as_deref() else {
        return;
    };
    let toks = lines_across_cut_cell(toks);
    let lost = toks.windows(2).find_map(|pair| {
        let (p, t) = (pair[0], pair[1]);
        if !word_cut(p, t) {
            return None;
        }
        let (head, tail) = cut_word(&p.text, &t.text);
        let word = format!("{head}{tail}");
        let lost = if ocr {
            !doc.holds_as_words(&word)
        } else {
            doc.letter_lost_at_cut(head, tail)
        };
        lost.then(|| (word, p.text.to_string(), t.text.to_string()))
    });
    let Some((word, left, right)) = lost else {
        return;
    };
    cx.warn(
        WarningCode::Unreadable,
        Some(field),
        &format!(
            "`{text}` joins `{left}` and `{right}`, cut apart by the converter's grid, into `{word}`, which the document prints nowhere else: the cut may have taken letters, so it was left out"
        ),
        None,
    );
    *slot = None;
}

fn date_of(toks: &[&Tok]) -> Option<Date> {
    toks.iter().find_map(|t| match t.kind {
        Kind::Date(d) => Some(d),
        _ => None,
    })
}

/// A price as the form prints it, with its `$`. In digital text a number without one in a
/// price column is another column's amount that the reading put there (`Common Stock $0
/// 856`: a merged cell put the underlying amount after the price): it is left out, and
/// said. All 429 prices read from each of the corpus's three digital renderings have
/// their `$`; OCR misreads the sign (`S`, `§`), so there the number is kept.
fn price_of(toks: &[&Tok], ocr: bool, field: &str, cx: &mut Ctx) -> Option<Decimal> {
    let t = toks.iter().find(|t| matches!(t.kind, Kind::Num(_)))?;
    if !ocr && !t.dollar {
        cx.warn(
            WarningCode::Unreadable,
            Some(field),
            &format!(
                "`{}` in the price column has no `$`, which the form prints before every price: another column's amount, out of its place; left out",
                t.text
            ),
            Some(t.span),
        );
        return None;
    }
    num_of(toks)
}

fn num_of(toks: &[&Tok]) -> Option<Decimal> {
    toks.iter().find_map(|t| match t.kind {
        Kind::Num(d) => Some(d),
        _ => None,
    })
}

fn letter_of(toks: &[&Tok]) -> Option<char> {
    toks.iter().find_map(|t| match t.kind {
        Kind::Letter(c) => Some(c),
        _ => None,
    })
}

fn code_of(toks: &[&Tok]) -> Option<TransactionCode> {
    letter_of(toks).and_then(code_letter)
}

fn ad(c: char) -> Option<AcquiredDisposed> {
    match c {
        'A' => Some(AcquiredDisposed::A),
        'D' => Some(AcquiredDisposed::D),
        _ => None,
    }
}

fn di(c: char) -> Option<DirectIndirect> {
    match c {
        'D' => Some(DirectIndirect::D),
        'I' => Some(DirectIndirect::I),
        _ => None,
    }
}

/// A row's amount and the amount owned after it, as read, and whether the text is OCR'd.
#[derive(Clone, Copy)]
struct Amounts {
    amount: Option<Decimal>,
    owned: Option<Decimal>,
    ocr: bool,
}

impl Amounts {
    /// The amount and the amount owned after, when the latter is smaller: what was
    /// acquired is still owned after, so such a row disposed of its amount.
    fn owned_less(self) -> Option<(Decimal, Decimal)> {
        match (self.amount, self.owned) {
            (Some(a), Some(o)) if o < a => Some((a, o)),
            _ => None,
        }
    }
}

/// The A/D side of a row whose (A)/(D) mark the rendering lost; logged. An amount owned
/// after that is smaller than the amount proves a disposal (not in OCR'd text, where either
/// number may have lost a digit). Otherwise the code implies a side, as it does for nearly
/// every filing (of the corpus's 320 rows with a code that implies one, 3 report the other
/// side); where the amounts contradict that side, none is given.
fn infer_side(
    code: Option<TransactionCode>,
    derivative: bool,
    amounts: Amounts,
    field: &str,
    row: &[Tok],
    cx: &mut Ctx,
) -> Option<AcquiredDisposed> {
    if let Some((a, o)) = amounts.owned_less().filter(|_| !amounts.ocr) {
        cx.repair(
            field,
            RepairKind::InferredFromAmounts,
            &format!("amount {a}, owned after {o}, no (A)/(D) mark"),
            AcquiredDisposed::D.as_str(),
            row.first().map(|t| t.span),
        );
        return Some(AcquiredDisposed::D);
    }
    let code = code?;
    let side = code.implied_side(derivative)?;
    if side == AcquiredDisposed::A && amounts.owned_less().is_some() {
        cx.warn(
            WarningCode::Inconsistent,
            Some(field),
            &format!("code {code} implies (A), but the amount owned after is smaller than the amount: the side is not inferred"),
            row.first().map(|t| t.span),
        );
        return None;
    }
    cx.repair(
        field,
        RepairKind::InferredFromCode,
        &format!("code {code}, no (A)/(D) mark"),
        side.as_str(),
        row.first().map(|t| t.span),
    );
    Some(side)
}

fn check_direction(
    code: Option<TransactionCode>,
    dir: Option<AcquiredDisposed>,
    field: &str,
    cx: &mut Ctx,
) {
    if let (Some(code), Some(dir)) = (code, dir) {
        if let Some(implied) = code.implied_side(false) {
            if implied != dir {
                cx.warn(
                    WarningCode::Inconsistent,
                    Some(field),
                    &format!("code {code} usually means ({implied}), but ({dir}) was read"),
                    None,
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Rows and tokens

/// A data row, with the lines of its text cells that a converter reading the page line by
/// line (picture text) put above and below the row's own line.
struct Row<'s> {
    toks: Vec<Tok<'s>>,
    /// Lines above the row's line, top first.
    above: Vec<Vec<Tok<'s>>>,
    /// Lines below the row's line, top first.
    below: Vec<Vec<Tok<'s>>>,
    /// All the text lines between the row's line and the line above it that is no text
    /// line (another row, headings), top first: `above` is the end of it.
    up_run: Vec<Vec<Tok<'s>>>,
    /// The same below the row's line: `below` is the start of it.
    down_run: Vec<Vec<Tok<'s>>>,
    /// Whether `down_run` is the next row's `up_run` (the lines between two rows).
    shared_below: bool,
    /// The layout block (table) the row's line is in.
    block: usize,
}

impl<'s> Row<'s> {
    fn wrapped(&self) -> impl Iterator<Item = &Tok<'s>> {
        self.above.iter().chain(&self.below).flatten()
    }

    /// Whether the lines around the row are lines of their own (picture text), not a
    /// table's cells cut across its rows.
    fn picture_wrapped(&self) -> bool {
        self.wrapped().all(|t| t.ncells == 0)
    }
}

/// A line (or table row) between a table's headings and its end, as [`data_rows`] sorts it.
enum Line<'s> {
    /// A row with a value, and the layout block it is in.
    Data(Vec<Tok<'s>>, usize),
    /// A line of text alone outside a table: possibly a text cell of a row wrapped onto a
    /// line of its own, and its block.
    Text(Vec<Piece>, usize),
    /// A table row with text in its last cell only (the nature of ownership) and no value:
    /// a tall cell the converter cut into two table rows, at a page break or not.
    LastCell(Vec<Piece>, usize),
    /// Anything else (printed headings, a line in a table): no row's text runs across it.
    Other,
}

/// Groups the text between two positions into rows (a table row, or a line), drops the
/// rows of printed column headings, and lexes the rest. `page_tails`: a page's first text
/// lines may end the last row of the page before (see [`page_tail_lines`]); only Table
/// I's rows read them, where they are its last column's, the nature of ownership.
fn data_rows<'s>(
    segs: &'s [Segment],
    from: Pos,
    to: Pos,
    page_tails: bool,
    cx: &mut Ctx,
) -> Vec<Row<'s>> {
    let ps = pieces(segs, from, to);
    let mut groups: Vec<Vec<Piece>> = Vec::new();
    let mut last_key = None;
    for p in ps {
        let pl = segs[p.seg].place;
        // A table row is a row; outside tables each `<br>` line is one (picture text).
        let key = (pl.block, pl.row, if pl.in_table { 0 } else { pl.piece });
        if last_key != Some(key) {
            groups.push(Vec::new());
            last_key = Some(key);
        }
        if let Some(g) = groups.last_mut() {
            g.push(p);
        }
    }
    let mut lines = Vec::new();
    // Rules of the printed table read as `|` in lines of their own: the text is OCR's,
    // whose lines are too often out of order for text alone on a line to be a cell's.
    let mut ruled = false;
    for g in groups {
        if opens_another_part(segs, &g) {
            break;
        }
        ruled |= g.iter().any(|p| {
            let seg = &segs[p.seg];
            !seg.place.in_table && seg.text[p.a..p.b].contains('|')
        });
        // A row that turns out to be printed headings (or holds no value) is not read:
        // what its lexing repaired or doubted is forgotten.
        let mark = cx.mark();
        let toks = lex_row(segs, &g, cx);
        if toks.is_empty() {
            continue;
        }
        let all_bold = g.iter().all(|p| segs[p.seg].bold());
        if all_bold || is_heading_row(&toks, cx.damaged) {
            cx.rollback(mark);
            for p in &g {
                cx.cover_label(segs[p.seg].src_span(p.a, p.b));
            }
            lines.push(Line::Other);
            continue;
        }
        // A data row has a date or an amount; a lone small number is more often a column
        // number or a footnote mark that lost its parentheses.
        let has_value = toks.iter().any(|t| match t.kind {
            Kind::Date(_) => true,
            Kind::Num(n) => {
                t.dollar || n.is_zero() || n >= Decimal::from(10) || t.text.contains(['.', ','])
            }
            Kind::Marks => t.ncells > 0,
            _ => false,
        });
        let block = segs[g[0].seg].place.block;
        if !has_value {
            cx.rollback(mark);
            // In a cleanly read table, a row whose only values are broken ones is a row
            // lost, not debris: said, not only left among the unmapped text.
            if !cx.damaged && toks.iter().any(|t| t.kind == Kind::Garbled && t.ncells > 0) {
                let text: Vec<&str> = toks.iter().map(|t| &*t.text).collect();
                cx.warn(
                    WarningCode::Unreadable,
                    None,
                    &format!(
                        "a table row whose values could not be read was not read: `{}`",
                        text.join(" ")
                    ),
                    toks.first().map(|t| t.span),
                );
            }
            // Only exact text: in OCR'd lines, text alone is as often debris.
            let own_line = g.iter().all(|p| !segs[p.seg].place.in_table);
            // The last cell, or the one before an empty last cell (a grid one column wider
            // than the page's rows): all of the row's text in that one cell.
            let first_cell = g.first().map(|p| segs[p.seg].place.cell);
            let last_cell = g.iter().all(|p| {
                let pl = segs[p.seg].place;
                pl.in_table
                    && Some(pl.cell) == first_cell
                    && (pl.cell + 1 == pl.ncells && pl.ncells > 1
                        || pl.cell + 2 == pl.ncells && pl.ncells > 2)
            });
            lines.push(if own_line && !cx.damaged {
                Line::Text(g, block)
            } else if last_cell && !cx.damaged && toks.iter().any(|t| t.kind == Kind::Word) {
                Line::LastCell(g, block)
            } else {
                Line::Other
            });
            continue;
        }
        // A row of nothing but footnote marks, each under a value of the row above in its
        // own cell of the same grid, is that cell's end cut off by the grid
        // (`22,393.3497<sup>(1)</sup>` over `(2)`): the marks are the value's.
        if let Some(Line::Data(above, _)) = lines
            .last_mut()
            .filter(|l| matches!(l, Line::Data(_, b) if *b == block))
        {
            let owners: Option<Vec<usize>> = toks
                .iter()
                .map(|m| {
                    (m.kind == Kind::Marks && m.ncells > 0)
                        .then(|| {
                            above.iter().rposition(|t| {
                                t.cell.1 == m.cell.1
                                    && t.ncells == m.ncells
                                    && matches!(t.kind, Kind::Num(_) | Kind::Date(_))
                            })
                        })
                        .flatten()
                })
                .collect();
            if let Some(owners) = owners {
                for (m, k) in toks.into_iter().zip(owners) {
                    above[k].marks.extend(m.marks);
                    above[k].mark_spans.push(m.span);
                }
                continue;
            }
        }
        lines.push(Line::Data(toks, block));
    }
    if ruled {
        lines = lines
            .into_iter()
            .map(|l| match l {
                Line::Text(..) => Line::Other,
                l => l,
            })
            .collect();
    }
    // Where a cut cell's other part is: the first row under a page's repeated headings
    // ends the last row of the page before; elsewhere the part is above its row's line.
    let mut cut_cells: Vec<(usize, bool, Vec<Piece>)> = Vec::new();
    let mut data_seen = 0usize;
    let mut block_has_data: Option<usize> = None;
    for i in 0..lines.len() {
        match &lines[i] {
            Line::Data(_, b) => {
                data_seen += 1;
                block_has_data = Some(*b);
            }
            Line::LastCell(_, b) => {
                let b = *b;
                let first_in_block = block_has_data != Some(b);
                let next_is_row = matches!(lines.get(i + 1), Some(Line::Data(_, nb)) if *nb == b);
                let target = if first_in_block && data_seen > 0 {
                    Some((data_seen - 1, false))
                } else if next_is_row {
                    Some((data_seen, true))
                } else {
                    None
                };
                if let (Some((k, above)), Line::LastCell(g, _)) =
                    (target, std::mem::replace(&mut lines[i], Line::Other))
                {
                    cut_cells.push((k, above, g));
                }
            }
            _ => {}
        }
    }
    if page_tails {
        cut_cells.extend(
            page_tail_lines(segs, &mut lines)
                .into_iter()
                .map(|(k, g)| (k, false, g)),
        );
    }
    let mut rows = attach_wrapped_lines(segs, lines, cx);
    for (k, above, g) in cut_cells {
        let toks = lex_row(segs, &g, cx);
        if let Some(row) = rows.get_mut(k) {
            if above {
                row.above.push(toks);
            } else {
                row.below.push(toks);
            }
        }
    }
    if !cx.damaged {
        for row in &mut rows {
            marks_wrapped_below(row, cx);
        }
    }
    rows
}

/// Footnote marks alone on the line under a picture row, that go on the marks of a value
/// on the row's line (`2,639 (1)(2)` over `(3)`): the end of that value's narrow cell,
/// wrapped. The numbering tells whose: a value whose last mark is one less than the line's
/// first, and only one such. Only where no text is wrapped around the row and its line
/// ends with a value, not a text whose end the marks could be as well. Exact text only:
/// OCR'd lines are too often out of order.
fn marks_wrapped_below(row: &mut Row, cx: &mut Ctx) {
    let [line] = row.below.as_slice() else {
        return;
    };
    let marks_only = !line.is_empty()
        && line
            .iter()
            .all(|t| t.kind == Kind::Marks && t.ncells == 0 && !t.marks.is_empty());
    let picture = row.toks.iter().all(|t| t.ncells == 0);
    let ends_with_value = row
        .toks
        .last()
        .is_some_and(|t| !matches!(t.kind, Kind::Word | Kind::Garbled));
    // A text cell wrapped above the row may end in the marks as well (a heading's letter
    // left above the first row, `(D)`, is no text cell).
    let text_above = row.above.iter().flatten().any(|t| t.kind == Kind::Word);
    if text_above || !marks_only || !picture || !ends_with_value {
        return;
    }
    let Some(first) = line.iter().flat_map(|t| &t.marks).next().map(|m| m.0) else {
        return;
    };
    let owners: Vec<usize> = (0..row.toks.len())
        .filter(|&i| {
            let t = &row.toks[i];
            // (Marks printed apart from their value, `2,639 (1)(2)`, are a token of
            // their own, which the row's reading gives to the value.)
            matches!(t.kind, Kind::Num(_) | Kind::Date(_) | Kind::Marks)
                && t.marks
                    .last()
                    .is_some_and(|m| m.0.checked_add(1) == Some(first))
        })
        .collect();
    let [k] = owners[..] else {
        return;
    };
    let line = row.below.remove(0);
    if row
        .down_run
        .first()
        .is_some_and(|l| l.iter().map(|t| t.span).eq(line.iter().map(|t| t.span)))
    {
        row.down_run.remove(0);
    }
    let owner = &mut row.toks[k];
    let printed =
        |marks: &[FootnoteId]| -> String { marks.iter().map(|m| format!("({})", m.0)).collect() };
    let own = format!("{}{}", owner.text, printed(&owner.marks));
    let wrapped: Vec<String> = line.iter().map(|t| printed(&t.marks)).collect();
    for m in line {
        owner.marks.extend(m.marks);
        owner.mark_spans.push(m.span);
        owner.mark_spans.extend(m.mark_spans);
    }
    cx.repair(
        "table.footnote",
        RepairKind::JoinedText,
        &format!("{own} | {}", wrapped.join(" ")),
        &format!("{}{}", owner.text, printed(&owner.marks)),
        Some(owner.span),
    );
}

/// The lines of a page's picture text that end the last row of the page before, read in a
/// converter's grid: a tall cell cut by the page break (`Sequoia<br>Capital<br>U.S.` |
/// page break | repeated headings | `Growth VI`, `Fund, L.P.`, `(2)(3)`, then the page's
/// first row). They are the text lines before the page's first row, up to the last one
/// that ends with footnote marks (a cell's end: the lines after it are the first row's),
/// from the first line with a word of two letters (a heading's tail, `(D)`, is not a
/// cell's); taken only where the row before ends its line in a word without marks, so its
/// cell is unfinished. Each taken line is given as (data row index, pieces) and left
/// [`Line::Other`] here.
fn page_tail_lines(segs: &[Segment], lines: &mut [Line]) -> Vec<(usize, Vec<Piece>)> {
    let ends_with_marks = |g: &[Piece]| {
        g.last().is_some_and(|p| {
            let text = segs[p.seg].text.get(p.a..p.b).unwrap_or("").trim_end();
            !values::split_trailing_marks(text).1.is_empty()
        })
    };
    let has_word = |g: &[Piece]| {
        g.iter().any(|p| {
            segs[p.seg]
                .text
                .get(p.a..p.b)
                .unwrap_or("")
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() >= 2)
        })
    };
    let mut out = Vec::new();
    let mut rows_seen = 0usize;
    // The block of the last data row, and whether that row's line ends in a word with no
    // marks, in a table's cell.
    let mut last: Option<(usize, bool)> = None;
    let mut i = 0;
    while i < lines.len() {
        match &lines[i] {
            Line::Data(toks, b) => {
                let open = toks
                    .last()
                    .is_some_and(|t| t.ncells > 0 && t.kind == Kind::Word && t.marks.is_empty());
                last = Some((*b, open));
                rows_seen += 1;
                i += 1;
            }
            Line::Text(_, b) if last.is_some_and(|(lb, open)| open && lb != *b) => {
                let b = *b;
                let end = (i..lines.len())
                    .find(|&j| !matches!(&lines[j], Line::Text(_, jb) if *jb == b))
                    .unwrap_or(lines.len());
                let text = |j: usize| match &lines[j] {
                    Line::Text(g, _) => g.as_slice(),
                    _ => &[],
                };
                let first_row_next = matches!(lines.get(end), Some(Line::Data(_, nb)) if *nb == b);
                let tail_end = (i..end).rev().find(|&j| ends_with_marks(text(j)));
                if let (true, Some(j)) = (first_row_next, tail_end) {
                    let start = (i..j)
                        .rev()
                        .take_while(|&k| has_word(text(k)) || ends_with_marks(text(k)))
                        .last()
                        .unwrap_or(j);
                    if has_word(text(start)) {
                        for line in &mut lines[start..=j] {
                            if let Line::Text(g, _) = std::mem::replace(line, Line::Other) {
                                out.push((rows_seen - 1, g));
                            }
                        }
                    }
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Gives each data row the text lines around it that belong to its cells.
///
/// A converter that reads the page line by line (picture text) keeps no cells: a text cell
/// of several lines is printed centred on its row, so its first lines come out above the
/// row's line (with the values) and its last lines below it, each on a line of its own. A
/// cell centred on its row has as many lines above as below (one more on one side where the
/// converter merged a line into the row's); so the text lines between two rows are split
/// where both rows come out closest to that balance. A line ending with footnote marks ends
/// a cell, so it is rarely above a row. Lines no balanced reading takes (before the first
/// row, after the last) stay unread; where no reading is balanced, no line is taken.
/// (Which column a line belongs to is the table's to say: see [`t1_wrap_column`].)
fn attach_wrapped_lines<'s>(
    segs: &'s [Segment],
    lines: Vec<Line<'s>>,
    cx: &mut Ctx,
) -> Vec<Row<'s>> {
    // The costs of a reading. Lines before the first row are often the last of the
    // printed headings, cut short (`(D)`, `4)`); lines after the last row, before the next
    // part of the form, are rarely anything but its text.
    const UNBALANCED: usize = 2;
    const MARKS_ABOVE: usize = 5;
    const UNREAD_BELOW: usize = 3;
    const AFTER_MARKS: usize = 1;
    // Row k's text lines directly above and below it (indices into `lines`), in its block.
    let data: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(lines[i], Line::Data(..)))
        .collect();
    let block_of = |i: usize| match &lines[i] {
        Line::Data(_, b) | Line::Text(_, b) => Some(*b),
        Line::LastCell(..) | Line::Other => None,
    };
    let run = |i: usize, up: bool| -> Vec<usize> {
        let mut out = Vec::new();
        let mut k = i;
        loop {
            let next = if up { k.checked_sub(1) } else { Some(k + 1) };
            let Some(n) = next.filter(|&n| n < lines.len()) else {
                break;
            };
            if !matches!(lines[n], Line::Text(..)) || block_of(n) != block_of(i) {
                break;
            }
            out.push(n);
            k = n;
        }
        if up {
            out.reverse();
        }
        out
    };
    let ups: Vec<Vec<usize>> = data.iter().map(|&i| run(i, true)).collect();
    let downs: Vec<Vec<usize>> = data.iter().map(|&i| run(i, false)).collect();
    // Whether rows k and k + 1 share the lines between them.
    let shared = |k: usize| {
        downs[k].last().map_or(data[k] + 1, |&l| l + 1) == data[k + 1]
            && block_of(data[k]) == block_of(data[k + 1])
    };
    let ends_with_marks = |i: usize| match &lines[i] {
        Line::Text(g, _) => g.last().is_some_and(|p| {
            let text = segs[p.seg].text[p.a..p.b].trim_end();
            !values::split_trailing_marks(text).1.is_empty()
        }),
        _ => false,
    };
    // Cost of row k taking the last `a` lines above it: marks-ended lines above a row, and
    // (where the lines are not shared with the row before) the lines left unread.
    let above_cost = |k: usize, a: usize| -> u32 {
        let up = &ups[k];
        let taken = &up[up.len() - a..];
        let marks = taken.iter().filter(|&&i| ends_with_marks(i)).count();
        let unread = if k > 0 && shared(k - 1) {
            0
        } else {
            up.len() - a
        };
        (MARKS_ABOVE * marks + unread) as u32
    };
    // Cost of row k taking the first `b` lines below it: lines after a marks-ended one
    // (which ended a cell; only another cell's lines may follow).
    let below_cost = |k: usize, b: usize| -> usize {
        let after_marks = downs[k][..b]
            .windows(2)
            .filter(|w| ends_with_marks(w[0]))
            .count();
        AFTER_MARKS * after_marks
    };
    let n = data.len();
    let mut assigned: Vec<(usize, usize)> = vec![(0, 0); n];
    if n > 0 && ups.iter().chain(&downs).any(|r| !r.is_empty()) {
        const NONE: u32 = u32::MAX;
        // cost[k][a]: best cost of rows before k and row k's `a` lines above; `from` the
        // choice for row k - 1 it came from.
        let mut cost: Vec<Vec<u32>> = Vec::with_capacity(n);
        let mut from: Vec<Vec<usize>> = Vec::with_capacity(n);
        cost.push((0..=ups[0].len()).map(|a| above_cost(0, a)).collect());
        from.push(vec![0; ups[0].len() + 1]);
        // Row k's lines below when they are its alone: the balanced count leaving fewest unread.
        let own_below = |k: usize, a: usize| -> Option<(u32, usize)> {
            let len = downs[k].len();
            (a.saturating_sub(1)..=(a + 1).min(len))
                .map(|b| {
                    let c = UNBALANCED * a.abs_diff(b) + UNREAD_BELOW * (len - b);
                    ((c + below_cost(k, b)) as u32, b)
                })
                .min()
        };
        for k in 0..n.saturating_sub(1) {
            let mut next = vec![NONE; ups[k + 1].len() + 1];
            let mut back = vec![0; ups[k + 1].len() + 1];
            for (a, &c) in cost[k].iter().enumerate() {
                if c == NONE {
                    continue;
                }
                for a2 in 0..=ups[k + 1].len() {
                    let row_cost = if shared(k) {
                        let b = ups[k + 1].len() - a2;
                        if a.abs_diff(b) > 1 {
                            continue;
                        }
                        (UNBALANCED * a.abs_diff(b) + below_cost(k, b)) as u32
                    } else {
                        match own_below(k, a) {
                            Some((c, _)) => c,
                            None => continue,
                        }
                    };
                    let total = c + row_cost + above_cost(k + 1, a2);
                    if total < next[a2] {
                        next[a2] = total;
                        back[a2] = a;
                    }
                }
            }
            cost.push(next);
            from.push(back);
        }
        let last = n - 1;
        let best = cost[last]
            .iter()
            .enumerate()
            .filter(|(_, &c)| c != NONE)
            .filter_map(|(a, &c)| own_below(last, a).map(|(o, b)| (c + o, a, b)))
            .min();
        if let Some((_, mut a, b)) = best {
            assigned[last] = (a, b);
            for k in (0..last).rev() {
                let a_prev = from[k + 1][a];
                let b_prev = if shared(k) {
                    ups[k + 1].len() - a
                } else {
                    own_below(k, a_prev).map_or(0, |(_, b)| b)
                };
                assigned[k] = (a_prev, b_prev);
                a = a_prev;
            }
        }
    }
    let mut lexed: Vec<Option<Vec<Tok<'s>>>> = vec![None; lines.len()];
    let lex = |lexed: &mut [Option<Vec<Tok<'s>>>], i: usize, cx: &mut Ctx| {
        if lexed[i].is_none() {
            if let Line::Text(g, _) = &lines[i] {
                lexed[i] = Some(lex_row(segs, g, cx));
            }
        }
    };
    for (k, &(a, b)) in assigned.iter().enumerate() {
        let up = &ups[k];
        for &i in up[up.len() - a..].iter().chain(&downs[k][..b]) {
            lex(&mut lexed, i, cx);
        }
    }
    // The lines no row took, for a table that weighs other readings of the lines; what
    // lexing them repaired is forgotten, as they are not read.
    let mark = cx.mark();
    for &i in ups.iter().chain(&downs).flatten() {
        lex(&mut lexed, i, cx);
    }
    cx.rollback(mark);
    let get = |idx: &[usize]| -> Vec<Vec<Tok<'s>>> {
        idx.iter()
            .map(|&i| lexed[i].clone().unwrap_or_default())
            .collect()
    };
    let shared_below: Vec<bool> = (0..n).map(|k| k + 1 < n && shared(k)).collect();
    let mut lines: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
    let mut rows = Vec::with_capacity(n);
    for (k, &(a, b)) in assigned.iter().enumerate() {
        let up = &ups[k];
        let (toks, block) = match lines[data[k]].take() {
            Some(Line::Data(t, b)) => (t, b),
            _ => (Vec::new(), 0),
        };
        rows.push(Row {
            toks,
            above: get(&up[up.len() - a..]),
            below: get(&downs[k][..b]),
            up_run: get(up),
            down_run: get(&downs[k]),
            shared_below: shared_below[k],
            block,
        });
    }
    rows
}

/// Where a landmark is cut up by the grid (`Name and Address of Rep | orting Person`), the
/// part after a table is not found and its text would be read as rows. The first words of
/// those parts' labels survive the cut: a row holding them, or a `/s/` signature, ends
/// the table.
fn opens_another_part(segs: &[Segment], g: &[Piece]) -> bool {
    const OPENERS: [&[u8]; 3] = [
        b"nameandaddressofrep",
        b"relationshipofrep",
        b"signatureofrep",
    ];
    // Asked of every row of every table: bytes and a scan for the first byte rather than
    // characters and a substring searcher, whose set-up costs more than these short searches.
    let contains = |hay: &[u8], needle: &[u8]| {
        needle.first().is_some_and(|&first| {
            memchr::memchr_iter(first, hay).any(|i| hay[i..].starts_with(needle))
        })
    };
    let mut squashed: Vec<u8> = Vec::with_capacity(g.iter().map(|p| p.b - p.a).sum());
    for p in g {
        let text = &segs[p.seg].text[p.a..p.b];
        if contains(text.as_bytes(), b"/s/") {
            return true;
        }
        squashed.extend(crate::text::squashed(text).map(|(_, c)| c));
    }
    OPENERS.iter().any(|o| contains(&squashed, o))
}

/// The tables' printed column headings, as in every edition of the form. A word of a row
/// that occurs in them, whole or cut (`Transac`, `ction(s)`), is heading text.
const HEADING_TEXT: &str =
    "Table I Non-Derivative Securities Acquired, Disposed of, or Beneficially \
    Owned. Table II Derivative Securities (e.g., puts, calls, warrants, options, convertible \
    securities). Title of Security (Instr. 3). Transaction Date (Month/Day/Year). Deemed \
    Execution Date, if any. Transaction Code (Instr. 8) Code V. Securities Acquired (A) or \
    Disposed Of (D) (Instr. 3, 4 and 5) Amount (A) or (D) Price. Amount of Securities \
    Beneficially Owned Following Reported Transaction(s), Owned at end of Issuer's Fiscal \
    Year. Ownership Form: Direct (D) or Indirect (I). Nature of Indirect Beneficial Ownership. \
    Title of Derivative Security. Conversion or Exercise Price of Derivative Security. Number \
    of Derivative Securities Acquired (A) or Disposed of (D). Date Exercisable and Expiration \
    Date. Title and Amount of Securities Underlying Derivative Security, Amount or Number of \
    Shares. Price of Derivative Security. Number of derivative Securities Beneficially Owned \
    Following Reported Transaction(s). Amount of Securities Beneficially Owned.";

/// The column headings as [`is_heading_word`] looks words up in them.
struct Headings {
    /// The words, lower-case, sorted.
    words: Vec<String>,
    /// The letters, lower-case, run together.
    squashed: String,
    /// Every run of four bytes of `squashed`, sorted: a word with a run of four that is not
    /// here cannot be in `squashed`, which rules out most words of a data row without a
    /// substring search.
    quads: Vec<[u8; 4]>,
}

impl Headings {
    fn get() -> &'static Headings {
        static HEADINGS: std::sync::OnceLock<Headings> = std::sync::OnceLock::new();
        HEADINGS.get_or_init(|| {
            let lower = HEADING_TEXT.to_lowercase();
            let mut words: Vec<String> = lower
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            words.sort_unstable();
            words.dedup();
            let squashed: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
            let mut quads: Vec<[u8; 4]> = squashed
                .as_bytes()
                .windows(4)
                .filter_map(|q| q.try_into().ok())
                .collect();
            quads.sort_unstable();
            quads.dedup();
            Headings {
                words,
                squashed,
                quads,
            }
        })
    }

    fn may_contain(&self, w: &str) -> bool {
        w.as_bytes()
            .windows(4)
            .all(|q| self.quads.binary_search_by(|x| x.as_slice().cmp(q)).is_ok())
    }
}

/// Whether a word (lower-case letters) is a word of the column headings, or a piece of
/// four letters or more cut out of them (short pieces would match anything).
fn is_heading_word(w: &str, headings: &Headings) -> bool {
    headings
        .words
        .binary_search_by(|h| h.as_str().cmp(w))
        .is_ok()
        || (w.chars().count() >= 4 && headings.may_contain(w) && headings.squashed.contains(w))
}

fn is_heading_row(toks: &[Tok], damaged: bool) -> bool {
    let headings = Headings::get();
    if toks.iter().any(|t| matches!(t.kind, Kind::Date(_))) {
        return false;
    }
    let mut words = 0usize;
    let mut heading = 0usize;
    let mut letters = String::new();
    for t in toks.iter().filter(|t| !matches!(t.kind, Kind::Garbled)) {
        letters.clear();
        letters.extend(t.text.chars().filter(|c| c.is_alphabetic()));
        // `str::to_lowercase` minds context (a final sigma) that ASCII has none of.
        let lowered;
        let w = if letters.is_ascii() {
            letters.make_ascii_lowercase();
            letters.as_str()
        } else {
            lowered = letters.to_lowercase();
            lowered.as_str()
        };
        // Single letters (`V`, `(A)`, `D`) are as common in data rows as in headings.
        if w.chars().count() < 2 {
            continue;
        }
        words += 1;
        if is_heading_word(w, headings) {
            heading += 1;
        }
    }
    if words >= 2 && heading * 10 >= words * 7 {
        return true;
    }
    // Column numbers and `(Instr. 3, 4 and 5)` give headings small numbers only; a data
    // row has an amount, a price or a date.
    // Nor a zero, in a cleanly read document: columns and instructions are numbered from
    // 1, and a holding of Table II may print nothing stronger (`(3) (3) Class A Shares 0 0
    // D`; taken for a heading, such a row was lost without a word). OCR reads a heading's
    // letter `O` as a zero.
    let strong_number = toks.iter().any(|t| match t.kind {
        Kind::Num(n) => {
            t.dollar
                || (n.is_zero() && !damaged)
                || n >= Decimal::from(10)
                || t.text.contains(['.', ','])
        }
        _ => false,
    });
    words >= 6 && !strong_number && heading * 10 >= words * 3
}

/// Cuts a row into typed tokens and repairs split dates and numbers.
fn lex_row<'s>(segs: &'s [Segment], g: &[Piece], cx: &mut Ctx) -> Vec<Tok<'s>> {
    // A token per word at most: room for all at once, as a token is large to copy when the
    // vector grows. Words counted on bytes, not split again: a word only a non-ASCII space
    // ends costs at worst one more growth.
    let words_in_row = g
        .iter()
        .map(|p| ascii_word_count(&segs[p.seg].text.as_bytes()[p.a..p.b]))
        .sum();
    let mut toks: Vec<Tok> = Vec::with_capacity(words_in_row);
    // A `$` alone (its amount cut into the next cell or word) marks the amount after it.
    let mut pending_dollar: Option<Span> = None;
    // The piece whose first word a footnote mark cut across cells took (see `cut_mark`).
    let mut taken_first: Option<usize> = None;
    // For each piece, whether a later piece of its cell holds a value: worked out once, on
    // first need, so that a cell of many lines of marks stays linear.
    let mut value_after: Option<Vec<bool>> = None;
    for (pi, p) in g.iter().enumerate() {
        let seg = &segs[p.seg];
        let pl = seg.place;
        let cell = (pl.row, pl.cell, pl.piece);
        let ncells = if pl.in_table { pl.ncells } else { 0 };
        let text = &seg.text[p.a..p.b];
        let mut ws = words(text).peekable();
        let mut first = true;
        while let Some((wa, w0)) = ws.next() {
            if std::mem::take(&mut first) && taken_first == Some(pi) {
                continue;
            }
            let cut = if ws.peek().is_none() {
                cut_mark(segs, p, g.get(pi + 1), w0)
            } else {
                None
            };
            if let Some(c) = cut.as_ref().filter(|c| c.head == 0) {
                // The cell holds the mark alone: a column's value printed only as a mark.
                let head = seg.src_span(p.a + wa, p.a + wa + w0.len());
                cx.repair(
                    "table.footnote",
                    RepairKind::JoinedText,
                    &format!("`{w0}` and `{}` in the next cell", c.tail),
                    &format!("({})", c.id),
                    Some(head),
                );
                toks.push(Tok {
                    kind: Kind::Marks,
                    text: Cow::Borrowed(""),
                    span: head,
                    cell,
                    ncells,
                    marks: vec![c.id],
                    mark_spans: vec![head, c.tail_span],
                    extra_spans: Vec::new(),
                    dollar: false,
                    joined: false,
                    stray: false,
                    loose: false,
                });
                taken_first = Some(pi + 1);
                continue;
            }
            // A stray mark alone (`|`, `\\`) is no value and no text; it stays in the
            // unmapped text. Marks glued to a value make it unreadable (see `classify_text`).
            let w = cut.as_ref().map_or(w0, |c| &w0[..c.head]);
            if w.chars().all(|c| matches!(c, '\\' | '|' | '`' | '~' | '_')) {
                continue;
            }
            let a = p.a + wa;
            let span = seg.src_span(a, a + w.len());
            if w == "$" {
                pending_dollar = Some(span);
                continue;
            }
            let (rest, marks) = values::split_trailing_marks(w);
            // Most words carry no marks: their value's span is the word's, and they have no
            // mark span to keep.
            let (rest_span, mark_span) = if rest.len() == w.len() {
                (span, None)
            } else {
                (
                    seg.src_span(a, a + rest.len()),
                    Some(seg.src_span(a + rest.len(), a + w.len())),
                )
            };
            // A word holds no whitespace (`words`): nothing left of it but marks is empty.
            if rest.is_empty() {
                // Marks alone: glued to the value before them in the same cell (on the
                // same line or, wrapped, on the next), or a value of their own when alone
                // in their cell.
                // In OCR'd text the row is too noisy to weigh a mark against a column.
                // Marks alone on a later line of a cell that opened with an amount
                // (`78,667<br>(2)(3)`): the amount's own, wrapped, or (the converter merged
                // the cell with the next column) a date column printed only as marks.
                let wrapped_after_amount = pl.in_table
                    && !cx.damaged
                    && text.trim() == w0
                    && toks.last().is_some_and(|t| {
                        matches!(t.kind, Kind::Num(_))
                            && (t.cell.0, t.cell.1) == (cell.0, cell.1)
                            && t.cell.2 != cell.2
                    });
                let loose =
                    (!pl.in_table && !toks.is_empty() && !cx.damaged) || wrapped_after_amount;
                // A line of marks alone between a text and a value of a cell that holds
                // several columns (`Stock<br>(2)(3)<br>01/02/2013`) is a column's value,
                // printed only as marks, not the text's.
                let between = pl.in_table
                    && !cx.damaged
                    && text.trim() == w0
                    && toks.last().is_some_and(|t| t.cell.2 != cell.2)
                    && value_after
                        .get_or_insert_with(|| values_later_in_cells(segs, g))
                        .get(pi)
                        .copied()
                        .unwrap_or(false);
                if let Some(prev) = toks.last_mut().filter(|_| !between) {
                    let same_cell = prev.cell.0 == cell.0 && prev.cell.1 == cell.1;
                    if !loose && (same_cell || !pl.in_table) {
                        prev.marks.extend(marks);
                        prev.mark_spans.push(span);
                        continue;
                    }
                }
                toks.push(Tok {
                    kind: Kind::Marks,
                    text: Cow::Borrowed(""),
                    span,
                    cell,
                    ncells,
                    marks,
                    mark_spans: Vec::new(),
                    extra_spans: Vec::new(),
                    dollar: false,
                    joined: false,
                    stray: false,
                    loose,
                });
                continue;
            }
            let mut tok = Tok {
                kind: classify_text(rest),
                text: Cow::Borrowed(rest),
                span: rest_span,
                cell,
                ncells,
                marks,
                mark_spans: match mark_span {
                    Some(m) if m.end > m.start && m.start >= rest_span.end => vec![m],
                    _ => Vec::new(),
                },
                extra_spans: Vec::new(),
                dollar: rest.starts_with('$'),
                joined: false,
                stray: false,
                loose: false,
            };
            if matches!(tok.kind, Kind::Word) {
                // A stray `\` or `|` stuck to a word is debris, not part of a text.
                const STRAY: [char; 5] = ['\\', '|', '`', '~', '_'];
                let trimmed = tok.text.trim_matches(STRAY);
                if trimmed.len() != tok.text.len() && !trimmed.is_empty() {
                    let trimmed = trimmed.to_string();
                    let lead = tok.text.len() - tok.text.trim_start_matches(STRAY).len();
                    let span = seg.src_span(a + lead, a + lead + trimmed.len());
                    cx.repair(
                        "table.text",
                        RepairKind::StrayCharacters,
                        &tok.text,
                        &trimmed,
                        Some(span),
                    );
                    tok.kind = classify_text(&trimmed);
                    tok.text = trimmed.into();
                    tok.span = span;
                }
            }
            if let Some(n) = bare_amount(rest).filter(|_| !cx.damaged) {
                if alone_in_cell(segs, g, pi, text, w) {
                    tok.kind = Kind::Num(n);
                }
            }
            if let Some(d) = pending_dollar.take() {
                if matches!(tok.kind, Kind::Num(_)) {
                    tok.extra_spans.push(d);
                    tok.dollar = true;
                }
            }
            if let Some(c) = cut {
                let head = seg.src_span(a + c.head, a + w0.len());
                cx.repair(
                    "table.footnote",
                    RepairKind::JoinedText,
                    &format!("`{}` and `{}` in the next cell", &w0[c.head..], c.tail),
                    &format!("({})", c.id),
                    Some(head),
                );
                tok.marks.push(c.id);
                tok.mark_spans.extend([head, c.tail_span]);
                taken_first = Some(pi + 1);
            }
            toks.push(tok);
        }
    }
    years_inside_cells(&mut toks, cx.damaged);
    garbles_between_words(&mut toks, cx.damaged);
    par_values_in_text(&mut toks, cx.damaged);
    values_ending_last_cell(&mut toks, cx.damaged);
    demote_values_inside_text(&mut toks);
    keep_referred_note_numbers(&mut toks);
    marks_over_acquired_to_amount(&mut toks);
    demote_stray_digits(&mut toks, cx.damaged);
    join_cut_dates(&mut toks, cx);
    repair_split_dates(&mut toks, cx);
    repair_split_numbers(&mut toks, cx);
    // What no repair could mend takes its neighbours' doubtful pieces down with it.
    spread_garble(&mut toks);
    if cx.damaged {
        doubt_dot_separators(&mut toks, cx);
        doubt_crowded_cells(&mut toks, cx);
    }
    toks.truncate(MAX_ROW_TOKENS);
    // Every row of a table is lexed before any is read: keep no slack per row.
    toks.shrink_to_fit();
    toks
}

/// For each piece of row `g`, whether a later line (piece) of its cell holds a date or an
/// amount: one pass from the row's end.
fn values_later_in_cells(segs: &[Segment], g: &[Piece]) -> Vec<bool> {
    let mut out = vec![false; g.len()];
    let mut seen = false;
    let mut cell_of_seen = None;
    for (i, q) in g.iter().enumerate().rev() {
        let ql = segs[q.seg].place;
        let key = (ql.block, ql.row, ql.cell);
        if cell_of_seen != Some(key) {
            seen = false;
            cell_of_seen = Some(key);
        }
        out[i] = seen;
        seen |= words(&segs[q.seg].text[q.a..q.b]).any(|(_, w)| {
            let (rest, _) = values::split_trailing_marks(w);
            matches!(classify_text(rest), Kind::Date(_) | Kind::Num(_))
        });
    }
    out
}

/// Whether word `w` is all of the text of its table cell: `text` is piece `pi` of the row
/// `g`, and no other piece of the row is in the same cell.
fn alone_in_cell(segs: &[Segment], g: &[Piece], pi: usize, text: &str, w: &str) -> bool {
    let Some(p) = g.get(pi) else {
        return false;
    };
    let pl = segs[p.seg].place;
    let same_cell = |q: &Piece| {
        let ql = segs[q.seg].place;
        ql.block == pl.block && ql.row == pl.row && ql.cell == pl.cell
    };
    // A row's pieces are in cell order: the cell's other pieces are beside this one.
    let before = pi
        .checked_sub(1)
        .and_then(|i| g.get(i))
        .is_some_and(same_cell);
    let after = g.get(pi + 1).is_some_and(same_cell);
    pl.in_table && !before && !after && text.trim() == w
}

/// An amount printed without thousands separators (`33733`), read as one where it is all
/// of a table cell's text but its footnote marks: a filer's own typing the converter kept (5 rows of the corpus's
/// pymupdf4llm files). Four digits that may be a year (1900 to 2099) stay text: a year cut
/// from a title (`Series | 2020`) is as likely there, and the corpus's 1,329 amounts of
/// Tables I and II hold 12 such numbers, all printed with a separator. None of its amounts
/// has ten digits or more.
fn bare_amount(w: &str) -> Option<Decimal> {
    if !(4..=9).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = w.parse().ok()?;
    if w.len() == 4 && (1900..=2099).contains(&n) {
        return None;
    }
    values::parse_amount(w)
}

/// A footnote mark a table's cell boundary cut in two (`16,840<sup>(1</sup>|<sup>6)</sup>`,
/// `Footnote<sup>(</sup>|<sup>2)</sup>`): the opening bracket and first digits end the
/// last word of a piece, the other digits and the closing bracket are the first word of
/// the next cell of the row.
struct CutMark<'s> {
    /// Where the mark's head starts in the word.
    head: usize,
    id: FootnoteId,
    tail: &'s str,
    tail_span: Span,
}

/// The mark cut across cells that word `w`, the last of piece `p`, ends with, if any (see
/// [`CutMark`]). Only after a value or a word, or as a cell's whole text (`(`|`1)`: a
/// column printed only as a mark); a mark alone among other words is left as it is.
fn cut_mark<'s>(
    segs: &'s [Segment],
    p: &Piece,
    next: Option<&Piece>,
    w: &str,
) -> Option<CutMark<'s>> {
    let head = w.rfind('(')?;
    let first = &w[head + 1..];
    if !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let pl = segs[p.seg].place;
    let whole_cell = head == 0
        && first.is_empty()
        && pl.in_table
        && pl.piece == 0
        && segs[p.seg].text[p.a..p.b].trim() == w;
    if !whole_cell && values::split_trailing_marks(&w[..head]).0.trim().is_empty() {
        return None;
    }
    let next = next?;
    let npl = segs[next.seg].place;
    let next_cell = pl.in_table
        && npl.in_table
        && npl.block == pl.block
        && npl.row == pl.row
        && npl.cell == pl.cell + 1
        && npl.piece == 0
        && next.a == 0;
    if !next_cell {
        return None;
    }
    let text = &segs[next.seg].text[next.a..next.b];
    let (ta, tail) = words(text).next()?;
    let rest = tail.strip_suffix(')')?;
    let digits = format!("{first}{rest}");
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok().filter(|&n| n > 0)?;
    Some(CutMark {
        head,
        id: FootnoteId(n),
        tail,
        tail_span: segs[next.seg].src_span(next.a + ta, next.a + ta + tail.len()),
    })
}

/// How many runs of bytes other than ASCII whitespace `text` holds: its [`words`] when
/// it has no other whitespace, fewer when it has.
fn ascii_word_count(text: &[u8]) -> usize {
    let mut in_word = false;
    let mut n = 0;
    for b in text {
        let space = b.is_ascii_whitespace();
        n += usize::from(!space && !in_word);
        in_word = !space;
    }
    n
}

/// Words of a text with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Reads a word as a value; a word that looks like a broken value (`O1/01/2001`, `$l.00`)
/// is [`Kind::Garbled`], so it can never become part of a text.
fn classify_text(w: &str) -> Kind {
    // Most words hold no digit: no date, no amount, no broken value (all need digits).
    if !w.bytes().any(|b| b.is_ascii_digit()) {
        return letter_or_word(w);
    }
    let kind = classify(w);
    // A rate (`6.75%` of `6.75% Notes`) is a word of a title, never a broken value. (Over
    // the corpus: two OCR'd rows move, one amount owned gained right, one wrong nature
    // stays wrong.)
    if !matches!(kind, Kind::Word) || w.ends_with('%') {
        return kind;
    }
    // `2019,` in `Holdings 2019, LP`: a number or date followed by punctuation is text (or
    // the head of a cut number, which the repairs look at), not a broken value.
    let core = w.trim_end_matches([',', ';', ':']);
    if core.len() < w.len()
        && (values::parse_amount(core).is_some() || values::parse_date(core).is_some())
    {
        return kind;
    }
    let digits = w.chars().filter(char::is_ascii_digit).count();
    if digits == 0 || w.chars().count() < 2 {
        return kind;
    }
    // Look-alike letters (`O1/01/2001`) are not mended: in the corpus a value with one
    // misread character usually has others, so a mended value would often be wrong.
    // Mostly digits and value punctuation, its letters only look-alikes of digits: a value
    // OCR broke, not a word (`401k` is a word).
    let lookalike = |c: &char| matches!(c, 'O' | 'o' | 'l' | 'I' | 'i' | 'S' | 's');
    if !w
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| lookalike(&c))
    {
        return kind;
    }
    let valueish = w
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '/' | '$' | '-'))
        .count();
    if valueish * 2 >= w.chars().count() {
        return Kind::Garbled;
    }
    kind
}

/// The head of a number cut after a separator, its digits misread as look-alike letters
/// (`l,` of `1,|100,000`), when a number follows it (`Fund ll,` alone is a misread name,
/// and `Fund I,` a word).
fn misread_head(w: &str) -> bool {
    w.len() >= 2
        && w.ends_with(',')
        && w[..w.len() - 1]
            .bytes()
            .all(|b| matches!(b, b'l' | b'O' | b'o' | b'S' | b',' | b'.'))
        && w.bytes().any(|b| matches!(b, b'l' | b'O' | b'o' | b'S'))
}

fn classify(w: &str) -> Kind {
    // A date followed by a comma is inside a sentence (`Trust dtd 6/12/2016, Dale …`), so
    // only the whole word is tried.
    if let Some(d) = values::parse_date(w) {
        return Kind::Date(d);
    }
    // A percentage is no value of the tables (shares, prices): a rate in a title
    // (`6.75% Notes`) or OCR's debris.
    if w.ends_with('%') {
        return Kind::Word;
    }
    let core = w.trim_end_matches([',', ';']);
    // `9,` is the first piece of a number cut after its separator (`9,|134`), not 9.
    if core.len() == w.len() || w.ends_with(';') {
        if let Some(n) = values::parse_amount(core) {
            // The form prints amounts with thousands separators; four or more digits
            // without one are something else (a year, a misread date, a CIK, digits run
            // together).
            let int_digits = core
                .trim_start_matches('$')
                .split('.')
                .next()
                .unwrap_or("")
                .len();
            if int_digits >= 4 && !core.contains(',') {
                return Kind::Word;
            }
            return Kind::Num(n);
        }
    }
    letter_or_word(w)
}

/// A column letter (`A`, `(D)`) or text.
fn letter_or_word(w: &str) -> Kind {
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_ascii_uppercase() {
            return Kind::Letter(c);
        }
    }
    // `(A)`, `(D)`: letters some layouts print in parentheses.
    if w.len() == 3 && w.starts_with('(') && w.ends_with(')') {
        let c = w.as_bytes()[1] as char;
        if c.is_ascii_uppercase() {
            return Kind::Letter(c);
        }
    }
    Kind::Word
}

/// In OCR'd text a comma is often read as a period: `38.184` may be 38,184 printed by the
/// form or a fractional 38.184 (which 401(k) holdings do have). With no `$` to make it a
/// price, such a number cannot be told apart, so it is left out with a warning.
fn doubt_dot_separators(toks: &mut [Tok], cx: &mut Ctx) {
    for t in toks.iter_mut() {
        if t.dollar || !matches!(t.kind, Kind::Num(_)) {
            continue;
        }
        let Some((int, frac)) = t.text.split_once('.') else {
            continue;
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (1..=3).contains(&int.len()) && frac.len() == 3 && digits(int) && digits(frac) {
            t.kind = Kind::Garbled;
            cx.warn(
                WarningCode::Unreadable,
                Some("table"),
                &format!(
                    "`{}` reads as {} or as {int},{frac} (OCR often takes a comma for a period): left out",
                    t.text, t.text
                ),
                Some(t.span),
            );
        }
    }
}

/// A lone digit 1–9 is far more often a footnote mark that lost its parentheses, or a
/// column number, than an amount (a handful of the corpus's 1,758 amounts are single
/// digits, and those few print with a `$` or decimals): it is not read as one, unless
/// its neighbours pin its column (see [`pinned_amount`]).
///
/// In OCR'd text the same holds for two digits: marks like `(10)` lose their parentheses
/// and pieces of cut amounts stand alone, while counts of 10 to 99 are rare (26 of the
/// corpus's 1,329 share counts).
fn demote_stray_digits(toks: &mut [Tok], damaged: bool) {
    let longest = if damaged { 2 } else { 1 };
    for i in 0..toks.len() {
        let t = &toks[i];
        let short = t.text.len() <= longest && t.text.bytes().all(|b| b.is_ascii_digit());
        if t.dollar || !short || !matches!(t.kind, Kind::Num(n) if !n.is_zero()) {
            continue;
        }
        // Alone in a table cell it is no text either (a piece of a cut value): no column
        // takes it. Among words it may be part of a title (`Series 1 Preferred`).
        let alone = alone_in_its_cell(toks, i);
        if alone && !damaged && pinned_amount(toks, i) {
            continue;
        }
        toks[i].kind = Kind::Word;
        toks[i].stray = alone;
    }
}

/// Whether token `i` came from a table cell that holds no other token.
fn alone_in_its_cell(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.ncells > 0
            && !toks
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && o.cell == t.cell)
    })
}

/// A lone digit in a cell of its own between two cells whose letters pin its column, the
/// transaction code and the (A)/(D) letter (`S | 3 | D`: the amount) or a `$` price and
/// the D/I letter (`$174.07 | 8 | I`: the amount owned), is that column's amount: a mark
/// or a piece of a cut number has no place there.
fn pinned_amount(toks: &[Tok], i: usize) -> bool {
    let (Some(before), Some(after)) = (i.checked_sub(1).and_then(|k| toks.get(k)), toks.get(i + 1))
    else {
        return false;
    };
    if !alone_in_its_cell(toks, i - 1) || !alone_in_its_cell(toks, i + 1) {
        return false;
    }
    match (&before.kind, &after.kind) {
        (Kind::Letter(c), Kind::Letter('A' | 'D')) => code_letter(*c).is_some(),
        (Kind::Num(_), Kind::Letter('D' | 'I')) => before.dollar,
        _ => false,
    }
}

/// Each column of the form holds one value, so in OCR'd text a cell whose lines hold two
/// amounts (`9.4<br>22,200`) has debris in it that cannot be told from the value: both
/// are left out. A `$` amount above a count is a price and an amount from two columns
/// that a converter's grid merged (`D<br>$25.71<br>8,925`), not debris.
fn doubt_crowded_cells(toks: &mut [Tok], cx: &mut Ctx) {
    let is_num = |t: &Tok| matches!(t.kind, Kind::Num(_)) && !t.dollar;
    let crowded: Vec<usize> = (0..toks.len())
        .filter(|&i| {
            let (row, cell, line) = toks[i].cell;
            is_num(&toks[i])
                && toks[i].ncells > 0
                && toks
                    .iter()
                    .any(|t| is_num(t) && t.cell.0 == row && t.cell.1 == cell && t.cell.2 != line)
        })
        .collect();
    for i in crowded {
        cx.warn(
            WarningCode::Unreadable,
            Some("table.amount"),
            &format!(
                "`{}` shares its cell with another amount on another line: one of them is OCR debris, so neither is read",
                toks[i].text
            ),
            Some(toks[i].span),
        );
        toks[i].kind = Kind::Garbled;
    }
}

/// A broken value cut at a separator (`l00, | 100`) takes the piece beside it down with
/// it: `100` alone would be a different value.
fn spread_garble(toks: &mut [Tok]) {
    // `l,` or `O.`: a digit's look-alike with a separator is a broken piece of a number.
    let broken = |t: &Tok| {
        matches!(t.kind, Kind::Garbled)
            || (matches!(t.kind, Kind::Word)
                && t.text.chars().count() <= 3
                && t.text.contains([',', '.'])
                && t.text.chars().all(|c| {
                    matches!(c, 'O' | 'o' | 'l' | 'I' | 'i' | 'S' | 'B' | ',' | '.')
                        || c.is_ascii_digit()
                }))
    };
    for i in 0..toks.len().saturating_sub(1) {
        let (a, b) = (&toks[i], &toks[i + 1]);
        // `l | 10,000`: a lower-case look-alike of a digit is never a value of the form; in
        // the cell before an amount it is that amount's first digit, misread and cut off.
        // (`O` is also a rare transaction code; before a cut date it is a misread zero.)
        let broken_head = (matches!(a.text.as_ref(), "l" | "o")
            || (a.text == "O" && a.cell != b.cell && b.text.contains('/')))
            || (a.text.starts_with('$') && !matches!(a.kind, Kind::Num(_)) && a.text.len() <= 3);
        let broken_tail = matches!(b.text.as_ref(), "l" | "o") && matches!(a.kind, Kind::Num(_));
        if broken_tail || (broken_head && matches!(b.kind, Kind::Num(_) | Kind::Date(_))) {
            toks[i].kind = Kind::Garbled;
            toks[i + 1].kind = Kind::Garbled;
            continue;
        }
        // `$1 | 6.l6`: an amount next to an unreadable piece in the next cell may be only
        // the head (or tail) of it; it cannot be trusted alone.
        let cut_pair = a.cell != b.cell
            && ((matches!(a.kind, Kind::Num(_) | Kind::Date(_))
                && matches!(b.kind, Kind::Garbled))
                || (matches!(a.kind, Kind::Garbled)
                    && matches!(b.kind, Kind::Num(_) | Kind::Date(_))));
        if cut_pair {
            toks[i].kind = Kind::Garbled;
            toks[i + 1].kind = Kind::Garbled;
            continue;
        }
        let joined_by_sep = a.text.ends_with([',', '.']) || b.text.starts_with([',', '.']);
        if !joined_by_sep || a.cell != b.cell {
            continue;
        }
        if (broken(a) && matches!(b.kind, Kind::Num(_)))
            || (matches!(a.kind, Kind::Num(_)) && broken(b))
        {
            toks[i].kind = Kind::Garbled;
            toks[i + 1].kind = Kind::Garbled;
        }
    }
}

/// Whether two tokens come from the same cell of the same row (whatever line of it).
fn same_cell(a: &Tok, b: &Tok) -> bool {
    a.cell.0 == b.cell.0 && a.cell.1 == b.cell.1
}

/// Two tokens of one text: of one table cell (whatever its line), or of one line of
/// plain text (a line of picture text holds a row's values run together, but the lines
/// wrapped around it belong to other rows' cells as well).
fn same_text(a: &Tok, b: &Tok) -> bool {
    if a.ncells == 0 || b.ncells == 0 {
        a.ncells == b.ncells && a.cell == b.cell
    } else {
        same_cell(a, b)
    }
}

/// A word of text: two letters or more.
fn wordy(t: &Tok) -> bool {
    matches!(t.kind, Kind::Word) && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// A year printed in a text's own cell, beside its words (`Preferred Shares, Series
/// 2020-1`, `2019 Plan Units`, `Notes due 2027`), or a number after `#`: part of the security's name, not a value
/// broken by OCR, which is what [`classify_text`] takes a word of digits and hyphens for.
/// Taken for a broken value, it cut the text in two or, at the text's end, lost the whole
/// row (the corpus's one such title, a Form 3 holding, in all three digital renderings).
/// Only in a cleanly read document: in OCR'd text a year-shaped word beside a title may be
/// an amount that lost its separator (and a `#2` as likely debris). Over the corpus it
/// moves no other value.
/// A line of picture text (values run together) is held to the same rule, word beside
/// word on the same line: the form prints a count of 1,000 or more with separators (all
/// 240 such amounts of the corpus's digital renderings' tables), so a bare year-shaped
/// number there is no count. Taken for debris, the year was dropped from the middle or
/// end of its title (`Senior Notes due 2031` read as `Senior Notes due`).
fn years_inside_cells(toks: &mut [Tok], damaged: bool) {
    if damaged {
        return;
    }
    let year = |w: &str| {
        // A number sign (`By LLC #2`, `Trust #4`) makes a number a name's too.
        if w.len() > 1 && w.starts_with('#') && w[1..].bytes().all(|b| b.is_ascii_digit()) {
            return true;
        }
        // In brackets too: `(2022 Grant)`, `Units (2020-2022)`.
        let w = w
            .trim_start_matches('(')
            .trim_end_matches([')', ',', ';', ':']);
        let (head, tail) = w.split_once('-').unwrap_or((w, ""));
        head.len() == 4
            && head
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2099).contains(&y))
            && tail.len() <= 4
            && tail.bytes().all(|b| b.is_ascii_digit())
    };
    for i in 0..toks.len() {
        let t = &toks[i];
        if !matches!(t.kind, Kind::Garbled) || !year(&t.text) {
            continue;
        }
        // Any word: a dash too (`Common Stock - 2031 Grant`, the year's only neighbour in
        // its cell when the grid cut the cell after it).
        let beside = |j: usize| {
            toks.get(j)
                .is_some_and(|n| same_text(n, t) && matches!(n.kind, Kind::Word))
        };
        if (i > 0 && beside(i - 1)) || beside(i + 1) {
            toks[i].kind = Kind::Word;
        }
    }
}

/// A word of digits and punctuation between two words of a text (`-2` of `Series B -2
/// Preferred Stock`, `1/2` of `Class 1/2 Units`) is the text's, in a cleanly read
/// document: [`classify_text`] takes it for a value broken by OCR, which no column reads,
/// and skipped, it cut the text in two, the reading keeping the longer half (`Preferred
/// Stock`) without a word. A value the converter's grid cut has a value's piece beside it,
/// not two words; the word after it must be in the same cell (or line) as the piece and
/// have two letters. Over the corpus it moves no value (the only such pieces between words
/// are the headings' numbers).
fn garbles_between_words(toks: &mut [Tok], damaged: bool) {
    if damaged {
        return;
    }
    let texty = |t: &Tok| matches!(t.kind, Kind::Word | Kind::Letter(_)) && t.marks.is_empty();
    for i in 1..toks.len().saturating_sub(1) {
        let (prev, t, next) = (&toks[i - 1], &toks[i], &toks[i + 1]);
        // `1.`, `4)`, `3,`: the headings' column numbers and instructions (`(Instr. 3, 4
        // and 5)`), printed among their words in every table of the corpus.
        let numbering = t.text.ends_with(['.', ')', ',']);
        if !matches!(t.kind, Kind::Garbled) || numbering || !texty(prev) || !texty(next) {
            continue;
        }
        // The word after it carries the text on (a code letter after it is the next
        // column's), and a date with debris glued to it (`\01/20/2019`) is the date
        // column's value damaged, not text.
        let carried_on = same_text(next, t) && wordy(next);
        let core = t.text.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if carried_on && values::parse_date(core).is_none() {
            toks[i].kind = Kind::Word;
        }
    }
}

/// An amount right after `value` in its cell (`Common Stock, par value $0.01`, `Ordinary
/// Shares, nominal value 0.01`) states the security's par value: part of its name, not a
/// price or a count. Read as one, it took the row's values one column to the right or cut
/// the title short. Only in a cleanly read table's cells: in a line of OCR'd text the
/// amount after `par value` is the next column's (`Common Stock, $0.01 par value 157,800`).
/// A line of picture text runs the row's values together after the title, so there only a
/// `$` amount right after `par value` (or `nominal value`) is the title's: no count is
/// printed with a `$`, and the one price that may follow a title directly (Table II's
/// conversion price) follows a title that has stated its par value before (`$0.01 par
/// value $12.50`). Read as a price, it cost a holding row its values.
fn par_values_in_text(toks: &mut [Tok], damaged: bool) {
    if damaged {
        return;
    }
    for i in 1..toks.len() {
        let (prev, t) = (&toks[i - 1], &toks[i]);
        let after_value = matches!(prev.kind, Kind::Word)
            && prev.text.eq_ignore_ascii_case("value")
            && prev.marks.is_empty()
            && matches!(t.kind, Kind::Num(_));
        if !after_value {
            continue;
        }
        let stated = if t.ncells > 0 {
            same_cell(prev, t)
        } else {
            let line = |k: usize| toks.get(k).is_some_and(|o| same_text(o, t));
            let par = i >= 2
                && line(i - 2)
                && ["par", "nominal"]
                    .iter()
                    .any(|w| toks[i - 2].text.eq_ignore_ascii_case(w));
            // `$0.01 par value $12.50`: the par value came first, the amount after is the
            // next column's.
            let stated_before = i >= 3
                && line(i - 3)
                && toks[i - 3].dollar
                && matches!(toks[i - 3].kind, Kind::Num(_));
            t.dollar && same_text(prev, t) && par && !stated_before
        };
        if stated {
            toks[i].kind = Kind::Word;
        }
    }
    // Before `par value` on a line of picture text (`Common Stock, $0.01 par value 1,000
    // D`): no column's value is printed before a title's words. (In a cell, a number
    // between two words is the text's already: [`demote_values_inside_text`].)
    for i in 0..toks.len() {
        let t = &toks[i];
        let on_line = |k: usize, w: &str| {
            toks.get(k)
                .is_some_and(|o| same_text(o, t) && o.text.eq_ignore_ascii_case(w))
        };
        let par = ["par", "nominal"].iter().any(|w| on_line(i + 1, w));
        if t.ncells == 0
            && t.dollar
            && matches!(t.kind, Kind::Num(_))
            && par
            && on_line(i + 2, "value")
        {
            toks[i].kind = Kind::Word;
        }
    }
}

/// The nature of ownership is the last column of both tables: a date or number that ends
/// the row, after words of its own cell (`By Acme Family Trust dated 1/2/2015`), is the
/// nature's, not a value of a column of its own, which would have to come after it. Only
/// in a cleanly read table; in the corpus, no such cell (it moves no value).
/// On a line of picture text only a date is taken so: a row's line ends with its
/// ownership form (`D`, `I`) or its nature, and a date never ends a row of either table
/// (Table II's dates come before its underlying security), while a count ending the line
/// may be a holding's amount whose ownership form was left blank.
fn values_ending_last_cell(toks: &mut [Tok], damaged: bool) {
    if damaged {
        return;
    }
    // Marks may follow it: the nature's own.
    let Some(i) = toks.iter().rposition(|t| t.kind != Kind::Marks) else {
        return;
    };
    let (Some(prev), Some(t)) = (i.checked_sub(1).and_then(|k| toks.get(k)), toks.get(i)) else {
        return;
    };
    let in_cell = t.ncells > 1 && matches!(t.kind, Kind::Date(_) | Kind::Num(_));
    let on_line = t.ncells == 0 && matches!(t.kind, Kind::Date(_));
    if (in_cell || on_line) && same_text(prev, t) && wordy(prev) {
        toks[i].kind = Kind::Word;
    }
}

/// In a table cell, a date or number between two words is part of a text
/// (`Trust U/A Dtd 03/14/2001 FBO …`, `Common Stock, $0.01<br>par value`), not a value
/// of its own column. The words may be on other lines of the cell.
fn demote_values_inside_text(toks: &mut [Tok]) {
    let wordy = |t: &Tok| {
        matches!(t.kind, Kind::Word) && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
    };
    for i in 1..toks.len().saturating_sub(1) {
        if toks[i].ncells == 0 || !matches!(toks[i].kind, Kind::Date(_) | Kind::Num(_)) {
            continue;
        }
        // Row and cell, whatever its line within the cell.
        let same = |j: usize| toks[j].cell.0 == toks[i].cell.0 && toks[j].cell.1 == toks[i].cell.1;
        if same(i - 1)
            && same(i + 1)
            && wordy(&toks[i - 1])
            && wordy(&toks[i + 1])
            && toks[i - 1].marks.is_empty()
        {
            toks[i].kind = Kind::Word;
        }
    }
}

/// Marks alone on the first line of the (A)/(D) cell, over an `A`, right after the amount
/// in the cell before (`2,420<sup>(1)</sup>|<sup>(2)</sup><br>A`): the amount's marks, cut
/// off into the next cell by the converter's column boundary. The (A)/(D) column carries
/// no footnote in any of the corpus's 120 truths. Only over `A`: a `D` may be the
/// ownership form, whose marks are its own (15 in the truths). In the corpus this gives
/// one Table I amount its second mark (pymupdf4llm) and moves no other value.
fn marks_over_acquired_to_amount(toks: &mut Vec<Tok>) {
    let mut i = 1;
    while i + 1 < toks.len() {
        let (prev, t, next) = (&toks[i - 1], &toks[i], &toks[i + 1]);
        let over_a = matches!(t.kind, Kind::Marks)
            && !t.loose
            && t.ncells > 0
            && matches!(next.kind, Kind::Letter('A'))
            && next.cell.0 == t.cell.0
            && next.cell.1 == t.cell.1
            && next.cell.2 > t.cell.2;
        let after_amount = matches!(prev.kind, Kind::Num(_))
            && !prev.dollar
            && prev.cell.0 == t.cell.0
            && prev.cell.1 + 1 == t.cell.1;
        if over_a && after_amount {
            let marks = toks.remove(i);
            let amount = &mut toks[i - 1];
            amount.marks.extend(marks.marks);
            amount.mark_spans.push(marks.span);
            amount.mark_spans.extend(marks.mark_spans);
            continue;
        }
        i += 1;
    }
}

/// A note's number written out after the word `Footnote` in a nature (`See<br>Footnote 2.`)
/// is the text's: a filer's prose, not a value broken by OCR ([`classify_text`] takes a
/// lone `2.` for one). Only the `N.` form: a bare `N` is already text (see
/// [`demote_stray_digits`]), and `(N)` is a mark.
/// The corpus's truth has one such nature (`See Footnote 2.`), read by three renderings;
/// none of its 1,329 amounts of Tables I and II follows the word `footnote` or `note`.
fn keep_referred_note_numbers(toks: &mut [Tok]) {
    for i in 1..toks.len() {
        let (prev, t) = (&toks[i - 1], &toks[i]);
        let number = values::item_number(&t.text, &['.']);
        let note_word = matches!(prev.kind, Kind::Word)
            && prev.marks.is_empty()
            && ["footnote", "note"]
                .iter()
                .any(|w| prev.text.eq_ignore_ascii_case(w));
        let same_cell = prev.cell.0 == t.cell.0 && prev.cell.1 == t.cell.1;
        if number && note_word && same_cell && t.marks.is_empty() && matches!(t.kind, Kind::Garbled)
        {
            toks[i].kind = Kind::Word;
        }
    }
}

/// Logs the repair of a date put together from `pieces`.
fn log_split_date(pieces: &[Tok], d: Date, cx: &mut Ctx) {
    let from: Vec<&str> = pieces.iter().map(|t| &*t.text).collect();
    cx.repair(
        "table.date",
        RepairKind::SplitDate,
        &from.join(" | "),
        &d.to_string(),
        pieces.first().map(|t| t.span),
    );
}

/// `03 | /23/2020` or `03/23/2 | 020` → 2020-03-23: a date cut in two or three pieces,
/// each made only of digits and slashes, whose pieces put together form a whole date.
fn join_cut_dates(toks: &mut Vec<Tok>, cx: &mut Ctx) {
    let damaged = cx.damaged;
    let piece = |t: &Tok| {
        !matches!(t.kind, Kind::Date(_))
            && t.marks.is_empty()
            && !t.text.is_empty()
            && t.text.bytes().all(|b| b.is_ascii_digit() || b == b'/')
    };
    let mut i = 0;
    while i < toks.len() {
        if !piece(&toks[i]) {
            i += 1;
            continue;
        }
        let mut joined = toks[i].text.to_string();
        let mut found = None;
        for (j, t) in toks.iter().enumerate().take(i + 3).skip(i + 1) {
            // The last piece may carry the footnote marks of the whole date.
            if t.text.is_empty() || !t.text.bytes().all(|b| b.is_ascii_digit() || b == b'/') {
                break;
            }
            joined.push_str(&t.text);
            if let Some(d) = values::parse_date(&joined) {
                found = Some((d, j));
                break;
            }
        }
        let Some((d, j)) = found else {
            i += 1;
            continue;
        };
        // A lone digit before a whole date (`1 | 1/18/2021`) was set aside as a stray
        // one: in exact text it is the date's head that the grid cut off, and the date is
        // read whole; in OCR'd text a stray digit is as often debris, so the date is not
        // known and is left out, said.
        let unsure = damaged && toks[i..=j].iter().any(|t| t.stray);
        if unsure {
            let from: Vec<&str> = toks[i..=j].iter().map(|t| &*t.text).collect();
            cx.warn(
                WarningCode::Unreadable,
                Some("table"),
                &format!(
                    "`{}` reads as the date {d} cut in pieces or as a stray digit before a date: left out",
                    from.join(" | ")
                ),
                Some(toks[i].span),
            );
        } else {
            log_split_date(&toks[i..=j], d, cx);
        }
        let rest: Vec<Tok> = toks.drain(i + 1..=j).collect();
        let t = &mut toks[i];
        t.kind = if unsure { Kind::Garbled } else { Kind::Date(d) };
        t.stray = false;
        t.text = joined.into();
        for r in rest {
            absorb(t, r);
        }
        i += 1;
    }
}

/// `11/01/20 | )20 | 20` → 2020-11-01: a date whose year was cut off, completed by the
/// digit fragments that follow it; the fragments' debris is consumed with it.
fn repair_split_dates(toks: &mut Vec<Tok>, cx: &mut Ctx) {
    let frag = |t: &Tok| -> Option<String> {
        let core = t.text.trim_matches(|c: char| c == ')' || c == '(');
        (!core.is_empty()
            && core.len() <= 4
            && core.bytes().all(|b| b.is_ascii_digit())
            && t.marks.is_empty())
        .then(|| core.to_string())
    };
    let mut i = 0;
    while i < toks.len() {
        let short_year = matches!(toks[i].kind, Kind::Word | Kind::Garbled | Kind::Num(_))
            && values::date_parts(toks[i].text.trim_end_matches('/'))
                .is_some_and(|(_, _, y)| y.len() < 4)
            || toks[i].text.ends_with('/')
                && values::date_parts(&format!("{}0000", toks[i].text)).is_some();
        if !short_year {
            i += 1;
            continue;
        }
        let head = toks[i].text.clone();
        let mut fixed = None;
        for (j, t) in toks.iter().enumerate().take(i + 4).skip(i + 1) {
            let Some(f) = frag(t) else { break };
            let cand = format!("{head}{f}");
            if let Some(d) = values::parse_date(&cand) {
                fixed = Some((d, j));
                break;
            }
        }
        let Some((d, j)) = fixed else {
            i += 1;
            continue;
        };
        let year_tail = d.year().to_string();
        let mut end = j + 1;
        // Pieces of the same year repeated right after it are debris of the split.
        while end < toks.len() {
            match frag(&toks[end]) {
                Some(f) if f.len() <= 2 && year_tail.contains(&f) => end += 1,
                _ => break,
            }
        }
        let spans: Vec<Span> = toks[i + 1..end].iter().map(|t| t.span).collect();
        log_split_date(&toks[i..end], d, cx);
        toks[i].kind = Kind::Date(d);
        toks[i].extra_spans.extend(spans);
        toks.drain(i + 1..end);
        i += 1;
    }
}

/// Takes a piece cut off this token into it: its spans and marks now belong to the token.
fn absorb(t: &mut Tok, piece: Tok) {
    t.extra_spans.push(piece.span);
    t.extra_spans.extend(piece.extra_spans);
    t.marks.extend(piece.marks);
    t.mark_spans.extend(piece.mark_spans);
    t.dollar |= piece.dollar;
}

/// Gives up on the pair of tokens at `i`: both are left unread, and the reason is said.
fn leave_pair(toks: &mut [Tok], i: usize, code: WarningCode, message: &str, cx: &mut Ctx) {
    cx.warn(code, Some("table.amount"), message, Some(toks[i].span));
    toks[i].kind = Kind::Garbled;
    toks[i + 1].kind = Kind::Garbled;
}

/// Numbers cut by a converter's grid or by OCR spacing, put back together:
/// - `7, | 700,000` or `2 | ,027,400`: cut at a separator, the pieces are joined;
/// - `2 | 7,400` (cells): a lone digit before a grouped number is its first digit;
/// - `5,20 | 5,208,879`: a malformed piece repeating the start of the whole number is
///   debris and is dropped.
///
/// `1 | 1,000,000` fits both the second and the third reading (11,000,000 or a stray `1`):
/// neither is taken, the amount is left out and the doubt reported.
/// Whether token `i` follows a word of at least two letters in its own cell.
fn after_text_in_cell(toks: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    toks.get(i)
        .is_some_and(|t| same_cell(prev, t) && wordy(prev))
}

fn repair_split_numbers(toks: &mut Vec<Tok>, cx: &mut Ctx) {
    let numeric = |t: &Tok| {
        t.marks.is_empty()
            && !t.text.is_empty()
            && t.text
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'$'))
            && t.text.bytes().any(|b| b.is_ascii_digit())
    };
    // The last piece of a cut amount carries the amount's footnote marks.
    let numeric_text = |t: &Tok| {
        !t.text.is_empty()
            && t.text
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'$'))
            && t.text.bytes().any(|b| b.is_ascii_digit())
    };
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let mut i = 0;
    while i + 1 < toks.len() {
        // `l, | 100,000`: the amount goes on from a head that cannot be read; so cannot it.
        if misread_head(&toks[i].text) && numeric_text(&toks[i + 1]) {
            let msg = format!(
                "`{} {}` is an amount whose head cannot be read: left out",
                toks[i].text,
                toks[i + 1].text
            );
            leave_pair(toks, i, WarningCode::Unreadable, &msg, cx);
            i += 2;
            continue;
        }
        if !numeric(&toks[i]) || matches!(toks[i].kind, Kind::Date(_)) {
            i += 1;
            continue;
        }
        let a = toks[i].text.clone();
        let b = toks[i + 1].text.clone();
        let next_numeric = b
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b',' | b'.'))
            && b.bytes().any(|c| c.is_ascii_digit());
        if !next_numeric {
            // `$0 | .l6`: the amount goes on in a piece that cannot be read; so cannot it.
            let broken_rest = matches!(toks[i + 1].kind, Kind::Garbled)
                || b.starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
            if broken_rest
                && (b.starts_with([',', '.'])
                    || (a.ends_with([',', '.']) && toks[i + 1].cell == toks[i].cell))
            {
                let msg = format!("`{a} {b}` is an amount whose rest cannot be read: left out");
                leave_pair(toks, i, WarningCode::Unreadable, &msg, cx);
                i += 2;
                continue;
            }
            i += 1;
            continue;
        }
        let joined = format!("{a}{b}");
        let whole = values::parse_amount(&joined);
        let a_reads = values::parse_amount(&a).is_some() && !a.ends_with(',');
        let b_grouped = b.contains(',') && values::parse_amount(&b).is_some();
        // Only a lone digit 1-9, which is no value of its own (see `demote_stray_digits`),
        // can be the head of a cut number: `22 | 4,351,309` are two values.
        let short_head = a.len() == 1 && a != "0" && a.bytes().all(|c| c.is_ascii_digit());
        let other_cell = toks[i].cell != toks[i + 1].cell;
        enum Fix {
            Join(Decimal),
            JoinThree(Decimal),
            DropHead,
            /// Left out: a stray digit before the amount, or this amount cut in two.
            Doubt(String),
            Unreadable,
        }
        let fix = if a.ends_with([',', '.']) || b.starts_with([',', '.']) {
            // Cut at a separator: the pieces after it belong to it, two or three of them.
            let third = toks
                .get(i + 2)
                .filter(|t| numeric_text(t) && !a.ends_with('.'))
                .map(|t| t.text.clone());
            match (whole, third) {
                (Some(n), _) => Some(Fix::Join(n)),
                (None, Some(c)) => match values::parse_amount(&format!("{joined}{c}")) {
                    Some(n) => Some(Fix::JoinThree(n)),
                    None => Some(Fix::Unreadable),
                },
                (None, None) => Some(Fix::Unreadable),
            }
        } else if short_head && b_grouped && other_cell && after_text_in_cell(toks, i) {
            // A digit that ends a text's cell (`Preferred Stock, Series 2 | 66,466`) is the
            // text's own: the cut amounts of the corpus have their heads alone in a cell
            // (this would move none of its 720 renderings).
            None
        } else if short_head && b_grouped && other_cell {
            // The digit may as well be the tail of a cut value before it (`$O.0 | 1`).
            let tail_of_prev = i > 0
                && toks[i - 1].cell != toks[i].cell
                && (matches!(toks[i - 1].kind, Kind::Garbled)
                    || matches!(toks[i - 1].kind, Kind::Num(_))
                        && toks[i - 1]
                            .text
                            .ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ','));
            if digits(&b).starts_with(&*a) || tail_of_prev {
                Some(Fix::Doubt(joined.clone()))
            } else {
                whole.map(Fix::Join)
            }
        } else if short_head
            && b_grouped
            && cx.damaged
            && toks[i].ncells == 0
            && b.split(',').next().is_some_and(|g| g.len() == 3)
        {
            // OCR reads a thousands comma as a space (`3 811,260` for 3,811,260) as
            // readily as it reads a footnote digit before an amount: either way.
            Some(Fix::Doubt(format!("{a},{b}")))
        } else if cx.damaged
            && toks[i].ncells == 0
            && (1..=2).contains(&a.len())
            && a.bytes().all(|c| c.is_ascii_digit())
            && !a.starts_with('0')
            && (b.len() == 3 && b.bytes().all(|c| c.is_ascii_digit())
                || b_grouped
                    && b.split(',').next().is_some_and(|g| g.len() == 3)
                    && i > 0
                    && matches!(toks[i - 1].kind, Kind::Word)
                    && toks[i - 1].text.chars().any(char::is_alphabetic))
        {
            // The same with the last group alone after the space (`9 744` for 9,744,
            // `59 551`), or with two digits after a text before a grouped amount
            // (`Ordinary 46 370,460`): one or two digits are no count of OCR'd text (see
            // `demote_stray_digits`), so they are the amount's head or debris, and the
            // digits after them cannot be told from its tail. (Two digits after an amount
            // are as often a misread `$0` price: `856 30 181,854`.)
            Some(Fix::Doubt(format!("{a},{b}")))
        } else if !a_reads && b.starts_with(&*a) && values::parse_amount(&b).is_some() {
            // The piece is, letter for letter, the start of the whole number beside it.
            Some(Fix::DropHead)
        } else if !a_reads || values::parse_amount(&b).is_none() {
            // One piece is no amount on its own (`27 | 0,000`): it is the other's cut half,
            // or the first of three (`10,00 | 1, | 000`).
            let third = toks
                .get(i + 2)
                .filter(|t| numeric_text(t))
                .map(|t| t.text.clone());
            match (whole, third) {
                (Some(n), _) => Some(Fix::Join(n)),
                (None, Some(c)) => {
                    values::parse_amount(&format!("{joined}{c}")).map(Fix::JoinThree)
                }
                (None, None) => None,
            }
        } else {
            None
        };
        match fix {
            None => i += 1,
            Some(Fix::Join(n)) => {
                cx.repair(
                    "table.amount",
                    RepairKind::SplitNumber,
                    &format!("{a} | {b}"),
                    &n.to_string(),
                    Some(toks[i].span),
                );
                let next = toks.remove(i + 1);
                let t = &mut toks[i];
                t.joined = true;
                // A lone digit is a stray piece only until it is read as a head; in OCR'd
                // text it stays one (a footnote digit before an amount as often).
                t.stray &= cx.damaged;
                t.kind = Kind::Num(n);
                t.text = joined.into();
                absorb(t, next);
            }
            Some(Fix::JoinThree(n)) => {
                let third = toks.remove(i + 2);
                let next = toks.remove(i + 1);
                let text = format!("{joined}{}", third.text);
                cx.repair(
                    "table.amount",
                    RepairKind::SplitNumber,
                    &format!("{a} | {b} | {}", third.text),
                    &n.to_string(),
                    Some(toks[i].span),
                );
                let t = &mut toks[i];
                t.joined = true;
                t.stray &= cx.damaged;
                t.kind = Kind::Num(n);
                t.text = text.into();
                absorb(t, next);
                absorb(t, third);
            }
            Some(Fix::Unreadable) => {
                let msg = format!(
                    "`{a} | {b}` is an amount cut in pieces that do not fit together: left out"
                );
                leave_pair(toks, i, WarningCode::Unreadable, &msg, cx);
                i += 2;
            }
            Some(Fix::DropHead) => {
                cx.repair(
                    "table.amount",
                    RepairKind::SplitNumber,
                    &format!("{a} | {b}"),
                    &b.replace([',', '$'], ""),
                    Some(toks[i].span),
                );
                let sp = toks[i].span;
                toks[i + 1].extra_spans.push(sp);
                toks.remove(i);
            }
            Some(Fix::Doubt(whole)) => {
                let msg = format!(
                    "`{a} | {b}` is either {b} after a stray `{a}` or the amount {whole} cut in two: left out"
                );
                leave_pair(toks, i, WarningCode::Ambiguous, &msg, cx);
                i += 2;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Alignment

struct Alignment {
    kind: RowKind,
    /// The reading's values were left out because which columns they belong to is lost:
    /// so is whether the row is a transaction or a holding.
    kind_lost: bool,
    /// For each token, the column it went to (or none).
    assign: Vec<Option<Col>>,
    /// Tokens left out because two columns fit them equally: (token, column, other column).
    ambiguous: Vec<(usize, Col, Option<Col>)>,
}

impl Alignment {
    fn known_kind(&self) -> Option<RowKind> {
        (!self.kind_lost).then_some(self.kind)
    }

    fn cols<'t>(&self, toks: &'t [Tok<'t>]) -> Vec<(Col, Vec<&'t Tok<'t>>)> {
        let mut out: Vec<(Col, Vec<&'t Tok<'t>>)> = Vec::new();
        for (t, c) in toks.iter().zip(&self.assign) {
            let Some(c) = c else { continue };
            match out.last_mut() {
                Some((lc, v)) if lc == c => v.push(t),
                _ => out.push((*c, vec![t])),
            }
        }
        out
    }
}

/// The best reading of a row over the patterns, with the lattice of its pattern and the
/// best score of a path to each cell of it.
fn best_over<'a>(
    toks: &'a [Tok],
    patterns: &[&'a [Col]],
) -> Option<(i32, Alignment, Lattice<'a>, Vec<i32>)> {
    // Marks that may be a word's own do not decide the kind of row: each kind is weighed
    // with them kept out of the value columns.
    let weigh_apart = patterns.len() > 1 && toks.iter().any(|t| t.loose);
    let mut best: Option<(i32, i32, Alignment, Lattice<'a>, Vec<i32>)> = None;
    for (pi, pat) in patterns.iter().enumerate() {
        let lattice = Lattice::new(toks, pat, true);
        let (to, back) = lattice.forward(None);
        let score = to[to.len() - 1];
        let assign = lattice.assign(&back);
        let is_tx = pi == 0 && patterns.len() > 1;
        if is_tx
            && !assign
                .iter()
                .any(|c| matches!(c, Some(Col::Date | Col::Code)))
        {
            continue;
        }
        let weight = if weigh_apart {
            align(toks, pat, false).0
        } else {
            score
        };
        if best.as_ref().is_none_or(|(w, ..)| weight > *w) {
            let kind = if is_tx {
                RowKind::Transaction
            } else {
                RowKind::Holding
            };
            let al = Alignment {
                kind,
                kind_lost: false,
                assign,
                ambiguous: Vec::new(),
            };
            best = Some((weight, score, al, lattice, to));
        }
    }
    best.map(|(_, score, al, lattice, to)| (score, al, lattice, to))
}

/// Aligns a row, then drops every value whose column is not certain: when forbidding a
/// token its column still leaves a reading (nearly) as good in which the token goes to
/// another column, the rendering has lost what told them apart (an (A)/(D) mark, a price)
/// and the value is left out rather than guessed.
fn best_alignment(toks: &[Tok], patterns: &[&[Col]]) -> Option<Alignment> {
    // Doubt about a value's column is weighed within the kind of row chosen: the lattice
    // of the pattern `best_over` took.
    let (score, mut al, lattice, to) = best_over(toks, patterns)?;
    let doubt = Doubt::new(&lattice, to);
    let mut ambiguous = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(c) = al.assign[i] else { continue };
        if c.multi() || matches!(t.kind, Kind::Word) {
            continue;
        }
        let (alt, agreed) = doubt.without(i, c);
        if alt < score - 1 {
            continue;
        }
        // Best readings that disagree on where the token goes: the one the dynamic
        // program keeps decides, as it always did.
        let moved_to = match agreed {
            Some(to) => to,
            None => lattice.align(Some((i, c))).1[i],
        };
        // A transaction date read as a deemed date is the form's own order, not doubt.
        let synonyms = matches!(
            (c, moved_to),
            (Col::Date, Some(Col::Deemed)) | (Col::Deemed, Some(Col::Date))
        );
        if moved_to.is_some() && !synonyms {
            ambiguous.push((i, c, moved_to));
        }
    }
    for (i, _, _) in &ambiguous {
        al.assign[*i] = None;
    }
    // Loose marks no column took, or that alone make a text, are the marks of the value or
    // text before them.
    let mut i = 0;
    while i < toks.len() {
        let Some(c) = al.assign[i].filter(|c| c.multi()) else {
            i += 1;
            continue;
        };
        let end = (i..toks.len())
            .find(|&k| al.assign[k] != Some(c))
            .unwrap_or(toks.len());
        if toks[i..end].iter().all(|t| t.loose) {
            al.assign[i..end].fill(None);
        }
        i = end;
    }
    for (i, t) in toks.iter().enumerate().skip(1) {
        if t.loose && al.assign[i].is_none() && !ambiguous.iter().any(|a| a.0 == i) {
            al.assign[i] = al.assign[i - 1];
        }
    }
    al.ambiguous = ambiguous;
    Some(al)
}

/// A loose mark right after an amount or a date (`628,553 (1) (2) (2) Common Stock`) is
/// read as that value's own mark rather than as the value of a date column printed only
/// as a mark, when the two readings would otherwise tie: the form prints a value's mark
/// right after it, and the date columns' marks come after the amount's. Worth 2, so that
/// a tie with the dates read one column to the right is not doubt (see
/// [`best_alignment`]). Over the corpus it puts 9 of Table II's footnote lists of the
/// pymupdf4llm renderings right (6 spurious and 1 wrong fewer) and moves no other value
/// of any rendering.
fn mark_after_value_bonus(toks: &[Tok], i: usize) -> i32 {
    let after_value = i
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|p| matches!(p.kind, Kind::Num(_) | Kind::Date(_)));
    if after_value {
        2
    } else {
        0
    }
}

/// Dynamic programming over (tokens consumed, columns passed).
/// With `loose_values` false, loose marks go to no value column.
fn align(toks: &[Tok], cols: &[Col], loose_values: bool) -> (i32, Vec<Option<Col>>) {
    Lattice::new(toks, cols, loose_values).align(None)
}

/// Score of a reading that cannot be.
const NEG: i32 = i32::MIN / 4;

/// The step a best path arrives at a cell of the lattice by: previous token count,
/// previous column, whether the step put tokens in a column. Counts as `u32` (a row holds
/// fewer tokens than the input's bytes, below [`MAX_INPUT_LEN`](crate::MAX_INPUT_LEN)),
/// so that the table, made and filled for every reading of every row, is half the size.
type Back = (u32, u32, bool);

/// A count of tokens or columns as stored in [`Back`].
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The readings of a row in one column order: paths through the grid of (tokens consumed,
/// columns passed) whose steps leave a column empty, skip a token, or put a token (a run
/// of tokens, in a text column) in a column.
struct Lattice<'a> {
    toks: &'a [Tok<'a>],
    cols: &'a [Col],
    /// `fit[i * cols.len() + j]`: how token `i` fits column `j`, asked once (a text column
    /// asks it of every run of tokens starting at every cell).
    fit: Vec<Option<i32>>,
}

impl<'a> Lattice<'a> {
    fn new(toks: &'a [Tok], cols: &'a [Col], loose_values: bool) -> Self {
        let mut fit = Vec::with_capacity(toks.len() * cols.len());
        for t in toks {
            fit.extend(cols.iter().map(|c| c.accept(t, loose_values)));
        }
        Lattice { toks, cols, fit }
    }

    /// Cells of a row of the grid: one more than the columns.
    fn width(&self) -> usize {
        self.cols.len() + 1
    }

    fn fit(&self, i: usize, j: usize) -> Option<i32> {
        self.fit[i * self.cols.len() + j]
    }

    /// The score of reading token `i` as no column's value.
    fn skip(&self, i: usize) -> i32 {
        let t = &self.toks[i];
        match t.kind {
            // Not a value: the marks of the word before it; right after an amount or a
            // date, most likely that value's own (see [`mark_after_value_bonus`]).
            Kind::Marks if t.loose => mark_after_value_bonus(self.toks, i),
            Kind::Word => -3,
            Kind::Garbled => 0,
            Kind::Letter(_) => -4,
            _ => -6,
        }
    }

    /// Calls `f(next i, next j, score, column taken)` for each step out of cell (i, j), in
    /// the order that breaks ties between equal readings; none puts token `ban.0` in
    /// column `ban.1`.
    fn steps(
        &self,
        (i, j): (usize, usize),
        ban: Option<(usize, Col)>,
        mut f: impl FnMut(usize, usize, i32, Option<Col>),
    ) {
        let (n, m) = (self.toks.len(), self.cols.len());
        if j < m {
            // Leave column j empty; the title may not be empty.
            f(
                i,
                j + 1,
                if self.cols[j] == Col::Title { -20 } else { 0 },
                None,
            );
        }
        if i < n {
            f(i + 1, j, self.skip(i), None);
        }
        if i < n && j < m {
            let c = self.cols[j];
            if c.multi() {
                let mut sum = 0;
                for k in i..n {
                    let Some(s) = self.fit(k, j) else {
                        break;
                    };
                    sum += s;
                    f(k + 1, j + 1, sum, Some(c));
                }
            } else if ban != Some((i, c)) {
                if let Some(s) = self.fit(i, j) {
                    f(i + 1, j + 1, s, Some(c));
                }
            }
        }
    }

    /// The best reading that does not put token `ban.0` in column `ban.1`: its score and
    /// each token's column.
    fn align(&self, ban: Option<(usize, Col)>) -> (i32, Vec<Option<Col>>) {
        let (dp, back) = self.forward(ban);
        (dp[dp.len() - 1], self.assign(&back))
    }

    /// The best score of a path from (0, 0) to each cell, with no step putting token
    /// `ban.0` in column `ban.1`, and the step each best path arrives by: (previous i,
    /// previous j, whether that step put tokens in a column).
    fn forward(&self, ban: Option<(usize, Col)>) -> (Vec<i32>, Vec<Back>) {
        let (n, m, w) = (self.toks.len(), self.cols.len(), self.width());
        let mut dp = vec![NEG; (n + 1) * w];
        let mut back: Vec<Back> = vec![(0, 0, false); (n + 1) * w];
        dp[0] = 0;
        for i in 0..=n {
            for j in 0..=m {
                let cur = dp[i * w + j];
                if cur == NEG {
                    continue;
                }
                self.steps((i, j), ban, |ni, nj, s, took| {
                    let k = ni * w + nj;
                    if cur + s > dp[k] {
                        dp[k] = cur + s;
                        back[k] = (to_u32(i), to_u32(j), took.is_some());
                    }
                });
            }
        }
        (dp, back)
    }

    /// Each token's column on the best path to the last cell, from `forward`'s steps.
    fn assign(&self, back: &[Back]) -> Vec<Option<Col>> {
        let (n, m, w) = (self.toks.len(), self.cols.len(), self.width());
        let mut assign = vec![None; n];
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let (pi, pj, took) = back[i * w + j];
            let (pi, pj) = (pi as usize, pj as usize);
            if took {
                for a in assign.iter_mut().take(i).skip(pi) {
                    *a = Some(self.cols[pj]);
                }
            }
            if (pi, pj) == (i, j) {
                break;
            }
            i = pi;
            j = pj;
        }
        assign
    }
}

/// Whether a value's column is certain, for every token of a row at once.
///
/// Forbidding token `i` its column `c` changes only the steps that read token `i`: every
/// reading has exactly one (a skip, or a step into a column, or a run of a text column
/// holding it). So the best reading without it is the best, over the other steps reading
/// token `i`, of the best path to the step, the step, and the best path from it; no
/// dynamic program per token.
struct Doubt<'l, 'a> {
    lattice: &'l Lattice<'a>,
    /// Best score from (0, 0) to each cell (`Lattice::forward`).
    to: Vec<i32>,
    /// Best score from each cell to the end.
    from: Vec<i32>,
    /// `run[i * cols.len() + j]`, for a text column `j`: the best reading whose run of
    /// tokens in column `j` holds token `i`.
    run: Vec<i32>,
}

impl<'l, 'a> Doubt<'l, 'a> {
    /// `to` is the best score of a path to each cell, as `Lattice::forward` gives it.
    fn new(lattice: &'l Lattice<'a>, to: Vec<i32>) -> Self {
        let l = lattice;
        let (n, m, w) = (l.toks.len(), l.cols.len(), l.width());
        let mut from = vec![NEG; (n + 1) * w];
        from[n * w + m] = 0;
        for i in (0..=n).rev() {
            for j in (0..=m).rev() {
                let mut best = from[i * w + j];
                l.steps((i, j), None, |ni, nj, s, _| {
                    best = best.max(s + from[ni * w + nj]);
                });
                from[i * w + j] = best;
            }
        }
        // A run of column j over tokens a..=b scores to[a][j] + fit(a..=b) + from[b+1][j+1];
        // the best run holding token i is the best start up to i plus the best end from i.
        let mut run = vec![NEG; n * m];
        for j in (0..m).filter(|&j| l.cols[j].multi()) {
            let mut head = vec![NEG; n];
            for i in 0..n {
                if let Some(s) = l.fit(i, j) {
                    let before = if i > 0 { head[i - 1] } else { NEG };
                    head[i] = s + to[i * w + j].max(before);
                }
            }
            let mut tail = NEG;
            for i in (0..n).rev() {
                tail = match l.fit(i, j) {
                    Some(s) => {
                        let best_end = from[(i + 1) * w + j + 1].max(tail);
                        run[i * m + j] = head[i] + best_end;
                        s + best_end
                    }
                    None => NEG,
                };
            }
        }
        Doubt {
            lattice,
            to,
            from,
            run,
        }
    }

    /// The best score of a reading that does not put token `i` in column `c`, and where
    /// token `i` goes when all such best readings agree (`None` when they do not).
    fn without(&self, i: usize, c: Col) -> (i32, Option<Option<Col>>) {
        let l = self.lattice;
        let (m, w) = (l.cols.len(), l.width());
        let mut best = NEG;
        let mut agreed: Option<Option<Col>> = None;
        let mut consider = |score: i32, col: Option<Col>| {
            if score > best {
                best = score;
                agreed = Some(col);
            } else if score == best && agreed != Some(col) {
                agreed = None;
            }
        };
        for j in 0..=m {
            consider(
                self.to[i * w + j] + l.skip(i) + self.from[(i + 1) * w + j],
                None,
            );
            let Some(&col) = l.cols.get(j) else { continue };
            if col.multi() {
                if l.fit(i, j).is_some() {
                    consider(self.run[i * m + j], Some(col));
                }
            } else if col != c {
                if let Some(s) = l.fit(i, j) {
                    consider(
                        self.to[i * w + j] + s + self.from[(i + 1) * w + j + 1],
                        Some(col),
                    );
                }
            }
        }
        (best, agreed)
    }
}

#[cfg(test)]
mod tests {
    use form4_model::{AcquiredDisposed, DirectIndirect, FootnoteId, Record, RepairKind, RowField};

    /// Reads a piece of a form, closed by the explanation's title as every form is:
    /// a text that lost two of the three big titles is held to OCR's checks.
    fn read(text: &str) -> Record {
        if text.contains("Explanation of Responses") {
            read_as_is(text)
        } else {
            read_as_is(&format!("{text}\n\nExplanation of Responses:\n"))
        }
    }

    fn read_as_is(text: &str) -> Record {
        let doc = form4_grammar::parse(text).expect("the grammar takes any text");
        crate::normalize(&doc).expect("a form")
    }

    #[test]
    fn ascii_word_count_matches_words_unless_other_spaces() {
        // (text, words counted on bytes)
        let cases: &[(&str, usize)] = &[
            ("", 0),
            ("   ", 0),
            ("Common Stock", 2),
            ("  11/02/2020   S  \t 1,200 ", 3),
            ("(1)(2)", 1),
            // A no-break space ends a word for `words`, not for the byte count: fewer.
            ("Class\u{a0}A", 1),
        ];
        for &(text, n) in cases {
            assert_eq!(super::ascii_word_count(text.as_bytes()), n, "{text:?}");
            assert!(n <= super::words(text).count(), "{text:?}");
        }
    }

    fn ids(v: Option<&Vec<FootnoteId>>) -> Vec<String> {
        v.map(|v| v.iter().map(ToString::to_string).collect())
            .unwrap_or_default()
    }

    proptest::proptest! {
        /// The best reading without a token in a column, found from the best paths to and
        /// from each step, is the one the dynamic program with that step banned finds.
        #[test]
        fn doubt_agrees_with_a_banned_alignment(
            words in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "Common", "Stock", "S", "A", "D", "I", "V", "(1)", "1,000", "$12.50",
                        "12.5", "03/04/2021", "N/A", "Immediately", "1,2?4", "7",
                    ]),
                    proptest::bool::weighted(0.2),
                ),
                0..24,
            ),
            pattern in 0usize..5,
        ) {
            use super::{Col, Doubt, Kind, Lattice, Tok};
            let toks: Vec<Tok> = words
                .iter()
                .enumerate()
                .map(|(i, &(w, loose))| Tok {
                    kind: if w == "(1)" { Kind::Marks } else { super::classify_text(w) },
                    text: w.into(),
                    span: form4_grammar::Span::new(i, i + 1),
                    cell: (0, i, 0),
                    ncells: words.len(),
                    marks: Vec::new(),
                    mark_spans: Vec::new(),
                    extra_spans: Vec::new(),
                    dollar: w.starts_with('$'),
                    joined: false,
                    stray: w == "7",
                    loose,
                })
                .collect();
            let cols = [
                super::T1_TRANSACTION,
                super::T1_HOLDING,
                super::T2_TRANSACTION,
                super::T2_FORM3,
                super::T2_HOLDING,
            ][pattern];
            let lattice = Lattice::new(&toks, cols, true);
            let doubt = Doubt::new(&lattice, lattice.forward(None).0);
            for i in 0..toks.len() {
                for &c in cols.iter().filter(|c: &&Col| !c.multi()) {
                    let (alt, agreed) = doubt.without(i, c);
                    let (score, assign) = lattice.align(Some((i, c)));
                    proptest::prop_assert_eq!(alt, score);
                    if let Some(to) = agreed {
                        proptest::prop_assert_eq!(to, assign[i]);
                    }
                }
            }
        }
    }

    fn word_tok(i: usize, w: &str) -> super::Tok<'_> {
        super::Tok {
            kind: if w.starts_with('(') {
                super::Kind::Marks
            } else {
                super::Kind::Word
            },
            text: w.into(),
            span: form4_grammar::Span::new(i, i + 1),
            cell: (0, 0, i),
            ncells: 0,
            marks: Vec::new(),
            mark_spans: Vec::new(),
            extra_spans: Vec::new(),
            dollar: false,
            joined: false,
            stray: false,
            loose: false,
        }
    }

    /// A cut of a wrapped line tallies the columns it gives words and whether a part
    /// starts with footnote marks.
    #[test]
    fn a_cut_of_a_wrapped_line_tallies_its_parts() {
        use super::CutTally;
        let line: Vec<super::Tok> = ["Class", "A", "(1)", "By", "Trust"]
            .iter()
            .enumerate()
            .map(|(i, w)| word_tok(i, w))
            .collect();
        let cases: &[((usize, usize), [bool; 3], bool)] = &[
            ((0, 0), [false, false, true], false),
            ((5, 5), [true, false, false], false),
            ((2, 3), [true, true, true], true),
            ((3, 5), [true, true, false], false),
            ((1, 2), [true, true, true], true),
            ((0, 5), [false, true, false], false),
        ];
        for &((i, j), parts, marks_first) in cases {
            let got = CutTally::of(&line, [0..i, i..j, j..line.len()]);
            assert_eq!(got, CutTally { parts, marks_first }, "{i}..{j}");
        }
    }

    /// The cheap tests' totals kept as the odometer turns are those of each reading worked
    /// out afresh, over every reading of some wrapped lines.
    #[test]
    fn wrapped_readings_tally_as_the_odometer_turns() {
        use super::{next_reading, CutTally, Tally, Tok};
        let lines: Vec<Vec<Tok>> = [
            &["Class", "A"][..],
            &["(1)", "Shares"][..],
            &["Common"][..],
            &[][..],
        ]
        .iter()
        .map(|l| l.iter().enumerate().map(|(i, w)| word_tok(i, w)).collect())
        .collect();
        let n_above = 3;
        let per_line: Vec<Vec<(usize, usize)>> = lines
            .iter()
            .map(|l| {
                (0..=l.len())
                    .flat_map(|i| (i..=l.len()).map(move |j| (i, j)))
                    .collect()
            })
            .collect();
        let cut = |li: usize, k: usize| {
            let (i, j) = per_line[li][k];
            CutTally::of(&lines[li], [0..i, i..j, j..lines[li].len()])
        };
        let fresh = |pick: &[usize]| {
            let mut t = Tally::default();
            for (li, &k) in pick.iter().enumerate() {
                t.add(cut(li, k), li < n_above);
            }
            t
        };
        let mut pick = vec![0; lines.len()];
        let mut tally = fresh(&pick);
        let total: usize = per_line.iter().map(Vec::len).product();
        let mut balanced = 0;
        for _ in 0..total {
            assert_eq!(tally, fresh(&pick), "{pick:?}");
            balanced += usize::from(tally.counts.iter().all(|(a, b)| a.abs_diff(*b) <= 2));
            next_reading(&mut pick, &per_line, |li, old, new| {
                tally.remove(cut(li, old), li < n_above);
                tally.add(cut(li, new), li < n_above);
            });
        }
        assert!(pick.iter().all(|&p| p == 0));
        assert!(balanced > 0 && balanced < total);
    }

    const HEAD: &str = "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n\
| 1. Name and Address of Reporting Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbol EXAMPLE CORP [EXM] |\n\n";

    /// The tables' titles, as printed and as OCR reads them.
    const T1: &str =
        "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned";
    const T2: &str =
        "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned";
    const OCR_T1: &str =
        "Tabie I - Non-Derivative Securities Acquired, Disposed of, or Beneficially 0wned";
    const OCR_T2: &str =
        "Tabie II - Derivative Securities Acquired, Disposed of, or Beneficially 0wned";

    /// The same header as OCR reads it: labels misread, so the text counts as OCR'd.
    const OCR_HEAD: &str = "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL 0WNERSHIP\n\n\
| 1. Name and Address of Reportmg Person* DOE JANE | 2. Issuer Name and Ticker or Trading Symbo1 EXAMPLE CORP [EXM] |\n\n";

    #[test]
    fn a_mark_wrapped_onto_the_next_line_of_its_cell_stays_with_the_cell() {
        let record = read(&format!(
            "{HEAD}{T1}\n\n\
| Common Stock | 02/11/2020 | | P | | 1,393 | A | $3.95 | 5,582,934 | I | See<br>footnotes<sup>(1)</sup><br>(3) |\n"
        ));
        let row = &record.non_derivative_table[0];
        assert_eq!(row.nature_of_ownership.as_deref(), Some("See footnotes"));
        assert_eq!(
            ids(row.footnotes.get(&RowField::NatureOfOwnership)),
            ["F1", "F3"]
        );
        assert!(
            record.diagnostics.unmapped.is_empty(),
            "{:?}",
            record.diagnostics.unmapped
        );
    }

    /// Marks on their own line under an amount are the amount's own when the date columns
    /// are read beside them; when a converter merged the amount's cell with the first date
    /// column, they are that column's value (both dates printed only as marks).
    #[test]
    fn marks_under_an_amount_are_its_own_or_the_merged_date_column() {
        let row = |after_title: &str| {
            let record = read(&format!(
                "{HEAD}{T2}\n\n\
| Class B Common Stock | | 05/04/2021 | | C | {after_title} | Class A Common Stock | 4,321 | $0 | 9,876 | I | By trust |\n"
            ));
            let r = record.derivative_table[0].clone();
            let f = |field| ids(r.footnotes.get(&field));
            (
                r.shares.map(|d| d.to_string()),
                f(RowField::Shares),
                f(RowField::ExerciseDate),
                f(RowField::ExpirationDate),
            )
        };
        let four = || Some("4321".to_string());
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            row("4,321<br>(5)(6) | (5)(6)"),
            (four(), s(&[]), s(&["F5", "F6"]), s(&["F5", "F6"]))
        );
        assert_eq!(
            row("4,321<br>(4) | (5) | (5)"),
            (four(), s(&["F4"]), s(&["F5"]), s(&["F5"]))
        );
    }

    /// A lone digit is read as an amount only where its neighbours pin the column: between
    /// the code and the (A)/(D) letter, or between a `$` price and the D/I letter.
    #[test]
    fn a_lone_digit_is_an_amount_only_where_its_neighbours_pin_it() {
        let row = |cells: &str| {
            let record = read(&format!(
                "{HEAD}{T1}\n\n| Common Stock | 03/14/2019 | | S | {cells} | By trust |\n"
            ));
            let r = record.non_derivative_table[0].clone();
            (
                r.shares.map(|d| d.to_string()),
                r.shares_owned_following.map(|d| d.to_string()),
            )
        };
        let v = |s: &str| Some(s.to_string());
        assert_eq!(row("4 | D | $61.25 | 7 | I"), (v("4"), v("7")));
        assert_eq!(row("40 | D | $61.25 | 70 | I"), (v("40"), v("70")));
        // Beside an amount, the digit is a mark or a piece of it: not read.
        assert_eq!(row("4 | 2 | D | $61.25 | 7,000 | I"), (None, v("7000")));
    }

    /// A word in a cell after the nature's footnote marks is a piece of the nature moved
    /// out of place: the nature is left out; its marks stay.
    #[test]
    fn a_nature_going_on_past_its_marks_into_another_cell_is_left_out() {
        for (cells, want) in [
            (
                "By Maple<br>Fund V, L.P.<sup>(2)</sup>",
                Some("By Maple Fund V, L.P."),
            ),
            ("By Maple<br>Fund V, L.P.<sup>(2)</sup> | I", None),
            (
                "By Maple<br>Fund V, L.P.<sup>(2)</sup> | ",
                Some("By Maple Fund V, L.P."),
            ),
        ] {
            let record = read(&format!(
                "{HEAD}{T1}\n\n| Common Stock | 03/14/2019 | | S | 1,250 | D | $61.25 | 7,400 | I | {cells} |\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(row.nature_of_ownership.as_deref(), want, "{cells}");
            assert_eq!(
                ids(row.footnotes.get(&RowField::NatureOfOwnership)),
                ["F2"],
                "{cells}"
            );
        }
    }

    /// OCR'd text (the labels are misread) puts debris in a cell beside its value.
    #[test]
    fn two_counts_in_one_cell_of_ocr_text_are_both_left_out() {
        let rows = |cell: &str| {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T1}\n\n\
| Common Stock | 08/01/2012 | | S | {cell} | D | $99.14 | 42,416 | I | |\n"
            ));
            let row = record.non_derivative_table[0].clone();
            (row, record.diagnostics.warnings)
        };
        let (row, warnings) = rows("9.4<br>22,200");
        assert_eq!(row.shares, None);
        assert_eq!(
            row.shares_owned_following.map(|d| d.to_string()).as_deref(),
            Some("42416")
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.message.contains("`9.4` shares its cell")),
            "{warnings:?}"
        );
        // A price above a count is two columns in one cell, read as such.
        let (row, _) = rows("22,200<br>$99.14");
        assert_eq!(row.shares.map(|d| d.to_string()).as_deref(), Some("22200"));
    }

    /// OCR'd text: a transaction row whose date and code are unreadable looks like a
    /// holding, and its share count would be read as the amount owned.
    #[test]
    fn a_holding_reading_that_leaves_values_unread_reads_no_amount() {
        let read_row = |line: &str| {
            let record = read(&format!("{OCR_HEAD}{OCR_T1}\n\n{line}\n"));
            (
                record.non_derivative_table[0].clone(),
                record.diagnostics.warnings,
            )
        };
        let (row, warnings) = read_row("Common Stock O4/23/2014 ts 36,100 D");
        assert_eq!(row.shares_owned_following, None);
        assert!(
            warnings
                .iter()
                .any(|w| w.message.contains("leaves `O4/23/2014` unread")),
            "{warnings:?}"
        );
        // A holding with nothing left unread keeps its amount.
        let (row, _) = read_row("Common Stock 343,705 D");
        assert_eq!(
            row.shares_owned_following.map(|d| d.to_string()).as_deref(),
            Some("343705")
        );
    }

    /// Exact labels over OCR'd values (a scan's text layer): broken values in several rows
    /// tell the table was read from an image.
    #[test]
    fn broken_values_in_several_rows_mark_a_table_read_from_an_image() {
        let record = read(&format!(
            "{HEAD}{T1}\n\n\
| Class A Common Stock | 07272018 | | su | 82 | D | | $179.8685) | 2,008 | I | By Fund |\n\
| Class A Common Stock | 07/27/2018 | | S | 350 | D | | $l77.0183 | 1,193 | I | By Fund |\n"
        ));
        let first = &record.non_derivative_table[0];
        assert_eq!(first.shares_owned_following, None, "{first:?}");
        assert_eq!(first.direct_or_indirect, None);
    }

    /// OCR'd text out of order: a Table I row after Table II's title.
    #[test]
    fn a_table1_row_under_table2_in_ocr_text_is_not_read() {
        let record = read(&format!(
            "{OCR_HEAD}{OCR_T2}\n\n\
Class A Common Stock 10/01/2012 S 32,817 D $117.6967 45,847 I\n\n\
Stock Options $10.00 10/01/2012 A 1,000 (1) 10/01/2022 Common Stock 1,000 $0 1,000 D\n"
        ));
        assert_eq!(record.derivative_table.len(), 1);
        assert_eq!(
            record.derivative_table[0].security_title.as_deref(),
            Some("Stock Options")
        );
        let w = &record.diagnostics.warnings;
        assert!(
            w.iter()
                .any(|w| w.message.contains("Table I row out of place")),
            "{w:?}"
        );
    }

    /// OCR'd text: a conversion whose code is misread (`Cc`) reads as a holding, its amounts
    /// in the underlying and owned columns; its date, a transaction date of the filing,
    /// shows it is not one. A holding with other dates keeps its values.
    #[test]
    fn a_holding_reading_dated_like_a_transaction_is_doubted() {
        let rows = |t2_line: &str| {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T1}\n\n\
Common Stock 09/22/2020 C 2,027,400 A 2,027,400 I\n\n\
{OCR_T2}\n\n\
{t2_line}\n"
            ));
            (record.derivative_table, record.diagnostics.warnings)
        };
        let (t2, w) = rows("Preferred Stock 09/22/2020 Cc 2,027,400 St 2,027,400 Principals");
        assert_eq!(t2.len(), 1);
        assert_eq!(t2[0].shares_owned_following, None, "{:?}", t2[0]);
        assert_eq!(t2[0].underlying_security_shares, None);
        assert!(
            w.iter()
                .any(|w| w.message.contains("a transaction date of this filing")),
            "{w:?}"
        );
        let (t2, _) = rows("Stock Option $10.00 03/01/2019 03/01/2028 Common Stock 5,000 5,000 D");
        assert_eq!(
            t2[0]
                .shares_owned_following
                .map(|d| d.to_string())
                .as_deref(),
            Some("5000"),
            "{:?}",
            t2[0]
        );
    }

    /// OCR'd text: a space where a thousands comma was (`3 811,260`) cannot be told from a
    /// footnote digit before the amount; neither reading is taken.
    #[test]
    fn a_digit_before_a_grouped_amount_in_ocr_text_is_doubted() {
        let record = read(&format!(
            "{OCR_HEAD}{OCR_T1}\n\n\
Common Stock 12/15/2020 C 381,126 A $0 3 811,260 I\n"
        ));
        let row = &record.non_derivative_table[0];
        assert_eq!(row.shares_owned_following, None, "{row:?}");
        assert_eq!(row.shares.map(|d| d.to_string()).as_deref(), Some("381126"));
        let w = &record.diagnostics.warnings;
        assert!(
            w.iter()
                .any(|w| w.message.contains("the amount 3,811,260 cut in two")),
            "{w:?}"
        );
    }

    /// A count in a text column of a Table II holding reading: its columns were lost.
    #[test]
    fn a_count_in_the_title_of_an_ocr_holding_leaves_its_amounts_out() {
        let read_row = |title: &str| {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T2}\n\n\
| {title} | $17.00 | | | Common Stock | 78,667 | 78,667 | I | See |\n"
            ));
            let r = record.derivative_table[0].clone();
            (
                r.kind,
                r.underlying_security_shares.map(|d| d.to_string()),
                r.shares_owned_following.map(|d| d.to_string()),
                r.direct_or_indirect.map(|d| d.to_string()),
            )
        };
        // Whether it is a holding or a transaction is lost with its columns.
        let (kind, und, owned, di) = read_row("Series B Preferred 78,667");
        assert_eq!(kind, None);
        assert_eq!((und, owned, di.as_deref()), (None, None, Some("I")));
        let (kind, und, owned, _) = read_row("Series B Preferred");
        assert_eq!(kind, Some(form4_model::RowKind::Holding));
        assert_eq!(
            (und.as_deref(), owned.as_deref()),
            (Some("78667"), Some("78667"))
        );
    }

    /// A price with more than four decimals in OCR'd text ran into its neighbour's digits.
    #[test]
    fn a_price_with_more_than_four_decimals_in_ocr_text_is_left_out() {
        for (price, want) in [
            ("$175.22109", None),
            ("$175.2210", Some("175.221")),
            ("$177.0329", Some("177.0329")),
        ] {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T1}\n\n\
| Common Stock | 07/27/2018 | | S | 1,000 | D | {price} | 4,212,349 | I | By Fund |\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(
                row.price_per_share.map(|d| d.to_string()).as_deref(),
                want,
                "{price}"
            );
        }
    }

    /// A date OCR broke into a word (`owo12013`) sits in the title of a holding reading.
    #[test]
    fn a_broken_date_in_the_title_of_an_ocr_holding_means_lost_columns() {
        for (title, want) in [
            ("Class A Common Stock owo12013 mae", None),
            ("Class A Common Stock mae", Some("14890")),
        ] {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T1}\n\n\
{title} 14,890 I By Fund\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(
                row.shares_owned_following.map(|d| d.to_string()).as_deref(),
                want,
                "{title}"
            );
        }
    }

    /// A price of four decimals is a Table I sale's: under Table II's title in OCR'd text
    /// its row is out of place.
    #[test]
    fn a_four_decimal_price_under_table2_in_ocr_text_is_not_a_row() {
        for (price, read_as_row) in [("$117.6967", false), ("$117.69", true)] {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T2}\n\n\
| Class B Common Stock | | 10/01/2012 | | C | | 78,664 | | (1) | (1) | Class A Common Stock | 78,664 | {price} | 45,847 | I | See |\n"
            ));
            assert_eq!(!record.derivative_table.is_empty(), read_as_row, "{price}");
        }
    }

    /// OCR'd text that lost `Explanation of Responses` runs the numbered footnotes on under
    /// Table II: `7. Each unit ...` is a note, whatever values its sentence holds; a line
    /// opening with its title is a row.
    #[test]
    fn a_numbered_note_under_table2_in_ocr_text_is_not_a_row() {
        for (opening, read_as_row) in [("7. Each", false), ("Each", true), ("7. each", true)] {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T2}\n\n\
{opening} Restricted Stock Unit converts into 1,250 shares of Common Stock.\n"
            ));
            assert_eq!(
                !record.derivative_table.is_empty(),
                read_as_row,
                "{opening}"
            );
        }
    }

    /// A whole number without `$` is no exercise price of OCR'd text.
    #[test]
    fn a_whole_exercise_price_without_a_dollar_in_ocr_text_is_left_out() {
        for (conv, want) in [
            ("222", None),
            ("$222", Some("222")),
            ("14.76", Some("14.76")),
            ("$14.76", Some("14.76")),
        ] {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T2}\n\n\
| Stock Option (Right to Buy) | {conv} | 03/02/2021 | 03/02/2031 | Common Stock | 1,000 | 1,000 | D | |\n"
            ));
            let row = &record.derivative_table[0];
            assert_eq!(
                row.conversion_or_exercise_price
                    .map(|d| d.to_string())
                    .as_deref(),
                want,
                "{conv}"
            );
        }
    }

    /// `9 744`: one or two digits before a last group of three in OCR'd text.
    #[test]
    fn digits_before_a_bare_group_of_three_in_ocr_text_are_doubted() {
        for (owned, want) in [
            ("9 744", None),
            ("59 551", None),
            ("744", Some("744")),
            ("9,744", Some("9744")),
        ] {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T1}\n\n\
Common Stock 12/15/2020 P 1,000 A $10.25 {owned} I\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(
                row.shares_owned_following.map(|d| d.to_string()).as_deref(),
                want,
                "{owned}"
            );
        }
    }

    /// `Ordinary 46 370,460`: two digits after a text, before a grouped amount.
    #[test]
    fn two_digits_after_a_title_before_a_grouped_amount_in_ocr_text_are_doubted() {
        for (title, want) in [
            ("Ordinary Shares 46", None),
            ("Ordinary Shares", Some("370460")),
        ] {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T1}\n\n\
{title} 370,460 I By Fund\n"
            ));
            let owned = record
                .non_derivative_table
                .first()
                .and_then(|r| r.shares_owned_following);
            assert_eq!(owned.map(|d| d.to_string()).as_deref(), want, "{title}");
        }
    }

    /// A number cut after its first separator whose head was misread (`l,` of `1,|100,000`)
    /// is not read as its tail: both pieces are left out, with a warning; the capital I
    /// of a fund's name before an amount is a word.
    #[test]
    fn an_amount_cut_after_a_misread_head_is_left_out() {
        let record = read(&format!(
            "{HEAD}{T1}\n\n\
| Common Stock | 03/02/2020 | | P | | l, | 100,000 | A | $10.00 | 1,250,000 | D | |\n"
        ));
        let row = &record.non_derivative_table[0];
        assert_eq!(row.shares, None, "{row:?}");
        assert_eq!(
            row.shares_owned_following.map(|d| d.to_string()).as_deref(),
            Some("1250000")
        );
        let w = &record.diagnostics.warnings;
        assert!(
            w.iter()
                .any(|w| w.message.contains("whose head cannot be read")),
            "{w:?}"
        );
        for (word, head) in [
            ("l,", true),
            ("O,", true),
            ("lO,", true),
            ("I,", false),
            ("so,", false),
            ("l", false),
        ] {
            assert_eq!(super::misread_head(word), head, "{word}");
        }
    }

    /// OCR'd text: `D` (direct) beside the name of an indirect owner is a contradiction.
    #[test]
    fn direct_ownership_beside_an_indirect_owner_in_ocr_text_is_left_out() {
        let di = |line: &str| {
            let record = read(&format!("{OCR_HEAD}{OCR_T1}\n\n{line}\n"));
            record.non_derivative_table[0].direct_or_indirect
        };
        assert_eq!(
            di("Common Stock 08/01/2012 S 300 D $103.77 5,000 D By Trust"),
            None
        );
        assert_eq!(
            di("Common Stock 08/01/2012 S 300 D $103.77 5,000 I By Trust"),
            Some(form4_model::DirectIndirect::I)
        );
        assert_eq!(
            di("Common Stock 08/01/2012 S 300 D $103.77 5,000 D"),
            Some(form4_model::DirectIndirect::D)
        );
    }

    /// OCR'd text: rows read as one line, their titles one after another.
    #[test]
    fn rows_merged_into_one_line_of_ocr_text_are_left_out() {
        let row = |title: &str| {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T1}\n\n\
| {title} | 07/27/2018 | S | 350 | D | $177.01 | 1,193 | I | By Fund |\n"
            ));
            record.non_derivative_table[0].clone()
        };
        let merged = row("Class A Common Stock Class A Common Stock");
        assert_eq!(merged.shares, None, "{merged:?}");
        assert_eq!(merged.shares_owned_following, None);
        assert_eq!(merged.transaction_date, None);
        // A title that names another class is not a repeat.
        let one = row("Class B Common Stock convertible into Class A Common Stock");
        assert_eq!(
            one.shares.map(|d| d.to_string()).as_deref(),
            Some("350"),
            "{one:?}"
        );
    }

    /// OCR'd text: a price cell holding only `(1)` reads `0`; `$0` is a price.
    #[test]
    fn a_bare_zero_price_in_ocr_text_is_left_out() {
        let price = |cell: &str| {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T1}\n\n\
| Common Stock | 05/27/2021 | | J | 1,803,969 | D | {cell} | 4,212,349 | I | By Fund |\n"
            ));
            let row = record.non_derivative_table[0].clone();
            assert_eq!(
                row.shares_owned_following.map(|d| d.to_string()).as_deref(),
                Some("4212349")
            );
            row.price_per_share.map(|d| d.to_string())
        };
        assert_eq!(price("0"), None);
        assert_eq!(price("$0").as_deref(), Some("0"));
        assert_eq!(price("0.00").as_deref(), Some("0"));
    }

    /// A row with OCR's specks marks its table as OCR'd even when every label came out
    /// exact: its bare `0` price is then doubted as OCR'd text's is (a misread mark), not
    /// as a digital price without its `$`.
    #[test]
    fn specks_in_a_row_mark_the_table_as_ocr() {
        let cases: &[(&str, bool)] = &[
            ("Common Stock", false),
            ("\u{2018}Common Stock", true),
            ("Common Stock \u{201c}A\u{201d}", false),
            ("Common Stock \u{201c}A", true),
            ("Common Stock \u{a9}", true),
        ];
        for &(title, ocr) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n\
| {title} | 05/27/2021 | | J | 1,803,969 | D | 0 | 4,212,349 | I | By Fund |\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(row.price_per_share, None, "{title}");
            let said = |s: &str| {
                record
                    .diagnostics
                    .warnings
                    .iter()
                    .any(|w| w.message.contains(s))
            };
            assert_eq!(said("of OCR'd text may as well be"), ocr, "{title}");
            assert_eq!(said("has no `$`"), !ocr, "{title}");
        }
    }

    /// `$87 104` in one cell: a price whose point OCR read as a space.
    #[test]
    fn a_whole_price_with_digits_after_it_in_its_cell_is_left_out() {
        // (price cell, owned cell) -> (price, owned) read.
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            ("$87 104", "", None, None),
            ("$87", "104", Some("87"), Some("104")),
            ("$87.5104", "104", Some("87.5104"), Some("104")),
            ("$0 104", "", Some("0"), Some("104")),
        ];
        for &(price, owned, want_price, want_owned) in cases {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T1}\n\n\
| Common Stock | 03/01/2012 | | S | 13,000 | D | {price} | {owned} | I | By Fund |\n"
            ));
            let row = &record.non_derivative_table[0];
            let got = (
                row.price_per_share.map(|d| d.to_string()),
                row.shares_owned_following.map(|d| d.to_string()),
            );
            assert_eq!(
                (got.0.as_deref(), got.1.as_deref()),
                (want_price, want_owned),
                "{price} | {owned}"
            );
            assert_eq!(row.shares.map(|d| d.to_string()).as_deref(), Some("13000"));
        }
    }

    /// A grid cut `214,407` into `21 | 4,407`; the title took the head. Put back together,
    /// the amount leaves no value of the row without its column: it is read whole, and the
    /// repair logged.
    #[test]
    fn a_number_alone_in_a_cell_of_the_title_is_a_cut_value() {
        let owned = |cells: &str| {
            let record = read(&format!(
                "{HEAD}{T1}\n\n\
| Class A Common Stock | {cells} | I | By Rivendell One LLC |\n"
            ));
            let row = record.non_derivative_table[0].clone();
            let joined = record
                .diagnostics
                .repairs
                .iter()
                .any(|r| r.kind == RepairKind::SplitNumber && r.from == "21 | 4,407");
            (row.shares_owned_following.map(|d| d.to_string()), joined)
        };
        assert_eq!(owned("21 | 4,407"), (Some("214407".to_string()), true));
        assert_eq!(owned("214,407"), (Some("214407".to_string()), false));
    }

    /// A word the grid cut across two cells is joined; joined into a word the document
    /// prints nowhere, while it prints that word with a letter more at the cut (`Comm |
    /// n`, `Common`: the cut swallowed the letter), the text is left out. A word printed
    /// nowhere else at all stays joined in exact text.
    #[test]
    fn a_word_joined_across_a_cut_must_be_printed_elsewhere() {
        for (cells, elsewhere, want) in [
            ("Comm | on Stock", "Common Stock", Some("Common Stock")),
            ("Comm | n Stock", "Common Stock", None),
            ("Comm | on Stock", "Stock", Some("Common Stock")),
            ("Common | Stock", "Stock", Some("Common Stock")),
        ] {
            let record = read(&format!(
                "{HEAD}{T1}\n\n\
| {cells} | 4,407 | D | |\n\n\
Explanation of Responses:\n\n1. {elsewhere} held.\n"
            ));
            let title = record.non_derivative_table[0].security_title.clone();
            assert_eq!(title.as_deref(), want, "{cells}");
        }
    }

    /// Exact labels, but two of the three big titles lost (here Table II's and the
    /// explanation's): the text is held to OCR's checks, and a row with no title is not read.
    #[test]
    fn text_that_lost_two_big_titles_is_read_as_ocr() {
        let table1 =
            "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
| Common Stock | 03/23/2020 | F | 116 | D | $115.54 | 9,134 | D | |\n\n\
| 160 | 03/23/2020 | F | | | | 8,793 | D | |\n\n";
        let rows = |tail: &str| {
            read_as_is(&format!("{HEAD}{table1}{tail}"))
                .non_derivative_table
                .len()
        };
        assert_eq!(rows(""), 1);
        let kept =
            "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
Explanation of Responses:\n\n1. A note.\n";
        assert_eq!(rows(kept), 2);
    }

    /// A transaction whose date and code OCR lost reads as a holding with its price (or
    /// one of its counts) in the nature column: a holding has neither, so its columns are
    /// lost.
    #[test]
    fn a_price_in_a_holdings_text_means_lost_columns() {
        let row = |line: &str| {
            let record = read(&format!("{OCR_HEAD}{OCR_T1}\n\n{line}\n"));
            record.non_derivative_table[0].clone()
        };
        let lost = row("Class A Common Stock st 14,366 $102.2778 See");
        assert_eq!(lost.shares_owned_following, None, "{lost:?}");
        let lost = row("Class A Common Stock 45,831 D 13,000");
        assert_eq!(lost.shares_owned_following, None, "{lost:?}");
        let holding = row("Class A Common Stock 14,366 I By Trust");
        assert_eq!(
            holding
                .shares_owned_following
                .map(|d| d.to_string())
                .as_deref(),
            Some("14366")
        );
    }

    /// OCR'd text: an underlying amount of `0` is a misread mark far more often than a value.
    #[test]
    fn a_bare_zero_underlying_amount_in_ocr_text_is_left_out() {
        let underlying = |cell: &str| {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T2}\n\n\
| Stock Option | $10.00 | 03/01/2020 | | A | | 1,000 | A | (1) | 03/01/2030 | Common Stock | {cell} | $0 | 1,000 | D | |\n"
            ));
            let row = record.derivative_table[0].clone();
            assert_eq!(
                row.shares.map(|d| d.to_string()).as_deref(),
                Some("1000"),
                "{row:?}"
            );
            row.underlying_security_shares.map(|d| d.to_string())
        };
        assert_eq!(underlying("0"), None);
        assert_eq!(underlying("1,000").as_deref(), Some("1000"));
    }

    /// OCR'd text: a holding of `0` is a misread mark far more often than a value; a sale
    /// down to 0 is a transaction's, and is read.
    #[test]
    fn a_bare_zero_held_in_ocr_text_is_left_out() {
        let owned = |line: &str| {
            let record = read(&format!("{OCR_HEAD}{OCR_T1}\n\n{line}\n"));
            let row = record.non_derivative_table[0].clone();
            row.shares_owned_following.map(|d| d.to_string())
        };
        assert_eq!(owned("Common Stock 0 D"), None);
        assert_eq!(owned("Common Stock 200 D").as_deref(), Some("200"));
        assert_eq!(
            owned("Common Stock 03/11/2022 S 4,271 D $10.00 0 D").as_deref(),
            Some("0")
        );
    }

    /// OCR'd text: a Table II row's amounts one digit apart are one amount misread.
    #[test]
    fn amounts_of_a_table2_row_one_digit_apart_are_left_out() {
        let amounts = |und: &str, owned: &str| {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T2}\n\n\
Stock Option $82.72 03/01/2020 03/01/2030 Common Stock {und} {owned} D\n"
            ));
            let row = record.derivative_table[0].clone();
            [row.underlying_security_shares, row.shares_owned_following]
                .map(|d| d.map(|d| d.to_string()))
        };
        assert_eq!(amounts("9,950", "9,250"), [None, None]);
        assert_eq!(amounts("3,436", "13,436"), [None, None]);
        assert_eq!(
            amounts("9,250", "9,250"),
            [Some("9250".into()), Some("9250".into())]
        );
        // A conversion ratio's tenfold is no misread digit.
        assert_eq!(
            amounts("40,105", "401,050"),
            [Some("40105".into()), Some("401050".into())]
        );
    }

    #[test]
    fn one_digit_apart_is_one_substitution_or_one_leading_digit() {
        for (a, b, apart) in [
            ("9950", "9250", true),
            ("13436", "3436", true),
            ("3436", "13436", true),
            ("401050", "40105", false),
            ("293", "553", false),
            ("1000", "1000", false),
            ("7", "17", true),
        ] {
            assert_eq!(crate::table::one_digit_apart(a, b), apart, "{a} {b}");
        }
    }

    /// OCR'd text: a fraction of a share under 100 owned is a heading's reference or a
    /// price in the wrong column; large fractional holdings are read.
    #[test]
    fn a_small_fraction_owned_in_ocr_text_is_left_out() {
        let owned = |line: &str| {
            let record = read(&format!("{OCR_HEAD}{OCR_T1}\n\n{line}\n"));
            let row = record.non_derivative_table[0].clone();
            row.shares_owned_following.map(|d| d.to_string())
        };
        assert_eq!(owned("Common Stock Tel 9.4 D"), None);
        assert_eq!(owned("Common Stock 77.92 D"), None);
        assert_eq!(
            owned("Common Stock 22,393.3497 D").as_deref(),
            Some("22393.3497")
        );
        assert_eq!(owned("Common Stock 4,500 D").as_deref(), Some("4500"));
    }

    /// A grid that splits a heading's cell (an empty cell between `Date Exercisable` and
    /// `Expiration Date`) moves the underlying title one cell on; the amount's side is
    /// still the heading's over its cell.
    #[test]
    fn a_table2_amount_takes_the_side_of_its_heading_cell() {
        let side = |a: &str, d: &str| {
            let record = read(&format!(
                "{HEAD}{T2}\n\n\
| 1. Title of Derivative Security | 2. Conversion or Exercise Price | 3. Transaction Date | 3A. Deemed Execution Date | 4. Transaction Code | | 5. Number of Derivative Securities Acquired (A) or Disposed of (D) | | 6. Date Exercisable and Expiration Date | | | 7. Title and Amount of Underlying Securities | | 8. Price | 9. Number Owned Following | 10. Ownership Form | 11. Nature |\n\
| | | | | Code | | (A) | (D) | Date Exercisable | | Expiration Date | Title | Amount or Number of Shares | | | | |\n\
| Class B Common Stock | | 09/04/2012 | | | | {a} | {d} | | | | Class A Common Stock | 78,667 | $0 | 18,208,361 | | See footnote |\n"
            ));
            let row = &record.derivative_table[0];
            assert_eq!(
                row.shares.map(|d| d.to_string()).as_deref(),
                Some("78667"),
                "{row:?}"
            );
            row.acquired_disposed
        };
        assert_eq!(side("", "78,667"), Some(AcquiredDisposed::D));
        assert_eq!(side("78,667", ""), Some(AcquiredDisposed::A));
    }

    /// OCR'd text: a note's amount read as an exercise price is left out.
    #[test]
    fn an_exercise_price_of_a_note_amount_in_ocr_text_is_left_out() {
        let price = |p: &str| {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T2}\n\n\
Stock Option {p} 03/01/2020 03/01/2030 Common Stock 1,000 1,000 D\n"
            ));
            let row = record.derivative_table[0].clone();
            row.conversion_or_exercise_price.map(|d| d.to_string())
        };
        assert_eq!(price("$30,430,000"), None);
        assert_eq!(price("$195.255").as_deref(), Some("195.255"));
    }

    /// A price column's number without its `$` is another column's amount in digital text,
    /// left out and said; OCR'd text, which misreads the sign, keeps it.
    #[test]
    fn a_price_without_its_dollar_is_read_only_from_ocr() {
        for (head, price, want) in [
            (HEAD, "$115.54", Some("115.54")),
            (HEAD, "115.54", None),
            (OCR_HEAD, "115.54", Some("115.54")),
        ] {
            let t1 = if head == HEAD { T1 } else { OCR_T1 };
            let record = read(&format!(
                "{head}{t1}\n\n\
|1. Title of Security|2. Date|3. Code|4. Amount|(A) or (D)|Price|5. Owned|6. Form|7. Nature|\n\
|---|---|---|---|---|---|---|---|---|\n\
|Common Stock|03/23/2020|F|181|D|{price}|8,953|D||\n"
            ));
            let r = &record.non_derivative_table[0];
            let got = r.price_per_share.map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{price}");
            let said = record
                .diagnostics
                .warnings
                .iter()
                .any(|w| w.message.contains("has no `$`"));
            assert_eq!(said, want.is_none(), "{price}");
        }
    }

    /// An amount a converter's grid cut in two, one piece taken by a column and the other by
    /// none, is read whole when the whole leaves no value of the row without its column. A
    /// third piece beside them, or OCR'd text, leaves all of them out; pieces that make no
    /// amount together (`$0 | 8,638`) are two values.
    #[test]
    fn an_amount_cut_in_two_is_read_whole_or_not_at_all() {
        // (head, values between the A/D and the D/I, price, owned after, doubt said)
        type Case = (
            &'static str,
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            bool,
        );
        let cases: &[Case] = &[
            (HEAD, "$1|15.54|8,953", Some("115.54"), Some("8953"), false),
            (HEAD, "$115.54|8|953", None, None, true),
            (
                HEAD,
                "$115.54|70,713.6|121",
                Some("115.54"),
                Some("70713.6121"),
                false,
            ),
            (HEAD, "$9.5|26|5,582", None, None, true),
            (HEAD, "$0|8,638", Some("0"), Some("8638"), false),
            (HEAD, "$115.54|8,953", Some("115.54"), Some("8953"), false),
            (OCR_HEAD, "$1|15.54|8,953", None, Some("8953"), true),
        ];
        for &(head, values, price, owned, said) in cases {
            let t1 = if head == HEAD { T1 } else { OCR_T1 };
            let record = read(&format!(
                "{head}{t1}\n\n\
|1. Title of Security|2. Date|3. Code|4. Amount|(A) or (D)|Price|5. Owned|6. Form|7. Nature|\n\
|---|---|---|---|---|---|---|---|---|\n\
|Common Stock|03/23/2020|F|181|D|{values}|D||\n"
            ));
            let r = &record.non_derivative_table[0];
            let text = |d: Option<super::Decimal>| d.map(|d| d.to_string());
            assert_eq!(text(r.price_per_share).as_deref(), price, "{values}");
            assert_eq!(text(r.shares_owned_following).as_deref(), owned, "{values}");
            let doubt = record
                .diagnostics
                .warnings
                .iter()
                .any(|w| w.message.contains("by the converter's grid"));
            assert_eq!(doubt, said, "{values}: {:?}", record.diagnostics.warnings);
        }
    }

    /// A value that no column of its row takes (a date in a cell after the nature) is said, not only
    /// left among the unmapped text; the row's other values are read.
    #[test]
    fn a_value_no_column_takes_is_said() {
        let record = read(&format!(
            "{HEAD}{T1}\n\n\
|1. Title of Security|2. Date|3. Code|4. Amount|(A) or (D)|Price|5. Owned|6. Form|7. Nature|\n\
|---|---|---|---|---|---|---|---|---|\n\
|Common Stock|03/23/2020|F|116|D|$115.54|9,134|I|By Trust|04/01/2020|\n"
        ));
        let r = &record.non_derivative_table[0];
        assert_eq!(
            r.shares_owned_following.map(|d| d.to_string()).as_deref(),
            Some("9134")
        );
        let said: Vec<&str> = record
            .diagnostics
            .warnings
            .iter()
            .filter(|w| w.message.contains("no column of the row takes it"))
            .map(|w| w.message.as_str())
            .collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].starts_with("`04/01/2020`"), "{said:?}");
    }

    /// A date the grid cut after its first digit (`1 | 1/18/2021`): the lone digit left
    /// in its cell is set aside as a stray one, yet with the whole date after it it is
    /// the date's head. In exact text the date is read whole; in OCR'd text, where a
    /// stray digit is as often debris, it is left out and said, not read as January.
    #[test]
    fn a_date_cut_after_its_first_digit() {
        let row = "|Common Stock|||1|1/18/2021||J|31,059|A|(1)|1,422,586|I|By Trust|";
        let heads = [(HEAD, T1, Some("2021-11-18")), (OCR_HEAD, OCR_T1, None)];
        for (head, title, want) in heads {
            let record = read(&format!(
                "{head}{title}\n\n\
|1. Title of Security|||2. Transaction|Date|2A. Deemed|3. Code|4. Amount|(A) or (D)|Price|5. Owned|6. Form|7. Nature|\n\
|---|---|---|---|---|---|---|---|---|---|---|---|---|\n{row}\n"
            ));
            let r = &record.non_derivative_table[0];
            assert_eq!(r.shares.map(|d| d.to_string()).as_deref(), Some("31059"));
            assert_eq!(r.transaction_date.map(|d| d.to_string()).as_deref(), want);
            let said = record
                .diagnostics
                .warnings
                .iter()
                .any(|w| w.message.contains("stray digit"));
            assert_eq!(said, want.is_none(), "{head}");
        }
    }

    /// A percentage is no amount of the tables.
    #[test]
    fn a_percentage_is_not_an_amount() {
        let record = read(&format!(
            "{OCR_HEAD}{OCR_T1}\n\n\
Common Stock 03/11/2022 A 4271 A so 4.271% D\n"
        ));
        let row = &record.non_derivative_table[0];
        assert_eq!(row.shares_owned_following, None, "{row:?}");
        assert_eq!(row.value_owned_following, None, "{row:?}");
    }

    /// OCR'd text: a price whose point may have been read as a comma.
    #[test]
    fn a_price_with_one_comma_group_in_ocr_text_is_left_out() {
        let price = |cell: &str| {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T1}\n\n\
| Class A Common Stock | 07/27/2018 | | S | 628 | D | {cell} | 1,193 | I | By Fund |\n"
            ));
            let row = record.non_derivative_table[0].clone();
            assert_eq!(
                row.shares.map(|d| d.to_string()).as_deref(),
                Some("628"),
                "{row:?}"
            );
            row.price_per_share.map(|d| d.to_string())
        };
        assert_eq!(price("$173,360"), None);
        assert_eq!(price("$173.3604").as_deref(), Some("173.3604"));
        assert_eq!(price("$1,173,360.00").as_deref(), Some("1173360"));
    }

    /// OCR'd text: a footnote's sentence under Table II holds a price and words only.
    #[test]
    fn a_price_among_words_under_table2_is_not_a_row() {
        let rows = |line: &str| {
            let record = read(&format!(
                "{OCR_HEAD}{OCR_T2}\n\n\
Stock Option $10.00 03/01/2020 03/01/2030 Common Stock 1,000 1,000 D\n\n{line}\n"
            ));
            record.derivative_table.len()
        };
        assert_eq!(rows("prices ranging from $174.96 to share, The"), 1);
        assert_eq!(
            rows("Stock Option $12.00 (1) 03/01/2031 Common Stock 500 500 D"),
            2
        );
    }

    /// OCR'd text: a line of the headings (`(Instr. 3 and 4)` read as `9.4`) or of a
    /// footnote about prices is no row, though it has words before its numbers.
    #[test]
    fn a_heading_or_footnote_line_of_ocr_text_is_not_a_row() {
        let record = read(&format!(
            "{OCR_HEAD}{OCR_T1}

ity ( Sate Execution Date, Biapored OF (0) liner 9.4 | Sacurtion | Ownership

The weighted average price. 180 98

Common Stock 12,890 D
"
        ));
        let rows = &record.non_derivative_table;
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].security_title.as_deref(), Some("Common Stock"));
        let w = &record.diagnostics.warnings;
        assert_eq!(
            w.iter()
                .filter(|w| w.message.contains("a word of the tables' headings"))
                .count(),
            2,
            "{w:?}"
        );
    }

    /// OCR'd text: a line with no security title (no word in what stands before its values)
    /// is debris from elsewhere in the form.
    #[test]
    fn an_untitled_row_of_ocr_text_is_not_read() {
        let record = read(&format!(
            "{OCR_HEAD}{OCR_T1}\n\n\
$195.255 | 05/07/2020 1,417 1,417 D\n\n(7x8) JO) ne) $0 19,066,032 I\n\nCommon Stock 12,890.76 D\n"
        ));
        assert_eq!(record.non_derivative_table.len(), 1);
        assert_eq!(
            record.non_derivative_table[0].security_title.as_deref(),
            Some("Common Stock")
        );
        let w = &record.diagnostics.warnings;
        assert!(
            w.iter()
                .any(|w| w.message.contains("without a security title")),
            "{w:?}"
        );
        assert!(record
            .diagnostics
            .unmapped
            .iter()
            .any(|u| u.text.contains("1,417")));
        assert!(record
            .diagnostics
            .unmapped
            .iter()
            .any(|u| u.text.contains("19,066,032")));
    }

    /// A count printed with separators and no cents is never a price.
    #[test]
    fn a_count_is_not_a_conversion_price() {
        let record = read(&format!(
            "{HEAD}{T2}\n\n\
| Series A Preferred | 78,667 | 03/04/2021 | | C | | 78,667 | D | (1) | (1) | Common Stock | 78,667 | $0 | 0 | I | |\n"
        ));
        let row = &record.derivative_table[0];
        assert_eq!(row.conversion_or_exercise_price, None);
        assert_eq!(row.shares.map(|d| d.to_string()).as_deref(), Some("78667"));
    }

    /// A table's (A) and (D) columns are told by its own headings, whose cells' lines come
    /// read across the row (so `(A)` is not beside `(D)` in reading order); a page of the
    /// table that prints them in one cell cannot tell a gift's side.
    #[test]
    fn each_page_of_table2_says_whether_it_prints_a_and_d_apart() {
        let head = "|**1. Title**|**2.**|**3. Date**|**3A.**|**4. Code**|**Acquired**<br>**(Instr. 3)**<br>**(A)**|**Disposed**<br>**(D)**|**6. Date**<br>**Exercisable**<br>**and**|**Expiration**|**7. Title**|**Amount**|**8. Price**|**9. Number**|**10.**|**11. Nature**|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
        let record = read(&format!(
            "{HEAD}{T2}\n\n{head}\
|Class B Stock|(2)|12/05/2019||G|111||(2)|(2)|Class A Stock|111|$0|11,417|I|By trust|\n\n\
|**1. Title**|**2.**|**3. Date**|**3A.**|**4. Code**|**(A)**<br>**(D)**|**Date**<br>**Exercisable**|**Expiration**|**Title**|**Amount**|**8. Price**|**9. Number**|**10.**|**11. Nature**|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n\
|Class B Stock|(2)|12/05/2019||G|462|(2)|(2)|Class A Stock|462|$0|1,252|I|By trust|\n"
        ));
        let sides: Vec<_> = record
            .derivative_table
            .iter()
            .map(|r| r.acquired_disposed)
            .collect();
        assert_eq!(sides, [Some(AcquiredDisposed::A), None]);
    }

    /// A row of nothing but marks, each under a value of the row above in its cell, is that
    /// cell's cut end: the marks are the value's and no row is read. A mark under a text
    /// cell, or beside other text, is no such end.
    #[test]
    fn marks_alone_under_a_value_are_its_cut_end() {
        let read_rows = |below: &str| {
            read(&format!(
                "{HEAD}{T1}\n\n\
| Common Stock | | | | | | | 18,204.5120<sup>(1)</sup> | D | |\n\
{below}\n"
            ))
        };
        let record = read_rows("| | | | | | | | (2) | | |");
        assert_eq!(
            record.non_derivative_table.len(),
            1,
            "{:?}",
            record.non_derivative_table
        );
        let row = &record.non_derivative_table[0];
        assert_eq!(
            ids(row.footnotes.get(&RowField::SharesOwnedFollowing)),
            ["F1", "F2"]
        );
        for below in [
            "| (2) | | | | | | | | | |",
            "| Class B Stock | | | | | | | (2) | | |",
        ] {
            let record = read_rows(below);
            let row = &record.non_derivative_table[0];
            assert_eq!(
                ids(row.footnotes.get(&RowField::SharesOwnedFollowing)),
                ["F1"],
                "{below}"
            );
        }
    }

    /// A side the rendering lost (one `(A)(D)` column): an amount owned after smaller than
    /// the amount proves a disposal; else the code implies a side, unless the amounts
    /// contradict it; G implies none.
    #[test]
    fn a_lost_side_is_proved_by_the_amounts_or_implied_by_the_code() {
        let side = |code: &str, amount: &str, owned: &str| {
            let head = "|**1. Title**|**2.**|**3. Date**|**3A.**|**4. Code**|**(A)**<br>**(D)**|**Date**<br>**Exercisable**|**Expiration**|**Title**|**Amount**|**8. Price**|**9. Number**|**10.**|**11. Nature**|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
            let record = read(&format!(
                "{HEAD}{T2}\n\n{head}\
|Class B Stock|(2)|12/05/2019||{code}|{amount}|(2)|(2)|Class A Stock|{amount}|$0|{owned}|I|By trust|\n"
            ));
            let row = &record.derivative_table[0];
            assert!(row.shares.is_some(), "{row:?}");
            (
                row.acquired_disposed,
                record
                    .diagnostics
                    .repairs
                    .iter()
                    .any(|r| r.kind == RepairKind::InferredFromAmounts),
            )
        };
        let d = Some(AcquiredDisposed::D);
        let a = Some(AcquiredDisposed::A);
        assert_eq!(side("G", "3,250", "1,075"), (d, true));
        assert_eq!(side("J", "3,250", "0"), (d, true));
        assert_eq!(side("G", "3,250", "4,075"), (None, false));
        assert_eq!(side("G", "3,250", "3,250"), (None, false));
        assert_eq!(side("A", "3,250", "4,075"), (a, false));
        // Proved by the amounts, whatever the code implies.
        assert_eq!(side("A", "3,250", "1,075"), (d, true));
        assert_eq!(side("M", "3,250", "4,075"), (d, false));
    }

    /// A tall nature cell cut into two table rows: the part alone in a row above a row's
    /// values is that row's; the part alone under a page's repeated headings ends the last
    /// row of the page before, also where that page's grid has an empty column more.
    #[test]
    fn a_nature_cell_cut_into_two_table_rows_is_put_back() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        let wider = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**||\n|---|---|---|---|---|---|---|---|---|---|\n";
        for (page2, cut) in [
            (head, "|||||||||II, LLC<sup>(3)</sup>|"),
            (wider, "|||||||||II, LLC<sup>(3)</sup>||"),
        ] {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}\
|||||||||Ironbark<br>Capital|\n\
|Common Stock|10/26/2021|J|1,236,417|D|(1)|11,238,769|I|Growth<br>Fund, L.P.<sup>(2)</sup>|\n\
|Common Stock|10/26/2021|J|1,615,932|D|(1)|14,654,471|I|By Thicket<br>Fund|\n\n\
{page2}\
{cut}\n\
|Common Stock|10/26/2021|J|339,943|D|(1)|3,160,599|I|By Trust||\n"
            ));
            check_cut_nature(&record);
        }
    }

    /// A tall nature cell that the page break cut, where the next page is picture text:
    /// the page's text lines before its first row, after the repeated headings and up to
    /// the line ending in footnote marks, end the last row of the page before. Not where
    /// that row's cell already ends in its marks, nor where no line ends in marks.
    #[test]
    fn a_nature_cell_cut_by_a_page_break_before_picture_text_is_put_back() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        let headings = "1. Title of Security (Instr. 3) 2. Transaction 2A. Deemed 3. 4. Securities Acquired (A) or 5. Amount of 6. 7. Nature of<br>\
            Code V Amount or Price (Instr. 3 and 4)<br>(D)";
        let row3 = "Common Stock 10/26/2021 J 339,943 D (1) 3,160,599 I Family<br>Trust (4)";
        // The page's last cell's end, the next page's lines, the natures, row 2's marks.
        type Case<'a> = (&'a str, &'a str, [Option<&'a str>; 3], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "Fund",
                "II, LLC<br>(3)<br>By",
                [
                    Some("Growth Fund, L.P."),
                    Some("By Thicket Fund II, LLC"),
                    Some("By Family Trust"),
                ],
                &["F3"],
            ),
            (
                "Fund<sup>(2)</sup>",
                "II, LLC<br>(3)<br>By",
                [
                    Some("Growth Fund, L.P."),
                    Some("By Thicket Fund"),
                    Some("By Family Trust"),
                ],
                &["F2"],
            ),
            (
                "Fund",
                "II, LLC<br>By",
                [
                    Some("Growth Fund, L.P."),
                    Some("By Thicket Fund"),
                    Some("By Family Trust"),
                ],
                &[],
            ),
        ];
        for (cell_end, lines, want, marks) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}\
|Common Stock|10/26/2021|J|1,236,417|D|(1)|11,238,769|I|Growth<br>Fund, L.P.<sup>(1)</sup>|\n\
|Common Stock|10/26/2021|J|1,615,932|D|(1)|14,654,471|I|By Thicket<br>{cell_end}|\n\n\
<!-- Start of picture text -->{T1}<br>{headings}<br>{lines}<br>{row3}<br><!-- End of picture text -->\n"
            ));
            let natures: Vec<_> = record
                .non_derivative_table
                .iter()
                .map(|r| r.nature_of_ownership.as_deref())
                .collect();
            assert_eq!(natures, want, "{cell_end} | {lines}");
            let row = &record.non_derivative_table[1];
            assert_eq!(
                ids(row.footnotes.get(&RowField::NatureOfOwnership)),
                *marks,
                "{cell_end} | {lines}"
            );
        }
    }

    fn check_cut_nature(record: &Record) {
        let natures: Vec<_> = record
            .non_derivative_table
            .iter()
            .map(|r| r.nature_of_ownership.as_deref())
            .collect();
        assert_eq!(
            natures,
            [
                Some("Ironbark Capital Growth Fund, L.P."),
                Some("By Thicket Fund II, LLC"),
                Some("By Trust")
            ]
        );
        let row = &record.non_derivative_table[1];
        assert_eq!(ids(row.footnotes.get(&RowField::NatureOfOwnership)), ["F3"]);
    }

    /// The last row's nature cell runs on into Table II's title row (a converter cutting
    /// rows by height): the rest is joined to it where the document prints the join, with
    /// a space or inside a cut word (its last or another); where it prints it nowhere, the
    /// nature is left out.
    #[test]
    fn a_nature_running_into_table_ii_title_row_is_joined_where_printed() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        // The row's own text, the rest in the title row, the notes, the nature and marks.
        type Case<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "By<br>Rivendell<br>",
                "One<br>LLC<sup>(2)</sup>",
                "2. Held by Rivendell One LLC (\"Rivendell\").",
                Some("By Rivendell One LLC"),
                &["F2"],
            ),
            // A mark whose number the cut lost is no text.
            (
                "By The<br>Founders<br> <sup>2</sup>",
                "Fund II, LP<sup>()</sup>",
                "2. Held by The Founders Fund II, LP.",
                Some("By The Founders Fund II, LP"),
                &["F2"],
            ),
            // Cut inside a word: joined without a space, as the document prints it.
            (
                "See<br>f<sup>(2)</sup>",
                "ootnote",
                "2. Held in trust; see footnote 1.",
                Some("See footnote"),
                &["F2"],
            ),
            // Cut inside the last word, the rest of several words.
            (
                "See f<sup>(2)</sup>",
                "ootnotes one and two",
                "2. Held in trust; see footnotes one and two.",
                Some("See footnotes one and two"),
                &["F2"],
            ),
            // The end of a word before the cell's last (the converter moved it): joined
            // where the document prints the join.
            (
                "By Juniper<br>T LLC<sup>(2)</sup>",
                "wo",
                "2. Held by Juniper Two LLC.",
                Some("By Juniper Two LLC"),
                &["F2"],
            ),
            // Printed nowhere: the row's text is cut, and where its rest goes unknown.
            (
                "By Juniper<br>T LLC<sup>(2)</sup>",
                "wo",
                "2. Held by a trust for the reporting person's children.",
                None,
                &["F2"],
            ),
        ];
        for &(own, rest, notes, want, marks) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}\
|Common Stock|10/26/2021|J|1,236,417|D|(1)|11,238,769|I|By Trust|\n\
|Common Stock|10/26/2021|J|339,943|D|(1)|3,160,599|I|{own}|\n\
||**{T2}**|||||||{rest}|\n\n\
Explanation of Responses:\n\n1. Price.\n\n{notes}\n"
            ));
            let natures: Vec<_> = record
                .non_derivative_table
                .iter()
                .map(|r| r.nature_of_ownership.as_deref())
                .collect();
            assert_eq!(natures, [Some("By Trust"), want], "{own} | {rest}");
            let row = &record.non_derivative_table[1];
            assert_eq!(
                ids(row.footnotes.get(&RowField::NatureOfOwnership)),
                marks,
                "{own} | {rest}"
            );
        }
    }

    /// A footnote mark a cell boundary cut in two (`(1` | `6)`) is put back together and
    /// glued to the value before it, which reads again; digits and a bracket that are no
    /// mark's are left alone.
    #[test]
    fn a_footnote_mark_cut_across_cells_is_put_back() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        type Want<'a> = (
            Option<&'a str>,
            Option<&'a str>,
            &'a [(RowField, &'a [&'a str])],
        );
        let cases: &[(&str, Want)] = &[
            (
                "1,000|D|$173.2672<sup>(7</sup>|<sup>)</sup>|9,000",
                (
                    Some("1000"),
                    Some("173.2672"),
                    &[(RowField::PricePerShare, &["F7"])],
                ),
            ),
            (
                "1,000<sup>(1</sup>|<sup>6)</sup>|D|$17.50|9,000",
                (Some("1000"), Some("17.5"), &[(RowField::Shares, &["F16"])]),
            ),
            (
                "1,000<sup>(</sup>|<sup>16)</sup>|D|$17.50|9,000",
                (Some("1000"), Some("17.5"), &[(RowField::Shares, &["F16"])]),
            ),
            // A column printed only as a mark, the mark cut across cells.
            (
                "1,000|D|(|7)|9,000",
                (Some("1000"), None, &[(RowField::PricePerShare, &["F7"])]),
            ),
            // No mark's closing part in the next cell: nothing is joined.
            (
                "1,000<sup>(</sup>|<sup>16</sup>|D|$17.50|9,000",
                (None, Some("17.5"), &[]),
            ),
        ];
        for &(cells, (shares, price, marks)) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}|Common Stock|10/26/2021|S|{cells}|D||\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(
                (
                    row.shares.map(|d| d.to_string()),
                    row.price_per_share.map(|d| d.to_string())
                ),
                (shares.map(String::from), price.map(String::from)),
                "{cells}"
            );
            for (field, want) in marks {
                assert_eq!(ids(row.footnotes.get(field)), *want, "{cells}");
            }
            if marks.is_empty() {
                assert!(row.footnotes.is_empty(), "{cells}: {:?}", row.footnotes);
            }
        }
    }

    /// An amount without separators is one only where it is all of its cell, and not a
    /// possible year.
    #[test]
    fn a_bare_amount_alone_in_its_cell_is_an_amount() {
        let cases: &[(&str, Option<&str>)] = &[
            ("33733", Some("33733")),
            ("147475000", Some("147475000")),
            ("1803", Some("1803")),
            ("2020", None),
            ("1999", None),
            ("1234567890", None),
            ("12a45", None),
            ("33,733", None),
        ];
        for &(w, want) in cases {
            assert_eq!(
                super::bare_amount(w).map(|d| d.to_string()),
                want.map(String::from),
                "{w}"
            );
        }
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        let rows: &[(&str, Option<&str>)] = &[
            ("|Common Stock||||||33733|D||", Some("33733")),
            // Its footnote mark is part of its cell.
            ("|Common Stock||||||33733<sup>(4)</sup>|D||", Some("33733")),
            // With other words in its cell it stays text, and the row has no value.
            ("|Common Stock||||||33733 shares|D||", None),
        ];
        for &(row, want) in rows {
            let record = read(&format!("{HEAD}{T1}\n\n{head}{row}\n"));
            let owned = record
                .non_derivative_table
                .first()
                .and_then(|r| r.shares_owned_following)
                .map(|d| d.to_string());
            assert_eq!(owned, want.map(String::from), "{row}");
        }
    }

    /// A comma between two letters in a title or nature, and a nature's `See footnote`,
    /// lost their space: put back.
    #[test]
    fn a_comma_between_letters_in_a_text_gets_its_space() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "Bluefin,Inc. common stock",
                "By Bluefin Partners,L.P.",
                "Bluefin, Inc. common stock",
                "By Bluefin Partners, L.P.",
            ),
            (
                "Common Stock, $0.01 par value",
                "By Trust, for family",
                "Common Stock, $0.01 par value",
                "By Trust, for family",
            ),
            (
                "Series 1,A Units",
                "By Trust",
                "Series 1,A Units",
                "By Trust",
            ),
            (
                "Common Stock",
                "Seefootnote",
                "Common Stock",
                "See footnote",
            ),
            (
                "Common Stock",
                "SeeFootnote",
                "Common Stock",
                "See Footnote",
            ),
            (
                "Common Stock",
                "Seed Fund LLC",
                "Common Stock",
                "Seed Fund LLC",
            ),
        ];
        for &(title, nature, want_title, want_nature) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}|{title}|10/26/2021|J|1,236,417|D|$0|11,238,769|I|{nature}|\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(row.security_title.as_deref(), Some(want_title), "{title}");
            assert_eq!(
                row.nature_of_ownership.as_deref(),
                Some(want_nature),
                "{nature}"
            );
        }
    }

    /// Numbers in a title's own cell are the title's: a year wherever it stands, a rate, a
    /// par value. A digit ending the cell is not the head of the amount in the next cell;
    /// such a title is left out (it ends with a number), the row's values are read.
    #[test]
    fn numbers_in_a_title_cell_stay_with_the_title() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        let cases: &[(&str, Option<&str>)] = &[
            ("Acme Preferred Shares, Series 2031-2", None),
            ("Acme Preferred Shares, Series 2031", None),
            ("2031 Plan Units", None),
            ("Senior Notes due 2031 (Convertible)", None),
            ("Restricted Stock Units (2031 Grant)", None),
            ("6.75% Senior Notes due 2031", None),
            ("Common Stock, par value $0.01", None),
            ("Ordinary Shares, nominal value 0.01", None),
            ("Preferred Stock, Series 2", Some("")),
            ("Common Stock", None),
        ];
        for &(title, want) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}|{title}|10/26/2021|J|1,236,417|D|$0|11,238,769|I|By Trust|\n|{title}|||||||7,702|D||\n\n{T2}\n\nExplanation of Responses:\n"
            ));
            let want = want.map_or(Some(title), |w| Some(w).filter(|w| !w.is_empty()));
            let held = &record.non_derivative_table[1];
            assert_eq!(held.security_title.as_deref(), want, "{title}");
            assert_eq!(
                held.shares_owned_following
                    .map(|d| d.to_string())
                    .as_deref(),
                Some("7702"),
                "{title}"
            );
            let row = &record.non_derivative_table[0];
            assert_eq!(row.security_title.as_deref(), want, "{title}");
            assert_eq!(
                row.shares_owned_following.map(|d| d.to_string()).as_deref(),
                Some("11238769"),
                "{title}"
            );
            assert_eq!(
                row.shares.map(|d| d.to_string()).as_deref(),
                Some("1236417"),
                "{title}"
            );
        }
    }

    /// A date or number ending the nature's cell, the row's last, is the nature's; a
    /// number after `#` is a name's.
    #[test]
    fn numbers_ending_a_nature_stay_with_the_nature() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        for nature in [
            "By Acme Family Trust dated 1/2/2015",
            "By Trust u/a/d 12/01/2010",
            "By Acme LLC #2",
            "By Trust",
        ] {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}|Common Stock|10/26/2021|J|1,236,417|D|$0|11,238,769|I|{nature}|\n|Common Stock|||||||7,702|I|{nature}|\n\n{T2}\n\nExplanation of Responses:\n"
            ));
            for (row, owned) in record.non_derivative_table.iter().zip(["11238769", "7702"]) {
                assert_eq!(row.nature_of_ownership.as_deref(), Some(nature));
                assert_eq!(
                    row.shares_owned_following.map(|d| d.to_string()).as_deref(),
                    Some(owned),
                    "{nature}"
                );
                assert_eq!(row.direct_or_indirect, Some(DirectIndirect::I));
            }
        }
    }

    /// A row of a cleanly read table whose values are all broken is not read, and a warning
    /// says so.
    #[test]
    fn a_row_of_broken_values_is_reported() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        for (owned, lost) in [("1O,0O0", true), ("10,000", false)] {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}|Acme Stock||||||{owned}|D||\n\n{T2}\n\nExplanation of Responses:\n"
            ));
            let said = record
                .diagnostics
                .warnings
                .iter()
                .any(|w| w.message.contains("could not be read was not read"));
            assert_eq!(said, lost, "{owned}");
            assert_eq!(record.non_derivative_table.is_empty(), lost, "{owned}");
        }
    }

    /// A note's number written after `Footnote` (`Footnote 2.`) stays in the nature; a mark
    /// or an amount elsewhere stays what it was.
    #[test]
    fn a_note_number_written_after_footnote_stays_in_the_nature() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("See<br>Footnote 2.", Some("See Footnote 2."), "11,238,769"),
            ("See Note 12.", Some("See Note 12."), "11,238,769"),
            ("See Footnote (2)", Some("See Footnote"), "11,238,769"),
            ("By Trust", Some("By Trust"), "11,238,769"),
        ];
        for &(nature, want, owned) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}|Common Stock|10/26/2021|J|1,236,417|D|$0|{owned}|I|{nature}|\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(row.nature_of_ownership.as_deref(), want, "{nature}");
            assert_eq!(
                row.shares_owned_following.as_ref().map(|d| d.to_string()),
                Some(owned.replace(',', "")),
                "{nature}"
            );
        }
    }

    /// A text ending with a word no title or nature ends with was cut: left out.
    #[test]
    fn a_text_ending_with_a_word_no_text_ends_with_is_left_out() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        let cases: &[(&str, Option<&str>)] = &[
            ("By Trust", Some("By Trust")),
            ("See", None),
            ("By The", None),
            ("FOUNDER OF THE", None),
            ("Held in trust for", None),
            ("Class A", Some("Class A")),
            ("By Sequoi Grove II, LLC a", None),
            ("By Trust I", Some("By Trust I")),
            ("(e.", None),
            ("Indirect (I) (Instr. 4)", None),
            ("Date (Month/Day/Year)", None),
            ("By Tarn Trust,", None),
            ("Tarn Fund, par value", None),
            (
                "By Tarn Fund, $0.01 par value",
                Some("By Tarn Fund, $0.01 par value"),
            ),
        ];
        for &(nature, want) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}|Common Stock|10/26/2021|J|1,236,417|D|(1)|11,238,769|I|{nature}|\n"
            ));
            let got = record.non_derivative_table[0]
                .nature_of_ownership
                .as_deref();
            assert_eq!(got, want, "{nature}");
        }
    }

    /// A line of marks alone between a cell's text and its value (a cell holding several
    /// columns) is the value of the column between them; after the cell's last text or
    /// value it stays theirs.
    #[test]
    fn marks_between_a_cells_text_and_value_are_a_column_of_their_own() {
        let head = "|**1. Title**|**2.**|**3. Date**|**3A.**|**4. Code**|**(A)**<br>**(D)**|**Date**<br>**Exercisable**|**Expiration**|**Title**|**Amount**|**8. Price**|**9. Number**|**10.**|**11. Nature**|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
        type Marks<'a> = &'a [(RowField, &'a [&'a str])];
        let cases: &[(&str, Marks)] = &[
            (
                "|Class B Common Stock<br>(2)(3)<br>01/02/2013|C<sup>(1)</sup>|83,334|",
                &[
                    (RowField::SecurityTitle, &[]),
                    (RowField::ConversionOrExercisePrice, &["F2", "F3"]),
                ],
            ),
            (
                "|Class B Common Stock<br>(2)(3)|01/02/2013|C<sup>(1)</sup>|83,334|",
                &[(RowField::SecurityTitle, &["F2", "F3"])],
            ),
        ];
        for &(cells, want) in cases {
            let record = read(&format!(
                "{HEAD}{T2}\n\n{head}{cells}$0|(5)|(5)|Class A Common Stock|83,334|$0|17,879,695|I|By Trust|\n"
            ));
            let row = &record.derivative_table[0];
            for (field, marks) in want {
                assert_eq!(ids(row.footnotes.get(field)), *marks, "{cells}: {field:?}");
            }
        }
    }

    /// Picture text: a row is a plain line, so whether a mark between spaces is a value
    /// (a date printed only as a footnote) or the mark of the word before it is decided
    /// by the form's column order.
    #[test]
    fn loose_marks_in_a_plain_line_go_where_the_columns_put_them() {
        let record = read(&format!(
            "{HEAD}{T2}\n\n\
Stock Option (1) (Right to Buy) $10.00 03/04/2021 A 1,000 (2) (2) Common Stock 1,000 $0 1,000 D (3)(4)\n"
        ));
        let row = &record.derivative_table[0];
        assert_eq!(
            row.security_title.as_deref(),
            Some("Stock Option (Right to Buy)")
        );
        assert_eq!(ids(row.footnotes.get(&RowField::SecurityTitle)), ["F1"]);
        assert_eq!(
            row.conversion_or_exercise_price
                .map(|d| d.to_string())
                .as_deref(),
            Some("10")
        );
        assert_eq!(ids(row.footnotes.get(&RowField::ExerciseDate)), ["F2"]);
        assert_eq!(ids(row.footnotes.get(&RowField::ExpirationDate)), ["F2"]);
        assert_eq!(
            row.underlying_security_shares
                .map(|d| d.to_string())
                .as_deref(),
            Some("1000")
        );
        assert_eq!(
            ids(row.footnotes.get(&RowField::DirectOrIndirect)),
            ["F3", "F4"]
        );
        assert!(row.nature_of_ownership.is_none());
    }

    /// Marks over the `A` of the (A)/(D) cell are the amount's before it; over a `D`, or
    /// after a price, they stay where they were.
    #[test]
    fn marks_over_the_acquired_letter_are_the_amounts() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        let cases: &[(&str, &[&str])] = &[
            ("2,420<sup>(1)</sup>|<sup>(2)</sup><br>A", &["F1", "F2"]),
            ("2,420<sup>(1)</sup>|A", &["F1"]),
            ("2,420|<sup>(2)</sup><br>A", &["F2"]),
        ];
        for &(cells, want) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}|Common Stock|10/26/2021|J|{cells}|$0|7,702|D||\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(ids(row.footnotes.get(&RowField::Shares)), want, "{cells}");
            assert_eq!(
                row.shares.map(|d| d.to_string()).as_deref(),
                Some("2420"),
                "{cells}"
            );
            assert_eq!(row.acquired_disposed, Some(AcquiredDisposed::A), "{cells}");
        }
    }

    /// A loose mark right after the amount is the amount's own; the marks after it are the
    /// date columns' (printed only as marks), none the underlying title's.
    #[test]
    fn a_loose_mark_right_after_an_amount_is_its_own() {
        type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);
        let cases: &[Case] = &[
            ("1,000 (1) (2) (2) Common Stock", &["F1"], &["F2"], &["F2"]),
            ("1,000 (2) (2) Common Stock", &[], &["F2"], &["F2"]),
            (
                "1,000 (1) 03/04/2021 (2) Common Stock",
                &["F1"],
                &[],
                &["F2"],
            ),
        ];
        for &(mid, shares, ex, exp) in cases {
            let record = read(&format!(
                "{HEAD}{T2}\n\n\
Stock Option $10.00 03/04/2021 A {mid} 1,000 $0 1,000 D\n"
            ));
            let row = &record.derivative_table[0];
            assert_eq!(ids(row.footnotes.get(&RowField::Shares)), shares, "{mid}");
            assert_eq!(ids(row.footnotes.get(&RowField::ExerciseDate)), ex, "{mid}");
            assert_eq!(
                ids(row.footnotes.get(&RowField::ExpirationDate)),
                exp,
                "{mid}"
            );
            assert_eq!(
                ids(row.footnotes.get(&RowField::UnderlyingSecurityTitle)),
                &[] as &[&str],
                "{mid}"
            );
            assert_eq!(
                row.underlying_security_title.as_deref(),
                Some("Common Stock"),
                "{mid}"
            );
        }
    }

    /// Picture text: marks alone under a row that go on a value's marks by their numbers
    /// (`2,639 (1)(2)` over `(3)`) end that value's wrapped cell. Marks that do not go on
    /// (`(5)`) stay unread; under a row whose line ends in a text, they are the text's.
    #[test]
    fn marks_wrapped_under_a_picture_row_go_on_their_values_marks() {
        type Case<'a> = (&'a str, &'a str, &'a [(RowField, &'a [&'a str])]);
        let cases: &[Case] = &[
            ("D", "(3)", &[(RowField::Shares, &["F1", "F2", "F3"])]),
            ("D", "(5)", &[(RowField::Shares, &["F1", "F2"])]),
            (
                "I By Trust",
                "(3)",
                &[
                    (RowField::Shares, &["F1", "F2"]),
                    (RowField::NatureOfOwnership, &["F3"]),
                ],
            ),
        ];
        for (end, below, want) in cases {
            let rows = format!(
                "Common Stock 04/05/2024 A 2,639 (1)(2) A $ 0 80,047 {end}<br>{below}<br>\
                 By<br>Common Stock 17,130,000 I<br>Trust (4)"
            );
            let record = read(&format!(
                "{HEAD}<!-- Start of picture text -->{T1}<br>{rows}<br><!-- End of picture text -->\n"
            ));
            let row = &record.non_derivative_table[0];
            let got: Vec<(RowField, Vec<String>)> = row
                .footnotes
                .iter()
                .map(|(f, ids)| (*f, ids.iter().map(ToString::to_string).collect()))
                .collect();
            let want: Vec<(RowField, Vec<String>)> = want
                .iter()
                .map(|(f, ids)| (*f, ids.iter().map(ToString::to_string).collect()))
                .collect();
            assert_eq!(got, want, "{end} | {below}");
            assert_eq!(
                record.non_derivative_table[1]
                    .nature_of_ownership
                    .as_deref(),
                Some("By Trust")
            );
        }
    }

    /// Picture text: a text cell of several lines is printed centred on its row, so its
    /// lines come out above and below the row's line. Each row takes the lines that
    /// balance it; a direct holding has no nature, and its row takes none.
    #[test]
    fn lines_wrapped_around_a_picture_row_are_its_nature() {
        let table =
            "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned";
        // The rows' lines, and each row's nature with its footnote ids.
        type Natures<'a> = &'a [(Option<&'a str>, &'a [&'a str])];
        let cases: &[(&str, Natures)] = &[
            (
                "See<br>Common Stock 03/05/2013 S 997 D $ 177.70 2,500 I<br>footnote (4)<br>\
                 By<br>Common Stock 1,000 I<br>Trust (5)",
                &[(Some("See footnote"), &["F4"]), (Some("By Trust"), &["F5"])],
            ),
            // Four lines: two above, two below; a marks-ended line ends a cell, so it is
            // not above the next row.
            (
                "Common Stock 17,130,000 I By Example<br>Sponsor LLC (3)<br>By<br>\
                 Common Stock 2,000,000 I Other<br>Holdings<br>LLC (4)",
                &[
                    (Some("By Example Sponsor LLC"), &["F3"]),
                    (Some("By Other Holdings LLC"), &["F4"]),
                ],
            ),
            // A direct holding's row takes no line: the next row's lines balance it.
            (
                "Common Stock 5,250,000 D<br>Owned by<br>Tucker<br>Common Stock 1,083,333 I<br>\
                 Hills,<br>LLP",
                &[(None, &[]), (Some("Owned by Tucker Hills, LLP"), &[])],
            ),
        ];
        for (rows, want) in cases {
            let record = read(&format!(
                "{HEAD}<!-- Start of picture text -->{table}<br>{rows}<br><!-- End of picture text -->\n"
            ));
            let got: Vec<(Option<&str>, Vec<String>)> = record
                .non_derivative_table
                .iter()
                .map(|r| {
                    (
                        r.nature_of_ownership.as_deref(),
                        ids(r.footnotes.get(&RowField::NatureOfOwnership)),
                    )
                })
                .collect();
            let want: Vec<(Option<&str>, Vec<String>)> = want
                .iter()
                .map(|(n, f)| (*n, f.iter().map(ToString::to_string).collect()))
                .collect();
            assert_eq!(got, want, "{rows}");
        }
    }

    /// A word a cell's width broke after its hyphen is put back together; a space the
    /// converter lost is put back where the document prints it elsewhere, and nowhere else.
    #[test]
    fn broken_and_glued_words_of_table_i_are_put_back() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Reporting<br>Person is co-<br>trustee of a<br>Trust",
                "1. Held in a trust.",
                Some("Reporting Person is co-trustee of a Trust"),
            ),
            // Spaced as the footnote prints it.
            (
                "By ExampleSponsor LLC",
                "1. Shares held by Example Sponsor LLC.",
                Some("By Example Sponsor LLC"),
            ),
            // Printed glued elsewhere too, or not at all: left as it is.
            (
                "By ExampleSponsor LLC",
                "1. Shares held by ExampleSponsor LLC.",
                Some("By ExampleSponsor LLC"),
            ),
            (
                "By ExampleSponsor LLC",
                "1. Shares held by a trust.",
                Some("By ExampleSponsor LLC"),
            ),
        ];
        for (nature, notes, want) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}|Common Stock|10/26/2021|J|1,236,417|D|(1)|11,238,769|I|{nature}|\n\n\
                 Explanation of Responses:\n\n{notes}\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(
                row.nature_of_ownership.as_deref(),
                *want,
                "{nature} / {notes}"
            );
        }
    }

    /// An amount the grid cut after its first digit (`2 | ,027,400`, `1 | 8,969,380`) is
    /// read whole: the lone digit is its head, not a stray piece.
    #[test]
    fn an_amount_cut_after_its_first_digit_is_read_whole() {
        let head = "|**1. Title**|**2.**|**3. Date**|**3A.**|**4. Code**|**(A)**<br>**(D)**|**Date**<br>**Exercisable**|**Expiration**|**Title**|**Amount**|**8. Price**|**9. Number**|**10.**|**11. Nature**|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
        for (cells, want) in [("2|,027,400", "2027400"), ("1|8,969,380", "18969380")] {
            let record = read(&format!(
                "{HEAD}{T2}\n\n{head}|Series A Preferred Stock|(1)|09/22/2020||C||{cells}|(1)|(1)|Common Stock|{want}|$0|0|I|By Fund|\n"
            ));
            let row = &record.derivative_table[0];
            assert_eq!(
                row.shares.map(|d| d.to_string()).as_deref(),
                Some(want),
                "{cells}"
            );
        }
    }

    /// A cell of several lines the grid cut down its middle is read line by line across
    /// its two parts; two cells of one line each are read one after the other. (The
    /// footnote prints the words whole, as a word cut apart must be printed elsewhere.)
    #[test]
    fn a_text_cell_cut_down_its_middle_is_read_line_by_line() {
        let head = "|**1. Title**|**2.**|**3. Date**|**3A.**|**4. Code**|**(A)**<br>**(D)**|**Date**<br>**Exercisable**|**Expiration**|**Title**|**Amount**|**8. Price**|**9. Number**|**10.**|**11. Nature**|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
        let cases: &[(&str, &str)] = &[
            (
                "Class<br>Comm<br>Stock|A<br>on<br><br>462",
                "Class A Common Stock",
            ),
            (
                "Clas<br>Com<br>Sto|s A<br>mon<br>ck<br>462",
                "Class A Common Stock",
            ),
            ("Class A|Common Stock<br>462", "Class A Common Stock"),
        ];
        for (cells, want) in cases {
            let record = read(&format!(
                "{HEAD}{T2}\n\n{head}|Class B Stock|(2)|12/05/2019||G|462|(2)|(2)|{cells}|$0|1,252|I|By trust|\n\n\
                 Explanation of Responses:\n\n1. Converts into Class A Common Stock.\n"
            ));
            let row = &record.derivative_table[0];
            assert_eq!(
                row.underlying_security_title.as_deref(),
                Some(*want),
                "{cells}"
            );
        }
    }

    /// A text cell cut down its middle whose right part holds one line of text (the other
    /// line is the next column's amount): read line by line where the document prints the
    /// reading elsewhere, left out otherwise.
    #[test]
    fn a_cut_cell_beside_an_amount_is_read_where_the_document_prints_it() {
        let head = "|**1. Title**|**2.**|**3. Date**|**3A.**|**4. Code**|**(A)**<br>**(D)**|**Date**<br>**Exercisable**|**Expiration**|**Title**|**Amount**|**8. Price**|**9. Number**|**10.**|**11. Nature**|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
        for (note, want) in [
            (
                "Each share converts into Class A Common Stock.",
                Some("Class A Common Stock"),
            ),
            ("Each share converts into ordinary shares.", None),
        ] {
            let record = read(&format!(
                "{HEAD}{T2}\n\n{head}|Class B Stock|(2)|12/05/2019||G|462|(2)|(2)|Class A Commo<br>Stock|n<br>462|$0|1,252|I|By trust|\n\nExplanation of Responses:\n\n1. {note}\n"
            ));
            let row = &record.derivative_table[0];
            assert_eq!(row.underlying_security_title.as_deref(), want, "{note}");
            assert_eq!(
                row.underlying_security_shares
                    .map(|d| d.to_string())
                    .as_deref(),
                Some("462")
            );
        }
    }

    /// Table II's picture rows: the lines around a row mix its three text columns. A
    /// reading whose cells the document prints elsewhere is taken; where readings tie,
    /// the cells they disagree on are left empty. Lost spaces the document prints are put
    /// back, and the lines between two rows are split anew where the cells read better.
    #[test]
    fn lines_wrapped_around_a_table_ii_picture_row_are_split_by_column() {
        const CLASSES: &str = "1. Each share of Class B Common Stock converts into one share of \
                               Class A Common Stock.";
        const ROW: &str = "Common (2)(3) 04/02/2012 C (1) 78,667 (2)(3) (2)(3) Common 78,667 $0 \
                           18,714,696 I footnote (4)";
        type Texts<'a> = &'a [(Option<&'a str>, Option<&'a str>, Option<&'a str>)];
        let two_rows = format!("Class B Class A<br>See<br>{ROW}<br>Stock Stock<br>Class B Class A<br>See<br>{ROW}<br>Stock Stock");
        // Two rows whose natures wrap across each other's lines (two cases below).
        let fernfield_rows = "Class B Common Stock (1) (1) Class A Common Stock 5,360,000 5,360,000 I Through XFP Sponsor,<br>\
             LLC (2)<br>Through Fernfield<br>\
             Class B Common Stock (1) (1) Class A Common Stock 100,000 100,000 I Management Company,<br>\
             L.P. (3)";
        let cases: &[(String, &str, Texts)] = &[
            (
                format!("Class B Class A<br>See<br>{ROW}<br>Stock Stock"),
                CLASSES,
                &[(
                    Some("Class B Common Stock"),
                    Some("Class A Common Stock"),
                    Some("See footnote"),
                )],
            ),
            // Balanced by lines, the first row takes three of the four lines between the
            // rows; by column, two: the second row's titles read in full only so.
            (
                two_rows,
                CLASSES,
                &[
                    (
                        Some("Class B Common Stock"),
                        Some("Class A Common Stock"),
                        Some("See footnote"),
                    ),
                    (
                        Some("Class B Common Stock"),
                        Some("Class A Common Stock"),
                        Some("See footnote"),
                    ),
                ],
            ),
            // Printed nowhere else: `Class A` may be the title's, the underlying title's
            // or the nature's, so neither title is read; `See` opens the nature only (no
            // title opens with it).
            (
                format!("Class B Class A<br>See<br>{ROW}<br>Stock Stock"),
                "1. Shares held by a trust.",
                &[(None, None, Some("See footnote"))],
            ),
            // Two like words below the row (`Shares`, `Shares`): whichever title takes
            // which, the readings agree on the texts.
            (
                "Series A2<br>Common See<br>Preferred (2) (2) (2) 3,811,260 3,811,260 I<br>\
                 Shares footnote (1)<br>Shares"
                    .to_string(),
                "1. Each Series A2 Preferred Shares converts into ten Common Shares.",
                &[(
                    Some("Series A2 Preferred Shares"),
                    Some("Common Shares"),
                    Some("See footnote"),
                )],
            ),
            // Footnote marks end a cell: `Through Fernfield`, after `LLC (2)`, is the next
            // row's, however well `Management Company, L.P.` alone is printed elsewhere.
            // Its `Through` opens the nature: no title opens with it.
            (
                fernfield_rows.to_string(),
                "1. Class B Common Stock converts into Class A Common Stock.\n\n\
                 2. Held by Fernfield Management Company, L.P.",
                &[
                    (
                        Some("Class B Common Stock"),
                        Some("Class A Common Stock"),
                        Some("Through XFP Sponsor, LLC"),
                    ),
                    (
                        Some("Class B Common Stock"),
                        Some("Class A Common Stock"),
                        Some("Through Fernfield Management Company, L.P."),
                    ),
                ],
            ),
            // The same rows where the underlying title is printed nowhere else and the
            // nature's last words only as the tail of a longer name (`Fernfield
            // Management Company, L.P.` inside a sentence): no evidence that
            // `Management Company, L.P.` is a whole nature, so `Through Fernfield` is not
            // moved to the first row to leave it so; which row's it is stays unsure.
            (
                fernfield_rows.to_string(),
                "1. Shares of Class B Common Stock are held by the funds.\n\n\
                 2. Held for Quarry Fund, L.P. and Fernfield Management Company, L.P., its adviser.",
                &[
                    (Some("Class B Common Stock"), None, None),
                    (Some("Class B Common Stock"), None, None),
                ],
            ),
            // A three-line nature whose lines come out two above the row's line and one
            // on it: unbalanced by two, still a reading.
            (
                "Class B Class A By QVF II<br>Otter<br>CommonStock (2) 12/09/2024 C 628,553 (2) (2) \
                 CommonStock 628,553 $ 0 137,545 I (DE) LLC (3)"
                    .to_string(),
                "1. Class B Common Stock converts into Class A Common Stock.\n\n\
                 2. Held by QVF II Otter (DE) LLC.",
                &[(
                    Some("Class B Common Stock"),
                    Some("Class A Common Stock"),
                    Some("By QVF II Otter (DE) LLC"),
                )],
            ),
            // A mark ends a cell's words: `(1)` below the row is the title's, not the
            // start of the underlying title's line.
            (
                "Restricted<br>Common<br>Stock (2) 04/21/2014 A 67.38 (1) (1) 67.38 $ 0 23,422.79 D<br>\
                 Units (1) Stock"
                    .to_string(),
                "1. Restricted Stock Units settle in Common Stock.",
                &[(Some("Restricted Stock Units"), Some("Common Stock"), None)],
            ),
            // Spaces the converter lost, put back as the footnotes print them.
            (
                "StockOptions $9.1475 12/19/2019 12/19/2028 CommonStock 95,016 (2) 95,016 D"
                    .to_string(),
                "1. Stock Options granted under the plan vest into Common Stock.",
                &[(Some("Stock Options"), Some("Common Stock"), None)],
            ),
        ];
        for (rows, notes, want) in cases {
            let record = read(&format!(
                "{HEAD}<!-- Start of picture text -->{T2}<br>{rows}<br><!-- End of picture text -->\n\n\
                 Explanation of Responses:\n\n{notes}\n"
            ));
            let got: Vec<_> = record
                .derivative_table
                .iter()
                .map(|r| {
                    (
                        r.security_title.as_deref(),
                        r.underlying_security_title.as_deref(),
                        r.nature_of_ownership.as_deref(),
                    )
                })
                .collect();
            assert_eq!(got, want.to_vec(), "{rows}");
        }
    }

    /// A Table II nature cell the converter cut across table rows (its first lines in a
    /// row of their own above the row's, or its last below a page's repeated headings)
    /// is the row's nature, whole; its footnote comes with it.
    #[test]
    fn a_table_ii_nature_cut_across_table_rows_is_joined() {
        const HEADINGS: &str = "|1. Title of Derivative Security|2. Conversion or Exercise Price|3. Transaction Date|4. Transaction Code|5. Number of Derivative Securities Acquired (A) or Disposed of (D)|6. Date Exercisable and Expiration Date|7. Title and Amount of Underlying Securities|8. Price of Derivative Security|9. Number of Derivative Securities Beneficially Owned Following Reported Transaction(s)|10. Ownership Form|11. Nature of Indirect Beneficial Ownership|\n|---|---|---|---|---|---|---|---|---|---|---|\n";
        const ROW: &str =
            "|Common Stock|(1)|04/02/2012|C|78,667 (D)|(1) (1)|Common Stock 78,667|$0|18,714,696|I|";
        let cases = [
            format!("{HEADINGS}|||||||||||Held by the|\n{ROW}Doe Family Trust (2)|\n"),
            format!("{HEADINGS}{ROW}Held by the Doe|\n\n{HEADINGS}||||||||||| Family Trust (2)|\n"),
        ];
        for table in &cases {
            let record = read(&format!(
                "{HEAD}{T2}\n\n{table}\nExplanation of Responses:\n\n\
                 1. Class B Common Stock converts into Class A Common Stock.\n\n\
                 2. Held by a trust.\n"
            ));
            let rows = &record.derivative_table;
            assert_eq!(rows.len(), 1, "{table}");
            assert_eq!(
                rows[0].nature_of_ownership.as_deref(),
                Some("Held by the Doe Family Trust"),
                "{table}"
            );
            assert_eq!(
                rows[0].footnotes.get(&RowField::NatureOfOwnership),
                Some(&vec![FootnoteId(2)]),
                "{table}"
            );
        }
    }

    /// Lines of OCR'd text are too often out of order for text alone on a line to be a
    /// cell's: rules read as `|` mark it, and no line is taken.
    #[test]
    fn lines_around_a_row_of_ruled_ocr_text_are_not_read() {
        let record = read(&format!(
            "{HEAD}<!-- Start of picture text -->Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned<br>\
             See<br>Common Stock 03/05/2013 S | 997 D $ 177.70 2,500 I<br>footnote (4)<br><!-- End of picture text -->\n"
        ));
        let row = &record.non_derivative_table[0];
        assert_eq!(row.nature_of_ownership, None);
        assert!(!row.footnotes.contains_key(&RowField::NatureOfOwnership));
    }

    /// Picture text runs a row's values together on one line: a year, a par value or a
    /// dash inside a title is the title's, and a date after a nature's words is the
    /// nature's; none of them cuts the text short or costs the row its values.
    #[test]
    fn numbers_inside_texts_of_a_picture_line_stay_with_the_texts() {
        let t1 = |rows: &str| {
            read(&format!(
                "{HEAD}<!-- Start of picture text -->{T1}<br>{rows}<br>{T2}<br><!-- End of picture text -->\n"
            ))
        };
        // (row's line, title, amount owned, nature)
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            (
                "2031 Performance Share Units 4,120.5 D",
                Some("2031 Performance Share Units"),
                Some("4120.5"),
                None,
            ),
            (
                "7.25% Senior Notes due 2031 4,120 D",
                Some("7.25% Senior Notes due 2031"),
                Some("4120"),
                None,
            ),
            (
                "Common Stock - 2031 Grant 4,120 D",
                Some("Common Stock - 2031 Grant"),
                Some("4120"),
                None,
            ),
            (
                "Units (2031 Award) 4,120 D",
                Some("Units (2031 Award)"),
                Some("4120"),
                None,
            ),
            (
                "Ordinary Shares, par value $0.0005 4,120 D",
                Some("Ordinary Shares, par value $0.0005"),
                Some("4120"),
                None,
            ),
            (
                "Common Stock, par value $.05 per share 4,120 D",
                Some("Common Stock, par value $.05 per share"),
                Some("4120"),
                None,
            ),
            (
                "Common Stock, $0.0005 par value 4,120 D",
                Some("Common Stock, $0.0005 par value"),
                Some("4120"),
                None,
            ),
            (
                "Common Stock 4,120 I By Pine Family Trust dated 3/4/2011",
                Some("Common Stock"),
                Some("4120"),
                Some("By Pine Family Trust dated 3/4/2011"),
            ),
            (
                "Common Stock 4,120 I By Trust u/a/d 11/02/2009",
                Some("Common Stock"),
                Some("4120"),
                Some("By Trust u/a/d 11/02/2009"),
            ),
        ];
        for &(line, title, owned, nature) in cases {
            let record = t1(line);
            let row = &record.non_derivative_table[0];
            assert_eq!(row.security_title.as_deref(), title, "{line}");
            assert_eq!(
                row.shares_owned_following.map(|d| d.to_string()).as_deref(),
                owned,
                "{line}"
            );
            assert_eq!(row.nature_of_ownership.as_deref(), nature, "{line}");
        }
        // A par value stated before `par value`: the `$` amount after it is the next
        // column's (Table II's conversion price).
        let record = read(&format!(
            "{HEAD}<!-- Start of picture text -->{T2}<br>\
             Series A Preferred Stock, $0.05 par value $ 12.50 03/11/2031 A 2,468 (5) 03/10/2041 Common Stock 2,468 $ 0 2,468 D\
             <br><!-- End of picture text -->\n"
        ));
        let row = &record.derivative_table[0];
        assert_eq!(
            row.conversion_or_exercise_price
                .map(|d| d.to_string())
                .as_deref(),
            Some("12.5")
        );
        assert_eq!(
            row.security_title.as_deref(),
            Some("Series A Preferred Stock, $0.05 par value")
        );
        // Table II's underlying title, between the expiration date and its amount.
        let cases: &[(&str, Option<&str>)] = &[
            ("Common Stock (2031 Plan)", Some("Common Stock (2031 Plan)")),
            ("7.25% Notes due 2031", Some("7.25% Notes due 2031")),
            (
                "Common Stock, par value $0.05",
                Some("Common Stock, par value $0.05"),
            ),
        ];
        for &(und, want) in cases {
            let record = read(&format!(
                "{HEAD}<!-- Start of picture text -->{T2}<br>\
                 Restricted Stock Units (1) 03/11/2031 A 2,468 (5) 03/10/2041 {und} 2,468 $ 0 2,468 D\
                 <br><!-- End of picture text -->\n"
            ));
            let row = &record.derivative_table[0];
            assert_eq!(row.underlying_security_title.as_deref(), want, "{und}");
            assert_eq!(
                row.expiration_date.map(|d| d.to_string()).as_deref(),
                Some("2041-03-10")
            );
            assert_eq!(
                row.underlying_security_shares
                    .map(|d| d.to_string())
                    .as_deref(),
                Some("2468"),
                "{und}"
            );
        }
    }

    /// A title the grid cut (`Series B|-2 Preferred Stock`, `Stock - 2031|Grant`) keeps
    /// its pieces of digits: read as broken values and skipped, they cut the title in two
    /// and the reading kept one half without a word. A title that still ends with a lone
    /// dash was cut: left out.
    #[test]
    fn pieces_of_digits_inside_a_cut_title_stay_with_it() {
        let head = "|**1. Title of Security**|**2. Date**|**3. Code**|**4. Amount**|**(A) or (D)**|**Price**|**5. Owned**|**6. Form**|**7. Nature**|\n|---|---|---|---|---|---|---|---|---|\n";
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Series B|-2 Preferred Stock",
                Some("Series B-2 Preferred Stock"),
            ),
            ("Class A-|1 Units", Some("Class A-1 Units")),
            ("Class A|-1 Units", Some("Class A-1 Units")),
            ("Common Stock -|Class A", Some("Common Stock - Class A")),
            (
                "Series B -2 Preferred Stock|",
                Some("Series B -2 Preferred Stock"),
            ),
            (
                "Common|Stock - 2031|Grant",
                Some("Common Stock - 2031 Grant"),
            ),
            ("Common Stock -|", None),
            ("Common Stock|", Some("Common Stock")),
        ];
        // A date with debris glued to it, between a title and a code, is no piece of the
        // title: the code is no word that carries the text on.
        let record = read(&format!(
            "{HEAD}{T1}\n\nClass A Common Stock \\01/20/2019  S 1,315,336 D $8.47 8,882,816 I\n"
        ));
        let row = &record.non_derivative_table[0];
        assert_eq!(row.security_title.as_deref(), Some("Class A Common Stock"));
        for &(cells, want) in cases {
            let record = read(&format!(
                "{HEAD}{T1}\n\n{head}|{cells}|10/26/2021|J|1,236,417|D|$0|11,238,769|I|By Trust|\n"
            ));
            let row = &record.non_derivative_table[0];
            assert_eq!(row.security_title.as_deref(), want, "{cells}");
            assert_eq!(
                row.shares_owned_following.map(|d| d.to_string()).as_deref(),
                Some("11238769"),
                "{cells}"
            );
        }
    }

    /// A Table II holding whose only numbers are zeros and marks is a row, not a line of
    /// the headings, even when its underlying title shares words with them (`Shares of
    /// Beneficial Interest`).
    #[test]
    fn a_holding_of_zeros_with_heading_words_is_a_row() {
        let cases: &[(&str, usize)] = &[
            (
                "Class B Common Stock|(3)||(3)|(3)<br>Shares of<br>Beneficial<br>Interest|0|0|D|",
                1,
            ),
            (
                "Class B Common Stock|(3)||(3)|(3)<br>Class A<br>Common<br>Stock|0|0|D|",
                1,
            ),
        ];
        for &(cells, n) in cases {
            let record = read(&format!(
                "{HEAD}{T2}\n\n|**1. Title of Derivative Security**|**2. Conversion**|**3. Date**|**4. Code**|**6. Date Exercisable**|**7. Title and Amount**|**9. Number**|**10. Form**|\n|---|---|---|---|---|---|---|---|\n|{cells}\n"
            ));
            assert_eq!(record.derivative_table.len(), n, "{cells}");
            let row = &record.derivative_table[0];
            assert_eq!(
                row.security_title.as_deref(),
                Some("Class B Common Stock"),
                "{cells}"
            );
        }
    }
}
