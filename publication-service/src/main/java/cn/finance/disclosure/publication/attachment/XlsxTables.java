package cn.finance.disclosure.publication.attachment;

import cn.finance.disclosure.publication.document.DisclosureContent;
import cn.finance.disclosure.publication.document.DisclosureTable;
import cn.finance.disclosure.publication.document.DisclosureTable.Column;
import cn.finance.disclosure.publication.document.DisclosureTable.ColumnKind;
import cn.finance.disclosure.publication.document.DisclosureTable.Row;
import cn.finance.disclosure.publication.document.DisclosureTable.RowKind;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A released version's standard tables as one workbook ({@code versions/{n}.xlsx}): one sheet per table, in the
 * published order, each with its title, its unit (万元) and exactly the cells of the table's CSV. Amounts are numbers
 * shown with two decimals, so the sheet computes with them; every other cell is text, so nothing anyone typed can
 * become a formula. The bytes depend on the content alone: the creation date is the release instant and the archive's
 * timestamps are fixed.
 */
public final class XlsxTables {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Row index (0-based) of the column labels; table rows follow it. */
    public static final int HEADER_ROW = 3;

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern SHEET_FORBIDDEN = Pattern.compile("[\\\\/?*\\[\\]:]");

    public byte[] render(DisclosureContent content, Instant releasedAt) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Set<String> names = new HashSet<>();
            for (DisclosureTable table : content.tables()) {
                writeSheet(workbook.createSheet(sheetName(table.title(), names)), table, styles);
            }
            var core = workbook.getProperties().getCoreProperties();
            core.setTitle(content.title());
            core.setCreator(content.departmentName());
            core.setCreated(Optional.of(Date.from(releasedAt)));
            core.setModified(Optional.of(Date.from(releasedAt)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return StableZip.normalize(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSheet(XSSFSheet sheet, DisclosureTable table, Styles styles) {
        List<Column> columns = table.columns();
        int last = columns.size() - 1;
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue(table.title());
        title.setCellStyle(styles.title);
        if (last > 0) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        }
        Cell unit = sheet.createRow(1).createCell(last);
        unit.setCellValue("单位：" + table.unit());
        unit.setCellStyle(styles.unit);

        var groupRow = sheet.createRow(2);
        var headerRow = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Cell group = groupRow.createCell(i);
            group.setCellValue(c.group() == null ? "" : c.group());
            group.setCellStyle(styles.header);
            Cell label = headerRow.createCell(i);
            label.setCellValue(c.label());
            label.setCellStyle(styles.header);
            sheet.setColumnWidth(i, switch (c.kind()) {
                case CODE -> 12 * 256;
                case TEXT -> 30 * 256;
                case AMOUNT -> 14 * 256;
            });
        }
        mergeGroups(sheet, columns);

        int r = HEADER_ROW + 1;
        for (Row row : table.rows()) {
            var sheetRow = sheet.createRow(r++);
            boolean bold = row.kind() == RowKind.TOTAL || row.kind() == RowKind.CLASS;
            for (int i = 0; i < columns.size(); i++) {
                String value = row.cells().get(i);
                Cell cell = sheetRow.createCell(i);
                if (columns.get(i).kind() == ColumnKind.AMOUNT && NUMBER.matcher(value).matches()) {
                    cell.setCellValue(new BigDecimal(value).doubleValue());
                    cell.setCellStyle(bold ? styles.amountBold : styles.amount);
                } else {
                    cell.setCellValue(value);
                    cell.setCellStyle(bold ? styles.textBold : styles.text);
                }
            }
        }
        if (table.note() != null) {
            Cell note = sheet.createRow(r).createCell(0);
            note.setCellValue(table.note());
            if (last > 0) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
            }
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
    }

    /** A spanning header over neighbouring columns of one group, as the printed tables show it. */
    private static void mergeGroups(XSSFSheet sheet, List<Column> columns) {
        int start = 0;
        for (int i = 1; i <= columns.size(); i++) {
            String group = columns.get(start).group();
            boolean same = i < columns.size() && group != null && group.equals(columns.get(i).group());
            if (!same) {
                if (group != null && i - 1 > start) {
                    sheet.addMergedRegion(new CellRangeAddress(2, 2, start, i - 1));
                }
                start = i;
            }
        }
    }

    /** A sheet name Excel accepts: no \ / ? * [ ] :, at most 31 characters, unique in the workbook. */
    static String sheetName(String title, Set<String> taken) {
        String base = SHEET_FORBIDDEN.matcher(title).replaceAll("_");
        base = base.length() > 31 ? base.substring(0, 31) : base;
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            String suffix = "(" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        taken.add(name);
        return name;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle unit;
        final CellStyle header;
        final CellStyle text;
        final CellStyle textBold;
        final CellStyle amount;
        final CellStyle amountBold;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            short twoDecimals = wb.createDataFormat().getFormat("0.00");

            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            unit = wb.createCellStyle();
            unit.setAlignment(HorizontalAlignment.RIGHT);
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(wb);
            text.setWrapText(true);
            textBold = bordered(wb);
            textBold.setWrapText(true);
            textBold.setFont(bold);
            amount = bordered(wb);
            amount.setDataFormat(twoDecimals);
            amountBold = bordered(wb);
            amountBold.setDataFormat(twoDecimals);
            amountBold.setFont(bold);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
