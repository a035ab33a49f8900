package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent.FundSource;
import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.Change;
import cn.finance.disclosure.model.RevenueSource;
import cn.finance.disclosure.model.ThreePublicItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.finance.disclosure.publication.document.Amounts.nz;
import static cn.finance.disclosure.publication.document.Amounts.text;

/**
 * Writes the explanation (部门预算情况说明) in the order and wording of the Chongqing template the seed document follows:
 * 一 单位基本情况, 二 部门收支总体情况, 三 部门预算情况说明, 四 “三公”经费, 五 其他重要事项, 六 专业性名词解释.
 * Every figure comes from the one {@link BudgetReading}; every year-over-year phrase compares like with like (a fund
 * source's basic expenditure with the same fund source's prior-year basic expenditure) and is left out where the
 * prior year does not say that figure.
 */
final class ExplanationWriter {

    /** Section 六 is the template's fixed glossary, word for word as published. */
    static final List<String> GLOSSARY = List.of(
            "（一）财政拨款收入：指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款和政府性基金预算财政拨款。",
            "（二）其他收入：指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。",
            "（三）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
            "（四）项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
            "（五）“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。"
                    + "其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；"
                    + "公务用车购置费反映单位公务用车购置支出（含车辆购置税）；"
                    + "公务用车运行维护费反映单位按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；"
                    + "公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。");

    private final String departmentName;
    private final ProfileContent profile;
    private final BudgetReading f;
    private final int year;
    private final UnitType unit;
    private final ClassNames names;

    ExplanationWriter(String departmentName, ProfileContent profile, BudgetReading reading, UnitType unit,
                      ClassNames names) {
        this.departmentName = departmentName;
        this.profile = profile;
        this.f = reading;
        this.year = reading.fiscalYear;
        this.unit = unit;
        this.names = names;
    }

    String title() {
        return departmentName + year + "年" + unit.noun() + "预算情况说明";
    }

    List<Section> sections() {
        return List.of(basicInformation(), overview(), budgetExplanation(), threePublicExpenses(), otherMatters(),
                Section.of("六、专业性名词解释", GLOSSARY));
    }

    DisclosureContent.Contact contact() {
        var c = profile.disclosureContact();
        return c == null ? new DisclosureContent.Contact("", "") : new DisclosureContent.Contact(c.name(), c.phone());
    }

    String contactLine(DisclosureContent.Contact contact) {
        return contactLine(unit, contact);
    }

    static String contactLine(UnitType unit, DisclosureContent.Contact contact) {
        return unit.noun() + "预算公开联系人：" + contact.name() + "        联系方式：" + contact.phone();
    }

    /** The contact line of a generated document, worded after its title (部门 or 单位预算情况说明). */
    static String contactLine(String title, DisclosureContent.Contact contact) {
        boolean unitDocument = title != null && title.endsWith("单位预算情况说明");
        return (unitDocument ? "单位" : "部门") + "预算公开联系人：" + contact.name() + "        联系方式：" + contact.phone();
    }

    // --- 一、单位基本情况 ----------------------------------------------------------------------------------------------

    private Section basicInformation() {
        List<String> functions = new ArrayList<>();
        List<String> given = profile.functions() == null ? List.of() : profile.functions();
        for (String function : given) {
            if (function != null && !function.isBlank()) {
                functions.add((functions.size() + 1) + "." + function.strip());
            }
        }
        List<ProfileContent.Division> divisions = profile.divisions() == null ? List.of()
                : profile.divisions().stream().filter(d -> d != null && d.name() != null && !d.name().isBlank())
                .toList();
        String intro;
        if (divisions.isEmpty()) {
            intro = departmentName + "，未设内设机构。";
        } else {
            intro = departmentName + "，机构是" + divisions.size() + "个，即"
                    + String.join("、", divisions.stream().map(d -> d.name().strip()).toList()) + "。";
        }
        List<Section> divisionSections = new ArrayList<>();
        for (int i = 0; i < divisions.size(); i++) {
            var d = divisions.get(i);
            String duties = d.responsibilities() == null ? "" : d.responsibilities().strip();
            divisionSections.add(Section.of((i + 1) + "." + d.name().strip(),
                    duties.isEmpty() ? List.of() : List.of(duties)));
        }
        return new Section("一、单位基本情况", List.of(), List.of(
                Section.of("（一）职能职责", functions),
                new Section("（二）机构设置", List.of(intro), divisionSections)));
    }

