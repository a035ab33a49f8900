package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.FreePorts;
import cn.finance.disclosure.stack.LocalStack;
import cn.finance.disclosure.stack.ManagedProcess;
import cn.finance.disclosure.stack.PortalProcess;
import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static cn.finance.disclosure.system.StackScenarios.PUBLISHER;
import static cn.finance.disclosure.system.StackScenarios.YEAR;
import static cn.finance.disclosure.system.StackScenarios.clerk;
import static cn.finance.disclosure.system.StackScenarios.disclosureId;
import static cn.finance.disclosure.system.StackScenarios.publicPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public portal in a real browser (headless Chromium) over the running stack: the portal process of the stack
 * follows the gateway's release feed; two more portals run behind stand-in upstreams that tamper with what the
 * gateway answers. Screenshots go to target/portal-screenshots.
 */
class PortalBrowserSystemTest {

    /** How long the portal may take to show what the platform released (it polls every 2 s; the machine is slow). */
    private static final Duration SYNC = Duration.ofSeconds(60);
    private static final Duration EVENTS = Duration.ofSeconds(60);
    private static final String SEED = "405001";
    /** A department released then corrected (shared by the correction and the tampering tests). */
    private static final String CORRECTED = "430211";
    private static final String NEW_USE = "主要用于保障在职人员工资福利及社会保险缴费，保障机关正常运转及职工服务阵地运行的各项商品服务支出";
    private static final String CORRECTION_REASON = "根据修订后批准的部门预算，更正基本支出用途说明。";

    private static PortalBrowser browser;
    private static boolean corrected;

    final StackScenarios stack = new StackScenarios();
    final StaffClient client = stack.client;
    final String portal = stack.stack.portalUrl();

