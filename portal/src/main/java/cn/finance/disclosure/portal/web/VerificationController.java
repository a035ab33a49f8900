package cn.finance.disclosure.portal.web;

import cn.finance.disclosure.portal.PortalProperties;
import cn.finance.disclosure.portal.archive.Archive;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The chain's state, what was refused, and how anyone can check a version with common tools. */
@Controller
class VerificationController {

    private final Archive archive;
    private final PortalProperties properties;

    VerificationController(Archive archive, PortalProperties properties) {
        this.archive = archive;
        this.properties = properties;
    }

    @GetMapping("/verification")
    String verification(Model model) {
        model.addAttribute("refusals", archive.quarantined(50).stream().map(Views.Refusal::of).toList());
        model.addAttribute("versionCount", archive.versionCount());
        model.addAttribute("platform", properties.publicUrl());
        return "verification";
    }
}
