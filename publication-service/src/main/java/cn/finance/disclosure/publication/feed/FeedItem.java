package cn.finance.disclosure.publication.feed;

import java.time.Instant;

/**
 * A release, correction or withdrawal waiting to be appended to the release feed. It is recorded inside the
 * disclosure's document in the same write as the step it describes (like an outbox message), and {@link ReleaseFeed}
 * appends it exactly once, keyed by {@code sourceId}.
 *
 * @param type       released, corrected or withdrawn
 * @param supersedes the version a correction replaces, else null
 * @param reason     the public reason of a correction or withdrawal, else null
 */
public record FeedItem(
        String sourceId,
        String type,
        String departmentCode,
        String departmentName,
        int fiscalYear,
        int version,
        String contentHash,
        Integer supersedes,
        String reason,
        Instant occurredAt) {

    public static final String RELEASED = "released";
    public static final String CORRECTED = "corrected";
    public static final String WITHDRAWN = "withdrawn";
}
