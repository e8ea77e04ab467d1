/**
 * Writing new files on the second thread, into a folder of the writer's own making (its staging folder,
 * see write.ts), while the main thread encodes and hashes the next ones.
 *
 * Synchronous calls first: on a RAM disk or a fast disk a file costs 20–60 µs this way, where writing it
 * through the thread pool takes three round trips (open, write, close), each a hand-over between threads.
 * When the disk is slow, an open or a write blocks for half a millisecond or more, and one thread waiting
 * in turn on each is slower than the thread pool's four waiting together: once most of 32 small files in a
 * row took more than `slowAfterMs` each, the rest go through the thread pool, 16 at a time. (Most, not on
 * average: this thread shares two cores with others, and one pause of a few milliseconds is not a slow disk.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { defaultIo, mapLimit } from '../write.js';

/** A small file's time above which it was slow (a fast disk's take 20–60 µs, a slow one's 0.5 ms and more). */
export const SLOW_FILE_MS = 0.2;
/** The files judged: up to this size, the time of a file is mostly its creation, not the copying of its bytes. */
const SMALL_FILE = 64 * 1024;
/** Small files judged together: the disk is slow when more than half of them were. */
const JUDGED = 32;
/** Files in flight at once when the disk is slow. */
const LANES = 16;

export class FileWriter {
  /** Folders made (or being made) so far, by path. */
  private readonly folders = new Map<string, Promise<unknown> | true>();
  /** Small files judged in the current row, and how many of them were slow. */
  private judged = 0;
  private slowFiles = 0;
  private slow = false;

  constructor(private readonly slowAfterMs = SLOW_FILE_MS) {}

  /** Whether the disk was found slow (the thread pool writes from then on). */
  get throughPool(): boolean {
    return this.slow;
  }

  /**
   * Writes each file, which must not exist yet, making its folders as needed. Fails with the first error,
   * once no write of this call is in flight any more (so that the caller may remove the folder).
   */
  async write(files: readonly (readonly [file: string, bytes: Uint8Array])[]): Promise<void> {
    let next = 0;
    for (; next < files.length && !this.slow; next++) {
      const [file, bytes] = files[next]!;
      const start = performance.now();
      const folder = dirname(file);
      if (!this.folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.folders.set(folder, true);
      }
      writeFileSync(file, bytes, { flag: 'wx' });
      if (bytes.length > SMALL_FILE) continue;
      if (performance.now() - start > this.slowAfterMs) this.slowFiles++;
      if (++this.judged === JUDGED) {
        this.slow = this.slowFiles > JUDGED / 2;
        this.judged = this.slowFiles = 0;
      }
    }
    if (next < files.length) await this.throughThreadPool(files.slice(next));
  }

  private async throughThreadPool(files: readonly (readonly [string, Uint8Array])[]): Promise<void> {
    await mapLimit(files, LANES, async ([file, bytes]) => {
      await this.folder(dirname(file));
      await defaultIo.writeFile(file, bytes);
    });
  }

  /** A folder made once, with its parents (`recursive` accepts one that exists already). */
  private folder(path: string): Promise<unknown> | true {
    let made = this.folders.get(path);
    if (made === undefined) this.folders.set(path, (made = mkdir(path, { recursive: true })));
    return made;
  }
}
