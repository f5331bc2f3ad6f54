// A worker thread that indexes one part of the search index with Pagefind's Node API (src/search/build-index):
// each worker has its own Pagefind process, so that two parts can be indexed at once on two cores.
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

export interface IndexJob {
  documents: Array<{ sourcePath: string; content: string }>;
  outputPath: string;
  options: Record<string, unknown>;
}
export type IndexJobResult = { writeStart: number; writeEnd: number } | { error: string };

const now = () => performance.timeOrigin + performance.now();

async function run({ documents, outputPath, options }: IndexJob): Promise<IndexJobResult> {
  const { index, errors } = await pagefind.createIndex(options);
  if (!index) return { error: `Pagefind 无法启动：${errors.join('; ')}` };
  try {
    for (const file of documents) {
      const { errors } = await index.addHTMLFile(file);
      if (errors.length) return { error: `建立搜索索引失败（${file.sourcePath}）：${errors.join('; ')}` };
    }
    const writeStart = now();
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) return { error: `写入搜索索引失败：${written.errors.join('; ')}` };
    return { writeStart, writeEnd: now() };
  } finally {
    // Ends the Pagefind process, and with it the memory this part's index took.
    await pagefind.close();
  }
}

parentPort!.postMessage(await run(workerData as IndexJob));
