package io.scalegate.comment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @userid} tokens of a comment. A user id is lower-case letters, digits, dot,
 * underscore and hyphen (as {@code security} allows them); a token is read in lower case,
 * may not follow a letter or digit (an e-mail address is no mention), and loses the
 * punctuation after it ({@code @quinn.} mentions {@code quinn}) unless that punctuation
 * is part of a known id.
 */
public final class Mentions {

	private static final Pattern TOKEN = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([A-Za-z0-9][A-Za-z0-9._-]{0,99})");

	private Mentions() {
	}

	/** Every name mentioned, in order, each once (known to {@code known} or not). */
	public static List<String> names(String body, Set<String> known) {
		Set<String> names = new LinkedHashSet<>();
		for (Segment segment : segments(body, known)) {
			if (segment.mention() != null) {
				names.add(segment.mention());
			}
		}
		return List.copyOf(names);
	}

	/**
	 * The body cut into plain text and mentions, in order: a mention segment's text is
	 * the token as written ({@code @Quinn}), its {@code mention} the id it names; whether
	 * that id is a user is for the caller to judge ({@code known} only decides where a
	 * token ends).
	 */
	public static List<Segment> segments(String body, Set<String> known) {
		List<Segment> segments = new ArrayList<>();
		if (body == null || body.isEmpty()) {
			return segments;
		}
		Matcher matcher = TOKEN.matcher(body);
		int at = 0;
		while (matcher.find()) {
			String token = matcher.group(1);
			String id = token.toLowerCase(Locale.ROOT);
			while (!known.contains(id) && !id.isEmpty() && ".-_".indexOf(id.charAt(id.length() - 1)) >= 0) {
				id = id.substring(0, id.length() - 1);
				token = token.substring(0, token.length() - 1);
			}
			int end = matcher.start(1) + token.length();
			if (matcher.start() > at) {
				segments.add(new Segment(body.substring(at, matcher.start()), null));
			}
			segments.add(new Segment(body.substring(matcher.start(), end), id));
			at = end;
		}
		if (at < body.length()) {
			segments.add(new Segment(body.substring(at), null));
		}
		return segments;
	}

	/** Plain text ({@code mention} null) or a mention of the user id {@code mention}. */
	public record Segment(String text, String mention) {

	}

}
