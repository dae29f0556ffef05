//! Hostile inputs: whatever the bytes, `form4` returns a record or an error, quickly.
//!
//! Each case runs on a worker thread and fails if it panics or has not answered within its
//! time bound (set for the test profile on a busy two-core machine, several times what it
//! takes there); a case that takes longer is a hang or a super-linear blow-up.
//! `scales_linearly` checks growth directly: eight times the input may take at most about
//! eight times as long.
//!
//! The layout grammar gets the full sizes (50 MB, a 10 MB line, a million pipes,
//! 100,000 nested tags). The whole pipeline reads about 0.4 MB/s in release, so by default
//! it gets a tenth (or less) of each size to keep CI within budget;
//! `FORM4_HOSTILE_FULL=1 cargo test --release hostile` runs it at full size too.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use form4::model::WarningCode;

const FIXTURE: &str = include_str!("fixtures/001_4f51bca2448f14c2.txt");

/// The outcome of one run: whether it gave a record, the warnings' codes, and the time.
struct Outcome {
    record: Option<form4::Record>,
    error: Option<String>,
    elapsed: Duration,
}

/// Parses `input` on a worker thread; fails the test on a panic or after `limit`.
fn run(name: &str, input: Vec<u8>, limit: Duration) -> Outcome {
    let (result, elapsed) = timed(name, input, limit, form4::parse_bytes);
    match result {
        Ok(record) => Outcome {
            record: Some(record),
            error: None,
            elapsed,
        },
        Err(e) => Outcome {
            record: None,
            error: Some(e.to_string()),
            elapsed,
        },
    }
}

/// Tokenizes `input` with the layout grammar alone (which is total: it must succeed).
fn run_grammar(name: &str, input: String, limit: Duration) -> usize {
    let (blocks, _) = timed(name, input.into_bytes(), limit, |b| {
        let text = std::str::from_utf8(b).map_err(|e| e.to_string())?;
        form4_grammar::parse(text)
            .map(|d| d.blocks.len())
            .map_err(|e| e.to_string())
    });
    blocks.unwrap_or_else(|e| panic!("{name}: the grammar failed: {e}"))
}

/// Runs `f(input)` on a worker thread; fails the test on a panic or after `limit`.
fn timed<T: Send + 'static>(
    name: &str,
    input: Vec<u8>,
    limit: Duration,
    f: impl FnOnce(&[u8]) -> T + Send + 'static,
) -> (T, Duration) {
    let (tx, rx) = mpsc::channel();
    let len = input.len();
    let worker = thread::Builder::new()
        .name(format!("hostile-{name}"))
        // The pipeline must not need a big stack: keep the default of spawned threads.
        .spawn(move || {
            let start = Instant::now();
            let result = f(&input);
            let elapsed = start.elapsed();
            let _ = tx.send(());
            (result, elapsed)
        })
        .expect("spawn a worker thread");
    match rx.recv_timeout(limit) {
        Ok(()) => {}
        // The worker dropped its sender without sending: it panicked.
        Err(mpsc::RecvTimeoutError::Disconnected) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: no answer within {limit:?} on {len} bytes (hang or blow-up)")
        }
    }
    let (result, elapsed) = match worker.join() {
        Ok(r) => r,
        Err(_) => panic!("{name}: the pipeline panicked on {len} bytes"),
    };
    eprintln!("hostile {name}: {len} bytes in {elapsed:?}");
    (result, elapsed)
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// A text that is not a form must say so, with the one-line reason.
fn assert_not_a_form(name: &str, out: &Outcome) {
    let Some(err) = &out.error else {
        panic!("{name}: expected `not a form`, got a record");
    };
    assert!(err.contains("not an ownership form"), "{name}: {err}");
}

/// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        out.extend_from_slice(&seed.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// `unit` repeated until the result has at least `len` bytes.
fn repeat_to(unit: &str, len: usize) -> String {
    unit.repeat(len.div_ceil(unit.len()))
}

/// The pipeline's share of a size from the issue: all of it under `FORM4_HOSTILE_FULL=1`.
fn pipeline_size(full: usize, divisor: usize) -> usize {
    if std::env::var_os("FORM4_HOSTILE_FULL").is_some() {
        full
    } else {
        full / divisor
    }
}

/// Time bounds grow with the size the pipeline is given.
fn pipeline_limit(base: u64, divisor: usize) -> Duration {
    if std::env::var_os("FORM4_HOSTILE_FULL").is_some() {
        secs(base * divisor as u64)
    } else {
        secs(base)
    }
}

