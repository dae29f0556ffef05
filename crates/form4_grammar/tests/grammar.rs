//! Grammar unit tests: the pest token streams of the tricky rules.
// `parses_to!` expands to code that unwraps; a failure names the input.
#![allow(clippy::unwrap_used)]

use form4_grammar::{LayoutParser, Rule};
use pest::{consumes_to, fails_with, parses_to, Parser};

/// The length of the longest match of `rule` at the start of `input`, if any.
fn matched(rule: Rule, input: &str) -> Option<usize> {
    LayoutParser::parse(rule, input)
        .ok()
        .map(|pairs| pairs.map(|p| p.as_span().end()).max().unwrap_or(0))
}

#[test]
fn escaped_pipe_does_not_split() {
    parses_to! {
        parser: LayoutParser,
        input: "| a \\| b |",
        rule: Rule::pipe_row,
        tokens: [
            pipe_row(0, 10, [
                pipe_cell(1, 9, [escape(4, 6)])
            ])
        ]
    };
}

#[test]
fn trailing_pipe_closes_the_last_cell() {
    parses_to! {
        parser: LayoutParser,
        input: "|a|b|  ",
        rule: Rule::pipe_row,
        tokens: [pipe_row(0, 7, [pipe_cell(1, 2), pipe_cell(3, 4)])]
    };
    // Without the trailing pipe the last cell is still a cell.
    parses_to! {
        parser: LayoutParser,
        input: "|a|b ",
        rule: Rule::pipe_row,
        tokens: [pipe_row(0, 5, [pipe_cell(1, 2), pipe_cell(3, 5)])]
    };
}

#[test]
fn empty_cells_are_kept() {
    parses_to! {
        parser: LayoutParser,
        input: "||x||",
        rule: Rule::pipe_row,
        tokens: [pipe_row(0, 5, [pipe_cell(1, 1), pipe_cell(2, 3), pipe_cell(4, 4)])]
    };
}

#[test]
fn separator_row() {
    parses_to! {
        parser: LayoutParser,
        input: "|---|:--:| --: |",
        rule: Rule::separator_row,
        tokens: [separator_row(0, 16, [separator_cell(1, 4), separator_cell(5, 9), separator_cell(10, 15)])]
    };
    assert_eq!(matched(Rule::separator_row, "|---| x |"), None);
    assert_eq!(matched(Rule::separator_row, "| |"), None);
    assert_eq!(matched(Rule::separator_row, "|---|---"), Some(8));
}

#[test]
fn pipe_table_spans_consecutive_rows() {
    parses_to! {
        parser: LayoutParser,
        input: "|a|\n|-|\nx",
        rule: Rule::pipe_table,
        tokens: [pipe_table(0, 7, [
            pipe_row(0, 3, [pipe_cell(1, 2)]),
            separator_row(4, 7, [separator_cell(5, 6)])
        ])]
    };
}

#[test]
fn checkbox_input() {
    parses_to! {
        parser: LayoutParser,
        input: "<input checked=\"\" type=\"checkbox\"/>",
        rule: Rule::checkbox,
        tokens: [checkbox(0, 35, [checked_attr(7, 17)])]
    };
    parses_to! {
        parser: LayoutParser,
        input: "<input type=checkbox>",
        rule: Rule::checkbox,
        tokens: [checkbox(0, 21)]
    };
    fails_with! {
        parser: LayoutParser,
        input: "<input type=\"radio\" checked>",
        rule: Rule::checkbox,
        positives: vec![Rule::checkbox],
        negatives: vec![],
        pos: 0
    };
}

#[test]
fn line_break_variants() {
    for input in [
        "<br>",
        "<br/>",
        "<br />",
        "<BR>",
        "<Br  />",
        "</br>",
        "<br clear=\"all\">",
    ] {
        assert_eq!(
            matched(Rule::line_break, input),
            Some(input.len()),
            "{input}"
        );
    }
    for input in ["<bra>", "<br", "< br>", "<br/ >x"] {
        assert_ne!(
            matched(Rule::line_break, input),
            Some(input.len()),
            "{input}"
        );
    }
    parses_to! {
        parser: LayoutParser,
        input: "<hr/>",
        rule: Rule::horizontal_rule,
        tokens: [horizontal_rule(0, 5)]
    };
}