    @BeforeAll
    static void openBrowser() {
        RunningStack.get();
        browser = new PortalBrowser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSeedsReleasedBudgetIsShownWithItsTablesChartsAndDownloads() throws Exception {
        String page = portal + "/disclosures/" + SEED + "/" + YEAR;
        browser.awaitPage(page, b -> !b.all("verified").isEmpty(), SYNC, "the seed's verified disclosure");
        String hash = client.get(publicPath(SEED), null).json().get("contentHash").asString();

        assertThat(browser.title()).contains("2024年部门预算情况说明");
        assertThat(browser.text()).contains("第1版", hash, "部门收支总表", "一般公共预算“三公”经费支出表");
        assertThat(browser.css("table#table-income-expenditure-summary tbody tr")).hasSizeGreaterThan(3);
        StackScenarios.await(Duration.ofSeconds(20), () -> browser.css(".chart[data-rendered='true'] canvas"),
                canvases -> canvases.size() == 2, "both ECharts charts drawn");
        assertThat(browser.css(".downloads a")).extracting(e -> e.getAttribute("href"))
                .anyMatch(h -> h.endsWith("/versions/1.txt"))
                .anyMatch(h -> h.endsWith("/versions/1.json"))
                .anyMatch(h -> h.endsWith("/tables/income-expenditure-summary.csv"));
        String portalText = get(portal + "/disclosures/" + SEED + "/" + YEAR + "/versions/1.txt");
        assertThat(portalText).as("the portal's .txt is the platform's text")
                .isEqualTo(client.get(publicPath(SEED) + "/versions/1.txt", null).body());
        assertThat(get(portal + "/disclosures/" + SEED + "/" + YEAR + "/versions/1.json"))
                .as("the portal keeps the platform's bytes exactly")
                .isEqualTo(client.get(publicPath(SEED) + "/versions/1", null).body());
        browser.screenshot("disclosure");

        browser.open(portal + "/?q=" + SEED);
        assertThat(browser.all("result")).singleElement().satisfies(r -> assertThat(r.getText()).contains(SEED));
        browser.open(portal + "/");
        assertThat(browser.all("recent")).isNotEmpty();
        browser.screenshot("home");
        browser.open(portal + "/verification");
        assertThat(browser.all("chain-ok")).hasSize(1);
        browser.screenshot("verification");
    }

    @Test
    void aNewReleaseAppearsWithoutRestartAndACorrectionAppearsAsANewVersionWithItsReasonAndHighlightedDifference()
            throws Exception {
        correctedDisclosure();
        String page = portal + "/disclosures/" + CORRECTED + "/" + YEAR;
        browser.awaitPage(page, b -> b.all("version-label").stream().anyMatch(e -> e.getText().contains("第2版")),
                SYNC, "version 2 on the portal");
        assertThat(browser.all("correction-reason")).singleElement()
                .satisfies(e -> assertThat(e.getText()).contains(CORRECTION_REASON));
        assertThat(browser.all("history-row")).hasSize(2);
        assertThat(browser.text()).contains("已被第2版更正");

        browser.click("查看与第1版的差异");
        assertThat(browser.currentUrl()).endsWith("/diff?from=1&to=2");
        assertThat(browser.all("diff-reason")).singleElement().satisfies(e -> assertThat(e.getText())
                .isEqualTo(CORRECTION_REASON));
        assertThat(browser.css("ins.added")).extracting(WebElement::getText).anyMatch(t -> t.contains(NEW_USE));
        assertThat(browser.css("del.removed")).isNotEmpty();
        assertThat(browser.css("ins.added").getFirst().getCssValue("background-color"))
                .as("an added sentence is highlighted").isNotEqualTo("rgba(0, 0, 0, 0)");
        browser.screenshot("correction-diff");
    }

    @Test
    void aWithdrawalShowsWithItsReason() throws Exception {
        String code = "430212";
        stack.approveOk(stack.submittedBudget(code));
        stack.releaseFirstVersion(code);
        String hash = client.get(publicPath(code), null).json().get("contentHash").asString();
        String reason = "所附表格引用的年度口径有误，暂时撤回，核实后重新公开。";
        StaffClient.Answer withdrawn = client.post("/api/v1/publications/" + disclosureId(code) + "/withdrawal",
                PUBLISHER, Map.of("contentHash", hash, "reason", reason));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

        String page = portal + "/disclosures/" + code + "/" + YEAR;
        browser.awaitPage(page, b -> !b.all("withdrawn").isEmpty(), SYNC, "the withdrawal on the portal");
        assertThat(browser.all("withdrawal-reason")).singleElement()
                .satisfies(e -> assertThat(e.getText()).isEqualTo(reason));
        browser.open(portal + "/departments/" + code);
        assertThat(browser.text()).contains("已撤回", reason);
        browser.screenshot("withdrawal");
    }

    @Test
    void withTheGatewayStoppedThePortalKeepsServingItsCopyAndSaysSinceWhenItHasNotSynchronised() {
        String page = portal + "/disclosures/" + SEED + "/" + YEAR;
        browser.awaitPage(page, b -> !b.all("verified").isEmpty(), SYNC, "the seed's verified disclosure");
        try {
            stack.stack.stop(LocalStack.GATEWAY);
            browser.awaitPage(page, b -> !b.all("unreachable").isEmpty(), SYNC, "the outage notice");
            assertThat(browser.all("unreachable").getFirst().getText()).contains("起未能同步");
            assertThat(browser.all("verified")).as("still serving the verified copy").hasSize(1);
            assertThat(browser.css("table#table-income-expenditure-summary tbody tr")).hasSizeGreaterThan(3);
            browser.screenshot("gateway-down");
        } finally {
            stack.stack.process(LocalStack.GATEWAY).start();
            stack.stack.process(LocalStack.GATEWAY).awaitReady(Duration.ofMinutes(3));
        }
        browser.awaitPage(page, b -> b.all("unreachable").isEmpty(), SYNC, "the outage notice gone");
    }

    @Test
    void aVersionWhoseBytesDoNotMatchItsHashIsRefusedAndFlaggedWhileTheLastVerifiedVersionStaysOnShow()
            throws Exception {
        correctedDisclosure();
        String v2 = publicPath(CORRECTED) + "/versions/2";
        try (TamperingUpstream upstream = TamperingUpstream.alteringVersion(RunningStack.gateway(), v2, "机关正常运转",
                "机关非正常运转");
             Portal tampered = new Portal("portal-tampered-version", upstream.url())) {
            String page = tampered.url + "/disclosures/" + CORRECTED + "/" + YEAR;
            browser.awaitPage(page, b -> !b.all("refused-current").isEmpty(), SYNC, "the refusal notice");
            assertThat(browser.all("refused-current").getFirst().getText()).contains("第2版", "内容哈希不符");
            assertThat(browser.all("version-label")).singleElement().satisfies(e -> assertThat(e.getText())
                    .as("the last verified version stays on show").contains("第1版"));
            assertThat(browser.text()).doesNotContain("机关非正常运转");
            assertThat(get(tampered.url + "/disclosures/" + CORRECTED + "/" + YEAR + "/versions/2"))
                    .contains("未通过本门户的校验");
            browser.screenshot("tampered-version");
            browser.open(tampered.url + "/verification");
            assertThat(browser.all("refusal")).anySatisfy(r -> assertThat(r.getText()).contains("版本内容校验失败",
                    CORRECTED));
            browser.screenshot("tampered-version-verification");
        }
    }

    @Test
    void aReleaseFeedWhoseChainIsBrokenIsRefusedAtTheBreakAndFlaggedOnEveryPage() throws Exception {
        correctedDisclosure(); // the feed has entries after the first
        try (TamperingUpstream upstream = TamperingUpstream.breakingChainAt(RunningStack.gateway(), 2);
             Portal broken = new Portal("portal-broken-chain", upstream.url())) {
            browser.awaitPage(broken.url + "/", b -> !b.all("chain-broken").isEmpty(), SYNC, "the chain notice");
            assertThat(browser.all("chain-broken").getFirst().getText()).contains("链条断裂", "第2条");
            browser.open(broken.url + "/verification");
            assertThat(browser.all("chain-state-broken")).singleElement()
                    .satisfies(e -> assertThat(e.getText()).contains("停在第 1 条"));
            assertThat(browser.all("refusal")).anySatisfy(r -> assertThat(r.getText()).contains("发布记录链条校验失败"));
            browser.screenshot("broken-chain");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** Department CORRECTED released as version 1, then corrected as version 2 (once per test JVM). */
    private synchronized void correctedDisclosure() throws Exception {
        if (corrected) {
            return;
        }
        String code = CORRECTED;
        String r1 = stack.submittedBudget(code);
        stack.approveOk(r1);
        stack.releaseFirstVersion(code);
        // a new release appears on the portal without a restart
        browser.awaitPage(portal + "/?q=" + code, b -> !b.all("result").isEmpty(), SYNC, "the new release listed");
        browser.open(portal + "/disclosures/" + code + "/" + YEAR);
        assertThat(browser.all("version-label")).singleElement().satisfies(e -> assertThat(e.getText()).contains("第1版"));

        StaffClient.Answer revised = client.post("/api/v1/budgets/" + r1 + "/revisions", clerk(code), null);
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        String r2 = revised.json().get("id").asString();
        ObjectNode changed = StackScenarios.seedBudget(code);
        changed.put("basicExpenditureUse", NEW_USE);
        StaffClient.Answer put = client.put("/api/v1/budgets/" + r2, clerk(code), changed, "If-Match",
                revised.header("ETag"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        stack.submit(code, r2);
        stack.approveOk(r2);
        JsonNode draft = stack.awaitDraft(code, 2, EVENTS);
        String hash = stack.confirm(code, draft);
        StaffClient.Answer correction = client.post("/api/v1/publications/" + disclosureId(code) + "/correction",
                PUBLISHER, Map.of("contentHash", hash, "reason", CORRECTION_REASON));
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        corrected = true;
    }

    private static String get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.body();
        }
    }

    /** Another portal process, launched as the stack launches its own, reading a stand-in upstream. */
    private static final class Portal implements AutoCloseable {
        final String url;
        private final ManagedProcess process;

        Portal(String name, String upstream) {
            int port = FreePorts.next();
            url = PortalProcess.url(port);
            process = PortalProcess.create(RunningStack.get().settings(), name, port, upstream,
                    name.replace('-', '_'), "1s", new PrintStream(System.out, true, StandardCharsets.UTF_8));
            process.start();
            process.awaitReady(Duration.ofMinutes(3));
        }

        @Override
        public void close() {
            process.stop(Duration.ofSeconds(20));
        }
    }
}
