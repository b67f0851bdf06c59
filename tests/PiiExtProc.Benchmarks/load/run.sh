#!/usr/bin/env bash
# Load benchmark: our ext_proc server vs a no-op ext_proc server built on the same host (ServerApplication), side by
# side in one run, alternating rounds. See ../README.md for what is measured and how to read it.
#
#   tests/PiiExtProc.Benchmarks/load/run.sh              # everything, about 8-10 minutes on 2 cores
#   ROUNDS=2 DURATION=5 tests/PiiExtProc.Benchmarks/load/run.sh h2load   # only the h2load part
#   tests/PiiExtProc.Benchmarks/load/run.sh client       # only the C# client (open loop, server-side times)
#   tests/PiiExtProc.Benchmarks/load/run.sh memory       # only the 10,000-stream memory probe
#
# Environment: ROUNDS (3), DURATION seconds per h2load/client run (5), CONNECTIONS (4), STREAMS per connection for
# h2load (-m, 16), CONCURRENCY for the C# client (32), MEMORY_STREAMS (10000), DATAS (unset = runtime default;
# 0 = DOTNET_GCDynamicAdaptationMode=0 on both servers), OUT (artifacts/load), SCENARIOS (C# client; comma-separated),
# WARMUP seconds of h2load per server and scenario before anything is measured (6; 0 skips it), STREAM_WINDOW_BITS /
# CONNECTION_WINDOW_BITS (h2load -w/-W, 21/23: the windows of envoy/envoy.yaml),
# SERVER_CPUS / CLIENT_CPUS (taskset CPU lists, unset = no pinning): e.g. SERVER_CPUS=0 CLIENT_CPUS=1 gives the servers
# one core and the load generators (h2load, the C# client) the other, so a server's throughput is its own CPU's and
# the client's latency is not queued behind the server's threads. The servers then see one processor (1 GC heap).
# OPEN_RATE (streams/s, unset = half of the C# client's closed-loop peak of our server): the open-loop rate; with the
# client pinned its closed loop is client-bound, so give half of our server's pinned h2load peak here.
#
# Warm-up matters: tiered compilation (tier 0 -> instrumented -> tier 1 with dynamic PGO) of the scanner takes
# 20-30 s of load on 2 busy cores, and during it our server runs at a fraction of its steady speed (pii-buffered:
# 770, 1,730, 5,100, 5,780 streams/s in consecutive 8 s runs). The no-op server has far less code to compile, so
# unwarmed short rounds compare a cold server with a warm one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
what="${1:-all}"
ROUNDS="${ROUNDS:-3}"; DURATION="${DURATION:-5}"; WARMUP="${WARMUP:-6}"; CONNECTIONS="${CONNECTIONS:-4}"; STREAMS="${STREAMS:-16}"
CONCURRENCY="${CONCURRENCY:-32}"; MEMORY_STREAMS="${MEMORY_STREAMS:-10000}"; OUT="${OUT:-artifacts/load}"
SCENARIOS="${SCENARIOS:-clean-buffered,pii-buffered,clean-streamed,pii-streamed,clean-buffered-1mb,pii-buffered-1mb}"
PII_PORT=50061; PII_ADMIN=9561; NOOP_PORT=50062; NOOP_ADMIN=9562
SERVERS="piiextproc:$PII_PORT:$PII_ADMIN,noop:$NOOP_PORT:$NOOP_ADMIN"
# h2load's receive windows, log2 bytes: those Envoy opens to the ext_proc cluster in envoy/envoy.yaml (2 MiB per stream,
# 8 MiB per connection; Envoy's own default is 256 MiB). h2load's default is 1 GiB; 16/16 (64 KiB) would throttle a
# server whose replies carry bodies back, which Envoy as configured does not.
STREAM_WINDOW_BITS="${STREAM_WINDOW_BITS:-21}"; CONNECTION_WINDOW_BITS="${CONNECTION_WINDOW_BITS:-23}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v h2load >/dev/null; then
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nghttp2-client >/dev/null
fi
command -v curl >/dev/null || { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq curl >/dev/null; }

dotnet build tests/PiiExtProc.Benchmarks -c Release -v q -nologo >/dev/null
bench=(dotnet tests/PiiExtProc.Benchmarks/bin/Release/net10.0/PiiExtProc.Benchmarks.dll)
server_pin=(); client_pin=()
if [ -n "${SERVER_CPUS:-}" ]; then server_pin=(taskset -c "$SERVER_CPUS"); fi
if [ -n "${CLIENT_CPUS:-}" ]; then client_pin=(taskset -c "$CLIENT_CPUS"); fi
mkdir -p "$OUT"
"${bench[@]}" frames --out "$OUT/frames" >/dev/null

# Both servers run for the whole script; an idle server costs nothing, so each round measures one of them.
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
start_server() { # kind port admin
  if [ -n "${DATAS:-}" ]; then export DOTNET_GCDynamicAdaptationMode="$DATAS"; fi
  # the container image's runtime setting (src/PiiExtProc/Dockerfile), on both servers; the log levels are serve's own
  # (Hosting/LoggingDefaults.cs: no line per stream)
  DOTNET_TC_CallCountingDelayMs=0 "${server_pin[@]}" "${bench[@]}" server --kind "$1" --grpc-port "$2" --admin-port "$3" >"$OUT/server-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$3/bench/stats" >/dev/null && return 0; sleep 0.2; done
  echo "server $1 did not start; see $OUT/server-$1.log" >&2; exit 1
}
start_server piiextproc $PII_PORT $PII_ADMIN
start_server noop $NOOP_PORT $NOOP_ADMIN
echo "servers up: piiextproc :$PII_PORT, noop :$NOOP_PORT (DOTNET_GCDynamicAdaptationMode=${DATAS:-default}); $(nproc) cores; servers on CPUs ${SERVER_CPUS:-any}, clients on ${CLIENT_CPUS:-any}"

