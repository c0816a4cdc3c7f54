// Bench helper: the time the window takes to seal a small record once the key is unlocked, through
// the same classes its pages use: the interview's model (org.gawah.interview), walked question by
// question with a short interview's answers as the window hands them over, then the seal the Seal
// button runs (org.gawah.app.RecordSeal on the vault, opened and closed as the window does). The key
// is unlocked once, as the window unlocks it once a session; the first seals warm the JVM up.
// Run: java -cp target/gawah.jar bench/WindowSeal.java HOME RUNS PASSPHRASE_VAR
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.gawah.app.RecordSeal;
import org.gawah.app.Recipients;
import org.gawah.interview.Asked;
import org.gawah.interview.Interview;
import org.gawah.interview.InterviewPath;
import org.gawah.interview.InterviewQuestions;
import org.gawah.interview.Question;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.Vault;

public class WindowSeal {
    private static final int WARM_UP = 5;

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Keyring keyring = new Keyring(home.resolve("keys"));
        SecretKey own = keyring.requireOwnKey();
        Recipients to = Recipients.of(keyring, own, false, Instant.now());
        long unlockStart = System.nanoTime();
        SigningKey key = own.unlockForSigning(System.getenv(args[2]).toCharArray(), Instant.now());
        double unlock = (System.nanoTime() - unlockStart) / 1e6;
        double[] seal = new double[runs];
        for (int i = -WARM_UP; i < runs; i++) {
            Interview interview = answered(!to.protection().isEmpty());
            long start = System.nanoTime();
            try (Vault vault = Vault.open(home.resolve("vault.db"))) {
                RecordSeal.seal(vault, interview.input(), key, to, ZoneId.systemDefault());
            }
            if (i >= 0) {
                seal[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(seal);
        System.out.printf("unlock (once a window session): %.0f ms%n", unlock);
        System.out.printf("window seal of a small record after unlock, %d runs: median %.1f ms, min %.1f ms, max %.1f ms%n",
                runs, seal[runs / 2], seal[0], seal[runs - 1]);
    }

    /** A short interview, answered through the model as the window's pages answer it. */
    private static Interview answered(boolean identityAllowed) {
        Interview interview = new Interview(identityAllowed, "Bench documenter");
        InterviewQuestions questions = new InterviewQuestions(interview);
        InterviewPath path = new InterviewPath(questions);
        while (path.current() != Question.REVIEW) {
            Question q = path.current();
            Asked asked = questions.asked(q);
            List<?> refused;
            switch (asked.kind()) {
                case YES_NO: refused = questions.choose(q, List.of(0)); break;
                case SOME: refused = questions.choose(q, List.of(0)); break;
                case ONE: refused = questions.choose(q, List.of(q.part().equals("events") ? 3 : Math.max(0, asked.current()))); break;
                default: refused = questions.type(q, asked.text() != null ? asked.text() : answer(q.part()));
            }
            if (!refused.isEmpty()) {
                throw new IllegalStateException(q.part() + " refused: " + refused);
            }
            path.answered();
        }
        return interview;
    }

    private static String answer(String part) {
        switch (part) {
            case "place": return "هرات";
            case "pseudonym": return "W-0001";
            case "account": return "در ماه اسد ۱۴۰۴ مردان مسلح به خانهٔ ما آمدند و برادرم را بردند. تا امروز از او خبری نداریم.";
            default: return null;
        }
    }
}
