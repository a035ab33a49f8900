package cn.finance.disclosure.department.profile;

import cn.finance.disclosure.support.outbox.AggregateRepository;

public interface ProfileRepository extends AggregateRepository<DepartmentProfile, String> {
}
