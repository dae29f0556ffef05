//! The flat tables of the SEC's "Insider Transactions Data Sets".
//!
//! One file per table, with the SEC's column names (including each value's `_FN` column of
//! footnote ids and the data sets' spelling `EXCERCISE_DATE` in DERIV_TRANS), so our tables
//! load beside the SEC's own. Differences, all forced by the input being a rendering:
//! - `ACCESSION_NUMBER` holds our [`document_id`](super::document_id) (the source path);
//! - `FILING_DATE`, `FILE_NUMBER`, `RPTOWNER_STATE_DESC` and the CIKs (unless a
//!   [`CikMap`] knows them) are empty: the printed form does not show them;
//! - the `_SK` keys number rows within one document, from 1;
//! - flags are `1`/`0` and amounts exact decimals; dates are written as the data sets write
//!   them, `DD-MON-YYYY` (`02-JAN-2025`).

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use crate::export::{footnote_list, format_cik, CikMap};
use crate::model::{DerivativeRow, NonDerivativeRow, RowField, RowKind};
use crate::Record;

/// Why a table could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A table file could not be created.
    #[error("{path}: {source}")]
    Create {
        /// The file.
        path: String,
        /// The I/O error.
        source: io::Error,
    },
    /// Writing a row failed.
    #[error("writing {table}: {source}")]
    Write {
        /// The table's name.
        table: &'static str,
        /// The csv crate's error.
        source: ::csv::Error,
    },
}

/// The tables of the data sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// One row per filing.
    Submission,
    /// One row per reporting owner.
    ReportingOwner,
    /// Table I transactions.
    NonDerivTrans,
    /// Table I holdings.
    NonDerivHolding,
    /// Table II transactions.
    DerivTrans,
    /// Table II holdings.
    DerivHolding,
    /// Footnote texts.
    Footnotes,
    /// Signatures.
    OwnerSignature,
}

impl Table {
    /// Every table, in the order of the SEC's readme.
    pub const ALL: [Table; 8] = [
        Table::Submission,
        Table::ReportingOwner,
        Table::NonDerivTrans,
        Table::NonDerivHolding,
        Table::DerivTrans,
        Table::DerivHolding,
        Table::Footnotes,
        Table::OwnerSignature,
    ];

    /// The table's file name without extension, as the SEC names it.
    pub const fn name(self) -> &'static str {
        match self {
            Table::Submission => "SUBMISSION",
            Table::ReportingOwner => "REPORTINGOWNER",
            Table::NonDerivTrans => "NONDERIV_TRANS",
            Table::NonDerivHolding => "NONDERIV_HOLDING",
            Table::DerivTrans => "DERIV_TRANS",
            Table::DerivHolding => "DERIV_HOLDING",
            Table::Footnotes => "FOOTNOTES",
            Table::OwnerSignature => "OWNER_SIGNATURE",
        }
    }

    /// The column names, in order.
    pub const fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Submission => &[
                "ACCESSION_NUMBER",
                "FILING_DATE",
                "PERIOD_OF_REPORT",
                "DATE_OF_ORIG_SUB",
                "NO_SECURITIES_OWNED",
                "NOT_SUBJECT_SEC16",
                "FORM3_HOLDINGS_REPORTED",
                "FORM4_TRANS_REPORTED",
                "DOCUMENT_TYPE",
                "ISSUERCIK",
                "ISSUERNAME",
                "ISSUERTRADINGSYMBOL",
                "REMARKS",
                "AFF10B5ONE",
            ],
            Table::ReportingOwner => &[
                "ACCESSION_NUMBER",
                "RPTOWNERCIK",
                "RPTOWNERNAME",
                "RPTOWNER_RELATIONSHIP",
                "RPTOWNER_TITLE",
                "RPTOWNER_TXT",
                "RPTOWNER_STREET1",
                "RPTOWNER_STREET2",
                "RPTOWNER_CITY",
                "RPTOWNER_STATE",
                "RPTOWNER_ZIPCODE",
                "RPTOWNER_STATE_DESC",
                "FILE_NUMBER",
            ],
            Table::NonDerivTrans => &[
                "ACCESSION_NUMBER",
                "NONDERIV_TRANS_SK",
                "SECURITY_TITLE",
                "SECURITY_TITLE_FN",
                "TRANS_DATE",
                "TRANS_DATE_FN",
                "DEEMED_EXECUTION_DATE",
                "DEEMED_EXECUTION_DATE_FN",
                "TRANS_FORM_TYPE",
                "TRANS_CODE",
                "EQUITY_SWAP_INVOLVED",
                "EQUITY_SWAP_TRANS_CD_FN",
                "TRANS_TIMELINESS",
                "TRANS_TIMELINESS_FN",
                "TRANS_SHARES",
                "TRANS_SHARES_FN",
                "TRANS_PRICEPERSHARE",
                "TRANS_PRICEPERSHARE_FN",
                "TRANS_ACQUIRED_DISP_CD",
                "TRANS_ACQUIRED_DISP_CD_FN",
                "SHRS_OWND_FOLWNG_TRANS",
                "SHRS_OWND_FOLWNG_TRANS_FN",
                "VALU_OWND_FOLWNG_TRANS",
                "VALU_OWND_FOLWNG_TRANS_FN",
                "DIRECT_INDIRECT_OWNERSHIP",
                "DIRECT_INDIRECT_OWNERSHIP_FN",
                "NATURE_OF_OWNERSHIP",
                "NATURE_OF_OWNERSHIP_FN",
            ],
            Table::NonDerivHolding => &[
                "ACCESSION_NUMBER",
                "NONDERIV_HOLDING_SK",
                "SECURITY_TITLE",
                "SECURITY_TITLE_FN",
                "TRANS_FORM_TYPE",
                "TRANS_FORM_TYPE_FN",
                "SHRS_OWND_FOLWNG_TRANS",
                "SHRS_OWND_FOLWNG_TRANS_FN",
                "VALU_OWND_FOLWNG_TRANS",
                "VALU_OWND_FOLWNG_TRANS_FN",
                "DIRECT_INDIRECT_OWNERSHIP",
                "DIRECT_INDIRECT_OWNERSHIP_FN",
                "NATURE_OF_OWNERSHIP",
                "NATURE_OF_OWNERSHIP_FN",
            ],
            Table::DerivTrans => &[
                "ACCESSION_NUMBER",
                "DERIV_TRANS_SK",
                "SECURITY_TITLE",
                "SECURITY_TITLE_FN",
                "CONV_EXERCISE_PRICE",
                "CONV_EXERCISE_PRICE_FN",
                "TRANS_DATE",
                "TRANS_DATE_FN",
                "DEEMED_EXECUTION_DATE",
                "DEEMED_EXECUTION_DATE_FN",
                "TRANS_FORM_TYPE",
                "TRANS_CODE",
                "EQUITY_SWAP_INVOLVED",
                "EQUITY_SWAP_TRANS_CD_FN",
                "TRANS_TIMELINESS",
                "TRANS_TIMELINESS_FN",
                "TRANS_SHARES",
                "TRANS_SHARES_FN",
                "TRANS_TOTAL_VALUE",
                "TRANS_TOTAL_VALUE_FN",
                "TRANS_PRICEPERSHARE",
                "TRANS_PRICEPERSHARE_FN",
                "TRANS_ACQUIRED_DISP_CD",
                "TRANS_ACQUIRED_DISP_CD_FN",
                "EXCERCISE_DATE",
                "EXCERCISE_DATE_FN",
                "EXPIRATION_DATE",
                "EXPIRATION_DATE_FN",
                "UNDLYNG_SEC_TITLE",
                "UNDLYNG_SEC_TITLE_FN",
                "UNDLYNG_SEC_SHARES",
                "UNDLYNG_SEC_SHARES_FN",
                "UNDLYNG_SEC_VALUE",
                "UNDLYNG_SEC_VALUE_FN",
                "SHRS_OWND_FOLWNG_TRANS",
                "SHRS_OWND_FOLWNG_TRANS_FN",
                "VALU_OWND_FOLWNG_TRANS",
                "VALU_OWND_FOLWNG_TRANS_FN",
                "DIRECT_INDIRECT_OWNERSHIP",
                "DIRECT_INDIRECT_OWNERSHIP_FN",
                "NATURE_OF_OWNERSHIP",
                "NATURE_OF_OWNERSHIP_FN",
            ],
            Table::DerivHolding => &[
                "ACCESSION_NUMBER",
                "DERIV_HOLDING_SK",
                "SECURITY_TITLE",
                "SECURITY_TITLE_FN",
                "CONV_EXERCISE_PRICE",
                "CONV_EXERCISE_PRICE_FN",
                "TRANS_FORM_TYPE",
                "TRANS_FORM_TYPE_FN",
                "EXERCISE_DATE",
                "EXERCISE_DATE_FN",
                "EXPIRATION_DATE",
                "EXPIRATION_DATE_FN",
                "UNDLYNG_SEC_TITLE",
                "UNDLYNG_SEC_TITLE_FN",
                "UNDLYNG_SEC_SHARES",
                "UNDLYNG_SEC_SHARES_FN",
                "UNDLYNG_SEC_VALUE",
                "UNDLYNG_SEC_VALUE_FN",
                "SHRS_OWND_FOLWNG_TRANS",
                "SHRS_OWND_FOLWNG_TRANS_FN",
                "VALU_OWND_FOLWNG_TRANS",
                "VALU_OWND_FOLWNG_TRANS_FN",
                "DIRECT_INDIRECT_OWNERSHIP",
                "DIRECT_INDIRECT_OWNERSHIP_FN",
                "NATURE_OF_OWNERSHIP",
                "NATURE_OF_OWNERSHIP_FN",
            ],
            Table::Footnotes => &["ACCESSION_NUMBER", "FOOTNOTE_ID", "FOOTNOTE_TXT"],
            Table::OwnerSignature => &[
                "ACCESSION_NUMBER",
                "OWNERSIGNATURENAME",
                "OWNERSIGNATUREDATE",
            ],
        }
    }
}

