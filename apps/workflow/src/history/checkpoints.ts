import { createHash } from 'node:crypto';
import type { CheckpointSigner } from './checkpoint-signer.js';
import { canonicalJson } from './hash-chain.js';
import type { HistoryCheckpoint } from './history-checkpoint.entity.js';

/** The digest a checkpoint signs: over everything it says, in canonical JSON. */
export function checkpointDigest(
  checkpoint: Pick<HistoryCheckpoint, 'sequence' | 'takenAt' | 'previousDigest' | 'heads'>,
): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        sequence: checkpoint.sequence,
        takenAt: checkpoint.takenAt,
        previousDigest: checkpoint.previousDigest,
        heads: checkpoint.heads.map(({ caseId, length, headHash }) => ({
          caseId,
          length,
          headHash,
        })),
      }),
      'utf8',
    )
    .digest('hex');
}

/**
 * Checks a case's history (its entries' hashes, in order) against the checkpoints that name it:
 * each must be signed by `signer` over its own content, and the history must still end, at the
 * length the checkpoint names, in the hash it signed. Undefined when all agree, else why not.
 */
export function checkpointMismatch(
  caseId: string,
  hashes: readonly string[],
  checkpoints: readonly HistoryCheckpoint[],
  signer: CheckpointSigner,
): string | undefined {
  for (const checkpoint of checkpoints) {
    const name = `checkpoint ${checkpoint.sequence} (${checkpoint.takenAt})`;
    if (
      checkpoint.keyId !== signer.keyId ||
      checkpoint.digest !== checkpointDigest(checkpoint) ||
      !signer.verifies(checkpoint.digest, checkpoint.signature)
    ) {
      return `${name} is not signed by this service's key`;
    }
    const head = checkpoint.heads.find((entry) => entry.caseId === caseId);
    if (head && hashes[head.length - 1] !== head.headHash) {
      return `the history does not match ${name}: entry ${head.length} ended in ${head.headHash} when signed`;
    }
  }
  return undefined;
}
