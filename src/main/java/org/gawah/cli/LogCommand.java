package org.gawah.cli;

import java.util.concurrent.Callable;

import org.gawah.app.CustodyTimeline;
import org.gawah.app.Home;
import org.gawah.custody.Entry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "log")
final class LogCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--jsonl")
    boolean jsonl;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Object[] headings = {Messages.of("log.heading.seq"), Messages.of("log.heading.time"),
                Messages.of("log.heading.action"), Messages.of("log.heading.subject"),
                Messages.of("log.heading.actor"), Messages.of("log.heading.name"),
                Messages.of("log.heading.subject-sha256")};
        Table table = new Table(-6, 20, 16, 40, 16, 20, 0).fitting(headings);
        long count = CustodyTimeline.read(home, () -> {
            if (!jsonl) {
                terminal.line(table.row(headings));
            }
        }, line -> {
            Entry entry = line.entry();
            if (entry == null) {
                terminal.warn(Messages.of("log.malformed-entry", line.seq()));
            } else if (jsonl) {
                terminal.line(entry.line(line.signature()));
            } else {
                terminal.line(table.row(entry.seq(), entry.time(), entry.action().words(), entry.subject(),
                        entry.actor().substring(entry.actor().length() - 16), line.signerName(), entry.subjectSha256()));
            }
        });
        if (count == 0) {
            terminal.info(Messages.of("log.empty"));
        }
        return 0;
    }
}
