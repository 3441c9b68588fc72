/** Standard input for the CLI, read whole up to a limit: a pipe can be endless. */
import { InputError } from "@/lib/cli/command";

/** Standard input larger than this is refused (exit 1): the matcher reads 1 MB of a paste at most. */
export const MAX_STDIN_BYTES = 64 * 1024 * 1024;

const size = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${bytes.toLocaleString("en-US")} bytes`);

/**
 * Reads `stream` as UTF-8 text. Past `limit` bytes it stops reading and rejects with an InputError that
 * says what to do instead; the caller closes the stream.
 */
export async function readLimited(stream: AsyncIterable<Uint8Array | string>, limit = MAX_STDIN_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += buf.length;
    if (total > limit) {
      throw new InputError(`standard input is larger than ${size(limit)}; pass the end of the log instead (e.g. kubectl logs POD --tail=5000)`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}