    // --- 二、部门收支总体情况 ------------------------------------------------------------------------------------------

    private Section overview() {
        List<String> sources = new ArrayList<>();
        // The template names six sources; the others appear where the budget has them, in the standard order.
        sources.add("一般公共预算拨款" + text(f.revenueOf(RevenueSource.GENERAL_PUBLIC_BUDGET)) + "万元");
        sources.add("政府性基金预算拨款" + text(f.revenueOf(RevenueSource.GOVERNMENT_FUND_BUDGET)) + "万元");
        sources.add("国有资本经营预算收入" + text(f.revenueOf(RevenueSource.STATE_CAPITAL_OPERATING_BUDGET)) + "万元");
        addIfAny(sources, "财政专户管理资金", f.revenueOf(RevenueSource.FISCAL_SPECIAL_ACCOUNT));
        sources.add("事业收入" + text(f.revenueOf(RevenueSource.BUSINESS_REVENUE)) + "万元");
        sources.add("事业单位经营收入" + text(f.revenueOf(RevenueSource.PUBLIC_INSTITUTION_OPERATING_REVENUE)) + "万元");
        addIfAny(sources, "上级补助收入", f.revenueOf(RevenueSource.SUPERIOR_SUBSIDY));
        addIfAny(sources, "附属单位上缴收入", f.revenueOf(RevenueSource.SUBORDINATE_UNIT_REMITTANCE));
        sources.add("其他收入" + text(f.revenueOf(RevenueSource.OTHER)) + "万元");
        addIfAny(sources, "上年结转", f.revenueOf(RevenueSource.PRIOR_YEAR_CARRYOVER));

        StringBuilder revenue = new StringBuilder("（一）收入预算：").append(year).append("年年初预算数")
                .append(text(f.revenueTotal())).append("万元，其中：").append(String.join("，", sources)).append("。");
        if (f.hasPrior()) {
            Change change = f.revenueChange();
            revenue.append(Wording.revenueAgainstYear(change, f.priorFiscalYear()))
                    .append(reason(change, f.explanations.revenue())).append("。");
        }

        StringBuilder expenditure = new StringBuilder("（二）支出预算：").append(year).append("年年初预算数")
                .append(text(f.expenditureTotal())).append("万元");
        List<String> classes = BudgetReading.byClass(f.lines).entrySet().stream()
                .map(e -> names.functionClass(e.getKey()) + "预算" + text(e.getValue()) + "万元")
                .toList();
        if (!classes.isEmpty()) {
            expenditure.append("，其中：").append(String.join("，", classes));
        }
        expenditure.append("。");
        if (f.hasPrior()) {
            Change change = f.expenditureChange();
            expenditure.append(Wording.expenditureAgainstYear(change, f.priorFiscalYear()))
                    .append(reason(change, f.explanations.expenditure())).append("。");
        }
        return Section.of("二、部门收支总体情况", List.of(revenue.toString(), expenditure.toString()));
    }

    private static void addIfAny(List<String> sources, String label, Yuan amount) {
        if (!nz(amount).isZero()) {
            sources.add(label + text(amount) + "万元");
        }
    }

    /** "，主要是…" only for a figure that changed and a department that said why. */
    private static String reason(Change change, String words) {
        String clause = change.changed() ? Wording.clause("主要是", words) : "";
        return clause.isEmpty() ? "" : "，" + clause;
    }

    // --- 三、部门预算情况说明 ------------------------------------------------------------------------------------------

