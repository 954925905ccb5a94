#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the database tests and bench: initdb in a directory of its own, the server
# listening on a Unix socket in that directory only (no TCP port, so it meets no other server on the machine),
# password authentication (SCRAM), a database `council` with the fixture tables of test/fixtures/database.sql, an
# owner role and a reader role, each with a random password.
#
#   scripts/pg-cluster.sh start DIR   DIR must exist and be empty; prints the variables the tests read, as
#                                     `export NAME=VALUE` lines (eval them)
#   scripts/pg-cluster.sh stop DIR    stops the server and removes DIR
#
# initdb and the server refuse to run as root: as root, both run as the user `postgres` (Debian's postgresql
# package creates it), or as `council-sla-pg`, created for this when there is no such user.
set -euo pipefail
command="${1:-}"
dir="${2:-}"
if [ -z "$command" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
# DIR as a full path, before moving to the repository's root (where the fixtures' paths start).
if [ -d "$dir" ]; then dir="$(cd "$dir" && pwd)"; fi
cd "$(dirname "$0")/.."

bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"
      return
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  echo "no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql" >&2
  exit 3
}
bin="$(bindir)"

# Runs a command as the cluster's user: this one, or an unprivileged one when this is root.
owner=""
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then
    owner=postgres
  else
    id council-sla-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin council-sla-pg
    owner=council-sla-pg
  fi
fi
as_owner() {
  if [ -n "$owner" ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

stop_cluster() {
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}

case "$command" in
  start)
    if [ ! -d "$dir" ] || [ -n "$(ls -A "$dir")" ]; then
      echo "$dir must be an empty directory" >&2
      exit 2
    fi
    # A start that fails half way stops what it started (the directory is the caller's to remove).
    trap 'status=$?; if [ "$status" != 0 ]; then stop_cluster; fi' EXIT
    if [ -n "$owner" ]; then chown "$owner" "$dir"; fi
    chmod 700 "$dir"
    secret() { head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }
    admin_password="$(secret)"
    reader_password="$(secret)"
    printf '%s\n' "$admin_password" >"$dir/admin.pw"
    if [ -n "$owner" ]; then chown "$owner" "$dir/admin.pw"; fi
    if ! as_owner "$bin/initdb" -D "$dir/data" -U council_admin --pwfile="$dir/admin.pw" --auth=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2
      exit 1
    fi
    rm -f "$dir/admin.pw"
    # No TCP at all; durability is worth nothing here, speed is.
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $dir -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
      cat "$dir/server.log" >&2
      exit 1
    fi
    export PGHOST="$dir" PGPORT=5432 PGUSER=council_admin PGPASSWORD="$admin_password"
    psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1)
    "${psql[@]}" -d postgres -c "CREATE ROLE council_reader LOGIN PASSWORD '$reader_password'" \
      -c "CREATE DATABASE council OWNER council_admin" >/dev/null
    "${psql[@]}" -d council -f test/fixtures/database.sql >/dev/null
    "${psql[@]}" -d council -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO council_reader" \
      -c "VACUUM ANALYZE" >/dev/null
    cat <<EOF
export COUNCIL_SLA_PG_HOST='$dir'
export COUNCIL_SLA_PG_PORT=5432
export COUNCIL_SLA_PG_DATABASE=council
export COUNCIL_SLA_PG_USER=council_reader
export COUNCIL_SLA_PG_PASSWORD='$reader_password'
export COUNCIL_SLA_PG_ADMIN=council_admin
export COUNCIL_SLA_PG_ADMIN_PASSWORD='$admin_password'
EOF
    ;;
  stop)
    stop_cluster
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
