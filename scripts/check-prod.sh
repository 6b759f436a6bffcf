#!/usr/bin/env bash
# The production build as an operator would install it: `npm run build` here, then only dist/, the
# package files and the office settings in a clean folder, `npm ci --omit=dev` there (no esbuild, tsx
# or TypeScript), and the server started with `npm run start:prod` until /readyz answers, the widget
# and the start page are served, `npm run line:setup:prod` runs, and SIGTERM stops it cleanly. With
# TEST_DATABASE_URL set, the LINE worker (`npm run line-worker:prod`) is started against it as well.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build
copy="$(mktemp -d)"
server_pid="" worker_pid=""
cleanup() {
  for pid in $server_pid $worker_pid; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$copy"
}
trap cleanup EXIT

cp -r dist package.json package-lock.json config "$copy/"
cd "$copy"
npm ci --omit=dev --no-audit --no-fund --loglevel=error
if [ -e node_modules/esbuild ] || [ -e node_modules/tsx ]; then
  echo "check-prod: development dependencies were installed" >&2
  exit 1
fi

port="$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')"
PORT="$port" DATA_DIR="$copy/data" LOG_LEVEL=warn npm run --silent start:prod >"$copy/server.log" 2>&1 &
server_pid=$!

ready=""
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then ready=yes; break; fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "check-prod: the server did not become ready" >&2
  cat "$copy/server.log" >&2
  exit 1
fi
curl -fsS "http://127.0.0.1:$port/widget.js" | grep -q "ハローワーク長崎" || { echo "check-prod: /widget.js lacks the offices" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/" | grep -q "soudan-yoyaku\|widget.js" || { echo "check-prod: the start page is missing" >&2; exit 1; }

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  DATABASE_URL="$TEST_DATABASE_URL" LINE_CHANNEL_SECRET=check LINE_CHANNEL_ACCESS_TOKEN=check \
    LINE_API_BASE_URL=http://127.0.0.1:9 LINE_WORKER_NICE=0 npm run --silent line-worker:prod >"$copy/worker.log" 2>&1 &
  worker_pid=$!
  started=""
  for _ in $(seq 1 300); do
    if grep -q "LINE worker started" "$copy/worker.log"; then started=yes; break; fi
    kill -0 "$worker_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$started" ]; then
    echo "check-prod: the LINE worker did not start" >&2
    cat "$copy/worker.log" >&2
    exit 1
  fi
  kill -TERM "$worker_pid"
  wait "$worker_pid" || { echo "check-prod: the LINE worker did not stop cleanly" >&2; cat "$copy/worker.log" >&2; exit 1; }
  worker_pid=""
fi

# line:setup loads its rich menu image from dist/ before it calls LINE (here: nothing listens).
setup_out="$(LINE_CHANNEL_ACCESS_TOKEN=check PUBLIC_BASE_URL=https://bot.example.jp LINE_API_BASE_URL=http://127.0.0.1:9 \
  npm run --silent line:setup:prod 2>&1 || true)"
grep -q "cannot reach LINE" <<<"$setup_out" || { echo "check-prod: npm run line:setup:prod did not run: $setup_out" >&2; exit 1; }

kill -TERM "$server_pid"
wait "$server_pid" || { echo "check-prod: the server did not stop cleanly" >&2; cat "$copy/server.log" >&2; exit 1; }
server_pid=""
echo "check-prod: the production build starts and stops without development dependencies"
