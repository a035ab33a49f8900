package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.events.Actor;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the staff API answers: never the documents themselves. */
public final class PublicationViews {

    private PublicationViews() {
    }

    /**
     * One disclosure in a list. {@code dueDate}, {@code daysLeft} and {@code overdue} describe pending work (waiting,
     * draft or confirmed) and are null when nothing is pending.
     */
    public record Summary(String id, String departmentCode, String departmentName, int fiscalYear,
                          DisclosureStatus status, Integer budgetRevision, Instant approvedAt, LocalDate dueDate,
                          Long daysLeft, boolean overdue, Integer currentVersion, boolean correctionPending,
                          String draftContentHash) {

        static Summary of(Disclosure d, Clock clock) {
            Long daysLeft = d.dueDate() == null ? null : Deadlines.daysLeft(d.dueDate(), clock);
            return new Summary(d.id(), d.departmentCode(), d.departmentName(), d.fiscalYear(), d.status(),
                    d.basis() == null ? null : d.basis().budgetRevision(),
                    d.basis() == null ? null : d.basis().approvedAt(), d.dueDate(), daysLeft,
                    daysLeft != null && daysLeft < 0, d.currentVersion(), d.draftIsCorrection(),
                    d.draft() == null ? null : d.draft().contentHash());
        }
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }

    /** One disclosure with its pending draft (content included: text, tables, sections, figures) and its versions. */
    public record Detail(String id, String departmentCode, String departmentName, int fiscalYear,
                         DisclosureStatus status, String waitingFor, LocalDate dueDate, Long daysLeft,
                         boolean overdue, BasisView basis, DraftView draft, Integer currentVersion,
                         List<VersionView> versions, String nextStep) {

        static Detail of(Disclosure d, Clock clock) {
            Long daysLeft = d.dueDate() == null ? null : Deadlines.daysLeft(d.dueDate(), clock);
            return new Detail(d.id(), d.departmentCode(), d.departmentName(), d.fiscalYear(), d.status(),
                    d.status() == DisclosureStatus.WAITING_FOR_PROFILE ? "department-profile" : null,
                    d.dueDate(), daysLeft, daysLeft != null && daysLeft < 0, BasisView.of(d.basis()),
                    DraftView.of(d), d.currentVersion(),
                    d.versions().stream().map(v -> VersionView.of(d, v)).toList(), nextStep(d));
        }

        private static String nextStep(Disclosure d) {
            return switch (d.status()) {
                case WAITING_FOR_PROFILE -> "等待本单位该年度基本情况（单位经办人维护后自动生成草稿）";
                case DRAFT -> "单位负责人确认（POST /api/v1/publications/" + d.id() + "/confirmation）";
                case CONFIRMED -> d.draftIsCorrection()
                        ? "财政局公开专员更正发布（POST /api/v1/publications/" + d.id() + "/correction，须说明原因）"
                        : "财政局公开专员发布（POST /api/v1/publications/" + d.id() + "/release）";
                case RELEASED, WITHDRAWN -> null;
            };
        }
    }

    public record BasisView(String budgetId, int budgetRevision, Instant approvedAt, Actor approvedBy,
                            Actor submittedBy, Long profileVersion) {
        static BasisView of(Basis b) {
            return b == null ? null : new BasisView(b.budgetId(), b.budgetRevision(), b.approvedAt(), b.approvedBy(),
                    b.submittedBy(), b.profileVersion());
        }
    }

    /**
     * @param kind      release, or correction when a version is current
     * @param confirmed whether the confirmation covers exactly this content
     */
    public record DraftView(String kind, String contentHash, Instant createdAt, Instant generatedAt,
                            Step confirmation, boolean confirmed, BasisView basis, JsonNode content,
                            List<AuditView> audit) {
        static DraftView of(Disclosure d) {
            Draft draft = d.draft();
            if (draft == null) {
                return null;
            }
            return new DraftView(d.draftIsCorrection() ? "correction" : "release", draft.contentHash(),
                    draft.createdAt(), draft.generatedAt(), draft.confirmation(), draft.isConfirmed(),
                    BasisView.of(draft.basis()), GeneratedContent.tree(draft.contentJson()),
                    draft.audit().stream().map(AuditView::of).toList());
        }
    }

    /** What the text auditor found in the draft: a DEFECT blocks confirmation, a NOTE is for the reader. */
    public record AuditView(String rule, String severity, String sentence, String message) {
        static AuditView of(cn.finance.disclosure.model.TextAuditor.AuditFinding f) {
            return new AuditView(f.rule(), f.severity().name(), f.sentence(), f.message());
        }
    }

    public record VersionView(int version, String status, String contentHash, boolean correction, String reason,
                              Integer supersedes, Integer supersededBy, Instant releasedAt, BasisView basis,
                              Step confirmed, Step released, Step withdrawn, String withdrawalReason, String link) {
        static VersionView of(Disclosure d, PublishedVersion v) {
            return new VersionView(v.number(), v.status().wire(), v.contentHash(), v.correction(), v.reason(),
                    v.supersedes(), v.supersededBy(), v.releasedAt(), BasisView.of(v.basis()), v.confirmed(),
                    v.released(), v.withdrawn(), v.withdrawalReason(), d.versionPath(v.number()));
        }
    }
}
