package io.scalegate.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;

/**
 * Checks models before they are deployed, together as one deployment: the XML parses
 * safely ({@link XmlSafety}), nothing runs arbitrary code ({@link CodeSafety}:
 * expressions only in the {@link ExpressionGrammar}, decisions in FEEL only), Camunda's
 * model parsers accept it, every form reference resolves to a form of the deployment
 * holding the keys the process reads ({@link FormReferences}), the lifecycle keeps its
 * contract tasks, groups and decisions ({@link LifecycleContract}), the gate decisions
 * keep the public contract ({@link DecisionContract}) and the deliverables checklist its
 * own ({@link DeliverablesContract}).
 */
@Service
public class ModelValidation {

	private final ObjectMapper json;

	ModelValidation(ObjectMapper json) {
		this.json = json;
	}

	public List<ModelProblem> validate(Collection<ModelFile> files) {
		List<ModelProblem> problems = new ArrayList<>();
		FormReferences forms = new FormReferences(json);
		for (ModelFile file : files) {
			if (kind(file).equals("form")) {
				forms.read(file, problems);
			}
		}
		for (ModelFile file : files) {
			switch (kind(file)) {
				case "bpmn" -> bpmn(file, forms, problems);
				case "dmn" -> dmn(file, problems);
				case "form" -> {
				}
				default ->
					problems.add(new ModelProblem(file.name(), "", "only .bpmn, .dmn and .form files can be deployed"));
			}
		}
		return problems;
	}

	public static String kind(ModelFile file) {
		String name = file.name().toLowerCase(Locale.ROOT);
		if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
			return "bpmn";
		}
		if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
			return "dmn";
		}
		return name.endsWith(".form") ? "form" : "other";
	}

	private static void bpmn(ModelFile file, FormReferences forms, List<ModelProblem> problems) {
		Document document = XmlSafety.parse(file, problems);
		if (document == null) {
			return;
		}
		CodeSafety.bpmn(file, document, problems);
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
		}
		catch (RuntimeException e) {
			problems.add(ModelProblem.unreadable(file, "Camunda cannot read it as BPMN", e));
			return;
		}
		forms.check(file, model, problems);
		LifecycleContract.check(file, model, problems);
	}

	private static void dmn(ModelFile file, List<ModelProblem> problems) {
		Document document = XmlSafety.parse(file, problems);
		if (document == null) {
			return;
		}
		CodeSafety.dmn(file, document, problems);
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
			DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
				.buildEngine()
				.parseDecisionRequirementsGraph(model);
		}
		catch (RuntimeException e) {
			problems.add(ModelProblem.unreadable(file, "Camunda cannot read it as DMN", e));
			return;
		}
		DecisionContract.check(file, model, problems);
		DeliverablesContract.check(file, model, problems);
		FeelSyntax.check(file, model, problems);
	}

}
