// Bench helper: seals COUNT varied testimonies (about 4 KB sealed each) into a documenter's home
// through the application layer the window's Seal button uses (org.gawah.app.RecordSeal: validated,
// signed, encrypted, stored with its custody entry, one fsync'd transaction a record), with the key
// unlocked once: COUNT `gawah record` processes would measure JVM start-up and the key's S2K COUNT
// times. The texts are drawn from a fixed seed, so two runs seal the same words; every record has
// its own place, day, consent and pseudonym, and a few hold rarer words (see RARE) for searches.
// Run: java -cp target/gawah.jar bench/SealVariedRecords.java HOME COUNT PASSPHRASE_VAR
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.app.Home;
import org.gawah.app.RecordSeal;
import org.gawah.app.Recipients;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.Vault;

public class SealVariedRecords {
    static final List<String> PLACES = List.of("ولایت هرات", "شهر کابل", "ولسوالی پغمان", "ولایت بلخ", "شهر قندهار",
            "ولایت ننگرهار", "ولایت بامیان", "ولایت غزنی", "ولایت کندز", "ولایت بدخشان", "ولایت هلمند", "ولایت پکتیا");
    /** Common words of an account (Dari, with the Persian kaf and yeh as a Dari keyboard types them). */
    static final List<String> WORDS = List.of("شاهد", "گفت", "که", "در", "ماه", "مردان", "مسلح", "به", "خانه‌ی", "ما",
            "آمدند", "دختران", "مکتب", "نروند", "شوهرم", "بردند", "امروز", "خبری", "نداریم", "هر", "روز", "دروازه‌ی",
            "ولایت", "رفتم", "کسی", "جواب", "نداد", "شب", "صبح", "همسایه", "پسرم", "زندان", "موتر", "تفنگ", "ترس",
            "کودکان", "مادر", "پدر", "بازار", "مسجد", "راه", "کوه", "قریه", "زمین", "آب", "نان", "کار", "پول", "سرک");
    /** Rarer words, each in about one record of a hundred: a search that finds few. */
    static final List<String> RARE = List.of("کاریز", "آسیاب", "چاشت", "گدام", "باغچه");
    static final List<String> ACTS = List.of("arbitrary detention", "denial of education", "threats", "forced displacement",
            "restriction of movement", "destruction of property");
    static final List<String> RECIPIENTS = List.of("icc", "un_mechanism", "national_court", "publication");
    static final List<String> CONFIDENTIALITY = List.of("public", "restricted", "confidential", "strictly_confidential");
    static final List<String> CONNECTIONS = List.of("victim", "eyewitness", "relative", "hearsay", "other");
    static final List<String> LANGUAGES = List.of("prs", "ps", "en", "uz", "haz");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        char[] passphrase = System.getenv(args[2]).toCharArray();
        Home home = new Home(dir, warning -> { });
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        SigningKey key = own.unlockForSigning(passphrase, Instant.now());
        Recipients to = Recipients.of(keyring, own, false, Instant.now());
        Random random = new Random(20261207L);
        long started = System.nanoTime();
        try (Vault vault = home.vault()) {
            for (int i = 0; i < count; i++) {
                RecordSeal.seal(vault, testimony(random, i), key, to, ZoneId.of("Asia/Kabul"));
                if ((i + 1) % 1000 == 0) {
                    System.err.printf("bench: %d records sealed%n", i + 1);
                }
            }
        }
        System.out.printf("%.1f%n", count / ((System.nanoTime() - started) / 1e9));
    }

    static ObjectNode testimony(Random random, int n) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode input = json.objectNode();
        input.put("schema", "gawah.testimony/1");
        ObjectNode interview = input.putObject("interview");
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
        interview.put("started_at", String.format("%sT%02d:00+04:30", day, 8 + random.nextInt(9)));
        String place = PLACES.get(random.nextInt(PLACES.size()));
        interview.put("place", place);
        ArrayNode present = interview.putArray("present");
        present.addObject().put("role", "documenter").put("name", "Documenter D-" + (1 + random.nextInt(20)));
        String pseudonym = String.format("W-%05d", n + 1);
        present.addObject().put("role", "witness").put("name", pseudonym);
        ObjectNode languages = interview.putObject("languages");
        String spoken = LANGUAGES.get(random.nextInt(3));
        languages.putArray("interview").add(spoken);
        languages.putArray("record").add("prs");
        input.putObject("acknowledgement").put("witness_acknowledged", true);
        ObjectNode consent = input.putObject("consent").put("purpose_explained", true);
        ArrayNode recipients = consent.putArray("recipients").add("legal_team");
        for (String r : RECIPIENTS) {
            if (random.nextInt(3) == 0) {
                recipients.add(r);
            }
        }
        consent.put("audio_video", random.nextBoolean()).put("anonymity", random.nextBoolean()).put("withdrawal_explained", true);
        input.putObject("witness").put("pseudonym", pseudonym)
                .put("confidentiality", CONFIDENTIALITY.get(random.nextInt(CONFIDENTIALITY.size())));
        input.putObject("source").put("connection", CONNECTIONS.get(random.nextInt(CONNECTIONS.size())));
        input.putObject("account").put("language", "prs").put("text", account(random, place));
        ArrayNode events = input.putArray("events");
        for (int e = 0; e < 1 + random.nextInt(2); e++) {
            events.addObject().put("act_type", ACTS.get(random.nextInt(ACTS.size())))
                    .put("place", place).putObject("date").put("precision", "exact")
                    .put("value", day.minusDays(1 + random.nextInt(300)).toString());
        }
        return input;
    }

    /** About 1,500 letters of Dari in lines of a dozen words; one record in a hundred holds a rarer word. */
    static String account(Random random, String place) {
        StringBuilder text = new StringBuilder("شاهد از " + place + " گفت:\n");
        while (text.length() < 1500) {
            for (int w = 0; w < 12; w++) {
                text.append(WORDS.get(random.nextInt(WORDS.size()))).append(w == 11 ? ".\n" : " ");
            }
        }
        if (random.nextInt(100) == 0) {
            text.append(RARE.get(random.nextInt(RARE.size()))).append('\n');
        }
        return text.toString().strip();
    }
}
