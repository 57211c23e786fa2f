#!/usr/bin/env bash
# The CronJob's own cost: `tasker-metrics export-now` of 10,100 series from a real Redis, under a
# 200m CPU limit (a cgroup with a CFS quota of 20 ms per 100 ms) and -Xmx256m, as the CronJob's
# resources give it. Compares the plain `java -jar` with the flags bin/tasker-metrics uses, with
# and without the class data sharing archive. Needs root (to make the cgroup), redis-server and
# GNU time (Debian packages redis-server and time). Prints a Markdown table.
#
# Usage: flock /tmp/bench.lock benchmarks/cronjob-cost.sh [runs]   (default 5 runs per variant)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
jar="$root/cli/target/tasker-metrics.jar"
bench="$root/benchmarks/target/benchmarks.jar"
for tool in redis-server:redis-server /usr/bin/time:time; do
  command -v "${tool%%:*}" >/dev/null || { echo "cronjob-cost: ${tool%%:*} is missing; apt-get install ${tool#*:}" >&2; exit 2; }
done
[[ -f "$jar" && -f "$bench" ]] || { echo "cronjob-cost: build first: mvn -q -DskipTests package -pl cli,benchmarks -am" >&2; exit 2; }
[[ "$(id -u)" -eq 0 ]] || { echo "cronjob-cost: run as root, to make the CPU-limited cgroup" >&2; exit 2; }

# A cgroup of 200m CPU: cgroup v2 (cpu.max) where mounted so, else v1's cpu controller.
if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
  cg=/sys/fs/cgroup/tasker-cronjob-cost; mkdir -p "$cg"; echo "20000 100000" > "$cg/cpu.max"; join="$cg/cgroup.procs"
else
  cg=/sys/fs/cgroup/cpu/tasker-cronjob-cost; mkdir -p "$cg"
  echo 100000 > "$cg/cpu.cfs_period_us"; echo 20000 > "$cg/cpu.cfs_quota_us"; join="$cg/tasks"
fi

work="$(mktemp -d)"; port=$((20000 + RANDOM % 20000))
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$work" --logfile "$work/redis.log"
trap 'redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
sleep 0.5
export TASKER_CACHE_URL="redis://127.0.0.1:$port/0"
java -cp "$bench" io.tasker.metrics.benchmarks.CronJobSeries "$TASKER_CACHE_URL" >&2

fast=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
# The archive the first run of bin/tasker-metrics would write, made here by one run outside the cgroup.
java "${fast[@]}" -XX:ArchiveClassesAtExit="$work/cli.jsa" -jar "$jar" export-now --output "$work/warm.prom" >/dev/null 2>&1

# One run inside the cgroup: prints "wall_seconds cpu_seconds max_rss_kb".
one() {
  bash -c 'echo $$ > "$0"; s=$(date +%s%N); /usr/bin/time -f "%U %S %M" -o "$1/time" java -Xmx256m "${@:3}" \
      -jar "$2" export-now --format prometheus --output "$1/out.prom" >/dev/null 2>"$1/err" \
      || { cat "$1/err" >&2; exit 1; }; e=$(date +%s%N); read u sy m < "$1/time"; \
      echo "$(( (e - s) / 1000000 )) $u $sy $m"' "$join" "$work" "$jar" "$@"
}
# Medians of wall time and CPU, the largest RSS, over the runs of one variant.
variant() {
  local name="$1"; shift; local walls=() cpus=() rss=0
  for _ in $(seq "$runs"); do
    read -r wall u sy m < <(one "$@")
    walls+=("$wall"); cpus+=("$(echo "$u + $sy" | bc)"); (( m > rss )) && rss=$m
  done
  local mw mc; mw=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  mc=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '| %s | %.2f s | %.2f s | %d MB |\n' "$name" "$(echo "$mw / 1000" | bc -l)" "$mc" $(( rss / 1024 ))
}
echo "| variant (export-now, 10,100 series, Redis, 200m CPU, -Xmx256m) | wall (median of $runs) | CPU user+sys (median) | max RSS |"
echo "|---|---|---|---|"
variant 'java -jar (defaults: C2, G1)'
variant 'C1 only, serial GC' "${fast[@]}"
variant 'C1 only, serial GC, CDS archive (bin/tasker-metrics)' "${fast[@]}" -XX:SharedArchiveFile="$work/cli.jsa"
echo; echo "$(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
