package cn.finance.disclosure.budget.workbook;

import cn.finance.disclosure.budget.catalog.BundledCatalogs;
import cn.finance.disclosure.budget.catalog.ClassificationCatalog;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.support.web.DomainException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BudgetWorkbookTest {

    static final ClassificationCatalog CATALOG = new BundledCatalogs().find(2024).orElseThrow();
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final BudgetContent SEED = seed();

    private final BudgetWorkbookMapper mapper = new BudgetWorkbookMapper();
    private final WorkbookService service = new WorkbookService(null, null, VALIDATOR);

    static BudgetContent seed() {
        try (InputStream in = BudgetWorkbookTest.class.getResourceAsStream("/seed/qijiang-fgu-2024.facts.json")) {
            return EventJson.MAPPER.treeToValue(EventJson.MAPPER.readTree(in).get("budget"), BudgetContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] exported() {
        return bytes(mapper.write(SEED, 2024, CATALOG));
    }

    static byte[] bytes(XSSFWorkbook wb) {
        try (wb) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's export after {@code edit}. */
    byte[] edited(Consumer<XSSFWorkbook> edit) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported()))) {
            edit.accept(wb);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Cell cell(XSSFWorkbook wb, String sheet, String address) {
        CellAddress a = new CellAddress(address);
        Sheet s = wb.getSheet(sheet);
        Row row = s.getRow(a.getRow()) == null ? s.createRow(a.getRow()) : s.getRow(a.getRow());
        return row.getCell(a.getColumn()) == null ? row.createCell(a.getColumn()) : row.getCell(a.getColumn());
    }

    static Consumer<XSSFWorkbook> set(String sheet, String address, Object value) {
        return wb -> {
            Cell c = cell(wb, sheet, address);
            if (value instanceof Double d) {
                c.setCellValue(d);
            } else if (value instanceof Boolean b) {
                c.setCellValue(b);
            } else if (value instanceof String s && s.startsWith("formula:")) {
                c.setCellFormula(s.substring("formula:".length()));
            } else {
                c.setCellValue((String) value);
            }
        };
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(DomainException e) {
        return (List<Map<String, Object>>) e.properties().get("errors");
    }

    // ------------------------------------------------------------ round trip and template

    @Test
    void givenTheSeedBudget_whenExportedAndImported_thenTheBodyIsTheSame() {
        assertThat(service.read(exported())).isEqualTo(SEED);
    }

    @Test
    void givenAnyBudget_whenExportedTwiceThroughImport_thenNothingDrifts() {
        BudgetContent once = service.read(exported());
        assertThat(service.read(bytes(mapper.write(once, 2024, CATALOG)))).isEqualTo(SEED);
    }

    @Test
    void givenAPriorYearFromAnApprovedBudget_whenExportedAndImported_thenItsOriginComesBackAndTheSheetIsReadOnly()
            throws IOException {
        BudgetContent.PriorYear p = SEED.priorYear();
        BudgetContent approved = SEED.withPriorYear(new BudgetContent.PriorYear(p.fiscalYear(), p.revenue(),
                List.of(new BudgetContent.FundExpenditure(BudgetContent.FundSource.GENERAL_PUBLIC_BUDGET,
                                cn.finance.disclosure.events.Yuan.of("3000000.00"),
                                cn.finance.disclosure.events.Yuan.of("100000.50")),
                        new BudgetContent.FundExpenditure(BudgetContent.FundSource.BUSINESS_REVENUE,
                                cn.finance.disclosure.events.Yuan.of("20000.00"),
                                cn.finance.disclosure.events.Yuan.ZERO)),
                null, null, null, null, null, p.threePublicExpenses(), p.operatingExpenses(),
                new BudgetContent.PriorYearOrigin(BudgetContent.PriorYearOrigin.APPROVED_BUDGET,
                        "405001-2023-1", 2)));
        byte[] bytes = bytes(mapper.write(approved, 2024, CATALOG));
        assertThat(service.read(bytes)).isEqualTo(approved);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheet("上年数").getProtect()).isTrue();
            assertThat(cell(wb, "上年数", "B36").getStringCellValue()).isEqualTo("系统中已批准的上年预算");
            assertThat(cell(wb, "上年数", "B37").getStringCellValue()).isEqualTo("405001-2023-1");
            var evaluator = wb.getCreationHelper().createFormulaEvaluator();
            assertThat(evaluator.evaluate(cell(wb, "上年数", "D25")).getNumberValue()).isEqualTo(3120000.5d);
        }
    }

    @Test
    void givenAClerkEnteredPriorYear_thenTheSheetIsEditableAndTheImportSaysEntered() throws IOException {
        byte[] bytes = edited(set("上年数", "B36", "").andThen(set("上年数", "A16", "事业收入"))
                .andThen(set("上年数", "B16", 500d)));
        BudgetContent read = service.read(bytes);
        assertThat(read.priorYear().origin()).isEqualTo(new BudgetContent.PriorYearOrigin(
                BudgetContent.PriorYearOrigin.ENTERED, null, null));
        assertThat(read.priorYear().expenditure()).hasSize(2);
        assertThat(read.priorYear().expenditure().get(1).fundSource())
                .isEqualTo(BudgetContent.FundSource.BUSINESS_REVENUE);
        assertThat(read.priorYear().expenditure().get(1).project()).isNull();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported()))) {
            assertThat(wb.getSheet("上年数").getProtect()).isFalse();
        }
    }

    @Test
    void givenAYear_thenTheTemplateHasEverySheetChineseHeadersDropDownsAndVisibleTotals() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes(mapper.write(null, 2024, CATALOG))))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("收入", "支出", "基本支出", "三公经费", "机关运行经费", "政府采购",
                    "项目及绩效目标", "上年数", "说明", "代码表");
            assertThat(wb.getSheetVisibility(wb.getSheetIndex("代码表"))).isEqualTo(SheetVisibility.HIDDEN);
            Sheet lines = wb.getSheet("支出");
            assertThat(lines.getRow(1).getCell(0).getStringCellValue()).isEqualTo("功能分类编码");
            assertThat(lines.getRow(1).getCell(3).getStringCellValue()).isEqualTo("基本支出（元）");
            assertThat(lines.getRow(2).getCell(3).getCellFormula()).isEqualTo("SUM(D4:D303)");
            assertThat(lines.getDataValidations()).anySatisfy(v -> assertThat(
                    v.getValidationConstraint().getFormula1()).isEqualTo("代码表!$A$2:$A$" + (CATALOG.functionCodes().size() + 1)));
            assertThat(wb.getSheet("代码表").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo(CATALOG.functionCodes().entries().firstKey());
            assertThat(wb.getSheet("基本支出").getDataValidations()).isNotEmpty();
            assertThat(wb.getSheet("收入").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2024d);
            assertThat(wb.getSheet("收入").getRow(4).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(wb.getSheet("收入").getRow(14).getCell(1).getCellFormula()).isEqualTo("SUM(B5:B14)");
            Sheet prior = wb.getSheet("上年数");
            assertThat(prior.getRow(13).getCell(0).getStringCellValue()).isEqualTo("上年支出：资金来源");
            assertThat(prior.getRow(13).getCell(1).getStringCellValue()).isEqualTo("基本支出（元）");
            assertThat(prior.getRow(13).getCell(2).getStringCellValue()).isEqualTo("项目支出（元）");
            assertThat(prior.getRow(24).getCell(0).getStringCellValue()).isEqualTo("上年支出：合计");
            assertThat(prior.getRow(24).getCell(3).getCellFormula()).isEqualTo("SUM(D15:D24)");
            assertThat(prior.getDataValidations()).anySatisfy(v -> assertThat(
                    v.getValidationConstraint().getFormula1()).isEqualTo("代码表!$E$2:$E$11"));
            assertThat(prior.getRow(35).getCell(1).getStringCellValue()).isEqualTo("单位填报");
        }
    }

    @Test
    void givenTheExport_whenExcelRecalculates_thenTheTotalsAreTheBudgetsTotals() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported()))) {
            var evaluator = wb.getCreationHelper().createFormulaEvaluator();
            assertThat(evaluator.evaluate(wb.getSheet("收入").getRow(14).getCell(1)).getNumberValue()).isEqualTo(2766200d);
            assertThat(evaluator.evaluate(wb.getSheet("支出").getRow(2).getCell(5)).getNumberValue()).isEqualTo(2766200d);
            assertThat(evaluator.evaluate(wb.getSheet("基本支出").getRow(2).getCell(2)).getNumberValue()).isEqualTo(2756200d);
            assertThat(evaluator.evaluate(wb.getSheet("三公经费").getRow(6).getCell(1)).getNumberValue()).isEqualTo(4000d);
            assertThat(evaluator.evaluate(wb.getSheet("上年数").getRow(24).getCell(3)).getNumberValue())
                    .isEqualTo(3894200d);
        }
    }

    // ------------------------------------------------------------ what a clerk does that must work

    @Test
    void givenNumbersTypedAsTextFormulasBlankRowsMergedAndHiddenSheets_thenTheBodyIsStillTheSeed() {
        byte[] clerk = edited(set("支出", "D4", "1,721,080.00")
                .andThen(set("三公经费", "B4", "４０００"))
                .andThen(set("收入", "B5", " 2766200 "))
                .andThen(set("基本支出", "C4", "formula:2000000+43700"))
                .andThen(wb -> {
                    // a blank row inserted among the lines, a scratch sheet, a hidden required sheet
                    Sheet lines = wb.getSheet("支出");
                    lines.shiftRows(5, lines.getLastRowNum(), 2);
                    wb.createSheet("草稿").createRow(0).createCell(0).setCellValue("=cmd|' /C calc'!A0");
                    wb.setSheetHidden(wb.getSheetIndex("上年数"), true);
                    // targets under an unmerged, blank project name continue the project above
                    Sheet projects = wb.getSheet("项目及绩效目标");
                    while (projects.getNumMergedRegions() > 0) {
                        projects.removeMergedRegion(0);
                    }
                }));
        assertThat(service.read(clerk)).isEqualTo(SEED);
    }

    @Test
    void givenProjectNameMergedOverItsTargetRows_thenOneProjectWithEveryTarget() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported()))) {
            Sheet projects = wb.getSheet("项目及绩效目标");
            assertThat(projects.getMergedRegions()).contains(CellRangeAddress.valueOf("A4:A6"));
        }
        assertThat(service.read(exported()).projects()).hasSize(1);
        assertThat(service.read(exported()).projects().get(0).performanceTargets()).hasSize(3);
    }

    // ------------------------------------------------------------ spoiled workbooks: each names its sheet and cell

    record Spoil(String sheet, String cell, String message, Consumer<XSSFWorkbook> edit) {
    }

    static List<Spoil> spoiled() {
        List<Spoil> cases = new ArrayList<>();
        cases.add(new Spoil("支出", "D7", "金额须为数字，最多两位小数", set("支出", "D7", "abc")));
        cases.add(new Spoil("支出", "E4", "金额须为数字，最多两位小数", set("支出", "E4", 12.345)));
        cases.add(new Spoil("支出", "D5", "金额不能为负数", set("支出", "D5", -100d)));
        cases.add(new Spoil("支出", "C4", "资金来源须为下拉列表中的一项", set("支出", "C4", "乱填")));
        cases.add(new Spoil("支出", "A5", "编码须为数字", set("支出", "A5", "20129X1")));
        cases.add(new Spoil("支出", "B4", "文字不能以 = + - @ 开头", set("支出", "B4", "=HYPERLINK(\"http://evil\",\"点我\")")));
        cases.add(new Spoil("支出", "B6", "文字内容不能是公式", set("支出", "B6", "formula:\"行政\"&\"运行\"")));
        cases.add(new Spoil("支出", "D4", "公式的结果不是数字", set("支出", "D4", "formula:1/0")));
        cases.add(new Spoil("支出", "E5", "金额须为数字", set("支出", "E5", "1万")));
        cases.add(new Spoil("支出", "E6", "金额须为数字", set("支出", "E6", "1,5")));
        cases.add(new Spoil("收入", "B5", "金额须为数字，最多两位小数", set("收入", "B5", "一百万")));
        cases.add(new Spoil("收入", "B4", "须为不小于0的整数", set("收入", "B4", "二〇二四")));
        cases.add(new Spoil("收入", "B3", "编码须为数字", set("收入", "B3", "40500A")));
        cases.add(new Spoil("收入", "A", "缺少“其他收入”一行", set("收入", "A13", "其它收入")));
        cases.add(new Spoil("三公经费", "", "缺少工作表“三公经费”", wb -> wb.removeSheetAt(wb.getSheetIndex("三公经费"))));
        cases.add(new Spoil("三公经费", "B4", "须填写数字，不能是逻辑值", set("三公经费", "B4", Boolean.TRUE)));
        cases.add(new Spoil("政府采购", "B3", "单元格为错误值", wb -> cell(wb, "政府采购", "B3").setCellErrorValue(
                FormulaError.NA.getCode())));
        cases.add(new Spoil("说明", "B14", "须为不小于0的整数", set("说明", "B14", 2.5)));
        cases.add(new Spoil("说明", "B13", "截止年月须为 yyyy-MM", set("说明", "B13", "2023年12月")));
        cases.add(new Spoil("说明", "B10", "不能包含控制字符", set("说明", "B10", "<script>alert(1)</script>")));
        cases.add(new Spoil("项目及绩效目标", "B7", "项目名称为空的行是上一项目的指标行",
                set("项目及绩效目标", "B7", "2012906").andThen(set("项目及绩效目标", "D7", "产出指标"))));
        cases.add(new Spoil("项目及绩效目标", "C4", "金额须为数字", set("项目及绩效目标", "C4", "1万")));
        cases.add(new Spoil("基本支出", "C4", "金额须为数字", set("基本支出", "C4", "12.3.4")));
        cases.add(new Spoil("上年数", "B3", "上年年度须在1999至2099之间", set("上年数", "B3", 3000d)));
        cases.add(new Spoil("上年数", "A15", "资金来源须为下拉列表中的一项", set("上年数", "A15", "乱填")));
        cases.add(new Spoil("上年数", "C15", "金额须为数字", set("上年数", "C15", "1万")));
        cases.add(new Spoil("上年数", "B36", "上年数来源须为", set("上年数", "B36", "别处抄来")));
        cases.add(new Spoil("上年数", "B37", "预算编号只能包含字母、数字、下划线和连字符",
                set("上年数", "B36", "系统中已批准的上年预算").andThen(set("上年数", "B37", "预算/2023"))));
        cases.add(new Spoil("机关运行经费", "B4", "文字不能以 = + - @ 开头", set("机关运行经费", "B4", "+cmd|' /C calc'!A0")));
        cases.add(new Spoil("基本支出", "A4", "经济分类编码须为3或5位数字", set("基本支出", "A4", "3010")));
        cases.add(new Spoil("项目及绩效目标", "A4", "项目名称不能超过200个字符", set("项目及绩效目标", "A4", "项".repeat(201))));
        return cases;
    }

    @Test
    void givenSpoiledWorkbooks_thenEachIsRefusedNamingItsSheetAndCellInChinese() {
        List<Spoil> cases = spoiled();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
        for (Spoil spoil : cases) {
            byte[] bytes = edited(spoil.edit());
            DomainException e = catchThrowableOfType(DomainException.class, () -> service.read(bytes));
            assertThat(e).as(spoil.sheet() + "!" + spoil.cell() + " " + spoil.message()).isNotNull();
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(e)).as(spoil.sheet() + "!" + spoil.cell() + " in " + errors(e)).anySatisfy(err -> {
                assertThat(err.get("sheet")).isEqualTo(spoil.sheet());
                assertThat(err.get("cell")).isEqualTo(spoil.cell());
                assertThat((String) err.get("message")).contains(spoil.message());
            });
            assertThat(e.getMessage()).contains(spoil.sheet());
        }
    }

    @Test
    void givenTheIssuesExample_thenTheDetailReadsLikeIt() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.read(edited(set("支出", "D7", "abc"))));
        assertThat(e.getMessage()).contains("支出!D7：金额须为数字，最多两位小数");
    }

    // ------------------------------------------------------------ hostile files

    static byte[] rezip(byte[] archive, Map<String, UnaryOperator<byte[]>> edits, Map<String, byte[]> added) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                UnaryOperator<byte[]> edit = edits.get(e.getName());
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(edit == null ? content : edit.apply(content));
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> a : added.entrySet()) {
                zip.putNextEntry(new ZipEntry(a.getKey()));
                zip.write(a.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static UnaryOperator<byte[]> replace(String from, String to) {
        return b -> new String(b, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] repeated(String head, String unit, int times, String tail) {
        StringBuilder s = new StringBuilder(head.length() + unit.length() * times + tail.length());
        s.append(head);
        for (int i = 0; i < times; i++) {
            s.append(unit.replace("#", Integer.toString(i + 1)));
        }
        return s.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> hostile(byte[] good) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("not a workbook", "单位编码,预算年度\n405001,2024\n".getBytes(StandardCharsets.UTF_8));
        byte[] xls = new byte[4096];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, xls, 0, 8);
        files.put(".xls", xls);
        files.put("a zip of something else", rezip(rezip(good, Map.of(), Map.of()), Map.of(), Map.of())
                .length > 0 ? zipOf(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8))) : null);
        files.put(".xlsm", rezip(good, Map.of("[Content_Types].xml", replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml")), Map.of("xl/vbaProject.bin", new byte[64])));
        files.put("XXE", rezip(good, Map.of("xl/workbook.xml", replace("<workbook ",
                "<!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><workbook ")), Map.of()));
        files.put("zip bomb", rezip(good, Map.of("xl/worksheets/sheet9.xml", b -> new byte[50 * 1024 * 1024]),
                Map.of()));
        files.put("a million rows", rezip(good, Map.of("xl/worksheets/sheet2.xml", b -> repeated(
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
                "<row r=\"#\"/>", 1_000_000, "</sheetData></worksheet>")), Map.of()));
        files.put("ten thousand rows", rezip(good, Map.of("xl/worksheets/sheet2.xml", b -> repeated(
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
                "<row r=\"#\"><c r=\"A#\" t=\"inlineStr\"><is><t>x</t></is></c></row>", 10_000,
                "</sheetData></worksheet>")), Map.of()));
        files.put("10 MB of shared strings", rezip(good, Map.of("xl/sharedStrings.xml", b -> repeated(
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
                "<si><t>这是一段很长的重复文字用来撑大共享字符串表</t></si>", 150_000, "</sst>")), Map.of()));
        files.put("UTF-16 part hiding a DTD", rezip(good, Map.of("xl/workbook.xml", b -> {
            byte[] utf16 = ("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_16);
            return utf16;
        }), Map.of()));
        files.put("truncated", java.util.Arrays.copyOf(good, good.length / 2));
        return files;
    }

    static byte[] zipOf(Map<String, byte[]> entries) {
        return rezip(emptyZip(), Map.of(), entries);
    }

    static byte[] emptyZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("placeholder"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void givenHostileFiles_thenEachIsRefusedWithAProblemAndNeverParsedIntoABody() {
        Map<String, String> expected = Map.of(
                "not a workbook", "不是 Excel 工作簿",
                ".xls", ".xls",
                "a zip of something else", "缺少 xl/workbook.xml",
                ".xlsm", "启用宏",
                "XXE", "DTD",
                "zip bomb", "压缩炸弹",
                "a million rows", "已拒绝",
                "ten thousand rows", "超过上限5000行",
                "10 MB of shared strings", "共享字符串",
                "UTF-16 part hiding a DTD", "编码");
        hostile(exported()).forEach((name, bytes) -> {
            DomainException e = catchThrowableOfType(DomainException.class, () -> service.read(bytes));
            assertThat(e).as(name).isNotNull();
            assertThat(e.status().is4xxClientError()).as(name).isTrue();
            if (expected.containsKey(name)) {
                assertThat(e.getMessage()).as(name).contains(expected.get(name));
            }
        });
    }

    @Test
    void givenTheMillionRowSheet_thenTheInspectionRefusesItBeforePoiParsesIt() {
        byte[] bomb = hostile(exported()).get("a million rows");
        assertThatThrownBy(() -> WorkbookFile.inspect(bomb)).isInstanceOf(DomainException.class);
    }

    @Test
    void givenTheFormulaSafetyRule_thenNumbersStayTextButFormulasDoNot() {
        assertThat(Cells.normalizeNumber("1,721,080.00")).isEqualTo("1721080.00");
        assertThat(Cells.normalizeNumber("１２３，４５６．５")).isEqualTo("123456.5");
        assertThat(Cells.normalizeNumber("1,5")).as("not a thousands grouping: left unreadable").isEqualTo("1,5");
        assertThat(Cells.looksLikeFormula("-5%")).isFalse();
        assertThat(Cells.looksLikeFormula("≥90%")).isFalse();
        assertThat(Cells.looksLikeFormula("-")).isFalse();
        assertThat(Cells.looksLikeFormula("=1+1")).isTrue();
        assertThat(Cells.looksLikeFormula("@SUM(A1)")).isTrue();
        assertThat(Cells.looksLikeFormula("+cmd|' /C calc'!A0")).isTrue();
        assertThat(Cells.looksLikeFormula("-2+3+cmd|' /C calc'!A0")).isFalse();
    }

    static CellType unused() {
        return CellType.BLANK;
    }
}
