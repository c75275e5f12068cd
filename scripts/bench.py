#!/usr/bin/env python3
"""Runs the benchmarks and prints each comparison as a ratio against its baseline.

Absolute times on shared machines are noise; the ratios, measured in one run, are the figures.
Usage: scripts/bench.py [--build-dir build/bench] [--repetitions 5] [--jobs N] [--no-build] [--compile-only]
                        [--list-heap-only] [--throughput-only [--rounds 7] [--requests 5000] [--warmup 1000]]
--compile-only skips the runtime benchmarks and prints only the compile-cost ratios.
--list-heap-only builds bench_list_heap and prints only the peak heap of decoding one list page.
--throughput-only builds bench_callgrind and bench_account_server and runs only the interleaved
wall-clock throughput comparison (the C++ contenders and stripe-node 23.1.0).
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def benchmarks(binary, repetitions):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        run([binary, f"--benchmark_repetitions={repetitions}", "--benchmark_report_aggregates_only=true",
             f"--benchmark_out={out.name}", "--benchmark_out_format=json"], stdout=subprocess.DEVNULL)
        data = json.load(open(out.name))
    medians = {}
    for b in data["benchmarks"]:
        if b.get("aggregate_name") == "median":
            medians[b["run_name"]] = b
    return data["context"], medians


# Compile probes in bench/compile/, each a ratio to BASELINE (nlohmann/json.hpp and one parse).
BASELINE = "json_only.cpp"
COMPILE_PROBES = [
    ("compile: create an account link, only the headers it needs", "account_link_minimal.cpp", 1.3),
    ("compile: <stripe/connect.hpp> + create an account link", "connect_umbrella.cpp", 1.8),
    ("compile: verify a webhook signature", "webhook_signature.cpp", 0.3),
]


def child_cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def compile_times(cxx, entries, include_dirs, runs=3):
    """Median compile time (CPU seconds of the compiler, user + system, which other load on a
    shared machine disturbs far less than wall-clock time) of each (source, flags) entry; the
    entries are interleaved round by round so that what disturbance remains falls on all alike."""
    times = {e: [] for e in entries}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for source, flags in entries:
                start = child_cpu_seconds()
                run([cxx, "-std=c++17", "-O2", "-c", source, "-o", os.path.join(tmp, "probe.o")] +
                    list(flags) + [f"-I{d}" for d in include_dirs])
                times[(source, flags)].append(child_cpu_seconds() - start)
    return {e: statistics.median(t) for e, t in times.items()}


# The two layouts: header-only (the default) and STRIPE_CONNECT_COMPILED, where the request path,
# the services and the transport come compiled from the stripe_connect libraries. The goals hold
# for the compiled layout; the header-only figures are reported beside them.
LAYOUTS = [("header-only", ()), ("compiled", ("-DSTRIPE_CONNECT_COMPILED",))]


def compile_rows(cxx, runs):
    include = [os.path.join(ROOT, "include")]
    src = lambda name: os.path.join(ROOT, "bench", "compile", name)  # noqa: E731
    base_entry = (src(BASELINE), ())
    entries = [base_entry] + [(src(p[1]), flags) for p in COMPILE_PROBES for _, flags in LAYOUTS]
    t = compile_times(cxx, entries, include, runs)
    base = t[base_entry]
    rows, notes = [], []
    for name, probe, goal in COMPILE_PROBES:
        for layout, flags in LAYOUTS:
            seconds = t[(src(probe), flags)]
            ratio = seconds / base
            gated = layout == "compiled"
            rows.append((f"{name} [{layout}]", ratio, f"<= {goal}x" if gated else f"({goal}x)",
                         ratio <= goal if gated else None))
            notes.append(f"{probe} [{layout}] {seconds:.2f} s")
    note = (f"  compile: baseline {BASELINE} {base:.2f} s; " + ", ".join(notes) +
            f" (CPU time, median of {runs}, interleaved, {shutil.which(cxx) or cxx} -std=c++17 -O2 -c)")
    return rows, note


# Wall-clock throughput against one bench_account_server process (keep-alive, loopback, the
# 6 KB account): each contender is a process of its own that warms up, then times `requests`
# sequential GETs and prints its rate. Rounds interleave the contenders (round 1: every contender
# in turn, round 2: the same...), so what disturbs a shared machine falls on all alike; the
# figure is each contender's median over the rounds, and its ratio to libcurl + json::parse.
THROUGHPUT = [
    ("curl_keep", "plain libcurl, body kept, not parsed"),
    ("curl_parse", "libcurl + nlohmann::json::parse"),
    ("raw", "SDK raw_request"),
    ("typed", "SDK client.v1().accounts().retrieve(id)"),
    ("stripe_node", "stripe-node 23.1.0 stripe.accounts.retrieve(id)"),
]
THROUGHPUT_BASELINE = "curl_parse"
RATE = re.compile(r"([0-9.]+) requests/s\s*$")
NODE_SKIPPED = 77  # bench/node/retrieve_throughput.sh: node or npm is not installed


def throughput(build_dir, rounds, requests, warmup):
    """{contender: [requests/s of each round]}; stripe_node maps to None where node or npm is absent,
    or to the exit code where it failed (installing the package needs the npm registry)."""
    bench = os.path.join(build_dir, "bench")
    node = [os.path.join(ROOT, "bench", "node", "retrieve_throughput.sh"), os.path.join(build_dir, "stripe-node")]
    rates = {name: [] for name, _ in THROUGHPUT}
    server = subprocess.Popen([os.path.join(bench, "bench_account_server")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        base_url = f"http://127.0.0.1:{int(server.stdout.readline())}"
        for _ in range(rounds):
            for name, _ in THROUGHPUT:
                if not isinstance(rates[name], list):
                    continue
                if name == "stripe_node":
                    cmd = node + [base_url, str(requests), str(warmup)]
                else:
                    cmd = [os.path.join(bench, "bench_callgrind"), name, base_url, str(requests), str(warmup)]
                done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
                if name == "stripe_node" and done.returncode != 0:  # the C++ rows still run
                    rates[name] = None if done.returncode == NODE_SKIPPED else done.returncode
                    continue
                if done.returncode != 0:
                    raise RuntimeError(f"{' '.join(cmd)} exited with {done.returncode}")
                m = RATE.search(done.stdout.strip().splitlines()[-1])
                if not m:
                    raise RuntimeError(f"no rate in the output of {' '.join(cmd)}: {done.stdout!r}")
                rates[name].append(float(m.group(1)))
    finally:
        server.stdin.close()  # the server exits when its stdin closes
        server.wait(timeout=30)
    return rates


def print_throughput(rates, rounds, requests, warmup):
    print(f"throughput, loopback GET of the 6 KB account from bench_account_server: median requests/s of "
          f"{rounds} interleaved rounds, {requests} sequential requests per contender and round after "
          f"{warmup} warm-up; ratio to libcurl + json::parse")
    width = max(len(label) for _, label in THROUGHPUT)
    base = statistics.median(rates[THROUGHPUT_BASELINE])
    for name, label in THROUGHPUT:
        if rates[name] is None:
            print(f"  {label:<{width}}  skipped (needs node and npm)")
            continue
        if not isinstance(rates[name], list):
            print(f"  {label:<{width}}  failed: exit code {rates[name]} (its messages are above)")
            continue
        median = statistics.median(rates[name])
        spread = f"{min(rates[name]):,.0f}-{max(rates[name]):,.0f}"
        print(f"  {label:<{width}}  {median:10,.0f}/s   {median / base:5.2f}x   (rounds: {spread}/s)")


def list_heap_rows(build_dir):
    """bench_list_heap: client.v1().accounts().list(limit 100) on a page of 100 ~6 KB accounts from
    an in-memory transport; the peak of live heap bytes from just before the call until the Result
    is held, and what the held Result keeps, each over the page's size on the wire."""
    done = run([os.path.join(build_dir, "bench", "bench_list_heap"), "--json"], stdout=subprocess.PIPE, text=True)
    h = json.loads(done.stdout)
    rows = [(f"list page of {h['accounts']} accounts: peak heap during list() / wire size", h["peak_ratio"],
             "<= 3x", h["peak_ratio"] <= 3),
            (f"list page of {h['accounts']} accounts: heap held by the Result / wire size", h["held_ratio"],
             "-", None)]
    note = (f"  list page: {h['wire_bytes']:,} bytes on the wire, peak {h['peak_bytes']:,} bytes, held "
            f"{h['held_bytes']:,} bytes, {h['allocations']:,} allocations during the call")
    return rows, note


