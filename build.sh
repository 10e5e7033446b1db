#!/usr/bin/env bash
# Parallax's one entry point. Installs what is missing, quietly and only once.
#
#   ./build.sh [serve]   build, then serve the explorer at http://127.0.0.1:${PORT:-8080}
#   ./build.sh dist      build the static site into dist/ (relative URLs: any host, any path)
#   ./build.sh test      every check CI runs (fmt, clippy, native tests, wasm tests in
#                        headless Chromium, end-to-end tests of the page in headless Chromium)
#   ./build.sh bench     speed and size figures next to their anchors, into
#                        benches/results.md and README.md (--skip page,spark,... to skip)
#   ./build.sh fuzz      fuzz each target for FUZZ_SECONDS (default 60); findings go to tests/regressions/
#   ./build.sh data      regenerate data/countries.txt from the npm package world-countries
set -euo pipefail
cd "$(dirname "$0")"

PORT="${PORT:-8080}"
WASM="target/wasm32-unknown-unknown/wasm/parallax.wasm"
WASM_HTML="target/wasm32-unknown-unknown/wasm-html/parallax.wasm"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- tools -------------------------------------------------------------------------------

ensure_wasm_target() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
    || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
}

# The CLI must match the crate in Cargo.lock exactly; cargo's own "already installed" check
# trusts ~/.cargo/.crates.toml, not the binary, so compare versions here.
ensure_wasm_bindgen() {
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$want" != "$have" ]; then
    say "installing wasm-bindgen-cli $want (once per machine: a few quiet minutes)"
    cargo install wasm-bindgen-cli --version "$want" --force --quiet
  fi
}

ensure_npm() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# --- build -------------------------------------------------------------------------------

build_wasm() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_npm
  rm -rf www/pkg
  # Two modules: the main one without the HTML and Markdown parsers (the first load), then
  # the HTML module, which the worker loads on the first web page or Markdown note
  # (Cargo.toml, features `html` and `markdown`).
  # Each has its own profile (directory): both are parallax.wasm.
  say "building the wasm module"
  cargo build --quiet --profile wasm --target wasm32-unknown-unknown --lib --no-default-features
  wasm-bindgen --target web --no-typescript --out-dir www/pkg "$WASM"
  say "building the wasm HTML module"
  cargo build --quiet --profile wasm-html --target wasm32-unknown-unknown --lib --no-default-features --features html-module
  wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name parallax_html "$WASM_HTML"
  # npm's binaryen, never Debian's (v108 writes modules that fail at start).
  local module
  for module in parallax parallax_html; do
    node_modules/.bin/wasm-opt -Oz "www/pkg/${module}_bg.wasm" -o "www/pkg/${module}_bg.wasm"
  done
  # The built-in data files' texts, which the main module leaves out: the worker fetches
  # them for an overlay of the user's knowledge.
  node scripts/knowledge-data.mjs www/pkg
}

