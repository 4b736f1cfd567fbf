/**
 * The report page: a story's report, sources and timeline rendered as one self-contained HTML page for people.
 *
 * <p>Domain-free rendering, served by the API ({@code GET /stories/{story}/report.html}, and {@code GET
 * /stories/{story}} for clients that accept HTML) in Lambda and on the local stack alike. {@link
 * dev.crosscheck.web.Html} is a small writer whose one escaping function every value from an article goes through;
 * {@link dev.crosscheck.web.ReportPage} lays out the page and gives its response headers, a Content-Security-Policy
 * that allows the page's own inline stylesheet and script (resources {@code web/report.css}, {@code web/report.js})
 * by hash and nothing else.
 */
package dev.crosscheck.web;
