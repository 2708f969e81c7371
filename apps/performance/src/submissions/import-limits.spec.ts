import { PassThrough, Readable, Writable } from 'node:stream';
import { FileProblem } from './file-problem.js';
import { readUpload, type ImportLimits } from './import-limits.js';

const LIMITS: ImportLimits = { bytes: 1000, rows: 10, columns: 3, seconds: 5 };

/** Reads `text` through readUpload in chunks of `size` bytes; resolves to what came through. */
async function read(text: string, limits: Partial<ImportLimits> = {}, size = 4): Promise<string> {
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size),
  );
  let received = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      received += chunk.toString();
      done();
    },
  });
  await readUpload(Readable.from(chunks), [sink], { ...LIMITS, ...limits });
  return received;
}

describe('readUpload', () => {
  it('passes a file within every cap through whole', async () => {
    const file = 'a,b,c\n1,"x, y",3\n"say ""hi"", then",5,"two\nlines"\n';
    await expect(read(file)).resolves.toBe(file);
  });

  it('counts the columns outside quotes, and stops the record with one too many', async () => {
    await expect(read('a,b,c\n1,2,3,4\n')).rejects.toEqual(
      new FileProblem(2, 'line 2 has more than 3 columns', 'columns'),
    );
    await expect(read(`a,b,c\n${','.repeat(200_000)}\n`)).rejects.toMatchObject({
      limit: 'columns',
      line: 2,
    });
  });

  it('stops a file past its bytes', async () => {
    await expect(read('a,b\n'.repeat(300))).rejects.toEqual(
      new FileProblem(0, 'the file is larger than 1000 bytes', 'bytes'),
    );
  });

  it('stops an upload that takes too long, and one cut off before its end', async () => {
    const stalled = new PassThrough();
    stalled.write('a,b\n');
    await expect(
      readUpload(stalled, [new PassThrough().resume()], { ...LIMITS, seconds: 0.05 }),
    ).rejects.toMatchObject({ limit: 'seconds', message: expect.stringMatching(/0.05 s/) });

    const cut = new PassThrough();
    cut.write('a,b\n');
    const reading = readUpload(cut, [new PassThrough().resume()], LIMITS);
    cut.destroy();
    await expect(reading).rejects.toEqual(
      new FileProblem(0, 'the upload ended before the file did'),
    );
  });
});
