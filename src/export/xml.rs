//! An EDGAR `ownershipDocument` (Ownership XML schema X0508) per record.
//!
//! Every value is written as EDGAR writes it, `<value>` plus one `<footnoteId id="F1"/>` per
//! footnote; a value printed only as a footnote mark becomes its footnote ids alone. Values
//! the form does not print are left out rather than invented, with two exceptions EDGAR
//! clients need: the issuer's and owners' CIKs. Those come from a [`CikMap`]; where it has
//! none, [`PLACEHOLDER_CIK`] is written and a comment at the top of the document lists
//! which CIKs are placeholders. The form's `V` column is written as
//! `<transactionTimeliness><value>E</value>`, as EDGAR does.

use std::collections::BTreeMap;
use std::fmt::{Display, Write as _};

use crate::export::{format_cik, CikMap, PLACEHOLDER_CIK};
use crate::model::{DerivativeRow, FootnoteId, NonDerivativeRow, RowField, RowKind};
use crate::Record;

/// The schema version written in `<schemaVersion>`.
pub const SCHEMA_VERSION: &str = "X0508";

/// Writes `record` as one XML document. `source`, if given, is named in a leading comment.
pub fn to_string(record: &Record, ciks: &CikMap, source: Option<&str>) -> String {
    let mut x = Xml {
        out: String::with_capacity(8192),
        depth: 0,
    };
    x.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let issuer_cik = ciks.issuer(record);
    let owner_ciks: Vec<Option<u64>> = (0..record.reporting_owners.len())
        .map(|i| ciks.owner(record, i))
        .collect();
    let mut note = String::from("form4: read from a rendering of the printed form");
    if let Some(s) = source {
        let _ = write!(note, " ({})", comment_safe(s));
    }
    let placeholders = issuer_cik.is_none() || owner_ciks.iter().any(Option::is_none);
    if placeholders {
        let _ = write!(
            note,
            ". The form prints no CIK: every {PLACEHOLDER_CIK} below is a placeholder, not a real CIK (pass a CIK map to form4 to fill them)"
        );
    }
    let _ = writeln!(x.out, "<!-- {note}. -->");
    x.open("ownershipDocument");
    x.leaf("schemaVersion", SCHEMA_VERSION);
    x.leaf("documentType", opt(record.document_type));
    x.leaf_opt("periodOfReport", record.period_of_report);
    x.leaf_opt(
        "dateOfOriginalSubmission",
        record.date_of_original_submission,
    );
    x.leaf_opt("noSecuritiesOwned", record.no_securities_owned.map(bit));
    x.leaf_opt(
        "notSubjectToSection16",
        record.not_subject_to_section16.map(bit),
    );
    x.leaf_opt(
        "form3HoldingsReported",
        record.form3_holdings_reported.map(bit),
    );
    x.leaf_opt(
        "form4TransactionsReported",
        record.form4_transactions_reported.map(bit),
    );
    x.leaf_opt("aff10b5One", record.aff10b5one.map(bit));

    x.open("issuer");
    x.leaf("issuerCik", cik(issuer_cik));
    x.leaf("issuerName", text(&record.issuer.name));
    x.leaf("issuerTradingSymbol", text(&record.issuer.trading_symbol));
    x.close("issuer");

    for (o, c) in record.reporting_owners.iter().zip(&owner_ciks) {
        x.open("reportingOwner");
        x.open("reportingOwnerId");
        x.leaf("rptOwnerCik", cik(*c));
        x.leaf("rptOwnerName", text(&o.name));
        x.close("reportingOwnerId");
        x.open("reportingOwnerAddress");
        x.leaf("rptOwnerStreet1", text(&o.address.street1));
        x.leaf("rptOwnerStreet2", text(&o.address.street2));
        x.leaf("rptOwnerCity", text(&o.address.city));
        x.leaf("rptOwnerState", text(&o.address.state));
        x.leaf("rptOwnerZipCode", text(&o.address.zip));
        x.close("reportingOwnerAddress");
        x.open("reportingOwnerRelationship");
        x.leaf("isDirector", bit(o.is_director));
        x.leaf("isOfficer", bit(o.is_officer));
        x.leaf("isTenPercentOwner", bit(o.is_ten_percent_owner));
        x.leaf("isOther", bit(o.is_other));
        x.leaf_opt("officerTitle", o.officer_title.as_deref());
        x.leaf_opt("otherText", o.other_text.as_deref());
        x.close("reportingOwnerRelationship");
        x.close("reportingOwner");
    }

    let form = record
        .document_type
        .map(|d| d.form_number().to_string())
        .unwrap_or_default();
    if !record.non_derivative_table.is_empty() {
        x.open("nonDerivativeTable");
        for r in &record.non_derivative_table {
            non_derivative(&mut x, r, &form);
        }
        x.close("nonDerivativeTable");
    }
    if !record.derivative_table.is_empty() {
        x.open("derivativeTable");
        for r in &record.derivative_table {
            derivative(&mut x, r, &form);
        }
        x.close("derivativeTable");
    }
    if !record.footnotes.is_empty() {
        x.open("footnotes");
        for (id, t) in &record.footnotes {
            x.indent();
            let _ = writeln!(x.out, "<footnote id=\"{id}\">{}</footnote>", escape(t));
        }
        x.close("footnotes");
    }
    x.leaf_opt("remarks", record.remarks.as_deref());
    for s in &record.signatures {
        x.open("ownerSignature");
        x.leaf("signatureName", text(&s.name));
        x.leaf_opt("signatureDate", s.date);
        x.close("ownerSignature");
    }
    x.close("ownershipDocument");
    x.out
}

