package cn.finance.disclosure.publication.opendata;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.publication.attachment.StableZip;
import cn.finance.disclosure.publication.document.DisclosureContent;
import cn.finance.disclosure.publication.document.DisclosureTable;
import cn.finance.disclosure.publication.document.DisclosureTable.Column;
import cn.finance.disclosure.publication.document.DisclosureTable.ColumnKind;
import cn.finance.disclosure.publication.document.DisclosureTable.Row;
import cn.finance.disclosure.publication.document.TableCodes;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fiscal year's current released versions as one Frictionless Fiscal Data Package (a zip of {@code datapackage.json}
 * and CSV files). The figures are the cells of the released tables, reshaped into long form, never recomputed: amounts
 * in 万元 as published (the model says so with {@code factor} 10000), at the finest level each table has (项 for
 * function codes, the finest economic rows). Which versions it holds, with their content hashes, is in
 * {@code versions.csv} and in the descriptor's {@code versions}. The bytes depend on those versions alone: the same
 * versions give the same zip.
 */
public final class FiscalDataPackage {

    public static final String MEDIA_TYPE = "application/zip";

    static final String BY_SOURCE = "expenditure-by-function-and-source";
    static final String BY_TYPE = "expenditure-by-function-and-type";
    static final String BY_ECONOMIC = "basic-expenditure-by-economic-class";
    static final String VERSIONS = "versions";

    /** One included version: who, which, and its released content. */
    public record Included(String departmentCode, int fiscalYear, int version, Instant releasedAt, boolean correction,
                           String contentHash, String path, DisclosureContent content) {
    }

    public byte[] build(int fiscalYear, List<Included> versions) {
        List<Included> sorted = versions.stream().sorted(Comparator.comparing(Included::departmentCode)).toList();
        Csv bySource = new Csv(List.of("department_code", "department_name", "fiscal_year", "version",
                "function_code", "function_name", "function_class", "function_section", "fund_source", "amount"));
        Csv byType = new Csv(List.of("department_code", "department_name", "fiscal_year", "version",
                "function_code", "function_name", "function_class", "function_section", "expenditure_type", "amount"));
        Csv byEconomic = new Csv(List.of("department_code", "department_name", "fiscal_year", "version",
                "economic_code", "economic_name", "economic_class", "cost_type", "fund_source", "amount"));
        Csv list = new Csv(List.of("department_code", "department_name", "fiscal_year", "version", "released_at",
                "correction", "content_hash", "path"));
        for (Included v : sorted) {
            DisclosureContent c = v.content();
            List<String> who = List.of(v.departmentCode(), c.departmentName(), Integer.toString(v.fiscalYear()),
                    Integer.toString(v.version()));
            list.add(who, List.of(v.releasedAt().toString(), Boolean.toString(v.correction()), v.contentHash(),
                    v.path()));
            c.findTable(TableCodes.INCOME_SUMMARY).ifPresent(t -> longRows(t, who, bySource, true, null));
            c.findTable(TableCodes.EXPENDITURE_SUMMARY).ifPresent(t -> longRows(t, who, byType, true, null));
            c.findTable(TableCodes.GENERAL_BUDGET_BASIC_EXPENDITURE)
                    .ifPresent(t -> longRows(t, who, byEconomic, false, "一般公共预算"));
        }
        StableZip zip = new StableZip();
        zip.add("datapackage.json", EventJson.write(descriptor(fiscalYear, sorted)).getBytes(StandardCharsets.UTF_8));
        zip.add("data/" + VERSIONS + ".csv", list.bytes());
        zip.add("data/" + BY_SOURCE + ".csv", bySource.bytes());
        zip.add("data/" + BY_TYPE + ".csv", byType.bytes());
        zip.add("data/" + BY_ECONOMIC + ".csv", byEconomic.bytes());
        return zip.finish();
    }

