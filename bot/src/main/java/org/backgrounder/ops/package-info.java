/**
 * Operations: the counters and latency histogram the bot keeps about itself, and the HTTP
 * endpoint that shows them ({@code /healthz}, {@code /readyz}, {@code /metrics} in the Prometheus
 * text format), which can also carry other pages (the desk's) without knowing them.
 */
package org.backgrounder.ops;
