package cn.finance.disclosure.model;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent.ThreePublicExpenses;

import java.util.function.Function;

/** The four "三公" items, each with the department economic code (款) that carries it in basic expenditure. */
public enum ThreePublicItem {

    OUTBOUND_TRAVEL("outboundTravel", "因公出国（境）费", "30212", ThreePublicExpenses::outboundTravel),
    OFFICIAL_RECEPTION("officialReception", "公务接待费", "30217", ThreePublicExpenses::officialReception),
    VEHICLE_PURCHASE("vehiclePurchase", "公务用车购置费", "31013", ThreePublicExpenses::vehiclePurchase),
    VEHICLE_OPERATION("vehicleOperationAndMaintenance", "公务用车运行维护费", "30231",
            ThreePublicExpenses::vehicleOperationAndMaintenance);

    public final String field;
    public final String label;
    public final String economicCode;
    public final Function<ThreePublicExpenses, Yuan> amountIn;

    ThreePublicItem(String field, String label, String economicCode, Function<ThreePublicExpenses, Yuan> amountIn) {
        this.field = field;
        this.label = label;
        this.economicCode = economicCode;
        this.amountIn = amountIn;
    }

    /** The economic class (类) the item belongs to: 302 商品和服务支出 or 310 资本性支出. */
    public String economicClass() {
        return economicCode.substring(0, 3);
    }
}
