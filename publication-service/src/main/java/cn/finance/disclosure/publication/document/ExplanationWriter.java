package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.budget.BudgetSubmission.ExpenditureLine;
import cn.finance.disclosure.events.budget.BudgetSubmission.FundSource;
import cn.finance.disclosure.events.department.ProfileSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import static cn.finance.disclosure.publication.document.Amounts.nz;
import static cn.finance.disclosure.publication.document.Amounts.text;

/**
 * Writes the explanation (部门预算情况说明) in the order and wording of the Chongqing template the seed document follows:
 * 一 单位基本情况, 二 部门收支总体情况, 三 部门预算情况说明, 四 “三公”经费, 五 其他重要事项, 六 专业性名词解释.
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
    private final ProfileSnapshot profile;
    private final BudgetFigures f;

    ExplanationWriter(String departmentName, ProfileSnapshot profile, BudgetFigures figures) {
        this.departmentName = departmentName;
        this.profile = profile;
        this.f = figures;
    }

    String title() {
        return departmentName + f.year + "年部门预算情况说明";
    }

    List<Section> sections() {
        return List.of(basicInformation(), overview(), budgetExplanation(), threePublicExpenses(), otherMatters(),
                Section.of("六、专业性名词解释", GLOSSARY));
    }

    DisclosureContent.Contact contact() {
        var c = profile.disclosureContact();
        return c == null ? new DisclosureContent.Contact("", "") : new DisclosureContent.Contact(c.name(), c.phone());
    }

    static String contactLine(DisclosureContent.Contact contact) {
        return "部门预算公开联系人：" + contact.name() + "        联系方式：" + contact.phone();
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
        List<ProfileSnapshot.Division> divisions = profile.divisions() == null ? List.of()
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
        var r = f.revenue;
        List<String> sources = new ArrayList<>();
        // The template names six sources; the others appear where the budget has them, in the standard order.
        sources.add("一般公共预算拨款" + text(r.generalPublicBudgetAppropriation()) + "万元");
        sources.add("政府性基金预算拨款" + text(r.governmentFundBudgetAppropriation()) + "万元");
        sources.add("国有资本经营预算收入" + text(r.stateCapitalOperatingBudgetAppropriation()) + "万元");
        addIfAny(sources, "财政专户管理资金", r.fiscalSpecialAccountFunds());
        sources.add("事业收入" + text(r.businessRevenue()) + "万元");
        sources.add("事业单位经营收入" + text(r.publicInstitutionOperatingRevenue()) + "万元");
        addIfAny(sources, "上级补助收入", r.superiorSubsidyRevenue());
        addIfAny(sources, "附属单位上缴收入", r.subordinateUnitRemittance());
        sources.add("其他收入" + text(r.otherRevenue()) + "万元");
        addIfAny(sources, "上年结转", r.priorYearCarryover());

        StringBuilder revenue = new StringBuilder("（一）收入预算：").append(f.year).append("年年初预算数")
                .append(text(f.revenueTotal())).append("万元，其中：").append(String.join("，", sources)).append("。");
        f.prior().ifPresent(prior -> {
            Yuan change = f.revenueTotal().minus(BudgetFigures.totalRevenue(
                    prior.revenue() == null ? BudgetFigures.emptyRevenue() : prior.revenue()));
            revenue.append(Wording.revenueAgainstYear(change, f.priorYear()))
                    .append(reason(change, f.explanations().revenue())).append("。");
        });

        StringBuilder expenditure = new StringBuilder("（二）支出预算：").append(f.year).append("年年初预算数")
                .append(text(f.expenditureTotal())).append("万元");
        List<String> classes = byClass(f.lines).entrySet().stream()
                .map(e -> FunctionClassification.className(e.getKey()) + "预算" + text(e.getValue()) + "万元")
                .toList();
        if (!classes.isEmpty()) {
            expenditure.append("，其中：").append(String.join("，", classes));
        }
        expenditure.append("。");
        f.prior().ifPresent(prior -> {
            Yuan change = f.expenditureTotal().minus(nz(prior.expenditureTotal()));
            expenditure.append(Wording.expenditureAgainstYear(change, f.priorYear()))
                    .append(reason(change, f.explanations().expenditure())).append("。");
        });
        return Section.of("二、部门收支总体情况", List.of(revenue.toString(), expenditure.toString()));
    }

    private static void addIfAny(List<String> sources, String label, Yuan amount) {
        if (!nz(amount).isZero()) {
            sources.add(label + text(amount) + "万元");
        }
    }

    /** "，主要是…" only for a figure that changed and a department that said why. */
    private static String reason(Yuan change, String words) {
        String clause = change.isZero() ? "" : Wording.clause("主要是", words);
        return clause.isEmpty() ? "" : "，" + clause;
    }

    /** Exact yuan per 类 present in the lines, in code order (a class with a zero line is still present). */
    static Map<String, Yuan> byClass(List<ExpenditureLine> lines) {
        Map<String, Yuan> classes = new TreeMap<>();
        for (ExpenditureLine line : lines) {
            if (line.functionCode() == null || line.functionCode().length() < 3) {
                continue;
            }
            classes.merge(line.functionCode().substring(0, 3), BudgetFigures.lineTotal(line), Yuan::plus);
        }
        return classes;
    }

    // --- 三、部门预算情况说明 ------------------------------------------------------------------------------------------

    private Section budgetExplanation() {
        var gpbLines = f.generalPublicBudgetLines();
        Yuan gpbExpenditure = BudgetFigures.total(gpbLines);
        Yuan basic = BudgetFigures.basic(gpbLines);
        Yuan project = BudgetFigures.project(gpbLines);
        var prior = f.prior();
        int py = f.priorYear();
        var why = f.explanations();

        StringBuilder p = new StringBuilder().append(f.year).append("年一般公共预算财政拨款收入")
                .append(text(f.revenue.generalPublicBudgetAppropriation())).append("万元，一般公共预算财政拨款支出")
                .append(text(gpbExpenditure)).append("万元");
        prior.ifPresent(pr -> p.append("，").append(Wording.againstYear(
                gpbExpenditure.minus(nz(pr.generalPublicBudgetAppropriationExpenditure())), py)));
        p.append("。");

        // The prior year is known only as a whole (basic and project of every fund source); for a unit funded by the
        // general public budget alone, as district units mostly are, that is the same figure.
        List<String> basicParts = new ArrayList<>();
        basicParts.add("基本支出" + text(basic) + "万元");
        prior.ifPresent(pr -> {
            Yuan change = basic.minus(nz(pr.basicExpenditure()));
            basicParts.add(Wording.againstYear(change, py));
            addNonEmpty(basicParts, change.isZero() ? "" : Wording.clause("主要原因是", why.basicExpenditure()));
        });
        addNonEmpty(basicParts, Wording.clause("主要用于", f.budget.basicExpenditureUse()));

        List<String> projectParts = new ArrayList<>();
        projectParts.add("项目支出" + text(project) + "万元");
        prior.ifPresent(pr -> {
            Yuan change = project.minus(nz(pr.projectExpenditure()));
            projectParts.add(Wording.againstYear(change, py));
            addNonEmpty(projectParts, change.isZero() ? "" : Wording.clause("主要原因是", why.projectExpenditure()));
        });
        addNonEmpty(projectParts, Wording.clause("主要用于", f.budget.projectExpenditureUse()));

        p.append("其中：").append(String.join("，", basicParts)).append("；").append(String.join("，", projectParts))
                .append("。");

        return Section.of("三、部门预算情况说明", List.of(p.toString(), governmentFundParagraph()));
    }

    private String governmentFundParagraph() {
        var fundLines = f.linesOf(FundSource.GOVERNMENT_FUND_BUDGET);
        Yuan fundExpenditure = BudgetFigures.total(fundLines);
        StringBuilder p = new StringBuilder().append(f.year).append("年政府性基金预算收入")
                .append(text(f.revenue.governmentFundBudgetAppropriation())).append("万元，政府性基金预算支出")
                .append(text(fundExpenditure)).append("万元");
        if (fundExpenditure.isZero()) {
            return p.append("，本部门").append(f.year).append("年无使用政府性基金预算拨款安排的支出。").toString();
        }
        f.prior().ifPresent(pr -> p.append("，").append(Wording.againstYear(
                fundExpenditure.minus(nz(pr.governmentFundExpenditure())), f.priorYear())));
        p.append("。其中：").append(String.join("，", byClass(fundLines).entrySet().stream()
                        .map(e -> FunctionClassification.className(e.getKey()) + "预算" + text(e.getValue()) + "万元")
                        .toList()))
                .append("，基本支出").append(text(BudgetFigures.basic(fundLines))).append("万元，项目支出")
                .append(text(BudgetFigures.project(fundLines))).append("万元。");
        return p.toString();
    }

    private static void addNonEmpty(List<String> parts, String part) {
        if (!part.isEmpty()) {
            parts.add(part);
        }
    }

    // --- 四、“三公”经费情况说明 ----------------------------------------------------------------------------------------

    private Section threePublicExpenses() {
        var now = f.threePublicExpenses();
        var before = f.prior().map(pr -> BudgetFigures.orEmpty(pr.threePublicExpenses()));
        StringBuilder p = new StringBuilder().append(f.year).append("年“三公”经费预算")
                .append(text(BudgetFigures.total(now))).append("万元");
        before.ifPresent(b -> p.append("，").append(Wording.againstLastYear(
                BudgetFigures.total(now).minus(BudgetFigures.total(b)))));
        p.append("。其中：");
        List<String> items = List.of(
                item("因公出国（境）费用", now, before, BudgetSubmission.ThreePublicExpenses::outboundTravel),
                item("公务接待费", now, before, BudgetSubmission.ThreePublicExpenses::officialReception),
                item("公务用车运行维护费", now, before,
                        BudgetSubmission.ThreePublicExpenses::vehicleOperationAndMaintenance),
                item("公务用车购置费", now, before, BudgetSubmission.ThreePublicExpenses::vehiclePurchase));
        p.append(String.join("；", items)).append("。");
        return Section.of("四、“三公”经费情况说明", List.of(p.toString()));
    }

    private static String item(String label, BudgetSubmission.ThreePublicExpenses now,
                               Optional<BudgetSubmission.ThreePublicExpenses> before,
                               Function<BudgetSubmission.ThreePublicExpenses, Yuan> kind) {
        Yuan amount = nz(kind.apply(now));
        String s = label + text(amount) + "万元";
        return before.map(b -> s + "，" + Wording.againstLastYear(amount.minus(nz(kind.apply(b))))).orElse(s);
    }

    // --- 五、其他重要事项的情况说明 -------------------------------------------------------------------------------------

    private Section otherMatters() {
        return Section.of("五、其他重要事项的情况说明",
                List.of(operatingExpenses(), procurement(), performanceTargets(), assets()));
    }

    private String operatingExpenses() {
        Yuan now = nz(f.budget.operatingExpenses());
        StringBuilder p = new StringBuilder("1. 机关运行经费。").append(f.year).append("年一般公共预算财政拨款运行经费")
                .append(text(now)).append("万元");
        f.prior().ifPresent(pr -> {
            Yuan change = now.minus(nz(pr.operatingExpenses()));
            p.append("，").append(Wording.againstLastYear(change));
            if (!change.isZero()) {
                String because = Wording.clause("主要原因为", f.explanations().operatingExpenses());
                if (!because.isEmpty()) {
                    p.append("，").append(because);
                }
            }
        });
        p.append("。");
        String use = Wording.clause("主要用于", f.budget.operatingExpensesUse());
        if (!use.isEmpty()) {
            p.append(use).append("。");
        }
        return p.toString();
    }

    private String procurement() {
        var g = f.procurement();
        return "2. 政府采购情况。所属各预算单位政府采购预算总额" + text(f.procurementTotal()) + "万元："
                + "政府采购货物预算" + text(g.goods()) + "万元、政府采购工程预算" + text(g.works())
                + "万元、政府采购服务预算" + text(g.services()) + "万元；"
                + "其中一般公共预算拨款政府采购" + text(f.procurementGeneralPublicBudgetTotal()) + "万元："
                + "政府采购货物预算" + text(g.generalPublicBudgetGoods()) + "万元、政府采购工程预算"
                + text(g.generalPublicBudgetWorks()) + "万元、政府采购服务预算" + text(g.generalPublicBudgetServices())
                + "万元。";
    }

    private String performanceTargets() {
        Yuan managed = nz(f.budget.performanceManagedProjectAmount());
        Yuan projects = BudgetFigures.project(f.lines);
        String lead = "3. 绩效目标设置情况。" + f.year + "年";
        if (projects.isZero() && managed.isZero()) {
            return lead + "本部门无项目支出，未设置项目绩效目标。";
        }
        if (managed.compareTo(projects) >= 0) {
            return lead + "项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款" + text(managed) + "万元。";
        }
        long withTargets = f.projects().stream()
                .filter(p -> p.performanceTargets() != null && !p.performanceTargets().isEmpty()).count();
        return lead + "实行绩效目标管理的项目" + withTargets + "个，涉及一般公共预算当年财政拨款" + text(managed) + "万元。";
    }

    private String assets() {
        var a = f.budget.assets();
        String asOf = Wording.yearMonth(a == null ? null : a.asOf(), f.year - 1);
        return "4. 国有资产占有使用情况。截止" + asOf + "，所属各预算单位共有车辆" + count(a, BudgetSubmission.Assets::vehiclesTotal)
                + "辆，其中一般公务用车" + count(a, BudgetSubmission.Assets::generalOfficialVehicles)
                + "辆、执勤执法用车" + count(a, BudgetSubmission.Assets::lawEnforcementVehicles) + "辆。"
                + f.year + "年一般公共预算安排购置车辆" + count(a, BudgetSubmission.Assets::plannedVehiclePurchases)
                + "辆，其中一般公务用车" + count(a, BudgetSubmission.Assets::plannedGeneralOfficialVehiclePurchases)
                + "辆、执勤执法用车" + count(a, BudgetSubmission.Assets::plannedLawEnforcementVehiclePurchases) + "辆。";
    }

    private static int count(BudgetSubmission.Assets assets,
                             Function<BudgetSubmission.Assets, Integer> field) {
        return assets == null ? 0 : Objects.requireNonNullElse(field.apply(assets), 0);
    }

    // --- the plain text ------------------------------------------------------------------------------------------

    /** Title, then each heading and paragraph on its own line with a blank line after it, then the contact line. */
    static String plainText(String title, List<Section> sections, DisclosureContent.Contact contact) {
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
