package org.gawah.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.gawah.GawahException;
import org.gawah.bag.BagReader;
import org.gawah.bag.MemoryChannel;
import org.gawah.bag.Submission;
import org.gawah.export.PackageCheck;
import org.gawah.openpgp.Certificate;

/**
 * The bag reader: {@link BagReader} over the zip (its {@code ZipScan} first), then what
 * {@code gawah import} and {@code gawah verify} check ({@link Submission#read} for a submission
 * bag, {@link PackageCheck#read} for an evidence package), with the corpus documenter and legal
 * team trusted. The signature over the tag manifest stops most mutated bags early, so the generic
 * BagIt reading (declaration, bag-info, manifests, every entry's bytes and CRC) runs as well, on
 * its own. A refusal (GawahException) is the expected end; anything else that escapes is a finding.
 */
class BagReaderFuzzTest {
    private static final List<Certificate> DOCUMENTERS = List.of(FuzzKeys.documenter());
    private static final List<Certificate> CUSTODIANS = List.of(FuzzKeys.legalCertificate());

    @FuzzTest
    void bag(byte[] zip) throws IOException {
        BagReader bag;
        try {
            bag = BagReader.open(new MemoryChannel(zip), "fuzz.zip");
        } catch (GawahException refused) {
            return;
        }
        try (bag) {
            try {
                if (bag.name().startsWith("GWE-")) {
                    PackageCheck.read(bag, CUSTODIANS, BagReader.ProgressListener.NONE);
                } else {
                    Submission.read(bag, DOCUMENTERS, BagReader.ProgressListener.NONE);
                }
            } catch (GawahException refused) {
                // most mutated bags end here
            }
            generic(bag);
        }
    }

    private static void generic(BagReader bag) throws IOException {
        refusedOr(bag::checkDeclaration);
        refusedOr(() -> bag.fields("bag-info.txt"));
        for (String file : bag.files()) {
            refusedOr(() -> {
                try (InputStream in = bag.open(file)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        refusedOr(() -> {
            Map<String, String> tags = bag.manifest("tagmanifest-sha512.txt", 128);
            bag.checkTagManifest(tags, Set.of("tagmanifest-sha512.txt", "signature/tagmanifest-sha512.txt.asc"));
        });
        refusedOr(() -> bag.checkPayload(bag.manifest("manifest-sha256.txt", 64), bag.manifest("manifest-sha512.txt", 128),
                bag.fields("bag-info.txt").get("Payload-Oxum"), BagReader.ProgressListener.NONE));
    }

    private static void refusedOr(Runnable check) {
        try {
            check.run();
        } catch (GawahException refused) {
            // a clear refusal
        }
    }
}