#[test]
fn empty_input() {
    let out = run("empty", Vec::new(), secs(5));
    assert_not_a_form("empty", &out);
    assert_eq!(run_grammar("empty", String::new(), secs(5)), 0);
}

#[test]
fn whitespace_only() {
    let ws = repeat_to(" \t\n\r\n\u{0B}\u{0C}\u{A0}\u{2003}\u{3000}\n", 1 << 20);
    let out = run("whitespace", ws.into_bytes(), secs(20));
    assert_not_a_form("whitespace", &out);
}

#[test]
fn binary_data() {
    // Random bytes, and random bytes with the form's text scattered in them.
    let out = run("binary", noise(1 << 20, 0x9E37_79B9_7F4A_7C15), secs(30));
    assert_not_a_form("binary", &out);
    let mut mixed = noise(256 << 10, 7);
    for (i, chunk) in FIXTURE.as_bytes().chunks(64).enumerate() {
        let at = (i * 4099) % mixed.len();
        mixed.splice(at..at, chunk.iter().copied());
    }
    let out = run("binary+form", mixed, secs(30));
    assert!(out.record.is_some() || out.error.is_some());
    let text = String::from_utf8_lossy(&noise(16 << 20, 3)).into_owned();
    run_grammar("grammar-binary", text, secs(30));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let mut bytes = FIXTURE.as_bytes().to_vec();
    // A lone continuation byte, a truncated sequence and an invalid lead byte.
    bytes.splice(0..0, [0x80, 0xE2, 0x82, b' ', 0xFF, b'\n']);
    let out = run("invalid-utf8", bytes, secs(10));
    let record = out.record.expect("the form is still read");
    let first = record.diagnostics.warnings.first().expect("a warning");
    assert_eq!(first.code, WarningCode::InvalidUtf8);
    let clean = form4::parse(FIXTURE).expect("the fixture parses");
    assert_eq!(record.issuer, clean.issuer);
    assert_eq!(record.non_derivative_table, clean.non_derivative_table);
    assert_eq!(record.derivative_table, clean.derivative_table);
}

/// Text of the form's own kinds: table rows, lines, HTML, marks.
const FILLER: &str = "| Common Stock | 11/01/2020 | | S | | 1,000 | D | $12.50 | 9,000 | D | |\n\
    The reporting person disclaims beneficial ownership except to the extent of\n\
    <table><tr><td>Stock Option<br>(right to buy)</td><td>&amp;</td></tr></table>\n\
    ## Remarks\n\
    - 1. See footnote <sup>1</sup> and \\$87.80 ☒ Director ☐ Officer\n\n";

#[test]
fn fifty_megabyte_document() {
    run_grammar("grammar-50MB", repeat_to(FILLER, 50 << 20), secs(60));
    let mut doc = String::from(FIXTURE);
    doc.push_str(&repeat_to(FILLER, pipeline_size(50 << 20, 50)));
    let out = run("50MB/50", doc.into_bytes(), pipeline_limit(30, 50));
    assert!(out.record.is_some(), "{:?}", out.error);
}

#[test]
fn single_ten_megabyte_line() {
    let unit = "Common Stock 11/01/2020 S 1,000 D $12.50 (1) 9,000 D <br> &amp; \\| ☒ ";
    run_grammar("grammar-10MB-line", repeat_to(unit, 10 << 20), secs(30));
    let pipes = repeat_to(unit, 10 << 20).replace(' ', " | ");
    run_grammar("grammar-10MB-row", format!("|{pipes}|\n"), secs(30));
    let line = repeat_to(unit, pipeline_size(10 << 20, 10));
    let out = run(
        "10MB-line/10",
        line.clone().into_bytes(),
        pipeline_limit(30, 10),
    );
    assert!(out.record.is_some() || out.error.is_some());
    // The same line as one pipe-table row, inside a form.
    let row = format!("{FIXTURE}\n|{}|\n", line.replace(' ', " | "));
    let out = run("10MB-row/10", row.into_bytes(), pipeline_limit(30, 10));
    assert!(out.record.is_some(), "{:?}", out.error);
}

