package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff console in a real browser (headless Chromium) over the whole running stack, signing in through
 * Keycloak's real login page. The seed's facts go from registration to public release in the browser alone, and the
 * console keeps to the services' rules: another department's budget is a 404 page, a wrong role a 403 page, a form
 * without its CSRF token changes nothing, an expired session asks to sign in again, logout ends the Keycloak session.
 * Every step saves a screenshot under target/console-screenshots.
 */
class ConsoleBrowserSystemTest {

    private static final String CODE = "409901";
    private static final String CLERK = "b-clerk-" + CODE;
    private static final String HEAD = "b-head-" + CODE;
    private static final String PASSWORD = "Browser-Test-2024";
    private static final String EXPLANATION = StackScenarios.WARNING_EXPLANATION;

    private static String console;
    private static StaffClient api;

    @BeforeAll
    static void stack() {
        console = RunningStack.consoleUrl();
        api = RunningStack.client();
    }

    @Test
    void theSeedGoesFromRegistrationToPublicReleaseInTheBrowserAlone() {
        // bureau-admin registers the department and creates its clerk and head
        try (ConsoleBrowser admin = ConsoleBrowser.signedIn(console, "bureau-admin", "demo")) {
            admin.open("/admin/departments");
            JsonNode seed = DemoLoader.seedFacts().get("department");
            admin.typeId("code", CODE);
            admin.typeId("name", "重庆市綦江区浏览器测试单位（本级）");
            admin.typeId("shortName", "浏览器测试单位");
            // kind and level are selects of the registry's enumerations, labelled in Chinese
            admin.type("kind", seed.get("kind").asString());
            admin.type("level", seed.get("level").asString());
            admin.screenshot("admin-registers-department");
            admin.click("register");
            assertThat(admin.text(By.cssSelector(".message"))).contains("已登记预算单位 " + CODE);
            assertThat(admin.text(By.id("departments"))).contains("重庆市綦江区浏览器测试单位（本级）");
            JsonNode registered = api.get("/api/v1/departments/" + CODE, "bureau-admin").json();
            assertThat(registered.get("kind").asString()).isEqualTo("ADMINISTRATIVE");
            assertThat(registered.get("level").asString()).isEqualTo("DEPARTMENT");
            WebElement row = admin.driver.findElement(By.xpath("//table[@id='departments']//tr[td='" + CODE + "']"));
            assertThat(row.getText()).contains("行政单位", "一级部门（含所属单位）");

            admin.open("/admin/users");
            createUser(admin, CLERK, "王", "经办", "department-clerk");
            createUser(admin, HEAD, "李", "负责", "department-head");
            assertThat(admin.text(By.id("users"))).contains(CLERK, HEAD, "单位经办人", "单位负责人");
            admin.screenshot("admin-created-users");

            // a user who leaves is disabled: Keycloak no longer signs them in, their attributes stay
            String leaver = "b-leaver-" + CODE;
            createUser(admin, leaver, "赵", "离职", "department-clerk");
            api.token(leaver, PASSWORD);
            admin.click("disable-" + leaver);
            assertThat(admin.text(By.cssSelector(".message"))).contains("已停用");
            admin.open("/admin/users?departmentCode=" + CODE);
            assertThat(admin.text(By.id("user-" + leaver))).contains("已停用", CODE);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> new StaffClient(RunningStack.gateway(), RunningStack.get().settings().issuer())
                            .token(leaver, PASSWORD)).hasMessageContaining("login of " + leaver + " failed");
        }

