package org.gawah.desktop;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.Home;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;

/**
 * What a home holds, as the welcome page shows it: whether it was made, whether it has a key of
 * its own, how many certificates are pinned under each role. Read through the keyring, which
 * checks every pin as it loads it; nothing is unlocked and nothing is written.
 */
record HomeStatus(Path dir, boolean exists, boolean ownKey, Map<Role, Integer> pinned, Message problem) {

    HomeStatus {
        pinned = Map.copyOf(pinned);
    }

    /** Reads the home in {@code dir}; a home that cannot be read is a status too (its problem says why). */
    static HomeStatus read(Path dir) {
        Map<Role, Integer> none = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            none.put(role, 0);
        }
        // Read as every command reads it (org.gawah.app.Home); nothing is opened for writing here.
        Home home = new Home(dir, ignored -> { });
        if (!home.exists()) {
            return new HomeStatus(dir, false, false, none, null);
        }
        Keyring keyring = home.keyring();
        try {
            boolean own = keyring.ownKey().isPresent();
            Map<Role, Integer> pinned = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                pinned.put(role, keyring.pinned(role).size());
            }
            return new HomeStatus(dir, true, own, pinned, null);
        } catch (GawahException e) {
            return new HomeStatus(dir, true, false, none, e.message());
        }
    }

    int pinned(Role role) {
        return pinned.getOrDefault(role, 0);
    }
}
