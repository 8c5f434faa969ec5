#!/usr/bin/env bash
# Brings the Berthmaster test lab up (idempotent; fast when everything is already up).
# See README.md in this folder. Writes /var/lib/berthmaster-lab/lab.json.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

[ "$(id -u)" = 0 ] || die "up.sh must run as root"
T0=$(date +%s%N)

lab_lock
ensure_dirs
ensure_packages

# ---------------------------------------------------------------- engine A
ensure_engine_a
A_VERSION=$ENGINE_VERSION

# ---------------------------------------------------------------- TLS material
TLS_CHANGED=0
CNF=$LAB_TLS/openssl.cnf

write_openssl_cnf() {
  local want
  want=$(
    cat <<EOF
[req]
distinguished_name = dn
prompt = no
[dn]
CN = berthmaster-lab
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[v3_server]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:$B_IP,IP:127.0.0.1,DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[v3_client]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ca_expired]
dir = $LAB_TLS/ca-db
database = \$dir/index.txt
new_certs_dir = \$dir/newcerts
serial = \$dir/serial
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none
[policy_any]
commonName = supplied
EOF
  )
  if [ ! -f "$CNF" ] || [ "$(<"$CNF")" != "$want" ]; then printf '%s\n' "$want" >"$CNF"; fi
}

genkey() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null && chmod 0600 "$1"; }

# mkcert NAME CN EXTSECTION CA_PREFIX: NAME-key.pem + NAME-cert.pem signed by CA_PREFIX.pem
mkcert() {
  local name=$1 cn=$2 ext=$3 ca=$4
  genkey "$LAB_TLS/$name-key.pem"
  openssl req -new -config "$CNF" -key "$LAB_TLS/$name-key.pem" -subj "/CN=$cn" -out "$LAB_TLS/$name.csr"
  openssl x509 -req -in "$LAB_TLS/$name.csr" -CA "$LAB_TLS/$ca.pem" -CAkey "$LAB_TLS/$ca-key.pem" \
    -set_serial "0x$(openssl rand -hex 12)" -days 825 -sha256 -extfile "$CNF" -extensions "$ext" \
    -out "$LAB_TLS/$name-cert.pem" 2>/dev/null
  rm -f "$LAB_TLS/$name.csr"
}

mkca() {
  local name=$1 cn=$2
  genkey "$LAB_TLS/$name-key.pem"
  openssl req -x509 -new -config "$CNF" -extensions v3_ca -key "$LAB_TLS/$name-key.pem" -sha256 \
    -days 3650 -subj "/CN=$cn" -out "$LAB_TLS/$name.pem"
}

# valid for at least one more day
cert_fresh() { [ -s "$1" ] && openssl x509 -noout -checkend 86400 -in "$1" >/dev/null 2>&1; }