    private Section budgetExplanation() {
        FundSource general = FundSource.GENERAL_PUBLIC_BUDGET;
        BudgetReading.Split split = f.split(general);
        int py = f.priorFiscalYear();

        StringBuilder p = new StringBuilder().append(year).append("年一般公共预算财政拨款收入")
                .append(text(f.revenueOf(RevenueSource.GENERAL_PUBLIC_BUDGET))).append("万元，一般公共预算财政拨款支出")
                .append(text(split.total())).append("万元");
        if (f.hasPrior()) {
            f.expenditureChange(general).ifPresent(c -> p.append("，").append(Wording.againstYear(c, py)));
        }
        p.append("。");

        // Basic and project of the general public budget against the same figures of the prior year: never against
        // the prior year's all-source totals, which would contradict the sentence's own total.
        List<String> basicParts = new ArrayList<>();
        basicParts.add("基本支出" + text(split.basic()) + "万元");
        if (f.hasPrior()) {
            f.basicChange(general).ifPresent(c -> {
                basicParts.add(Wording.againstYear(c, py));
                addNonEmpty(basicParts, c.changed() ? Wording.clause("主要原因是", f.explanations.basicExpenditure()) : "");
            });
        }
        addNonEmpty(basicParts, Wording.clause("主要用于", f.submission.basicExpenditureUse()));

        List<String> projectParts = new ArrayList<>();
        projectParts.add("项目支出" + text(split.project()) + "万元");
        if (f.hasPrior()) {
            f.projectChange(general).ifPresent(c -> {
                projectParts.add(Wording.againstYear(c, py));
                addNonEmpty(projectParts,
                        c.changed() ? Wording.clause("主要原因是", f.explanations.projectExpenditure()) : "");
            });
        }
        addNonEmpty(projectParts, Wording.clause("主要用于", f.submission.projectExpenditureUse()));

        p.append("其中：").append(String.join("，", basicParts)).append("；").append(String.join("，", projectParts))
                .append("。");

        return Section.of("三、部门预算情况说明", List.of(p.toString(), governmentFundParagraph()));
    }

    private String governmentFundParagraph() {
        FundSource fund = FundSource.GOVERNMENT_FUND_BUDGET;
        var fundLines = f.linesOf(fund);
        Yuan fundExpenditure = BudgetReading.total(fundLines);
        StringBuilder p = new StringBuilder().append(year).append("年政府性基金预算收入")
                .append(text(f.revenueOf(RevenueSource.GOVERNMENT_FUND_BUDGET))).append("万元，政府性基金预算支出")
                .append(text(fundExpenditure)).append("万元");
        if (fundExpenditure.isZero()) {
            return p.append("，").append(unit.self()).append(year).append("年无使用政府性基金预算拨款安排的支出。").toString();
        }
        if (f.hasPrior()) {
            f.expenditureChange(fund).ifPresent(c -> p.append("，").append(Wording.againstYear(c, f.priorFiscalYear())));
        }
        // Two breakdowns of one total, in two sentences: one "其中" never mixes the basic/project split with the
        // split by function class (the parts would add up to twice the whole).
        p.append("。其中：基本支出").append(text(BudgetReading.basic(fundLines))).append("万元，项目支出")
                .append(text(BudgetReading.project(fundLines))).append("万元。按支出功能分类，")
                .append(String.join("，", BudgetReading.byClass(fundLines).entrySet().stream()
                        .map(e -> names.functionClass(e.getKey()) + "预算" + text(e.getValue()) + "万元")
                        .toList()))
                .append("。");
        return p.toString();
    }

    private static void addNonEmpty(List<String> parts, String part) {
        if (!part.isEmpty()) {
            parts.add(part);
        }
    }

    // --- 四、“三公”经费情况说明 ----------------------------------------------------------------------------------------

    private Section threePublicExpenses() {
        StringBuilder p = new StringBuilder().append(year).append("年“三公”经费预算")
                .append(text(f.threePublicTotal())).append("万元");
        if (f.hasPrior()) {
            p.append("，").append(Wording.againstLastYear(f.threePublicChange()));
        }
        p.append("。其中：");
        List<String> items = List.of(
                item("因公出国（境）费用", ThreePublicItem.OUTBOUND_TRAVEL),
                item("公务接待费", ThreePublicItem.OFFICIAL_RECEPTION),
                item("公务用车运行维护费", ThreePublicItem.VEHICLE_OPERATION),
                item("公务用车购置费", ThreePublicItem.VEHICLE_PURCHASE));
        p.append(String.join("；", items)).append("。");
        return Section.of("四、“三公”经费情况说明", List.of(p.toString()));
    }

    private String item(String label, ThreePublicItem item) {
        String s = label + text(f.threePublic.get(item)) + "万元";
        return f.hasPrior() ? s + "，" + Wording.againstLastYear(f.threePublicChange(item)) : s;
    }

