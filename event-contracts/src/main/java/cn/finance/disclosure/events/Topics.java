package cn.finance.disclosure.events;

/** One topic per producing service. */
public final class Topics {
    public static final String DEPARTMENT_EVENTS = "finance.department.events";
    public static final String BUDGET_EVENTS = "finance.budget.events";
    public static final String PUBLICATION_EVENTS = "finance.publication.events";

    private Topics() {
    }
}
