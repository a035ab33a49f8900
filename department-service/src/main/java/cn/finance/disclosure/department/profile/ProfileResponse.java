package cn.finance.disclosure.department.profile;

import java.time.Instant;
import java.util.List;

/** A profile as clients read it: its own records, never the stored type or the event's snapshot. */
public record ProfileResponse(String departmentCode, int fiscalYear, List<String> functions,
                              List<Division> divisions,
                              DisclosureContact disclosureContact,
                              Instant updatedAt, String updatedBy, long version) {

    static ProfileResponse of(DepartmentProfile p) {
        ProfileContent s = p.snapshot();
        return new ProfileResponse(p.departmentCode(), p.fiscalYear(), s.functions(),
                s.divisions() == null ? null : s.divisions().stream()
                        .map(d -> d == null ? null : new Division(d.name(), d.responsibilities())).toList(),
                s.disclosureContact() == null ? null
                        : new DisclosureContact(s.disclosureContact().name(), s.disclosureContact().phone()),
                p.updatedAt(), p.updatedBy() == null ? null : p.updatedBy().username(),
                p.version() == null ? 0 : p.version());
    }

    public record Division(String name, String responsibilities) {
    }

    public record DisclosureContact(String name, String phone) {
    }
}
