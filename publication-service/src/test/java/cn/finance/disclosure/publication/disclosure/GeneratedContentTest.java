package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.publication.document.ProfileContent;
import cn.finance.disclosure.publication.document.ContentHash;
import cn.finance.disclosure.publication.document.CsvRenderer;
import cn.finance.disclosure.publication.document.DisclosureContent;
import cn.finance.disclosure.publication.document.DisclosureGenerator;
import cn.finance.disclosure.publication.document.DisclosureInput;
import cn.finance.disclosure.publication.document.HtmlRenderer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is stored (canonical JSON) is what is hashed and served: reading it back gives the same tree, the same hash,
 * and the same content for the renderers as the generator made.
 */
class GeneratedContentTest {

    static DisclosureContent seedContent() throws IOException {
        try (InputStream in = GeneratedContentTest.class.getResourceAsStream("/seed/qijiang-fgu-2024.facts.json")) {
            JsonNode facts = EventJson.MAPPER.readTree(in);
            JsonNode department = facts.get("department");
            return new DisclosureGenerator().generate(new DisclosureInput(department.get("code").stringValue(),
                    department.get("name").stringValue(),
                    EventJson.MAPPER.treeToValue(department.get("profile"), ProfileContent.class),
                    EventJson.MAPPER.treeToValue(facts.get("budget"), BudgetContent.class),
                    cn.finance.disclosure.publication.document.UnitType.DEFAULT,
                    cn.finance.disclosure.publication.document.SeedFacts.names()));
        }
    }

    @Test
    void givenTheSeedsContent_whenStoredAndReadBack_thenSameTreeSameHashSameRendering() throws IOException {
        DisclosureContent content = seedContent();

        GeneratedContent stored = GeneratedContent.of(content);

        assertThat(stored.hash()).isEqualTo(ContentHash.sha256Hex(content));
        assertThat(GeneratedContent.tree(stored.json())).isEqualTo(EventJson.MAPPER.valueToTree(content));
        assertThat(ContentHash.sha256Hex(GeneratedContent.tree(stored.json()))).isEqualTo(stored.hash());
        DisclosureContent back = GeneratedContent.content(stored.json());
        assertThat(back).isEqualTo(content);
        assertThat(new HtmlRenderer().render(back)).isEqualTo(new HtmlRenderer().render(content));
        assertThat(new CsvRenderer().toCsv(back.tables().getFirst()))
                .isEqualTo(new CsvRenderer().toCsv(content.tables().getFirst()));
        assertThat(stored.json()).doesNotContain("\n  ").startsWith("{\"contact\":");
    }
}
