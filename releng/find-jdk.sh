# Sourced by ./pagelens, ./run-tests and .ci/run: selects a JDK 21 or newer and exports JAVA_HOME.
# Looks at $JAVA_HOME, then /usr/lib/jvm/*, then the java on PATH. Fails with a clear message.
pagelens_java_major() {
  # the JDK's release file answers without starting a JVM; java -version only when there is none
  local v=""
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1)
    [ "$v" = "1" ] && v=$(sed -n 's/^JAVA_VERSION="1\.\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1)
  fi
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, a, "."); if (a[1] == "1") print a[2]; else print a[1]; exit }')
  fi
  echo "$v"
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
