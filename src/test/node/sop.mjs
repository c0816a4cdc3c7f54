// OpenPGP.js behind a small subset of the Stateless OpenPGP command line (the one sqop speaks),
// so Gawah's interoperability matrix drives both the same way. Data and results go through
// files and stdin/stdout, bytes as they are; exit codes are SOP's: 0 ok, 3 no good signature,
// 19 unsupported (e.g. a v6 key asked of a v4-only profile), 37 usage, 41 bad data, 1 anything else.
//
//   node sop.mjs version
//   node sop.mjs generate-key [--profile=ed25519|rsa3072|v6] USERID        > KEY
//        (v6: RFC 9580, Ed25519 + X25519, advertising SEIPD v2 as aeadProtect does;
//         OpenPGP.js's default v6 key advertises SEIPD v1 only, and is sealed to in v1)
//   node sop.mjs extract-cert                                              < KEY > CERT
//   node sop.mjs inspect                                                   < KEY|CERT > "v4 FPR enc sign"
//   node sop.mjs sign [--with-key-password=FILE] KEY                        < DATA > SIG
//   node sop.mjs verify SIG CERT...                                         < DATA > VERIFICATIONS
//   node sop.mjs encrypt [--sign-with=KEY] [--with-key-password=FILE] CERT... < DATA > MESSAGE
//   node sop.mjs decrypt [--verify-with=CERT]... [--verifications-out=FILE]
//                        [--with-key-password=FILE] KEY                    < MESSAGE > DATA
//
// A verification line is "TIME SIGNING-KEY-FPR PRIMARY-FPR", as sqop writes it.
import { readFileSync, writeFileSync } from 'node:fs';
import * as openpgp from 'openpgp';

const EXIT = { NO_SIGNATURE: 3, UNSUPPORTED: 19, USAGE: 37, BAD_DATA: 41 };

class Failure extends Error {
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}

function parse(argv) {
    const options = {};
    const args = [];
    for (const arg of argv) {
        const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
        if (match) {
            (options[match[1]] ??= []).push(match[2] ?? true);
        } else {
            args.push(arg);
        }
    }
    return { options, args };
}

const stdin = () => readFileSync(0);
const one = (list) => (list ? list[list.length - 1] : undefined);

async function readAny(bytes) {
    const text = bytes.toString('latin1');
    return text.includes('-----BEGIN PGP')
        ? openpgp.readKey({ armoredKey: bytes.toString('utf8') })
        : openpgp.readKey({ binaryKey: new Uint8Array(bytes) });
}

async function certs(files) {
    return Promise.all((files ?? []).map(async (file) => (await readAny(readFileSync(file))).toPublic()));
}

async function secretKey(file, passwordFile) {
    const key = await readAny(readFileSync(file));
    if (!key.isPrivate()) {
        throw new Failure(EXIT.BAD_DATA, `${file} holds no secret key`);
    }
    if (key.isDecrypted()) {
        return key;
    }
    if (!passwordFile) {
        throw new Failure(67, `${file} is locked and no --with-key-password was given`);
    }
    const passphrase = readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '');
    return openpgp.decryptKey({ privateKey: key, passphrase });
}

function verificationLines(signatures, publicKeys) {
    return Promise.all(signatures.map(async (signature) => {
        try {
            await signature.verified;
            const packet = (await signature.signature).packets[0];
            const signer = publicKeys.find((key) => key.getKeys(signature.keyID).length > 0);
            const signing = signer.getKeys(signature.keyID)[0];
            return `${packet.created.toISOString().replace(/\.\d{3}Z$/, 'Z')} ${signing.getFingerprint().toUpperCase()} `
                + `${signer.getFingerprint().toUpperCase()}\n`;
        } catch (e) {
            process.stderr.write(`openpgp.js: signature by ${signature.keyID.toHex()} not verified: ${e.message}\n`);
            return '';
        }
    }));
}

