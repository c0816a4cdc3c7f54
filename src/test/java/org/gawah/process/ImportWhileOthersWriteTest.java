package org.gawah.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An import in one process while other processes append to the same vault (each {@code open}
 * logs an entry): every process succeeds, and the vault ends with every record and every entry,
 * in one unbroken chain. On both engines (a team vault's writers queue on its advisory lock).
 */
class ImportWhileOthersWriteTest {
    @TempDir
    Path base;

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void importAndConcurrentOpensAllLand(TestEngine engine) throws Exception {
        Homes homes = engine.homes(base);
        List<String> jvm = new ArrayList<>(List.of("-Xmx64m"));
        jvm.addAll(engine.childJvmOptions());
        String first = homes.record();
        Path one = base.resolve("one.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", one.toString()).ok();
        homes.gawah.in(homes.legal, "import", one.toString()).ok();

        Path video = base.resolve("video.mp4");
        byte[] data = new byte[48 << 20];
        new Random(7).nextBytes(data);
        Files.write(video, data);
        String second = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--attach", video.toString()).ok().out().strip();
        Path two = base.resolve("two.zip");
        homes.gawah.in(homes.documenter, "submit", "--since", "--out", two.toString()).ok();

        Process importing = GawahProcess.start(jvm, homes.legal, base.resolve("import"), "import", two.toString());
        List<Process> opens = new ArrayList<>();
        for (int i = 0; i < 6 && (i < 3 || importing.isAlive()); i++) {
            opens.add(GawahProcess.start(jvm, homes.legal, base.resolve("open-" + i),
                    "open", first, "--out", base.resolve("opened-" + i + ".json").toString()));
        }
        assertTrue(importing.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, importing.exitValue(), Files.readString(base.resolve("import.err")));
        for (int i = 0; i < opens.size(); i++) {
            assertTrue(opens.get(i).waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, opens.get(i).exitValue(), Files.readString(base.resolve("open-" + i + ".err")));
        }

        List<Entry> log = homes.gawah.in(homes.legal, "log", "--jsonl").ok().out().lines()
                .map(l -> Entry.parseLine(l).entry()).toList();
        assertEquals(opens.size(), log.stream().filter(e -> e.action() == Action.OPENED).count());
        assertTrue(log.stream().anyMatch(e -> e.action() == Action.IMPORTED && e.subject().equals(second)));
        String list = homes.gawah.in(homes.legal, "list").ok().out();
        assertTrue(list.contains(first) && list.contains(second), list);
        homes.gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok();
        Path out = Files.createDirectory(base.resolve("evidence"));
        homes.gawah.in(homes.legal, "open", second, "--out", base.resolve("second.json").toString(),
                "--attachments", out.toString()).ok();
        assertTrue(java.util.Arrays.equals(data, Files.readAllBytes(out.resolve("video.mp4"))));
    }
}
