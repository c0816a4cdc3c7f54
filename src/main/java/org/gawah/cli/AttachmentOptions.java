package org.gawah.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.gawah.app.AttachmentList;
import org.gawah.testimony.Attachment;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --attach}, {@code --attach-copy}, their lists {@code --attach-from} and
 * {@code --attach-copy-from}, {@code --transcript-of} and {@code --translation-of}, for
 * {@code record} and {@code interview}. A reference belongs to the file just before it, so
 * the list is rebuilt in the order the options were typed, from picocli's parse result.
 */
final class AttachmentOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--attach", paramLabel = "FILE")
    List<Path> attach = new ArrayList<>();

    @Option(names = "--attach-copy", paramLabel = "FILE")
    List<Path> attachCopy = new ArrayList<>();

    @Option(names = "--transcript-of", paramLabel = "REF")
    List<String> transcriptOf = new ArrayList<>();

    @Option(names = "--translation-of", paramLabel = "REF")
    List<String> translationOf = new ArrayList<>();

    /** A file name on the command line shows in ps and the shell history: a list keeps it off (SECURITY.md). */
    @Option(names = "--attach-from", paramLabel = "LIST")
    List<Path> attachFrom = new ArrayList<>();

    @Option(names = "--attach-copy-from", paramLabel = "LIST")
    List<Path> attachCopyFrom = new ArrayList<>();

    /**
     * The files and references in the order given, each list's files at the list's place.
     * {@code stdinTakenBy} is what already reads standard input (as typed), or null.
     */
    AttachmentList list(Terminal terminal, String stdinTakenBy) {
        AttachmentNamesFile lists = new AttachmentNamesFile(terminal, stdinTakenBy);
        AttachmentList list = new AttachmentList();
        Iterator<Path> original = attach.iterator();
        Iterator<Path> copy = attachCopy.iterator();
        Iterator<Path> originals = attachFrom.iterator();
        Iterator<Path> copies = attachCopyFrom.iterator();
        Iterator<String> transcript = transcriptOf.iterator();
        Iterator<String> translation = translationOf.iterator();
        // Walks the options as picocli matched them, one entry a use, taking each option's next value.
        for (ArgSpec arg : spec.commandLine().getParseResult().matchedArgs()) {
            String name = arg instanceof OptionSpec ? ((OptionSpec) arg).longestName() : "";
            if (name.equals("--attach") && original.hasNext()) {
                list.add(original.next(), "original");
            } else if (name.equals("--attach-copy") && copy.hasNext()) {
                list.add(copy.next(), "copy");
            } else if (name.equals("--attach-from") && originals.hasNext()) {
                lists.readInto(originals.next(), name, "original", list);
            } else if (name.equals("--attach-copy-from") && copies.hasNext()) {
                lists.readInto(copies.next(), name, "copy", list);
            } else if (name.equals("--transcript-of") && transcript.hasNext()) {
                list.relate(Attachment.Derived.Kind.TRANSCRIPT, transcript.next());
            } else if (name.equals("--translation-of") && translation.hasNext()) {
                list.relate(Attachment.Derived.Kind.TRANSLATION, translation.next());
            }
        }
        return list;
    }
}
