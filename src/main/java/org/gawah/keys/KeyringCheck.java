package org.gawah.keys;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.tsp.TsaCertificate;
import org.gawah.vault.KeyLogRows;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultLocation;

/**
 * Holds every file of a home's {@code keys/} folder to the signed record (docs/format/home.md):
 * each pinned certificate must be the one the latest {@code key_imported} entry for its
 * fingerprint logged, pinned under a role some entry named; the own key must be the one that
 * signs the vault's log; anything else there (a stray file, a link, a folder, an unexpected
 * name) is a problem. The home's {@code tsa/} folder is held the same way: each time-stamping
 * authority's certificate must be one a {@code tsa_pinned} entry logged, and nothing else but
 * {@code urls.txt} (where to ask, not whom to trust) may be there. Reads only; every problem
 * names its file and what to do.
 */
final class KeyringCheck {
    static final String SECRET = "secret";
    /** The home's folder of time-stamping authorities' certificates, beside {@code keys/}. */
    static final String TSA_FOLDER = "tsa";
    /** What file browsers leave in any folder they show; nothing reads them. */
    private static final Set<String> LEFT_BY_SYSTEMS = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");
    private static final Pattern KEY_FILE = Pattern.compile("(?:[0-9A-F]{40}|[0-9A-F]{64})\\.asc");
    /** Keyring's own temporary name, left only by a write cut short; never read. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(?:[0-9A-F]{40}|[0-9A-F]{64})\\.tmp");
    private static final Pattern TSA_FILE = Pattern.compile("[0-9A-F]{64}\\.pem");
    /** TsaPins' temporary names, left only by a write cut short; never read. */
    private static final Pattern TSA_TEMPORARY = Pattern.compile("\\.(?:[0-9A-F]{64}\\.pem|" + Pattern.quote(TsaPins.URLS) + ")\\.tmp");

    /** What the check found: the keys that passed, the problems (own key first), the bindings a home made before roles were logged still owes. */
    record Result(Optional<SecretKey> own, Map<Role, List<Certificate>> pins, List<TsaCertificate> tsas,
                  List<GawahException> problems, List<Vault.PendingEntry> unbound, Optional<SecretKey> unadmitted) {
    }

    private record Candidate(Role role, Path file, Certificate certificate) {
    }

    private record TsaCandidate(Path file, TsaCertificate certificate) {
    }

    private final Path dir;
    private final Path tsaDir;
    private final Set<String> ignoring;
    private final Map<String, List<Path>> files = new TreeMap<>();
    private final List<Path> tsaFiles = new ArrayList<>();
    private final List<GawahException> ownProblems = new ArrayList<>();
    private final List<GawahException> logProblems = new ArrayList<>();
    private final Map<Path, GawahException> fileProblems = new TreeMap<>(Comparator.comparing(Path::toString));
    private final Map<Role, List<Certificate>> pins = new EnumMap<>(Role.class);
    private final List<TsaCertificate> tsas = new ArrayList<>();
    private final List<Vault.PendingEntry> unbound = new ArrayList<>();
    /** The own key, sound but not one the vault's log admits (a new analyst's, or swapped in). */
    private Optional<SecretKey> unadmitted = Optional.empty();

    private KeyringCheck(Path dir, Set<String> ignoring) {
        this.dir = dir;
        this.tsaDir = dir.resolveSibling(TSA_FOLDER);
        this.ignoring = ignoring;
    }

