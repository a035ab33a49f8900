package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.StackSettings;
import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that must not open anything, each sent through the gateway and straight to each service's own port (every
 * service checks the token again: defense in depth). Each forgery starts from a real Keycloak token that opens the
 * same address when left alone (the controls show 200), so a 401 is the check refusing it and nothing else.
 *
 * <p>The addresses are 405002's: other-clerk's department. An edited {@code department_code} claim (fgu-clerk's
 * token claiming 405002) must be refused, never answered with other-clerk's data.
 */
class ForgedTokensSystemTest {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    static final Base64.Decoder B64D = Base64.getUrlDecoder();
    static final String OTHER_DEPARTMENT_NAME = "演示单位";

    /** The three services behind the gateway, and each on its own port: the same requests. */
    static final Map<String, String> PATHS = Map.of(
            "department-service", "/api/v1/departments/405002",
            "budget-service", "/api/v1/budgets?departmentCode=405002",
            "publication-service", "/api/v1/publications?departmentCode=405002");

    static final Map<String, String> FORGED = new LinkedHashMap<>();
    static long expiredAfterEpochSecond;

    static Stream<String> forgeries() {
        // "expired" last: the other cases pass the time its token needs to run out (1 s life + 5 s clock skew)
        return Stream.of("alg none", "signature byte flipped", "department_code edited after signing",
                "another issuer (master realm)", "another issuer (same key, other host name)",
                "another audience", "HS256 signed with the realm's public key", "own key in the jwk header",
                "garbage", "empty bearer", "basic credentials", "expired");
    }

    static Stream<String> targets() {
        return Stream.of("gateway → department-service", "gateway → budget-service", "gateway → publication-service",
                "department-service", "budget-service", "publication-service");
    }

    static Stream<Arguments> cases() {
        return forgeries().flatMap(f -> targets().map(t -> Arguments.of(f, t)));
    }

    @BeforeAll
    static void forge() throws Exception {
        StackSettings settings = RunningStack.get().settings();
        StaffClient client = RunningStack.client();
        KeycloakAdmin admin = new KeycloakAdmin(settings.keycloakPort());

        // expired: a genuine token that opens the address now, and lives one second
        admin.ensureClient("forged-tokens-short-cli", true, 1);
        String shortLived = admin.userToken("forged-tokens-short-cli", "other-clerk");
        assertThat(SecurityFixtures.send(RunningStack.gateway(), "GET", PATHS.get("department-service"),
                "Bearer " + shortLived, null).status()).as("the short-lived token, while fresh").isEqualTo(200);
        expiredAfterEpochSecond = claims(shortLived).get("exp").asLong() + 5;

        String genuine = client.token("other-clerk");
        String[] parts = genuine.split("\\.");
        FORGED.put("alg none", b64("{\"alg\":\"none\"}") + "." + parts[1] + ".");
        byte[] signature = B64D.decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        FORGED.put("signature byte flipped", parts[0] + "." + parts[1] + "." + B64.encodeToString(signature));

        String[] fgu = client.token("fgu-clerk").split("\\.");
        ObjectNode edited = (ObjectNode) claims(client.token("fgu-clerk"));
        assertThat(edited.get("department_code").asString()).isEqualTo("405001");
        edited.put("department_code", "405002");
        FORGED.put("department_code edited after signing",
                fgu[0] + "." + b64(StaffClient.JSON.writeValueAsString(edited)) + "." + fgu[2]);

        assertThat(claims(masterToken()).get("iss").asString()).endsWith("/realms/master");

        // Keycloak names the issuer after the host the client used: signed with the finance realm's own key, but
        // issued by http://localhost:<port>/realms/finance, which no service trusts
        String otherHost = formToken(settings.keycloakPort(), "localhost", "finance", "finance-cli", "other-clerk",
                "demo");
        assertThat(claims(otherHost).get("iss").asString()).isNotEqualTo(settings.issuer()).contains("localhost");
        assertThat(header(otherHost).get("kid").asString()).isEqualTo(header(genuine).get("kid").asString());
        FORGED.put("another issuer (same key, other host name)", otherHost);

        admin.ensureClient("forged-tokens-no-audience", false, null);
        String noAudience = admin.userToken("forged-tokens-no-audience", "other-clerk");
        assertThat(claims(noAudience).path("aud").toString()).doesNotContain("finance-api");
        FORGED.put("another audience", noAudience);

        String kid = header(genuine).get("kid").asString();
        FORGED.put("HS256 signed with the realm's public key", hs256WithPublicKey(settings.issuer(), kid, parts[1]));
        FORGED.put("own key in the jwk header", signedWithEmbeddedKey(kid, parts[1]));
        FORGED.put("garbage", "this-is-not-a-jwt");
        FORGED.put("empty bearer", "");
        FORGED.put("expired", shortLived);
    }

