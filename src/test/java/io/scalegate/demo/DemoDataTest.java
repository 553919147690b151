package io.scalegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditEntry;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new user meets a living system: demo products in every stage, each where its story
 * says.
 */
@ScaleGateTest
class DemoDataTest {

	@Autowired
	ProductService products;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	AuditSearch audit;

	@Autowired
	io.scalegate.condition.GateConditions conditions;

	@Autowired
	io.scalegate.document.Documents documents;

	@Test
	void demoProductsHaveRealDocumentsCheckedByContent() {
		assertThat(documents.kindsOnFile("VLV-5200")).contains(io.scalegate.document.DocumentKind.DRAWING,
				io.scalegate.document.DocumentKind.INSPECTION_REPORT,
				io.scalegate.document.DocumentKind.MATERIAL_CERTIFICATE);
		assertThat(documents.of("BRK-1001")).extracting(io.scalegate.document.Document::mediaType)
			.contains("application/pdf", "image/png");
	}

	@Test
	void everyStageHasDemoProducts() {
		for (Stage stage : Stage.values()) {
			assertThat(products.count(stage)).as(stage.name()).isPositive();
		}
		assertThat(stage("BRK-1001")).isEqualTo(Stage.MASS_PRODUCTION);
		assertThat(stage("PMP-3100")).isEqualTo(Stage.ONE_STOP_SCALE_PLANNING);
		assertThat(stage(DemoConditions.PART_NUMBER)).isEqualTo(Stage.MASS_PRODUCTION);
		assertThat(conditions.open(DemoConditions.PART_NUMBER)).singleElement().satisfies(condition -> {
			assertThat(condition.owner()).isEqualTo("quality");
			assertThat(tasks.createTaskQuery()
				.processInstanceBusinessKey(DemoConditions.PART_NUMBER)
				.taskDefinitionKey(ProductLifecycle.CLOSE_GATE_CONDITION)
				.taskAssignee("quality")
				.count()).isOne();
		});
		assertThat(stage("CNV-4410")).isEqualTo(Stage.CANCELLED);
		assertThat(stage("SPC-1120")).isEqualTo(Stage.PROTOTYPE);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theGateJudgesTheDemoEvidenceAsItsStoryTells() {
		assertThat(variable("VLV-5200", ProductLifecycle.GATE_RECOMMENDATION.name())).isEqualTo("GO_MASS_PRODUCTION");
		assertThat(variable("HTS-1210", ProductLifecycle.GATE_RECOMMENDATION.name())).isEqualTo("STAY_SMALL_BATCH");
		assertThat((java.util.List<Object>) variable("HTS-1210", ProductLifecycle.GATE_REASONS))
			.containsExactly("TOOLING_NOT_JUSTIFIED");
		assertThat((java.util.List<Object>) variable("DRN-6060", ProductLifecycle.GATE_REASONS))
			.contains("DEMAND_NOT_STABLE");
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey("ENC-7015").singleResult().getTaskDefinitionKey())
			.isEqualTo(ProductLifecycle.SUPPLIER_QUALIFICATION);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("DRN-6060").singleResult())
			.isNotNull();
	}

	@Test
	void theDemoEvidenceIsAuditedLikeEvidenceAPersonRecords() {
		AuditQuery recorded = new AuditQuery(null, Set.of(AuditAction.EVIDENCE_RECORDED), AuditSubject.PRODUCT,
				"HTS-1210", null, null, null);

		// orders and batches as one import each, everything else entry by entry
		assertThat(audit.page(recorded, 0, 20)).extracting(AuditEntry::actor)
			.containsExactlyInAnyOrder("quality", "supplier", "quality", "engineer", "quality", "engineer");
	}

	private Stage stage(String partNumber) {
		return products.get(partNumber).stage();
	}

	private Object variable(String partNumber, String name) {
		String id = runtime.createProcessInstanceQuery().processInstanceBusinessKey(partNumber).singleResult().getId();
		return runtime.getVariable(id, name);
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theDemoAccountsClaimAsThemselvesSoNobodyIsToldOfATaskTheyTookThemselves() {
		// products whose lifecycles the demo finished: no other test acts on their tasks
		String told = """
				select count(*) from notification where recipient = 'engineer'
				and part_number in ('BRK-1001', 'HSG-2040', 'PMP-3100', 'GBX-6300') and text like ?""";
		assertThat(jdbc.sql(told).param("%waits for your group%").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql(told).param("%waits for you.%").query(Long.class).single()).isZero();
	}

}
