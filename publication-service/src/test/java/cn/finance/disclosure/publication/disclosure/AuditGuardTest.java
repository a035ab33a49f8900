package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.model.TextAuditor;
import cn.finance.disclosure.support.web.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.finance.disclosure.publication.disclosure.DisclosureTest.HEAD;
import static cn.finance.disclosure.publication.disclosure.DisclosureTest.NOW;
import static cn.finance.disclosure.publication.disclosure.DisclosureTest.draftOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A draft whose text the auditor found a defect in cannot be confirmed; notes do not block. */
class AuditGuardTest {

    private static final TextAuditor.AuditFinding DEFECT = new TextAuditor.AuditFinding(TextAuditor.EMPTY_INPUT,
            TextAuditor.Severity.DEFECT, "主要用于不适用。", "“主要用于”后没有实际内容");
    private static final TextAuditor.AuditFinding NOTE = new TextAuditor.AuditFinding(
            TextAuditor.BREAKDOWN_ROUNDING, TextAuditor.Severity.NOTE, "其中：…", "相差0.01万元");

    @Test
    void givenADraftWithADefect_whenConfirmed_thenRefusedWith422NamingTheSentence() {
        GeneratedContent content = new GeneratedContent("{\"text\":\"c\"}", "c".repeat(64), List.of(NOTE, DEFECT));
        Disclosure d = draftOf(content);

        assertThatThrownBy(() -> d.confirm(HEAD, content.hash(), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.slug()).isEqualTo("text-audit-defects");
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("主要用于不适用。");
                });
        assertThat(d.draft().isConfirmed()).isFalse();
        assertThat(d.draft().audit()).containsExactly(NOTE, DEFECT);
    }

    @Test
    void givenADraftWithNotesOnly_whenConfirmed_thenConfirmed() {
        GeneratedContent content = new GeneratedContent("{\"text\":\"d\"}", "d".repeat(64), List.of(NOTE));
        Disclosure d = draftOf(content);

        d.confirm(HEAD, content.hash(), NOW);

        assertThat(d.draft().isConfirmed()).isTrue();
    }
}