    @ParameterizedTest(name = "{0} via {1} → 401")
    @MethodSource("cases")
    void aForgedTokenIsRefusedWith401ProblemAndNoData(String forgery, String target) {
        if (forgery.equals("expired")) {
            long wait = expiredAfterEpochSecond * 1000 + 1_000 - System.currentTimeMillis();
            if (wait > 0) {
                SecurityFixtures.sleep(wait);
            }
            assertThat(Instant.now().getEpochSecond()).isGreaterThan(expiredAfterEpochSecond);
        }
        String authorization = switch (forgery) {
            case "basic credentials" ->
                    "Basic " + Base64.getEncoder().encodeToString("other-clerk:demo".getBytes(StandardCharsets.UTF_8));
            // fresh each time: master tokens live 60 s, and this one must be refused as master's, not as old
            case "another issuer (master realm)" -> "Bearer " + masterToken();
            default -> "Bearer " + FORGED.get(forgery);
        };

        StaffClient.Answer answer = send(target, authorization);

        SecurityFixtures.assertProblem(answer, 401, forgery + " via " + target);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:finance:problem:unauthorized");
        assertThat(answer.header("WWW-Authenticate")).as("WWW-Authenticate").startsWith("Bearer");
        assertThat(answer.body()).doesNotContain(OTHER_DEPARTMENT_NAME).doesNotContain("\"items\"");
    }

    /** The same addresses open to the genuine token the forgeries were made from: the 401s are the checks' doing. */
    @Test
    void theGenuineTokensTheForgeriesStartFromAreAcceptedEverywhere() {
        for (String target : targets().toList()) {
            StaffClient.Answer answer = send(target, SecurityFixtures.bearer("other-clerk"));
            assertThat(answer.status()).as(target + ": " + answer.body()).isEqualTo(200);
            if (target.endsWith("department-service")) {
                assertThat(answer.json().get("name").asString()).contains(OTHER_DEPARTMENT_NAME);
            }
        }
        // fgu-clerk's own, unedited token is not 405002's: the claim is what would have let the edit through
        for (String target : List.of("gateway → department-service", "department-service")) {
            StaffClient.Answer answer = send(target, SecurityFixtures.bearer("fgu-clerk"));
            SecurityFixtures.assertProblem(answer, 404, "fgu-clerk on 405002 via " + target);
            assertThat(answer.body()).doesNotContain(OTHER_DEPARTMENT_NAME);
        }
    }

    private static StaffClient.Answer send(String target, String authorization) {
        StackSettings settings = RunningStack.get().settings();
        String service = target.replace("gateway → ", "");
        int port = switch (service) {
            case "department-service" -> settings.departmentPort();
            case "budget-service" -> settings.budgetPort();
            case "publication-service" -> settings.publicationPort();
            default -> throw new IllegalArgumentException(target);
        };
        String base = target.startsWith("gateway") ? RunningStack.gateway() : SecurityFixtures.service(port);
        return SecurityFixtures.send(base, "GET", PATHS.get(service), authorization, null);
    }

    static JsonNode claims(String token) {
        return StaffClient.JSON.readTree(new String(B64D.decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static JsonNode header(String token) {
        return StaffClient.JSON.readTree(new String(B64D.decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String masterToken() {
        return formToken(RunningStack.get().settings().keycloakPort(), "127.0.0.1", "master", "admin-cli", "admin",
                "admin");
    }

    /** A password-grant access token from {@code realm}, asked for at {@code host}. */
    private static String formToken(int port, String host, String realm, String clientId, String user,
                                    String password) {
        StaffClient.Answer answer = SecurityFixtures.send("http://" + host + ":" + port,
                "POST", "/realms/" + realm + "/protocol/openid-connect/token", null,
                "grant_type=password&client_id=" + clientId + "&username=" + user + "&password=" + password,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(answer.status()).as("token from " + host + "/" + realm + ": " + answer.body()).isEqualTo(200);
        return answer.json().get("access_token").asString();
    }

    /** The classic key confusion: HMAC-SHA256 keyed with the realm's RSA public key (PEM), for a lax verifier. */
    private static String hs256WithPublicKey(String issuer, String kid, String payload) throws Exception {
        StaffClient.Answer jwks = SecurityFixtures.send(issuer, "GET", "/protocol/openid-connect/certs", null, null);
        JsonNode key = null;
        for (JsonNode k : jwks.json().get("keys")) {
            if (kid.equals(k.get("kid").asString())) {
                key = k;
            }
        }
        assertThat(key).as("the realm's signing key " + kid + " in its JWKS").isNotNull();
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, B64D.decode(key.get("n").asString())),
                new BigInteger(1, B64D.decode(key.get("e").asString()))));
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + mime.encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + payload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** RS256 with a key of the forger's own, offered in the token's jwk header under the realm key's kid. */
    private static String signedWithEmbeddedKey(String kid, String payload) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair own = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) own.getPublic();
        String jwk = "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + B64.encodeToString(unsigned(publicKey.getModulus())) + "\",\"e\":\""
                + B64.encodeToString(unsigned(publicKey.getPublicExponent())) + "\"}";
        String signingInput = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\",\"jwk\":" + jwk + "}")
                + "." + payload;
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(own.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rsa.sign());
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
