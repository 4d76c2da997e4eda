# Sourced by the hepbridge scripts: finds a JDK with the final FFM API (22 or newer) and the
# Python test environment. Nothing here downloads anything.

hb_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

hb_java_feature() { # prints the feature release of the JDK at $1, e.g. 25
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

hb_find_java() {
  local candidate feature
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    feature=$(hb_java_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge 22 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(hb_find_java); then
  echo "hepbridge: needs a JDK 22 or newer (the final FFM API); set JAVA_HOME to one" >&2
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven itself still calls sun.misc.Unsafe; keep its start-up quiet on JDK 24+.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# JVM flags every hepbridge process needs: Arrow reflects into java.nio, FFM needs native access.
HB_JVM_FLAGS=(--add-opens=java.base/java.nio=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
  -Djava.awt.headless=true "-Dhepbridge.home=$hb_root")
