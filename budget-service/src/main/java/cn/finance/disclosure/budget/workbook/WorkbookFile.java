package cn.finance.disclosure.budget.workbook;

import cn.finance.disclosure.support.web.DomainException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens an uploaded .xlsx only after looking at it as the hostile archive it may be. Before POI parses anything, the
 * zip is read entry by entry with hard limits: not a zip (or an old .xls) is refused, macro-enabled content is
 * refused, a DTD anywhere (external entities) is refused, no part may inflate beyond its limit (zip bombs, 10 MB of
 * shared strings), and no sheet may hold more rows than a budget needs. POI's own zip guards are set as a second line.
 */
final class WorkbookFile {

    static final int MAX_ENTRIES = 300;
    static final long MAX_PART_BYTES = 8L * 1024 * 1024;
    static final long MAX_SHARED_STRINGS_BYTES = 4L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 40L * 1024 * 1024;
    static final int MAX_ROWS_PER_SHEET = 5_000;

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final Pattern SHEET = Pattern.compile("<(?:\\w+:)?sheet\\b[^>]*?\\bname=\"([^\"]*)\"[^>]*?\\br:id=\"([^\"]*)\"");
    private static final Pattern REL = Pattern.compile("<Relationship\\b[^>]*?\\bId=\"([^\"]*)\"[^>]*?\\bTarget=\"([^\"]*)\"");
    private static final Pattern REL_REVERSED = Pattern.compile("<Relationship\\b[^>]*?\\bTarget=\"([^\"]*)\"[^>]*?\\bId=\"([^\"]*)\"");

