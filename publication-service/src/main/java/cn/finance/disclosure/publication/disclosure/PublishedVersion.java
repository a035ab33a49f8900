package cn.finance.disclosure.publication.disclosure;

import java.time.Instant;

/**
 * One released version: numbered from 1, its content (canonical JSON) and content hash never change. Only its status
 * moves, once: from current to superseded (by a correction) or to withdrawn.
 *
 * @param correction  whether it was released as a correction of {@code supersedes}
 * @param reason      the public reason of a correction, else null
 * @param releasedAt  when it became public
 */
public record PublishedVersion(
        int number,
        String contentJson,
        String contentHash,
        VersionStatus status,
        Basis basis,
        boolean correction,
        String reason,
        Integer supersedes,
        Integer supersededBy,
        Step confirmed,
        Step released,
        Instant releasedAt,
        Step withdrawn,
        String withdrawalReason) {

    PublishedVersion supersededBy(int newer) {
        return new PublishedVersion(number, contentJson, contentHash, VersionStatus.SUPERSEDED, basis, correction,
                reason, supersedes, newer, confirmed, released, releasedAt, withdrawn, withdrawalReason);
    }

    PublishedVersion withdrawnBy(Step step, String why) {
        return new PublishedVersion(number, contentJson, contentHash, VersionStatus.WITHDRAWN, basis, correction,
                reason, supersedes, supersededBy, confirmed, released, releasedAt, step, why);
    }

    public Instant withdrawnAt() {
        return withdrawn == null ? null : withdrawn.at();
    }
}
