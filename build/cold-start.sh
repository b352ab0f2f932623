#!/usr/bin/env bash
# Cold start (issue 18): the wall-clock time of a whole process that builds the service provider, makes one POST /flux
# (a 16 KiB PNG answer) against the loopback server of build/Modal.Client.Benchmarks and exits: the SDK
# (AddModalClient + Flux.SchnellAsync) beside a raw HttpClient baseline (build/Modal.Client.ColdStart), under JIT and,
# when clang and zlib are present (build/aot-smoke.sh installs them), under Native AOT. A third build, the same app
# published ReadyToRun (every assembly, the SDK's dependencies included, precompiled; the JIT still compiles what R2R
# cannot hold, such as generic instantiations across assemblies), shows what an application gains by publishing so.
# Runs alternate SDK and raw; the medians of RUNS runs (10 by default) are printed with the SDK/raw ratios.
#
# Usage: bash build/cold-start.sh [RUNS]          (MODAL_COLD_START_SKIP_AOT=1 skips the Native AOT build)
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
runs="${1:-10}"
project=build/Modal.Client.ColdStart/Modal.Client.ColdStart.csproj
bench=build/Modal.Client.Benchmarks
jit_out=artifacts/cold-start/jit
aot_out=artifacts/cold-start/aot
r2r_out=artifacts/cold-start/r2r
load_average() { cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown; }
echo "Machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(load_average)"

dotnet build "$bench" -c Release -nologo -v quiet >/dev/null
dotnet build "$project" -c Release -nologo -v quiet -o "$jit_out" >/dev/null
case "$(uname -m)" in x86_64 | amd64) rid=linux-x64 ;; aarch64 | arm64) rid=linux-arm64 ;; *) rid="" ;; esac
r2r=0
if [ -n "$rid" ] && dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$r2r_out" -nologo -v quiet >artifacts/cold-start-r2r.log 2>&1; then
  r2r=1
else
  echo "ReadyToRun: the publish failed (see artifacts/cold-start-r2r.log); skipped."
fi
aot=0
if [ "${MODAL_COLD_START_SKIP_AOT:-}" != "1" ] && command -v clang >/dev/null 2>&1 && [ -f /usr/include/zlib.h ]; then
  if [ -n "$rid" ] && dotnet publish "$project" -c Release -r "$rid" -p:PublishAot=true -o "$aot_out" -nologo -v quiet >artifacts/cold-start-aot.log 2>&1; then
    aot=1
  else
    echo "Native AOT: the publish failed (see artifacts/cold-start-aot.log); JIT only."
  fi
else
  echo "Native AOT: skipped (MODAL_COLD_START_SKIP_AOT=1, or no clang and zlib1g-dev: bash build/aot-smoke.sh installs them as root)."
fi

# The loopback server in its own process for the whole run (build/loopback-server.sh).
source build/loopback-server.sh
start_loopback_server artifacts/cold-start-server.out
url="${loopback_base}small/"

time_ms() { # prints the wall-clock milliseconds of one run of "$@"; fails when the run fails
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 3>&-
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

set_exe() { # the command line of one build of the app: jit, r2r or aot
  case "$1" in
    jit) exe=(dotnet "$jit_out/Modal.Client.ColdStart.dll") ;;
    r2r) exe=(dotnet "$r2r_out/Modal.Client.ColdStart.dll") ;;
    *) exe=("$aot_out/Modal.Client.ColdStart") ;;
  esac
}

declare -A samples
modes=(jit)
[ "$r2r" = "1" ] && modes+=(r2r)
[ "$aot" = "1" ] && modes+=(aot)
for mode in "${modes[@]}"; do
  set_exe "$mode"
  "${exe[@]}" sdk "$url" >/dev/null 3>&- && "${exe[@]}" raw "$url" >/dev/null 3>&- # file cache warm, not the process
  for _ in $(seq 1 "$runs"); do
    for client in raw sdk; do
      samples[$mode-$client]+="$(time_ms "${exe[@]}" "$client" "$url") "
    done
  done
done

jit_methods() { MODAL_COLD_START_JIT_COUNT=1 "$@" 3>&- | sed -n 's/^jit-methods //p'; }
declare -A methods
for mode in "${modes[@]}"; do
  set_exe "$mode"
  methods[$mode-raw]=$(jit_methods "${exe[@]}" raw "$url")
  methods[$mode-sdk]=$(jit_methods "${exe[@]}" sdk "$url")
done

echo
echo "| Build | Raw HttpClient (median ms) | SDK (median ms) | SDK / raw | Runs | Methods JIT-compiled, raw / SDK |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for mode in "${modes[@]}"; do
  raw=$(tr ' ' '\n' <<<"${samples[$mode-raw]}" | grep . | median)
  sdk=$(tr ' ' '\n' <<<"${samples[$mode-sdk]}" | grep . | median)
  ratio=$(awk -v s="$sdk" -v r="$raw" 'BEGIN { printf "%.2fx", s / r }')
  case "$mode" in
    jit) label="JIT (dotnet app.dll)" ;;
    r2r) label="JIT, app published ReadyToRun" ;;
    *) label="Native AOT" ;;
  esac
  echo "| $label | $raw | $sdk | $ratio | $runs | ${methods[$mode-raw]} / ${methods[$mode-sdk]} |"
  echo "  samples $mode raw: ${samples[$mode-raw]}" >&2
  echo "  samples $mode sdk: ${samples[$mode-sdk]}" >&2
done
echo "Load average at the end: $(load_average)"
