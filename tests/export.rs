//! The library's writers (`form4::export`): JSON Lines, SEC data-set tables, EDGAR XML.

use form4::export::{self, csv::DataSetWriter, csv::Table, jsonl, xml, CikMap};

fn record(fixture: &str) -> form4::Record {
    let text = std::fs::read_to_string(format!("tests/fixtures/{fixture}")).expect("fixture");
    form4::parse(&text).expect("a record")
}

#[test]
fn a_jsonl_line_is_the_record_with_its_source_first() {
    let r = record("000_a5e8b83255f5be1b.txt");
    let line = jsonl::record_line("a/b.md", &r);
    assert!(line.starts_with(r#"{"source":"a/b.md","#), "{line}");
    assert!(line.ends_with('\n') && line.matches('\n').count() == 1);
    let back: form4::Record = serde_json::from_str(&line).expect("reads back as a record");
    assert_eq!(back, r);
}

#[test]
fn tables_have_the_sec_key_and_footnote_columns() {
    let mut opened = Vec::new();
    let mut w = DataSetWriter::new(b',', |t| {
        opened.push(t);
        Ok(Vec::new())
    })
    .expect("writer");
    assert_eq!(opened, Table::ALL);
    for f in ["000_a5e8b83255f5be1b.txt", "001_4f51bca2448f14c2.txt"] {
        w.write(&export::document_id(f), &record(f), &CikMap::default())
            .expect("write");
    }
    w.flush().expect("flush");
    for t in Table::ALL {
        let cols = t.columns();
        assert_eq!(cols[0], "ACCESSION_NUMBER", "{}", t.name());
        for c in cols.iter().filter(|c| c.ends_with("_FN")) {
            let base = c.trim_end_matches("_FN");
            assert!(
                cols.contains(&base) || *c == "EQUITY_SWAP_TRANS_CD_FN",
                "{}: {c} annotates a column of the table",
                t.name()
            );
        }
    }
    assert!(Table::DerivTrans.columns().contains(&"EXCERCISE_DATE"));
    assert!(Table::DerivHolding.columns().contains(&"EXERCISE_DATE"));
}

#[test]
fn csv_rows_match_their_headers() {
    let dir = std::env::temp_dir().join(format!("form4-export-csv-{}", std::process::id()));
    let mut w = DataSetWriter::create(&dir, b'\t').expect("create");
    let r = record("000_a5e8b83255f5be1b.txt");
    w.write("doc-1", &r, &CikMap::default()).expect("write");
    w.flush().expect("flush");
    for t in Table::ALL {
        let text = std::fs::read_to_string(dir.join(format!("{}.tsv", t.name()))).expect("read");
        for line in text.lines() {
            assert_eq!(
                line.split('\t').count(),
                t.columns().len(),
                "{}: {line}",
                t.name()
            );
        }
    }
    let holdings = std::fs::read_to_string(dir.join("NONDERIV_HOLDING.tsv")).expect("read");
    assert!(
        holdings.contains("doc-1\t1\tCommon Stock\t\t4\t\t100000\t\t\t\tI\t\tSee Footnote\tF2"),
        "{holdings}"
    );
    let submission = std::fs::read_to_string(dir.join("SUBMISSION.tsv")).expect("read");
    assert!(
        submission.contains("doc-1\t\t01-NOV-2020\t"),
        "{submission}"
    );
}

#[test]
fn xml_keeps_values_footnotes_and_escapes() {
    let r = record("000_a5e8b83255f5be1b.txt");
    let mut ciks = CikMap::default();
    ciks.insert("qlys", 1107843);
    let x = xml::to_string(&r, &ciks, Some("in--put.md"));
    for expected in [
        "<schemaVersion>X0508</schemaVersion>",
        "<issuerCik>0001107843</issuerCik>",
        "<rptOwnerCik>0000000000</rptOwnerCik>",
        "<transactionShares><value>11050</value><footnoteId id=\"F1\"/></transactionShares>",
        "<officerTitle>Chairman &amp; CEO</officerTitle>",
        "<natureOfOwnership><value>See Footnote</value><footnoteId id=\"F2\"/></natureOfOwnership>",
        "<nonDerivativeHolding>",
        "<footnote id=\"F1\">",
    ] {
        assert!(x.contains(expected), "missing {expected}\n{x}");
    }
    let comment_end = x.find("-->").expect("a leading comment");
    assert!(
        !x[..comment_end].contains("--p"),
        "no `--` inside the comment"
    );
    assert!(x.trim_end().ends_with("</ownershipDocument>"));
}
