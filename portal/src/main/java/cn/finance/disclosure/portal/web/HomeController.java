package cn.finance.disclosure.portal.web;

import cn.finance.disclosure.portal.archive.Archive;
import cn.finance.disclosure.portal.archive.DisclosureRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The home page (year, search, recently released) and a department's page (every year, every version). */
@Controller
class HomeController {

    private final Archive archive;

    HomeController(Archive archive) {
        this.archive = archive;
    }

    @GetMapping("/")
    String home(@RequestParam(name = "year", required = false) String yearParam,
                @RequestParam(name = "q", required = false) String text, Model model) {
        // absent: the latest year; empty: every year
        Integer year = yearParam == null || yearParam.isEmpty() ? null : Paths.yearOrBadRequest(yearParam);
        if (text != null && text.length() > 100) {
            throw new PageAdvice.BadRequest("检索词过长（最多 100 个字）。");
        }
        List<Integer> years = archive.fiscalYears();
        Integer selected = year != null ? year : yearParam != null || years.isEmpty() ? null : years.getFirst();
        model.addAttribute("years", years);
        model.addAttribute("year", selected);
        model.addAttribute("q", text == null ? "" : text.strip());
        model.addAttribute("results", archive.search(selected, text).stream().map(Views.Listing::of).toList());
        model.addAttribute("recent", archive.recentlyChanged(8).stream().map(Views.Listing::of).toList());
        return "home";
    }

    @GetMapping("/departments/{code}")
    String department(@PathVariable String code, Model model) {
        Paths.requireCode(code);
        List<DisclosureRecord> years = archive.ofDepartment(code);
        if (years.isEmpty()) {
            throw new PageAdvice.NotFound("本门户尚未收到单位 " + code + " 的预算公开。");
        }
        model.addAttribute("code", code);
        model.addAttribute("name", years.getFirst().departmentName());
        model.addAttribute("years", years.stream().map(d -> new YearView(Views.Listing.of(d), Views.VersionLine.of(d)))
                .toList());
        return "department";
    }

    record YearView(Views.Listing listing, List<Views.VersionLine> versions) {
    }
}
