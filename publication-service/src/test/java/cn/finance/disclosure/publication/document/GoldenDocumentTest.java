package cn.finance.disclosure.publication.document;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The generated explanation for the seed's facts is the published document, line for line, after normalizing both
 * (each line trimmed, empty lines dropped, runs of spaces, tabs and ideographic spaces collapsed to one space), with one
 * known difference: the published text says 2023 where the 2024 budget's government-fund sentence means 2024.
 */
class GoldenDocumentTest {

    private static final String PUBLISHED_SLIP = "本部门2023年无使用政府性基金预算拨款安排的支出";
    private static final String GENERATED = "本部门2024年无使用政府性基金预算拨款安排的支出";

    @Test
    void givenTheSeedFacts_whenGenerated_thenTheTextIsThePublishedDocumentSaveForTheKnownYearSlip() {
        String golden = SeedFacts.resource(SeedFacts.GOLDEN);
        assertThat(occurrences(golden, PUBLISHED_SLIP)).as("the known slip occurs exactly once in the golden text")
                .isEqualTo(1);
        String expected = golden.replace(PUBLISHED_SLIP, GENERATED);

        DisclosureContent content = SeedFacts.content();

        assertSameLines(normalize(expected), normalize(content.text()));
    }

    @Test
    void givenTheSeedFacts_whenRenderedAsPlainText_thenItIsTheContentText() {
        DisclosureContent content = SeedFacts.content();

        assertThat(new PlainTextRenderer().render(content)).isEqualTo(content.text());
        assertThat(content.text()).startsWith("重庆市綦江区总工会（本级）2024年部门预算情况说明\n")
                .endsWith("部门预算公开联系人：张雪莲        联系方式：17783265987\n");
        assertThat(content.title()).isEqualTo("重庆市綦江区总工会（本级）2024年部门预算情况说明");
    }

    @Test
    void givenTheSeedFacts_whenGenerated_thenTheSectionsAreTheSixOfTheTemplateInOrder() {
        DisclosureContent content = SeedFacts.content();

        assertThat(content.sections()).extracting(Section::heading).containsExactly(
                "一、单位基本情况", "二、部门收支总体情况", "三、部门预算情况说明", "四、“三公”经费情况说明",
                "五、其他重要事项的情况说明", "六、专业性名词解释");
        assertThat(content.sections().getFirst().subsections()).extracting(Section::heading)
                .containsExactly("（一）职能职责", "（二）机构设置");
        assertThat(content.sections().getFirst().subsections().get(1).subsections()).extracting(Section::heading)
                .containsExactly("1.综合部", "2.基层工作部", "3.服务发展部");
        assertThat(content.contact()).isEqualTo(new DisclosureContent.Contact("张雪莲", "17783265987"));
    }

    static List<String> normalize(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(line -> line.replaceAll("[ \\t\\u3000]+", " ").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static void assertSameLines(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail("line %d differs (normalized)%n expected: %s%n   actual: %s%n at char %d", i + 1,
                        expected.get(i), actual.get(i), firstDifference(expected.get(i), actual.get(i)));
            }
        }
        if (expected.size() != actual.size()) {
            List<String> longer = expected.size() > actual.size() ? expected : actual;
            fail("%s has %d lines where %s has %d; first extra line: %s",
                    expected.size() > actual.size() ? "the golden text" : "the generated text", longer.size(),
                    expected.size() > actual.size() ? "the generated text" : "the golden text",
                    Math.min(expected.size(), actual.size()), longer.get(Math.min(expected.size(), actual.size())));
        }
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
