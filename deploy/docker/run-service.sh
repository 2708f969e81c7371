#!/bin/sh
# The image's default command: runs the service SERVICE names (membership, meetings, priorities,
# performance, workflow, web) from the compiled dist/, as PID 1 so that it receives SIGTERM.
set -eu
main="dist/apps/${SERVICE:-}/src/main.js"
if [ -z "${SERVICE:-}" ] || [ ! -f "$main" ]; then
  echo "SERVICE must name one of: $(ls dist/apps | tr '\n' ' ')(got '${SERVICE:-}')" >&2
  exit 64
fi
exec node "$main"
