/** Rendering results for people and programs: one writer per format, deterministic output. */
package dev.breachpath.report;
