#!/usr/bin/env bash
# Runs a command at real-time priority (SCHED_FIFO 10, root only), for bench/run.sh's
# BENCH_PRIORITY=rt: on a machine others load, it gets the cores as if they were idle. A Java
# command's compiler threads and VM thread are raised one step above its own threads as soon as
# they appear: at one priority, FIFO never takes a core from a running thread, so two busy threads
# of the command (a small record's name keys beside its unlocking) kept the compilers off both
# cores and ran interpreted for seconds, which an idle machine never does.
# Usage: bench/rt.sh COMMAND [ARG...]
set -u
chrt -f 10 "$@" &
pid=$!
# The watcher itself runs above both, or the command's threads would keep it off the cores too.
chrt -f 20 python3 - "$pid" <<'PY' &
import os, sys, time

root = int(sys.argv[1])
raised = set()
start = time.time()

def family(pid):
    """pid and its descendants (the launcher execs java in a child)."""
    found = [pid]
    try:
        for task in os.listdir(f'/proc/{pid}/task'):
            with open(f'/proc/{pid}/task/{task}/children') as children:
                for child in children.read().split():
                    found += family(int(child))
    except OSError:
        pass
    return found

while len(raised) < 3 and time.time() - start < 10 and os.path.exists(f'/proc/{root}'):
    for pid in family(root):
        try:
            tasks = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for task in tasks:
            if task in raised:
                continue
            try:
                with open(f'/proc/{pid}/task/{task}/comm') as comm:
                    name = comm.read().strip()
                if name.startswith(('C1 CompilerThre', 'C2 CompilerThre', 'VM Thread')):
                    os.sched_setscheduler(int(task), os.SCHED_FIFO, os.sched_param(11))
                    raised.add(task)
            except OSError:
                pass
    time.sleep(0.001)
PY
watcher=$!
wait $pid
code=$?
wait $watcher 2>/dev/null
exit $code
