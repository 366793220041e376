#!/usr/bin/env bash
# Start a real, throw-away Ceph RGW (S3 endpoint) on 127.0.0.1 for integration tests:
# one monitor, one OSD on memstore (RAM only) and radosgw (civetweb), no systemd, no mgr.
#
#   tools/rgw/start-rgw.sh <workdir> [port]        (port: default 7480)
#
# Idempotent: if the cluster of <workdir> is already up on that port, it only re-checks the
# users and prints the settings again. Otherwise it stops what is left of it and builds a fresh
# cluster (memstore keeps nothing across restarts). Prints KEY=VALUE lines on stdout (also
# written to <workdir>/rgw.env); progress and errors go to stderr.
#
# Environment overrides: RGW_MON_PORT (default 3300, msgr2), RGW_START_TIMEOUT (s, default 120),
# RGW_MEMSTORE_BYTES (default 1073741824).
set -euo pipefail

die() { echo "start-rgw: ERROR: $*" >&2; exit 1; }
log() { echo "start-rgw: $*" >&2; }

[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: $0 <workdir> [port]"
PORT="${2:-7480}"
MON_PORT="${RGW_MON_PORT:-3300}"
TIMEOUT="${RGW_START_TIMEOUT:-120}"
MEMSTORE_BYTES="${RGW_MEMSTORE_BYTES:-1073741824}"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "port must be a number: $PORT"
[[ "$MON_PORT" =~ ^[0-9]+$ ]] || die "RGW_MON_PORT must be a number: $MON_PORT"
[ "$PORT" != "$MON_PORT" ] || die "RGW port and monitor port are both $PORT"
if [ "$PORT" -ge 6800 ] && [ "$PORT" -le 6899 ]; then die "port $PORT is in the OSD's range 6800-6899"; fi

ACCESS_KEY=LEDGERTESTACCESSKEY
SECRET_KEY=ledgertestsecretkey0123456789
RGW_UID=ledger
# A user of a second tenant, so tests can own buckets and keys of the same names in two tenants
# (RGW addresses the other tenant's bucket as t1:name).
T1_TENANT=t1
T1_UID=u1
T1_ACCESS_KEY=T1U1TESTACCESSKEY
T1_SECRET_KEY=t1u1testsecretkey0123456789
RGW_NAME=client.rgw.ledger
MARKER=.ceph-rgw-workdir
SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"

mkdir -p "$1"
W="$(cd "$1" && pwd)"
if [ -n "$(ls -A "$W")" ] && [ ! -e "$W/$MARKER" ]; then
  die "$W is not empty and was not made by this script (no $MARKER): refusing to touch it"
fi
touch "$W/$MARKER"

# One start/stop at a time per workdir.
exec 9>"$W/.lock"
flock -w 300 9 || die "another start/stop holds $W/.lock"

CONF="$W/ceph.conf"
KEYRING="$W/ceph.keyring"
CEPH=(ceph -c "$CONF" -n client.admin -k "$KEYRING" --connect-timeout 10)
RGWADMIN=(radosgw-admin -c "$CONF" -n client.admin -k "$KEYRING")

tail_log() { # file...
  local f
  for f in "$@"; do
    [ -s "$f" ] || continue
    echo "----- last lines of $f -----" >&2
    tail -n 40 "$f" >&2
  done
}

# pid of a daemon we started, if it still runs (checks the command line, not just the pid)
alive_pid() { # name
  local pf="$W/run/$1.pid" pid
  [ -f "$pf" ] || return 1
  pid="$(cat "$pf" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$CONF" || return 1
  echo "$pid"
}

http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$PORT/" 2>/dev/null || true; }

port_busy() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

print_env() {
  cat >"$W/rgw.env" <<ENV
RGW_ENDPOINT=http://127.0.0.1:$PORT
RGW_ACCESS_KEY=$ACCESS_KEY
RGW_SECRET_KEY=$SECRET_KEY
RGW_REGION=default
RGW_USER=$RGW_UID
RGW_T1_TENANT=$T1_TENANT
RGW_T1_USER=$T1_UID
RGW_T1_ACCESS_KEY=$T1_ACCESS_KEY
RGW_T1_SECRET_KEY=$T1_SECRET_KEY
CEPH_CONF=$CONF
CEPH_KEYRING=$KEYRING
ENV
  cat "$W/rgw.env"
}

# ensure_user TENANT UID ACCESS_KEY SECRET_KEY: creates the user, or adds the key it lacks
# (TENANT "" is the default tenant)
ensure_user() {
  local tenant="$1" uid="$2" access="$3" secret="$4" info
  local who=(--uid "$uid")
  [ -z "$tenant" ] || who+=(--tenant "$tenant")
  if info="$("${RGWADMIN[@]}" user info "${who[@]}" 2>/dev/null)"; then
    if ! grep -q "\"access_key\": \"$access\"" <<<"$info"; then
      "${RGWADMIN[@]}" key create "${who[@]}" --key-type s3 \
        --access-key "$access" --secret "$secret" >/dev/null
    fi
  else
    "${RGWADMIN[@]}" user create "${who[@]}" --display-name "$uid" \
      --access-key "$access" --secret "$secret" >"$W/log/user-create.out" 2>&1 \
      || { tail_log "$W/log/user-create.out"; die "radosgw-admin user create ${tenant:+$tenant\$}$uid failed"; }
  fi
}

ensure_users() {
  ensure_user "" "$RGW_UID" "$ACCESS_KEY" "$SECRET_KEY"
  ensure_user "$T1_TENANT" "$T1_UID" "$T1_ACCESS_KEY" "$T1_SECRET_KEY"
}

# ---------------------------------------------------------------- already running?
if [ -f "$W/rgw.port" ] && [ "$(cat "$W/rgw.port")" = "$PORT" ] \
   && alive_pid mon >/dev/null && alive_pid osd >/dev/null && alive_pid rgw >/dev/null \
   && [ "$(http_code)" = 200 ]; then
  log "already running in $W (mon $(alive_pid mon), osd $(alive_pid osd), rgw $(alive_pid rgw))"
  ensure_users
  print_env
  exit 0
fi

# ---------------------------------------------------------------- packages
need=()
for p in ceph-mon ceph-osd radosgw ceph-common; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "packages missing (${need[*]}) and not root to install them"
  log "installing ${need[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "${need[@]}" >"$W/apt.log" 2>&1; then
    log "install failed, running apt-get update and retrying"
    { apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; } >>"$W/apt.log" 2>&1 \
      || { tail_log "$W/apt.log"; die "apt-get install ${need[*]} failed"; }
  fi
fi

# ---------------------------------------------------------------- clean slate
if alive_pid mon >/dev/null || alive_pid osd >/dev/null || alive_pid rgw >/dev/null; then
  log "stopping the previous (incomplete or other-port) instance"
  RGW_STOP_NO_LOCK=1 "$SCRIPT_DIR/stop-rgw.sh" "$W" >&2
fi
port_busy "$PORT" && die "port 127.0.0.1:$PORT is already in use by another process"
port_busy "$MON_PORT" && die "monitor port $MON_PORT is in use (another Ceph?); set RGW_MON_PORT"

rm -rf "$W/mon" "$W/osd" "$W/run" "$W/log" "$W/ceph.conf" "$W/ceph.keyring" \
       "$W/monmap" "$W/rgw.env" "$W/rgw.port"
mkdir -p "$W/mon" "$W/osd/ceph-0" "$W/run" "$W/log"

FSID="$(uuidgen)"
OSD_UUID="$(uuidgen)"
cat >"$CONF" <<CONF
[global]
fsid = $FSID
mon host = v2:127.0.0.1:$MON_PORT
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind ipv6 = false
ms bind port min = 6800
ms bind port max = 6899
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
keyring = $KEYRING
run dir = $W/run
admin socket = $W/run/\$cluster-\$name.asok
log file = $W/log/\$cluster-\$name.log
log to stderr = false
err to stderr = true
crash dir = $W/run/crash
# single OSD, single host
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 2
mon data avail crit = 1
mon warn on insecure global id reclaim allowed = false

[mon]
mon data = $W/mon/\$cluster-\$id
# every pool create / OSD boot is a map update; the default 1 s batching makes start-up slow
paxos propose interval = 0.05

[osd]
osd data = $W/osd/\$cluster-\$id
osd objectstore = memstore
memstore device bytes = $MEMSTORE_BYTES
osd crush update on start = true
osd crush initial weight = 1
# S3 keys are up to 1024 bytes; RGW prefixes them with the bucket marker
osd max object name len = 2048
osd max object namespace len = 256
osd op num shards = 2
osd op num threads per shard = 1

[$RGW_NAME]
# civetweb, not beast: beast 16.2.15 aborts on DeleteObjects when the bucket has notifications
rgw frontends = civetweb port=127.0.0.1:$PORT num_threads=64
rgw thread pool size = 64
rgw enable apis = s3, s3website, admin, sts, iam, notifications
rgw dns name = 127.0.0.1
rgw init timeout = $TIMEOUT
CONF

# ---------------------------------------------------------------- keys and monmap
{
  ceph-authtool --create-keyring "$KEYRING" --gen-key -n mon. --cap mon 'allow *'
  ceph-authtool "$KEYRING" --gen-key -n client.admin \
    --cap mon 'allow *' --cap osd 'allow *' --cap mds 'allow *' --cap mgr 'allow *'
  ceph-authtool "$KEYRING" --gen-key -n osd.0 \
    --cap mon 'allow profile osd' --cap osd 'allow *' --cap mgr 'allow profile osd'
  ceph-authtool "$KEYRING" --gen-key -n "$RGW_NAME" \
    --cap mon 'allow rw' --cap osd 'allow rwx' --cap mgr 'allow rw'
  monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT]" "$W/monmap"
} >"$W/log/keys.out" 2>&1 || { tail_log "$W/log/keys.out"; die "creating keyrings/monmap failed"; }

