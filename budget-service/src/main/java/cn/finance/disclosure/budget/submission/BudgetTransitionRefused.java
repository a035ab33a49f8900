package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.support.web.DomainException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** The one refusal of an illegal move in the review workflow: 409 problem+json naming the status and the action. */
public class BudgetTransitionRefused extends DomainException {

    private final BudgetStatus status;
    private final BudgetAction action;

    public BudgetTransitionRefused(BudgetStatus status, BudgetAction action) {
        super(HttpStatus.CONFLICT, "illegal-transition", "与预算当前状态冲突", message(status, action),
                Map.of("budgetStatus", status.name(), "action", action.name(),
                        "allowedActions", status.allowedActions().stream().map(Enum::name).toList()));
        this.status = status;
        this.action = action;
    }

    private static String message(BudgetStatus status, BudgetAction action) {
        String refusal = "预算当前状态为“" + status.label() + "”，不能" + action.label() + "。";
        String hint = switch (status) {
            case APPROVED -> "已批准的预算已冻结；如需调整，请由本单位经办人发起修订，修订版本将重新经过提交和审核。";
            case SUBMITTED -> "预算正在审核中，须等待财政局审核人员批准或退回。";
            case DRAFT, RETURNED -> action == BudgetAction.REVISE
                    ? "只有已批准的预算才能发起修订，请直接修改当前版本。"
                    : "预算须先由本单位经办人提交。";
        };
        return refusal + hint;
    }

    public BudgetStatus budgetStatus() {
        return status;
    }

    public BudgetAction action() {
        return action;
    }
}
