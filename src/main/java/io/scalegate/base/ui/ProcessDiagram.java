package io.scalegate.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import java.util.List;

/**
 * A BPMN model drawn by bpmn-js (navigated viewer, vendored from npm under
 * {@code META-INF/resources/vendor/bpmn-js}), optionally with a path marked: the elements
 * passed in green, where it waits in blue. The bpmn.io watermark stays, as its licence
 * requires.
 */
public class ProcessDiagram extends Div {

	static final String BASE = "context://vendor/bpmn-js/18.6.2/";

	private final String bpmnXml;

	private final List<String> passed;

	private final List<String> current;

	/** A model as it is, with nothing marked (the models view). */
	public static ProcessDiagram of(String bpmnXml) {
		return new ProcessDiagram(bpmnXml, List.of(), List.of());
	}

	/**
	 * A model with the ids of the elements passed and of those active now marked (a
	 * product's way through its lifecycle).
	 */
	public ProcessDiagram(String bpmnXml, List<String> passed, List<String> current) {
		this.bpmnXml = bpmnXml;
		this.passed = List.copyOf(passed);
		this.current = List.copyOf(current);
		setId("process-diagram");
		setWidthFull();
		setHeight("420px");
		getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
			.set("border-radius", "var(--lumo-border-radius-l)")
			.set("position", "relative");
		getElement().setAttribute("data-passed", String.join(",", passed));
		getElement().setAttribute("data-current", String.join(",", current));
	}

	@Override
	protected void onAttach(AttachEvent attach) {
		var page = attach.getUI().getPage();
		page.addStyleSheet(BASE + "diagram-js.css");
		page.addStyleSheet(BASE + "bpmn-js.css");
		page.addStyleSheet(BASE + "bpmn-embedded.css");
		page.addJavaScript(BASE + "bpmn-navigated-viewer.production.min.js");
		getElement().executeJs(
				"""
						const container = this;
						const xml = $0, passed = $1, current = $2;
						const draw = () => {
						  if (!window.BpmnJS) { setTimeout(draw, 100); return; }
						  if (!document.getElementById('sg-diagram-style')) {
						    const style = document.createElement('style');
						    style.id = 'sg-diagram-style';
						    style.textContent = '.sg-passed:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #2e7d32 !important; fill: #e8f5e9 !important; }'
						      + '.sg-current:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #1565c0 !important; stroke-width: 4px !important; fill: #e3f2fd !important; }';
						    document.head.appendChild(style);
						  }
						  const viewer = new window.BpmnJS({ container });
						  viewer.importXML(xml).then(() => {
						    const canvas = viewer.get('canvas');
						    canvas.zoom('fit-viewport');
						    const registry = viewer.get('elementRegistry');
						    passed.forEach(id => registry.get(id) && canvas.addMarker(id, 'sg-passed'));
						    current.forEach(id => registry.get(id) && canvas.addMarker(id, 'sg-current'));
						    container.setAttribute('data-drawn', 'true');
						  }).catch(error => container.setAttribute('data-error', String(error)));
						};
						draw();
						""",
				bpmnXml, array(passed), array(current));
	}

	private static elemental.json.JsonArray array(List<String> ids) {
		elemental.json.JsonArray array = elemental.json.Json.createArray();
		for (int i = 0; i < ids.size(); i++) {
			array.set(i, ids.get(i));
		}
		return array;
	}

}
