package cn.finance.disclosure.budget.submission;

/**
 * The clerk's explanation of one validation WARNING at submission, naming the finding by rule id and path (as the
 * validator reports them), e.g. {@code V06-REVENUE-EXPENDITURE-DELTA} at {@code priorYear}.
 */
public record Acknowledgement(String ruleId, String path, String explanation) {

    /** The identity of the finding it acknowledges. */
    public String findingKey() {
        return ruleId + "@" + path;
    }
}
