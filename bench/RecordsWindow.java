// Bench helper for bench/records.sh: the legal team's records in a real window. Compiled into the
// window's own package (it drives the window as its tests do, by the components' names) and run
// on a virtual screen. Prints the time from Open to the table, to the first search's result, the
// time of searches over every record, and the heap the records take (after a full collection).
// Run: java -cp target/gawah.jar:CLASSES org.gawah.desktop.RecordsWindow LEGAL_HOME PASSPHRASE_VAR
package org.gawah.desktop;

import java.awt.Component;
import java.awt.Container;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.gawah.Language;

public final class RecordsWindow {
    /** Searched in turn: common words, rarer ones, one typed with the Arabic kaf and yeh, one no record holds. */
    private static final List<String> SEARCHES = List.of("مکتب", "كاريز", "آسیاب", "دروازهي", "شوهرم بردند",
            "nothing-like-this", "ولایت هرات", "گدام");

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String passphrase = System.getenv(args[1]);
        try (Desktop desktop = Desktop.open(home, Language.DARI, Duration.ofMinutes(60))) {
            JFrame frame = desktop.window().frame();
            click(frame, "records");
            waitFor(() -> present(frame, "records.passphrase"));
            long heapBefore = heapAfterCollection();
            onEdt(() -> {
                ((JTextComponent) named(frame, "records.passphrase")).setText(passphrase);
                return null;
            });
            java.util.Map<String, Double> threadsBefore = threads();
            long cpuBefore = cpu();
            long gcBefore = gcMillis();
            long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            long opened = System.nanoTime();
            click(frame, "records.open");
            waitFor(() -> present(frame, "records.table") || present(frame, "records.problem"));
            if (!onEdt(() -> present(frame, "records.table"))) {
                System.out.println("the records were not opened: " + onEdt(() -> ((JTextComponent) named(frame, "records.problem")).getText()));
                System.exit(1);
            }
            long tableShown = System.nanoTime();
            JTable table = onEdt(() -> named(frame, "records.table"));
            int all = onEdt(table::getRowCount);
            int found = search(frame, table, SEARCHES.get(0));
            long firstResult = System.nanoTime();
            long cpuAfter = cpu();
            System.out.printf("records: %d; Open to the table %.2f s, to the first search's result (%d found) %.2f s;"
                    + " CPU %.2f s (all threads) over those %.2f s%n", all, (tableShown - opened) / 1e9, found,
                    (firstResult - opened) / 1e9, (cpuAfter - cpuBefore) / 1e9, (firstResult - opened) / 1e9);
            System.out.printf("  of which the collector %.2f s, the JIT compilers %.2f s (their own clocks)%n",
                    (gcMillis() - gcBefore) / 1e3, (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore) / 1e3);
            if (System.getenv("BENCH_THREADS") != null) {
                java.util.Map<String, Double> threadsAfter = threads();
                double listed = 0;
                for (java.util.Map.Entry<String, Double> t : threadsAfter.entrySet()) {
                    double spent = t.getValue() - threadsBefore.getOrDefault(t.getKey(), 0.0);
                    listed += spent;
                    if (spent >= 0.05) {
                        System.out.printf("  thread %-28s %6.2f CPU s%n", t.getKey(), spent);
                    }
                }
                System.out.printf("  threads that ended (the opening's) %6.2f CPU s%n", (cpuAfter - cpuBefore) / 1e9 - listed);
            }
            List<Double> times = new ArrayList<>();
            List<Double> cpus = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String word : SEARCHES) {
                    long t0 = System.nanoTime();
                    int n = search(frame, table, word);
                    long t1 = System.nanoTime();
                    times.add((t1 - t0) / 1e6);
                    cpus.add(searchCpu / 1e6);
                    if (round == 2) {
                        System.out.printf("  search %-20s %5d found  %6.1f ms (%5.1f ms CPU)%n", "\u2068" + word + "\u2069", n,
                                (t1 - t0) / 1e6, searchCpu / 1e6);
                    }
                    search(frame, table, "");
                }
            }
            times.sort(null);
            cpus.sort(null);
            System.out.printf("searches (typed into the field, table filled): median %.1f ms, slowest %.1f ms of %d;"
                    + " the event thread's CPU: median %.1f ms, most %.1f ms%n", times.get(times.size() / 2),
                    times.get(times.size() - 1), times.size(), cpus.get(cpus.size() / 2), cpus.get(cpus.size() - 1));
            long heapWith = heapAfterCollection();
            if (System.getenv("BENCH_HISTOGRAM") != null) {
                new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram").inheritIO()
                        .redirectOutput(new java.io.File(System.getenv("BENCH_HISTOGRAM"))).start().waitFor();
            }
            System.out.printf("heap after a full collection: %d MiB before Open, %d MiB with the records (%.1f KiB a record); max heap %d MiB%n",
                    heapBefore >> 20, heapWith >> 20, (heapWith - heapBefore) / 1024.0 / Math.max(1, all),
                    Runtime.getRuntime().maxMemory() >> 20);
            click(frame, "lock");
            desktop.awaitClosed();
        }
        System.exit(0);
    }

    /** CPU time of the event thread in the last {@link #search}: what the search costs, whatever else the machine runs. */
    private static volatile long searchCpu;

    /** Types {@code word} into the search field (the table filters as the field changes) and counts the rows. */
    private static int search(JFrame frame, JTable table, String word) {
        return onEdt(() -> {
            long before = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            ((JTextComponent) named(frame, "records.search")).setText(word);
            int rows = table.getRowCount();
            searchCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - before;
            return rows;
        });
    }

    /** CPU seconds of each thread of the process by name (the JVM's own included), from /proc on Linux. */
    private static java.util.Map<String, Double> threads() {
        java.util.Map<String, Double> byName = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat = java.nio.file.Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "N");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                byName.merge(name, seconds, Double::sum);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux: no breakdown.
        }
        return byName;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    /** CPU time of the whole process so far (every thread, the JIT and the collector included). */
    private static long cpu() {
        // From /proc on Linux: the distribution's runtime has no jdk.management (com.sun.management).
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // clock ticks of 10 ms
        } catch (java.io.IOException | RuntimeException e) {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    private static long heapAfterCollection() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void click(JFrame frame, String name) {
        onEdt(() -> {
            ((AbstractButton) named(frame, name)).doClick();
            return null;
        });
    }

    private static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!onEdt(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window did not get there in 10 minutes");
            }
            Thread.sleep(5);
        }
    }

    private static boolean present(Container root, String name) {
        return all(root).stream().anyMatch(c -> name.equals(c.getName()) && c.isShowing());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T named(Container root, String name) {
        return (T) all(root).stream().filter(c -> name.equals(c.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no component named " + name));
    }

    private static List<Component> all(Component root) {
        List<Component> found = new ArrayList<>();
        found.add(root);
        if (root instanceof Container) {
            for (Component child : ((Container) root).getComponents()) {
                found.addAll(all(child));
            }
        }
        return found;
    }

    private static <T> T onEdt(Supplier<T> read) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(read.get()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return result.get();
    }
}
