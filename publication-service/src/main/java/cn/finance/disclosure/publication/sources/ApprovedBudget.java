package cn.finance.disclosure.publication.sources;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.CodeNames;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One approved revision of a department's budget for a fiscal year, as {@code budget.approved.v2} (or v1) carried it. Written
 * once per (code, year, revision) and never changed; the budget is kept as the JSON of its content
 * ({@link BudgetContent}, mapped from the event's payload when recorded: the same members, so copies stored as the
 * payload's JSON read alike), and {@code producer} is the service whose signature on the event was verified.
 */
@Document("approved_budgets")
public record ApprovedBudget(
        @Id String id,
        String budgetId,
        String departmentCode,
        int fiscalYear,
        int revision,
        Actor submittedBy,
        Actor approvedBy,
        Instant approvedAt,
        String submissionJson,
        String classificationJson,
        String eventId,
        String producer) {

    static String idOf(String departmentCode, int fiscalYear, int revision) {
        return departmentCode + "/" + fiscalYear + "/" + revision;
    }

    /** The catalog names the approval carried (budget.approved.v2); null for a v1 approval, which carried none. */
    public CodeNames classification() {
        return StoredJson.read(classificationJson, CodeNames.class);
    }

    public BudgetContent submission() {
        return StoredJson.read(submissionJson, BudgetContent.class);
    }
}
