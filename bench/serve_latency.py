#!/usr/bin/env python3
"""Edit-to-served latency of `starkit serve`.

    bench/serve_latency.py CURRICULUM [--edits 20] [--port 8765] [--java "java -jar target/starkit.jar"]

Copies nothing: give it a scratch copy of a curriculum, since it appends to one lesson. Starts
`starkit serve`, waits for the first build, then 20 times appends a paragraph with a fresh marker word
to one lesson, and polls that lesson's page until the served HTML holds the marker. Prints one
latency per edit (milliseconds from the write returning to the first response holding the marker)
and a last line `median min max` that bench/run.sh records.
"""
import argparse, os, re, shlex, statistics, subprocess, sys, time, urllib.request


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("curriculum")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--java", default="java -jar target/starkit.jar")
    ap.add_argument("--timeout", type=float, default=600)
    a = ap.parse_args()
    lessons = sorted(f for f in os.listdir(os.path.join(a.curriculum, "lessons")) if f.endswith(".md"))
    lesson = os.path.join(a.curriculum, "lessons", lessons[len(lessons) // 2])
    lesson_id = re.sub(r"\.md$", "", os.path.basename(lesson))
    url = f"http://127.0.0.1:{a.port}/lessons/{lesson_id}/"
    cmd = shlex.split(a.java) + ["serve", "-q", "--source", a.curriculum, "--port", str(a.port),
                                 "--today", "2030-01-01"]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        start = time.monotonic()
        while "</html>" not in fetch(url):
            if server.poll() is not None:
                sys.exit("serve stopped: " + server.stderr.read().decode())
            if time.monotonic() - start > a.timeout:
                sys.exit("serve did not answer within the timeout")
            time.sleep(0.2)
        print(f"first build served after {time.monotonic() - start:.1f} s", file=sys.stderr)
        time.sleep(1.0)
        latencies = []
        for i in range(a.edits):
            marker = f"benchmarker{i:03d}x{os.getpid()}"
            with open(lesson, "a", encoding="utf-8") as f:
                f.write(f"\nEdit {marker} of the benchmark.\n")
            t0 = time.monotonic()
            while marker not in fetch(url):
                if time.monotonic() - t0 > a.timeout:
                    sys.exit(f"edit {i} was not served within the timeout")
                time.sleep(0.002)
            ms = (time.monotonic() - t0) * 1000
            latencies.append(ms)
            print(f"edit {i + 1:2d}: {ms:8.1f} ms", file=sys.stderr)
            time.sleep(0.5)
        print(f"{statistics.median(latencies):.1f} {min(latencies):.1f} {max(latencies):.1f}")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
