package cn.finance.disclosure.publication.disclosure;

import java.time.Instant;

/**
 * One released version's metadata: numbered from 1, its content hash never changes. Only its status moves, once: from
 * current to superseded (by a correction) or to withdrawn. The content itself is not here: it was stored once, before
 * the release was written, in {@link ReleasedContents} under this number and hash, so that no step of the disclosure
 * loads the content of every released version.
 *
 * @param correction  whether it was released as a correction of {@code supersedes}
 * @param reason      the public reason of a correction, else null
 * @param releasedAt  when it became public
 */
public record PublishedVersion(
        int number,
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
        return new PublishedVersion(number, contentHash, VersionStatus.SUPERSEDED, basis, correction,
                reason, supersedes, newer, confirmed, released, releasedAt, withdrawn, withdrawalReason);
    }

    PublishedVersion withdrawnBy(Step step, String why) {
        return new PublishedVersion(number, contentHash, VersionStatus.WITHDRAWN, basis, correction,
                reason, supersedes, supersededBy, confirmed, released, releasedAt, step, why);
    }

    public Instant withdrawnAt() {
        return withdrawn == null ? null : withdrawn.at();
    }
}
