package cn.finance.disclosure.support.security;

/** The realm roles of Keycloak realm "finance". */
public final class Roles {
    public static final String DEPARTMENT_CLERK = "department-clerk";
    public static final String DEPARTMENT_HEAD = "department-head";
    public static final String BUREAU_REVIEWER = "bureau-reviewer";
    public static final String BUREAU_PUBLISHER = "bureau-publisher";
    public static final String BUREAU_ADMIN = "bureau-admin";

    private Roles() {
    }
}
