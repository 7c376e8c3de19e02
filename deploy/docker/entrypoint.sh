#!/bin/sh
# The container image's entrypoint (Dockerfile and Jib): starts Qteria through bin/qteria, the same launcher as
# outside a container, with what a container adds. Arguments go to Qteria as they are: --role=web|worker|both to
# serve, or a command (db migrate, db status, keys rotate, --help).
#   heap            bin/qteria: 75 % of the container's memory limit (-XX:MaxRAMPercentage=75), 1 GB without one
#   out of memory   the JVM exits at once (the orchestrator restarts it) instead of limping on
#   files           UTF-8 whatever the base image's locale; the JVM's temporary files (Tomcat's uploads among them)
#                   in QTERIA_DATA_DIR/tmp/jvm, so the data dir is the only place written to (read-only root file
#                   system); no hsperfdata file in /tmp
# JAVA_OPTS come last and win (e.g. JAVA_OPTS=-XX:MaxRAMPercentage=60).
# EntrypointIT starts the packaged jar through this very script, unpacked as the image unpacks it, as a non-root user
# on a read-only file system but the data dir.
set -eu
app=$(cd "$(dirname "$0")" && pwd)
data=${QTERIA_DATA_DIR:-/data}
mkdir -p "$data/tmp/jvm"
export QTERIA_JAR="$app/qteria.jar"
export QTERIA_AOT_DIR="$app/aot"
if [ ! -f "$QTERIA_JAR" ] && [ -f "$app/jib-classpath-file" ]; then
    # The Jib image: classes and libraries in Jib's layers instead of the unpacked jar.
    QTERIA_CLASSPATH=$(cat "$app/jib-classpath-file")
    QTERIA_MAIN_CLASS=$(cat "$app/jib-main-class-file")
    export QTERIA_CLASSPATH QTERIA_MAIN_CLASS
fi
export JAVA_OPTS="-XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Dfile.encoding=UTF-8 -Dsun.jnu.encoding=UTF-8 \
-Djava.io.tmpdir=$data/tmp/jvm ${JAVA_OPTS:-}"
exec "$app/bin/qteria" "$@"