ensure_tls() {
  write_openssl_cnf
  # Fast path: all files present and their expiry checked less than an hour ago.
  local f ok=1
  for f in ca ca-key server-cert server-key client-cert client-key wrong-ca wrong-ca-key \
    wrong-server-cert wrong-server-key expired-cert expired-key; do
    [ -s "$LAB_TLS/$f.pem" ] || ok=0
  done
  if [ "$ok" = 1 ] && [ -n "$(find "$LAB_TLS/.checked" -mmin -60 2>/dev/null)" ]; then
    return 0
  fi
  if ! [ -s "$LAB_TLS/ca.pem" ] || ! [ -s "$LAB_TLS/ca-key.pem" ] || ! cert_fresh "$LAB_TLS/ca.pem"; then
    log "generating lab CA and certificates in $LAB_TLS"
    find "$LAB_TLS" -mindepth 1 ! -name openssl.cnf -exec rm -rf {} +
    mkca ca "Berthmaster Lab CA"
    TLS_CHANGED=1
  fi
  if ! cert_fresh "$LAB_TLS/server-cert.pem" || ! [ -s "$LAB_TLS/server-key.pem" ]; then
    mkcert server berthmaster-lab-engine-b v3_server ca
    TLS_CHANGED=1
  fi
  if ! cert_fresh "$LAB_TLS/client-cert.pem" || ! [ -s "$LAB_TLS/client-key.pem" ]; then
    mkcert client berthmaster-lab-client v3_client ca
  fi
  # A second, unrelated CA and a server certificate from it (served on WRONG_CA_PORT).
  if ! cert_fresh "$LAB_TLS/wrong-ca.pem" || ! [ -s "$LAB_TLS/wrong-ca-key.pem" ]; then
    mkca wrong-ca "Unrelated CA (not the Berthmaster lab CA)"
    rm -f "$LAB_TLS/wrong-server-cert.pem"
  fi
  if ! cert_fresh "$LAB_TLS/wrong-server-cert.pem" || ! [ -s "$LAB_TLS/wrong-server-key.pem" ]; then
    mkcert wrong-server berthmaster-lab-wrong-ca v3_server wrong-ca
    TLS_CHANGED=1
  fi
  # An expired server certificate signed by the real CA (served on EXPIRED_PORT).
  if ! [ -s "$LAB_TLS/expired-cert.pem" ] || ! [ -s "$LAB_TLS/expired-key.pem" ]; then
    rm -rf "$LAB_TLS/ca-db"
    mkdir -p "$LAB_TLS/ca-db/newcerts"
    : >"$LAB_TLS/ca-db/index.txt"
    openssl rand -hex 12 >"$LAB_TLS/ca-db/serial"
    genkey "$LAB_TLS/expired-key.pem"
    openssl req -new -config "$CNF" -key "$LAB_TLS/expired-key.pem" -subj "/CN=berthmaster-lab-expired" \
      -out "$LAB_TLS/expired.csr"
    openssl ca -batch -notext -config "$CNF" -name ca_expired -cert "$LAB_TLS/ca.pem" \
      -keyfile "$LAB_TLS/ca-key.pem" -startdate 20200101000000Z -enddate 20200201000000Z \
      -extfile "$CNF" -extensions v3_server -in "$LAB_TLS/expired.csr" \
      -out "$LAB_TLS/expired-cert.pem" >"$LAB_LOGS/openssl-ca.log" 2>&1 ||
      die "openssl ca failed for the expired certificate (see $LAB_LOGS/openssl-ca.log)"
    rm -f "$LAB_TLS/expired.csr"
    TLS_CHANGED=1
  fi
  chmod 0600 "$LAB_TLS"/*-key.pem
  touch "$LAB_TLS/.checked"
}
ensure_tls

# ---------------------------------------------------------------- network namespace
netns_healthy() {
  [ -e "$B_NSPATH" ] || return 1
  [[ "$(ip -o addr show dev "$B_HOST_IF" 2>/dev/null)" == *"inet $B_HOST_IP/$B_PREFIX"* ]] || return 1
  [[ "$(ip -o link show dev "$B_HOST_IF" 2>/dev/null)" == *"state UP"* ]] || return 1
  local ns
  ns=$(ip -n "$B_NS" -o addr show 2>/dev/null) || return 1
  [[ "$ns" == *"$B_NS_IF    inet $B_IP/$B_PREFIX"* && "$ns" == *"$B_NS_IF    inet $B_MISMATCH_IP/$B_PREFIX"* &&
    "$ns" == *"lo    inet 127.0.0.1/8"* ]] || return 1
  [ -n "$(ip route show "$B_NET" dev "$SINK_IF" metric 4096 2>/dev/null)" ] || return 1
  in_ns iptables -C INPUT -p tcp --dport "$BLACKHOLE_PORT" -j DROP 2>/dev/null
}

ensure_netns() {
  netns_healthy && return 0
  [ -e "$B_NSPATH" ] || ip netns add "$B_NS"
  if ! ip link show "$B_HOST_IF" >/dev/null 2>&1; then
    ip -n "$B_NS" link del "$B_NS_IF" >/dev/null 2>&1 || true
    ip link add "$B_HOST_IF" type veth peer name "$B_NS_IF" netns "$B_NS"
  fi
  ip addr replace "$B_HOST_IP/$B_PREFIX" dev "$B_HOST_IF"
  ip link set "$B_HOST_IF" up
  ip -n "$B_NS" link set lo up
  ip -n "$B_NS" addr replace "$B_IP/$B_PREFIX" dev "$B_NS_IF"
  ip -n "$B_NS" addr replace "$B_MISMATCH_IP/$B_PREFIX" dev "$B_NS_IF"
  ip -n "$B_NS" link set "$B_NS_IF" up
  # Sink for the lab subnet while dhb0 is down (see lib.sh): never leak to the default route.
  if ! ip link show "$SINK_IF" >/dev/null 2>&1; then
    ip link add "$SINK_IF" type veth peer name "$SINK_PEER"
  fi
  ip link set "$SINK_IF" up
  ip route replace "$B_NET" dev "$SINK_IF" metric 4096
  # Blackhole: TCP to BLACKHOLE_PORT inside the namespace is silently dropped.
  in_ns iptables -C INPUT -p tcp --dport "$BLACKHOLE_PORT" -j DROP 2>/dev/null ||
    in_ns iptables -I INPUT -p tcp --dport "$BLACKHOLE_PORT" -j DROP
}
ensure_netns

# ---------------------------------------------------------------- engine B
write_engine_b_config
if [ "$TLS_CHANGED$B_CONFIG_CHANGED" != 00 ] && pid_of "$B_PIDFILE" dockerd >/dev/null; then
  log "TLS material or engine B config changed: restarting engine B"
  stop_pid "$B_PIDFILE" dockerd 40
fi
ensure_engine_b
B_VERSION=$ENGINE_VERSION

# ---------------------------------------------------------------- deliberately wrong TLS listeners
ensure_listener() {
  local name=$1 port=$2 cert=$3 key=$4 pidfile=$LAB_RUN/tls-$1.pid
  if [ "$TLS_CHANGED" != 1 ] && pid_of "$pidfile" openssl >/dev/null &&
    [ -n "$(in_ns ss -Hltn "sport = :$port")" ]; then
    return 0
  fi
  stop_pid "$pidfile" openssl 5
  [ -z "$(in_ns ss -Hltn "sport = :$port")" ] || die "port $port in netns $B_NS is taken by another process"
  log "starting TLS listener '$name' on $B_IP:$port"
  spawn "$pidfile" "$LAB_LOGS/tls-$name.log" nsenter --net="$B_NSPATH" \
    openssl s_server -quiet -www -accept "$B_IP:$port" -cert "$cert" -key "$key"
  # shellcheck disable=SC2016
  wait_until 10 "listener $name" bash -c '[ -n "$(nsenter --net="$0" ss -Hltn "sport = :$1")" ]' "$B_NSPATH" "$port" ||
    die "TLS listener $name did not listen on $B_IP:$port (log: $LAB_LOGS/tls-$name.log)"
}
ensure_listener wrong-ca "$WRONG_CA_PORT" "$LAB_TLS/wrong-server-cert.pem" "$LAB_TLS/wrong-server-key.pem"
ensure_listener expired "$EXPIRED_PORT" "$LAB_TLS/expired-cert.pem" "$LAB_TLS/expired-key.pem"

# ---------------------------------------------------------------- sshd in the namespace
SSHD_CFG=$LAB_SSH/sshd_config
SSHD_PID=$LAB_RUN/sshd.pid
ensure_ssh() {
  local k changed=0
  for k in ed25519 rsa; do
    if ! [ -s "$LAB_SSH/ssh_host_${k}_key" ] || ! [ -s "$LAB_SSH/ssh_host_${k}_key.pub" ]; then
      rm -f "$LAB_SSH/ssh_host_${k}_key" "$LAB_SSH/ssh_host_${k}_key.pub"
      if [ "$k" = rsa ]; then
        ssh-keygen -q -t rsa -b 3072 -N '' -C berthmaster-lab-host -f "$LAB_SSH/ssh_host_rsa_key"
      else
        ssh-keygen -q -t ed25519 -N '' -C berthmaster-lab-host -f "$LAB_SSH/ssh_host_ed25519_key"
      fi
      changed=1
    fi
  done
  if ! [ -s "$LAB_SSH/id_ed25519" ] || ! [ -s "$LAB_SSH/id_ed25519.pub" ]; then
    rm -f "$LAB_SSH/id_ed25519" "$LAB_SSH/id_ed25519.pub"
    ssh-keygen -q -t ed25519 -N '' -C berthmaster-lab-ed25519 -f "$LAB_SSH/id_ed25519"
  fi
  [ -s "$LAB_SSH/rsa-passphrase" ] || (umask 077 && openssl rand -hex 12 >"$LAB_SSH/rsa-passphrase")
  RSA_PASS=$(<"$LAB_SSH/rsa-passphrase")
  # The passphrase check costs a bcrypt KDF run: do it once, remember it in id_rsa.ok.
  if ! [ -s "$LAB_SSH/id_rsa" ] || ! [ -s "$LAB_SSH/id_rsa.pub" ] ||
    ! [ "$LAB_SSH/id_rsa.ok" -nt "$LAB_SSH/id_rsa" ] || ! [ "$LAB_SSH/id_rsa.ok" -nt "$LAB_SSH/rsa-passphrase" ]; then
    # Missing files compare as two empty strings: test for them first (a fresh machine has none).
    if ! [ -s "$LAB_SSH/id_rsa" ] || ! [ -s "$LAB_SSH/id_rsa.pub" ] ||
      [ "$(ssh-keygen -y -P "$RSA_PASS" -f "$LAB_SSH/id_rsa" 2>/dev/null | cut -d' ' -f2)" != \
        "$(cut -d' ' -f2 "$LAB_SSH/id_rsa.pub" 2>/dev/null)" ]; then
      rm -f "$LAB_SSH/id_rsa" "$LAB_SSH/id_rsa.pub"
      ssh-keygen -q -t rsa -b 3072 -N "$RSA_PASS" -C berthmaster-lab-rsa -f "$LAB_SSH/id_rsa"
    fi
    sleep 0.01
    touch "$LAB_SSH/id_rsa.ok"
  fi
  local want
  want=$(cat "$LAB_SSH/id_ed25519.pub" "$LAB_SSH/id_rsa.pub")
  [ -f "$LAB_SSH/authorized_keys" ] && [ "$(<"$LAB_SSH/authorized_keys")" = "$want" ] ||
    { printf '%s\n' "$want" >"$LAB_SSH/authorized_keys" && chmod 0600 "$LAB_SSH/authorized_keys"; }
  want=$(for k in ed25519 rsa; do
    printf '%s %s\n' "$B_IP" "$(cut -d' ' -f1,2 "$LAB_SSH/ssh_host_${k}_key.pub")"
  done)
  [ -f "$LAB_SSH/known_hosts" ] && [ "$(<"$LAB_SSH/known_hosts")" = "$want" ] ||
    printf '%s\n' "$want" >"$LAB_SSH/known_hosts"
  HOST_FP=$(ssh-keygen -l -E sha256 -f "$LAB_SSH/ssh_host_ed25519_key.pub" | awk '{print $2}')

  want=$(
    cat <<EOF
# Berthmaster test lab: sshd inside netns $B_NS (generated by e2e/lab/up.sh)
Port 22
ListenAddress $B_IP
AddressFamily inet
HostKey $LAB_SSH/ssh_host_ed25519_key
HostKey $LAB_SSH/ssh_host_rsa_key
PidFile $SSHD_PID
PermitRootLogin prohibit-password
PubkeyAuthentication yes
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes yes
AuthorizedKeysFile $LAB_SSH/authorized_keys
# HOME: a clean home for sessions, so the machine's /root/.bashrc (which bash sources for
# ssh commands) cannot slow down or alter every \`docker system dial-stdio\`.
SetEnv DOCKER_HOST=unix://$B_SOCK HOME=$LAB_SSH/home
AllowTcpForwarding yes
AllowStreamLocalForwarding yes
X11Forwarding no
PrintMotd no
PrintLastLog no
# dockerode's ssh transport opens one connection per request: allow many at once
MaxStartups 200
MaxSessions 100
LoginGraceTime 30
LogLevel VERBOSE
Subsystem sftp internal-sftp
EOF
  )
  if ! [ -f "$SSHD_CFG" ] || [ "$(<"$SSHD_CFG")" != "$want" ]; then
    printf '%s\n' "$want" >"$SSHD_CFG"
    changed=1
  fi
  install -d -m 0755 /run/sshd
  install -d -m 0700 "$LAB_SSH/home"
  if [ "$changed" = 0 ] && pid_of "$SSHD_PID" sshd >/dev/null &&
    [ -n "$(in_ns ss -Hltn "sport = :22")" ]; then
    return 0
  fi
  stop_pid "$SSHD_PID" sshd 5
  /usr/sbin/sshd -t -f "$SSHD_CFG" || die "sshd config test failed for $SSHD_CFG"
  log "starting sshd on $B_IP:22 (netns $B_NS)"
  in_ns /usr/sbin/sshd -f "$SSHD_CFG" -E "$LAB_LOGS/sshd.log" ||
    die "sshd failed to start (log: $LAB_LOGS/sshd.log)"
  wait_until 10 sshd bash -c "[ -n \"\$(nsenter --net='$B_NSPATH' ss -Hltn 'sport = :22')\" ]" ||
    die "sshd does not listen on $B_IP:22 (log: $LAB_LOGS/sshd.log)"
}
ensure_ssh

# bg NAME CMD...: run CMD in the background; its output and status land in $VDIR.
bg() {
  local n=$1
  shift
  { "$@" >"$VDIR/$n.out" 2>&1 </dev/null; echo $? >"$VDIR/$n.rc"; } 9>&- &
}
out() { cat "$VDIR/$1.out" 2>/dev/null; }
result() { [ "$(cat "$VDIR/$1.rc" 2>/dev/null)" = 0 ]; }
VDIR=$(mktemp -d /tmp/berthmaster-lab-verify.XXXXXX)
trap 'rm -rf "$VDIR"' EXIT
# Verification of the ssh path (slowest check, ~0.3 s) starts now and is collected in verify().
bg ssh timeout 20 ssh -F /dev/null -i "$LAB_SSH/id_ed25519" -o IdentitiesOnly=yes -o BatchMode=yes \
  -o UserKnownHostsFile="$LAB_SSH/known_hosts" -o GlobalKnownHostsFile=/dev/null \
  -o StrictHostKeyChecking=yes -o ConnectTimeout=5 -o LogLevel=ERROR -p 22 "root@$B_IP" \
  docker info --format '{{.ID}}'

# ---------------------------------------------------------------- registry
REG_PID=$LAB_RUN/registry.pid
ensure_registry() {
  local changed=0 want
  install -d -m 0700 "$LAB_REG/data"
  [ -s "$LAB_REG/password" ] || (umask 077 && openssl rand -hex 16 >"$LAB_REG/password")
  REG_PASS=$(<"$LAB_REG/password")
  if ! [ -s "$LAB_REG/htpasswd" ] || ! htpasswd -vb "$LAB_REG/htpasswd" "$REG_USER" "$REG_PASS" >/dev/null 2>&1; then
    htpasswd -Bbn "$REG_USER" "$REG_PASS" | sed '/^$/d' >"$LAB_REG/htpasswd"
    chmod 0600 "$LAB_REG/htpasswd"
    changed=1
  fi
  want=$(
    cat <<EOF
version: 0.1
log:
  level: info
  fields:
    service: berthmaster-lab-registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: $LAB_REG/data
  delete:
    enabled: true
http:
  addr: $REG_ADDR
  secret: berthmaster-lab-registry-secret
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: berthmaster-lab
    path: $LAB_REG/htpasswd
EOF
  )
  if ! [ -f "$LAB_REG/config.yml" ] || [ "$(<"$LAB_REG/config.yml")" != "$want" ]; then
    printf '%s\n' "$want" >"$LAB_REG/config.yml"
    changed=1
  fi
  if [ "$changed" = 0 ] && pid_of "$REG_PID" docker-registry >/dev/null; then
    return 0
  fi
  stop_pid "$REG_PID" docker-registry 10
  ! tcp_open 127.0.0.1 5000 || die "127.0.0.1:5000 is already taken by a process the lab did not start"
  log "starting registry on $REG_ADDR"
  spawn "$REG_PID" "$LAB_LOGS/registry.log" docker-registry serve "$LAB_REG/config.yml"
  wait_until 15 registry tcp_open 127.0.0.1 5000 ||
    die "registry did not listen on $REG_ADDR (log: $LAB_LOGS/registry.log)"
}
ensure_registry

# ---------------------------------------------------------------- test image (both engines)
build_image_a() {
  local root
  root=$(mktemp -d /tmp/berthmaster-lab-rootfs.XXXXXX)
  mkdir -p "$root"/{bin,etc,tmp,root,proc,sys,dev,var/www}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  local a
  for a in sh ls cat echo sleep top ps env hostname httpd wc yes head tail stty vi id mkdir rm \
    touch printf seq kill grep sed true false date uname dd; do
    ln -s busybox "$root/bin/$a"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  log "importing $IMAGE into engine A"
  tar -C "$root" --numeric-owner --owner=0 --group=0 -cf - . |
    timeout 120 docker -H "unix://$A_SOCK" import -c 'CMD ["/bin/sh"]' \
      -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$IMAGE" >/dev/null
  rm -rf "$root"
}
ensure_image() {
  local pa pb
  docker -H "unix://$A_SOCK" image inspect "$IMAGE" >/dev/null 2>&1 &
  pa=$!
  docker -H "unix://$B_SOCK" image inspect "$IMAGE" >/dev/null 2>&1 &
  pb=$!
  wait "$pa" || build_image_a
  if ! wait "$pb"; then
    log "copying $IMAGE into engine B (same image ID as on A)"
    timeout 120 docker -H "unix://$A_SOCK" save "$IMAGE" | timeout 120 docker -H "unix://$B_SOCK" load >/dev/null
  fi
}
ensure_image

# ---------------------------------------------------------------- lab.json
write_lab_json() {
  local tmp=$LAB_JSON.tmp.$$
  cat >"$tmp" <<EOF
{
  "version": 1,
  "engineA": { "socketPath": "$A_SOCK" },
  "engineB": {
    "socketPath": "$B_SOCK",
    "netns": "$B_NS",
    "tlsHost": "$B_IP",
    "tlsPort": $B_TLS_PORT,
    "mismatchHost": "$B_MISMATCH_IP"
  },
  "tls": {
    "ca": "$LAB_TLS/ca.pem",
    "cert": "$LAB_TLS/client-cert.pem",
    "key": "$LAB_TLS/client-key.pem",
    "wrongCaPort": $WRONG_CA_PORT,
    "expiredPort": $EXPIRED_PORT
  },
  "blackhole": { "host": "$B_IP", "port": $BLACKHOLE_PORT },
  "ssh": {
    "host": "$B_IP",
    "port": 22,
    "user": "root",
    "ed25519Key": "$LAB_SSH/id_ed25519",
    "rsaKey": "$LAB_SSH/id_rsa",
    "rsaPassphrase": "$RSA_PASS",
    "knownHosts": "$LAB_SSH/known_hosts",
    "hostKeyFingerprint": "$HOST_FP"
  },
  "registry": { "address": "$REG_ADDR", "username": "$REG_USER", "password": "$REG_PASS" },
  "image": "$IMAGE"
}
EOF
  chmod 0600 "$tmp"
  if cmp -s "$tmp" "$LAB_JSON"; then rm -f "$tmp"; else mv -f "$tmp" "$LAB_JSON"; fi
}
write_lab_json

# ---------------------------------------------------------------- verification
http_status() { # http_status HOST PORT PATH [AUTH_HEADER_LINE]
  # shellcheck disable=SC2016
  timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: %s:%s\r\n%s\r\n" "$2" "$0" "$1" "$3" >&3
    IFS=" " read -r _ code _ <&3 && echo "$code"' "$1" "$2" "$3" "${4:-}" 2>/dev/null || echo none
}
# tls_verify_code PORT: OpenSSL's verify result when dialing B_IP:PORT with the lab CA
tls_verify_code() {
  timeout 5 openssl s_client -connect "$B_IP:$1" -CAfile "$LAB_TLS/ca.pem" </dev/null 2>/dev/null |
    sed -n 's/^ *Verify return code: \([0-9]*\).*/\1/p' | head -n1
}

