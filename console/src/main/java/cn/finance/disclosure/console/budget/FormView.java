package cn.finance.disclosure.console.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * A form as templates render it: sections of blocks (a grid of labelled fields, or a table of rows), each input with
 * its value, the service's field errors and the validator's findings beside it. Built by {@link BudgetForm}.
 */
public final class FormView {

    /** A finding or a field error shown beside what it is about. */
    public record Note(String severity, String severityLabel, String ruleId, String message) {
    }

    public record Option(String value, String label) {
    }

    public static final class Input {
        public final String name;
        public final String id;
        public final String label;
        public final String kind;
        public final String value;
        public final List<Option> options;
        public final List<Note> notes = new ArrayList<>();

        Input(String name, String label, String kind, String value, List<Option> options) {
            this.name = name;
            this.id = "f-" + name.replaceAll("[^A-Za-z0-9]", "-");
            this.label = label;
            this.kind = kind;
            this.value = value;
            this.options = options;
        }

        public String getName() { return name; }
        public String getId() { return id; }
        public String getLabel() { return label; }
        public String getKind() { return kind; }
        public String getValue() { return value; }
        public List<Option> getOptions() { return options; }
        public List<Note> getNotes() { return notes; }
        public boolean isInvalid() { return notes.stream().anyMatch(n -> "ERROR".equals(n.severity())); }
    }

    public static final class Block {
        public final String path;
        public final String title;
        public final boolean table;
        public final List<String> columns;
        public final List<List<Input>> rows;
        public final List<Note> notes = new ArrayList<>();

        Block(String path, String title, boolean table, List<String> columns, List<List<Input>> rows) {
            this.path = path;
            this.title = title;
            this.table = table;
            this.columns = columns;
            this.rows = rows;
        }

        public String getTitle() { return title; }
        public boolean isTable() { return table; }
        public List<String> getColumns() { return columns; }
        public List<List<Input>> getRows() { return rows; }
        public List<Note> getNotes() { return notes; }
    }

    public static final class Section {
        public final String path;
        public final String id;
        public final String title;
        public final List<Block> blocks = new ArrayList<>();
        public final List<Note> notes = new ArrayList<>();

        Section(String path, String title) {
            this.path = path;
            this.id = "s-" + path;
            this.title = title;
        }

        public String getId() { return id; }
        public String getTitle() { return title; }
        public List<Block> getBlocks() { return blocks; }
        public List<Note> getNotes() { return notes; }
    }

    private final List<Section> sections;
    private final List<Note> general;

    FormView(List<Section> sections, List<Note> general) {
        this.sections = sections;
        this.general = general;
    }

    public List<Section> getSections() {
        return sections;
    }

    /** Findings and errors that belong to no single field or section. */
    public List<Note> getGeneral() {
        return general;
    }
}
