#!/usr/bin/env bash
# bench/run.sh - every starkit benchmark in one go; writes bench/results.md.
#
#   bench/run.sh [--runs R] [--sizes "1000 10000"] [--roster N] [--skip-hugo]
#
# Needs: a JDK 17+, Maven (only to build target/starkit.jar when missing; never in a measured
# path), python3, GNU time (apt-get install -y time), hugo (apt-get install -y hugo), openssl.
# Work files (corpora, outputs, raw timings) go to $BENCH_WORK, default target/bench/.
#
# What it measures (wall, user+sys CPU and peak RSS of every run, with the load average):
#   1. full build of the synthetic corpus (bench/corpus.py) at each size, starkit and Hugo
#      interleaved (hugo, starkit, then reversed on even runs), ratio starkit/Hugo of the medians;
#   2. at the largest size: a rebuild with nothing changed, and a rebuild after editing one lesson;
#   3. the shipped curriculum: ./starkit build, the jar and its archive already made (into a scratch folder);
#   4. badge issuing for a roster of N learners (--roster, default 10000), badges only
#      (--no-certificates) and with certificates, against `openssl speed rsa2048` on the same machine.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=3; sizes="1000 10000"; roster=10000; skip_hugo=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2;;
    --sizes) sizes="$2"; shift 2;;
    --roster) roster="$2"; shift 2;;
    --skip-hugo) skip_hugo=1; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "bench: unknown option $1" >&2; exit 2;;
  esac
done
work="${BENCH_WORK:-$repo/target/bench}"
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (apt-get install -y time)" >&2; exit 2; }
if [ "$skip_hugo" = 0 ] && ! command -v hugo >/dev/null; then
  echo "bench: hugo not found (apt-get install -y hugo), or pass --skip-hugo" >&2; exit 2
fi
jar="${STARKIT_JAR:-$repo/target/starkit.jar}" # STARKIT_JAR: measure another build of the jar
if [ ! -f "$jar" ]; then (cd "$repo" && mvn -B -q -DskipTests package); fi
if [ -n "${STARKIT_JAR:-}" ]; then
  java_cmd=(java ${STARKIT_JAVA_OPTS--XX:TieredStopAtLevel=1} -jar "$jar")
else
  java_cmd=("$repo/starkit") # what users run: its JIT choice and class-data-sharing archive, no Maven once built
  "$repo/starkit" --version >/dev/null # makes the jar and the archive outside the measured runs
fi
raw="$work/raw.tsv"
printf 'case\ttool\trun\twall_s\tcpu_s\tmaxrss_kb\tload1\n' > "$raw"

load1() { cut -d' ' -f1 /proc/loadavg; }

# Old outputs are moved aside, not deleted, right before a timed run, and the pile is deleted only
# between cases (as ../shared/bench/bench_ssg.sh does): on ext4 without a journal, files created
# within about a minute of deleting thousands of others each scan past the recently freed inodes,
# which added seconds of sys time to whichever tool ran next, growing with every run.
trash="$work/.trash"
set_aside() { # paths... -> moved into the trash, if they exist
  local p
  for p in "$@"; do
    if [ -e "$p" ]; then mkdir -p "$trash"; mv "$p" "$(mktemp -d "$trash/XXXXXX")/"; fi
  done
}
empty_trash() { rm -rf "$trash"; sync; }
empty_trash

timed() { # case tool run -- command...
  local c="$1" t="$2" r="$3"; shift 4
  local tf="$work/.time"
  sync
  local l0; l0="$(load1)"
  if ! /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >"$work/.out" 2>"$work/.err"; then
    echo "bench: $c/$t failed:" >&2; tail -20 "$work/.err" >&2; exit 1
  fi
  read -r w u s m < <(tail -1 "$tf")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$t" "$r" "$w" "$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')" "$m" "$l0" >> "$raw"
  printf '  %-22s %-8s run %-2s wall %6ss cpu %6ss rss %7s KB load %s\n' "$c" "$t" "$r" "$w" \
    "$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')" "$m" "$l0" >&2
}

corpus() { # n format -> dir
  local d="$work/corpus-$2-$1"
  local tag; tag="$(sha256sum "$repo/bench/corpus.py" | cut -c1-12)"
  if [ "$(cat "$d/.complete" 2>/dev/null)" != "$tag" ]; then
    rm -rf "$d"; python3 "$repo/bench/corpus.py" "$1" "$d" --format "$2"; echo "$tag" > "$d/.complete"
  fi
  echo "$d"
}

sk_build() { # source out cache
  "${java_cmd[@]}" build -q --source "$1" --out "$2" --cache "$3" --today 2030-01-01
}

echo "# starkit bench $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)" >&2
largest=""
for n in $sizes; do
  largest="$n"
  sc="$(corpus "$n" starkit)"
  [ "$skip_hugo" = 1 ] || hc="$(corpus "$n" hugo)"
  # one warm-up each (page cache, JIT-free but file system warm)
  # full builds start with an empty build cache (a first build), so they measure all the work
  rm -rf "$work/out-sk-$n" "$work/out-hugo-$n" "$work/cache-full-$n"
  sk_build "$sc/curriculum" "$work/out-sk-$n" "$work/cache-full-$n" >/dev/null 2>&1 || true
  [ "$skip_hugo" = 1 ] || hugo --quiet -s "$hc" -d "$work/out-hugo-$n" >/dev/null 2>&1
  for ((i = 1; i <= runs; i++)); do
    order="hugo starkit"; ((i % 2 == 0)) && order="starkit hugo"
    for t in $order; do
      if [ "$t" = hugo ]; then
        [ "$skip_hugo" = 1 ] && continue
        set_aside "$work/out-hugo-$n"
        timed "full-$n" hugo "$i" -- hugo --quiet -s "$hc" -d "$work/out-hugo-$n"
      else
        set_aside "$work/out-sk-$n" "$work/cache-full-$n"
        timed "full-$n" starkit "$i" -- "${java_cmd[@]}" build -q --source "$sc/curriculum" --out "$work/out-sk-$n" \
          --cache "$work/cache-full-$n" --today 2030-01-01
      fi
    done
  done
  empty_trash
