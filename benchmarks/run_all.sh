#!/usr/bin/env sh
# Run every external benchmark and rewrite benchmarks/RESULTS.md (the corpora stay in
# ../shared/bench, or $TRIALEX_BENCH). Extra arguments go to `trialex bench`, e.g. --limit 50.
set -eu
cd "$(dirname "$0")/.."
exec .venv/bin/trialex bench all --results benchmarks/RESULTS.md "$@"
