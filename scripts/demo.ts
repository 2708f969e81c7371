// The demo escalation against the running platform (`npm start` first): imports CWT data in
// which the East of England's lung FDS misses its target three months running, then walks the
// case up the ladder through the meetings API, showing the e-mails that arrive.
//   npm run demo
import { devMemberToken } from './dev-token.js';
import { runEscalationScenario } from './escalation-scenario.js';

// The demo admin signs in at the development identity server, as a person would.
const token = await devMemberToken('admin@example.org');
const host = (port: number) => `http://127.0.0.1:${port}`;
const mailUrl = process.env['MAIL_SINK_URL'] ?? host(8025);

interface Mail {
  to: string[];
  subject: string;
}
const mailbox = async (): Promise<Mail[]> => {
  const response = await fetch(`${mailUrl}/messages`).catch(() => undefined);
  return response?.ok ? ((await response.json()) as Mail[]) : [];
};
const before = (await mailbox()).length;

const result = await runEscalationScenario({
  urls: {
    membership: host(3001),
    meetings: host(3002),
    performance: host(3004),
    workflow: host(3005),
  },
  token,
  log: (line) => console.log(`[demo] ${line}`),
});

// The e-mails land over the seconds after the last step: wait until none has come for 3 s.
let seen = -1;
let all = await mailbox();
for (let quiet = 0, waited = 0; quiet < 3 && waited < 30; waited += 1) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  all = await mailbox();
  quiet = all.length === seen ? quiet + 1 : 0;
  seen = all.length;
}
const mails = all.slice(0, Math.max(0, all.length - before));
console.log(`\n[demo] ${mails.length} e-mail(s) sent to the clinicians (${mailUrl}):`);
for (const mail of [...mails].reverse()) {
  console.log(`  to ${mail.to.join(', ')}: ${mail.subject}`);
}
console.log(
  `\n[demo] The case and its history: ${host(3005)}/cases/${result.caseId} (token below)`,
);
console.log(`[demo] Verify its hash chain: ${host(3005)}/cases/${result.caseId}/history/verify`);
console.log(`\nTOKEN=${token}`);
const web = process.env['WEB_BASE_URL'] ?? host(3000);
console.log(
  `\n[demo] The case page in the web app (sign in as admin@example.org, password development):\n  ${web}/cases/${result.caseId}`,
);
