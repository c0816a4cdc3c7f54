package org.gawah.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Attachment;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.SealableTestimony;
import org.gawah.testimony.Testimonies;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.Vault;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "record",
        description = {
            "Seal one testimony into the vault: sign it with your key, encrypt it to every pinned legal and protection key, store it.",
            "Nothing readable is written anywhere.",
            "",
            "Fields come from --from FILE.json (see docs/format/testimony.md) and from the flags below, which win over the file. Without --from, the witness's account is read from standard input. The witness's identity (an \"identity\" object in the JSON) is sealed in its own envelope that only protection officers can open.",
        },
        footer = {"", "Examples:",
            "  gawah record --from testimony.json",
            "  gawah record --from testimony.json --attach interview.m4a --attach-copy scan.pdf",
            "  gawah record --started-at 2026-11-20T10:00+04:30 --place \"Herat\" \\",
            "      --present documenter:D-14 --interview-language prs --record-language prs \\",
            "      --acknowledged --purpose-explained --consent-recipient legal_team \\",
            "      --no-audio-video-consent --anonymity --withdrawal-explained \\",
            "      --pseudonym W-0193 --confidentiality confidential --source-connection victim \\",
            "      --account-language prs  < account.txt"})
final class RecordCommand implements Callable<Integer> {
    /** An account longer than this is not typed testimony; attachments take large files. */
    private static final int MAX_STDIN = 16 << 20;

    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @ArgGroup(exclusive = false, heading = "%nTestimony fields:%n")
    TestimonyFlags flags = new TestimonyFlags();

    @Option(names = "--from", paramLabel = "FILE",
            description = "Testimony fields as JSON; '-' reads them from standard input.")
    Path from;

    @Option(names = "--attach", paramLabel = "FILE",
            description = "Seal this file with the testimony (repeat): a photo, recording, scan or video the documenter made.")
    List<Path> attach = new ArrayList<>();

    @Option(names = "--attach-copy", paramLabel = "FILE",
            description = "As --attach, for a file received from someone else (marked \"copy\", not \"original\").")
    List<Path> attachCopy = new ArrayList<>();

    @Option(names = "--shred-original",
            description = "After the seal is stored and checked, overwrite and delete the attached files."
                    + " On SSDs and flash, copies may survive in the drive's spare blocks.")
    boolean shredOriginal;

    @Option(names = "--self-readable",
            description = "Also encrypt to your own key, so this laptop can open it (off by default: a seized laptop opens nothing).")
    boolean selfReadable;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        List<Certificate> protection = keyring.pinned(Role.PROTECTION);
        List<Certificate> recipients = new ArrayList<>(keyring.pinned(Role.LEGAL));
        recipients.addAll(protection);
        if (selfReadable) {
            recipients.add(own.certificate());
        }
        recipients = distinct(recipients);
        if (recipients.isEmpty()) {
            throw new GawahException(Failure.NOT_READY, "no legal-team key is pinned: there is no one to seal to",
                    "import your team's certificates: gawah keys import --role legal FILE");
        }
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (Certificate recipient : recipients) {
            recipient.checkCanEncrypt(now);
        }

