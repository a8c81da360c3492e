package io.coherent.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run): start the exact
 * and the Redfield run of partial-collective side by side, watch the exact run's plot change while it runs, see
 * both steady-state markers. The screenshot is kept as target/server-page.png.
 */
class BrowserTest {

    @Test
    void thePageStartsRunsPlotsThemLiveAndMarksTheSteadyState() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1300,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        try (TestServer server = TestServer.start(2)) {
            WebDriver page = new ChromeDriver(service, options);
            try {
                page.get(server.url("/"));
                WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(60), Duration.ofMillis(20));
                wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
                assertEquals("partial-collective", page.findElement(By.id("preset")).getDomProperty("value"));
                set(page, "until", "1000");
                set(page, "points", "501");
                WebElement redfield = page.findElement(By.cssSelector("input[name=method][value=redfield]"));
                redfield.click();
                assertTrue(page.findElement(By.cssSelector("input[name=method][value=exact]")).isSelected());
                page.findElement(By.id("start")).click();
                wait.until(d -> d.findElements(By.cssSelector("section.run")).size() == 2);
                WebElement exact = panel(page, "partial-collective-exact");
                WebElement canvas = wait.until(d -> exact.findElement(By.tagName("canvas")));
                // while the exact run goes (about 5 s), its plot is redrawn with more samples
                List<String> pictures = new ArrayList<>();
                List<Integer> counts = new ArrayList<>();
                while (exact.getDomAttribute("data-ended") == null && pictures.size() < 500) {
                    counts.add(Integer.parseInt(exact.getDomAttribute("data-samples")));
                    pictures.add((String) ((JavascriptExecutor) page).executeScript("return arguments[0].toDataURL()", canvas));
                    Thread.sleep(200);
                }
                assertTrue(counts.stream().distinct().count() >= 3, "the plot grew while the run went: " + counts);
                assertTrue(pictures.stream().distinct().count() >= 3, "the plot was redrawn while the run went");
                for (String run : List.of("partial-collective-exact", "partial-collective-redfield")) {
                    WebElement marker = wait.until(d -> panel(d, run).findElements(By.className("steady-marker")).stream()
                            .findFirst().orElse(null));
                    assertTrue(marker.getText().startsWith("steady state at t = "), marker.getText());
                }
                assertEquals("steady state at t = 818.63", panel(page, "partial-collective-exact")
                        .findElement(By.className("steady-marker")).getText());
                Path shot = Path.of("target", "server-page.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
            } finally {
                page.quit();
            }
        }
    }

    private static void set(WebDriver page, String id, String value) {
        WebElement input = page.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static WebElement panel(WebDriver page, String name) {
        return page.findElements(By.cssSelector("section.run")).stream()
                .filter(p -> p.findElement(By.tagName("h2")).getText().startsWith(name + " ")).findFirst().orElseThrow();
    }
}
