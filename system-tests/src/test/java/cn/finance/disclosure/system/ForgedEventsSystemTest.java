package cn.finance.disclosure.system;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anyone who can write to the budget topic is not thereby budget-service: an approval that is not signed with
 * budget-service's key (unsigned, or signed by another key that claims the name) is parked in dead_letters and never
 * becomes a draft, while the same approval signed with the real key does.
 */
class ForgedEventsSystemTest {

    private final StackScenarios stack = new StackScenarios();

    @Test
    void aForgedApprovalOnTheBudgetTopicIsParkedAndNeverBecomesADraft() throws Exception {
        String unsigned = "430201";
        String foreignKey = "430202";
        String genuine = "430203";
        for (String code : List.of(unsigned, foreignKey, genuine)) {
            stack.register(code);
            stack.putProfile(code, StackScenarios.ADMIN);
            stack.awaitProfileKnown(code);
        }
        var forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Instant approvedAt = Instant.now();
        stack.publishApproval(unsigned, approvedAt, null);
        stack.publishApproval(foreignKey, approvedAt, Base64.getEncoder().encodeToString(forger.getPrivate().getEncoded()));
        stack.publishApproval(genuine, approvedAt, stack.stack.budgetEventSigningKey());

        stack.awaitDraft(genuine, 1, Duration.ofSeconds(90)); // the control: the same event, properly signed
        for (String code : List.of(unsigned, foreignKey)) {
            Document parked = StackScenarios.await(Duration.ofSeconds(90), () -> letter(code), d -> d != null,
                    "the forged approval for " + code + " to be parked");
            assertThat(parked.getString("error")).contains("untrusted producer");
            var disclosure = stack.disclosure(code);
            assertThat(disclosure == null || disclosure.path("draft").isMissingNode() || disclosure.path("draft").isNull())
                    .as("no draft for " + code + ": " + disclosure).isTrue();
            assertThat(stack.count("publications", "approved_budgets", new Document("departmentCode", code)))
                    .as("approvals believed for " + code).isZero();
        }
        assertThat(stack.count("publications", "approved_budgets",
                new Document("departmentCode", genuine).append("producer", "budget-service"))).isEqualTo(1);
    }

    private Document letter(String code) {
        try (var mongo = stack.mongo()) {
            return mongo.getDatabase("publications").getCollection("dead_letters")
                    .find(new Document("key", code + "/" + StackScenarios.YEAR)).first();
        }
    }
}