def print_rows(rows):
    width = max(len(r[0]) for r in rows)
    for name, ratio, goal, ok in rows:
        verdict = "reported" if ok is None else ("met" if ok else "MISSED")
        print(f"  {name:<{width}}  {ratio:8.3f}   goal {goal:<12} {verdict}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--repetitions", type=int, default=5)
    ap.add_argument("--cxx", default=os.environ.get("CXX", "c++"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="build jobs")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already in --build-dir")
    ap.add_argument("--compile-only", action="store_true", help="only the compile-cost ratios")
    ap.add_argument("--compile-runs", type=int, default=3)
    ap.add_argument("--list-heap-only", action="store_true", help="only the peak heap of one decoded list page")
    ap.add_argument("--throughput-only", action="store_true", help="only the interleaved throughput comparison")
    ap.add_argument("--rounds", type=int, default=7, help="throughput: interleaved rounds (at least 5)")
    ap.add_argument("--requests", type=int, default=5000, help="throughput: measured requests per contender and round")
    ap.add_argument("--warmup", type=int, default=1000, help="throughput: warm-up requests per contender and round")
    args = ap.parse_args()
    if args.rounds < 5:
        ap.error("--rounds must be at least 5")

    if args.compile_only:
        rows, note = compile_rows(args.cxx, args.compile_runs)
        print_rows(rows)
        print(note)
        return 0 if all(r[3] is not False for r in rows) else 1

    def build(*targets):
        if args.no_build:
            return
        run(["cmake", "-S", ROOT, "-B", args.build_dir, "-DCMAKE_BUILD_TYPE=Release",
             "-DSTRIPE_CONNECT_BUILD_BENCHMARKS=ON", "-DSTRIPE_CONNECT_BUILD_TESTS=OFF",
             "-DSTRIPE_CONNECT_BUILD_EXAMPLES=OFF"], stdout=subprocess.DEVNULL)
        run(["cmake", "--build", args.build_dir, "-j", str(args.jobs)] + (["--target", *targets] if targets else []),
            stdout=subprocess.DEVNULL)

    if args.throughput_only:
        build("bench_callgrind", "bench_account_server")
        rates = throughput(args.build_dir, args.rounds, args.requests, args.warmup)
        print_throughput(rates, args.rounds, args.requests, args.warmup)
        return 0
    if args.list_heap_only:
        build("bench_list_heap")
        rows, note = list_heap_rows(args.build_dir)
        print_rows(rows)
        print(note)
        return 0 if all(r[3] is not False for r in rows) else 1
    build()

    ctx, dec = benchmarks(os.path.join(args.build_dir, "bench", "bench_decode"), args.repetitions)
    _, http = benchmarks(os.path.join(args.build_dir, "bench", "bench_http"), args.repetitions)
    _, sim = benchmarks(os.path.join(args.build_dir, "bench", "bench_simulator"), args.repetitions)

    def t(m, name):
        return m[name]["real_time"]

    rows = []
    decode = t(dec, "BM_DecodeAccount") / t(dec, "BM_ParseOnly")
    rows.append(("decode Account from its bytes vs json::parse (~6 KB)", decode, "<= 0.7x", decode <= 0.7))
    decode_document = t(dec, "BM_DecodeAccountDocument") / t(dec, "BM_ParseOnly")
    rows.append(("  the same through a document (parse, then decode)", decode_document, "-", True))
    state_share = t(dec, "BM_AccountState100k") / t(dec, "BM_DecodeAccounts100k/iterations:2")
    rows.append(("account_state / decode, 100,000 accounts", state_share, "< 0.05", state_share < 0.05))
    # The SDK against libcurl: the interleaved throughput section below. Contenders run one after
    # another (bench_http's BM_SdkRetrieve, BM_PlainCurl) are not compared here.
    for mode in ("quiet", "listening"):
        fresh = sim[f"BM_Lifecycle/fresh/{mode}/iterations:400"]["cpu_time"]
        held = sim[f"BM_Lifecycle/held/{mode}/iterations:400"]["cpu_time"]
        rows.append((f"simulator lifecycles, 10,000 accounts held vs fresh ({mode})", fresh / held, ">= 0.8x",
                     fresh / held >= 0.8))
    page = http["BM_AutoPaginate10k/iterations:3"]
    pages_held = page["peak_in_pages"]
    rows.append(("auto-pagination peak heap growth, in pages", pages_held, "a few pages", pages_held <= 3))
    hrows, hnote = list_heap_rows(args.build_dir)
    rows += hrows

    crows, cnote = compile_rows(args.cxx, args.compile_runs)
    rows += crows
    rates = throughput(args.build_dir, args.rounds, args.requests, args.warmup)

    print(f"machine: {ctx.get('num_cpus')} CPUs at {ctx.get('mhz_per_cpu')} MHz, {ctx.get('library_build_type')} "
          f"benchmark library; medians of {args.repetitions} repetitions")
    print_rows(rows)
    print(f"  pagination: {int(page['accounts'])} accounts, one decoded page {int(page['one_page_bytes']):,} bytes, "
          f"peak growth {int(page['peak_growth_bytes']):,} bytes")
    print(hnote)
    print(cnote)
    print(f"  decode: {t(dec, 'BM_DecodeAccount') / 1000:.1f} us from the bytes, "
          f"{t(dec, 'BM_DecodeAccountDocument') / 1000:.1f} us through a document, parse alone "
          f"{t(dec, 'BM_ParseOnly') / 1000:.1f} us")
    print_throughput(rates, args.rounds, args.requests, args.warmup)
    return 0 if all(r[3] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
