package cn.finance.disclosure.portal.web;

import cn.finance.disclosure.portal.archive.Archive;
import cn.finance.disclosure.portal.archive.ArchivedVersion;
import cn.finance.disclosure.portal.archive.DisclosureRecord;
import cn.finance.disclosure.portal.archive.SyncState;
import cn.finance.disclosure.portal.archive.VersionState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages over a faked archive: escaped text, the CSP, notices, and 404/400 pages for bad addresses. */
@SpringBootTest(properties = {"spring.mongodb.uri=mongodb://127.0.0.1:1/portal", "portal.poll-interval=1h",
        "management.health.mongo.enabled=false"})
@AutoConfigureMockMvc
class PagesTest {

    private static final String HOSTILE = "<script>alert(1)</script>单位";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Archive archive;

    @MockitoBean
    cn.finance.disclosure.portal.sync.FeedSync sync;

    @BeforeEach
    void archive() {
        ObjectNode content = JsonMapper.builder().build().createObjectNode();
        content.put("title", HOSTILE + "2024年部门预算情况说明").put("fiscalYear", 2024).put("text", "正文。")
                .put("departmentName", HOSTILE);
        content.putObject("figures");
        content.putArray("sections").addObject().put("heading", "一、<b>基本情况</b>").putArray("paragraphs").add("段落<i>x</i>");
        content.putArray("tables");
        ObjectNode doc = JsonMapper.builder().build().createObjectNode();
        doc.put("contentHash", "a".repeat(64));
        doc.set("content", content);
        VersionState v1 = new VersionState(1, VersionState.CURRENT, "a".repeat(64), Instant.parse("2026-11-28T10:00:00Z"),
                false, null, null, null, null, null, true, null, null);
        DisclosureRecord d = new DisclosureRecord("405001-2024", "405001", HOSTILE, 2024, 1, List.of(v1), Instant.now());
        when(archive.state()).thenReturn(SyncState.initial().succeeded(Instant.now())
                .unreachable(Instant.parse("2026-11-28T04:00:00Z"), "refused"));
        when(archive.disclosure("405001", 2024)).thenReturn(Optional.of(d));
        when(archive.version("405001", 2024, 1)).thenReturn(Optional.of(new ArchivedVersion("x", "405001", 2024, 1,
                "a".repeat(64), doc.toString(), Instant.now(), 1, List.of("xlsx"))));
        when(archive.search(any(), any())).thenReturn(List.of(d));
        when(archive.recentlyChanged(anyInt())).thenReturn(List.of(d));
        when(archive.fiscalYears()).thenReturn(List.of(2024));
        when(archive.ofDepartment(anyString())).thenReturn(List.of());
    }

    @Test
    void everyTextFromThePlatformIsEscapedAndThePageCarriesAStrictCsp() throws Exception {
        mvc.perform(get("/disclosures/405001/2024"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;单位")))
                .andExpect(content().string(containsString("一、&lt;b&gt;基本情况&lt;/b&gt;")))
                .andExpect(content().string(containsString("/versions/1.xlsx")))
                .andExpect(content().string(not(containsString("/versions/1.pdf"))));
    }

    @Test
    void anUnreachablePlatformIsAnnouncedWithTheTimeItWasFirstMissedInBeijingTime() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-11-28 12:00:00")))
                .andExpect(content().string(containsString("起未能同步")));
    }

    @Test
    void malformedAddressesAndParametersArePagesNotErrors() throws Exception {
        mvc.perform(get("/disclosures/abc/2024")).andExpect(status().isNotFound());
        mvc.perform(get("/disclosures/405001/2024/versions/0")).andExpect(status().isNotFound());
        mvc.perform(get("/disclosures/405001/2024/versions/7")).andExpect(status().isNotFound());
        mvc.perform(get("/departments/999999")).andExpect(status().isNotFound());
        mvc.perform(get("/").param("year", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/").param("q", "x".repeat(101))).andExpect(status().isBadRequest());
        mvc.perform(get("/disclosures/405001/2024/diff").param("from", "1")).andExpect(status().isBadRequest());
    }
}
