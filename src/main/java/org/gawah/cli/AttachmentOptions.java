package org.gawah.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.gawah.testimony.Attachment;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --attach}, {@code --attach-copy}, {@code --transcript-of} and {@code --translation-of},
 * for {@code record} and {@code interview}. A reference belongs to the file just before it, so
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

    /** The files and references in the order given. */
    AttachmentList list() {
        return inOrder(spec, attach, attachCopy, transcriptOf, translationOf, "--attach", "--attach-copy");
    }

    /**
     * Walks the options as picocli matched them, one entry a use, taking each option's next value:
     * the files in their order, each reference after its file.
     */
    static AttachmentList inOrder(CommandSpec spec, List<Path> originals, List<Path> copies, List<String> transcripts,
                                  List<String> translations, String originalOption, String copyOption) {
        AttachmentList list = new AttachmentList();
        Iterator<Path> original = originals.iterator();
        Iterator<Path> copy = copies.iterator();
        Iterator<String> transcript = transcripts.iterator();
        Iterator<String> translation = translations.iterator();
        for (ArgSpec arg : spec.commandLine().getParseResult().matchedArgs()) {
            String name = arg instanceof OptionSpec ? ((OptionSpec) arg).longestName() : "";
            if (name.equals(originalOption) && original.hasNext()) {
                list.add(original.next(), "original");
            } else if (name.equals(copyOption) && copy.hasNext()) {
                list.add(copy.next(), "copy");
            } else if (name.equals("--transcript-of") && transcript.hasNext()) {
                list.relate(Attachment.Derived.Kind.TRANSCRIPT, transcript.next());
            } else if (name.equals("--translation-of") && translation.hasNext()) {
                list.relate(Attachment.Derived.Kind.TRANSLATION, translation.next());
            }
        }
        return list;
    }
}
