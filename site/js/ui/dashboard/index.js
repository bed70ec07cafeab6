// Dashboard, a project section: progress over time, annotations per annotator and the label
// distribution, drawn in SVG from the stored annotations (no Python needed).
import { html, useEffect, useState } from "../../lib/html.js";
import { loadCss } from "../../lib/css.js";
import { read } from "../../store/db.js";
import { listProfiles, displayName } from "../../store/profiles.js";
import { progressByDay, perAnnotator, labelDistribution } from "./stats.js";
import { BarChart, ProgressChart } from "./charts.js";

loadCss("css/dashboard.css");

async function loadData(projectId) {
  const [annotations, profiles] = await Promise.all([
    read(["annotations"], (tx) => tx.objectStore("annotations").index("project").getAll(projectId)),
    listProfiles(),
  ]);
  const nameOf = (c) => displayName(c, profiles);
  const annotatedTasks = new Set(annotations.filter((a) => !a.was_cancelled).map((a) => a.task)).size;
  return {
    annotations: annotations.length,
    skipped: annotations.filter((a) => a.was_cancelled).length,
    annotatedTasks,
    days: progressByDay(annotations),
    people: perAnnotator(annotations, nameOf),
    labels: labelDistribution(annotations),
  };
}

function Stat({ label, value, note }) {
  return html`<div class="stat"><span class="muted">${label}</span><b>${value.toLocaleString("en")}</b>${note && html`<small class="muted">${note}</small>`}</div>`;
}

function Panel({ title, children, empty }) {
  return html`<section class="dash-panel" aria-label=${title}><h2>${title}</h2>${empty ? html`<p class="muted dash-empty">${empty}</p>` : children}</section>`;
}

export function Dashboard({ project, counts, navigate }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => { loadData(project.id).then(setData, (err) => setError(String(err?.message ?? err))); }, [project.id, counts.annotations]);
  if (error) return html`<p class="error-text" role="alert">Could not read the annotations: ${error}</p>`;
  if (!data) return html`<p class="muted" aria-busy="true">Counting annotations…</p>`;
  const percent = counts.tasks ? Math.round((data.annotatedTasks * 100) / counts.tasks) : 0;
  const none = !data.annotations;
  return html`<div class="dashboard">
    <div class="project-summary">
      <${Stat} label="Tasks" value=${counts.tasks} />
      <${Stat} label="Annotated tasks" value=${data.annotatedTasks} note=${`${percent}%`} />
      <${Stat} label="Annotations" value=${data.annotations} />
      <${Stat} label="Skipped" value=${data.skipped} />
      <${Stat} label="Predictions" value=${counts.predictions} />
      <${Stat} label="Annotators" value=${data.people.length} />
    </div>
    ${none && html`<div class="notice dash-start"><p>${counts.tasks ? "No annotations yet. Label some tasks and the charts fill in here."
        : "No tasks yet. Import data, label it, and the charts fill in here."}</p>
      ${counts.tasks > 0 && html`<button class="btn primary" type="button" onClick=${() => navigate(`#/projects/${project.id}/label`)}>Label All Tasks</button>`}</div>`}
    <div class="dash-grid">
      <${Panel} title="Progress over time" empty=${none && "Appears with the first annotation."}>
        <${ProgressChart} days=${data.days} total=${counts.tasks} title="Annotations per day and tasks annotated over time" /><//>
      <${Panel} title="Annotations per annotator" empty=${none && "Appears with the first annotation."}>
        <${BarChart} items=${data.people} title="Annotations per annotator" /><//>
      <${Panel} title="Label distribution" empty=${data.labels.length ? null : "Appears once annotations carry labels or choices."}>
        <${BarChart} items=${data.labels} title="How often each label was used" /><//>
    </div>
  </div>`;
}
