#!/usr/bin/env bash
# Tears down what up.sh started. Keeps /var/lib/berthmaster-lab (certs, keys, passwords) and
# engine B's data root so the next up.sh is fast, unless --purge is given.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

[ "$(id -u)" = 0 ] || die "down.sh must run as root"
PURGE=0
case "${1:-}" in
  "") ;;
  --purge) PURGE=1 ;;
  *) die "usage: down.sh [--purge]" ;;
esac

lab_lock

stop_pid "$LAB_RUN/registry.pid" docker-registry 10
stop_pid "$LAB_RUN/sshd.pid" sshd 5
stop_pid "$LAB_RUN/tls-wrong-ca.pid" openssl 5
stop_pid "$LAB_RUN/tls-expired.pid" openssl 5
if pid_of "$B_PIDFILE" dockerd >/dev/null; then
  log "stopping engine B"
  stop_pid "$B_PIDFILE" dockerd 40
fi

# Anything still living in the lab namespace (containerd, shims, containers, ssh sessions) is ours.
if [ -e "$B_NSPATH" ]; then
  pids=$(ip netns pids "$B_NS" 2>/dev/null | tr '\n' ' ')
  if [ -n "${pids// /}" ]; then
    log "terminating leftover processes in netns $B_NS: $pids"
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      [ -z "$(ip netns pids "$B_NS" 2>/dev/null)" ] && break
      sleep 0.1
    done
    pids=$(ip netns pids "$B_NS" 2>/dev/null | tr '\n' ' ')
    # shellcheck disable=SC2086
    [ -z "${pids// /}" ] || kill -KILL $pids 2>/dev/null || true
  fi
fi

ip link del "$B_HOST_IF" >/dev/null 2>&1 || true
ip link del "$SINK_IF" >/dev/null 2>&1 || true
ip route del "$B_NET" metric 4096 >/dev/null 2>&1 || true
if [ -e "$B_NSPATH" ]; then ip netns del "$B_NS"; fi
rm -f "$B_SOCK"

# Engine A only if the lab started it (and it is still that same process).
if [ -e "$A_OWNED" ]; then
  engine_a_check_owner
  if [ -e "$A_OWNED" ]; then
    log "stopping engine A (started by the lab)"
    stop_pid "$A_PIDFILE" dockerd 40
  fi
  rm -f "$A_OWNED"
fi
rm -f "$LAB_RUN"/engine-*.launch.pid

if [ "$PURGE" = 1 ]; then
  # Unmount anything left below engine B's directories before removing them.
  for d in "$B_DATA" "$B_EXEC"; do
    awk -v d="$d" '$2 == d || index($2, d "/") == 1 {print $2}' /proc/mounts | sort -r |
      while read -r m; do umount -l "$m" 2>/dev/null || true; done
    rm -rf "$d"
  done
  rm -rf "$LAB_STATE"
  rm -f "$B_PIDFILE"
  echo "lab down (purged)"
else
  echo "lab down (state kept in $LAB_STATE)"
fi
