package cn.finance.disclosure.publication.opendata;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.publication.document.ProfileContent;
import cn.finance.disclosure.publication.document.DisclosureContent;
import cn.finance.disclosure.publication.document.DisclosureGenerator;
import cn.finance.disclosure.publication.document.DisclosureInput;
import cn.finance.disclosure.publication.document.DisclosureTable;
import cn.finance.disclosure.publication.document.SeedFacts;
import cn.finance.disclosure.publication.document.TableCodes;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class FiscalDataPackageTest {

    static DisclosureContent content(String code, Consumer<ObjectNode> editBudget) {
        ObjectNode facts = SeedFacts.facts();
        ObjectNode budget = (ObjectNode) facts.get("budget");
        budget.put("departmentCode", code);
        editBudget.accept(budget);
        JsonNode department = facts.get("department");
        return new DisclosureGenerator().generate(new DisclosureInput(code,
                department.get("name").stringValue() + (code.equals("405001") ? "" : "（二）"),
                EventJson.MAPPER.treeToValue(department.get("profile"), ProfileContent.class),
                EventJson.MAPPER.treeToValue(budget, BudgetContent.class)));
    }

    /** The seed, and a second unit whose project is paid from 其他收入: two fund sources in one package. */
    static List<FiscalDataPackage.Included> versions() {
        DisclosureContent seed = content("405001", b -> { });
        DisclosureContent other = content("405002", b -> {
            ((ObjectNode) b.get("expenditureLines").get(1)).put("fundSource", "OTHER");
            ((ObjectNode) b.get("revenue")).put("generalPublicBudgetAppropriation", "2756200.00");
            ((ObjectNode) b.get("revenue")).put("otherRevenue", "10000.00");
        });
        return List.of(
                new FiscalDataPackage.Included("405002", 2024, 2, Instant.parse("2024-03-01T02:00:00Z"), true,
                        "b".repeat(64), "/public/v1/publications/405002/2024/versions/2", other),
                new FiscalDataPackage.Included("405001", 2024, 1, Instant.parse("2024-02-20T02:00:00Z"), false,
                        "a".repeat(64), "/public/v1/publications/405001/2024/versions/1", seed));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static Schema schema(String name) throws IOException {
        try (InputStream in = FiscalDataPackageTest.class.getResourceAsStream("/frictionless/" + name)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    static List<List<String>> csv(byte[] bytes) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r\n")) {
            if (!line.isEmpty()) {
                rows.add(List.of(line.split(",", -1)));
            }
        }
        return rows;
    }

    @Test
    void givenTwoUnits_thenTheDescriptorValidatesAgainstTheFiscalAndTabularDataPackageSchemas() throws IOException {
        Map<String, byte[]> files = unzip(new FiscalDataPackage().build(2024, versions()));
        assertThat(files.keySet()).containsExactly("datapackage.json", "data/versions.csv",
                "data/expenditure-by-function-and-source.csv", "data/expenditure-by-function-and-type.csv",
                "data/basic-expenditure-by-economic-class.csv");
        String descriptor = new String(files.get("datapackage.json"), StandardCharsets.UTF_8);
        List<Error> fiscal = schema("fiscal-data-package.json").validate(descriptor, InputFormat.JSON);
        assertThat(fiscal).as(fiscal.toString()).isEmpty();
        List<Error> tabular = schema("tabular-data-package.json").validate(descriptor, InputFormat.JSON);
        assertThat(tabular).as(tabular.toString()).isEmpty();

        // every resource's CSV has exactly its schema's fields as header, and numbers where the schema says number
        JsonNode d = EventJson.MAPPER.readTree(descriptor);
        for (JsonNode resource : d.get("resources")) {
            List<List<String>> rows = csv(files.get(resource.get("path").stringValue()));
            List<String> names = new ArrayList<>();
            resource.get("schema").get("fields").forEach(f -> names.add(f.get("name").stringValue()));
            assertThat(rows.get(0)).as(resource.get("name").stringValue()).isEqualTo(names);
            for (List<String> row : rows.subList(1, rows.size())) {
                for (int i = 0; i < names.size(); i++) {
                    String type = resource.get("schema").get("fields").get(i).get("type").stringValue();
                    if (type.equals("number") || type.equals("integer")) {
                        new BigDecimal(row.get(i));
                    }
                }
            }
        }
        assertThat(d.get("versions")).hasSize(2);
        assertThat(d.get("versions").get(0).get("departmentCode").stringValue()).isEqualTo("405001");
        assertThat(d.get("versions").get(1).get("contentHash").stringValue()).isEqualTo("b".repeat(64));
    }

    @Test
    void givenADescriptorWithoutItsFiscalModel_thenTheSchemaRefusesIt_soTheValidationAboveMeansSomething()
            throws IOException {
        ObjectNode descriptor = (ObjectNode) EventJson.MAPPER.readTree(
                unzip(new FiscalDataPackage().build(2024, versions())).get("datapackage.json"));
        descriptor.remove("model");
        assertThat(schema("fiscal-data-package.json").validate(EventJson.write(descriptor), InputFormat.JSON))
                .isNotEmpty();
    }

    @Test
    void givenTheSameVersionsInAnyOrder_thenTheSameBytes() {
        List<FiscalDataPackage.Included> v = versions();
        byte[] one = new FiscalDataPackage().build(2024, v);
        byte[] two = new FiscalDataPackage().build(2024, List.of(v.get(1), v.get(0)));
        assertThat(two).isEqualTo(one);
    }

    @Test
    void givenTheReleasedTables_thenTheFactsAreTheirFinestCellsPerFundSourceAndType() throws IOException {
        List<FiscalDataPackage.Included> v = versions();
        Map<String, byte[]> files = unzip(new FiscalDataPackage().build(2024, v));
        List<List<String>> bySource = csv(files.get("data/expenditure-by-function-and-source.csv"));
        // the second unit's project line is paid from 其他收入, exactly as its 部门收入总表 says
        assertThat(bySource).contains(List.of("405002", v.get(0).content().departmentName(), "2024", "2",
                "2012906", "工会事务", "201", "20129", "其他收入", "1.00"));
        assertThat(bySource).contains(List.of("405001", v.get(1).content().departmentName(), "2024", "1",
                "2012901", "行政运行", "201", "20129", "一般公共预算拨款", "172.11"));
        // per unit, the facts add up to the 合计 row of the table they come from (no double counting of 类/款)
        for (FiscalDataPackage.Included included : v) {
            DisclosureTable income = included.content().findTable(TableCodes.INCOME_SUMMARY).orElseThrow();
            BigDecimal facts = bySource.subList(1, bySource.size()).stream()
                    .filter(r -> r.get(0).equals(included.departmentCode()))
                    .map(r -> new BigDecimal(r.get(9))).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = new BigDecimal(income.rows().get(0).cells().get(2));
            assertThat(facts.subtract(total).abs()).isLessThanOrEqualTo(new BigDecimal("0.05"));
        }
        List<List<String>> byType = csv(files.get("data/expenditure-by-function-and-type.csv"));
        assertThat(byType).contains(List.of("405001", v.get(1).content().departmentName(), "2024", "1",
                "2012906", "工会事务", "201", "20129", "项目支出", "1.00"));
        List<List<String>> economic = csv(files.get("data/basic-expenditure-by-economic-class.csv"));
        assertThat(economic).contains(List.of("405001", v.get(1).content().departmentName(), "2024", "1",
                "302", "商品和服务支出", "302", "公用经费", "一般公共预算", "41.25"));
        List<List<String>> list = csv(files.get("data/versions.csv"));
        assertThat(list).hasSize(3);
        assertThat(list.get(1)).contains("405001", "a".repeat(64));
    }
}
