/**
 * Settings: {@code backgrounder.yaml} read into typed records with Jackson. Every key has a
 * default, {@code ${NAME}} comes from the environment, an unknown key or a bad value is an error
 * naming the file, line and key path, and secrets never print.
 */
package org.backgrounder.config;
