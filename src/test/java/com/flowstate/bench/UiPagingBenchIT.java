package com.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.action.email.EmailHistoryFilter;
import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.email.EmailHistoryRow;
import com.flowstate.history.HistorySort;
import com.flowstate.history.Page;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.ui.KeysetFetcher;

/**
 * Scenario 5, UI paging: in a real Chromium, the time from clicking the E-mail tab to its first rows shown, and from
 * scrolling its grid to row 100,000 to that row's cells shown, over the history {@link HistorySeed} writes (10M e-mail
 * rows at full size, {@code -Dbench.paging.emails=n} for another; 20k in the smoke run, which scrolls to the middle).
 * Both are timed inside the page ({@code performance.now()} from the click or the {@code scrollToIndex} to the first
 * animation frame that shows loaded cells), so Selenium's own round trips are not in them.
 * <p>
 * Baselines in the same run: the REST API's first page of the same tab (what a script pays for the same rows), and
 * the tab's data provider (its {@link KeysetFetcher} over the query, in-process) fetching the rows at 100,000 on a
 * fresh fetcher — seeking, as the tab does, and reading every page on the way, as it did before.
 */
@IntegrationTest
class UiPagingBenchIT {

    private static final String SCENARIO = "5 UI paging";
    private static final int PAGE = 50;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Clicks the tab, then waits for a frame whose grid shows a loaded row with text: the milliseconds, or -1. */
    private static final String CLICK_TAB = """
            const [tabId, gridId, done] = arguments;
            const t0 = performance.now();
            document.getElementById(tabId).click();
            const shown = () => {
              const grid = document.getElementById(gridId);
              if (!grid || grid.offsetParent === null) return false;
              return [...grid.querySelectorAll('vaadin-grid-cell-content')].some(c => {
                const row = c.assignedSlot && c.assignedSlot.parentElement && c.assignedSlot.parentElement.parentElement;
                return row && row.parentElement && row.parentElement.id === 'items' && !row.hidden
                  && !row.hasAttribute('loading') && c.textContent.trim().length > 0;
              });
            };
            const poll = () => {
              if (shown()) { done(performance.now() - t0); return; }
              if (performance.now() - t0 > 60000) { done(-1); return; }
              requestAnimationFrame(poll);
            };
            poll();
            """;

    /** Scrolls the grid to the row, then waits for a frame that shows that row loaded, with text: ms, or -1. */
    private static final String SCROLL_TO = """
            const [gridId, index, done] = arguments;
            const grid = document.getElementById(gridId);
            const t0 = performance.now();
            grid.scrollToIndex(index);
            const shown = () => [...grid.querySelectorAll('vaadin-grid-cell-content')].some(c => {
                const row = c.assignedSlot && c.assignedSlot.parentElement && c.assignedSlot.parentElement.parentElement;
                return row && row.parentElement && row.parentElement.id === 'items' && !row.hidden
                  && row.index >= index && row.index < index + 20
                  && !row.hasAttribute('loading') && c.textContent.trim().length > 0;
            });
            const poll = () => {
              if (shown()) { done(performance.now() - t0); return; }
              if (performance.now() - t0 > 120000) { done(-1); return; }
              requestAnimationFrame(poll);
            };
            poll();
            """;

    @Autowired DataSource dataSource;
    @Autowired EmailHistoryQuery emails;
    @LocalServerPort int port;

