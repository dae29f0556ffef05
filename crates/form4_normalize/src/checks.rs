//! Values of the record checked against each other, once every part is read.
//!
//! A value that contradicts the form's other values is reported; where the text went
//! through OCR, whose misreadings make such contradictions (`12/05` read as `02/05`), the
//! contradicted value is also left out.

use std::collections::{BTreeMap, BTreeSet};

use form4_model::{
    AcquiredDisposed, Date, Decimal, DerivativeRow, DirectIndirect, DocumentType, NonDerivativeRow,
    Record, RepairKind, RowKind, TransactionCode, WarningCode,
};

use crate::ctx::Ctx;
use crate::header::{self, box1_caption, NAME_CAPTIONS};
use crate::values;

/// The days from the period of report to a transaction that the form allows, by form:
/// Form 4's period is the date of its earliest transaction, reported within days (all but
/// one of the development corpus's 387 Form 4 transactions fall from 6 days before it to 48
/// after; the one at 170 days is in digital text, where it is only reported); Form 5's is
/// the end of the fiscal year whose transactions it reports.
fn window(form: u8) -> Option<(i64, i64)> {
    match form {
        4 => Some((-10, 60)),
        5 => Some((-400, 10)),
        _ => None,
    }
}

/// Transaction dates against the period of report (box 3). Where they disagree, either the
/// dates or the period are misread: in OCR'd text, whichever fewer dates support is left
/// out, a period with the dates that agree with it (a tie leaves neither side); in
/// digital text, the disagreement is only reported.
pub(crate) fn transaction_dates(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    let (Some(period), Some(form)) = (record.period_of_report, record.document_type) else {
        return;
    };
    let Some((lo, hi)) = window(form.form_number()) else {
        return;
    };
    let fits = |d: Date| (lo..=hi).contains(&(day_number(d) - day_number(period)));
    let dates = transaction_dates_of(record);
    let inside = dates.iter().filter(|(_, d)| d.is_some_and(fits)).count();
    let outside = dates
        .iter()
        .filter(|(_, d)| d.is_some_and(|d| !fits(d)))
        .count();
    if outside == 0 {
        return;
    }
    // The period counts as one more date agreeing with itself; the side with fewer is the
    // misread one, dates and period alike (a period misread like one date, `11/18` as
    // `01/18`, takes that date with it); a tie leaves neither side standing.
    let with_period = inside + 1;
    let (drop_outside, drop_period) =
        (ocr && with_period >= outside, ocr && outside >= with_period);
    let tie = with_period == outside;
    for (field, slot) in dates {
        let Some(d) = *slot else { continue };
        let days = day_number(d) - day_number(period);
        let form = form.form_number();
        if fits(d) {
            if drop_period {
                leave_out(slot, &field, WarningCode::Inconsistent, &format!("the transaction date {d} agrees with the period of report {period}, which {} transaction dates contradict: both left out", if tie { "as many" } else { "more" }), cx);
            }
            continue;
        }
        let mut message = format!(
            "the transaction date {d} is {days} days from the period of report {period}, outside what Form {form} allows"
        );
        if drop_outside {
            message.push_str(if tie {
                ": as many dates agree with the period (counting itself), so which is misread is not known and this one is left out"
            } else {
                ": more dates agree with the period (counting itself), so this one is misread and left out"
            });
            *slot = None;
        }
        cx.warn(WarningCode::Inconsistent, Some(&field), &message, None);
    }
    if drop_period {
        record.period_of_report = None;
        cx.warn(
            WarningCode::Inconsistent,
            Some("period_of_report"),
            &format!(
                "{} transaction dates disagree with the period of report {period}: the period is left out",
                if tie { "as many as agree" } else { "more than agree" }
            ),
            None,
        );
    }
}

/// A filing's transactions cluster on a few days, days apart: none of the corpus's 108
/// distinct transaction dates of a filing is one digit of the month or year away from a
/// date the filing reports three times as often (days one digit apart are common:
/// `04/04` and `04/05`). In OCR'd text such a date is the common one misread (`12/05`
/// read `02/05`): left out.
pub(crate) fn stray_dates(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    let mut counts: BTreeMap<Date, usize> = BTreeMap::new();
    let all = record
        .non_derivative_table
        .iter()
        .map(|r| r.transaction_date)
        .chain(record.derivative_table.iter().map(|r| r.transaction_date));
    for d in all.flatten() {
        *counts.entry(d).or_default() += 1;
    }
    let stray = |d: Date| -> Option<Date> {
        let n = counts.get(&d).copied().unwrap_or(0);
        // The dates one digit of the year or month away, looked up rather than compared
        // with every date of the filing, so that a table of many rows stays linear.
        one_digit_of_year_or_month(d)
            .filter(|e| counts.get(e).is_some_and(|&m| m >= 3 * n))
            .min()
    };
    for (field, slot) in transaction_dates_of(record) {
        let Some(d) = *slot else { continue };
        let Some(common) = stray(d) else { continue };
        leave_out(slot, &field, WarningCode::Inconsistent, &format!("the transaction date {d} is one digit of its month or year from {common}, which the filing reports far more often: misread, so left out"), cx);
    }
}

/// The dates that differ from `d` in one digit of its year or month (`YYYY-MM`), same day.
fn one_digit_of_year_or_month(d: Date) -> impl Iterator<Item = Date> {
    let (year, month, day) = (d.year(), d.month(), d.day());
    let years = [1000, 100, 10, 1].into_iter().flat_map(move |place| {
        let digit = year / place % 10;
        (0..10)
            .filter(move |&k| k != digit)
            .map(move |k| (year - digit * place + k * place, month))
    });
    let months = [10, 1].into_iter().flat_map(move |place| {
        let digit = month / place % 10;
        (0..10)
            .filter(move |&k| k != digit)
            .map(move |k| (year, month - digit * place + k * place))
    });
    years
        .chain(months)
        .filter_map(move |(y, m)| Date::new(y, m, day).ok())
}

/// In OCR'd text, a date read under the amendment box's label where the period's box
/// (box 3, Form 3's box 2) gave none is as likely the period's: OCR puts the two boxes'
/// lines out of order, and amendments are rare (none in the corpus, where the 2 such
/// readings are both the period's date). The date is left out, and with it the `/A` of
/// the document type, which only that date gave; the warning says why.
pub(crate) fn lone_amendment_dates(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr || record.period_of_report.is_some() {
        return;
    }
    let Some(d) = record.date_of_original_submission.take() else {
        return;
    };
    record.document_type = record.document_type.map(DocumentType::original);
    cx.warn(
        WarningCode::Ambiguous,
        Some("date_of_original_submission"),
        &format!("{d} was read as the original filing's date of an amendment, but no period of report was read: in OCR'd text the date may be the period's, so it was left out, and the document is not taken as an amendment"),
        None,
    );
}

/// A row of OCR'd text that reads a transaction date and no other value (no code, amount,
/// price, side or ownership form), under a title that names no kind of security, is no row
/// of the table: a line of the address or a signature (`NORTH MAIN STREET
/// 12/31/2019`) that lost the table's lines. Its date is left out. (A row whose values
/// all failed to be read keeps its date when its title names a security: every one of the
/// corpus's 743 security titles holds one of `SECURITY_WORDS`.)
pub(crate) fn lone_dates(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    for (i, r) in record.non_derivative_table.iter_mut().enumerate() {
        let others = r.deemed_execution_date.is_some()
            || r.transaction_code.is_some()
            || r.shares.is_some()
            || r.price_per_share.is_some()
            || r.acquired_disposed.is_some()
            || r.shares_owned_following.is_some()
            || r.value_owned_following.is_some()
            || r.direct_or_indirect.is_some();
        if !others && !names_a_security(r.security_title.as_deref()) {
            leave_out_lone_date(
                &mut r.transaction_date,
                &format!("non_derivative_table[{i}]"),
                cx,
            );
        }
    }
    for (i, r) in record.derivative_table.iter_mut().enumerate() {
        let others = r.deemed_execution_date.is_some()
            || r.conversion_or_exercise_price.is_some()
            || r.transaction_code.is_some()
            || r.shares.is_some()
            || r.total_value.is_some()
            || r.price_per_share.is_some()
            || r.acquired_disposed.is_some()
            || r.exercise_date.is_some()
            || r.expiration_date.is_some()
            || r.underlying_security_shares.is_some()
            || r.underlying_security_value.is_some()
            || r.shares_owned_following.is_some()
            || r.value_owned_following.is_some()
            || r.direct_or_indirect.is_some();
        if !others && !names_a_security(r.security_title.as_deref()) {
            leave_out_lone_date(
                &mut r.transaction_date,
                &format!("derivative_table[{i}]"),
                cx,
            );
        }
    }
}

/// Pieces of the words that name a kind of security, short enough that a title OCR cut
/// or misread (`‘ommon Stoc!`) keeps one: every one of the corpus's 743 security titles
/// holds one (`Common Stock`, `Series A Preferred Shares`, `LP interests in ...`). The
/// last four name kinds the corpus lacks but other filers report (`Convertible
/// Debentures`, `Ordinary`, `American Depositary ...`, `Bonds`): a missing word would
/// leave out a real row's date.
const SECURITY_WORDS: &[&str] = &[
    "stoc", "tock", "ommo", "shar", "unit", "opti", "warr", "note", "pref", "right", "class",
    "interest", "securit", "debent", "ordin", "deposit", "bond",
];

fn names_a_security(title: Option<&str>) -> bool {
    let Some(title) = title else { return false };
    let lower = title.to_lowercase();
    SECURITY_WORDS.iter().any(|w| lower.contains(w))
}

fn leave_out_lone_date(date: &mut Option<Date>, at: &str, cx: &mut Ctx) {
    let Some(d) = date.take() else { return };
    cx.warn(
        WarningCode::Unreadable,
        Some(&format!("{at}.transaction_date")),
        &format!("the row reads the date {d} and no other value: nothing shows it is a row of the table (OCR'd text puts header and signature lines among the rows), so the date is left out"),
        None,
    );
}

/// Codes that none of the corpus's 585 transactions has and that are rare in EDGAR as a
/// whole (deposits into voting trusts, small acquisitions, transfers under a will, ...):
/// in OCR'd text such a letter is far more often a misread of a common code (`Z` of `2`,
/// `I` of `1`, `O` of `0`, `L` of `1`) or debris than the rare code.
const RARE_CODES: &[TransactionCode] = &[
    TransactionCode::E,
    TransactionCode::H,
    TransactionCode::I,
    TransactionCode::K,
    TransactionCode::L,
    TransactionCode::O,
    TransactionCode::U,
    TransactionCode::W,
    TransactionCode::Z,
];

/// Rare codes (`RARE_CODES`) of OCR'd text, left out.
pub(crate) fn rare_codes(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    for (field, code) in codes_of(record) {
        let Some(c) = *code else { continue };
        if !RARE_CODES.contains(&c) {
            continue;
        }
        leave_out(code, &field, WarningCode::Unreadable, &format!("code {c} is rare, and in OCR'd text more likely a misread letter or debris: left out"), cx);
    }
}

/// A price is paid for an amount on a day: every one of the corpus's 272 Table I rows
/// with a price has a date, a code, an amount or an amount owned. A Table I row of
/// OCR'd text that reads a price and none of them is debris read as a row (`Cmn
/// Stok ks cnes A $17`): its price is left out.
pub(crate) fn lone_prices(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    for (i, r) in record.non_derivative_table.iter_mut().enumerate() {
        let others = r.transaction_date.is_some()
            || r.transaction_code.is_some()
            || r.shares.is_some()
            || r.shares_owned_following.is_some();
        if others {
            continue;
        }
        let Some(p) = r.price_per_share.take() else {
            continue;
        };
        cx.warn(
            WarningCode::Unreadable,
            Some(&format!("non_derivative_table[{i}].price_per_share")),
            &format!(
                "the row reads the price {p} and no date, code or amount it was paid for: left out"
            ),
            None,
        );
    }
}

/// Codes of trades for a price: open-market or private purchases and sales, and payment
/// of a price or tax by delivering securities. Every one of the corpus's 183 Table I rows
/// with one of them prints an amount and a price.
const PRICED_CODES: &[TransactionCode] =
    &[TransactionCode::P, TransactionCode::S, TransactionCode::F];

/// A Table I row of OCR'd text that reads a trade's code (`PRICED_CODES`) and no price,
/// amount, side or amount owned has nothing that confirms the letter: it stands alone in
/// debris (`A Common Stock 08/01/2012 F`), and is as likely a misread of another code.
/// The code is left out. Over the three OCR renderings this leaves out 2 misread codes
/// and no right one.
pub(crate) fn unpriced_trades(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    for (i, r) in record.non_derivative_table.iter_mut().enumerate() {
        let Some(c) = r.transaction_code else {
            continue;
        };
        let confirmed = r.price_per_share.is_some()
            || r.shares.is_some()
            || r.acquired_disposed.is_some()
            || r.shares_owned_following.is_some();
        if confirmed || !PRICED_CODES.contains(&c) {
            continue;
        }
        leave_out(
            &mut r.transaction_code,
            &format!("non_derivative_table[{i}].transaction_code"),
            WarningCode::Unreadable,
            &format!("code {c} is a trade for a price, but the row reads no price, amount, side or amount owned: nothing confirms the letter, so it was left out"),
            cx,
        );
    }
}

/// OCR reads the code `C` (conversion) as `G` (gift) more than any other pair of letters.
/// Conversions and gifts seldom meet in one filing (2 of the corpus's 120 filings have
/// both; 33 have conversions), so in OCR'd text a `G` beside rows read `C` is more likely
/// a misread `C` than a gift: its code is left out. (The `C`s stay: nothing in the form
/// turns a `G` into a `C`.) A Table II that names a convertible or preferred security is
/// the same sign where OCR lost every `C`: none of the corpus's 11 filings whose Table II
/// names one reports a gift (they report 36 conversions). Over the three OCR renderings
/// this second sign leaves out 3 misread `C`s and no gift.
pub(crate) fn confusable_codes(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    let converts = record
        .derivative_table
        .iter()
        .any(|r| names_a_convertible(r.security_title.as_deref()));
    let mut codes = codes_of(record);
    if !converts && !codes.iter().any(|(_, c)| **c == Some(TransactionCode::C)) {
        return;
    }
    let beside = if converts {
        "a Table II security that converts"
    } else {
        "rows read C"
    };
    for (field, code) in &mut codes {
        if **code == Some(TransactionCode::G) {
            leave_out(*code, field, WarningCode::Ambiguous, &format!("code G beside {beside} in OCR'd text: more likely a misread C than a gift, so the code is left out"), cx);
        }
    }
}

