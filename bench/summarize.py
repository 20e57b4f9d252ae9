#!/usr/bin/env python3
"""Writes the results table from bench/run.sh's raw.tsv (also on a partial run):
summarize.py RAW.tsv OPENSSL.txt OUT.md ROSTER"""
import csv, statistics, sys, os, subprocess, datetime
raw, ossl, out, roster = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = list(csv.DictReader(open(raw), delimiter="\t"))
by = {}
for r in rows:
    by.setdefault((r["case"], r["tool"]), []).append(r)
med = statistics.median
def f(xs): return [float(x) for x in xs]
hugo = {c: med(f(r["wall_s"] for r in rs)) for (c, t), rs in by.items() if t == "hugo"}
hugo_rss = {c: med(f(r["maxrss_kb"] for r in rs)) for (c, t), rs in by.items() if t == "hugo"}
jv = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
mem = int(open("/proc/meminfo").read().split()[1]) / 1048576
L = [f"# starkit benchmark results", "",
     f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores, "
     f"{mem:.0f} GiB, {jv}; written by `bench/run.sh`.", "",
     "| case | tool | runs | wall median s | min | max | CPU s (median) | peak RSS MiB | wall ratio to Hugo | load (1 min) |",
     "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
for (c, t), rs in by.items():
    w = f(r["wall_s"] for r in rs); cpu = f(r["cpu_s"] for r in rs); rss = f(r["maxrss_kb"] for r in rs)
    base = c.split("-")[-1]
    ref = hugo.get(c) if c.startswith("full") else hugo.get("full-" + base) if c.startswith("rebuild") else None
    ratio = "" if t == "hugo" or ref is None else f"{med(w) / ref:.2f}"
    loads = f(r["load1"] for r in rs)
    L.append(f"| {c} | {t} | {len(rs)} | {med(w):.2f} | {min(w):.2f} | {max(w):.2f} | {med(cpu):.2f} | "
             f"{med(rss) / 1024:.0f} | {ratio} | {min(loads):.1f}-{max(loads):.1f} |")
signer_txt = os.path.join(os.path.dirname(raw), "signer.txt")
signer = open(signer_txt).read().strip() if os.path.exists(signer_txt) else ""
if roster and os.path.exists(ossl) and os.path.getsize(ossl):
    sign_s = float(open(ossl).read().split()[0].rstrip("s"))
    for case, what in ((f"badges-{roster}", "badges only (`--no-certificates`)"),
                       (f"badges-certificates-{roster}", "badges and a printable certificate each")):
        b = by.get((case, "starkit"))
        if not b:
            continue
        w, cpu = float(b[0]["wall_s"]), float(b[0]["cpu_s"])
        L += ["", f"`{case}`: {roster} learners, {what}; each an Open Badges 3.0 and 2.0 award baked into PNG "
              f"and SVG (two RSA-2048 signatures per learner): {w:.2f} s wall, {cpu:.2f} CPU s (load "
              f"{b[0]['load1']}), {w / roster * 1000:.2f} ms wall and {cpu / roster * 1000:.2f} ms CPU per learner, "
              f"{cpu / (2 * roster) * 1000:.2f} CPU ms per signature including everything else (JVM start "
              f"included); `openssl speed rsa2048` signs in {sign_s * 1000:.2f} ms on this machine "
              f"({cpu / (2 * roster) / sign_s:.1f}x)." + (f" Signed with {signer}." if signer else "")]
serve = os.path.join(os.path.dirname(raw), "serve.txt")
if os.path.exists(serve) and os.path.getsize(serve):
    n, m, lo, hi = open(serve).read().split()
    L += ["", f"Preview: `starkit serve` on {n} lessons, from saving a lesson to its rebuilt page being served, "
          f"20 edits: median {float(m):.0f} ms (min {float(lo):.0f}, max {float(hi):.0f})."]
L += ["", "Ratios are starkit's median wall time over Hugo's full build of the same size in the same run. "
      "Figures are only comparable within one run: the machine is shared, see the load column."]
# Notes written by hand under this line survive the next run; everything above it is rewritten.
MARK = "<!-- notes below are kept by bench/run.sh -->"
kept = ""
if os.path.exists(out):
    before = open(out).read()
    if MARK in before:
        kept = before[before.index(MARK) + len(MARK):].strip("\n")
L += ["", MARK] + ([kept] if kept else [])
open(out, "w").write("\n".join(L) + "\n")
print("\n".join(L))
