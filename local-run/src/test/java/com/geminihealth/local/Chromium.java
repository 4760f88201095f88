package com.geminihealth.local;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium for the browser tests, which skip where chromium and
 * chromium-driver are not installed; screenshots go to {@code target/screenshots}.
 */
final class Chromium {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Chromium() {
	}

	/** A browser with a window of {@code width} x {@code height}: a desk or a phone. */
	static WebDriver start(int width, int height, String language) throws Exception {
		Optional<Path> chromium = executable("chromium", "chromium-browser");
		Optional<Path> chromedriver = executable("chromedriver");
		assumeTrue(chromium.isPresent() && chromedriver.isPresent(),
				"Debian's chromium and chromium-driver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.get().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=" + width + "," + height, "--lang=" + language);
		// Headless Chromium sends Accept-Language from this preference, not from --lang.
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromedriver.get().toFile())
			.usingAnyFreePort()
			.build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().implicitlyWait(Duration.ZERO);
		Files.createDirectories(SCREENSHOTS);
		return browser;
	}

	static void screenshot(WebDriver browser, String name) throws Exception {
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * The first open Swedish massage slot in Burlington from {@code daysAhead} days on,
	 * from intake's API.
	 */
	static Slot firstOpenSlot(String intake, int daysAhead) throws Exception {
		LocalDate from = LocalDate.now(TORONTO).plusDays(daysAhead);
		String url = intake + "/api/availability?location=burlington&service=rmt-swedish-60&from=" + from + "&to="
				+ from.plusDays(13);
		String json = await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()),
					(response) -> response.statusCode() == 200)
			.body();
		Matcher first = Pattern
			.compile("\"start\":\"(\\d{4}-\\d{2}-\\d{2})T[^\"]*\",[^}]*\"practitioner\":\"([^\"]+)\"")
			.matcher(json);
		assertThat(first.find()).as("an open slot in the next two weeks: " + json).isTrue();
		return new Slot(LocalDate.parse(first.group(1)), first.group(2));
	}

	/**
	 * Answers the booking form's screening questions "no", as a patient with none of the
	 * signs does: the form asks them before it books.
	 */
	static void answerScreeningNo(WebDriver browser) {
		browser.findElements(By.cssSelector("#screening input[type=radio][value=false]"))
			.forEach((no) -> browser.findElement(By.cssSelector("label[for='" + no.getAttribute("id") + "']")).click());
	}

	/** Whether the page is wider than the window: a phone would scroll sideways. */
	static boolean scrollsSideways(WebDriver browser) {
		return (Boolean) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
	}

	private static Optional<Path> executable(String... names) {
		return Stream.of(System.getenv("PATH").split(File.pathSeparator))
			.flatMap((dir) -> Stream.of(names).map((name) -> Path.of(dir, name)))
			.filter(Files::isExecutable)
			.findFirst();
	}

	record Slot(LocalDate date, String practitioner) {
	}

}
