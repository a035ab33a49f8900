package cn.finance.disclosure.budget;

import org.springframework.test.context.ContextConfiguration;

/** The clerk's tools on the embedded real Kafka broker and the MongoDB-wire server. */
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class ClerkToolsIntegrationTest extends ClerkToolsContract {
}