    static Result run(Path dir, VaultLocation vaultFile, Set<String> ignoring) {
        KeyringCheck check = new KeyringCheck(dir, ignoring);
        check.layout();
        check.tsaLayout();
        Optional<SecretKey> own = check.ownKey();
        List<Candidate> candidates = check.candidates();
        List<TsaCandidate> tsaCandidates = check.tsaCandidates();
        Optional<List<KeyEntry>> entries = check.entries(own, vaultFile, !candidates.isEmpty() || !tsaCandidates.isEmpty());
        if (own.isPresent() && entries.isPresent()) {
            check.bindOwn(own.get(), entries.get());
            boolean rolesLogged = entries.get().stream().anyMatch(e -> e.label().isPresent() && !e.tsa());
            Map<String, Long> roles = candidates.stream().collect(java.util.stream.Collectors.groupingBy(
                    c -> c.certificate().fingerprint(), java.util.stream.Collectors.counting()));
            for (Candidate candidate : candidates) {
                check.match(candidate, entries.get(), rolesLogged, roles.get(candidate.certificate().fingerprint()));
            }
            for (TsaCandidate candidate : tsaCandidates) {
                check.matchTsa(candidate, entries.get());
            }
        }
        List<GawahException> problems = new ArrayList<>(check.ownProblems);
        problems.addAll(check.logProblems);
        problems.addAll(check.fileProblems.values());
        return new Result(check.ownProblems.isEmpty() ? own : Optional.empty(), check.pins, List.copyOf(check.tsas),
                List.copyOf(problems), List.copyOf(check.unbound), check.unadmitted);
    }

