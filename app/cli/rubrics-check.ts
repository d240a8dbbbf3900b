/**
 * npm run rubrics:check: validates every rubric file under rubrics/ and exits non-zero with
 * one line per problem, each naming the file and the place in it.
 */
import { readRubricSources } from "~/data/rubric-files.server";
import { readCatalogue } from "~/domain/rubric/catalogue";

const sources = readRubricSources();
const { rubrics, errors } = readCatalogue(sources);

if (errors.length > 0) {
  for (const error of errors) console.error(error);
  console.error(`\n${errors.length} problem${errors.length === 1 ? "" : "s"} in ${sources.length} rubric file(s).`);
  process.exit(1);
}
for (const r of rubrics) console.log(`ok  rubrics/${r.track}/v${r.version}.yaml  ${r.name} v${r.version}`);
console.log(`${rubrics.length} rubric file(s) valid.`);