/// How many significant digits an amount needs before two amounts one digit apart are
/// taken for one misread: round amounts (`1,000` beside `1,700`, `30,000` beside `80,000`)
/// are one digit apart by design, while of the corpus's 921 amounts of 4 significant
/// digits or more one alone (`1,161` beside three `1,261`) is one digit from an amount of
/// its filing printed more often.
const MIN_SIGNIFICANT: usize = 4;

/// The digits of an amount without its leading and trailing zeros (`3,811,260` ->
/// `381126`), the point dropped; `None` for a negative amount, which the tables never hold.
fn significant(d: Decimal) -> Option<String> {
    if d.is_sign_negative() {
        return None;
    }
    let s: String = d
        .normalize()
        .to_string()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    Some(s.trim_matches('0').to_string())
}

/// Whether two amounts print one character apart (a digit or the point changed, dropped
/// or added anywhere: `811,260` and `3,811,260`, `3,330.962` and `3,330,962`), both with
/// at least [`MIN_SIGNIFICANT`] significant digits. Ten times an amount is no misread: a
/// conversion ratio of ten (`381,126` preferred shares into `3,811,260` common) prints the
/// same digits with a zero added. (Unlike `table`'s test of a row's own amounts, which
/// knows nothing of the rest of the filing, a digit dropped inside counts too.)
fn one_digit_apart(a: Decimal, b: Decimal) -> bool {
    let long_enough = |d: Decimal| significant(d).is_some_and(|s| s.len() >= MIN_SIGNIFICANT);
    if a == b || !long_enough(a) || !long_enough(b) {
        return false;
    }
    let ten = Decimal::from(10);
    if a.checked_mul(ten) == Some(b) || b.checked_mul(ten) == Some(a) {
        return false;
    }
    let (a, b) = (a.normalize().to_string(), b.normalize().to_string());
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    // Digits and the point are ASCII: bytes are characters.
    let (long, short) = (long.as_bytes(), short.as_bytes());
    match long.len() - short.len() {
        0 => long.iter().zip(short).filter(|(x, y)| x != y).count() == 1,
        1 => {
            // Past the first place they differ, the longer is the shorter shifted by one.
            let same = long.iter().zip(short).take_while(|(x, y)| x == y).count();
            long.get(same + 1..) == short.get(same..)
        }
        _ => false,
    }
}

/// The texts one digit or point from `s`: one of its characters changed or dropped, or one
/// added.
fn one_character_away(s: &str) -> impl Iterator<Item = String> + '_ {
    const CHARS: &[char] = &['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.'];
    let at: Vec<usize> = s
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect();
    let pieces = move |k: usize| {
        let here = at.get(k).copied().unwrap_or(s.len());
        let next = at.get(k + 1).copied().unwrap_or(s.len());
        // Char boundaries by `char_indices`, so no piece is missing.
        (
            s.get(..here).unwrap_or(""),
            s.get(here..next).unwrap_or(""),
            s.get(next..).unwrap_or(""),
        )
    };
    let n = s.chars().count();
    (0..=n).flat_map(move |k| {
        let (before, this, after) = pieces(k);
        let dropped = (!this.is_empty()).then(|| format!("{before}{after}"));
        let changed = CHARS
            .iter()
            .filter(move |c| !this.is_empty() && this != c.to_string())
            .map(move |c| format!("{before}{c}{after}"));
        let added = CHARS
            .iter()
            .map(move |c| format!("{before}{c}{this}{after}"));
        dropped.into_iter().chain(changed).chain(added)
    })
}

/// Every amount of both tables (Table I's amounts and amounts owned, Table II's amounts,
/// underlying amounts and amounts owned), with its field's path.
fn amounts_of(record: &mut Record) -> Vec<(String, &mut Option<Decimal>)> {
    let mut out = Vec::new();
    for (i, r) in record.non_derivative_table.iter_mut().enumerate() {
        let at = format!("non_derivative_table[{i}]");
        out.push((format!("{at}.shares"), &mut r.shares));
        out.push((
            format!("{at}.shares_owned_following"),
            &mut r.shares_owned_following,
        ));
    }
    for (i, r) in record.derivative_table.iter_mut().enumerate() {
        let at = format!("derivative_table[{i}]");
        out.push((format!("{at}.shares"), &mut r.shares));
        out.push((
            format!("{at}.underlying_security_shares"),
            &mut r.underlying_security_shares,
        ));
        out.push((
            format!("{at}.shares_owned_following"),
            &mut r.shares_owned_following,
        ));
    }
    out
}

/// A filing repeats its amounts: an amount acquired is often the amount owned after, and
/// Table II's underlying amount of a conversion or exercise is Table I's amount acquired.
/// In OCR'd text an amount the tables print once, one digit from an amount they print
/// more often (`8,667` beside two `78,667`; `491,050` beside two `401,050`), is that
/// amount misread (a digit lost to the column's edge, or read as its neighbour): left
/// out. Over the three OCR renderings this leaves out 3 misread amounts and no right one.
pub(crate) fn outvoted_amounts(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (_, a) in amounts_of(record) {
        if let Some(a) = *a {
            *counts.entry(a.normalize().to_string()).or_default() += 1;
        }
    }
    // The amounts printed more than once, under each text one character from them: an
    // amount's outvoting neighbours are looked up rather than searched for, so that a
    // table of many rows stays linear.
    let mut near: BTreeMap<String, Vec<(Decimal, usize)>> = BTreeMap::new();
    for (printed, &m) in &counts {
        let Ok(b) = printed.parse::<Decimal>() else {
            continue;
        };
        if m < 2 || significant(b).is_none_or(|s| s.len() < MIN_SIGNIFICANT) {
            continue;
        }
        for t in one_character_away(printed) {
            near.entry(t).or_default().push((b, m));
        }
    }
    let outvoted = |a: Decimal| -> Option<Decimal> {
        let printed = a.normalize().to_string();
        let n = counts.get(&printed).copied().unwrap_or(0);
        near.get(&printed)?
            .iter()
            .filter(|&&(b, m)| m > n && one_digit_apart(a, b))
            .map(|&(b, _)| b)
            .min()
    };
    for (field, slot) in amounts_of(record) {
        let Some(a) = *slot else { continue };
        let Some(common) = outvoted(a) else { continue };
        leave_out(slot, &field, WarningCode::Inconsistent, &format!("the amount {a} is one digit from {common}, which the tables print more often: misread, so left out"), cx);
    }
}

/// Table II's underlying amount of a row with a transaction is what Table I reports
/// acquired or disposed of on the same day (a conversion or exercise). In OCR'd text an
/// underlying amount that no Table I amount of its day equals but one is one digit from
/// (`811,260` beside Table I's `3,811,260`; `12,477,100` beside `2,477,100`) is that amount
/// misread: the underlying column sits beside the underlying title, whose debris OCR glues
/// to the digits or takes digits into (`©™™"13. Shares|811,260`). Left out, Table I's
/// stays. None of the corpus's 215 underlying amounts is one digit from a Table I amount
/// of its day that it does not equal (two are, of round amounts: `30,000` and `80,000`);
/// over the three OCR renderings this leaves out 3 misread amounts (one of them
/// [`outvoted_amounts`] leaves out too) and no right one.
pub(crate) fn underlying_amounts(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    // Table I's amounts by day and printed digits: each underlying amount's neighbours are
    // looked up, so that a day of many rows stays linear.
    let table1: BTreeSet<(Date, String)> = record
        .non_derivative_table
        .iter()
        .filter_map(|r| Some((r.transaction_date?, r.shares?.normalize().to_string())))
        .collect();
    for (i, r) in record.derivative_table.iter_mut().enumerate() {
        let (Some(day), Some(u)) = (r.transaction_date, r.underlying_security_shares) else {
            continue;
        };
        let printed = u.normalize().to_string();
        if table1.contains(&(day, printed.clone())) {
            continue;
        }
        let Some(near) = one_character_away(&printed)
            .filter(|t| table1.contains(&(day, t.clone())))
            .filter_map(|t| t.parse::<Decimal>().ok())
            .filter(|&a| one_digit_apart(u, a))
            .min()
        else {
            continue;
        };
        leave_out(&mut r.underlying_security_shares, &format!("derivative_table[{i}].underlying_security_shares"), WarningCode::Inconsistent, &format!("the underlying amount {u} is one digit from Table I's {near} of the same day, which no Table I amount of that day equals: misread, so left out"), cx);
    }
}

/// Codes of a transaction that the other table reports too: a conversion (`C`) or an
/// exercise (`M`, `X`) disposes of the derivative in Table II and acquires its underlying
/// shares in Table I, on the same day. Every one of the corpus's 108 rows with such a code
/// has a row of the other table on its day.
const PAIRED_CODES: &[TransactionCode] =
    &[TransactionCode::C, TransactionCode::M, TransactionCode::X];

/// A conversion or exercise (`PAIRED_CODES`) of OCR'd text on a day the other table reports
/// nothing on, though its dates were read, is a misread letter (`A` read `C`): its code
/// is left out. Over the three OCR renderings this leaves out 1 misread code and no right
/// one (without the dates of the other table read, 1 right `M` would go).
pub(crate) fn unpaired_conversions(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    let days1: BTreeSet<Date> = record
        .non_derivative_table
        .iter()
        .filter_map(|r| r.transaction_date)
        .collect();
    let days2: BTreeSet<Date> = record
        .derivative_table
        .iter()
        .filter_map(|r| r.transaction_date)
        .collect();
    let t1 = record
        .non_derivative_table
        .iter_mut()
        .enumerate()
        .map(|(i, r)| {
            let at = format!("non_derivative_table[{i}].transaction_code");
            (at, r.transaction_date, &mut r.transaction_code, &days2)
        });
    let t2 = record
        .derivative_table
        .iter_mut()
        .enumerate()
        .map(|(i, r)| {
            let at = format!("derivative_table[{i}].transaction_code");
            (at, r.transaction_date, &mut r.transaction_code, &days1)
        });
    for (field, day, code, other_days) in t1.chain(t2) {
        let (Some(day), Some(c)) = (day, *code) else {
            continue;
        };
        if !PAIRED_CODES.contains(&c) || other_days.is_empty() || other_days.contains(&day) {
            continue;
        }
        leave_out(code, &field, WarningCode::Inconsistent, &format!("code {c} (a conversion or exercise) shows in both tables on its day, but the other table reports nothing on {day}: misread, so left out"), cx);
    }
}

/// A Table II row read as a transaction keeps a code and a side: every one of the corpus's
/// 96 Table II transactions has a code. A row of OCR'd text that reads neither, nor any
/// of the columns every row has after the dates (the underlying amount, the amount
/// owned), and whose date no other row of the filing reports (4 of the 96 transactions
/// are alone on their day), has nothing that says its date is a transaction's: a
/// holding's expiration date (46 of the corpus's Table II holdings print one) read with
/// debris as an amount (`$30.42 3) 03/02/2027 927 |Common`) reads the same. Its
/// transaction columns (date, amount, value, price) are left out. Over the three OCR
/// renderings this leaves out 2 misread values and no right one.
pub(crate) fn unconfirmed_transactions(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    let mut days: BTreeMap<Date, usize> = BTreeMap::new();
    let all = record
        .non_derivative_table
        .iter()
        .map(|r| r.transaction_date)
        .chain(record.derivative_table.iter().map(|r| r.transaction_date));
    for d in all.flatten() {
        *days.entry(d).or_default() += 1;
    }
    for (i, r) in record.derivative_table.iter_mut().enumerate() {
        let Some(day) = r.transaction_date else {
            continue;
        };
        let confirmed = r.transaction_code.is_some()
            || r.acquired_disposed.is_some()
            || r.underlying_security_shares.is_some()
            || r.underlying_security_value.is_some()
            || r.shares_owned_following.is_some()
            || r.value_owned_following.is_some()
            || days.get(&day).is_some_and(|&n| n > 1);
        if confirmed {
            continue;
        }
        let mut left_out = vec![format!("the date {day}")];
        r.transaction_date = None;
        for (name, slot) in [
            ("amount", &mut r.shares),
            ("value", &mut r.total_value),
            ("price", &mut r.price_per_share),
        ] {
            if let Some(v) = slot.take() {
                left_out.push(format!("the {name} {v}"));
            }
        }
        cx.warn(
            WarningCode::Unreadable,
            Some(&format!("derivative_table[{i}]")),
            &format!(
                "read as a transaction, the row has no code, side, underlying amount or amount owned, and no other row reports its day: nothing says its date is a transaction's (a holding's expiration date reads the same), so {} left out",
                left_out.join(", ")
            ),
            None,
        );
    }
}

/// A row of which no value was read (each left out by a check, or none found) says
/// nothing of its kind either: a transaction or a holding is told by the values the row
/// holds, so its kind is taken off, with a warning. (Rows are kept, not dropped: the
/// warnings name rows by their place in the table.)
pub(crate) fn empty_rows(record: &mut Record, cx: &mut Ctx) {
    let unknown = |row: String, cx: &mut Ctx| {
        cx.warn(
            WarningCode::Unreadable,
            Some(&format!("{row}.kind")),
            "no value of this row was read, so whether it reports a transaction or a holding is not known",
            None,
        );
    };
    for (i, r) in record.non_derivative_table.iter_mut().enumerate() {
        let bare = NonDerivativeRow {
            kind: r.kind,
            equity_swap_involved: r.equity_swap_involved,
            ..Default::default()
        };
        if r.kind.is_some() && *r == bare {
            r.kind = None;
            unknown(format!("non_derivative_table[{i}]"), cx);
        }
    }
    for (i, r) in record.derivative_table.iter_mut().enumerate() {
        let bare = DerivativeRow {
            kind: r.kind,
            equity_swap_involved: r.equity_swap_involved,
            ..Default::default()
        };
        if r.kind.is_some() && *r == bare {
            r.kind = None;
            unknown(format!("derivative_table[{i}]"), cx);
        }
    }
}

