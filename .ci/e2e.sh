#!/usr/bin/env bash
# End-to-end check of the release binary in a virtual X display:
#   1. `tiemap --screenshot OUT.png` opens the window on the bundled article, lets the layout
#      settle, writes a PNG and exits 0; the PNG must exist and not be blank;
#   2. the window answers to the keyboard and mouse (F, F12, a click, a drag) while it runs,
#      the drag is autosaved to a recovery file (in $OUT_DIR/recovery, never the user's
#      data folder), then Ctrl+Q asks about the unsaved drag and a second Ctrl+Q closes it
#      with exit code 0;
#   3. a missing file is one line on stderr and exit code 2, with no window;
#   4. the fallback renderer (wgpu) draws the same window;
#   5. with TIEMAP_E2E_BIG_MAP=MAP.ron (a map of thousands of nodes), its screenshot is a real
#      picture too: big maps are painted on the CPU into a texture.
# Needs: Xvfb, xdotool, python3, and a GL or Vulkan software driver (Mesa).
# Usage: .ci/e2e.sh [OUT_DIR]   (TIEMAP_BIN overrides the binary; default target/release/tiemap)
set -euo pipefail

cd "$(dirname "$0")/.."
OUT_DIR=${1:-$(mktemp -d /tmp/tiemap-e2e.XXXXXX)}
mkdir -p "$OUT_DIR"
BIN=${TIEMAP_BIN:-target/release/tiemap}
if [[ -z ${TIEMAP_BIN:-} ]]; then
    cargo build --release --quiet
fi
[[ -x $BIN ]] || { echo "e2e: no binary at $BIN" >&2; exit 1; }

fail() { echo "e2e: FAIL: $*" >&2; exit 1; }

# A display of our own; a free number from 90 up.
DISPLAY_NUMBER=90
while [[ -e /tmp/.X11-unix/X$DISPLAY_NUMBER || -e /tmp/.X$DISPLAY_NUMBER-lock ]]; do
    DISPLAY_NUMBER=$((DISPLAY_NUMBER + 1))
