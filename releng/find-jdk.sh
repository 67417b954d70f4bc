# Sourced by ./pagelens, ./run-tests and .ci/run: selects a JDK 21 or newer and exports JAVA_HOME.
# Looks at $JAVA_HOME, then /usr/lib/jvm/*, then the java on PATH. Fails with a clear message.
pagelens_java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); if (v[1] == "1") print v[2]; else print v[1]; exit }'
}
pagelens_find_jdk() {
  local cand major
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/* \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    major=$(pagelens_java_major "$cand")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      echo "$cand"
      return 0
    fi
  done
  return 1
}
if ! PAGELENS_JDK=$(pagelens_find_jdk); then
  echo "pagelens: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm/* and the java on PATH)." >&2
  echo "pagelens: install one (for example Temurin 21+ or 'apt-get install openjdk-21-jdk') or set JAVA_HOME to it." >&2
  exit 2
fi
export JAVA_HOME="$PAGELENS_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
