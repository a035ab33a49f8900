package cn.finance.disclosure.portal.web;

import cn.finance.disclosure.portal.archive.DisclosureRecord;
import cn.finance.disclosure.portal.archive.Quarantined;
import cn.finance.disclosure.portal.archive.VersionState;

import java.util.List;

/** What the templates show: display values only, built from the archive's records. */
final class Views {

    private Views() {
    }

    /** A disclosure in a list: department, year, the version on show and its state. */
    record Listing(String departmentCode, String departmentName, int fiscalYear, Integer shownVersion,
                   String releasedAt, boolean withdrawn, boolean refusedCurrent, String href) {

        static Listing of(DisclosureRecord d) {
            VersionState shown = d.shown().orElse(null);
            VersionState latest = d.versions().isEmpty() ? null : d.versions().getLast();
            return new Listing(d.departmentCode(), d.departmentName(), d.fiscalYear(),
                    shown == null ? null : shown.version(),
                    Times.minutes(shown != null ? shown.releasedAt() : latest == null ? null : latest.releasedAt()),
                    d.withdrawn(), d.refusedCurrent().isPresent(),
                    "/disclosures/" + d.departmentCode() + "/" + d.fiscalYear());
        }
    }

    /** A version in a history list. */
    record VersionLine(int version, String statusLabel, String status, String releasedAt, boolean correction,
                       String reason, Integer supersedes, String withdrawnAt, String withdrawalReason, boolean verified,
                       String problem, String contentHash, String href, String diffHref) {

        static VersionLine of(DisclosureRecord d, VersionState v) {
            String base = "/disclosures/" + d.departmentCode() + "/" + d.fiscalYear();
            return new VersionLine(v.version(), v.statusLabel(), v.status(), Times.minutes(v.releasedAt()),
                    v.correction(), v.reason(), v.supersedes(), Times.minutes(v.withdrawnAt()), v.withdrawalReason(),
                    v.verified(), v.problem(), v.contentHash(), base + "/versions/" + v.version(),
                    v.supersedes() == null ? null : base + "/diff?from=" + v.supersedes() + "&to=" + v.version());
        }

        static List<VersionLine> of(DisclosureRecord d) {
            return d.versions().stream().map(v -> of(d, v)).toList();
        }
    }

    /** A refusal on the verification page or beside a disclosure. */
    record Refusal(String kind, long sequence, String what, String problem, String receivedSha256, String receivedAt,
                   String resolvedAt) {

        static Refusal of(Quarantined q) {
            String what = q.departmentCode() == null ? "" : q.departmentCode() + " " + q.fiscalYear() + " 年度 第"
                    + q.version() + "版";
            return new Refusal(q.kindLabel(), q.sequence(), what, q.problem(), q.receivedSha256(),
                    Times.seconds(q.receivedAt()), Times.seconds(q.resolvedAt()));
        }
    }

    record Download(String label, String href, String note) {
    }
}
