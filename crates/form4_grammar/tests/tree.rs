//! Data-driven tree tests: input → compact summary (see `common::summary`).
// Tests fail loudly on purpose; an unwrap here reports the failing input.
#![allow(clippy::unwrap_used)]

mod common;

use form4_grammar::{parse, Block, InlineKind, LineKind, TableSyntax};

#[track_caller]
fn check(input: &str, expected: &str) {
    let doc = parse(input).unwrap();
    if let Err(e) = common::invariants(input, &doc) {
        panic!("invariant broken for {input:?}: {e}");
    }
    let got = common::summary(&doc);
    assert_eq!(
        got,
        expected.trim_matches('\n'),
        "\ninput: {input:?}\n--- got:\n{got}\n"
    );
}

// ----------------------------------------------------------------------------------------
// Lines
// ----------------------------------------------------------------------------------------

#[test]
fn lines() {
    check("", "");
    check("\n\n  \n\t\n", "");
    check("hello", r#"text: "hello""#);
    check("hello\nworld\n", "text: \"hello\"\ntext: \"world\"");
    check("a\r\nb\r\n", "text: \"a\"\ntext: \"b\"");
    check("a\r\n\r\nb", "text: \"a\"\ntext: \"b\"");
    check("lone\rcr", r#"text: "lone\rcr""#);
    check("  indented", r#"text: "indented""#);
    check("x  ", r#"text: "x  ""#);
    check("\u{c}page", r#"text: "page""#);
}

#[test]
fn headings() {
    check("# FORM 4", r#"h1(#): "FORM 4""#);
    check("### SEC Form 5 ", r#"h3(###): "SEC Form 5 ""#);
    check("###### six", r#"h6(######): "six""#);
    check("####### seven", "text: \"####### seven\"");
    check("#hashtag", "text: \"#hashtag\"");
    check("#", "h1(#): ");
    check("## **Table I**", r#"h2(##): EM "Table I" EM"#);
    check("  # indented", r#"h1(#): "indented""#);
}

#[test]
fn list_items() {
    check(
        "- ☐ Form 3 Holdings Reported.",
        r#"li(-): G[ ] " Form 3 Holdings Reported.""#,
    );
    check("* item", r#"li(*): "item""#);
    check("+ item", r#"li(+): "item""#);
    check("1. Name and Address", r#"li(1.): "Name and Address""#);
    check("12) twelve", r#"li(12)): "twelve""#);
    check("1.5 million", r#"text: "1.5 million""#);
    check("-5", r#"text: "-5""#);
    check("**bold**", r#"text: EM "bold" EM"#);
    check("---", r#"text: "---""#);
    check("- ", "li(-): ");
}

// ----------------------------------------------------------------------------------------
// Inline tokens
// ----------------------------------------------------------------------------------------

#[test]
fn escapes() {
    check(r"\$87.8", r#"text: \$ "87.8""#);
    check(
        r"\* \_ \| \\ \# \[ \]",
        r#"text: \* " " \_ " " \| " " \\ " " \# " " \[ " " \]"#,
    );
    check(r"C:\dir", r#"text: "C:\\dir""#);
    check("end\\", r#"text: "end\\""#);
}

#[test]
fn entities_and_char_refs() {
    check("A &amp; B", r#"text: "A " &"&" " B""#);
    check(
        "&lt;&gt;&quot;&apos;&#39;&nbsp;",
        r#"text: &"<" &">" &"\"" &"'" &"'" &" ""#,
    );
    check(
        "it&#8217;s &#x2019; &#X41;",
        r#"text: "it" #'’' "s " #'’' " " #'A'"#,
    );
    check("&#xD800; &#9999999;", r#"text: "&#xD800; &#9999999;""#);
    check("AT&T &amp", r#"text: "AT&T &amp""#);
    check("&#12345678;", r#"text: "&#12345678;""#);
    check("&unknown;", r#"text: "&unknown;""#);
}

#[test]
fn tags() {
    check(
        "a<br>b<br/>c<br />d<BR>e</br>",
        r#"text: "a" BR "b" BR "c" BR "d" BR "e" BR"#,
    );
    check("<hr><hr/><HR />", "text: HR HR HR");
    check("<bra>", r#"text: <bra>"#);
    check("<sup>(1)</sup>", r#"text: <sup> "(1)" </sup>"#);
    check("<u>Peters Allan</u>", r#"text: <u> "Peters Allan" </u>"#);
    check(r#"<span class="x">y</span>"#, r#"text: <span> "y" </span>"#);
    check(
        "<a href=/x>l</a> <mark>m</mark>",
        r#"text: <a> "l" </a> " " <mark> "m" </mark>"#,
    );
    check("<i>x</i><b>y</b>", r#"text: <i> "x" </i> <b> "y" </b>"#);
    check("a < b > c", r#"text: "a < b > c""#);
    check("<pagCapital|x", r#"text: "<pagCapital|x""#);
    check("<3 <", r#"text: "<3 <""#);
    check("<a title='x'y>", r#"text: "<a title='x'y>""#);
}

#[test]
fn checkboxes() {
    check(
        r#"<input checked="" type="checkbox"/> Officer"#,
        r#"text: [x] " Officer""#,
    );
    check(
        r#"<input type="checkbox"/> Director"#,
        r#"text: [ ] " Director""#,
    );
    check("<input type='checkbox' checked>", "text: [x]");
    check("<INPUT TYPE=CHECKBOX CHECKED/>", "text: [x]");
    check(r#"<input type="checkbox" disabled>"#, "text: [ ]");
    check(r#"<input type="text" checked>"#, "text: <input>");
    check(r#"<input checkedx type="checkbox">"#, "text: [ ]");
    check(
        "☒ ☑ ✔ ✓ ☐ ✗",
        r#"text: G[x] " " G[x] " " G[x] " " G[x] " " G[ ] " ✗""#,
    );
}

#[test]
fn comments() {
    check(
        "<!-- Start of picture text -->",
        "text: <!-- Start of picture text -->",
    );
    check("a<!---->b", r#"text: "a" <!----> "b""#);
    check("<!-- x <br> y -->", "text: <!-- x <br> y -->");
    check("<!-- unclosed", r#"text: "<!-- unclosed""#);
    check("<!-- a <!-- b -->", r#"text: "<!-- a " <!-- b -->"#);
}

#[test]
fn emphasis() {
    check("Reporting Person*", r#"text: "Reporting Person*""#);
    check("**Table I**", r#"text: EM "Table I" EM"#);
    check("__x__", r#"text: EM "x" EM"#);
    check("_See_ Instruction", r#"text: "_See_ Instruction""#);
    check("*See*", r#"text: "*See*""#);
    check("***", r#"text: EM "*""#);
    check("a**b", r#"text: "a" EM "b""#);
}

#[test]
fn links() {
    check(
        "[Tanner Mitchell K.](/cgi-bin/browse-edgar?action=getcompany&CIK=0009876543)",
        "text: link(Tanner Mitchell K.|/cgi-bin/browse-edgar?action=getcompany&CIK=0009876543)",
    );
    check("[ ZQRT ]", r#"text: "[ ZQRT ]""#);
    check("[a](b c)", r#"text: "[a](b c)""#);
    check("[](u)", "text: link(|u)");
    check("[a]](u)", r#"text: "[a]](u)""#);
    check(
        "see [x](y) and [z](w)",
        r#"text: "see " link(x|y) " and " link(z|w)"#,
    );
}

// ----------------------------------------------------------------------------------------
// Pipe tables
// ----------------------------------------------------------------------------------------

#[test]
fn pipe_tables() {
    check(
        "| a | b |\n|---|:--:|\n| 1 | 2 |",
        r#"
pipe table
  row: [" a "] [" b "]
  sep: ["---"] [":--:"]
  row: [" 1 "] [" 2 "]"#,
    );
    check("|a|b", "pipe table\n  row: [\"a\"] [\"b\"]");
    check("| a |   ", "pipe table\n  row: [\" a \"]");
    check("|", "pipe table\n  row: ");
    check("||", "pipe table\n  row: []");
    check("| | |", "pipe table\n  row: [\" \"] [\" \"]");
    check("|a||b|", "pipe table\n  row: [\"a\"] [] [\"b\"]");
    check("  | x |", "pipe table\n  row: [\" x \"]");
    check(
        "| a \\| b |",
        r#"pipe table
  row: [" a " \| " b "]"#,
    );
    check(
        "| a \\\\| b |",
        r#"pipe table
  row: [" a " \\] [" b "]"#,
    );
    check(
        "| x |\r\n| y |\r\n",
        "pipe table\n  row: [\" x \"]\n  row: [\" y \"]",
    );
    check(
        "| x |\ntext\n| y |",
        "pipe table\n  row: [\" x \"]\ntext: \"text\"\npipe table\n  row: [\" y \"]",
    );
    check(
        "| x |\n\n| y |",
        "pipe table\n  row: [\" x \"]\npipe table\n  row: [\" y \"]",
    );
    check("a | b", r#"text: "a | b""#);
}

#[test]
fn separator_rows() {
    check("|---|---|", "pipe table\n  sep: [\"---\"] [\"---\"]");
    check(
        "| --- | :--- | ---: |",
        "pipe table\n  sep: [\" --- \"] [\" :--- \"] [\" ---: \"]",
    );
    check("|---|---", "pipe table\n  sep: [\"---\"] [\"---\"]");
    check("|-|", "pipe table\n  sep: [\"-\"]");
    check("|---||", "pipe table\n  row: [\"---\"] []");
    check("|---| x |", "pipe table\n  row: [\"---\"] [\" x \"]");
    check("| | --- |", "pipe table\n  row: [\" \"] [\" --- \"]");
    check("|:|", "pipe table\n  row: [\":\"]");
}

#[test]
fn inline_marks_in_cells() {
    check(
        "| ☐ | Check this box *See* Instruction 1(b). |",
        r#"pipe table
  row: [" " G[ ] " "] [" Check this box *See* Instruction 1(b). "]"#,
    );
    check(
        "|**1. Title o**|**f Security (Instr. 3)**|",
        r#"pipe table
  row: [EM "1. Title o" EM] [EM "f Security (Instr. 3)" EM]"#,
    );
    check(
        "|22,393.3497<sup>(1)</sup>||D||",
        r#"pipe table
  row: ["22,393.3497" <sup> "(1)" </sup>] [] ["D"] []"#,
    );
    check(
        "| <a href=\"x|y\">z |",
        r#"pipe table
  row: [" <a href=\"x"] ["y\">z "]"#,
    );
    check(
        "| [a](b) | [c|d](e) |",
        r#"pipe table
  row: [" " link(a|b) " "] [" [c"] ["d](e) "]"#,
    );
    check(
        "| <!-- a | b --> |",
        r#"pipe table
  row: [" <!-- a "] [" b --> "]"#,
    );
}

// ----------------------------------------------------------------------------------------
// HTML tables
// ----------------------------------------------------------------------------------------

#[test]
fn html_tables() {
    check(
        "<table><tr><td>a</td><td>b</td></tr></table>",
        "html table\n  row: [\"a\"] [\"b\"]",
    );
    check(
        "<table border=\"1\">\n<thead>\n<tr><th>H1</th><th colspan=\"2\">H2</th></tr>\n</thead>\n\
         <tbody>\n<tr>\n  <td>x &amp; y<br/>z</td>\n  <td></td>\n</tr>\n</tbody>\n</table>\nafter",
        r#"
html table
  row: ["H1"] ["H2"]
  row: ["x " &"&" " y" BR "z"] []
text: "after""#,
    );
    check(
        "<TABLE><TR><TD>multi\nline</TD></TR></TABLE>",
        "html table\n  row: [\"multi\\nline\"]",
    );
    check(
        "<table><tr><td>a<td>b</tr><tr><td>c</table>",
        "html table\n  row: [\"a\"] [\"b\"]\n  row: [\"c\"]",
    );
    check(
        "<table><td>implicit</td></table>",
        "html table\n  row: [\"implicit\"]",
    );
    check(
        "<table>junk<tr>more<td>x</td></tr></table>",
        "html table\n  row: [\"x\"]",
    );
    check("<table></table>", "html table");
    check(
        "  <table><tr><td>x</td></tr></table>  tail",
        "html table\n  row: [\"x\"]\ntext: \"tail\"",
    );
}

#[test]
fn html_table_fallbacks() {
    check(
        "<table>\n<tr><td>a</td></tr>",
        "text: <table>\ntext: <tr> <td> \"a\" </td> </tr>",
    );
    check(
        "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>",
        "text: <table> <tr> <td> <table> <tr> <td> \"x\" </td> </tr> </table> </td> </tr> </table>",
    );
    check("<tablex>", "text: <tablex>");
    check(
        "x <table><tr><td>a</td></tr></table>",
        "text: \"x \" <table> <tr> <td> \"a\" </td> </tr> </table>",
    );
}

// ----------------------------------------------------------------------------------------
// Real snippets from the corpus
// ----------------------------------------------------------------------------------------

#[test]
fn real_name_cell() {
    let input = "| 1. Name and Address of Reporting Person*<br><u>Peters Allan</u><br><hr/> \
                 (Last) (First) (Middle)<br>C/O QUALYS, INC. | 2. Issuer<br>\
                 <input checked=\"\" type=\"checkbox\"/> Officer |";
    check(
        input,
        r#"
pipe table
  row: [" 1. Name and Address of Reporting Person*" BR <u> "Peters Allan" </u> BR HR " (Last) (First) (Middle)" BR "C/O QUALYS, INC. "] [" 2. Issuer" BR [x] " Officer "]"#,
    );
}

#[test]
fn real_ocr_row() {
    let input = "| Common Stock 11/01/20 | | | |)20 | 20 | | | F | | 11,050(1) | D | \\$87.8 | 5,20 | 5,208,879 | | D | | | |";
    let doc = parse(input).unwrap();
    common::invariants(input, &doc).unwrap();
    let [Block::Table(t)] = doc.blocks.as_slice() else {
        panic!("one table expected")
    };
    assert_eq!(t.syntax, TableSyntax::Pipe);
    let row = &t.rows[0];
    assert!(!row.is_separator);
    assert_eq!(row.cells.len(), 20);
    assert_eq!(row.cells[0].raw, " Common Stock 11/01/20 ");
    assert_eq!(row.cells[4].raw, ")20 ");
    assert_eq!(row.cells[12].inlines[1].kind, InlineKind::Escape('$'));
    assert_eq!(row.cells[12].inlines[2].raw, "87.8 ");
    assert_eq!(row.cells[19].raw, " ");
}

#[test]
fn real_separator() {
    check(
        "|-------------|------------|",
        "pipe table\n  sep: [\"-------------\"] [\"------------\"]",
    );
}

#[test]
fn real_document_shape() {
    let input = "SEC Form 5\n\n| FORM 5 | x |\n|---|---|\n| ☐ | Form 3 Holdings Reported. |\n\n\
                 ### SEC Form 5 \n\n- ☐ Form 3 Holdings Reported. \n\n\
                 <!-- Start of picture text -->\n1  Form  3<br>Filed\n<!-- End of picture text -->\n";
    let doc = parse(input).unwrap();
    common::invariants(input, &doc).unwrap();
    let kinds: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => format!("table{}", t.rows.len()),
            Block::Line(l) => format!("{:?}", l.kind),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "Text",
            "table3",
            "Heading(3)",
            "ListItem",
            "Text",
            "Text",
            "Text"
        ]
    );
    let Block::Line(l) = &doc.blocks[3] else {
        panic!()
    };
    assert_eq!(l.kind, LineKind::ListItem);
    assert_eq!(l.marker, Some("-"));
    assert_eq!(l.span.start, input.find("- ☐").unwrap());
}

#[test]
fn spans_are_byte_offsets_into_the_whole_input() {
    let input = "é\n| ü | ☒ |\n";
    let doc = parse(input).unwrap();
    let Block::Table(t) = &doc.blocks[1] else {
        panic!()
    };
    let glyph = &t.rows[0].cells[1].inlines[1];
    assert_eq!(glyph.kind, InlineKind::CheckboxGlyph { checked: true });
    assert_eq!(&input[glyph.span.start..glyph.span.end], "☒");
    assert_eq!(t.span.start, 3);
}

/// Inputs at the edges of the grammar's first-character shortcuts (a block, a separator
/// row, a markup group or a link target entered only past a test of its first
/// character): each is read as the full rules read it.
#[test]
fn first_character_shortcuts() {
    let cases: &[(&str, &str)] = &[
        // A line that starts with `(` or a digit that starts no list marker is text.
        ("(Last) (First)", r#"text: "(Last) (First)""#),
        ("04/21/2019 x", r#"text: "04/21/2019 x""#),
        ("7) seven", r#"li(7)): "seven""#),
        ("  (Street)", r#"text: "(Street)""#),
        // A row whose first cell starts like a delimiter cell but is none.
        ("| :x | y |", "pipe table\n  row: [\" :x \"] [\" y \"]"),
        (
            "| - | - |\n| -- x | y |",
            "pipe table\n  sep: [\" - \"] [\" - \"]\n  row: [\" -- x \"] [\" y \"]",
        ),
        (
            "  | :--- | ---: |",
            "pipe table\n  sep: [\" :--- \"] [\" ---: \"]",
        ),
        // Line breaks, bare and with the optional parts.
        ("a<br>b", r#"text: "a" BR "b""#),
        ("a<BR/>b<br />c</br>d", r#"text: "a" BR "b" BR "c" BR "d""#),
        ("a<br class=\"x\">b", r#"text: "a" BR "b""#),
        (
            "| a<br>b | c |",
            "pipe table\n  row: [\" a\" BR \"b \"] [\" c \"]",
        ),
        // Markup that starts with `[`, `\`, a glyph, or nothing.
        (
            "[Doe Jane](/cgi-bin/browse?action=get&CIK=0001)",
            "text: link(Doe Jane|/cgi-bin/browse?action=get&CIK=0001)",
        ),
        ("[a](b c)", r#"text: "[a](b c)""#),
        ("\\[x] ] ‘y’", r#"text: \[ "x] ] ‘y’""#),
        (
            "☒ Director ☐ Officer ✓ ✔ ☑",
            r#"text: G[x] " Director " G[ ] " Officer " G[x] " " G[x] " " G[x]"#,
        ),
        (
            "| * lone | ** | __x__ |",
            "pipe table\n  row: [\" * lone \"] [\" \" EM \" \"] [\" \" EM \"x\" EM \" \"]",
        ),
        // An HTML table after spaces, and a `<` that starts none.
        (
            "  <table><tr><td>a</td></tr></table>",
            "html table\n  row: [\"a\"]",
        ),
        ("<b>x</b> <", r#"text: <b> "x" </b> " <""#),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}
