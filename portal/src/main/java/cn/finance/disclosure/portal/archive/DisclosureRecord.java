package cn.finance.disclosure.portal.archive;

import cn.finance.disclosure.portal.verify.FeedEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One department's disclosure for one fiscal year as the verified release feed describes it: its versions with their
 * status and reasons. Changed only by {@link #apply}, from verified feed entries, so replaying an entry is harmless.
 */
@Document("disclosures")
public record DisclosureRecord(
        @Id String id,
        String departmentCode,
        String departmentName,
        int fiscalYear,
        Integer currentVersion,
        List<VersionState> versions,
        Instant updatedAt) {

    public DisclosureRecord {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    public static String idOf(String code, int fiscalYear) {
        return code + "-" + fiscalYear;
    }

    public static DisclosureRecord empty(FeedEntry entry) {
        return new DisclosureRecord(idOf(entry.departmentCode(), entry.fiscalYear()), entry.departmentCode(),
                entry.departmentName(), entry.fiscalYear(), null, List.of(), null);
    }

    /** The record after a verified feed entry: a release, a correction (the superseded one marked) or a withdrawal. */
    public DisclosureRecord apply(FeedEntry entry) {
        Instant at = Instant.parse(entry.occurredAt());
        List<VersionState> next = new ArrayList<>(versions);
        Integer current = currentVersion;
        String name = departmentName;
        switch (entry.type()) {
            case FeedEntry.RELEASED, FeedEntry.CORRECTED -> {
                next.removeIf(v -> v.version() == entry.version());
                if (entry.supersedes() != null) {
                    next.replaceAll(v -> v.version() == entry.supersedes() ? v.superseded(entry.version()) : v);
                }
                next.add(new VersionState(entry.version(), VersionState.CURRENT, entry.contentHash(), at,
                        FeedEntry.CORRECTED.equals(entry.type()), entry.reason(), entry.supersedes(), null, null,
                        null, false, null, entry.json().toString()));
                current = entry.version();
                name = entry.departmentName() == null ? name : entry.departmentName();
            }
            case FeedEntry.WITHDRAWN -> {
                next.replaceAll(v -> v.version() == entry.version() ? v.withdrawn(at, entry.reason()) : v);
                if (current != null && current == entry.version()) {
                    current = null;
                }
            }
            default -> throw new IllegalArgumentException("unknown feed entry type " + entry.type());
        }
        next.sort(Comparator.comparingInt(VersionState::version));
        return new DisclosureRecord(id, departmentCode, name, fiscalYear, current, next, at);
    }

    public DisclosureRecord withVersion(VersionState changed) {
        List<VersionState> next = new ArrayList<>(versions);
        next.replaceAll(v -> v.version() == changed.version() ? changed : v);
        return new DisclosureRecord(id, departmentCode, departmentName, fiscalYear, currentVersion, next, updatedAt);
    }

    public Optional<VersionState> version(int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }

    /**
     * The version to show: the current one if its content verified, else the newest earlier verified version that is
     * not withdrawn (the last verified copy). Empty when withdrawn or nothing verified yet.
     */
    public Optional<VersionState> shown() {
        if (currentVersion == null) {
            return Optional.empty();
        }
        return versions.stream()
                .filter(v -> v.version() <= currentVersion && v.verified() && !VersionState.WITHDRAWN.equals(v.status()))
                .max(Comparator.comparingInt(VersionState::version));
    }

    /** The current version, when the portal refused what it received for it. */
    public Optional<VersionState> refusedCurrent() {
        return currentVersion == null ? Optional.empty()
                : version(currentVersion).filter(v -> !v.verified() && v.problem() != null);
    }

    public boolean withdrawn() {
        return currentVersion == null && !versions.isEmpty();
    }
}
