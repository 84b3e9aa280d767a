#!/usr/bin/env bash
# bench/run.sh — how fast and how small `exposure` runs on a large export,
# against two floors: merely inflating the archive, and reading its CSV
# records with the standard library.
#
#   bench/run.sh                  # a 1 GB (uncompressed) export
#   SIZE=100MB bench/run.sh       # another size (genexport -size: MB, GB, MiB, GiB)
#   SEED=7 RUNS=3 bench/run.sh    # another export; best wall time of 3 runs
#
# It builds exposure, genexport and csvfloor into bench/out/, generates
# bench/out/export-$SIZE.zip (or reuses it when it was made with the same
# size, seed and generator), then measures with /usr/bin/time -v:
#
#   floor 1:  unzip -p ARCHIVE > /dev/null                (one core)
#   floor 2:  csvfloor ARCHIVE  (archive/zip + encoding/csv, every record)
#   exposure inspect ARCHIVE
#   exposure report ARCHIVE -o report.html
#   exposure report ARCHIVE -o report.html --json result.json
#
# and prints wall times, the ratios to each floor, peak RSS and the output
# sizes, with PASS/FAIL against the targets. The commands take turns, RUNS
# rounds of them; every one reads the archive from the
# page cache (it is read once before measuring). Needs Go, GNU time
# (Debian: apt-get install time) and Info-ZIP unzip (apt-get install unzip).
set -euo pipefail

SIZE=${SIZE:-1GB}
SEED=${SEED:-1}
RUNS=${RUNS:-1}
# Targets (issues "Speed and scale" and "Speed, round two"), for a 2-core
# machine: report --json against unzip -p, inspect against csvfloor.
MAX_RATIO=${MAX_RATIO:-2.0}
MAX_INSPECT_RATIO=${MAX_INSPECT_RATIO:-3.0}
MAX_RSS_MB=${MAX_RSS_MB:-100}
MAX_REPORT_MB=${MAX_REPORT_MB:-6}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out=bench/out
mkdir -p "$out"

need() {
	if ! command -v "$1" >/dev/null 2>&1; then
		echo "bench: $1 is missing; install it (Debian/Ubuntu: sudo apt-get install $2)" >&2
		exit 1
	fi
}
need go golang
need unzip unzip
need awk gawk
if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -v true >/dev/null 2>&1; then
	echo "bench: GNU time (/usr/bin/time -v) is missing; install it (Debian/Ubuntu: sudo apt-get install time)" >&2
	exit 1
fi

echo "== build"
go build -o "$out/exposure" ./cmd/exposure
go build -o "$out/genexport" ./cmd/genexport
go build -o "$out/csvfloor" ./bench/csvfloor

archive="$out/export-$SIZE.zip"
stamp="$archive.stamp"
# The archive is reused only when made with the same flags by the same generator.
want_stamp="size=$SIZE seed=$SEED generator=$(cat cmd/genexport/*.go internal/synth/*.go | sha256sum | cut -c1-16)"
if [[ -f "$archive" && -f "$stamp" && "$(cat "$stamp")" == "$want_stamp" ]]; then
	echo "== reuse $archive ($want_stamp)"
else
	echo "== generate $archive"
	rm -f "$stamp"
	/usr/bin/time -f "   generated in %e s, peak RSS %M KB" \
		"$out/genexport" -zip "$archive" -force -size "$SIZE" -seed "$SEED"
	echo "$want_stamp" >"$stamp"
fi
uncompressed=$(unzip -Zt "$archive" | awk '{for (i = 1; i < NF; i++) if ($(i+1) ~ /^bytes/ && $i ~ /^[0-9]+$/) { print $i; exit }}')
compressed=$(stat -c %s "$archive")

# measure NAME CMD...: runs CMD once under /usr/bin/time -v; keeps in
# wall_NAME the best wall time (seconds) and in rss_NAME the highest peak
# RSS (KB) of its runs so far.
measure() {
	local name=$1 log wall rss best peak
	shift
	log="$out/time-$name.txt"
	/usr/bin/time -v -o "$log" "$@"
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
		n = split($2, p, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + p[i]
		print s }' "$log")
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
	best_var="wall_$name" peak_var="rss_$name"
	best=${!best_var:-} peak=${!peak_var:-0}
	if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$wall; fi
	if ((rss > peak)); then peak=$rss; fi
	printf -v "$best_var" '%s' "$best"
	printf -v "$peak_var" '%s' "$peak"
	printf '   %-10s %6s s, peak RSS %4d MB\n' "$name" "$wall" "$((rss / 1024))"
}

