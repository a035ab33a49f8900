package cn.finance.disclosure.budget.submission;

/** What can be done to an existing budget; which action is allowed in which status is {@link BudgetStatus}'s table. */
public enum BudgetAction {

    /** The department's clerk replaces the submission's content. */
    EDIT("修改"),
    /** The department's clerk submits it for review (validation has no ERROR, every WARNING acknowledged). */
    SUBMIT("提交"),
    /** A bureau reviewer sends it back to the department, with a reason. */
    RETURN("退回"),
    /** A bureau reviewer approves it; it is frozen from then on. */
    APPROVE("批准"),
    /** The department's clerk starts a new revision from an approved budget (the approved one stays as it is). */
    REVISE("发起修订");

    private final String label;

    BudgetAction(String label) {
        this.label = label;
    }

    /** The Chinese verb a clerk reads: 修改, 提交, 退回, 批准, 发起修订. */
    public String label() {
        return label;
    }
}
