package com.geminihealth.intake.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Which address a request comes from, for the limits and everything after them. Behind a
 * reverse proxy every request's peer is the proxy and the client is named in
 * {@code X-Forwarded-For}; but anyone can send that header, so it is believed only from a
 * configured trusted proxy ({@link TrustedProxyProperties}), and read from the right,
 * past further trusted proxies, to the first address that is not one: what is left of
 * that is whatever the client wrote. From any other peer the forwarding headers are
 * dropped, so that nothing downstream (redirects, links, the URL a webhook signature
 * covers) reads them either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientAddressFilter extends OncePerRequestFilter {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

	private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

	private final List<IpAddressMatcher> proxies;

	private final ForwardedHeaderFilter honour = new ForwardedHeaderFilter();

	private final ForwardedHeaderFilter drop = new ForwardedHeaderFilter();

	ClientAddressFilter(TrustedProxyProperties properties) {
		this.proxies = properties.trustedProxies().stream().map(ClientAddressFilter::matcher).toList();
		this.drop.setRemoveOnly(true);
	}

	private static IpAddressMatcher matcher(String range) {
		String address = range.contains("/") ? range.substring(0, range.indexOf('/')) : range;
		if (literal(address) == null) {
			throw new IllegalArgumentException(
					"intake.trusted-proxies: '" + range + "' is not an IP address or CIDR range");
		}
		return new IpAddressMatcher(range);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!trusted(request.getRemoteAddr())) {
			this.drop.doFilter(request, response, chain);
			return;
		}
		String client = client(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
		this.honour.doFilter(request, response,
				(forwarded, sent) -> chain.doFilter(new FromClient(forwarded, client), sent));
	}

	/**
	 * The rightmost address of the chain that is not a trusted proxy, the peer if there
	 * is none; an entry that is not an IP address ends the walk, as nothing left of it
	 * can be vouched for.
	 */
	String client(String peer, List<String> forwardedFor) {
		List<String> hops = new ArrayList<>();
		forwardedFor.forEach((header) -> hops.addAll(List.of(header.split(","))));
		String client = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = literal(hops.get(i).strip());
			if (hop == null) {
				break;
			}
			client = hop;
			if (!trusted(hop)) {
				break;
			}
		}
		return client;
	}

	private boolean trusted(String address) {
		String literal = literal(address);
		try {
			return literal != null && this.proxies.stream().anyMatch((proxy) -> proxy.matches(literal));
		}
		catch (IllegalArgumentException ex) {
			// Looked like an IPv6 literal, was not one.
			return false;
		}
	}

	/**
	 * The address as an IP literal without port or brackets; {@code null} for anything
	 * else, which is never looked up in DNS.
	 */
	private static String literal(String address) {
		if (address == null) {
			return null;
		}
		String bare = address;
		if (bare.startsWith("[") && bare.indexOf(']') > 0) {
			bare = bare.substring(1, bare.indexOf(']'));
		}
		else if (bare.indexOf(':') > 0 && bare.indexOf(':') == bare.lastIndexOf(':')) {
			bare = bare.substring(0, bare.indexOf(':'));
		}
		return (IPV4.matcher(bare).matches() || IPV6.matcher(bare).matches()) ? bare : null;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	/** A request whose address is its client's. */
	private static final class FromClient extends HttpServletRequestWrapper {

		private final String client;

		FromClient(ServletRequest request, String client) {
			super((HttpServletRequest) request);
			this.client = client;
		}

		@Override
		public String getRemoteAddr() {
			return this.client;
		}

		@Override
		public String getRemoteHost() {
			return this.client;
		}

	}

}
