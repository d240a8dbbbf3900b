// Ceiling: a bare node:http server that renders a comparable table with React's renderToString
// on every request: what server rendering costs with no data access, routing or framework.
import http from "node:http";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";

const [rows, port] = process.argv.slice(2).map(Number);
const data = Array.from({ length: rows! }, (_, i) => ({
  name: `Competency ${i}`,
  ratings: [1 + (i % 4), 1 + ((i + 1) % 4), 1 + ((i + 2) % 4)],
  evidence: `Evidence ${i}: a sentence or two of what the interviewer saw, long enough to be realistic for a scorecard row.`,
}));

function Page() {
  return h(
    "html",
    null,
    h("body", null, h("main", null, h("h1", null, "Committee review"), h("table", null,
      h("thead", null, h("tr", null, h("th", null, "Competency"), h("th", null, "Ratings"), h("th", null, "Mean"), h("th", null, "Evidence"))),
      h("tbody", null, data.map((row) =>
        h("tr", { key: row.name }, h("th", { scope: "row" }, row.name), h("td", null, row.ratings.join(" · ")),
          h("td", null, (row.ratings.reduce((a, b) => a + b, 0) / row.ratings.length).toFixed(2)), h("td", null, h("p", null, row.evidence)))),
      ),
    ))),
  );
}

http
  .createServer((_request, response) => {
    const html = "<!DOCTYPE html>" + renderToString(h(Page));
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html);
  })
  .listen(port, "127.0.0.1");
