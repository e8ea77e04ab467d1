/** What the emitters produce and the writer writes: shared by both, owned by neither. */

/** One output file, as an emitter produces it: a path relative to the output folder and its final bytes. */
export interface GeneratedFile {
  /** Relative, `/`-separated, normalized path inside the output folder (no `..`, no leading `/`). */
  readonly path: string;
  /**
   * The complete contents, already formatted: a text (written as UTF-8), or those bytes already encoded
   * (the second thread hands its files over so). `check` compares the bytes with the disk.
   */
  readonly contents: string | Uint8Array;
}
