#!/usr/bin/env bash
# Text-extraction benchmark (docs/BENCHMARKS.md, "Text extraction").
#
# Generates a 500-page text PDF and measures, in the same run: pdftotext, pypdf, our warm throughput inside one
# JVM (and PDFBox's stock PDFTextStripper for comparison), the whole `java -jar target/qteria.jar extract` process
# (wall time, peak RSS) with the default heap and with -Xmx256m (which must pass).
#
# Needs: the jar (./mvnw -q -B package -DskipTests), pdftotext (poppler-utils), /usr/bin/python3 with pypdf
# (Debian: apt-get install -y python3-pypdf), GNU time (/usr/bin/time). Usage: bench/extraction/run.sh [pages]
set -euo pipefail
cd "$(dirname "$0")/../.."

PAGES=${1:-500}
FONTS=${FONTS:-"dejavu helvetica"}
RUNS=${RUNS:-10}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
OUT=target/bench
RESULTS=$OUT/extraction-results.md
mkdir -p "$OUT"

[ -f target/qteria.jar ] || { echo "No target/qteria.jar: run ./mvnw -q -B package -DskipTests first." >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "pdftotext is missing (apt-get install -y poppler-utils)." >&2; exit 2; }
/usr/bin/python3 -c "import pypdf" 2>/dev/null || { echo "pypdf is missing (apt-get install -y python3-pypdf)." >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing (apt-get install -y time)." >&2; exit 2; }

./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"
QUIET="-Dlogback.configurationFile=qteria/extract-logback.xml"

# wall seconds and peak RSS (MB) of a command: "seconds rss"
measure() {
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" >"$OUT/stdout.txt" 2>"$OUT/stderr.txt" || {
    echo "FAILED: $*" >&2; cat "$OUT/stderr.txt" >&2; return 1; }
  awk '{printf "%s %.0f\n", $1, $2 / 1024}' "$OUT/time.txt"
}

{
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA" -version 2>&1 | head -1);"
  echo "pdftotext $(pdftotext -v 2>&1 | head -1 | awk '{print $3}'), pypdf $(/usr/bin/python3 -c 'import pypdf; print(pypdf.__version__)'), $(/usr/bin/python3 --version)."
  echo
  echo "| File | Tool | Pages/s | Wall time | Peak RSS |"
  echo "|---|---|---|---|---|"
} > "$RESULTS"

for font in $FONTS; do
  PDF=$OUT/bench-$PAGES-$font.pdf
  "$JAVA" $QUIET -Dbench.helvetica=$([ "$font" = helvetica ] && echo true || echo false) -cp "$CP" \
      com.qteria.document.extraction.bench.BenchmarkPdf "$PDF" "$PAGES" >/dev/null
  NAME="$PAGES pages, $([ "$font" = helvetica ] && echo 'Helvetica (Standard 14)' || echo 'DejaVu Sans (embedded TrueType subset)'), $(du -k "$PDF" | cut -f1) KB"

  read -r s rss < <(measure pdftotext -enc UTF-8 "$PDF" "$OUT/pdftotext.txt")
  echo "| $NAME | pdftotext (whole process) | $(awk "BEGIN {printf \"%.0f\", $PAGES / $s}") | $s s | $rss MB |" >> "$RESULTS"

  read -r s rss < <(measure /usr/bin/python3 bench/extraction/pypdf_extract.py "$PDF")
  rate=$(grep -o '[0-9]* pages/s' "$OUT/stdout.txt" | cut -d' ' -f1)
  echo "| $NAME | pypdf (one pass inside Python) | $rate | $s s | $rss MB |" >> "$RESULTS"

  measure "$JAVA" $QUIET -cp "$CP" com.qteria.document.extraction.bench.WarmThroughput "$PDF" "$RUNS" 3 --stock >/dev/null
  echo "| $NAME | PDFBox PDFTextStripper, warm (median of $((RUNS - 3)) runs in one JVM) | $(grep -o 'median [0-9]*' "$OUT/stdout.txt" | cut -d' ' -f2) | | |" >> "$RESULTS"

  measure "$JAVA" $QUIET -cp "$CP" com.qteria.document.extraction.bench.WarmThroughput "$PDF" "$RUNS" 3 >/dev/null
  echo "| $NAME | **Qteria, warm** (median of $((RUNS - 3)) runs in one JVM) | **$(grep -o 'median [0-9]*' "$OUT/stdout.txt" | cut -d' ' -f2)** | | |" >> "$RESULTS"

  read -r s rss < <(measure "$JAVA" -jar target/qteria.jar extract "$PDF")
  lines=$(wc -l < "$OUT/stdout.txt")
  [ "$lines" -eq "$PAGES" ] || { echo "qteria extract printed $lines lines, expected $PAGES" >&2; exit 1; }
  echo "| $NAME | Qteria \`java -jar target/qteria.jar extract\` (whole process) | $(awk "BEGIN {printf \"%.0f\", $PAGES / $s}") | $s s | $rss MB |" >> "$RESULTS"

  read -r s rss < <(measure "$JAVA" -Xmx256m -jar target/qteria.jar extract "$PDF")
  lines=$(wc -l < "$OUT/stdout.txt")
  [ "$lines" -eq "$PAGES" ] || { echo "-Xmx256m: qteria extract printed $lines lines, expected $PAGES" >&2; exit 1; }
  echo "| $NAME | Qteria \`java -Xmx256m -jar target/qteria.jar extract\` | $(awk "BEGIN {printf \"%.0f\", $PAGES / $s}") | $s s | $rss MB |" >> "$RESULTS"
done

cat "$RESULTS"
