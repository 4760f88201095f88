package com.geminihealth.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection that posts JSON and reads the answer: all the load
 * generator needs. The JDK's {@code HttpClient} spent about 260 µs of CPU per request
 * (its selector thread, futures and per-request objects), a fifth of the two cores the
 * intake it loads runs on; a plain socket spends a small part of that. Not thread-safe:
 * one per load thread. A connection the server closes, or that fails, is opened again on
 * the next post.
 */
final class HttpConnection implements Closeable {

	private final URI target;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	HttpConnection(URI target) {
		this.target = target;
	}

	/** Posts {@code json} to the target and returns the answer once it is all read. */
	Answer post(String json) throws IOException {
		try {
			if (this.socket == null) {
				open();
			}
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + this.target.getRawPath() + " HTTP/1.1\r\nHost: " + this.target.getHost() + ":"
					+ this.target.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
					+ "\r\n\r\n";
			this.out.write(head.getBytes(StandardCharsets.US_ASCII));
			this.out.write(body);
			this.out.flush();
			return readAnswer();
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private Answer readAnswer() throws IOException {
		String statusLine = readLine();
		int status = Integer.parseInt(statusLine.substring(statusLine.indexOf(' ') + 1, statusLine.indexOf(' ') + 4));
		long length = 0;
		boolean chunked = false;
		boolean closing = false;
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			int colon = line.indexOf(':');
			String name = line.substring(0, colon).trim();
			String value = line.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = value.equalsIgnoreCase("chunked");
			}
			else if (name.equalsIgnoreCase("Connection")) {
				closing = value.equalsIgnoreCase("close");
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (long size = chunkSize(); size > 0; size = chunkSize()) {
				copy(size, body);
				readLine();
			}
			while (!readLine().isEmpty()) {
				// trailer fields, of no interest
			}
		}
		else {
			copy(length, body);
		}
		if (closing) {
			close();
		}
		return new Answer(status, body.toString(StandardCharsets.UTF_8));
	}

	private long chunkSize() throws IOException {
		String line = readLine();
		int extension = line.indexOf(';');
		return Long.parseLong((extension < 0) ? line.trim() : line.substring(0, extension).trim(), 16);
	}

	private void copy(long count, ByteArrayOutputStream to) throws IOException {
		for (long i = 0; i < count; i++) {
			to.write(read());
		}
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = read(); b != '\n'; b = read()) {
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	private int read() throws IOException {
		int b = this.in.read();
		if (b < 0) {
			throw new EOFException("the server closed the connection");
		}
		return b;
	}

	private void open() throws IOException {
		this.socket = new Socket(this.target.getHost(), this.target.getPort());
		this.socket.setTcpNoDelay(true);
		this.socket.setSoTimeout(30_000);
		this.out = new BufferedOutputStream(this.socket.getOutputStream());
		this.in = new BufferedInputStream(this.socket.getInputStream());
	}

	@Override
	public void close() throws IOException {
		if (this.socket != null) {
			this.socket.close();
			this.socket = null;
		}
	}

	/** An answer's status and body. */
	record Answer(int status, String body) {
	}

}