/// Every filing ticks at least one of box 5's relationships for each reporting owner
/// (all 189 owners of the corpus's truths do). An owner read with none ticked lost its
/// marks in the rendering (a checkbox drawn rather than written, which text does not
/// keep): the four flags are then not known to be false, and the reader is told so.
pub(crate) fn unticked_relationships(record: &Record, cx: &mut Ctx) {
    for (i, o) in record.reporting_owners.iter().enumerate() {
        if o.is_director || o.is_officer || o.is_ten_percent_owner || o.is_other {
            continue;
        }
        cx.warn(
            WarningCode::MissingPart,
            Some(&format!("reporting_owners[{i}].relationship")),
            "no box of the relationship to the issuer was read as ticked, though every filing ticks one: the rendering lost the marks, so the owner's relationship is not known",
            None,
        );
    }
}

/// Table I's amount owned after a transaction is the amount owned after the row above of
/// the same holding (security, form of ownership and nature), plus the row's amount
/// acquired or less its amount disposed of. Where the values say otherwise, this is
/// reported: the rows may report different holdings (lots, accounts, a filer's own
/// convention) or be out of order, a row between them may have been lost, or one of the
/// three values is misread. Of the corpus's
/// 186 truth rows that follow a row of the same holding, 157 agree and 29 do not, so a
/// disagreement is only reported, never acted on.
pub(crate) fn owned_after_sums(record: &Record, cx: &mut Ctx) {
    let mut last: BTreeMap<(String, Option<DirectIndirect>, String), Decimal> = BTreeMap::new();
    for (i, r) in record.non_derivative_table.iter().enumerate() {
        if r.kind != Some(RowKind::Transaction) {
            continue;
        }
        let holding = (
            folded(r.security_title.as_deref()),
            r.direct_or_indirect,
            folded(r.nature_of_ownership.as_deref()),
        );
        let Some(owned) = r.shares_owned_following else {
            // The row above is this one, and its amount owned is unknown.
            last.remove(&holding);
            continue;
        };
        if let (Some(before), Some(amount), Some(side)) =
            (last.get(&holding), r.shares, r.acquired_disposed)
        {
            let (expected, op) = match side {
                AcquiredDisposed::A => (before.checked_add(amount), "plus"),
                AcquiredDisposed::D => (before.checked_sub(amount), "less"),
            };
            if expected.is_some_and(|e| e != owned) {
                cx.warn(
                    WarningCode::Inconsistent,
                    Some(&format!("non_derivative_table[{i}].shares_owned_following")),
                    &format!("the amount owned after, {owned}, is not the row above's {before} {op} this row's {amount} ({side}): the rows report different holdings or are out of order, a row between them was not read, or one of the three values is misread"),
                    None,
                );
            }
        }
        last.insert(holding, owned);
    }
}

/// A text compared without case and spacing (`Common  stock` is `Common Stock`).
fn folded(text: Option<&str>) -> String {
    text.unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Pieces of the words naming a security that converts into another, short enough to
/// survive OCR's cuts (`nvertible`, `SeriesA2 Preferred`): every one of the corpus's 68
/// Table II titles (of 215) naming a convertible or preferred security holds one.
const CONVERTIBLE_WORDS: &[&str] = &["vertib", "prefer"];

fn names_a_convertible(title: Option<&str>) -> bool {
    let Some(title) = title else { return false };
    let lower = title.to_lowercase();
    CONVERTIBLE_WORDS.iter().any(|w| lower.contains(w))
}

/// The titles, underlying titles and natures of every row of Tables I and II, with their
/// paths, each marked whether it is a nature.
fn row_texts(record: &mut Record) -> Vec<(String, &mut Option<String>, bool)> {
    let mut texts = Vec::new();
    for (i, r) in record.non_derivative_table.iter_mut().enumerate() {
        let at = format!("non_derivative_table[{i}]");
        texts.push((format!("{at}.security_title"), &mut r.security_title, false));
        let nature = &mut r.nature_of_ownership;
        texts.push((format!("{at}.nature_of_ownership"), nature, true));
    }
    for (i, r) in record.derivative_table.iter_mut().enumerate() {
        let at = format!("derivative_table[{i}]");
        texts.push((format!("{at}.security_title"), &mut r.security_title, false));
        let underlying = &mut r.underlying_security_title;
        texts.push((format!("{at}.underlying_security_title"), underlying, false));
        let nature = &mut r.nature_of_ownership;
        texts.push((format!("{at}.nature_of_ownership"), nature, true));
    }
    texts
}

/// Characters OCR reads a superscript footnote mark as (`See footnote’`, `By Acme LLC®`,
/// `Common Stock*`): none of the corpus's 1,536 true titles and natures ends with one
/// (they end with a letter, a digit, `.` or `)`).
const MISREAD_MARKS: [char; 11] = ['’', '‘', '\'', '"', '”', '“', '*', '!', '®', '?', '°'];

/// Debris OCR reads before a title or nature (a cell's rule as `|`, `[` or `‘`, a stray
/// mark): none of the corpus's 1,536 true titles and natures starts with anything but a
/// letter or a digit. `(` is not among them: a text that starts with one was cut.
const LEADING_DEBRIS: [char; 24] = [
    '’', '‘', '\'', '"', '”', '“', '*', '!', '®', '?', '°', '|', '>', '{', '}', '[', ']', '_', '=',
    '~', '@', '©', '»', '«',
];

/// In OCR'd text, a footnote mark misread as a quote, star or symbol at the end of a
/// title or nature (`See footnote’`, `See footnote'*`), and debris before it (`‘Common
/// Stock`, `[By Trust`), are taken off: the text is right without them, a mark's number
/// is lost (said in the repair). Over the corpus's OCR renderings: 47 natures and titles
/// become right by their ends (26 + 8 natures, 11 + 2 titles) and 41 more by their
/// starts (38 titles, 3 underlying titles); none that was right changes. Scraps of small
/// letters before a title's capital ([`without_small_debris`]) make 13 titles more right
/// (8 of them wrong before) and change none that was right.
pub(crate) fn debris_at_text_ends(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    for (field, slot, nature) in row_texts(record) {
        let Some(text) = slot.as_deref() else {
            continue;
        };
        let mut kept = text.trim_end_matches(|c: char| MISREAD_MARKS.contains(&c) || c == ' ');
        if !kept.ends_with(|c: char| c.is_alphanumeric() || c == ')' || c == '.') {
            kept = text;
        }
        let start = kept.trim_start_matches(|c: char| LEADING_DEBRIS.contains(&c) || c == ' ');
        if start.starts_with(char::is_alphanumeric) {
            kept = start;
        }
        if !nature {
            kept = without_small_debris(kept);
        }
        if kept.len() == text.len() {
            continue;
        }
        let kept = kept.to_string();
        cx.repair(&field, RepairKind::StrayCharacters, text, &kept, None);
        *slot = Some(kept);
    }
}

/// A title without the scraps of one to three small letters OCR reads before it from a
/// cell's rule or a mark (`y Common Stock`, `x las Class A Common Stock`): a title that
/// opens in small letters is all in them (`common stock`), so scraps are cut only before
/// a capital.
fn without_small_debris(text: &str) -> &str {
    let mut rest = text;
    loop {
        let Some((word, after)) = rest.split_once(' ') else {
            return text;
        };
        let scrap = (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase());
        if !scrap {
            return text;
        }
        rest = after.trim_start();
        if rest.starts_with(|c: char| c.is_ascii_uppercase()) {
            return rest;
        }
    }
}

/// Words of securities' titles that name no kind of security, beyond [`TITLE_WORDS`] and
/// [`MORE_TITLE_WORDS`] (plurals, qualifiers, the words of a right in brackets): with
/// those they make [`title_vocabulary`].
const QUALIFYING_TITLE_WORDS: [&str; 25] = [
    "Options",
    "Shares",
    "Units",
    "Non-Employee",
    "Qualified",
    "Non-Qualified",
    "Incentive",
    "Warrants",
    "Purchase",
    "Notes",
    "Bonus",
    "Awards",
    "Rights",
    "Sell",
    "Partners",
    "Partnership",
    "Interests",
    "Voting",
    "Non-Voting",
    "Senior",
    "Subordinated",
    "Appreciation",
    "Obligation",
    "to",
    "of",
];

/// The words a class or series opens a title with: its letter follows them (`Class A`).
const CLASS_WORDS: [&str; 2] = ["Class", "Series"];

/// The words securities' titles are made of, by the form's use: a title glued together is
/// spaced again only when every word it splits into is one of these (or a class's or
/// series' letter), so a name of the issuer's or a brand's (`MuniFund`, `PayPal`) is never
/// split, nor debris (`x las Class ACommonStock`).
fn title_vocabulary() -> impl Iterator<Item = &'static str> {
    TITLE_WORDS
        .iter()
        .chain(&MORE_TITLE_WORDS)
        .chain(&QUALIFYING_TITLE_WORDS)
        .copied()
}

/// Spaces a rendering lost between a title's words (`Class ACommonStock`,
/// `SeriesC-1PreferredStock`) are put back, logged, where the title splits into words of
/// [`title_vocabulary`] only, at a small letter before a capital, a capital before a
/// capitalised word or a digit before one. A split before `Class` or `Series` is none:
/// those open a title, so a word glued before them is another line run in (`CommonClass
/// AStock` for `Class A Common Stock`), which [`glued_title_words`] leaves out; so is a
/// title that ends with its class (`ClassB`: the rest is on another line). Only OCR'd
/// text: in digital text a glued title is a sign of lines run together (all 3 of
/// pymupdf4llm's: `RestrictedStock` lost its `Units` line). Over the corpus's
/// tesseract_pdf_pymupdf4llm renderings this spaces 152 titles: 151 values right that
/// were left out (143) or wrong (8), none wrong.
pub(crate) fn glued_title_spaces(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    for (field, slot, nature) in row_texts(record) {
        if nature {
            continue;
        }
        let Some(text) = slot.as_deref() else {
            continue;
        };
        let Some(spaced) = spaced_title(text) else {
            continue;
        };
        cx.repair(
            &field,
            RepairKind::JoinedText,
            &format!("`{text}`, spaced between words of securities' titles"),
            &spaced,
            None,
        );
        *slot = Some(spaced);
    }
}

fn spaced_title(text: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let mut split = false;
    for token in text.split_whitespace() {
        let mut from = 0;
        let chars: Vec<(usize, char)> = token.char_indices().collect();
        for k in 1..chars.len() {
            let (prev, (at, c)) = (chars[k - 1].1, chars[k]);
            let next_small = chars
                .get(k + 1)
                .is_some_and(|&(_, n)| n.is_ascii_lowercase());
            let boundary = c.is_ascii_uppercase()
                && (prev.is_ascii_lowercase()
                    || (next_small && (prev.is_ascii_uppercase() || prev.is_ascii_digit())));
            if boundary {
                if CLASS_WORDS.iter().any(|w| token[at..].starts_with(w)) {
                    return None;
                }
                words.push(&token[from..at]);
                from = at;
                split = true;
            }
        }
        words.push(&token[from..]);
    }
    fn bare(w: &str) -> &str {
        w.trim_matches(|c| matches!(c, '(' | ')' | ','))
    }
    let vocabulary = |w: &str| title_vocabulary().any(|v| v.eq_ignore_ascii_case(w));
    // Small words run together (`(righttobuy)`) are split where they make words of the
    // vocabulary one way only.
    let mut spaced: Vec<&str> = Vec::with_capacity(words.len());
    for w in words {
        let b = bare(w);
        let lead = w.len() - w.trim_start_matches(['(', ')', ',']).len();
        match small_words(b).filter(|_| !vocabulary(b)) {
            Some(cuts) if !cuts.is_empty() => {
                let mut from = 0;
                for cut in cuts {
                    spaced.push(&w[from..lead + cut]);
                    from = lead + cut;
                }
                spaced.push(&w[from..]);
                split = true;
            }
            _ => spaced.push(w),
        }
    }
    let words = spaced;
    if !split {
        return None;
    }
    let known = (0..words.len()).all(|k| {
        let w = bare(words[k]);
        vocabulary(w) || (k > 0 && CLASS_WORDS.contains(&bare(words[k - 1])) && designation(w))
    });
    // A title ending with its class (`ClassB`) goes on in a line OCR put elsewhere.
    let last = words.last().map(|w| bare(w))?;
    let cut = CLASS_WORDS.contains(&last) || designation(last);
    (known && !cut).then(|| words.join(" "))
}

/// Where a run of small letters splits into words of [`title_vocabulary`] (`righttobuy`
/// at 5 and 7), when it does so one way only; `None` otherwise.
fn small_words(run: &str) -> Option<Vec<usize>> {
    if run.is_empty() || !run.bytes().all(|b| b.is_ascii_lowercase()) || run.len() > 64 {
        return None;
    }
    // ways[i]: how many ways run[i..] splits (at most 2 counted), and the first word's end.
    let n = run.len();
    let mut ways = vec![(0u8, 0usize); n + 1];
    ways[n] = (1, n);
    for i in (0..n).rev() {
        for w in title_vocabulary().filter(|w| w.len() >= 2) {
            let end = i + w.len();
            let fits = run.get(i..end).is_some_and(|s| s.eq_ignore_ascii_case(w));
            if fits && ways[end].0 > 0 {
                ways[i] = ((ways[i].0 + ways[end].0).min(2), end);
            }
        }
    }
    if ways[0].0 != 1 {
        return None;
    }
    let mut cuts = Vec::new();
    let mut at = ways[0].1;
    while at < n {
        cuts.push(at);
        at = ways[at].1;
    }
    Some(cuts)
}

