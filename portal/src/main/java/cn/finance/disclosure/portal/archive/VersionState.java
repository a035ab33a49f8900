package cn.finance.disclosure.portal.archive;

import java.time.Instant;

/**
 * What the release feed said about one version, and whether this portal holds a verified copy of it.
 *
 * @param status    current, superseded or withdrawn (as the verified feed says)
 * @param verified  the portal holds this version's content and its hash recomputed
 * @param problem   why the received content was refused (quarantined), else null
 * @param entryJson the verified feed entry that announced the version (to re-check a refetch against)
 */
public record VersionState(
        int version,
        String status,
        String contentHash,
        Instant releasedAt,
        boolean correction,
        String reason,
        Integer supersedes,
        Integer supersededBy,
        Instant withdrawnAt,
        String withdrawalReason,
        boolean verified,
        String problem,
        String entryJson) {

    public static final String CURRENT = "current";
    public static final String SUPERSEDED = "superseded";
    public static final String WITHDRAWN = "withdrawn";

    VersionState superseded(int by) {
        return new VersionState(version, SUPERSEDED, contentHash, releasedAt, correction, reason, supersedes, by,
                withdrawnAt, withdrawalReason, verified, problem, entryJson);
    }

    VersionState withdrawn(Instant at, String why) {
        return new VersionState(version, WITHDRAWN, contentHash, releasedAt, correction, reason, supersedes,
                supersededBy, at, why, verified, problem, entryJson);
    }

    public VersionState checked(boolean ok, String why) {
        return new VersionState(version, status, contentHash, releasedAt, correction, reason, supersedes,
                supersededBy, withdrawnAt, withdrawalReason, ok, ok ? null : why, entryJson);
    }

    public String statusLabel() {
        return switch (status) {
            case CURRENT -> "现行版本";
            case SUPERSEDED -> "已被第" + supersededBy + "版更正";
            case WITHDRAWN -> "已撤回";
            default -> status;
        };
    }
}
