import { adminBodyRow, adminRow, type Row } from './matrix.js';
import type { World } from './world.js';
import { outboxRequeueRow } from './outbox.rows.js';

/**
 * Membership: alliances, organisations, specialties, bodies, members, their identities and
 * appointments are kept by admins (the alliance manager) only. Writes about one body (its
 * record, seats on it) have both columns; the rest are about no body and have one.
 */
const code = (unique: string, length: number) =>
  unique
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, length);

const aMember = async (world: World, unique: string) =>
  world.create('membership', '/members', {
    name: `Dr Fresh ${unique}`,
    email: `fresh.${unique}.${world.run}@example.org`.toLowerCase(),
    profession: 'nurse',
  });

const anIdentity = (unique: string) => ({
  issuer: 'https://idp.example.org',
  subject: `matrix-${unique}`,
});

/** A fresh member appointed to the cell's body, as a member, from today. */
const anAppointment = async (world: World, bodyId: string, unique: string) => {
  const memberId = await aMember(world, unique);
  return world.create('membership', '/appointments', {
    memberId,
    bodyId,
    role: 'member',
    termStart: new Date().toISOString().slice(0, 10),
  });
};

export const membershipRows: Row<World>[] = [
  adminRow('membership', 'POST', '/members/{id}/identities', async ({ world, unique }) => {
    const memberId = await aMember(world, unique);
    return { path: `/members/${memberId}/identities`, body: anIdentity(unique), target: memberId };
  }),
  adminRow('membership', 'POST', '/members/{id}/identities/unlink', async ({ world, unique }) => {
    const memberId = await aMember(world, unique);
    await world.create('membership', `/members/${memberId}/identities`, anIdentity(unique));
    return {
      path: `/members/${memberId}/identities/unlink`,
      body: anIdentity(unique),
      target: memberId,
    };
  }),
  adminRow('membership', 'POST', '/alliances', ({ unique }) => ({
    path: '/alliances',
    body: {
      code: `M${code(unique, 10)}`,
      name: `Matrix ${unique}`,
      nation: 'england',
      kind: 'cancer-alliance',
    },
  })),
  adminRow('membership', 'PATCH', '/alliances/{id}', ({ world, unique }) => ({
    path: `/alliances/${world.allianceId}`,
    body: { name: `${world.allianceCode} Alliance ${unique}` },
    target: world.allianceId,
  })),
  adminRow('membership', 'POST', '/organisations', ({ unique }) => ({
    path: '/organisations',
    body: { odsCode: `Z${code(unique, 8)}`, type: 'other', name: `Trust ${unique}` },
    target: `Z${code(unique, 8)}`,
  })),
  adminRow('membership', 'PATCH', '/organisations/{odsCode}', async ({ world, unique }) => {
    const odsCode = `Y${code(unique, 8)}`;
    await world.asAdmin('membership', 'POST', '/organisations', {
      odsCode,
      type: 'other',
      name: `Trust ${unique}`,
    });
    return {
      path: `/organisations/${odsCode}`,
      body: { name: `Renamed ${unique}` },
      target: odsCode,
    };
  }),
  adminRow('membership', 'POST', '/specialties', ({ unique }) => ({
    path: '/specialties',
    body: {
      code: `m-${unique.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
      name: `Specialty ${unique}`,
      kind: 'cross-cutting',
    },
  })),
  adminRow('membership', 'POST', '/bodies', ({ world, unique }) => ({
    path: '/bodies',
    body: {
      allianceId: world.allianceId,
      kind: 'operational-delivery-group',
      name: `Group ${unique}`,
    },
  })),
  adminBodyRow('membership', 'PATCH', '/bodies/{id}', ({ bodyId, unique }) => ({
    path: `/bodies/${bodyId}`,
    body: {
      meetingCadence: 'quarterly',
      guidance: [{ title: `Guide ${unique}`, url: 'https://example.org/guide.pdf' }],
    },
    target: bodyId,
  })),
  adminRow('membership', 'POST', '/members', ({ world, unique }) => ({
    path: '/members',
    body: {
      name: `Dr New ${unique}`,
      email: `new.${unique}.${world.run}@example.org`.toLowerCase(),
      profession: 'doctor',
    },
  })),
  adminRow('membership', 'PATCH', '/members/{id}', async ({ world, unique }) => {
    const memberId = await aMember(world, unique);
    return {
      path: `/members/${memberId}`,
      body: { name: `Dr Renamed ${unique}` },
      target: memberId,
    };
  }),
  adminBodyRow('membership', 'POST', '/appointments', async ({ world, bodyId, unique }) => {
    const memberId = await aMember(world, unique);
    return {
      path: '/appointments',
      body: {
        memberId,
        bodyId,
        role: 'member',
        termStart: new Date().toISOString().slice(0, 10),
      },
    };
  }),
  adminBodyRow(
    'membership',
    'POST',
    '/appointments/{id}/stand-down',
    async ({ world, bodyId, unique }) => {
      const appointmentId = await anAppointment(world, bodyId, unique);
      return { path: `/appointments/${appointmentId}/stand-down`, body: {}, target: appointmentId };
    },
  ),
  adminRow('membership', 'POST', '/admin/daily-check', () => ({
    path: '/admin/daily-check',
    body: {},
  })),
  outboxRequeueRow('membership'),
];