build_dist() {
  build_wasm
  say "assembling dist/"
  rm -rf dist
  cp -r www dist
  mkdir -p dist/seeds
  cp seeds/*.txt seeds/index.json dist/seeds/
  # The page's modules bundled and minified (esbuild): a few files in place of www/'s 46,
  # with index.html's preloads and sw.js's precache list following (scripts/bundle.mjs).
  node scripts/bundle.mjs www dist
  # The headers ./build.sh serves, for static hosts that read _headers (CSP from index.html).
  node scripts/serve.mjs --headers dist > dist/_headers
  # The service worker's cache name changes with every build of the content.
  local version
  version=$( (cd dist && find . -type f ! -name sw.js -print0 | sort -z | xargs -0 cat) | sha256sum | cut -c1-12)
  if [ -f dist/sw.js ]; then
    sed -i "s/__BUILD_VERSION__/$version/g" dist/sw.js
  fi
  echo "$version" > dist/VERSION
  node scripts/precompress.mjs dist
}

build_cli() {
  cargo build --quiet --release --bin parallax
}

# --- commands ----------------------------------------------------------------------------

cmd_serve() {
  build_dist
  build_cli
  # Our own server: it sends the CSP (also to the workers), frame-ancestors and nosniff.
  exec node scripts/serve.mjs dist --port "$PORT"
}

cmd_test() {
  ensure_chromium
  ensure_npm
  # Before clippy: it checks the wasm feature sets, so a new machine needs the target first.
  ensure_wasm_target
  say "cargo fmt --check"
  cargo fmt --all -- --check
  say "cargo clippy"
  cargo clippy --quiet --all-targets -- -D warnings
  # The two wasm modules' feature sets (build_wasm): the main one has no HTML parser.
  cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
  cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features html-module -- -D warnings
  say "native tests (the built-in data in data/ is checked by kb::build::tests::builtin_data_is_valid)"
  cargo test --quiet
  build_dist
  say "wasm tests in headless Chromium"
  # Built quietly first: the runner itself refuses cargo's --quiet.
  cargo test --quiet --no-run --target wasm32-unknown-unknown --test wasm
  CHROMEDRIVER="$(command -v chromedriver)" \
    cargo test --target wasm32-unknown-unknown --test wasm
  say "end-to-end tests in headless Chromium"
  node --test --test-concurrency=1 e2e/
  say "all tests passed"
}

# The PySpark example's needs, installed on demand for the bench only (never for tests):
# Debian's Java runtime and PyPI's pyspark in a venv under target/.
ensure_spark() {
  command -v java >/dev/null || {
    say "installing Debian's default-jre-headless (PySpark example)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  } || return 1
  local venv=target/bench-venv
  "$venv/bin/python" -c 'import pyspark' 2>/dev/null || {
    say "installing pyspark into $venv (PySpark example; a few quiet minutes, once)"
    python3 -m venv "$venv" && "$venv/bin/pip" install --quiet pyspark
  }
}

cmd_bench() {
  ensure_chromium
  build_dist
  build_cli
  say "building the per-stage bench"
  # Cargo builds a bench's library with unwinding whatever the profile says; with the
  # release profile's abort beside it, the library is built twice under one file name
  # (cargo issue 6313) and the bench fails to compile. One strategy for all of it.
  export CARGO_PROFILE_RELEASE_PANIC=unwind
  cargo bench --quiet --no-run --bench stages
  ensure_spark || say "PySpark is not available: the example is reported as failed"
  # The ingest work's readability-extraction bench goes here: a command whose last line
  # is `JSON {...}`; run.mjs puts its output in the results file.
  if [ -z "${READABILITY_BENCH:-}" ] && [ -f benches/readability.py ]; then
    export READABILITY_BENCH="python3 benches/readability.py"
  fi
  say "benchmarks (a quarter of an hour; results in benches/results.md and README.md)"
  node benches/run.mjs "$@"
}

# Fuzzing for crashes and for slowness: a unit whose CPU time or report outgrows its input
# (fuzz/fuzz_targets/oracle.rs), one that hangs for FUZZ_TIMEOUT seconds of wall-clock
# time, or one over 1 GB of memory is a finding. Seeded with small inputs (tests/hostile's
# patterns at 512 bytes and short articles of our own): libFuzzer grows them up to 64 KB.
# One target at a time, at low priority.
#   FUZZ_SECONDS (default 60) per target; FUZZ_RUNS to stop after that many executions.
cmd_fuzz() {
  rustup toolchain list | grep -q '^nightly' || {
    say "installing the nightly toolchain (cargo-fuzz needs it)"
    rustup toolchain install nightly --profile minimal
  }
  command -v cargo-fuzz >/dev/null || {
    say "installing cargo-fuzz (once per machine: a few quiet minutes)"
    cargo install cargo-fuzz --locked --quiet
  }
  local secs="${FUZZ_SECONDS:-60}" runs="${FUZZ_RUNS:--1}" timeout="${FUZZ_TIMEOUT:-60}"
  say "writing the seed corpus from tests/hostile"
  rm -rf fuzz/corpus/seeds
  HOSTILE_SEEDS="$PWD/fuzz/corpus/seeds" cargo test --quiet --test hostile write_fuzz_seeds
  local failed=0
  for target in $(cargo +nightly fuzz list); do
    mkdir -p "fuzz/corpus/$target"
    say "fuzzing $target (${secs}s at most)"
    # No sanitizer (the crate has no unsafe code) and no comparison tracing (perf: half the
    # CPU went to __sanitizer_cov_trace_cmp*; without it 709 executions a second here, not
    # 525). Debug assertions and overflow checks stay on. In one process; a finding ends
    # that target's run.
    nice -n 10 cargo +nightly fuzz run --sanitizer none --no-trace-compares "$target" \
      "fuzz/corpus/$target" fuzz/corpus/seeds -- \
      -max_len=65536 -timeout="$timeout" -rss_limit_mb=1024 -report_slow_units="$timeout" \
      -max_total_time="$secs" -runs="$runs" -print_final_stats=1 || failed=1
  done
  # Every finding becomes a regression input, run by `cargo test` from now on; a new one
  # fails the command.
  local finding name
  for finding in fuzz/artifacts/*/*; do
    [ -f "$finding" ] || continue
    name="fuzz-$(basename "$(dirname "$finding")")-$(basename "$finding")"
    [ -f "tests/regressions/$name" ] && continue
    cp "$finding" "tests/regressions/$name"
    echo "new finding: tests/regressions/$name"
    failed=1
  done
  return "$failed"
}

cmd_data() {
  ensure_npm
  node scripts/gen-countries.mjs
}

case "${1:-serve}" in
  serve) cmd_serve ;;
  dist) build_dist ;;
  test) cmd_test ;;
  bench) shift; cmd_bench "$@" ;;
  fuzz) cmd_fuzz ;;
  data) cmd_data ;;
  *) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0" >&2; exit 2 ;;
esac