const commands = {
    async version() {
        const pkg = JSON.parse(readFileSync(new URL('./node_modules/openpgp/package.json', import.meta.url)));
        process.stdout.write(`openpgp.js ${pkg.version} (node ${process.versions.node})\n`);
    },

    async 'generate-key'({ options, args }) {
        const profile = one(options.profile) ?? 'ed25519';
        const userIDs = args.map((name) => ({ name }));
        const settings = {
            ed25519: { type: 'ecc', curve: 'ed25519Legacy' },
            rsa3072: { type: 'rsa', rsaBits: 3072 },
            v6: { type: 'curve25519', config: { v6Keys: true, aeadProtect: true } },
        }[profile];
        if (!settings) {
            throw new Failure(EXIT.USAGE, `unknown profile ${profile}`);
        }
        const { privateKey } = await openpgp.generateKey({ ...settings, userIDs, format: 'armored' });
        process.stdout.write(privateKey);
    },

    async 'extract-cert'() {
        process.stdout.write((await readAny(stdin())).toPublic().armor());
    },

    async inspect() {
        const key = await readAny(stdin());
        const encryption = await key.getEncryptionKey().then(() => 'encrypt', () => 'no-encrypt');
        const signing = await key.getSigningKey().then(() => 'sign', () => 'no-sign');
        process.stdout.write(`v${key.keyPacket.version} ${key.getFingerprint().toUpperCase()} ${encryption} ${signing}\n`);
    },

    async sign({ options, args }) {
        const signingKeys = await Promise.all(args.map((file) => secretKey(file, one(options['with-key-password']))));
        const message = await openpgp.createMessage({ binary: new Uint8Array(stdin()) });
        const signature = await openpgp.sign({ message, signingKeys, detached: true, format: 'armored' });
        process.stdout.write(signature);
    },

    async verify({ args }) {
        const [signatureFile, ...certFiles] = args;
        const verificationKeys = await certs(certFiles);
        const signatureBytes = readFileSync(signatureFile);
        const signature = signatureBytes.toString('latin1').includes('-----BEGIN PGP')
            ? await openpgp.readSignature({ armoredSignature: signatureBytes.toString('utf8') })
            : await openpgp.readSignature({ binarySignature: new Uint8Array(signatureBytes) });
        const message = await openpgp.createMessage({ binary: new Uint8Array(stdin()) });
        const { signatures } = await openpgp.verify({ message, signature, verificationKeys, format: 'binary' });
        const lines = (await verificationLines(signatures, verificationKeys)).join('');
        if (!lines) {
            throw new Failure(EXIT.NO_SIGNATURE, 'no good signature');
        }
        process.stdout.write(lines);
    },

    async encrypt({ options, args }) {
        const encryptionKeys = await certs(args);
        const signingKeys = await Promise.all((options['sign-with'] ?? [])
            .map((file) => secretKey(file, one(options['with-key-password']))));
        const message = await openpgp.createMessage({ binary: new Uint8Array(stdin()) });
        const encrypted = await openpgp.encrypt({ message, encryptionKeys, signingKeys, format: 'binary' });
        process.stdout.write(encrypted);
    },

    async decrypt({ options, args }) {
        const decryptionKeys = await Promise.all(args.map((file) => secretKey(file, one(options['with-key-password']))));
        const verificationKeys = await certs(options['verify-with']);
        const bytes = stdin();
        const message = bytes.toString('latin1').includes('-----BEGIN PGP')
            ? await openpgp.readMessage({ armoredMessage: bytes.toString('utf8') })
            : await openpgp.readMessage({ binaryMessage: new Uint8Array(bytes) });
        const { data, signatures } = await openpgp.decrypt({
            message, decryptionKeys, verificationKeys, format: 'binary',
        });
        const lines = verificationKeys.length ? (await verificationLines(signatures, verificationKeys)).join('') : '';
        if (options['verifications-out']) {
            writeFileSync(one(options['verifications-out']), lines);
        }
        process.stdout.write(data);
    },
};

const [command, ...rest] = process.argv.slice(2);
try {
    if (!commands[command]) {
        throw new Failure(EXIT.USAGE, `unknown command ${command ?? '(none)'}`);
    }
    await commands[command](parse(rest));
} catch (e) {
    process.stderr.write(`openpgp.js: error: ${e.message}\n`);
    process.exitCode = e instanceof Failure ? e.code : 1;
}