#[test]
fn hundred_thousand_nested_html_tags() {
    let n = 100_000;
    for (name, open, close) in [
        ("nested-b", "<b>", "</b>"),
        ("nested-sup", "<sup>", "</sup>"),
        ("nested-table", "<table><tr><td>", "</td></tr></table>"),
        ("nested-td", "<td>", "</td>"),
    ] {
        let nested = format!("{}1{}", open.repeat(n), close.repeat(n));
        run_grammar(name, nested.clone(), secs(20));
        let m = pipeline_size(n, 10);
        let doc = format!("{FIXTURE}{}1{}", open.repeat(m), close.repeat(m));
        let out = run(name, doc.into_bytes(), pipeline_limit(20, 10));
        assert!(out.record.is_some(), "{name}: {:?}", out.error);
    }
    // Unclosed: an opening tag that never closes must not make a scan run to the end
    // once per tag.
    for (name, open) in [("unclosed-table", "<table>"), ("unclosed-comment", "<!--")] {
        run_grammar(name, open.repeat(n), secs(20));
        let out = run(name, open.repeat(n).into_bytes(), secs(20));
        assert_not_a_form(name, &out);
    }
}

#[test]
fn a_million_pipes() {
    let n = 1_000_000;
    run_grammar("grammar-1M-pipes-line", "|".repeat(n), secs(20));
    run_grammar("grammar-1M-pipes-rows", "|\n".repeat(n), secs(20));
    let m = pipeline_size(n, 10);
    let out = run(
        "1M-pipes-line/10",
        "|".repeat(m).into_bytes(),
        pipeline_limit(20, 10),
    );
    assert_not_a_form("pipes-line", &out);
    let out = run(
        "1M-pipes-rows/10",
        "|\n".repeat(m).into_bytes(),
        pipeline_limit(20, 10),
    );
    assert_not_a_form("pipes-rows", &out);
    let doc = format!("{FIXTURE}\n{}\n", "|".repeat(m));
    let out = run("1M-pipes+form/10", doc.into_bytes(), pipeline_limit(20, 10));
    assert!(out.record.is_some(), "{:?}", out.error);
}

/// A Table I of `n` transaction rows after the fixture's header.
fn table_of(n: usize) -> String {
    let head = FIXTURE
        .find("Table II")
        .map_or(FIXTURE, |at| &FIXTURE[..at]);
    let mut doc = String::from(head);
    doc.push_str("\n| Title | Date | Code | V | Amount | (A) or (D) | Price | Owned | D/I |\n");
    doc.push_str("|---|---|---|---|---|---|---|---|---|\n");
    for i in 0..n {
        doc.push_str(&format!(
            "| Common Stock | 11/{:02}/2020 | S | | {},{:03} | D | ${}.{:02} | {} | D |\n",
            i % 28 + 1,
            i % 97 + 1,
            i % 1000,
            i % 500 + 1,
            i % 100,
            i
        ));
    }
    doc
}

/// Runs the pipeline on `doc` within `limit`, which must read at least `n` rows of Table I.
fn reads_table1_rows(name: &str, doc: String, n: usize, limit: Duration) {
    let out = run(name, doc.into_bytes(), limit);
    let record = out.record.expect("a record");
    assert!(
        record.non_derivative_table.len() >= n,
        "read {} rows of {n}",
        record.non_derivative_table.len()
    );
}

#[test]
fn hundred_thousand_row_table() {
    run_grammar("grammar-100k-rows", table_of(100_000), secs(30));
    let n = pipeline_size(100_000, 20);
    reads_table1_rows("100k-rows/20", table_of(n), n, pipeline_limit(30, 20));
}

#[test]
fn form_repeated_a_thousand_times() {
    run_grammar(
        "grammar-form-x1000",
        format!("{FIXTURE}\n").repeat(1000),
        secs(20),
    );
    let n = pipeline_size(1000, 20);
    let doc = format!("{FIXTURE}\n").repeat(n);
    let out = run("form-x1000/20", doc.into_bytes(), pipeline_limit(30, 20));
    assert!(out.record.is_some(), "{:?}", out.error);
}

