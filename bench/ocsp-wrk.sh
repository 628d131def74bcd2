#!/bin/sh
# OCSP responses per second over HTTP with wrk (Debian package `wrk`), for requests without nonce
# (answered from the pre-signed cache) and with a fresh nonce each (signed per request).
# Usage: bench/ocsp-wrk.sh [base-url] [ca-alias]    e.g. bench/ocsp-wrk.sh http://localhost:8080 demo-ca
# OCSP_WRK_DURATION (10s) and OCSP_WRK_CONNECTIONS (32) change the run; wrk always uses 2 threads;
# OCSP_WRK_ONLY=plain or nonce runs only one of the two.
set -eu
BASE=${1:-http://localhost:8080}
ALIAS=${2:-demo-ca}
DURATION=${OCSP_WRK_DURATION:-10s}
CONNECTIONS=${OCSP_WRK_CONNECTIONS:-32}
ONLY=${OCSP_WRK_ONLY:-}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
curl -sf "$BASE/ca/$ALIAS.crt" | openssl x509 -inform DER -out "$DIR/ca.pem"
openssl ocsp -issuer "$DIR/ca.pem" -serial 0x7fe1d2c3b4a5968778695a4b3c2d1e0f -no_nonce -reqout "$DIR/plain.der" >/dev/null
openssl ocsp -issuer "$DIR/ca.pem" -serial 0x7fe1d2c3b4a5968778695a4b3c2d1e0f -reqout "$DIR/nonce.der" >/dev/null
cat > "$DIR/ocsp.lua" <<'LUA'
local file = io.open(os.getenv("OCSP_REQUEST"), "rb")
local template = file:read("*a")
file:close()
local fresh_nonce = os.getenv("OCSP_NONCE") == "1"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/ocsp-request"
wrk.body = template
request = function()
  if not fresh_nonce then
    return wrk.format()
  end
  -- openssl puts the 16-octet nonce value last: replace it
  local bytes = {}
  for i = 1, 16 do bytes[i] = string.char(math.random(0, 255)) end
  return wrk.format(nil, nil, nil, template:sub(1, #template - 16) .. table.concat(bytes))
end
done = function(summary, latency, requests)
  io.write(string.format("responses/s %.0f  p50 %.2f ms  p99 %.2f ms  responses %d  errors %d  non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
LUA
if [ "$ONLY" != nonce ]; then
  echo "pre-signed (no nonce):"
  OCSP_REQUEST="$DIR/plain.der" OCSP_NONCE=0 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$DIR/ocsp.lua" "$BASE/ocsp" | tail -1
fi
if [ "$ONLY" != plain ]; then
  echo "nonce (signed per request):"
  OCSP_REQUEST="$DIR/nonce.der" OCSP_NONCE=1 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$DIR/ocsp.lua" "$BASE/ocsp" | tail -1
fi
