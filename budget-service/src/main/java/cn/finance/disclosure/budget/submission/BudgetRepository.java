package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.support.outbox.AggregateRepository;

public interface BudgetRepository extends AggregateRepository<Budget, String> {
}
