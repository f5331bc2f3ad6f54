// A worker thread of the post-build check (src/build/page-check): reads its share of the built site's pages and
// hands back what the check needs of each, so that a large site's pages are parsed on every core.
import { parentPort, workerData } from 'node:worker_threads';
import { readPage, type PageFacts, type VerifyWork } from './page-check';

const { dir, files, contact } = workerData as VerifyWork;
const facts: PageFacts[] = files.map((file) => readPage(dir, file, contact));
parentPort!.postMessage(facts);
