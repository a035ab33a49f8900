package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.model.BudgetPayloads;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.testing.RandomBudgets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.finance.disclosure.budget.validation.SeedBudgets.CATALOG_2024;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation half of the property test over {@link RandomBudgets}: every one of the {@value #BUDGETS} budgets is
 * accepted without an ERROR, so the documents' half (publication-service's DocumentPropertyTest, same seeds) covers
 * budgets the validator accepts.
 */
class RandomBudgetsValidationPropertyTest {

    static final int BUDGETS = 500;

    @Test
    void givenManyRandomValidBudgets_thenTheValidatorAcceptsEachWithoutAnError() {
        BudgetValidator validator = new BudgetValidator();
        for (long seed = 0; seed < BUDGETS; seed++) {
            BudgetContent budget = BudgetPayloads.toContent(RandomBudgets.budget(seed));
            List<Finding> errors = validator.validate(budget, CATALOG_2024).stream()
                    .filter(f -> f.severity() == Severity.ERROR).toList();

            assertThat(errors).as("seed %d", seed).isEmpty();
            BudgetReading reading = BudgetReading.of(budget);
            assertThat(reading.revenueTotal()).as("seed %d", seed).isEqualTo(reading.expenditureTotal());
            assertThat(reading.missing()).as("seed %d", seed).isEmpty();
        }
    }
}
