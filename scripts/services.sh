#!/usr/bin/env bash
# Throwaway database servers for the engine tests (npm run test:engines):
#   scripts/services.sh start   installs what is missing (Debian postgresql, clickhouse-server),
#                               starts one Postgres and two ClickHouse servers (two shards of the
#                               cluster "parity_shards"), loopback only, data in a temporary folder
#   scripts/services.sh stop    stops them and removes the folder
# Ports (override with the variables): Postgres 54329, ClickHouse HTTP 18123/18124, TCP 19000/19001.
# Tests read PARITY_PG_URL, PARITY_CH_URL, PARITY_CH2_URL and PARITY_CH_TCP_PORT (clickhouse-client's; printed by start).
set -euo pipefail

DIR=${PARITY_SERVICES_DIR:-/tmp/parity-services}
PG_PORT=${PARITY_PG_PORT:-54329}
CH_HTTP=(${PARITY_CH_HTTP_PORTS:-18123 18124})
CH_TCP=(${PARITY_CH_TCP_PORTS:-19000 19001})

as_user() { # as_user <user> <command...>: runs a command as a system user (we are root in CI)
  local user=$1; shift
  if [[ $(id -u) -eq 0 ]]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [[ -n $found ]] && echo "$found"
}

install_missing() {
  local want=()
  [[ -n $(pg_bin) ]] || want+=(postgresql)
  command -v clickhouse-server >/dev/null || want+=(clickhouse-server clickhouse-client)
  if ((${#want[@]})); then
    echo "services: installing ${want[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}" >/dev/null
    # Debian's packages start their own default servers; this script runs its own.
    service postgresql stop >/dev/null 2>&1 || true
    service clickhouse-server stop >/dev/null 2>&1 || true
  fi
}

start_postgres() {
  local bin; bin=$(pg_bin)
  mkdir -p "$DIR/pg" "$DIR/pgsock" "$DIR/pglog"
  chown -R postgres "$DIR/pg" "$DIR/pgsock" "$DIR/pglog" 2>/dev/null || true
  if [[ ! -f $DIR/pg/PG_VERSION ]]; then
    as_user postgres "$bin/initdb" -D "$DIR/pg" -A trust -U postgres --no-sync -E UTF8 >"$DIR/pg-initdb.log"
  fi
  as_user postgres "$bin/pg_ctl" -D "$DIR/pg" -l "$DIR/pglog/pg.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $DIR/pgsock -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
}

clickhouse_config() { # clickhouse_config <n>
  local n=$1 http=${CH_HTTP[$1]} tcp=${CH_TCP[$1]} d="$DIR/ch$1"
  mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas"
  cat >"$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/server.log</log><errorlog>$d/error.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <interserver_http_port>$((tcp + 100))</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <mark_cache_size>104857600</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <users_config>$d/users.xml</users_config>
  <remote_servers>
    <parity_shards>
      <shard><replica><host>127.0.0.1</host><port>${CH_TCP[0]}</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>${CH_TCP[1]}</port></replica></shard>
    </parity_shards>
  </remote_servers>
</yandex>
XML
  cat >"$d/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
  chown -R clickhouse "$d" 2>/dev/null || true
}

start_clickhouse() {
  for n in 0 1; do
    clickhouse_config "$n"
    local d="$DIR/ch$n"
    as_user clickhouse clickhouse-server --daemon --pid-file="$d/server.pid" --config-file="$d/config.xml" >/dev/null 2>&1 || {
      # Debian's 18.16 runner wants --daemon; fall back to a background process
      (as_user clickhouse clickhouse-server --config-file="$d/config.xml" >"$d/stdout.log" 2>&1 & echo $! >"$d/server.pid")
    }
  done
  for n in 0 1; do
    local ok=0
    for _ in $(seq 1 60); do
      if curl -fsS "http://127.0.0.1:${CH_HTTP[$n]}/?query=SELECT%201" >/dev/null 2>&1; then ok=1; break; fi
      sleep 0.5
    done
    if ((ok == 0)); then
      echo "services: ClickHouse $n did not start; see $DIR/ch$n/error.log" >&2
      tail -20 "$DIR/ch$n/error.log" >&2 || true
      return 1
    fi
  done
}

stop_all() {
  local bin; bin=$(pg_bin || true)
  if [[ -n ${bin:-} && -f $DIR/pg/postmaster.pid ]]; then
    as_user postgres "$bin/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  for n in 0 1; do
    local pidfile="$DIR/ch$n/server.pid"
    if [[ -f $pidfile ]]; then
      local pid; pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$DIR"
}

case ${1:-} in
  start)
    install_missing
    stop_all
    mkdir -p "$DIR"; chmod 755 "$DIR"
    start_postgres
    start_clickhouse
    echo "PARITY_PG_URL=postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
    echo "PARITY_CH_URL=http://127.0.0.1:${CH_HTTP[0]}"
    echo "PARITY_CH2_URL=http://127.0.0.1:${CH_HTTP[1]}"
    echo "PARITY_CH_TCP_PORT=${CH_TCP[0]}"
    ;;
  stop) stop_all ;;
  *) echo "usage: scripts/services.sh start|stop" >&2; exit 2 ;;
esac
