#!/bin/bash
# Frame rate of the real window while a node is dragged and the layout runs, under Xvfb
# (Mesa's software renderer, as in CI), for BENCHMARKS.md. Not a test: it prints figures.
#
# Usage: tools/frame_rate.sh [BINARY] [MAP] [SECONDS]
#   BINARY  default target/release/tiemap
#   MAP     default /tmp/tiemap-10k.ron, written by
#           TIEMAP_SYNTHETIC_MAP=/tmp/tiemap-10k.ron cargo test --test gui_big_map -- --ignored write_synthetic_map
# Prints the frames drawn while dragging, frames per second, the process's CPU time per frame,
# the load average, and the app's own per-second timing lines (TIEMAP_TIMING=1).
set -euo pipefail

BIN=${1:-target/release/tiemap}
MAP=${2:-/tmp/tiemap-10k.ron}
SECONDS_TO_MEASURE=${3:-5}
[ -x "$BIN" ] || { echo "frame_rate: no binary at $BIN" >&2; exit 2; }
[ -f "$MAP" ] || { echo "frame_rate: no map at $MAP" >&2; exit 2; }

DISPLAY_NUMBER=:$((90 + RANDOM % 9))
LOG=$(mktemp)
Xvfb "$DISPLAY_NUMBER" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
cleanup() {
    kill "${APP:-}" "$XVFB" 2>/dev/null || true
    rm -f "$LOG"
}
trap cleanup EXIT
export DISPLAY=$DISPLAY_NUMBER
sleep 1

TIEMAP_TIMING=1 "$BIN" "$MAP" 2>"$LOG" &
APP=$!
for _ in $(seq 1 100); do
    grep -q "nodes on screen" "$LOG" && break
    sleep 0.1
done
sleep 2

# Press in the middle of the map (dense: a node is under the pointer) and move in small steps.
xdotool mousemove 450 400 mousedown 1
(
    steps=$((SECONDS_TO_MEASURE * 10 + 20))
    for i in $(seq 1 "$steps"); do
        xdotool mousemove $((450 + (i % 20) * 6)) $((400 + (i % 10) * 5)) 2>/dev/null || exit 0
        sleep 0.1
    done
) &
MOVER=$!
sleep 1

lines_before=$(wc -l <"$LOG")
ticks_before=$(awk '{print $14 + $15}' "/proc/$APP/stat")
sleep "$SECONDS_TO_MEASURE"
ticks_after=$(awk '{print $14 + $15}' "/proc/$APP/stat")
lines_after=$(wc -l <"$LOG")
kill "$MOVER" 2>/dev/null || true
xdotool mouseup 1

window=$(sed -n "$((lines_before + 1)),${lines_after}p" "$LOG")
frames=$(echo "$window" | grep -o "^tiemap timing: [0-9]* frames" | awk '{s += $3} END {print s + 0}')
seconds=$(echo "$window" | grep -c "frames/s" || true)
dragging=$(echo "$window" | grep -c "dragging" || true)
cpu_ms=$(( (ticks_after - ticks_before) * 10 ))
echo "frame_rate: $frames frames in $seconds s ($(( frames / (seconds > 0 ? seconds : 1) )) frames/s)," \
    "CPU $(( cpu_ms / (frames > 0 ? frames : 1) )) ms a frame, load $(cut -d' ' -f1 /proc/loadavg)," \
    "$dragging of $seconds seconds dragging a node"
echo "$window"
