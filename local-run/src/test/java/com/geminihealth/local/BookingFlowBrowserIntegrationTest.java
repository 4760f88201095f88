package com.geminihealth.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.intake.IntakeApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A patient books on a phone (390 x 844) in a real headless Chromium against the whole
 * pipeline: location, service, anyone available, a week of open times, another day one
 * tap away, a time, then their details with a "yes" to a screening question. The booking
 * is confirmed, the answer advises seeing a doctor first, the front desk's Today flags
 * it, and neither the patient's text nor the logs say a word about it. Screenshots go to
 * {@code target/screenshots}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BookingFlowBrowserIntegrationTest {

	/** What a phone's tap needs: WCAG's target size, Apple's and Google's guidance. */
	static final int TAP = 44;

	/** The controls of the flow a thumb must hit (inline links in sentences aside). */
	static final String TAP_TARGETS = "main .choices a, main .days a, main .slots a, main .week-nav a, main .chosen a, "
			+ "main button, main .answer label, main .check label, header .languages a";

	private final Path dataDir = Path.of("target", "booking-flow-" + UUID.randomUUID());

	private LocalPipeline pipeline;

	private WebDriver phone;

	@BeforeEach
	void start() throws Exception {
		this.phone = Chromium.start(390, 844, "en-CA");
		// No quiet hours: the confirmation's text must leave whatever time the test runs.
		this.pipeline = LocalPipeline.start(this.dataDir, 0, LocalPipeline.PortPlan.ANY_FREE,
				"--notifications.sms.quiet-hours.start=00:00", "--notifications.sms.quiet-hours.end=00:00");
	}

	@AfterEach
	void stop() {
		if (this.phone != null) {
			this.phone.quit();
		}
		if (this.pipeline != null) {
			this.pipeline.close();
		}
	}

	@Test
	void patientBooksOnAPhoneAnswersYesToAScreeningQuestionAndIsToldToSeeADoctorFirst(CapturedOutput logs)
			throws Exception {
		String intake = this.pipeline.url(IntakeApplication.class);
		String firstName = "Lena" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 4);
		String phoneNumber = "+1905555" + (1000 + ThreadLocalRandom.current().nextInt(9000));
		// Open times come from the decider's calendar: wait until it answers.
		Chromium.firstOpenSlot(intake, 1);

		this.phone.get(intake + "/book");
		step("1-location", "Step 1 of 5", "Where would you like to come?");
		this.phone.findElement(By.cssSelector("#locations a[data-choice=burlington]")).click();
		step("2-service", "Step 2 of 5", "What would you like to book?");
		this.phone.findElement(By.cssSelector("#services a[data-choice=rmt-swedish-60]")).click();
		step("3-practitioner", "Step 3 of 5", "Who would you like to see?");
		this.phone.findElement(By.cssSelector("#practitioners a[data-choice=anyone]")).click();

		step("4-week", "Step 4 of 5", "Choose a time");
		assertThat(this.phone.findElements(By.cssSelector("#days li"))).as("a week at a glance").hasSize(7);
		WebElement chosenDay = this.phone.findElement(By.cssSelector("#days a[aria-current]"));
		List<WebElement> otherDays = this.phone.findElements(By.cssSelector("#days a:not([aria-current])"));
		if (otherDays.isEmpty()) {
			this.phone.findElement(By.id("later-days")).click();
		}
		else {
			String next = otherDays.get(0).getAttribute("data-date");
			assertThat(next).isNotEqualTo(chosenDay.getAttribute("data-date"));
			otherDays.get(0).click();
			assertThat(this.phone.findElement(By.cssSelector("#days a[aria-current]")).getAttribute("data-date"))
				.as("another day, one tap away")
				.isEqualTo(next);
		}
		step("5-another-day", "Step 4 of 5", "Choose a time");
		WebElement slot = this.phone.findElement(By.cssSelector("#open-times a"));
		String slotLabel = slot.getText();
		slot.click();

		step("6-details", "Step 5 of 5", "Your appointment");
		assertThat(this.phone.findElements(By.tagName("select"))).as("nothing chosen is asked again").isEmpty();
		assertThat(this.phone.findElements(
				By.cssSelector("form[method=post] input[name=location], form[method=post] input[name=service], "
						+ "form[method=post] input[name=practitioner], form[method=post] input[name=requestedStart]")))
			.hasSize(4)
			.allSatisfy((held) -> assertThat(held.getAttribute("type")).isEqualTo("hidden"));
		assertThat(this.phone.findElement(By.id("chosen")).getText()).contains("Gemini Health Burlington",
				"Swedish massage", slotLabel.substring(0, 5));
		this.phone.findElement(By.id("patientName")).sendKeys(firstName + " Moreau");
		this.phone.findElement(By.id("email")).sendKeys("lena@example.com");
		this.phone.findElement(By.id("mobilePhone")).sendKeys(phoneNumber);
		this.phone.findElement(By.cssSelector("label[for=smsConsent]")).click();
		Chromium.answerScreeningNo(this.phone);
		this.phone.findElement(By.cssSelector("label[for=saddleNumbness-yes]")).click();
		assertThat(this.phone.findElement(By.id("saddleNumbness-yes")).isSelected()).isTrue();
		Chromium.screenshot(this.phone, "booking-flow-7-details-answered");
		this.phone.findElement(By.cssSelector("form[method=post] button[type=submit]")).click();

		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> "CONFIRMED".equals(this.phone.findElement(By.id("answer")).getAttribute("data-status")));
		assertThat(this.phone.getCurrentUrl()).doesNotContain("screening").doesNotContain("saddle");
		WebElement advice = this.phone.findElement(By.id("seek-care"));
		assertThat(advice.isDisplayed()).isTrue();
		assertThat(advice.getText()).contains("Please see a doctor before your visit", "emergency department");
		assertThat(this.phone.findElement(By.id("answer")).getText()).contains("Confirmed.");
		fitsAPhone("8-answer");

		String appointmentId = this.phone.findElement(By.id("reference")).getText();
		LocalDate day = dayOf(intake, appointmentId);
		DashboardUser desk = new DashboardUser(this.pipeline.url(DashboardApplication.class), "frontdesk",
				"frontdesk-gemini");
		String row = await().atMost(Duration.ofSeconds(30))
			.until(() -> rowOf(desk.get("/today?date=" + day), appointmentId), (found) -> found != null);
		assertThat(row).contains(firstName).contains("Screening: call before visit");

		List<String> texts = await().atMost(Duration.ofSeconds(30))
			.until(() -> MessageFiles.textsTo(this.dataDir, phoneNumber), (sent) -> !sent.isEmpty());
		assertThat(texts).allSatisfy((text) -> assertThat(text).doesNotContainIgnoringCase("doctor")
			.doesNotContainIgnoringCase("screening")
			.doesNotContainIgnoringCase("flag")
			.doesNotContainIgnoringCase("numbness")
			.doesNotContainIgnoringCase("saddle")
			.doesNotContain("⚑"));
		// The confirmation email, with its invitation, says nothing of it either.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> MessageFiles.emailsMentioning(this.dataDir, firstName), (emails) -> emails >= 1);
		for (String trace : List.of("doctor", "Screening", "screening", "redFlags", "saddle")) {
			assertThat(MessageFiles.emailsMentioning(this.dataDir, trace)).as(trace).isZero();
		}
		assertThat(logs.getAll()).doesNotContainIgnoringCase("redFlags")
			.doesNotContainIgnoringCase("saddleNumbness")
			.doesNotContainIgnoringCase("red flag")
			.doesNotContain(phoneNumber);
	}

	/** The step shown, checked for its words and its fit on a phone. */
	private void step(String name, String progress, String heading) throws Exception {
		assertThat(this.phone.findElement(By.id("progress")).getText()).isEqualTo(progress);
		assertThat(this.phone.findElement(By.id("step-heading")).getText()).isEqualTo(heading);
		fitsAPhone(name);
	}

	private void fitsAPhone(String name) throws Exception {
		assertThat(Chromium.scrollsSideways(this.phone)).as(name + ": no sideways scrolling").isFalse();
		@SuppressWarnings("unchecked")
		List<String> small = (List<String>) ((JavascriptExecutor) this.phone).executeScript("""
				return Array.from(document.querySelectorAll(arguments[0]))
					.filter((e) => e.offsetParent !== null)
					.filter((e) => { const r = e.getBoundingClientRect(); return r.height < arguments[1]; })
					.map((e) => e.outerHTML.substring(0, 120));""", TAP_TARGETS, TAP);
		assertThat(small).as(name + ": tap targets under " + TAP + " px").isEmpty();
		Chromium.screenshot(this.phone, "booking-flow-" + name);
	}

	/** The local day of the appointment, from the status the answer page links to. */
	private static LocalDate dayOf(String intake, String appointmentId) throws Exception {
		String json = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(intake + "/api/bookings/" + appointmentId)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher start = Pattern.compile("\"start\":\"(\\d{4}-\\d{2}-\\d{2})T").matcher(json);
		assertThat(start.find()).as(json).isTrue();
		return LocalDate.parse(start.group(1));
	}

	/** The appointment's row on a Today page, or null while it is not there. */
	private static String rowOf(String page, String appointmentId) {
		int at = page.indexOf("data-appointment-id=\"" + appointmentId + "\"");
		return (at < 0) ? null : page.substring(at, page.indexOf("</tr>", at));
	}

}