type Notes = BTreeMap<RowField, Vec<FootnoteId>>;

fn non_derivative(x: &mut Xml, r: &NonDerivativeRow, form: &str) {
    let f = &r.footnotes;
    // A row whose kind is not known is written as a transaction, whose elements hold all
    // of a holding's: nothing read is dropped, and its missing date and code show.
    let holding = r.kind == Some(RowKind::Holding);
    let tag = if holding {
        "nonDerivativeHolding"
    } else {
        "nonDerivativeTransaction"
    };
    x.open(tag);
    x.value(
        "securityTitle",
        r.security_title.as_deref(),
        f,
        RowField::SecurityTitle,
    );
    if !holding {
        x.value(
            "transactionDate",
            r.transaction_date,
            f,
            RowField::TransactionDate,
        );
        x.value(
            "deemedExecutionDate",
            r.deemed_execution_date,
            f,
            RowField::DeemedExecutionDate,
        );
        coding(x, form, r.transaction_code, r.equity_swap_involved, f);
        timeliness(x, r.v_flag);
        x.open("transactionAmounts");
        x.value("transactionShares", r.shares, f, RowField::Shares);
        x.value(
            "transactionPricePerShare",
            r.price_per_share,
            f,
            RowField::PricePerShare,
        );
        x.value(
            "transactionAcquiredDisposedCode",
            r.acquired_disposed,
            f,
            RowField::AcquiredDisposed,
        );
        x.close("transactionAmounts");
    }
    post_amounts(x, r.shares_owned_following, r.value_owned_following, f);
    nature(x, r.direct_or_indirect, r.nature_of_ownership.as_deref(), f);
    x.close(tag);
}

fn derivative(x: &mut Xml, r: &DerivativeRow, form: &str) {
    let f = &r.footnotes;
    let holding = r.kind == Some(RowKind::Holding);
    let tag = if holding {
        "derivativeHolding"
    } else {
        "derivativeTransaction"
    };
    x.open(tag);
    x.value(
        "securityTitle",
        r.security_title.as_deref(),
        f,
        RowField::SecurityTitle,
    );
    x.value(
        "conversionOrExercisePrice",
        r.conversion_or_exercise_price,
        f,
        RowField::ConversionOrExercisePrice,
    );
    if !holding {
        x.value(
            "transactionDate",
            r.transaction_date,
            f,
            RowField::TransactionDate,
        );
        x.value(
            "deemedExecutionDate",
            r.deemed_execution_date,
            f,
            RowField::DeemedExecutionDate,
        );
        coding(x, form, r.transaction_code, r.equity_swap_involved, f);
        timeliness(x, r.v_flag);
        x.open("transactionAmounts");
        if r.shares.is_none() && r.total_value.is_some() {
            x.value("transactionTotalValue", r.total_value, f, RowField::Shares);
        } else {
            x.value("transactionShares", r.shares, f, RowField::Shares);
        }
        x.value(
            "transactionPricePerShare",
            r.price_per_share,
            f,
            RowField::PricePerShare,
        );
        x.value(
            "transactionAcquiredDisposedCode",
            r.acquired_disposed,
            f,
            RowField::AcquiredDisposed,
        );
        x.close("transactionAmounts");
    }
    x.value("exerciseDate", r.exercise_date, f, RowField::ExerciseDate);
    x.value(
        "expirationDate",
        r.expiration_date,
        f,
        RowField::ExpirationDate,
    );
    x.open("underlyingSecurity");
    x.value(
        "underlyingSecurityTitle",
        r.underlying_security_title.as_deref(),
        f,
        RowField::UnderlyingSecurityTitle,
    );
    if r.underlying_security_shares.is_none() && r.underlying_security_value.is_some() {
        x.value(
            "underlyingSecurityValue",
            r.underlying_security_value,
            f,
            RowField::UnderlyingSecurityShares,
        );
    } else {
        x.value(
            "underlyingSecurityShares",
            r.underlying_security_shares,
            f,
            RowField::UnderlyingSecurityShares,
        );
    }
    x.close("underlyingSecurity");
    post_amounts(x, r.shares_owned_following, r.value_owned_following, f);
    nature(x, r.direct_or_indirect, r.nature_of_ownership.as_deref(), f);
    x.close(tag);
}

