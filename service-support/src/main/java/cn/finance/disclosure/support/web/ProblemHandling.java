package cn.finance.disclosure.support.web;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error as RFC 9457 problem+json with a stable type: bad JSON and field errors name the field (400), domain
 * refusals keep their status, optimistic-lock losses are 409, and anything unexpected is a logged 500 that reveals
 * nothing.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e, WebRequest request) {
        ProblemDetail problem = Problems.of(e.status(), e.slug(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem(problem, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> lostUpdate(OptimisticLockingFailureException e, WebRequest request) {
        return problem(Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "数据已被他人修改",
                "该记录刚刚被他人修改，请重新读取后再提交"), request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e, WebRequest request) {
        return problem(Problems.of(HttpStatus.CONFLICT, "duplicate", "记录已存在", "相同标识的记录已存在"), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> errors.add(fieldError(v.getPropertyPath().toString(), v.getMessage())));
        return problem(validation(errors), request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> denied(Exception e, WebRequest request) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权操作", "当前用户的角色或所属单位不允许此操作"),
                request);
    }

    /** No endpoint takes multipart bodies (multipart parsing is off); this covers a resolver switched on later. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> multipart(Exception e, WebRequest request) {
        return problem(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "请求内容不合规",
                "请求体须为 JSON（Content-Type: application/json）"), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return problem(validation(List.of(fieldError(e.getName(), "取值格式不正确"))), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("unexpected error", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "系统内部错误",
                "系统处理请求时出错，请稍后重试；如持续出现请联系管理员并提供关联编号"), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(fe.getField(), fe.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(fieldError(ge.getObjectName(),
                ge.getDefaultMessage())));
        return problem(validation(errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(fieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return problem(validation(errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        ProblemDetail problem;
        if (causedByTooLargeBody(e)) {
            problem = BodySizeLimitFilter.tooLarge();
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "unknown-field", "请求内容不合规",
                    "不认识的字段：" + JsonPaths.of(unknown));
            problem.setProperty("errors", List.of(fieldError(JsonPaths.of(unknown), "不允许的字段")));
        } else if (jacksonFieldError(e) instanceof DatabindException mapping) {
            String field = JsonPaths.of(mapping);
            String reason = JsonPaths.reason(mapping);
            problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", "请求内容不合规",
                    "字段 " + field + " 的值不正确：" + reason);
            problem.setProperty("errors", List.of(fieldError(field, reason)));
        } else if (cause instanceof JacksonException) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "请求内容不合规",
                    "请求体不是合法的 JSON（UTF-8 编码）");
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "请求内容不合规", "请求体无法读取");
        }
        return problem(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (entity != null && entity.getBody() instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(Problems.type("http-" + statusCode.value()));
            }
            decorate(problem, request);
            // explicit, so an unusable Accept header cannot empty the answer during content negotiation
            return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return entity;
    }

    /**
     * The Jackson exception that knows which field failed. Not the most specific cause: where a value type refused
     * the input (a negative {@code Yuan}), that is the value type's exception, which knows no field.
     */
    private static DatabindException jacksonFieldError(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof DatabindException d && !d.getPath().isEmpty()) {
                return d;
            }
        }
        return null;
    }

    private static boolean causedByTooLargeBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail validation(List<Map<String, Object>> errors) {
        String detail = errors.isEmpty() ? "请求内容不合规"
                : "请检查以下字段：" + String.join("、", errors.stream().map(e -> String.valueOf(e.get("field"))).toList());
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "请求内容不合规", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    static Map<String, Object> fieldError(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, WebRequest request) {
        decorate(problem, request);
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static void decorate(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
    }
}
