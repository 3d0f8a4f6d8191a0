package dev.breachpath.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.breachpath.TestPaths;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opens the HTML report of a fixture in headless Chromium: it must load with no console message
 * (an error, a blocked fetch), run its script (which marks the body ready and counts what it
 * shows) and draw the attack path. The screenshot is kept in {@code engine/target/browser/}.
 * Skipped with a message when no Chromium is installed, unless BREACHPATH_REQUIRE_BROWSER is set
 * (as .ci/run sets it, after installing Debian's chromium).
 */
class HtmlBrowserTest {
    private static final Path OUT = Path.of("target", "browser");

    private static Optional<String> chromium() {
        String configured = System.getenv("BREACHPATH_CHROMIUM");
        if (configured != null) {
            return Optional.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name).toString());
                }
            }
        }
        return Optional.empty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"capital-one", "imperva", "escalation"})
    void theReportLoadsWithoutConsoleMessagesAndDrawsThePath(String scenario) throws Exception {
        Optional<String> browser = chromium();
        if (System.getenv("BREACHPATH_REQUIRE_BROWSER") == null) {
            assumeTrue(browser.isPresent(), "skipped: no Chromium on the PATH (install Debian's chromium, as .ci/run does,"
                    + " or set BREACHPATH_CHROMIUM)");
        }
        assertThat(browser).as("BREACHPATH_REQUIRE_BROWSER is set but no Chromium was found").isPresent();
        Files.createDirectories(OUT);
        ScanReport report = ReportFormatsTest.report(TestPaths.fixtures().resolve("terraform/" + scenario + "/plan.json"), OUT, false);
        assertThat(report.findings()).isNotEmpty();
        Path html = OUT.resolve(scenario + ".html").toAbsolutePath();
        Files.writeString(html, HtmlWriter.write(report), StandardCharsets.UTF_8);

        Run dom = run(browser.get(), "--dump-dom", html.toUri().toString());
        assertThat(dom.code()).as("chromium exit code").isZero();
        assertThat(dom.err().lines().filter(l -> l.contains(":CONSOLE")).toList()).as("console messages").isEmpty();
        assertThat(dom.out()).contains("data-ready=\"true\"");
        int paths = (int) report.findings().stream().filter(f -> f.path().size() > 1 || f.exposure() != null).count();
        assertThat(dom.out()).contains(report.findings().size() + " of " + report.findings().size() + " shown");
        assertThat(dom.out().split("<svg class=\"path\"", -1).length - 1).isEqualTo(paths);
        assertThat(dom.out()).contains("<g class=\"hop");

        Path shot = OUT.resolve(scenario + ".png").toAbsolutePath();
        Files.deleteIfExists(shot);
        Run picture = run(browser.get(), "--screenshot=" + shot, "--window-size=1000,1600", html.toUri().toString());
        assertThat(picture.code()).isZero();
        assertThat(shot).exists();
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String browser, String... args) throws Exception {
        Path home = Files.createTempDirectory("chromium");
        List<String> command = Stream.concat(Stream.of(browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + home, "--enable-logging=stderr", "--v=0"),
                Stream.of(args)).toList();
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
