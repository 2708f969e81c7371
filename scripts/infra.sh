#!/usr/bin/env bash
# Local infrastructure for development and CI on machines without Docker:
# PostgreSQL and Redis (the machine's own; started only when they do not answer) and a
# single-node Apache Kafka 3.9.1 KRaft broker fetched from Maven Central (deploy/kafka/pom.xml).
#
#   scripts/infra.sh up       start what is not running, create databases and topics (idempotent)
#   scripts/infra.sh down [kafka|redis|postgres ...]   stop only what `up` started
#   scripts/infra.sh status   say what answers
#   scripts/infra.sh kafka-jars   only fetch the broker's jars (the fault suite runs its own broker)
#
# State lives in .infra/ (git-ignored): the broker's jars, data, logs, pid, and a marker per
# component that `up` started, which is what `down` reads.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INFRA_DIR="${INFRA_DIR:-$ROOT/.infra}"
KAFKA_DIR="$INFRA_DIR/kafka"
KAFKA_LIBS="$KAFKA_DIR/libs"
STARTED="$INFRA_DIR/started"
PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
PG_USER="${PGUSER:-postgres}"
REDIS_HOST=127.0.0.1
REDIS_PORT=6379
KAFKA_VERSION=3.9.1
DATABASES=(cancer_network cancer_network_test)
RUN_TS=(node --conditions=development --import @swc-node/register/esm-register)

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

wait_until() { # seconds description command...
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "$what did not become ready within ${seconds}s"
    sleep 0.5
  done
}

pg_up() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; }
redis_up() { [ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }
kafka_up() { (cd "$ROOT" && "${RUN_TS[@]}" scripts/kafka-ready.ts --timeout-ms "${1:-1500}"); }

start_postgres() {
  if pg_up; then log "PostgreSQL answers on $PG_HOST:$PG_PORT"; return; fi
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$version" ] || ! command -v pg_ctlcluster >/dev/null; then
    die "PostgreSQL is not answering on $PG_HOST:$PG_PORT and there is no local cluster to start. Install PostgreSQL 15+ (or use docker compose up)."
  fi
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  echo "$version" >"$STARTED/postgres"
  wait_until 30 PostgreSQL pg_up
}

create_databases() {
  local db
  for db in "${DATABASES[@]}"; do
    if [ -z "$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      log "creating database $db"
      createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$db"
    fi
  done
}

start_redis() {
  if redis_up; then log "Redis answers on $REDIS_HOST:$REDIS_PORT"; return; fi
  command -v redis-server >/dev/null || die "Redis is not answering on $REDIS_HOST:$REDIS_PORT and redis-server is not installed. Install Redis 7 (or use docker compose up)."
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$INFRA_DIR" --pidfile "$INFRA_DIR/redis.pid" --logfile "$INFRA_DIR/redis.log"
  touch "$STARTED/redis"
  wait_until 15 Redis redis_up
}

fetch_kafka() {
  if ls "$KAFKA_LIBS"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null 2>&1; then return; fi
  command -v mvn >/dev/null || die "Maven is needed to fetch Apache Kafka $KAFKA_VERSION (install maven and Java 17)."
  log "fetching Apache Kafka $KAFKA_VERSION and its dependencies from Maven Central"
  mvn -q -B -f "$ROOT/deploy/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIBS"
}

start_kafka() {
  if kafka_up; then log "Kafka answers on 127.0.0.1:9092"; return; fi
  command -v java >/dev/null || die "Java 17 is needed to run the Kafka broker."
  fetch_kafka
  mkdir -p "$KAFKA_DIR/data" "$KAFKA_DIR/logs"
  local props="$KAFKA_DIR/server.properties"
  { cat "$ROOT/deploy/kafka/server.properties"; echo "log.dirs=$KAFKA_DIR/data"; } >"$props"
  local java=(java -Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
    -Dkafka.logs.dir="$KAFKA_DIR/logs" -Dlog4j.configuration="file:$ROOT/deploy/kafka/log4j.properties"
    -cp "$KAFKA_LIBS/*")
  if [ ! -f "$KAFKA_DIR/cluster-id" ]; then
    "${java[@]}" kafka.tools.StorageTool random-uuid >"$KAFKA_DIR/cluster-id"
  fi
  "${java[@]}" kafka.tools.StorageTool format -t "$(cat "$KAFKA_DIR/cluster-id")" -c "$props" --ignore-formatted >/dev/null
  log "starting Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1:9092"
  nohup "${java[@]}" kafka.Kafka "$props" >"$KAFKA_DIR/logs/stdout.log" 2>&1 &
  echo $! >"$KAFKA_DIR/kafka.pid"
  echo $! >"$STARTED/kafka"
  local deadline=$((SECONDS + 90))
  until kafka_up 3000 2>/dev/null; do
    kill -0 "$(cat "$KAFKA_DIR/kafka.pid")" 2>/dev/null || die "Kafka exited; see $KAFKA_DIR/logs/"
    ((SECONDS < deadline)) || die "Kafka did not answer within 90s; see $KAFKA_DIR/logs/"
    sleep 1
  done
  log "Kafka is ready"
}

create_topics() { (cd "$ROOT" && "${RUN_TS[@]}" scripts/create-topics.ts); }

stop_pid() { # name pid
  local name=$1 pid=$2
  kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $name (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  log "$name did not stop in 30s; killing it"
  kill -9 "$pid" 2>/dev/null || true
}

up() {
  mkdir -p "$STARTED"
  start_postgres
  create_databases
  start_redis
  start_kafka
  create_topics
}

down() { # [component ...]: only these of what `up` started (all by default)
  local only=" ${*:-kafka redis postgres} "
  if [[ "$only" == *" kafka "* ]] && [ -f "$STARTED/kafka" ]; then
    stop_pid Kafka "$(cat "$STARTED/kafka")"; rm -f "$STARTED/kafka"
  fi
  if [[ "$only" == *" redis "* ]] && [ -f "$STARTED/redis" ]; then
    log "stopping Redis"; redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    rm -f "$STARTED/redis"
  fi
  if [[ "$only" == *" postgres "* ]] && [ -f "$STARTED/postgres" ]; then
    log "stopping PostgreSQL"; pg_ctlcluster --skip-systemctl-redirect "$(cat "$STARTED/postgres")" main stop || true
    rm -f "$STARTED/postgres"
  fi
  log "stopped what infra:up started"
}

status() {
  pg_up && echo "postgres: up" || echo "postgres: down"
  redis_up && echo "redis: up" || echo "redis: down"
  kafka_up && echo "kafka: up" || echo "kafka: down"
  ls "$STARTED" 2>/dev/null | sed 's/^/started by infra:up: /' || true
}

case "${1:-}" in
  up) up ;;
  down) shift; down "$@" ;;
  status) status ;;
  kafka-jars) fetch_kafka ;;
  *) die "usage: scripts/infra.sh up|down|status|kafka-jars" ;;
esac
