package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.support.outbox.AggregateWriter;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** Writes a changed budget with only its new events pushed onto the stored outbox (see {@link AggregateWriter}). */
@Component
class BudgetStore {

    private final AggregateWriter writer;
    private final BudgetRepository budgets;

    BudgetStore(AggregateWriter writer, BudgetRepository budgets) {
        this.writer = writer;
        this.budgets = budgets;
    }

    /** @throws OptimisticLockingFailureException when the stored version is no longer the one this budget was read at */
    Budget update(Budget budget) {
        writer.update(budget, budget.id(), budget.version(), budget.recordedEvents());
        return budgets.findById(budget.id()).orElseThrow();
    }
}
