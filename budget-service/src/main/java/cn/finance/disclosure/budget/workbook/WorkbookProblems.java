package cn.finance.disclosure.budget.workbook;

import cn.finance.disclosure.support.web.DomainException;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with an uploaded workbook, each problem at a sheet and cell ("支出!D7：金额须为数字，最多两位小数").
 * Collected while reading so the clerk sees every problem at once, up to a bound.
 */
final class WorkbookProblems {

    static final int MAX = 200;

    record Problem(String sheet, String cell, String message) {
        String text() {
            return (sheet.isEmpty() ? "" : sheet + (cell.isEmpty() ? "" : "!" + cell) + "：") + message;
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    void add(String sheet, String cell, String message) {
        if (problems.size() < MAX) {
            problems.add(new Problem(sheet, cell, message));
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<Problem> list() {
        return List.copyOf(problems);
    }

    /** 400 problem+json with every problem in {@code errors}: {sheet, cell, message}. */
    DomainException toException() {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("sheet", p.sheet());
            e.put("cell", p.cell());
            e.put("message", p.message());
            errors.add(e);
        }
        String detail = "工作簿有" + problems.size() + (problems.size() >= MAX ? "处以上" : "处") + "问题，未保存：" + String.join("；",
                problems.stream().limit(5).map(Problem::text).toList()) + (problems.size() > 5 ? "……" : "");
        return DomainException.badRequest("workbook-invalid", detail, Map.of("errors", errors));
    }

    /** The whole file is refused (not a workbook, macros, too big…): one problem without a cell. */
    static DomainException refused(HttpStatus status, String slug, String detail) {
        return new DomainException(status, slug, "工作簿被拒绝", detail,
                Map.of("errors", List.of(Map.of("sheet", "", "cell", "", "message", detail))));
    }
}
