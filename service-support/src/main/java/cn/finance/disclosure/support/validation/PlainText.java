package cn.finance.disclosure.support.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text a person typed for a published document: kept exactly as sent (Chinese, full-width punctuation, ASCII
 * commas), but never control characters or markup ({@code <script>}, {@code <img ...>}, {@code </p>}, comments).
 * A lone {@code <} before a digit or space ("<5%") is fine. Rendering escapes texts anyway; this keeps them clean at
 * the door.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "不能包含控制字符、不可见的格式字符（如双向控制符、零宽字符）或 HTML 标记";

    /** Whether line feeds, carriage returns and tabs are allowed (a reason, an explanation); nothing else changes. */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
