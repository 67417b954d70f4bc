#!/usr/bin/env bash
# Checks every platform archive of the product (run by the product module's build, integration-test phase):
#   releng/check-products.sh PRODUCTS_DIR JAVA_HOME
# Each archive is unpacked into a folder whose path has spaces and non-ASCII characters, then:
#  - it holds its own platform's SWT fragment (and Equinox launcher fragment on Linux x86_64) and no other platform's;
#  - configuration/config.ini names the framework, and the simple configurator's bundles.info lists every jar of
#    plugins/ (each listed jar is there);
#  - its launcher is at the root (pagelens, executable, on Linux and macOS; pagelens.cmd on Windows) and its list of
#    class-path jars is whole;
#  - the headless command line runs from it on this machine (it needs no SWT): `identify --json` of a SYNTHETIC
#    specimen gives the same JSON from every archive; from the Linux x86_64 archive through its launcher and its bundled
#    runtime with no Java on the PATH and no JAVA_HOME, also from a read-only install, two at once, and with an
#    unwritable PAGELENS_HOME (a clear message, exit 2).
set -euo pipefail
PRODUCTS=$(cd "$1" && pwd)
JDK=$2
JAVA="$JDK/bin/java"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pagelens-check.XXXXXX")
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
fail() { echo "check-products: FAIL: $*" >&2; exit 1; }
ok() { echo "check-products: ok: $*"; }

PLATFORMS="linux.gtk.x86_64 linux.gtk.aarch64 win32.win32.x86_64 macosx.cocoa.aarch64 macosx.cocoa.x86_64"
# the jars the command line needs: the POSIX launcher's list (the Windows one must be the same)
POSIX_LAUNCHER="$(dirname "$0")/../features/pagelens.feature/rootfiles/pagelens"
CLI_JARS=$(awk '/for p in pagelens.cli/,/; do/' "$POSIX_LAUNCHER" | tr -d '\\' | sed 's/for p in//; s/; do//' | tr -s ' \n' ' ')
CMD_JARS=$(grep -o 'for %%P in ([^)]*)' "$(dirname "$0")/../features/pagelens.feature/rootfiles/pagelens.cmd" | sed 's/for %%P in (//; s/)//')
[ "$(echo $CLI_JARS)" = "$(echo $CMD_JARS)" ] || fail "the Windows launcher's jar list differs from the POSIX one: [$CMD_JARS] vs [$CLI_JARS]"
[ -n "$(echo $CLI_JARS)" ] || fail "no jar list found in $POSIX_LAUNCHER"