/// A class's or series' designation: a capital, with a number after it or not (`A`,
/// `C-1`, `A2`).
fn designation(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && {
        let rest = chars.as_str();
        let digits = rest.strip_prefix('-').unwrap_or(rest);
        rest.is_empty() || (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
    }
}

/// In OCR'd text, a reporting owner's name read with debris around it: box 1's title
/// asterisk as a quote before it (`” Jane Q. Roe`), the captions under it after it
/// (`Roe Jane Q. (Middle) (First)`). They are taken off (the repair logged); a name with
/// fewer than two letters left is no name and is left out. Over the corpus's OCR
/// renderings: owner names right 6 -> 52, wrong 352 -> 101 (the others left out).
pub(crate) fn owner_name_debris(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    for (i, owner) in record.reporting_owners.iter_mut().enumerate() {
        let Some(name) = owner.name.as_deref() else {
            continue;
        };
        let field = format!("reporting_owners[{i}].name");
        let mut words: Vec<&str> = name.split_whitespace().collect();
        let debris = |w: &str| !w.chars().any(char::is_alphanumeric);
        while words.first().is_some_and(|w| debris(w)) {
            words.remove(0);
        }
        // The number of the box beside (`Doe Jane 5,`) ends no name.
        while words.last().is_some_and(|w| {
            debris(w) || box1_caption(w, &NAME_CAPTIONS) || values::item_number(w, &['.', ','])
        }) {
            words.pop();
        }
        // Box 5's caption `(Check all applicable)` read on the name's line, misspelt: a
        // last bracket of two words or more that no `)` closes, or that holds a word in
        // lower case (a name's own bracket goes on after it, `(DE) LLC`, or is in
        // capitals, `(SERIES C)`).
        if let Some(k) = words.iter().rposition(|w| w.starts_with('(')) {
            let group = &words[k..];
            let closed = group.iter().any(|w| w.contains(')'));
            let lower = group.iter().any(|w| {
                w.chars().any(char::is_alphabetic)
                    && w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_lowercase)
            });
            let at_end = group.last().is_some_and(|w| w.ends_with(')'));
            if k >= 2 && group.len() >= 2 && (!closed || (at_end && lower)) {
                words.truncate(k);
            }
        }
        // Words in lower case after the name: check boxes and rules read as letters
        // (`Trust oO`, `Westend eee seca`). No owner's name of the corpus ends with one.
        while words.len() > 2
            && words
                .last()
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
        {
            words.pop();
        }
        let kept = words.join(" ");
        // A name that opens with a word all in lower case (`poring Pe`, `sid Hoffman`) is a
        // piece of a label or a name cut at its start (a particle keeps its capital:
        // `deVilliers`); one without a word of three letters (`Ki`) is debris.
        let clipped = words.first().is_some_and(|w| {
            w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase)
        });
        let wordless = !words
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3);
        if kept.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            let why = format!("`{name}` read as box 1's name holds no name; left out");
            leave_out(&mut owner.name, &field, WarningCode::Unreadable, &why, cx);
        } else if clipped || wordless {
            let why = format!(
                "`{name}` read as box 1's name is a piece of text, not a whole name; left out"
            );
            leave_out(&mut owner.name, &field, WarningCode::Unreadable, &why, cx);
        } else if kept != name {
            cx.repair(&field, RepairKind::StrayCharacters, name, &kept, None);
            owner.name = Some(kept);
        }
    }
}

/// In OCR'd text, a company's name that ends with its legal form and a comma (`Acme
/// Widgets, Inc,`): OCR read the form's full stop as a comma (no name of the corpus's
/// truths ends with a comma). Repaired, and logged.
pub(crate) fn legal_form_comma(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    let mut slots: Vec<(String, &mut Option<String>)> =
        vec![("issuer.name".to_string(), &mut record.issuer.name)];
    for (i, o) in record.reporting_owners.iter_mut().enumerate() {
        slots.push((format!("reporting_owners[{i}].name"), &mut o.name));
    }
    for (field, slot) in slots {
        let Some(v) = slot.as_deref() else { continue };
        let Some(head) = v.strip_suffix(',') else {
            continue;
        };
        let last = head.rsplit(' ').next().unwrap_or(head);
        if head.contains(' ') && crate::picture::name_end(last) {
            let fixed = format!("{head}.");
            cx.repair(&field, RepairKind::ConfusedCharacter, v, &fixed, None);
            *slot = Some(fixed);
        }
    }
}

/// In OCR'd text, a street read with other boxes' text: a caption's bracket misread
/// (`(Fusty`, `toa)`: a bracket around small letters; a street's own is in capitals,
/// `(JERSEY)`), a date that lost its slashes (`03142025`), or words run together
/// ([`header::lost_spaces`]: `2800SANDHILLROAD`) leave the street out; ticks and specks
/// after it (`SUITE 101 X.`, `COURT —`) are taken off, the repair logged.
pub(crate) fn ocr_streets(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    let caption = |w: &str| w.contains(['(', ')']) && w.chars().any(char::is_lowercase);
    let long_number = |w: &str| w.chars().filter(char::is_ascii_digit).count() >= 6;
    for (i, o) in record.reporting_owners.iter_mut().enumerate() {
        let at = format!("reporting_owners[{i}].address");
        for (name, slot) in [
            ("street1", &mut o.address.street1),
            ("street2", &mut o.address.street2),
        ] {
            let field = format!("{at}.{name}");
            let Some(v) = slot.as_deref() else { continue };
            let why = if header::lost_spaces(v) {
                "runs words together: OCR lost their spaces"
            } else if v.split_whitespace().any(caption) {
                "holds a caption's bracket, misread: other boxes' text"
            } else if v.split_whitespace().any(long_number) {
                "holds a number of six digits or more, another box's date that lost its slashes"
            } else {
                let mut words: Vec<&str> = v.split_whitespace().collect();
                while words.len() > 1
                    && words.last().is_some_and(|w| {
                        values::is_tick(w.trim_end_matches('.'))
                            || !w.chars().any(char::is_alphanumeric)
                    })
                {
                    words.pop();
                }
                let kept = words.join(" ");
                if kept != v {
                    cx.repair(&field, RepairKind::StrayCharacters, v, &kept, None);
                    *slot = Some(kept);
                }
                continue;
            };
            let why = format!("`{v}` {why}; left out");
            leave_out(slot, &field, WarningCode::Unreadable, &why, cx);
        }
    }
}

/// In OCR'd text, header values that ran into their neighbours: a city holding a ZIP code
/// (`MAYFIELD 44124 OH HEIGHTS`), or an issuer's name, street or city with fewer than two
/// letters (`5,`). None of the corpus's truths has one (its cities with digits are
/// foreign: `CH-1800, VEVEY`). Left out with a warning. (Values holding one of box 1's
/// captions are `header::drop_mixed_values`'s, in every rendering.)
pub(crate) fn header_run_ons(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    let letters = |v: &str| v.chars().filter(|c| c.is_alphabetic()).count();
    let zipped = |v: &str| {
        v.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_ascii_digit());
            w.len() == 5 && w.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let mut slots: Vec<(String, &mut Option<String>, bool)> = Vec::new();
    slots.push(("issuer.name".to_string(), &mut record.issuer.name, false));
    for (i, o) in record.reporting_owners.iter_mut().enumerate() {
        let at = format!("reporting_owners[{i}].address");
        let a = &mut o.address;
        slots.push((format!("{at}.street1"), &mut a.street1, false));
        slots.push((format!("{at}.street2"), &mut a.street2, false));
        slots.push((format!("{at}.city"), &mut a.city, true));
    }
    for (field, slot, city) in slots {
        let Some(v) = slot.as_deref() else { continue };
        let why = if letters(v) < 2 {
            "holds no word"
        } else if city && zipped(v) {
            "holds a ZIP code: the city ran into the state and ZIP"
        } else {
            continue;
        };
        let why = format!("`{v}` {why}; left out");
        leave_out(slot, &field, WarningCode::Unreadable, &why, cx);
    }
}

/// In OCR'd text, a nature of ownership on a row whose form of ownership was not read as
/// indirect (`I`) is left out: a nature is only ever given for indirect ownership (all
/// 578 natures of the corpus's truths are on `I` rows), and OCR'd natures are mostly
/// pieces of text wrapped over several lines. Over the corpus's OCR renderings: 656 wrong
/// or spurious natures left out, and 71 right ones whose `I` was not read (54 of them
/// img2table's, whose natures on such rows are still wrong 145 times).
pub(crate) fn unconfirmed_natures(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    let mut slots: Vec<(String, &mut Option<String>)> = Vec::new();
    for (i, r) in record.non_derivative_table.iter_mut().enumerate() {
        if r.direct_or_indirect != Some(DirectIndirect::I) {
            let field = format!("non_derivative_table[{i}].nature_of_ownership");
            slots.push((field, &mut r.nature_of_ownership));
        }
    }
    for (i, r) in record.derivative_table.iter_mut().enumerate() {
        if r.direct_or_indirect != Some(DirectIndirect::I) {
            let field = format!("derivative_table[{i}].nature_of_ownership");
            slots.push((field, &mut r.nature_of_ownership));
        }
    }
    for (field, slot) in slots {
        let Some(v) = slot.as_deref() else { continue };
        let why = format!(
            "`{v}` read as the nature of an ownership not read as indirect: in OCR'd text, \
             unconfirmed; left out"
        );
        leave_out(slot, &field, WarningCode::Unreadable, &why, cx);
    }
}

/// Words of securities' names besides [`TITLE_WORDS`], for kinds the corpus does not
/// hold (`Debentures`, `American Depositary Receipts`, `Total Return Swap`).
const MORE_TITLE_WORDS: [&str; 9] = [
    "Debenture",
    "Bond",
    "Depositary",
    "Receipt",
    "Swap",
    "Call",
    "Put",
    "Equity",
    "Securit",
];

/// Leaves out, with a warning, each title and nature of both tables for which `why` (given
/// the text and whether it is a nature) says why.
fn leave_out_texts(record: &mut Record, cx: &mut Ctx, why: impl Fn(&str, bool) -> Option<String>) {
    for (field, slot, nature) in row_texts(record) {
        if let Some(why) = slot.as_deref().and_then(|v| why(v, nature)) {
            leave_out(slot, &field, WarningCode::Unreadable, &why, cx);
        }
    }
}

/// In OCR'd text, a title that ends with a bare `Option` lost the right it names to a
/// line OCR put elsewhere (`Employee` | `Stock Option $59.77 …` | `(right to buy)`): left
/// out with a warning. An option's title names its right in brackets (54 of the corpus's
/// 55 option titles do; the other is `Stock Options`, which this lets be); over its OCR
/// renderings this leaves out 18 wrong titles and no right one.
pub(crate) fn options_without_their_right(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    leave_out_texts(record, cx, |v, nature| {
        let last = v.split_whitespace().next_back()?;
        (!nature && last.eq_ignore_ascii_case("option")).then(|| {
            format!("`{v}` ends with `Option` without the right it names, which OCR'd text wraps onto another line; left out")
        })
    });
}

/// In OCR'd text, a title, underlying title or nature of ownership of one word (`Series`,
/// `Common`, `Stock`, `Sequoia`) is the one line of a text wrapped over several that OCR
/// put on the row's line (`Restricted` | `Stock 04/22/2014 M ...` | `Units`): left out
/// with a warning. (A word that glues a title's words, `CommonStock`, is
/// [`glued_title_words`]'s.) No nature of the corpus's truths is one word; over its OCR
/// renderings this leaves out 154 wrong and 4 spurious titles and 2 right ones (`Common`,
/// `Warrants`, printed so by their filers), and 15 wrong natures.
pub(crate) fn one_word_texts(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    leave_out_texts(record, cx, |v, nature| {
        (v.split_whitespace().count() == 1 && (nature || !glued_title_word(v))).then(|| {
            format!("`{v}` is one word: a piece of a text that OCR'd text wraps over several lines; left out")
        })
    });
}

/// In OCR'd text, a title that another title of the filing prints after a class's name
/// (`Common Stock` beside `Class A Common Stock`) lost that name to a line OCR put
/// elsewhere: left out with a warning. A filing with classes names each one (1 of the
/// corpus's 120 truths does not); over its OCR renderings this leaves out 24 wrong and 2
/// spurious titles, and 2 right ones.
pub(crate) fn titles_without_their_class(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    let classed: Vec<String> = row_texts(record)
        .into_iter()
        .filter(|(_, _, nature)| !nature)
        .filter_map(|(_, slot, _)| slot.clone())
        .filter_map(|v| {
            let words: Vec<&str> = v.split_whitespace().collect();
            let head = words.first()?.to_lowercase();
            (words.len() >= 3 && matches!(head.as_str(), "class" | "series"))
                .then(|| words[2..].join(" ").to_lowercase())
        })
        .collect();
    leave_out_texts(record, cx, |v, nature| {
        (!nature && classed.contains(&v.to_lowercase())).then(|| {
            format!("`{v}` is another title of this filing without its class's name, which OCR'd text put on another line; left out")
        })
    });
}

/// In OCR'd text, a title that names stock a second time outside brackets (`B Preferred
/// Stock Common Stock`) is two columns' titles run together (the title's tail read into
/// the underlying title's line): left out with a warning. A title names stock twice only
/// to explain itself in brackets (`Stock Option (right to buy Common Stock)`); over the
/// corpus's OCR renderings this leaves out 53 wrong titles and no right one.
pub(crate) fn titles_run_together(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    leave_out_texts(record, cx, |v, nature| {
        if nature {
            return None;
        }
        let low = v.to_lowercase();
        // The second mention outside any bracket: the first title has ended.
        let open_at = |i: usize| {
            let before = &low[..i];
            before.matches('(').count() > before.matches(')').count()
        };
        let twice = low
            .match_indices("stock")
            .map(|(i, _)| i)
            .nth(1)
            .is_some_and(|i| !open_at(i));
        twice.then(|| {
            format!(
                "`{v}` names stock twice: two columns' titles run together in OCR'd text; left out"
            )
        })
    });
}

