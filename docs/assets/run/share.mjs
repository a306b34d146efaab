// A program shared as a link: the Share button beside an edited program (run-button.mjs)
// copies the page's address with the program in its fragment, and a page opened from
// such a link shows that program in its example's editor, marked as coming from the
// link, to run only when the reader presses Run.
//
// The fragment is `#run=<program>&example=<name>`: the program's UTF-8 bytes, compressed
// with deflate where the browser has CompressionStream ("d." before them) or not ("t."),
// in base64url; the example is the controls' data-name. A browser never sends a fragment
// to a server: the program stays between the two readers.

const PREFIX = "#run=";

function toBase64url(bytes) {
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function through(stream, bytes) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** The fragment that carries `source` for the example named `name`. */
export async function fragment(source, name) {
  const bytes = new TextEncoder().encode(source);
  let packed = `t.${toBase64url(bytes)}`;
  if (typeof CompressionStream === "function") {
    const deflated = `d.${toBase64url(await through(new CompressionStream("deflate-raw"), bytes))}`;
    if (deflated.length < packed.length) packed = deflated;
  }
  return `${PREFIX}${packed}&example=${encodeURIComponent(name)}`;
}

/** What a fragment carries, {source, name}, or null when it carries no program. */
export async function read(hash) {
  if (!hash.startsWith(PREFIX)) return null;
  const params = new URLSearchParams(hash.slice(1));
  const packed = params.get("run") ?? "";
  const name = params.get("example") ?? "";
  let bytes = fromBase64url(packed.slice(2));
  if (packed.startsWith("d.")) bytes = await through(new DecompressionStream("deflate-raw"), bytes);
  else if (!packed.startsWith("t.")) throw new Error("the link's program is in an unknown form");
  return { source: new TextDecoder("utf-8", { fatal: true }).decode(bytes), name };
}

/** Copy a link to this page holding `source`; say so in `status` (or show the link). */
export async function share(source, name, status) {
  const link = `${location.origin}${location.pathname}${location.search}${await fragment(source, name)}`;
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = "Link copied. Your program is in the link itself (after #), which browsers never send to a server.";
  } catch {
    status.textContent = "Your browser did not let the page copy the link: copy it from the box below.";
    const box = document.createElement("input");
    Object.assign(box, { type: "text", readOnly: true, value: link, className: "example-run__link" });
    box.setAttribute("aria-label", "Link to your program");
    status.after(box);
    box.select();
  }
  return link;
}

/** Show the program this page's link carries, if any, in its example's editor; `open`
 * opens the editor of the example named so and returns its text box, or null. */
export async function openShared(open) {
  let shared;
  try {
    shared = await read(location.hash);
  } catch (error) {
    console.warn("shared program:", error);
    return;
  }
  const text = shared && open(shared.name);
  if (!text) return;
  text.value = shared.source;
  const notice = document.createElement("p");
  notice.className = "example-run__from-link";
  notice.id = `${text.id}-from-link`;
  notice.textContent =
    "This program came from a link, not from this page: it is not the page's checked program. " +
    "Read it first; it runs only when you press Run.";
  text.closest(".example-run__editor").prepend(notice);
  text.setAttribute("aria-describedby", notice.id);
  notice.scrollIntoView({ block: "center" });
}
