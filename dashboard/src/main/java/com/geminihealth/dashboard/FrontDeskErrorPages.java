package com.geminihealth.dashboard;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a browser sees when a view of the dashboard cannot be shown: the front desk's own
 * error page, by a name no other service's templates use, so that in the one-process
 * local run, where the patients' pages share the classpath, each shows its own.
 */
@Component
class FrontDeskErrorPages implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		return new ModelAndView("front-desk-error", model, status);
	}

}
