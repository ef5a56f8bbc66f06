#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS (default 30) each, one after the other, on a copy of
# its committed seed corpus. Skips with a message where nightly Rust or cargo-fuzz is missing,
# so CI passes on a stable-only machine. A crash fails the run and leaves the input in
# fuzz/artifacts/TARGET/.
# Usage: .ci/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-30}

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    echo "fuzz: skipped: no nightly toolchain (rustup toolchain install nightly)"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    if ! cargo install cargo-fuzz --locked --quiet >/dev/null 2>&1; then
        echo "fuzz: skipped: cargo-fuzz is missing and could not be installed"
        exit 0
    fi
fi

# No sanitizer: tiemap forbids unsafe code, so what fuzzing finds here are panics, aborts,
# hangs and runaway memory, and an uninstrumented build is several times faster to make and run.
FUZZ_FLAGS=(--release --sanitizer none)
TARGETS=$(cargo +nightly fuzz list)
cargo +nightly fuzz build "${FUZZ_FLAGS[@]}"
for target in $TARGETS; do
    corpus=$(mktemp -d "/tmp/tiemap-fuzz-$target.XXXXXX")
    cp -r "fuzz/corpus/$target/." "$corpus/" 2>/dev/null || true
    echo "fuzz: $target for ${SECONDS_EACH}s"
    cargo +nightly fuzz run "${FUZZ_FLAGS[@]}" "$target" "$corpus" -- \
        -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=2048 2>"$corpus.log" \
        || { grep -m 1 -A 8 -E "panicked|ERROR: libFuzzer" "$corpus.log" >&2 || true
             tail -n 30 "$corpus.log" >&2; echo "fuzz: FAIL: $target crashed" >&2; exit 1; }
    grep -E "^(Done|#[0-9]+ +DONE)" "$corpus.log" | tail -n 1 | sed "s/^/fuzz:    /" || true
    rm -rf "$corpus" "$corpus.log"
done
echo "fuzz: OK"
