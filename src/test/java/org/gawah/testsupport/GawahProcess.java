package org.gawah.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Starts gawah as a real child process (its own JVM), for crash and memory tests. */
public final class GawahProcess {
    private GawahProcess() {
    }

    /**
     * A started process running {@code gawah ARGS --home HOME [--passphrase-env]} with the given
     * JVM options; stdout and stderr go to files beside {@code logs}.
     */
    public static Process start(List<String> jvmOptions, Path home, Path logs, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add("org.gawah.cli.Main");
        command.addAll(Arrays.asList(args));
        command.add("--home");
        command.add(home.toString());
        command.add("--passphrase-env");
        command.add(Gawah.PASSPHRASE_VAR);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolveSibling(logs.getFileName() + ".out").toFile())
                .redirectError(logs.resolveSibling(logs.getFileName() + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put(Gawah.PASSPHRASE_VAR, Homes.PASSPHRASE);
        return builder.start();
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
