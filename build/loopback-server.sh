# Sourced by build/cold-start.sh, build/steady-memory.sh and build/cpu-per-call.sh (not run on its own).
# start_loopback_server LOG: starts the loopback server of build/Modal.Client.Benchmarks (built in Release beforehand) in
# its own process, kept alive on a pipe for the whole run, and sets `loopback_base` to its base URL. The server stops
# when its standard input (the calling script's descriptor 3, the only writer of the pipe) closes: at the script's exit.
# Child processes that must not keep the server alive are started with `3>&-`.
start_loopback_server() {
  local log="$1" fifo
  fifo="$(mktemp -u)"; mkfifo "$fifo"
  build/Modal.Client.Benchmarks/bin/Release/net10.0/Modal.Client.Benchmarks --serve <"$fifo" >"$log" 2>&1 &
  loopback_server_pid=$!
  exec 3>"$fifo"; rm -f "$fifo"
  trap 'exec 3>&-; wait "$loopback_server_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do grep -q '^listening ' "$log" 2>/dev/null && break; sleep 0.1; done
  loopback_base="$(sed -n 's/^listening //p' "$log")"
  [ -n "$loopback_base" ] || { echo "the loopback server did not start (see $log)"; exit 1; }
}