    /** Sorts what is under keys/ into the files a keyring may hold and problems. */
    private void layout() {
        if (Files.isSymbolicLink(dir)) {
            link(dir);
            return;
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        for (Path entry : list(dir)) {
            String name = entry.getFileName().toString();
            if (LEFT_BY_SYSTEMS.contains(name)) {
                continue;
            }
            if (Files.isSymbolicLink(entry)) {
                link(entry);
                continue;
            }
            boolean folder = (name.equals(SECRET) || Keyring.role(name).isPresent())
                    && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
            if (!folder) {
                unexpected(entry);
                continue;
            }
            List<Path> keys = files.computeIfAbsent(name, n -> new ArrayList<>());
            for (Path file : list(entry)) {
                String fileName = file.getFileName().toString();
                if (LEFT_BY_SYSTEMS.contains(fileName) || TEMPORARY.matcher(fileName).matches()) {
                    continue;
                }
                if (Files.isSymbolicLink(file)) {
                    link(file);
                    continue;
                }
                if (KEY_FILE.matcher(fileName).matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    keys.add(file);
                } else {
                    unexpected(file);
                }
            }
        }
    }

    /** Sorts what is under tsa/ into the certificates it may hold and problems, as {@link #layout} does for keys/. */
    private void tsaLayout() {
        if (Files.isSymbolicLink(tsaDir)) {
            link(tsaDir);
            return;
        }
        if (!Files.isDirectory(tsaDir)) {
            return;
        }
        for (Path file : list(tsaDir)) {
            String name = file.getFileName().toString();
            if (LEFT_BY_SYSTEMS.contains(name) || TSA_TEMPORARY.matcher(name).matches()) {
                continue;
            }
            if (Files.isSymbolicLink(file)) {
                link(file);
            } else if (TSA_FILE.matcher(name).matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                tsaFiles.add(file);
            } else if (!name.equals(TsaPins.URLS) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                unexpected(file, tsaDir);
            }
        }
    }

    /**
     * A key file or folder that is a symbolic link: what it points to can be changed (or read)
     * outside the home's owner-only folder, and a pin would vouch for it.
     */
    private void link(Path path) {
        problem(path, new GawahException(Failure.NOT_READY, Messages.of("keys.link", path), Messages.of("keys.link.hint")));
    }

    private void unexpected(Path file) {
        unexpected(file, dir);
    }

    private void unexpected(Path file, Path folder) {
        problem(file, new GawahException(Failure.BAD_DATA, Messages.of("keys.unexpected", file),
                Messages.of("keys.unexpected.hint", folder)));
    }

    /** A problem with this path: the own key's, if it is in (or is) {@code secret/}, so it is named first. */
    private void problem(Path path, GawahException problem) {
        if (path.startsWith(dir.resolve(SECRET))) {
            ownProblems.add(problem);
        } else {
            fileProblems.put(path, problem);
        }
    }

    private Optional<SecretKey> ownKey() {
        List<Path> secrets = files.getOrDefault(SECRET, List.of());
        if (secrets.size() > 1) {
            ownProblems.add(new GawahException(Failure.NOT_READY, Messages.of("keys.secret.several", dir.resolve(SECRET)),
                    Messages.of("keys.secret.several.hint")));
            return Optional.empty();
        }
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        Path file = secrets.get(0);
        try {
            SecretKey key = SecretKey.parse(Keyring.read(file));
            GawahException altered = Keyring.altered(file, key.fingerprint());
            if (altered != null) {
                ownProblems.add(altered);
                return Optional.empty();
            }
            return Optional.of(key);
        } catch (GawahException e) {
            ownProblems.add(refused(file, e));
            return Optional.empty();
        }
    }

    /** Every pinned certificate that parses and is named by its fingerprint. */
    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Path file : files.getOrDefault(role.label(), List.of())) {
                try {
                    Certificate certificate = Certificate.parse(Keyring.read(file));
                    GawahException altered = Keyring.altered(file, certificate.fingerprint());
                    if (altered != null) {
                        fileProblems.put(file, altered);
                    } else if (!ignoring.contains(certificate.fingerprint())) {
                        candidates.add(new Candidate(role, file, certificate));
                    }
                } catch (GawahException e) {
                    fileProblems.put(file, refused(file, e));
                }
            }
        }
        return candidates;
    }

    /** Every TSA certificate that parses and is named by its SHA-256. */
    private List<TsaCandidate> tsaCandidates() {
        List<TsaCandidate> candidates = new ArrayList<>();
        for (Path file : tsaFiles) {
            try {
                TsaCertificate certificate = TsaCertificate.parse(Keyring.read(file));
                GawahException altered = Keyring.altered(file, certificate.fingerprint());
                if (altered != null) {
                    fileProblems.put(file, altered);
                } else if (!ignoring.contains(certificate.fingerprint())) {
                    candidates.add(new TsaCandidate(file, certificate));
                }
            } catch (GawahException e) {
                fileProblems.put(file, refused(file, e));
            }
        }
        return candidates;
    }

    /** The key entries of the vault's log, checked; empty when they cannot be (a problem says why). */
    private Optional<List<KeyEntry>> entries(Optional<SecretKey> own, VaultLocation vaultFile, boolean pinsToCheck) {
        if (own.isEmpty()) {
            if (pinsToCheck && ownProblems.isEmpty()) {
                logProblems.add(new GawahException(Failure.NOT_READY, Messages.of("keys.pins.no-own-key", dir),
                        Messages.of("keys.pins.no-own-key.hint")));
            }
            return Optional.empty();
        }
        if (!vaultFile.exists()) {
            return Optional.of(List.of());
        }
        Certificate certificate = own.get().certificate();
        try (Vault vault = Vault.open(vaultFile)) {
            KeyLogRows rows = vault.keyLogRows();
            java.util.Set<String> admitted = KeyLog.admitted(rows, certificate, vault::keptAnalyst);
            GawahException swapped = KeyLog.swapped(rows, admitted, certificate,
                    dir.resolve(SECRET).resolve(own.get().fingerprint() + ".asc"));
            if (swapped != null) {
                ownProblems.add(swapped);
                unadmitted = own;
                return Optional.empty();
            }
            return Optional.of(KeyLog.read(rows, admitted, certificate));
        } catch (GawahException e) {
            logProblems.add(e);
            return Optional.empty();
        }
    }

    /** The own key must be the one its latest own entry logged; one never logged is bound at the next signature. */
    private void bindOwn(SecretKey own, List<KeyEntry> entries) {
        String digest = Digests.sha256(own.certificate().encoded());
        List<KeyEntry> logged = entries.stream().filter(e -> e.own() && e.fingerprint().equals(own.fingerprint())).toList();
        if (logged.isEmpty()) {
            unbound.add(new Vault.PendingEntry(Action.KEY_IMPORTED, KeyEntry.subject(own.fingerprint(), KeyEntry.OWN), digest));
            return;
        }
        KeyEntry last = logged.get(logged.size() - 1);
        if (!last.sha256().equals(digest)) {
            ownProblems.add(new GawahException(Failure.BAD_DATA,
                    Messages.of("keys.own.differs", dir.resolve(SECRET).resolve(own.fingerprint() + ".asc"), last.seq()),
                    Messages.of("keys.own.differs.hint")));
        }
    }

    /**
     * A pin passes when the latest entry for its fingerprint logged exactly this certificate and
     * some entry pinned it under this role. In a home whose log names no role yet (made before
     * roles were logged) the folder stands for the role until the next signature binds it, as
     * long as each role the certificate is pinned under had an import of its own: a copy into a
     * further folder is refused.
     */
    private void match(Candidate pin, List<KeyEntry> entries, boolean rolesLogged, long rolesPinned) {
        String fingerprint = pin.certificate().fingerprint();
        String role = pin.role().label();
        List<KeyEntry> logged = entries.stream().filter(e -> !e.own() && !e.tsa() && e.fingerprint().equals(fingerprint)).toList();
        if (logged.isEmpty()) {
            fileProblems.put(pin.file(), new GawahException(Failure.BAD_DATA,
                    Messages.of("keys.pin.unlogged", pin.file(), fingerprint),
                    Messages.of("keys.pin.unlogged.hint", role)));
            return;
        }
        KeyEntry last = logged.get(logged.size() - 1);
        String digest = Digests.sha256(pin.certificate().encoded());
        if (!last.sha256().equals(digest)) {
            boolean older = logged.stream().anyMatch(e -> e.sha256().equals(digest));
            fileProblems.put(pin.file(), new GawahException(Failure.BAD_DATA,
                    older ? Messages.of("keys.pin.outdated", pin.file(), fingerprint, last.seq())
                            : Messages.of("keys.pin.differs", pin.file(), fingerprint, last.seq()),
                    Messages.of("keys.pin.differs.hint", role)));
            return;
        }
        if (logged.stream().noneMatch(e -> e.pins(pin.role()))) {
            if (rolesLogged) {
                fileProblems.put(pin.file(), new GawahException(Failure.BAD_DATA,
                        Messages.of("keys.pin.other-role", pin.file(), role, fingerprint),
                        Messages.of("keys.pin.other-role.hint", role)));
                return;
            }
            if (rolesPinned > logged.size()) {
                fileProblems.put(pin.file(), new GawahException(Failure.BAD_DATA,
                        Messages.of("keys.pin.more-roles-than-imports", pin.file(), fingerprint, rolesPinned, logged.size()),
                        Messages.of("keys.pin.more-roles-than-imports.hint", role)));
                return;
            }
            unbound.add(new Vault.PendingEntry(Action.KEY_IMPORTED, KeyEntry.subject(fingerprint, role), digest));
        }
        pins.computeIfAbsent(pin.role(), r -> new ArrayList<>()).add(pin.certificate());
    }

    /**
     * A TSA's certificate passes when a {@code tsa_pinned} entry logged it: its subject is the
     * certificate's SHA-256, so the file's name, content and entry agree or the pin is refused.
     */
    private void matchTsa(TsaCandidate pin, List<KeyEntry> entries) {
        String fingerprint = pin.certificate().fingerprint();
        String digest = Digests.sha256(pin.certificate().encoded());
        if (entries.stream().noneMatch(e -> e.tsa() && e.fingerprint().equals(fingerprint) && e.sha256().equals(digest))) {
            fileProblems.put(pin.file(), new GawahException(Failure.BAD_DATA,
                    Messages.of("keys.tsa.unlogged", pin.file(), pin.certificate().subject()),
                    Messages.of("keys.tsa.unlogged.hint")));
            return;
        }
        tsas.add(pin.certificate());
    }

    /** A key file that cannot be read as a key: its own reason, naming the file. */
    private static GawahException refused(Path file, GawahException e) {
        return new GawahException(e.failure(), Messages.of("keys.file.refused", file, e.message()), e.hintMessage(), e);
    }

    private static List<Path> list(Path folder) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("keys.file.unreadable", folder, e.getMessage()));
        }
        entries.sort(null);
        return entries;
    }
}
