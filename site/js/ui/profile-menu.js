// Who is labeling: the profile menu in the top bar (switch, add, edit) and the welcome dialog
// that asks a first-time visitor for a name and email. No server: profiles live in IndexedDB.
import { html, useEffect, useState, useRef } from "../lib/html.js";
import { loadCss } from "../lib/css.js";
import {
  currentProfile, listProfiles, switchProfile, createProfile, updateProfile, postponeWelcome, onProfileChange,
} from "../store/profiles.js";
import { Modal } from "./dialog.js";

loadCss("css/projects.css");

/** The current profile, kept fresh across switches (null until read). */
export function useProfile() {
  const [profile, setProfile] = useState(null);
  useEffect(() => {
    let live = true;
    currentProfile().then((p) => live && setProfile(p), (err) => console.error("labelcore: no profile", err));
    const off = onProfileChange((p) => live && setProfile(p));
    return () => { live = false; off(); };
  }, []);
  return profile;
}

const initials = (name) => name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join("") || "?";

export function ProfileMenu() {
  const profile = useProfile();
  const [open, setOpen] = useState(false);
  const [profiles, setProfiles] = useState([]);
  const [form, setForm] = useState(null); // null | {mode: "add"|"edit"}
  const ref = useRef(null);
  useEffect(() => {
    if (!open) return undefined;
    listProfiles().then(setProfiles);
    const away = (e) => { if (!ref.current?.contains(e.target)) setOpen(false); };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  if (!profile) return null;
  const pick = async (id) => { setOpen(false); await switchProfile(id); };
  return html`<div class="profile" ref=${ref}>
    <button class="profile-button" type="button" aria-haspopup="menu" aria-expanded=${open}
      aria-label=${`Profile: ${profile.name}`} title=${profile.email || profile.name} onClick=${() => setOpen(!open)}>
      <span class="avatar" aria-hidden="true">${initials(profile.name)}</span><span class="profile-name">${profile.name}</span>
    </button>
    ${open && html`<div class="menu profile-list" role="menu" aria-label="Profiles" onKeyDown=${(e) => e.key === "Escape" && setOpen(false)}>
      ${profiles.map((p) => html`<button key=${p.id} type="button" role="menuitemradio" aria-checked=${p.id === profile.id}
          onClick=${() => pick(p.id)}><span class="avatar small" aria-hidden="true">${initials(p.name)}</span>
          <span class="who"><b>${p.name}</b><small>${p.email || "no email"}</small></span></button>`)}
      <hr />
      <button type="button" role="menuitem" onClick=${() => { setOpen(false); setForm({ mode: "edit" }); }}>Edit profile</button>
      <button type="button" role="menuitem" onClick=${() => { setOpen(false); setForm({ mode: "add" }); }}>Add profile</button>
    </div>`}
    ${form && html`<${ProfileDialog} title=${form.mode === "add" ? "Add profile" : "Edit profile"}
        initial=${form.mode === "add" ? { name: "", email: "" } : profile}
        onSave=${(fields) => (form.mode === "add" ? createProfile(fields) : updateProfile(profile.id, fields))}
        onClose=${() => setForm(null)} />`}
  </div>`;
}

function ProfileFields({ name, email, setName, setEmail, idPrefix }) {
  return html`
    <div class="field"><label for=${`${idPrefix}-name`}>Your name</label>
      <input id=${`${idPrefix}-name`} type="text" required maxlength="100" autocomplete="name" value=${name} onInput=${(e) => setName(e.target.value)} /></div>
    <div class="field"><label for=${`${idPrefix}-email`}>Email</label>
      <input id=${`${idPrefix}-email`} type="text" inputmode="email" autocomplete="email" value=${email} onInput=${(e) => setEmail(e.target.value)} />
      <span class="hint">Stored in this browser only; exports name you as the annotator.</span></div>`;
}

function useProfileForm(initial, onSave, onDone) {
  const [name, setName] = useState(initial.name ?? "");
  const [email, setEmail] = useState(initial.email ?? "");
  const [error, setError] = useState(null);
  const submit = async (event) => {
    event?.preventDefault();
    try { await onSave({ name, email }); onDone(); } catch (err) { setError(String(err?.message ?? err)); }
  };
  return { name, email, setName, setEmail, error, submit };
}

function ProfileDialog({ title, initial, onSave, onClose }) {
  const f = useProfileForm(initial, onSave, onClose);
  return html`<${Modal} title=${title} onClose=${onClose} footer=${html`
      <button class="btn" type="button" onClick=${onClose}>Cancel</button>
      <button class="btn primary" type="submit" form="profile-form">Save</button>`}>
    <form id="profile-form" onSubmit=${f.submit}>
      <${ProfileFields} ...${f} idPrefix="profile" />
      ${f.error && html`<p class="error-text" role="alert">${f.error}</p>`}
    </form>
  <//>`;
}

/** Shown (not modal: nothing is blocked) while the current profile is the provisional one. */
export function WelcomeDialog() {
  const profile = useProfile();
  const [hidden, setHidden] = useState(false);
  const f = useProfileForm({ name: "", email: "" }, (fields) => updateProfile(profile.id, fields), () => setHidden(true));
  if (!profile?.provisional || profile.welcome_later || hidden) return null;
  // Hidden once written (the profile comes back with welcome_later), so a reload keeps it away.
  const later = () => postponeWelcome(profile.id).catch((err) => { console.error("labelcore: Later not kept", err); setHidden(true); });
  return html`<dialog open class="welcome" aria-labelledby="welcome-title">
    <form onSubmit=${f.submit}>
      <h2 id="welcome-title">Welcome to Labelcore</h2>
      <p class="muted">Who is labeling? Your annotations are recorded under this profile. You can switch
        or add profiles later from the menu at the top right.</p>
      <div class="welcome-fields"><${ProfileFields} ...${f} idPrefix="welcome" /></div>
      ${f.error && html`<p class="error-text" role="alert">${f.error}</p>`}
      <div class="welcome-actions">
        <button class="btn" type="button" onClick=${later}>Later</button>
        <button class="btn primary" type="submit">Continue</button>
      </div>
    </form>
  </dialog>`;
}
