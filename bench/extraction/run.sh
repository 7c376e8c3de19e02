#!/usr/bin/env bash
# Text-extraction benchmark (docs/BENCHMARKS.md, "Text extraction").
#
# Generates a 500-page text PDF and measures, in the same run: pdftotext, pypdf, our warm throughput inside one
# JVM (and PDFBox's stock PDFTextStripper for comparison), the whole `java -jar target/qteria.jar extract` process
# (wall time, peak RSS) with the default heap and with -Xmx256m (which must pass), and the ratios between them.
#
# Runs from the built jar alone, offline, without Maven: our warm throughput is the jar's hidden
# `extract file.pdf --repeat n`; the PDF generator and the PDFTextStripper comparison are the test sources
# src/test/java/com/qteria/document/extraction/bench/{BenchmarkPdf,WarmThroughput}.java, run by the JDK's source
# launcher on the jar's own classes and libraries (unpacked to target/bench/jar). Downloads nothing.
#
# Needs: the jar (./mvnw -q -B package -DskipTests), a JDK 21+ (JAVA_HOME), pdftotext (poppler-utils),
# /usr/bin/python3 with pypdf (Debian: apt-get install -y python3-pypdf), GNU time (/usr/bin/time), unzip.
# Usage: bench/extraction/run.sh [pages]     (FONTS="dejavu helvetica" RUNS=10 WARMUP=3)
set -euo pipefail
cd "$(dirname "$0")/../.."

PAGES=${1:-500}
FONTS=${FONTS:-"dejavu helvetica"}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-3}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=target/qteria.jar
OUT=target/bench
UNPACKED=$OUT/jar
RESULTS=$OUT/extraction-results.md
BENCH_SOURCES=src/test/java/com/qteria/document/extraction/bench

missing=()
[ -f "$JAR" ] || missing+=("$JAR (build it: ./mvnw -q -B package -DskipTests)")
"$JAVA" --list-modules 2>/dev/null | grep -q '^jdk.compiler@' \
  || missing+=("a JDK 21+ with its source launcher (set JAVA_HOME; $JAVA is not one)")
