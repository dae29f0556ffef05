//! The layout grammar alone: it is total (every UTF-8 string parses), and every node's
//! span is the exact slice of the input it reports as `raw`.
#![no_main]

use form4_grammar::{Block, Inline, Span};
use libfuzzer_sys::fuzz_target;

fn check_span(input: &str, span: Span, raw: &str) {
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "span {span:?}"
    );
    assert_eq!(
        input.get(span.start..span.end),
        Some(raw),
        "raw differs from its span"
    );
}

fn check_inlines(input: &str, inlines: &[Inline<'_>]) {
    for i in inlines {
        check_span(input, i.span, i.raw);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let doc = match form4_grammar::parse(input) {
        Ok(doc) => doc,
        // The grammar is total: only a resource limit may stop it.
        Err(form4_grammar::Error::Limit { .. }) => return,
        Err(e) => panic!("the grammar rejected an input: {e}"),
    };
    let mut last_end = 0;
    for block in &doc.blocks {
        let span = match block {
            Block::Table(t) => {
                check_span(input, t.span, t.raw);
                for row in &t.rows {
                    check_span(input, row.span, row.raw);
                    for cell in &row.cells {
                        check_span(input, cell.span, cell.raw);
                        check_inlines(input, &cell.inlines);
                    }
                }
                t.span
            }
            Block::Line(l) => {
                check_span(input, l.span, l.raw);
                check_inlines(input, &l.inlines);
                l.span
            }
        };
        assert!(span.start >= last_end, "blocks out of order or overlapping");
        last_end = span.end;
    }
});
