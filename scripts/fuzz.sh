#!/usr/bin/env bash
# Longer fuzzing of document reading and extraction than `mvn verify` does, then the kept corpus trimmed to the inputs
# that cover something no other input covers.
#   ./crosscheck fuzz [--duration 10m] [--timeout SECONDS] [TARGET...]
#   TARGET: text, markdown, html, extract (default: all four, one after the other)
# Each target runs under Jazzer for the duration; any exception, undocumented rejection or input slower than the
# timeout (default 1 s) fails it, and the input is saved as crash-*/timeout-* in the target's Inputs folder, where
# every later `mvn verify` replays it. What the fuzzer found worth keeping (.cifuzz-corpus/, not committed) is merged
# with the kept corpus (src/test/resources/dev/crosscheck/fuzz/*Inputs/TARGET/) by libFuzzer's set-cover merge on
# edge coverage; files named seed-*, crash-* and timeout-* are always kept. Figures: target/fuzz-reports/*.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

duration=10m
timeout=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    text|markdown|html|extract) targets+=("$1"); shift ;;
    *) echo "usage: ./crosscheck fuzz [--duration 10m] [--timeout SECONDS] [text|markdown|html|extract]..." >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(text markdown html extract)

class_of() { case "$1" in extract) echo ClaimExtractorFuzzTest ;; *) echo DocumentReaderFuzzTest ;; esac; }

mvn -q -B test-compile
classpath="$root/target/test-classes:$root/target/classes:$(cat "$root/target/test-classpath.txt")"
# libFuzzer's merge starts the fuzzer again in child processes, by the name it was started with.
bin="$root/target/fuzz-bin"
mkdir -p "$bin" "$root/target/fuzz-reports"
printf '#!/bin/sh\nexec java -cp "%s" com.code_intelligence.jazzer.Jazzer "$@"\n' "$classpath" > "$bin/jazzer"
chmod +x "$bin/jazzer"

status=0
for target in "${targets[@]}"; do
  class="$(class_of "$target")"
  log="$root/target/fuzz-reports/$target.log"
  echo "fuzz: $class#$target for $duration (at most $timeout s per input); log $log" >&2
  if ! mvn -B -q surefire:test@fuzz-"$target" -Dfuzz.duration="$duration" -Dfuzz.timeout="$timeout" >"$log" 2>&1; then
    echo "fuzz: $target FAILED: see $log and src/test/resources/dev/crosscheck/fuzz/${class}Inputs/$target/" >&2
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)' "$log" | sed "s/^/fuzz: $target /" >&2 || true

  kept="$root/src/test/resources/dev/crosscheck/fuzz/${class}Inputs/$target"
  found="$root/.cifuzz-corpus/dev.crosscheck.fuzz.$class/$target"
  [ -d "$found" ] || continue
  all="$(mktemp -d)"; merged="$(mktemp -d)"
  cp "$found"/* "$all"/ 2>/dev/null || true
  find "$kept" -maxdepth 1 -type f ! -name 'seed-*' ! -name 'crash-*' ! -name 'timeout-*' -exec cp {} "$all"/ \;
  if PATH="$bin:$PATH" jazzer --target_class="dev.crosscheck.fuzz.$class" --target_method="$target" \
      -set_cover_merge=1 -use_counters=0 -use_value_profile=0 "$merged" "$kept" "$all" >"$log.merge" 2>&1; then
    find "$kept" -maxdepth 1 -type f ! -name 'seed-*' ! -name 'crash-*' ! -name 'timeout-*' -delete
    cp "$merged"/* "$kept"/ 2>/dev/null || true
    echo "fuzz: $target corpus: $(ls "$kept" | wc -l) files kept of $(ls "$all" | wc -l) found" >&2
  else
    echo "fuzz: $target corpus merge failed (corpus left as it was): see $log.merge" >&2
  fi
  rm -rf "$all" "$merged"
done
exit $status