/// Writes records as the eight tables, one `csv::Writer` per table.
#[derive(Debug)]
pub struct DataSetWriter<W: Write> {
    writers: Vec<::csv::Writer<W>>,
}

impl DataSetWriter<File> {
    /// Creates `DIR/NAME.csv` (or `NAME.tsv` when `delimiter` is a tab) for every table,
    /// creating `dir` if needed, and writes the header lines.
    pub fn create(dir: &Path, delimiter: u8) -> Result<Self, Error> {
        let ext = if delimiter == b'\t' { "tsv" } else { "csv" };
        let create_err = |path: &Path, source| Error::Create {
            path: path.display().to_string(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(|e| create_err(dir, e))?;
        Self::new(delimiter, |t| {
            let path = dir.join(format!("{}.{ext}", t.name()));
            File::create(&path).map_err(|e| create_err(&path, e))
        })
    }
}

impl<W: Write> DataSetWriter<W> {
    /// Opens one output per table with `open` and writes the header lines.
    pub fn new(
        delimiter: u8,
        mut open: impl FnMut(Table) -> Result<W, Error>,
    ) -> Result<Self, Error> {
        let mut writers = Vec::with_capacity(Table::ALL.len());
        for t in Table::ALL {
            let mut w = ::csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(open(t)?);
            w.write_record(t.columns()).map_err(|source| Error::Write {
                table: t.name(),
                source,
            })?;
            writers.push(w);
        }
        Ok(DataSetWriter { writers })
    }

    fn row(&mut self, t: Table, fields: &[String]) -> Result<(), Error> {
        debug_assert_eq!(fields.len(), t.columns().len(), "{}", t.name());
        let Some(w) = Table::ALL
            .iter()
            .position(|x| *x == t)
            .and_then(|i| self.writers.get_mut(i))
        else {
            return Ok(());
        };
        w.write_record(fields).map_err(|source| Error::Write {
            table: t.name(),
            source,
        })
    }

    /// Writes every row of one record under the key `doc_id`.
    pub fn write(&mut self, doc_id: &str, record: &Record, ciks: &CikMap) -> Result<(), Error> {
        let id = || doc_id.to_string();
        let form = record
            .document_type
            .map(|d| d.form_number().to_string())
            .unwrap_or_default();
        self.row(
            Table::Submission,
            &[
                id(),
                String::new(),
                date(record.period_of_report),
                date(record.date_of_original_submission),
                flag(record.no_securities_owned),
                flag(record.not_subject_to_section16),
                flag(record.form3_holdings_reported),
                flag(record.form4_transactions_reported),
                opt(record.document_type),
                ciks.issuer(record).map(format_cik).unwrap_or_default(),
                text(&record.issuer.name),
                text(&record.issuer.trading_symbol),
                text(&record.remarks),
                flag(record.aff10b5one),
            ],
        )?;
        for (i, o) in record.reporting_owners.iter().enumerate() {
            let mut rel = Vec::new();
            for (ticked, name) in [
                (o.is_director, "Director"),
                (o.is_officer, "Officer"),
                (o.is_ten_percent_owner, "TenPercentOwner"),
                (o.is_other, "Other"),
            ] {
                if ticked {
                    rel.push(name);
                }
            }
            self.row(
                Table::ReportingOwner,
                &[
                    id(),
                    ciks.owner(record, i).map(format_cik).unwrap_or_default(),
                    text(&o.name),
                    rel.join(","),
                    text(&o.officer_title),
                    text(&o.other_text),
                    text(&o.address.street1),
                    text(&o.address.street2),
                    text(&o.address.city),
                    text(&o.address.state),
                    text(&o.address.zip),
                    String::new(),
                    String::new(),
                ],
            )?;
        }
        let (mut trans_sk, mut holding_sk) = (0, 0);
        for r in &record.non_derivative_table {
            let fn_ = |f: RowField| footnote_list(r.footnotes.get(&f));
            // A row of unknown kind goes to the transactions table, whose columns hold all
            // of a holding's (as in `xml.rs`).
            if r.kind == Some(RowKind::Holding) {
                holding_sk += 1;
                self.row(
                    Table::NonDerivHolding,
                    &nonderiv_holding(id(), holding_sk, r, &form),
                )?;
                continue;
            }
            trans_sk += 1;
            self.row(
                Table::NonDerivTrans,
                &[
                    id(),
                    trans_sk.to_string(),
                    text(&r.security_title),
                    fn_(RowField::SecurityTitle),
                    date(r.transaction_date),
                    fn_(RowField::TransactionDate),
                    date(r.deemed_execution_date),
                    fn_(RowField::DeemedExecutionDate),
                    form.clone(),
                    opt(r.transaction_code),
                    flag(r.equity_swap_involved),
                    fn_(RowField::TransactionCode),
                    timeliness(r.v_flag),
                    String::new(),
                    opt(r.shares),
                    fn_(RowField::Shares),
                    opt(r.price_per_share),
                    fn_(RowField::PricePerShare),
                    opt(r.acquired_disposed),
                    fn_(RowField::AcquiredDisposed),
                    opt(r.shares_owned_following),
                    owned_fn(
                        r.shares_owned_following.is_some(),
                        fn_(RowField::SharesOwnedFollowing),
                    ),
                    opt(r.value_owned_following),
                    owned_fn(
                        r.shares_owned_following.is_none(),
                        fn_(RowField::SharesOwnedFollowing),
                    ),
                    opt(r.direct_or_indirect),
                    fn_(RowField::DirectOrIndirect),
                    text(&r.nature_of_ownership),
                    fn_(RowField::NatureOfOwnership),
                ],
            )?;
        }
        let (mut trans_sk, mut holding_sk) = (0, 0);
        for r in &record.derivative_table {
            if r.kind == Some(RowKind::Holding) {
                holding_sk += 1;
                self.row(
                    Table::DerivHolding,
                    &deriv_holding(id(), holding_sk, r, &form),
                )?;
                continue;
            }
            trans_sk += 1;
            let fn_ = |f: RowField| footnote_list(r.footnotes.get(&f));
            // Column 5's ids go with whichever of shares and value was printed.
            let shares_fn = fn_(RowField::Shares);
            let (sh_fn, val_fn) = if r.shares.is_none() && r.total_value.is_some() {
                (String::new(), shares_fn)
            } else {
                (shares_fn, String::new())
            };
            let und_fn = fn_(RowField::UnderlyingSecurityShares);
            let (und_sh_fn, und_val_fn) = if r.underlying_security_shares.is_none()
                && r.underlying_security_value.is_some()
            {
                (String::new(), und_fn)
            } else {
                (und_fn, String::new())
            };
            let owned = fn_(RowField::SharesOwnedFollowing);
            let owned_is_value =
                r.shares_owned_following.is_none() && r.value_owned_following.is_some();
            self.row(
                Table::DerivTrans,
                &[
                    id(),
                    trans_sk.to_string(),
                    text(&r.security_title),
                    fn_(RowField::SecurityTitle),
                    opt(r.conversion_or_exercise_price),
                    fn_(RowField::ConversionOrExercisePrice),
                    date(r.transaction_date),
                    fn_(RowField::TransactionDate),
                    date(r.deemed_execution_date),
                    fn_(RowField::DeemedExecutionDate),
                    form.clone(),
                    opt(r.transaction_code),
                    flag(r.equity_swap_involved),
                    fn_(RowField::TransactionCode),
                    timeliness(r.v_flag),
                    String::new(),
                    opt(r.shares),
                    sh_fn,
                    opt(r.total_value),
                    val_fn,
                    opt(r.price_per_share),
                    fn_(RowField::PricePerShare),
                    opt(r.acquired_disposed),
                    fn_(RowField::AcquiredDisposed),
                    date(r.exercise_date),
                    fn_(RowField::ExerciseDate),
                    date(r.expiration_date),
                    fn_(RowField::ExpirationDate),
                    text(&r.underlying_security_title),
                    fn_(RowField::UnderlyingSecurityTitle),
                    opt(r.underlying_security_shares),
                    und_sh_fn,
                    opt(r.underlying_security_value),
                    und_val_fn,
                    opt(r.shares_owned_following),
                    owned_fn(!owned_is_value, owned.clone()),
                    opt(r.value_owned_following),
                    owned_fn(owned_is_value, owned),
                    opt(r.direct_or_indirect),
                    fn_(RowField::DirectOrIndirect),
                    text(&r.nature_of_ownership),
                    fn_(RowField::NatureOfOwnership),
                ],
            )?;
        }
        for (fid, txt) in &record.footnotes {
            self.row(Table::Footnotes, &[id(), fid.to_string(), txt.clone()])?;
        }
        for s in &record.signatures {
            self.row(Table::OwnerSignature, &[id(), text(&s.name), date(s.date)])?;
        }
        Ok(())
    }

    /// Flushes every table.
    pub fn flush(&mut self) -> io::Result<()> {
        for w in &mut self.writers {
            w.flush()?;
        }
        Ok(())
    }
}

fn nonderiv_holding(id: String, sk: usize, r: &NonDerivativeRow, form: &str) -> Vec<String> {
    let fn_ = |f: RowField| footnote_list(r.footnotes.get(&f));
    let owned_is_value = r.shares_owned_following.is_none() && r.value_owned_following.is_some();
    vec![
        id,
        sk.to_string(),
        text(&r.security_title),
        fn_(RowField::SecurityTitle),
        form.to_string(),
        String::new(),
        opt(r.shares_owned_following),
        owned_fn(!owned_is_value, fn_(RowField::SharesOwnedFollowing)),
        opt(r.value_owned_following),
        owned_fn(owned_is_value, fn_(RowField::SharesOwnedFollowing)),
        opt(r.direct_or_indirect),
        fn_(RowField::DirectOrIndirect),
        text(&r.nature_of_ownership),
        fn_(RowField::NatureOfOwnership),
    ]
}

fn deriv_holding(id: String, sk: usize, r: &DerivativeRow, form: &str) -> Vec<String> {
    let fn_ = |f: RowField| footnote_list(r.footnotes.get(&f));
    let owned_is_value = r.shares_owned_following.is_none() && r.value_owned_following.is_some();
    let und_is_value =
        r.underlying_security_shares.is_none() && r.underlying_security_value.is_some();
    vec![
        id,
        sk.to_string(),
        text(&r.security_title),
        fn_(RowField::SecurityTitle),
        opt(r.conversion_or_exercise_price),
        fn_(RowField::ConversionOrExercisePrice),
        form.to_string(),
        String::new(),
        date(r.exercise_date),
        fn_(RowField::ExerciseDate),
        date(r.expiration_date),
        fn_(RowField::ExpirationDate),
        text(&r.underlying_security_title),
        fn_(RowField::UnderlyingSecurityTitle),
        opt(r.underlying_security_shares),
        owned_fn(!und_is_value, fn_(RowField::UnderlyingSecurityShares)),
        opt(r.underlying_security_value),
        owned_fn(und_is_value, fn_(RowField::UnderlyingSecurityShares)),
        opt(r.shares_owned_following),
        owned_fn(!owned_is_value, fn_(RowField::SharesOwnedFollowing)),
        opt(r.value_owned_following),
        owned_fn(owned_is_value, fn_(RowField::SharesOwnedFollowing)),
        opt(r.direct_or_indirect),
        fn_(RowField::DirectOrIndirect),
        text(&r.nature_of_ownership),
        fn_(RowField::NatureOfOwnership),
    ]
}

/// The footnote ids of the owned-after column go to the shares or the value column,
/// whichever was printed (the record keeps one key for both).
fn owned_fn(this_one: bool, ids: String) -> String {
    if this_one {
        ids
    } else {
        String::new()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The data sets' date style, `02-JAN-2025`.
fn date(v: Option<crate::model::Date>) -> String {
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    v.map(|d| {
        let month = MONTHS
            .get((d.month() as usize).wrapping_sub(1))
            .copied()
            .unwrap_or("???");
        format!("{:02}-{month}-{:04}", d.day(), d.year())
    })
    .unwrap_or_default()
}

fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn flag(v: Option<bool>) -> String {
    match v {
        Some(true) => "1".into(),
        Some(false) => "0".into(),
        None => String::new(),
    }
}

/// The form's `V` column is EDGAR's transaction timeliness `E` (reported early).
fn timeliness(v_flag: bool) -> String {
    if v_flag {
        "E".into()
    } else {
        String::new()
    }
}
