// Whether a run in the browser kept the page's promise: the checks of the example suite
// (tests/example_harness/verdict.py), for a run the reader watched. Shared by the page
// (run-button.mjs) and the Node check of every example (tests/pyodide/run_examples.mjs).

// Text as a fenced block can hold it: no trailing spaces, no trailing blank lines.
export function comparableLines(lines) {
  const kept = lines.map((line) => line.replace(/\s+$/, ""));
  while (kept.length && !kept[kept.length - 1]) kept.pop();
  return kept;
}

// A line diff, expected against printed: [{op: " " | "-" | "+", text}], by longest
// common subsequence (outputs are a few dozen lines).
export function lineDiff(expected, printed) {
  const n = expected.length, m = printed.length;
  const common = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      common[i][j] = expected[i] === printed[j]
        ? common[i + 1][j + 1] + 1
        : Math.max(common[i + 1][j], common[i][j + 1]);
  const diff = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === printed[j]) {
      diff.push({ op: " ", text: expected[i++] }); j++;
    } else if (j < m && (i === n || common[i][j + 1] >= common[i + 1][j])) {
      diff.push({ op: "+", text: printed[j++] });
    } else {
      diff.push({ op: "-", text: expected[i++] });
    }
  }
  return diff;
}

function finalException(stderr, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^[\\s|+-]*(?:\\w+\\.)*${escaped}(?::|$)`, "m").test(stderr);
}

// page: {lines, times (seconds or null), duration, tolerance, raises, warns: [text]}
// run: {lines, lineTimes, stderr, status, seconds}
// Returns {matched, problems: [sentence], diff: [...] or null, late: [{n, line, expected, measured}]}
export function verdict(page, run) {
  const problems = [];
  let diff = null;
  const late = [];
  if (page.raises) {
    if (run.status === 0) problems.push(`it should end with ${page.raises} but ended normally`);
    else if (!finalException(run.stderr, page.raises))
      problems.push(`it should end with ${page.raises}, but ended with another error`);
  } else if (run.status !== 0) {
    problems.push(`it ended with an error (exit status ${run.status})`);
  }
  // With raises, warns holds the exception's message, which the traceback ends with.
  if (page.warns.length) {
    const missing = page.warns.filter((text) => !run.stderr.includes(text));
    if (missing.length)
      problems.push(`stderr lacks what the page says it prints: ${missing.join(", ")}`);
  } else if (!page.raises && run.stderr) {
    problems.push("it wrote to stderr, which the checked run did not");
  }
  const expected = comparableLines(page.lines);
  const printed = comparableLines(run.lines);
  if (expected.join("\n") !== printed.join("\n")) {
    diff = lineDiff(expected, printed);
    problems.push("the output differs from the checked one");
  } else if (page.times) {
    printed.forEach((line, index) => {
      const want = page.times[index], got = run.lineTimes[index];
      if (want === undefined) return;
      if (!(want - page.tolerance <= got && got <= want + page.tolerance))
        late.push({ n: index + 1, line, expected: want, measured: got });
    });
    if (late.length)
      problems.push(`${late.length} line(s) came outside ±${page.tolerance} s of their time`);
  }
  const shortest = page.duration - page.tolerance, longest = page.duration + page.tolerance;
  if (!(shortest <= run.seconds && run.seconds <= longest))
    problems.push(
      `it took ${run.seconds.toFixed(2)} s; the page says ~${page.duration} s ` +
        `(±${page.tolerance} s)`,
    );
  return { matched: problems.length === 0, problems, diff, late };
}
