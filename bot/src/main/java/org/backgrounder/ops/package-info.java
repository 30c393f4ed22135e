/**
 * Operations: the counters and latency histogram the bot keeps about itself, and the HTTP
 * endpoint that shows them ({@code /healthz}, {@code /readyz}, {@code /metrics} in the Prometheus
 * text format).
 */
package org.backgrounder.ops;
