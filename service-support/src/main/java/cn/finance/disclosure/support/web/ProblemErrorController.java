package cn.finance.disclosure.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Replaces Boot's error page controller: whatever the container forwards to {@code /error} (a request Tomcat refused,
 * an exception outside MVC) answers as problem+json with its own status, and a direct request for {@code /error} is
 * simply not found, never a 500.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = {})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null && c >= 400
                ? HttpStatus.valueOf(c) : HttpStatus.NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem = status == HttpStatus.NOT_FOUND
                ? Problems.of(status, "not-found", "未找到", "请求的地址不存在")
                : Problems.of(status, status.is5xxServerError() ? "internal" : "http-" + status.value(),
                status.is5xxServerError() ? "系统内部错误" : "请求不合规",
                status.is5xxServerError() ? "系统处理请求时出错，请稍后重试；如持续出现请联系管理员并提供关联编号"
                        : "请求无法处理（HTTP " + status.value() + "）");
        problem.setInstance(URI.create(uri instanceof String s && s.startsWith("/") ? safe(s) : "/error"));
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String safe(String path) {
        try {
            return URI.create(path).toString();
        } catch (IllegalArgumentException e) {
            return "/error";
        }
    }
}
