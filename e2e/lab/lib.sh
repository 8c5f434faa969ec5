# shellcheck shell=bash
# Shared helpers for the Berthmaster test lab (sourced by up.sh, down.sh, fault.sh).
# Everything here runs as root on Debian; no systemd is assumed.

LAB_STATE=/var/lib/berthmaster-lab
LAB_RUN=$LAB_STATE/run
LAB_LOGS=$LAB_STATE/logs
LAB_TLS=$LAB_STATE/tls
LAB_SSH=$LAB_STATE/ssh
LAB_REG=$LAB_STATE/registry
LAB_JSON=$LAB_STATE/lab.json
LAB_LOCK=/run/berthmaster-lab.lock

A_SOCK=/var/run/docker.sock
A_PIDFILE=/var/run/docker.pid
A_OWNED=$LAB_RUN/engine-a.owned

B_NS=berthmaster-b
B_NSPATH=/var/run/netns/$B_NS
B_SOCK=/var/run/docker-b.sock
B_PIDFILE=/var/run/docker-b.pid
B_DATA=/var/lib/docker-b
B_EXEC=/var/run/docker-b
B_HOST_IF=dhb0
B_NS_IF=dhb1
B_HOST_IP=10.123.0.1
B_IP=10.123.0.2
B_MISMATCH_IP=10.123.0.3
B_PREFIX=29
B_NET=10.123.0.0/29
# Sink veth pair (dhbz1 stays down): while dhb0 is down, 10.123.0.0/29 is routed here
# (metric 4096) instead of leaking out of the default route. New connections then fail like a
# vanished LAN host (EHOSTUNREACH after ~3 s of ARP), established ones stall.
SINK_IF=dhbz0
SINK_PEER=dhbz1
B_TLS_PORT=2376
WRONG_CA_PORT=2377
EXPIRED_PORT=2378
BLACKHOLE_PORT=2399
REG_ADDR=127.0.0.1:5000
REG_USER=berthmaster
IMAGE=berthmaster-test/busybox:latest

WAIT_SECS=${LAB_WAIT_SECS:-30}

log() { printf '[lab] %s\n' "$*" >&2; }
die() {
  printf '[lab] ERROR: %s\n' "$*" >&2
  exit 1
}

# Serialise all lab scripts (up/down/fault) against each other; bounded wait.
lab_lock() {
  exec 9>"$LAB_LOCK"
  flock -w 300 9 || die "another lab script holds $LAB_LOCK for more than 300 s"
}

ensure_dirs() {
  install -d -m 0700 "$LAB_STATE"
  install -d -m 0700 "$LAB_RUN" "$LAB_LOGS" "$LAB_TLS" "$LAB_SSH" "$LAB_REG"
}

# ---------------------------------------------------------------- packages

