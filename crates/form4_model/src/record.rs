use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Date, Diagnostics};

/// One filing: a Form 3, 4 or 5 (or an amendment), every field of the printed form.
///
/// Field names follow EDGAR's `ownershipDocument` in snake_case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Record {
    /// `3`, `4`, `5`, or an amendment `3/A`, `4/A`, `5/A`.
    pub document_type: Option<DocumentType>,
    /// Form 4: date of earliest transaction; Form 3: date of event; Form 5: fiscal year end.
    pub period_of_report: Option<Date>,
    /// "If Amendment, Date of Original Filed".
    pub date_of_original_submission: Option<Date>,
    /// "Check this box if no longer subject to Section 16".
    pub not_subject_to_section16: Option<bool>,
    /// The Rule 10b5-1(c) box (forms since 2023); `None` when the form has no such box.
    pub aff10b5one: Option<bool>,
    /// Form 3: "No securities are beneficially owned".
    pub no_securities_owned: Option<bool>,
    /// Form 5: "Form 3 Holdings Reported".
    pub form3_holdings_reported: Option<bool>,
    /// Form 5: "Form 4 Transactions Reported".
    pub form4_transactions_reported: Option<bool>,
    /// Box 2.
    pub issuer: Issuer,
    /// Boxes 1, 5 and 6, one entry per reporting person.
    pub reporting_owners: Vec<ReportingOwner>,
    /// Table I, rows in printed order.
    pub non_derivative_table: Vec<NonDerivativeRow>,
    /// Table II, rows in printed order.
    pub derivative_table: Vec<DerivativeRow>,
    /// "Explanation of Responses", by footnote id.
    pub footnotes: BTreeMap<FootnoteId, String>,
    /// "Remarks".
    pub remarks: Option<String>,
    /// Signature blocks.
    pub signatures: Vec<Signature>,
    /// What was repaired, what looked wrong, what text was left over.
    pub diagnostics: Diagnostics,
}

/// The issuer (box 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Issuer {
    /// Issuer name as printed.
    pub name: Option<String>,
    /// Ticker, without brackets.
    pub trading_symbol: Option<String>,
}

/// A reporting person (box 1 and box 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ReportingOwner {
    /// Name as printed (`Last First Middle`).
    pub name: Option<String>,
    /// Address lines.
    pub address: Address,
    /// "Director" ticked.
    pub is_director: bool,
    /// "Officer (give title below)" ticked.
    pub is_officer: bool,
    /// "10% Owner" ticked.
    pub is_ten_percent_owner: bool,
    /// "Other (specify below)" ticked.
    pub is_other: bool,
    /// The officer's title.
    pub officer_title: Option<String>,
    /// The text given for "Other".
    pub other_text: Option<String>,
}

/// A postal address as box 1 prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Address {
    /// First street line.
    pub street1: Option<String>,
    /// Second street line.
    pub street2: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State or province code.
    pub state: Option<String>,
    /// ZIP or postal code.
    pub zip: Option<String>,
}

/// A transaction row or a holding row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// A row with transaction columns.
    #[default]
    Transaction,
    /// A row with no transaction columns (a holding).
    Holding,
}

/// A row of Table I (non-derivative securities).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct NonDerivativeRow {
    /// Transaction or holding; `None` when the rendering lost what tells them apart (OCR
    /// that dropped a row's date and code, rows run together), as its warnings say.
    pub kind: Option<RowKind>,
    /// Column 1.
    pub security_title: Option<String>,
    /// Column 2.
    pub transaction_date: Option<Date>,
    /// Column 2A.
    pub deemed_execution_date: Option<Date>,
    /// Column 3, code.
    pub transaction_code: Option<TransactionCode>,
    /// Column 3, `V`.
    pub v_flag: bool,
    /// Not printed on the form; kept for EDGAR compatibility.
    pub equity_swap_involved: Option<bool>,
    /// Column 4, amount.
    pub shares: Option<Decimal>,
    /// Column 4, price.
    pub price_per_share: Option<Decimal>,
    /// Column 4, (A) or (D).
    pub acquired_disposed: Option<AcquiredDisposed>,
    /// Column 5.
    pub shares_owned_following: Option<Decimal>,
    /// Column 5 when it holds a value rather than a share count.
    pub value_owned_following: Option<Decimal>,
    /// Column 6.
    pub direct_or_indirect: Option<DirectIndirect>,
    /// Column 7.
    pub nature_of_ownership: Option<String>,
    /// Footnote ids printed next to each value.
    pub footnotes: BTreeMap<RowField, Vec<FootnoteId>>,
}

