"""The HTTP half of ``bench/inbox.py``: Folio under gunicorn on 127.0.0.1, its pages
fetched with a signed-in session."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HTTP_TARGET_MS = 100.0


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def percentiles(samples: list[float]) -> tuple[float, float]:
    if len(samples) < 2:
        return samples[0], samples[0]
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples), cuts[18]


class Server:
    """Folio under gunicorn on 127.0.0.1, one sync worker, counting queries."""

    def __init__(self, env: dict[str, str]) -> None:
        import socket
        import subprocess

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        bench, root = Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent
        environ = {**os.environ, **env, "PYTHONPATH": f"{bench}{os.pathsep}{root}"}
        command = [sys.executable, "-m", "gunicorn", "web.wsgi:application", "--workers", "1"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--timeout", "600"]
        self.process = subprocess.Popen(command, cwd=root, env=environ, stderr=subprocess.DEVNULL)
        for _ in range(120):  # up to 60 s to start
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.5)
        raise SystemExit("gunicorn did not start")

    def get(self, path: str, cookie: str, timeout: float) -> tuple[int, float, str]:
        """(status, ms, the SQL the page ran: statements and their time)."""
        import http.client

        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        start = time.perf_counter()
        conn.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        took = (time.perf_counter() - start) * 1000
        conn.close()
        said = f"{response.getheader('X-Queries')} queries, {response.getheader('X-SQL-ms')} ms"
        return response.status, took, said

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def session_cookie(user: Any) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def measure_http(
    server: Server, cookie: str, pages: dict[str, str], args: argparse.Namespace
) -> None:
    """Each page once to warm up, then up to ``--requests`` times within ``--http-budget``
    (the SQL said is the last request's)."""
    for label, path in pages.items():
        status, first, said = server.get(path, cookie, args.http_budget)
        if status != 200:
            print(f"    {label:<34} HTTP {status}: not measured")
            continue
        samples: list[float] = []
        began = time.perf_counter()
        while len(samples) < args.requests and time.perf_counter() - began < args.http_budget:
            _status, took, said = server.get(path, cookie, args.http_budget)
            samples.append(took)
        p50, p95 = percentiles(samples or [first])
        verdict = "met" if p95 <= HTTP_TARGET_MS else "NOT met"
        print(
            f"    {label:<34} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms  n={len(samples)}"
            f"  target ≤ {HTTP_TARGET_MS:.0f} ms: {verdict} (SQL: {said})  {load()}"
        )
