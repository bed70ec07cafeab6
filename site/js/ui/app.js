// The app shell: top bar (brand, breadcrumbs, the core's state, the profile menu) and a hash router, so the
// site works from any sub-path (GitHub Pages) with no server-side routing.
import { html, useEffect, useState } from "../lib/html.js";
import { CoreStatus } from "./core-status.js";
import { ProfileMenu } from "./profile-menu.js";
import { ProjectsPage } from "./projects.js";
import { ProjectPage } from "./project.js";
import { AppContext } from "./context.js";

const ROUTES = [
  [/^#\/projects\/(\d+)(?:\/([a-z-]+))?(?:\/([^?]*))?(?:\?(.*))?$/, (m, ctx) => html`<${ProjectPage} key=${m[1]} id=${Number(m[1])}
      section=${m[2] || "data"} rest=${m[3] || ""} query=${new URLSearchParams(m[4] || "")} onTitle=${ctx.setTitle} />`],
  [/^(#\/?(projects)?)?$/, (_m, ctx) => html`<${ProjectsPage} navigate=${ctx.navigate} />`],
];

function useHash() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return hash;
}

export function App({ core }) {
  const hash = useHash();
  const [title, setTitle] = useState(null);
  const navigate = (to) => { location.hash = to; };
  const route = ROUTES.map(([re, view]) => [re.exec(hash), view]).find(([m]) => m);
  const inProject = /^#\/projects\/\d+/.test(hash);
  useEffect(() => { document.title = inProject && title ? `${title} · Labelcore` : "Labelcore"; }, [hash, title]);
  return html`<${AppContext.Provider} value=${{ core, navigate }}>
    <header class="topbar">
      <a class="brand" href="#/projects"><span class="brand-mark" aria-hidden="true"></span>Labelcore</a>
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href="#/projects">Projects</a>
        ${inProject && title && html`<span class="sep">/</span><span aria-current="page">${title}</span>`}
      </nav>
      <span class="spacer"></span>
      <${CoreStatus} core=${core} />
      <${ProfileMenu} />
    </header>
    <main class="page">
      ${route ? route[1](route[0], { navigate, setTitle }) : html`<div class="notice" role="alert"><p>Nothing lives at this address.</p><a href="#/projects">Back to Projects</a></div>`}
    </main>
  <//>`;
}
