package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.publication.document.DisclosureTable.Column;
import cn.finance.disclosure.publication.document.DisclosureTable.ColumnKind;
import cn.finance.disclosure.publication.document.DisclosureTable.Row;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One standard table as CSV ({@code versions/{n}/tables/{tableCode}.csv}): RFC 4180 (CRLF line ends, a field quoted
 * when it holds a comma, quote, CR or LF, quotes doubled), one header row, UTF-8 with a byte order mark so that
 * spreadsheet software on Chinese Windows reads the characters as UTF-8 instead of GBK. Amount headers carry the
 * unit, e.g. "合计（万元）"; a grouped column is headed "group/label".
 *
 * <p>Formula injection: a spreadsheet runs a cell that starts with = + - @ (or tab, CR) as a formula, so such a cell
 * gets a leading apostrophe. The only exception is a plain decimal number in an amount column (a negative amount
 * stays a number).
 */
public final class CsvRenderer {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8;header=present";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** The file's bytes: BOM, then the CSV text in UTF-8. */
    public byte[] render(DisclosureTable table) {
        byte[] body = toCsv(table).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    /** The CSV text without the byte order mark. */
    public String toCsv(DisclosureTable table) {
        List<Column> columns = table.columns();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String header = (c.group() == null ? "" : c.group() + "/") + c.label()
                    + (c.kind() == ColumnKind.AMOUNT ? "（" + table.unit() + "）" : "");
            appendField(out, i, neutralize(header));
        }
        out.append("\r\n");
        for (Row row : table.rows()) {
            for (int i = 0; i < columns.size(); i++) {
                String cell = row.cells().get(i);
                boolean number = columns.get(i).kind() == ColumnKind.AMOUNT && NUMBER.matcher(cell).matches();
                appendField(out, i, number ? cell : neutralize(cell));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static void appendField(StringBuilder out, int index, String value) {
        if (index > 0) {
            out.append(',');
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0) {
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            out.append(value);
        }
    }

    /** A leading apostrophe for a cell a spreadsheet would take as a formula. */
    static String neutralize(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