command -v pdftotext >/dev/null || missing+=("pdftotext (apt-get install -y poppler-utils)")
/usr/bin/python3 -c "import pypdf" 2>/dev/null || missing+=("pypdf for /usr/bin/python3 (apt-get install -y python3-pypdf)")
[ -x /usr/bin/time ] && /usr/bin/time -f %e true 2>/dev/null || missing+=("GNU time as /usr/bin/time (apt-get install -y time)")
command -v unzip >/dev/null || missing+=("unzip (apt-get install -y unzip)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cannot run the extraction benchmark; missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 2
fi
[ "$RUNS" -gt "$WARMUP" ] || { echo "RUNS ($RUNS) must be greater than WARMUP ($WARMUP)." >&2; exit 2; }

mkdir -p "$OUT"
if [ ! -f "$UNPACKED/.unpacked" ] || [ "$JAR" -nt "$UNPACKED/.unpacked" ]; then
  rm -rf "$UNPACKED"
  unzip -q "$JAR" 'BOOT-INF/*' -d "$UNPACKED"
  touch "$UNPACKED/.unpacked"
fi
CP="$UNPACKED/BOOT-INF/classes:$UNPACKED/BOOT-INF/lib/*"
# as the extract command does (QuietLogging): Logback quiet, PDFBox's Commons Logging discarded
QUIET=(-Dlogback.configurationFile=qteria/extract-logback.xml
       -Dorg.apache.commons.logging.LogFactory=org.apache.commons.logging.impl.LogFactoryImpl
       -Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.NoOpLog)

# wall seconds and peak RSS (MB) of a command: "seconds rss"
measure() {
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" >"$OUT/stdout.txt" 2>"$OUT/stderr.txt" || {
    echo "FAILED: $*" >&2; cat "$OUT/stderr.txt" >&2; return 1; }
  awk '{printf "%s %.0f\n", $1, $2 / 1024}' "$OUT/time.txt"
}
calc() { awk "BEGIN {printf \"$1\", $2}"; }
# median pages/s of the passes after the warm-up, from `extract --repeat` lines "pass n: … , r pages/s"
median_of_passes() {
  awk -v warmup="$WARMUP" '/^pass / {n = $2 + 0; if (n > warmup) print $(NF - 1)}' "$1" | sort -n \
    | awk '{r[NR] = $1} END {if (NR == 0) exit 1; print (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2}'
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

{
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GB RAM, load average $(loadavg) at the start; $("$JAVA" -version 2>&1 | head -1);"
  echo "pdftotext $(pdftotext -v 2>&1 | head -1 | awk '{print $3}'), pypdf $(/usr/bin/python3 -c 'import pypdf; print(pypdf.__version__)'), $(/usr/bin/python3 --version)."
  echo
  echo "| File | Tool | Pages/s | Wall time | Peak RSS |"
  echo "|---|---|---|---|---|"
} > "$RESULTS"
RATIOS=$OUT/extraction-ratios.md
{
  echo "| File | Ratio (same run) | Value |"
  echo "|---|---|---|"
} > "$RATIOS"
COUNTED=$((RUNS - WARMUP))

for font in $FONTS; do
  helvetica=$([ "$font" = helvetica ] && echo true || echo false)
  PDF=$OUT/bench-$PAGES-$font.pdf
  "$JAVA" "${QUIET[@]}" -Dbench.helvetica="$helvetica" -cp "$CP" "$BENCH_SOURCES/BenchmarkPdf.java" "$PDF" "$PAGES" >/dev/null
  NAME="$PAGES pages, $([ "$helvetica" = true ] && echo 'Helvetica (Standard 14)' || echo 'DejaVu Sans (embedded TrueType subset)'), $(du -k "$PDF" | cut -f1) KB"
  row() { echo "| $NAME | $1 | $2 | $3 | $4 |" >> "$RESULTS"; }
  ratio() { echo "| $NAME | $1 | $2 |" >> "$RATIOS"; }

  read -r pdftotext_s rss < <(measure pdftotext -enc UTF-8 "$PDF" "$OUT/pdftotext.txt")
  pdftotext_rate=$(calc %.0f "$PAGES / $pdftotext_s")
  row "pdftotext (whole process)" "$pdftotext_rate" "$pdftotext_s s" "$rss MB"

  read -r pypdf_s rss < <(measure /usr/bin/python3 bench/extraction/pypdf_extract.py "$PDF")
  pypdf_rate=$(grep -o '[0-9]* pages/s' "$OUT/stdout.txt" | cut -d' ' -f1)
  row "pypdf, one pass inside Python" "$pypdf_rate" "" ""
  row "pypdf (whole process: \`python3 bench/extraction/pypdf_extract.py\`)" "$(calc %.0f "$PAGES / $pypdf_s")" "$pypdf_s s" "$rss MB"

  measure "$JAVA" "${QUIET[@]}" -cp "$CP" "$BENCH_SOURCES/WarmThroughput.java" "$PDF" "$RUNS" "$WARMUP" --stock >/dev/null
  stock_rate=$(grep -o 'median [0-9]*' "$OUT/stdout.txt" | cut -d' ' -f2)
  row "PDFBox PDFTextStripper, warm (median of $COUNTED runs in one JVM)" "$stock_rate" "" ""

  measure "$JAVA" -jar "$JAR" extract "$PDF" --repeat "$RUNS" >/dev/null
  warm_rate=$(median_of_passes "$OUT/stdout.txt")
  row "**Qteria, warm** (\`extract --repeat $RUNS\`, median of the last $COUNTED passes in one JVM)" "**$warm_rate**" "" ""

  read -r jar_s jar_rss < <(measure "$JAVA" -jar "$JAR" extract "$PDF")
  lines=$(wc -l < "$OUT/stdout.txt")
  [ "$lines" -eq "$PAGES" ] || { echo "qteria extract printed $lines lines, expected $PAGES" >&2; exit 1; }
  row "Qteria \`java -jar $JAR extract\` (whole process)" "$(calc %.0f "$PAGES / $jar_s")" "$jar_s s" "$jar_rss MB"

  read -r small_s small_rss < <(measure "$JAVA" -Xmx256m -jar "$JAR" extract "$PDF")
  lines=$(wc -l < "$OUT/stdout.txt")
  [ "$lines" -eq "$PAGES" ] || { echo "-Xmx256m: qteria extract printed $lines lines, expected $PAGES" >&2; exit 1; }
  row "Qteria \`java -Xmx256m -jar $JAR extract\` (whole process)" "$(calc %.0f "$PAGES / $small_s")" "$small_s s" "$small_rss MB"

  ratio "Qteria whole process / pypdf whole process, wall time (> 1: Qteria slower)" "$(calc %.1f "$jar_s / $pypdf_s")×"
  ratio "Qteria whole process / pdftotext whole process, wall time" "$(calc %.1f "$jar_s / $pdftotext_s")×"
  ratio "Qteria whole process with -Xmx256m / default heap, wall time" "$(calc %.2f "$small_s / $jar_s")×"
  ratio "Qteria warm / pypdf one pass, pages/s" "$(calc %.1f "$warm_rate / $pypdf_rate")×"
  ratio "Qteria warm / pdftotext whole process, pages/s" "$(calc %.2f "$warm_rate / $pdftotext_rate")×"
  ratio "Qteria warm / PDFBox PDFTextStripper warm, pages/s" "$(calc %.2f "$warm_rate / $stock_rate")×"
done

{
  echo
  echo "Load average at the end: $(loadavg)."
  echo
  cat "$RATIOS"
} >> "$RESULTS"
cat "$RESULTS"