done

# Rebuilds at the largest size: into the existing output with the build cache the first build left,
# nothing changed, then one lesson edited.
if [ -n "$largest" ]; then
  src="$work/edit-$largest"
  out="$work/out-rebuild-$largest"; cache="$work/cache-rebuild-$largest"; set_aside "$src" "$out" "$cache"
  cp -r "$(corpus "$largest" starkit)/curriculum" "$src"
  sk_build "$src" "$out" "$cache" >/dev/null 2>&1 || true
  # (not `ls | head -1`: with pipefail, ls dying of SIGPIPE on 10,000 names would end the script)
  for one in "$src/lessons/"*.md; do break; done
  for ((i = 1; i <= runs; i++)); do
    timed "rebuild-nochange-$largest" starkit "$i" -- "${java_cmd[@]}" build -q --source "$src" --out "$out" \
      --cache "$cache" --today 2030-01-01
    printf '\nEdited in run %s.\n' "$i" >> "$one"
    timed "rebuild-1edit-$largest" starkit "$i" -- "${java_cmd[@]}" build -q --source "$src" --out "$out" \
      --cache "$cache" --today 2030-01-01
  done
  empty_trash
fi

# The preview at the largest size: from saving a lesson to its rebuilt page being served, 20 edits.
if [ -n "$largest" ] && [ "${BENCH_SERVE:-1}" = 1 ]; then
  src="$work/serve-$largest"
  set_aside "$src"; cp -r "$(corpus "$largest" starkit)/curriculum" "$src"
  echo "  serve-$largest: 20 edits" >&2
  python3 "$repo/bench/serve_latency.py" "$src" --edits 20 --java "${java_cmd[*]}" > "$work/serve.txt" \
    || { echo "bench: serve latency failed" >&2; : > "$work/serve.txt"; }
  [ -s "$work/serve.txt" ] && echo "$largest $(cat "$work/serve.txt")" > "$work/serve.txt"
  empty_trash
fi

# The shipped curriculum, as a user runs it (the jar, no Maven).
for ((i = 1; i <= runs + 2; i++)); do
  set_aside "$work/out-shipped" "$work/cache-shipped"
  timed shipped starkit "$i" -- "${java_cmd[@]}" build -q --source "$repo/curriculum" --out "$work/out-shipped" \
    --cache "$work/cache-shipped"
done
empty_trash

# Badges for a roster: a scratch copy of the shipped curriculum with a key of its own.
if [ "$roster" -gt 0 ]; then
  # outside any git work tree: keygen refuses to write a private key where it could be committed
  b="$(mktemp -d "${TMPDIR:-/tmp}/starkit-bench-badges.XXXXXX")"; trap 'rm -rf "$b"' EXIT
  cp -r "$repo/curriculum" "$b/curriculum"
  grep -q '^base_url:' "$b/curriculum/starkit.yml" || printf 'base_url: "https://workshops.example.org/"\n' >> "$b/curriculum/starkit.yml"
  for badge in "$b/curriculum/badges/"*.yml; do break; done
  badge="$(basename "$badge" .yml)"
  "${java_cmd[@]}" badge keygen --source "$b/curriculum" --key "$b/key.jwk" >/dev/null
  python3 - "$roster" "$b/roster.csv" <<'EOF'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    f.write("email,name,evidence,narrative\n")
    for i in range(n):
        f.write(f"learner{i:05d}@example.org,Learner {i},,Completed the workshop\n")
EOF
  # the JVM options ./starkit uses for `badge issue`: the default tiered JIT (C2 signs ~9x faster than C1)
  issue_cmd=(java ${STARKIT_JAVA_OPTS-} -jar "$jar")
  # the issue's case: badges only (3.0 and 2.0, baked PNG and SVG); then with the printable certificates
  rm -rf "$b/awards"; rm -f "$b/curriculum/badges/awards.csv"
  timed "badges-$roster" starkit 1 -- "${issue_cmd[@]}" badge issue --badge "$badge" --roster "$b/roster.csv" \
    --key "$b/key.jwk" --source "$b/curriculum" --out "$b/awards" --date 2030-01-01 --no-certificates
  # which JCA provider made the RS256 signatures (AWS-LC through ACCP, or the JDK's), as `issue` says
  sed -n 's/^Signed with \(.*\)\.$/\1/p' "$work/.out" > "$work/signer.txt"
  rm -rf "$b/awards"; rm -f "$b/curriculum/badges/awards.csv"
  timed "badges-certificates-$roster" starkit 1 -- "${issue_cmd[@]}" badge issue --badge "$badge" \
    --roster "$b/roster.csv" --key "$b/key.jwk" --source "$b/curriculum" --out "$b/awards" --date 2030-01-01
  openssl speed -seconds 3 rsa2048 2>/dev/null | awk '/^rsa 2048/ {print $4}' > "$work/openssl.txt" || true
fi

python3 "$repo/bench/summarize.py" "$raw" "$work/openssl.txt" "$repo/bench/results.md" "$roster"
