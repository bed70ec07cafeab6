// Annotator identity without a server: local profiles {id, name, email, created_at, provisional}.
// Reads and writes only through db.js.
//
// The current profile's id lives in the app-wide settings store under "profile". The first
// call to currentProfile() in a fresh browser creates a provisional profile ("Annotator", no
// email) so labeling never waits on anyone; the welcome dialog (ui/profile-menu.js) then asks
// for a name and email and clears `provisional`; its "Later" sets `welcome_later` on the
// provisional profile, so the dialog stays away after a reload too. Annotations record `completed_by` = profile id.
//
//   currentProfile()            -> Promise<profile>   (never null: creates the first one)
//   listProfiles()              -> Promise<profile[]> (oldest first)
//   createProfile({name,email}) -> Promise<profile>   (becomes the current one)
//   switchProfile(id)           -> Promise<profile>
//   updateProfile(id, changes)  -> Promise<profile>
//   postponeWelcome(id)         -> Promise<profile>   (the welcome dialog's "Later", kept)
//   onProfileChange(fn)         -> unsubscribe; fn(profile) after create/switch/update
//                                  (in this tab and, through BroadcastChannel, in others)

import { db, write, now, getSetting, setSetting } from "./db.js";

const KEY = "profile";
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const listeners = new Set();
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("labelcore-profile") : null;
let pending = null;

function notify(profile, broadcast = true) {
  for (const fn of listeners) fn(profile);
  if (broadcast) channel?.postMessage({ id: profile.id });
}

channel?.addEventListener("message", async () => {
  const profile = await currentProfile();
  notify(profile, false);
});

export function onProfileChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function clean({ name, email }) {
  const n = String(name ?? "").trim();
  const e = String(email ?? "").trim();
  if (!n) throw new Error("A profile needs a name.");
  if (n.length > 100) throw new Error("A name has at most 100 characters.");
  if (e && !EMAIL.test(e)) throw new Error(`“${e}” does not look like an email address.`);
  return { name: n, email: e };
}

export async function listProfiles() {
  return (await db()).getAll("profiles");
}

export async function getProfile(id) {
  return (await db()).get("profiles", id);
}

async function addProfile(fields) {
  const profile = { ...fields, created_at: now() };
  const id = await write(["profiles", "settings"], async (tx) => {
    const newId = await tx.objectStore("profiles").add(profile);
    await tx.objectStore("settings").put({ key: KEY, value: newId });
    return newId;
  });
  return { ...profile, id };
}

/** The profile annotations are recorded under; creates a provisional one on first use. */
export function currentProfile() {
  // One creation at a time, even when several screens ask at once on first visit.
  if (pending) return pending;
  pending = (async () => {
    const id = await getSetting(KEY);
    const found = id === undefined ? undefined : await getProfile(id);
    if (found) return found;
    const first = (await listProfiles())[0];
    if (first) { await setSetting(KEY, first.id); return first; }
    return addProfile({ name: "Annotator", email: "", provisional: true });
  })().finally(() => { pending = null; });
  return pending;
}

export async function createProfile(fields) {
  const profile = await addProfile({ ...clean(fields), provisional: false });
  notify(profile);
  return profile;
}

export async function switchProfile(id) {
  const profile = await getProfile(id);
  if (!profile) throw new Error(`There is no profile ${id}.`);
  await setSetting(KEY, id);
  notify(profile);
  return profile;
}

// Rewrite profile `id` as change(current) in one transaction, then tell the listeners.
async function changeProfile(id, change) {
  const profile = await write(["profiles"], async (tx) => {
    const store = tx.objectStore("profiles");
    const current = await store.get(id);
    if (!current) throw new Error(`There is no profile ${id}.`);
    const next = { ...change(current), id };
    await store.put(next);
    return next;
  });
  notify(profile);
  return profile;
}

export function updateProfile(id, changes) {
  return changeProfile(id, (current) => ({ ...current, ...clean({ ...current, ...changes }), provisional: false }));
}

/** The welcome dialog's "Later": the profile stays provisional, the dialog stays away. */
export function postponeWelcome(id) {
  return changeProfile(id, (current) => ({ ...current, welcome_later: true }));
}

/** A person's name for an annotation's completed_by (a profile id, or {email} from an import). */
export function displayName(completedBy, profiles) {
  if (completedBy && typeof completedBy === "object") {
    const byEmail = profiles.find((p) => p.email && p.email === completedBy.email);
    return byEmail ? byEmail.name : String(completedBy.email ?? "unknown");
  }
  const byId = profiles.find((p) => p.id === completedBy);
  return byId ? byId.name : completedBy == null ? "unknown" : `#${completedBy}`;
}
