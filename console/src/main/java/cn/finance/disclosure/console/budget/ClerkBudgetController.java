package cn.finance.disclosure.console.budget;

import cn.finance.disclosure.console.budget.FormView.Note;
import cn.finance.disclosure.console.gateway.ApiProblem;
import cn.finance.disclosure.console.gateway.GatewayClient;
import cn.finance.disclosure.console.gateway.Views;
import cn.finance.disclosure.console.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The clerk's budgets: list, create and edit by form, validate (findings beside the fields), explain each warning,
 * submit, and read return reasons and history. Everything goes through the staff API as the clerk.
 */
@Controller
@RequestMapping("/clerk/budgets")
class ClerkBudgetController {

    private final GatewayClient gateway;
    private final JsonMapper json;

    ClerkBudgetController(GatewayClient gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    @GetMapping
    String list(Authentication auth, Model model) {
        CurrentUser me = CurrentUser.of(auth);
        if (me.departmentCode() == null) {
            model.addAttribute("error", "您的账号没有所属单位编码，请联系财政局管理员。");
            model.addAttribute("budgets", List.of());
        } else {
            JsonNode page = gateway.get("/api/v1/budgets?size=100&departmentCode=" + me.departmentCode()).body();
            model.addAttribute("budgets", Views.list(page.path("items")));
        }
        model.addAttribute("nextYear", Year.now().getValue() + 1);
        return "clerk/budgets";
    }

    @GetMapping("/new")
    String create(@RequestParam(defaultValue = "0") int year, Model model) {
        ObjectNode empty = json.createObjectNode();
        if (year >= 2000 && year <= 2100) {
            empty.put("fiscalYear", year);
            empty.putObject("priorYear").put("fiscalYear", year - 1);
        }
        return form(model, null, empty, BudgetForm.Room.NEW, List.of(), Map.of(), null);
    }

    @PostMapping("/new")
    String created(Authentication auth, HttpServletRequest request, @RequestParam(defaultValue = "save") String action,
                   @RequestParam(defaultValue = "0") int more, Model model) {
        ObjectNode submission = BudgetForm.toSubmission(request.getParameterMap(), CurrentUser.of(auth).departmentCode(),
                json);
        if ("more".equals(action)) {
            model.addAttribute("moreCount", more + 1);
            return form(model, null, submission, room(BudgetForm.Room.NEW, more + 1), List.of(), Map.of(), null);
        }
        model.addAttribute("moreCount", more);
        BudgetForm.Room room = room(BudgetForm.Room.NEW, more);
        // "保存并校验" stores the form as a draft and shows the stored version's findings; the dry run that stores
        // nothing (POST /api/v1/budgets/validation) is what the live check below uses while the clerk types.
        try {
            JsonNode created = gateway.post("/api/v1/budgets", submission).body();
            String id = created.path("id").asString();
            return "redirect:/clerk/budgets/" + enc(id) + ("check".equals(action) ? "/edit?check=true" : "?saved=true");
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && !problem.conflict()) {
                throw problem;
            }
            return form(model, null, submission, room, List.of(new Note("ERROR", "错误", null, problem.detail())),
                    Findings.byPath(problem), null);
        }
    }

