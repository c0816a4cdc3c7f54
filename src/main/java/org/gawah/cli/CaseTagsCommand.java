package org.gawah.cli;

import java.util.concurrent.Callable;

import org.gawah.cases.LegalTags;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "tags")
final class CaseTagsCommand implements Callable<Integer> {
    @ParentCommand
    CaseCommand parent;

    /** Taken like every command's (people give it to every command), though the tags are the shipped list, the same in every home. */
    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() {
        LegalTags tags = LegalTags.shipped();
        for (String tag : tags.tags()) {
            parent.root.terminal.row("%s\t%s", tag, tags.label(tag));
        }
        return 0;
    }
}
