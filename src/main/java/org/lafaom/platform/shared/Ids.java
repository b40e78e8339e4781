package org.lafaom.platform.shared;

import java.util.UUID;

/** String ids in the legacy format (lower-case UUID text in varchar columns). */
public final class Ids {

    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
