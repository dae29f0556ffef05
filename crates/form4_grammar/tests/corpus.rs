//! Every sample rendering in the shared corpus parses, with sound spans.
//!
//! The files are read at test time from `/work/shared/corpus/*/` and
//! `/work/shared/seeds/*/` (override with `FORM4_CORPUS_DIRS`, `:`-separated); when none
//! exists the test passes without checking anything.

mod common;

use std::path::{Path, PathBuf};

fn sample_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(dirs) = std::fs::read_dir(root) else {
        return files;
    };
    for dir in dirs.flatten() {
        let Ok(entries) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("md" | "txt")
            ) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_corpus_file_parses() {
    let roots = std::env::var("FORM4_CORPUS_DIRS")
        .unwrap_or_else(|_| "/work/shared/corpus:/work/shared/seeds".to_owned());
    let mut checked = 0;
    let mut failures = Vec::new();
    for root in roots.split(':') {
        for path in sample_files(Path::new(root)) {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let input = String::from_utf8_lossy(&bytes);
            match form4_grammar::parse(&input) {
                Ok(doc) => {
                    if let Err(e) = common::invariants(&input, &doc) {
                        failures.push(format!("{}: {e}", path.display()));
                    }
                }
                Err(e) => failures.push(format!("{}: {e}", path.display())),
            }
            checked += 1;
        }
    }
    eprintln!("parsed {checked} corpus files");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
