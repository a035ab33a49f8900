package cn.finance.disclosure.budget.submission;

import java.util.List;

public record BudgetPage(List<BudgetSummary> items, int page, int size, long total) {
}
