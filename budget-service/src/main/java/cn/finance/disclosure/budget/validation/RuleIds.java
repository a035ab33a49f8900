package cn.finance.disclosure.budget.validation;

/**
 * The stable rule ids of {@link BudgetValidator}. The prefix is the rule of RULES-REFERENCE.md §6 the check belongs
 * to (V01…V14); the rest names the check. A finding is identified by rule id plus path, e.g. for acknowledgements.
 * Ids are never reused for another meaning.
 */
public final class RuleIds {

    private RuleIds() {
    }

    // ---- V01/V02 收入 ----
    /** ERROR: revenue total (all sources incl. 上年结转) ≠ expenditure total (basic + project over all lines). */
    public static final String REVENUE_EXPENDITURE = "V01-REVENUE-EXPENDITURE";
    /** INFO: the revenue sources rounded to 万元 one by one do not add up to the rounded revenue total. */
    public static final String ROUNDING_REVENUE_SOURCES = "V02-ROUNDING-REVENUE-SOURCES";

    // ---- V03 科目 ----
    /** ERROR: an expenditure line's function code is not a 7-digit item (项) code. */
    public static final String FUNCTION_CODE_FORMAT = "V03-FUNCTION-CODE-FORMAT";
    /** ERROR: a function code the year's official list does not list, or whose 类/款 the catalog does not list. */
    public static final String FUNCTION_CODE_UNKNOWN = "V03-FUNCTION-CODE-UNKNOWN";
    /** WARNING: a 项 whose 类 and 款 exist but which the bundled reference list (partial) does not list. */
    public static final String FUNCTION_CODE_NOT_IN_REFERENCE = "V03-FUNCTION-CODE-NOT-IN-REFERENCE";
    /** ERROR: a listed 7-digit function code whose 款 (5) or 类 (3) the catalog does not list. */
    public static final String FUNCTION_CODE_PARENT_UNKNOWN = "V03-FUNCTION-CODE-PARENT-UNKNOWN";
    /** WARNING: a line's function name differs from the catalog's name for its code. */
    public static final String FUNCTION_NAME_MISMATCH = "V03-FUNCTION-NAME-MISMATCH";
    /** ERROR: an economic code that is not 3 (类) or 5 (款) digits. */
    public static final String ECONOMIC_CODE_FORMAT = "V03-ECONOMIC-CODE-FORMAT";
    /** ERROR: an economic 类, or a code of the year's official list, that the catalog does not list. */
    public static final String ECONOMIC_CODE_UNKNOWN = "V03-ECONOMIC-CODE-UNKNOWN";
    /** WARNING: an economic 款 whose 类 exists but which the bundled reference list (partial) does not list. */
    public static final String ECONOMIC_CODE_NOT_IN_REFERENCE = "V03-ECONOMIC-CODE-NOT-IN-REFERENCE";
    /** ERROR: a listed 5-digit economic code whose 类 the catalog does not list. */
    public static final String ECONOMIC_CODE_PARENT_UNKNOWN = "V03-ECONOMIC-CODE-PARENT-UNKNOWN";
    /** ERROR: the same economic code listed twice in basic expenditure. */
    public static final String ECONOMIC_CODE_DUPLICATE = "V03-ECONOMIC-CODE-DUPLICATE";
    /** WARNING: an economic name differs from the catalog's name for its code. */
    public static final String ECONOMIC_NAME_MISMATCH = "V03-ECONOMIC-NAME-MISMATCH";
    /** INFO: the function classes (类) rounded to 万元 one by one do not add up to the rounded expenditure total. */
    public static final String ROUNDING_FUNCTION_CLASSES = "V03-ROUNDING-FUNCTION-CLASSES";

