#!/usr/bin/env bash
# CPU per call (issue 18's first targets): what one warm sequential POST /flux costs the client process alone, the SDK
# (AddModalClient + Flux.SchnellAsync) beside the raw limit (one HttpClient over a SocketsHttpHandler, a source-generated
# System.Text.Json body, one read into an array presized from Content-Length), for the 16 KiB and the 1.3 MiB PNG answer.
# The loopback server of build/Modal.Client.Benchmarks runs in its own process, so the client's CPU time (user + system,
# every thread, from the process's own counters) holds no server work; BenchmarkDotNet's wall-clock times do, as client
# and server share the cores. Each measurement is a fresh process of build/Modal.Client.ColdStart (`cpu sdk|raw <url>
# [calls]`): 3,000 warm-up calls, then more until the JIT is quiet, then CALLS measured calls (10,000 by default). Runs
# alternate raw and SDK; the medians of RUNS runs (5 by default, about two minutes) are printed with the SDK/raw ratios,
# with the exact per-call counts of thread-pool work items and bytes allocated.
#
# Usage: bash build/cpu-per-call.sh [RUNS] [CALLS]
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
runs="${1:-5}"
calls="${2:-10000}"
project=build/Modal.Client.ColdStart/Modal.Client.ColdStart.csproj
bench=build/Modal.Client.Benchmarks
out=artifacts/cpu-per-call
load_average() { cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown; }
echo "Machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(load_average)"

mkdir -p "$out"
dotnet build "$bench" -c Release -nologo -v quiet >/dev/null
dotnet build "$project" -c Release -nologo -v quiet -o "$out/jit" >/dev/null
exe=(dotnet "$out/jit/Modal.Client.ColdStart.dll")

# The loopback server in its own process for the whole run (build/loopback-server.sh).
source build/loopback-server.sh
start_loopback_server "$out/server.out"
base="$loopback_base"

sizes=(small image)
declare -A label=([image]="1.3 MiB PNG" [small]="16 KiB PNG")
fields=(cpu_us wall_us work_items allocated_b)
declare -A samples
for _ in $(seq 1 "$runs"); do
  for size in "${sizes[@]}"; do
    for client in raw sdk; do
      line="$("${exe[@]}" cpu "$client" "$base$size/" "$calls" 3>&-)"
      for field in "${fields[@]}"; do
        samples[$size-$client-$field]+="$(sed -n "s/.* $field=\([0-9.]*\).*/\1/p" <<<"$line") "
      done
    done
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
med() { median <<<"${samples[$1]}"; }
ratio() { awk -v s="$1" -v r="$2" 'BEGIN { printf "%.2fx", s / r }'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1024 }'; }

echo
echo "$calls measured calls per process after the JIT is quiet; medians of $runs runs"
echo
echo "| Answer | Raw CPU per call (μs) | SDK CPU per call (μs) | SDK / raw | Raw wall (μs) | SDK wall (μs) | Work items per call, raw / SDK | Allocated per call (KB), raw / SDK | Runs |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for size in "${sizes[@]}"; do
  rc=$(med "$size-raw-cpu_us"); sc=$(med "$size-sdk-cpu_us")
  echo "| ${label[$size]} | $rc | $sc | $(ratio "$sc" "$rc") | $(med "$size-raw-wall_us") | $(med "$size-sdk-wall_us") | $(med "$size-raw-work_items") / $(med "$size-sdk-work_items") | $(kb "$(med "$size-raw-allocated_b")") / $(kb "$(med "$size-sdk-allocated_b")") | $runs |"
done
for size in "${sizes[@]}"; do
  for client in raw sdk; do
    echo "  samples $size $client CPU μs: ${samples[$size-$client-cpu_us]}" >&2
  done
done
echo "Load average at the end: $(load_average)"