        String id = RecordId.random();
        List<AttachmentSealing.Source> sources = sources();
        AttachmentSealing.check(sources);
        JsonNode input = input(terminal);
        // Validate before asking for the passphrase or sealing gigabytes: a typo fails in a second.
        Testimonies.build(input, id, now).wipe();
        boolean withIdentity = input.has("identity") && !input.get("identity").isNull();
        if (withIdentity && protection.isEmpty()) {
            throw new GawahException(Failure.NOT_READY,
                    "the testimony names the witness, but no protection officer's key is pinned",
                    "import one: gawah keys import --role protection FILE, or leave the identity out");
        }
        SigningKey signer = passphrase.unlockForSigning(terminal, own, now);
        SealableTestimony plaintext = null;
        try (Vault vault = home.vault(); RecordWrite write = vault.beginRecord(id)) {
            List<Attachment> attachments = AttachmentSealing.sealAll(terminal, sources, write, signer, recipients, now);
            plaintext = Testimonies.build(input, id, now, attachments);
            byte[] testimony = Sealer.seal(plaintext.testimony(), signer, recipients, now);
            byte[] identity = plaintext.identity() == null ? null : Sealer.seal(plaintext.identity(), signer, protection, now);
            write.commit(new SealedRecord(id, now, own.fingerprint(), testimony, fingerprints(recipients),
                    identity, identity == null ? List.of() : fingerprints(protection)), new EntrySigner(signer));
            if (shredOriginal) {
                Shredder.shredAfterCheck(terminal, vault, id, sources);
            }
        } finally {
            if (plaintext != null) {
                plaintext.wipe();
            }
        }
        report(terminal, id, recipients, protection, withIdentity, sources.size());
        return 0;
    }

    private JsonNode input(Terminal terminal) {
        ObjectNode input;
        if (from != null) {
            byte[] json = from.toString().equals("-") ? readStdin(terminal) : KeysImportCommand.read(from);
            try {
                JsonNode parsed = Testimonies.parseInput(json);
                if (!parsed.isObject()) {
                    throw new GawahException(Failure.INVALID_TESTIMONY, "testimony input: not a JSON object");
                }
                input = (ObjectNode) parsed;
            } finally {
                Arrays.fill(json, (byte) 0);
            }
        } else {
            input = JsonNodeFactory.instance.objectNode();
            if (terminal.console() != null) {
                terminal.info("type or paste the witness's account, then press Ctrl-D (Windows: Ctrl-Z, Enter)");
            }
            byte[] account = readStdin(terminal);
            try {
                input.putObject("account").put("text", Utf8.decode(account, "the account on standard input"));
            } finally {
                Arrays.fill(account, (byte) 0);
            }
        }
        flags.applyTo(input);
        return input;
    }


    static byte[] readStdin(Terminal terminal) {
        try {
            InputStream in = terminal.in();
            byte[] data = in.readNBytes(MAX_STDIN + 1);
            if (data.length > MAX_STDIN) {
                Arrays.fill(data, (byte) 0);
                throw new GawahException(Failure.INVALID_TESTIMONY, "standard input is larger than 16 MiB");
            }
            return data;
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, "cannot read standard input: " + e.getMessage());
        }
    }

    /** One entry a certificate: a team member pinned both as legal and as protection is sealed to once. */
    private static List<Certificate> distinct(List<Certificate> certificates) {
        java.util.Map<String, Certificate> byFingerprint = new java.util.LinkedHashMap<>();
        certificates.forEach(c -> byFingerprint.putIfAbsent(c.fingerprint(), c));
        return new ArrayList<>(byFingerprint.values());
    }

    private static List<String> fingerprints(List<Certificate> certificates) {
        return certificates.stream().map(Certificate::fingerprint).distinct().toList();
    }

    private List<AttachmentSealing.Source> sources() {
        List<AttachmentSealing.Source> sources = new ArrayList<>();
        attach.forEach(file -> sources.add(new AttachmentSealing.Source(file, "original")));
        attachCopy.forEach(file -> sources.add(new AttachmentSealing.Source(file, "copy")));
        return sources;
    }

    private static void report(Terminal terminal, String id, List<Certificate> recipients, List<Certificate> protection,
                               boolean withIdentity, int attachments) {
        terminal.info("sealed record " + id + (attachments > 0 ? " with " + attachments + " attachment(s)" : "")
                + ", encrypted to:");
        for (Certificate recipient : recipients) {
            terminal.info("  " + Display.fingerprint(recipient.fingerprint()) + "  " + recipient.userId());
        }
        if (withIdentity) {
            terminal.info("the witness's identity is sealed apart, to the " + protection.size() + " protection key(s) only");
        }
        if (recipients.size() == 1) {
            terminal.warn("sealed to a single key: if that key is lost, this record is lost too;"
                    + " pin a second legal key or an offline escrow key");
        }
        terminal.out().println(id);
    }
}