#[test]
fn entities_and_char_refs() {
    parses_to! {
        parser: LayoutParser,
        input: "&amp;",
        rule: Rule::entity,
        tokens: [entity(0, 5)]
    };
    parses_to! {
        parser: LayoutParser,
        input: "&#39;",
        rule: Rule::entity,
        tokens: [entity(0, 5)]
    };
    parses_to! {
        parser: LayoutParser,
        input: "&#x2019;",
        rule: Rule::char_ref,
        tokens: [char_ref(0, 8, [char_ref_hex(3, 7)])]
    };
    parses_to! {
        parser: LayoutParser,
        input: "&#8217;",
        rule: Rule::char_ref,
        tokens: [char_ref(0, 7, [char_ref_dec(2, 6)])]
    };
    assert_eq!(matched(Rule::entity, "&amp"), None);
    assert_eq!(matched(Rule::char_ref, "&#;"), None);
}

#[test]
fn sup_tags() {
    parses_to! {
        parser: LayoutParser,
        input: "x<sup>(1)</sup>",
        rule: Rule::line,
        tokens: [line(0, 15, [
            open_tag(1, 6, [tag_name(2, 5)]),
            close_tag(9, 15, [tag_name(11, 14)])
        ])]
    };
    parses_to! {
        parser: LayoutParser,
        input: "<span class=\"x\" id=y>",
        rule: Rule::open_tag,
        tokens: [open_tag(0, 21, [tag_name(1, 5)])]
    };
}

#[test]
fn emphasis_versus_a_lone_star() {
    // `Person*`: the `*` is content (a stray character, plain text: no token), not emphasis.
    parses_to! {
        parser: LayoutParser,
        input: "Person*",
        rule: Rule::line,
        tokens: [line(0, 7)]
    };
    parses_to! {
        parser: LayoutParser,
        input: "**B**",
        rule: Rule::line,
        tokens: [line(0, 5, [emphasis(0, 2), emphasis(3, 5)])]
    };
}

#[test]
fn links() {
    parses_to! {
        parser: LayoutParser,
        input: "[Tanner](/cgi?a=1&b=2)",
        rule: Rule::link,
        tokens: [link(0, 22, [link_text(1, 7), link_url(9, 21)])]
    };
    assert_eq!(matched(Rule::link, "[a](b c)"), None);
    assert_eq!(matched(Rule::link, "[ ZQRT ]"), None);
}

#[test]
fn comments_and_glyphs() {
    parses_to! {
        parser: LayoutParser,
        input: "<!-- Start of picture text -->",
        rule: Rule::comment,
        tokens: [comment(0, 30, [comment_text(4, 27)])]
    };
    parses_to! {
        parser: LayoutParser,
        input: "☒☐",
        rule: Rule::line,
        tokens: [line(0, 6, [glyph_checked(0, 3), glyph_unchecked(3, 6)])]
    };
}

#[test]
fn lines_and_markers() {
    parses_to! {
        parser: LayoutParser,
        input: "## **T**",
        rule: Rule::line,
        tokens: [line(0, 8, [heading_marker(0, 2), emphasis(3, 5), emphasis(6, 8)])]
    };
    parses_to! {
        parser: LayoutParser,
        input: "12) x",
        rule: Rule::line,
        tokens: [line(0, 5, [list_marker(0, 3)])]
    };
    parses_to! {
        parser: LayoutParser,
        input: "a\\$b",
        rule: Rule::line,
        tokens: [line(0, 4, [escape(1, 3)])]
    };
}

#[test]
fn html_table_rows_and_cells() {
    parses_to! {
        parser: LayoutParser,
        input: "<table><tr><td>a</td><th colspan=2>b</th></tr></table>",
        rule: Rule::html_table,
        tokens: [html_table(0, 54, [
            html_row(7, 46, [
                html_cell(11, 21, [html_cell_body(15, 16)]),
                html_cell(21, 41, [html_cell_body(35, 36)])
            ])
        ])]
    };
    assert_eq!(matched(Rule::html_table, "<table><tr><td>a"), None);
}

#[test]
fn document_is_total_on_awkward_inputs() {
    for input in [
        "", "\n", "|", "\\", "<", "&", "*", "[", "\r", "\r\n", "<table>", "|\\", "\u{0}",
    ] {
        let doc = LayoutParser::parse(Rule::document, input);
        assert!(doc.is_ok(), "{input:?}: {doc:?}");
        let end = doc.unwrap().next().unwrap().as_span().end();
        assert_eq!(end, input.len(), "{input:?}");
    }
}
