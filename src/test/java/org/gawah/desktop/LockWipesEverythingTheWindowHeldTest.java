package org.gawah.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.gawah.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window's model without a window (no display needed): lock, from any thread and for any
 * reason, overwrites every answer and everything held, in the session and in every page's model,
 * before anyone is told, and only once; what arrives after lock is wiped on arrival. The idle
 * limit counts from the last use, on a clock changing the computer's time cannot move. The
 * language chosen becomes the program's.
 */
class LockWipesEverythingTheWindowHeldTest {
    @AfterEach
    void english() {
        Language.use(Language.ENGLISH);
    }

    @Test
    void lockOverwritesAnswersAndHeldSecretsThenTellsTheViewsOnce() throws InterruptedException {
        WindowModel model = new WindowModel(Language.DARI, Duration.ofMinutes(10));
        char[] account = "شاهد گفت".toCharArray();
        char[] name = "Witness W-3".toCharArray();
        byte[] key = {9, 8, 7};
        model.session().answer("account", account);
        model.session().answer("name", name);
        model.session().hold(Wipeable.of(key));
        char[] pageBuffer = "typed on a page".toCharArray();
        model.page(Wipeable.of(pageBuffer));
        List<String> told = new ArrayList<>();
        model.onLock(reason -> {
            // When the views hear of it, everything is already overwritten.
            told.add(reason + " " + (account[0] == 0 && key[0] == 0 && pageBuffer[0] == 0));
        });
        assertEquals("شاهد گفت", model.session().answer("account").toString());

        Thread terminal = new Thread(() -> model.lock(LockReason.TERMINAL));
        terminal.start();
        terminal.join();
        assertFalse(model.lock(LockReason.BUTTON), "a second lock does nothing");

        assertEquals(List.of("TERMINAL true"), told);
        assertEquals(LockReason.TERMINAL, model.lockedBy());
        assertArrayEquals(new char[account.length], account);
        assertArrayEquals(new char[name.length], name);
        assertArrayEquals(new byte[key.length], key);
        assertArrayEquals(new char[pageBuffer.length], pageBuffer);
        assertNull(model.session().answer("account"));
    }

    @Test
    void whatArrivesAfterLockIsWipedOnArrival() {
        WindowModel model = new WindowModel(Language.ENGLISH, Duration.ofMinutes(10));
        model.lock(LockReason.SHORTCUT);
        char[] late = "a background task finished late".toCharArray();
        byte[] lateKey = {1, 2};
        char[] latePage = "a page made late".toCharArray();
        model.session().answer("account", late);
        model.session().hold(Wipeable.of(lateKey));
        model.page(Wipeable.of(latePage));
        assertArrayEquals(new char[late.length], late);
        assertArrayEquals(new byte[lateKey.length], lateKey);
        assertArrayEquals(new char[latePage.length], latePage);
        assertNull(model.session().answer("account"));
    }

    @Test
    void aNewAnswerOverwritesTheOneItReplaces() {
        SessionState session = new SessionState();
        char[] first = "first version".toCharArray();
        session.answer("place", first);
        session.answer("place", "second".toCharArray());
        assertArrayEquals(new char[first.length], first);
        assertEquals("second", session.answer("place").toString());
    }

    @Test
    void theIdleLimitCountsFromTheLastUse() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        WindowModel model = new WindowModel(Language.ENGLISH, new IdleClock(Duration.ofMinutes(10), now::get));
        now.addAndGet(Duration.ofMinutes(9).toNanos());
        model.checkIdle();
        model.idle().touch();
        now.addAndGet(Duration.ofMinutes(9).toNanos());
        model.checkIdle();
        assertNull(model.lockedBy(), "18 minutes open, but used 9 minutes ago");
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        model.checkIdle();
        assertEquals(LockReason.IDLE, model.lockedBy());
        assertTrue(model.lockedBy().locked());
        assertFalse(LockReason.CLOSED.locked(), "closing the window wipes, but is not a lock");
    }

    @Test
    void theLanguageChosenIsTheProgramsAndOnlyAChangeIsAnnounced() {
        WindowModel model = new WindowModel(Language.ENGLISH, Duration.ofMinutes(10));
        List<Locale> announced = new ArrayList<>();
        model.onLanguage(announced::add);
        model.language(Language.PASHTO);
        model.language(Language.PASHTO);
        assertEquals(Language.PASHTO, Language.current());
        model.language(Locale.FRENCH);
        assertEquals(List.of(Language.PASHTO, Language.ENGLISH), announced, "French is not spoken: English");
        assertEquals(Language.ENGLISH, model.language());
    }
}
