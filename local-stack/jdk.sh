# Sourced by local-stack/run and benchmarks/run: JAVA_HOME if it is a JDK 21+, else the newest JDK 21+ under
# /usr/lib/jvm (these machines default to Java 17 and ship Temurin 25 beside it).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1; }
if [ -z "${JAVA_HOME-}" ] || [ ! -x "${JAVA_HOME}/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -r); do
    candidate="${candidate%/}"
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      break
    fi
  done
fi
export JAVA_HOME
