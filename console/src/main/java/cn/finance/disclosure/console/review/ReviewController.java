package cn.finance.disclosure.console.review;

import cn.finance.disclosure.console.gateway.ApiProblem;
import cn.finance.disclosure.console.gateway.GatewayClient;
import cn.finance.disclosure.console.gateway.Views;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reviewer's queue (filtered by status, department and days waiting) and one budget: its findings, the
 * department's explanations of the warnings, a year-over-year view of function classes, approve or return.
 */
@Controller
@RequestMapping("/review")
class ReviewController {

    private static final Set<String> STATUSES = Set.of("DRAFT", "SUBMITTED", "RETURNED", "APPROVED");

    private final GatewayClient gateway;
    private final JsonMapper json;

    ReviewController(GatewayClient gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    @GetMapping
    String queue(@RequestParam(defaultValue = "SUBMITTED") String status,
                 @RequestParam(defaultValue = "") String departmentCode,
                 @RequestParam(defaultValue = "0") int minDays, Model model) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/budgets").queryParam("size", 100);
        if (STATUSES.contains(status)) {
            uri.queryParam("status", status);
        }
        if (departmentCode.matches("[0-9]{6,12}")) {
            uri.queryParam("departmentCode", departmentCode);
        }
        JsonNode page = gateway.get(uri.build().toUriString()).body();
        List<Map<String, Object>> items = new ArrayList<>();
        Instant now = Instant.now();
        for (JsonNode b : page.path("items")) {
            Map<String, Object> item = new LinkedHashMap<>(Views.map(b));
            String since = b.path("submittedAt").isNull() || b.path("submittedAt").isMissingNode()
                    ? b.path("updatedAt").asString("") : b.path("submittedAt").asString();
            long days = since.isEmpty() ? 0 : Duration.between(Instant.parse(since), now).toDays();
            item.put("daysWaiting", days);
            if (days >= minDays) {
                items.add(item);
            }
        }
        items.sort((a, c) -> Long.compare((long) c.get("daysWaiting"), (long) a.get("daysWaiting")));
        model.addAttribute("items", items);
        model.addAttribute("status", status);
        model.addAttribute("departmentCode", departmentCode);
        model.addAttribute("minDays", minDays);
        return "review/queue";
    }

    @GetMapping("/budgets/{id}")
    String budget(@PathVariable String id, Model model) {
        JsonNode budget = gateway.get("/api/v1/budgets/" + enc(id)).body();
        JsonNode validation = gateway.post("/api/v1/budgets/" + enc(id) + "/validation", null).body();
        model.addAttribute("budget", Views.map(budget));
        model.addAttribute("validation", Views.map(validation));
        JsonNode submission = budget.path("submission");
        int year = budget.path("fiscalYear").asInt();
        Map<String, BigDecimal> lastYear = lastYearByClass(budget.path("departmentCode").asString(), year - 1);
        model.addAttribute("lastYearKnown", lastYear != null);
        List<YearOverYear.Row> rows = YearOverYear.rows(YearOverYear.byClass(submission), lastYear, classNames(year));
        model.addAttribute("yoy", rows);
        model.addAttribute("chartHeight", Math.max(1, rows.size()) * YearOverYear.ROW_HEIGHT + 10);
        model.addAttribute("year", year);
        model.addAttribute("priorYear", Views.map(submission.path("priorYear")));
        return "review/budget";
    }

    @PostMapping("/budgets/{id}/approval")
    String approve(@PathVariable String id, @RequestParam String version, RedirectAttributes redirect) {
        try {
            gateway.post("/api/v1/budgets/" + enc(id) + "/approval", null, "\"" + version + "\"");
            redirect.addFlashAttribute("message", "已批准。公开稿将在单位基本情况齐备后自动生成。");
        } catch (ApiProblem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("error", "批准未成功：" + problem.detail());
        }
        return "redirect:/review/budgets/" + enc(id);
    }

    @PostMapping("/budgets/{id}/return")
    String giveBack(@PathVariable String id, @RequestParam String version, @RequestParam String reason,
                    RedirectAttributes redirect) {
        try {
            gateway.post("/api/v1/budgets/" + enc(id) + "/return", json.createObjectNode().put("reason", reason),
                    "\"" + version + "\"");
            redirect.addFlashAttribute("message", "已退回，单位经办人将看到退回原因。");
        } catch (ApiProblem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("error", "退回未成功：" + problem.detail());
        }
        return "redirect:/review/budgets/" + enc(id);
    }

    /** Last year's approved budget of the department, by function class; null when the platform has none. */
    private Map<String, BigDecimal> lastYearByClass(String departmentCode, int year) {
        JsonNode page = gateway.get("/api/v1/budgets?status=APPROVED&size=100&departmentCode=" + departmentCode
                + "&fiscalYear=" + year).body();
        JsonNode latest = null;
        for (JsonNode b : page.path("items")) {
            if (latest == null || b.path("revision").asInt() > latest.path("revision").asInt()) {
                latest = b;
            }
        }
        if (latest == null) {
            return null;
        }
        JsonNode budget = gateway.get("/api/v1/budgets/" + enc(latest.path("id").asString())).body();
        return YearOverYear.byClass(budget.path("submission"));
    }

    private Map<String, String> classNames(int year) {
        Map<String, String> names = new HashMap<>();
        try {
            for (JsonNode c : gateway.get("/api/v1/budgets/catalogs/" + year).body().path("function").path("codes")) {
                String code = c.path("code").asString("");
                if (code.length() == 3) {
                    names.put(code, c.path("name").asString(""));
                }
            }
        } catch (ApiProblem problem) {
            // no catalog for the year: the view shows codes only
        }
        return names;
    }

    private static String enc(String segment) {
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }
}