/// In OCR'd text, a security's title or underlying title holding no word of a security's
/// name (`Stock`, `Units`, `Option`, see [`TITLE_WORDS`]) is a piece of its wrapped text
/// or debris (`Comme`, `anal`, `22 eee`): left out with a warning. Every true title and
/// underlying title of the corpus holds one; over its OCR renderings this leaves out 119
/// wrong or spurious titles and no right one.
pub(crate) fn wordless_titles(record: &mut Record, ocr: bool, cx: &mut Ctx) {
    if !ocr {
        return;
    }
    // Anywhere in a word: glued words (`ACommonStock`) are another check's. The form's own
    // `footnote` holds `note` and names no security.
    let titled = |v: &str| {
        let v = v.to_lowercase().replace("footnote", "");
        TITLE_WORDS
            .iter()
            .chain(&MORE_TITLE_WORDS)
            .any(|t| v.contains(&t.to_lowercase()))
    };
    leave_out_texts(record, cx, |v, nature| {
        (!nature && !titled(v))
            .then(|| format!("`{v}` holds no word of a security's name: a piece of it; left out"))
    });
}

/// Titles and natures whose round brackets do not pair (see [`unpaired`]) are left out.
/// Run after the checks above, to which a row's title is evidence that it is a row
/// (`lone_dates`): a title with a mark's debris in it still names its security.
pub(crate) fn unpaired_brackets(record: &mut Record, cx: &mut Ctx) {
    for (field, slot, nature) in row_texts(record) {
        let Some(text) = slot.as_deref().filter(|t| unpaired(t, nature)) else {
            continue;
        };
        let why = format!(
            "`{text}` opens a bracket it never closes or closes one it never opened: a \
             footnote mark cut or misread into it, or its end cut off; left out"
        );
        leave_out(slot, &field, WarningCode::Unreadable, &why, cx);
    }
}

/// Titles, underlying titles and natures whose last word is a bare amount (`Class A Common
/// Stock 21`, `Common Stock 71,330`): a value of the row, or a piece of one, run into the
/// text. A year (1900 to 2099) is let be (`Notes due 2025`). None of the corpus's 1,536
/// such texts ends with a number; over the 720 renderings the values this leaves out
/// were all wrong or spurious: 24 (pymupdf4llm 1, img2table 7, tesseract_pdf_pymupdf4llm
/// 9, tesseract_psm6 7), none right.
pub(crate) fn trailing_amounts(record: &mut Record, cx: &mut Ctx) {
    for (field, slot, _) in row_texts(record) {
        let Some(text) = slot.as_deref().filter(|t| ends_with_amount(t)) else {
            continue;
        };
        let why =
            format!("`{text}` ends with a number, a value of the row run into the text; left out");
        leave_out(slot, &field, WarningCode::Unreadable, &why, cx);
    }
}

fn ends_with_amount(text: &str) -> bool {
    let mut words = text.split_whitespace().rev();
    let (Some(last), Some(_)) = (words.next(), words.next()) else {
        return false;
    };
    let amount = last.starts_with(|c: char| c.is_ascii_digit())
        && last.bytes().all(|b| b.is_ascii_digit() || b == b',');
    let year = last.len() == 4
        && last
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2099).contains(&y));
    amount && !year
}

/// Words of securities' titles that a title glues to the word before it when a rendering
/// lost the space (`CommonStock`, `StockOption(right`) or ran two lines into one
/// (`CommonClass AStock`).
const TITLE_WORDS: [&str; 24] = [
    "Stock",
    "Class",
    "Common",
    "Option",
    "Unit",
    "Share",
    "Preferred",
    "Warrant",
    "Series",
    "Right",
    "Restricted",
    "Ordinary",
    "Convertible",
    "Performance",
    "Partner",
    "Interest",
    "Limited",
    "Buy",
    "Employee",
    "Director",
    "Award",
    "Deferred",
    "Phantom",
    "Note",
];

/// Security titles (Tables I and II) and underlying titles with a lower-case letter right
/// before a capitalised title word (see [`TITLE_WORDS`]) are left out, the space the
/// document prints elsewhere (`table::respace`), or in OCR'd text by the title's words
/// ([`glued_title_spaces`]), being put back first. None of the corpus's 958 such titles
/// has one; over the 720 renderings the values this leaves out were all wrong: 52
/// (pymupdf4llm 3: `RestrictedStock` for `Restricted Stock Units`, two lines run
/// together; tesseract_pdf_pymupdf4llm 49), none right.
pub(crate) fn glued_title_words(record: &mut Record, cx: &mut Ctx) {
    for (field, slot, _) in row_texts(record).into_iter().filter(|t| !t.2) {
        let Some(text) = slot.as_deref().filter(|t| glued_title_word(t)) else {
            continue;
        };
        let why = format!(
            "`{text}` glues two words of a title together: the rendering lost a space or ran \
             two lines into one; left out"
        );
        leave_out(slot, &field, WarningCode::Unreadable, &why, cx);
    }
}

fn glued_title_word(text: &str) -> bool {
    text.char_indices().any(|(i, c)| {
        c.is_ascii_uppercase()
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_lowercase())
            && TITLE_WORDS.iter().any(|w| text[i..].starts_with(w))
    })
}

/// Whether a text's round brackets fail to pair: a `)` before its `(`, or a `(` never
/// closed. Of the corpus's 1,536 titles and natures none has one, save three natures that
/// end with a lone `(` after a space (`…, LLC (`), as the filer typed them: a nature's lone
/// last `(` is let be. Over the 720 renderings, the values this leaves out were all wrong:
/// 229, of which 3 in pymupdf4llm (a footnote mark cut across cells, a title's last line
/// lost) and 226 in the three OCR'd renderings (a mark's debris read as `Q)`, `@)`,
/// `LLC®)`); none was right (the exception keeps the 8 right `LLC (` of docling_html,
/// markitdown_html and pymupdf4llm).
fn unpaired(text: &str, nature: bool) -> bool {
    let text = if nature {
        text.strip_suffix(" (").unwrap_or(text)
    } else {
        text
    };
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return true,
            },
            _ => {}
        }
    }
    depth > 0
}

/// Leaves a value out, with the warning that says why.
fn leave_out<T>(slot: &mut Option<T>, field: &str, code: WarningCode, why: &str, cx: &mut Ctx) {
    *slot = None;
    cx.warn(code, Some(field), why, None);
}

/// Every row's transaction date in both tables, with its field's path.
fn transaction_dates_of(record: &mut Record) -> Vec<(String, &mut Option<Date>)> {
    rows_values(
        record,
        "transaction_date",
        |r| &mut r.transaction_date,
        |r| &mut r.transaction_date,
    )
}

/// Every row's transaction code in both tables, with its field's path.
fn codes_of(record: &mut Record) -> Vec<(String, &mut Option<TransactionCode>)> {
    rows_values(
        record,
        "transaction_code",
        |r| &mut r.transaction_code,
        |r| &mut r.transaction_code,
    )
}

/// One field of every row of Tables I and II, with its path (`derivative_table[2].…`).
fn rows_values<'r, T>(
    record: &'r mut Record,
    field: &str,
    t1: fn(&mut NonDerivativeRow) -> &mut T,
    t2: fn(&mut DerivativeRow) -> &mut T,
) -> Vec<(String, &'r mut T)> {
    let t1 = record
        .non_derivative_table
        .iter_mut()
        .enumerate()
        .map(|(i, r)| (format!("non_derivative_table[{i}].{field}"), t1(r)));
    let t2 = record
        .derivative_table
        .iter_mut()
        .enumerate()
        .map(|(i, r)| (format!("derivative_table[{i}].{field}"), t2(r)));
    t1.chain(t2).collect()
}

/// Days since 1 March of year 0 in the proleptic Gregorian calendar: the difference of two
/// is the days between them.
fn day_number(d: Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    // Counting from March puts the leap day last in the year.
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    365 * y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + (153 * m + 2) / 5 + day
}

#[cfg(test)]
mod tests {
    use form4_model::{DocumentType, NonDerivativeRow};

    use super::*;

    fn date(s: &str) -> Date {
        s.parse().expect("a date")
    }

    /// A Form 4 with the period `period` and one Table I row per date; what is left of
    /// the period and the dates after the check.
    fn check(period: &str, dates: &[&str], ocr: bool) -> (Option<Date>, Vec<Option<Date>>) {
        let mut record = Record {
            document_type: Some(DocumentType::Form4),
            period_of_report: Some(date(period)),
            non_derivative_table: dates
                .iter()
                .map(|d| NonDerivativeRow {
                    transaction_date: Some(date(d)),
                    ..NonDerivativeRow::default()
                })
                .collect(),
            ..Record::default()
        };
        let mut cx = Ctx::new("");
        transaction_dates(&mut record, ocr, &mut cx);
        let dates = record
            .non_derivative_table
            .iter()
            .map(|r| r.transaction_date)
            .collect();
        (record.period_of_report, dates)
    }

    /// One row in each table whose titles (Table II's underlying title too) are `title`
    /// and whose natures are `nature`.
    fn texts_in_both_tables(title: &str, nature: Option<&str>) -> Record {
        Record {
            non_derivative_table: vec![NonDerivativeRow {
                security_title: Some(title.to_string()),
                nature_of_ownership: nature.map(str::to_string),
                ..NonDerivativeRow::default()
            }],
            derivative_table: vec![DerivativeRow {
                security_title: Some(title.to_string()),
                underlying_security_title: Some(title.to_string()),
                nature_of_ownership: nature.map(str::to_string),
                ..DerivativeRow::default()
            }],
            ..Record::default()
        }
    }

    /// Texts that end with a bare amount are left out; a year is let be.
    #[test]
    fn texts_ending_with_an_amount_are_left_out() {
        let cases: &[(&str, bool)] = &[
            ("Class A Common Stock", false),
            ("Class A Common Stock 21", true),
            ("Common Stock 71,330", true),
            ("7.5% Senior Notes due 2025", false),
            ("Series 2020-1", false),
            ("By Trust 2", true),
            ("2", false),
            ("Common Stock 10052023,", true),
        ];
        for &(text, left_out) in cases {
            let mut record = texts_in_both_tables(text, Some(text));
            let mut cx = Ctx::new("");
            trailing_amounts(&mut record, &mut cx);
            let (r1, r2) = (&record.non_derivative_table[0], &record.derivative_table[0]);
            for v in [
                &r1.security_title,
                &r1.nature_of_ownership,
                &r2.security_title,
                &r2.underlying_security_title,
                &r2.nature_of_ownership,
            ] {
                assert_eq!(v.is_none(), left_out, "{text}");
            }
        }
    }

    /// In OCR'd text a misread mark ending a text, and debris before it, are taken off;
    /// elsewhere nothing moves.
    #[test]
    fn misread_marks_ending_texts_are_taken_off() {
        let cases: &[(&str, &str)] = &[
            ("See footnote\u{2019}", "See footnote"),
            ("See footnote'*", "See footnote"),
            ("See footnote *", "See footnote"),
            ("By Acme Fund II, LP\u{201d}?", "By Acme Fund II, LP"),
            (
                "Stock Option (Right to Buy)!",
                "Stock Option (Right to Buy)",
            ),
            ("Common Stock", "Common Stock"),
            ("By Trust (", "By Trust ("),
            ("*", "*"),
            ("\u{2018}Common Stock", "Common Stock"),
            ("[ By Trust\u{2019}", "By Trust"),
            ("(Right to Buy)", "(Right to Buy)"),
        ];
        for &(text, want) in cases {
            for (ocr, want) in [(true, want), (false, text)] {
                let mut record = texts_in_both_tables(text, Some(text));
                let mut cx = Ctx::new("");
                debris_at_text_ends(&mut record, ocr, &mut cx);
                let (r1, r2) = (&record.non_derivative_table[0], &record.derivative_table[0]);
                for v in [
                    &r1.security_title,
                    &r1.nature_of_ownership,
                    &r2.security_title,
                    &r2.underlying_security_title,
                    &r2.nature_of_ownership,
                ] {
                    assert_eq!(v.as_deref(), Some(want), "{text} {ocr}");
                }
            }
        }
    }

    /// In OCR'd text, scraps of small letters before a title's capital are taken off;
    /// a title in small letters, a nature of ownership and digital text keep them.
    #[test]
    fn small_scraps_before_a_title_are_taken_off() {
        for (text, title) in [
            ("y Common Stock", "Common Stock"),
            ("x las Class A Common Stock", "Class A Common Stock"),
            ("sf i Series B Preferred Stock", "Series B Preferred Stock"),
            ("common stock", "common stock"),
            ("a common Stock", "a common Stock"),
            ("Ss ais Class A Common Stock", "Ss ais Class A Common Stock"),
            ("abcd Common Stock", "abcd Common Stock"),
            ("by", "by"),
        ] {
            let mut record = texts_in_both_tables(text, Some(text));
            let mut cx = Ctx::new("");
            debris_at_text_ends(&mut record, true, &mut cx);
            let (r1, r2) = (&record.non_derivative_table[0], &record.derivative_table[0]);
            assert_eq!(r1.security_title.as_deref(), Some(title), "{text}");
            assert_eq!(
                r2.underlying_security_title.as_deref(),
                Some(title),
                "{text}"
            );
            assert_eq!(r1.nature_of_ownership.as_deref(), Some(text), "{text}");
            let mut record = texts_in_both_tables(text, None);
            debris_at_text_ends(&mut record, false, &mut cx);
            assert_eq!(
                record.derivative_table[0].security_title.as_deref(),
                Some(text)
            );
        }
    }

