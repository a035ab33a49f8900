package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.ThreePublicItem;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent.Assets;

import static cn.finance.disclosure.budget.validation.RuleIds.*;

/** Section 五 of the document: V08 机关运行经费, V09 政府采购, V10 绩效目标, V11 车辆; and V12 the years. */
final class OtherMattersRules {

    private OtherMattersRules() {
    }

    static void check(BudgetReading facts, Findings findings, boolean hasAgencyOperatingExpenses) {
        if (hasAgencyOperatingExpenses) {
            operatingExpenses(facts, findings);
        }
        procurement(facts, findings);
        performance(facts, findings);
        vehicles(facts, findings);
        years(facts, findings);
    }

    /** V08: 机关运行经费 is the basic 302 商品和服务支出 (the 类 row, or its listed 款 when only those are given). */
    private static void operatingExpenses(BudgetReading facts, Findings findings) {
        if (!facts.complete("operatingExpenses", "basicExpenditureByEconomicClass")) {
            return;
        }
        Yuan goodsAndServices = facts.economicClassAmount("302");
        if (!facts.operatingExpenses.equals(goodsAndServices)) {
            String[] shown = Wan.pair(facts.operatingExpenses, goodsAndServices);
            findings.warning(OPERATING_EXPENSES_302, "operatingExpenses", "机关运行经费" + shown[0]
                            + "，与基本支出中“302 商品和服务支出”" + shown[1] + "不一致。请核对；如口径不同（例如事业单位无机关运行经费），请说明。",
                    Figures.of().yuanAndWan("operatingExpenses", facts.operatingExpenses)
                            .yuanAndWan("basicGoodsAndServices", goodsAndServices));
        }
    }

    /** V09: the general-public-budget part of procurement cannot exceed its total, per kind and overall. */
    private static void procurement(BudgetReading facts, Findings findings) {
        if (!facts.complete("governmentProcurement")) {
            return;
        }
        BudgetReading.Procurement p = facts.procurement;
        procurementKind(findings, "generalPublicBudgetGoods", "货物", p.generalGoods(), p.goods());
        procurementKind(findings, "generalPublicBudgetWorks", "工程", p.generalWorks(), p.works());
        procurementKind(findings, "generalPublicBudgetServices", "服务", p.generalServices(), p.services());
        if (p.generalTotal().compareTo(p.total()) > 0) {
            String[] shown = Wan.pair(p.generalTotal(), p.total());
            findings.error(PROCUREMENT_GENERAL_BUDGET_TOTAL_EXCEEDS, "governmentProcurement",
                    "其中一般公共预算拨款政府采购" + shown[0] + "，超过政府采购预算总额" + shown[1] + "。请核对。",
                    Figures.of().yuan("generalPublicBudgetTotal", p.generalTotal()).yuan("total", p.total()));
        }
    }

    private static void procurementKind(Findings findings, String field, String kind, Yuan general, Yuan total) {
        if (general.compareTo(total) > 0) {
            String[] shown = Wan.pair(general, total);
            findings.error(PROCUREMENT_GENERAL_BUDGET_EXCEEDS, "governmentProcurement." + field,
                    "一般公共预算拨款安排的政府采购" + kind + "预算" + shown[0] + "，超过政府采购" + kind + "预算" + shown[1]
                            + "。其中数不能大于总数，请核对。",
                    Figures.of().yuan("generalPublicBudget", general).yuan("total", total));
        }
    }

    /** V10: the text says 项目支出均实行了绩效目标管理, so the managed amount is the project total. */
    private static void performance(BudgetReading facts, Findings findings) {
        if (facts.complete("performanceManagedProjectAmount", "expenditureLines")) {
            Yuan managed = facts.performanceManagedProjectAmount;
            Yuan projects = facts.projectTotal();
            String[] shown = Wan.pair(managed, projects);
            Figures figures = Figures.of().yuanAndWan("performanceManagedProjectAmount", managed)
                    .yuanAndWan("projectExpenditure", projects);
            if (managed.compareTo(projects) > 0) {
                findings.error(PERFORMANCE_MANAGED_EXCEEDS, "performanceManagedProjectAmount", "实行绩效目标管理的金额"
                        + shown[0] + "，超过项目支出" + shown[1] + "。请核对。", figures);
            } else if (managed.compareTo(projects) < 0) {
                findings.warning(PERFORMANCE_MANAGED_AMOUNT, "performanceManagedProjectAmount", "实行绩效目标管理的金额"
                        + shown[0] + "，少于项目支出" + shown[1] + "，公开文本“项目支出均实行了绩效目标管理”将不成立。"
                        + "请为全部项目设置绩效目标，或核对金额。", figures);
            }
        }
        if (facts.complete("projects")) {
            for (BudgetReading.ProjectFacts project : facts.projects) {
                if (project.amount().signum() > 0 && project.targets().isEmpty()) {
                    findings.warning(PROJECT_WITHOUT_TARGETS, project.path("performanceTargets"), "项目“"
                                    + project.name() + "”（" + Wan.of(project.amount()) + "）没有设置绩效目标。请补充。",
                            Figures.of().text("project", project.name()).yuan("amount", project.amount()));
                }
            }
        }
    }

