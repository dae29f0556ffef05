//! One snapshot per fixture: the record `form4` reads from it, diagnostics included.
//!
//! Adding a fixture is adding a file to `tests/fixtures/`; review the new snapshot with
//! `cargo insta review`. Under `CI=true` a changed or missing snapshot fails the run.

use std::path::Path;

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

#[test]
fn fixtures() {
    settings().bind(|| {
        insta::glob!("fixtures/*.{txt,md}", |path| {
            let bytes = std::fs::read(path).expect("fixture is readable");
            match form4::parse_bytes(&bytes) {
                Ok(record) => insta::assert_yaml_snapshot!(record),
                Err(e) => insta::assert_snapshot!(format!("error: {e}")),
            }
        });
    });
}

/// A snapshot whose fixture was removed or renamed would otherwise linger unreviewed.
#[test]
fn every_snapshot_has_its_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures: Vec<String> = std::fs::read_dir(root.join("tests/fixtures"))
        .expect("fixtures folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for entry in std::fs::read_dir(root.join("snapshots")).expect("snapshots folder") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let Some(stem) = name
            .strip_prefix("fixtures@")
            .and_then(|n| n.strip_suffix(".snap"))
        else {
            continue;
        };
        assert!(
            fixtures.iter().any(|f| f == stem),
            "snapshots/{name} belongs to no fixture in tests/fixtures/"
        );
    }
}

/// The seeds' records must equal their truth exactly, field by field, wherever the truth
/// has a value (the snapshot also pins the diagnostics; this pins the meaning).
#[test]
fn seeds_match_their_truth() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let truths = root.join("tests/truth");
    for entry in std::fs::read_dir(&truths).expect("tests/truth folder") {
        let path = entry.expect("entry").path();
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let truth: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("truth")).expect("truth json");
        let input = root.join("tests/fixtures").join(format!("{stem}.txt"));
        let record = form4::parse_bytes(&std::fs::read(&input).expect("fixture")).expect("record");
        let got = serde_json::to_value(&record).expect("json");
        let mut diffs = Vec::new();
        compare("", &truth, &got, &mut diffs);
        assert!(diffs.is_empty(), "{stem}: {}", diffs.join("\n"));
    }
}

fn compare(path: &str, truth: &serde_json::Value, got: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    match (truth, got) {
        (Value::Object(t), Value::Object(g)) => {
            for (k, tv) in t {
                compare(
                    &format!("{path}.{k}"),
                    tv,
                    g.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(t), Value::Array(g)) => {
            if t.len() != g.len() {
                out.push(format!(
                    "{path}: {} items expected, {} read",
                    t.len(),
                    g.len()
                ));
            }
            for (i, (tv, gv)) in t.iter().zip(g).enumerate() {
                compare(&format!("{path}[{i}]"), tv, gv, out);
            }
        }
        // A flag the truth leaves out (null) is an unticked box.
        (Value::Null, Value::Bool(false)) | (Value::Bool(false), Value::Null) => {}
        (t, g) if t != g => out.push(format!("{path}: expected {t}, read {g}")),
        _ => {}
    }
}
