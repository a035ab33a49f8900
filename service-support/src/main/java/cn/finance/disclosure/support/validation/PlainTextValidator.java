package cn.finance.disclosure.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.regex.Pattern;

public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern MARKUP = Pattern.compile("<\\s*[A-Za-z/!?]|(?i)javascript\\s*:");

    public static boolean isPlain(String text) {
        return text == null || (!CONTROL.matcher(text).find() && !MARKUP.matcher(text).find());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return isPlain(value);
    }
}
