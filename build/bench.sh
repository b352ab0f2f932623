#!/usr/bin/env bash
# Runs the Modal.Client benchmarks in Release against a Kestrel loopback server that answers like the Modal apps
# (1.3 MiB and 16 KiB PNGs for /flux, 30 and 200 MiB MP4s for /video-faceswap, a 50 MiB data-URL upload), each beside a hand-written
# raw HttpClient + System.Text.Json baseline, then the load test (50 concurrent calls through one client, MaxConcurrentCallsPerApp = 50).
#
# Usage:
#   bash build/bench.sh                  # every BenchmarkDotNet benchmark, then the load test (about 5 minutes on 2 idle cores)
#   bash build/bench.sh '*Image*' [...]  # only the benchmarks that match the filter (more BenchmarkDotNet options may follow)
#   bash build/bench.sh --load [--calls 50] [--rounds 5]   # only the load test
#
# Results: artifacts/benchmarks/results/*-report-github.md (BenchmarkDotNet) and the load table on standard output.
# The recorded figures and the targets they are held to are in docs/benchmarks.md. Three scripts measure whole processes
# against the same loopback server: build/cold-start.sh (one call, then exit), build/steady-memory.sh (resident memory
# after 2,000 calls) and build/cpu-per-call.sh (the client process's own CPU per warm call).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
project=build/Modal.Client.Benchmarks
exe="$project/bin/Release/net10.0/Modal.Client.Benchmarks"
artifacts=artifacts/benchmarks
started=$SECONDS

load_average() { cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown; }
echo "Machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1), $(free -h 2>/dev/null | awk '/^Mem:/ {print $2}') memory; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(load_average)"
if awk -v cores="$(nproc)" '{ exit !($1 > cores) }' /proc/loadavg 2>/dev/null; then
  echo "Warning: the load average is above the core count: other work is running, so times will be noisy (allocations are not affected)."
fi
dotnet build "$project" -c Release -nologo -v quiet

mode="${1:-}"
case "$mode" in
  --load)
    shift
    "$exe" --load "$@"
    ;;
  "")
    "$exe" --filter '*' --artifacts "$artifacts"
    "$exe" --load
    ;;
  *)
    filter="$1"
    shift
    "$exe" --filter "$filter" --artifacts "$artifacts" "$@"
    ;;
esac

echo "Benchmarks finished in $((SECONDS - started)) s (load average now $(load_average))."
[ "$mode" = "--load" ] || echo "BenchmarkDotNet reports: $artifacts/results/*-report-github.md"
