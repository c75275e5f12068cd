#!/usr/bin/env python3
"""Instructions per request under callgrind, each contender as a ratio to libcurl + json::parse.

Every HTTP contender GETs the same account JSON (bench/data/account_5kb.json) from one loopback
keep-alive server (bench_account_server, a process of its own, so only the client is counted).
After a warm-up, callgrind collects inside measured_loop() alone
(--collect-atstart=no --toggle-collect=measured_loop): the counts are the client's instructions
for the measured requests, the same from run to run to a fraction of a percent, whatever else
the machine is doing. The decode contenders need no server: bytes to a document (json::parse)
against bytes to stripe::v1::Account.

Usage: scripts/callgrind.py [--build-dir build/bench] [--requests 2000] [--warmup 200]
                            [--jobs N] [--no-build] [--only curl,typed,...]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (name given to bench_callgrind, what it measures); the first HTTP row after the baseline's is
# what the ratios are against.
HTTP = [
    ("curl", "plain libcurl, body dropped"),
    ("curl_parse", "libcurl + nlohmann::json::parse"),
    ("raw", "SDK raw_request"),
    ("typed", "SDK client.v1().accounts().retrieve(id)"),
]
HTTP_BASELINE = "curl_parse"
DECODE = [
    ("parse", "nlohmann::json::parse of the account bytes"),
    ("decode", "typed decode: the bytes to stripe::v1::Account"),
    ("decode_document", "the same through a document (json::parse, then stripe::decode)"),
]
DECODE_BASELINE = "parse"


def build(build_dir, jobs):
    subprocess.run(["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                    "-DSTRIPE_CONNECT_BUILD_BENCHMARKS=ON", "-DSTRIPE_CONNECT_BUILD_TESTS=OFF",
                    "-DSTRIPE_CONNECT_BUILD_EXAMPLES=OFF"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build_dir, "-j", str(jobs), "--target", "bench_callgrind",
                    "bench_account_server"], check=True, stdout=subprocess.DEVNULL)


def instructions(binary, contender, base_url, requests, warmup, tmp):
    """Instructions collected inside measured_loop() for `requests` repetitions."""
    out = os.path.join(tmp, f"callgrind.{contender}.out")
    subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=measured_loop",
                    f"--callgrind-out-file={out}", binary, contender, base_url, str(requests), str(warmup)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as f:
        for line in f:
            m = re.match(r"(?:summary|totals):\s+(\d+)", line)
            if m:
                return int(m.group(1))
    raise RuntimeError(f"no instruction total in {out}")


def print_table(title, rows, per, baseline):
    print(title)
    width = max(len(label) for _, label in HTTP + DECODE)
    for name, label in rows:
        if name not in per:
            continue
        ratio = f"{per[name] / per[baseline]:.2f}x" if baseline in per else ""
        print(f"  {label:<{width}}  {per[name] / 1000:10,.1f} K   {ratio:>6}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--requests", type=int, default=2000, help="measured repetitions per contender")
    ap.add_argument("--warmup", type=int, default=200, help="repetitions before measuring")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--no-build", action="store_true", help="use the binaries already in --build-dir")
    ap.add_argument("--only", default="", help="comma-separated contenders (default: all)")
    args = ap.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    if not args.no_build:
        build(args.build_dir, args.jobs)
    bench = os.path.join(args.build_dir, "bench")
    client, server_binary = os.path.join(bench, "bench_callgrind"), os.path.join(bench, "bench_account_server")
    wanted = set(filter(None, args.only.split(","))) or {n for n, _ in HTTP + DECODE}

    per = {}
    server = subprocess.Popen([server_binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        base_url = f"http://127.0.0.1:{int(server.stdout.readline())}"
        with tempfile.TemporaryDirectory() as tmp:
            for name, _ in HTTP + DECODE:
                if name in wanted:
                    per[name] = instructions(client, name, base_url, args.requests, args.warmup, tmp) / args.requests
    finally:
        server.stdin.close()  # the server exits when its stdin closes
        server.wait(timeout=30)

    print(f"callgrind instructions per request ({args.requests} measured after {args.warmup} warm-up; "
          "ratio to the baseline row)")
    print_table("loopback GET of the account (ratio to libcurl + json::parse):", HTTP, per, HTTP_BASELINE)
    print_table("decoding the same bytes (ratio to json::parse):", DECODE, per, DECODE_BASELINE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
