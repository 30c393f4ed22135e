/**
 * Reads the YAML files editors write (fact files, feeds, settings) into a tree that remembers the
 * line and column of every node, and turns everything an editor did not mean (tabs, broken quotes,
 * duplicate keys, alias bombs, binary or huge files) into a {@link org.backgrounder.yaml.Problem}
 * that names the file, line and column instead of a stack trace.
 */
package org.backgrounder.yaml;
