package cn.finance.disclosure.portal.archive;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Where the portal is in the release feed, and how its last attempts went.
 *
 * @param cursor             the sequence of the last verified feed entry (0 before the first)
 * @param lastEntryHash      that entry's hash: the next entry must name it as its predecessor
 * @param lastSuccessAt      the end of the last sync that reached the platform and read the feed to its end
 * @param unreachableSince   the first failed attempt since the last success, else null
 * @param chainProblem       why the feed stopped verifying (the portal stays at {@code cursor}), else null
 */
@Document("sync_state")
public record SyncState(
        @Id String id,
        long cursor,
        String lastEntryHash,
        Instant lastAttemptAt,
        Instant lastSuccessAt,
        Instant unreachableSince,
        String lastError,
        String chainProblem,
        Instant chainProblemSince) {

    public static final String ID = "release-feed";

    public static SyncState initial() {
        return new SyncState(ID, 0, null, null, null, null, null, null, null);
    }

    public SyncState advanced(long sequence, String entryHash) {
        return new SyncState(id, sequence, entryHash, lastAttemptAt, lastSuccessAt, unreachableSince, lastError,
                null, null);
    }

    public SyncState attempted(Instant at) {
        return new SyncState(id, cursor, lastEntryHash, at, lastSuccessAt, unreachableSince, lastError, chainProblem,
                chainProblemSince);
    }

    public SyncState succeeded(Instant at) {
        return new SyncState(id, cursor, lastEntryHash, lastAttemptAt, at, null, null, chainProblem,
                chainProblemSince);
    }

    public SyncState unreachable(Instant at, String error) {
        return new SyncState(id, cursor, lastEntryHash, lastAttemptAt, lastSuccessAt,
                unreachableSince == null ? at : unreachableSince, error, chainProblem, chainProblemSince);
    }

    public SyncState chainBroken(Instant at, String problem) {
        return new SyncState(id, cursor, lastEntryHash, lastAttemptAt, lastSuccessAt, unreachableSince, lastError,
                problem, chainProblemSince == null ? at : chainProblemSince);
    }
}
