package cn.finance.disclosure.publication.document;

import java.util.Map;

/**
 * Names of the 支出功能分类 classes (类, 3 digits) and sections (款, 5 digits) the documents print. Items (项, 7 digits)
 * are named by the budget lines themselves. Names as in the MOF 政府收支分类科目 of recent years.
 */
final class FunctionClassification {

    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("201", "一般公共服务支出"),
            Map.entry("202", "外交支出"),
            Map.entry("203", "国防支出"),
            Map.entry("204", "公共安全支出"),
            Map.entry("205", "教育支出"),
            Map.entry("206", "科学技术支出"),
            Map.entry("207", "文化旅游体育与传媒支出"),
            Map.entry("208", "社会保障和就业支出"),
            Map.entry("209", "社会保险基金支出"),
            Map.entry("210", "卫生健康支出"),
            Map.entry("211", "节能环保支出"),
            Map.entry("212", "城乡社区支出"),
            Map.entry("213", "农林水支出"),
            Map.entry("214", "交通运输支出"),
            Map.entry("215", "资源勘探工业信息等支出"),
            Map.entry("216", "商业服务业等支出"),
            Map.entry("217", "金融支出"),
            Map.entry("219", "援助其他地区支出"),
            Map.entry("220", "自然资源海洋气象等支出"),
            Map.entry("221", "住房保障支出"),
            Map.entry("222", "粮油物资储备支出"),
            Map.entry("223", "国有资本经营预算支出"),
            Map.entry("224", "灾害防治及应急管理支出"),
            Map.entry("227", "预备费"),
            Map.entry("229", "其他支出"),
            Map.entry("230", "转移性支出"),
            Map.entry("231", "债务还本支出"),
            Map.entry("232", "债务付息支出"),
            Map.entry("233", "债务发行费用支出"));

    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("20101", "人大事务"),
            Map.entry("20102", "政协事务"),
            Map.entry("20103", "政府办公厅（室）及相关机构事务"),
            Map.entry("20104", "发展与改革事务"),
            Map.entry("20105", "统计信息事务"),
            Map.entry("20106", "财政事务"),
            Map.entry("20107", "税收事务"),
            Map.entry("20108", "审计事务"),
            Map.entry("20111", "纪检监察事务"),
            Map.entry("20123", "民族事务"),
            Map.entry("20126", "档案事务"),
            Map.entry("20128", "民主党派及工商联事务"),
            Map.entry("20129", "群众团体事务"),
            Map.entry("20131", "党委办公厅（室）及相关机构事务"),
            Map.entry("20132", "组织事务"),
            Map.entry("20133", "宣传事务"),
            Map.entry("20134", "统战事务"),
            Map.entry("20199", "其他一般公共服务支出"),
            Map.entry("20501", "教育管理事务"),
            Map.entry("20502", "普通教育"),
            Map.entry("20508", "进修及培训"),
            Map.entry("20801", "人力资源和社会保障管理事务"),
            Map.entry("20802", "民政管理事务"),
            Map.entry("20805", "行政事业单位养老支出"),
            Map.entry("20808", "抚恤"),
            Map.entry("20899", "其他社会保障和就业支出"),
            Map.entry("21001", "卫生健康管理事务"),
            Map.entry("21004", "公共卫生"),
            Map.entry("21007", "计划生育事务"),
            Map.entry("21011", "行政事业单位医疗"),
            Map.entry("21201", "城乡社区管理事务"),
            Map.entry("21208", "国有土地使用权出让收入安排的支出"),
            Map.entry("21301", "农业农村"),
            Map.entry("21303", "水利"),
            Map.entry("21401", "公路水路运输"),
            Map.entry("22101", "保障性安居工程支出"),
            Map.entry("22102", "住房改革支出"),
            Map.entry("22960", "彩票公益金安排的支出"));

    private FunctionClassification() {
    }

    /** The 类 name; for a code outside the table, "科目{code}" so the document stays truthful rather than blank. */
    static String className(String classCode) {
        return CLASSES.getOrDefault(classCode, "科目" + classCode);
    }

    /** The 款 name, or "" when the table does not know it (the code column still identifies the row). */
    static String sectionName(String sectionCode) {
        return SECTIONS.getOrDefault(sectionCode, "");
    }

    static boolean knowsClass(String classCode) {
        return CLASSES.containsKey(classCode);
    }

    static boolean knowsSection(String sectionCode) {
        return SECTIONS.containsKey(sectionCode);
    }
}
