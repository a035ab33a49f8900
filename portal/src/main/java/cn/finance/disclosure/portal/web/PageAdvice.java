package cn.finance.disclosure.portal.web;

import cn.finance.disclosure.portal.archive.Archive;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** What every page shows (the sync status), and the error pages: 404 for what the portal does not hold, 400 for bad input. */
@ControllerAdvice
class PageAdvice {

    private final Archive archive;

    PageAdvice(Archive archive) {
        this.archive = archive;
    }

    @ModelAttribute("sync")
    SyncStatus sync() {
        return SyncStatus.of(archive.state());
    }

    @ExceptionHandler({NotFound.class, NoResourceFoundException.class})
    String notFound(Exception e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("sync", sync());
        model.addAttribute("message", e instanceof NotFound nf ? nf.getMessage() : "没有这个页面。");
        return "error-page";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class,
            MissingServletRequestParameterException.class, BadRequest.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("sync", sync());
        model.addAttribute("message", e instanceof BadRequest br ? br.getMessage() : "请求参数不正确，请检查后重试。");
        return "error-page";
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