    @Test
    void showsTheEmailTabsFirstRowsAndARowFarDownWithinTheBrowser() throws Exception {
        int emailRows = BenchResults.size("bench.paging.emails", 20_000, 10_000_000);
        int runs = BenchResults.size("bench.paging.runs", 3, 5);
        int target = Math.min(100_000, emailRows / 2);
        HistorySeed.Seeded seeded = HistorySeed.seed(dataSource, emailRows);
        try {
            String user = seeded.internalUser();
            double[] click = new double[runs];
            double[] scroll = new double[runs];
            long gridSize = 0;
            try (Browser browser = new Browser(port)) {
                browser.login(user, seeded.password());
                JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                browser.driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
                browser.openActionHistory();
                for (int run = 0; run < runs; run++) {
                    // A new view each run (a data provider that knows no cursor yet), opened on another tab, so the
                    // click shows the e-mail tab for the first time, as for a user who comes from the activities.
                    browser.open("/account/history?tab=activity");
                    browser.waitFor(By.id("activity-history-grid"));
                    browser.waitUntil(d -> d.findElements(By.id("email-history-grid")).stream()
                            .noneMatch(WebElement::isDisplayed));
                    click[run] = ((Number) js.executeAsyncScript(CLICK_TAB, "tab-email", "email-history-grid"))
                            .doubleValue();
                    gridSize = ((Number) js.executeScript(
                            "return document.getElementById('email-history-grid').size", new Object[0])).longValue();
                    assertThat(gridSize).as("the grid's scroll bar spans row %d", target).isGreaterThan(target);
                    scroll[run] = ((Number) js.executeAsyncScript(SCROLL_TO, "email-history-grid", target))
                            .doubleValue();
                    assertThat(click[run]).as("first rows shown after the click").isNotNegative();
                    assertThat(scroll[run]).as("row %d shown after scrolling", target).isNotNegative();
                }
                browser.screenshot("bench-ui-paging");
            }

            double rest = median(runs, () -> restFirstPage(user, seeded.password()));
            double seek = median(runs, () -> fetchAt(target, true));
            double walk = median(1, () -> fetchAt(target, false));

            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("emailRows", emailRows);
            parameters.put("seeded", seeded.rows());
            parameters.put("row scrolled to", target);
            parameters.put("grid size (planner's estimate)", gridSize);
            parameters.put("runs (median)", runs);
            parameters.put("click times ms", Arrays.toString(click));
            parameters.put("scroll times ms", Arrays.toString(scroll));
            parameters.put("data provider at that row, reading every page (before) ms", walk);
            List<BenchFigure> figures = new ArrayList<>();
            figures.add(BenchFigure.lowerIsBetter(SCENARIO, "E-mail tab click → first rows shown", median(click), "ms")
                    .against("REST first page, 50 rows", rest).target(1_000));
            figures.add(BenchFigure.lowerIsBetter(SCENARIO, "scroll to row " + target + " → rows shown",
                    median(scroll), "ms").against("data provider fetch of those rows, in-process", seek).target(1_000));
            BenchResults.record(SCENARIO, parameters, figures);
        } finally {
            HistorySeed.drop(dataSource, seeded);
        }
    }

    private long restFirstPage(String user, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        try {
            long start = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/history/emails?size=" + PAGE)).header("Authorization", basic).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            assertThat(answer.statusCode()).isEqualTo(200);
            return nanos;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tab's data provider on a fresh fetcher: the rows at {@code target}, seeking or reading every page. */
    private long fetchAt(int target, boolean seek) {
        PartnerScope scope = PartnerScope.everything();
        EmailHistoryFilter filter = EmailHistoryFilter.empty();
        HistorySort sort = HistorySort.NEWEST_FIRST;
        KeysetFetcher<EmailHistoryRow, String> fetcher = new KeysetFetcher<>(PAGE);
        long start = System.nanoTime();
        List<EmailHistoryRow> rows = fetcher.fetch("bench", target, PAGE, (cursor, size) -> {
            Page<EmailHistoryRow> page = emails.page(scope, filter, sort, cursor, size);
            return new KeysetFetcher.Chunk<>(page.items(), page.nextCursor());
        }, seek ? (cursor, skip) -> emails.cursorAfter(scope, filter, sort, cursor, skip) : null).toList();
        long nanos = System.nanoTime() - start;
        assertThat(rows).hasSize(PAGE);
        return nanos;
    }

    /** Median in milliseconds of {@code runs} timings in nanoseconds. */
    private static double median(int runs, LongSupplier nanos) {
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = nanos.getAsLong() / 1_000_000.0;
        }
        return median(values);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Math.round(sorted[sorted.length / 2] * 10) / 10.0;
    }
}
