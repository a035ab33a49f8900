package cn.finance.disclosure.console.gateway;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A 4xx/5xx answer of the staff API: its status and its RFC 9457 problem (title, detail, field errors). */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final transient JsonNode problem;

    public ApiProblem(int status, JsonNode problem) {
        super(status + " " + (problem == null ? "" : problem.toString()));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public String title() {
        return text("title");
    }

    /** What the service said, in Chinese: its detail, else its title. */
    public String detail() {
        String detail = text("detail");
        return detail != null ? detail : title() != null ? title() : "请求未成功（" + status + "）";
    }

    /**
     * Field errors: field path → messages, in the order the service gave them. A workbook import's errors name a
     * sheet and a cell instead of a field; they are keyed as the clerk finds them in Excel, {@code 工作表!B7}.
     */
    public Map<String, List<String>> fieldErrors() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (problem != null && problem.get("errors") instanceof JsonNode list && list.isArray()) {
            for (JsonNode e : list) {
                String field = e.has("sheet") && !e.has("field")
                        ? e.path("sheet").asString("") + "!" + e.path("cell").asString("")
                        : e.path("field").asString("");
                errors.computeIfAbsent(field, k -> new ArrayList<>()).add(e.path("message").asString(""));
            }
        }
        return errors;
    }

    public boolean conflict() {
        return status == 409 || status == 412 || status == 428;
    }

    private String text(String name) {
        return problem == null || problem.get(name) == null || problem.get(name).isNull() ? null
                : problem.get(name).asString();
    }
}
