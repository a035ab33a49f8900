package cn.finance.disclosure.console.budget;

import cn.finance.disclosure.console.budget.FormView.Note;
import cn.finance.disclosure.console.gateway.ApiProblem;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The validator's findings (ruleId, severity, path, message) and the service's field errors as notes by path. */
final class Findings {

    /** One finding as pages list it. */
    record Finding(String ruleId, String severity, String severityLabel, String path, String message) {
        boolean warning() {
            return "WARNING".equals(severity);
        }

        public String getRuleId() { return ruleId; }
        public String getSeverity() { return severity; }
        public String getSeverityLabel() { return severityLabel; }
        public String getPath() { return path; }
        public String getMessage() { return message; }
    }

    private Findings() {
    }

    static List<Finding> of(JsonNode validation) {
        List<Finding> findings = new ArrayList<>();
        if (validation != null) {
            for (JsonNode f : validation.path("findings")) {
                String severity = f.path("severity").asString("");
                findings.add(new Finding(f.path("ruleId").asString(""), severity,
                        f.path("severityLabel").asString(label(severity)), f.path("path").asString(""),
                        f.path("message").asString("")));
            }
        }
        return findings;
    }

    static Map<String, List<Note>> byPath(List<Finding> findings) {
        Map<String, List<Note>> notes = new LinkedHashMap<>();
        for (Finding f : findings) {
            notes.computeIfAbsent(f.path(), k -> new ArrayList<>())
                    .add(new Note(f.severity(), f.severityLabel(), f.ruleId(), f.message()));
        }
        return notes;
    }

    static Map<String, List<Note>> byPath(ApiProblem problem) {
        Map<String, List<Note>> notes = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, messages) -> messages.forEach(m -> notes
                .computeIfAbsent(field, k -> new ArrayList<>()).add(new Note("ERROR", "错误", null, m))));
        return notes;
    }

    private static String label(String severity) {
        return switch (severity) {
            case "ERROR" -> "错误";
            case "WARNING" -> "警告";
            default -> "提示";
        };
    }
}
