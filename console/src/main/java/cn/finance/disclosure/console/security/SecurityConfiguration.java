package cn.finance.disclosure.console.security;

import cn.finance.disclosure.console.ConsoleProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.util.Map;

/**
 * Login at Keycloak (authorization code with PKCE, confidential client), a server-side session holding the tokens,
 * CSRF tokens on every form, logout at Keycloak too, and headers that keep pages from running anything but our own
 * static scripts. Which role may open which page is decided here by path; what a person may see inside a page is
 * decided by the services (the console passes their 403/404 on as pages).
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations,
                                ConsoleProperties properties, DeniedHandler denied) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        // PKCE even though the client is confidential: a stolen code is useless without the verifier
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/logged-out");

        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/css/**", "/js/**", "/favicon.ico", "/logged-out", "/denied",
                                "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/clerk/**").hasRole("department-clerk")
                        .requestMatchers("/head/**").hasRole("department-head")
                        .requestMatchers("/review/**").hasRole("bureau-reviewer")
                        .requestMatchers("/publisher/**").hasRole("bureau-publisher")
                        .requestMatchers("/admin/**").hasRole("bureau-admin")
                        .anyRequest().authenticated())
                .oauth2Login(o -> o
                        .authorizationEndpoint(e -> e.authorizationRequestResolver(resolver))
                        .userInfoEndpoint(u -> u.userAuthoritiesMapper(new RealmRoleAuthorities())))
                .logout(l -> l.logoutSuccessHandler(logout).deleteCookies("CONSOLESESSION"))
                .exceptionHandling(e -> e.accessDeniedHandler(denied))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                + "frame-ancestors 'none'; form-action 'self' " + properties.issuerOrigin()))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /**
     * The login client, built from our own properties rather than issuer discovery: the browser-facing endpoints use
     * the issuer, the server-to-server ones the back channel, and the console starts even while Keycloak does.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleProperties p) {
        String front = p.issuer() + "/protocol/openid-connect";
        String back = p.backchannelIssuer() + "/protocol/openid-connect";
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(p.clientId())
                .clientSecret(p.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(front + "/auth")
                .tokenUri(back + "/token")
                .jwkSetUri(back + "/certs")
                .userInfoUri(back + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(p.issuer())
                .providerConfigurationMetadata(Map.of("end_session_endpoint", front + "/logout"))
                .clientName("区财政局预算公开平台")
                .build();
        return new InMemoryClientRegistrationRepository(keycloak);
    }

    /** Gives the user's access token to gateway calls, refreshing it with the refresh token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
