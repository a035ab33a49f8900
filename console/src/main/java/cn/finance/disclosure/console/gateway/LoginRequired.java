package cn.finance.disclosure.console.gateway;

/** The person's tokens can no longer be refreshed: the console signs them in again. */
public class LoginRequired extends RuntimeException {
    public LoginRequired() {
        super("login required");
    }
}
