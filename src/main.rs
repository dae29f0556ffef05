//! The `form4` command line.

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: form4 parse FILE   print the record of one converted filing as JSON";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["parse", path] => parse_one(path),
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse_one(path: &str) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("form4: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let record = match form4::parse_bytes(&bytes) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("form4: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, &record)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("form4: writing the record: {e}");
            ExitCode::from(1)
        }
    }
}
