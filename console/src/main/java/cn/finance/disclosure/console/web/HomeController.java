package cn.finance.disclosure.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The start page (what each of the person's roles can do), the logged-out page and the refusal page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/logged-out")
    String loggedOut() {
        return "logged-out";
    }

    @RequestMapping("/denied")
    String denied(HttpServletRequest request, Model model) {
        model.addAttribute("reason", request.getAttribute("deniedReason"));
        return "error/403";
    }
}
