// Wheels installed into Pyodide's file system before Python starts (loadPyodide's fsInit hook),
// so the core's packages cost the worker nothing once the interpreter is up.
//
// pyodide.loadPackage would do the same after start-up, one wheel at a time in Python (a
// temporary file, shutil's unpacker, an import of tarfile just to list the .so files): ~300 ms
// on the worker's only thread, serialized after the runtime. Here the wheels download and
// inflate (the browser's own DecompressionStream) while the runtime is still downloading and
// compiling; fsInit only writes the files. What ends up on disk is what loadPackage writes:
// the wheel's files under site-packages, plus INSTALLER and PYODIDE_SOURCE in its .dist-info,
// from which Pyodide lists the package in pyodide.loadedPackages. A side module (.so) is
// preloaded through Emscripten's FS.preloadFile, which instantiates it before Python's main
// runs, as loadPackage's dlopen would: the core is not ready before its compiled code is.
//
// Every wheel is checked against the lock's sha256 (subresource integrity), as loadPackage does.

const LOCAL_FILE = 0x04034b50;
const CENTRAL_FILE = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
const utf8 = new TextDecoder();

function hexToBase64(hex) {
  let bytes = "";
  for (let i = 0; i < hex.length; i += 2) bytes += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(bytes);
}

/** The entries of a zip archive: {name, method, size, data (the stored, maybe deflated, bytes)}. */
export function zipEntries(zip, label = "archive") {
  const fail = (why) => {
    throw new Error(`${label}: ${why}`);
  };
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  const stop = Math.max(0, zip.length - 22 - 0xffff); // the comment is at most 64 KiB
  while (end >= stop && view.getUint32(end, true) !== END_OF_CENTRAL) end--;
  if (end < stop) fail("not a zip archive (no end of central directory)");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) fail("zip64 archives are not supported");
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL_FILE) fail(`central directory entry ${i} is damaged`);
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = utf8.decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (packed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) fail(`${name}: zip64 entries are not supported`);
    if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL_FILE) fail(`${name}: local header is damaged`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + packed > zip.length) fail(`${name}: data runs past the end of the archive`);
    if (method !== STORED && method !== DEFLATED) fail(`${name}: compression method ${method} is not supported`);
    entries.push({ name, method, size, data: zip.subarray(start, start + packed) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

async function inflate(entry, label) {
  if (entry.method === STORED) {
    if (entry.data.length !== entry.size) throw new Error(`${label}: ${entry.name} is stored with ${entry.data.length} of its ${entry.size} bytes`);
    return entry.data;
  }
  const inflater = new DecompressionStream("deflate-raw");
  const writer = inflater.writable.getWriter();
  writer.write(entry.data).catch(() => {}); // a bad stream shows in the reader
  writer.close().catch(() => {});
  const reader = inflater.readable.getReader();
  const data = new Uint8Array(entry.size);
  let filled = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (filled + chunk.value.length > data.length) throw new Error(`inflates past its size ${entry.size}`);
      data.set(chunk.value, filled);
      filled += chunk.value.length;
    }
  } catch (err) {
    reader.cancel().catch(() => {});
    throw new Error(`${label}: ${entry.name} does not inflate: ${err?.message ?? err}`, { cause: err });
  }
  if (filled !== entry.size) throw new Error(`${label}: ${entry.name} inflated to ${filled} bytes, expected ${entry.size}`);
  return data;
}

/** A relative path inside site-packages, or an error: no absolute paths, no "..", no backslashes. */
function safePath(name, label) {
  const parts = name.split("/");
  if (name.startsWith("/") || name.includes("\\") || parts.some((p) => p === ".." || p === ".")) {
    throw new Error(`${label}: refusing the path ${JSON.stringify(name)}`);
  }
  return name;
}

/**
 * The files of a wheel, inflated: {files: [{path, data}], distInfo}. Refuses paths that would
 * leave site-packages, wheel data directories (which loadPackage would move elsewhere) and
 * anything but one .dist-info.
 */
export async function wheelFiles(zip, label = "wheel") {
  const files = [];
  const distInfos = new Set();
  for (const entry of zipEntries(zip, label)) {
    if (entry.name.endsWith("/")) continue;
    const path = safePath(entry.name, label);
    const top = path.split("/")[0];
    if (top.endsWith(".data")) throw new Error(`${label}: ${top}/ (wheel data files) is not supported`);
    if (top.endsWith(".dist-info")) distInfos.add(top);
    files.push({ path, entry });
  }
  if (distInfos.size !== 1) throw new Error(`${label}: expected one .dist-info directory, found ${distInfos.size}`);
  await Promise.all(files.map(async (file) => {
    file.data = await inflate(file.entry, label);
    delete file.entry;
  }));
  return { files, distInfo: [...distInfos][0] };
}

/** Download one wheel of the lock, checked against its sha256, and inflate it (wheelFiles). */
export async function fetchWheel(lock, name, baseUrl) {
  const entry = lock.packages[name];
  if (!entry) throw new Error(`pyodide-lock.json has no package ${name}`);
  const label = `${name} (${entry.file_name})`;
  let response;
  try {
    response = await fetch(new URL(entry.file_name, baseUrl), { integrity: `sha256-${hexToBase64(entry.sha256)}` });
  } catch (err) {
    throw new Error(`${label}: the download failed or does not match the lock's sha256 (${err?.message ?? err})`, { cause: err });
  }
  if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
  return { name, ...await wheelFiles(new Uint8Array(await response.arrayBuffer()), label) };
}

/** Write the wheels into site-packages; resolves once every side module is instantiated. */
export async function installWheels(FS, sitePackages, wheels) {
  const preloads = [];
  for (const wheel of wheels) {
    for (const { path, data } of wheel.files) {
      const slash = path.lastIndexOf("/");
      const dir = slash < 0 ? sitePackages : `${sitePackages}/${path.slice(0, slash)}`;
      FS.mkdirTree(dir);
      if (path.endsWith(".so")) {
        // Emscripten's wasm preload plugin compiles and instantiates it, then writes the file;
        // Python's dlopen of that path then finds it loaded.
        preloads.push(FS.preloadFile(dir, path.slice(slash + 1), data, true, true, false, true));
      } else {
        FS.writeFile(`${sitePackages}/${path}`, data, { canOwn: true });
      }
    }
    FS.writeFile(`${sitePackages}/${wheel.distInfo}/INSTALLER`, "labelcore-worker\n");
    FS.writeFile(`${sitePackages}/${wheel.distInfo}/PYODIDE_SOURCE`, "pyodide");
  }
  await Promise.all(preloads);
}