    /** V11. Running costs are plausible without vehicles held when a purchase is planned this year. */
    private static void vehicles(BudgetReading facts, Findings findings) {
        if (!facts.complete("assets")) {
            return;
        }
        Assets a = facts.assets;
        negative(findings, "vehiclesTotal", "车辆总数", a.vehiclesTotal());
        negative(findings, "generalOfficialVehicles", "一般公务用车", a.generalOfficialVehicles());
        negative(findings, "lawEnforcementVehicles", "执勤执法用车", a.lawEnforcementVehicles());
        negative(findings, "plannedVehiclePurchases", "拟购置车辆总数", a.plannedVehiclePurchases());
        negative(findings, "plannedGeneralOfficialVehiclePurchases", "拟购置一般公务用车",
                a.plannedGeneralOfficialVehiclePurchases());
        negative(findings, "plannedLawEnforcementVehiclePurchases", "拟购置执勤执法用车",
                a.plannedLawEnforcementVehiclePurchases());
        if (a.generalOfficialVehicles() + a.lawEnforcementVehicles() != a.vehiclesTotal()) {
            findings.error(VEHICLES_HELD_SPLIT, "assets.vehiclesTotal", "共有车辆" + a.vehiclesTotal() + "辆，但一般公务用车"
                            + a.generalOfficialVehicles() + "辆与执勤执法用车" + a.lawEnforcementVehicles() + "辆之和为"
                            + (a.generalOfficialVehicles() + a.lawEnforcementVehicles()) + "辆。请核对。",
                    Figures.of().text("vehiclesTotal", a.vehiclesTotal())
                            .text("generalOfficialVehicles", a.generalOfficialVehicles())
                            .text("lawEnforcementVehicles", a.lawEnforcementVehicles()));
        }
        int plannedSplit = a.plannedGeneralOfficialVehiclePurchases() + a.plannedLawEnforcementVehiclePurchases();
        if (plannedSplit != a.plannedVehiclePurchases()) {
            findings.error(VEHICLES_PLANNED_SPLIT, "assets.plannedVehiclePurchases", "拟购置车辆" + a.plannedVehiclePurchases()
                            + "辆，但一般公务用车" + a.plannedGeneralOfficialVehiclePurchases() + "辆与执勤执法用车"
                            + a.plannedLawEnforcementVehiclePurchases() + "辆之和为" + plannedSplit + "辆。请核对。",
                    Figures.of().text("plannedVehiclePurchases", a.plannedVehiclePurchases())
                            .text("plannedGeneralOfficialVehiclePurchases", a.plannedGeneralOfficialVehiclePurchases())
                            .text("plannedLawEnforcementVehiclePurchases", a.plannedLawEnforcementVehiclePurchases()));
        }
        if (!facts.complete("threePublicExpenses")) {
            return;
        }
        Yuan running = facts.threePublic.get(ThreePublicItem.VEHICLE_OPERATION);
        Yuan purchase = facts.threePublic.get(ThreePublicItem.VEHICLE_PURCHASE);
        if (running.signum() > 0 && a.vehiclesTotal() <= 0 && a.plannedVehiclePurchases() <= 0) {
            findings.warning(VEHICLE_RUNNING_WITHOUT_VEHICLES, "threePublicExpenses.vehicleOperationAndMaintenance",
                    "安排了公务用车运行维护费" + Wan.of(running) + "，但本部门没有车辆，也没有拟购置车辆。请核对。",
                    Figures.of().yuan("vehicleOperationAndMaintenance", running)
                            .text("vehiclesTotal", a.vehiclesTotal()).text("plannedVehiclePurchases", a.plannedVehiclePurchases()));
        }
        if (a.plannedVehiclePurchases() > 0 && purchase.isZero()) {
            findings.warning(PLANNED_PURCHASE_WITHOUT_FUNDS, "assets.plannedVehiclePurchases", "拟购置车辆"
                            + a.plannedVehiclePurchases() + "辆，但公务用车购置费为0。请核对。",
                    Figures.of().text("plannedVehiclePurchases", a.plannedVehiclePurchases()).yuan("vehiclePurchase", purchase));
        }
        if (purchase.signum() > 0 && a.plannedVehiclePurchases() <= 0) {
            findings.warning(PURCHASE_FUNDS_WITHOUT_PLAN, "threePublicExpenses.vehiclePurchase", "安排了公务用车购置费"
                            + Wan.of(purchase) + "，但拟购置车辆为0辆。请核对。",
                    Figures.of().yuan("vehiclePurchase", purchase).text("plannedVehiclePurchases", a.plannedVehiclePurchases()));
        }
    }

    private static void negative(Findings findings, String field, String label, int count) {
        if (count < 0) {
            findings.error(VEHICLE_COUNT_NEGATIVE, "assets." + field, label + "不能为负数（填写的是" + count + "）。",
                    Figures.of().text(field, count));
        }
    }

    /** V12: the comparison year is the year before; vehicles are counted at the end of that year. */
    private static void years(BudgetReading facts, Findings findings) {
        if (facts.fiscalYear == null) {
            return;
        }
        int previous = facts.fiscalYear - 1;
        Integer priorYear = facts.prior.fiscalYear();
        if (priorYear != null && priorYear != previous) {
            findings.error(PRIOR_YEAR, "priorYear.fiscalYear", facts.fiscalYear + "年预算的上年比较数应为" + previous
                            + "年，填写的是" + priorYear + "年。请核对。",
                    Figures.of().text("fiscalYear", facts.fiscalYear).text("priorFiscalYear", priorYear));
        }
        String asOf = facts.assets.asOf();
        String expected = previous + "-12";
        if (asOf != null && !asOf.strip().equals(expected)) {
            findings.error(ASSETS_AS_OF, "assets.asOf", "国有资产占有使用情况应截止" + previous + "年12月（" + expected
                            + "），填写的是“" + asOf + "”。请核对。",
                    Figures.of().text("asOf", asOf).text("expectedAsOf", expected));
        }
    }
}
