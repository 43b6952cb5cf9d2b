// Every pair's shortest routes as the plan page finds them, for tests/test_route_twins.py:
// reads the plan page's data file on standard input, prints {"source target": routes} as JSON.
"use strict";

const path = require("node:path");
const core = require(path.join(__dirname, "..", "..", "macros", "rendering", "assets", "guide-core.js"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const data = JSON.parse(input);
  const routes = {};
  for (const source of Object.keys(data.roles)) {
    for (const target of Object.keys(data.roles)) routes[`${source} ${target}`] = core.shortestRoutes(data, source, target);
  }
  process.stdout.write(JSON.stringify(routes));
});
