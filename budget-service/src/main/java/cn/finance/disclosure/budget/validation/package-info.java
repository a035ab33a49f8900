/**
 * Validation of a budget submission: {@link cn.finance.disclosure.budget.validation.BudgetValidator} gives
 * {@link cn.finance.disclosure.budget.validation.Finding}s with stable rule ids
 * ({@link cn.finance.disclosure.budget.validation.RuleIds}), a severity, a Chinese message, the figures involved and
 * the path they point to. Pure domain: no Spring, no storage, no web.
 */
package cn.finance.disclosure.budget.validation;
