/**
 * A worker of `report --jobs N`: judges the items it is sent (batches of
 * contacts, or blocks of rows it reads itself) against the charter it was
 * started with, and returns what judging each gave.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkedCharter } from "../charter/parse.js";
import { mappingOfData, readyToRead, type MappingData } from "./input/mapping.js";
import { judgeWork, type Options, type Rules, type Work } from "./workers.js";

const { charter, options, mapping, rules } = workerData as {
  charter: unknown;
  options: Options;
  mapping: MappingData;
  rules: Rules;
};
const parsed = checkedCharter(charter);
const read = mappingOfData(mapping);

// Items are judged in the order they come, once what reading needs is loaded.
const ready = readyToRead(read);
parentPort?.on("message", (message: { id: number; work: Work }) => {
  void ready.then(() =>
    parentPort?.postMessage({ id: message.id, judged: judgeWork(parsed, message.work, options, read, rules) }),
  );
});
