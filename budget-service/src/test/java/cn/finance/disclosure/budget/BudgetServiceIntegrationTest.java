package cn.finance.disclosure.budget;

import org.springframework.test.context.ContextConfiguration;

/** The budget service's workflow contract on the embedded real Kafka broker and the MongoDB-wire server. */
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class BudgetServiceIntegrationTest extends BudgetServiceContract {
}
