package cn.finance.disclosure.department.profile;

import java.util.List;

/**
 * A department's profile for one fiscal year, whole, as this service stores it ({@link DepartmentProfile}'s
 * {@code snapshot}). Its own type, apart from the request that carries the input rules and from the
 * {@code department.profile-updated} payload built from it ({@link DepartmentProfile#payload}), so neither an API
 * change nor an event-contract change is a change of stored documents. The members are the stored field names.
 */
public record ProfileContent(
        int fiscalYear,
        List<String> functions,
        List<Division> divisions,
        DisclosureContact disclosureContact) {

    /** The same profile for another fiscal year (a year started as a copy of the one before). */
    ProfileContent forYear(int year) {
        return new ProfileContent(year, functions, divisions, disclosureContact);
    }

    public record Division(String name, String responsibilities) {
    }

    public record DisclosureContact(String name, String phone) {
    }
}
