#!/usr/bin/env bash
# Builds target/release/form4 with profile-guided optimization (PGO).
#
#   scripts/pgo.sh [TRAINING INPUT...]      # default: tests/fixtures
#
# An instrumented build runs the whole pipeline (`form4 bench`) over the training inputs;
# LLVM then lays out and inlines the release build by the branches and calls those runs
# took. The parser is branchy code (a pest grammar, label search, row alignment), where
# this pays: callgrind counts 12 % fewer instructions on ../shared/corpus when trained on
# tests/fixtures alone (46 of its 766 inputs). Output is the same as a plain
# `cargo build --release` (PGO changes code layout, never what the code does).
#
# Needs rustup's llvm-tools (installed here if missing) for llvm-profdata. A later plain
# `cargo build --release` rebuilds without the profile.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v rustup >/dev/null; then
    rustup component add llvm-tools >/dev/null 2>&1 || true
fi
host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
    echo "pgo.sh: $profdata not found (rustup component add llvm-tools)" >&2
    exit 1
fi

inputs=("$@")
if [ ${#inputs[@]} -eq 0 ]; then
    inputs=(tests/fixtures)
fi

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

# Its own target folder, so the instrumented build does not replace target/release.
RUSTFLAGS="-Cprofile-generate=$data" \
    cargo build --release --locked --bin form4 --target-dir target/pgo-generate
target/pgo-generate/release/form4 bench "${inputs[@]}" -j 1 --repeat 3 >/dev/null

"$profdata" merge -o target/pgo.profdata "$data"
RUSTFLAGS="-Cprofile-use=$PWD/target/pgo.profdata" cargo build --release --locked --bin form4
echo "pgo.sh: target/release/form4 built with target/pgo.profdata" >&2
