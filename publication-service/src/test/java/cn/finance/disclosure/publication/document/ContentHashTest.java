package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.EventJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    /**
     * Computed independently with Python: {@code hashlib.sha256(json.dumps(obj, sort_keys=True, separators=(',', ':'),
     * ensure_ascii=False).encode('utf-8')).hexdigest()}, which equals JCS for ASCII keys, strings and integers.
     */
    @Test
    void givenASmallObject_whenHashed_thenItMatchesAnIndependentComputation() {
        JsonNode node = EventJson.MAPPER.readTree("""
                {"title":"重庆市綦江区总工会（本级）2024年部门预算情况说明","amount":"2766200.00","fiscalYear":2024,
                 "zeta":[1,-7,true,false,null,"tab\\there","quote\\"back\\\\slash","ctl\\u0001\\u001f","line\\nfeed\\r"],
                 "Alpha":{"b":"€ ₤ ö","a":"😀 emoji","_":"/slash"},"empty":{},"list":[]}""");

        assertThat(CanonicalJson.canonicalize(node)).isEqualTo(
                "{\"Alpha\":{\"_\":\"/slash\",\"a\":\"😀 emoji\",\"b\":\"€ ₤ ö\"},\"amount\":\"2766200.00\","
                        + "\"empty\":{},\"fiscalYear\":2024,\"list\":[],"
                        + "\"title\":\"重庆市綦江区总工会（本级）2024年部门预算情况说明\","
                        + "\"zeta\":[1,-7,true,false,null,\"tab\\there\",\"quote\\\"back\\\\slash\","
                        + "\"ctl\\u0001\\u001f\",\"line\\nfeed\\r\"]}");
        assertThat(ContentHash.sha256Hex(node))
                .isEqualTo("535e450a8744e7d136eda79fcae71432c68acb437d6430fbafadd8fb247e433a");
    }

    @Test
    void givenTheSeed_whenGeneratedTwice_thenTheContentHashIsTheSame() {
        String first = ContentHash.sha256Hex(SeedFacts.content());
        String second = ContentHash.sha256Hex(SeedFacts.content());

        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(second);
        assertThat(ContentHash.sha256Hex(EventJson.MAPPER.valueToTree(SeedFacts.content()))).isEqualTo(first);
    }

    @Test
    void givenTheSeedContent_whenWrittenAsJsonAndReadBack_thenItIsEqualAndHashesTheSame() {
        DisclosureContent content = SeedFacts.content();
        String json = EventJson.write(content);

        DisclosureContent read = EventJson.MAPPER.readValue(json, DisclosureContent.class);

        assertThat(read).isEqualTo(content);
        assertThat(ContentHash.sha256Hex(EventJson.MAPPER.readTree(json))).isEqualTo(ContentHash.sha256Hex(content));
        assertThat(json).doesNotContain("null");
    }

    @Test
    void givenAKeyOrderOrWhitespaceDifference_whenHashed_thenTheHashIsTheSame_butAnyTextChangeChangesIt() {
        JsonNode a = EventJson.MAPPER.readTree("{\"a\":\"甲\",\"b\":[1,2]}");
        JsonNode b = EventJson.MAPPER.readTree("{ \"b\" : [1, 2],\n \"a\" : \"甲\" }");
        ObjectNode c = (ObjectNode) a.deepCopy();
        c.put("a", "乙");

        assertThat(ContentHash.sha256Hex(a)).isEqualTo(ContentHash.sha256Hex(b));
        assertThat(ContentHash.sha256Hex(c)).isNotEqualTo(ContentHash.sha256Hex(a));
    }
}