fn coding(
    x: &mut Xml,
    form: &str,
    code: Option<crate::model::TransactionCode>,
    swap: Option<bool>,
    f: &Notes,
) {
    x.open("transactionCoding");
    x.leaf("transactionFormType", form);
    x.leaf_opt("transactionCode", code);
    x.leaf_opt("equitySwapInvolved", swap.map(bit));
    x.footnotes(f.get(&RowField::TransactionCode));
    x.close("transactionCoding");
}

fn timeliness(x: &mut Xml, v_flag: bool) {
    if v_flag {
        x.open("transactionTimeliness");
        x.leaf("value", "E");
        x.close("transactionTimeliness");
    }
}

fn post_amounts(
    x: &mut Xml,
    shares: Option<crate::model::Decimal>,
    value: Option<crate::model::Decimal>,
    f: &Notes,
) {
    x.open("postTransactionAmounts");
    if shares.is_none() && value.is_some() {
        x.value(
            "valueOwnedFollowingTransaction",
            value,
            f,
            RowField::SharesOwnedFollowing,
        );
    } else {
        x.value(
            "sharesOwnedFollowingTransaction",
            shares,
            f,
            RowField::SharesOwnedFollowing,
        );
    }
    x.close("postTransactionAmounts");
}

fn nature(x: &mut Xml, di: Option<crate::model::DirectIndirect>, nature: Option<&str>, f: &Notes) {
    x.open("ownershipNature");
    x.value(
        "directOrIndirectOwnership",
        di,
        f,
        RowField::DirectOrIndirect,
    );
    x.value("natureOfOwnership", nature, f, RowField::NatureOfOwnership);
    x.close("ownershipNature");
}

struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
    }

    fn open(&mut self, tag: &str) {
        self.indent();
        let _ = writeln!(self.out, "<{tag}>");
        self.depth += 1;
    }

    fn close(&mut self, tag: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.indent();
        let _ = writeln!(self.out, "</{tag}>");
    }

    fn leaf(&mut self, tag: &str, v: impl Display) {
        self.indent();
        let _ = writeln!(self.out, "<{tag}>{}</{tag}>", escape(&v.to_string()));
    }

    fn leaf_opt(&mut self, tag: &str, v: Option<impl Display>) {
        if let Some(v) = v {
            self.leaf(tag, v);
        }
    }

    /// `<tag><value>v</value><footnoteId id=".."/></tag>`, on one line; nothing when there
    /// is neither a value nor a footnote.
    fn value(&mut self, tag: &str, v: Option<impl Display>, notes: &Notes, field: RowField) {
        let ids = notes.get(&field).filter(|ids| !ids.is_empty());
        if v.is_none() && ids.is_none() {
            return;
        }
        self.indent();
        let _ = write!(self.out, "<{tag}>");
        if let Some(v) = v {
            let _ = write!(self.out, "<value>{}</value>", escape(&v.to_string()));
        }
        for id in ids.into_iter().flatten() {
            let _ = write!(self.out, "<footnoteId id=\"{id}\"/>");
        }
        let _ = writeln!(self.out, "</{tag}>");
    }

    fn footnotes(&mut self, ids: Option<&Vec<FootnoteId>>) {
        for id in ids.into_iter().flatten() {
            self.indent();
            let _ = writeln!(self.out, "<footnoteId id=\"{id}\"/>");
        }
    }
}

fn opt(v: Option<impl Display>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn text(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

fn bit(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

fn cik(c: Option<u64>) -> String {
    c.map(format_cik)
        .unwrap_or_else(|| PLACEHOLDER_CIK.to_string())
}

/// Escapes text for element content and attributes, dropping characters XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text safe inside `<!-- -->`: no `--`, no forbidden characters.
fn comment_safe(s: &str) -> String {
    escape(s).replace("--", "-\u{2010}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape("A&B <c> \"d\" 'e'\u{1}"),
            "A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
        assert!(!comment_safe("a--b").contains("--"));
    }
}
