package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.model.TextAuditor;
import java.util.List;

import java.time.Instant;

/**
 * The pending, not yet public disclosure: the generated content (canonical JSON, the exact bytes its hash is computed
 * over) and the unit head's confirmation. A regenerated draft keeps the confirmation it had, with the hash that was
 * confirmed, so a release can tell that the content changed after the confirmation.
 *
 * @param createdAt   when this pending draft first appeared
 * @param generatedAt when its current content was generated
 */
public record Draft(
        String contentJson,
        String contentHash,
        Basis basis,
        Instant createdAt,
        Instant generatedAt,
        Step confirmation,
        List<TextAuditor.AuditFinding> audit) {

    public Draft {
        audit = audit == null ? List.of() : List.copyOf(audit);
    }

    static Draft of(GeneratedContent content, Basis basis, Instant now) {
        return new Draft(content.json(), content.hash(), basis, now, now, null, content.audit());
    }

    Draft regenerated(GeneratedContent content, Basis newBasis, Instant now) {
        if (content.hash().equals(contentHash)) {
            return new Draft(contentJson, contentHash, newBasis, createdAt, generatedAt, confirmation, content.audit());
        }
        return new Draft(content.json(), content.hash(), newBasis, createdAt, now, confirmation, content.audit());
    }

    Draft confirmed(Step step) {
        return new Draft(contentJson, contentHash, basis, createdAt, generatedAt, step, audit);
    }

    /** The auditor's findings that block confirmation: sentences that contradict themselves or the budget. */
    public List<TextAuditor.AuditFinding> defects() {
        return audit.stream().filter(f -> f.severity() == TextAuditor.Severity.DEFECT).toList();
    }

    /** Confirmed, and confirmed for exactly the content it now has. */
    public boolean isConfirmed() {
        return confirmation != null && confirmation.contentHash().equals(contentHash);
    }
}
