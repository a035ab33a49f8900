package cn.finance.disclosure.publication.document;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * One headed part of the explanation: its heading line ("一、单位基本情况", "（一）职能职责", "1.综合部"), its paragraphs
 * and its sub-sections, in that order (so the plain text reads heading, paragraphs, then each sub-section).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section(String heading, List<String> paragraphs, List<Section> subsections) {

    public Section {
        Objects.requireNonNull(heading, "heading");
        paragraphs = List.copyOf(paragraphs);
        subsections = List.copyOf(subsections);
    }

    public static Section of(String heading, List<String> paragraphs) {
        return new Section(heading, paragraphs, List.of());
    }
}
