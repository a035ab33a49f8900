package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.support.outbox.AggregateStore;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** Writes a changed budget with only its new events pushed onto the stored outbox (see {@link AggregateStore}). */
@Component
class BudgetStore {

    private final AggregateStore store;
    private final BudgetRepository budgets;

    BudgetStore(AggregateStore store, BudgetRepository budgets) {
        this.store = store;
        this.budgets = budgets;
    }

    /** @throws OptimisticLockingFailureException when the stored version is no longer the one this budget was read at */
    Budget update(Budget budget) {
        store.update(budget);
        return budgets.findById(budget.id()).orElseThrow();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id is taken */
    Budget insert(Budget budget) {
        return store.insert(budget);
    }
}