/// A row of Table II (derivative securities).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct DerivativeRow {
    /// Transaction or holding; `None` when the rendering lost what tells them apart (OCR
    /// that dropped a row's date and code, rows run together), as its warnings say.
    pub kind: Option<RowKind>,
    /// Column 1.
    pub security_title: Option<String>,
    /// Column 2.
    pub conversion_or_exercise_price: Option<Decimal>,
    /// Column 3.
    pub transaction_date: Option<Date>,
    /// Column 3A.
    pub deemed_execution_date: Option<Date>,
    /// Column 4, code.
    pub transaction_code: Option<TransactionCode>,
    /// Column 4, `V`.
    pub v_flag: bool,
    /// Not printed on the form; kept for EDGAR compatibility.
    pub equity_swap_involved: Option<bool>,
    /// Column 5, (A) or (D) amount.
    pub shares: Option<Decimal>,
    /// Column 5 when it holds a value rather than a count.
    pub total_value: Option<Decimal>,
    /// Column 8.
    pub price_per_share: Option<Decimal>,
    /// Whether column 5's amount is in (A) or (D).
    pub acquired_disposed: Option<AcquiredDisposed>,
    /// Column 6, date exercisable.
    pub exercise_date: Option<Date>,
    /// Column 6, expiration date.
    pub expiration_date: Option<Date>,
    /// Column 7, title.
    pub underlying_security_title: Option<String>,
    /// Column 7, amount or number of shares.
    pub underlying_security_shares: Option<Decimal>,
    /// Column 7 when it holds a value.
    pub underlying_security_value: Option<Decimal>,
    /// Column 9.
    pub shares_owned_following: Option<Decimal>,
    /// Column 9 when it holds a value.
    pub value_owned_following: Option<Decimal>,
    /// Column 10.
    pub direct_or_indirect: Option<DirectIndirect>,
    /// Column 11.
    pub nature_of_ownership: Option<String>,
    /// Footnote ids printed next to each value.
    pub footnotes: BTreeMap<RowField, Vec<FootnoteId>>,
}

/// The fields of a table row that a footnote can annotate (keys of `footnotes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each variant is the row field of the same name
pub enum RowField {
    SecurityTitle,
    ConversionOrExercisePrice,
    TransactionDate,
    DeemedExecutionDate,
    TransactionCode,
    Shares,
    PricePerShare,
    AcquiredDisposed,
    ExerciseDate,
    ExpirationDate,
    UnderlyingSecurityTitle,
    UnderlyingSecurityShares,
    SharesOwnedFollowing,
    DirectOrIndirect,
    NatureOfOwnership,
}

/// A signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Signature {
    /// The signature line as printed (`/s/ …`).
    pub name: Option<String>,
    /// The date next to it.
    pub date: Option<Date>,
}

macro_rules! letter_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $v),+ }

        impl $name {
            /// The code as the form prints it.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
            /// Every value, in alphabetical order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];
        }

        impl FromStr for $name {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                match s { $($s => Ok($name::$v),)+ _ => Err(UnknownCode(s.to_string())) }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.as_str()) }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "schemars")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": [$($s),+] })
            }
        }
    };
}

/// A code outside a closed set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a known code")]
pub struct UnknownCode(pub String);

letter_enum!(
    /// The form type.
    DocumentType {
        /// Initial statement of beneficial ownership.
        Form3 = "3",
        /// Amended Form 3.
        Form3A = "3/A",
        /// Statement of changes in beneficial ownership.
        Form4 = "4",
        /// Amended Form 4.
        Form4A = "4/A",
        /// Annual statement.
        Form5 = "5",
        /// Amended Form 5.
        Form5A = "5/A",
    }
);

