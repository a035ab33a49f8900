package cn.finance.disclosure.department.registry;

import cn.finance.disclosure.support.outbox.AggregateRepository;

public interface DepartmentRepository extends AggregateRepository<Department, String> {
}
