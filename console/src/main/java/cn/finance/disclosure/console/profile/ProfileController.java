package cn.finance.disclosure.console.profile;

import cn.finance.disclosure.console.gateway.ApiProblem;
import cn.finance.disclosure.console.gateway.GatewayClient;
import cn.finance.disclosure.console.gateway.Views;
import cn.finance.disclosure.console.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clerk's department profile for a year (functions, divisions, disclosure contact): edit it, or copy last
 * year's. Saving sends the version the clerk saw as If-Match, so a change made meanwhile by someone else is shown
 * plainly instead of being overwritten.
 */
@Controller
@RequestMapping("/clerk/profile")
class ProfileController {

    private final GatewayClient gateway;
    private final JsonMapper json;

    ProfileController(GatewayClient gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    @GetMapping
    String show(@RequestParam(defaultValue = "0") int year, Authentication auth, Model model) {
        int fiscalYear = year == 0 ? Year.now().getValue() : year;
        String code = CurrentUser.of(auth).departmentCode();
        JsonNode profile = null;
        try {
            profile = gateway.get(path(code, fiscalYear)).body();
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
        }
        return page(model, fiscalYear, profile == null ? null : profile.path("version").asString(),
                profile == null ? json.createObjectNode() : profile);
    }

    @PostMapping
    String save(@RequestParam int year, @RequestParam(required = false) String version, HttpServletRequest request,
                Authentication auth, Model model, RedirectAttributes redirect) {
        String code = CurrentUser.of(auth).departmentCode();
        ObjectNode body = fromForm(request, year);
        try {
            gateway.put(path(code, year), body, version == null || version.isBlank() ? null : "\"" + version + "\"");
            redirect.addFlashAttribute("message", "已保存" + year + "年度单位基本情况。");
            return "redirect:/clerk/profile?year=" + year;
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && !problem.conflict()) {
                throw problem;
            }
            if (problem.conflict()) {
                model.addAttribute("error", "保存未成功：该年度基本情况已被他人修改（您看到的是旧版本）。"
                        + "下方保留了您填写的内容；请核对最新内容后再保存。服务答复：" + problem.detail());
                model.addAttribute("conflict", true);
                JsonNode latest = gateway.get(path(code, year)).body();
                model.addAttribute("latest", Views.map(latest));
                version = latest.path("version").asString();
            } else {
                model.addAttribute("error", problem.detail());
                List<String> errors = new ArrayList<>();
                problem.fieldErrors().forEach((f, m) -> m.forEach(x -> errors.add(f + "：" + x)));
                model.addAttribute("errors", errors);
            }
            return page(model, year, version, body);
        }
    }

    @PostMapping("/copy")
    String copy(@RequestParam int year, Authentication auth, RedirectAttributes redirect) {
        String code = CurrentUser.of(auth).departmentCode();
        try {
            gateway.post(path(code, year) + "/copy-of-previous-year", null);
            redirect.addFlashAttribute("message", "已复制" + (year - 1) + "年度基本情况，请核对修改后保存。");
        } catch (ApiProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute("error", "复制未成功：" + problem.detail());
        }
        return "redirect:/clerk/profile?year=" + year;
    }

    private String page(Model model, int year, String version, JsonNode profile) {
        model.addAttribute("year", year);
        model.addAttribute("version", version);
        List<String> functions = new ArrayList<>();
        profile.path("functions").forEach(f -> functions.add(f.asString()));
        // room for a whole profile when it is new (a unit lists about ten functions), two more rows otherwise
        int functionRows = Math.max(functions.size() + 2, 12);
        while (functions.size() < functionRows) {
            functions.add("");
        }
        List<Map<String, String>> divisions = new ArrayList<>();
        profile.path("divisions").forEach(d -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", d.path("name").asString(""));
            m.put("responsibilities", d.path("responsibilities").asString(""));
            divisions.add(m);
        });
        int divisionRows = Math.max(divisions.size() + 2, 6);
        while (divisions.size() < divisionRows) {
            divisions.add(Map.of("name", "", "responsibilities", ""));
        }
        model.addAttribute("functions", functions);
        model.addAttribute("divisions", divisions);
        model.addAttribute("contactName", profile.path("disclosureContact").path("name").asString(""));
        model.addAttribute("contactPhone", profile.path("disclosureContact").path("phone").asString(""));
        model.addAttribute("updatedBy", profile.path("updatedBy").asString(""));
        model.addAttribute("updatedAt", profile.path("updatedAt").asString(""));
        return "clerk/profile";
    }

    private ObjectNode fromForm(HttpServletRequest request, int year) {
        ObjectNode body = json.createObjectNode();
        body.put("fiscalYear", year);
        ArrayNode functions = body.putArray("functions");
        ArrayNode divisions = body.putArray("divisions");
        for (int i = 0; i < 60; i++) {
            String f = request.getParameter("functions[" + i + "]");
            if (f != null && !f.isBlank()) {
                functions.add(f.strip());
            }
            String name = request.getParameter("divisions[" + i + "].name");
            String resp = request.getParameter("divisions[" + i + "].responsibilities");
            if ((name != null && !name.isBlank()) || (resp != null && !resp.isBlank())) {
                divisions.addObject().put("name", name == null ? "" : name.strip())
                        .put("responsibilities", resp == null ? "" : resp.strip());
            }
        }
        body.putObject("disclosureContact").put("name", value(request, "contactName"))
                .put("phone", value(request, "contactPhone"));
        return body;
    }

    private static String value(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v.strip();
    }

    private static String path(String code, int year) {
        return "/api/v1/departments/" + code + "/profiles/" + year;
    }
}
