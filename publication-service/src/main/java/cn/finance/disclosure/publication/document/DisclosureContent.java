package cn.finance.disclosure.publication.document;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The generated disclosure: what a public version carries as its {@code content} member and what its content hash is
 * computed over. Immutable and deterministic (the same input gives equal content, so an equal hash). It never holds
 * a JSON null, so the canonical form does not depend on a mapper's inclusion settings.
 *
 * @param title          "{departmentName}{fiscalYear}年部门预算情况说明"
 * @param figures        the headline figures as exact yuan strings
 * @param sections       sections 一 to 六 in the seed's order
 * @param contact        the disclosure contact (the text's last line)
 * @param text           the whole explanation as plain text (what {@code .txt} serves)
 * @param tables         the standard tables, in their published order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisclosureContent(
        String title,
        int fiscalYear,
        String departmentCode,
        String departmentName,
        Figures figures,
        List<Section> sections,
        Contact contact,
        String text,
        List<DisclosureTable> tables) {

    public DisclosureContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(departmentCode, "departmentCode");
        Objects.requireNonNull(departmentName, "departmentName");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(text, "text");
        sections = List.copyOf(sections);
        tables = List.copyOf(tables);
    }

    /** The table published under {@code /tables/{code}.csv}, if this disclosure has it. */
    public Optional<DisclosureTable> findTable(String code) {
        return tables.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The disclosure contact 部门预算公开联系人; empty strings when the profile names none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String name, String phone) {

        public Contact {
            name = name == null ? "" : name;
            phone = phone == null ? "" : phone;
        }
    }
}
