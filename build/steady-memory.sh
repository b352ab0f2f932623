#!/usr/bin/env bash
# Steady-state resident memory (issue 18): a process that makes CALLS sequential POST /flux calls (2,000 by default)
# against the loopback server of build/Modal.Client.Benchmarks, then reads its own /proc/self/status: the SDK
# (AddModalClient + Flux.SchnellAsync) beside the raw HttpClient baseline of build/cold-start.sh (one HttpClient over a
# SocketsHttpHandler, a source-generated STJ body, one read into an array presized from Content-Length), for the 1.3 MiB
# and the 16 KiB PNG answer. Both run in the one program build/Modal.Client.ColdStart (`steady sdk|raw <url> [calls]`),
# so they share its runtimeconfig: workstation concurrent GC, tiered JIT (the console-app defaults). Runs alternate raw
# and SDK; the medians of RUNS runs (5 by default, about a minute) of VmRSS (resident now) and VmHWM (its peak) are
# printed with the SDK/raw ratios, then the medians of what makes up the difference.
# The GC mode matters at 1.3 MiB: the GC makes its LOH-triggered gen2 collections background ones only once gen2 holds
# about 1 MiB of small objects, which the SDK's process does and the bare raw process does not; background collections
# let results allocated meanwhile survive, so more LOH stays resident. DOTNET_gcConcurrent=0 (inherited by both clients)
# runs both with blocking collections, to compare them without that difference; the table says which mode ran.
#
# Usage: bash build/steady-memory.sh [RUNS] [CALLS]
#        DOTNET_gcConcurrent=0 bash build/steady-memory.sh       both clients with blocking (non-concurrent) collections
#        MODAL_STEADY_DETAIL=1 bash build/steady-memory.sh   also writes one `--detail` run of each client and size to
#        artifacts/steady-memory/detail-*.txt (loaded assemblies and what loaded them, JIT'd code and loaded types by
#        namespace, the /proc/self/smaps breakdown, the heap after a full collection)
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
runs="${1:-5}"
calls="${2:-2000}"
project=build/Modal.Client.ColdStart/Modal.Client.ColdStart.csproj
bench=build/Modal.Client.Benchmarks
out=artifacts/steady-memory
load_average() { cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown; }
echo "Machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1), $(free -h 2>/dev/null | awk '/^Mem:/ {print $2}') memory; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(load_average)"

mkdir -p "$out"
dotnet build "$bench" -c Release -nologo -v quiet >/dev/null
dotnet build "$project" -c Release -nologo -v quiet -o "$out/jit" >/dev/null
exe=(dotnet "$out/jit/Modal.Client.ColdStart.dll")

# The loopback server in its own process for the whole run (build/loopback-server.sh).
source build/loopback-server.sh
start_loopback_server "$out/server.out"
base="$loopback_base"

# The server's path prefixes (LoopbackServer.ImagePrefix and SmallImagePrefix) and how each row is labelled.
sizes=(image small)
declare -A label=([image]="1.3 MiB PNG" [small]="16 KiB PNG")
fields=(vmrss_kib vmhwm_kib rss_anon_kib rss_file_kib rss_shmem_kib gc_committed_kib gc_heap_kib assemblies jit_methods)

declare -A samples
gc_mode=unknown
for _ in $(seq 1 "$runs"); do
  for size in "${sizes[@]}"; do
    for client in raw sdk; do
      line="$("${exe[@]}" steady "$client" "$base$size/" "$calls" 3>&-)"
      for field in "${fields[@]}"; do
        samples[$size-$client-$field]+="$(sed -n "s/.* $field=\([0-9]*\).*/\1/p" <<<"$line") "
      done
      gc_mode="$(sed -n 's/.* gc_mode=\([^ ]*\).*/\1/p' <<<"$line")"
    done
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
med() { median <<<"${samples[$1]}"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v s="$1" -v r="$2" 'BEGIN { printf "%.2fx", s / r }'; }

echo
echo "GC: $gc_mode (one runtimeconfig for both clients); $calls sequential calls per process; medians of $runs runs"
echo
echo "| Answer | Raw VmRSS (MiB) | SDK VmRSS (MiB) | SDK / raw | Raw VmHWM (MiB) | SDK VmHWM (MiB) | SDK / raw | Runs |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for size in "${sizes[@]}"; do
  rr=$(med "$size-raw-vmrss_kib"); sr=$(med "$size-sdk-vmrss_kib")
  rh=$(med "$size-raw-vmhwm_kib"); sh=$(med "$size-sdk-vmhwm_kib")
  echo "| ${label[$size]}, $calls calls | $(mib "$rr") | $(mib "$sr") | $(ratio "$sr" "$rr") | $(mib "$rh") | $(mib "$sh") | $(ratio "$sh" "$rh") | $runs |"
done

echo
echo "Where the resident set is (medians, raw / SDK; RssAnon + RssFile + RssShmem = VmRSS; RssShmem is the runtime's"
echo "double-mapped executable memory: JIT'd code, stubs and type-loader heaps):"
echo
echo "| Answer | RssAnon (MiB) | RssFile (MiB) | RssShmem (MiB) | GC committed (MiB) | GC heap after the last GC (MiB) | Assemblies | JIT'd methods |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for size in "${sizes[@]}"; do
  row="| ${label[$size]}"
  for field in rss_anon_kib rss_file_kib rss_shmem_kib gc_committed_kib gc_heap_kib; do
    row+=" | $(mib "$(med "$size-raw-$field")") / $(mib "$(med "$size-sdk-$field")")"
  done
  for field in assemblies jit_methods; do
    row+=" | $(med "$size-raw-$field") / $(med "$size-sdk-$field")"
  done
  echo "$row |"
done
for size in "${sizes[@]}"; do
  for client in raw sdk; do
    echo "  samples $size $client KiB: VmRSS ${samples[$size-$client-vmrss_kib]}; VmHWM ${samples[$size-$client-vmhwm_kib]}; GC heap ${samples[$size-$client-gc_heap_kib]}" >&2
  done
done

if [ "${MODAL_STEADY_DETAIL:-}" = "1" ]; then
  for size in "${sizes[@]}"; do
    for client in raw sdk; do
      MODAL_STEADY_TYPE_LIST="$out/types-$size-$client.txt" "${exe[@]}" steady "$client" "$base$size/" "$calls" --detail >"$out/detail-$size-$client.txt" 3>&-
    done
  done
  echo
  echo "Details: $out/detail-{image,small}-{raw,sdk}.txt (and the loaded type names in $out/types-*.txt)"
fi
echo "Load average at the end: $(load_average)"
