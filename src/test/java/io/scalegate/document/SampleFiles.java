package io.scalegate.document;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small real files made in memory for the document tests. */
public final class SampleFiles {

	private SampleFiles() {
	}

	public static byte[] pdf(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document();
		PdfWriter.getInstance(document, out);
		document.open();
		document.add(new Paragraph(text));
		document.close();
		return out.toByteArray();
	}

	public static byte[] png() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

	/** A ZIP archive with one text entry. */
	public static byte[] zip() {
		return zip("notes.txt", "word/x.txt");
	}

	/** A minimal Word package: its content types and its main part. */
	public static byte[] docx() {
		return zip("[Content_Types].xml", "word/document.xml");
	}

	/** The start of a Windows executable (MZ header, PE signature). */
	public static byte[] executable() {
		byte[] exe = new byte[256];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3c] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		return exe;
	}

	public static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] zip(String... entries) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				for (String entry : entries) {
					zip.putNextEntry(new ZipEntry(entry));
					zip.write(("content of " + entry).getBytes(StandardCharsets.UTF_8));
					zip.closeEntry();
				}
			}
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

}
