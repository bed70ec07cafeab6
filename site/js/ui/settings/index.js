// Settings, a project section (#/projects/:id/settings/:s): General, Labeling Setup, Instructions,
// Annotation, Backup and Danger Zone. Each part saves into the project (settings keys are
// documented in store/projects.js) and calls refresh() so the whole project page sees the change.
import { html } from "../../lib/html.js";
import { loadCss } from "../../lib/css.js";
import { Lazy } from "../lazy.js";
import { General, Instructions, Annotation } from "./sections.js";
import { Backup, DangerZone } from "./danger.js";

loadCss("css/settings.css");

const loadSetup = () => import("../setup/index.js").then((m) => m.LabelingSetup);

function LabelingSetupPart({ project, refresh }) {
  return html`<${Lazy} loader=${loadSetup} label="the Labeling Setup" props=${{ project, onSaved: refresh }} />`;
}

export const PARTS = {
  general: { title: "General", component: General },
  labeling: { title: "Labeling Setup", component: LabelingSetupPart },
  instructions: { title: "Instructions", component: Instructions },
  annotation: { title: "Annotation", component: Annotation },
  backup: { title: "Backup", component: Backup },
  danger: { title: "Danger Zone", component: DangerZone },
};

export function Settings(props) {
  const key = props.rest.split("/")[0] || "general";
  const part = PARTS[key];
  const base = `#/projects/${props.project.id}/settings`;
  return html`<div class="settings">
    <nav class="settings-nav" aria-label="Settings">
      ${Object.entries(PARTS).map(([k, p]) => html`<a href=${`${base}/${k}`} class=${k === "danger" ? "danger" : ""}
          aria-current=${k === key ? "page" : undefined}>${p.title}</a>`)}
    </nav>
    <section class="settings-body" aria-label=${part ? part.title : "Settings"}>
      ${part ? html`<${part.component} key=${key} ...${props} />`
             : html`<div class="notice" role="alert"><p>Settings has no “${key}” part.</p><a href=${base}>Back to General</a></div>`}
    </section>
  </div>`;
}
