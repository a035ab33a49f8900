package cn.finance.disclosure.support.web;

import org.springframework.http.HttpStatus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Document versions as strong ETags ({@code "3"}) and If-Match values back to versions. */
public final class ETags {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    private ETags() {
    }

    public static String of(Long version) {
        return "\"" + (version == null ? 0 : version) + "\"";
    }

    public static boolean isAny(String ifMatch) {
        return ifMatch != null && ifMatch.trim().equals("*");
    }

    /** The version named by If-Match, null when absent or "*"; a malformed value is a 400 naming the header. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || isAny(ifMatch)) {
            return null;
        }
        Matcher m = VERSION.matcher(ifMatch.trim());
        if (!m.matches()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "invalid-if-match", "请求内容不合规",
                    "If-Match 须为读取时得到的 ETag，例如 \"3\"");
        }
        return Long.parseLong(m.group(1));
    }
}