    /**
     * Validates what the form holds without storing it (the API's dry run, POST /api/v1/budgets/validation) and
     * answers the findings as a fragment, which console.js shows while the clerk types. If the dry run is unavailable,
     * the fragment says so and the script stops asking; "保存并校验" always works.
     */
    @PostMapping("/check")
    String liveCheck(Authentication auth, HttpServletRequest request, Model model) {
        ObjectNode submission = BudgetForm.toSubmission(request.getParameterMap(),
                CurrentUser.of(auth).departmentCode(), json);
        try {
            model.addAttribute("findings", Findings.of(gateway.post("/api/v1/budgets/validation", submission).body()));
        } catch (ApiProblem problem) {
            if (problem.status() == 404 || problem.status() == 405) {
                model.addAttribute("unavailable", true);
            } else if (problem.status() == 400) {
                List<String> errors = new ArrayList<>();
                problem.fieldErrors().forEach((f, m) -> m.forEach(x -> errors.add(f + "：" + x)));
                model.addAttribute("errors", errors.isEmpty() ? List.of(problem.detail()) : errors);
            } else {
                throw problem;
            }
        }
        return "clerk/live-findings";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, @RequestParam(defaultValue = "false") boolean check, Model model) {
        GatewayClient.Answer answer = gateway.get("/api/v1/budgets/" + enc(id));
        JsonNode budget = answer.body();
        Map<String, List<Note>> notes = Map.of();
        List<Findings.Finding> findings = List.of();
        if (check) {
            findings = Findings.of(gateway.post("/api/v1/budgets/" + enc(id) + "/validation", null).body());
            notes = Findings.byPath(findings);
            model.addAttribute("findings", findings);
        }
        return form(model, id, budget.path("submission"), BudgetForm.Room.EDIT, List.of(), notes,
                String.valueOf(budget.path("version").asLong()));
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable String id, Authentication auth, HttpServletRequest request,
                  @RequestParam(defaultValue = "save") String action, @RequestParam(defaultValue = "0") int more,
                  @RequestParam String version, Model model) {
        ObjectNode submission = BudgetForm.toSubmission(request.getParameterMap(),
                CurrentUser.of(auth).departmentCode(), json);
        if ("more".equals(action)) {
            model.addAttribute("moreCount", more + 1);
            return form(model, id, submission, room(BudgetForm.Room.EDIT, more + 1), List.of(), Map.of(), version);
        }
        model.addAttribute("moreCount", more);
        BudgetForm.Room room = room(BudgetForm.Room.EDIT, more);
        try {
            gateway.put("/api/v1/budgets/" + enc(id), submission, "\"" + version + "\"");
            return "redirect:/clerk/budgets/" + enc(id) + ("check".equals(action) ? "/edit?check=true" : "?saved=true");
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && !problem.conflict()) {
                throw problem;
            }
            String message = problem.conflict()
                    ? "保存未成功：该预算已被他人修改或状态已变化（" + problem.detail() + "）。请打开最新版本后重新修改。"
                    : problem.detail();
            model.addAttribute("conflict", problem.conflict());
            return form(model, id, submission, room, List.of(new Note("ERROR", "错误", null, message)),
                    Findings.byPath(problem), version);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, Model model) {
        JsonNode budget = gateway.get("/api/v1/budgets/" + enc(id)).body();
        model.addAttribute("budget", Views.map(budget));
        List<String> allowed = new ArrayList<>();
        budget.path("allowedActions").forEach(a -> allowed.add(a.asString()));
        model.addAttribute("allowed", allowed);
        if (allowed.contains("SUBMIT")) {
            JsonNode validation = gateway.post("/api/v1/budgets/" + enc(id) + "/validation", null).body();
            List<Findings.Finding> findings = Findings.of(validation);
            model.addAttribute("validation", Views.map(validation));
            model.addAttribute("findings", findings);
            model.addAttribute("warnings", findings.stream().filter(Findings.Finding::warning).toList());
        }
        return "clerk/budget";
    }

    @PostMapping("/{id}/submission")
    String submit(@PathVariable String id, @RequestParam String version, HttpServletRequest request,
                  RedirectAttributes redirect, Model model) {
        ObjectNode body = json.createObjectNode();
        ArrayNode acks = body.putArray("acknowledgements");
        for (int i = 0; i < 200; i++) {
            String ruleId = request.getParameter("ack[" + i + "].ruleId");
            if (ruleId == null) {
                break;
            }
            acks.addObject().put("ruleId", ruleId).put("path", request.getParameter("ack[" + i + "].path"))
                    .put("explanation", request.getParameter("ack[" + i + "].explanation"));
        }
        try {
            gateway.post("/api/v1/budgets/" + enc(id) + "/submission", body, "\"" + version + "\"");
            redirect.addFlashAttribute("message", "已提交，等待财政局审核。");
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && !problem.conflict()) {
                throw problem;
            }
            redirect.addFlashAttribute("error", "提交未成功：" + problem.detail());
            List<String> errors = new ArrayList<>();
            problem.fieldErrors().forEach((field, messages) -> messages.forEach(m -> errors.add(field + "：" + m)));
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/clerk/budgets/" + enc(id);
    }

