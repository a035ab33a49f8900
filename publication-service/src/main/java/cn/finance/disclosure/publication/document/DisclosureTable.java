package cn.finance.disclosure.publication.document;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * One standard disclosure table. Amount cells are 万元 with exactly two decimals ("276.62", "0.00"), each rounded
 * half-up from exact yuan on its own, so a total may differ from the sum of its rounded parts by a cent or two, as
 * in published tables.
 *
 * @param code    stable identifier used in URLs ({@code /tables/{code}.csv}), see {@link TableCodes}
 * @param title   the Chinese title, e.g. 部门收支总表
 * @param unit    the unit of the amount columns (万元)
 * @param columns the columns, left to right
 * @param rows    the rows; each has exactly one cell per column
 * @param note    a note printed with the table, e.g. why it is empty; absent when there is none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisclosureTable(
        String code,
        String title,
        String unit,
        List<Column> columns,
        List<Row> rows,
        String note) {

    public DisclosureTable {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException(
                        "table " + code + ": a row has " + row.cells().size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /**
     * A column. {@code group} is the spanning header above it (e.g. 公务用车购置及运行费 above 小计/购置费/运行费), absent
     * when the column stands alone.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Column(String label, ColumnKind kind, String group) {

        public Column {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(kind, "kind");
        }

        public static Column code(String label) {
            return new Column(label, ColumnKind.CODE, null);
        }

        public static Column text(String label) {
            return new Column(label, ColumnKind.TEXT, null);
        }

        public static Column amount(String label) {
            return new Column(label, ColumnKind.AMOUNT, null);
        }

        public Column inGroup(String group) {
            return new Column(label, kind, group);
        }
    }

    public enum ColumnKind {
        /** a classification code (科目编码) */
        CODE,
        /** words: names, labels, targets */
        TEXT,
        /** 万元, two decimals */
        AMOUNT
    }

    /** A row and what it is: a total, a class (类), a section (款), an item (项), or a plain detail row. */
    public record Row(RowKind kind, List<String> cells) {

        public Row {
            Objects.requireNonNull(kind, "kind");
            cells = List.copyOf(cells);
        }
    }

    public enum RowKind {
        TOTAL,
        /** 类 of the function or economic classification */
        CLASS,
        /** 款 */
        SECTION,
        /** 项 */
        ITEM,
        DETAIL
    }
}
