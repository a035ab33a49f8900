package cn.finance.disclosure.publication.document;

/** The explanation as plain UTF-8 text ({@code versions/{n}.txt}): the content's own text, unchanged. */
public final class PlainTextRenderer {

    public static final String MEDIA_TYPE = "text/plain;charset=UTF-8";

    public String render(DisclosureContent content) {
        return content.text();
    }
}
