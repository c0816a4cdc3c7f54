package org.gawah.export;

import java.util.List;

import org.gawah.Screen;
import org.gawah.openpgp.Certificate;

// A document in the package for the receiving body, not a message to this laptop's user: English, whatever --lang says.
/**
 * VERIFY.txt: how a receiver checks the package with gpg and coreutils alone, step by step. User IDs
 * from certificates are written as a screen shows them ({@link Screen#value}): the file is read with cat.
 */
final class VerifyGuide {
    private VerifyGuide() {
    }

    static String text(EvidencePackage.Info info, Certificate custodian, List<Certificate> documenters) {
        StringBuilder keys = new StringBuilder();
        keys.append("  custodian (signed this package):\n    ").append(spaced(custodian.fingerprint()))
                .append("  ").append(Screen.value(custodian.userId())).append('\n');
        keys.append("  documenter(s) (signed the items when they were sealed):\n");
        for (Certificate documenter : documenters) {
            keys.append("    ").append(spaced(documenter.fingerprint())).append("  ").append(Screen.value(documenter.userId())).append('\n');
        }
        return """
                HOW TO CHECK THIS EVIDENCE PACKAGE
                ==================================

                Package %s, case %s, made on %s for:
                  %s
                Profile %s. Format: docs/format/evidence-package.md of Gawah.

                Keys in this package (folder keys/):
                %s
                Everything below proves only that these keys signed these bytes. Before you rely
                on it, confirm the fingerprints above with the custodian through another channel
                (in person, by phone, on an official letter).

                You need GnuPG (gpg) and GNU coreutils (sha256sum, sha512sum; on macOS use
                "shasum -a 256" and "shasum -a 512"). Unzip the package, then run every command in
                the folder that holds this file.

                1. Import the certificates into a fresh, throwaway GnuPG home:

                     export GNUPGHOME="$(mktemp -d)"
                     gpg --import keys/*.asc

                   Compare each fingerprint gpg prints with the list above.

                2. The custodian's signature over the tag manifest (which lists every other file
                   outside data/, and through manifest-sha256.txt every file inside it):

                     gpg --verify signature/tagmanifest-sha512.txt.asc tagmanifest-sha512.txt

                   Expect "Good signature" from the custodian's key. A warning that the key is not
                   certified with a trusted signature is normal in a fresh GnuPG home.

                3. Every tag file, then every payload file, against the manifests:

                     sha512sum -c tagmanifest-sha512.txt
                     sha256sum -c manifest-sha256.txt
                     sha512sum -c manifest-sha512.txt

                   Every line must end in "OK". No file in data/ may be missing from the
                   manifests (compare: find data -type f | wc -l, with the Payload-Oxum in
                   bag-info.txt: bytes.files).

                4. Each item against its documenter's own signature, made when it was sealed:

                     for sig in $(find data -name '*.sig'); do gpg --verify "$sig" "${sig%%.sig}"; done

                   Each must say "Good signature" from a documenter key above; the date gpg
                   shows is when the documenter sealed the item. testimony.json lists every
                   attachment's sha256 and sha512, so its signature vouches for the attachments
                   too: compare them with sha256sum data/*/GWA-*.
                   Files without a .sig were made by the custodian at export and are covered by
                   steps 2 and 3 only: testimony.txt (a readable rendering) and
                   testimony-redacted.json (a copy with details withheld to protect the witness;
                   it names the original it was derived from and what was withheld).

                5. The custody entries, one file each, signed by the key that acted:

                     for sig in custody/*/*.sig; do gpg --verify "$sig" "${sig%%.sig}"; done

                   They trace each item from its sealing by the documenter, through import by the
                   legal team, to this export. The last file in the custodian's folder records
                   this export: its subject is %s and its subject_sha256 equals

                     sha256sum manifest-sha256.txt

                metadata/items/ holds one sidecar per item (ids, sizes, hashes, times, consent,
                languages); metadata/index.csv the same, one row per item; metadata/case.json the
                legal team's analysis (legal qualification, reliability), kept apart from the
                witness's words. With Gawah installed, "gawah verify FILE" does all of the above.
                """.formatted(info.bagId(), info.caseId(), info.baggedAt().toString().substring(0, 10),
                EvidencePackage.oneLine(info.profile().recipient()), info.profile().identifier(), keys, info.bagId());
    }

    private static String spaced(String fingerprint) {
        return fingerprint.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
