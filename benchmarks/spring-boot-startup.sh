#!/usr/bin/env bash
# What the Spring Boot starter adds to a service's start-up: examples/spring-boot-app started
# (1) as a copy without the starter (its dependency and WorkController, which needs the starter's
# EventPublisher, removed), (2) as a copy without WorkController, the starter on the class path
# but off (--tasker.enabled=false), and (3) as it is; one start of each in turn, N rounds. Each
# start reads Spring's own line "Started ExampleApplication in X seconds (process running for
# Y)", the process's CPU time (user + sys, /proc) when that line appears and the classes it has
# loaded by then (jstat -class: a count the machine's load does not change), then stops the
# process. Prints a Markdown table of the medians.
# Memory store, the example's own application.yml; TASKER_* variables are cleared.
#
# Usage: flock /tmp/bench.lock benchmarks/spring-boot-startup.sh [rounds]   (default 5)
# Needs a JDK (java, jstat) and the artifacts installed first (mvn install -DskipTests); MVN_ARGS
# is passed to the three example builds, e.g. MVN_ARGS=-Dmaven.repo.local=/path/to/m2.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
example="$root/examples/spring-boot-app"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for v in $(compgen -e | grep '^TASKER_' || true); do unset "$v"; done
[[ -d /proc/self ]] || { echo "spring-boot-startup: needs Linux's /proc for the CPU time" >&2; exit 2; }

# The three jars: the example; a copy without the controller; that copy without the starter.
cp -r "$example" "$work/with" && rm -rf "$work/with/target"
cp -r "$work/with" "$work/off"
rm "$work/off/src/main/java/io/tasker/metrics/example/WorkController.java"
cp -r "$work/off" "$work/without"
perl -0pi -e 's{\s*<dependency>\s*<groupId>io\.tasker\.metrics</groupId>\s*<artifactId>tasker-metrics-spring-boot-starter</artifactId>\s*</dependency>}{}s' \
  "$work/without/pom.xml"
if grep -q tasker-metrics-spring-boot-starter "$work/without/pom.xml"; then
  echo "spring-boot-startup: could not take the starter out of the copy's pom.xml" >&2; exit 1
fi
for variant in with off without; do
  # shellcheck disable=SC2086 # MVN_ARGS is a list of arguments
  mvn -B -q -f "$work/$variant/pom.xml" package -DskipTests ${MVN_ARGS:-} >"$work/build-$variant.log" 2>&1 \
    || { cat "$work/build-$variant.log" >&2; exit 1; }
done
jar() { echo "$work/$1/target/spring-boot-app-0.1.0.jar"; }
ticks="$(getconf CLK_TCK)"

# One start: prints "started_in running_for cpu_seconds classes_loaded".
one() {
  local log pid line deadline=$((SECONDS + 180))
  # A log of its own, made before the start, so that no line of an earlier start is read.
  log="$(mktemp "$work/start-XXXXXX.log")"
  java -jar "$@" --server.port=0 --server.address=127.0.0.1 >"$log" 2>&1 &
  pid=$!
  until line="$(grep -m1 'Started ExampleApplication in' "$log")"; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
      cat "$log" >&2; kill "$pid" 2>/dev/null || true; echo "spring-boot-startup: no Started line" >&2; return 1
    fi
    sleep 0.02
  done
  # Fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis.
  local cpu classes
  cpu="$(sed 's/.*) //' "/proc/$pid/stat" | awk -v t="$ticks" '{printf "%.2f", ($12 + $13) / t}')"
  classes="$(jstat -class "$pid" | awk 'NR == 2 {print $1}')"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sed -n 's/.*Started ExampleApplication in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' <<<"$line" \
    | tr '\n' ' '
  echo "$cpu $classes"
}

median() { sort -n | sed -n "$(( (rounds + 1) / 2 ))p"; }

declare -A started running cpu loaded
names=(without off with)
for _ in $(seq "$rounds"); do
  for name in "${names[@]}"; do
    case "$name" in
      off) read -r s r c l < <(one "$(jar off)" --tasker.enabled=false) ;;
      *) read -r s r c l < <(one "$(jar "$name")") ;;
    esac
    started[$name]+="$s "; running[$name]+="$r "; cpu[$name]+="$c "; loaded[$name]+="$l "
  done
done

label() {
  case "$1" in
    without) echo "without the starter (nor WorkController)" ;;
    off) echo "the starter on the class path, tasker.enabled=false (no WorkController)" ;;
    with) echo "with the starter: the example as it is" ;;
  esac
}
echo "| $rounds starts each, in turn | Started in (median) | process running for (median) | CPU at Started (median) | classes loaded (median) | process running for, each start |"
echo "|---|---|---|---|---|---|"
for name in "${names[@]}"; do
  printf '| %s | %s s | %s s | %s s | %s | %s|\n' "$(label "$name")" \
    "$(tr ' ' '\n' <<<"${started[$name]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${running[$name]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${cpu[$name]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${loaded[$name]}" | grep . | median)" \
    "${running[$name]}"
done
echo
echo "$(nproc) cores, load before the last start: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
