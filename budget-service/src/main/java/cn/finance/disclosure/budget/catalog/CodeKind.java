package cn.finance.disclosure.budget.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The two code lists of the catalog and the shape of their codes: each level adds two digits to its parent. */
public enum CodeKind {

    /** 支出功能分类科目: 类 (3 digits), 款 (5), 项 (7). */
    FUNCTION("支出功能分类科目", "3位（类）、5位（款）或7位（项）数字", 3, 5, 7),

    /** 部门预算支出经济分类科目: 类 (3 digits), 款 (5). */
    ECONOMIC("部门预算支出经济分类科目", "3位（类）或5位（款）数字", 3, 5);

    private final String label;
    private final String formatDescription;
    private final int[] lengths;

    CodeKind(String label, String formatDescription, int... lengths) {
        this.label = label;
        this.formatDescription = formatDescription;
        this.lengths = lengths;
    }

    /** The Chinese name of the list, as a clerk knows it. */
    public String label() {
        return label;
    }

    /** What a well-formed code looks like, in Chinese, for messages. */
    public String formatDescription() {
        return formatDescription;
    }

    /** The length of the most detailed level: 7 for function codes (项), 5 for economic codes (款). */
    public int finestLength() {
        return lengths[lengths.length - 1];
    }

    /** ASCII digits only, and one of this kind's level lengths. */
    public boolean isWellFormed(String code) {
        if (code == null || code.isEmpty()) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        for (int length : lengths) {
            if (code.length() == length) {
                return true;
            }
        }
        return false;
    }

    /** The code one level up (7→5→3 digits); empty for a 类 or a malformed code. */
    public Optional<String> parentOf(String code) {
        if (!isWellFormed(code) || code.length() == lengths[0]) {
            return Optional.empty();
        }
        return Optional.of(code.substring(0, code.length() - 2));
    }

    /** All levels above {@code code}, nearest first (for 2012906: 20129, 201). */
    public List<String> ancestorsOf(String code) {
        List<String> ancestors = new ArrayList<>();
        Optional<String> parent = parentOf(code);
        while (parent.isPresent()) {
            ancestors.add(parent.get());
            parent = parentOf(parent.get());
        }
        return List.copyOf(ancestors);
    }

    /** 类, 款 or 项 for a well-formed code. */
    public static String levelName(String code) {
        return switch (code == null ? 0 : code.length()) {
            case 3 -> "类";
            case 5 -> "款";
            case 7 -> "项";
            default -> "科目";
        };
    }
}
