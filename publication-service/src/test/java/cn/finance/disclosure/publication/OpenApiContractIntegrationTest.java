package cn.finance.disclosure.publication;

import cn.finance.disclosure.testing.Http;
import cn.finance.disclosure.testing.OpenApiContracts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's API description is one a client generator can use. */
class OpenApiContractIntegrationTest extends PublicationIntegrationTest {

    /** The API description parses as OpenAPI 3.1 with a standard parser, and a JavaScript client can compile its patterns. */
    @Test
    void theApiDescriptionIsValidOpenApi31WithPatternsAJavaScriptClientCompiles() {
        Http.Response docs = http().get("/api/v1/publications/api-docs", PUBLISHER);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(OpenApiContracts.problems(docs.body()))
                .isEmpty();
    }

    @Test
    void aJavaClientGeneratedFromTheLiveApiDescriptionCompiles() {
        Http.Response docs = http().get("/api/v1/publications/api-docs", PUBLISHER);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(OpenApiContracts.generatedClientProblems(docs.body()))
                .isEmpty();
    }
}
