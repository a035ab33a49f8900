package cn.finance.disclosure.publication.document;

import java.util.Map;

/** 部门预算支出经济分类: class (类) names and which of them count as personnel costs. */
final class EconomicClassification {

    private static final Map<String, String> CLASSES = Map.of(
            "301", "工资福利支出",
            "302", "商品和服务支出",
            "303", "对个人和家庭的补助",
            "307", "债务利息及费用支出",
            "309", "资本性支出（基本建设）",
            "310", "资本性支出",
            "311", "对企业补助（基本建设）",
            "312", "对企业补助",
            "313", "对社会保障基金补助",
            "399", "其他支出");

    private EconomicClassification() {
    }

    static String className(String classCode) {
        return CLASSES.getOrDefault(classCode, "科目" + classCode);
    }

    /**
     * Basic expenditure is personnel costs plus public costs (实施条例 §5). Personnel costs (人员经费) are 301 工资福利支出
     * and 303 对个人和家庭的补助; public costs (公用经费) are 302 商品和服务支出 and 310 资本性支出, and any other class a
     * basic budget may carry counts there too, since it is not paid to people.
     */
    static boolean isPersonnel(String economicCode) {
        return economicCode.startsWith("301") || economicCode.startsWith("303");
    }
}
