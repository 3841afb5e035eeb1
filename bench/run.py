#!/usr/bin/env python3
"""Ingest benchmark: device-sim load → Mosquitto → gateway → time-series server (QuestDB over the
InfluxDB v2 write API), against the ceiling of the same broker delivering to a subscriber that does
nothing. Each run measures both phases back to back; results are appended to bench/README.md.

usage: bench/run.py [--runs 3] [--seconds 30] [--households 1000] [--connections 4]
Needs: a JDK 17+, python3, Debian's mosquitto (installed with apt-get if absent, as root).
Everything listens on 127.0.0.1 only, on free ports; every run is bounded in time.
"""
import argparse, datetime, json, os, platform, re, shutil, signal, socket, statistics
import subprocess, sys, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work")
SIM = ["java", "-jar", os.path.join(ROOT, "device-sim/target/shouwang-device-sim.jar")]
GATEWAY_JAR = os.path.join(ROOT, "gateway/target/shouwang-gateway.jar")
GATEWAY_CP = GATEWAY_JAR + ":" + os.path.join(ROOT, "gateway/target/lib/*")
CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def wait_for(predicate, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise RuntimeError(f"timed out after {timeout}s waiting for {what}")


def http_status(url):
    try:
        return urllib.request.urlopen(url, timeout=2).status
    except Exception as e:
        return getattr(e, "code", None)


def scrape(port):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    values = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name_labels, value = line.rsplit(" ", 1)
        values[name_labels] = float(value)
    return values


def total(metrics, name):
    return sum(v for k, v in metrics.items() if k == name or k.startswith(name + "{"))


def buckets(metrics, name, cls):
    """Cumulative histogram buckets {le: count} of one class."""
    out = {}
    for k, v in metrics.items():
        if k.startswith(name + "_bucket{") and f'class="{cls}"' in k:
            le = re.search(r'le="([^"]+)"', k).group(1)
            out[float("inf") if le == "+Inf" else float(le)] = v
    return out


def quantile(before, after, name, cls, q):
    """Like PromQL histogram_quantile over the window between two scrapes, in seconds."""
    b0, b1 = buckets(before, name, cls), buckets(after, name, cls)
    edges = sorted(b1)
    counts = [b1[e] - b0.get(e, 0) for e in edges]
    if not counts or counts[-1] <= 0:
        return float("nan")
    rank = q * counts[-1]
    prev_edge, prev_count = 0.0, 0.0
    for edge, count in zip(edges, counts):
        if count >= rank:
            if edge == float("inf"):
                return prev_edge
            return prev_edge + (edge - prev_edge) * (rank - prev_count) / max(count - prev_count, 1e-9)
        prev_edge, prev_count = edge, count
    return prev_edge


def start(cmd, log, env=None):
    return subprocess.Popen(cmd, stdout=open(log, "w"), stderr=subprocess.STDOUT,
                            env={**os.environ, **(env or {})}, cwd=ROOT, start_new_session=True)


def stop(proc):
    if proc and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def mosquitto(run_dir):
    port = free_port()
    os.makedirs(run_dir, exist_ok=True)
    conf = os.path.join(run_dir, "mosquitto.conf")
    user = os.environ.get("USER") or subprocess.run(["id", "-un"], capture_output=True,
                                                    text=True).stdout.strip()
    with open(conf, "w") as f:
        f.write(f"listener {port} 127.0.0.1\nallow_anonymous true\nuser {user}\n"
                "max_queued_messages 1000000\nmax_inflight_messages 0\n"
                f"log_dest file {run_dir}/mosquitto.log\n")
    proc = start(["/usr/sbin/mosquitto", "-c", conf], os.path.join(run_dir, "mosquitto.out"))
    wait_for(lambda: socket.socket().connect_ex(("127.0.0.1", port)) == 0, 20, "mosquitto")
    return proc, port


def load(broker_port, args, run_dir, name):
    summary = os.path.join(run_dir, f"{name}-load.json")
    cmd = SIM + ["load", "--broker", f"tcp://127.0.0.1:{broker_port}",
                 "--registry", os.path.join(WORK, "registry.yaml"),
                 "--rate", "0", "--connections", str(args.connections), "--qos", "1",
                 "--duration", f"{args.seconds}s", "--summary-json", summary]
    started = time.time()
    subprocess.run(cmd, stdout=open(os.path.join(run_dir, f"{name}-load.log"), "w"),
                   stderr=subprocess.STDOUT, cwd=ROOT, check=True, timeout=args.seconds + 120)
    with open(summary) as f:
        return json.load(f), started


def ceiling_phase(args, run_dir):
    broker, port = mosquitto(os.path.join(run_dir, "ceiling-broker"))
    count_file = os.path.join(run_dir, "null-subscriber.count")
    sub = start(["java", "-cp", os.path.join(ROOT, "device-sim/target/lib/*"),
                 os.path.join(ROOT, "bench/NullSubscriber.java"), f"tcp://127.0.0.1:{port}",
                 count_file], os.path.join(run_dir, "null-subscriber.log"))
    try:
        wait_for(lambda: os.path.exists(count_file), 60, "the null subscriber")
        summary, _ = load(port, args, run_dir, "ceiling")
        read = lambda: int(open(count_file).read() or 0)
        last = -1
        while read() != last:  # let in-flight deliveries land
            last = read()
            time.sleep(1.5)
        return {"sent": summary["sent"], "received": last,
                "rate": last / summary["durationSeconds"]}
    finally:
        stop(sub)
        stop(broker)


def gateway_phase(args, run_dir):
    broker, mqtt_port = mosquitto(os.path.join(run_dir, "gateway-broker"))
    ts_port, http_port = free_port(), free_port()
    ts = start(["java", "-Xmx1g", "-cp", GATEWAY_CP, "io.shouwang.gateway.embedded.StandaloneTimeSeries",
                os.path.join(run_dir, "timeseries"), str(ts_port)], os.path.join(run_dir, "timeseries.log"))
    gw = None
    try:
        wait_for(lambda: http_status(f"http://127.0.0.1:{ts_port}/ping") in (200, 204), 90,
                 "the time-series server")
        env = {"SHOUWANG_MQTT_URL": f"tcp://127.0.0.1:{mqtt_port}",
               "SHOUWANG_INFLUX_URL": f"http://127.0.0.1:{ts_port}",
               "SHOUWANG_HTTP_HOST": "127.0.0.1", "SHOUWANG_HTTP_PORT": str(http_port),
               "SHOUWANG_REGISTRY_FILE": os.path.join(WORK, "registry.yaml"),
               "SHOUWANG_STORAGE_SPOOL_DIR": os.path.join(run_dir, "spool"),
               "SHOUWANG_EMBEDDED_DATA_DIR": os.path.join(run_dir, "embedded")}
        gw = start(["java", "-Xmx1g", "-jar", GATEWAY_JAR], os.path.join(run_dir, "gateway.log"), env)
        wait_for(lambda: http_status(f"http://127.0.0.1:{http_port}/ready") == 200, 120, "gateway /ready")
        m0, cpu0, t0 = scrape(http_port), cpu_seconds(gw.pid), time.time()
        summary, started = load(mqtt_port, args, run_dir, "gateway")
        m_end, t_end = scrape(http_port), time.time()
        # Drain: wait until every received message is written (or 60 s).
        received = lambda m: total(m, "shouwang_ingest_messages_total") - total(m0, "shouwang_ingest_messages_total")
        written = lambda m: total(m, "shouwang_points_written_total") - total(m0, "shouwang_points_written_total")
        drain_deadline = time.time() + 60
        m1 = scrape(http_port)
        while written(m1) < received(m1) and time.time() < drain_deadline:
            time.sleep(0.5)
            m1 = scrape(http_port)
        cpu1, t1 = cpu_seconds(gw.pid), time.time()
        duration = summary["durationSeconds"]
        return {
            "sent": summary["sent"],
            "ingested": received(m1), "written": written(m1),
            "ingest_rate": received(m_end) / duration,
            "write_rate": written(m_end) / duration,
            "drain_s": t1 - t_end,
            "lag_p50_ms": quantile(m0, m1, "shouwang_ingest_to_write_seconds", "telemetry", 0.5) * 1000,
            "lag_p99_ms": quantile(m0, m1, "shouwang_ingest_to_write_seconds", "telemetry", 0.99) * 1000,
            "event_lag_p99_ms": quantile(m0, m1, "shouwang_ingest_to_write_seconds", "event", 0.99) * 1000,
            "rejected": total(m1, "shouwang_ingest_rejected_total") - total(m0, "shouwang_ingest_rejected_total"),
            "spooled": total(m1, "shouwang_points_spooled_total"),
            "cpu_cores": (cpu1 - cpu0) / (t1 - t0),
            "heap_mb": sum(v for k, v in m1.items()
                           if k.startswith("jvm_memory_used_bytes{") and 'area="heap"' in k) / 2**20,
        }
    finally:
        stop(gw)
        stop(ts)
        stop(broker)


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}, {platform.system()} {platform.release()}, Java {java_version()}"


