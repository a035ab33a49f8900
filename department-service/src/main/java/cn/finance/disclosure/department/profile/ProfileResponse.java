package cn.finance.disclosure.department.profile;

import cn.finance.disclosure.events.department.ProfileSnapshot;

import java.time.Instant;
import java.util.List;

public record ProfileResponse(String departmentCode, int fiscalYear, List<String> functions,
                              List<ProfileSnapshot.Division> divisions,
                              ProfileSnapshot.DisclosureContact disclosureContact,
                              Instant updatedAt, String updatedBy, long version) {

    static ProfileResponse of(DepartmentProfile p) {
        ProfileSnapshot s = p.snapshot();
        return new ProfileResponse(p.departmentCode(), p.fiscalYear(), s.functions(), s.divisions(),
                s.disclosureContact(), p.updatedAt(), p.updatedBy() == null ? null : p.updatedBy().username(),
                p.version() == null ? 0 : p.version());
    }
}
