#!/usr/bin/env bash
# Runs the whole system on embedded defaults: the gateway (with its in-process MQTT broker and
# time-series server) and a simulation of the bundled demo community. Needs only a JDK 17+.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

HTTP_PORT="${SHOUWANG_HTTP_PORT:-8080}"
MQTT_PORT="${SHOUWANG_EMBEDDED_MQTT_PORT:-11883}"
REGISTRY=gateway/src/main/resources/registry/demo-registry.yaml
LOGS=data/logs
mkdir -p "$LOGS"

echo "Building (first run downloads Maven and the dependencies; later runs take seconds)..."
./mvnw -q -B -DskipTests package

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

# Demo rules: a silent smoke alarm is reported after 2.5 minutes instead of ten (the simulator needs
# about a minute to connect every device, and a device never heard is timed from start-up).
SHOUWANG_ALERTING_RULES_FILE=demo/rules.yaml java -jar gateway/target/shouwang-gateway.jar &
pids+=($!)

# GET /ready with bash alone (a fresh machine may have no curl): true on HTTP 200.
ready() {
  { exec 3<>"/dev/tcp/127.0.0.1/${HTTP_PORT}"; } 2>/dev/null || return 1
  printf 'GET /ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  local status; read -r _ status _ <&3 || true
  exec 3>&-
  [ "$status" = "200" ]
}

# Wait until the gateway is ready (broker connected, store writable), at most 90 s.
for _ in $(seq 1 180); do
  if ready; then break; fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then echo "the gateway exited; see the log above" >&2; exit 1; fi
  sleep 0.5
done

SIM="java -jar device-sim/target/shouwang-device-sim.jar"
BROKER="tcp://127.0.0.1:${MQTT_PORT}"
# Background life of every demo device, 60x faster than real time so data shows at once; the
# smoke alarm of hh-0003 is unplugged (connected, silent) and will be reported as protection lost.
$SIM run --broker "$BROKER" --registry "$REGISTRY" --speedup 60 --duration 0 --silent smk-0003 \
  >"$LOGS/device-sim.log" 2>&1 &
pids+=($!)
# Scripted incidents: a button press (paged to the grid caregivers, escalating to family after
# 60 s unless accepted), a gas leak (the gateway closes the valve and records the confirmation),
# and a burst of malformed and spoofed messages (refused, counted, in /dead-letters).
# Each scenario connects its devices under their own client ids and seed (so boot ids differ):
# the background simulation of the same devices keeps running beside it.
scenario() {
  local name=$1 seed=$2; shift 2
  $SIM scenario "$name" --broker "$BROKER" --registry "$REGISTRY" \
    --seed "$seed" --client-id-suffix "-scenario-$seed" "$@"
}
(
  sleep 10; scenario press 101 --household hh-0002
  sleep 20; scenario gas-leak 102
  sleep 20; scenario malformed-burst 103 --count 200
) >"$LOGS/scenarios.log" 2>&1 &
pids+=($!)

cat <<MSG

Data is flowing. Open the duty desk: http://localhost:${HTTP_PORT}/  and log in as
  duty / duty-demo         (duty desk: the whole community)
  zhangmin / care-demo     (caregiver of grid 1, phone view)
  hefeng / family-demo     (family of household hh-0002: status and vitals charts)
  admin / admin-demo       (administrator: no health data)
A press (hh-0002) arrives in ~10 s, a gas leak with valve closure in ~40 s, the unplugged smoke
alarm of hh-0003 after ~3 min; unaccepted incidents escalate to the next step after 60 s. Pages
also appear in this terminal (console channel). Also:
  time series   http://localhost:19000   (SQL console; try: SELECT * FROM heartbeat ORDER BY timestamp DESC LIMIT 20)
  readiness     http://localhost:${HTTP_PORT}/ready
  metrics       http://localhost:${HTTP_PORT}/metrics   (shouwang_ingest_messages_total, shouwang_points_written_total, ...)
  dead letters  http://localhost:${HTTP_PORT}/dead-letters   (log in as admin first)
  simulator     $LOGS/device-sim.log, $LOGS/scenarios.log
Ctrl-C stops everything.
MSG
# Open the duty desk in a browser where there is one (a desktop session); harmless elsewhere.
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null 2>&1; then
  xdg-open "http://localhost:${HTTP_PORT}/" >/dev/null 2>&1 || true
elif [ "$(uname)" = "Darwin" ]; then
  open "http://localhost:${HTTP_PORT}/" >/dev/null 2>&1 || true
fi
wait "${pids[0]}"
