/**
 * Derivations: relations that no input states, added to the fact graph with a witness each
 * (the rule, its certainty, the facts it used). One class per relation: {@link Exposure}
 * ({@code bp:exposedTo}), {@link Credentials} ({@code bp:holdsCredential}, {@code bp:identifies}),
 * {@link Roles} ({@code bp:runsAs}), {@link Assumption} ({@code bp:canAssume}), {@link Access}
 * ({@code bp:canAccess}) and {@link Sensitivity} ({@code bp:sensitive}). Depends on the graph and
 * the IAM evaluator only.
 */
package dev.breachpath.derive;
