package org.gawah.cli;

import org.gawah.Message;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The options every command takes, given before the command name ({@code gawah --home X init}):
 * each is passed on to the command that follows, and must not be given again after its name.
 * A passphrase option is ignored by a command that asks none (so that an alias such as
 * {@code gawah --home H --passphrase-file F} serves every command, as gpg's options do);
 * {@code --home} is refused by the one command that takes none, {@code quickstart}, which makes
 * its own throwaway homes and must not seem to have used the one named.
 */
final class GlobalOptions {
    private static final java.util.List<String> PASSED_ON = java.util.List.of("--home", "--passphrase-file", "--passphrase-env");

    private GlobalOptions() {
    }

    /** Refuses, as a usage error, a global option the command named does not take or is given twice. */
    static void check(ParseResult root) {
        ParseResult leaf = root;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        if (leaf == root) {
            return;
        }
        CommandSpec command = leaf.commandSpec();
        for (String name : PASSED_ON) {
            if (!root.hasMatchedOption(name)) {
                continue;
            }
            if (command.findOption(name) == null && name.equals("--home")) {
                throw new Refused(leaf.commandSpec().commandLine(),
                        Messages.of("parse.option-not-taken", name, command.qualifiedName(" ")));
            }
            if (leaf.hasMatchedOption(name)) {
                throw new Refused(leaf.commandSpec().commandLine(), Messages.of("parse.option-twice", name));
            }
        }
    }

    /** A parse error already worded in the run's language. */
    static final class Refused extends ParameterException {
        private static final long serialVersionUID = 1L;
        private final transient Message words;

        Refused(CommandLine commandLine, Message words) {
            super(commandLine, words.key());
            this.words = words;
        }

        Message words() {
            return words;
        }
    }

    /** The value given before the command name, for {@link HomeOptions} and {@link PassphraseOptions}. */
    static GawahCommand root(CommandSpec mixee) {
        Object root = mixee == null ? null : mixee.root().userObject();
        return root instanceof GawahCommand ? (GawahCommand) root : null;
    }
}
