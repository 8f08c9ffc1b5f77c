"""A bounded load on `paycalc serve` over loopback: 50 concurrent clients, errors, latency and throughput.

Starts `paycalc serve` on a free 127.0.0.1 port, then for each route loads it from 50 concurrent
keep-alive connections and reports errors, p50/p99 latency and requests a second, against a trivial route
of the same server (/health) in the same run. With `wrk` on the PATH (Debian's package) each route gets 5
seconds of it (far more than 5,000 requests), since a load generator in Python takes the CPU the server
needs on a 2-core machine; without it, 5,000 requests a route from 50 httpx clients. The server keeps
answers by address, so "/api/pay, distinct" also asks 5,000 different questions (title, years and date
vary), which it must work out afresh. Goals (issue 18): 0 errors; p99 <= 50 ms; /api/pay at least half
the trivial route's throughput. Only loopback traffic; it stops by itself.

    python bench/serve.py
    python bench/serve.py --python           # the httpx clients even where wrk exists
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROUTES = {
    "/health (trivial)": "/health",
    "/api/pay": "/api/pay?title=Ed.+Asst.+B&date=2018-06-16&years=16",
    "/pay": "/pay?title=Ed.+Asst.+B&date=2018-06-16&years=16",
}


async def load(base: str, path: str, total: int, clients: int) -> tuple[int, list[float], float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    queue = iter(range(total))

    async def client() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=10) as session:
            for _ in queue:
                start = time.perf_counter()
                try:
                    response = await session.get(path)
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - start)

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return errors, latencies, time.perf_counter() - start


# each request a different question: 12 titles x 40 years x 3,650 dates (the server works each out afresh)
DISTINCT = """
local titles = {"Teacher+Aide", "Ed.+Asst.", "Ed.+Asst.+B", "Ed.+Assoc.", "Aux.+Trainer", "Ed.+Assoc.+B"}
local n = 0
request = function()
  n = n + 1
  local day = os.date("!%Y-%m-%d", 1230768000 + (n % 3650) * 86400)
  return wrk.format("GET", "/api/pay?title=" .. titles[n % 6 + 1] .. "&years=" .. (n % 40) .. "&date=" .. day)
end
"""


def server_cpu(pid: int) -> float:
    """The server process's CPU seconds so far (user + system, Linux's /proc), or 0 where it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


SERVER_PID = 0  # set by main: the server whose CPU each route is charged


def with_wrk(wrk: str, base: str, path: str, clients: int, script: str | None = None) -> float:
    """Five seconds of wrk on one route: prints errors, p50, p99, requests a second and the server's CPU time a
    request (the load generator shares this machine's cores, and a client that builds each request in Lua is
    slower: CPU a request is the server's own cost); returns requests a second."""
    import re

    command = [wrk, "-t1", f"-c{clients}", "-d5s", "--latency", f"{base}{path}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        if script is not None:
            lua.write(script)
            lua.flush()
            command[-1:-1] = ["-s", lua.name]
        before = server_cpu(SERVER_PID)
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        spent = server_cpu(SERVER_PID) - before
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    failed = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (sum(map(int, failed.groups())) if failed else 0)
    p50 = re.search(r"50%\s+(\S+)", out).group(1)  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+(\S+)", out).group(1)  # type: ignore[union-attr]
    name = path.split("?")[0] or "/api/pay, distinct"
    cpu = spent / total * 1e6 if total else 0.0
    CPU[name] = cpu
    print(f"{name:<20} {total:>7,} requests  errors {errors}  p50 {p50:>8}  p99 {p99:>8}  {rate:8.0f} requests/s"
          f"  {cpu:5.0f} us CPU")  # fmt: skip
    return rate


CPU: dict[str, float] = {}  # each route's server CPU a request, in microseconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=5000, help="requests a route (at least 500)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--python", action="store_true", help="use the httpx clients even where wrk exists")
    args = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PAYCALC_CACHE_DIR": cache}
        server = subprocess.Popen(
            [sys.executable, "-m", "paycalc", "serve", "--port", str(port)], env=env, stderr=subprocess.DEVNULL
        )
        global SERVER_PID
        SERVER_PID = server.pid
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"{base}/health", timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.05)
            wrk = shutil.which("wrk")
            if wrk and not args.python:
                print(f"wrk, {args.clients} connections, 5 s a route; python {sys.version.split()[0]}")
                rates = {name: with_wrk(wrk, base, path, args.clients) for name, path in ROUTES.items()}
                rates["/api/pay, distinct"] = with_wrk(wrk, base, "", args.clients, DISTINCT)
                print(
                    f"/api/pay throughput: {rates['/api/pay'] / rates['/health (trivial)']:.2f} of the trivial "
                    f"route's, {rates['/api/pay, distinct'] / rates['/health (trivial)']:.2f} with distinct "
                    "questions (goal >= 0.50)"
                )
                if CPU.get("/api/pay, distinct"):
                    share = CPU["/health"] / CPU["/api/pay, distinct"]
                    print(
                        f"server CPU a request: the trivial route's {share:.2f} of a distinct question's "
                        "(the throughput the server alone would allow)"
                    )
                return
            print(f"{args.clients} clients, {args.requests:,} requests a route; python {sys.version.split()[0]}")
            rates = {}
            for name, path in ROUTES.items():
                asyncio.run(load(base, path, 200, args.clients))  # warm up
                errors, latencies, seconds = asyncio.run(load(base, path, args.requests, args.clients))
                cut = statistics.quantiles(latencies, n=100)
                rates[name] = len(latencies) / seconds
                print(
                    f"{name:<18} errors {errors}  p50 {cut[49] * 1000:5.1f} ms  p99 {cut[98] * 1000:5.1f} ms  "
                    f"{rates[name]:7.0f} requests/s"
                )
            ratio = rates["/api/pay"] / rates["/health (trivial)"]
            print(f"/api/pay throughput: {ratio:.2f} of the trivial route's (goal >= 0.50)")
        finally:
            server.terminate()
            server.wait(timeout=15)


if __name__ == "__main__":
    main()
