package cn.finance.disclosure.console.web;

import cn.finance.disclosure.console.gateway.ApiProblem;
import cn.finance.disclosure.console.gateway.LoginRequired;
import cn.finance.disclosure.console.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page knows (who is signed in) and how the services' refusals become pages: 404 for what the person may
 * not see or what does not exist (the services answer both alike), 403 for a step the role may not take, and the
 * problem's own words for the rest.
 */
@ControllerAdvice
class PageAdvice {

    @ModelAttribute("me")
    CurrentUser me(Authentication authentication) {
        return CurrentUser.of(authentication);
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, HttpServletResponse response, Model model) {
        model.addAttribute("me", CurrentUser.of(SecurityContextHolder.getContext().getAuthentication()));
        model.addAttribute("problem", problem);
        int status = problem.status() == 404 ? 404 : problem.status() == 403 ? 403 : problem.status();
        response.setStatus(status);
        return switch (status) {
            case 404 -> "error/404";
            case 403 -> "error/403";
            default -> "error/problem";
        };
    }

    @ExceptionHandler(LoginRequired.class)
    String login(HttpServletRequest request) {
        request.getSession().invalidate();
        return "redirect:/oauth2/authorization/keycloak";
    }
}
