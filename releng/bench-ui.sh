#!/usr/bin/env bash
# Workbench responsiveness benchmark (issue "Workbench"): builds what the UI tests need and runs only
# ResponsivenessUiTest in the real workbench under Xvfb. It opens a 50 GB sparse data file as evidence and logs the
# time until the page editor shows the first page and the time of 200 page-to-page moves (with painting).
# Targets: first page under 1 s, a move under 50 ms. The figures are printed and kept in
# bundles/pagelens.ui.tests/target/benchmarks/responsiveness.txt. Usage: releng/bench-ui.sh [extra mvn args, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
source releng/find-jdk.sh
cmd=(./mvnw -B -q "$@" clean verify -Dpagelens.benchTableMb=${TABLE_MB:-2048} -Dtest=ResponsivenessUiTest -Dsurefire.failIfNoSpecifiedTests=false -Dpagelens.failIfNoTests=false)
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "${cmd[@]}" > .build/bench-ui.log 2>&1 || { tail -40 .build/bench-ui.log; exit 1; }
else
  "${cmd[@]}" > .build/bench-ui.log 2>&1 || { tail -40 .build/bench-ui.log; exit 1; }
fi
cat bundles/pagelens.ui.tests/target/benchmarks/responsiveness.txt
