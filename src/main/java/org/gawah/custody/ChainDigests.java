package org.gawah.custody;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawah.Digests;
import org.gawah.Message;

/**
 * The SHA-256 of every entry of one actor's log, from its first entry to a head, one line each
 * (docs/format/custody-log.md, "Extracts"). An evidence package carries a few entries of a log
 * and this list: each entry is checked to be the one at its place, following the one before it,
 * without the other entries, which say what the legal team did with other records.
 */
public final class ChainDigests {
    /** The file's name, in the actor's folder beside the entries. */
    public static final String FILE = "chain-sha256.txt";
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  ([0-9]{8})\\.json");

    /** SHA-256 of entry {@code seq} at index {@code seq - 1}. */
    private final List<String> digests;

    private ChainDigests(List<String> digests) {
        this.digests = digests;
    }

    /** The name of entry {@code seq}'s file, as in the list and beside it. */
    public static String entryFile(long seq) {
        return String.format(Locale.ROOT, "%08d.json", seq);
    }

    /** Reads the list; a line out of form or out of order is refused. */
    public static ChainDigests parse(byte[] text) {
        String lines = new String(text, StandardCharsets.US_ASCII);
        if (lines.isEmpty() || !lines.endsWith("\n")) {
            throw new CustodyException(Messages.of("custody.digests.unterminated"));
        }
        List<String> digests = new ArrayList<>();
        for (String line : lines.substring(0, lines.length() - 1).split("\n", -1)) {
            Matcher match = LINE.matcher(line);
            if (!match.matches() || Long.parseLong(match.group(2)) != digests.size() + 1) {
                throw new CustodyException(Messages.of("custody.digests.line", digests.size() + 1, entryFile(digests.size() + 1)));
            }
            digests.add(match.group(1));
        }
        return new ChainDigests(List.copyOf(digests));
    }

    /** The sequence number of the last entry listed: the head. */
    public long head() {
        return digests.size();
    }

    /**
     * The list's first {@code seq} lines: the same log to entry {@code seq}, as another analyst's
     * folder of a team vault's package carries it (docs/format/evidence-package.md).
     */
    public ChainDigests upTo(long seq) {
        return new ChainDigests(digests.subList(0, (int) seq));
    }

    /** Whether {@code other} lists the first lines of this list, exactly: a part of the same log. */
    public boolean startsWith(ChainDigests other) {
        return other.head() <= head() && digests.subList(0, (int) other.head()).equals(other.digests);
    }

    /** The SHA-256 of entry {@code seq}. */
    public String at(long seq) {
        return digests.get((int) (seq - 1));
    }

    /**
     * What is wrong with {@code entry} as a link of this chain, if anything: it must be listed,
     * hash to its line, and name the line before it (64 zeros for the first) as its previous.
     */
    public Optional<Message> problemWith(Entry entry) {
        if (entry.seq() > head()) {
            return Optional.of(Messages.of("custody.digests.beyond-head", entry.seq(), head()));
        }
        if (!entry.sha256().equals(at(entry.seq()))) {
            return Optional.of(Messages.of("custody.digests.not-listed", entry.seq()));
        }
        String previous = entry.seq() == 1 ? Entry.GENESIS : at(entry.seq() - 1);
        if (!entry.prevSha256().equals(previous)) {
            return Optional.of(Messages.of("custody.digests.not-following", entry.seq() - 1));
        }
        return Optional.empty();
    }

    /** The list as written: {@code SHA256  SEQ.json} a line, as sha256sum prints it in the entries' folder. */
    public byte[] bytes() {
        StringBuilder text = new StringBuilder(digests.size() * 80);
        for (int i = 0; i < digests.size(); i++) {
            text.append(digests.get(i)).append("  ").append(entryFile(i + 1)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Builds the list while a log is read in order, from its first entry: each entry must be the
     * next by number and name the one before it, or the log is broken and nothing is listed.
     */
    public static final class Walk {
        private final List<String> digests = new ArrayList<>();
        private String previous = Entry.GENESIS;

        /** Takes the next entry of the log; returns it, parsed. */
        public Entry add(byte[] canonical) {
            long expected = digests.size() + 1L;
            Entry entry;
            try {
                entry = Entry.parse(canonical);
            } catch (CustodyException e) {
                throw new CustodyException(Messages.of("custody.digests.broken", expected, e.problem()));
            }
            if (entry.seq() != expected) {
                throw new CustodyException(Messages.of("custody.digests.broken", expected,
                        Messages.of("custody.chain.renumbered", entry.seq())));
            }
            if (!entry.prevSha256().equals(previous)) {
                throw new CustodyException(Messages.of("custody.digests.broken", expected,
                        Messages.of("custody.chain.prev-differs")));
            }
            previous = Digests.sha256(canonical);
            digests.add(previous);
            return entry;
        }

        public ChainDigests done() {
            return new ChainDigests(List.copyOf(digests));
        }
    }
}
