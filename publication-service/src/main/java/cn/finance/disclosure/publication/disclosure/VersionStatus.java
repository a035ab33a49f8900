package cn.finance.disclosure.publication.disclosure;

import java.util.Locale;

/** A released version is current until a correction supersedes it or it is withdrawn; both are final. */
public enum VersionStatus {
    CURRENT,
    SUPERSEDED,
    WITHDRAWN;

    /** As the public API writes it: current, superseded, withdrawn. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
