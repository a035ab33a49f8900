package cn.finance.disclosure.console.budget;

import cn.finance.disclosure.console.budget.FormView.Block;
import cn.finance.disclosure.console.budget.FormView.Input;
import cn.finance.disclosure.console.budget.FormView.Note;
import cn.finance.disclosure.console.budget.FormView.Option;
import cn.finance.disclosure.console.budget.FormView.Section;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The budget submission as a form. Every input is named by its JSON path in the submission
 * ({@code revenue.generalPublicBudgetAppropriation}, {@code expenditureLines[2].basic}, ...), which is also how the
 * validator's findings and the service's field errors name what they are about, so each lands beside its field.
 * Values travel exactly as typed (amounts as the yuan strings the API takes); the service decides what is valid.
 */
public final class BudgetForm {

    record Field(String key, String label, String kind) {
    }

    static final List<Option> FUND_SOURCES = List.of(
            new Option("GENERAL_PUBLIC_BUDGET", "一般公共预算拨款"),
            new Option("GOVERNMENT_FUND_BUDGET", "政府性基金预算拨款"),
            new Option("STATE_CAPITAL_OPERATING_BUDGET", "国有资本经营预算拨款"),
            new Option("FISCAL_SPECIAL_ACCOUNT", "财政专户管理资金"),
            new Option("BUSINESS_REVENUE", "事业收入"),
            new Option("PUBLIC_INSTITUTION_OPERATING_REVENUE", "事业单位经营收入"),
            new Option("SUPERIOR_SUBSIDY", "上级补助收入"),
            new Option("SUBORDINATE_UNIT_REMITTANCE", "附属单位上缴收入"),
            new Option("OTHER", "其他收入"),
            new Option("PRIOR_YEAR_CARRYOVER", "上年结转"));

    private static final List<Field> REVENUE = List.of(
            new Field("generalPublicBudgetAppropriation", "一般公共预算拨款收入", "money"),
            new Field("governmentFundBudgetAppropriation", "政府性基金预算拨款收入", "money"),
            new Field("stateCapitalOperatingBudgetAppropriation", "国有资本经营预算拨款收入", "money"),
            new Field("fiscalSpecialAccountFunds", "财政专户管理资金收入", "money"),
            new Field("businessRevenue", "事业收入", "money"),
            new Field("publicInstitutionOperatingRevenue", "事业单位经营收入", "money"),
            new Field("superiorSubsidyRevenue", "上级补助收入", "money"),
            new Field("subordinateUnitRemittance", "附属单位上缴收入", "money"),
            new Field("otherRevenue", "其他收入", "money"),
            new Field("priorYearCarryover", "上年结转", "money"));
    private static final List<Field> LINE = List.of(
            new Field("functionCode", "功能分类编码", "code"),
            new Field("functionName", "功能分类名称", "text"),
            new Field("fundSource", "资金来源", "fund"),
            new Field("basic", "基本支出（元）", "money"),
            new Field("project", "项目支出（元）", "money"));
    private static final List<Field> ECONOMIC = List.of(
            new Field("economicCode", "经济分类编码", "code"),
            new Field("economicName", "经济分类名称", "text"),
            new Field("amount", "金额（元）", "money"));
    private static final List<Field> PROJECT = List.of(
            new Field("name", "项目名称", "text"),
            new Field("functionCode", "功能分类编码", "code"),
            new Field("amount", "金额（元）", "money"));
    private static final List<Field> TARGET = List.of(
            new Field("category", "指标类别", "text"),
            new Field("indicator", "指标", "text"),
            new Field("target", "指标值", "text"));
    private static final List<Field> THREE_PUBLIC = List.of(
            new Field("outboundTravel", "因公出国（境）费（元）", "money"),
            new Field("officialReception", "公务接待费（元）", "money"),
            new Field("vehiclePurchase", "公务用车购置费（元）", "money"),
            new Field("vehicleOperationAndMaintenance", "公务用车运行维护费（元）", "money"));
    private static final List<Field> PROCUREMENT = List.of(
            new Field("goods", "货物类（元）", "money"),
            new Field("works", "工程类（元）", "money"),
            new Field("services", "服务类（元）", "money"),
            new Field("generalPublicBudgetGoods", "其中一般公共预算：货物类（元）", "money"),
            new Field("generalPublicBudgetWorks", "其中一般公共预算：工程类（元）", "money"),
            new Field("generalPublicBudgetServices", "其中一般公共预算：服务类（元）", "money"));
    private static final List<Field> ASSETS = List.of(
            new Field("asOf", "截止年月（yyyy-MM）", "text"),
            new Field("vehiclesTotal", "车辆总数", "int"),
            new Field("generalOfficialVehicles", "一般公务用车", "int"),
            new Field("lawEnforcementVehicles", "执法执勤用车", "int"),
            new Field("plannedVehiclePurchases", "拟购置车辆", "int"),
            new Field("plannedGeneralOfficialVehiclePurchases", "拟购置一般公务用车", "int"),
            new Field("plannedLawEnforcementVehiclePurchases", "拟购置执法执勤用车", "int"));
    private static final List<Field> PRIOR = List.of(
            new Field("fiscalYear", "上年年度", "int"),
            new Field("operatingExpenses", "上年机关运行经费（元）", "money"));
    /** The prior year in the budget's own structure: per fund source, basic and project expenditure. */
    private static final List<Field> PRIOR_EXPENDITURE = List.of(
            new Field("fundSource", "资金来源", "fund"),
            new Field("basic", "基本支出（元）", "money"),
            new Field("project", "项目支出（元）", "money"));
    private static final List<Field> CHANGES = List.of(
            new Field("revenue", "收入变动原因", "textarea"),
            new Field("expenditure", "支出变动原因", "textarea"),
            new Field("basicExpenditure", "基本支出变动原因", "textarea"),
            new Field("projectExpenditure", "项目支出变动原因", "textarea"),
            new Field("operatingExpenses", "机关运行经费变动原因", "textarea"));

