package cn.finance.disclosure.events;

/** The published event types. Changing a payload means a new version (".v2"), never an edit. */
public final class EventTypes {
    /** Older registrations (free-text kind), still consumed; department-service publishes v2. */
    public static final String DEPARTMENT_REGISTERED = "department.registered.v1";
    /** A registration with the unit's kind and level as enumerations. */
    public static final String DEPARTMENT_REGISTERED_V2 = "department.registered.v2";
    public static final String DEPARTMENT_PROFILE_UPDATED = "department.profile-updated.v1";
    public static final String BUDGET_SUBMITTED = "budget.submitted.v1";
    public static final String BUDGET_RETURNED = "budget.returned.v1";
    /** Older approvals, still consumed; budget-service publishes {@link #BUDGET_APPROVED_V2}. */
    public static final String BUDGET_APPROVED = "budget.approved.v1";
    /** An approval with the catalog names of the codes the budget uses. */
    public static final String BUDGET_APPROVED_V2 = "budget.approved.v2";
    public static final String PUBLICATION_RELEASED = "publication.released.v1";
    public static final String PUBLICATION_CORRECTED = "publication.corrected.v1";
    public static final String PUBLICATION_WITHDRAWN = "publication.withdrawn.v1";

    private EventTypes() {
    }
}
