# Finds a JDK 21 or newer and exports JAVA_HOME. Sourced by bin/cdc and .ci/run.

jdk_major() {
  # prints the major version of the JDK at $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
  fi
}

find_jdk21() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -L "$candidate" ] && continue
    major=$(jdk_major "$candidate")
    [ -n "$major" ] || continue
    [ -x "$candidate/bin/javac" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -n "$best" ]; then
    echo "$best"
    return 0
  fi
  return 1
}

require_jdk21() {
  local found
  if ! found=$(find_jdk21); then
    echo "cdc4j needs a JDK 21 or newer, and none was found: JAVA_HOME is ${JAVA_HOME:-unset} and /usr/lib/jvm has no JDK 21+." >&2
    echo "Install one (for example Temurin 21 or 25) and point JAVA_HOME at it." >&2
    exit 1
  fi
  export JAVA_HOME="$found"
  export PATH="$JAVA_HOME/bin:$PATH"
}
