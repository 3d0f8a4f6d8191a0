/** The breachpath command line: one class per command, over the engine's public API. */
package dev.breachpath.cli;
