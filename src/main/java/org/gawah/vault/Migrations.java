package org.gawah.vault;

import java.util.List;

/**
 * The vault schema, as numbered steps. Step N brings a vault from {@code user_version} N-1 to N,
 * on SQLite ({@link #STEPS}) or PostgreSQL ({@link #POSTGRES_STEPS}).
 * Steps are only ever appended, never edited: a vault in the field may be at any of them.
 * docs/format/vault.md describes the resulting schema.
 */
final class Migrations {
    /** 'GAWH': marks the SQLite file as a Gawah vault ({@code PRAGMA application_id}). */
    static final int APPLICATION_ID = 0x47415748;

    static final List<String[]> STEPS = List.<String[]>of(
            new String[] {
                "CREATE TABLE records ("
                        + " id TEXT PRIMARY KEY,"
                        + " sealed_at TEXT NOT NULL,"
                        + " signer TEXT NOT NULL,"
                        + " testimony BLOB NOT NULL,"
                        + " testimony_size INTEGER NOT NULL,"
                        + " testimony_sha256 TEXT NOT NULL,"
                        + " identity BLOB,"
                        + " identity_size INTEGER NOT NULL DEFAULT 0,"
                        + " identity_sha256 TEXT"
                        + ") STRICT",
                "CREATE TABLE record_recipients ("
                        + " record_id TEXT NOT NULL REFERENCES records(id),"
                        + " envelope TEXT NOT NULL CHECK (envelope IN ('testimony', 'identity')),"
                        + " fingerprint TEXT NOT NULL,"
                        + " PRIMARY KEY (record_id, envelope, fingerprint)"
                        + ") STRICT",
                "CREATE INDEX records_by_time ON records(sealed_at)",
            },
            new String[] {
                // Attachments: each a sealed OpenPGP message cut into chunks of about 1 MiB
                // (sqlite-jdbc has no incremental blob I/O; one blob over 1e9 bytes fails).
                // Written in the same transaction as their record, so the reference may wait.
                "CREATE TABLE attachments ("
                        + " id TEXT PRIMARY KEY,"
                        + " record_id TEXT NOT NULL REFERENCES records(id) DEFERRABLE INITIALLY DEFERRED,"
                        + " position INTEGER NOT NULL,"
                        + " sealed_size INTEGER NOT NULL,"
                        + " sealed_sha256 TEXT NOT NULL,"
                        + " chunk_count INTEGER NOT NULL,"
                        + " UNIQUE (record_id, position)"
                        + ") STRICT",
                "CREATE TABLE attachment_chunks ("
                        + " attachment_id TEXT NOT NULL REFERENCES attachments(id) DEFERRABLE INITIALLY DEFERRED,"
                        + " seq INTEGER NOT NULL,"
                        + " data BLOB NOT NULL,"
                        + " PRIMARY KEY (attachment_id, seq)"
                        + ") STRICT",
            },
            new String[] {
                // The custody log: the exact canonical bytes of each entry and the actor's detached
                // signature over them (docs/format/custody-log.md). Append-only by convention;
                // gawah verify --vault detects any edit, deletion or reorder.
                "CREATE TABLE custody_log ("
                        + " seq INTEGER PRIMARY KEY,"
                        + " entry BLOB NOT NULL,"
                        + " signature BLOB NOT NULL"
                        + ") STRICT",
                // Documenter side: which records each submission bag held (for submit --since).
                "CREATE TABLE submissions ("
                        + " id TEXT PRIMARY KEY,"
                        + " made_at TEXT NOT NULL,"
                        + " head_seq INTEGER NOT NULL"
                        + ") STRICT",
                "CREATE TABLE submitted_records ("
                        + " submission_id TEXT NOT NULL REFERENCES submissions(id),"
                        + " record_id TEXT NOT NULL REFERENCES records(id),"
                        + " PRIMARY KEY (submission_id, record_id)"
                        + ") STRICT",
                "CREATE INDEX submitted_by_record ON submitted_records(record_id)",
                // Legal side: bags imported, and the documenters' custody entries they carried.
                "CREATE TABLE imports ("
                        + " id TEXT PRIMARY KEY,"
                        + " documenter TEXT NOT NULL,"
                        + " head_seq INTEGER NOT NULL,"
                        + " head_sha256 TEXT NOT NULL,"
                        + " bag_sha256 TEXT NOT NULL,"
                        + " imported_at TEXT NOT NULL"
                        + ") STRICT",
                "CREATE TABLE received_custody ("
                        + " actor TEXT NOT NULL,"
                        + " seq INTEGER NOT NULL,"
                        + " entry BLOB NOT NULL,"
                        + " signature BLOB NOT NULL,"
                        + " PRIMARY KEY (actor, seq)"
                        + ") STRICT",
            },
            new String[] {
                // Cases (legal side): which records a case groups, and the analyst data about each.
                // Titles and analyst data are sealed to the team (docs/format/case.md); only ids,
                // times and digests are in clear.
                "CREATE TABLE cases ("
                        + " id TEXT PRIMARY KEY,"
                        + " created_at TEXT NOT NULL,"
                        + " sealed BLOB NOT NULL,"
                        + " sealed_sha256 TEXT NOT NULL"
                        + ") STRICT",
                "CREATE TABLE case_records ("
                        + " case_id TEXT NOT NULL REFERENCES cases(id),"
                        + " record_id TEXT NOT NULL REFERENCES records(id),"
                        + " position INTEGER NOT NULL,"
                        + " PRIMARY KEY (case_id, record_id)"
                        + ") STRICT",
                "CREATE TABLE analyses ("
                        + " id TEXT PRIMARY KEY,"
                        + " case_id TEXT NOT NULL,"
                        + " record_id TEXT NOT NULL,"
                        + " made_at TEXT NOT NULL,"
                        + " sealed BLOB NOT NULL,"
                        + " sealed_sha256 TEXT NOT NULL,"
                        + " FOREIGN KEY (case_id, record_id) REFERENCES case_records(case_id, record_id)"
                        + ") STRICT",
                "CREATE INDEX analyses_by_record ON analyses(case_id, record_id, made_at)",
            },
            new String[] {
                // Files being written outside the vault that may hold plaintext (an evidence package,
                // an opened attachment) or a bag: each is registered before a byte is written and
                // forgotten once renamed or deleted, so that whatever a killed command left behind is
                // removed by the next command in this home (docs/format/vault.md, version 5).
                "CREATE TABLE outputs ("
                        + " id INTEGER PRIMARY KEY,"
                        + " path TEXT NOT NULL,"
                        + " command TEXT NOT NULL CHECK (command IN ('export', 'submit', 'open')),"
                        + " started_at TEXT NOT NULL,"
                        + " pid INTEGER NOT NULL,"
                        + " process_started TEXT NOT NULL"
                        + ") STRICT",
            },
            new String[] {
                // RFC 3161 time-stamp tokens, each logged by a 'timestamped' entry (the token's
                // SHA-256) in the log of `actor`: this home's own, or a documenter's received in a
                // bag. The entry is what is trusted; this table holds the bytes it vouches for.
                "CREATE TABLE timestamps ("
                        + " actor TEXT NOT NULL,"
                        + " seq INTEGER NOT NULL,"
                        + " id TEXT NOT NULL,"
                        + " token BLOB NOT NULL,"
                        + " PRIMARY KEY (actor, seq)"
                        + ") STRICT",
            },
            new String[] {
                // A bag is known by its documenter and its id: one documenter's bag ids cannot stop
                // another's bags (docs/format/vault.md, version 7). The table is a cache of the
                // custody log's 'imported' entries; SQLite cannot change a primary key in place.
                "CREATE TABLE imports_v7 ("
                        + " id TEXT NOT NULL,"
                        + " documenter TEXT NOT NULL,"
                        + " head_seq INTEGER NOT NULL,"
                        + " head_sha256 TEXT NOT NULL,"
                        + " bag_sha256 TEXT NOT NULL,"
                        + " imported_at TEXT NOT NULL,"
                        + " PRIMARY KEY (documenter, id)"
                        + ") STRICT",
                "INSERT INTO imports_v7 (id, documenter, head_seq, head_sha256, bag_sha256, imported_at)"
                        + " SELECT id, documenter, head_seq, head_sha256, bag_sha256, imported_at FROM imports",
                "DROP TABLE imports",
                "ALTER TABLE imports_v7 RENAME TO imports",
            },
            new String[] {
                // Evidence records (RFC 4998; docs/format/evidence-record.md; docs/format/vault.md,
                // version 8), one per data object: the 'sealed' or 'attached' entry at (actor, seq).
                // Each token in a record is logged by a signed 'archive_timestamped' entry; this
                // table holds the bytes.
                "CREATE TABLE evidence_records ("
                        + " actor TEXT NOT NULL,"
                        + " seq INTEGER NOT NULL,"
                        + " entry_sha256 TEXT NOT NULL,"
                        + " record BLOB NOT NULL,"
                        + " PRIMARY KEY (actor, seq)"
                        + ") STRICT",
            },
            new String[] {
                // Which computer's home registered each file being written (docs/format/vault.md,
                // version 9): on a team vault, a command settles only its own home's rows, never a
                // file another computer is still writing. '' for rows registered before.
                "ALTER TABLE outputs ADD COLUMN machine TEXT NOT NULL DEFAULT ''",
            },
            new String[] {
                // A team vault's analysts: each certificate an 'analyst_added' entry logged, by
                // the SHA-256 of its binary encoding (docs/format/vault.md, version 10). "If not
                // exists": a vault put back to an earlier version number by hand migrates again.
                "CREATE TABLE IF NOT EXISTS analysts ("
                        + " sha256 TEXT PRIMARY KEY,"
                        + " fingerprint TEXT NOT NULL,"
                        + " certificate BLOB NOT NULL"
                        + ") STRICT",
            },
            new String[] {
                // The lists of 'opened' entries of many openings (docs/format/custody-log.md, "Many
                // openings in one entry"; docs/format/vault.md, version 11), by their SHA-256: the
                // same list, opened again, is kept once.
                "CREATE TABLE IF NOT EXISTS opened_lists ("
                        + " sha256 TEXT PRIMARY KEY,"
                        + " list BLOB NOT NULL"
                        + ") STRICT",
            });

