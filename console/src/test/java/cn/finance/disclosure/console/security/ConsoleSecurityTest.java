package cn.finance.disclosure.console.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's own protections, without Keycloak or the gateway: login redirect, PKCE, roles, CSRF, headers. */
@SpringBootTest(properties = {"console.issuer=http://127.0.0.1:18180/realms/finance",
        "console.gateway-url=http://127.0.0.1:1"})
@AutoConfigureMockMvc
class ConsoleSecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    void givenNoSession_whenAPageIsOpened_thenTheBrowserIsSentToKeycloakWithPkce() throws Exception {
        mvc.perform(get("/clerk/budgets")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/oauth2/authorization/keycloak"));
        MvcResult authorize = mvc.perform(get("/oauth2/authorization/keycloak"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(authorize.getResponse().getHeader("Location"))
                .startsWith("http://127.0.0.1:18180/realms/finance/protocol/openid-connect/auth?")
                .contains("client_id=finance-console", "code_challenge=", "code_challenge_method=S256");
    }

    @Test
    void givenAClerk_whenABureauPageIsOpened_thenTheAnswerIsTheForbiddenPage() throws Exception {
        mvc.perform(get("/review").with(oidcLogin()
                        .authorities(new SimpleGrantedAuthority("ROLE_department-clerk"))))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/denied"))
                .andExpect(request().attribute("deniedReason", "role"));
        mvc.perform(get("/denied").requestAttr("deniedReason", "role").with(oidcLogin()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("无权访问（403）")));
    }

    @Test
    void givenAFormPostedWithoutItsCsrfToken_thenItIsRefusedBeforeAnythingIsDone() throws Exception {
        mvc.perform(post("/clerk/profile").param("year", "2024").with(oidcLogin()
                        .authorities(new SimpleGrantedAuthority("ROLE_department-clerk"))))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/denied"))
                .andExpect(request().attribute("deniedReason", "csrf"));
        mvc.perform(get("/denied").requestAttr("deniedReason", "csrf"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请求已失效")));
    }

    @Test
    void givenAPage_thenItCarriesAContentSecurityPolicyWithoutInlineScriptsAndAStrictSessionCookie() throws Exception {
        MvcResult page = mvc.perform(get("/").with(oidcLogin()
                        .authorities(new SimpleGrantedAuthority("ROLE_bureau-admin"))).with(csrf()))
                .andExpect(status().isOk()).andReturn();
        String csp = page.getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "form-action 'self' http://127.0.0.1:18180").doesNotContain("unsafe");
        assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getResponse().getContentAsString()).contains("登记预算单位").doesNotContain("<script>");
    }
}
