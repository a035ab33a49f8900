package cn.finance.disclosure.portal.sync;

import cn.finance.disclosure.portal.PortalProperties;
import cn.finance.disclosure.portal.archive.Archive;
import cn.finance.disclosure.portal.archive.ArchivedVersion;
import cn.finance.disclosure.portal.archive.DisclosureRecord;
import cn.finance.disclosure.portal.archive.Quarantined;
import cn.finance.disclosure.portal.archive.SyncState;
import cn.finance.disclosure.portal.archive.VersionState;
import cn.finance.disclosure.portal.upstream.PublicApi;
import cn.finance.disclosure.portal.verify.FeedEntry;
import cn.finance.disclosure.portal.verify.Hashes;
import cn.finance.disclosure.portal.verify.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the release feed from the stored cursor. Each entry is believed only if its hash recomputes and it links to
 * the last verified entry; then each version it announces is fetched and kept only if its content hashes to what the
 * entry announced. A refused entry stops the sync at the last verified one (nothing after a break is trusted); a
 * refused version is kept aside and fetched again on later passes, while the last verified version stays on show.
 * The cursor moves after each entry's effects are stored, so an interrupted pass repeats an entry harmlessly.
 */
@Service
public class FeedSync {

    private static final Logger log = LoggerFactory.getLogger(FeedSync.class);
    static final List<String> EXTRA_FORMATS = List.of("xlsx", "pdf");

    private final PublicApi api;
    private final Archive archive;
    private final PortalProperties properties;
    private final Clock clock;

    public FeedSync(PublicApi api, Archive archive, PortalProperties properties, Clock clock) {
        this.api = api;
        this.archive = archive;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass: refetch refused versions, then read the feed to its end. Never throws for an unreachable platform. */
    public synchronized SyncState syncOnce() {
        SyncState state = archive.state().attempted(clock.instant());
        archive.save(state);
        try {
            retryRefusedVersions();
            state = readFeed(state);
            state = state.succeeded(clock.instant());
        } catch (PublicApi.Unreachable e) {
            if (state.unreachableSince() == null) {
                log.warn("platform unreachable, serving the stored copy: {}", e.getMessage());
            }
            state = archive.state().unreachable(clock.instant(), e.getMessage());
        }
        archive.save(state);
        return state;
    }

    private SyncState readFeed(SyncState start) {
        SyncState state = start;
        while (true) {
            PublicApi.FeedPage page = api.releases(state.cursor(), properties.pageSize());
            for (FeedEntry entry : page.entries()) {
                Verification.Outcome checked = Verification.checkEntry(entry, state.cursor(), state.lastEntryHash());
                if (!checked.verified()) {
                    byte[] received = entry.json().toString().getBytes(StandardCharsets.UTF_8);
                    archive.quarantine(new Quarantined(Quarantined.CHAIN + "-" + entry.sequence() + "-"
                            + Hashes.sha256Hex(received), Quarantined.CHAIN, entry.sequence(), entry.departmentCode(),
                            entry.fiscalYear(), entry.version(), checked.problem(), Hashes.sha256Hex(received),
                            entry.json().toString(), clock.instant(), null));
                    if (state.chainProblem() == null) {
                        log.warn("release feed refused at sequence {}: {}", entry.sequence(), checked.problem());
                    }
                    state = state.chainBroken(clock.instant(), checked.problem());
                    archive.save(state);
                    return state;
                }
                apply(entry);
                state = state.advanced(entry.sequence(), entry.entryHash());
                archive.save(state);
            }
            if (!page.hasMore() || page.entries().isEmpty()) {
                return state;
            }
        }
    }

    private void apply(FeedEntry entry) {
        DisclosureRecord record = archive.disclosure(entry.departmentCode(), entry.fiscalYear())
                .orElseGet(() -> DisclosureRecord.empty(entry)).apply(entry);
        if (!FeedEntry.WITHDRAWN.equals(entry.type())) {
            VersionState state = record.version(entry.version()).orElseThrow();
            record = record.withVersion(fetch(entry, state));
        }
        archive.save(record);
    }

    /** Fetches and checks one announced version; keeps it if it verifies, else quarantines what came. */
    private VersionState fetch(FeedEntry entry, VersionState state) {
        byte[] body = api.version(entry.link());
        Verification.Outcome checked = Verification.checkVersion(body, entry);
        Instant now = clock.instant();
        if (!checked.verified()) {
            String receivedHash = Hashes.sha256Hex(body);
            archive.quarantine(new Quarantined(Quarantined.CONTENT + "-" + entry.sequence() + "-" + receivedHash,
                    Quarantined.CONTENT, entry.sequence(), entry.departmentCode(), entry.fiscalYear(), entry.version(),
                    checked.problem(), receivedHash, new String(body, StandardCharsets.UTF_8), now, null));
            log.warn("version {}/{} v{} refused: {}", entry.departmentCode(), entry.fiscalYear(), entry.version(),
                    checked.problem());
            return state.checked(false, checked.problem());
        }
        List<String> formats = new ArrayList<>();
        for (String format : EXTRA_FORMATS) {
            if (api.offers(entry.link(), "." + format)) {
                formats.add(format);
            }
        }
        archive.save(new ArchivedVersion(ArchivedVersion.idOf(entry.departmentCode(), entry.fiscalYear(),
                entry.version()), entry.departmentCode(), entry.fiscalYear(), entry.version(), checked.recomputedHash(),
                new String(body, StandardCharsets.UTF_8), now, entry.sequence(), formats));
        archive.resolveQuarantine(entry.departmentCode(), entry.fiscalYear(), entry.version(), now);
        return state.checked(true, null);
    }

    private void retryRefusedVersions() {
        for (DisclosureRecord record : archive.withRefusedVersions()) {
            DisclosureRecord updated = record;
            for (VersionState v : record.versions()) {
                if (!v.verified() && !VersionState.WITHDRAWN.equals(v.status()) && v.entryJson() != null) {
                    FeedEntry entry = new FeedEntry(Verification.STRICT.readTree(v.entryJson()));
                    updated = updated.withVersion(fetch(entry, v));
                }
            }
            archive.save(updated);
        }
    }
}
