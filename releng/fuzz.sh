#!/usr/bin/env bash
# Runs every PageLens fuzz target (bundles/pagelens.core.tests/src/test/java/pagelens/core/tests/fuzz) under Jazzer's
# coverage-guided driver for SECONDS each (default 600), after replaying the regression corpus, and prints the executions
# per target. A crash, a hang over 10 s on one input or an OutOfMemoryError in a 512 MB heap fails the run; the input and
# a Java reproducer are kept in bundles/pagelens.core.tests/target/fuzz-crashes (add the input to
# src/test/resources/fuzz-regressions/TARGET/ once it is fixed, so it is replayed by every build).
#   releng/fuzz.sh [SECONDS]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source releng/find-jdk.sh
SECONDS_PER_TARGET=${1:-600}
# the modules it needs, named: Tycho's -am does not follow MANIFEST dependencies
./mvnw -B -q clean verify -pl releng/pagelens.target,bundles/pagelens.core,bundles/pagelens.core.tests -Dtest=FuzzTest \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpagelens.failIfNoTests=false -Dpagelens.fuzzSeconds="$SECONDS_PER_TARGET"
echo "fuzz: $SECONDS_PER_TARGET s per target (bundles/pagelens.core.tests/target/fuzz-summary.txt):"
cat bundles/pagelens.core.tests/target/fuzz-summary.txt
