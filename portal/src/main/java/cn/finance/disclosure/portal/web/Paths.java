package cn.finance.disclosure.portal.web;

/** Path values checked before use: a malformed one is a 404 page, never an error. */
final class Paths {

    private Paths() {
    }

    static void requireCode(String code) {
        if (code == null || !code.matches("[0-9]{6,12}")) {
            throw new PageAdvice.NotFound("单位编码应为 6 至 12 位数字。");
        }
    }

    static int year(String year) {
        if (year == null || !year.matches("[0-9]{4}")) {
            throw new PageAdvice.NotFound("预算年度应为四位数字。");
        }
        return Integer.parseInt(year);
    }

    static int yearOrBadRequest(String year) {
        if (!year.matches("[0-9]{4}") || Integer.parseInt(year) < 2000 || Integer.parseInt(year) > 2100) {
            throw new PageAdvice.BadRequest("预算年度应为 2000 至 2100 之间的四位数字。");
        }
        return Integer.parseInt(year);
    }

    static int version(String n) {
        if (n == null || !n.matches("[1-9][0-9]{0,8}")) {
            throw new PageAdvice.NotFound("版本号应为正整数。");
        }
        return Integer.parseInt(n);
    }
}
