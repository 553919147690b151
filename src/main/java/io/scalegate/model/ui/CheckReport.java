package io.scalegate.model.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.scalegate.base.Count;
import io.scalegate.model.ModelProblem;
import io.scalegate.model.cases.CaseRun.CaseResult;
import io.scalegate.model.cases.CaseRun.RuleCoverage;
import io.scalegate.model.change.ChangeCheck;

/**
 * A change's check as a reviewer reads it: the verdict, the validation problems by
 * element, what changes, each decision test case with expected and actual outputs, and
 * each rule with the cases that reached it.
 */
class CheckReport extends VerticalLayout {

	CheckReport(ChangeCheck check) {
		setPadding(false);
		setId("check-report");
		Span verdict = new Span(
				check.passed()
						? "Ready to deploy: the models validate" + (check.cases() == null ? ""
								: " and all " + check.cases().cases().size() + " decision test cases pass")
						: check.verdict());
		verdict.setId("check-verdict");
		verdict.getElement().getThemeList().add("badge " + (check.passed() ? "success" : "error"));
		add(verdict);
		if (!check.problems().isEmpty()) {
			add(new H4("Problems"));
			Grid<ModelProblem> problems = new Grid<>();
			problems.setId("check-problems");
			problems.addColumn(ModelProblem::file).setHeader("File").setAutoWidth(true);
			problems.addColumn(ModelProblem::element).setHeader("Element").setAutoWidth(true);
			problems.addColumn(ModelProblem::message).setHeader("Problem").setFlexGrow(1);
			problems.setItems(check.problems());
			problems.setAllRowsVisible(true);
			add(problems);
		}
		add(new H4("What changes"));
		UnorderedList summary = new UnorderedList();
		summary.setId("check-summary");
		check.summary().forEach(line -> summary.add(new ListItem(line)));
		add(summary);
		if (check.cases() != null && check.cases().refused()) {
			add(new H4("Decision test cases"));
			Paragraph refused = new Paragraph("The decision test cases were " + check.cases().refusal());
			refused.setId("cases-not-run");
			add(refused);
		}
		else if (check.cases() != null) {
			add(new H4("Decision test cases"));
			Grid<CaseResult> cases = new Grid<>();
			cases.setId("case-results");
			cases.addThemeVariants(GridVariant.LUMO_COMPACT);
			cases
				.addComponentColumn(
						result -> badge(result.passed() ? "pass" : "fail", result.passed() ? "success" : "error"))
				.setHeader("Result")
				.setAutoWidth(true)
				.setFlexGrow(0);
			cases.addColumn(result -> result.testCase().decisionKey()).setHeader("Decision").setAutoWidth(true);
			cases.addColumn(result -> result.testCase().name()).setHeader("Case").setAutoWidth(true);
			cases.addColumn(result -> result.testCase().expected()).setHeader("Expected").setAutoWidth(true);
			cases.addColumn(CaseResult::actual).setHeader("Actual").setAutoWidth(true);
			cases.addColumn(result -> String.join(", ", result.matchedRules()))
				.setHeader("Rules matched")
				.setAutoWidth(true);
			cases.addColumn(CaseResult::message).setHeader("Why it fails").setAutoWidth(true);
			cases.setItems(
					check.cases().cases().stream().sorted(java.util.Comparator.comparing(CaseResult::passed)).toList());
			cases.setAllRowsVisible(true);
			add(cases);
			add(new H4("Rule by rule"));
			add(new Paragraph(check.cases().uncoveredRules() == 0 ? "Every rule is reached by at least one case."
					: Count.of(check.cases().uncoveredRules(), "rule is", "rules are")
							+ " reached by no case: add cases for them."));
			Grid<RuleCoverage> rules = new Grid<>();
			rules.setId("rule-coverage");
			rules.addThemeVariants(GridVariant.LUMO_COMPACT);
			rules
				.addComponentColumn(rule -> rule.caseNames().isEmpty() ? badge("no case", "contrast")
						: rule.anyFailed() ? badge("failing", "error") : badge("passing", "success"))
				.setHeader("Rule")
				.setAutoWidth(true)
				.setFlexGrow(0);
			rules.addColumn(rule -> rule.decisionKey() + " #" + rule.number()).setHeader("Decision").setAutoWidth(true);
			rules.addColumn(RuleCoverage::conditions).setHeader("When").setAutoWidth(true);
			rules.addColumn(RuleCoverage::outputs).setHeader("Then").setAutoWidth(true);
			rules.addColumn(rule -> String.join("; ", rule.caseNames())).setHeader("Cases").setFlexGrow(1);
			rules.setItems(check.cases().rules());
			rules.setAllRowsVisible(true);
			add(rules);
		}
	}

	private static Span badge(String text, String theme) {
		Span badge = new Span(text);
		badge.getElement().getThemeList().add("badge " + theme);
		return badge;
	}

}
