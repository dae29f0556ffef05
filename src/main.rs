//! The `form4` command line: `parse`, `explain`, `schema` and `bench`.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
