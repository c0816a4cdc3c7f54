package org.gawah.tsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code openssl ts -verify}: an independent implementation of RFC 3161 to check tokens against. */
final class OpenSsl {
    record Verdict(boolean ok, String output) {
    }

    private OpenSsl() {
    }

    /** {@code openssl ts -verify -data DATA -in TOKEN -token_in -CAfile CA -partial_chain}. */
    static Verdict verifyData(Path data, Path token, Path caFile) throws IOException, InterruptedException {
        return run(List.of("openssl", "ts", "-verify", "-data", data.toString(), "-in", token.toString(), "-token_in",
                "-CAfile", caFile.toString(), "-partial_chain"));
    }

    /** The same with {@code -digest HEX} in place of the data. */
    static Verdict verifyDigest(String hex, Path token, Path caFile) throws IOException, InterruptedException {
        return run(List.of("openssl", "ts", "-verify", "-digest", hex, "-in", token.toString(), "-token_in",
                "-CAfile", caFile.toString(), "-partial_chain"));
    }

    static Verdict run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Verdict(false, "timed out");
        }
        return new Verdict(process.exitValue() == 0 && output.contains("Verification: OK"), output);
    }
}
