"""The benchmark's webhook receiver: what a service centre's system does with Shouwang's pages,
minus the storing. It notes when each request was read (time.monotonic_ns(): CLOCK_MONOTONIC, the
clock device-sim probe writes), checks the HMAC signature as gateway/CHANNELS.md says, and answers
200 to every page, repeats included, so a repeat shows up as a duplicate idempotency key rather
than as a retry.
"""
import hashlib
import hmac
import http.server
import json
import threading
import time


class Page:
    """One request as received: monotonic time, idempotency key and the page's machine fields."""
    __slots__ = ("received_ns", "key", "household", "cause", "step", "round", "signed")

    def __init__(self, received_ns, key, household, cause, step, round_, signed):
        self.received_ns, self.key, self.household, self.cause = received_ns, key, household, cause
        self.step, self.round, self.signed = step, round_, signed


class WebhookReceiver:
    """An HTTP/1.1 server on 127.0.0.1 (keep-alive, one thread per connection)."""

    def __init__(self, secret):
        self.secret = secret.encode()
        self.pages = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                received = time.monotonic_ns()
                receiver._record(received, self.headers, body)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass  # one line per page would cost more than the page

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def url(self):
        return f"http://127.0.0.1:{self.port}/pages"

    def count(self):
        with self.lock:
            return len(self.pages)

    def since(self, index):
        with self.lock:
            return self.pages[index:]

    def _record(self, received_ns, headers, body):
        try:
            page = json.loads(body)
            data = page.get("data") or {}
        except ValueError:
            page, data = {}, {}
        entry = Page(received_ns, headers.get("Idempotency-Key", ""), data.get("householdId"),
                     data.get("cause"), data.get("step"), data.get("round"),
                     self._verified(headers.get("X-Shouwang-Signature", ""), body))
        with self.lock:
            self.pages.append(entry)

    def _verified(self, header, body):
        parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
        t, v1 = parts.get("t"), parts.get("v1")
        if t is None or v1 is None or abs(time.time() - int(t)) > 300:
            return False
        expected = hmac.new(self.secret, t.encode() + b"." + body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, v1)