done
Xvfb ":$DISPLAY_NUMBER" -screen 0 1400x900x24 -nolisten tcp >"$OUT_DIR/xvfb.log" 2>&1 &
XVFB_PID=$!
APP_PID=
cleanup() {
    [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null || true
    kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=":$DISPLAY_NUMBER"
# Autosaves of this run go here, so they neither touch nor find the user's recovery file.
export TIEMAP_RECOVERY_DIR="$OUT_DIR/recovery"
rm -rf "$TIEMAP_RECOVERY_DIR"
for _ in $(seq 50); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.1
done
xdotool getdisplaygeometry >/dev/null 2>&1 || fail "Xvfb did not start (see $OUT_DIR/xvfb.log)"

# Counts the distinct colours of a PNG (8-bit RGB or RGBA, not interlaced), with python's
# standard library only.
distinct_colours() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, channels = 8, b"", 0, 0, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
        assert depth == 8, "8-bit PNG expected"
        channels = {2: 3, 6: 4}[colour_type]
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * channels
previous = bytearray(stride)
colours = set()
for row in range(height):
    start = row * (stride + 1)
    kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    for i in range(stride):
        left = line[i - channels] if i >= channels else 0
        up = previous[i]
        up_left = previous[i - channels] if i >= channels else 0
        if kind == 1: line[i] = (line[i] + left) & 255
        elif kind == 2: line[i] = (line[i] + up) & 255
        elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - up_left
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 255
    for i in range(0, stride, channels * 7):  # every 7th pixel is plenty to tell blank from not
        colours.add(bytes(line[i:i + 3]))
    previous = line
print(len(colours))
PY
}

# Takes a screenshot (SHOT NAME ARGS...) and checks it is a real picture.
screenshot() {
    local shot=$1 name=$2
    shift 2
    local start_ns end_ns bytes colours
    start_ns=$(date +%s%N)
    TIEMAP_TIMING=1 timeout 120 "$BIN" "$@" --screenshot "$shot" 2>"$OUT_DIR/$name.stderr" \
        || { cat "$OUT_DIR/$name.stderr" >&2; fail "$name: --screenshot exited with $?"; }
    end_ns=$(date +%s%N)
    [[ -s $shot ]] || fail "$name: no PNG at $shot"
    bytes=$(stat -c %s "$shot")
    (( bytes > 20000 )) || fail "$name: PNG is only $bytes bytes: blank?"
    colours=$(distinct_colours "$shot")
    (( colours >= 16 )) || fail "$name: PNG has only $colours distinct colours: blank?"
    echo "e2e:    $shot: $bytes bytes, $colours colours sampled, $(( (end_ns - start_ns) / 1000000 )) ms in all"
    grep -E "timing|cannot draw" "$OUT_DIR/$name.stderr" | sed 's/^/e2e:    /' || true
}

echo "e2e: 1. --screenshot"
screenshot "$OUT_DIR/window.png" screenshot

echo "e2e: 2. keyboard and mouse on a running window"
TIEMAP_TIMING=1 "$BIN" 2>"$OUT_DIR/interactive.stderr" &
APP_PID=$!
WINDOW_ID=$(timeout 30 xdotool search --sync --onlyvisible --name '^tiemap' | head -n 1) \
    || fail "no tiemap window appeared"
sleep 3  # the layout settles
read -r X Y WIDTH HEIGHT < <(xdotool getwindowgeometry --shell "$WINDOW_ID" \
    | awk -F= '/^X=/{x=$2} /^Y=/{y=$2} /^WIDTH=/{w=$2} /^HEIGHT=/{h=$2} END{print x, y, w, h}')
xdotool windowfocus --sync "$WINDOW_ID" 2>/dev/null || true
xdotool mousemove --window "$WINDOW_ID" $((WIDTH / 3)) $((HEIGHT / 2)) click 1
xdotool key --window "$WINDOW_ID" f F12
xdotool mousemove --window "$WINDOW_ID" $((WIDTH / 3)) $((HEIGHT / 2)) mousedown 1 \
    mousemove_relative 40 30 sleep 0.2 mousemove_relative 40 30 sleep 0.2 mouseup 1
xdotool key --window "$WINDOW_ID" F12
sleep 1
kill -0 "$APP_PID" 2>/dev/null || fail "the window died while used (see $OUT_DIR/interactive.stderr)"
for _ in $(seq 50); do
    [[ -s $TIEMAP_RECOVERY_DIR/recovery.ron ]] && break
    sleep 0.1
done
[[ -s $TIEMAP_RECOVERY_DIR/recovery.ron ]] || fail "the drag was not autosaved to $TIEMAP_RECOVERY_DIR"
xdotool key --window "$WINDOW_ID" ctrl+q
sleep 1
# The drag is unsaved: the first Ctrl+Q asks, the second quits without saving.
kill -0 "$APP_PID" 2>/dev/null && xdotool key --window "$WINDOW_ID" ctrl+q
for _ in $(seq 100); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$APP_PID" 2>/dev/null; then
    fail "Ctrl+Q did not close the window"
fi
wait "$APP_PID" || fail "the window exited with $? after Ctrl+Q"
APP_PID=
echo "e2e:    window at ${X},${Y} ${WIDTH}x${HEIGHT} answered clicks, keys and a drag, and closed"

echo "e2e: 3. a missing file"
set +e
"$BIN" /nonexistent/article.txt 2>"$OUT_DIR/missing.stderr"
STATUS=$?
set -e
(( STATUS == 2 )) || fail "a missing file gave exit code $STATUS, not 2"
(( $(wc -l <"$OUT_DIR/missing.stderr") == 1 )) || fail "a missing file should be one line on stderr"
echo "e2e:    exit 2: $(cat "$OUT_DIR/missing.stderr")"

echo "e2e: 4. the fallback renderer"
TIEMAP_RENDERER=wgpu screenshot "$OUT_DIR/window-wgpu.png" screenshot-wgpu

if [[ -n ${TIEMAP_E2E_BIG_MAP:-} ]]; then
    echo "e2e: 5. a big map ($TIEMAP_E2E_BIG_MAP)"
    screenshot "$OUT_DIR/big-map.png" big-map "$TIEMAP_E2E_BIG_MAP"
fi

echo "e2e: OK ($OUT_DIR)"
