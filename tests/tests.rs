//! Integration tests of the whole pipeline, one binary (see `[[test]]` in Cargo.toml).

mod accounting;
mod cli;
mod export;
mod hostile;
mod properties;
mod snapshots;
