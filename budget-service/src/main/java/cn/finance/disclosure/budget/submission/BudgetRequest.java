package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.BudgetContent.FundSource;
import cn.finance.disclosure.support.validation.PlainText;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST /api/v1/budgets}, {@code PUT /api/v1/budgets/{id}} and {@code POST /api/v1/budgets/validation}:
 * what a request must satisfy before it is read at all (a 400 naming the field). It is its own type, apart from the
 * {@link BudgetContent} that is stored and from the payload {@code budget.approved.v2} carries, so an API change is
 * neither a change of stored documents nor an event-contract change; {@link #toContent()} and {@link #of} are the one
 * mapping between request and content (the same members, by name). Responses show a budget in this same shape
 * ({@link BudgetResponse#submission()}), so what a client reads it can send back. Texts are checked with
 * service-support's {@link PlainText} (no Java-only regular expression in the API description).
 */
public record BudgetRequest(
        @NotNull(message = "单位编码不能为空")
        @Pattern(regexp = DEPARTMENT_CODE, message = "单位编码须为6至12位数字") String departmentCode,
        @NotNull(message = "预算年度不能为空")
        @Min(value = 2000, message = "预算年度须在2000至2100之间")
        @Max(value = 2100, message = "预算年度须在2000至2100之间") Integer fiscalYear,
        @NotNull(message = "收入预算不能为空") @Valid Revenue revenue,
        @NotNull(message = "支出明细不能为空")
        @Size(max = 1000, message = "支出明细最多1000行")
        List<@NotNull(message = "支出明细的行不能为空") @Valid ExpenditureLine> expenditureLines,
        @NotNull(message = "基本支出经济分类不能为空（没有基本支出时传空数组）")
        @Size(max = 300, message = "基本支出经济分类最多300行")
        List<@NotNull(message = "经济分类的行不能为空") @Valid EconomicClassAmount> basicExpenditureByEconomicClass,
        @Size(max = LONG_TEXT, message = "基本支出主要用途不能超过2000个字符")
        @PlainText(message = NO_CONTROL_MESSAGE) String basicExpenditureUse,
        @NotNull(message = "项目不能为空（没有项目时传空数组）")
        @Size(max = 500, message = "项目最多500个")
        List<@NotNull(message = "项目不能为空") @Valid Project> projects,
        @Size(max = LONG_TEXT, message = "项目支出主要用途不能超过2000个字符")
        @PlainText(message = NO_CONTROL_MESSAGE) String projectExpenditureUse,
        @NotNull(message = "“三公”经费不能为空") @Valid ThreePublicExpenses threePublicExpenses,
        @NotNull(message = "机关运行经费不能为空（没有时填 \"0.00\"）") Yuan operatingExpenses,
        @Size(max = LONG_TEXT, message = "机关运行经费主要用途不能超过2000个字符")
        @PlainText(message = NO_CONTROL_MESSAGE) String operatingExpensesUse,
        @NotNull(message = "政府采购不能为空") @Valid GovernmentProcurement governmentProcurement,
        @NotNull(message = "实行绩效目标管理的项目金额不能为空（没有时填 \"0.00\"）") Yuan performanceManagedProjectAmount,
        @NotNull(message = "国有资产占有使用情况不能为空") @Valid Assets assets,
        @NotNull(message = "上年比较数不能为空") @Valid PriorYear priorYear,
        @NotNull(message = "变动原因不能为空（无变动时各项可为空）") @Valid ChangeExplanations changeExplanations) {

    static final String DEPARTMENT_CODE = "[0-9]{6,12}";
    /** Function codes: 类 3, 款 5 or 项 7 digits (the validator says which level a line needs). */
    static final String FUNCTION_CODE = "[0-9]{3}|[0-9]{5}|[0-9]{7}";
    static final String FUNCTION_CODE_MESSAGE = "功能分类编码须为3、5或7位数字";
    /** Economic codes: 类 3 or 款 5 digits. */
    static final String ECONOMIC_CODE = "[0-9]{3}|[0-9]{5}";
    static final String ECONOMIC_CODE_MESSAGE = "经济分类编码须为3或5位数字";
    static final String NO_CONTROL_MESSAGE = "不能包含控制字符（如换行、制表符）或 HTML 标记";
    static final int LONG_TEXT = 2000;
    static final int NAME = 200;

    /** The budget as stored and read. */
    public BudgetContent toContent() {
        return EventJson.MAPPER.convertValue(this, BudgetContent.class);
    }

    /** A stored budget in the API's shape (no check: what is stored was accepted, or is a draft being completed). */
    public static BudgetRequest of(BudgetContent content) {
        return EventJson.MAPPER.convertValue(content, BudgetRequest.class);
    }


    /** Revenue by source, as the rows of 部门收支总表. */
    public record Revenue(
            Yuan generalPublicBudgetAppropriation,
            Yuan governmentFundBudgetAppropriation,
            Yuan stateCapitalOperatingBudgetAppropriation,
            Yuan fiscalSpecialAccountFunds,
            Yuan businessRevenue,
            Yuan publicInstitutionOperatingRevenue,
            Yuan superiorSubsidyRevenue,
            Yuan subordinateUnitRemittance,
            Yuan otherRevenue,
            Yuan priorYearCarryover) {
    }

    /** One item-level (项, 7 digits) function code with its basic/project split. */
    public record ExpenditureLine(
            @Pattern(regexp = FUNCTION_CODE, message = FUNCTION_CODE_MESSAGE)
            String functionCode,
            @Size(max = NAME, message = "功能分类名称不能超过200个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String functionName,
            FundSource fundSource,
            Yuan basic,
            Yuan project) {
    }

    /** Basic expenditure by economic class (类 3 digits or 款 5 digits). */
    public record EconomicClassAmount(
            @Pattern(regexp = ECONOMIC_CODE, message = ECONOMIC_CODE_MESSAGE)
            String economicCode,
            @Size(max = NAME, message = "经济分类名称不能超过200个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String economicName,
            Yuan amount) {
    }

    public record Project(
            @Size(max = NAME, message = "项目名称不能超过200个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String name,
            @Pattern(regexp = FUNCTION_CODE, message = FUNCTION_CODE_MESSAGE)
            String functionCode,
            Yuan amount,
            @Size(max = 100, message = "每个项目的绩效目标最多100条")
            List<@NotNull(message = "绩效目标不能为空") @Valid PerformanceTarget> performanceTargets) {
    }

    public record PerformanceTarget(
            @Size(max = NAME, message = "指标类别不能超过200个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String category,
            @Size(max = 500, message = "指标不能超过500个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String indicator,
            @Size(max = 500, message = "指标值不能超过500个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String target) {
    }

    /** "三公"经费. */
    public record ThreePublicExpenses(
            Yuan outboundTravel,
            Yuan officialReception,
            Yuan vehiclePurchase,
            Yuan vehicleOperationAndMaintenance) {
    }

    public record GovernmentProcurement(
            Yuan goods,
            Yuan works,
            Yuan services,
            Yuan generalPublicBudgetGoods,
            Yuan generalPublicBudgetWorks,
            Yuan generalPublicBudgetServices) {
    }

    /** Vehicles held at {@code asOf} (yyyy-MM, the end of the prior year) and planned purchases. */
    public record Assets(
            @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "截止年月须为 yyyy-MM，例如 2023-12") String asOf,
            @Max(value = 99_999, message = "车辆数不能超过99999") Integer vehiclesTotal,
            @Max(value = 99_999, message = "车辆数不能超过99999") Integer generalOfficialVehicles,
            @Max(value = 99_999, message = "车辆数不能超过99999") Integer lawEnforcementVehicles,
            @Max(value = 99_999, message = "车辆数不能超过99999") Integer plannedVehiclePurchases,
            @Max(value = 99_999, message = "车辆数不能超过99999") Integer plannedGeneralOfficialVehiclePurchases,
            @Max(value = 99_999, message = "车辆数不能超过99999") Integer plannedLawEnforcementVehiclePurchases) {
    }

    /**
     * The prior year in the same structure as the budget: revenue by source and, per fund source, basic and project
     * expenditure ({@code expenditure}), so every year-over-year sentence compares like with like.
     *
     * <p>The older shape gave expenditure only as totals ({@code expenditureTotal}, {@code basicExpenditure},
     * {@code projectExpenditure} over all sources, and the general-budget and fund totals); it is still read when
     * {@code expenditure} is absent, and then a per-fund basic/project change is stated only where the totals allow
     * it (a unit spending general-budget money alone).
     *
     * <p>{@code origin} says where the figures came from: the department's previous budget approved in this system,
     * or entered by the clerk. Absent members are left out of the JSON, so one shape does not carry the other's nulls.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PriorYear(
            @Min(value = 1999, message = "上年年度须在1999至2099之间")
            @Max(value = 2099, message = "上年年度须在1999至2099之间") Integer fiscalYear,
            @Valid Revenue revenue,
            @Size(max = 20, message = "上年支出最多20行（每个资金来源一行）")
            List<@NotNull(message = "上年支出的行不能为空") @Valid FundExpenditure> expenditure,
            Yuan expenditureTotal,
            Yuan basicExpenditure,
            Yuan projectExpenditure,
            Yuan generalPublicBudgetAppropriationExpenditure,
            Yuan governmentFundExpenditure,
            @Valid ThreePublicExpenses threePublicExpenses,
            Yuan operatingExpenses,
            @Valid PriorYearOrigin origin) {
    }

    /** One fund source's expenditure of the prior year, split as the budget's lines are. */
    public record FundExpenditure(FundSource fundSource, Yuan basic, Yuan project) {
    }

    /**
     * Where the prior-year figures came from. {@code APPROVED_BUDGET}: the department's budget of that year approved
     * in this system ({@code budgetId}, {@code revision}); {@code ENTERED}: typed in by the clerk.
     */
    public record PriorYearOrigin(
            @Pattern(regexp = "APPROVED_BUDGET|ENTERED", message = "上年数来源须为 APPROVED_BUDGET 或 ENTERED")
            String source,
            @Size(max = 64, message = "预算编号不能超过64个字符")
            @Pattern(regexp = "[A-Za-z0-9_-]*", message = "预算编号只能包含字母、数字、下划线和连字符") String budgetId,
            Integer revision) {
    }

    /** The department's own words on why figures changed against the prior year. */
    public record ChangeExplanations(
            @Size(max = LONG_TEXT, message = "变动原因不能超过2000个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String revenue,
            @Size(max = LONG_TEXT, message = "变动原因不能超过2000个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String expenditure,
            @Size(max = LONG_TEXT, message = "变动原因不能超过2000个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String basicExpenditure,
            @Size(max = LONG_TEXT, message = "变动原因不能超过2000个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String projectExpenditure,
            @Size(max = LONG_TEXT, message = "变动原因不能超过2000个字符")
            @PlainText(message = NO_CONTROL_MESSAGE) String operatingExpenses) {
    }
}
