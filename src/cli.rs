//! Argument parsing and dispatch.

mod batch;
mod bench;
mod explain;
mod inputs;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Read renderings of SEC Forms 3, 4 and 5 (Markdown, HTML-ish text, OCR) into exact records.
#[derive(Debug, Parser)]
#[command(name = "form4", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse filings: one FILE prints one JSON record; several inputs stream JSON Lines.
    ///
    /// Inputs are files, directories (searched recursively for files with the --ext
    /// extensions), glob patterns (`'archive/**/*.md'`) and `-` (one document on standard
    /// input). One bad input never stops a batch: it is reported on stderr and as an error
    /// entry, and the exit status is 1.
    Parse(ParseArgs),
    /// Show the layout tree of one file and every repair, warning and unmapped text.
    Explain {
        /// The converted filing.
        file: PathBuf,
    },
    /// Print the JSON Schema of the record.
    Schema,
    /// Measure throughput (files/s, MB/s) of the whole pipeline on files in memory.
    Bench(bench::BenchArgs),
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// One record as JSON (several: a JSON array, each with `source`).
    Json,
    /// One JSON object per line with its `source` (errors: `{"source", "error"}`).
    Jsonl,
    /// The SEC Insider Transactions Data Sets tables, one file per table, in --output DIR.
    Csv,
    /// An EDGAR ownershipDocument (X0508) per record; several go to --output DIR.
    Xml,
}

/// Options of `form4 parse`.
#[derive(Debug, clap::Args)]
pub(crate) struct ParseArgs {
    /// Files, directories, glob patterns, or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Output format [default: json for one file, jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Write to this file (json, jsonl, one xml) or directory (csv, several xml).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Compact JSON for a single record (jsonl is always compact).
    #[arg(long)]
    pub compact: bool,
    /// Treat a record with warnings as a failure.
    #[arg(long)]
    pub strict: bool,
    /// File extensions taken from directories.
    #[arg(long, value_delimiter = ',', default_value = "md,txt,markdown")]
    pub ext: Vec<String>,
    /// `KEY,CIK` lines mapping issuer tickers/names and owner names to CIKs (csv, xml).
    #[arg(long, value_name = "FILE")]
    pub cik_map: Option<PathBuf>,
    /// csv: write tab-separated `.tsv` files, like the SEC's data sets.
    #[arg(long)]
    pub tsv: bool,
    /// Worker threads [default: all cores].
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// Most results held for reordering (bounds memory; output stays in input order).
    #[arg(long, default_value_t = 256)]
    pub window: usize,
    /// Never draw a progress bar (it is drawn only when stderr is a terminal).
    #[arg(long)]
    pub no_progress: bool,
}

/// Runs the command line.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Parse(args) => batch::parse(args),
        Command::Explain { file } => explain::explain(&file),
        Command::Schema => schema(),
        Command::Bench(args) => bench::bench(args),
    }
}

fn schema() -> ExitCode {
    let schema = schemars::schema_for!(form4::Record);
    match serde_json::to_string_pretty(&schema) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("form4: {e}");
            ExitCode::FAILURE
        }
    }
}
