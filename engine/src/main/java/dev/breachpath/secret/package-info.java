/**
 * Finding credentials in text, masking access key ids and redacting secrets; depends on nothing
 * of ours, so every stage can keep secrets out of what it writes.
 */
package dev.breachpath.secret;
