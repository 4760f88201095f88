package com.geminihealth.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.intake.IntakeApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The front desk's morning, in a real headless Chromium against the whole pipeline: sign
 * in, watch the live feed while a patient books on the public page, find the booking in
 * the day's timeline and mark it completed. Saves a screenshot of every view under
 * {@code target/screenshots}. Skips where Debian's chromium and chromium-driver are not
 * installed.
 */
class FrontDeskBrowserIntegrationTest {

	private final Path dataDir = Path.of("target", "front-desk-" + UUID.randomUUID());

	private LocalPipeline pipeline;

	private WebDriver browser;

	@BeforeEach
	void start() throws Exception {
		this.browser = Chromium.start(1280, 800, "en-CA");
		this.pipeline = LocalPipeline.start(this.dataDir, 0, LocalPipeline.PortPlan.ANY_FREE);
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.pipeline != null) {
			this.pipeline.close();
		}
	}

	@Test
	void receptionistSeesAnOnlineBookingArriveLiveAndMarksItCompleted() throws Exception {
		String dashboard = this.pipeline.url(DashboardApplication.class);
		String intake = this.pipeline.url(IntakeApplication.class);
		String firstName = "Zoe" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 4);

		this.browser.get(dashboard + "/feed");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		screenshot("0-sign-in");
		this.browser.findElement(By.id("username")).sendKeys("frontdesk");
		this.browser.findElement(By.id("password")).sendKeys("frontdesk-gemini", Keys.ENTER);
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> this.browser.getCurrentUrl().contains("/feed"));

		// Keyboard first: the first Tab reaches the skip link.
		this.browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		assertThat(this.browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
		((JavascriptExecutor) this.browser).executeScript("window.stillTheSamePage = true;");
		awaitLiveConnection();

		String feedTab = this.browser.getWindowHandle();
		this.browser.switchTo().newWindow(WindowType.TAB);
		Chromium.Slot slot = Chromium.firstOpenSlot(intake, 1);
		this.browser.get(intake + "/book?location=burlington&service=rmt-swedish-60&practitioner=" + slot.practitioner()
				+ "&date=" + slot.date());
		this.browser.findElement(By.cssSelector("#open-times a")).click();
		this.browser.findElement(By.id("patientName")).sendKeys(firstName + " Browser");
		this.browser.findElement(By.id("email")).sendKeys("browser@example.com");
		Chromium.answerScreeningNo(this.browser);
		this.browser.findElement(By.cssSelector("form[method=post] button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> "CONFIRMED".equals(this.browser.findElement(By.id("answer")).getAttribute("data-status")));
		String appointmentId = this.browser.findElement(By.id("reference")).getText();
		this.browser.close();
		this.browser.switchTo().window(feedTab);

		await().atMost(Duration.ofSeconds(15))
			.ignoreExceptions()
			.until(() -> this.browser.findElements(By.cssSelector("#feed-rows tr"))
				.stream()
				.anyMatch(
						(row) -> row.getText().contains(firstName) && row.getText().contains("AppointmentConfirmed")));
		assertThat(((JavascriptExecutor) this.browser).executeScript("return window.stillTheSamePage;"))
			.as("the feed updated without a reload")
			.isEqualTo(true);
		assertThat(this.browser.findElement(By.id("feed-rows")).getText()).contains("Burlington")
			.doesNotContain("browser@example.com");
		screenshot("1-live-feed");

		this.browser.get(dashboard + "/today?date=" + slot.date());
		By row = By.cssSelector("tr[data-appointment-id='" + appointmentId + "']");
		screenshot("2-today");
		assertThat(this.browser.findElement(row).getText()).contains(firstName, "Confirmed");
		// "Completed" opens the session's home-care notes, which the thank-you carries.
		this.browser.findElement(row).findElement(By.xpath(".//summary[normalize-space()='Completed']")).click();
		this.browser.findElement(row)
			.findElement(By.name("homeCareNotes"))
			.sendKeys("Heat on the lower back twice a day.");
		this.browser.findElement(row).findElement(By.xpath(".//button[normalize-space()='Mark completed']")).click();
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(row).findElement(By.cssSelector(".status")).getText(),
					"Completed"::equals);
		screenshot("3-today-completed");

		visit(dashboard + "/follow-ups", "Follow-up calls", "4-follow-ups");
		visit(dashboard + "/bookings/new?location=burlington&service=rmt-swedish-60&date=" + slot.date(), "Open times",
				"5-new-booking");
		// A caller books by phone: the slot comes from intake's availability, the
		// decision from the decider.
		String caller = "Phoebe" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 4);
		this.browser.findElement(By.cssSelector("input[name=slot]")).click();
		this.browser.findElement(By.id("patientName")).sendKeys(caller + " Caller");
		this.browser.findElement(By.id("mobilePhone")).sendKeys("289-555-0142");
		this.browser.findElement(By.xpath("//button[normalize-space()='Book']")).click();
		await().atMost(Duration.ofSeconds(15))
			.ignoreExceptions()
			.until(() -> this.browser.findElements(By.cssSelector("table.visits tr"))
				.stream()
				.anyMatch((visit) -> visit.getText().contains(caller) && visit.getText().contains("Confirmed")));
		screenshot("5-new-booking-confirmed");
		visit(dashboard + "/inbox", "Inquiries and patient replies", "6-inquiries-and-replies");
		this.browser.get(dashboard + "/notifications");
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			this.browser.navigate().refresh();
			return this.browser.findElement(By.tagName("main")).getText().contains("appointment-confirmed");
		});
		screenshot("7-notifications");
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			this.browser.get(dashboard + "/outbox");
			return this.browser.findElement(By.tagName("main")).getText().contains("confirmed");
		});
		screenshot("8-outbox");
		this.browser.findElement(By.cssSelector(".messages a")).click();
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isNotBlank();
		screenshot("9-outbox-email");
		visit(dashboard + "/charts", "Bookings confirmed per hour", "10-charts");
	}

	private void visit(String url, String expected, String name) throws Exception {
		this.browser.get(url);
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains(expected);
		screenshot(name);
	}

	/** The page says it receives live updates: htmx opened its Server-Sent Events. */
	private void awaitLiveConnection() {
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.id("live-status")).getAttribute("data-state"), "open"::equals);
	}

	private void screenshot(String name) throws Exception {
		Chromium.screenshot(this.browser, name);
	}

}
