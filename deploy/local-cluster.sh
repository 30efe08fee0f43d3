#!/usr/bin/env bash
# A Sweep cluster on one box: a private PostgreSQL server (never the system's) and N silos joined to it.
# Usage: deploy/local-cluster.sh up [N] | down [--purge] | status | env
#   up [N]        start the server (installing Debian's postgresql when missing) and silos 1..N (default 2;
#                 0 = only the database); prints SWEEP_CLUSTER=postgres://sweep@127.0.0.1:PORT/sweep on stdout.
#                 Idempotent: a running server is reused (same port and password), running silos are kept.
#   down          SIGTERM the silos (SIGKILL after 90 s), stop the server; the data stays for the next `up`.
#   down --purge  also delete the state folder and the server's data.
#   status        the server (port, running or not) and each silo (pid, running or not); exit 3 if any is down.
#   env           the cluster's variables as `export K=V` lines: eval "$(deploy/local-cluster.sh env)"
# State folder: $SWEEP_CLUSTER_DIR, default <repo>/.sweep/cluster, holding cluster.env (SWEEP_CLUSTER, PGPASSFILE,
# SWEEP_CLUSTER_DIR, SWEEP_PG_PORT), pgpass (the password of role sweep), pg.location (where the server's data,
# socket and server.log are: <dir>/pg, or /tmp/sweep-cluster-<hash> when the postgres user cannot reach <dir>),
# silo<i>/ (a silo's home), silo<i>.log and silo<i>.pid. Silos get SWEEP_CPU_SLOTS CPU slots (default 2) and count
# as ready once their log has a line that starts "silo " and contains " joined cluster ". SWEEP_PG_BIN: a folder
# with initdb, pg_ctl, postgres, psql and pg_isready to use instead of the newest /usr/lib/postgresql/*/bin.
set -euo pipefail

self="$(readlink -f "${BASH_SOURCE[0]}")"
repo="$(cd "$(dirname "$self")/.." && pwd)"

say() { echo "local-cluster: $*" >&2; }
die() { say "$*"; exit 1; }
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$self"; }
bad_usage() { say "$* (see deploy/local-cluster.sh --help)"; exit 2; }

dir="$(readlink -m -- "${SWEEP_CLUSTER_DIR:-$repo/.sweep/cluster}")"
envfile="$dir/cluster.env"
passfile="$dir/pgpass"
locfile="$dir/pg.location"

# initdb and postgres refuse to run as root: as root the server runs as the postgres user (made by Debian's package).
if [[ $(id -u) -eq 0 ]]; then pguser=postgres; else pguser=""; fi
as_pg() {
  if [[ -n $pguser ]]; then (cd / && runuser -u "$pguser" -- "$@"); else "$@"; fi
}
pg_uid() { if [[ -n $pguser ]]; then id -u "$pguser"; else id -u; fi; }

tmp=""
cleanup() { [[ -z $tmp ]] || rm -f "$tmp"; }
trap cleanup EXIT

