/**
 * The path index: derived relations packed once into int-indexed adjacency (Eclipse Collections
 * primitive collections), and a bounded breadth-first search that finds, in one pass per source,
 * the shortest path to every target. Depends on the graph vocabulary only.
 */
package dev.breachpath.path;
