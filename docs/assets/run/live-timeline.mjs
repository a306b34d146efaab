// A run's timeline, drawn live as its lines are printed: one mark per line at its time,
// on the lane "Your run", under the lane of the page's checked times (the example's
// output block, or an exercise's goal), so a reader sees their 6 s beside the goal's 2 s.
// In the style of the checked timelines the build draws (src/checked_examples/markdown/
// timeline.py: the same classes, so the same colours in both schemes), with its text
// alternative in the SVG's <desc> and, once the run ends, in its caption.
//
// run-button.mjs calls it: liveTimeline(where, promise) when a run starts; .mark(t) for
// each printed line; .end(seconds) when it ends.

const SVG = "http://www.w3.org/2000/svg";
const LABEL_WIDTH = 90;
const PLOT_WIDTH = 460;
const LANE_HEIGHT = 26;
const TOP = 8;

let counter = 0;

function svgElement(tag, attributes = {}, text = "") {
  const made = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
  if (text) made.textContent = text;
  return made;
}

const at = (seconds) => `${seconds.toFixed(1)} s`;

function listed(times) {
  if (times.length === 0) return "no line";
  const said = times.map(at);
  return `${times.length} line${times.length === 1 ? "" : "s"}, at ${said.join(", ")}`;
}

// `where`: the element the figure goes in (replacing the previous run's); `promise`: the
// page's promise (run-button.mjs pagePromise): its recorded times and duration.
export function liveTimeline(where, promise) {
  where.querySelector(":scope > .example-live-timeline")?.remove();
  const goal = (promise.times ?? "").split(/\s+/).filter(Boolean).map(Number).filter(Number.isFinite);
  const ident = `live-timeline-${++counter}`;
  const figure = document.createElement("figure");
  figure.className = "example-timeline example-live-timeline";
  const svg = svgElement("svg", { role: "img", "aria-labelledby": `${ident}-title ${ident}-desc`, xmlns: SVG });
  const caption = document.createElement("figcaption");
  caption.textContent = "Your run's timeline: a mark for each line as it is printed.";
  figure.append(svg, caption);
  where.append(figure);
  const run = [];
  let ended = null;

  function description() {
    const mine = `Your run: ${listed(run)}${ended === null ? ", still running" : `; it ended at ${ended.toFixed(2)} s`}.`;
    const page = goal.length ? ` The page: ${listed(goal)}; it ends at about ${promise.duration} s.` : "";
    return mine + page;
  }

  function draw() {
    const lanes = goal.length ? [["The page", goal, "tl-mark--page"], ["Your run", run, "tl-mark--run"]] : [["Your run", run, "tl-mark--run"]];
    const axis = Math.max(1, promise.duration || 0, ...goal, ...run, ended ?? 0);
    const step = axis > 12 ? Math.ceil(axis / 12) : 1; // at most a dozen ticks
    const scale = PLOT_WIDTH / axis;
    const height = TOP + LANE_HEIGHT * lanes.length + 30;
    svg.setAttribute("viewBox", `0 0 ${LABEL_WIDTH + PLOT_WIDTH + 20} ${height}`);
    svg.replaceChildren(
      svgElement("title", { id: `${ident}-title` }, "Timeline of your run, beside the page's"),
      svgElement("desc", { id: `${ident}-desc` }, description()),
    );
    for (let second = 0; second <= axis; second += step) {
      const x = (LABEL_WIDTH + second * scale).toFixed(1);
      svg.append(
        svgElement("line", { class: "tl-grid", x1: x, y1: TOP, x2: x, y2: height - 22 }),
        svgElement("text", { class: "tl-tick", x, y: height - 8 }, `${second} s`),
      );
    }
    lanes.forEach(([label, times, kind], row) => {
      const y = TOP + row * LANE_HEIGHT;
      svg.append(svgElement("text", { class: "tl-label", x: LABEL_WIDTH - 8, y: y + 17 }, label));
      for (const t of times) {
        svg.append(svgElement("rect", { class: `tl-bar ${kind}`, x: (LABEL_WIDTH + t * scale - 1.5).toFixed(1), y: y + 5, width: 3, height: LANE_HEIGHT - 10, rx: 1 }));
      }
    });
    if (ended !== null) {
      const x = (LABEL_WIDTH + ended * scale).toFixed(1);
      svg.append(svgElement("line", { class: "tl-end", x1: x, y1: TOP, x2: x, y2: height - 22 }));
    }
  }

  draw();
  return {
    mark(t) {
      run.push(t);
      draw();
    },
    end(seconds) {
      ended = seconds;
      draw();
      caption.textContent = description() + " The dashed line marks your run's end.";
    },
  };
}
