#!/usr/bin/env node
// Writes charters/charter.schema.json from the zod schema (through the built package:
// run `npm run generate:schema`, which builds first). test/charter.test.ts fails when the
// committed file differs from what the schema gives.
import { writeFileSync } from "node:fs";
import { charterJsonSchema } from "../dist/index.js";

const out = new URL("../charters/charter.schema.json", import.meta.url);
writeFileSync(out, `${JSON.stringify(charterJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
