//! The `form4` command line: `parse`, `explain`, `schema` and `bench`.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}

// The pipeline makes hundreds of thousands of small, short-lived allocations per megabyte
// (tokens, segments, label hits): with glibc's allocator they cost about a sixth of the
// run (`form4 bench`, callgrind); mimalloc's thread-local free lists cost a fraction.
// The libraries leave the choice to their users.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
