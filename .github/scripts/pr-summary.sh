#!/usr/bin/env bash
# Prints the pull-request summary as Markdown on standard output.
#
#   bash .github/scripts/pr-summary.sh BASE_SITE HEAD_SITE CHECK_OUTPUT_FILE CHANGED_FILES_FILE
#
# BASE_SITE, HEAD_SITE  sites written by 'starkit build' from the base revision and from the pull
#                       request; a missing folder means that site could not be built.
# CHECK_OUTPUT_FILE     everything 'starkit check --format github' printed (standard output and error).
# CHANGED_FILES_FILE    the output of 'git diff --name-status BASE HEAD -- curriculum/lessons'.
#
# Kit times come from the kit pages: site/kits/<id>/index.html holds
# '<dt>Total time</dt><dd>TOTAL, of which TEACHING teaching</dd>'.
set -euo pipefail
export LC_ALL=C

if [ "$#" -ne 4 ]; then
  echo "usage: $0 BASE_SITE HEAD_SITE CHECK_OUTPUT_FILE CHANGED_FILES_FILE" >&2
  exit 2
fi
base_site=$1
head_site=$2
check_output=$3
changed_files=$4
tab=$'\t'

# A file name as a Markdown table cell: a code span without backticks, pipes escaped.
cell() {
  local text=${1//\`/\'}
  printf '%s%s%s' '`' "${text//|/\\|}" '`'
}

# "1 error" or "2 errors".
plural() {
  if [ "$1" -eq 1 ]; then printf '%s %s' "$1" "$2"; else printf '%s %ss' "$1" "$2"; fi
}

# One "id<TAB>total time" line per kit page of a site, sorted by id.
kit_times() {
  local page id total
  for page in "$1"/kits/*/index.html; do
    [ -f "$page" ] || continue
    id=$(basename "$(dirname "$page")")
    total=$(sed -n 's:.*<dt>Total time</dt><dd>\(.*\), of which .*:\1:p' "$page" | head -n 1)
    printf '%s\t%s\n' "$id" "${total:-unknown}"
  done | sort
}

print_check() {
  local counts errors warnings
  echo "## starkit check"
  echo
  counts=""
  if [ -f "$check_output" ]; then
    counts=$(grep -Eo '[0-9]+ errors?, [0-9]+ warnings?\.$' "$check_output" | tail -n 1 || true)
  fi
  if [ -z "$counts" ]; then
    echo "starkit check did not finish, so there are no counts: see the job's log for what went wrong."
    return
  fi
  errors=${counts%% *}
  warnings=${counts#*, }
  warnings=${warnings%% *}
  echo "| errors | warnings |"
  echo "|---:|---:|"
  echo "| $errors | $warnings |"
  echo
  if [ "$errors" -gt 0 ]; then
    echo "The check failed: the site is not built while there are errors. Each problem is marked on its"
    echo "line under *Files changed*; run \`./starkit check\` locally to see them all with hints."
  elif [ "$warnings" -gt 0 ]; then
    echo "No errors. Please look at the $(plural "$warnings" warning) too: publishing uses \`--strict\`, where"
    echo "warnings fail."
  else
    echo "No errors and no warnings."
  fi
}

print_lessons() {
  local status path old_or_new old name change other=0 listed=0
  echo
  echo "## Lessons added or changed"
  echo
  if [ ! -f "$changed_files" ]; then
    echo "The changed files are not known."
    return
  fi
  while IFS="$tab" read -r status path old_or_new || [ -n "$status" ]; do
    [ -n "$status" ] || continue
    old=""
    if [[ "$status" == R* || "$status" == C* ]]; then
      old=$path
      path=$old_or_new
    fi
    name=${path##*/}
    if [[ "$path" != *.md || "$name" == _* || "$name" == .* || "$name" == README.md ]]; then
      other=$((other + 1))
      continue
    fi
    case "$status" in
      A*) change="added" ;;
      D*) change="removed" ;;
      R*) change="renamed from $(cell "$old")" ;;
      C*) change="copied from $(cell "$old")" ;;
      *) change="changed" ;;
    esac
    if [ "$listed" -eq 0 ]; then
      echo "| lesson | change |"
      echo "|---|---|"
    fi
    listed=$((listed + 1))
    echo "| $(cell "$path") | $change |"
  done < "$changed_files"
  if [ "$listed" -eq 0 ]; then
    echo "No lesson was added or changed."
  fi
  if [ "$other" -gt 0 ]; then
    echo
    echo "$(plural "$other" "other file") under \`curriculum/lessons/\` changed too (images or data files)."
  fi
}

print_kits() {
  local id before after listed=0
  echo
  echo "## Kit times"
  echo
  if [ ! -d "$head_site" ]; then
    echo "The site of this pull request could not be built, so kit times are not compared."
    return
  fi
  if [ ! -d "$base_site" ]; then
    echo "The site of the base revision could not be built, so kit times are not compared."
    return
  fi
  while IFS="$tab" read -r id before after; do
    [ "$before" != "$after" ] || continue
    if [ "$listed" -eq 0 ]; then
      echo "| kit | before | after |"
      echo "|---|---|---|"
    fi
    listed=$((listed + 1))
    [ "$before" != - ] || before="(new kit)"
    [ "$after" != - ] || after="(removed)"
    echo "| $(cell "$id") | $before | $after |"
  done < <(join -t "$tab" -a 1 -a 2 -e - -o 0,1.2,2.2 <(kit_times "$base_site") <(kit_times "$head_site"))
  if [ "$listed" -eq 0 ]; then
    echo "No kit's total time changed."
  fi
}

print_check
print_lessons
print_kits
