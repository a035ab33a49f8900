package cn.finance.disclosure.publication.opendata;

import cn.finance.disclosure.publication.disclosure.Disclosure;
import cn.finance.disclosure.publication.disclosure.DisclosureProjections;
import cn.finance.disclosure.publication.disclosure.GeneratedContent;
import cn.finance.disclosure.publication.disclosure.PublishedVersion;
import cn.finance.disclosure.support.web.DomainException;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open-data package of a fiscal year. What it contains is named by the list of current versions (department,
 * number, content hash): the package is rebuilt only when that list changes (a release, correction or withdrawal),
 * and its ETag is the hash of that list, so it is known without building anything.
 */
@Service
public class OpenData {

    /** A built package and the list it was built from. */
    public record Package(String etag, byte[] bytes, int versions) {
    }

    private final DisclosureProjections disclosures;
    private final Map<Integer, Package> built = new ConcurrentHashMap<>();

    OpenData(DisclosureProjections disclosures) {
        this.disclosures = disclosures;
    }

    /** The fiscal years that have at least one current released version, newest first. */
    public List<Integer> years() {
        return disclosures.yearsWithCurrentVersions();
    }

    /** The ETag of the year's package as it stands; 404 when the year has no current released version. */
    public String etag(int fiscalYear) {
        return etagOf(manifest(fiscalYear), fiscalYear);
    }

    public Package get(int fiscalYear) {
        List<String> manifest = manifest(fiscalYear);
        String etag = etagOf(manifest, fiscalYear);
        Package cached = built.get(fiscalYear);
        if (cached != null && cached.etag().equals(etag)) {
            return cached;
        }
        List<FiscalDataPackage.Included> included = new ArrayList<>();
        for (Disclosure d : disclosures.current(fiscalYear)) {
            d.current().ifPresent(v -> included.add(included(d, v)));
        }
        // built from what was read, so the ETag always describes these bytes, even if a release happened meanwhile
        List<String> read = included.stream().map(i -> i.departmentCode() + ":" + i.version() + ":" + i.contentHash())
                .sorted().toList();
        Package made = new Package(etagOf(read, fiscalYear), new FiscalDataPackage().build(fiscalYear, included),
                included.size());
        built.put(fiscalYear, made);
        return made;
    }

    private FiscalDataPackage.Included included(Disclosure d, PublishedVersion v) {
        return new FiscalDataPackage.Included(d.departmentCode(), d.fiscalYear(), v.number(), v.releasedAt(),
                v.correction(), v.contentHash(), d.versionPath(v.number()),
                GeneratedContent.content(disclosures.releasedContent(d, v)));
    }

    /** department:version:hash of every current version of the year, sorted. */
    private List<String> manifest(int fiscalYear) {
        List<String> manifest = disclosures.currentVersions(fiscalYear).stream()
                .map(r -> r.departmentCode() + ":" + r.currentVersion() + ":" + r.contentHash())
                .sorted().toList();
        if (manifest.isEmpty()) {
            throw DomainException.notFound(fiscalYear + " 年度尚无已公开的部门预算，没有开放数据包");
        }
        return manifest;
    }

    private static String etagOf(List<String> manifest, int fiscalYear) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("open-data/" + fiscalYear + "/" + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(String.join("\n", manifest).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(sha.digest()) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bumped when the package's layout changes, so an old ETag never names new bytes. */
    static final String FORMAT = "fdp-1";
}
