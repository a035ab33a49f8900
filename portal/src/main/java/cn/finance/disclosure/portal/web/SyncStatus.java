package cn.finance.disclosure.portal.web;

import cn.finance.disclosure.portal.archive.SyncState;

/** The sync's state as every page shows it (a banner when the platform is unreachable or the chain broke). */
public record SyncStatus(boolean neverSynced, String lastSuccess, String lastAttempt, boolean unreachable,
                         String unreachableSince, String chainProblem, String chainProblemSince, long cursor,
                         String lastEntryHash) {

    static SyncStatus of(SyncState s) {
        return new SyncStatus(s.lastSuccessAt() == null, Times.seconds(s.lastSuccessAt()), Times.seconds(s.lastAttemptAt()),
                s.unreachableSince() != null, Times.seconds(s.unreachableSince()), s.chainProblem(),
                Times.seconds(s.chainProblemSince()), s.cursor(), s.lastEntryHash());
    }
}
