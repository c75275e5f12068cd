#!/usr/bin/env python3
"""Compiles every ```cpp block of README.md and docs/**/*.md against an installed stripe_connect,
and runs the blocks that are whole programs. Python 3 standard library only.

How a block is checked is said by an HTML comment right before it (blank lines may separate
them); rendered Markdown does not show it.

  no marker, or <!-- snippet: program [exit=N] [expect=TEXT] -->
      A whole program (it defines main): compiled as written, with no include added, linked
      with every component (curl, webhook, testing) and run with no network (STRIPE_SECRET_KEY
      unset, every proxy variable pointing at a closed port). It must exit with N (default 0),
      print TEXT if given (the rest of the comment), and never print an account link URL.
  <!-- snippet: fragment [given: DECLARATIONS] -->
      Statements: compiled as the body of a function, after the SDK's headers and the block's
      own #include lines, and linked; not run. DECLARATIONS, separated by ';', are what the text
      around the block says already exists: each becomes a parameter of that function
      (`const stripe::Client& client`), except `namespace ...` and `using ...` declarations,
      which open the body.
  <!-- snippet: skip REASON -->
      Not compiled. REASON (required) says why, e.g. the block shows another library's API.

A block without a marker that has no main is an error: say what it is. Compiler messages point
at the Markdown file and line (#line).

  check_doc_snippets.py --prefix PREFIX --work DIR [--cxx CXX] [--jobs N] [FILE.md ...]
  check_doc_snippets.py --self-test
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = re.compile(r"<!--\s*snippet:\s*(.*?)\s*-->\s*$", re.S)
FENCE = re.compile(r"^```cpp\s*$")
MAIN = re.compile(r"\bint\s+main\s*\(")
# Printed links would be leaks: the simulator's link host and Stripe's.
LINK_HOSTS = ("connect.simulator.invalid", "connect.stripe.com")
FRAGMENT_PRELUDE = """#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <stripe/connect.hpp>
#include <stripe/onboarding.hpp>
#include <stripe/testing/recording_transport.hpp>
#include <stripe/testing/simulator.hpp>
#include <stripe/webhook.hpp>
"""


class SnippetError(Exception):
    pass


class Block:
    def __init__(self, path, line, code, kind, args):
        self.path, self.line, self.code, self.kind, self.args = path, line, code, kind, args

    @property
    def where(self):
        return f"{self.path}:{self.line}"


def parse_marker(text, where):
    """('program'|'fragment'|'skip', args) from the text of a snippet comment."""
    m = re.match(r"(\w+)\s*(.*)", text, re.S)
    if not m:
        raise SnippetError(f"{where}: empty snippet marker")
    kind, rest = m.group(1), m.group(2).strip()
    if kind == "skip":
        if not rest:
            raise SnippetError(f"{where}: 'snippet: skip' needs a reason")
        return kind, {"reason": rest}
    if kind == "fragment":
        if rest and not rest.startswith("given:"):
            raise SnippetError(f"{where}: expected 'snippet: fragment [given: DECLARATIONS]', got {rest!r}")
        given = [d.strip() for d in rest[len("given:"):].split(";")] if rest else []
        return kind, {"given": [" ".join(d.split()) for d in given if d]}
    if kind == "program":
        args = {"exit": 0, "expect": None}
        m = re.match(r"(?:exit=(\d+)\s*)?(?:expect=(.*))?$", rest, re.S)
        if not m:
            raise SnippetError(f"{where}: expected 'snippet: program [exit=N] [expect=TEXT]', got {rest!r}")
        if m.group(1):
            args["exit"] = int(m.group(1))
        if m.group(2):
            args["expect"] = m.group(2).strip()
        return kind, args
    raise SnippetError(f"{where}: unknown snippet marker {kind!r} (program, fragment, skip)")


def extract(path, text, display=None):
    """The ```cpp blocks of one Markdown text, with how each is to be checked."""
    display = display or path
    lines = text.split("\n")
    blocks, i = [], 0
    while i < len(lines):
        if not FENCE.match(lines[i]):
            i += 1
            continue
        start = i + 1
        end = start
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        if end == len(lines):
            raise SnippetError(f"{display}:{i + 1}: unterminated ```cpp block")
        code = "\n".join(lines[start:end])
        # The marker: the comment ending on the last non-blank line before the fence.
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        marker = None
        if j >= 0 and lines[j].rstrip().endswith("-->"):
            k = j
            while k >= 0 and "<!--" not in lines[k]:
                k -= 1
            m = MARKER.search("\n".join(lines[k:j + 1])) if k >= 0 else None
            if m:
                marker = m.group(1)
        where = f"{display}:{start + 1}"
        if marker is None:
            if not MAIN.search(code):
                raise SnippetError(f"{where}: this block is not a whole program; mark it "
                                   "<!-- snippet: fragment [given: ...] --> or <!-- snippet: skip REASON -->")
            kind, args = "program", {"exit": 0, "expect": None}
        else:
            kind, args = parse_marker(marker, where)
        if kind == "program" and not MAIN.search(code):
            raise SnippetError(f"{where}: marked as a program but has no main")
        blocks.append(Block(display, start + 1, code, kind, args))
        i = end + 1
    return blocks


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fragment_source(blocks, index_base):
    """A translation unit with a function per fragment."""
    includes, bodies = [], []
    for n, b in enumerate(blocks, index_base):
        own = [l for l in b.code.split("\n") if l.lstrip().startswith("#include")]
        includes += [l for l in own if l not in includes]
        params = [d for d in b.args["given"] if not re.match(r"(namespace|using)\b", d)]
        opening = [d + ";" for d in b.args["given"] if re.match(r"(namespace|using)\b", d)]
        # Keep line numbers: an #include line becomes an empty line.
        code = "\n".join("" if l.lstrip().startswith("#include") else l for l in b.code.split("\n"))
        bodies.append(
            f"void snippet_{n}({', '.join('[[maybe_unused]] ' + p for p in params)}) {{\n"
            + "".join(f"  {o}\n" for o in opening)
            + f"#line {b.line} {c_string(b.path)}\n{code}\n}}\n")
    return FRAGMENT_PRELUDE + "\n".join(includes) + "\n\n" + "\n".join(bodies)


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def check(files, prefix, work, cxx, jobs):
    blocks = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            blocks += extract(path, f.read(), os.path.relpath(path, ROOT))
    fragments = [b for b in blocks if b.kind == "fragment"]
    programs = [b for b in blocks if b.kind == "program"]
    skipped = [b for b in blocks if b.kind == "skip"]

    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # One translation unit for every fragment: the SDK's headers are parsed once.
    with open(os.path.join(work, "fragments.cpp"), "w") as f:
        f.write(fragment_source(fragments, 0))
        f.write("\nint main() { return 0; }  // fragments are compiled and linked, not run\n")
    cmake = [
        "cmake_minimum_required(VERSION 3.16)",
        "project(doc_snippets CXX)",
        "find_package(stripe_connect CONFIG REQUIRED COMPONENTS curl webhook testing)",
        "set(CMAKE_CXX_STANDARD 17)",
        "set(CMAKE_CXX_STANDARD_REQUIRED ON)",
        "set(CMAKE_CXX_EXTENSIONS OFF)",
        'if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")',
        "  add_compile_options(-Wall -Wextra -Wpedantic -Werror)",
        "endif()",
        "set(all stripe_connect::stripe_connect stripe_connect::curl stripe_connect::webhook stripe_connect::testing)",
        "add_executable(fragments fragments.cpp)",
        "target_link_libraries(fragments PRIVATE ${all})",
    ]
    for i, b in enumerate(programs):
        with open(os.path.join(work, f"program_{i}.cpp"), "w") as f:
            f.write(f"#line {b.line} {c_string(b.path)}\n{b.code}\n")
        cmake += [f"add_executable(program_{i} program_{i}.cpp)", f"target_link_libraries(program_{i} PRIVATE ${{all}})"]
    with open(os.path.join(work, "CMakeLists.txt"), "w") as f:
        f.write("\n".join(cmake) + "\n")

    build = os.path.join(work, "build")
    configure = ["cmake", "-S", work, "-B", build, f"-DCMAKE_PREFIX_PATH={prefix}"]
    if cxx:
        configure.append(f"-DCMAKE_CXX_COMPILER={cxx}")
    r = run(configure)
    if r.returncode:
        print(r.stdout)
        raise SnippetError("configuring the snippet project against the installed package failed")
    r = run(["cmake", "--build", build, "--parallel", str(jobs), "--", "-k"])
    if r.returncode:
        print(r.stdout)
        raise SnippetError("some documentation snippets do not compile (see the file:line messages above)")

    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(("STRIPE_", "NO_PROXY"))}
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env[var] = "http://127.0.0.1:9"  # nothing listens there: no request leaves the machine
    failures = []
    for i, b in enumerate(programs):
        r = run([os.path.join(build, f"program_{i}")], env=env, timeout=120, cwd=work)
        problems = []
        if r.returncode != b.args["exit"]:
            problems.append(f"exit {r.returncode}, expected {b.args['exit']}")
        if b.args["expect"] and b.args["expect"] not in r.stdout:
            problems.append(f"output lacks {b.args['expect']!r}")
        if any(host in r.stdout for host in LINK_HOSTS):
            problems.append("it printed an account link URL")
        if problems:
            failures.append(f"{b.where}: {'; '.join(problems)}\n--- output ---\n{r.stdout}")
    for f in failures:
        print(f)
    print(f"{len(fragments)} fragments compiled, {len(programs)} programs compiled and run, {len(skipped)} skipped"
          + "".join(f"\n  skipped {b.where}: {b.args['reason']}" for b in skipped))
    if failures:
        raise SnippetError(f"{len(failures)} documentation programs failed")


