/**
 * npm run rubrics:check: validates every rubric file under rubrics/ (or the folder given as an
 * argument) and exits non-zero with one line per problem, each naming the file and the place in it.
 */
import path from "node:path";
import { readRubricSources } from "~/data/rubric-files.server";
import { readCatalogue } from "~/domain/rubric/catalogue";

const sources = readRubricSources(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
const { rubrics, errors } = readCatalogue(sources);

if (errors.length > 0) {
  for (const error of errors) console.error(error);
  console.error(`\n${errors.length} problem${errors.length === 1 ? "" : "s"} in ${sources.length} rubric file(s).`);
  process.exit(1);
}
for (const s of sources) console.log(`ok  ${s.path}`);
console.log(`${rubrics.length} rubric file(s) valid.`);