url() { echo "http://127.0.0.1:$1/envoy.service.ext_proc.v3.ExternalProcessor/Process"; }

# One stream of each payload through curl: h2load counts HTTP 200 as success whatever grpc-status says, so check
# grpc-status 0 and the number of replies (5-byte gRPC prefix + message each) here.
check_payloads() {
  for f in "$OUT"/frames/*.grpc; do
    name=$(basename "$f" .grpc)
    for server in piiextproc:$PII_PORT noop:$NOOP_PORT; do
      port=${server#*:}
      curl -s --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' \
        --data-binary @"$f" -D "$OUT/check.headers" -o "$OUT/check.body" "$(url "$port")"
      status=$(tr -d '\r' <"$OUT/check.headers" | awk -F': ' 'tolower($1)=="grpc-status"{print $2}' | tail -1)
      replies=$(python3 - "$OUT/check.body" <<'PY'
import struct,sys
b=open(sys.argv[1],'rb').read(); n=i=0
while i+5<=len(b): i+=5+struct.unpack('>I',b[i+1:i+5])[0]; n+=1
print(n)
PY
)
      expected=$(cat "$OUT/frames/$name.replies")
      # ours asks Envoy for more time (override_message_timeout) before each body of 1 MiB or more
      if [ "${server%%:*}" = piiextproc ]; then expected=$((expected + $(cat "$OUT/frames/$name.more-time"))); fi
      echo "check $name on ${server%%:*}: grpc-status=${status:-missing} replies=$replies/$expected"
      if [ "$status" != "0" ] || [ "$replies" != "$expected" ]; then echo "payload check failed" >&2; exit 1; fi
    done
  done
}

# Every scenario against both servers, unmeasured, so that both run steady-state (tier 1) code when rounds start.
warm_up() {
  [ "$WARMUP" -gt 0 ] || return 0
  for f in "$OUT"/frames/*.grpc; do
    for port in $PII_PORT $NOOP_PORT; do
      "${client_pin[@]}" h2load -c "$CONNECTIONS" -m 4 -t 1 -D "$WARMUP" -w "$STREAM_WINDOW_BITS" -W "$CONNECTION_WINDOW_BITS" -H 'content-type: application/grpc' -H 'te: trailers' \
        -d "$f" "$(url "$port")" >/dev/null 2>&1 || true
    done
  done
  echo "warmed up: ${WARMUP} s of each scenario on each server"
}

run_h2load() {
  local dir="$OUT/h2load"; rm -rf "$dir"; mkdir -p "$dir"
  for f in "$OUT"/frames/*.grpc; do
    name=$(basename "$f" .grpc)
    local c=$CONNECTIONS m=$STREAMS
    case "$name" in *1mb) c=1; m=2;; esac
    curl -sf "http://127.0.0.1:$PII_ADMIN/bench/reset" >/dev/null; curl -sf "http://127.0.0.1:$NOOP_ADMIN/bench/reset" >/dev/null
    for round in $(seq 1 "$ROUNDS"); do
      if [ $((round % 2)) = 1 ]; then order="piiextproc:$PII_PORT noop:$NOOP_PORT"; else order="noop:$NOOP_PORT piiextproc:$PII_PORT"; fi
      for server in $order; do
        "${client_pin[@]}" h2load -c "$c" -m "$m" -t 1 -D "$DURATION" --warm-up-time 1 -w "$STREAM_WINDOW_BITS" -W "$CONNECTION_WINDOW_BITS" \
          -H 'content-type: application/grpc' -H 'te: trailers' -d "$f" \
          --log-file "$dir/$name.${server%%:*}.$round.log" "$(url "${server#*:}")" >"$dir/$name.${server%%:*}.$round.out" 2>&1
      done
    done
    curl -sf "http://127.0.0.1:$PII_ADMIN/bench/stats" >"$dir/$name.piiextproc.stats"
    curl -sf "http://127.0.0.1:$NOOP_ADMIN/bench/stats" >"$dir/$name.noop.stats"
  done
  echo "## h2load: -c $CONNECTIONS -m $STREAMS -t 1 -D $DURATION -w $STREAM_WINDOW_BITS -W $CONNECTION_WINDOW_BITS, $ROUNDS rounds per server, alternating (1 MB: -c 1 -m 2)"
  "${bench[@]}" h2report --dir "$dir" --servers piiextproc,noop
}

case "$what" in
  all) check_payloads; warm_up; run_h2load
       "${client_pin[@]}" "${bench[@]}" load --servers "$SERVERS" --connections "$CONNECTIONS" --concurrency "$CONCURRENCY" --duration "$DURATION" --rounds "$ROUNDS" --scenarios "$SCENARIOS" --open-rate "${OPEN_RATE:-0}"
       "${bench[@]}" memory --servers "$SERVERS" --streams "$MEMORY_STREAMS" ;;
  check) check_payloads ;;
  h2load) check_payloads; warm_up; run_h2load ;;
  client) warm_up; "${client_pin[@]}" "${bench[@]}" load --servers "$SERVERS" --connections "$CONNECTIONS" --concurrency "$CONCURRENCY" --duration "$DURATION" --rounds "$ROUNDS" --scenarios "$SCENARIOS" --open-rate "${OPEN_RATE:-0}" ;;
  memory) "${bench[@]}" memory --servers "$SERVERS" --streams "$MEMORY_STREAMS" ;;
  *) echo "usage: $0 [all|check|h2load|client|memory]" >&2; exit 2 ;;
esac
