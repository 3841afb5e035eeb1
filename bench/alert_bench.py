#!/usr/bin/env python3
"""Alert latency and alert storm benchmark (issue 3).

Latency: button presses, each from a household of its own (so each raises an incident and pages),
at a steady rate while device-sim loads telemetry at given shares of the gateway's measured ingest
capacity. Per press, on one clock (CLOCK_MONOTONIC): publish -> a plain MQTT subscriber got it (the
broker hop, the floor) and publish -> the first page reached the webhook receiver in this script.
Inside the gateway, shouwang.alerting.page.handoff times arrival -> page handed to the channel and
device time (the press) -> page handed to the channel.

Storm: 1,000 smoke alarms from 1,000 households within one second, at idle: the time until every
incident has paged (its page is at the receiver), pages sent, duplicate idempotency keys.

usage: flock /tmp/shouwang-bench.lock python3 bench/alert_bench.py [--runs 3] [--nice -10] [--skip-build]
Everything listens on 127.0.0.1 only, on free ports; every wait is bounded. Results go to stdout
and bench/work/alert/results.md; bench/README.md holds the tables that were kept.
"""
import argparse
import datetime
import json
import math
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stack  # noqa: E402
from alert_receiver import WebhookReceiver  # noqa: E402

WORK = os.path.join(stack.ROOT, "bench", "work", "alert")
# Every incident pages the community's duty desk once, on the webhook only, and is not repeated
# within the run: one page per incident, so the receiver's first page per household is the one.
ALERTING_YAML = """\
policies:
  standard:
    steps:
      - {after: 0s, notify: [duty_desk]}
    repeatEvery: 1d
  fire_gas:
    steps:
      - {after: 0s, notify: [duty_desk]}
    repeatEvery: 1d
channels:
  duty_desk: [webhook]
"""


def quantile(samples, q):
    """Nearest rank: with 1,000 samples p99.9 is the second largest."""
    if not samples:
        return float("nan")
    s = sorted(samples)
    return s[max(0, min(len(s) - 1, math.ceil(q * len(s)) - 1))]


def ms(ns):
    return ns / 1e6


def first_pages(pages, cause):
    """First step-1, round-1 page per household for one cause: {household: received_ns}."""
    first = {}
    for p in pages:
        if p.cause == cause and p.step == "0" and p.round == "0":
            if p.household not in first or p.received_ns < first[p.household]:
                first[p.household] = p.received_ns
    return first


def devices_in_first(registry, kind, households):
    """Devices of a kind in the registry's first N households (read as text: stdlib only)."""
    seen, count = 0, 0
    with open(registry) as f:
        for line in f:
            text = line.strip()
            if text.startswith('- id: "hh-'):
                seen += 1
                if seen > households:
                    break
            elif text == f'kind: "{kind}"' and seen:
                count += 1
    return count


def read_probe(csv_path):
    rows = []
    with open(csv_path) as f:
        next(f)
        for line in f:
            device, household, pub, floor = line.strip().split(",")
            rows.append((device, household, int(pub), int(floor)))
    return rows


def probe(args, mqtt_port, registry, alarm, count, warmup, skip, rate, out, log, wait="30s"):
    cmd = stack.SIM + ["probe", "--broker", f"tcp://127.0.0.1:{mqtt_port}", "--registry", registry,
                       "--protocol", "mqtt5", "--encoding", "protobuf", "--alarm", alarm,
                       "--count", str(count), "--warmup", str(warmup), "--skip", str(skip),
                       "--rate", str(rate), "--wait", wait, "--out", out]
    # The probe's subscriber is the floor: it sits where the gateway does (see stack.pin).
    subprocess.run(stack.pinned(cmd, "receiver"), stdout=open(log, "w"), stderr=subprocess.STDOUT,
                   cwd=stack.ROOT, check=True, timeout=(warmup + count) / rate + 180)
    return read_probe(out)


