package cn.finance.disclosure.publication.document;

import java.util.List;

/** The stable codes of the standard tables, as used in {@code /tables/{tableCode}.csv}. Never rename one. */
public final class TableCodes {

    /** 部门收支总表 */
    public static final String INCOME_EXPENDITURE_SUMMARY = "income-expenditure-summary";
    /** 部门收入总表 */
    public static final String INCOME_SUMMARY = "income-summary";
    /** 部门支出总表 */
    public static final String EXPENDITURE_SUMMARY = "expenditure-summary";
    /** 财政拨款收支总表 */
    public static final String FISCAL_APPROPRIATION_SUMMARY = "fiscal-appropriation-summary";
    /** 一般公共预算财政拨款支出表 */
    public static final String GENERAL_BUDGET_EXPENDITURE = "general-budget-expenditure";
    /** 一般公共预算财政拨款基本支出表 */
    public static final String GENERAL_BUDGET_BASIC_EXPENDITURE = "general-budget-basic-expenditure";
    /** 一般公共预算“三公”经费支出表 */
    public static final String THREE_PUBLIC_EXPENSES = "three-public-expenses";
    /** 政府性基金预算支出表 */
    public static final String GOVERNMENT_FUND_EXPENDITURE = "government-fund-expenditure";
    /** 国有资本经营预算支出表 */
    public static final String STATE_CAPITAL_EXPENDITURE = "state-capital-expenditure";
    /** 政府采购预算表, only when the budget has procurement */
    public static final String GOVERNMENT_PROCUREMENT = "government-procurement";
    /** 项目支出绩效目标表, only when the budget has projects */
    public static final String PROJECT_PERFORMANCE_TARGETS = "project-performance-targets";

    /** Every code, in the order tables are published. */
    public static final List<String> ALL = List.of(
            INCOME_EXPENDITURE_SUMMARY, INCOME_SUMMARY, EXPENDITURE_SUMMARY, FISCAL_APPROPRIATION_SUMMARY,
            GENERAL_BUDGET_EXPENDITURE, GENERAL_BUDGET_BASIC_EXPENDITURE, THREE_PUBLIC_EXPENSES,
            GOVERNMENT_FUND_EXPENDITURE, STATE_CAPITAL_EXPENDITURE, GOVERNMENT_PROCUREMENT, PROJECT_PERFORMANCE_TARGETS);

    private TableCodes() {
    }
}
