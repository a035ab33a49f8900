package cn.finance.disclosure.budget.validation;

/** How much a finding weighs: ERROR blocks submission, WARNING needs an explanation or acknowledgement, INFO is shown. */
public enum Severity {

    ERROR("错误"),
    WARNING("警告"),
    INFO("提示");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** 错误 / 警告 / 提示. */
    public String label() {
        return label;
    }

    public boolean blocksSubmission() {
        return this == ERROR;
    }
}
