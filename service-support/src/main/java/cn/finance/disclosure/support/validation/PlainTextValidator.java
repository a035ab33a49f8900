package cn.finance.disclosure.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.regex.Pattern;

/**
 * The one rule for every text a person types: no character a reader cannot see or that changes how the rest reads,
 * and no markup. Refused are control characters (Cc), format characters (Cf: bidi embeddings, overrides and isolates
 * U+202A–202E and U+2066–2069, the marks U+200E/U+200F/U+061C, zero-width U+200B–200D, U+2060, U+FEFF, soft hyphen,
 * tags), line and paragraph separators (U+2028/U+2029) and unpaired surrogates; what the head confirmed by hash is
 * then what every reader sees. Markup is looked for in the whole text, whatever separates its lines. Everything else
 * (Chinese, full-width punctuation, the ideographic space, characters outside the BMP) is kept exactly.
 */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    /** Invisible or layout-changing code points; Java matches by code point, so paired surrogates are not Cs. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]");
    private static final Pattern LAYOUT = Pattern.compile("[\\r\\n\\t]");
    /** A tag, end tag, comment or declaration opening, or a script URL; DOTALL so no separator hides what follows. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[A-Za-z/!?]|javascript\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);

    private boolean multiline;

    /** The single-line rule. */
    public static boolean isPlain(String text) {
        return isPlain(text, false);
    }

    /** The rule; {@code multiline} lets line feeds, carriage returns and tabs through, and nothing else. */
    public static boolean isPlain(String text, boolean multiline) {
        if (text == null) {
            return true;
        }
        String checked = multiline ? LAYOUT.matcher(text).replaceAll("") : text;
        return !INVISIBLE.matcher(checked).find() && !MARKUP.matcher(text).find();
    }

    @Override
    public void initialize(PlainText annotation) {
        this.multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return isPlain(value, multiline);
    }
}
