#!/usr/bin/env bash
# Long fuzz round: every fuzz target of src/fuzz.rs with N mutated inputs each
# (default 20000), in release mode. A failing input is saved under
# target/fuzz-findings/ and named in the failure.
# Usage: scripts/fuzz.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
echo "fuzzing: $N inputs per target"
time DOSSIER_FUZZ_ITERATIONS="$N" cargo test --release --lib fuzz -- --test-threads=2
