"""Open311 under load on 127.0.0.1: 200 POST requests in 10 s against a real server
(``folio serve``: gunicorn, two workers, on a temporary SQLite database).

Checks what the issue asks: the application's limit holds (``per_minute``, counted in the
database, so across both workers), nothing is lost or duplicated (every 201 answer's folio
is in the database once, every report has its case and no case is left without its
report), and every refusal is the spec's error body. Prints the figures and the POST
latency as a ratio of a baseline measured in the same run (200 GET services.json at the
same pace).

    .venv/bin/python bench/open311_load.py [--posts 200] [--seconds 10] [--per-minute 100]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KEY = "bench-open311-clave"


def seed(per_minute: int) -> None:
    """The 072 world: the demo manual run by the Dirección de Atención Ciudadana, the
    portal account, one report type and one application."""
    from django.contrib.auth.models import User

    from web.accounts.models import Profile, Unit
    from web.catalog.actions import ensure_role, import_manual_file
    from web.citizens.actions.catalogue import key_hash
    from web.citizens.demo import MANUAL, OPERATOR, STAGES
    from web.citizens.models import ApiClient, ServiceType

    dac = Unit.objects.create(name="Dirección de Atención Ciudadana", folio_prefix="DAC")
    version, _ = import_manual_file(MANUAL, unit=dac)
    portal = User.objects.create_user("portal072")
    Profile.objects.create(user=portal, unit=dac, position=OPERATOR)
    ensure_role(OPERATOR, dac).members.add(portal)
    ServiceType.objects.create(
        code="bache",
        name="Bache",
        procedure=version.procedures.get(code="P1"),
        unit=dac,
        opened_as=portal,
        stages=STAGES,
    )
    ApiClient.objects.create(
        name="Bench", key_hash=key_hash(KEY), key_hint=KEY[:6], per_minute=per_minute
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    folio = Path(sys.executable).parent / "folio"
    command = [str(folio), "serve", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(120):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("folio serve did not start")


def paced(count: int, seconds: float, call: Any) -> tuple[list[Any], float, float]:
    """``count`` calls started evenly over ``seconds`` (a thread each, so a slow answer
    never delays the next send); (results, when the last was sent, when all answered)."""
    results: list[Any] = [None] * count
    sent: list[float] = [0.0] * count
    start = time.perf_counter()

    def one(n: int) -> None:
        delay = start + n * seconds / count - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        sent[n] = time.perf_counter() - start
        results[n] = call(n)

    with ThreadPoolExecutor(max_workers=count) as pool:
        list(pool.map(one, range(count)))
    return results, max(sent), time.perf_counter() - start


def timed(method: str, url: str, **kwargs: Any) -> tuple[int, float, Any]:
    import requests

    began = time.perf_counter()
    response = requests.request(method, url, timeout=60, **kwargs)
    took = (time.perf_counter() - began) * 1000
    body = (
        response.json()
        if response.headers.get("Content-Type", "").startswith("application/json")
        else None
    )
    return response.status_code, took, body


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--per-minute", type=int, default=100)
    args = parser.parse_args()
    var = Path(tempfile.mkdtemp(prefix="folio-open311-"))
    env = {**os.environ, "FOLIO_VAR": str(var), "FOLIO_DEV": "1", "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)
    os.environ.update({"FOLIO_VAR": str(var), "FOLIO_DEV": "1"})
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    from web.commands import migrate, setup

    setup()
    migrate()
    seed(args.per_minute)
    port = free_port()
    server = serve(env, port)
    base = f"http://127.0.0.1:{port}/open311/v2"
    try:
        gets, get_sent, get_time = paced(
            args.posts, args.seconds, lambda n: timed("GET", f"{base}/services.json")
        )
        data = {"api_key": KEY, "service_code": "bache", "address_string": "Calle 3 Sur 100"}
        posts, post_sent, post_time = paced(
            args.posts,
            args.seconds,
            lambda n: timed(
                "POST", f"{base}/requests.json", data={**data, "description": f"bache {n}"}
            ),
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"sent: GETs within {get_sent:.1f} s, POSTs within {post_sent:.1f} s")
    return report(args, gets, get_time, posts, post_time)


def report(args: Any, gets: list[Any], get_time: float, posts: list[Any], post_time: float) -> int:
    from django.db import connection

    from web.cases.models import Case
    from web.citizens.models import Report

    connection.close()
    accepted = [body[0]["service_request_id"] for status, _ms, body in posts if status == 201]
    refused = [body for status, _ms, body in posts if status == 429]
    # Two limits answer 429: the application's (in the database) and the address's (in
    # each worker's cache, 120 a minute): told apart by their description.
    by_app = [b for b in refused if b and "aplicación" in b[0]["description"]]
    other = [(status, body) for status, _ms, body in posts if status not in (201, 429)]
    folios = list(Report.objects.values_list("case__folio", flat=True))
    orphan_cases = Case.objects.filter(citizen_report__isnull=True).count()
    get_ms = [ms for _s, ms, _b in gets]
    post_ms = [ms for _s, ms, _b in posts]
    checks = {
        "limit held (accepted ≤ per_minute)": len(accepted) <= args.per_minute,
        "limit reached (accepted = per_minute, unless the address limit answered first)": (
            len(accepted) == args.per_minute or len(by_app) < len(refused)
        ),
        "every refusal is a 429 with the spec's error body": all(
            b and b[0]["code"] == 429 and b[0]["description"] for b in refused
        ),
        "no other answers": not other,
        "nothing lost (each accepted folio stored)": set(accepted) <= set(folios),
        "nothing duplicated (stored = accepted, folios unique)": sorted(folios) == sorted(accepted)
        and len(set(folios)) == len(folios),
        "every accepted request has its case": Case.objects.filter(folio__in=accepted).count()
        == len(accepted)
        and orphan_cases == 0,
        "all GETs answered 200": all(s == 200 for s, _ms, _b in gets),
    }
    load = os.getloadavg()[0]
    print(f"Open311 load on 127.0.0.1 (folio serve: gunicorn, 2 workers, SQLite); load {load:.2f}")
    get_med, post_med = statistics.median(get_ms), statistics.median(post_ms)
    print(
        f"baseline: {len(gets)} GET services.json, all answered in {get_time:.1f} s; "
        f"median {get_med:.0f} ms, p95 {p95(get_ms):.0f} ms"
    )
    print(
        f"POST requests.json: {len(posts)}, all answered in {post_time:.1f} s; "
        f"{len(accepted)} accepted (201), {len(refused)} refused (429: {len(by_app)} by the "
        f"application's limit, {len(refused) - len(by_app)} by the address's), {len(other)} other"
    )
    print(f"  median {post_med:.0f} ms, p95 {p95(post_ms):.0f} ms")
    print(
        f"ratio POST/GET: median {post_med / get_med:.1f}×, p95 {p95(post_ms) / p95(get_ms):.1f}×"
    )
    distinct = len(set(folios))
    print(
        f"database: {len(folios)} reports, {distinct} distinct folios, {orphan_cases} orphan cases"
    )
    for name, ok in checks.items():
        print(f"  {'ok ' if ok else 'FAIL'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
