// npm run rubrics:schema: writes rubrics/rubric.schema.json from the zod schema.
import fs from "node:fs";
import path from "node:path";
import { RUBRICS_DIR } from "~/data/rubric-files.server";
import { rubricJsonSchemaText } from "~/domain/rubric/json-schema";

const file = path.join(RUBRICS_DIR, "rubric.schema.json");
fs.writeFileSync(file, rubricJsonSchemaText());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
