package cn.finance.disclosure.publication.disclosure;

/** What a person can do to a disclosure; new inputs from events (a regenerated draft) are not an action. */
public enum DisclosureAction {
    CONFIRM("确认"),
    RELEASE("发布"),
    CORRECT("更正发布"),
    WITHDRAW("撤回");

    private final String label;

    DisclosureAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
