package cn.finance.disclosure.console.publication;

import cn.finance.disclosure.console.gateway.ApiProblem;
import cn.finance.disclosure.console.gateway.GatewayClient;
import cn.finance.disclosure.console.gateway.Views;
import cn.finance.disclosure.console.ConsoleProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Disclosures: the unit head previews the draft exactly as it will be published (its text and tables, with the
 * content hash the confirmation covers) and confirms; the bureau publisher sees the deadline board, releases
 * confirmed drafts, publishes corrections with a public reason and withdraws versions. Each step sends the content
 * hash the person saw, so a draft that changed meanwhile is refused by the service, not confirmed blindly.
 */
@Controller
class PublicationController {

    private static final String ID = "{id:[0-9]{6,12}-[0-9]{4}}";

    private final GatewayClient gateway;
    private final JsonMapper json;
    private final ConsoleProperties properties;

    PublicationController(GatewayClient gateway, JsonMapper json, ConsoleProperties properties) {
        this.gateway = gateway;
        this.json = json;
        this.properties = properties;
    }

    @GetMapping("/head")
    String headList(Model model) {
        model.addAttribute("items", Views.list(gateway.get("/api/v1/publications?size=100").body().path("items")));
        return "head/list";
    }

    @GetMapping("/head/publications/" + ID)
    String headPreview(@PathVariable String id, Model model) {
        return preview(id, model, "head/preview");
    }

    @PostMapping("/head/publications/" + ID + "/confirmation")
    String confirm(@PathVariable String id, @RequestParam String contentHash, RedirectAttributes redirect) {
        step(id, "confirmation", body(contentHash, null), "已确认。财政局公开专员将发布此稿。", redirect);
        return "redirect:/head/publications/" + id;
    }

    @GetMapping("/publisher")
    String board(Model model) {
        List<Map<String, Object>> items = new ArrayList<>(
                Views.list(gateway.get("/api/v1/publications?size=100").body().path("items")));
        // overdue first, then the nearest due date; what has nothing pending last
        items.sort(Comparator.comparing((Map<String, Object> m) -> !Boolean.TRUE.equals(m.get("overdue")))
                .thenComparing(m -> m.get("daysLeft") == null ? Long.MAX_VALUE : ((Number) m.get("daysLeft")).longValue()));
        model.addAttribute("items", items);
        return "publisher/board";
    }

    @GetMapping("/publisher/publications/" + ID)
    String publisherView(@PathVariable String id, Model model) {
        return preview(id, model, "publisher/disclosure");
    }

    @PostMapping("/publisher/publications/" + ID + "/release")
    String release(@PathVariable String id, @RequestParam String contentHash, RedirectAttributes redirect) {
        step(id, "release", body(contentHash, null), "已发布，公众现在可以查阅此版本。", redirect);
        return "redirect:/publisher/publications/" + id;
    }

    @PostMapping("/publisher/publications/" + ID + "/correction")
    String correct(@PathVariable String id, @RequestParam String contentHash, @RequestParam String reason,
                   RedirectAttributes redirect) {
        step(id, "correction", body(contentHash, reason), "已发布更正版本。", redirect);
        return "redirect:/publisher/publications/" + id;
    }

    @PostMapping("/publisher/publications/" + ID + "/withdrawal")
    String withdraw(@PathVariable String id, @RequestParam String contentHash, @RequestParam String reason,
                    RedirectAttributes redirect) {
        step(id, "withdrawal", body(contentHash, reason), "已撤回该版本。", redirect);
        return "redirect:/publisher/publications/" + id;
    }

    private String preview(String id, Model model, String view) {
        JsonNode detail = gateway.get("/api/v1/publications/" + id).body();
        model.addAttribute("d", Views.map(detail));
        model.addAttribute("draft", Views.map(detail.path("draft")));
        model.addAttribute("content", Views.map(detail.path("draft").path("content")));
        List<Map<String, Object>> versions = Views.list(detail.path("versions"));
        model.addAttribute("versions", versions);
        Map<String, Object> current = versions.stream().filter(v -> "current".equals(v.get("status")))
                .reduce((a, b) -> b).orElse(null);
        model.addAttribute("current", current);
        model.addAttribute("publicUrl", properties.publicUrl());
        return view;
    }

    private ObjectNode body(String contentHash, String reason) {
        ObjectNode body = json.createObjectNode().put("contentHash", contentHash);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private void step(String id, String step, ObjectNode body, String done, RedirectAttributes redirect) {
        try {
            gateway.post("/api/v1/publications/" + id + "/" + step, body);
            redirect.addFlashAttribute("message", done);
        } catch (ApiProblem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("error", "未成功：" + problem.detail());
            List<String> errors = new ArrayList<>();
            problem.fieldErrors().forEach((f, m) -> m.forEach(x -> errors.add(f + "：" + x)));
            redirect.addFlashAttribute("errors", errors);
        }
    }
}
