package cn.finance.disclosure.console.admin;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bureau admin's pages: register departments (through the staff API), create and disable department users
 * (through Keycloak's Admin API with the console's limited service account), upload the year's official code lists.
 */
@Controller
@RequestMapping("/admin")
class AdminController {

    private final GatewayClient gateway;
    private final KeycloakUserAdmin users;
    private final JsonMapper json;

    AdminController(GatewayClient gateway, KeycloakUserAdmin users, JsonMapper json) {
        this.gateway = gateway;
        this.users = users;
        this.json = json;
    }

    @GetMapping("/departments")
    String departments(Model model) {
        model.addAttribute("departments",
                Views.list(gateway.get("/api/v1/departments?size=100").body().path("items")));
        return "admin/departments";
    }

    @PostMapping("/departments")
    String register(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        ObjectNode body = json.createObjectNode();
        for (String field : List.of("code", "name", "shortName", "district", "kind", "level", "parentCode")) {
            String value = form.getOrDefault(field, "").strip();
            if (!value.isEmpty()) {
                body.put(field, value);
            }
        }
        // kind and level come from selects (enumeration names); anything else is refused by department-service
        try {
            gateway.post("/api/v1/departments", body);
            redirect.addFlashAttribute("message", "已登记预算单位 " + body.path("code").asString("") + "。");
        } catch (ApiProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            failed(redirect, "登记未成功：", problem);
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/admin/departments";
    }

    @GetMapping("/users")
    String users(@RequestParam(defaultValue = "") String departmentCode, Model model) {
        model.addAttribute("users", users.list(departmentCode));
        model.addAttribute("departmentCode", departmentCode);
        return "admin/users";
    }

    @PostMapping("/users")
    String createUser(@RequestParam String username, @RequestParam String lastName, @RequestParam String firstName,
                      @RequestParam String email, @RequestParam String departmentCode, @RequestParam String role,
                      @RequestParam String password,
                      @RequestParam(defaultValue = "false") boolean temporaryPassword, RedirectAttributes redirect) {
        List<String> errors = new ArrayList<>();
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,59}")) {
            errors.add("用户名：须为3至60位小写字母、数字、点、下划线或连字符");
        }
        if (!departmentCode.matches("[0-9]{6,12}")) {
            errors.add("单位编码：须为6至12位数字");
        }
        if (!KeycloakUserAdmin.DEPARTMENT_ROLES.contains(role)) {
            errors.add("角色：只能是单位经办人或单位负责人");
        }
        if (lastName.isBlank() || firstName.isBlank() || !email.matches("[^@\\s]+@[^@\\s]+")) {
            errors.add("姓名和邮箱：须填写完整（Keycloak 要求）");
        }
        if (password.length() < 8) {
            errors.add("初始密码：至少8位");
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("error", "未创建用户：");
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/admin/users";
        }
        try {
            // the department must exist and the admin must be allowed to see it (the staff API decides)
            gateway.get("/api/v1/departments/" + departmentCode);
            users.create(new KeycloakUserAdmin.NewUser(username.strip(), lastName.strip(), firstName.strip(),
                    email.strip(), departmentCode, role, password, temporaryPassword));
            redirect.addFlashAttribute("message", "已创建用户 " + username + "（单位 " + departmentCode + "）。");
        } catch (ApiProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            failed(redirect, "未创建用户：", problem);
        }
        return "redirect:/admin/users?departmentCode=" + departmentCode;
    }

    @PostMapping("/users/{id}/enabled")
    String enable(@PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        if (!id.matches("[0-9a-f-]{36}")) {
            throw new ApiProblem(404, null);
        }
        users.setEnabled(id, enabled);
        redirect.addFlashAttribute("message", enabled ? "已启用该用户。" : "已停用该用户，其不能再登录。");
        return "redirect:/admin/users";
    }

    /** Messages publication-service parked because it could not process them, where that service offers the list. */
    @GetMapping("/dead-letters")
    String deadLetters(Model model) {
        try {
            tools.jackson.databind.JsonNode answer = gateway.get("/api/v1/publications/admin/dead-letters").body();
            tools.jackson.databind.JsonNode items = answer != null && answer.has("items") ? answer.get("items") : answer;
            model.addAttribute("letters", Views.list(items));
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            model.addAttribute("unavailable", true);
        }
        return "admin/dead-letters";
    }

    /** Sends one parked message through the consumer again; the service records who did it. */
    @PostMapping("/dead-letters/{id}/replay")
    String replay(@PathVariable String id, RedirectAttributes redirect) {
        if (!id.matches("[a-z0-9._-]{1,249}-[0-9]{1,9}-[0-9]{1,19}")) {
            throw new ApiProblem(404, null);
        }
        try {
            tools.jackson.databind.JsonNode letter =
                    gateway.post("/api/v1/publications/admin/dead-letters/" + id + "/replay", null).body();
            redirect.addFlashAttribute("message", "replayed".equals(letter.path("status").asString(""))
                    ? "已重新处理消息 " + id + "。" : "消息 " + id + " 重新处理后仍未成功。");
        } catch (ApiProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            failed(redirect, "重新处理未成功：", problem);
        }
        return "redirect:/admin/dead-letters";
    }

    @PostMapping("/dead-letters/replay")
    String replayAll(RedirectAttributes redirect) {
        try {
            tools.jackson.databind.JsonNode answer =
                    gateway.post("/api/v1/publications/admin/dead-letters/replay", null).body();
            redirect.addFlashAttribute("message", "已重新处理 " + answer.path("replayed").asInt() + " 条消息，"
                    + answer.path("failed").asInt() + " 条仍未成功。");
        } catch (ApiProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            failed(redirect, "重新处理未成功：", problem);
        }
        return "redirect:/admin/dead-letters";
    }

    @GetMapping("/catalogs")
    String catalogs() {
        return "admin/catalogs";
    }

    @PostMapping("/catalogs")
    String upload(@RequestParam int fiscalYear, @RequestParam String kind, @RequestParam("file") MultipartFile file,
                  @RequestParam(defaultValue = "UTF-8") String charset, RedirectAttributes redirect)
            throws IOException {
        if (!kind.equals("function") && !kind.equals("economic") || fiscalYear < 2000 || fiscalYear > 2100) {
            redirect.addFlashAttribute("error", "请选择年度（2000—2100）和科目类别。");
            return "redirect:/admin/catalogs";
        }
        if (!charset.equals("UTF-8") && !charset.equals("GBK")) {
            charset = "UTF-8";
        }
        try {
            var answer = gateway.putRaw("/api/v1/budgets/catalogs/" + fiscalYear + "/" + kind, file.getBytes(),
                    "text/csv; charset=" + charset);
            redirect.addFlashAttribute("message", "已上传 " + fiscalYear + " 年" + (kind.equals("function")
                    ? "功能分类" : "经济分类") + "科目表：" + answer.body().toString());
        } catch (ApiProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            failed(redirect, "上传未成功：", problem);
        }
        return "redirect:/admin/catalogs";
    }

    private static void failed(RedirectAttributes redirect, String prefix, ApiProblem problem) {
        redirect.addFlashAttribute("error", prefix + problem.detail());
        List<String> errors = new ArrayList<>();
        problem.fieldErrors().forEach((f, m) -> m.forEach(x -> errors.add(f + "：" + x)));
        redirect.addFlashAttribute("errors", errors);
    }
}
