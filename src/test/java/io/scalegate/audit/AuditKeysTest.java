package io.scalegate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The key ring from its settings: what is refused, with the setting named. */
class AuditKeysTest {

	static final String KEY_1 = Base64.getEncoder()
		.encodeToString("thirty-two-bytes-of-key-material-1".getBytes(StandardCharsets.UTF_8));

	static final String KEY_0 = Base64.getEncoder()
		.encodeToString("thirty-two-bytes-of-key-material-0".getBytes(StandardCharsets.UTF_8));

	@Test
	void theCurrentKeySignsAndRetiredKeysOnlyVerify() {
		AuditKeys keys = AuditKeys.of(new AuditKeyProperties("k1", KEY_1, null, List.of("k0=" + KEY_0), null, null),
				true);

		assertThat(keys.current().id()).isEqualTo("k1");
		assertThat(keys.find("k0")).isPresent();
		assertThat(keys.find("sha256")).isEmpty();
		assertThat(keys.generated()).isFalse();
		assertThat(keys.current().hash("x")).hasSize(64).isNotEqualTo(keys.find("k0").orElseThrow().hash("x"));
	}

	@Test
	void keysComeFromMountedFiles(@TempDir Path dir) throws Exception {
		Path key = Files.writeString(dir.resolve("key"), KEY_1 + "\n");
		Path retired = Files.writeString(dir.resolve("retired"), "# rotated 2026-12\nk0=" + KEY_0 + "\n");

		AuditKeys keys = AuditKeys
			.of(new AuditKeyProperties("k1", "", key.toString(), List.of(), retired.toString(), null), true);

		assertThat(keys.current().hash("x")).isEqualTo(
				AuditKeys.of(new AuditKeyProperties("k1", KEY_1, null, null, null, null), true).current().hash("x"));
		assertThat(keys.find("k0")).isPresent();
	}

	@Test
	void productionRefusesToRunWithoutAKeyOtherProfilesMakeOneUp() {
		AuditKeyProperties none = new AuditKeyProperties("k1", "", "", List.of(), "", null);

		assertThatThrownBy(() -> AuditKeys.of(none, true)).hasMessageContaining("SCALEGATE_AUDIT_KEY");
		AuditKeys dev = AuditKeys.of(none, false);
		assertThat(dev.generated()).isTrue();
		assertThat(dev.current().id()).startsWith("dev-");
		assertThat(AuditKeys.of(none, false).current().id()).isNotEqualTo(dev.current().id());
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aMadeUpKeyIsAWarningInTheLog(CapturedOutput log) {
		AuditKeyProperties none = new AuditKeyProperties("k1", "", "", List.of(), "", null);

		AuditKeys keys = new AuditKeyConfiguration().auditKeys(none, new MockEnvironment());

		assertThat(log.getOut()).contains("WARN", "No audit trail key is configured", keys.current().id(),
				"will NOT verify afterwards");
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		assertThatThrownBy(() -> new AuditKeyConfiguration().auditKeys(none, prod))
			.hasMessageContaining("The prod profile needs the audit trail's key");
	}

	@Test
	void aWeakOrMalformedKeyIsRefusedNamingTheSetting() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[31]);

		assertThatThrownBy(() -> AuditKeys.of(new AuditKeyProperties("k1", shortKey, null, null, null, null), false))
			.hasMessageContaining("SCALEGATE_AUDIT_KEY (scalegate.audit.key)")
			.hasMessageContaining("at least 32");
		String zeros = Base64.getEncoder().encodeToString(new byte[32]);
		assertThatThrownBy(() -> AuditKeys.of(new AuditKeyProperties("k1", zeros, null, null, null, null), false))
			.hasMessageContaining("SCALEGATE_AUDIT_KEY (scalegate.audit.key)")
			.hasMessageContaining("repeats a few bytes");
		assertThatThrownBy(
				() -> AuditKeys.of(new AuditKeyProperties("k1", "not base64!", null, null, null, null), false))
			.hasMessageContaining("not base64");
		assertThatThrownBy(() -> AuditKeys.of(new AuditKeyProperties("k1", KEY_1, "/x", null, null, null), false))
			.hasMessageContaining("not both");
		assertThatThrownBy(() -> AuditKeys.of(new AuditKeyProperties("sha256", KEY_1, null, null, null, null), false))
			.hasMessageContaining("plain hash");
		assertThatThrownBy(() -> AuditKeys
			.of(new AuditKeyProperties("k1", KEY_1, null, List.of("k1=" + KEY_0), null, null), false))
			.hasMessageContaining("configured twice");
		assertThatThrownBy(
				() -> AuditKeys.of(new AuditKeyProperties("k1", KEY_1, null, List.of(KEY_0), null, null), false))
			.hasMessageContaining("SCALEGATE_AUDIT_RETIRED_KEYS")
			.hasMessageNotContaining(KEY_0);
	}

	@Test
	void theCheckpointKeyIsDerivedFromTheKeySoEveryNodeSignsAlike() {
		AuditKey one = new AuditKey("k1", Base64.getDecoder().decode(KEY_1));
		AuditKey again = new AuditKey("k1", Base64.getDecoder().decode(KEY_1));

		assertThat(one.checkpointPublicKey().getEncoded()).isEqualTo(again.checkpointPublicKey().getEncoded());
		assertThat(again.signed("text", one.sign("text"))).isTrue();
		assertThat(again.signed("other", one.sign("text"))).isFalse();
		assertThat(new AuditKey("k0", Base64.getDecoder().decode(KEY_0)).signed("text", one.sign("text"))).isFalse();
	}

}