impl DocumentType {
    /// The base form number: 3, 4 or 5.
    pub const fn form_number(self) -> u8 {
        match self {
            DocumentType::Form3 | DocumentType::Form3A => 3,
            DocumentType::Form4 | DocumentType::Form4A => 4,
            DocumentType::Form5 | DocumentType::Form5A => 5,
        }
    }

    /// The amended type of this form.
    pub const fn amended(self) -> Self {
        match self {
            DocumentType::Form3 | DocumentType::Form3A => DocumentType::Form3A,
            DocumentType::Form4 | DocumentType::Form4A => DocumentType::Form4A,
            DocumentType::Form5 | DocumentType::Form5A => DocumentType::Form5A,
        }
    }

    /// The form this type amends, or the form itself when it is no amendment.
    ///
    /// ```
    /// use form4_model::DocumentType;
    /// assert_eq!(DocumentType::Form4A.original(), DocumentType::Form4);
    /// assert_eq!(DocumentType::Form4.amended().original(), DocumentType::Form4);
    /// ```
    pub const fn original(self) -> Self {
        match self {
            DocumentType::Form3 | DocumentType::Form3A => DocumentType::Form3,
            DocumentType::Form4 | DocumentType::Form4A => DocumentType::Form4,
            DocumentType::Form5 | DocumentType::Form5A => DocumentType::Form5,
        }
    }
}

letter_enum!(
    /// Transaction codes of the form's General Instructions, section 8.
    #[allow(missing_docs)] // the letters are the SEC's codes; see the form's instructions
    TransactionCode {
        A = "A", C = "C", D = "D", E = "E", F = "F", G = "G", H = "H", I = "I", J = "J",
        K = "K", L = "L", M = "M", O = "O", P = "P", S = "S", U = "U", W = "W", X = "X", Z = "Z",
    }
);

impl TransactionCode {
    /// The A/D side the code implies for a row of the given table, where the code fixes
    /// it: a purchase or a grant acquires; a sale, a payment with securities or a
    /// disposition to the issuer disposes; an exercise or conversion disposes of the
    /// derivative (Table II) and acquires the underlying shares (Table I). Gifts (`G`),
    /// `J` and the rest go either way: `None`.
    pub const fn implied_side(self, derivative: bool) -> Option<AcquiredDisposed> {
        match self {
            TransactionCode::P | TransactionCode::A => Some(AcquiredDisposed::A),
            TransactionCode::S | TransactionCode::F | TransactionCode::D => {
                Some(AcquiredDisposed::D)
            }
            TransactionCode::M | TransactionCode::C | TransactionCode::X => {
                if derivative {
                    Some(AcquiredDisposed::D)
                } else {
                    Some(AcquiredDisposed::A)
                }
            }
            _ => None,
        }
    }
}

letter_enum!(
    /// Column "(A) or (D)".
    AcquiredDisposed {
        /// Acquired.
        A = "A",
        /// Disposed of.
        D = "D",
    }
);

letter_enum!(
    /// Column "Ownership Form: Direct (D) or Indirect (I)".
    DirectIndirect {
        /// Direct.
        D = "D",
        /// Indirect.
        I = "I",
    }
);

/// A footnote id, `F1`, `F2`, …; the form prints `(1)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FootnoteId(pub u32);

impl fmt::Display for FootnoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "F{}", self.0)
    }
}

impl FromStr for FootnoteId {
    type Err = UnknownCode;

    /// Accepts `F12` or `12`.
    fn from_str(s: &str) -> Result<Self, UnknownCode> {
        let digits = s.strip_prefix(['F', 'f']).unwrap_or(s);
        digits
            .parse()
            .map(FootnoteId)
            .map_err(|_| UnknownCode(s.to_string()))
    }
}

impl Serialize for FootnoteId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FootnoteId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for FootnoteId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FootnoteId".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^F[0-9]+$" })
    }
}
