/**
 * The Openapi account behind the engines, over Openapi's OAuth service (HTTP Basic with the
 * account's e-mail address and API key): the bearer token the engine adapters call with, minted
 * with exactly the scopes they need, kept in the credential store that every instance shares,
 * renewed before it expires and replaced once when upstream refuses it; and the wallet's balance,
 * read now and then and after charges.
 *
 * <p>{@link dev.sportello.adapter.account.OpenapiAccount} is the factory, {@link
 * dev.sportello.adapter.account.AccountSettings} its settings; {@link
 * dev.sportello.adapter.account.AccountStatus}, {@link dev.sportello.adapter.account.WalletBalance}
 * and {@link dev.sportello.adapter.account.AccountToken} are what it tells operators. Nothing here
 * logs the e-mail address, the API key or a token.
 */
@NullMarked
package dev.sportello.adapter.account;

import org.jspecify.annotations.NullMarked;
