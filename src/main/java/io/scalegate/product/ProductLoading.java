package io.scalegate.product;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Products still being loaded at start (the demo data of a first start): until they are
 * in, the product overview says so instead of listing none.
 */
@Component
public class ProductLoading {

	private volatile String notice;

	/** Loading begins; {@code notice} says what: "Loading demo data…". */
	public void start(String notice) {
		this.notice = notice;
	}

	/** Loading ended (done or failed). */
	public void finish() {
		this.notice = null;
	}

	/** What is loading now, if anything. */
	public Optional<String> notice() {
		return Optional.ofNullable(notice);
	}

}
