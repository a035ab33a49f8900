package cn.finance.disclosure.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for Keycloak in slice and integration tests: a JWKS endpoint on 127.0.0.1 and RS256 tokens shaped like
 * Keycloak's (realm_access.roles, department_code, aud, preferred_username), so the services' real token checks run.
 * It also forges the tokens that must be refused: wrong key, expired, foreign issuer or audience, alg none, edited.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "finance-api";

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").keyUse(KeyUse.SIGNATURE).generate();
            strangerKey = new RSAKeyGenerator(2048).keyID("test-key").keyUse(KeyUse.SIGNATURE).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/realms/finance/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-issuer");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/finance";
    }

    public static TestIssuer start() {
        return new TestIssuer();
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    /** A valid access token for a user with one realm role and, for department staff, a department code. */
    public String token(String username, String role, String departmentCode) {
        return sign(claims(username, role, departmentCode).build(), key);
    }

    public String bearer(String username, String role, String departmentCode) {
        return "Bearer " + token(username, role, departmentCode);
    }

    public String withSubject(String subject, String username, String role, String departmentCode) {
        return sign(claims(username, role, departmentCode).subject(subject).build(), key);
    }

    public String signedByStranger(String username, String role, String departmentCode) {
        return sign(claims(username, role, departmentCode).build(), strangerKey);
    }

    public String expired(String username, String role, String departmentCode) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return sign(claims(username, role, departmentCode)
                .issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past)).build(), key);
    }

    public String fromOtherIssuer(String username, String role, String departmentCode) {
        return sign(claims(username, role, departmentCode).issuer("http://127.0.0.1:1/realms/other").build(), key);
    }

    public String forOtherAudience(String username, String role, String departmentCode) {
        return sign(claims(username, role, departmentCode).audience("someone-else").build(), key);
    }

    /** An unsigned token ({@code alg: none}) with otherwise perfect claims. */
    public String unsigned(String username, String role, String departmentCode) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64(claims(username, role, departmentCode).build().toString());
        return header + "." + payload + ".";
    }

    /** A valid token whose payload was edited after signing (department code swapped). */
    public String tampered(String username, String role, String departmentCode, String forgedDepartment) {
        String[] parts = token(username, role, departmentCode).split("\\.");
        String payload = b64(claims(username, role, forgedDepartment).build().toString());
        return parts[0] + "." + payload + "." + parts[2];
    }

    private JWTClaimsSet.Builder claims(String username, String role, String departmentCode) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                .audience(List.of(AUDIENCE))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", "finance-cli")
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", role == null ? List.of() : List.of(role)));
        if (departmentCode != null) {
            builder.claim("department_code", departmentCode);
        }
        return builder;
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