verify() {
  # Engines A and B (unix sockets) answered `docker version` above (A_VERSION, B_VERSION).
  # The remaining checks run concurrently; the ssh login check already started after ensure_ssh.
  local auth
  auth="Authorization: Basic $(printf '%s:%s' "$REG_USER" "$REG_PASS" | base64 -w0)"$'\r\n'
  bg idb timeout 10 docker -H "unix://$B_SOCK" info --format '{{.ID}}'
  bg tls timeout 10 docker --tlsverify --tlscacert "$LAB_TLS/ca.pem" --tlscert "$LAB_TLS/client-cert.pem" \
    --tlskey "$LAB_TLS/client-key.pem" -H "tcp://$B_IP:$B_TLS_PORT" version --format '{{.Server.Version}}'
  bg reg401 http_status 127.0.0.1 5000 /v2/
  bg reg200 http_status 127.0.0.1 5000 /v2/ "$auth"
  bg wrongca tls_verify_code "$WRONG_CA_PORT"
  bg expired tls_verify_code "$EXPIRED_PORT"
  bg blackhole in_ns iptables -C INPUT -p tcp --dport "$BLACKHOLE_PORT" -j DROP
  wait
  local id_b
  result idb || die "engine B info failed: $(out idb)"
  id_b=$(out idb)
  result tls || die "engine B check over TLS ($B_IP:$B_TLS_PORT) failed: $(out tls)"
  [ "$(out reg401)" = 401 ] || die "registry: expected 401 on /v2/ without auth, got $(out reg401)"
  [ "$(out reg200)" = 200 ] || die "registry: expected 200 on /v2/ with auth, got $(out reg200)"
  [ -n "$(out wrongca)" ] && [ "$(out wrongca)" != 0 ] ||
    die "wrong-CA listener on $B_IP:$WRONG_CA_PORT: verify code '$(out wrongca)'"
  [ "$(out expired)" = 10 ] || die "expired listener on $B_IP:$EXPIRED_PORT: verify code '$(out expired)' (want 10)"
  result blackhole || die "blackhole iptables rule missing in netns $B_NS"
  result ssh || die "ssh check (root@$B_IP, ed25519 key) failed: $(out ssh)"
  [ "$(out ssh)" = "$id_b" ] || die "ssh reaches engine '$(out ssh)', expected engine B '$id_b'"
  local owner=reused
  [ -e "$A_OWNED" ] && owner=lab
  local ms=$((($(date +%s%N) - T0) / 1000000))
  echo "lab up: engineA=$A_SOCK ($A_VERSION, $owner) engineB=$B_SOCK+tcp://$B_IP:$B_TLS_PORT ($B_VERSION, netns $B_NS)" \
    "ssh=root@$B_IP:22 registry=$REG_ADDR image=$IMAGE json=$LAB_JSON (${ms} ms)"
}
verify