# start_daemon NAME LOGFILE CMD...: runs CMD in the foreground mode of Ceph, detached, pid file
start_daemon() {
  local name="$1" out="$W/log/$1.out"; shift
  # 9>&-: the daemons must not inherit (and so keep holding) the workdir lock
  setsid "$@" >"$out" 2>&1 </dev/null 9>&- &
  echo $! >"$W/run/$name.pid"
}

# wait_for DESC PIDNAME LOGS CMD...: polls CMD until it succeeds, the daemon dies or time runs out
DEADLINE=$(( $(date +%s) + TIMEOUT ))
wait_for() {
  local desc="$1" pname="$2" logs="$3"; shift 3
  while ! "$@" >/dev/null 2>&1; do
    if ! alive_pid "$pname" >/dev/null; then
      # shellcheck disable=SC2086
      tail_log $logs; die "$pname died while waiting for: $desc"
    fi
    if [ "$(date +%s)" -ge "$DEADLINE" ]; then
      # shellcheck disable=SC2086
      tail_log $logs; die "timed out after ${TIMEOUT}s waiting for: $desc"
    fi
    sleep 0.5
  done
}

# On any failure from here on, stop what was started (the logs stay in $W/log).
STARTED_OK=0
cleanup_on_failure() {
  local rc=$?
  if [ "$STARTED_OK" != 1 ] && [ "$rc" != 0 ]; then
    log "start failed (exit $rc): stopping the daemons started so far; logs in $W/log"
    RGW_STOP_NO_LOCK=1 "$SCRIPT_DIR/stop-rgw.sh" "$W" >&2 || true
  fi
}
trap cleanup_on_failure EXIT

