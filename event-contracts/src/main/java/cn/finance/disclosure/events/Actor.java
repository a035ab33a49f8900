package cn.finance.disclosure.events;

/** Who did a step: issuer + subject identify a person across realms; the username is for people to read. */
public record Actor(String issuer, String subject, String username) {

    public boolean samePersonAs(Actor other) {
        return other != null && issuer.equals(other.issuer) && subject.equals(other.subject);
    }
}