    /// In OCR'd text, an owner's name loses the debris and captions around it (box 1's,
    /// box 5's bracketed caption, words in lower case after it); a name with no letters
    /// left, or that opens with a word in lower case or has no word of three letters, is
    /// left out. Elsewhere nothing moves.
    #[test]
    fn owner_names_lose_their_debris() {
        let cases: &[(&str, Option<&str>)] = &[
            ("\u{201d} Roe Jane Q. (Middle) (First)", Some("Roe Jane Q.")),
            ("\u{2019} Roe Jane (Fist) (middie)", Some("Roe Jane")),
            ("\u{2019} 2,", None),
            ("Roe Jane Q. (Chesk ali appicabie)", Some("Roe Jane Q.")),
            (
                "Tarn Holdings (DE) LLC (Check all",
                Some("Tarn Holdings (DE) LLC"),
            ),
            ("Tarn Holdings (DE) LLC", Some("Tarn Holdings (DE) LLC")),
            ("Tarn Family Trust oO", Some("Tarn Family Trust")),
            ("Tarn Foundation eee seca", Some("Tarn Foundation")),
            ("deVarn Jane", Some("deVarn Jane")),
            ("poring Pe", None),
            ("ard Tarn & Jane Roe Trust", None),
            ("Ki", None),
            ("Ki oe", None),
            ("Roe Jane 5,", Some("Roe Jane")),
            ("Tarn Fund 16, L.P.", Some("Tarn Fund 16, L.P.")),
            ("\u{201d}", None),
            (
                "Acme Partners, L.P. (SERIES C)",
                Some("Acme Partners, L.P. (SERIES C)"),
            ),
            ("Roe Jane", Some("Roe Jane")),
        ];
        for &(name, want) in cases {
            for (ocr, want) in [(true, want), (false, Some(name))] {
                let mut record = Record {
                    reporting_owners: vec![form4_model::ReportingOwner {
                        name: Some(name.to_string()),
                        ..Default::default()
                    }],
                    ..Record::default()
                };
                let mut cx = Ctx::new("");
                owner_name_debris(&mut record, ocr, &mut cx);
                assert_eq!(
                    record.reporting_owners[0].name.as_deref(),
                    want,
                    "{name} {ocr}"
                );
            }
        }
    }

    /// In OCR'd text, a company's name ending with its legal form and a comma gets its
    /// full stop back; other names and other text keep theirs.
    #[test]
    fn a_legal_form_ending_with_a_comma_gets_its_full_stop() {
        let cases: &[(&str, &str, bool)] = &[
            ("Orchard Tools, Inc,", "Orchard Tools, Inc.", true),
            ("Orchard Tools Corp,", "Orchard Tools Corp.", true),
            ("Orchard Tools Inc.", "Orchard Tools Inc.", true),
            ("Orchard Tools,", "Orchard Tools,", true),
            ("Inc,", "Inc,", true),
            ("Orchard Tools, Inc,", "Orchard Tools, Inc,", false),
        ];
        for &(name, want, ocr) in cases {
            let mut record = Record {
                reporting_owners: vec![form4_model::ReportingOwner {
                    name: Some(name.to_string()),
                    ..Default::default()
                }],
                ..Record::default()
            };
            record.issuer.name = Some(name.to_string());
            let mut cx = Ctx::new("");
            legal_form_comma(&mut record, ocr, &mut cx);
            assert_eq!(record.issuer.name.as_deref(), Some(want), "{name} {ocr}");
            assert_eq!(
                record.reporting_owners[0].name.as_deref(),
                Some(want),
                "{name} {ocr}"
            );
        }
    }

    /// In OCR'd text a street with a misread caption's bracket, a slashless date or words
    /// run together is left out, and one with ticks or specks after it loses them;
    /// elsewhere nothing moves.
    #[test]
    fn ocr_streets_lose_other_boxes_text() {
        let cases: &[(&str, Option<&str>)] = &[
            ("(Fusty (ego) 3 ELM ROAD", None),
            ("toa) 3111 C STREET", None),
            ("C/O ACME INC. 03142025 1 ELM ROAD", None),
            ("4421HARBORDRIVE", None),
            ("1 ELM ROAD, SUITE 101 X.", Some("1 ELM ROAD, SUITE 101")),
            ("2029 ELM COURT \u{2014} |", Some("2029 ELM COURT")),
            (
                "C/O GEN IV (JERSEY) LIMITED, 4 QUAY",
                Some("C/O GEN IV (JERSEY) LIMITED, 4 QUAY"),
            ),
            ("3111 C STREET", Some("3111 C STREET")),
            (
                "P.O. BOX 309 UGLAND HOUSE",
                Some("P.O. BOX 309 UGLAND HOUSE"),
            ),
        ];
        for &(street, want) in cases {
            for (ocr, want) in [(true, want), (false, Some(street))] {
                let mut record = Record {
                    reporting_owners: vec![form4_model::ReportingOwner {
                        address: form4_model::Address {
                            street1: Some(street.to_string()),
                            ..Default::default()
                        },
                        ..Default::default()
                    }],
                    ..Record::default()
                };
                let mut cx = Ctx::new("");
                ocr_streets(&mut record, ocr, &mut cx);
                let got = record.reporting_owners[0].address.street1.as_deref();
                assert_eq!(got, want, "{street} {ocr}");
            }
        }
    }

    /// In OCR'd text, a city run into a ZIP code and header values without words are left
    /// out; elsewhere nothing moves.
    #[test]
    fn header_values_run_into_others_are_left_out() {
        let cases: &[(&str, &str, bool)] = &[
            ("SPRINGVALE 02451 MA", "101 ELM STREET", true),
            ("SPRINGVALE 44124 OH HEIGHTS", "101 ELM STREET", true),
            ("SPRINGVALE", "7,", true),
            ("5,", "101 ELM STREET", true),
            ("CH-1800, LAKEVILLE", "1 QUAY ROAD 55", false),
            ("SPRINGVALE", "101 ELM STREET (REAR)", false),
        ];
        for &(city, street, out) in cases {
            for (ocr, out) in [(true, out), (false, false)] {
                let mut record = Record {
                    reporting_owners: vec![form4_model::ReportingOwner {
                        address: form4_model::Address {
                            city: Some(city.to_string()),
                            street1: Some(street.to_string()),
                            ..Default::default()
                        },
                        ..Default::default()
                    }],
                    ..Record::default()
                };
                let mut cx = Ctx::new("");
                header_run_ons(&mut record, ocr, &mut cx);
                let a = &record.reporting_owners[0].address;
                let gone = a.city.is_none() || a.street1.is_none();
                assert_eq!(gone, out, "{city} | {street} {ocr}");
            }
        }
    }

    /// In OCR'd text a nature stays only on a row read as indirectly owned.
    #[test]
    fn ocr_natures_need_an_indirect_row() {
        for (di, ocr, kept) in [
            (Some(DirectIndirect::I), true, true),
            (Some(DirectIndirect::D), true, false),
            (None, true, false),
            (None, false, true),
        ] {
            let mut record = texts_in_both_tables("Common Stock", Some("By Trust"));
            record.non_derivative_table[0].direct_or_indirect = di;
            record.derivative_table[0].direct_or_indirect = di;
            let mut cx = Ctx::new("");
            unconfirmed_natures(&mut record, ocr, &mut cx);
            let n1 = &record.non_derivative_table[0].nature_of_ownership;
            let n2 = &record.derivative_table[0].nature_of_ownership;
            assert_eq!(n1.is_some(), kept, "{di:?} {ocr}");
            assert_eq!(n2.is_some(), kept, "{di:?} {ocr}");
        }
    }

    /// Runs `check` on each case's text put in every title and nature of both tables, in
    /// OCR'd text and not: in OCR'd text the titles are kept as `kept` says, and the
    /// natures too where `natures` (else they stay); elsewhere all stay.
    fn check_texts(check: fn(&mut Record, bool, &mut Ctx), cases: &[(&str, bool)], natures: bool) {
        for &(text, kept) in cases {
            for (ocr, kept) in [(true, kept), (false, true)] {
                let mut record = texts_in_both_tables(text, Some(text));
                let mut cx = Ctx::new("");
                check(&mut record, ocr, &mut cx);
                let (r1, r2) = (&record.non_derivative_table[0], &record.derivative_table[0]);
                let titles = [
                    &r1.security_title,
                    &r2.security_title,
                    &r2.underlying_security_title,
                ];
                for t in titles {
                    assert_eq!(t.is_some(), kept, "{text} {ocr}");
                }
                for n in [&r1.nature_of_ownership, &r2.nature_of_ownership] {
                    assert_eq!(n.is_some(), kept || !natures, "{text} {ocr}");
                }
            }
        }
    }

    /// In OCR'd text a title with no word of a security's name is left out; natures and
    /// other renderings are let be.
    #[test]
    fn ocr_titles_need_a_title_word() {
        let cases: &[(&str, bool)] = &[
            ("Comme", false),
            ("22 eee", false),
            ("Class A Common Stock", true),
            ("LTIP Units", true),
            ("Convertible Debentures due 2031", true),
            ("American Depositary Receipts", true),
            ("stock", true),
            ("AcmeStockUnits", true),
            ("footnote", false),
            ("Senior Notes due 2029", true),
            ("Notes (see footnote)", true),
        ];
        check_texts(wordless_titles, cases, false);
    }

    /// In OCR'd text a title or nature of one word is left out; other renderings are let
    /// be.
    #[test]
    fn ocr_texts_of_one_word_are_left_out() {
        let cases: &[(&str, bool)] = &[
            ("Series", false),
            ("Stock", false),
            ("Common]", false),
            ("Class A Common Stock", true),
            ("Restricted Stock Units", true),
            ("Series B", true),
        ];
        check_texts(one_word_texts, cases, true);
    }

    /// In OCR'd text a title naming stock a second time outside brackets is left out;
    /// natures and other renderings are let be.
    #[test]
    fn ocr_titles_naming_stock_twice_are_left_out() {
        let cases: &[(&str, bool)] = &[
            ("B Preferred Stock Common Stock", false),
            ("Stock Option (Right to Buy) Common Stock,", false),
            ("Stock Option (right to buy Common Stock)", true),
            ("Class B common stock ('Common Stock')", true),
            ("Class A Common Stock", true),
        ];
        check_texts(titles_run_together, cases, false);
    }

    /// In OCR'd text a title that another title prints after a class's name is left out.
    #[test]
    fn ocr_titles_without_their_class_are_left_out() {
        let cases: &[(&str, &str, bool)] = &[
            ("Common Stock", "Class A Common Stock", false),
            ("common stock", "Series B Common Stock", false),
            ("Common Stock", "Preferred Stock", true),
            ("Common Stock", "Class A", true),
            ("Class A Common Stock", "Class A Common Stock", true),
        ];
        for &(title, other, kept) in cases {
            for (ocr, kept) in [(true, kept), (false, true)] {
                let mut record = texts_in_both_tables(title, Some(title));
                record.derivative_table[0].security_title = Some(other.to_string());
                let mut cx = Ctx::new("");
                titles_without_their_class(&mut record, ocr, &mut cx);
                let (r1, r2) = (&record.non_derivative_table[0], &record.derivative_table[0]);
                assert_eq!(r1.security_title.is_some(), kept, "{title} {other} {ocr}");
                assert_eq!(
                    r2.underlying_security_title.is_some(),
                    kept,
                    "{title} {other} {ocr}"
                );
                assert!(r2.security_title.is_some());
            }
        }
    }

    /// In OCR'd text, titles glued together are spaced again where every word is one of
    /// a title's; others are let be, for `glued_title_words` to leave out.
    #[test]
    fn glued_titles_are_spaced_by_their_words() {
        let cases: &[(&str, Option<&str>)] = &[
            ("CommonStock", Some("Common Stock")),
            ("Class ACommonStock", Some("Class A Common Stock")),
            ("ClassBCommonStock", Some("Class B Common Stock")),
            (
                "SeriesC-1PreferredStock",
                Some("Series C-1 Preferred Stock"),
            ),
            (
                "Employee StockOption (righttobuy)",
                Some("Employee Stock Option (right to buy)"),
            ),
            ("RestrictedStock Units", Some("Restricted Stock Units")),
            // Nothing glued, or nothing but the title's words.
            ("Common Stock", None),
            ("MuniFund Term Preferred Shares", None),
            ("FordStockUnits", None),
            ("x las Class ACommonStock", None),
            ("Glass 4CommonStock", None),
            // A bracket glued on: whether a space was there is not known.
            ("StockOption(righttobuy)", None),
            // Lines run together, or a title cut after its class.
            ("CommonClass AStock", None),
            ("ClassB", None),
            ("SeriesCPreferred Stock Series", None),
        ];
        for &(title, want) in cases {
            let mut record = texts_in_both_tables(title, Some(title));
            let mut cx = Ctx::new("");
            glued_title_spaces(&mut record, true, &mut cx);
            let (r1, r2) = (&record.non_derivative_table[0], &record.derivative_table[0]);
            let got = want.unwrap_or(title);
            assert_eq!(r1.security_title.as_deref(), Some(got), "{title}");
            assert_eq!(r2.security_title.as_deref(), Some(got), "{title}");
            assert_eq!(
                r2.underlying_security_title.as_deref(),
                Some(got),
                "{title}"
            );
            // A nature of ownership is no security's title.
            assert_eq!(r1.nature_of_ownership.as_deref(), Some(title), "{title}");
            let repairs = cx.finish(&[]).0.repairs.len();
            assert_eq!(repairs, if want.is_some() { 3 } else { 0 }, "{title}");
            // Digital text keeps what it prints.
            let mut record = texts_in_both_tables(title, None);
            let mut cx = Ctx::new("");
            glued_title_spaces(&mut record, false, &mut cx);
            assert_eq!(
                record.derivative_table[0].security_title.as_deref(),
                Some(title)
            );
        }
    }

    /// In OCR'd text an option's title without the right it names is left out.
    #[test]
    fn options_without_their_right_are_left_out() {
        for (title, left_out) in [
            ("Stock Option", true),
            ("Employee Stock option", true),
            ("Stock Option (right to buy)", false),
            ("Stock Options", false),
            ("Call Option(Right to Buy)", false),
            ("Common Stock", false),
        ] {
            for ocr in [true, false] {
                let mut record = texts_in_both_tables(title, Some(title));
                let mut cx = Ctx::new("");
                options_without_their_right(&mut record, ocr, &mut cx);
                let (r1, r2) = (&record.non_derivative_table[0], &record.derivative_table[0]);
                let gone = left_out && ocr;
                assert_eq!(r2.security_title.is_none(), gone, "{title} {ocr}");
                assert_eq!(r1.security_title.is_none(), gone, "{title} {ocr}");
                assert_eq!(
                    r2.nature_of_ownership.as_deref(),
                    Some(title),
                    "{title} {ocr}"
                );
            }
        }
    }

