#!/usr/bin/env bash
# Acceptance test of the local stack with the real aws CLI and curl, as the README's walk-through does it:
# upload two articles with metadata, read the report, upload a corpus story and read its dispute, running toll and
# wire copy, delete one, read again, restart, read again; kill -9 after an upload and a deletion, start, read again;
# reconcile the stopped stack's folder.
# usage: scripts/acceptance-local.sh        (needs aws, curl, python3; uses ports 45660 and 30300 on 127.0.0.1)
set -euo pipefail
cd "$(dirname "$0")/.."
s3_port=45660; api_port=30300
data="$(mktemp -d)"; log="$data/local.log"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
s3="aws --endpoint-url http://127.0.0.1:$s3_port s3"
api="http://127.0.0.1:$api_port"
pid=""
passed=0
start() {
  ./crosscheck local --data "$data" --s3-port "$s3_port" --api-port "$api_port" >>"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -sf "$api/stories" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "local stack did not start:"; tail -20 "$log"; exit 1
}
stop() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; pid=""; }
trap 'stop; rm -rf "$data"' EXIT
# Polls a URL until the Python expression over its JSON body (bound to j) is true, for at most 10 s.
await() {
  for _ in $(seq 1 100); do
    if curl -sf "$api$1" | python3 -c "import json,sys; j=json.load(sys.stdin); sys.exit(0 if ($2) else 1)" 2>/dev/null; then
      echo "ok: $1 -> $2"; passed=$((passed+1)); return 0
    fi
    sleep 0.1
  done
  echo "FAILED: $1 never satisfied $2; last body:"; curl -s "$api$1"; echo; tail -20 "$log"; exit 1
}

start
$s3 cp seeds/xi-moscow-2023/000_8e30010a3892d27c.txt s3://crosscheck-articles/my-story/upi.txt \
  --metadata published=2023-03-21,publisher=UPI >/dev/null
$s3 cp seeds/xi-moscow-2023/004_ce661559d7daa382.txt "s3://crosscheck-articles/my-story/ani report.txt" \
  --metadata published=2023-03-23,publisher=ANI >/dev/null
await /stories/my-story/sources 'len(j["sources"]) == 2 and all(s["status"] == "ingested" for s in j["sources"])'
await /stories/my-story/report 'any(f["verdict"] == "agreement" and f["kind"] == "count" and any(v["value"] == "12" and len(v["sources"]) == 2 for v in f["values"]) for f in j["findings"])'
await '/stories/my-story/report?kind=count&verdict=agreement' 'all(f["kind"] == "count" and f["verdict"] == "agreement" for f in j["findings"])'
code=$(curl -s -o /dev/null -w '%{http_code}' "$api/stories/no-such-story/report"); [ "$code" = 404 ] || { echo "FAILED: unknown story gave $code"; exit 1; }
echo "ok: unknown story -> 404"; passed=$((passed+1))
# a corpus story beside the project, when there is one: its dispute, its running toll, its wire copy
corpus=../shared/corpus/maui-wildfire-2023
if [ -d "$corpus" ]; then
  # the folder as it lies on disk: each article beside its NAME.meta.json sidecar, which gives it its metadata
  $s3 sync "$corpus" s3://crosscheck-articles/maui --exclude expected.json >/dev/null
  await /stories/maui/sources 'len(j["sources"]) == 6'
  await '/stories/maui/report?verdict=disputed' 'len(j["findings"]) >= 1 and all(f["verdict"] == "disputed" and all(v["attributedTo"] for v in f["values"]) for f in j["findings"])'
  await '/stories/maui/report?verdict=evolving' 'any("revised down" in f["explanation"] for f in j["findings"])'
  await /stories/maui/report 'any(s.get("copyOf") == "maui/harbor_wire.txt" for s in j["sources"])'
  # the same findings as the command line's report of the same folder (files and sidecars read from disk)
  ./crosscheck compare "$corpus" > "$data/maui-cli.json"
  await /stories/maui/report "sorted((f['kind'], f['verdict'], len(f['values'])) for f in j['findings']) == sorted((f['kind'], f['verdict'], len(f['values'])) for f in json.load(open('$data/maui-cli.json'))['findings'])"
  md=$(curl -sf "$api/stories/maui/report?format=md")
  grep -q '^## Authorities disagree$' <<<"$md" || { echo "FAILED: no dispute section in the Markdown report"; exit 1; }
  echo "ok: the Markdown report has its dispute section"; passed=$((passed+1))
fi
$s3 rm "s3://crosscheck-articles/my-story/ani report.txt" >/dev/null
await /stories/my-story/sources 'len(j["sources"]) == 1 and j["sources"][0]["id"] == "my-story/upi.txt"'
stop
start
await /stories 'any(s["story"] == "my-story" and s["documents"] == 1 for s in j["stories"])'
# killed right after an upload and a deletion were acknowledged: the next start applies both
$s3 cp seeds/xi-moscow-2023/004_ce661559d7daa382.txt s3://crosscheck-articles/crash/ani.txt \
  --metadata published=2023-03-23,publisher=ANI >/dev/null
$s3 rm s3://crosscheck-articles/my-story/upi.txt >/dev/null
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
start
await /stories/crash/sources 'len(j["sources"]) == 1 and j["sources"][0]["status"] == "ingested"'
await /stories 'not any(s["story"] == "my-story" for s in j["stories"])'
stop
# the stopped stack's folder: bucket and table agree
./crosscheck reconcile --data "$data" | tee -a "$log" | grep -q "and the table agree" \
  || { echo "FAILED: reconcile found the folder out of step"; tail -5 "$log"; exit 1; }
echo "ok: ./crosscheck reconcile finds bucket and table in step"; passed=$((passed+1))
echo "acceptance: $passed passed, 0 failed"