T0=$(date +%s.%N)
elapsed() { awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $T0}"; }
# ---------------------------------------------------------------- monitor
ceph-mon -c "$CONF" --mkfs -i a --monmap "$W/monmap" --keyring "$KEYRING" >"$W/log/mon-mkfs.out" 2>&1 \
  || { tail_log "$W/log/mon-mkfs.out" "$W/log/ceph-mon.a.log"; die "ceph-mon --mkfs failed"; }
start_daemon mon ceph-mon -c "$CONF" -i a -f
wait_for "monitor quorum" mon "$W/log/mon.out $W/log/ceph-mon.a.log" "${CEPH[@]}" mon stat
log "monitor up after $(elapsed) s"

# ---------------------------------------------------------------- OSD
"${CEPH[@]}" osd new "$OSD_UUID" 0 >"$W/log/osd-new.out" 2>&1 \
  || { tail_log "$W/log/osd-new.out"; die "ceph osd new failed"; }
ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$OSD_UUID" >"$W/log/osd-mkfs.out" 2>&1 \
  || { tail_log "$W/log/osd-mkfs.out" "$W/log/ceph-osd.0.log"; die "ceph-osd --mkfs failed"; }
start_daemon osd ceph-osd -c "$CONF" -i 0 -f
osd_up() { "${CEPH[@]}" osd dump 2>/dev/null | grep -q '^osd\.0 up  *in '; }
wait_for "osd.0 up and in" osd "$W/log/osd.out $W/log/ceph-osd.0.log" osd_up
log "osd.0 up after $(elapsed) s"

# ---------------------------------------------------------------- RGW pools
# RGW would create these itself, lazily: the data pools only on the first bucket/object, which
# makes the first test requests take seconds. Create them all now (one ceph CLI session).
# (The interactive ceph CLI exits 0 even when a command fails: check the pool list after.)
POOLS=(.rgw.root default.rgw.log default.rgw.control default.rgw.meta
       default.rgw.buckets.index default.rgw.buckets.data default.rgw.buckets.non-ec)
for pool in "${POOLS[@]}"; do
  echo "osd pool create $pool 8 8"
  echo "osd pool application enable $pool rgw"
done | "${CEPH[@]}" >"$W/log/pools.out" 2>&1 || true
have="$("${CEPH[@]}" osd pool ls 2>>"$W/log/pools.out" || true)"
for pool in "${POOLS[@]}"; do
  grep -qxF -- "$pool" <<<"$have" || { tail_log "$W/log/pools.out"; die "creating pool $pool failed"; }
done
log "pools created after $(elapsed) s"

# ---------------------------------------------------------------- RGW
start_daemon rgw radosgw -c "$CONF" -n "$RGW_NAME" -f
echo "$PORT" >"$W/rgw.port"
rgw_ok() { [ "$(http_code)" = 200 ]; }
wait_for "S3 endpoint http://127.0.0.1:$PORT" rgw "$W/log/rgw.out $W/log/ceph-$RGW_NAME.log" rgw_ok

log "S3 endpoint answers after $(elapsed) s"
ensure_users
STARTED_OK=1
log "up in $(elapsed) s: mon $(alive_pid mon), osd $(alive_pid osd), rgw $(alive_pid rgw); logs in $W/log"
print_env
