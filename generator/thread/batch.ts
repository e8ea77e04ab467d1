/**
 * The main thread's side of writing a new output folder on the second thread (write-files.ts there): the
 * writer queues each file here, which hashes its bytes and sends them over in batches, so that the other
 * thread writes while this one encodes and hashes the next. Texts are encoded straight into buffers of
 * this batch's own; bytes the second thread made go back to it in the buffers they came in, whole.
 */
import { contentHash } from '../fingerprint.js';
import type { BatchWriter } from '../write.js';
import { Packed } from './packed.js';
import type { EmitWorker } from './pool.js';
import { madeThere } from './pool.js';

/** The texts' bytes sent at a time: enough to keep the other thread busy, little enough to start it soon. */
const SEND_AFTER = 1024 * 1024;

let sessions = 0;

export class ThreadBatch implements BatchWriter {
  private readonly session = sessions++;
  private readonly sent: Promise<void>[] = [];
  /** Texts (and bytes made elsewhere), encoded into buffers of this batch's own. */
  private own = new Packed(SEND_AFTER);
  private ownBytes = 0;
  /** A buffer of the second thread's making and the files in it, sent once a file of another buffer comes. */
  private returning: { chunk: ArrayBuffer; files: [string, number, number, number][] } | undefined;

  constructor(private readonly worker: EmitWorker) {}

  add(file: string, contents: string | Uint8Array): string {
    if (typeof contents !== 'string' && madeThere.has(contents.buffer as ArrayBuffer)) {
      const chunk = contents.buffer as ArrayBuffer;
      // Handed back already, the buffer is empty (detached): the file would have no bytes.
      if (chunk.byteLength === 0) throw new Error(`internal error: the bytes of '${file}' were handed to the other thread already`);
      if (this.returning?.chunk !== chunk) {
        this.sendReturning();
        this.returning = { chunk, files: [] };
      }
      this.returning.files.push([file, 0, contents.byteOffset, contents.byteOffset + contents.length]);
      return contentHash(contents);
    }
    const bytes = this.own.add(file, contents);
    const hash = contentHash(bytes);
    this.ownBytes += bytes.length;
    if (this.ownBytes >= SEND_AFTER) this.sendOwn();
    return hash;
  }

  async finish(): Promise<void> {
    this.sendReturning();
    this.sendOwn();
    const failed = (await Promise.allSettled(this.sent)).find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  private sendReturning(): void {
    if (!this.returning) return;
    const { chunk, files } = this.returning;
    this.returning = undefined;
    this.sent.push(this.worker.write({ files, chunks: [chunk] }, this.session));
  }

  private sendOwn(): void {
    const packed = this.own.message();
    if (packed.files.length === 0) return;
    this.own = new Packed(SEND_AFTER);
    this.ownBytes = 0;
    this.sent.push(this.worker.write(packed, this.session));
  }
}