    // ---- V04 基本/项目 ----
    /** ERROR: basic expenditure by economic class ≠ the basic amounts of the lines. */
    public static final String BASIC_ECONOMIC_TOTAL = "V04-BASIC-ECONOMIC-TOTAL";
    /** ERROR: a 类 and some of its 款 are listed, and the 款 add up to more than the 类. */
    public static final String ECONOMIC_BREAKDOWN_EXCEEDS_CLASS = "V04-ECONOMIC-BREAKDOWN-EXCEEDS-CLASS";
    /** ERROR: the projects' amounts ≠ the project amounts of the lines. */
    public static final String PROJECTS_TOTAL = "V04-PROJECTS-TOTAL";
    /** ERROR: a project's function code has no expenditure line with project money. */
    public static final String PROJECT_FUNCTION_WITHOUT_LINE = "V04-PROJECT-FUNCTION-WITHOUT-LINE";
    /** ERROR: projects and lines agree in total, but not per function code (money booked under another code). */
    public static final String PROJECT_FUNCTION_MISMATCH = "V04-PROJECT-FUNCTION-MISMATCH";
    /** INFO: basic and project rounded to 万元 do not add up to the rounded expenditure total. */
    public static final String ROUNDING_BASIC_PROJECT = "V04-ROUNDING-BASIC-PROJECT";
    /** INFO: the economic classes rounded to 万元 do not add up to the rounded basic total. */
    public static final String ROUNDING_ECONOMIC_CLASSES = "V04-ROUNDING-ECONOMIC-CLASSES";

    // ---- V05 分资金来源 ----
    /** ERROR: totals balance, but a fund source's revenue ≠ the lines paid from that source. */
    public static final String FUND_SOURCE_BALANCE = "V05-FUND-SOURCE-BALANCE";

    // ---- V06 与上年比较 ----
    /** WARNING: revenue and expenditure changed by different amounts against the prior year (see YearOverYearRules). */
    public static final String REVENUE_EXPENDITURE_DELTA = "V06-REVENUE-EXPENDITURE-DELTA";
    /** WARNING: revenue changed against the prior year and changeExplanations.revenue is empty. */
    public static final String REVENUE_CHANGE_UNEXPLAINED = "V06-REVENUE-CHANGE-UNEXPLAINED";
    /** WARNING: expenditure changed and changeExplanations.expenditure is empty. */
    public static final String EXPENDITURE_CHANGE_UNEXPLAINED = "V06-EXPENDITURE-CHANGE-UNEXPLAINED";
    /** WARNING: basic expenditure changed and changeExplanations.basicExpenditure is empty. */
    public static final String BASIC_CHANGE_UNEXPLAINED = "V06-BASIC-CHANGE-UNEXPLAINED";
    /** WARNING: project expenditure changed and changeExplanations.projectExpenditure is empty. */
    public static final String PROJECT_CHANGE_UNEXPLAINED = "V06-PROJECT-CHANGE-UNEXPLAINED";
    /** WARNING: agency operating expenses changed and changeExplanations.operatingExpenses is empty. */
    public static final String OPERATING_EXPENSES_CHANGE_UNEXPLAINED = "V06-OPERATING-EXPENSES-CHANGE-UNEXPLAINED";
    /** WARNING: a number in a clerk's explanation or use text that is no figure of the budget in that context. */
    public static final String EXPLANATION_FIGURE_UNMATCHED = "V06-EXPLANATION-FIGURE-UNMATCHED";
    /** WARNING: prior-year basic + project ≠ prior-year expenditure total. */
    public static final String PRIOR_YEAR_BASIC_PROJECT = "V06-PRIOR-YEAR-BASIC-PROJECT";
    /** WARNING: prior-year general-budget + fund expenditure exceed the prior-year expenditure total. */
    public static final String PRIOR_YEAR_FUND_SPLIT = "V06-PRIOR-YEAR-FUND-SPLIT";
    /** INFO: the basic and project changes rounded to 万元 do not add up to the rounded expenditure change. */
    public static final String ROUNDING_CHANGES = "V06-ROUNDING-CHANGES";

    // ---- V07 三公 ----
    /** ERROR (WARNING when there is project money): a 三公 item larger than the basic economic line that carries it. */
    public static final String THREE_PUBLIC_EXCEEDS_ECONOMIC = "V07-THREE-PUBLIC-EXCEEDS-ECONOMIC";
    /** WARNING: a basic economic line 30212/30217/30231/31013 larger than its 三公 item, all basic money general-budget. */
    public static final String ECONOMIC_EXCEEDS_THREE_PUBLIC = "V07-ECONOMIC-EXCEEDS-THREE-PUBLIC";
    /** WARNING: the 三公 total is higher than last year (policy: 只减不增). */
    public static final String THREE_PUBLIC_INCREASE = "V07-THREE-PUBLIC-INCREASE";
    /** WARNING: one 三公 item is higher than last year. */
    public static final String THREE_PUBLIC_ITEM_INCREASE = "V07-THREE-PUBLIC-ITEM-INCREASE";
    /** INFO: the 三公 items rounded to 万元 do not add up to the rounded 三公 total. */
    public static final String ROUNDING_THREE_PUBLIC = "V07-ROUNDING-THREE-PUBLIC";

