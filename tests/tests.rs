//! Integration tests of the whole pipeline, one binary (see `[[test]]` in Cargo.toml).

mod cli;
mod snapshots;
