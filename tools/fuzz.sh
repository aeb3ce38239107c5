#!/usr/bin/env bash
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

# Coverage-guided fuzzing campaigns with Jazzer (ember-fuzz), one target after the other.
#
#   tools/fuzz.sh DURATION [TARGET...]
#
# DURATION: seconds per target, or with a unit: 90s, 10m, 1h.
# TARGET:   reader | prepare | invoke | codegen (default: all four, in that order).
#
# Each target runs in its own JVM (-Xmx512m, one process at a time) through Maven's reactor
# (never installs anything), seeded with every testdata/generated/*/model.tflite under 8 KB and with
# the corpus that earlier campaigns grew in ember-fuzz/.cifuzz-corpus/ (not committed). libFuzzer's
# -timeout (default 10 s, FUZZ_TIMEOUT) catches hangs, and an invoke of a model under 1 MB taking over
# 5 s (FUZZ_INVOKE_LIMIT_MS; coverage instrumentation makes the fuzzed JVM roughly ten times slower
# than a plain one, so this stands for the promised 1 s) is a finding. Findings stop a target (Jazzer stops at the first one) and are
# written to ember-fuzz/src/test/resources/dev/ember4j/fuzz/<Class>Inputs/<method>/crash-* (Jazzer's
# inputs directory), so that they run as regression inputs in every build from then on; the log of each
# target is kept in ember-fuzz/target/fuzz-<target>.log.
# Prints, per target: executions, time, executions/s, coverage (libFuzzer's cov/ft), corpus size, findings.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  sed -n '5,21p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
duration=$1; shift
case "$duration" in
  *h) seconds=$(( ${duration%h} * 3600 )) ;;
  *m) seconds=$(( ${duration%m} * 60 )) ;;
  *s) seconds=${duration%s} ;;
  *)  seconds=$duration ;;
esac
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(reader prepare invoke codegen)
timeout_s=${FUZZ_TIMEOUT:-10}
invoke_limit_ms=${FUZZ_INVOKE_LIMIT_MS:-5000}

resources=ember-fuzz/src/test/resources/dev/ember4j/fuzz
summary=()
for target in "${targets[@]}"; do
  case "$target" in
    reader)  cls=ReaderFuzzTest;  method=read ;;
    prepare) cls=PrepareFuzzTest; method=prepare ;;
    invoke)  cls=InvokeFuzzTest;  method=invoke ;;
    codegen) cls=CodegenFuzzTest; method=generate ;;
    *) echo "fuzz.sh: unknown target '$target' (reader, prepare, invoke, codegen)" >&2; exit 2 ;;
  esac
  corpus=ember-fuzz/.cifuzz-corpus/dev.ember4j.fuzz.$cls/$method
  mkdir -p "$corpus"
  for m in testdata/generated/*/model.tflite; do
    size=$(stat -c %s "$m")
    if [ "$size" -lt 8192 ]; then
      cp -n "$m" "$corpus/seed-$(basename "$(dirname "$m")").tflite"
    fi
  done
  before=$(ls "$resources/${cls}Inputs/$method" 2>/dev/null | grep -c '^crash-' || true)
  log=ember-fuzz/target/fuzz-$target.log
  mkdir -p ember-fuzz/target
  echo "fuzz.sh: $target ($cls#$method) for ${seconds}s, corpus $(ls "$corpus" | wc -l) inputs, log $log"
  start=$(date +%s)
  set +e
  JAZZER_FUZZ=1 ./mvnw -o -B -ntp test -pl ember-fuzz -am \
      -Dtest="$cls" -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfuzz.argLine="-Dember.fuzz.invokeLimitMillis=$invoke_limit_ms" \
      -Djazzer.keep_going="${FUZZ_KEEP_GOING:-1}" \
      -Djazzer.internal.arg.0=fuzz \
      -Djazzer.internal.arg.1=-max_total_time="$seconds" \
      -Djazzer.internal.arg.2=-timeout="$timeout_s" \
      -Djazzer.internal.arg.3=-max_len=8192 \
      -Djazzer.internal.arg.4=-print_final_stats=1 \
      >"$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  after=$(ls "$resources/${cls}Inputs/$method" 2>/dev/null | grep -c '^crash-' || true)
  execs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  rate=$(grep -ao 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  rss=$(grep -ao 'stat::peak_rss_mb: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  last=$(grep -aoE '#[0-9]+[[:space:]]+(DONE|NEW|REDUCE|pulse|INITED)[^\r]*' "$log" | tail -1 || true)
  cov=$(grep -aoE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  corp=$(grep -aoE 'corp: [0-9]+/[0-9a-zA-Z]+' "$log" | tail -1 || true)
  [ -z "$execs" ] && execs=$(echo "$last" | grep -oE '^#[0-9]+' | tr -d '#' || true)
  findings=$(( after - before ))
  line="$target: ${execs:-?} executions in ${elapsed}s (${rate:-?}/s), ${cov:-cov ?}, ${corp:-corp ?}, peak RSS ${rss:-?} MB, new findings $findings, maven exit $rc"
  echo "fuzz.sh: $line"
  if [ "$findings" -gt 0 ] || [ "$rc" -ne 0 ]; then
    grep -aE '^(== Java Exception|java\.|dev\.|Caused by|	at dev\.ember4j)' "$log" | grep -v 'dev.ember4j.fuzz' | head -12 | sed 's/^/    /' || true
    ls -t "$resources/${cls}Inputs/$method" 2>/dev/null | grep '^crash-' | head -"$(( findings > 0 ? findings : 1 ))" \
      | sed "s|^|    reproducer: $resources/${cls}Inputs/$method/|" || true
  fi
  summary+=("$line")
done
echo "fuzz.sh: summary ($(nproc) cores, $(java -version 2>&1 | head -1))"
printf '  %s\n' "${summary[@]}"