    /** Deletes a draft that was never submitted (the service refuses anything else, or answers 404 where it lacks it). */
    @PostMapping("/{id}/deletion")
    String delete(@PathVariable String id, @RequestParam String version, RedirectAttributes redirect) {
        try {
            gateway.delete("/api/v1/budgets/" + enc(id), "\"" + version + "\"");
            redirect.addFlashAttribute("message", "已删除该草稿。");
            return "redirect:/clerk/budgets";
        } catch (ApiProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute("error", "删除未成功：" + problem.detail());
            return "redirect:/clerk/budgets/" + enc(id);
        }
    }

    /** The year's Excel template, fetched as the clerk and handed to the browser (the token stays here). */
    @GetMapping("/template")
    org.springframework.http.ResponseEntity<byte[]> template(@RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw new ApiProblem(404, null);
        }
        GatewayClient.Download file = gateway.download("/api/v1/budgets/templates/" + year + ".xlsx");
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"budget-template-" + year + ".xlsx\"")
                .header("Content-Type", file.contentType()).body(file.bytes());
    }

    /** A budget as its workbook (the template filled with the budget), fetched as the clerk. */
    @GetMapping("/{id}/workbook")
    org.springframework.http.ResponseEntity<byte[]> workbook(@PathVariable String id) {
        GatewayClient.Download file = gateway.download("/api/v1/budgets/" + enc(id) + "/workbook");
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"budget-" + id.replaceAll("[^A-Za-z0-9-]", "")
                        + ".xlsx\"")
                .header("Content-Type", file.contentType()).body(file.bytes());
    }

    /** Imports a filled Excel template: the service reads it into a draft, or names what it could not read. */
    @PostMapping("/import")
    String importExcel(@RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                       RedirectAttributes redirect) throws java.io.IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "请选择填好的 Excel 模板文件（.xlsx）。");
            return "redirect:/clerk/budgets";
        }
        try {
            JsonNode created = gateway.postRaw("/api/v1/budgets/imports", file.getBytes(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body();
            return "redirect:/clerk/budgets/" + enc(created.path("id").asString()) + "/edit?check=true";
        } catch (ApiProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute("error", problem.status() == 404 ? "Excel 导入暂不可用，请按表单填写。"
                    : "导入未成功：" + problem.detail());
            List<String> errors = new ArrayList<>();
            problem.fieldErrors().forEach((f, m) -> m.forEach(x -> errors.add(f + "：" + x)));
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/clerk/budgets";
        }
    }

    @PostMapping("/{id}/revision")
    String revise(@PathVariable String id) {
        JsonNode revision = gateway.post("/api/v1/budgets/" + enc(id) + "/revisions", null).body();
        return "redirect:/clerk/budgets/" + enc(revision.path("id").asString()) + "/edit";
    }

    private String form(Model model, String id, JsonNode submission, BudgetForm.Room room, List<Note> general,
                        Map<String, List<Note>> notes, String version) {
        model.addAttribute("id", id);
        model.addAttribute("version", version);
        model.addAttribute("form", BudgetForm.view(submission, room, general, notes));
        if (!model.containsAttribute("moreCount")) {
            model.addAttribute("moreCount", 0);
        }
        return "clerk/budget-form";
    }

    private static BudgetForm.Room room(BudgetForm.Room base, int more) {
        BudgetForm.Room room = base;
        for (int i = 0; i < Math.min(more, 20); i++) {
            room = room.more();
        }
        return room;
    }

    static String enc(String segment) {
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }
}
