package cn.finance.disclosure.events.department;

import java.util.List;

/** A department's profile for one fiscal year, whole: what opens its disclosure. */
public record ProfileSnapshot(
        int fiscalYear,
        List<String> functions,
        List<Division> divisions,
        DisclosureContact disclosureContact) {

    public record Division(String name, String responsibilities) {
    }

    public record DisclosureContact(String name, String phone) {
    }
}
