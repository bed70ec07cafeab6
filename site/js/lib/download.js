// Hand bytes or text to the browser as a file download: nothing leaves the machine.

/** Save `content` (bytes, text or a Blob) as `filename` through a Blob URL and <a download>. */
export function saveFile(content, filename, mime = "application/octet-stream") {
  const blob = content instanceof Blob ? content : new Blob([content], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