    // ---- V08 机关运行经费 ----
    /** WARNING: agency operating expenses ≠ basic 302 商品和服务支出. */
    public static final String OPERATING_EXPENSES_302 = "V08-OPERATING-EXPENSES-302";

    // ---- V09 政府采购 ----
    /** ERROR: a procurement kind's general-public-budget part exceeds that kind's total. */
    public static final String PROCUREMENT_GENERAL_BUDGET_EXCEEDS = "V09-PROCUREMENT-GENERAL-BUDGET-EXCEEDS";
    /** ERROR: the general-public-budget procurement exceeds total procurement. */
    public static final String PROCUREMENT_GENERAL_BUDGET_TOTAL_EXCEEDS = "V09-PROCUREMENT-GENERAL-BUDGET-TOTAL-EXCEEDS";
    /** INFO: goods/works/services (or their general-budget parts) rounded to 万元 do not add up to their rounded total. */
    public static final String ROUNDING_PROCUREMENT = "V09-ROUNDING-PROCUREMENT";

    // ---- V10 绩效目标 ----
    /** WARNING: the performance-managed amount is below the project total (text says 项目支出均实行了绩效目标管理). */
    public static final String PERFORMANCE_MANAGED_AMOUNT = "V10-PERFORMANCE-MANAGED-AMOUNT";
    /** ERROR: the performance-managed amount exceeds the project total. */
    public static final String PERFORMANCE_MANAGED_EXCEEDS = "V10-PERFORMANCE-MANAGED-EXCEEDS";
    /** WARNING: a project with money but no performance targets. */
    public static final String PROJECT_WITHOUT_TARGETS = "V10-PROJECT-WITHOUT-TARGETS";

    // ---- V11 车辆 ----
    /** ERROR: vehicles held: general + law-enforcement ≠ total. */
    public static final String VEHICLES_HELD_SPLIT = "V11-VEHICLES-HELD-SPLIT";
    /** ERROR: planned purchases: general + law-enforcement ≠ total. */
    public static final String VEHICLES_PLANNED_SPLIT = "V11-VEHICLES-PLANNED-SPLIT";
    /** ERROR: a negative vehicle count. */
    public static final String VEHICLE_COUNT_NEGATIVE = "V11-VEHICLE-COUNT-NEGATIVE";
    /** WARNING: vehicle running costs with no vehicle held and none planned. */
    public static final String VEHICLE_RUNNING_WITHOUT_VEHICLES = "V11-VEHICLE-RUNNING-WITHOUT-VEHICLES";
    /** WARNING: planned vehicle purchases with no 公务用车购置费. */
    public static final String PLANNED_PURCHASE_WITHOUT_FUNDS = "V11-PLANNED-PURCHASE-WITHOUT-FUNDS";
    /** WARNING: 公务用车购置费 with no planned purchase. */
    public static final String PURCHASE_FUNDS_WITHOUT_PLAN = "V11-PURCHASE-FUNDS-WITHOUT-PLAN";

    // ---- V12 年度 ----
    /** ERROR: priorYear.fiscalYear ≠ fiscalYear − 1. */
    public static final String PRIOR_YEAR = "V12-PRIOR-YEAR";
    /** ERROR: assets.asOf ≠ "{fiscalYear − 1}-12". */
    public static final String ASSETS_AS_OF = "V12-ASSETS-AS-OF";

    // ---- V13 完整性 ----
    /** ERROR: a required section or amount is absent. */
    public static final String REQUIRED_MISSING = "V13-REQUIRED-MISSING";
    /** ERROR: basic expenditure &gt; 0 and basicExpenditureUse is empty. */
    public static final String BASIC_USE_MISSING = "V13-BASIC-USE-MISSING";
    /** ERROR: project expenditure &gt; 0 and projectExpenditureUse is empty. */
    public static final String PROJECT_USE_MISSING = "V13-PROJECT-USE-MISSING";
    /** ERROR: operating expenses &gt; 0 and operatingExpensesUse is empty. */
    public static final String OPERATING_USE_MISSING = "V13-OPERATING-USE-MISSING";

    // ---- V14 占位符 ----
    /** ERROR: a text still holds a placeholder (XX, ××, 待填, 待补充, TODO, TBD). */
    public static final String PLACEHOLDER = "V14-PLACEHOLDER";
}
