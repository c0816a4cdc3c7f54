package org.gawah.team;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.gawah.custody.Action;
import org.gawah.custody.Entry;

/**
 * What a team vault's log must show after analysts' processes ran {@link AnalystWorkload}: one
 * chain (each entry the next number, naming the one before), and for each analyst, among the
 * entries appended since, exactly the entries its successful operations appended (nothing lost,
 * nothing twice). Shared by the test and the benchmark; returns problems rather than asserting.
 */
final class TeamLogCheck {
    private TeamLogCheck() {
    }

    /** One operation as the workload's output line gives it. */
    record Operation(String kind, int exit, long millis, int retries) {
    }

    /** An analyst's output: each operation, and the entries they must have appended, by action. */
    record Output(List<Operation> operations, Map<String, Integer> expected) {
    }

    static Output read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String expect = lines.get(lines.size() - 1);
        if (!expect.startsWith("expect ")) {
            throw new IllegalStateException(file + " ends without its expect line: " + expect);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String pair : expect.substring("expect ".length()).split(" ")) {
            counts.put(pair.substring(0, pair.indexOf('=')), Integer.parseInt(pair.substring(pair.indexOf('=') + 1)));
        }
        List<Operation> operations = new ArrayList<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            String[] words = line.split(" ");
            operations.add(new Operation(words[0], Integer.parseInt(words[1]), Long.parseLong(words[2]),
                    Integer.parseInt(words[3])));
        }
        return new Output(operations, counts);
    }

    /** Where the log is not one chain from its first entry; empty when it is. */
    static List<String> chainProblems(List<Entry> log) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            Entry entry = log.get(i);
            if (entry.seq() != i + 1) {
                problems.add("entry " + (i + 1) + " holds number " + entry.seq());
            }
            String previous = i == 0 ? Entry.GENESIS : log.get(i - 1).sha256();
            if (!entry.prevSha256().equals(previous)) {
                problems.add("entry " + entry.seq() + " does not chain onto the one before");
            }
        }
        return problems;
    }

    /** What the log holds of {@code actor}'s entries after {@code before} that its operations did not say, or the reverse. */
    static List<String> lostOrExtra(List<Entry> log, long before, String actor, Map<String, Integer> expected) {
        List<Entry> mine = log.stream().filter(e -> e.seq() > before && e.actor().equals(actor)).toList();
        Map<String, Integer> found = Map.of(
                "opened", count(mine, Action.OPENED, s -> s.startsWith("GWH-") && !s.contains("/")),
                "imported", count(mine, Action.IMPORTED, s -> s.startsWith("GWB-") && !s.contains("/")),
                "case_created", count(mine, Action.CASE_CREATED, s -> true),
                "analysed", count(mine, Action.ANALYSED, s -> s.startsWith("GWC-")),
                "exported", count(mine, Action.EXPORTED, s -> s.startsWith("GWE-")));
        List<String> problems = new ArrayList<>();
        found.forEach((action, count) -> {
            if (!count.equals(expected.get(action))) {
                problems.add(actor + ": " + expected.get(action) + " " + action + " operations succeeded, the log holds "
                        + count);
            }
        });
        return problems;
    }

    /** How often the actor changes between consecutive entries after {@code before}: the analysts' entries interleaving. */
    static int switches(List<Entry> log, long before) {
        int switches = 0;
        for (int i = 1; i < log.size(); i++) {
            if (log.get(i).seq() > before + 1 && !log.get(i).actor().equals(log.get(i - 1).actor())) {
                switches++;
            }
        }
        return switches;
    }

    private static int count(List<Entry> entries, Action action, Predicate<String> subject) {
        return (int) entries.stream().filter(e -> e.action() == action && subject.test(e.subject())).count();
    }
}