# The bin folder of an installed PostgreSQL with initdb, pg_ctl and postgres: version $1 when given, else the newest.
find_pg_bin() {
  local want="${1:-}" d
  if [[ -n ${SWEEP_PG_BIN:-} ]]; then
    if [[ -x $SWEEP_PG_BIN/initdb && -x $SWEEP_PG_BIN/pg_ctl ]]; then echo "$SWEEP_PG_BIN"; fi
    return 0
  fi
  while IFS= read -r d; do
    [[ -z $want || $d == "/usr/lib/postgresql/$want/bin" ]] || continue
    if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres && -x $d/psql && -x $d/pg_isready ]]; then
      echo "$d"
      return 0
    fi
  done < <(shopt -s nullglob; for d in /usr/lib/postgresql/*/bin; do echo "$d"; done | sort -rV)
}

# Where the server's files are: the folder recorded by the last `up`, else <dir>/pg.
pg_root() { if [[ -s $locfile ]]; then head -n 1 "$locfile"; else echo "$dir/pg"; fi; }

# A free loopback port in 20000-29999 (below Linux's ephemeral range, so outgoing connections do not take it).
free_port() {
  local p i
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + ${SRANDOM:-$RANDOM} % 10000))
    port_free "$p" && { echo "$p"; return 0; }
  done
  die "found no free loopback port in 20000-29999"
}
port_free() {
  if command -v ss >/dev/null && [[ -n "$(ss -Htln "sport = :$1" 2>/dev/null)" ]]; then return 1; fi
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

env_get() { if [[ -f $envfile ]]; then sed -n "s/^$1=//p" "$envfile" | head -n 1; fi; }

# Writes $2 to file $1 (mode 0600, owned by whoever runs this script) atomically.
write_private() { (umask 077 && printf '%s' "$2" >"$1.new" && mv -f "$1.new" "$1"); }

server_running() { as_pg "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; }

log_tail() { if [[ -f $1 ]]; then tail -n "${2:-20}" "$1" | sed 's/^/  | /' >&2; fi; }

wait_pg_ready() {
  local end=$((SECONDS + 60))
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U sweep -d sweep -t 2; do
    if ((SECONDS >= end)); then
      log_tail "$pglog"
      die "PostgreSQL on 127.0.0.1:$port did not accept connections within 60 s (log tail above, from $pglog)"
    fi
    sleep 0.2
  done
}

# Sets up $pgroot: <dir>/pg, or a fallback under /tmp, owned by the server's user, mode 0700.
prepare_pg_root() {
  local reason=""
  if [[ -s $locfile ]]; then
    pgroot="$(head -n 1 "$locfile")"
  else
    pgroot="$dir/pg"
    # The socket's path (<pgroot>/sock/.s.PGSQL.PORT) must fit in sockaddr_un's 108 bytes.
    if ((${#pgroot} + 20 > 107)); then
      reason="its socket path would be longer than a unix socket allows"
    # As root the server runs as postgres, which needs search (x) permission on every folder above its data;
    # a state folder under /root (mode 0700) is out of its reach, so its data goes to a folder under /tmp instead.
    elif [[ -n $pguser ]] && ! as_pg test -x "$dir"; then
      reason="the $pguser user cannot reach $dir"
    fi
    if [[ -n $reason ]]; then
      pgroot="/tmp/sweep-cluster-$(printf '%s' "$dir" | sha256sum | cut -c 1-16)"
      say "the server's data goes to $pgroot: $reason"
    fi
  fi
  if [[ ! -e $pgroot ]]; then
    mkdir -m 0700 -- "$pgroot" || die "could not create $pgroot"
    [[ -z $pguser ]] || chown "$pguser:" "$pgroot" || die "could not chown $pgroot to $pguser"
  fi
  [[ -d $pgroot && ! -L $pgroot ]] || die "$pgroot is not a folder"
  [[ $(stat -c %u "$pgroot") == "$(pg_uid)" ]] ||
    die "$pgroot is owned by $(stat -c %U "$pgroot"), not by ${pguser:-$(id -un)}, who runs the server"
  printf '%s\n' "$pgroot" >"$locfile"
  data="$pgroot/data"
  sock="$pgroot/sock"
  pglog="$pgroot/server.log"
  as_pg mkdir -p -m 0700 "$sock" || die "could not create $sock"
}

# Writes the settings `up` picks each start (port, loopback only, socket folder), included by postgresql.conf.
write_server_conf() {
  printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\nunix_socket_permissions = 0700\n" \
    "$port" "${sock//\'/\'\'}" | as_pg tee "$data/sweep.conf" >/dev/null || die "could not write $data/sweep.conf"
}

init_server() {
  local marker="$pgroot/initdb.done"
  [[ -f $marker ]] && return 0
  if [[ -e $data ]]; then
    say "removing $data, left by an initdb that did not finish"
    rm -rf -- "$data"
  fi
  say "initializing a PostgreSQL $(basename "$(dirname "$bin")") data folder in $data"
  # trust only on the unix socket (mode 0700 in a 0700 folder: the server's user and root); passwords over TCP.
  if ! as_pg "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 \
      --locale=C --no-instructions >"$tmp" 2>&1; then
    log_tail "$tmp" 30
    die "initdb failed for $data (output above)"
  fi
  printf "\n# deploy/local-cluster.sh: port, listen address and socket folder\ninclude_if_exists = 'sweep.conf'\n" |
    as_pg tee -a "$data/postgresql.conf" >/dev/null
  : >"$marker"
}

start_server() {
  local tries
  port="$(env_get SWEEP_PG_PORT)"
  [[ $port =~ ^[0-9]+$ ]] && port_free "$port" || port="$(free_port)"
  for ((tries = 1; ; tries++)); do
    write_server_conf
    say "starting PostgreSQL on 127.0.0.1:$port (log: $pglog)"
    # 9>&-: the server must not hold this script's lock.
    if as_pg "$bin/pg_ctl" start -D "$data" -l "$pglog" -w -t 60 -s >&2 2>"$tmp" 9>&-; then
      return 0
    fi
    # Another program can take the port between the check and the bind: try another.
    if ((tries < 5)) && tail -n 20 "$pglog" 2>/dev/null | grep -q 'could not bind\|Address already in use'; then
      port="$(free_port)"
      continue
    fi
    cat "$tmp" >&2
    log_tail "$pglog"
    die "PostgreSQL did not start (log tail above, from $pglog)"
  done
}

# Role sweep (password from pgpass, else a new one) owning database sweep; files pgpass and cluster.env.
ensure_role_and_files() {
  local pw=""
  [[ -f $passfile ]] && pw="$(head -n 1 "$passfile" | cut -d : -f 5-)"
  [[ $pw =~ ^[0-9a-f]{32}$ ]] || pw="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
  if ! as_pg "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres -d postgres >/dev/null 2>"$tmp" <<SQL
SET password_encryption = 'scram-sha-256';
SELECT 'CREATE ROLE sweep LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sweep') \gexec
ALTER ROLE sweep LOGIN PASSWORD '$pw';
SELECT 'CREATE DATABASE sweep OWNER sweep' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'sweep') \gexec
SQL
  then
    cat "$tmp" >&2
    die "could not create role and database sweep (psql over $sock)"
  fi
  write_private "$passfile" "127.0.0.1:$port:sweep:sweep:$pw"$'\n'
  cluster="postgres://sweep@127.0.0.1:$port/sweep"
  write_private "$envfile" "SWEEP_CLUSTER=$cluster
PGPASSFILE=$passfile
SWEEP_CLUSTER_DIR=$dir
SWEEP_PG_PORT=$port
"
}

# Whether silo $1 runs: its pid file names a live process whose arguments include its home.
silo_running() {
  local pid
  pid="$(cat "$dir/silo$1.pid" 2>/dev/null)" || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "$dir/silo$1"
}

silo_joined() { awk 'index($0, "silo ") == 1 && index($0, " joined cluster ") { found = 1; exit } END { exit !found }' "$1"; }

start_silos() {
  local n=$1 i pid node start=()
  for ((i = 1; i <= n; i++)); do
    if silo_running "$i"; then say "silo$i is already running (pid $(cat "$dir/silo$i.pid"))"; else start+=("$i"); fi
  done
  if ((${#start[@]} > 0)); then
    # Build once here, so the silos do not queue on the build lock inside their 120 s.
    "$repo/sweep" --help >/dev/null || die "could not build the sweep CLI ($repo/sweep --help failed)"
    node="$(hostname 2>/dev/null || uname -n)"
    for i in "${start[@]}"; do
      mkdir -p "$dir/silo$i"
      (umask 077 && : >"$dir/silo$i.log")
      PGPASSFILE="$passfile" setsid "$repo/sweep" silo --cluster "$cluster" --home "$dir/silo$i" \
        --node "$node-silo$i" --silo-port 0 --gateway-port 0 --advertise 127.0.0.1 --cpu-slots "${SWEEP_CPU_SLOTS:-2}" \
        --web 127.0.0.1:0 </dev/null >"$dir/silo$i.log" 2>&1 9>&- &
      echo "$!" >"$dir/silo$i.pid"
      say "started silo$i (pid $!, log $dir/silo$i.log; its web address is the log's 'web:' line)"
    done
  fi
  for ((i = 1; i <= n; i++)); do
    local log="$dir/silo$i.log" end=$((SECONDS + 120))
    pid="$(cat "$dir/silo$i.pid")"
    until silo_joined "$log"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        log_tail "$log"
        die "silo$i (pid $pid) exited before joining the cluster (log tail above, from $log)"
      fi
      if ((SECONDS >= end)); then
        log_tail "$log"
        die "silo$i (pid $pid) did not join the cluster within 120 s (log tail above, from $log)"
      fi
      sleep 0.5
    done
  done
  ((n == 0)) || say "$n silo(s) joined the cluster"
}

lock_state() {
  exec 9>"$dir/.lock" || die "could not open $dir/.lock"
  flock -w 600 9 || die "another deploy/local-cluster.sh still holds $dir/.lock after 600 s"
}

cmd_up() {
  local n=2 ver=""
  [[ $# -le 1 ]] || bad_usage "up takes at most one argument, the number of silos"
  [[ $# -eq 0 ]] || n=$1
  [[ $n =~ ^[0-9]+$ ]] || bad_usage "up: the number of silos must be a whole number, not '$n'"
  mkdir -p "$dir" || die "could not create the state folder $dir"
  lock_state
  tmp="$(mktemp)"

  # A data folder made by an earlier `up` needs the PostgreSQL version that made it.
  [[ -f "$(pg_root)/data/PG_VERSION" ]] && ver="$(cat "$(pg_root)/data/PG_VERSION" 2>/dev/null || true)"
  bin="$(find_pg_bin "$ver")"
  if [[ -z $bin && -z $ver ]]; then
    say "PostgreSQL is not installed; installing Debian's postgresql (deploy/install-deps.sh --cluster)"
    "$repo/deploy/install-deps.sh" --cluster || die "deploy/install-deps.sh --cluster failed"
    bin="$(find_pg_bin)"
  fi
  [[ -n $bin ]] || die "found no PostgreSQL${ver:+ $ver} with initdb and pg_ctl in ${SWEEP_PG_BIN:-/usr/lib/postgresql/*/bin}${ver:+ (the data in $(pg_root)/data needs it; or run down --purge)}"
  [[ -z $pguser ]] || id -u "$pguser" >/dev/null 2>&1 || die "there is no $pguser user to run PostgreSQL as (as root the server runs as $pguser)"

  prepare_pg_root
  if server_running; then
    port="$(as_pg sed -n 4p "$data/postmaster.pid")"
    [[ $port =~ ^[0-9]+$ ]] || die "could not read the port of the running server from $data/postmaster.pid"
    say "PostgreSQL is already running on 127.0.0.1:$port"
  else
    init_server
    start_server
  fi
  wait_pg_ready
  ensure_role_and_files
  echo "SWEEP_CLUSTER=$cluster"
  start_silos "$n"
}

