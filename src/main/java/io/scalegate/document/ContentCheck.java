package io.scalegate.document;

import io.scalegate.base.InvalidInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * What a file is, judged by its content (Tika's magic bytes), never by its name or the
 * type a client claimed: a ZIP archive named {@code .pdf} is a ZIP archive. Office Open
 * XML files are ZIP packages, told apart by their parts ({@code word/}, {@code xl/}); a
 * text file named {@code .csv} is CSV. Refusals name the field {@code file}.
 */
@Component
class ContentCheck {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Tika tika = new Tika();

	private final DocumentProperties properties;

	ContentCheck(DocumentProperties properties) {
		this.properties = properties;
	}

	/** The media type of {@code content}, if it is allowed; else the field is refused. */
	String mediaType(String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidInput("file", "is empty");
		}
		if (content.length > properties.maxSize().toBytes()) {
			throw new InvalidInput("file", "is " + size(content.length) + ", larger than the "
					+ size(properties.maxSize().toBytes()) + " allowed");
		}
		String type = detect(fileName, content);
		if (!properties.allowedTypes().contains(type)) {
			throw new InvalidInput("file", "is " + type + " by its content, which is not allowed; allowed are "
					+ String.join(", ", properties.allowedTypes()));
		}
		return type;
	}

	/** The largest file accepted. */
	long maxSize() {
		return properties.maxSize().toBytes();
	}

	private String detect(String fileName, byte[] content) {
		String type;
		try {
			type = tika.detect(new ByteArrayInputStream(content));
		}
		catch (IOException unreadable) {
			throw new InvalidInput("file", "cannot be read");
		}
		if (type.equals("application/zip") || type.equals("application/x-tika-ooxml")) {
			return officePackage(content, type);
		}
		if (type.equals("text/plain") && fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
			return "text/csv";
		}
		return type;
	}

	/**
	 * A Word or Excel file by the parts the package lists in its central directory
	 * (nothing is decompressed), else the ZIP as it is.
	 */
	private static String officePackage(byte[] content, String type) {
		java.util.Set<String> names = PackageParts.names(content);
		boolean word = names.contains("word/document.xml");
		boolean excel = names.contains("xl/workbook.xml");
		if (names.contains("[Content_Types].xml") && word != excel) {
			return word ? DOCX : XLSX;
		}
		return "application/zip";
	}

	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		if (bytes < 1024 * 1024) {
			return (bytes + 1023) / 1024 + " KB";
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