    /**
     * The table's finest rows (a code no other row's code extends), one line per amount column except 合计; zero
     * amounts are left out, as a fact table does.
     *
     * @param function  function codes (then class and section columns follow the name), else economic codes
     * @param fundSource a fixed fund source for tables of one source, else null
     */
    private static void longRows(DisclosureTable table, List<String> who, Csv out, boolean function,
                                 String fundSource) {
        List<Column> columns = table.columns();
        int code = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).kind() == ColumnKind.CODE) {
                code = i;
                break;
            }
        }
        if (code < 0 || code + 1 >= columns.size()) {
            return;
        }
        List<String> codes = new ArrayList<>();
        for (Row r : table.rows()) {
            codes.add(r.cells().get(code));
        }
        for (Row r : table.rows()) {
            String c = r.cells().get(code);
            if (c.isEmpty() || codes.stream().anyMatch(o -> o.length() > c.length() && o.startsWith(c))) {
                continue;
            }
            for (int i = code + 2; i < columns.size(); i++) {
                Column col = columns.get(i);
                String amount = r.cells().get(i);
                if (col.kind() != ColumnKind.AMOUNT || col.label().equals("合计") || amount.isEmpty()
                        || new java.math.BigDecimal(amount).signum() == 0) {
                    continue;
                }
                List<String> line = new ArrayList<>(who);
                line.add(c);
                line.add(r.cells().get(code + 1));
                line.add(c.length() >= 3 ? c.substring(0, 3) : c);
                if (function) {
                    line.add(c.length() >= 5 ? c.substring(0, 5) : "");
                    line.add(col.label());
                } else {
                    line.add(col.label());
                    line.add(fundSource);
                }
                line.add(amount);
                out.add(line, List.of());
            }
        }
    }

    private static ObjectNode descriptor(int fiscalYear, List<Included> versions) {
        ObjectNode d = EventJson.MAPPER.createObjectNode();
        d.put("profile", "tabular-data-package");
        d.put("name", "department-budgets-" + fiscalYear);
        d.put("title", fiscalYear + "年部门预算公开数据");
        d.put("description", "各部门" + fiscalYear + "年部门预算公开的现行版本（金额单位：万元，取自公开的标准表格）");
        versions.stream().map(Included::releasedAt).max(Comparator.naturalOrder())
                .ifPresent(latest -> d.put("created", latest.toString()));
        ArrayNode licenses = d.putArray("licenses");
        licenses.addObject().put("name", "other-pd").put("title", "政府信息公开");
        d.putObject("fiscalPeriod").put("start", fiscalYear + "-01-01").put("end", fiscalYear + "-12-31");
        d.put("granularity", "aggregated");
        d.put("countryCode", "CN");

        ArrayNode resources = d.putArray("resources");
        resource(resources, BY_SOURCE, "支出预算（按功能分类“项”与资金来源）", true, "fund_source", "资金来源");
        resource(resources, BY_TYPE, "支出预算（按功能分类“项”与基本支出、项目支出）", true, "expenditure_type",
                "支出类型（基本支出、项目支出）");
        ObjectNode economic = resources.addObject();
        economic.put("profile", "tabular-data-resource");
        economic.put("name", BY_ECONOMIC);
        economic.put("title", "一般公共预算基本支出（按部门预算支出经济分类）");
        economic.put("path", "data/" + BY_ECONOMIC + ".csv");
        common(economic);
        ArrayNode fields = who(economic.putObject("schema"));
        field(fields, "economic_code", "string", "经济分类科目编码");
        field(fields, "economic_name", "string", "经济分类科目名称");
        field(fields, "economic_class", "string", "经济分类类级编码");
        field(fields, "cost_type", "string", "人员经费或公用经费");
        field(fields, "fund_source", "string", "资金来源");
        field(fields, "amount", "number", "金额（万元）");
        ObjectNode list = resources.addObject();
        list.put("profile", "tabular-data-resource");
        list.put("name", VERSIONS);
        list.put("title", "本数据包包含的公开版本及其内容哈希");
        list.put("path", "data/" + VERSIONS + ".csv");
        common(list);
        ArrayNode vf = who(list.putObject("schema"));
        field(vf, "released_at", "datetime", "发布时间（UTC）");
        field(vf, "correction", "boolean", "是否为更正版本");
        field(vf, "content_hash", "string", "内容哈希（SHA-256，RFC 8785 规范化 JSON）");
        field(vf, "path", "string", "该版本的公开地址");

        ObjectNode model = d.putObject("model");
        ObjectNode measures = model.putObject("measures");
        measure(measures, "amount", BY_SOURCE);
        measure(measures, "amount_by_type", BY_TYPE).put("source", "amount");
        measure(measures, "basic_amount_by_economic_class", BY_ECONOMIC).put("source", "amount");
        ObjectNode dimensions = model.putObject("dimensions");
        ObjectNode department = dimension(dimensions, "department", "entity", null, "department_code");
        attribute(department, "department_code", null, null);
        attribute(department, "department_name", null, "department_code");
        ObjectNode function = dimension(dimensions, "function", "classification", "functional", "function_code");
        attribute(function, "function_class", null, null);
        attribute(function, "function_section", null, null).put("parent", "function_class");
        attribute(function, "function_code", null, null).put("parent", "function_section");
        attribute(function, "function_name", null, "function_code");
        ObjectNode economicDim = dimension(dimensions, "economic_classification", "classification", "economic",
                "economic_code");
        attribute(economicDim, "economic_class", BY_ECONOMIC, null);
        attribute(economicDim, "economic_code", BY_ECONOMIC, null).put("parent", "economic_class");
        attribute(economicDim, "economic_name", BY_ECONOMIC, "economic_code");
        ObjectNode fund = dimension(dimensions, "fund_source", "classification", null, "fund_source");
        attribute(fund, "fund_source", null, null);
        ObjectNode type = dimension(dimensions, "expenditure_type", "classification", null, "expenditure_type");
        attribute(type, "expenditure_type", BY_TYPE, null);
        ObjectNode year = dimension(dimensions, "fiscal_year", "datetime", null, "fiscal_year");
        attribute(year, "fiscal_year", null, null);

        ArrayNode included = d.putArray("versions");
        for (Included v : versions) {
            included.addObject()
                    .put("departmentCode", v.departmentCode())
                    .put("departmentName", v.content().departmentName())
                    .put("version", v.version())
                    .put("releasedAt", v.releasedAt().toString())
                    .put("correction", v.correction())
                    .put("contentHash", v.contentHash())
                    .put("path", v.path());
        }
        return d;
    }

    private static void resource(ArrayNode resources, String name, String title, boolean function, String last,
                                 String lastTitle) {
        ObjectNode r = resources.addObject();
        r.put("profile", "tabular-data-resource");
        r.put("name", name);
        r.put("title", title);
        r.put("path", "data/" + name + ".csv");
        common(r);
        ArrayNode fields = who(r.putObject("schema"));
        field(fields, "function_code", "string", "功能分类科目编码（项）");
        field(fields, "function_name", "string", "功能分类科目名称");
        field(fields, "function_class", "string", "功能分类类级编码");
        field(fields, "function_section", "string", "功能分类款级编码");
        field(fields, last, "string", lastTitle);
        field(fields, "amount", "number", "金额（万元）");
    }

    private static void common(ObjectNode resource) {
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
    }

    private static ArrayNode who(ObjectNode schema) {
        ArrayNode fields = schema.putArray("fields");
        field(fields, "department_code", "string", "单位编码");
        field(fields, "department_name", "string", "单位名称");
        field(fields, "fiscal_year", "integer", "预算年度");
        field(fields, "version", "integer", "公开版本号");
        return fields;
    }

    private static void field(ArrayNode fields, String name, String type, String title) {
        ObjectNode f = fields.addObject();
        f.put("name", name);
        f.put("type", type);
        f.put("title", title);
    }

    private static ObjectNode measure(ObjectNode measures, String name, String resource) {
        ObjectNode m = measures.putObject(name);
        m.put("source", "amount");
        m.put("resource", resource);
        m.put("currency", "CNY");
        m.put("factor", 10000);
        m.put("direction", "expenditure");
        m.put("phase", "approved");
        return m;
    }

    private static ObjectNode dimension(ObjectNode dimensions, String name, String type, String classification,
                                        String primaryKey) {
        ObjectNode d = dimensions.putObject(name);
        d.put("dimensionType", type);
        if (classification != null) {
            d.put("classificationType", classification);
        }
        d.put("primaryKey", primaryKey);
        d.putObject("attributes");
        return d;
    }

    private static ObjectNode attribute(ObjectNode dimension, String source, String resource, String labelFor) {
        ObjectNode a = ((ObjectNode) dimension.get("attributes")).putObject(source);
        a.put("source", source);
        if (resource != null) {
            a.put("resource", resource);
        }
        if (labelFor != null) {
            a.put("labelfor", labelFor);
        }
        return a;
    }

    /** RFC 4180 CSV in UTF-8 without a byte order mark (data tools read it as is), CRLF line ends. */
    private static final class Csv {
        private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
        private final StringBuilder out = new StringBuilder();

        Csv(List<String> header) {
            line(header);
        }

        void add(List<String> first, List<String> rest) {
            List<String> all = new ArrayList<>(first);
            all.addAll(rest);
            line(all);
        }

        private void line(List<String> fields) {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                String v = fields.get(i) == null ? "" : fields.get(i);
                if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()) {
                    v = "'" + v; // a spreadsheet would run it as a formula
                }
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                    out.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(v);
                }
            }
            out.append("\r\n");
        }

        byte[] bytes() {
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
