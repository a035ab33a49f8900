package cn.finance.disclosure.budget.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * The classification catalog of one fiscal year: its function codes and its economic codes. Immutable; a new
 * official list for one kind gives a new catalog via {@link #withCodes(CodeTable)}.
 */
public final class ClassificationCatalog {

    private final int fiscalYear;
    private final CodeTable functionCodes;
    private final CodeTable economicCodes;

    private ClassificationCatalog(int fiscalYear, CodeTable functionCodes, CodeTable economicCodes) {
        this.fiscalYear = fiscalYear;
        this.functionCodes = functionCodes;
        this.economicCodes = economicCodes;
    }

    public static ClassificationCatalog of(int fiscalYear, CodeTable functionCodes, CodeTable economicCodes) {
        Objects.requireNonNull(functionCodes, "functionCodes");
        Objects.requireNonNull(economicCodes, "economicCodes");
        if (functionCodes.kind() != CodeKind.FUNCTION || economicCodes.kind() != CodeKind.ECONOMIC) {
            throw new IllegalArgumentException("function and economic code tables swapped");
        }
        return new ClassificationCatalog(fiscalYear, functionCodes, economicCodes);
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public CodeTable functionCodes() {
        return functionCodes;
    }

    public CodeTable economicCodes() {
        return economicCodes;
    }

    public CodeTable codes(CodeKind kind) {
        return kind == CodeKind.FUNCTION ? functionCodes : economicCodes;
    }

    /** The same year with {@code table} replacing the list of its kind (an uploaded official list). */
    public ClassificationCatalog withCodes(CodeTable table) {
        return table.kind() == CodeKind.FUNCTION
                ? new ClassificationCatalog(fiscalYear, table, economicCodes)
                : new ClassificationCatalog(fiscalYear, functionCodes, table);
    }

    public boolean contains(CodeKind kind, String code) {
        return codes(kind).contains(code);
    }

    public Optional<String> name(CodeKind kind, String code) {
        return codes(kind).name(code);
    }

    /** The code one level up (7→5→3 digits), whether or not the catalog lists it. */
    public Optional<String> parentCode(CodeKind kind, String code) {
        return kind.parentOf(code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassificationCatalog other && fiscalYear == other.fiscalYear
                && functionCodes.equals(other.functionCodes) && economicCodes.equals(other.economicCodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fiscalYear, functionCodes, economicCodes);
    }

    @Override
    public String toString() {
        return "ClassificationCatalog[" + fiscalYear + ", " + functionCodes + ", " + economicCodes + "]";
    }
}
