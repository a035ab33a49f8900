package cn.finance.disclosure.console.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.context.expression.MapAccessor;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ViewsTest {

    @Test
    void givenAnAnswerThatLeavesANullMemberOut_whenATemplateReadsIt_thenItIsNullAndTextIsKeptExactly() {
        Map<String, Object> table = Views.map(JsonMapper.builder().build().readTree("""
                {"title":"部门收支总表（“三公”）","rows":[{"cells":["<b>1</b>"]}]}"""));
        StandardEvaluationContext context = new StandardEvaluationContext(table);
        context.addPropertyAccessor(new MapAccessor());
        SpelExpressionParser parser = new SpelExpressionParser();
        assertThat(parser.parseExpression("note").getValue(context)).isNull();
        assertThat(parser.parseExpression("title").getValue(context)).isEqualTo("部门收支总表（“三公”）");
        assertThat(parser.parseExpression("rows[0].cells[0]").getValue(context)).isEqualTo("<b>1</b>");
    }
}
