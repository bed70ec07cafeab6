// Whether every change the page holds is written to IndexedDB, shown as <html data-saved="true">
// ("false" while any is not). Work written later than it happens (a labeling draft due after the
// typing stops, a Data Manager tab saved a moment after its last change) and a write under way hold
// a mark until they are done, so a test, or a person's tooling, waits for the write itself instead
// of sleeping past a delay. On <html>, not a screen: a Submit or a reload may leave the screen first.
let held = 0;

function show() {
  const root = globalThis.document?.documentElement;
  if (root) root.dataset.saved = String(held === 0);
}
show();

/** Mark a change as not written yet; the returned function (idempotent) says it is done. */
export function holdUnsaved() {
  held++;
  show();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    held--;
    show();
  };
}

/** The change is written once `promise` settles (either way): returns the promise. */
export function whileWriting(promise) {
  const release = holdUnsaved();
  promise.then(release, release);
  return promise;
}
