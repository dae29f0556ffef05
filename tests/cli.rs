//! The command-line contract that `../shared/bench/score.py` relies on.

use std::process::Command;

fn form4() -> Command {
    Command::new(env!("CARGO_BIN_EXE_form4"))
}

#[test]
fn parse_prints_one_json_record() {
    let out = form4()
        .args(["parse", "tests/fixtures/001_4f51bca2448f14c2.txt"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON value");
    assert_eq!(v["document_type"], "4");
    assert_eq!(v["non_derivative_table"][0]["shares"], "719");
}

#[test]
fn not_a_form_fails_with_a_report_that_shows_the_line() {
    let dir = temp_dir("not-a-form");
    let f = dir.join("recipe.md");
    std::fs::write(
        &f,
        "\n  # Pancakes\n\n| flour | 200 g |\n| milk | 300 ml |\n",
    )
    .expect("write");
    let out = form4().arg("parse").arg(&f).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 5, "{err}");
    assert!(
        lines[0].starts_with("error: not an ownership form"),
        "{err}"
    );
    assert!(lines[0].contains("Signature of Reporting Person"), "{err}");
    assert_eq!(lines[1], format!(" --> {}:2:3", f.display()));
    assert_eq!(lines[2], "  |");
    assert_eq!(lines[3], "2 |   # Pancakes");
    assert_eq!(lines[4], "  |   ^^^^^^^^^^");
}

#[test]
fn a_report_cuts_a_long_line_around_the_column() {
    let dir = temp_dir("long-line");
    let f = dir.join("wide.md");
    // The first text is 300 characters in, past a run of two-byte characters.
    std::fs::write(
        &f,
        format!("{}Pancakes {}\n", "é ".repeat(150), "ü".repeat(500)),
    )
    .expect("write");
    let out = form4().arg("parse").arg(&f).output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[1], format!(" --> {}:1:1", f.display()), "{err}");
    assert!(lines[3].ends_with('…'), "{err}");
    assert_eq!(lines[3].chars().count(), "1 | ".len() + 200 + 1, "{err}");
    assert_eq!(lines[4], format!("  | {}", "^".repeat(200)), "{err}");

    std::fs::write(
        &f,
        format!("{}Pancakes {}\n", " ".repeat(300), "ü".repeat(500)),
    )
    .expect("write");
    let out = form4().arg("parse").arg(&f).output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[1], format!(" --> {}:1:301", f.display()), "{err}");
    // A window of 200 characters with the column in its middle, cut on both sides.
    let shown = lines[3].strip_prefix("1 | ").expect("the line");
    assert!(shown.starts_with('…') && shown.ends_with('…'), "{err}");
    assert_eq!(shown.chars().count(), 202, "{err}");
    let caret = lines[4].strip_prefix("  | ").expect("the caret line");
    let at = caret.find('^').expect("a caret");
    assert_eq!(&shown.chars().skip(at).collect::<String>()[..8], "Pancakes");
    assert_eq!(caret.trim_start(), "^".repeat(100), "{err}");
    assert_eq!(at, 101, "{err}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = temp_dir("huge");
    let f = dir.join("huge.md");
    // Sparse: no disk is used, and the file is refused before it is read.
    let file = std::fs::File::create(&f).expect("create");
    file.set_len(form4::MAX_INPUT_LEN as u64 + 1)
        .expect("set_len");
    let out = form4().arg("parse").arg(&f).output().expect("runs");
    let _ = std::fs::remove_file(&f);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bytes are read"), "{err}");
}

