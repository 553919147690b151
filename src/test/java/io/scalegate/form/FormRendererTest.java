package io.scalegate.form;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Camunda Forms renderer: every component type, every validation, and real forms
 * written by others.
 */
class FormRendererTest {

	static final ObjectMapper JSON = new ObjectMapper();

	static final Path FIXTURES = Path.of("src/test/resources/fixtures/forms");

	@BeforeEach
	void setUpVaadin() {
		MockVaadin.setup();
	}

	@AfterEach
	void tearDownVaadin() {
		MockVaadin.tearDown();
	}

	static RenderedForm render(String json, Map<String, Object> variables) throws Exception {
		RenderedForm form = FormRenderer.render(JSON.readTree(json), variables);
		UI.getCurrent().add(form.layout());
		return form;
	}

	static String form(String... components) {
		return "{\"type\": \"default\", \"components\": [" + String.join(",", components) + "]}";
	}

	static <T extends Component> T field(Class<T> type, String key) {
		return _get(type, spec -> spec.withId("field-" + key));
	}

	// --- the forms written by others
	// ------------------------------------------------------------------

	static Stream<Arguments> fixtures() {
		return Stream.of(
				Arguments.of("appearance.json",
						Set.of("FEEL expression in \"appearance.prefixAdorner\" of textfield \"adorner_expression\"",
								"FEEL expression in \"appearance.suffixAdorner\" of textfield \"adorner_expression\"")),
				Arguments.of("camunda-example-start-form.form", Set.of()),
				Arguments.of("camunda-example-task-form.form", Set.of()), Arguments.of("complex.json", Set.of()),
				Arguments.of("condition.json", Set.of("FEEL expression in \"conditional.hide\" of textfield \"text\"")),
				Arguments.of("defaultValues.json", Set.of()),
				Arguments.of("descriptions.json",
						Set.of("FEEL expression in \"description\" of textfield \"expression\"")),
				Arguments.of("disabled.json", Set.of()), Arguments.of("dynamic.json", Set.of()),
				Arguments.of("filepicker.json",
						Set.of("FEEL expression in \"accept\" of filepicker \"root_filepicker\"",
								"FEEL expression in \"multiple\" of filepicker \"root_filepicker\"",
								"FEEL expression in \"accept\" of filepicker \"group_filepicker\"",
								"FEEL expression in \"multiple\" of filepicker \"group_filepicker\"",
								"FEEL expression in \"accept\" of filepicker \"list_filepicker\"",
								"FEEL expression in \"multiple\" of filepicker \"list_filepicker\"")),
				Arguments.of("form.json", Set.of("component type \"html\"", "image without a source (image)")),
				Arguments.of("groups.json", Set.of("FEEL expression in \"alt\" of image")),
				Arguments.of("labels.json", Set.of("FEEL expression in \"label\" of textfield \"expression\"")),
				Arguments.of("readonly-expression.json",
						Set.of("FEEL expression in \"readonly\" of number \"amount\"")),
				Arguments.of("required.json", Set.of()), Arguments.of("rows.json", Set.of()),
				Arguments.of("ships-example.json", Set.of()), Arguments.of("text.json", Set.of()),
				Arguments.of("validate.json",
						Set.of("FEEL expression in \"validate.min\" of number \"number_expression\"",
								"FEEL expression in \"validate.max\" of number \"number_expression\"",
								"FEEL expression in \"validate.minLength\" of textfield \"textfield_expression\"",
								"FEEL expression in \"validate.maxLength\" of textfield \"textfield_expression\"")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void rendersEachFixtureOrNamesWhatItDoesNotSupport(String file, Set<String> expectedUnsupported) throws Exception {
		RenderedForm form = FormRenderer.render(JSON.readTree(FIXTURES.resolve(file).toFile()), Map.of());
		UI.getCurrent().add(form.layout());
		assertThat(form.unsupported()).isEqualTo(expectedUnsupported);
		if (!expectedUnsupported.isEmpty()) {
			assertThat(
					_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("form-unsupported")).getElement()
						.getTextRecursively())
				.contains(expectedUnsupported.iterator().next());
		}
	}

	@Test
	void everyFixtureIsCovered() throws Exception {
		try (Stream<Path> files = Files.list(FIXTURES)) {
			assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".md")))
				.containsExactlyInAnyOrderElementsOf(fixtures().map(a -> (String) a.get()[0]).toList());
		}
	}

	@Test
	void scaleGatesOwnFormsRenderCompletely() throws Exception {
		for (File file : new File("forms").listFiles()) {
			RenderedForm form = FormRenderer.render(JSON.readTree(file),
					Map.of("gateRecommendation", "GO_MASS_PRODUCTION"));
			assertThat(form.unsupported()).as(file.getName()).isEmpty();
			assertThat(form.keys()).as(file.getName()).isNotEmpty();
		}
	}

	// --- dynamic lists and conditional.hide (Go with conditions)
	// ------------------------------------------------------------

	static final String CONDITIONS = form(
			"""
					{"type": "select", "key": "decision", "label": "Decision",
					 "values": [{"label": "Go", "value": "GO"}, {"label": "Go with conditions", "value": "GO_WITH_CONDITIONS"}]}""",
			"""
					{"type": "dynamiclist", "path": "gateConditions", "label": "Conditions", "isRepeating": true,
					 "allowAddRemove": true, "defaultRepetitions": 1,
					 "conditional": {"hide": "=decision != \\"GO_WITH_CONDITIONS\\""},
					 "components": [
					  {"type": "textfield", "key": "conditionText", "label": "Condition", "validate": {"required": true}},
					  {"type": "textfield", "key": "conditionOwner", "label": "Owner", "validate": {"required": true}},
					  {"type": "datetime", "subtype": "date", "key": "conditionDue", "dateLabel": "Due date",
					   "validate": {"required": true}}]}""");

	@Test
	void aDynamicListAddsAndRemovesRowsAndSubmitsAListOfTypedMaps() throws Exception {
		RenderedForm form = render(CONDITIONS, Map.of("decision", "GO_WITH_CONDITIONS"));
		assertThat(form.unsupported()).isEmpty();
		assertThat(form.keys()).containsExactly("decision", "gateConditions");
		assertThat(form.validate())
			.containsExactly("Conditions 1: Condition is required; Conditions 1: Owner is required; "
					+ "Conditions 1: Due date is required");

		field(TextField.class, "gateConditions-0-conditionText").setValue("PPAP approved");
		field(TextField.class, "gateConditions-0-conditionOwner").setValue("quality");
		field(DatePicker.class, "gateConditions-0-conditionDue").setValue(LocalDate.of(2030, 1, 31));
		_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("add-gateConditions")).click();
		_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("add-gateConditions")).click();
		field(TextField.class, "gateConditions-1-conditionText").setValue("Dropped");
		field(TextField.class, "gateConditions-2-conditionText").setValue("Second source");
		field(TextField.class, "gateConditions-2-conditionOwner").setValue("supplier");
		field(DatePicker.class, "gateConditions-2-conditionDue").setValue(LocalDate.of(2030, 2, 28));
		_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("remove-gateConditions-1")).click();

		assertThat(form.validate()).isEmpty();
		assertThat(form.values()).containsEntry("gateConditions", List.of(
				Map.of("conditionText", "PPAP approved", "conditionOwner", "quality", "conditionDue", "2030-01-31"),
				Map.of("conditionText", "Second source", "conditionOwner", "supplier", "conditionDue", "2030-02-28")));
		assertThat(form.answers()).extracting(RenderedForm.Answer::value)
			.contains("1. Condition: PPAP approved, Owner: quality, Due date: 2030-01-31; "
					+ "2. Condition: Second source, Owner: supplier, Due date: 2030-02-28");

		assertThat(form.markInvalid("gateConditions[1].conditionOwner", "no enabled user supplier")).isTrue();
		assertThat(field(TextField.class, "gateConditions-1-conditionOwner").isInvalid()).isTrue();
		assertThat(field(TextField.class, "gateConditions-1-conditionOwner").getErrorMessage())
			.isEqualTo("no enabled user supplier");
		assertThat(form.markInvalid("gateConditions", "at least one")).isTrue();
		assertThat(
				_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("error-gateConditions")).getText())
			.isEqualTo("at least one");
	}

	@Test
	void aHiddenListIsNeitherCheckedNorSubmittedAndShowsWhenItsConditionChanges() throws Exception {
		RenderedForm form = render(CONDITIONS, Map.of("decision", "GO"));
		com.vaadin.flow.component.Component list = byId(form.layout(), "field-gateConditions");
		assertThat(list.isVisible()).isFalse();
		assertThat(form.validate()).isEmpty();
		assertThat(form.values()).containsOnlyKeys("decision");

		@SuppressWarnings("unchecked")
		Select<String> decision = field(Select.class, "decision");
		decision.setValue("GO_WITH_CONDITIONS");
		assertThat(list.isVisible()).isTrue();
		assertThat(form.validate()).hasSize(1);
		decision.setValue("GO");
		assertThat(list.isVisible()).isFalse();
		assertThat(form.values()).containsOnlyKeys("decision");
	}

	@Test
	void aListIsFilledFromItsVariable() throws Exception {
		RenderedForm form = render(CONDITIONS,
				Map.of("decision", "GO_WITH_CONDITIONS", "gateConditions",
						List.of(Map.of("conditionText", "A", "conditionOwner", "quality", "conditionDue", "2030-01-31"),
								Map.of("conditionText", "B"))));
		assertThat(field(TextField.class, "gateConditions-1-conditionText").getValue()).isEqualTo("B");
		assertThat(field(DatePicker.class, "gateConditions-0-conditionDue").getValue())
			.isEqualTo(LocalDate.of(2030, 1, 31));
		assertThat(form.validate())
			.containsExactly("Conditions 2: Owner is required; Conditions 2: Due date is required");
	}

	@Test
	void anExpressionScaleGateDoesNotEvaluateIsStillNamed() throws Exception {
		RenderedForm form = render(form("""
				{"type": "textfield", "key": "a", "label": "A", "conditional": {"hide": "=amount <= 2"}}"""), Map.of());
		assertThat(form.unsupported()).containsExactly("FEEL expression in \"conditional.hide\" of textfield \"a\"");
		assertThat(field(TextField.class, "a").isVisible()).isTrue();
	}

	/** A component by id, visible or not (Karibu's lookups see visible ones only). */
	static com.vaadin.flow.component.Component byId(com.vaadin.flow.component.Component root, String id) {
		if (root.getId().filter(id::equals).isPresent()) {
			return root;
		}
		return root.getChildren()
			.map(child -> byId(child, id))
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	// --- each component type and validation
	// ------------------------------------------------------------

	@Test
	void textfieldValidatesRequiredLengthAndPattern() throws Exception {
		RenderedForm form = render(form("""
				{"type": "textfield", "key": "code", "label": "Code",
				 "validate": {"required": true, "minLength": 3, "maxLength": 6, "pattern": "^C-[0-9]+$"}}"""),
				Map.of());
		TextField code = field(TextField.class, "code");
		assertThat(form.validate()).containsExactly("Code is required");
		assertThat(code.isInvalid()).isTrue();
		code.setValue("C1");
		assertThat(form.validate()).containsExactly("Code must have at least 3 characters");
		code.setValue("C-1234567");
		assertThat(form.validate()).containsExactly("Code must have at most 6 characters");
		code.setValue("X-123");
		assertThat(form.validate()).containsExactly("Code must match the pattern ^C-[0-9]+$");
		code.setValue("C-123");
		assertThat(form.validate()).isEmpty();
		assertThat(code.isInvalid()).isFalse();
		assertThat(form.values()).containsEntry("code", "C-123");
	}

	@Test
	void textareaIsFilledFromItsVariable() throws Exception {
		RenderedForm form = render(form("""
				{"type": "textarea", "key": "comment", "label": "Comment", "validate": {"maxLength": 5}}"""),
				Map.of("comment", "abcdefg"));
		assertThat(field(TextArea.class, "comment").getValue()).isEqualTo("abcdefg");
		assertThat(form.validate()).containsExactly("Comment must have at most 5 characters");
	}

	@Test
	void numberIsTypedAndBounded() throws Exception {
		RenderedForm form = render(form("""
				{"type": "number", "key": "amount", "label": "Amount", "validate": {"min": 0, "max": 1000}}""",
				"""
						{"type": "number", "key": "count", "label": "Count", "decimalDigits": 0, "validate": {"required": true}}"""),
				Map.of());
		assertThat(form.validate()).containsExactly("Count is required");
		field(NumberField.class, "amount").setValue(1000.5);
		field(NumberField.class, "count").setValue(3.0);
		assertThat(form.validate()).containsExactly("Amount must be at most 1000");
		field(NumberField.class, "amount").setValue(-1.0);
		assertThat(form.validate()).containsExactly("Amount must be at least 0");
		field(NumberField.class, "amount").setValue(12.5);
		assertThat(form.validate()).isEmpty();
		assertThat(form.values()).containsEntry("amount", 12.5).containsEntry("count", 3L);
	}

	@Test
	void checkboxIsABoolean() throws Exception {
		RenderedForm form = render(form("""
				{"type": "checkbox", "key": "approved", "label": "Approved", "defaultValue": false}"""), Map.of());
		assertThat(form.values()).containsEntry("approved", false);
		field(Checkbox.class, "approved").setValue(true);
		assertThat(form.values()).containsEntry("approved", true);
	}

	@Test
	void choicesComeFromValuesOrFromAVariable() throws Exception {
		RenderedForm form = render(form("""
				{"type": "radio", "key": "decision", "label": "Decision", "validate": {"required": true},
				 "values": [{"label": "Go", "value": "GO"}, {"label": "Kill", "value": "KILL"}]}""", """
				{"type": "select", "key": "language", "label": "Language", "valuesKey": "languages"}""", """
				{"type": "checklist", "key": "mailto", "label": "Mail to", "validate": {"required": true},
				 "values": [{"label": "Regional", "value": "regional"}, {"label": "Global", "value": "global"}]}""",
				"""
						{"type": "taglist", "key": "tags", "label": "Tags", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}],
						 "defaultValue": ["b"]}"""),
				Map.of("languages",
						List.of(Map.of("label", "German", "value", "de"), Map.of("label", "English", "value", "en"))));
		assertThat(form.validate()).containsExactly("Decision is required", "Mail to needs at least one choice");
		RadioButtonGroup<String> decision = field(RadioButtonGroup.class, "decision");
		assertThat(decision.getListDataView().getItems()).containsExactly("GO", "KILL");
		decision.setValue("KILL");
		Select<String> language = field(Select.class, "language");
		assertThat(language.getListDataView().getItems()).containsExactly("de", "en");
		language.setValue("en");
		CheckboxGroup<String> mailto = field(CheckboxGroup.class, "mailto");
		mailto.setValue(Set.of("global"));
		MultiSelectComboBox<String> tags = field(MultiSelectComboBox.class, "tags");
		assertThat(tags.getValue()).containsExactly("b");
		assertThat(form.validate()).isEmpty();
		assertThat(form.values()).containsEntry("decision", "KILL")
			.containsEntry("language", "en")
			.containsEntry("mailto", List.of("global"))
			.containsEntry("tags", List.of("b"));
	}

	@Test
	void dateIsADate() throws Exception {
		RenderedForm form = render(
				form("""
						{"type": "datetime", "key": "due", "subtype": "date", "dateLabel": "Due", "validate": {"required": true}}"""),
				Map.of());
		assertThat(form.validate()).containsExactly("Due is required");
		field(DatePicker.class, "due").setValue(LocalDate.of(2026, 12, 24));
		assertThat(form.validate()).isEmpty();
		assertThat(form.values().get("due")).isInstanceOf(Date.class)
			.isEqualTo(Date.from(java.time.Instant.parse("2026-12-24T00:00:00Z")));
	}

	@Test
	void textIsMarkdownWithVariablesFilledIn() throws Exception {
		render(form("""
				{"type": "text", "text": "### Gate\\nThe tables recommend **{{gateRecommendation}}**."}"""),
				Map.of("gateRecommendation", "STAY_SMALL_BATCH"));
		assertThat(_get(Markdown.class).getContent()).isEqualTo("### Gate\nThe tables recommend **STAY_SMALL_BATCH**.");
	}

	@Test
	void groupsWithAPathNestTheirValues() throws Exception {
		RenderedForm form = render(form("""
				{"type": "group", "label": "Details", "path": "details", "components": [
				  {"type": "textfield", "key": "supplier", "label": "Supplier"}]}""", """
				{"type": "separator"}"""), Map.of("details", Map.of("supplier", "ACME")));
		assertThat(field(TextField.class, "supplier").getValue()).isEqualTo("ACME");
		assertThat(form.values()).isEqualTo(Map.of("details", Map.of("supplier", "ACME")));
	}

	@Test
	void anUnknownTypeIsANoticeNotASilentGap() throws Exception {
		RenderedForm form = render(form("""
				{"type": "iframe", "url": "https://example.org"}"""), Map.of());
		assertThat(form.unsupported()).containsExactly("component type \"iframe\"");
		assertThat(UI.getCurrent().getElement().getTextRecursively()).contains("component type \"iframe\"");
	}

	@Test
	void disabledAndReadonlyFieldsAreNotValidatedAgainstThePerson() throws Exception {
		RenderedForm form = render(form(
				"""
						{"type": "textfield", "key": "fixed", "label": "Fixed", "readonly": true, "validate": {"required": false}}""",
				"""
						{"type": "textfield", "key": "off", "label": "Off", "disabled": true, "validate": {"required": true}}"""),
				Map.of("fixed", "v1"));
		assertThat(field(TextField.class, "fixed").isReadOnly()).isTrue();
		assertThat(form.validate()).isEmpty();
	}

	@Test
	void aFilePickerKeepsItsFilesForTheSignatureAndItsVariableHoldsTheirIds() throws Exception {
		java.util.List<FileStore.PickedFile> stored = new java.util.ArrayList<>();
		FileStore store = new FileStore() {
			@Override
			public void check(String fileName, byte[] content) {
				if (content[0] == 0) {
					throw new io.scalegate.base.InvalidInput("file", "is not allowed");
				}
			}

			@Override
			public void store(PickedFile file) {
				stored.add(file);
			}
		};
		RenderedForm form = FormRenderer.render(JSON.readTree(form("""
				{"type": "filepicker", "key": "drawings", "label": "Drawings", "accept": ".pdf", "multiple": true,
				 "properties": {"documentKind": "DRAWING"}, "validate": {"required": true}}""", """
				{"type": "filepicker", "key": "other", "label": "Other"}""")), Map.of(), store);
		UI.getCurrent().add(form.layout());
		assertThat(form.unsupported()).isEmpty();
		assertThat(form.validate()).containsExactly("Drawings is required");

		com.github.mvysny.kaributesting.v10.UploadKt._upload(
				field(com.vaadin.flow.component.upload.Upload.class, "drawings"), "a.pdf", "application/pdf",
				new byte[] { 1 });
		com.github.mvysny.kaributesting.v10.UploadKt._upload(
				field(com.vaadin.flow.component.upload.Upload.class, "drawings"), "b.pdf", "application/pdf",
				new byte[] { 2 });
		com.github.mvysny.kaributesting.v10.UploadKt._upload(
				field(com.vaadin.flow.component.upload.Upload.class, "other"), "refused.txt", "text/plain",
				new byte[] { 0 });

		FilePicker other = (FilePicker) field(com.vaadin.flow.component.upload.Upload.class, "other").getParent()
			.orElseThrow();
		assertThat(other.getErrorMessage()).isEqualTo("is not allowed");
		assertThat(other.isInvalid()).isTrue();
		assertThat(form.validate()).isEmpty();
		assertThat(stored).as("nothing kept before the signature").isEmpty();
		Object ids = form.values().get("drawings");
		assertThat(ids).asList().hasSize(2);
		assertThat(form.values().get("other")).isNull();
		assertThat(form.answers()).extracting(RenderedForm.Answer::value).containsExactly("a.pdf, b.pdf");

		form.storeFiles();
		assertThat(stored).extracting(FileStore.PickedFile::id).isEqualTo(ids);
		assertThat(stored).extracting(FileStore.PickedFile::documentKind).containsOnly("DRAWING");
	}

}
