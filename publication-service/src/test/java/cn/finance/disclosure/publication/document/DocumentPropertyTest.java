package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.BudgetPayloads;
import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.TextAuditor;
import cn.finance.disclosure.testing.RandomBudgets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents' half of the property test over {@link RandomBudgets} (budget-service's
 * RandomBudgetsValidationPropertyTest shows the validator accepts every one of them without an ERROR): for each of
 * {@value #BUDGETS} budgets, the tables' totals are the budget's totals and the text auditor finds no defect, so
 * every figure the text states comes from the one model, every breakdown adds up and every 增加/减少 has its sign.
 */
class DocumentPropertyTest {

    static final int BUDGETS = 500;

    @Test
    void givenManyRandomValidBudgets_thenTablesAndTextAgreeWithTheBudget() {
        DisclosureInput seed = SeedFacts.input();
        for (long n = 0; n < BUDGETS; n++) {
            BudgetContent budget = BudgetPayloads.toContent(RandomBudgets.budget(n));
            DisclosureInput input = new DisclosureInput(seed.departmentCode(), seed.departmentName(), seed.profile(),
                    budget, seed.unit(), seed.names());
            DisclosureContent content = new DisclosureGenerator().generate(input);
            BudgetReading r = BudgetReading.of(budget);

            List<String> expenditure = table(content, TableCodes.EXPENDITURE_SUMMARY).rows().getFirst().cells();
            assertThat(expenditure.subList(2, 5)).as("budget %d: 部门支出总表合计", n)
                    .containsExactly(cell(r.expenditureTotal()), cell(r.basicTotal()), cell(r.projectTotal()));
            List<String> summaryTotal = table(content, TableCodes.INCOME_EXPENDITURE_SUMMARY).rows().getLast().cells();
            assertThat(summaryTotal).as("budget %d: 部门收支总表总计", n)
                    .containsExactly("收入总计", cell(r.revenueTotal()), "支出总计", cell(r.expenditureTotal()));
            List<String> income = table(content, TableCodes.INCOME_SUMMARY).rows().getFirst().cells();
            assertThat(income.get(2)).as("budget %d: 部门收入总表合计", n).isEqualTo(cell(r.revenueTotal()));
            List<String> basic = table(content, TableCodes.GENERAL_BUDGET_BASIC_EXPENDITURE).rows().getFirst().cells();
            assertThat(basic.get(2)).as("budget %d: 基本支出表合计 (a 款 under its 类 counted once)", n)
                    .isEqualTo(cell(r.basicTotal()));
            assertThat(content.figures().expenditureTotal()).isEqualTo(r.expenditureTotal().toWire());

            List<TextAuditor.AuditFinding> defects = DisclosureGenerator.audit(input, content).stream()
                    .filter(f -> f.severity() == TextAuditor.Severity.DEFECT).toList();
            assertThat(defects).as("budget %d: defects in our own text:%n%s", n, content.text()).isEmpty();
        }
    }

    private static DisclosureTable table(DisclosureContent content, String code) {
        return content.findTable(code).orElseThrow();
    }

    private static String cell(Yuan amount) {
        return amount.toWanYuan().toPlainString();
    }
}
