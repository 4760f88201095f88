package com.geminihealth.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.intake.IntakeApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The care pathway as the front desk walks it, in a real headless Chromium against the
 * whole pipeline: book a caller's assessment, record the practitioner's treatment plan,
 * complete the session with home-care notes and find the plan's review on the follow-up
 * page; answer, as the patient, the question texted after the session, and find the
 * answer on the practitioner's feedback page; enter a practitioner's day off and see the
 * appointment it leaves to move; put a caller on the waitlist and watch a cancelled slot
 * go to them. Offers are made at any hour here (the clinic's hours for them are 08:00 to
 * 21:00 in Toronto, and CI runs at night). Screenshots under {@code target/screenshots}.
 */
class CarePathwayBrowserIntegrationTest {

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	private static final String PHONE = "+12895550142";

	private static final Pattern FEEDBACK_LINK = Pattern.compile("https?://\\S+/feedback/[A-Za-z0-9_-]{44}");

	private final Path dataDir = Path.of("target", "care-pathway-" + UUID.randomUUID());

	private LocalPipeline pipeline;

	private WebDriver browser;

	private String dashboard;

	@BeforeEach
	void start() throws Exception {
		this.browser = Chromium.start(1280, 900, "en-CA");
		this.pipeline = LocalPipeline.start(this.dataDir, 0, LocalPipeline.PortPlan.ANY_FREE,
				"--decider.waitlist.offers-from=00:00", "--decider.waitlist.offers-until=23:59:59.999",
				// No quiet hours: the question after the session is texted whenever the
				// test runs.
				"--notifications.sms.quiet-hours.start=00:00", "--notifications.sms.quiet-hours.end=00:00");
		this.dashboard = this.pipeline.url(DashboardApplication.class);
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
	void frontDeskWalksAPatientsCarePathway() throws Exception {
		Chromium.Slot day = Chromium.firstOpenSlot(this.pipeline.url(IntakeApplication.class), 2);
		signIn();

		// An initial assessment, then the practitioner's plan.
		String patient = unique("Amara");
		book(day, "rmt-initial-assessment", patient, true);
		inRow(day.date(), patient, (row) -> row.findElement(By.linkText("Plan")).click());
		String planPage = this.browser.getCurrentUrl();
		new Select(this.browser.findElement(By.id("service"))).selectByValue("rmt-swedish-60");
		type("sessionsPlanned", "6");
		type("intervalDays", "7");
		type("focus", "Lower back and hip mobility");
		type("homeCareAdvice", "Cat-cow stretch morning and evening.");
		setValue(this.browser.findElement(By.id("reviewDate")),
				LocalDate.now(Chromium.TORONTO).plusDays(10).toString());
		this.browser.findElement(By.xpath("//button[normalize-space()='Record plan']")).click();
		await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
			this.browser.get(planPage);
			assertThat(this.browser.findElement(By.id("current-plan")).getText()).isNotBlank();
			assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("Lower back and hip mobility");
		});
		screenshot("care-1-plan");

		// The session is completed with its home-care notes.
		inRow(day.date(), patient, (row) -> {
			row.findElement(By.xpath(".//summary[normalize-space()='Completed']")).click();
			row.findElement(By.name("homeCareNotes")).sendKeys("Ice after the stretches if sore.");
			row.findElement(By.xpath(".//button[normalize-space()='Mark completed']")).click();
		});
		inRow(day.date(), patient,
				(row) -> assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("Completed"));

