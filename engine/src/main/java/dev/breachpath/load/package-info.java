/**
 * Reading inputs: format detection, safe JSON reading, the accounting of every element of every
 * input, and building the fact graph from what the format loaders read.
 */
package dev.breachpath.load;
