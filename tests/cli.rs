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
fn not_a_form_fails_with_a_reason() {
    let dir = std::env::temp_dir().join(format!("form4-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let f = dir.join("recipe.md");
    std::fs::write(&f, "# Pancakes\n\n| flour | 200 g |\n| milk | 300 ml |\n").expect("write");
    let out = form4().arg("parse").arg(&f).output().expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not an ownership form"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one-line reason: {err}");
}

#[test]
fn missing_file_fails() {
    let out = form4()
        .args(["parse", "no/such/file.md"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
}