    /// Titles that glue two title words together are left out.
    #[test]
    fn titles_with_glued_words_are_left_out() {
        let cases: &[(&str, bool)] = &[
            ("Common Stock", false),
            ("RestrictedStock", true),
            ("CommonClass AStock", true),
            ("StockOption(right to buy)", true),
            ("Class A Common Stock", false),
            ("Bluefin MegaFund Units", false),
            ("ClassBCommonStock", true),
            ("Common stock", false),
        ];
        for &(title, left_out) in cases {
            let mut record = texts_in_both_tables(title, None);
            let mut cx = Ctx::new("");
            glued_title_words(&mut record, &mut cx);
            let (r1, r2) = (&record.non_derivative_table[0], &record.derivative_table[0]);
            assert_eq!(r1.security_title.is_none(), left_out, "{title}");
            assert_eq!(r2.security_title.is_none(), left_out, "{title}");
            assert_eq!(r2.underlying_security_title.is_none(), left_out, "{title}");
        }
    }

    /// In OCR'd text an amendment date with no period of report read is left out, and the
    /// document is not taken as an amendment; with a period, or in exact text, it stays.
    #[test]
    fn a_lone_amendment_date_in_ocr_text_is_left_out() {
        let day = Date::new(2020, 6, 15).ok();
        for (ocr, period, kept) in [(true, None, false), (true, day, true), (false, None, true)] {
            let mut record = Record {
                document_type: Some(DocumentType::Form3A),
                period_of_report: period,
                date_of_original_submission: day,
                ..Default::default()
            };
            let mut cx = Ctx::new("");
            lone_amendment_dates(&mut record, ocr, &mut cx);
            assert_eq!(
                record.date_of_original_submission.is_some(),
                kept,
                "{ocr} {period:?}"
            );
            let want = if kept {
                DocumentType::Form3A
            } else {
                DocumentType::Form3
            };
            assert_eq!(record.document_type, Some(want), "{ocr} {period:?}");
        }
    }

