package dev.sportello.sandbox;

import java.math.BigDecimal;

/**
 * What the sandbox's wallet charged for one request.
 *
 * @param calls how many API calls charged the wallet (closing, an added search, choosing a result)
 * @param amount the total charged, in euro, net of VAT
 */
public record SandboxCharges(int calls, BigDecimal amount) {}
