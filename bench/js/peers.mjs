// Runs chrono-node (time expressions) and compromise (entities) over the
// article bodies that bench/bare wrote, and prints their throughput in the
// same key=value form as bench/bare.
import { readFileSync } from "node:fs";
import * as chrono from "chrono-node";
import nlp from "compromise";

const [file, which] = process.argv.slice(2);
const docs = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
let bytes = 0, found = 0;
const start = process.hrtime.bigint();
for (const d of docs) {
  bytes += Buffer.byteLength(d.text);
  if (which === "chrono") {
    found += chrono.parse(d.text, new Date(d.date + "T12:00:00Z")).length;
  } else {
    const doc = nlp(d.text);
    found += doc.people().length + doc.places().length + doc.organizations().length;
  }
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`articles=${docs.length} bytes=${bytes} found=${found} seconds=${secs.toFixed(3)}`);