quiet=--quiet
"$out/exposure" report --help 2>&1 | grep -q -- --quiet || quiet=""

echo "== warm the page cache"
cat "$archive" >/dev/null

# The commands take turns, round after round, so that a machine whose
# speed drifts (a shared one) slows every command alike rather than the
# last one measured.
for ((round = 1; round <= RUNS; round++)); do
	echo "== round $round of $RUNS"
	# floor 1: inflate every entry
	measure unzip sh -c 'unzip -p "$1" >/dev/null' sh "$archive"
	# floor 2: read every CSV record (archive/zip + encoding/csv)
	measure csv sh -c '"$1" "$2" >/dev/null' sh "$out/csvfloor" "$archive"
	measure inspect sh -c '"$1" inspect "$2" $3 >/dev/null' sh "$out/exposure" "$archive" "$quiet"
	measure html sh -c '"$1" report "$2" -o "$3/report.html" --region EU --opt-out 2025-12-01 --as-of 2026-11-23 $4 >/dev/null' \
		sh "$out/exposure" "$archive" "$out" "$quiet"
	rm -f "$out/report.html" "$out/result.json"
	measure exposure sh -c '"$1" report "$2" -o "$3/report.html" --json "$3/result.json" \
		--region EU --opt-out 2025-12-01 --as-of 2026-11-23 $4 >"$3/summary.txt" 2>"$3/stderr.txt"' \
		sh "$out/exposure" "$archive" "$out" "$quiet"
done

items=$(awk 'tolower($1) == "total" {print $2; exit}' "$out/summary.txt")
report_b=$(stat -c %s "$out/report.html")
json_b=$(stat -c %s "$out/result.json")

mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1e6}'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
rss() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
ratio=$(div "$wall_exposure" "$wall_unzip")
inspect_ratio=$(div "$wall_inspect" "$wall_csv")
rss_mb=$(rss "$rss_exposure")
report_mb=$(awk -v b="$report_b" 'BEGIN {printf "%.2f", b / 1e6}')
verdict() { if awk -v v="$1" -v m="$2" 'BEGIN {exit !(v <= m)}'; then echo PASS; else echo FAIL; fi; }

echo
echo "exposure benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(go env GOVERSION), $(uname -sm)"
echo "archive  $archive: $(mb "$compressed") MB compressed, $(mb "$uncompressed") MB uncompressed, seed $SEED"
printf '%-32s %8s %8s %8s %9s  %s\n' "command" "wall s" "/unzip" "/csv" "peak MB" "target"
row() { printf '%-32s %8s %8s %8s %9s  %s\n' "$1" "$2" "$(div "$2" "$wall_unzip")" "$(div "$2" "$wall_csv")" "$(rss "$3")" "${4:-}"; }
row "unzip -p (floor 1)" "$wall_unzip" "$rss_unzip"
row "csvfloor (floor 2)" "$wall_csv" "$rss_csv"
row "exposure inspect" "$wall_inspect" "$rss_inspect" "/csv <= $MAX_INSPECT_RATIO $(verdict "$inspect_ratio" "$MAX_INSPECT_RATIO")"
row "exposure report" "$wall_html" "$rss_html"
row "exposure report --json" "$wall_exposure" "$rss_exposure" "/unzip <= $MAX_RATIO $(verdict "$ratio" "$MAX_RATIO"); peak <= $MAX_RSS_MB MB $(verdict "$rss_mb" "$MAX_RSS_MB")"
printf '%-32s %8s  %s\n' "report.html, MB" "$report_mb" "<= $MAX_REPORT_MB $(verdict "$report_mb" "$MAX_REPORT_MB")"
printf '%-32s %8s\n' "result.json, MB" "$(mb "$json_b")"
printf '%-32s %8s\n' "items" "${items:-?}"
echo "(MB = 10^6 bytes, RSS MB = 2^20 bytes; best wall time of $RUNS runs; /usr/bin/time -v logs: $out/time-*.txt)"
