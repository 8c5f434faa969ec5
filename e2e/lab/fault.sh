#!/usr/bin/env bash
# Fault injection for engine B: b-crash | b-restart | b-cut | b-restore
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

[ "$(id -u)" = 0 ] || die "fault.sh must run as root"
[ -e "$B_NSPATH" ] || die "lab is not up (no netns $B_NS): run up.sh first"
lab_lock

case "${1:-}" in
  b-crash)
    pid=$(pid_of "$B_PIDFILE" dockerd) || die "engine B is not running (no live dockerd in $B_PIDFILE)"
    kill -KILL "$pid"
    for ((i = 0; i < WAIT_SECS * 10; i++)); do
      [ -d "/proc/$pid" ] || break
      sleep 0.1
    done
    [ ! -d "/proc/$pid" ] || die "engine B ($pid) still alive after SIGKILL"
    echo "fault: engine B crashed (SIGKILL $pid)"
    ;;
  b-restart)
    start_engine_b
    wait_engine_b
    echo "fault: engine B running again (pid $(pid_of "$B_PIDFILE" dockerd))"
    ;;
  b-cut)
    ip link set "$B_HOST_IF" down
    echo "fault: link $B_HOST_IF down (engine B unreachable over the network)"
    ;;
  b-restore)
    ip link set "$B_HOST_IF" up
    wait_until "$WAIT_SECS" "engine B TLS port" tcp_open "$B_IP" "$B_TLS_PORT" ||
      die "$B_IP:$B_TLS_PORT not reachable ${WAIT_SECS}s after bringing $B_HOST_IF up"
    echo "fault: link $B_HOST_IF up, $B_IP:$B_TLS_PORT reachable"
    ;;
  *)
    die "usage: fault.sh b-crash|b-restart|b-cut|b-restore"
    ;;
esac
