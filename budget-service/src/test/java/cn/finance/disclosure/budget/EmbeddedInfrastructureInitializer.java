package cn.finance.disclosure.budget;

import cn.finance.disclosure.stack.EmbeddedInfrastructure;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the service at the JVM's embedded Kafka broker and MongoDB-wire server and at the test token issuer. Test
 * classes that name this initializer (and nothing else) share one cached Spring context.
 */
class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final EmbeddedInfrastructure INFRA = EmbeddedInfrastructure.shared();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.mongodb.uri=" + INFRA.mongoUri("budgets-it"),
                "spring.kafka.bootstrap-servers=" + INFRA.kafkaBootstrapServers(),
                "finance.security.issuer-uri=" + BudgetServiceTestSupport.ISSUER.issuer(),
                "finance.security.jwk-set-uri=" + BudgetServiceTestSupport.ISSUER.jwkSetUri()
        ).applyTo(context);
    }
}
