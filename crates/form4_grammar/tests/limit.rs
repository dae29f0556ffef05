//! The call budget turns runaway work into `Error::Limit`. This file is its own test
//! binary (its own process), because pest's call limit is process-wide.

use form4_grammar::{parse, Error};

#[test]
fn a_tiny_call_budget_reports_a_limit_error() {
    // The first parse installs the crate's budget; then lower it for this process.
    assert!(parse("warm up").is_ok());
    pest::set_call_limit(std::num::NonZeroUsize::new(1_000));
    let input = "| a | b |\n".repeat(1_000);
    match parse(&input) {
        Err(Error::Limit { message, line, .. }) => {
            assert!(message.contains("limit"), "{message}");
            assert!(line >= 1);
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
    pest::set_call_limit(None);
    assert!(parse(&input).is_ok());
}
