#!/bin/sh
# Coverage-guided fuzzing (Jazzer) of the parsers that meet files from outside, one target after
# another, each for SECONDS (default 300):
#   OpenerFuzzTest.sealedMessage   a whole sealed message, opened as `gawah open --sealed` does
#   OpenerFuzzTest.innerPackets    what lies inside the encryption, encrypted to the key first
#   CertificateFuzzTest.certificate  a certificate, parsed and checked as `gawah keys import` does
#   BagReaderFuzzTest.bag          a zip, read as `gawah import` / `gawah verify` read bags and packages
#
#   bench/fuzz.sh [SECONDS] [TARGET...]      e.g. bench/fuzz.sh 300, bench/fuzz.sh 60 CertificateFuzzTest.certificate
#
# Seeds: src/test/resources/org/gawah/fuzz/<Class>Inputs/<method>/ (valid inputs made by gawah and
# the hostile corpus, see src/test/resources/org/gawah/hostile/README.md). What the fuzzer learns
# goes to target/fuzz/corpus/, findings (the crashing input and a Java reproducer) to
# target/fuzz/findings/, each run's log (libFuzzer's "#N ... cov: ft: exec/s" lines) to
# target/fuzz/<Class>.<method>.log. The JVM has 256 MiB of heap, as the hostile-input suite does,
# so an input that needs more is an out-of-memory finding. Once a finding is fixed, copy it into
# the seed folder above: `mvn verify` then runs it on every build; until then it waits in
# src/test/resources/org/gawah/fuzz/findings/ with a disabled test (FuzzFindingsTest).
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-300}
[ $# -gt 0 ] && shift
TARGETS=${*:-OpenerFuzzTest.sealedMessage OpenerFuzzTest.innerPackets CertificateFuzzTest.certificate BagReaderFuzzTest.bag}

# Jazzer also reads the seeds from target/test-classes: copy them afresh, without files removed since.
rm -rf target/test-classes/org/gawah/fuzz
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz/classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/fuzz/classpath.txt)"
mkdir -p target/fuzz/findings

for target in $TARGETS; do
    class=${target%%.*}
    method=${target#*.}
    corpus=target/fuzz/corpus/$class/$method
    seeds=src/test/resources/org/gawah/fuzz/${class}Inputs/$method
    mkdir -p "$corpus"
    echo "== $class.$method for $SECONDS_EACH s (seeds: $seeds)"
    # -timeout: an input taking over 10 s is a finding (the hostile suite's bound).
    # --keep_going: go on after a finding (each distinct one is reported once), so that a run
    # always lasts SECONDS.
    # -rss_limit_mb: the whole process (JVM, Jazzer's maps), well above the 256 MiB heap.
    # -max_len: inputs up to 64 KiB (the valid seeds are up to 25 KiB; the big hostile files run in
    # HostileInputsTest instead).
    # -XX:-OmitStackTraceInFastThrow: a library exception thrown often keeps its stack, so that
    # Jazzer does not report one bug twice (with and without a stack).
    java -Xmx256m -Xss1m -XX:-OmitStackTraceInFastThrow -cp "$CP" com.code_intelligence.jazzer.Jazzer \
        --target_class="org.gawah.fuzz.$class" --target_method="$method" \
        --instrumentation_includes='org.gawah.**:org.bouncycastle.**:com.fasterxml.jackson.**' \
        --reproducer_path=target/fuzz/findings --keep_going=1000 \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=3072 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="target/fuzz/findings/$class.$method-" \
        "$corpus" "$seeds" 2>&1 | tee "target/fuzz/$class.$method.log" | grep -vE 'INFO: (Instrumented|Loaded [0-9]+ hooks)' | grep -E '^#[0-9]+.*(DONE|pulse)|^== |^\s+at |DEDUP_TOKEN|stat::(number|average|peak)' || true
done
echo "logs: target/fuzz/*.log; findings (if any): target/fuzz/findings/"
