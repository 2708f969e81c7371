// Dead letters: what the consumers could not handle, listed, shown and sent back to their topics.
//   npm run dlq -- list [--topic <dead-letter topic>]
//   npm run dlq -- show <event id> [--topic …]
//   npm run dlq -- replay (--id <event id> | --type <event type> | --all) [--topic …]
// Reads each consumer group's dead-letter topic (`<KAFKA_TOPIC_PREFIX><group>.dead-letter`, the
// groups of scripts/consumer-groups.ts) from the beginning to its end now, and stops. A replay
// sends the original message (key, bytes, headers) back to its source topic; consumers record
// the event ids they handled, so replaying one twice is harmless.
import { parseArgs } from 'node:util';
import {
  createKafka,
  deadLetterTopic,
  readDeadLetters,
  replayDeadLetters,
  type DeadLetterRecord,
} from '#messaging';
import { consumerGroups } from './consumer-groups.js';

const USAGE = `Usage: npm run dlq -- list [--topic <dead-letter topic>]
       npm run dlq -- show <event id> [--topic <dead-letter topic>]
       npm run dlq -- replay (--id <event id> | --type <event type> | --all) [--topic <dead-letter topic>]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        topic: { type: 'string', multiple: true },
        id: { type: 'string' },
        type: { type: 'string' },
        all: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const { values, positionals } = parseCommandLine();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const [command, argument] = positionals;
const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
const topics =
  values.topic ?? consumerGroups().map((group) => deadLetterTopic(`${prefix}${group}`));
const kafka = createKafka({
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  clientId: 'dlq',
});

async function readAll(): Promise<DeadLetterRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  await admin.disconnect();
  const letters: DeadLetterRecord[] = [];
  for (const topic of topics) {
    if (existing.has(topic)) {
      letters.push(...(await readDeadLetters(kafka, topic)));
    }
  }
  return letters;
}

function summary(letter: DeadLetterRecord): Record<string, unknown> {
  return {
    eventId: letter.eventId ?? null,
    type: letter.type ?? null,
    deadLetter: `${letter.deadLetterTopic}/${letter.deadLetterPartition}@${letter.deadLetterOffset}`,
    source: `${letter.sourceTopic ?? '?'}/${letter.sourcePartition ?? '?'}@${letter.sourceOffset ?? '?'}`,
    consumer: letter.consumer ?? null,
    reason: letter.reason ?? null,
    attempts: letter.attempts ?? null,
    failedAt: letter.failedAt ?? null,
  };
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

switch (command) {
  case 'list': {
    const letters = await readAll();
    for (const topic of topics) {
      const on = letters.filter((letter) => letter.deadLetterTopic === topic);
      process.stderr.write(`${topic}: ${on.length} dead letter(s)\n`);
    }
    print(letters.map(summary));
    break;
  }
  case 'show': {
    if (argument === undefined) {
      fail('show needs an event id');
    }
    const found = (await readAll()).filter((letter) => letter.eventId === argument);
    if (found.length === 0) {
      fail(`No dead letter has event id ${argument}`);
    }
    print(
      found.map((letter) => ({
        ...summary(letter),
        key: letter.key?.toString('utf8') ?? null,
        headers: Object.fromEntries(
          Object.entries(letter.headers).map(([name, value]) => [name, String(value)]),
        ),
        value: letter.value?.toString('utf8') ?? null,
      })),
    );
    break;
  }
  case 'replay': {
    const chosen = [values.id, values.type, values.all].filter((given) => given !== undefined);
    if (chosen.length !== 1) {
      fail('replay needs exactly one of --id, --type or --all');
    }
    const letters = (await readAll()).filter(
      (letter) =>
        values.all === true ||
        (values.id !== undefined && letter.eventId === values.id) ||
        (values.type !== undefined && letter.type === values.type),
    );
    if (letters.length === 0) {
      fail('No dead letter matches');
    }
    const replayed = await replayDeadLetters(kafka, letters);
    process.stderr.write(`Replayed ${replayed.length} message(s) to their source topics\n`);
    print(replayed.map(summary));
    break;
  }
  case undefined:
    fail('Which command?');
    break;
  default:
    fail(`Unknown command ${command}`);
}