def wait_for_pages(receiver, mark, cause, households, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if households <= set(first_pages(receiver.since(mark), cause)):
            return True
        time.sleep(0.1)
    return False


def wait_quiet(http_port, timeout=90):
    """Until the gateway's lanes are empty and every ingested message is written."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        m = stack.scrape(http_port)
        depth = stack.total(m, "shouwang_ingest_lane_depth")
        if depth == 0 and stack.total(m, "shouwang_alerting_page_queue_size") == 0:
            return True
        time.sleep(0.5)
    return False


def handoff(m0, m1, since, q):
    return stack.bucket_quantile(m0, m1, "shouwang_alerting_page_handoff_seconds",
                                 ('channel="webhook"', f'since="{since}"'), q) * 1000


def latency_level(args, run_dir, mqtt_port, http_port, gw, receiver, share, index,
                  presses=None, warmup=None, name=None):
    presses = args.presses if presses is None else presses
    warmup = args.warmup if warmup is None else warmup
    rate = round(args.capacity * share)
    name = name or f"load-{int(share * 100)}"
    per_level = args.warmup + args.presses
    # Presses never share a household: the warm-up phase's come first, then each level's.
    skip = (args.load_households if index < 0
            else args.load_households + args.warmup_presses + index * per_level)
    load = None
    if rate > 0:
        seconds = (warmup + presses) / args.press_rate + args.settle + 10
        load = stack.start(stack.SIM + [
            "load", "--broker", f"tcp://127.0.0.1:{mqtt_port}",
            "--registry", os.path.join(WORK, "load-registry.yaml"), "--rate", str(rate),
            "--connections", "4", "--qos", "1", "--duration", f"{seconds:.0f}s",
            "--summary-json", os.path.join(run_dir, f"{name}-load.json")],
            os.path.join(run_dir, f"{name}-load.log"), side="load")
    try:
        time.sleep(args.settle)  # the load reaches its rate and the gateway its steady state
        mark = receiver.count()
        m0, cpu0, t0, mono0 = (stack.scrape(http_port), stack.cpu_seconds(gw.pid), time.time(),
                               time.monotonic_ns())
        rows = probe(args, mqtt_port, os.path.join(WORK, "registry.yaml"), "press", presses,
                     warmup, skip, args.press_rate, os.path.join(run_dir, f"{name}-presses.csv"),
                     os.path.join(run_dir, f"{name}-probe.log"))
        households = {r[1] for r in rows}
        complete = wait_for_pages(receiver, mark, "emergency_button", households, 30)
        m1, cpu1, t1, mono1 = (stack.scrape(http_port), stack.cpu_seconds(gw.pid), time.time(),
                               time.monotonic_ns())
    finally:
        stack.stop(load)  # also when the level fails or the benchmark is stopped
    pages = first_pages(receiver.since(mark), "emergency_button")
    assert all(mono0 <= r[2] <= mono1 for r in rows), "probe and receiver clocks disagree"
    floor = [r[3] - r[2] for r in rows if r[3] >= 0]
    page = [pages[r[1]] - r[2] for r in rows if r[1] in pages]
    # The same press through the gateway and through the plain subscriber: what the gateway adds.
    extra = [pages[r[1]] - r[3] for r in rows if r[1] in pages and r[3] >= 0]
    ingested = (stack.total(m1, "shouwang_ingest_messages_total")
                - stack.total(m0, "shouwang_ingest_messages_total"))
    quiet = wait_quiet(http_port)
    hq = lambda metric, q: handoff(m0, m1, metric, q)
    return {
        "level": f"{int(share * 100)} %", "target_rate": rate,
        "ingest_rate": ingested / (t1 - t0), "gateway_cpu": (cpu1 - cpu0) / (t1 - t0),
        "presses": len(rows), "paged": len(page), "floor_n": len(floor), "complete": complete,
        "quiet_after": quiet,
        "gc_pauses": stack.total(m1, "jvm_gc_pause_seconds_count")
        - stack.total(m0, "jvm_gc_pause_seconds_count"),
        "gc_pause_ms": (stack.total(m1, "jvm_gc_pause_seconds_sum")
                        - stack.total(m0, "jvm_gc_pause_seconds_sum")) * 1000,
        "load_avg": os.getloadavg()[0],
        "floor": [ms(quantile(floor, q)) for q in (0.5, 0.99, 0.999)],
        "extra": [ms(quantile(extra, q)) for q in (0.5, 0.99, 0.999)],
        "page": [ms(quantile(page, q)) for q in (0.5, 0.99, 0.999)],
        "press_handoff": [hq("device_time", q) for q in (0.5, 0.99, 0.999)],
        "arrival_handoff": [hq("arrival", q) for q in (0.5, 0.99, 0.999)],
        "engine_handoff": [hq("engine", q) for q in (0.5, 0.99, 0.999)],
    }


def storm(args, run_dir, mqtt_port, http_port, receiver):
    mark = receiver.count()
    m0 = stack.scrape(http_port)
    rows = probe(args, mqtt_port, os.path.join(WORK, "registry.yaml"), "smoke", args.storm, 0,
                 args.storm_skip, args.storm / args.storm_seconds,
                 os.path.join(run_dir, "storm.csv"), os.path.join(run_dir, "storm-probe.log"),
                 wait="60s")
    households = {r[1] for r in rows}
    complete = wait_for_pages(receiver, mark, "fire", households, 120)
    wait_quiet(http_port, 60)
    m1 = stack.scrape(http_port)
    got = receiver.since(mark)
    fire = [p for p in got if p.cause == "fire"]
    first = first_pages(got, "fire")
    start = min(r[2] for r in rows)
    label = ('channel="webhook"',)
    sent = lambda s: (stack.total(m1, "shouwang_alerting_pages_total", *label, f'status="{s}"')
                      - stack.total(m0, "shouwang_alerting_pages_total", *label, f'status="{s}"'))
    return {
        "alarms": len(rows), "published_within_s": (max(r[2] for r in rows) - start) / 1e9,
        "incidents": stack.total(m1, "shouwang_alerting_incidents_raised_total", 'cause="fire"')
        - stack.total(m0, "shouwang_alerting_incidents_raised_total", 'cause="fire"'),
        "paged_households": len(first), "complete": complete,
        "all_paged_s": (max(first.values()) - start) / 1e9 if first else float("nan"),
        "page_p50_ms": ms(quantile([first[r[1]] - r[2] for r in rows if r[1] in first], 0.5)),
        "sent": sent("sent"), "failed": sent("failed"),
        "overflow": stack.total(m1, "shouwang_alerting_page_queue_overflow_total")
        - stack.total(m0, "shouwang_alerting_page_queue_overflow_total"),
        "requests": len(fire), "unique_keys": len({p.key for p in fire}),
        "duplicates": len(fire) - len({p.key for p in fire}),
        "bad_signatures": sum(1 for p in fire if not p.signed),
        "floor_p99_ms": ms(quantile([r[3] - r[2] for r in rows if r[3] >= 0], 0.99)),
    }


def one_run(args, i):
    run_dir = os.path.join(WORK, f"run-{i}")
    os.makedirs(run_dir)
    alerting = os.path.join(run_dir, "alerting.yaml")
    with open(alerting, "w") as f:
        f.write(ALERTING_YAML)
    secret = secrets.token_hex(16)
    receiver = WebhookReceiver(secret).start()
    broker = ts = gw = None
    try:
        broker, mqtt_port = stack.mosquitto(os.path.join(run_dir, "broker"))
        ts, ts_port = stack.time_series(run_dir)
        gw, http_port = stack.gateway(run_dir, mqtt_port, ts_port,
                                      os.path.join(WORK, "registry.yaml"), alerting,
                                      receiver.url(), secret, args.gateway_java_opts.split(),
                                      args.gateway_jar)
        # JIT, connection pools and the store's first writes settle before anything is measured.
        latency_level(args, run_dir, mqtt_port, http_port, gw, receiver, 0.5, -1,
                      presses=args.warmup_presses, warmup=0, name="warmup")
        levels = [latency_level(args, run_dir, mqtt_port, http_port, gw, receiver, share, n)
                  for n, share in enumerate(args.levels)]
        storm_result = storm(args, run_dir, mqtt_port, http_port, receiver) if args.storm else None
        return {"levels": levels, "storm": storm_result}
    finally:
        stack.stop(gw)
        stack.stop(ts)
        stack.stop(broker)
        receiver.stop()


def f3(values):
    return " / ".join(f"{v:.2f}" for v in values)


def tables(args, runs):
    date = datetime.date.today().isoformat()
    lines = [f"#### {date} — {stack.machine()}",
             "",
             f"Gateway registry {args.households} households; load over the first "
             f"{args.load_households} (4 connections, QoS 1, 10 % benign events); capacity "
             f"{args.capacity} msg/s; {args.presses} presses per level at {args.press_rate}/s after "
             f"{args.warmup} warm-up presses, each from its own household, after an unmeasured "
             f"phase of {args.warmup_presses} presses under 50 % load; {stack.pinning()}. "
             "Times in ms, "
             "p50 / p99 / p99.9.",
             "",
             "| run | load | load msg/s (target) | load avg | gateway CPU | GC pauses (ms) "
             "| presses paged | broker hop (floor) | press → page at receiver | p99 gap to floor "
             "| page − floor, per press | press → handed to channel "
             "| arrival → handed to channel | in engine |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for i, run in enumerate(runs, 1):
        for lv in run["levels"]:
            lines.append(
                f"| {i} | {lv['level']} | {lv['ingest_rate']:.0f} ({lv['target_rate']}) "
                f"| {lv['load_avg']:.1f} | {lv['gateway_cpu']:.2f} "
                f"| {lv['gc_pauses']:.0f} ({lv['gc_pause_ms']:.0f}) "
                f"| {lv['paged']}/{lv['presses']} | {f3(lv['floor'])} "
                f"| {f3(lv['page'])} | **{lv['page'][1] - lv['floor'][1]:.2f}** "
                f"| {f3(lv['extra'])} | {f3(lv['press_handoff'])} | {f3(lv['arrival_handoff'])} "
                f"| {f3(lv['engine_handoff'])} |")
    for n, _ in enumerate(args.levels):
        lv = [run["levels"][n] for run in runs]
        med = lambda key, j: statistics.median(x[key][j] for x in lv)
        gap = statistics.median(x["page"][1] - x["floor"][1] for x in lv)
        m3 = lambda key: f3([med(key, j) for j in range(3)])
        lines.append(
            f"| **median of {len(runs)}** | {lv[0]['level']} "
            f"| {statistics.median(x['ingest_rate'] for x in lv):.0f} ({lv[0]['target_rate']}) "
            f"| {statistics.median(x['load_avg'] for x in lv):.1f} "
            f"| {statistics.median(x['gateway_cpu'] for x in lv):.2f} | | "
            f"| {m3('floor')} | {m3('page')} | **{gap:.2f}** | {m3('extra')} "
            f"| {m3('press_handoff')} | {m3('arrival_handoff')} | {m3('engine_handoff')} |")
    storms = [r["storm"] for r in runs if r["storm"]]
    if storms:
        lines += ["", f"Storm: {args.storm} smoke alarms from {args.storm} households within "
                  f"{args.storm_seconds} s, no other load.", "",
                  "| run | alarms published within s | incidents raised | households paged "
                  "| all paged after s | page p50 ms | pages sent | failed | overflow "
                  "| requests at receiver | unique keys | duplicates |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for i, s in enumerate(storms, 1):
            lines.append(
                f"| {i} | {s['published_within_s']:.2f} | {s['incidents']:.0f} "
                f"| {s['paged_households']} | **{s['all_paged_s']:.2f}** | {s['page_p50_ms']:.0f} "
                f"| {s['sent']:.0f} | {s['failed']:.0f} | {s['overflow']:.0f} | {s['requests']} "
                f"| {s['unique_keys']} | **{s['duplicates']}** |")
        med = lambda key: statistics.median(s[key] for s in storms)
        lines.append(
            f"| **median of {len(storms)}** | {med('published_within_s'):.2f} "
            f"| {med('incidents'):.0f} | {med('paged_households'):.0f} "
            f"| **{med('all_paged_s'):.2f}** | {med('page_p50_ms'):.0f} | {med('sent'):.0f} "
            f"| {med('failed'):.0f} | {med('overflow'):.0f} | {med('requests'):.0f} "
            f"| {med('unique_keys'):.0f} | **{med('duplicates'):.0f}** |")
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--capacity", type=float, default=12473,
                   help="gateway ingest capacity, msg/s (bench/README.md: the median of the"
                        " third 2026-11-21 ingest set's first three runs)")
    p.add_argument("--levels", default="0,0.5,1",
                   help="load levels as shares of --capacity, comma-separated")
    p.add_argument("--presses", type=int, default=1000, help="measured presses per level")
    p.add_argument("--warmup", type=int, default=100,
                   help="unmeasured presses before each level's (the probe's JVM is new)")
    p.add_argument("--warmup-presses", type=int, default=750,
                   help="presses of the unmeasured warm-up phase, under 50 %% load")
    p.add_argument("--press-rate", type=float, default=50, help="presses per second")
    p.add_argument("--settle", type=float, default=5, help="seconds of load before the presses")
    p.add_argument("--storm", type=int, default=1000, help="smoke alarms in the storm (0: none)")
    p.add_argument("--storm-seconds", type=float, default=1.0)
    p.add_argument("--households", type=int, default=6000, help="households in the gateway registry")
    p.add_argument("--load-households", type=int, default=1000,
                   help="households under load (the first ones; the capacity run's registry)")
    p.add_argument("--gateway-java-opts", default="",
                   help="extra JVM options for the gateway (an experiment, e.g. -XX:+UseZGC)")
    p.add_argument("--gateway-jar", default=stack.GATEWAY_JAR,
                   help="another build of the gateway (its lib/ beside it), to compare two")
    p.add_argument("--nice", type=int, default=0,
                   help="run this script and everything it starts at this niceness (root may go"
                        " below 0: on a shared machine, others' builds then disturb less; see stack.prioritise)")
    p.add_argument("--pin", metavar="LOAD:RECEIVER",
                   help="CPU lists for taskset: the load's simulator and the broker on LOAD, the"
                        " gateway, its time-series server and the press probe on RECEIVER, e.g. 0:1")
    p.add_argument("--skip-build", action="store_true")
    args = p.parse_args()
    stack.prioritise(args.nice)
    stack.pin(args.pin)
    args.levels = [float(x) for x in args.levels.split(",")]
    needed = (args.load_households + args.warmup_presses
              + len(args.levels) * (args.presses + args.warmup))
    if needed > args.households:
        p.error(f"--households must be at least {needed} (load + presses per level)")

    if not os.access("/usr/sbin/mosquitto", os.X_OK):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "mosquitto"], check=True)
    if not args.skip_build:
        mvnw = os.path.join(stack.ROOT, "mvnw")
        subprocess.run([mvnw, "-q", "-B", "-N", "install"], cwd=stack.ROOT, check=True)
        subprocess.run([mvnw, "-q", "-B", "-DskipTests", "install"], cwd=stack.ROOT, check=True)
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    for n, name in ((args.households, "registry.yaml"), (args.load_households, "load-registry.yaml")):
        # Same seed: the load registry is the first households of the gateway's.
        subprocess.run(stack.SIM + ["registry", "--households", str(n), "--seed", "7",
                                    "--out", os.path.join(WORK, name)],
                       cwd=stack.ROOT, check=True, stdout=subprocess.DEVNULL)

    # The storm's households come after the loaded ones (their smoke alarms were busy under load);
    # they may also have had a press: a fire is an incident of its own all the same.
    args.storm_skip = devices_in_first(os.path.join(WORK, "registry.yaml"), "smoke_alarm",
                                       args.load_households)
    runs = []
    for i in range(1, args.runs + 1):
        result = one_run(args, i)
        runs.append(result)
        print(json.dumps(result), flush=True)
    text = tables(args, runs)
    with open(os.path.join(WORK, "results.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
