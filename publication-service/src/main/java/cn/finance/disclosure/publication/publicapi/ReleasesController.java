package cn.finance.disclosure.publication.publicapi;

import cn.finance.disclosure.publication.feed.ReleaseFeed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The release feed for portals that sync incrementally: entries after the cursor they hold (an entry's
 * {@code sequence}; 0 or absent for the start), oldest first; {@code next} is the cursor to ask with next time.
 */
@RestController
@Validated
class ReleasesController {

    private final ReleaseFeed feed;

    ReleasesController(ReleaseFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/public/v1/releases")
    ResponseEntity<ReleaseFeed.Page> releases(@RequestParam(defaultValue = "0") @Min(0) long after,
                                              @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        // each year's open-data package changes with these entries: the feed points to where they are
        return ResponseEntity.ok().cacheControl(Conditional.REVALIDATE)
                .header(HttpHeaders.LINK, "</public/v1/open-data>; rel=\"related\"; title=\"open-data\"")
                .body(feed.read(after, limit));
    }
}
