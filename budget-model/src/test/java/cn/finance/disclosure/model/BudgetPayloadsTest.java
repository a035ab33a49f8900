package cn.finance.disclosure.model;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.budget.ClassificationNames;
import cn.finance.disclosure.testing.RandomBudgets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one mapping between stored content and the event payload loses nothing either way, and a member added to one
 * tree but not to the other (or not mapped) fails here.
 */
class BudgetPayloadsTest {

    @Test
    void givenTheSeedBudget_whenMappedToContentAndBack_thenTheSamePayloadAndTheSameJson() {
        JsonNode json = seed();
        BudgetSubmission payload = EventJson.MAPPER.treeToValue(json, BudgetSubmission.class);

        BudgetContent content = BudgetPayloads.toContent(payload);

        assertThat(BudgetPayloads.toPayload(content)).isEqualTo(payload);
        // the content writes the JSON the payload writes: what was stored from the event reads as content
        assertThat(EventJson.tree(content)).isEqualTo(EventJson.tree(payload));
        assertThat(EventJson.MAPPER.treeToValue(EventJson.tree(payload), BudgetContent.class)).isEqualTo(content);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987})
    void givenARandomBudget_whenMappedToContentAndBack_thenTheSamePayload(long seed) {
        BudgetSubmission payload = RandomBudgets.budget(seed);

        assertThat(BudgetPayloads.toPayload(BudgetPayloads.toContent(payload))).isEqualTo(payload);
        assertThat(EventJson.tree(BudgetPayloads.toContent(payload))).isEqualTo(EventJson.tree(payload));
    }

    @Test
    void givenALargeBudgetWithEveryFundSource_whenMappedToContentAndBack_thenTheSamePayload() {
        List<BudgetSubmission.ExpenditureLine> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            BudgetSubmission.FundSource fund = BudgetSubmission.FundSource.values()[i % 10];
            lines.add(new BudgetSubmission.ExpenditureLine(String.valueOf(2010000 + i), "项目" + i + "（全角，标点）",
                    fund, Yuan.of(BigDecimal.valueOf(i * 10_001L + 7, 2)), Yuan.of(BigDecimal.valueOf(i, 2))));
        }
        lines.add(null);
        BudgetSubmission random = RandomBudgets.budget(42);
        BudgetSubmission payload = new BudgetSubmission(random.departmentCode(), random.fiscalYear(),
                random.revenue(), lines, random.basicExpenditureByEconomicClass(), random.basicExpenditureUse(),
                random.projects(), random.projectExpenditureUse(), random.threePublicExpenses(),
                random.operatingExpenses(), random.operatingExpensesUse(), random.governmentProcurement(),
                random.performanceManagedProjectAmount(), random.assets(), random.priorYear(),
                random.changeExplanations());

        assertThat(BudgetPayloads.toPayload(BudgetPayloads.toContent(payload))).isEqualTo(payload);
    }

    @Test
    void givenAnEmptyDraft_whenMapped_thenNothingIsInvented() {
        BudgetSubmission empty = new BudgetSubmission(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);

        assertThat(BudgetPayloads.toPayload(BudgetPayloads.toContent(empty))).isEqualTo(empty);
        assertThat(BudgetPayloads.toContent((BudgetSubmission) null)).isNull();
    }

    @Test
    void givenAPayloadWithEveryMemberSetToADistinctValue_whenMappedToContentAndBack_thenEveryMemberArrives() {
        BudgetSubmission full = (BudgetSubmission) filled(BudgetSubmission.class, new int[]{1});

        BudgetContent content = BudgetPayloads.toContent(full);

        // a member the mapping drops (passes null) or swaps with another of its type fails one of these
        assertThat(BudgetPayloads.toPayload(content)).isEqualTo(full);
        assertThat(EventJson.tree(content)).isEqualTo(EventJson.tree(full));
    }

    @Test
    void givenCatalogNames_whenMappedToContentAndBack_thenTheSameNames() {
        ClassificationNames names = new ClassificationNames(2024, ClassificationNames.OFFICIAL,
                ClassificationNames.REFERENCE, java.util.Map.of("201", "一般公共服务支出", "2012901", "行政运行"),
                java.util.Map.of("301", "工资福利支出"));

        CodeNames content = BudgetPayloads.toContent(names);

        assertThat(BudgetPayloads.toPayload(content)).isEqualTo(names);
        assertThat(EventJson.tree(content)).isEqualTo(EventJson.tree(names));
        List<String> payloadShape = new ArrayList<>();
        List<String> contentShape = new ArrayList<>();
        Arrays.stream(ClassificationNames.class.getRecordComponents())
                .forEach(c -> payloadShape.add(c.getName() + ": " + c.getGenericType()));
        Arrays.stream(CodeNames.class.getRecordComponents())
                .forEach(c -> contentShape.add(c.getName() + ": " + c.getGenericType()));
        assertThat(contentShape).containsExactlyElementsOf(payloadShape);
    }

    @Test
    void contentAndPayloadHaveTheSameMembersAllTheWayDown() {
        List<String> payload = new ArrayList<>();
        List<String> content = new ArrayList<>();
        shape(BudgetSubmission.class, "", payload);
        shape(BudgetContent.class, "", content);

        assertThat(content).containsExactlyElementsOf(payload);
    }

    /** Every member path with its kind (record, list of, enum constants, or the leaf type), recursively. */
    private static void shape(Type type, String path, List<String> out) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            shape(p.getActualTypeArguments()[0], path + "[]", out);
            return;
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            out.add(path + ": record");
            for (RecordComponent component : c.getRecordComponents()) {
                shape(component.getGenericType(), path + "." + component.getName(), out);
            }
        } else if (c.isEnum()) {
            out.add(path + ": enum " + Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        } else {
            assertThat(c.getPackageName()).as("leaf type of %s", path)
                    .isIn("java.lang", "cn.finance.disclosure.events");
            out.add(path + ": " + c.getName());
        }
    }

    /** An instance of {@code type} whose every member, at every depth, is set to a value no other member has. */
    private static Object filled(Type type, int[] next) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return List.of(filled(p.getActualTypeArguments()[0], next), filled(p.getActualTypeArguments()[0], next));
        }
        Class<?> c = (Class<?>) type;
        int n = next[0]++;
        if (c == String.class) {
            return "文本" + n;
        }
        if (c == Integer.class || c == int.class) {
            return n;
        }
        if (c == Yuan.class) {
            return Yuan.of(BigDecimal.valueOf(n * 100L + 1, 2));
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[n % constants.length];
        }
        if (c.isRecord()) {
            RecordComponent[] components = c.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = filled(components[i].getGenericType(), next);
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = c.getDeclaredConstructor(types);
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no value for " + c);
    }

    private static JsonNode seed() {
        try (InputStream in = BudgetPayloadsTest.class.getResourceAsStream("/seed/qijiang-fgu-2024.facts.json")) {
            return EventJson.MAPPER.readTree(in).get("budget");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
