//! The canonical record of an SEC ownership filing (Form 3, 4 or 5), as `form4` writes it.
//!
//! These are plain serde types with no parsing logic: depend on this crate alone to read
//! the JSON that `form4 parse` prints. Field names follow EDGAR's `ownershipDocument` in
//! snake_case; amounts are [`rust_decimal::Decimal`] serialized as strings; dates are
//! [`Date`], serialized as `YYYY-MM-DD`; absent values are `null`.
//!
//! ```
//! use form4_model::{Record, TransactionCode};
//!
//! let json = r#"{
//!   "document_type": "4", "period_of_report": "2020-11-01",
//!   "issuer": {"name": "EXAMPLE CORP", "trading_symbol": "EXM"},
//!   "non_derivative_table": [{"kind": "transaction", "security_title": "Common Stock",
//!     "transaction_date": "2020-11-01", "transaction_code": "F", "v_flag": false,
//!     "shares": "11050", "price_per_share": "87.8", "acquired_disposed": "D",
//!     "shares_owned_following": "5208879", "direct_or_indirect": "D",
//!     "footnotes": {"shares": ["F1"]}}]
//! }"#;
//! let record: Record = serde_json::from_str(json).unwrap();
//! let row = &record.non_derivative_table[0];
//! assert_eq!(row.transaction_code, Some(TransactionCode::F));
//! assert_eq!(row.shares.map(|d| d.to_string()).as_deref(), Some("11050"));
//! ```

mod date;
mod diagnostics;
mod record;

pub use date::{Date, DateError};
pub use diagnostics::{
    Diagnostics, Repair, RepairKind, SourceSpan, Unmapped, Warning, WarningCode,
};
pub use record::{
    AcquiredDisposed, Address, DerivativeRow, DirectIndirect, DocumentType, FootnoteId, Issuer,
    NonDerivativeRow, Record, ReportingOwner, RowField, RowKind, Signature, TransactionCode,
    UnknownCode,
};
pub use rust_decimal::Decimal;
