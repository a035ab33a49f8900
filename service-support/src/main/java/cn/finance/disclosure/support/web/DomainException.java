package cn.finance.disclosure.support.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A refusal the domain states in words a clerk understands. The status and the stable problem slug travel with it;
 * {@link ProblemHandling} turns it into problem+json.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final transient Map<String, Object> properties;

    public DomainException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public DomainException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public static DomainException notFound(String what) {
        return new DomainException(HttpStatus.NOT_FOUND, "not-found", "未找到", what);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(HttpStatus.FORBIDDEN, "forbidden", "无权操作", detail);
    }

    public static DomainException conflict(String slug, String detail) {
        return new DomainException(HttpStatus.CONFLICT, slug, "与当前状态冲突", detail);
    }

    public static DomainException badRequest(String slug, String detail, Map<String, Object> properties) {
        return new DomainException(HttpStatus.BAD_REQUEST, slug, "请求内容不合规", detail, properties);
    }

    public static DomainException staleVersion(long expected, long actual) {
        return new DomainException(HttpStatus.PRECONDITION_FAILED, "stale-version", "数据已被他人修改",
                "您编辑的版本（" + expected + "）已不是最新版本（" + actual + "），请重新读取后再修改",
                Map.of("expectedVersion", expected, "currentVersion", actual));
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