/// Eight times the input takes at most about eight times as long (a quadratic stage would
/// take sixty-four times): table rows, a header of ever more labels, one long line,
/// repeated forms, OCR'd rows of all different dates, titles looked for in the rest of
/// the document.
#[test]
fn scales_linearly() {
    let row = "| Common Stock | 11/01/2020 | S | | 1,000 | D | $12.50 | 9,000 | D |\n";
    type Make = Box<dyn Fn(usize) -> String>;
    // Boxes 1-6 read across the page (picture text), their labels on every line.
    let labels = |n: usize| {
        let street =
            "MAIN STREET 3. Date of Earliest Transaction (Month/Day/Year) 5. Relationship<br>";
        let city = "NEW YORK NY 10001 X Director (City) (State)<br>";
        format!(
            "FORM 4\n\nStatement of Changes in Beneficial Ownership\n\n\
1. Name and Address of Reporting Person*<br>(Last) (First) (Middle)<br>{}(Street)<br>{}(City) (State) (Zip)\n\n\
Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\nExplanation of Responses:\n",
            street.repeat(n),
            city.repeat(n)
        )
    };
    let cases: [(&str, Make); 6] = [
        (
            "rows",
            Box::new(|n| format!("{FIXTURE}\n{}", row.repeat(n * 100))),
        ),
        ("header labels", Box::new(move |n| labels(n * 500))),
        (
            "line",
            Box::new(|n| format!("{FIXTURE}\n{}", "Common 1,000 (1) ".repeat(n * 400))),
        ),
        ("forms", Box::new(|n| FIXTURE.repeat(n))),
        // OCR'd rows, every transaction date a different one.
        ("ocr dates", Box::new(|n| ocr_tables_of(n * 600))),
        // Table I titles the rest of the document does not print, whose first letters
        // the remarks repeat: each is looked for among them.
        ("unattested titles", Box::new(|n| titles_of(n * 500))),
    ];
    for (name, make) in cases {
        // The best of three runs each, to shed scheduling noise.
        let time = |n: usize| {
            let input = make(n).into_bytes();
            (0..3)
                .map(|_| run(name, input.clone(), secs(60)).elapsed)
                .min()
                .unwrap_or_default()
        };
        let small = time(1);
        let large = time(8);
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-3);
        eprintln!("hostile scaling {name}: x1 {small:?}, x8 {large:?}, ratio {ratio:.1}");
        assert!(
            ratio < 24.0,
            "{name}: 8x the input took {ratio:.1}x the time ({small:?} -> {large:?})"
        );
    }
}

/// A Table I of `n` rows whose titles are all different and printed nowhere else, and
/// remarks whose words start with the same two letters as the titles, many times over.
fn titles_of(n: usize) -> String {
    let mut doc = String::from(
        "FORM 4\n\n1. Name and Address of Reporting Person\n\n\
Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
| Title | Date | Code | Amount | (A) or (D) | Price | Owned | D/I |\n|---|---|---|---|---|---|---|---|\n",
    );
    for i in 0..n {
        doc.push_str(&format!(
            "| CommonShares Class{i} | 11/01/2020 | S | 1,000 | D | $1.00 | 5,000 | D |\n"
        ));
    }
    doc.push_str("\nExplanation of Responses:\n\nRemarks: ");
    doc.push_str(&"commonly contained commentary ".repeat(4 * n));
    doc.push('\n');
    doc
}

/// Every input the fuzzers crashed on (`tests/regressions/`) must now give a record or an
/// error, quickly.
#[test]
fn fuzzer_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/regressions") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("readable");
        let out = run(&path.display().to_string(), bytes, secs(10));
        assert!(out.record.is_some() || out.error.is_some());
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs found in {}", dir.display());
}

/// An OCR'd form (its labels misread) whose tables are long: the checks held to OCR'd rows
/// (dates looked up among Table I's, each of its dates against the others, titles searched for
/// repeats) stay linear. Table I's dates are all different, so a check comparing every date
/// with every other would be quadratic.
fn ocr_tables_of(n: usize) -> String {
    let mut doc = String::from(
        "FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL 0WNERSHIP\n\n\
1. Name and Address of Reportmg Person* DOE JANE\n\n\
2. Issuer Name and Ticker or Trading Symbo1 EXAMPLE CORP [EXM]\n\n\
Tabie I - Non-Derivative Securities Acquired, Disposed of, or Beneficially 0wned\n\n",
    );
    for i in 0..n {
        doc.push_str(&format!(
            "Common Stock {:02}/{:02}/{} S {},{:03} D $12.50 9,000 D\n",
            i % 12 + 1,
            i / 12 % 28 + 1,
            1990 + i / 336,
            i % 97 + 1,
            i % 1000
        ));
    }
    doc.push_str(
        "\nTabie II - Derivative Securities Acquired, Disposed of, or Beneficially 0wned\n\n",
    );
    for i in 0..n {
        doc.push_str(&format!(
            "Stock Option $10.00 {:02}/{:02}/{} Common Stock 1,000 1,000 D\n",
            i % 12 + 1,
            i % 28 + 1,
            2030 + i % 30
        ));
    }
    doc.push_str(&"Common Stock ".repeat(n));
    doc.push_str("1,000 1,000 D\n");
    doc
}

#[test]
fn long_ocr_tables() {
    let n = pipeline_size(50_000, 10);
    reads_table1_rows(
        "ocr-tables-50k/10",
        ocr_tables_of(n),
        n,
        pipeline_limit(30, 10),
    );
}