        String budgetId;
        try (ConsoleBrowser clerk = ConsoleBrowser.signedIn(console, CLERK, PASSWORD)) {
            // the profile of the year, by form
            clerk.open("/clerk/profile?year=2024");
            JsonNode profile = DemoLoader.seedFacts().get("department").get("profile");
            for (int i = 0; i < profile.get("functions").size(); i++) {
                clerk.type("functions[" + i + "]", profile.get("functions").get(i).asString());
            }
            for (int i = 0; i < profile.get("divisions").size(); i++) {
                clerk.type("divisions[" + i + "].name", profile.get("divisions").get(i).get("name").asString());
                clerk.type("divisions[" + i + "].responsibilities",
                        profile.get("divisions").get(i).get("responsibilities").asString());
            }
            clerk.typeId("contactName", profile.get("disclosureContact").get("name").asString());
            clerk.typeId("contactPhone", profile.get("disclosureContact").get("phone").asString());
            clerk.click("save-profile");
            assertThat(clerk.text(By.cssSelector(".message"))).contains("已保存2024年度单位基本情况");
            clerk.screenshot("clerk-saved-profile");

            // the budget, by form: every seed fact typed into its field
            clerk.open("/clerk/budgets");
            clerk.typeId("year", "2024");
            clerk.click("new-budget");
            JsonNode budget = StackScenarios.seedBudget(CODE);
            List<String[]> facts = new ArrayList<>();
            flatten(budget, "", facts);
            for (String[] fact : facts) {
                // the clerk's own department, and the prior year's origin the service records (entered by form)
                if (!fact[0].equals("departmentCode") && !fact[0].startsWith("priorYear.origin")) {
                    clerk.type(fact[0], fact[1]);
                }
            }
            // validated as typed (the API's dry run): the warning appears beside the form, nothing is stored
            clerk.waitFor(d -> d.findElement(By.id("live-findings")).getText()
                    .contains("V06-REVENUE-EXPENDITURE-DELTA"));
            assertThat(clerk.text(By.id("s-priorYear"))).as("beside the prior-year section, before saving")
                    .contains("V06-REVENUE-EXPENDITURE-DELTA");
            clerk.screenshot("clerk-enters-budget-live-findings");
            api.token(CLERK, PASSWORD); // the API client signs in as the new clerk (its token is cached by user name)
            assertThat(api.get("/api/v1/budgets?departmentCode=" + CODE, CLERK).json().get("items")).isEmpty();
            clerk.click("check");
            assertThat(clerk.path()).matches("/clerk/budgets/[^/]+/edit\\?check=true");
            budgetId = clerk.path().split("/")[3];
            // findings beside the fields: the warning at the prior-year section, the rounding note in the form
            assertThat(clerk.text(By.id("s-priorYear"))).contains("V06-REVENUE-EXPENDITURE-DELTA");
            assertThat(clerk.all(By.cssSelector("#budget-form .note.sev-INFO"))).isNotEmpty();
            assertThat(clerk.all(By.cssSelector("#budget-form .note.sev-ERROR"))).isEmpty();
            clerk.driver.findElement(By.id("s-priorYear")).click();
            clerk.screenshot("clerk-findings-beside-fields");

            // exactly the findings the API gives, on the budget's page
            clerk.open("/clerk/budgets/" + budgetId);
            Set<String> expected = apiFindings(budgetId);
            Set<String> shown = shownFindings(clerk);
            assertThat(shown).isEqualTo(expected);
            assertThat(shown).extracting(s -> s.split("\\|")[0] + " " + s.split("\\|")[1])
                    .containsExactlyInAnyOrder("WARNING V06-REVENUE-EXPENDITURE-DELTA",
                            "INFO V03-ROUNDING-FUNCTION-CLASSES");

            // explain the warning and submit
            clerk.typeId("ack-0", EXPLANATION);
            clerk.screenshot("clerk-explains-warning");
            clerk.click("submit");
            assertThat(clerk.text(By.id("status"))).isEqualTo("已提交待审核");
            assertThat(clerk.text(By.id("history"))).contains("提交", CLERK, EXPLANATION);
            clerk.screenshot("clerk-submitted");

            // a draft never submitted can be deleted from its page; the submitted one has no delete button
            assertThat(clerk.all(By.id("delete"))).isEmpty();
            tools.jackson.databind.node.ObjectNode next = StackScenarios.seedBudget(CODE);
            next.put("fiscalYear", 2025);
            ((tools.jackson.databind.node.ObjectNode) next.get("priorYear")).put("fiscalYear", 2024);
            StaffClient.Answer draft = api.post("/api/v1/budgets", CLERK, next);
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            String draftId = draft.json().get("id").asString();
            JsonNode drafted = draft.json().get("submission");
            byte[] workbook = download("/api/v1/budgets/" + draftId + "/workbook", api.token(CLERK, PASSWORD));
            clerk.open("/clerk/budgets/" + draftId);
            clerk.screenshot("clerk-draft-to-delete");
            clerk.click("delete");
            assertThat(clerk.text(By.cssSelector(".message"))).contains("已删除该草稿");
            assertThat(clerk.path()).startsWith("/clerk/budgets");
            assertThat(api.get("/api/v1/budgets/" + draftId, CLERK).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/budgets/" + budgetId, CLERK).status()).isEqualTo(200);

            // the same budget as an Excel workbook (exported by the API), uploaded through the console's file input:
            // a new draft with the same figures, and on its page exactly the findings the API gives
            uploadWorkbook(clerk, "budget-2025.xlsx", workbook);
            assertThat(clerk.path()).matches("/clerk/budgets/[^/]+/edit\\?check=true");
            String importedId = clerk.path().split("/")[3];
            clerk.screenshot("clerk-imported-workbook");
            assertThat(api.get("/api/v1/budgets/" + importedId, CLERK).json().get("submission")).isEqualTo(drafted);
            clerk.open("/clerk/budgets/" + importedId);
            assertThat(shownFindings(clerk)).isEqualTo(apiFindings(importedId));

            // a spoiled workbook (an amount with three decimals) is refused; the clerk sees the API's sheet!cell list
            byte[] spoiled = spoil(workbook);
            StaffClient.Answer refused = upload(spoiled, api.token(CLERK, PASSWORD));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            List<String> expectedProblems = new ArrayList<>();
            refused.json().get("errors").forEach(e -> expectedProblems.add(e.get("sheet").asString() + "!"
                    + e.get("cell").asString() + "：" + e.get("message").asString()));
            assertThat(expectedProblems).isNotEmpty();
            uploadWorkbook(clerk, "spoiled-2025.xlsx", spoiled);
            assertThat(clerk.text(By.cssSelector(".error-box"))).contains("导入未成功");
            List<String> shownProblems = clerk.all(By.cssSelector(".error-box li")).stream()
                    .map(WebElement::getText).toList();
            assertThat(shownProblems).containsExactlyElementsOf(expectedProblems);
            clerk.screenshot("clerk-spoiled-workbook");
        }

        try (ConsoleBrowser reviewer = ConsoleBrowser.signedIn(console, "bureau-reviewer", "demo")) {
            reviewer.open("/review?status=SUBMITTED&departmentCode=" + CODE);
            reviewer.driver.findElement(By.linkText("审核 " + CODE)).click();
            assertThat(reviewer.text(By.id("findings"))).contains("V06-REVENUE-EXPENDITURE-DELTA",
                    "V03-ROUNDING-FUNCTION-CLASSES");
            assertThat(reviewer.text(By.id("explanations"))).contains(EXPLANATION);
            assertThat(reviewer.text(By.id("year-over-year"))).contains("201", "208");
            reviewer.screenshot("reviewer-budget-with-findings");
            reviewer.click("approve");
            assertThat(reviewer.text(By.id("status"))).isEqualTo("已批准");
            reviewer.screenshot("reviewer-approved");
        }

        String hash;
        try (ConsoleBrowser head = ConsoleBrowser.signedIn(console, HEAD, PASSWORD)) {
            // the draft appears once publication-service has the approval and the profile (events)
            head.open("/head");
            for (int i = 0; i < 90 && head.all(By.linkText("预览并确认")).isEmpty(); i++) {
                sleep(1000);
                head.open("/head");
            }
            head.driver.findElement(By.linkText("预览并确认")).click();
            hash = head.text(By.id("content-hash"));
            JsonNode draft = api.get("/api/v1/publications/" + CODE + "-2024", "bureau-publisher").json().get("draft");
            assertThat(hash).isEqualTo(draft.get("contentHash").asString());
            String document = head.text(By.id("document"));
            assertThat(document).contains(draft.get("content").get("title").asString(), "部门收支总表",
                    DemoLoader.seedFacts().get("department").get("profile").get("divisions").get(0).get("name")
                            .asString());
            head.screenshot("head-preview");
            head.click("confirm");
            assertThat(head.text(By.id("confirmed"))).contains("已确认");
            head.screenshot("head-confirmed");
        }

        try (ConsoleBrowser publisher = ConsoleBrowser.signedIn(console, "bureau-publisher", "demo")) {
            publisher.open("/publisher");
            publisher.screenshot("publisher-deadline-board");
            publisher.driver.findElement(By.linkText("办理 " + CODE + "-2024")).click();
            publisher.click("release");
            assertThat(publisher.text(By.cssSelector(".message"))).contains("已发布");
            assertThat(publisher.text(By.id("versions"))).contains("现行", hash);
            publisher.screenshot("publisher-released");
        }

        // the public version answers, with the content the head confirmed
        StaffClient.Answer published = anonymousGet("/public/v1/publications/" + CODE + "/2024");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("contentHash").asString()).isEqualTo(hash);
    }

    @Test
    void anotherDepartmentsBudgetIsANotFoundPage() {
        String fguBudget = api.get("/api/v1/budgets?departmentCode=405001", "bureau-reviewer").json()
                .get("items").get(0).get("id").asString();
        try (ConsoleBrowser other = ConsoleBrowser.signedIn(console, "other-clerk", "demo")) {
            other.open("/clerk/budgets/" + fguBudget);
            assertThat(other.title()).isEqualTo("未找到（404）");
            assertThat(other.driver.getPageSource()).doesNotContain("2766200.00");
            other.screenshot("other-department-404");
        }
    }

    @Test
    void aWrongRoleGetsAForbiddenPage() {
        try (ConsoleBrowser clerk = ConsoleBrowser.signedIn(console, "fgu-clerk", "demo")) {
            for (String page : List.of("/review", "/publisher", "/admin/users", "/head")) {
                clerk.open(page);
                assertThat(clerk.title()).as(page).isEqualTo("无权访问（403）");
            }
            clerk.screenshot("wrong-role-403");
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        long before = api.get("/api/v1/departments/405001/profiles/2024", "fgu-clerk").json().get("version").asLong();
        try (ConsoleBrowser clerk = ConsoleBrowser.signedIn(console, "fgu-clerk", "demo")) {
            clerk.open("/clerk/profile?year=2024");
            clerk.typeId("contactName", "篡改者");
            clerk.script("document.querySelectorAll('#profile-form input[name=_csrf]').forEach(e => e.remove())");
            clerk.click("save-profile");
            assertThat(clerk.titleOnceItIs("请求已失效")).isEqualTo("请求已失效");
            clerk.screenshot("missing-csrf-403");
        }
        JsonNode after = api.get("/api/v1/departments/405001/profiles/2024", "fgu-clerk").json();
        assertThat(after.get("version").asLong()).isEqualTo(before);
        assertThat(after.get("disclosureContact").get("name").asString()).isNotEqualTo("篡改者");
    }

    @Test
    void anExpiredSessionAsksToSignInAgain() {
        try (ConsoleBrowser clerk = ConsoleBrowser.signedIn(console, "fgu-clerk", "demo")) {
            clerk.open("/clerk/profile?year=2024");
            clerk.typeId("contactName", "过期会话");
            // the console's session ends (as after its timeout) while the form is open
            clerk.driver.manage().deleteCookieNamed("CONSOLESESSION");
            clerk.click("save-profile");
            assertThat(clerk.titleOnceItIs("请求已失效")).isEqualTo("请求已失效");
            clerk.screenshot("expired-session-form");
            // and with Keycloak's session gone as well, the next page is Keycloak's login page
            clerk.clearAllCookies();
            clerk.open("/clerk/budgets");
            assertThat(clerk.onKeycloakLogin()).isTrue();
            clerk.screenshot("expired-session-login");
        }
        assertThat(api.get("/api/v1/departments/405001/profiles/2024", "fgu-clerk").json()
                .get("disclosureContact").get("name").asString()).isNotEqualTo("过期会话");
    }

    @Test
    void logoutEndsTheConsoleAndTheKeycloakSession() {
        try (ConsoleBrowser clerk = ConsoleBrowser.signedIn(console, "fgu-clerk", "demo")) {
            clerk.click("logout");
            clerk.waitFor(d -> d.getCurrentUrl().startsWith(console + "/logged-out"));
            assertThat(clerk.title()).isEqualTo("您已安全退出");
            clerk.screenshot("logged-out");
            clerk.open("/clerk/budgets");
            assertThat(clerk.onKeycloakLogin()).as("Keycloak asks for the password again").isTrue();
        }
    }

    @Test
    void theLoginUsesPkceAndNoTokenReachesTheBrowser() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.anonymous(console)) {
            browser.open("/clerk/budgets");
            assertThat(browser.driver.getCurrentUrl()).contains("code_challenge=", "code_challenge_method=S256",
                    "client_id=finance-console");
            browser.screenshot("keycloak-login-page");
            browser.keycloakLogin("fgu-clerk", "demo");
            assertThat(browser.path()).startsWith("/clerk/budgets");
            for (Cookie cookie : browser.driver.manage().getCookies()) {
                assertThat(cookie.getValue()).as(cookie.getName()).doesNotStartWith("eyJ");
                if (cookie.getName().equals("CONSOLESESSION")) {
                    assertThat(cookie.isHttpOnly()).isTrue();
                    assertThat(cookie.getSameSite()).isEqualTo("Lax");
                }
            }
            assertThat(browser.driver.getPageSource()).doesNotContain("eyJ");
        }
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(console + "/logged-out")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    private static void createUser(ConsoleBrowser admin, String username, String lastName, String firstName,
                                   String role) {
        admin.typeId("username", username);
        admin.typeId("lastName", lastName);
        admin.typeId("firstName", firstName);
        admin.typeId("email", username + "@finance.example.org");
        admin.typeId("departmentCode", CODE);
        admin.type("role", role);
        admin.typeId("password", PASSWORD);
        WebElement temporary = admin.driver.findElement(By.id("temporaryPassword"));
        if (temporary.isSelected()) {
            temporary.click();
        }
        admin.click("create-user");
        // the next page's message (the form's page may still be the one the driver reads for a moment)
        admin.waitFor(d -> {
            try {
                return d.findElement(By.cssSelector(".message")).getText().contains("已创建用户 " + username);
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /** The seed budget as form fields: JSON path → value, as the console names its inputs. */
    private static void flatten(JsonNode node, String path, List<String[]> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else if (!node.isNull()) {
            out.add(new String[] {path, node.asString()});
        }
    }

    /** The findings the API gives for a stored budget, as severity|rule|path|message. */
    private static Set<String> apiFindings(String budgetId) {
        JsonNode validation = api.post("/api/v1/budgets/" + budgetId + "/validation", CLERK, null).json();
        Set<String> expected = new HashSet<>();
        validation.get("findings").forEach(f -> expected.add(f.get("severity").asString() + "|"
                + f.get("ruleId").asString() + "|" + f.get("path").asString() + "|" + f.get("message").asString()));
        return expected;
    }

    /** The findings table of the clerk's budget page, in the same form. */
    private static Set<String> shownFindings(ConsoleBrowser clerk) {
        Set<String> shown = new HashSet<>();
        for (WebElement row : clerk.all(By.cssSelector("#findings tr.finding"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            String severity = row.getAttribute("class").replaceAll(".*sev-(\\w+).*", "$1");
            shown.add(severity + "|" + cells.get(1).getText() + "|" + cells.get(2).getText() + "|"
                    + cells.get(3).getText());
        }
        return shown;
    }

    /** Chooses the file in the console's Excel form (a real file input) and uploads it. */
    private static void uploadWorkbook(ConsoleBrowser clerk, String name, byte[] bytes) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "console-uploads", name).toAbsolutePath();
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, bytes);
            clerk.open("/clerk/budgets");
            clerk.driver.findElement(By.cssSelector("#excel summary")).click();
            clerk.driver.findElement(By.id("excel-file")).sendKeys(file.toString());
            clerk.click("import");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The workbook with the first typed amount of its 收入 sheet (a number, not a formula) given three decimals. */
    private static byte[] spoil(byte[] workbook) {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : List.of(book.getSheet("收入"))) {
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    for (org.apache.poi.ss.usermodel.Cell cell : row) {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                && cell.getNumericCellValue() >= 100) {
                            cell.setCellValue(cell.getNumericCellValue() + 0.005);
                            var out = new java.io.ByteArrayOutputStream();
                            book.write(out);
                            return out.toByteArray();
                        }
                    }
                }
            }
            throw new IllegalStateException("no typed amount in the workbook");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] download(String path, String token) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(RunningStack.gateway() + path)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static StaffClient.Answer upload(byte[] workbook, String token) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(RunningStack.gateway() + "/api/v1/budgets/imports"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(workbook)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new StaffClient.Answer(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static StaffClient.Answer anonymousGet(String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(RunningStack.gateway() + path)).build(), HttpResponse.BodyHandlers.ofString());
            return new StaffClient.Answer(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
