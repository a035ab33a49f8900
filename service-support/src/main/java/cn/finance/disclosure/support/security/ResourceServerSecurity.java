package cn.finance.disclosure.support.security;

import cn.finance.disclosure.support.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.List;

/**
 * Every service is an OAuth2 resource server of its own: it checks signature (RS256, the issuer's JWKS), issuer,
 * expiry and audience again, whatever the gateway already did. Anonymous callers reach only {@code /public/**} and
 * health; 401 and 403 answer as problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(FinanceSecurityProperties.class)
public class ResourceServerSecurity {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(FinanceSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    public static OAuth2TokenValidator<Jwt> validator(FinanceSecurityProperties properties) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuerUri()),
                audience));
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(KeycloakRealmRoles::authorities);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, JwtAuthenticationConverter converter,
                                                  JsonMapper json, FinanceSecurityProperties properties,
                                                  ObjectProvider<RequestRoles> requestRoles) throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                            .requestMatchers("/public/**").permitAll()
                            .requestMatchers("/error").permitAll();
                    requestRoles.orderedStream().forEach(roles -> roles.declare(auth));
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        // RFC 9728 metadata: tokens here are plain bearer tokens, not bound to a client certificate
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(m -> m
                                .authorizationServers(servers -> {
                                    servers.clear();
                                    servers.add(properties.issuerUri());
                                })
                                .tlsClientCertificateBoundAccessTokens(false)))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearer.commence(request, response, e); // sets WWW-Authenticate: Bearer ...
                            Problems.write(request, response, json, Problems.of(HttpStatus.UNAUTHORIZED,
                                    "unauthorized", "未认证", "需要有效的访问令牌（Bearer token）"));
                        })
                        .accessDeniedHandler((request, response, e) -> Problems.write(request, response, json,
                                forbidden(e))))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        Problems.write(request, response, json, forbidden(e))));
        return http.build();
    }

    /**
     * What the firewall refuses ({@code ..;}, {@code %2e%2e}, {@code ;jsessionid}, encoded slashes, NUL) answers as
     * problem+json like every other refusal, instead of being forwarded to the error page.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(JsonMapper json) {
        return (request, response, e) -> Problems.write(request, response, json, Problems.of(HttpStatus.BAD_REQUEST,
                "rejected-request", "请求地址不合规", "请求地址含有不允许的字符或路径片段"));
    }

    private static ProblemDetail forbidden(Exception denial) {
        String detail = denial instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof RoleFence.Decision fence
                ? fence.detail() : "当前用户的角色或所属单位不允许此操作";
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权操作", detail);
    }
}