#[test]
fn missing_file_fails() {
    let out = form4()
        .args(["parse", "no/such/file.md"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
}

/// The two seed fixtures (the fixtures folder grows; these tests need known records).
const SEEDS: [&str; 2] = [
    "tests/fixtures/000_a5e8b83255f5be1b.txt",
    "tests/fixtures/001_4f51bca2448f14c2.txt",
];

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("form4-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn lines_of(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn a_directory_streams_jsonl_in_order_and_a_bad_file_does_not_stop_it() {
    let dir = temp_dir("batch");
    for f in ["000_a5e8b83255f5be1b.txt", "001_4f51bca2448f14c2.txt"] {
        std::fs::copy(format!("tests/fixtures/{f}"), dir.join(f)).expect("copy");
    }
    std::fs::write(
        dir.join("002_recipe.md"),
        "# Pancakes\n\n| flour | 200 g |\n",
    )
    .expect("write");
    std::fs::write(dir.join("notes.json"), "{}").expect("write"); // not a taken extension
    let out = form4()
        .args(["parse", "--window", "1"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed file makes the exit status 1"
    );
    let lines = lines_of(&out.stdout);
    assert_eq!(lines.len(), 3);
    let sources: Vec<&str> = lines.iter().filter_map(|l| l["source"].as_str()).collect();
    assert!(
        sources[0].ends_with("000_a5e8b83255f5be1b.txt"),
        "{sources:?}"
    );
    assert!(
        sources[1].ends_with("001_4f51bca2448f14c2.txt"),
        "{sources:?}"
    );
    assert!(sources[2].ends_with("002_recipe.md"), "{sources:?}");
    assert_eq!(lines[1]["non_derivative_table"][0]["shares"], "719");
    let err = lines[2]["error"].as_str().expect("an error entry");
    assert!(err.contains("not an ownership form"), "{err}");
    assert_eq!(
        (&lines[2]["line"], &lines[2]["column"]),
        (&1.into(), &1.into())
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let summary = stderr.lines().last().expect("a summary line");
    assert!(
        summary.contains("3 files, 2 records")
            && summary.contains("1 failed")
            && summary.contains("files/s"),
        "{stderr}"
    );
}

#[test]
fn globs_stdin_and_several_files_default_to_jsonl_with_source() {
    let out = form4()
        .args(["parse", "tests/fixtures/00[01]_*.txt"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(lines_of(&out.stdout).len(), 2);

    let text = std::fs::read("tests/fixtures/001_4f51bca2448f14c2.txt").expect("fixture");
    let mut child = form4()
        .args(["parse", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(&text).expect("write stdin");
    }
    let out = child.wait_with_output().expect("runs");
    assert!(out.status.success());
    let lines = lines_of(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["source"], "-");
    assert_eq!(lines[0]["issuer"]["trading_symbol"], "QLYS");
}

#[test]
fn strict_turns_warnings_into_failures() {
    let dir = temp_dir("strict");
    // The first half of a form: it parses, with warnings about the parts that are missing.
    let text = std::fs::read("tests/fixtures/001_4f51bca2448f14c2.txt").expect("fixture");
    let f = dir.join("cut.md");
    std::fs::write(&f, &text[..2000]).expect("write");
    let lax = form4().arg("parse").arg(&f).output().expect("runs");
    let record: serde_json::Value = serde_json::from_slice(&lax.stdout).expect("a record");
    let warnings = record["diagnostics"]["warnings"]
        .as_array()
        .map_or(0, Vec::len);
    let strict = form4()
        .args(["parse", "--strict"])
        .arg(&f)
        .output()
        .expect("runs");
    assert!(warnings > 0, "the cut form has warnings");
    assert!(lax.status.success());
    assert!(!strict.status.success());
    assert!(String::from_utf8_lossy(&strict.stderr).contains("--strict"));
}

#[test]
fn csv_writes_the_sec_data_set_tables() {
    let dir = temp_dir("csv");
    let out = form4()
        .args(["parse", "--format", "csv", "--output"])
        .arg(&dir)
        .args(SEEDS)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for table in [
        "SUBMISSION",
        "REPORTINGOWNER",
        "NONDERIV_TRANS",
        "NONDERIV_HOLDING",
        "DERIV_TRANS",
        "DERIV_HOLDING",
        "FOOTNOTES",
        "OWNER_SIGNATURE",
    ] {
        assert!(dir.join(format!("{table}.csv")).is_file(), "{table}");
    }
    let deriv = std::fs::read_to_string(dir.join("DERIV_TRANS.csv")).expect("read");
    assert!(deriv.starts_with("ACCESSION_NUMBER,DERIV_TRANS_SK,"));
    assert!(deriv.contains(",EXCERCISE_DATE,EXCERCISE_DATE_FN,"));
    let trans = std::fs::read_to_string(dir.join("NONDERIV_TRANS.csv")).expect("read");
    assert!(
        trans.contains("tests/fixtures/001_4f51bca2448f14c2.txt,1,Common Stock,,01-SEP-2022,,,,4,F,,,,,719,F1,147.76,,D,,24059,"),
        "{trans}"
    );
}

#[test]
fn xml_marks_placeholder_ciks_and_takes_a_cik_map() {
    let dir = temp_dir("xml");
    let f = "tests/fixtures/001_4f51bca2448f14c2.txt";
    let out = form4()
        .args(["parse", "--format", "xml", f])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let xml = String::from_utf8_lossy(&out.stdout);
    assert!(xml.contains("<issuerCik>0000000000</issuerCik>"));
    assert!(xml.contains("placeholder, not a real CIK"));

    let map = dir.join("ciks.csv");
    std::fs::write(&map, "key,cik\nQLYS,1107843\nPeters Allan,1234567\n").expect("write");
    let out = form4()
        .args(["parse", "--format", "xml", "--cik-map"])
        .arg(&map)
        .arg(f)
        .output()
        .expect("runs");
    let xml = String::from_utf8_lossy(&out.stdout);
    assert!(xml.contains("<issuerCik>0001107843</issuerCik>"), "{xml}");
    assert!(
        xml.contains("<rptOwnerCik>0001234567</rptOwnerCik>"),
        "{xml}"
    );
    assert!(!xml.contains("placeholder"), "{xml}");

    let out = form4()
        .args(["parse", "--format", "xml", "--output"])
        .arg(dir.join("out"))
        .args(SEEDS)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir
        .join("out/tests/fixtures/000_a5e8b83255f5be1b.txt.xml")
        .is_file());
}

#[test]
fn schema_and_explain() {
    let out = form4().arg("schema").output().expect("runs");
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(schema["title"], "Record");
    assert!(schema["$defs"]["NonDerivativeRow"]["properties"]["shares"].is_object());

    let out = form4()
        .args(["explain", "tests/fixtures/000_a5e8b83255f5be1b.txt"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("## layout"), "{text}");
    assert!(text.contains("split_date"), "{text}");
    assert!(text.contains("## unmapped"), "{text}");
}
