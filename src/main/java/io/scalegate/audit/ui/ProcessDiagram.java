package io.scalegate.audit.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import io.scalegate.audit.ProcessPath.Path;

/**
 * The lifecycle's BPMN drawn by bpmn-js (navigated viewer, vendored from npm under
 * {@code META-INF/resources/vendor/bpmn-js}): the elements passed in green, where it
 * waits in blue. The bpmn.io watermark stays, as its licence requires.
 */
public class ProcessDiagram extends Div {

	static final String BASE = "context://vendor/bpmn-js/18.6.2/";

	private final Path path;

	/** A model as it is, with nothing marked (the models view). */
	public static ProcessDiagram of(String bpmnXml, String version) {
		return new ProcessDiagram(new Path(bpmnXml, version, java.util.List.of(), java.util.List.of()));
	}

	ProcessDiagram(Path path) {
		this.path = path;
		setId("process-diagram");
		setWidthFull();
		setHeight("420px");
		getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
			.set("border-radius", "var(--lumo-border-radius-l)")
			.set("position", "relative");
		getElement().setAttribute("data-passed", String.join(",", path.passed()));
		getElement().setAttribute("data-current", String.join(",", path.current()));
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
				path.bpmnXml(), array(path.passed()), array(path.current()));
	}

	private static elemental.json.JsonArray array(java.util.List<String> ids) {
		elemental.json.JsonArray array = elemental.json.Json.createArray();
		for (int i = 0; i < ids.size(); i++) {
			array.set(i, ids.get(i));
		}
		return array;
	}

}
