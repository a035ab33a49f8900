package cn.finance.disclosure.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;

/** RFC 9457 problem details with stable {@code type} URIs; the one place that builds them. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:finance:problem:";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /** For filters and security handlers that run outside the MVC exception handling. */
    public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
                             ProblemDetail problem) throws IOException {
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            problem.setInstance(null); // a refused request's path may not even be a URI: leave it out
        }
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
