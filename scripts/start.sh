#!/usr/bin/env bash
# npm start: the infrastructure, every service in apps/ as its own process with prefixed
# logs, and the demo data. Ctrl-C stops the services and whatever infrastructure this run
# started, and nothing else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STARTED="$ROOT/.infra/started"
RUN_TS=(node --conditions=development --import @swc-node/register/esm-register)
# service:port, in start order
SERVICES=(membership:3001 meetings:3002 priorities:3003 performance:3004 workflow:3005)
# The services trust the development identity server (apps/identity) on this issuer.
export NODE_ENV=development
IDENTITY_PORT=3010

mkdir -p "$STARTED"
before=$(ls "$STARTED")
bash scripts/infra.sh up
started_here=$(comm -13 <(echo "$before" | sort) <(ls "$STARTED" | sort) | tr '\n' ' ')

pids=()
stop() {
  trap - INT TERM EXIT
  echo "[start] stopping the services${started_here:+ and $started_here}"
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$started_here" ]; then
    # shellcheck disable=SC2086 # a list of component names
    bash scripts/infra.sh down $started_here
  fi
}
trap stop INT TERM EXIT

# The mail sink the workflow's e-mail goes to, unless something already listens on 1025.
if ! (exec 3<>/dev/tcp/127.0.0.1/1025) 2>/dev/null; then
  setsid bash -c 'exec "$@" 2>&1 | sed -u "s/^/[mail] /"' mail "${RUN_TS[@]}" scripts/mail-sink.ts &
  pids+=($!)
fi

# The development identity server, unless one already answers on its port.
if ! curl -sf "http://127.0.0.1:$IDENTITY_PORT/.well-known/openid-configuration" >/dev/null; then
  PORT=$IDENTITY_PORT setsid bash -c 'exec "$@" 2>&1 | grep --line-buffered -v "oidc-provider WARNING" | sed -u "s/^/[identity] /"' \
    identity "${RUN_TS[@]}" apps/identity/src/main.ts &
  pids+=($!)
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$IDENTITY_PORT/.well-known/openid-configuration" >/dev/null && break
    sleep 0.5
  done
fi

for entry in "${SERVICES[@]}"; do
  service=${entry%%:*}
  port=${entry##*:}
  # Each service in a session of its own, so stopping it stops its whole pipeline.
  PORT=$port SERVICE_NAME=$service DATABASE_SCHEMA=$service setsid bash -c \
    'exec "$@" 2>&1 | sed -u "s/^/[$0] /"' "$service" "${RUN_TS[@]}" "apps/$service/src/main.ts" &
  pids+=($!)
done

for entry in "${SERVICES[@]}"; do
  service=${entry%%:*}
  port=${entry##*:}
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$port/health/live" >/dev/null || { echo "[start] $service did not start"; exit 1; }
done

# The web app, on the services above and the identity server.
WEB_PORT=3000
PORT=$WEB_PORT setsid bash -c 'exec "$@" 2>&1 | sed -u "s/^/[web] /"' web "${RUN_TS[@]}" apps/web/src/main.ts &
pids+=($!)
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$WEB_PORT/" >/dev/null && break
  sleep 0.5
done

LOG_LEVEL=warn npm run -s seed:membership 2>&1 | sed -u 's/^/[seed] /'

token=$(npm run -s token -- --member admin@example.org 2>/dev/null)
cat <<INFO

The platform is running. Ctrl-C stops it.
  web app       http://127.0.0.1:$WEB_PORT  (sign in as admin@example.org, secretariat@example.org or a
                demo member's address from the seed; the password is: development)
$(for entry in "${SERVICES[@]}"; do printf '  %-12s http://127.0.0.1:%s/docs\n' "${entry%%:*}" "${entry##*:}"; done)
  e-mail sent   http://127.0.0.1:8025 (SMTP on 127.0.0.1:1025)
  inbox         GET http://127.0.0.1:3005/inbox (with a member's token)
  sign-in       http://127.0.0.1:$IDENTITY_PORT (development identity server; password: development)

A token of the demo admin (admin@example.org, signed in at the identity server; one hour):
  $token
More: npm run token -- --member <a demo member's address>   or   npm run token -- --service
Try: TOKEN=\$(npm run -s token -- --member admin@example.org)
     curl -H "authorization: Bearer \$TOKEN" http://127.0.0.1:3001/bodies
The demo escalation, in another terminal: npm run demo

INFO
wait
