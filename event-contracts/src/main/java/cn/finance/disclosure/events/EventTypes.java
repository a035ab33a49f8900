package cn.finance.disclosure.events;

/** The published event types. Changing a payload means a new version (".v2"), never an edit. */
public final class EventTypes {
    public static final String DEPARTMENT_REGISTERED = "department.registered.v1";
    public static final String DEPARTMENT_PROFILE_UPDATED = "department.profile-updated.v1";
    public static final String BUDGET_SUBMITTED = "budget.submitted.v1";
    public static final String BUDGET_RETURNED = "budget.returned.v1";
    public static final String BUDGET_APPROVED = "budget.approved.v1";
    public static final String PUBLICATION_RELEASED = "publication.released.v1";
    public static final String PUBLICATION_CORRECTED = "publication.corrected.v1";
    public static final String PUBLICATION_WITHDRAWN = "publication.withdrawn.v1";

    private EventTypes() {
    }
}
