package com.geminihealth.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.geminihealth.intake.IntakeApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A patient reads the public pages in French, in a real headless Chromium against the
 * whole pipeline: because their browser asks for French, or because they pick it on the
 * page, after which every page stays in French and their confirmation comes in French.
 */
class PatientLanguageBrowserIntegrationTest {

	private static final Path DATA_DIR = Path.of("target", "language-" + UUID.randomUUID());

	private static LocalPipeline pipeline;

	private WebDriver browser;

	@BeforeAll
	static void startPipeline() throws Exception {
		pipeline = LocalPipeline.start(DATA_DIR, 0, LocalPipeline.PortPlan.ANY_FREE);
	}

	@AfterAll
	static void stopPipeline() {
		if (pipeline != null) {
			pipeline.close();
		}
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void patientSwitchesToFrenchBooksAndStaysInFrench() throws Exception {
		this.browser = Chromium.start(390, 844, "en-CA");
		String intake = pipeline.url(IntakeApplication.class);
		String name = "Chloe" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 4);
		Chromium.Slot slot = Chromium.firstOpenSlot(intake, 3);
		String openTimes = intake + "/book?location=burlington&service=rmt-swedish-60&practitioner="
				+ slot.practitioner() + "&date=" + slot.date();

		this.browser.get(openTimes);
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Book an appointment");
		this.browser.findElement(By.id("language-fr")).click();
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Prendre rendez-vous");
		assertThat(this.browser.findElement(By.id("step-heading")).getText()).isEqualTo("Choisissez une heure");

		// A new page load, with no ?lang=: the cookie keeps it French.
		this.browser.get(openTimes);
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
		assertThat(this.browser.findElement(By.cssSelector("#open-times a")).getText()).contains(" avec ");
		this.browser.findElement(By.cssSelector("#open-times a")).click();
		assertThat(this.browser.findElement(By.cssSelector("label[for=patientName]")).getText())
			.isEqualTo("Nom complet");
		assertThat(this.browser.findElement(By.cssSelector("label[for=email]")).getText()).isEqualTo("Courriel");
		this.browser.findElement(By.id("patientName")).sendKeys(name + " Gagnon");
		this.browser.findElement(By.id("email")).sendKeys("chloe@example.com");
		Chromium.screenshot(this.browser, "language-1-french-form");
		Chromium.answerScreeningNo(this.browser);
		this.browser.findElement(By.cssSelector("form[method=post] button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> "CONFIRMED".equals(this.browser.findElement(By.id("answer")).getAttribute("data-status")));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Votre réservation");
		assertThat(this.browser.findElements(By.tagName("header"))).hasSize(1);
		assertThat(this.browser.findElement(By.id("answer")).getText()).contains("Confirmé.", " avec ", " le ");
		Chromium.screenshot(this.browser, "language-2-french-answer");

		this.browser.get(intake + "/contact");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nous écrire");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> MessageFiles.emailsMentioning(DATA_DIR, "Bonjour " + name + ","), (count) -> count == 1);
	}

	@Test
	void aFrenchBrowserGetsFrenchPagesFirst() throws Exception {
		this.browser = Chromium.start(1280, 800, "fr-CA");
		String intake = pipeline.url(IntakeApplication.class);

		this.browser.get(intake + "/book");

		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Prendre rendez-vous");
		this.browser.findElement(By.id("language-en")).click();
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Book an appointment");
	}

}