    /**
     * The same steps for PostgreSQL, statement for statement where the text differs only in types:
     * BYTEA for BLOB, BIGINT for SQLite's 64-bit INTEGER, no STRICT (PostgreSQL is strict), an
     * identity column for the rowid of outputs. As many steps as {@link #STEPS}, the same tables
     * and columns (MigrationsTest holds them to it); the version lives in {@code gawah_vault}.
     */
    static final List<String[]> POSTGRES_STEPS = List.<String[]>of(
            new String[] {
                "CREATE TABLE records (id TEXT PRIMARY KEY, sealed_at TEXT NOT NULL, signer TEXT NOT NULL,"
                        + " testimony BYTEA NOT NULL, testimony_size BIGINT NOT NULL, testimony_sha256 TEXT NOT NULL,"
                        + " identity BYTEA, identity_size BIGINT NOT NULL DEFAULT 0, identity_sha256 TEXT)",
                "CREATE TABLE record_recipients (record_id TEXT NOT NULL REFERENCES records(id),"
                        + " envelope TEXT NOT NULL CHECK (envelope IN ('testimony', 'identity')),"
                        + " fingerprint TEXT NOT NULL, PRIMARY KEY (record_id, envelope, fingerprint))",
                "CREATE INDEX records_by_time ON records(sealed_at)",
            },
            new String[] {
                "CREATE TABLE attachments (id TEXT PRIMARY KEY,"
                        + " record_id TEXT NOT NULL REFERENCES records(id) DEFERRABLE INITIALLY DEFERRED,"
                        + " position BIGINT NOT NULL, sealed_size BIGINT NOT NULL, sealed_sha256 TEXT NOT NULL,"
                        + " chunk_count BIGINT NOT NULL, UNIQUE (record_id, position))",
                "CREATE TABLE attachment_chunks ("
                        + " attachment_id TEXT NOT NULL REFERENCES attachments(id) DEFERRABLE INITIALLY DEFERRED,"
                        + " seq BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (attachment_id, seq))",
                // Ciphertext does not compress: store chunks out of line without trying.
                "ALTER TABLE attachment_chunks ALTER COLUMN data SET STORAGE EXTERNAL",
            },
            new String[] {
                "CREATE TABLE custody_log (seq BIGINT PRIMARY KEY, entry BYTEA NOT NULL, signature BYTEA NOT NULL)",
                "CREATE TABLE submissions (id TEXT PRIMARY KEY, made_at TEXT NOT NULL, head_seq BIGINT NOT NULL)",
                "CREATE TABLE submitted_records (submission_id TEXT NOT NULL REFERENCES submissions(id),"
                        + " record_id TEXT NOT NULL REFERENCES records(id), PRIMARY KEY (submission_id, record_id))",
                "CREATE INDEX submitted_by_record ON submitted_records(record_id)",
                "CREATE TABLE imports (id TEXT PRIMARY KEY, documenter TEXT NOT NULL, head_seq BIGINT NOT NULL,"
                        + " head_sha256 TEXT NOT NULL, bag_sha256 TEXT NOT NULL, imported_at TEXT NOT NULL)",
                "CREATE TABLE received_custody (actor TEXT NOT NULL, seq BIGINT NOT NULL, entry BYTEA NOT NULL,"
                        + " signature BYTEA NOT NULL, PRIMARY KEY (actor, seq))",
            },
            new String[] {
                "CREATE TABLE cases (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, sealed BYTEA NOT NULL,"
                        + " sealed_sha256 TEXT NOT NULL)",
                "CREATE TABLE case_records (case_id TEXT NOT NULL REFERENCES cases(id),"
                        + " record_id TEXT NOT NULL REFERENCES records(id), position BIGINT NOT NULL,"
                        + " PRIMARY KEY (case_id, record_id))",
                "CREATE TABLE analyses (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, record_id TEXT NOT NULL,"
                        + " made_at TEXT NOT NULL, sealed BYTEA NOT NULL, sealed_sha256 TEXT NOT NULL,"
                        + " FOREIGN KEY (case_id, record_id) REFERENCES case_records(case_id, record_id))",
                "CREATE INDEX analyses_by_record ON analyses(case_id, record_id, made_at)",
            },
            new String[] {
                // One machine's paths: a team vault's outputs rows name files on the computer that
                // wrote them (docs/format/vault.md, "On PostgreSQL").
                "CREATE TABLE outputs (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, path TEXT NOT NULL,"
                        + " command TEXT NOT NULL CHECK (command IN ('export', 'submit', 'open')),"
                        + " started_at TEXT NOT NULL, pid BIGINT NOT NULL, process_started TEXT NOT NULL)",
            },
            new String[] {
                "CREATE TABLE timestamps (actor TEXT NOT NULL, seq BIGINT NOT NULL, id TEXT NOT NULL,"
                        + " token BYTEA NOT NULL, PRIMARY KEY (actor, seq))",
            },
            new String[] {
                "CREATE TABLE imports_v7 (id TEXT NOT NULL, documenter TEXT NOT NULL, head_seq BIGINT NOT NULL,"
                        + " head_sha256 TEXT NOT NULL, bag_sha256 TEXT NOT NULL, imported_at TEXT NOT NULL,"
                        + " PRIMARY KEY (documenter, id))",
                "INSERT INTO imports_v7 (id, documenter, head_seq, head_sha256, bag_sha256, imported_at)"
                        + " SELECT id, documenter, head_seq, head_sha256, bag_sha256, imported_at FROM imports",
                "DROP TABLE imports",
                "ALTER TABLE imports_v7 RENAME TO imports",
            },
            new String[] {
                // Replaced when renewed (the signed 'archive_timestamped' entries vouch for each token).
                "CREATE TABLE evidence_records (actor TEXT NOT NULL, seq BIGINT NOT NULL, entry_sha256 TEXT NOT NULL,"
                        + " record BYTEA NOT NULL, PRIMARY KEY (actor, seq))",
            },
            new String[] {
                "ALTER TABLE outputs ADD COLUMN machine TEXT NOT NULL DEFAULT ''",
            },
            new String[] {
                "CREATE TABLE IF NOT EXISTS analysts (sha256 TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,"
                        + " certificate BYTEA NOT NULL)",
            },
            new String[] {
                "CREATE TABLE IF NOT EXISTS opened_lists (sha256 TEXT PRIMARY KEY, list BYTEA NOT NULL)",
            });

    private Migrations() {
    }

    static int latest() {
        return STEPS.size();
    }
}