		// The plan's review reaches the follow-up page.
		await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
			this.browser.get(this.dashboard + "/follow-ups");
			assertThat(this.browser.findElement(By.cssSelector("table.plan-reviews")).getText()).contains(patient,
					"6 sessions, every 7 days");
		});
		screenshot("care-2-follow-ups");

		// The patient agreed to be asked about the session: they answer the texted
		// question on its page, and their practitioner reads the answer.
		String question = await().atMost(Duration.ofSeconds(30))
			.until(() -> MessageFiles.textsTo(this.dataDir, PHONE)
				.stream()
				.map(FEEDBACK_LINK::matcher)
				.filter(Matcher::find)
				.map(Matcher::group)
				.findFirst()
				.orElse(null), (link) -> link != null);
		this.browser.get(question);
		this.browser.findElement(By.id("score-5")).click();
		this.browser.findElement(By.id("comment")).sendKeys("The cat-cow stretch already helps.");
		this.browser.findElement(By.xpath("//button[normalize-space()='Send my answer']")).click();
		await().atMost(Duration.ofSeconds(15))
			.ignoreExceptions()
			.untilAsserted(
					() -> assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you"));
		await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
			this.browser.get(this.dashboard + "/feedback?practitioner=" + day.practitioner());
			assertThat(this.browser.findElement(By.id("answers")).getText()).contains(patient, "5 of 5",
					"The cat-cow stretch already helps.", "feedback page");
		});
		screenshot("care-3-feedback");

		// A day off leaves a booked caller to move.
		String caller = unique("Bruno");
		LocalDateTime callerStart = book(day, "rmt-swedish-60", caller, false);
		this.browser.get(this.dashboard + "/schedule");
		new Select(this.browser.findElement(By.id("practitioner"))).selectByValue(day.practitioner());
		setValue(this.browser.findElement(By.id("date")), day.date().toString());
		this.browser.findElement(By.id("kind-time-off")).click();
		this.browser.findElement(By.xpath("//button[normalize-space()='Enter']")).click();
		await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
			this.browser.get(this.dashboard + "/schedule");
			assertThat(this.browser.findElement(By.id("conflicts")).getText()).contains(caller);
		});
		screenshot("care-4-conflicts");
		this.browser.findElement(By.cssSelector("#changes button")).click();
		await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
			this.browser.get(this.dashboard + "/schedule");
			assertThat(this.browser.findElements(By.id("conflicts"))).isEmpty();
		});

		// A caller waits for exactly that time; the cancelled slot goes to them.
		String waiting = unique("Chloe");
		String at = HOURS.format(callerStart);
		this.browser.get(this.dashboard + "/waitlist");
		new Select(this.browser.findElement(By.id("location"))).selectByValue("burlington");
		new Select(this.browser.findElement(By.id("service"))).selectByValue("rmt-swedish-60");
		new Select(this.browser.findElement(By.id("practitioner"))).selectByValue(day.practitioner());
		setValue(this.browser.findElement(By.id("firstDay")), day.date().toString());
		setValue(this.browser.findElement(By.id("lastDay")), day.date().toString());
		setValue(this.browser.findElement(By.id("earliest")), at);
		setValue(this.browser.findElement(By.id("latest")), at);
		type("patientName", waiting + " Waiting");
		type("mobilePhone", "289-555-0177");
		this.browser.findElement(By.xpath("//button[normalize-space()='Put on the waitlist']")).click();
		await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
			this.browser.get(this.dashboard + "/waitlist");
			assertThat(this.browser.findElement(By.id("waiting-burlington")).getText()).contains(waiting);
			assertThat(this.browser.findElements(By.id("offers"))).isEmpty();
		});
		screenshot("care-5-waitlist");

		inRow(day.date(), caller, (row) -> row.findElement(By.xpath(".//button[normalize-space()='Cancel']")).click());
		await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
			this.browser.get(this.dashboard + "/waitlist");
			assertThat(this.browser.findElement(By.id("offers")).getText()).contains(waiting, at);
		});
		screenshot("care-6-offer-in-flight");
	}

	private void signIn() {
		this.browser.get(this.dashboard + "/today");
		this.browser.findElement(By.id("username")).sendKeys("frontdesk");
		this.browser.findElement(By.id("password")).sendKeys("frontdesk-gemini", Keys.ENTER);
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> this.browser.getCurrentUrl().contains("/today"));
	}

	/**
	 * Books the first open time of the day's practitioner for a caller, on the phone
	 * booking page, with their agreement to texts and to the question after each session
	 * or without; returns its start, the location's wall-clock time.
	 */
	private LocalDateTime book(Chromium.Slot day, String service, String name, boolean agreesToBeAsked) {
		this.browser.get(this.dashboard + "/bookings/new?location=burlington&service=" + service + "&practitioner="
				+ day.practitioner() + "&date=" + day.date());
		WebElement first = this.browser.findElement(By.cssSelector("input[name=slot]"));
		LocalDateTime start = LocalDateTime.parse(first.getAttribute("value").split("\\|")[0]);
		first.click();
		type("patientName", name + " Caller");
		type("mobilePhone", "289-555-0142");
		if (agreesToBeAsked) {
			this.browser.findElement(By.id("smsConsent")).click();
			this.browser.findElement(By.id("feedbackConsent")).click();
		}
		this.browser.findElement(By.xpath("//button[normalize-space()='Book']")).click();
		await().atMost(Duration.ofSeconds(15))
			.ignoreExceptions()
			.until(() -> this.browser.findElements(By.cssSelector("table.visits tr"))
				.stream()
				.anyMatch((visit) -> visit.getText().contains(name) && visit.getText().contains("Confirmed")));
		return start;
	}

	/**
	 * Does {@code action} on the caller's row of the day's timeline, once it shows there;
	 * again from a fresh page if the live updates replace the row meanwhile.
	 */
	private void inRow(LocalDate date, String name, Consumer<WebElement> action) {
		await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
			this.browser.get(this.dashboard + "/today?date=" + date);
			WebElement row = this.browser.findElements(By.cssSelector("tr[data-appointment-id]"))
				.stream()
				.filter((candidate) -> candidate.getText().contains(name))
				.findFirst()
				.orElseThrow();
			action.accept(row);
		});
	}

	private void type(String id, String text) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** Sets a date or time field as its picker would, whatever the browser's locale. */
	private void setValue(WebElement field, String value) {
		((JavascriptExecutor) this.browser).executeScript("arguments[0].value = arguments[1];", field, value);
	}

	private static String unique(String name) {
		return name + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 4);
	}

	private void screenshot(String name) throws Exception {
		Chromium.screenshot(this.browser, name);
	}

}
