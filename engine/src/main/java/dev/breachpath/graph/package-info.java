/**
 * The fact graph: an in-memory Apache Jena graph in the breachpath vocabulary, the IRIs of its
 * nodes, and its serialisation.
 */
package dev.breachpath.graph;
