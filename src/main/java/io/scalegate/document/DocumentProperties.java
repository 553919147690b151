package io.scalegate.document;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What may be attached (docs/adr/0018): the media types accepted, as detected from the
 * content, and the largest file. Spring's multipart limits sit above {@code maxSize}, so
 * an upload that is too large is refused with ScaleGate's message naming the field.
 *
 * @param allowedTypes media types, e.g. {@code application/pdf}
 */
@ConfigurationProperties("scalegate.documents")
public record DocumentProperties(@DefaultValue( {
		"application/pdf", "image/png", "image/jpeg", "image/tiff",
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain",
		"text/csv" }) List<String> allowedTypes, @DefaultValue("20MB") DataSize maxSize){

	public DocumentProperties {
		if (allowedTypes.isEmpty() || maxSize.toBytes() < 1) {
			throw new IllegalArgumentException(
					"scalegate.documents needs at least one allowed type and a positive max-size");
		}
		allowedTypes = List.copyOf(allowedTypes);
	}

}
