package cn.finance.disclosure.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiContractsTest {

    private static String description(String schemas) {
        return """
                {"openapi":"3.1.0","info":{"title":"t","version":"1"},
                 "paths":{"/budgets/{id}":{"get":{"operationId":"getBudget",
                   "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                   "responses":{"200":{"description":"ok","content":{"application/json":
                     {"schema":{"$ref":"#/components/schemas/Budget"}}}}}}}},
                 "components":{"schemas":%s}}
                """.formatted(schemas);
    }

    @Test
    void aClientGeneratedFromASoundDescriptionCompiles() {
        String json = description("""
                {"Budget":{"type":"object","required":["id","total"],"properties":{
                  "id":{"type":"string","pattern":"^[0-9]{6}$"},
                  "total":{"type":"string"},
                  "status":{"type":"string","enum":["DRAFT","APPROVED"]},
                  "updatedAt":{"type":"string","format":"date-time"},
                  "lines":{"type":"array","items":{"type":"object","properties":{"amount":{"type":"number"}}}}}}}
                """);

        assertThat(OpenApiContracts.generatedClientProblems(json)).isEmpty();
    }

    @Test
    void aDescriptionTheGeneratorCannotResolveFails() {
        String json = description("""
                {"Budget":{"type":"object","properties":{"line":{"$ref":"#/components/schemas/Missing"}}}}
                """);

        assertThat(OpenApiContracts.generatedClientProblems(json)).isNotEmpty();
    }

    @Test
    void aDescriptionWhoseGeneratedClientDoesNotCompileFails() {
        // valid OpenAPI, but both properties become the Java field fooBar: the generator writes it, javac refuses it
        String json = description("""
                {"Budget":{"type":"object","properties":{"foo_bar":{"type":"string"},"fooBar":{"type":"integer"}}}}
                """);

        assertThat(OpenApiContracts.generatedClientProblems(json)).anySatisfy(p -> assertThat(p).startsWith("javac:"));
    }
}