def self_test():
    """The marker rules, on made-up Markdown."""
    def kinds(md):
        return [(b.kind, b.args) for b in extract("t.md", md)]

    assert kinds("```cpp\nint main() { return 0; }\n```\n") == [("program", {"exit": 0, "expect": None})]
    assert kinds("<!-- snippet: program exit=2 expect=set the key -->\n```cpp\nint main() {}\n```") == [
        ("program", {"exit": 2, "expect": "set the key"})]
    got = kinds("<!-- snippet: fragment given: const stripe::Client& client;\n  namespace ob = stripe::onboarding -->\n\n"
                "```cpp\nclient.v1();\n```")
    assert got == [("fragment", {"given": ["const stripe::Client& client", "namespace ob = stripe::onboarding"]})], got
    assert kinds("<!-- snippet: skip shows libcurl's API -->\n```cpp\ncurl_easy_init();\n```") == [
        ("skip", {"reason": "shows libcurl's API"})]
    for bad, why in (("```cpp\nx = 1;\n```", "not a whole program"),
                     ("<!-- snippet: skip -->\n```cpp\nx;\n```", "needs a reason"),
                     ("<!-- snippet: partial -->\n```cpp\nx;\n```", "unknown snippet marker"),
                     ("<!-- snippet: program -->\n```cpp\nx;\n```", "has no main"),
                     ("<!-- a note, not a marker -->\n```cpp\nx;\n```", "not a whole program"),
                     ("```cpp\nint main() {}\n", "unterminated")):
        try:
            extract("t.md", bad)
        except SnippetError as e:
            assert why in str(e), (bad, str(e))
        else:
            raise AssertionError(f"accepted: {bad!r}")
    src = fragment_source(extract("t.md", "text\n<!-- snippet: fragment given: int x; using std::string -->\n"
                                           "```cpp\n#include <set>\nstring s(x, 'a');\n```"), 0)
    assert "#include <set>\n" in src and "void snippet_0([[maybe_unused]] int x) {\n  using std::string;\n" in src, src
    assert '#line 4 "t.md"\n\nstring s' in src, src  # the include's line stays, empty
    print("marker rules: ok")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--prefix", help="an install prefix of stripe_connect with every component")
    p.add_argument("--work", help="scratch directory (emptied)")
    p.add_argument("--cxx", help="C++ compiler")
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--self-test", action="store_true")
    p.add_argument("files", nargs="*")
    a = p.parse_args()
    try:
        if a.self_test:
            self_test()
            return 0
        if not a.prefix or not a.work:
            p.error("--prefix and --work are required")
        files = a.files or [os.path.join(ROOT, "README.md")] + sorted(
            glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True))
        check([os.path.abspath(f) for f in files], os.path.abspath(a.prefix), os.path.abspath(a.work), a.cxx, a.jobs)
        return 0
    except SnippetError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
