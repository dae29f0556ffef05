//! Property tests: the grammar is total and the tree's spans are sound.
// proptest's macros and the helpers unwrap by design; a failure shrinks to a small input.
#![allow(clippy::unwrap_used)]

mod common;

use proptest::prelude::*;

fn check_any(input: &str) -> Result<(), TestCaseError> {
    let doc = form4_grammar::parse(input)
        .map_err(|e| TestCaseError::fail(format!("parse failed on {input:?}: {e}")))?;
    common::invariants(input, &doc).map_err(TestCaseError::fail)?;
    Ok(())
}

/// Strings built from the characters the grammar cares about.
fn markup_heavy() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "|",
        "\\",
        "<",
        ">",
        "&",
        "*",
        "_",
        "[",
        "]",
        "(",
        ")",
        "#",
        "-",
        ":",
        ";",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "a",
        "1",
        "é",
        "☒",
        "☐",
        "✓",
        "<br>",
        "<br/>",
        "</td>",
        "<td>",
        "<tr>",
        "<table>",
        "</table>",
        "<!--",
        "-->",
        "&amp;",
        "&#39;",
        "&#x41;",
        "&#",
        "**",
        "__",
        "](",
        "<sup>",
        "</sup>",
        "<input type=\"checkbox\" checked>",
        "\"",
        "'",
        "=",
        "|---|",
        "1. ",
        "- ",
        "## ",
        "<hr/>",
        "x",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string_parses(input in "\\PC*") {
        check_any(&input)?;
    }

    #[test]
    fn any_unicode_parses(input in any::<String>()) {
        check_any(&input)?;
    }

    #[test]
    fn markup_heavy_strings_parse(input in markup_heavy()) {
        check_any(&input)?;
    }

    #[test]
    fn pipe_rows_split_on_unescaped_pipes(cells in prop::collection::vec("[a-z \\\\]{0,6}", 1..8)) {
        // Cells without pipes or backslash-pipe: the row has exactly these cells.
        let cells: Vec<String> = cells.into_iter().map(|c| c.replace('\\', "")).collect();
        let row = format!("|{}|", cells.join("|"));
        let doc = form4_grammar::parse(&row).unwrap();
        let form4_grammar::Block::Table(t) = &doc.blocks[0] else { panic!("not a table") };
        let got: Vec<&str> = t.rows[0].cells.iter().map(|c| c.raw).collect();
        prop_assert_eq!(got, cells.iter().map(String::as_str).collect::<Vec<_>>());
    }
}