    private static final Set<String> ROOTS = Set.of("fiscalYear", "revenue", "expenditureLines",
            "basicExpenditureByEconomicClass", "basicExpenditureUse", "projects", "projectExpenditureUse",
            "threePublicExpenses", "operatingExpenses", "operatingExpensesUse", "governmentProcurement",
            "performanceManagedProjectAmount", "assets", "priorYear", "changeExplanations");
    private static final Set<String> INTEGERS = Set.of("fiscalYear", "vehiclesTotal", "generalOfficialVehicles",
            "lawEnforcementVehicles", "plannedVehiclePurchases", "plannedGeneralOfficialVehiclePurchases",
            "plannedLawEnforcementVehiclePurchases");
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]{1,60})(?:\\[(\\d{1,3})\\])?");

    /** How many empty rows a form offers beyond the filled ones (more on request). */
    record Room(int lines, int economic, int projects, int targets) {
        static final Room NEW = new Room(10, 5, 2, 5);
        static final Room EDIT = new Room(2, 2, 1, 2);

        Room more() {
            return new Room(lines + 5, economic + 3, projects + 2, targets + 3);
        }
    }

    private BudgetForm() {
    }

    // ---- form parameters -> submission JSON ---------------------------------------------------------------------

    /**
     * The submission the form describes, for the clerk's own department. Blank inputs are left out, wholly blank rows
     * dropped; every section and list the API requires is present (empty when the clerk filled nothing there).
     */
    static ObjectNode toSubmission(Map<String, String[]> parameters, String departmentCode, JsonMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("departmentCode", departmentCode);
        parameters.forEach((name, values) -> {
            if (values.length > 0 && values[0] != null && !values[0].isBlank()) {
                put(root, name, values[0].strip());
            }
        });
        for (String list : List.of("expenditureLines", "basicExpenditureByEconomicClass", "projects")) {
            if (!(root.get(list) instanceof ArrayNode)) {
                root.putArray(list);
            }
        }
        for (String section : List.of("revenue", "threePublicExpenses", "governmentProcurement", "assets",
                "priorYear", "changeExplanations")) {
            if (!(root.get(section) instanceof ObjectNode)) {
                root.putObject(section);
            }
        }
        ObjectNode prior = (ObjectNode) root.get("priorYear");
        for (String section : List.of("revenue", "threePublicExpenses")) {
            if (!(prior.get(section) instanceof ObjectNode)) {
                prior.putObject(section);
            }
        }
        prune(root);
        return root;
    }

    private static void put(ObjectNode root, String name, String value) {
        String[] segments = name.split("\\.", -1);
        if (segments.length == 0 || segments.length > 4) {
            return;
        }
        List<Matcher> parts = new ArrayList<>();
        for (String s : segments) {
            Matcher m = SEGMENT.matcher(s);
            if (!m.matches()) {
                return;
            }
            parts.add(m);
        }
        if (!ROOTS.contains(parts.getFirst().group(1))) {
            return;
        }
        JsonNode node = root;
        for (int i = 0; i < parts.size(); i++) {
            Matcher m = parts.get(i);
            String key = m.group(1);
            boolean last = i == parts.size() - 1;
            ObjectNode object = (ObjectNode) node;
            if (m.group(2) != null) {
                if (!(object.get(key) instanceof ArrayNode)) {
                    object.putArray(key);
                }
                ArrayNode array = (ArrayNode) object.get(key);
                int index = Integer.parseInt(m.group(2));
                while (array.size() <= index) {
                    array.addObject();
                }
                if (last) {
                    return;
                }
                node = array.get(index);
            } else if (last) {
                if (INTEGERS.contains(key) && value.matches("-?[0-9]{1,9}")) {
                    object.put(key, Integer.parseInt(value));
                } else {
                    object.put(key, value);
                }
            } else {
                if (!(object.get(key) instanceof ObjectNode)) {
                    object.putObject(key);
                }
                node = object.get(key);
            }
        }
    }

    /** Drops rows nobody filled (so "more rows" cost nothing) and keeps the order of the rest. */
    private static void prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String key : new ArrayList<>(object.propertyNames())) {
                JsonNode child = object.get(key);
                prune(child);
                if (child instanceof ArrayNode array) {
                    for (int i = array.size() - 1; i >= 0; i--) {
                        if (blank(array.get(i))) {
                            array.remove(i);
                        }
                    }
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(BudgetForm::prune);
        }
    }

    private static boolean blank(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String key : object.propertyNames()) {
                if (!blank(object.get(key))) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof ArrayNode array) {
            return array.isEmpty();
        }
        return node == null || node.isNull() || node.asString("").isBlank();
    }

    // ---- submission JSON (+ findings, errors) -> form view -------------------------------------------------------

    static FormView view(JsonNode budget, Room room, List<Note> noteless, Map<String, List<Note>> notesByPath) {
        Map<String, Input> inputs = new HashMap<>();
        Map<String, Object> holders = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();

        Section basics = section(sections, holders, "basics", "基本信息");
        grid(basics, holders, inputs, budget, "", null, List.of(new Field("fiscalYear", "预算年度", "int")));

        Section revenue = section(sections, holders, "revenue", "一、收入预算（元）");
        grid(revenue, holders, inputs, budget, "revenue.", null, REVENUE);

        Section lines = section(sections, holders, "expenditureLines", "二、支出明细（按功能分类“项”级，元）");
        table(lines, holders, inputs, budget, "expenditureLines", "支出明细", LINE, room.lines());

        Section economic = section(sections, holders, "basicExpenditureByEconomicClass",
                "三、基本支出经济分类（元）");
        table(economic, holders, inputs, budget, "basicExpenditureByEconomicClass", "经济分类", ECONOMIC,
                room.economic());
        grid(economic, holders, inputs, budget, "", null,
                List.of(new Field("basicExpenditureUse", "基本支出主要用途", "textarea")));

        Section projects = section(sections, holders, "projects", "四、项目支出及绩效目标");
        int filled = budget.path("projects").size();
        for (int i = 0; i < filled + room.projects(); i++) {
            String base = "projects[" + i + "]";
            grid(projects, holders, inputs, budget, base + ".", "项目 " + (i + 1), PROJECT);
            table(projects, holders, inputs, budget, base + ".performanceTargets", "项目 " + (i + 1) + " 绩效目标",
                    TARGET, room.targets());
        }
        grid(projects, holders, inputs, budget, "", null,
                List.of(new Field("projectExpenditureUse", "项目支出主要用途", "textarea"),
                        new Field("performanceManagedProjectAmount", "实行绩效目标管理的项目金额（元）", "money")));

        Section three = section(sections, holders, "threePublicExpenses", "五、“三公”经费及机关运行经费（元）");
        grid(three, holders, inputs, budget, "threePublicExpenses.", null, THREE_PUBLIC);
        grid(three, holders, inputs, budget, "", null,
                List.of(new Field("operatingExpenses", "机关运行经费（元）", "money"),
                        new Field("operatingExpensesUse", "机关运行经费主要用途", "textarea")));

        Section procurement = section(sections, holders, "governmentProcurement", "六、政府采购（元）");
        grid(procurement, holders, inputs, budget, "governmentProcurement.", null, PROCUREMENT);

        Section assets = section(sections, holders, "assets", "七、国有资产占有使用情况");
        grid(assets, holders, inputs, budget, "assets.", null, ASSETS);

        Section prior = section(sections, holders, "priorYear", "八、上年比较数");
        grid(prior, holders, inputs, budget, "priorYear.", null, PRIOR);
        grid(prior, holders, inputs, budget, "priorYear.revenue.", "上年收入（元）", REVENUE);
        table(prior, holders, inputs, budget, "priorYear.expenditure", "上年支出（按资金来源）", PRIOR_EXPENDITURE,
                Math.max(1, room.lines() > 0 ? 1 : 0));
        grid(prior, holders, inputs, budget, "priorYear.threePublicExpenses.", "上年“三公”经费（元）", THREE_PUBLIC);

        Section changes = section(sections, holders, "changeExplanations", "九、变动原因");
        grid(changes, holders, inputs, budget, "changeExplanations.", null, CHANGES);

        List<Note> general = new ArrayList<>(noteless);
        notesByPath.forEach((path, notes) -> place(path, notes, inputs, holders, general));
        return new FormView(sections, general);
    }

    /** Beside the field the path names, else at the nearest enclosing row table or section, else at the top. */
    private static void place(String path, List<Note> notes, Map<String, Input> inputs, Map<String, Object> holders,
                              List<Note> general) {
        if (inputs.containsKey(path)) {
            inputs.get(path).notes.addAll(notes);
            return;
        }
        String p = path;
        while (p != null && !p.isEmpty()) {
            Object holder = holders.get(p);
            if (holder instanceof Block block) {
                block.notes.addAll(notes);
                return;
            }
            if (holder instanceof Section section) {
                section.notes.addAll(notes);
                return;
            }
            int dot = p.lastIndexOf('.');
            int bracket = p.lastIndexOf('[');
            int cut = Math.max(dot, bracket);
            p = cut <= 0 ? null : p.substring(0, cut);
        }
        general.addAll(notes);
    }

    private static Section section(List<Section> sections, Map<String, Object> holders, String path, String title) {
        Section s = new Section(path, title);
        sections.add(s);
        holders.put(path, s);
        return s;
    }

    private static void grid(Section section, Map<String, Object> holders, Map<String, Input> inputs, JsonNode budget,
                             String prefix, String title, List<Field> fields) {
        List<Input> row = new ArrayList<>();
        for (Field f : fields) {
            row.add(input(inputs, budget, prefix + f.key(), f.label(), f));
        }
        Block block = new Block(prefix, title, false, List.of(), List.of(row));
        section.blocks.add(block);
        if (!prefix.isEmpty()) {
            holders.putIfAbsent(prefix.substring(0, prefix.length() - 1), block);
        }
    }

    private static void table(Section section, Map<String, Object> holders, Map<String, Input> inputs,
                              JsonNode budget, String path, String title, List<Field> fields, int room) {
        int filled = at(budget, path).size();
        List<List<Input>> rows = new ArrayList<>();
        for (int i = 0; i < filled + room; i++) {
            List<Input> row = new ArrayList<>();
            for (Field f : fields) {
                row.add(input(inputs, budget, path + "[" + i + "]." + f.key(), title + " 第" + (i + 1) + "行 "
                        + f.label(), f));
            }
            rows.add(row);
        }
        Block block = new Block(path, title, true, fields.stream().map(Field::label).toList(), rows);
        section.blocks.add(block);
        holders.put(path, block);
    }

    private static Input input(Map<String, Input> inputs, JsonNode budget, String name, String label, Field f) {
        JsonNode value = at(budget, name);
        String text = value == null || value.isMissingNode() || value.isNull() ? "" : value.asString();
        Input input = new Input(name, label, f.kind(), text, "fund".equals(f.kind()) ? FUND_SOURCES : List.of());
        inputs.put(name, input);
        return input;
    }

    /** The node at a form path such as {@code projects[0].performanceTargets[1].target}, or a missing node. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches() || node == null) {
                return tools.jackson.databind.node.MissingNode.getInstance();
            }
            node = node.path(m.group(1));
            if (m.group(2) != null) {
                node = node.path(Integer.parseInt(m.group(2)));
            }
        }
        return node;
    }
}