def java_version():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    m = re.search(r'version "([^"]+)"', out)
    return m.group(1) if m else "?"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--seconds", type=int, default=30)
    p.add_argument("--households", type=int, default=1000)
    p.add_argument("--connections", type=int, default=4)
    p.add_argument("--skip-build", action="store_true")
    args = p.parse_args()

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
        row = {**g, "ceiling_rate": c["rate"], "ratio": g["ingest_rate"] / c["rate"]}
        rows.append(row)
        print(json.dumps(row, indent=None), flush=True)

    med = lambda k: statistics.median(r[k] for r in rows)
    date = datetime.date.today().isoformat()
    table_rows = [
        f"| {date} | run {i + 1} | {r['ceiling_rate']:.0f} | {r['ingest_rate']:.0f} | {r['write_rate']:.0f} "
        f"| **{r['ratio']:.2f}** | {r['lag_p50_ms']:.0f} | {r['lag_p99_ms']:.0f} | {r['drain_s']:.1f} "
        f"| {r['cpu_cores']:.2f} | {r['heap_mb']:.0f} | {r['written']:.0f}/{r['ingested']:.0f} |"
        for i, r in enumerate(rows)]
    table_rows.append(
        f"| {date} | **median of {len(rows)}** | {med('ceiling_rate'):.0f} | {med('ingest_rate'):.0f} "
        f"| {med('write_rate'):.0f} | **{med('ratio'):.2f}** | {med('lag_p50_ms'):.0f} | {med('lag_p99_ms'):.0f} "
        f"| {med('drain_s'):.1f} | {med('cpu_cores'):.2f} | {med('heap_mb'):.0f} | |")
    with open(os.path.join(ROOT, "bench", "README.md"), "a") as f:
        f.write(f"\n#### {date} — {machine()}; {args.households} households, {args.seconds} s load, "
                f"{args.connections} connections, QoS 1, 10% events\n\n")
        f.write("| date | run | ceiling msg/s | ingested msg/s | written pts/s | ratio | lag p50 ms | lag p99 ms "
                "| drain s | gateway CPU cores | heap MB | written/ingested |\n")
        f.write("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
        f.write("\n".join(table_rows) + "\n")
    print("\n".join(table_rows))


if __name__ == "__main__":
    main()
