#!/usr/bin/env bash
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

# Rows per second through Spark against a plain Interpreter loop (dev.ember4j.spark.SparkBench, in the tests).
#   ember-spark/run-bench.sh [--rows-per-core N] [--runs N] [--models person_detect,kws]
# Builds this module's tests (SKIP_BUILD=1 to reuse them), writes its test class path to target/cp.txt and
# runs the class with the JDK's Vector API module (the simd backend on JDK 25) and Spark's --add-opens.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ../mvnw -q -f ../pom.xml -pl ember-spark test-compile
  ../mvnw -q -f ../pom.xml -pl ember-spark dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi
OPENS=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
exec java --add-modules jdk.incubator.vector "${OPENS[@]}" -Djdk.reflect.useDirectMethodHandle=false -Xmx3g \
  -Dember.shared="${EMBER_SHARED:-$(cd ../.. && pwd)/shared}" \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.ember4j.spark.SparkBench "$@"
