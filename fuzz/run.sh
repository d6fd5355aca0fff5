#!/usr/bin/env bash
# Run the atheris campaigns: at most 2 targets at a time (shared machine), RUNS inputs each.
# Usage: fuzz/run.sh [RUNS] [target ...]   (default 100000, all targets)
# Writes fuzz/out/<target>.log (libFuzzer output + /usr/bin/time -v) and keeps the grown corpus in
# fuzz/out/corpus/<target> (git-ignored).  Seeds: fuzz/seeds/<target> plus read-only shared
# conformance files and the repository's termbase, read in place.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
py="$repo/.venv/bin/python"
runs="${1:-100000}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(tmx xliff12 xliff2 po plain tbx yaml)
out="$here/out"
mkdir -p "$out/corpus" "$out/crashes"
shared="${MUSTALAH_SHARED:-$repo/../shared}/conformance"

extra_dirs() {
  case "$1" in
    tmx) echo "$shared/tmx" ;;
    xliff12) echo "$shared/xliff12" ;;
    xliff2) echo "$shared/xliff2" ;;
    po) echo "$shared/po" ;;
    tbx) echo "$shared/tbx" ;;
    yaml) echo "$repo/tests/termbase/fixtures/good $repo/tests/termbase/fixtures/bad" ;;
    plain) echo "$repo/corpora/mt" ;;
  esac
}

run_one() {
  local t="$1" dirs=()
  mkdir -p "$out/corpus/$t" "$out/crashes/$t"
  for d in $(extra_dirs "$t"); do [ -d "$d" ] && dirs+=("$d"); done
  /usr/bin/time -v "$py" "$here/fuzz_$t.py" -runs="$runs" -timeout=20 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$out/crashes/$t/" \
    "$out/corpus/$t" "$here/seeds/$t" "${dirs[@]}" >"$out/$t.log" 2>&1
  echo "$t exit=$?" >>"$out/status.txt"
}

running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait
