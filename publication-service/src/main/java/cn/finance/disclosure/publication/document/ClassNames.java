package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.model.CodeNames;

/**
 * The names a document prints for function and economic codes: the year's catalog as the approval event carried it.
 * An approval that carried no names (a {@code budget.approved.v1} event) prints a 类 as "科目{code}" and leaves a 款
 * blank (the code column still identifies the row) rather than guessing from a table of our own.
 */
final class ClassNames {

    private final CodeNames names;

    ClassNames(CodeNames names) {
        this.names = names;
    }

    String functionClass(String code) {
        String name = names == null ? null : names.function().get(code);
        return name == null || name.isBlank() ? "科目" + code : name.strip();
    }

    String function(String code) {
        String name = names == null ? null : names.function().get(code);
        return name == null ? "" : name.strip();
    }

    String economic(String code) {
        String name = names == null ? null : names.economic().get(code);
        return name == null ? "" : name.strip();
    }
}