# Installs missing Debian packages. Does nothing (no apt at all) when everything is present.
ensure_packages() {
  local -a missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker >/dev/null 2>&1 || missing+=(docker.io)
  command -v iptables >/dev/null 2>&1 || missing+=(iptables)
  # (the image needs the static busybox; checked without forking dpkg on the fast path)
  [ -e /var/lib/dpkg/info/busybox-static.list ] && [ -x /bin/busybox ] || missing+=(busybox-static)
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  { command -v ssh && command -v ssh-keygen; } >/dev/null 2>&1 || missing+=(openssh-client)
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  { command -v nsenter && command -v flock && command -v setsid; } >/dev/null 2>&1 || missing+=(util-linux)
  [ ${#missing[@]} -eq 0 ] && return 0
  # de-duplicate
  local -a pkgs
  mapfile -t pkgs < <(printf '%s\n' "${missing[@]}" | sort -u)
  log "installing missing Debian packages: ${pkgs[*]}"
  # Keep package maintainer scripts from starting daemons (dockerd, sshd) on their own.
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 0755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  local rc=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
  } >"${LAB_LOGS}/apt.log" 2>&1 || rc=$?
  [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  [ "$rc" = 0 ] || die "apt-get failed (rc=$rc), see ${LAB_LOGS}/apt.log"
}

# ---------------------------------------------------------------- processes

# pid_of PIDFILE COMM: prints the pid if the pidfile names a live process whose comm is COMM.
pid_of() {
  local pidfile=$1 comm=$2 pid="" c=""
  [ -r "$pidfile" ] || return 1
  read -r pid 2>/dev/null <"$pidfile" || [ -n "$pid" ] || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  read -r c 2>/dev/null <"/proc/$pid/comm" || return 1
  [ "$c" = "$comm" ] || return 1
  printf '%s\n' "$pid"
}

# spawn PIDFILE LOGFILE CMD...: start CMD detached (own session), record its pid.
spawn() {
  local pidfile=$1 logfile=$2
  shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016
  setsid -f bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 9>&-
  local i
  for ((i = 0; i < 50; i++)); do
    [ -s "$pidfile" ] && return 0
    sleep 0.1
  done
  die "could not start: $*"
}

# stop_pid PIDFILE COMM [GRACE_SECS]: SIGTERM, wait, then SIGKILL. Bounded.
stop_pid() {
  local pidfile=$1 comm=$2 grace=${3:-10} pid i
  if pid=$(pid_of "$pidfile" "$comm"); then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
      [ -d "/proc/$pid" ] || break
      sleep 0.1
    done
    if [ -d "/proc/$pid" ]; then
      log "$comm ($pid) did not stop in ${grace}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do
        [ -d "/proc/$pid" ] || break
        sleep 0.1
      done
    fi
  fi
  rm -f "$pidfile"
}

# wait_until SECS DESCRIPTION CMD...: retries CMD every 0.2 s for at most SECS seconds.
wait_until() {
  local secs=$1 what=$2
  shift 2
  local deadline=$((SECONDS + secs))
  while ! "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# alive_and CHECK LAUNCH_PIDFILE LOGFILE: true when CHECK succeeds; exits the script at once (with the
# log tail) when the launched process has died, instead of waiting for the timeout.
alive_and() {
  "$1" && return 0
  local pid
  pid=$(tr -dc '0-9' <"$2" 2>/dev/null || true)
  if [ -n "$pid" ] && [ ! -d "/proc/$pid" ]; then
    rm -f "$2"
    die "process $pid launched for '$1' exited; last lines of $3: $(tail -n 5 "$3" 2>/dev/null | tr '\n' ' ')"
  fi
  return 1
}

in_ns() { nsenter --net="$B_NSPATH" "$@" 9>&-; }

# tcp_open HOST PORT: true if a TCP connection can be made within 2 s.
tcp_open() {
  # shellcheck disable=SC2016
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

# ---------------------------------------------------------------- engines

# engine_ok SOCKET: true when the engine answers; sets ENGINE_VERSION.
engine_ok() {
  local v
  v=$(timeout 10 docker -H "unix://$1" version --format '{{.Server.Version}}' 2>/dev/null) || return 1
  ENGINE_VERSION=$v
}
engine_a_ok() { engine_ok "$A_SOCK"; }
engine_b_ok() { engine_ok "$B_SOCK"; }
engine_b_tls_ok() {
  timeout 10 docker --tlsverify --tlscacert "$LAB_TLS/ca.pem" --tlscert "$LAB_TLS/client-cert.pem" \
    --tlskey "$LAB_TLS/client-key.pem" -H "tcp://$B_IP:$B_TLS_PORT" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

ensure_engine_a() {
  if engine_a_ok; then
    engine_a_check_owner
    return 0
  fi
  if ! pid_of "$A_PIDFILE" dockerd >/dev/null; then
    log "starting engine A (dockerd on $A_SOCK)"
    spawn "$LAB_RUN/engine-a.launch.pid" "$LAB_LOGS/dockerd-a.log" \
      dockerd -H "unix://$A_SOCK" --pidfile "$A_PIDFILE" --shutdown-timeout 5
    : >"$A_OWNED"
  else
    log "engine A process exists but does not answer yet; waiting"
  fi
  wait_until "$WAIT_SECS" "engine A" alive_and engine_a_ok "$LAB_RUN/engine-a.launch.pid" "$LAB_LOGS/dockerd-a.log" ||
    die "engine A did not answer on $A_SOCK within ${WAIT_SECS}s (log: $LAB_LOGS/dockerd-a.log)"
  # Record the daemon pid if we own it (dockerd wrote its pidfile by now).
  if [ -e "$A_OWNED" ]; then cat "$A_PIDFILE" >"$A_OWNED" 2>/dev/null || true; fi
}

# Engine B's daemon.json. dockerd 20.10 derives the engine ID (`docker info` .ID) from
# /etc/docker/key.json, which would be shared with engine A: give B its own key.
B_CONFIG=$LAB_STATE/engine-b.json
B_CONFIG_CHANGED=0
write_engine_b_config() {
  local want="{ \"deprecated-key-path\": \"$B_DATA/key.json\" }"
  if [ ! -f "$B_CONFIG" ] || [ "$(<"$B_CONFIG")" != "$want" ]; then
    printf '%s\n' "$want" >"$B_CONFIG"
    B_CONFIG_CHANGED=1
  fi
}

# Starts engine B inside the namespace unless its pidfile names a live dockerd. Does not wait.
start_engine_b() {
  if pid_of "$B_PIDFILE" dockerd >/dev/null; then
    return 0
  fi
  [ -e "$B_NSPATH" ] || die "network namespace $B_NS does not exist (run up.sh)"
  write_engine_b_config
  log "starting engine B (dockerd in netns $B_NS, $B_SOCK and tcp://0.0.0.0:$B_TLS_PORT)"
  spawn "$LAB_RUN/engine-b.launch.pid" "$LAB_LOGS/dockerd-b.log" nsenter --net="$B_NSPATH" dockerd \
    --config-file "$B_CONFIG" \
    --data-root "$B_DATA" --exec-root "$B_EXEC" --pidfile "$B_PIDFILE" \
    -H "unix://$B_SOCK" -H "tcp://0.0.0.0:$B_TLS_PORT" \
    --tlsverify --tlscacert "$LAB_TLS/ca.pem" \
    --tlscert "$LAB_TLS/server-cert.pem" --tlskey "$LAB_TLS/server-key.pem" \
    --shutdown-timeout 5 --bip 10.125.0.1/24 --default-address-pool base=10.125.128.0/17,size=24
}

wait_engine_b() {
  # After a crash, dockerd stops the containers left running (10 s grace each) before it answers.
  wait_until "$((WAIT_SECS * 2))" "engine B" alive_and engine_b_ok "$LAB_RUN/engine-b.launch.pid" "$LAB_LOGS/dockerd-b.log" ||
    die "engine B did not answer on $B_SOCK within $((WAIT_SECS * 2))s (log: $LAB_LOGS/dockerd-b.log)"
  wait_until 10 "engine B TLS port" tcp_open "$B_IP" "$B_TLS_PORT" ||
    die "engine B answers on $B_SOCK but $B_IP:$B_TLS_PORT is not reachable"
}

ensure_engine_b() {
  engine_b_ok && return 0
  start_engine_b
  wait_engine_b
}

# Drops the "owned" marker when the running engine A is not the one the lab started.
engine_a_check_owner() {
  [ -e "$A_OWNED" ] || return 0
  local owned cur
  owned=$(tr -dc '0-9' <"$A_OWNED" 2>/dev/null || true)
  cur=$(pid_of "$A_PIDFILE" dockerd 2>/dev/null || true)
  if [ -z "$owned" ] || [ "$owned" != "$cur" ]; then rm -f "$A_OWNED"; fi
}
