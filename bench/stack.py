"""The processes the benchmarks run against, each on 127.0.0.1 on a free port: Debian's
Mosquitto, the standalone time-series server, the gateway; reading the gateway's /metrics and the
machine. Shared by run.py (ingest) and alert_bench.py (alerts). Every wait is bounded in time.
"""
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

# A benchmark stopped with SIGTERM (kill, pkill, timeout) unwinds like Ctrl-C, so the finally
# blocks stop what it started: its servers run in sessions of their own and would outlive it.
signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIM = ["java", "-jar", os.path.join(ROOT, "device-sim/target/shouwang-device-sim.jar")]
GATEWAY_JAR = os.path.join(ROOT, "gateway/target/shouwang-gateway.jar")
GATEWAY_CP = GATEWAY_JAR + ":" + os.path.join(ROOT, "gateway/target/lib/*")
CLK_TCK = os.sysconf("SC_CLK_TCK")

# The niceness this benchmark runs at (see prioritise). Linux groups processes by session
# ("autogroup") and shares the CPU between groups first, so a plain nice value only orders
# processes inside one session: others' builds in their own sessions would still get an equal
# share. The group's own nice value (/proc/PID/autogroup) is what orders sessions.
_NICE = 0


def prioritise(nice):
    """Runs this script and everything it starts at `nice`, across sessions too (root may go below 0)."""
    global _NICE
    _NICE = nice
    if nice:
        os.nice(nice)
        _autogroup_nice("self", nice)


def _autogroup_nice(pid, nice):
    try:
        with open(f"/proc/{pid}/autogroup", "w") as f:
            f.write(str(nice))
    except OSError:
        pass  # no autogroup scheduling here (or not allowed): the plain nice value still applies


# Which CPUs each side runs on (see pin): "load" is the devices' side (simulator, broker),
# "receiver" the side under test (gateway and its time-series server, or the null subscriber).
_CPUS = {}


def pin(spec):
    """`LOAD:RECEIVER` CPU lists for taskset, e.g. "0:1". In production the devices and the broker
    are on other hosts than the gateway; on one machine, pinning the two sides to different cores
    keeps the load generator from taking the CPU the side under test needs, and the other way."""
    if spec:
        _CPUS["load"], _CPUS["receiver"] = spec.split(":")


def pinned(cmd, side):
    """cmd, run on `side`'s CPUs when pinned (see pin)."""
    cpus = _CPUS.get(side)
    return ["taskset", "-c", cpus, *cmd] if cpus else list(cmd)


def pinning():
    """How the run is pinned, for the results' heading."""
    if not _CPUS:
        return "not pinned"
    return (f"pinned: simulator and broker on CPU {_CPUS['load']}, "
            f"the side under test on CPU {_CPUS['receiver']}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout, what, poll=0.2):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(poll)
    raise RuntimeError(f"timed out after {timeout}s waiting for {what}")


def http_status(url):
    try:
        return urllib.request.urlopen(url, timeout=2).status
    except Exception as e:
        return getattr(e, "code", None)


def start(cmd, log, env=None, side=None):
    proc = subprocess.Popen(pinned(cmd, side), stdout=open(log, "w"), stderr=subprocess.STDOUT,
                            env={**os.environ, **(env or {})}, cwd=ROOT, start_new_session=True)
    if _NICE:
        _autogroup_nice(proc.pid, _NICE)  # a new session is a new autogroup: give it ours
    return proc


def stop(proc):
    if proc and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


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
    proc = start(["/usr/sbin/mosquitto", "-c", conf], os.path.join(run_dir, "mosquitto.out"),
                 side="load")
    wait_for(lambda: socket.socket().connect_ex(("127.0.0.1", port)) == 0, 20, "mosquitto")
    return proc, port


def time_series(run_dir):
    port = free_port()
    proc = start(["java", "-Xmx1g", "-cp", GATEWAY_CP,
                  "io.shouwang.gateway.embedded.StandaloneTimeSeries",
                  os.path.join(run_dir, "timeseries"), str(port)],
                 os.path.join(run_dir, "timeseries.log"), side="receiver")
    wait_for(lambda: http_status(f"http://127.0.0.1:{port}/ping") in (200, 204), 90,
             "the time-series server")
    return proc, port


def gateway(run_dir, mqtt_port, ts_port, registry, alerting_file, webhook_url, secret,
            java_opts=(), jar=GATEWAY_JAR):
    http_port = free_port()
    env = {"SHOUWANG_MQTT_URL": f"tcp://127.0.0.1:{mqtt_port}",
           "SHOUWANG_INFLUX_URL": f"http://127.0.0.1:{ts_port}",
           "SHOUWANG_HTTP_HOST": "127.0.0.1", "SHOUWANG_HTTP_PORT": str(http_port),
           "SHOUWANG_REGISTRY_FILE": registry,
           "SHOUWANG_STORAGE_SPOOL_DIR": os.path.join(run_dir, "spool"),
           "SHOUWANG_EMBEDDED_DATA_DIR": os.path.join(run_dir, "embedded"),
           "SHOUWANG_ALERTING_DATABASE": os.path.join(run_dir, "incidents.db"),
           "SHOUWANG_ALERTING_CONFIG_FILE": alerting_file,
           "SHOUWANG_ALERTING_CONSOLE": "false",
           "SHOUWANG_CHANNELS_WEBHOOK_URL": webhook_url,
           "SHOUWANG_CHANNELS_WEBHOOK_SECRET": secret}
    proc = start(["java", "-Xmx1g", *java_opts, "-jar", jar],
                 os.path.join(run_dir, "gateway.log"), env, side="receiver")
    wait_for(lambda: http_status(f"http://127.0.0.1:{http_port}/ready") == 200, 120,
             "gateway /ready")
    return proc, http_port


def scrape(port):
    # Generous: while a load starts (its JVM, the gateway compiling), a scrape took 3-5 s on
    # 2 cores; a slow answer is a reading, not a failure.
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30).read().decode()
    values = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name_labels, value = line.rsplit(" ", 1)
        values[name_labels] = float(value)
    return values


def total(metrics, name, *labels):
    """Sum of a metric over its series, only those carrying every label="value" given."""
    return sum(v for k, v in metrics.items()
               if (k == name or k.startswith(name + "{")) and all(lab in k for lab in labels))


def bucket_quantile(before, after, name, labels, q):
    """Like PromQL histogram_quantile over the window between two scrapes, in seconds; only the
    series carrying every label="value" given."""
    def buckets(metrics):
        out = {}
        for k, v in metrics.items():
            if k.startswith(name + "_bucket{") and all(lab in k for lab in labels):
                le = re.search(r'le="([^"]+)"', k).group(1)
                out[float("inf") if le == "+Inf" else float(le)] = v
        return out
    b0, b1 = buckets(before), buckets(after)
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


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    m = re.search(r'version "([^"]+)"', out)
    mosq = subprocess.run(["/usr/sbin/mosquitto", "-h"], capture_output=True, text=True).stdout
    mv = re.search(r"mosquitto version (\S+)", mosq)
    return (f"{os.cpu_count()} cores, {model}, {platform.system()} {platform.release()}, "
            f"Java {m.group(1) if m else '?'}, Mosquitto {mv.group(1) if mv else '?'}, "
            f"Python {platform.python_version()}")
