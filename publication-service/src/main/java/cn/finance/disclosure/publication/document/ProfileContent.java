package cn.finance.disclosure.publication.document;

import java.util.List;

/**
 * A department's profile for one fiscal year, whole, as this service keeps it and generates from it: what opens its
 * disclosure. This service's own type, apart from the {@code department.profile-updated} payload it is mapped from when
 * the event is recorded ({@code sources.Sources}), so the event contract and the stored copy change separately. Its
 * members are the JSON names of the copies stored before it existed, which still read.
 */
public record ProfileContent(
        int fiscalYear,
        List<String> functions,
        List<Division> divisions,
        DisclosureContact disclosureContact) {

    public record Division(String name, String responsibilities) {
    }

    public record DisclosureContact(String name, String phone) {
    }
}
