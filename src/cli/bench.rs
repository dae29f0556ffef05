//! `form4 bench`: files/s and MB/s of the whole pipeline (parse, normalize, JSON).
//!
//! Files are read into memory first, so the figures measure the pipeline, not the disk.

use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

use super::inputs::{self, Input};

/// Options of `form4 bench`.
#[derive(Debug, clap::Args)]
pub(crate) struct BenchArgs {
    /// Files, directories or glob patterns.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// File extensions taken from directories.
    #[arg(long, value_delimiter = ',', default_value = "md,txt,markdown")]
    ext: Vec<String>,
    /// Passes over the files; the fastest is reported.
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// Threads for the parallel run [default: all cores].
    #[arg(short, long)]
    jobs: Option<usize>,
}

pub(crate) fn bench(args: BenchArgs) -> ExitCode {
    let mut files = Vec::new();
    for input in inputs::expand(&args.inputs, &args.ext) {
        match input {
            Input::File(p) => match std::fs::read(&p) {
                Ok(b) => files.push(b),
                Err(e) => eprintln!("form4: {}: {e}", p.display()),
            },
            Input::Stdin => eprintln!("form4: bench reads files, not standard input"),
            Input::Missing { source, reason } => eprintln!("form4: {source}: {reason}"),
        }
    }
    if files.is_empty() {
        eprintln!("form4: no input files");
        return ExitCode::from(1);
    }
    let bytes: usize = files.iter().map(Vec::len).sum();
    std::panic::set_hook(Box::new(|_| {}));
    let threads = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    println!(
        "form4 bench: {} files, {:.2} MB, best of {} passes (parse + normalize + JSON)",
        files.len(),
        bytes as f64 / 1e6,
        args.repeat.max(1)
    );
    for n in if threads > 1 {
        vec![1, threads]
    } else {
        vec![1]
    } {
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(p) => p,
            Err(e) => {
                eprintln!("form4: {e}");
                return ExitCode::from(1);
            }
        };
        let mut best = f64::INFINITY;
        let mut failed = 0;
        for _ in 0..args.repeat.max(1) {
            let t = Instant::now();
            failed = pool.install(|| files.par_iter().map(|b| one(b)).filter(|ok| !ok).count());
            best = best.min(t.elapsed().as_secs_f64());
        }
        let best = best.max(1e-9);
        println!(
            "  {n} thread{}: {:.3} s, {:.0} files/s, {:.1} MB/s ({:.1} MB/s per thread), {failed} not a form",
            if n == 1 { " " } else { "s" },
            best,
            files.len() as f64 / best,
            bytes as f64 / 1e6 / best,
            bytes as f64 / 1e6 / best / n as f64,
        );
    }
    ExitCode::SUCCESS
}

/// The whole pipeline on one file, JSON written to a sink; false when it gave no record.
/// A panic (a bug) counts as no record.
fn one(bytes: &[u8]) -> bool {
    std::panic::catch_unwind(|| match form4::parse_bytes(bytes) {
        Ok(record) => serde_json::to_writer(std::io::sink(), &record).is_ok(),
        Err(_) => false,
    })
    .unwrap_or(false)
}
