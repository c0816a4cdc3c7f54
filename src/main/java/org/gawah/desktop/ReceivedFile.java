package org.gawah.desktop;

import java.nio.file.Path;

import org.gawah.GawahException;
import org.gawah.app.PackageVerification;
import org.gawah.bag.BagReader;

/**
 * What a file dropped on the window is, to open the page that takes it: an evidence package
 * (encrypted, or a zip whose folder is a package's) goes to the verify page; anything else to the
 * import page, which checks it as a submission bag and says why it is refused if it is none.
 */
final class ReceivedFile {
    private ReceivedFile() {
    }

    /** Reads the zip's directory (or the first bytes of an encrypted file); slow for the event thread. */
    static boolean isEvidencePackage(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        if (PackageVerification.isEncrypted(file)) {
            return true;
        }
        try (BagReader bag = BagReader.open(file)) {
            return PackageVerification.isPackage(bag);
        } catch (GawahException e) {
            return false;
        }
    }
}
