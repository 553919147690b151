package io.scalegate.task.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.scalegate.gate.ProductLifecycle.INSPECTION_STANDARD_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.upload.Upload;
import io.scalegate.KaribuTest;
import io.scalegate.base.Sha256;
import io.scalegate.document.Document;
import io.scalegate.document.DocumentKind;
import io.scalegate.document.Documents;
import io.scalegate.document.SampleFiles;
import io.scalegate.document.ui.DocumentsPanel;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Documents on a task: the inspection standard form's file picker keeps the inspection
 * report when the task is signed (linked to the task, its id in the variable), a file
 * refused by its content is named on the picker, and the task's documents panel attaches
 * with the task's id.
 */
class TaskDocumentsViewTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	Documents documents;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	Product product;

	Task task;

	@BeforeEach
	void anInspectionStandardToApprove() {
		product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		task = lifecycles.task(product, INSPECTION_STANDARD_APPROVAL);
		login("quality", "QUALITY");
		UI.getCurrent().navigate("tasks/" + task.getId());
	}

	@Test
	void theInspectionReportPickedInTheFormIsKeptWhenTheTaskIsSigned() {
		byte[] report = SampleFiles.pdf("inspection report");
		UploadKt._upload(_get(Upload.class, spec -> spec.withId("field-inspectionReport")), "inspection.pdf",
				"application/pdf", report);
		assertThat(documents.of(product.partNumber())).as("kept only when signed").isEmpty();
		_get(Checkbox.class, spec -> spec.withId("field-inspectionStandardApproved")).setValue(true);
		_get(Checkbox.class, spec -> spec.withId("field-materialConfirmed")).setValue(true);
		_get(Checkbox.class, spec -> spec.withId("field-surfaceFinishConfirmed")).setValue(true);

		_click(_get(Button.class, spec -> spec.withId("sign")));
		_get(PasswordField.class, spec -> spec.withId("signature-password")).setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));

		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		Document kept = documents.ofTask(product.partNumber(), task.getId()).get(0);
		assertThat(kept.kind()).isEqualTo(DocumentKind.INSPECTION_REPORT);
		assertThat(kept.sha256()).isEqualTo(Sha256.hex(report));
		assertThat(kept.uploadedBy()).isEqualTo("quality");
		assertThat(kept.links().taskKey()).isEqualTo(INSPECTION_STANDARD_APPROVAL);
		assertThat(runtime.getVariable(lifecycles.instance(product).getId(), "inspectionReport")).isEqualTo(kept.id());
	}

	@Test
	void aFileRefusedByItsContentIsNamedOnThePickerAndNothingIsKept() {
		UploadKt._upload(_get(Upload.class, spec -> spec.withId("field-inspectionReport")), "inspection.pdf",
				"application/pdf", SampleFiles.zip());

		String picker = _get(Upload.class, spec -> spec.withId("field-inspectionReport")).getParent()
			.orElseThrow()
			.getElement()
			.getTextRecursively();
		assertThat(picker).contains("application/zip", "not allowed");
		assertThat(documents.of(product.partNumber())).isEmpty();
	}

	@SuppressWarnings("unchecked")
	@Test
	void theTasksDocumentsPanelAttachesWithTheTasksId() {
		DocumentsPanel onTask = _get(DocumentsPanel.class, spec -> spec.withId("task-documents"));
		_get(onTask, Select.class).setValue(DocumentKind.FIRST_ARTICLE_INSPECTION);

		UploadKt._upload(_get(onTask, Upload.class), "fai.png", "image/png", SampleFiles.png());

		assertThat(documents.ofTask(product.partNumber(), task.getId())).singleElement()
			.satisfies(document -> assertThat(document.kind()).isEqualTo(DocumentKind.FIRST_ARTICLE_INSPECTION));
		assertThat(documents.of(product.partNumber())).hasSize(1);
	}

}
