#!/bin/sh
# Makes the hostile-input corpus again (src/test/resources/org/gawah/hostile/, its cases.tsv and
# README.md) and the fuzz seeds (src/test/resources/org/gawah/fuzz/), with new corpus keys: every
# file changes. About two minutes on two cores (the BZip2 and ZLIB bombs are most of it).
set -eu
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/corpus-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/corpus-classpath.txt)" org.gawah.hostile.Corpus src/test/resources
