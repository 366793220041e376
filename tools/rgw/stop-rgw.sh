#!/usr/bin/env bash
# Stop the Ceph RGW test cluster that tools/rgw/start-rgw.sh started in <workdir>:
# radosgw, then the OSD, then the monitor, each by its pid file (SIGTERM, SIGKILL after 20 s).
# Leaves the workdir's files (logs) in place; the next start builds a fresh cluster.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 <workdir>" >&2; exit 2; }
[ -d "$1" ] || { echo "stop-rgw: no such workdir: $1" >&2; exit 0; }
W="$(cd "$1" && pwd)"
CONF="$W/ceph.conf"

# Same lock as start-rgw.sh, unless our caller (start-rgw.sh) already holds it.
if [ -z "${RGW_STOP_NO_LOCK:-}" ] && [ -e "$W/.ceph-rgw-workdir" ]; then
  exec 9>"$W/.lock"
  flock -w 300 9 || { echo "stop-rgw: another start/stop holds $W/.lock" >&2; exit 1; }
fi

ours() { # pid: is it a daemon started with this workdir's ceph.conf?
  [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$CONF"
}

rc=0
for name in rgw osd mon; do
  pf="$W/run/$name.pid"
  [ -f "$pf" ] || continue
  pid="$(cat "$pf" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && ours "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 80); do ours "$pid" || break; sleep 0.25; done
    if ours "$pid"; then
      echo "stop-rgw: $name (pid $pid) did not stop on SIGTERM in 20 s, sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do ours "$pid" || break; sleep 0.25; done
      if ours "$pid"; then echo "stop-rgw: $name (pid $pid) still running" >&2; rc=1; continue; fi
    fi
    echo "stop-rgw: stopped $name (pid $pid)" >&2
  fi
  rm -f "$pf"
done
rm -f "$W/rgw.port"
exit $rc
