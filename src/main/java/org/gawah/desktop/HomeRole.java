package org.gawah.desktop;

import org.gawah.keys.Role;

/**
 * What a home is for, as its pinned certificates say (as {@code gawah doctor} reads them): a home
 * that pins a documenter's certificate is a legal team's, which receives, reads, files and exports
 * records; one that pins a custodian's receives evidence packages and verifies them; any other seals
 * records (a documenter's). The window's header offers each page only to the homes that can use it.
 */
enum HomeRole {
    DOCUMENTER, LEGAL_TEAM, RECEIVING_BODY;

    static HomeRole of(HomeStatus status) {
        if (status.pinned(Role.DOCUMENTER) > 0) {
            return LEGAL_TEAM;
        }
        return status.pinned(Role.CUSTODIAN) > 0 ? RECEIVING_BODY : DOCUMENTER;
    }
}