cmd_down() {
  local purge=0 f i pid pids=() ids=() end k pgroot data bin ver
  case "${1:-}" in
    "") ;;
    --purge) purge=1 ;;
    *) bad_usage "down: unknown option '$1' (only --purge)" ;;
  esac
  [[ $# -le 1 ]] || bad_usage "down takes at most --purge"
  if [[ ! -d $dir ]]; then say "no cluster in $dir"; return 0; fi
  if ((purge)) && [[ $dir == / || $dir == "$repo" || $dir == "${HOME:-/}" ]]; then
    die "refusing to delete $dir"
  fi
  if ((purge)) && ! compgen -G "$dir/cluster.env" >/dev/null && ! compgen -G "$dir/pg.location" >/dev/null &&
      ! compgen -G "$dir/silo*.pid" >/dev/null && [[ ! -d $dir/pg ]]; then
    die "refusing to delete $dir: it does not look like a local-cluster state folder"
  fi
  lock_state

  for f in "$dir"/silo*.pid; do
    [[ -e $f ]] || continue
    i="${f##*/silo}"
    i="${i%.pid}"
    if silo_running "$i"; then
      pid="$(cat "$f")"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      ids+=("$i")
    else
      rm -f "$f"
    fi
  done
  end=$((SECONDS + 90))
  for k in "${!pids[@]}"; do
    while kill -0 "${pids[k]}" 2>/dev/null && ((SECONDS < end)); do sleep 0.2; done
    if kill -0 "${pids[k]}" 2>/dev/null; then
      say "silo${ids[k]} (pid ${pids[k]}) did not stop within 90 s of SIGTERM; sending SIGKILL"
      kill -KILL -- "-${pids[k]}" 2>/dev/null || kill -KILL "${pids[k]}" 2>/dev/null || true
    else
      say "silo${ids[k]} (pid ${pids[k]}) stopped"
    fi
    rm -f "$dir/silo${ids[k]}.pid"
  done

  pgroot="$(pg_root)"
  data="$pgroot/data"
  if [[ -f $data/PG_VERSION ]]; then
    ver="$(cat "$data/PG_VERSION")"
    bin="$(find_pg_bin "$ver")"
    if [[ -z $bin ]]; then
      # No pg_ctl of that version: SIGINT is PostgreSQL's fast shutdown.
      pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
      if [[ $pid =~ ^[0-9]+$ ]] && kill -INT "$pid" 2>/dev/null; then say "sent PostgreSQL (pid $pid) SIGINT"; fi
    elif as_pg "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" stop -D "$data" -m fast -w -t 60 -s || die "pg_ctl stop failed for $data"
      say "stopped PostgreSQL ($data)"
    fi
  fi

  if ((purge)); then
    rm -rf -- "$dir"
    if [[ $pgroot == /tmp/sweep-cluster-* ]]; then
      rm -rf -- "$pgroot"
      say "deleted $dir and $pgroot"
    else
      say "deleted $dir"
    fi
  fi
}

cmd_status() {
  [[ $# -eq 0 ]] || bad_usage "status takes no arguments"
  local rc=0 pgroot data ver bin port pid f i
  if [[ ! -d $dir ]]; then echo "no cluster in $dir"; return 3; fi
  pgroot="$(pg_root)"
  data="$pgroot/data"
  port="$(env_get SWEEP_PG_PORT)"
  if ! as_pg test -f "$data/PG_VERSION" 2>/dev/null; then
    echo "server: none (no data in $data)"
    rc=3
  else
    ver="$(as_pg cat "$data/PG_VERSION" 2>/dev/null || true)"
    bin="$(find_pg_bin "$ver")"
    if [[ -z $bin ]]; then
      echo "server: unknown (PostgreSQL $ver is not installed), data $data"
      rc=3
    elif pid="$(as_pg "$bin/pg_ctl" status -D "$data" 2>/dev/null | sed -n 's/.*(PID: \([0-9]*\)).*/\1/p')" && [[ -n $pid ]]; then
      port="$(as_pg sed -n 4p "$data/postmaster.pid" 2>/dev/null || echo "$port")"
      if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U sweep -d sweep -t 2; then
        echo "server: running, 127.0.0.1:$port, pid $pid, data $data"
      else
        echo "server: running but not answering on 127.0.0.1:$port, pid $pid, data $data"
        rc=3
      fi
    else
      echo "server: stopped, last port ${port:-unknown}, data $data"
      rc=3
    fi
  fi
  for f in "$dir"/silo*.pid; do
    [[ -e $f ]] || continue
    i="${f##*/silo}"
    i="${i%.pid}"
    pid="$(cat "$f" 2>/dev/null || true)"
    if silo_running "$i"; then
      if silo_joined "$dir/silo$i.log" 2>/dev/null; then echo "silo$i: running, pid $pid"; else echo "silo$i: starting, pid $pid"; fi
    else
      echo "silo$i: stopped (pid ${pid:-unknown} is gone)"
      rc=3
    fi
  done
  return "$rc"
}

cmd_env() {
  [[ $# -eq 0 ]] || bad_usage "env takes no arguments"
  [[ -f $envfile ]] || die "no $envfile; run deploy/local-cluster.sh up first"
  local k v
  while IFS='=' read -r k v; do
    [[ $k =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
    printf 'export %s=%q\n' "$k" "$v"
  done <"$envfile"
}

verb="${1:-}"
[[ $# -eq 0 ]] || shift
case "$verb" in
  up) cmd_up "$@" ;;
  down) cmd_down "$@" ;;
  status) cmd_status "$@" ;;
  env) cmd_env "$@" ;;
  -h|--help|help) usage ;;
  "") bad_usage "missing verb: up [N], down [--purge], status or env" ;;
  *) bad_usage "unknown verb '$verb' (use up [N], down [--purge], status or env)" ;;
esac
