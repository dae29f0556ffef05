//! Criterion benchmarks: the layout grammar alone and the whole pipeline (grammar,
//! normalizer, JSON), on the fixtures and on a sample of `../shared/corpus` if present.
//!
//! `cargo bench --bench pipeline` (add `-- grammar` or `-- pipeline` to pick a group).
//! Throughput is reported in bytes/s of input. For files/s and MB/s on a whole folder use
//! `form4 bench DIR` (see the README).

// criterion_group!/criterion_main! generate undocumented functions.
#![allow(missing_docs)]

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// How many corpus files the corpus sample takes (every n-th file, in name order).
const CORPUS_SAMPLE: usize = 48;

fn read_dir_sorted(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The inputs: (name, concatenated texts of the set, one text per file).
fn sets() -> Vec<(&'static str, Vec<String>)> {
    let fixtures: Vec<String> = read_dir_sorted(Path::new("tests/fixtures"))
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let mut sets = vec![("fixtures", fixtures)];
    let corpus: Vec<std::path::PathBuf> = read_dir_sorted(Path::new("../shared/corpus"))
        .iter()
        .filter(|d| d.is_dir())
        .flat_map(|d| read_dir_sorted(d))
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    if !corpus.is_empty() {
        let step = (corpus.len() / CORPUS_SAMPLE).max(1);
        let sample = corpus
            .iter()
            .step_by(step)
            .take(CORPUS_SAMPLE)
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        sets.push(("corpus_sample", sample));
    }
    sets
}

fn benches(c: &mut Criterion) {
    for (name, texts) in sets() {
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut g = c.benchmark_group("grammar");
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &texts, |b, texts| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| form4_grammar::parse(t).map_or(0, |d| d.blocks.len()))
                    .sum::<usize>()
            })
        });
        g.finish();

        let mut g = c.benchmark_group("pipeline");
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.bench_with_input(BenchmarkId::from_parameter(name), &texts, |b, texts| {
            b.iter(|| {
                texts
                    .iter()
                    .filter_map(|t| form4::parse(t).ok())
                    .map(|r| serde_json::to_vec(&r).map_or(0, |v| v.len()))
                    .sum::<usize>()
            })
        });
        g.finish();
    }
}

criterion_group!(benches_group, benches);
criterion_main!(benches_group);
