package io.cdc4j.filter;

/** A syntax error inside one rule, with its position; the rule parser turns it into a FILTER_RULE_INVALID error. */
final class RuleSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    RuleSyntaxException(String reason) {
        super(reason);
    }
}
