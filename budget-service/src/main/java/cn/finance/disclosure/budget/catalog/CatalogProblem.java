package cn.finance.disclosure.budget.catalog;

/**
 * One problem in an uploaded code list: the list, the 1-based line of the file (0 for the file as a whole), the code
 * as written (may be empty) and a message in Chinese that starts with the line ("第3行：…").
 */
public record CatalogProblem(CodeKind kind, int line, String code, String message) {
}