    /// A row with no value read loses its kind, with a warning; a row with any value, or
    /// only a footnote, keeps it.
    #[test]
    fn rows_with_no_value_read_lose_their_kind() {
        use form4_model::{DerivativeRow, NonDerivativeRow, RowField, RowKind};
        let holding = Some(RowKind::Holding);
        let noted = NonDerivativeRow {
            kind: holding,
            footnotes: [(
                RowField::NatureOfOwnership,
                vec![form4_model::FootnoteId(2)],
            )]
            .into(),
            ..Default::default()
        };
        let mut record = Record {
            non_derivative_table: vec![
                NonDerivativeRow {
                    kind: holding,
                    security_title: Some("Common Stock".into()),
                    ..Default::default()
                },
                NonDerivativeRow {
                    kind: holding,
                    ..Default::default()
                },
                noted,
            ],
            derivative_table: vec![DerivativeRow {
                kind: Some(RowKind::Transaction),
                ..Default::default()
            }],
            ..Default::default()
        };
        let mut cx = Ctx::new("");
        empty_rows(&mut record, &mut cx);
        let kinds: Vec<Option<RowKind>> =
            record.non_derivative_table.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [holding, None, holding]);
        assert_eq!(record.derivative_table[0].kind, None);
        let (diag, _) = cx.finish(&[]);
        let fields: Vec<Option<&str>> = diag.warnings.iter().map(|w| w.field.as_deref()).collect();
        assert_eq!(
            fields,
            [
                Some("non_derivative_table[1].kind"),
                Some("derivative_table[0].kind")
            ]
        );
    }

    /// An owner with no relationship ticked is said to have lost its marks; one with any
    /// ticked is not.
    #[test]
    fn owners_with_no_relationship_ticked_are_reported() {
        let owner = |director: bool, other: bool| form4_model::ReportingOwner {
            is_director: director,
            is_other: other,
            ..Default::default()
        };
        let record = Record {
            reporting_owners: vec![owner(true, false), owner(false, false), owner(false, true)],
            ..Default::default()
        };
        let mut cx = Ctx::new("");
        unticked_relationships(&record, &mut cx);
        let (diag, _) = cx.finish(&[]);
        let fields: Vec<Option<&str>> = diag.warnings.iter().map(|w| w.field.as_deref()).collect();
        assert_eq!(fields, [Some("reporting_owners[1].relationship")]);
    }

    /// Titles and natures whose brackets do not pair are left out; a nature's lone last
    /// `(` is the filer's own.
    #[test]
    fn texts_with_unpaired_brackets_are_left_out() {
        let cases: &[(&str, &str, bool)] = &[
            ("Common Stock", "Common Stock", true),
            (
                "Common Units (Limited Partner Interests)",
                "By Trust (Family)",
                true,
            ),
            ("Common Units (Limited Partner", "By Trust", false),
            ("Common Stock Q)", "By Bluefin Holdings, LLC (", false),
            ("Common Stock (", "By Bluefin Holdings, LLC(", false),
            ("Stock) (Right", "See footnote)", false),
            ("Common Stock", "( Bluefin Partners Fund, (", true),
        ];
        for &(title, nature, title_kept) in cases {
            let mut record = texts_in_both_tables(title, Some(nature));
            let mut cx = Ctx::new("");
            unpaired_brackets(&mut record, &mut cx);
            let kept = |v: &Option<String>, s: &str| v.as_deref() == Some(s);
            let nature_kept = !unpaired(nature, true);
            let (r1, r2) = (&record.non_derivative_table[0], &record.derivative_table[0]);
            assert_eq!(kept(&r1.security_title, title), title_kept, "{title}");
            assert_eq!(kept(&r2.security_title, title), title_kept, "{title}");
            assert_eq!(
                kept(&r2.underlying_security_title, title),
                title_kept,
                "{title}"
            );
            assert_eq!(
                kept(&r1.nature_of_ownership, nature),
                nature_kept,
                "{nature}"
            );
            assert_eq!(
                kept(&r2.nature_of_ownership, nature),
                nature_kept,
                "{nature}"
            );
        }
        let nature_cases: &[(&str, bool)] = &[
            ("By Bluefin Holdings, LLC (", true),
            ("By Trust (Family)", true),
            ("By Bluefin Holdings, LLC(", false),
            ("See footnote)", false),
            ("( Bluefin Partners Fund, (", false),
            ("Common Stock", true),
        ];
        for &(nature, kept) in nature_cases {
            assert_eq!(!unpaired(nature, true), kept, "{nature}");
        }
        // A title's lone last `(` is no filer's: left out.
        assert!(unpaired("Class B Common Stock (", false));
    }

    #[test]
    fn an_ocr_date_that_the_period_and_the_other_dates_contradict_is_left_out() {
        // 12/05 read as 02/05: ten months before the period that the other row confirms.
        let (period, dates) = check("2019-12-05", &["2019-12-05", "2019-02-05"], true);
        assert_eq!(period, Some(date("2019-12-05")));
        assert_eq!(dates, [Some(date("2019-12-05")), None]);
        // Digital text is only reported.
        let (_, dates) = check("2019-12-05", &["2019-12-05", "2019-02-05"], false);
        assert_eq!(dates, [Some(date("2019-12-05")), Some(date("2019-02-05"))]);
        // Days after the earliest transaction are what Form 4 reports.
        let (_, dates) = check("2019-12-05", &["2019-12-05", "2019-12-09"], true);
        assert_eq!(dates, [Some(date("2019-12-05")), Some(date("2019-12-09"))]);
    }

    #[test]
    fn a_period_that_most_dates_contradict_is_left_out_with_its_dates_and_a_tie_leaves_neither() {
        // `11/18` misread as `01/18` in the period and in one row: both left out.
        let (period, dates) = check(
            "2021-01-18",
            &["2021-01-18", "2021-11-18", "2021-11-18", "2021-11-18"],
            true,
        );
        assert_eq!(period, None);
        assert_eq!(
            dates,
            [
                None,
                Some(date("2021-11-18")),
                Some(date("2021-11-18")),
                Some(date("2021-11-18"))
            ]
        );
        // One date against the period: which is misread is not known.
        let (period, dates) = check("2022-05-04", &["2022-08-04"], true);
        assert_eq!(period, None);
        assert_eq!(dates, [None]);
        // Digital text keeps both.
        let (period, dates) = check("2022-05-04", &["2022-08-04"], false);
        assert_eq!(period, Some(date("2022-05-04")));
        assert_eq!(dates, [Some(date("2022-08-04"))]);
    }

    #[test]
    fn a_lone_date_under_a_title_naming_no_security_in_ocr_text_is_left_out() {
        // (title, a code read too, OCR) -> whether the date stays.
        let cases: &[(&str, bool, bool, bool)] = &[
            ("NORTH MAIN STREET", false, true, false),
            ("NORTH MAIN STREET", false, false, true),
            ("NORTH MAIN STREET", true, true, true),
            ("‘ommon Stoc!", false, true, true),
            ("Series A Preferred", false, true, true),
            ("8% Convertible Debentures due 2027", false, true, true),
        ];
        for &(title, coded, ocr, stays) in cases {
            let mut record = Record {
                non_derivative_table: vec![NonDerivativeRow {
                    security_title: Some(title.to_string()),
                    transaction_date: Some(date("2019-12-31")),
                    transaction_code: coded.then_some(TransactionCode::S),
                    ..NonDerivativeRow::default()
                }],
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            lone_dates(&mut record, ocr, &mut cx);
            assert_eq!(
                record.non_derivative_table[0].transaction_date.is_some(),
                stays,
                "{title} {coded} {ocr}"
            );
        }
    }

    #[test]
    fn a_date_one_month_or_year_digit_from_a_common_one_in_ocr_text_is_left_out() {
        /// The dates of the rows, whether the text is OCR'd, the dates left.
        type Case<'a> = (&'a [&'a str], bool, &'a [Option<&'a str>]);
        let cases: &[Case] = &[
            (
                &["2019-12-05", "2019-12-05", "2019-12-05", "2019-02-05"],
                true,
                &[
                    Some("2019-12-05"),
                    Some("2019-12-05"),
                    Some("2019-12-05"),
                    None,
                ],
            ),
            (
                &["2019-12-05", "2019-12-05", "2019-12-05", "2019-02-05"],
                false,
                &[
                    Some("2019-12-05"),
                    Some("2019-12-05"),
                    Some("2019-12-05"),
                    Some("2019-02-05"),
                ],
            ),
            // Days one digit apart are common.
            (
                &["2024-04-04", "2024-04-04", "2024-04-04", "2024-04-05"],
                true,
                &[
                    Some("2024-04-04"),
                    Some("2024-04-04"),
                    Some("2024-04-04"),
                    Some("2024-04-05"),
                ],
            ),
            // Not three times as often.
            (
                &["2019-12-05", "2019-12-05", "2019-02-05"],
                true,
                &[Some("2019-12-05"), Some("2019-12-05"), Some("2019-02-05")],
            ),
        ];
        for &(dates, ocr, want) in cases {
            let mut record = Record {
                non_derivative_table: dates
                    .iter()
                    .map(|d| NonDerivativeRow {
                        transaction_date: Some(date(d)),
                        ..NonDerivativeRow::default()
                    })
                    .collect(),
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            stray_dates(&mut record, ocr, &mut cx);
            let got: Vec<Option<Date>> = record
                .non_derivative_table
                .iter()
                .map(|r| r.transaction_date)
                .collect();
            let want: Vec<Option<Date>> = want.iter().map(|d| d.map(date)).collect();
            assert_eq!(got, want, "{dates:?} {ocr}");
        }
    }

    #[test]
    fn a_price_alone_in_an_ocr_row_is_left_out() {
        let price = form4_model::Decimal::from(17);
        // (a date read too, OCR) -> whether the price stays.
        for (dated, ocr, stays) in [
            (false, true, false),
            (true, true, true),
            (false, false, true),
        ] {
            let mut record = Record {
                non_derivative_table: vec![NonDerivativeRow {
                    transaction_date: dated.then(|| date("2013-03-05")),
                    price_per_share: Some(price),
                    ..NonDerivativeRow::default()
                }],
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            lone_prices(&mut record, ocr, &mut cx);
            assert_eq!(
                record.non_derivative_table[0].price_per_share.is_some(),
                stays,
                "{dated} {ocr}"
            );
        }
    }

    #[test]
    fn a_rare_code_in_ocr_text_is_left_out() {
        for (code, ocr, stays) in [
            (TransactionCode::Z, true, false),
            (TransactionCode::I, true, false),
            (TransactionCode::Z, false, true),
            (TransactionCode::S, true, true),
            (TransactionCode::X, true, true),
        ] {
            let mut record = Record {
                non_derivative_table: vec![NonDerivativeRow {
                    transaction_code: Some(code),
                    ..NonDerivativeRow::default()
                }],
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            rare_codes(&mut record, ocr, &mut cx);
            assert_eq!(
                record.non_derivative_table[0].transaction_code.is_some(),
                stays,
                "{code} {ocr}"
            );
        }
    }

    #[test]
    fn a_trade_code_nothing_confirms_in_ocr_text_is_left_out() {
        let price = form4_model::Decimal::from(17);
        // (code, a price read too, OCR) -> whether the code stays.
        for (code, priced, ocr, stays) in [
            (TransactionCode::S, false, true, false),
            (TransactionCode::P, false, true, false),
            (TransactionCode::F, false, true, false),
            (TransactionCode::S, true, true, true),
            (TransactionCode::S, false, false, true),
            (TransactionCode::G, false, true, true),
            (TransactionCode::J, false, true, true),
        ] {
            let mut record = Record {
                non_derivative_table: vec![NonDerivativeRow {
                    transaction_code: Some(code),
                    price_per_share: priced.then_some(price),
                    ..NonDerivativeRow::default()
                }],
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            unpriced_trades(&mut record, ocr, &mut cx);
            assert_eq!(
                record.non_derivative_table[0].transaction_code.is_some(),
                stays,
                "{code} {priced} {ocr}"
            );
        }
    }

    #[test]
    fn an_amount_owned_after_that_does_not_follow_from_the_row_above_is_reported() {
        use form4_model::{AcquiredDisposed as Side, DirectIndirect as Di};
        let row = |title: &str, amount: i64, side: Side, owned: i64, di: Di| NonDerivativeRow {
            kind: Some(RowKind::Transaction),
            security_title: Some(title.to_string()),
            shares: Some(Decimal::from(amount)),
            acquired_disposed: Some(side),
            shares_owned_following: Some(Decimal::from(owned)),
            direct_or_indirect: Some(di),
            ..NonDerivativeRow::default()
        };
        // (second row's title, amount, side, owned, form) -> whether a warning is given;
        // the first row is `Common Stock`, 1,000 (A), 5,000 owned, direct.
        for (title, amount, side, owned, di, warned) in [
            ("Common Stock", 300, Side::D, 4_700, Di::D, false),
            ("Common  stock", 300, Side::A, 5_300, Di::D, false),
            ("Common Stock", 300, Side::D, 4_300, Di::D, true),
            ("Common Stock", 300, Side::A, 4_700, Di::D, true),
            // Another holding: not compared.
            ("Common Stock", 300, Side::D, 300, Di::I, false),
            ("Class B Stock", 300, Side::D, 300, Di::D, false),
        ] {
            let record = Record {
                non_derivative_table: vec![
                    row("Common Stock", 1_000, Side::A, 5_000, Di::D),
                    row(title, amount, side, owned, di),
                ],
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            owned_after_sums(&record, &mut cx);
            let (diagnostics, _) = cx.finish(&[]);
            let found = diagnostics.warnings.iter().any(|w| {
                w.field.as_deref() == Some("non_derivative_table[1].shares_owned_following")
            });
            assert_eq!(found, warned, "{title} {amount} {side:?} {owned} {di:?}");
        }
        // A row of the holding between them whose amount owned was not read: the row
        // above is unknown, so nothing is compared.
        let mut unread = row("Common Stock", 200, Side::D, 0, Di::D);
        unread.shares_owned_following = None;
        let record = Record {
            non_derivative_table: vec![
                row("Common Stock", 1_000, Side::A, 5_000, Di::D),
                unread,
                row("Common Stock", 300, Side::D, 4_500, Di::D),
            ],
            ..Record::default()
        };
        let mut cx = Ctx::new("");
        owned_after_sums(&record, &mut cx);
        let (diagnostics, _) = cx.finish(&[]);
        assert!(
            diagnostics.warnings.is_empty(),
            "{:?}",
            diagnostics.warnings
        );
    }

    #[test]
    fn a_g_beside_rows_read_c_in_ocr_text_is_left_out() {
        use form4_model::DerivativeRow;
        let code = |s: &str| s.parse::<TransactionCode>().ok();
        // (Table I codes, Table II codes, OCR) -> Table I and II codes after the check.
        let cases: &[(&str, &str, bool, &str, &str)] = &[
            ("CG", "", true, "C-", ""),
            ("G", "C", true, "-", "C"),
            ("GG", "CG", true, "--", "C-"),
            ("CG", "C", false, "CG", "C"),
            ("GS", "G", true, "GS", "G"),
        ];
        for &(t1, t2, ocr, want1, want2) in cases {
            let mut record = Record {
                non_derivative_table: t1
                    .chars()
                    .map(|c| NonDerivativeRow {
                        transaction_code: code(&c.to_string()),
                        ..NonDerivativeRow::default()
                    })
                    .collect(),
                derivative_table: t2
                    .chars()
                    .map(|c| DerivativeRow {
                        transaction_code: code(&c.to_string()),
                        ..DerivativeRow::default()
                    })
                    .collect(),
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            confusable_codes(&mut record, ocr, &mut cx);
            let letters = |codes: Vec<Option<TransactionCode>>| -> String {
                codes
                    .iter()
                    .map(|c| c.map_or("-".to_string(), |c| c.to_string()))
                    .collect()
            };
            let got1 = letters(
                record
                    .non_derivative_table
                    .iter()
                    .map(|r| r.transaction_code)
                    .collect(),
            );
            let got2 = letters(
                record
                    .derivative_table
                    .iter()
                    .map(|r| r.transaction_code)
                    .collect(),
            );
            assert_eq!(
                (got1.as_str(), got2.as_str()),
                (want1, want2),
                "{t1} {t2} {ocr}"
            );
        }
    }

    #[test]
    fn a_g_beside_a_convertible_in_table_ii_in_ocr_text_is_left_out() {
        use form4_model::DerivativeRow;
        // (Table II's title, OCR) -> whether Table I's `G` stays.
        let cases: &[(&str, bool, bool)] = &[
            ("Series A2 Preferred Shares", true, false),
            ("nvertible Note", true, false),
            ("Series A2 Preferred Shares", false, true),
            ("Stock Option (Right to Buy)", true, true),
            ("Class B Common Stock", true, true),
        ];
        for &(title, ocr, stays) in cases {
            let mut record = Record {
                non_derivative_table: vec![NonDerivativeRow {
                    transaction_code: Some(TransactionCode::G),
                    ..NonDerivativeRow::default()
                }],
                derivative_table: vec![DerivativeRow {
                    security_title: Some(title.to_string()),
                    ..DerivativeRow::default()
                }],
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            confusable_codes(&mut record, ocr, &mut cx);
            assert_eq!(
                record.non_derivative_table[0].transaction_code.is_some(),
                stays,
                "{title} {ocr}"
            );
        }
    }

    fn dec(s: &str) -> Decimal {
        s.parse().expect("a decimal")
    }

    #[test]
    fn amounts_one_digit_apart() {
        let cases: &[(&str, &str, bool)] = &[
            ("811260", "3811260", true),
            ("12477100", "2477100", true),
            ("491050", "401050", true),
            ("8667", "78667", true),
            ("3330.962", "3330.963", true),
            // A conversion ratio of ten.
            ("381126", "3811260", false),
            // Round amounts.
            ("30000", "80000", false),
            ("1000", "1700", false),
            ("4501182", "4501182", false),
            ("45018", "4501182", false),
        ];
        for &(a, b, want) in cases {
            assert_eq!(one_digit_apart(dec(a), dec(b)), want, "{a} {b}");
        }
    }

    #[test]
    fn texts_one_character_away() {
        let near: Vec<String> = one_character_away("8667").collect();
        for want in ["78667", "867", "8.667", "3667", "86670"] {
            assert!(near.iter().any(|n| n == want), "{want}");
        }
        assert!(!near.iter().any(|n| n == "8667"));
        assert!(!near.iter().any(|n| n == "78668"));
    }

    #[test]
    fn an_ocr_amount_one_digit_from_one_printed_more_often_is_left_out() {
        // (Table I amounts and amounts owned, OCR) -> the amounts left.
        type Case<'a> = (
            &'a [(&'a str, &'a str)],
            bool,
            &'a [(Option<&'a str>, Option<&'a str>)],
        );
        let cases: &[Case] = &[
            (
                &[("78667", "8667"), ("78667", "2600")],
                true,
                &[(Some("78667"), None), (Some("78667"), Some("2600"))],
            ),
            (
                &[("78667", "8667"), ("78667", "2600")],
                false,
                &[(Some("78667"), Some("8667")), (Some("78667"), Some("2600"))],
            ),
            // As often: which is misread is not known.
            (
                &[("4501182", "4501181")],
                true,
                &[(Some("4501182"), Some("4501181"))],
            ),
            // Round amounts.
            (
                &[("1000", "1700"), ("1700", "5000")],
                true,
                &[(Some("1000"), Some("1700")), (Some("1700"), Some("5000"))],
            ),
        ];
        for &(rows, ocr, want) in cases {
            let mut record = Record {
                non_derivative_table: rows
                    .iter()
                    .map(|&(a, o)| NonDerivativeRow {
                        shares: Some(dec(a)),
                        shares_owned_following: Some(dec(o)),
                        ..NonDerivativeRow::default()
                    })
                    .collect(),
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            outvoted_amounts(&mut record, ocr, &mut cx);
            let got: Vec<_> = record
                .non_derivative_table
                .iter()
                .map(|r| (r.shares, r.shares_owned_following))
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|&(a, o)| (a.map(dec), o.map(dec)))
                .collect();
            assert_eq!(got, want, "{rows:?} {ocr}");
        }
    }

    #[test]
    fn an_ocr_underlying_amount_one_digit_from_table_i_of_its_day_is_left_out() {
        use form4_model::DerivativeRow;
        // (Table I's amount, Table II's day, underlying amount, OCR) -> whether it stays.
        let cases: &[(&str, &str, &str, bool, bool)] = &[
            ("3811260", "2020-12-15", "811260", true, false),
            ("2477100", "2020-12-15", "12477100", true, false),
            ("3811260", "2020-12-15", "811260", false, true),
            // Another day.
            ("3811260", "2020-12-11", "811260", true, true),
            // Equal, or a conversion ratio of ten, or round.
            ("3811260", "2020-12-15", "3811260", true, true),
            ("381126", "2020-12-15", "3811260", true, true),
            ("80000", "2020-12-15", "30000", true, true),
        ];
        for &(t1, day, u, ocr, stays) in cases {
            let mut record = Record {
                non_derivative_table: vec![NonDerivativeRow {
                    transaction_date: Some(date("2020-12-15")),
                    shares: Some(dec(t1)),
                    ..NonDerivativeRow::default()
                }],
                derivative_table: vec![DerivativeRow {
                    transaction_date: Some(date(day)),
                    underlying_security_shares: Some(dec(u)),
                    ..DerivativeRow::default()
                }],
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            underlying_amounts(&mut record, ocr, &mut cx);
            assert_eq!(
                record.derivative_table[0]
                    .underlying_security_shares
                    .is_some(),
                stays,
                "{t1} {day} {u} {ocr}"
            );
        }
    }

    #[test]
    fn an_ocr_conversion_on_a_day_the_other_table_lacks_is_left_out() {
        use form4_model::DerivativeRow;
        // (Table II's code and day, Table I's days, OCR) -> whether the code stays.
        let cases: &[(&str, &str, &[&str], bool, bool)] = &[
            ("C", "2020-12-11", &["2020-12-15"], true, false),
            ("M", "2020-12-11", &["2020-12-15"], true, false),
            ("C", "2020-12-11", &["2020-12-15"], false, true),
            ("C", "2020-12-15", &["2020-12-15"], true, true),
            // The other table's dates were not read.
            ("M", "2020-12-11", &[], true, true),
            ("A", "2020-12-11", &["2020-12-15"], true, true),
        ];
        for &(c, day, days1, ocr, stays) in cases {
            let mut record = Record {
                non_derivative_table: days1
                    .iter()
                    .map(|d| NonDerivativeRow {
                        transaction_date: Some(date(d)),
                        ..NonDerivativeRow::default()
                    })
                    .collect(),
                derivative_table: vec![DerivativeRow {
                    transaction_date: Some(date(day)),
                    transaction_code: c.parse().ok(),
                    ..DerivativeRow::default()
                }],
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            unpaired_conversions(&mut record, ocr, &mut cx);
            assert_eq!(
                record.derivative_table[0].transaction_code.is_some(),
                stays,
                "{c} {day} {days1:?} {ocr}"
            );
        }
    }

    #[test]
    fn an_ocr_table2_transaction_that_nothing_confirms_loses_its_date_and_amount() {
        use form4_model::DerivativeRow;
        /// Code, underlying amount, a Table I row on its day, OCR; whether the date stays.
        type Case<'a> = (Option<&'a str>, Option<&'a str>, bool, bool, bool);
        let cases: &[Case] = &[
            (None, None, false, true, false),
            (None, None, false, false, true),
            (Some("M"), None, false, true, true),
            (None, Some("25227"), false, true, true),
            (None, None, true, true, true),
        ];
        for &(code, underlying, shared, ocr, stays) in cases {
            let mut record = Record {
                non_derivative_table: shared
                    .then(|| NonDerivativeRow {
                        transaction_date: Some(date("2027-03-02")),
                        ..NonDerivativeRow::default()
                    })
                    .into_iter()
                    .collect(),
                derivative_table: vec![DerivativeRow {
                    conversion_or_exercise_price: Some(dec("30.42")),
                    transaction_date: Some(date("2027-03-02")),
                    transaction_code: code.and_then(|c| c.parse().ok()),
                    shares: Some(dec("927")),
                    underlying_security_shares: underlying.map(dec),
                    ..DerivativeRow::default()
                }],
                ..Record::default()
            };
            let mut cx = Ctx::new("");
            unconfirmed_transactions(&mut record, ocr, &mut cx);
            let r = &record.derivative_table[0];
            let what = format!("{code:?} {underlying:?} {shared} {ocr}");
            assert_eq!(r.transaction_date.is_some(), stays, "{what}");
            assert_eq!(r.shares.is_some(), stays, "{what}");
            // The exercise price is no transaction's column.
            assert!(r.conversion_or_exercise_price.is_some(), "{what}");
        }
    }

    #[test]
    fn day_numbers_count_days_across_months_leap_years_and_centuries() {
        for (a, b, days) in [
            ("2020-02-28", "2020-03-01", 2),
            ("2019-02-28", "2019-03-01", 1),
            ("1900-02-28", "1900-03-01", 1),
            ("2000-02-28", "2000-03-01", 2),
            ("2019-12-31", "2020-01-01", 1),
            ("2019-01-01", "2020-01-01", 365),
            ("2020-01-01", "2021-01-01", 366),
            ("2021-01-18", "2021-11-18", 304),
        ] {
            assert_eq!(day_number(date(b)) - day_number(date(a)), days, "{a} {b}");
        }
    }
}
