#!/usr/bin/env python3
"""Ingest benchmark: device-sim load → Mosquitto → gateway → time-series server (QuestDB over the
InfluxDB v2 write API), against the ceiling of the same broker delivering to a subscriber that does
nothing. Each run measures both phases back to back; the table goes to bench/work/results.md.

usage: bench/run.py [--runs 3] [--seconds 30] [--warmup 10] [--households 1000] [--connections 4]
Needs: a JDK 17+, python3, Debian's mosquitto (installed with apt-get if absent, as root).
Everything listens on 127.0.0.1 only, on free ports; every run is bounded in time.
"""
import argparse, datetime, json, os, shutil, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stack import (CLK_TCK, GATEWAY_JAR, ROOT, SIM, bucket_quantile, cpu_seconds,  # noqa: E402
                   free_port, machine, mosquitto, pin, pinned, pinning, prioritise, start, stop,
                   time_series, total, wait_for, http_status, scrape)

WORK = os.path.join(ROOT, "bench", "work")


def quantile(before, after, name, cls, q):
    """histogram_quantile of one message class between two scrapes, in seconds."""
    return bucket_quantile(before, after, name, [f'class="{cls}"'], q)


def machine_busy():
    """CPU seconds the whole machine spent busy so far (all cores; /proc/stat, idle and iowait out)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v) - v[3] - v[4]) / CLK_TCK


def load(broker_port, args, run_dir, name, on_measuring=lambda: None, seed=1):
    """Runs device-sim load to completion: --warmup seconds unmeasured, then --seconds measured, in
    one JVM (a fresh simulator would spend the measured window compiling). Calls on_measuring()
    when the measured window starts; returns the summary (measured window only) and the CPU
    seconds the simulator spent from then on."""
    summary = os.path.join(run_dir, f"{name}-load.json")
    log = os.path.join(run_dir, f"{name}-load.log")
    cmd = SIM + ["load", "--broker", f"tcp://127.0.0.1:{broker_port}",
                 "--registry", os.path.join(WORK, "registry.yaml"), "--seed", str(seed),
                 "--rate", "0", "--connections", str(args.connections), "--qos", "1",
                 "--warmup", f"{args.warmup}s", "--duration", f"{args.seconds}s",
                 "--summary-json", summary]
    proc = subprocess.Popen(pinned(cmd, "load"), stdout=open(log, "w"), stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.time() + args.warmup + args.seconds + 120
    cpu_at_start, measuring = 0.0, False
    while True:  # wait4, not proc.wait(): it also returns the process's CPU time
        if not measuring and (not args.warmup or "warm-up over" in open(log).read()):
            cpu_at_start, measuring = cpu_seconds(proc.pid), True
            on_measuring()
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0 or not measuring:
                raise RuntimeError(f"device-sim load failed; see {name}-load.log")
            break
        if time.time() > deadline:
            proc.kill()
            proc.wait()
            raise RuntimeError(f"device-sim load did not end within its time")
        time.sleep(0.05)
    with open(summary) as f:
        return json.load(f), usage.ru_utime + usage.ru_stime - cpu_at_start


def settle(read, quiet=1.5, timeout=60):
    """Waits until read() stops changing (deliveries in flight have landed)."""
    deadline, last = time.time() + timeout, None
    while time.time() < deadline:
        value = read()
        if value == last:
            return value
        last = value
        time.sleep(quiet)
    return last


def ceiling_phase(args, run_dir):
    broker, port = mosquitto(os.path.join(run_dir, "ceiling-broker"))
    count_file = os.path.join(run_dir, "null-subscriber.count")
    sub = start(["java", "-cp", os.path.join(ROOT, "device-sim/target/lib/*"),
                 os.path.join(ROOT, "bench/NullSubscriber.java"), f"tcp://127.0.0.1:{port}",
                 count_file], os.path.join(run_dir, "null-subscriber.log"), side="receiver")
    try:
        wait_for(lambda: os.path.exists(count_file), 60, "the null subscriber")
        read = lambda: int(open(count_file).read() or 0)
        mark = {}

        def measuring():
            mark.update(before=read(), broker=cpu_seconds(broker.pid), sub=cpu_seconds(sub.pid),
                        busy=machine_busy(), t=time.time())

        summary, sim_cpu = load(port, args, run_dir, "ceiling", measuring)
        # The subscriber writes its count ten times a second: readings are at most 0.1 s old.
        received = settle(read) - mark["before"]
        busy, wall = machine_busy() - mark["busy"], time.time() - mark["t"]
        cpu = {"broker": cpu_seconds(broker.pid) - mark["broker"],
               "sub": cpu_seconds(sub.pid) - mark["sub"], "sim": sim_cpu}
        return {"sent": summary["sent"], "received": received,
                "rate": received / summary["durationSeconds"],
                "us_per_msg": {k: v / received * 1e6 for k, v in cpu.items()},
                "others_cores": (busy - sum(cpu.values())) / wall}
    finally:
        stop(sub)
        stop(broker)


def gateway_phase(args, run_dir):
    broker, mqtt_port = mosquitto(os.path.join(run_dir, "gateway-broker"))
    http_port = free_port()
    ts, ts_port = time_series(run_dir)
    gw = None
    try:
        env = {"SHOUWANG_MQTT_URL": f"tcp://127.0.0.1:{mqtt_port}",
               "SHOUWANG_INFLUX_URL": f"http://127.0.0.1:{ts_port}",
               "SHOUWANG_HTTP_HOST": "127.0.0.1", "SHOUWANG_HTTP_PORT": str(http_port),
               "SHOUWANG_REGISTRY_FILE": os.path.join(WORK, "registry.yaml"),
               "SHOUWANG_STORAGE_SPOOL_DIR": os.path.join(run_dir, "spool"),
               "SHOUWANG_EMBEDDED_DATA_DIR": os.path.join(run_dir, "embedded"),
               # A fresh incident store per run: one run's incidents must not page in the next.
               "SHOUWANG_ALERTING_DATABASE": os.path.join(run_dir, "incidents.db")}
        gw = start(["java", "-Xmx1g", *args.gateway_java_opts.split(), "-jar", args.gateway_jar],
                   os.path.join(run_dir, "gateway.log"), env, side="receiver")
        wait_for(lambda: http_status(f"http://127.0.0.1:{http_port}/ready") == 200, 120, "gateway /ready")
        mark = {}

        def measuring():
            # A gateway runs for days: it is measured warm (JIT), as the ceiling's subscriber is.
            mark.update(m0=scrape(http_port), cpu0=cpu_seconds(gw.pid), t0=time.time(),
                        broker=cpu_seconds(broker.pid), ts=cpu_seconds(ts.pid), busy=machine_busy())

        summary, sim_cpu = load(mqtt_port, args, run_dir, "gateway", measuring)
        m0, cpu0, t0, busy0 = mark["m0"], mark["cpu0"], mark["t0"], mark["busy"]
        others0 = {"broker": mark["broker"], "ts": mark["ts"]}
        m_end, t_end = scrape(http_port), time.time()
        received = lambda m: total(m, "shouwang_ingest_messages_total") - total(m0, "shouwang_ingest_messages_total")
        written = lambda m: total(m, "shouwang_points_written_total") - total(m0, "shouwang_points_written_total")
        # Drain: wait until every message received since the start is written (or 60 s). Counted
        # since the start, not over the window: at the window's start some were still in flight.
        drained = lambda m: (total(m, "shouwang_points_written_total")
                             >= total(m, "shouwang_ingest_messages_total"))
        drain_deadline = time.time() + 60
        m1 = scrape(http_port)
        while not drained(m1) and time.time() < drain_deadline:
            time.sleep(0.5)
            m1 = scrape(http_port)
        cpu1, t1 = cpu_seconds(gw.pid), time.time()
        busy = machine_busy() - busy0
        cpu = {"gateway": cpu1 - cpu0, "broker": cpu_seconds(broker.pid) - others0["broker"],
               "ts": cpu_seconds(ts.pid) - others0["ts"], "sim": sim_cpu}
        duration = summary["durationSeconds"]
        return {
            "sent": summary["sent"],
            "ingested": received(m1), "written": written(m1),
            # Nothing lost: since the gateway started (warm-up included), once drained, every
            # accepted message is a point. The window alone starts mid-stream, so it cannot say.
            "ingested_all": total(m1, "shouwang_ingest_messages_total"),
            "written_all": total(m1, "shouwang_points_written_total"),
            "ingest_rate": received(m_end) / duration,
            "write_rate": written(m_end) / duration,
            "drain_s": t1 - t_end,
            "lag_p50_ms": quantile(m0, m1, "shouwang_ingest_to_write_seconds", "telemetry", 0.5) * 1000,
            "lag_p99_ms": quantile(m0, m1, "shouwang_ingest_to_write_seconds", "telemetry", 0.99) * 1000,
            "event_lag_p99_ms": quantile(m0, m1, "shouwang_ingest_to_write_seconds", "event", 0.99) * 1000,
            "rejected": total(m1, "shouwang_ingest_rejected_total") - total(m0, "shouwang_ingest_rejected_total"),
            # Since the start, by reason: a refused message is counted, never written.
            "rejected_by_reason": {k: v for k, v in m1.items()
                                   if k.startswith("shouwang_ingest_rejected_total{") and v},
            "spooled": total(m1, "shouwang_points_spooled_total"),
            "cpu_cores": (cpu1 - cpu0) / (t1 - t0),
            "us_per_msg": {k: v / max(received(m1), 1) * 1e6 for k, v in cpu.items()},
            "others_cores": (busy - sum(cpu.values())) / (t1 - t0),
            "engine_dropped": total(m1, "shouwang_alerting_telemetry_dropped_total")
                              - total(m0, "shouwang_alerting_telemetry_dropped_total"),
            "heap_mb": sum(v for k, v in m1.items()
                           if k.startswith("jvm_memory_used_bytes{") and 'area="heap"' in k) / 2**20,
        }
    finally:
        stop(gw)
        stop(ts)
        stop(broker)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--seconds", type=int, default=30)
    p.add_argument("--households", type=int, default=1000)
    p.add_argument("--connections", type=int, default=4)
    p.add_argument("--warmup", type=int, default=10,
                   help="seconds of the same load before each phase's measured load (0: none)")
    p.add_argument("--gateway-java-opts", default="",
                   help="extra JVM options for the gateway (an experiment or a profile, e.g."
                        " -XX:StartFlightRecording=filename=gw.jfr)")
    p.add_argument("--gateway-jar", default=GATEWAY_JAR,
                   help="another build of the gateway (its lib/ beside it), to compare two")
    p.add_argument("--nice", type=int, default=0,
                   help="run this script and everything it starts at this niceness (root may go"
                        " below 0: on a shared machine, others' builds then disturb less; see"
                        " stack.prioritise)")
    p.add_argument("--pin", metavar="LOAD:RECEIVER",
                   help="CPU lists for taskset: the simulator and broker on LOAD, the gateway and"
                        " its time-series server (or the null subscriber) on RECEIVER, e.g. 0:1")
    p.add_argument("--skip-build", action="store_true")
    args = p.parse_args()
    prioritise(args.nice)
    pin(args.pin)

    if not os.access("/usr/sbin/mosquitto", os.X_OK):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "mosquitto"], check=True)
    if not args.skip_build:
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "-DskipTests", "package"], cwd=ROOT, check=True)
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    subprocess.run(SIM + ["registry", "--households", str(args.households), "--seed", "7",
                          "--out", os.path.join(WORK, "registry.yaml")], cwd=ROOT, check=True)

    rows = []
    for i in range(args.runs):
        run_dir = os.path.join(WORK, f"run-{i + 1}")
        c = ceiling_phase(args, run_dir)
        g = gateway_phase(args, run_dir)
        row = {**g, "ceiling_rate": c["rate"], "ratio": g["ingest_rate"] / c["rate"],
               "c_us": c["us_per_msg"], "c_others": c["others_cores"]}
        rows.append(row)
        print(json.dumps(row, indent=None), flush=True)

    med = lambda k: statistics.median(r[k] for r in rows)
    date = datetime.date.today().isoformat()
    table_rows = [
        f"| {date} | run {i + 1} | {r['ceiling_rate']:.0f} | {r['ingest_rate']:.0f} | {r['write_rate']:.0f} "
        f"| **{r['ratio']:.2f}** | {r['lag_p50_ms']:.0f} | {r['lag_p99_ms']:.0f} | {r['drain_s']:.1f} "
        f"| {r['cpu_cores']:.2f} | {r['heap_mb']:.0f} | {r['written_all']:.0f}/{r['ingested_all']:.0f} "
        f"| {r['engine_dropped']:.0f} |"
        for i, r in enumerate(rows)]
    table_rows.append(
        f"| {date} | **median of {len(rows)}** | {med('ceiling_rate'):.0f} | {med('ingest_rate'):.0f} "
        f"| {med('write_rate'):.0f} | **{med('ratio'):.2f}** | {med('lag_p50_ms'):.0f} | {med('lag_p99_ms'):.0f} "
        f"| {med('drain_s'):.1f} | {med('cpu_cores'):.2f} | {med('heap_mb'):.0f} | | |")
    us = lambda r, phase, k: r[phase][k]
    cpu_rows = [
        f"| run {i + 1} | {us(r, 'c_us', 'sim'):.0f} | {us(r, 'c_us', 'broker'):.0f} | {us(r, 'c_us', 'sub'):.0f} "
        f"| {sum(r['c_us'].values()):.0f} | {r['c_others']:.2f} "
        f"| {us(r, 'us_per_msg', 'sim'):.0f} | {us(r, 'us_per_msg', 'broker'):.0f} "
        f"| {us(r, 'us_per_msg', 'gateway'):.0f} | {us(r, 'us_per_msg', 'ts'):.0f} "
        f"| {sum(r['us_per_msg'].values()):.0f} | {r['others_cores']:.2f} |"
        for i, r in enumerate(rows)]
    text = (f"#### {date} — {machine()}; {args.households} households, {args.warmup} s warm-up + "
            f"{args.seconds} s load, {args.connections} connections, QoS 1, 10% events; {pinning()}\n\n"
            "| date | run | ceiling msg/s | ingested msg/s | written pts/s | ratio | lag p50 ms | lag p99 ms "
            "| drain s | gateway CPU cores | heap MB | written/ingested since start | engine telemetry drops |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n" + "\n".join(table_rows) + "\n\n"
            "CPU µs per message (ceiling: simulator, broker, null subscriber; gateway phase: simulator, "
            "broker, gateway, time-series server) and cores used by other processes on the machine:\n\n"
            "| run | ceiling sim | broker | subscriber | **total** | others cores "
            "| gateway phase sim | broker | gateway | time-series | **total** | others cores |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|\n" + "\n".join(cpu_rows) + "\n")
    # Written beside the runs, not into README.md: a table goes there with its reading.
    with open(os.path.join(WORK, "results.md"), "w") as f:
        f.write(text)
    print(text)

if __name__ == "__main__":
    main()
