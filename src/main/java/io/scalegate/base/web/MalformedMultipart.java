package io.scalegate.base.web;

import io.scalegate.base.InvalidInput;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body that ends early or lacks its boundary: 400 problem details naming the
 * body; one larger than allowed: 413. The servlet parses multipart bodies before any
 * handler is chosen, where {@link ApiProblems} (bound to ScaleGate's controllers) does
 * not apply, so this advice is bound to none.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedMultipart {

	private final MultipartProperties limits;

	MalformedMultipart(MultipartProperties limits) {
		this.limits = limits;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException tooLarge) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"the upload is larger than allowed: at most " + limits.getMaxFileSize().toKilobytes()
							+ " KB a file and " + limits.getMaxRequestSize().toKilobytes() + " KB in all"));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> malformed(MultipartException malformed) {
		return ApiProblems.problem(new InvalidInput("body", "is not a complete multipart/form-data body: "
				+ ApiProblems.firstLine(malformed.getMostSpecificCause().getMessage())));
	}

}
