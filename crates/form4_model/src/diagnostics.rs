use serde::{Deserialize, Serialize};

/// Where in the input a piece of text was: byte offsets and the 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct SourceSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Line of `start`, counting from 1.
    pub line: usize,
}

/// How far to trust a record: what was repaired, what looked wrong, what was not used.
///
/// Not part of the EDGAR data; every list is in input order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Diagnostics {
    /// Values that were read from damaged text, with the text and the rule used.
    pub repairs: Vec<Repair>,
    /// Values that could not be read, or that disagree with each other.
    pub warnings: Vec<Warning>,
    /// Input text that is neither a value nor the form's printed text.
    pub unmapped: Vec<Unmapped>,
}

impl Diagnostics {
    /// True when nothing was repaired, nothing warned and all text was mapped.
    pub fn is_clean(&self) -> bool {
        self.repairs.is_empty() && self.warnings.is_empty() && self.unmapped.is_empty()
    }
}

/// A value read from damaged text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Repair {
    /// The record field, as a path (`non_derivative_table[0].transaction_date`).
    pub field: String,
    /// The repair rule applied.
    pub kind: RepairKind,
    /// The text as it was in the input.
    pub from: String,
    /// The value it became.
    pub to: String,
    /// Where the text was.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub at: Option<SourceSpan>,
}

/// The repair rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RepairKind {
    /// A date whose parts were spread over several cells or tokens.
    SplitDate,
    /// A number cut in two, its pieces in neighbouring cells.
    SplitNumber,
    /// Stray or escaped characters removed (`\$`, `|`, stray punctuation).
    StrayCharacters,
    /// A character the OCR engine confused (`O`/`0`, `l`/`1`, `S`/`5`).
    ConfusedCharacter,
    /// A label recognized despite misspelling.
    DamagedLabel,
    /// A two-digit year completed from the other dates of the form.
    TwoDigitYear,
    /// Text put back together from pieces in several cells.
    JoinedText,
    /// A value the rendering lost, implied by another value of the row (the acquired or
    /// disposed side by the transaction code).
    InferredFromCode,
    /// The disposed side of a row whose (A)/(D) mark the rendering lost, proved by its
    /// amounts: the amount owned after is smaller than the amount, which an acquisition
    /// cannot leave.
    InferredFromAmounts,
}

/// Something the reader should know before trusting a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Warning {
    /// What kind of problem.
    pub code: WarningCode,
    /// The field concerned, if one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub field: Option<String>,
    /// A sentence for a person.
    pub message: String,
    /// Where the text was, if known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub at: Option<SourceSpan>,
}

/// The kinds of warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningCode {
    /// A part of the form (a box, a table) was not found.
    MissingPart,
    /// A value's text was found but could not be read as its type; the field is empty.
    Unreadable,
    /// Values of the record disagree (dates, A/D against code, owned-after sums).
    Inconsistent,
    /// The input was not valid UTF-8 and was decoded lossily.
    InvalidUtf8,
    /// A value was read, but from text that could also mean something else.
    Ambiguous,
    /// A footnote id is used but its text was not found, or the reverse.
    Footnote,
}

/// Input text that no field took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Unmapped {
    /// The text.
    pub text: String,
    /// Where it was.
    pub at: SourceSpan,
}
