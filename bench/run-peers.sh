#!/usr/bin/env bash
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

# Builds ember-bench's shaded jar and runs the peer comparison (Ember backends vs TensorFlow Lite).
#   bench/run-peers.sh [PeerHarness options, e.g. --iterations 300 --models speech,person_detect]
# Environment: EMBER_PYTHON = python with tensorflow (default: /work/tfvenv/bin/python if present,
# else python3); EMBER_SHARED = shared test data (default: ../shared beside the checkout);
# SKIP_BUILD=1 to reuse ember-bench/target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  MODULES=ember-bench
  if [ -f ember-simd/pom.xml ] && grep -q '<module>ember-simd</module>' pom.xml; then
    MODULES=ember-bench,ember-simd
  fi
  ./mvnw -o -q -pl "$MODULES" -am package -DskipTests
fi
if [ -z "${EMBER_PYTHON:-}" ] && [ -x /work/tfvenv/bin/python ]; then
  export EMBER_PYTHON=/work/tfvenv/bin/python
fi
CP=ember-bench/target/benchmarks.jar
# The SIMD backend is found through ServiceLoader; add ember-simd if the shaded jar lacks it.
if ! unzip -l "$CP" 2>/dev/null | grep -q 'dev/ember4j/simd/'; then
  for c in ember-simd/target/ember-simd-*.jar ember-simd/target/classes; do
    if [ -e "$c" ]; then CP="$CP:$c"; break; fi
  done
fi
VEC=()
if java --list-modules 2>/dev/null | grep -q '^jdk.incubator.vector'; then
  VEC=(--add-modules jdk.incubator.vector)
fi
exec java "${VEC[@]}" -Dember.shared="${EMBER_SHARED:-$PWD/../shared}" \
  -cp "$CP" dev.ember4j.bench.PeerHarness "$@"