    // --- 五、其他重要事项的情况说明 -------------------------------------------------------------------------------------

    private Section otherMatters() {
        return Section.of("五、其他重要事项的情况说明",
                List.of(operatingExpenses(), procurement(), performanceTargets(), assets()));
    }

    private String operatingExpenses() {
        Yuan now = f.operatingExpenses;
        String lead = "1. 机关运行经费。";
        // Only administrative units and those managed under the civil service law have 机关运行经费.
        if (!unit.kind().hasAgencyOperatingExpenses() && now.isZero()
                && (!f.hasPrior() || f.prior.operatingExpenses().isZero())) {
            return lead + unit.self() + "为" + unit.kind().label + "，不涉及机关运行经费。";
        }
        StringBuilder p = new StringBuilder(lead).append(year).append("年一般公共预算财政拨款运行经费")
                .append(text(now)).append("万元");
        if (f.hasPrior()) {
            Change change = f.operatingExpensesChange();
            p.append("，").append(Wording.againstLastYear(change));
            if (change.changed()) {
                String because = Wording.clause("主要原因为", f.explanations.operatingExpenses());
                if (!because.isEmpty()) {
                    p.append("，").append(because);
                }
            }
        }
        p.append("。");
        String use = Wording.clause("主要用于", f.submission.operatingExpensesUse());
        if (!use.isEmpty()) {
            p.append(use).append("。");
        }
        return p.toString();
    }

    private String procurement() {
        var g = f.procurement;
        return "2. 政府采购情况。" + unit.covered() + "政府采购预算总额" + text(g.total()) + "万元："
                + "政府采购货物预算" + text(g.goods()) + "万元、政府采购工程预算" + text(g.works())
                + "万元、政府采购服务预算" + text(g.services()) + "万元；"
                + "其中一般公共预算拨款政府采购" + text(g.generalTotal()) + "万元："
                + "政府采购货物预算" + text(g.generalGoods()) + "万元、政府采购工程预算"
                + text(g.generalWorks()) + "万元、政府采购服务预算" + text(g.generalServices())
                + "万元。";
    }

    private String performanceTargets() {
        Yuan managed = f.performanceManagedProjectAmount;
        Yuan projects = f.projectTotal();
        String lead = "3. 绩效目标设置情况。" + year + "年";
        if (projects.isZero() && managed.isZero()) {
            return lead + unit.self() + "无项目支出，未设置项目绩效目标。";
        }
        if (managed.compareTo(projects) >= 0) {
            return lead + "项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款" + text(managed) + "万元。";
        }
        return lead + "实行绩效目标管理的项目" + f.projectsWithTargets() + "个，涉及一般公共预算当年财政拨款"
                + text(managed) + "万元。";
    }

    private String assets() {
        var a = f.assets;
        String asOf = Wording.yearMonth(a.asOf(), year - 1);
        return "4. 国有资产占有使用情况。截止" + asOf + "，" + unit.covered() + "共有车辆" + a.vehiclesTotal()
                + "辆，其中一般公务用车" + a.generalOfficialVehicles()
                + "辆、执勤执法用车" + a.lawEnforcementVehicles() + "辆。"
                + year + "年一般公共预算安排购置车辆" + a.plannedVehiclePurchases()
                + "辆，其中一般公务用车" + a.plannedGeneralOfficialVehiclePurchases()
                + "辆、执勤执法用车" + a.plannedLawEnforcementVehiclePurchases() + "辆。";
    }

    // --- the plain text ------------------------------------------------------------------------------------------

    /** Title, then each heading and paragraph on its own line with a blank line after it, then the contact line. */
    String plainText(String title, List<Section> sections, DisclosureContent.Contact contact) {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        for (Section section : sections) {
            appendSection(out, section);
        }
        return out.append(contactLine(contact)).append("\n").toString();
    }

    private static void appendSection(StringBuilder out, Section section) {
        out.append(section.heading()).append("\n\n");
        for (String paragraph : section.paragraphs()) {
            out.append(paragraph).append("\n\n");
        }
        for (Section sub : section.subsections()) {
            appendSection(out, sub);
        }
    }
}
