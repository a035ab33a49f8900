package cn.finance.disclosure.publication.intake;

/** A message that can never be processed as it is (not an envelope, a payload missing what the contract promises). */
class PoisonMessage extends RuntimeException {

    PoisonMessage(String message) {
        super(message);
    }

    PoisonMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