SPECIMEN="$WORK/specimen.mdf"
EXPECTED=""
for platform in $PLATFORMS; do
  IFS=. read -r os ws arch <<<"$platform"
  archive=$(ls "$PRODUCTS"/pagelens-*-"$platform".* 2>/dev/null | head -n 1)
  [ -n "$archive" ] || fail "no archive for $platform in $PRODUCTS"
  dir="$WORK/Päge Lens $platform"
  mkdir -p "$dir"
  case "$archive" in
    *.zip) (cd "$dir" && unzip -q "$archive") ;;
    *.tar.gz) tar -xzf "$archive" -C "$dir" ;;
    *) fail "unknown archive format: $archive" ;;
  esac
  # macOS products may be materialized inside an application bundle: find the folder that holds plugins/
  root=$(dirname "$(find "$dir" -maxdepth 5 -type d -name plugins | head -n 1)")
  [ -d "$root/plugins" ] || fail "$platform: no plugins folder in $archive"
  ls "$root"/plugins/org.eclipse.swt."$ws.$os.$arch"_* >/dev/null 2>&1 || fail "$platform: no SWT fragment org.eclipse.swt.$ws.$os.$arch"
  # the native launcher fragment only where Maven Central has one that fits Equinox launcher 1.8 (Linux x86_64); the
  # products start with java -jar on the launcher jar, which needs none
  if [ "$platform" = linux.gtk.x86_64 ]; then
    ls -d "$root"/plugins/org.eclipse.equinox.launcher."$ws.$os.$arch"_* >/dev/null 2>&1 \
      || fail "$platform: no launcher fragment org.eclipse.equinox.launcher.$ws.$os.$arch"
  fi
  ls "$root"/plugins/org.eclipse.equinox.launcher_*.jar >/dev/null 2>&1 || fail "$platform: no Equinox launcher jar"
  # the two jars the JDK's own loaders read carry no signature files (else their classes stay out of the AOT cache)
  for j in "$root"/plugins/org.eclipse.equinox.launcher_*.jar "$root"/plugins/org.eclipse.osgi_*.jar; do
    sigs=$("$JDK/bin/jar" tf "$j" | grep -ciE '^META-INF/[^/]+\.(SF|RSA|DSA|EC)$' || true)
    [ "$sigs" = 0 ] || fail "$platform: $(basename "$j") still has $sigs signature file(s)"
  done
  # class files stored, not deflated (releng/ProductJars.java): Equinox reads them at every start
  deflated=$(unzip -v "$(ls "$root"/plugins/org.eclipse.ui.workbench_*.jar | head -n 1)" | awk '$1 ~ /^[0-9]+$/ && $2 != "Stored" && $NF ~ /\.class$/' | wc -l)
  [ "$deflated" = 0 ] || fail "$platform: $deflated class files of org.eclipse.ui.workbench are deflated"
  others=$(ls "$root"/plugins | grep -E '^org\.eclipse\.(swt|equinox\.launcher)\.(gtk|win32|cocoa)\.' | grep -v "\.$ws\.$os\.${arch}_" || true)
  [ -z "$others" ] || fail "$platform: fragments of other platforms: $others"
  ini="$root/configuration/config.ini"
  [ -f "$ini" ] || fail "$platform: no configuration/config.ini"
  grep -q '^osgi.framework=file\\:plugins/org.eclipse.osgi_' "$ini" || fail "$platform: config.ini names no framework"
  grep -q '^eclipse.application=pagelens.ui.app' "$ini" || fail "$platform: config.ini names no PageLens application"
  info="$root/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
  [ -f "$info" ] || fail "$platform: no bundles.info"
  listed=0
  while IFS=, read -r name version location _; do
    case "$name" in \#*|"") continue ;; esac
    [ -e "$root/$location" ] || fail "$platform: bundles.info lists $location, which is not there"
    listed=$((listed + 1))
  done <"$info"
  for f in "$root"/plugins/*; do
    b=$(basename "$f")
    # the native launcher fragment is read by the launcher, not installed in the framework
    case "$b" in org.eclipse.equinox.launcher.*) continue ;; esac
    grep -q -e ",plugins/$b," -e ",plugins/$b/," "$info" || fail "$platform: plugins/$b is not in bundles.info"
  done
  for p in $CLI_JARS; do
    ls "$root"/plugins/"$p"_*.jar >/dev/null 2>&1 || fail "$platform: the command line's jar $p is missing"
  done
  if [ "$os" = win32 ]; then
    [ -f "$root/pagelens.cmd" ] || fail "$platform: no pagelens.cmd"
    grep -q $'\r$' "$root/pagelens.cmd" || fail "$platform: pagelens.cmd has no CRLF line ends"
    # the command line from the Windows archive's jars, as pagelens.cmd builds its class path
    cp=""
    for p in $CMD_JARS; do cp="$cp${cp:+:}$(ls "$root"/plugins/"$p"_*.jar | head -n 1)"; done
    run=("$JAVA" -Djava.awt.headless=true -cp "$cp" pagelens.cli.PageLensCli)
  else
    [ -x "$root/pagelens" ] || fail "$platform: no executable pagelens launcher"
    run=(env PAGELENS_JAVA="$JAVA" PAGELENS_HOME="$WORK/state $platform" "$root/pagelens")
  fi
  [ -s "$SPECIMEN" ] || "${run[@]}" specimen "$SPECIMEN" --size-mb 8 >/dev/null || fail "$platform: specimen failed"
  out=$("${run[@]}" identify --json "$SPECIMEN") || fail "$platform: identify --json failed"
  # the usage text builds every command's model: most of picocli's classes (rewritten as version 52) load and verify
  "${run[@]}" --help 2>&1 | grep -q "Exit codes" || fail "$platform: --help failed"
  echo "$out" | grep -q '"kind" : "data-file"' || fail "$platform: identify did not see a data file: $out"
  if [ -z "$EXPECTED" ]; then EXPECTED=$out; else [ "$out" = "$EXPECTED" ] || fail "$platform: identify differs from the first archive"; fi
  ok "$platform: $(basename "$archive"): $listed bundles, $(ls "$root"/plugins | grep -c .) plugins, fragments and launcher present, identify --json runs"

  if [ "$platform" = linux.gtk.x86_64 ]; then
    [ -x "$root/jre/bin/java" ] || fail "$platform: no bundled runtime under jre/"
    # no Java anywhere but the bundled one: an empty PATH (but for the shell tools) and no JAVA_HOME
    v=$(env -u JAVA_HOME -u PAGELENS_JAVA PATH=/usr/bin:/bin PAGELENS_HOME="$WORK/state bundled" "$root/pagelens" --version) \
      || fail "$platform: --version with the bundled runtime failed"
    echo "$v" | grep -q "Java home $root/jre" || fail "$platform: the launcher did not pick the bundled runtime: $v"
    ok "$platform: bundled runtime used: $(echo "$v" | sed -n 2p)"
    if [ -n "${DISPLAY:-}" ]; then
      # the workbench from the archive shows its window with the specimen; a SIGTERM ends it as File > Exit does: the
      # framework writes its registry cache and the first session its AOT cache (Java 25+), which later starts use
      ws="$WORK/state workbench"
      rm -f "$WORK/mark"
      env -u JAVA_HOME PAGELENS_HOME="$ws" PAGELENS_STARTUP_MARK="$WORK/mark" "$root/pagelens" "$SPECIMEN" >"$WORK/wb.log" 2>&1 &
      w=$!
      for _ in $(seq 1 900); do [ -s "$WORK/mark" ] && break; kill -0 $w 2>/dev/null || break; sleep 0.1; done
      [ -s "$WORK/mark" ] || { kill -9 $w 2>/dev/null; fail "$platform: no workbench window with the specimen within 90 s: $(tail -n 5 "$WORK/wb.log")"; }
      kill -TERM $w
      for _ in $(seq 1 900); do kill -0 $w 2>/dev/null || break; sleep 0.1; done
      if kill -0 $w 2>/dev/null; then kill -9 $w; fail "$platform: the workbench did not end within 90 s of a SIGTERM"; fi
      wait $w 2>/dev/null || true
      ls -A "$ws/configuration/org.eclipse.core.runtime" 2>/dev/null | grep -q '^\.mainData\.' \
        || fail "$platform: no extension registry cache written when the workbench ended on a SIGTERM"
      if grep -qE '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' "$root/jre/release"; then
        # assembled in the background once the session has ended (a few seconds); nothing of it on the terminal
        for _ in $(seq 1 1200); do ls "$ws"/workbench-*.training >/dev/null 2>&1 || break; sleep 0.1; done
        ls "$ws"/workbench-*.aot >/dev/null 2>&1 || fail "$platform: no AOT cache after the first workbench session: $(tail -n 5 "$ws/workbench-aot.log" 2>/dev/null)"
        ! grep -qE 'AOT|Picked up' "$WORK/wb.log" || fail "$platform: the AOT training wrote to the terminal: $(grep -E 'AOT|Picked up' "$WORK/wb.log" | head -n 3)"
      fi
      ok "$platform: workbench window with the specimen; a SIGTERM ended it and its caches were written"
    else
      echo "check-products: no DISPLAY: the workbench window is not checked"
    fi
    # a read-only install; two at once
    chmod -R a-w "$root"
    env -u JAVA_HOME PAGELENS_HOME="$WORK/state ro" "$root/pagelens" identify --json "$SPECIMEN" >"$WORK/a.json" &
    a=$!
    env -u JAVA_HOME PAGELENS_HOME="$WORK/state ro" "$root/pagelens" identify --json "$SPECIMEN" >"$WORK/b.json" &
    b=$!
    wait $a || fail "$platform: identify from a read-only install (first of two at once) failed"
    wait $b || fail "$platform: identify from a read-only install (second of two at once) failed"
    [ "$(cat "$WORK/a.json")" = "$EXPECTED" ] && [ "$(cat "$WORK/b.json")" = "$EXPECTED" ] || fail "$platform: two at once differ"
    ok "$platform: read-only install, two instances at once"
    set +e
    msg=$(env PAGELENS_HOME=/proc/pagelens-cannot-write "$root/pagelens" --version 2>&1)
    rc=$?
    set -e
    [ $rc -eq 2 ] && echo "$msg" | grep -q "cannot be created or written" || fail "$platform: unwritable PAGELENS_HOME: rc $rc, $msg"
    ok "$platform: unwritable PAGELENS_HOME: exit 2, '$msg'"
    chmod -R u+w "$root"
  fi

  if [ "$platform" = linux.gtk.aarch64 ]; then
    # no Java at all, and only a too old one: the launcher of an archive without a bundled runtime, with /usr/lib/jvm
    # hidden in a private mount namespace (where this machine allows one; said when it does not)
    if unshare -r -m true 2>/dev/null; then
      old=$(for j in /usr/lib/jvm/*/bin/java; do r="$(dirname "$(dirname "$j")")/release"; \
        grep -qE '^JAVA_VERSION="(1\.|1[0-9]\.)' "$r" 2>/dev/null && dirname "$(dirname "$j")" && break; done || true)
      mkdir -p "$WORK/empty" "$WORK/old"
      set +e
      msg=$(unshare -r -m sh -c 'mount --bind "$1" /usr/lib/jvm && env -u JAVA_HOME -u PAGELENS_JAVA PATH=/usr/bin:/bin "$2/pagelens" --version' \
        sh "$WORK/empty" "$root" 2>&1)
      rc=$?
      set -e
      [ $rc -eq 2 ] && echo "$msg" | grep -q "needs Java 21 or newer; found: none" || fail "no Java: rc $rc, $msg"
      ok "no Java: exit 2, '$(echo "$msg" | head -n 1)'"
      if [ -n "$old" ]; then
        set +e
        msg=$(unshare -r -m sh -c 'mount --bind "$1" "$2" && mount --bind "$3" /usr/lib/jvm && env -u JAVA_HOME PAGELENS_JAVA="$2/bin/java" PATH=/usr/bin:/bin "$4/pagelens" --version' \
          sh "$old" "$WORK/old" "$WORK/empty" "$root" 2>&1)
        rc=$?
        set -e
        [ $rc -eq 2 ] && echo "$msg" | grep -q "needs Java 21 or newer; found: .*(Java 1[0-9])" || fail "old Java: rc $rc, $msg"
        ok "too old a Java ($old): exit 2, '$(echo "$msg" | head -n 1)'"
      else
        echo "check-products: no Java older than 21 on this machine: the 'too old' message is not checked"
      fi
    else
      echo "check-products: no private mount namespace here (unshare -r -m): the 'no Java' message is not checked"
    fi
  fi
done
[ -f "$(ls "$PRODUCTS"/../../../releng/pagelens.repository/target/pagelens.repository-*.zip 2>/dev/null | head -n 1)" ] \
  && ok "p2 repository archive: $(ls "$PRODUCTS"/../../../releng/pagelens.repository/target/pagelens.repository-*.zip)"
echo "check-products: all $(echo $PLATFORMS | wc -w) platform archives checked"