    static {
        // POI's own guards, process-wide: a part inflating over 100x, or bigger than our limits, is refused by POI too
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_PART_BYTES);
    }

    private WorkbookFile() {
    }

    static XSSFWorkbook open(byte[] bytes) {
        inspect(bytes);
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (Exception | OutOfMemoryError e) {
            throw refused("文件无法作为 Excel 工作簿读取（" + reason(e) + "），请在 Excel 中另存为 .xlsx 后重新上传");
        }
    }

    /** The checks that need no XML parser; throws a 4xx problem on the first reason to refuse the file. */
    static void inspect(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw refused("请求体为空：请上传 .xlsx 工作簿");
        }
        if (startsWith(bytes, OLE2)) {
            throw refused("这是旧版 Excel（.xls）或其他 OLE2 文件，不能导入：请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后重新上传");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw refused("上传的文件不是 Excel 工作簿（.xlsx）");
        }
        Map<String, byte[]> small = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        boolean workbook = false;
        int entries = 0;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw refused("工作簿包含的部件过多（超过" + MAX_ENTRIES + "个），已拒绝");
                }
                String name = e.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith("vbaproject.bin") || lower.endsWith(".bin") && lower.contains("vba")) {
                    throw macro();
                }
                long limit = lower.equals("xl/sharedstrings.xml") ? MAX_SHARED_STRINGS_BYTES : MAX_PART_BYTES;
                byte[] content = readCapped(zip, limit, name);
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw refused("工作簿解压后超过 " + MAX_TOTAL_BYTES / 1024 / 1024 + " MB，疑为压缩炸弹，已拒绝");
                }
                if (lower.endsWith(".xml") || lower.endsWith(".rels")) {
                    if (content.length >= 2 && (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF
                            || content[0] == (byte) 0xFF && content[1] == (byte) 0xFE || content[0] == 0)) {
                        // UTF-16 would hide a DTD from the check below: workbooks written by Excel are UTF-8
                        throw refused("工作簿部件 " + name + " 使用了不支持的编码（须为 UTF-8），已拒绝");
                    }
                    if (containsIgnoreCase(content, "<!DOCTYPE") || containsIgnoreCase(content, "<!ENTITY")) {
                        throw refused("工作簿部件 " + name + " 含有 DTD 或实体声明（可能引用外部实体），已拒绝");
                    }
                }
                if (lower.equals("[content_types].xml")) {
                    if (containsIgnoreCase(content, "macroEnabled") || containsIgnoreCase(content, "vbaProject")) {
                        throw macro();
                    }
                    small.put(lower, content);
                } else if (lower.equals("xl/workbook.xml") || lower.equals("xl/_rels/workbook.xml.rels")) {
                    workbook |= lower.equals("xl/workbook.xml");
                    small.put(lower, content);
                } else if (lower.startsWith("xl/worksheets/") && lower.endsWith(".xml")) {
                    rows.put(name.substring("xl/".length()), count(content, "<row") + count(content, ":row "));
                }
            }
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused("上传的文件不是完好的 Excel 工作簿（.xlsx）：压缩包无法读取");
        }
        if (!workbook || !small.containsKey("[content_types].xml")) {
            throw refused("上传的压缩包不是 Excel 工作簿（缺少 xl/workbook.xml）");
        }
        Map<String, String> names = sheetNames(small);
        for (Map.Entry<String, Integer> r : rows.entrySet()) {
            if (r.getValue() > MAX_ROWS_PER_SHEET) {
                String sheet = names.getOrDefault(r.getKey(), r.getKey());
                throw new DomainException(HttpStatus.BAD_REQUEST, "workbook-too-many-rows", "工作簿被拒绝",
                        "工作表“" + sheet + "”有" + r.getValue() + "行，超过上限" + MAX_ROWS_PER_SHEET + "行，已拒绝",
                        Map.of("errors", java.util.List.of(Map.of("sheet", sheet, "cell", "",
                                "message", "行数超过上限" + MAX_ROWS_PER_SHEET + "行"))));
            }
        }
    }

    /** Part name (worksheets/sheet1.xml) to sheet name, for messages only; what cannot be read stays unnamed. */
    private static Map<String, String> sheetNames(Map<String, byte[]> parts) {
        Map<String, String> byId = new HashMap<>();
        byte[] rels = parts.get("xl/_rels/workbook.xml.rels");
        if (rels != null) {
            String text = new String(rels, StandardCharsets.UTF_8);
            for (Matcher m = REL.matcher(text); m.find(); ) {
                byId.put(m.group(1), m.group(2));
            }
            for (Matcher m = REL_REVERSED.matcher(text); m.find(); ) {
                byId.putIfAbsent(m.group(2), m.group(1));
            }
        }
        Map<String, String> names = new HashMap<>();
        String workbook = new String(parts.get("xl/workbook.xml"), StandardCharsets.UTF_8);
        for (Matcher m = SHEET.matcher(workbook); m.find(); ) {
            String target = byId.get(m.group(2));
            if (target != null) {
                names.put(target.startsWith("/xl/") ? target.substring(4) : target, m.group(1));
            }
        }
        return names;
    }

    private static byte[] readCapped(InputStream in, long limit, String name) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        long read = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            read += n;
            if (read > limit) {
                throw refused(name.equalsIgnoreCase("xl/sharedStrings.xml")
                        ? "工作簿的共享字符串解压后超过 " + limit / 1024 / 1024 + " MB，已拒绝"
                        : "工作簿部件 " + name + " 解压后超过 " + limit / 1024 / 1024 + " MB，疑为压缩炸弹，已拒绝");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static DomainException macro() {
        return WorkbookProblems.refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "workbook-macro-enabled",
                "不接受启用宏的工作簿（.xlsm）：请在 Excel 中另存为不含宏的“Excel 工作簿（*.xlsx）”后重新上传");
    }

    private static DomainException refused(String detail) {
        return WorkbookProblems.refused(HttpStatus.BAD_REQUEST, "workbook-rejected", detail);
    }

    private static String reason(Throwable e) {
        return e instanceof OutOfMemoryError ? "文件过大" : "格式不正确";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int count(byte[] content, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        int count = 0;
        outer:
        for (int i = 0; i + n.length <= content.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (content[i + j] != n[j]) {
                    continue outer;
                }
            }
            // "<row" followed by space, > or / (not "<rows")
            int after = i + n.length;
            if (needle.equals("<row") && after < content.length && content[after] != ' ' && content[after] != '>'
                    && content[after] != '/') {
                continue;
            }
            count++;
        }
        return count;
    }

    private static boolean containsIgnoreCase(byte[] content, String needle) {
        return new String(content, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                .contains(needle.toLowerCase(Locale.ROOT));
    }
}
