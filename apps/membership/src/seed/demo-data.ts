import type { RegisterAllianceDto } from '../alliances/alliances.dto.js';
import type { AppointDto } from '../appointments/appointments.dto.js';
import type { CreateBodyDto } from '../bodies/bodies.dto.js';
import type { RegisterMemberDto } from '../members/members.dto.js';
import type { RegisterOrganisationDto } from '../organisations/organisations.dto.js';

/**
 * Demo data for a development or demo environment: two networks with their real public
 * organisation codes, and fictional people (example.org addresses, made-up registration
 * numbers). Everything is derived from counters, never from randomness or the clock, so every
 * run produces the same people and the seed can find what it created before.
 */

export type DemoOrganisation = Omit<RegisterOrganisationDto, 'allianceId'>;
export type DemoMember = Required<
  Pick<RegisterMemberDto, 'name' | 'email' | 'profession' | 'organisationOdsCode' | 'registration'>
>;
/** An appointment on the body it is listed under, naming its member by e-mail. */
export type DemoAppointment = Omit<AppointDto, 'memberId' | 'bodyId'> & { memberEmail: string };
/** The parent is left to the service's default (groups under the CAG, the CAG under the Board). */
export type DemoBody = Pick<CreateBodyDto, 'kind' | 'name'> & {
  specialty: string | null;
  appointments: readonly DemoAppointment[];
};

export interface DemoNetwork {
  alliance: RegisterAllianceDto;
  organisations: readonly DemoOrganisation[];
  members: readonly DemoMember[];
  /** In creation order: the Board, then the CAG, then the groups that escalate to it. */
  bodies: readonly DemoBody[];
}

export const TERM_START = '2025-04-01';
export const TERM_END = '2028-03-31';

// prettier-ignore
const FIRST_NAMES = [
  'Asha', 'Ben', 'Catriona', 'David', 'Eilidh', 'Farah', 'George', 'Hannah', 'Imran', 'Jane',
  'Kwame', 'Laura', 'Mohammed', 'Niamh', 'Oliver', 'Priya', 'Rhys', 'Sarah', 'Tom', 'Yasmin',
];
// prettier-ignore
const LAST_NAMES = [
  'Patel', 'Campbell', 'Okafor', 'Hughes', 'MacLeod', 'Khan', 'Evans', 'Robertson', 'Shah',
  'Walker', 'Murray', 'Ahmed', 'Taylor', 'Stewart', 'Mensah', 'Clarke', 'Fraser', 'Begum',
  'Morgan', 'Wilson', 'Chen', 'Reid', 'Hussain',
];

type Profession = DemoMember['profession'];
type Role = DemoAppointment['role'];

/** Hands out fictional people, numbered across the whole data set so e-mails stay unique. */
class People {
  private count = 0;
  private members: DemoMember[] = [];

  /** The people handed out since the last call. */
  drain(): DemoMember[] {
    const members = this.members;
    this.members = [];
    return members;
  }

  next(profession: Profession, organisationOdsCode: string | null, country: 'E' | 'S'): string {
    const n = ++this.count;
    const first = FIRST_NAMES[n % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const email = `${first}.${last}.${n}@example.org`.toLowerCase();
    this.members.push({
      name: profession === 'doctor' ? `Dr ${first} ${last}` : `${first} ${last}`,
      email,
      profession,
      organisationOdsCode,
      registration: registrationOf(profession, n, country),
    });
    return email;
  }
}

/** Well-formed but made-up numbers: 7 digits for the GMC, 12A3456B-shaped PINs for the NMC. */
function registrationOf(profession: Profession, n: number, country: 'E' | 'S') {
  if (profession === 'doctor') {
    // 104729 is prime, so n -> n * 104729 mod 3,000,000 never repeats a number.
    return { register: 'gmc' as const, number: String(4_000_000 + ((n * 104_729) % 3_000_000)) };
  }
  if (profession === 'nurse') {
    const year = String((n * 7) % 25).padStart(2, '0');
    const month = 'ABCDEFGHIJKL'[n % 12]!;
    const serial = String((n * 7919) % 10_000).padStart(4, '0');
    return { register: 'nmc' as const, number: `${year}${month}${serial}${country}` };
  }
  return null;
}

const CHAIR_TIME = { unit: 'hours-per-week', amount: 4 } as const;
const LEAD_TIME = { unit: 'programmed-activities-per-week', amount: 1 } as const;
/** The members' professions in turn, so groups mix clinicians and managers as real ones do. */
const MEMBER_PROFESSIONS: readonly Profession[] = [
  'nurse',
  'doctor',
  'allied-health-professional',
  'pharmacist',
  'doctor',
  'healthcare-scientist',
  'nurse',
  'manager',
];

interface NetworkSpec {
  alliance: RegisterAllianceDto;
  /** Trusts or health boards: where the clinicians work, in turn. */
  providers: readonly DemoOrganisation[];
  /** ICBs, when the network has them: where the Board and CAG observers come from. */
  commissioners: readonly DemoOrganisation[];
  bodies: readonly Omit<DemoBody, 'appointments'>[];
}

function buildNetwork(spec: NetworkSpec, people: People): DemoNetwork {
  const country = spec.alliance.nation === 'scotland' ? 'S' : 'E';
  let turn = 0;
  const provider = () => spec.providers[turn++ % spec.providers.length]!.odsCode;
  const observerOrgs = spec.commissioners.length > 0 ? spec.commissioners : spec.providers;
  // One secretariat officer serves every body of the network, as alliance managers do.
  const secretariat = people.next('manager', spec.providers[0]!.odsCode, country);
  const bodies = spec.bodies.map((body, index): DemoBody => {
    const appoint = (role: Role, email: string, termEnd?: string): DemoAppointment => ({
      memberEmail: email,
      role,
      termStart: TERM_START,
      ...(termEnd !== undefined && { termEnd }),
      ...(role === 'chair' && { agreedTime: CHAIR_TIME }),
      ...(role === 'clinical-lead' && { agreedTime: LEAD_TIME }),
    });
    const memberProfession = (slot: number) =>
      MEMBER_PROFESSIONS[(index * 2 + slot) % MEMBER_PROFESSIONS.length]!;
    const appointments = [
      appoint('chair', people.next('doctor', provider(), country), TERM_END),
      appoint('deputy-chair', people.next('nurse', provider(), country), TERM_END),
      appoint('clinical-lead', people.next('doctor', provider(), country), TERM_END),
      // One open-ended member and one on a three-year term, as both are common.
      appoint('member', people.next(memberProfession(0), provider(), country)),
      appoint('member', people.next(memberProfession(1), provider(), country), TERM_END),
      appoint(
        'patient-representative',
        people.next('patient-representative', null, country),
        TERM_END,
      ),
      appoint('secretariat', secretariat),
    ];
    if (body.kind === 'alliance-board' || body.kind === 'clinical-advisory-group') {
      const organisation = observerOrgs[index % observerOrgs.length]!.odsCode;
      appointments.push(appoint('observer', people.next('commissioner', organisation, country)));
    }
    return { ...body, appointments };
  });
  return {
    alliance: spec.alliance,
    organisations: [...spec.providers, ...spec.commissioners],
    members: people.drain(),
    bodies,
  };
}

const organisation =
  (type: DemoOrganisation['type']) =>
  (odsCode: string, name: string): DemoOrganisation => ({ type, odsCode, name });
const trust = organisation('acute-trust');
const icb = organisation('integrated-care-board');
const healthBoard = organisation('health-board');

const TUMOUR_SITES: readonly (readonly [string, string])[] = [
  ['breast', 'Breast'],
  ['lung', 'Lung'],
  ['lower-gi', 'Lower GI'],
  ['upper-gi', 'Upper GI'],
  ['urology', 'Urology'],
  ['gynaecology', 'Gynaecology'],
  ['head-and-neck', 'Head and Neck'],
  ['haematology', 'Haematology'],
  ['skin', 'Skin'],
  ['brain-cns', 'Brain and CNS'],
  ['sarcoma', 'Sarcoma'],
  ['children-young-people', "Children's, Teenage and Young Adult"],
];

const CROSS_CUTTING: readonly (readonly [string, string])[] = [
  ['cancer-unknown-primary', 'Cancer of Unknown Primary'],
  ['acute-oncology', 'Acute Oncology'],
  ['primary-care', 'Primary Care'],
  ['diagnostics', 'Diagnostics'],
  ['pathology', 'Pathology'],
  ['radiology', 'Radiology'],
  ['palliative-care', 'Palliative and Supportive Care'],
  ['personalised-care', 'Personalised Care'],
];

const EAST_OF_ENGLAND: NetworkSpec = {
  alliance: {
    code: 'EOE',
    name: 'East of England Cancer Alliance',
    nation: 'england',
    kind: 'cancer-alliance',
  },
  providers: [
    trust('RGT', 'Cambridge University Hospitals NHS Foundation Trust'),
    trust('RGN', 'North West Anglia NHS Foundation Trust'),
    trust('RM1', 'Norfolk and Norwich University Hospitals NHS Foundation Trust'),
    trust('RCX', "The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust"),
    trust('RGP', 'James Paget University Hospitals NHS Foundation Trust'),
    trust('RDE', 'East Suffolk and North Essex NHS Foundation Trust'),
    trust('RAJ', 'Mid and South Essex NHS Foundation Trust'),
    trust('RQW', 'The Princess Alexandra Hospital NHS Trust'),
    trust('RWH', 'East and North Hertfordshire NHS Trust'),
    trust('RC9', 'Bedfordshire Hospitals NHS Foundation Trust'),
    trust('RGM', 'Royal Papworth Hospital NHS Foundation Trust'),
  ],
  commissioners: [
    icb('QUE', 'NHS Cambridgeshire and Peterborough ICB'),
    icb('QMM', 'NHS Norfolk and Waveney ICB'),
    icb('QJG', 'NHS Suffolk and North East Essex ICB'),
    icb('QH8', 'NHS Mid and South Essex ICB'),
    icb('QM7', 'NHS Hertfordshire and West Essex ICB'),
    icb('QHG', 'NHS Bedfordshire, Luton and Milton Keynes ICB'),
  ],
  bodies: [
    { kind: 'alliance-board', name: 'East of England Cancer Alliance Board', specialty: null },
    {
      kind: 'clinical-advisory-group',
      name: 'East of England Clinical Advisory Group',
      specialty: null,
    },
    ...TUMOUR_SITES.map(([specialty, label]) => ({
      kind: 'tumour-site-group' as const,
      name: `${label} Cancer Network Group`,
      specialty,
    })),
    ...CROSS_CUTTING.map(([specialty, label]) => ({
      kind: 'cross-cutting-group' as const,
      name: `${label} Group`,
      specialty,
    })),
    {
      kind: 'operational-delivery-group',
      name: 'Cancer Operational Delivery Group',
      specialty: null,
    },
  ],
};

const WEST_OF_SCOTLAND: NetworkSpec = {
  alliance: {
    code: 'WOSCAN',
    name: 'West of Scotland Cancer Network',
    nation: 'scotland',
    kind: 'regional-network',
  },
  providers: [
    healthBoard('S08000031', 'NHS Greater Glasgow and Clyde'),
    healthBoard('S08000015', 'NHS Ayrshire and Arran'),
    healthBoard('S08000032', 'NHS Lanarkshire'),
    healthBoard('S08000019', 'NHS Forth Valley'),
  ],
  commissioners: [],
  bodies: [
    { kind: 'alliance-board', name: 'WoSCAN Regional Board', specialty: null },
    {
      kind: 'clinical-advisory-group',
      name: 'WoSCAN Regional Cancer Advisory Group',
      specialty: null,
    },
    // Scotland runs its tumour-site groups as managed clinical networks.
    ...(
      [
        ['lung', 'Lung'],
        ['breast', 'Breast'],
        ['lower-gi', 'Colorectal'],
        ['urology', 'Urological'],
      ] as const
    ).map(([specialty, label]) => ({
      kind: 'tumour-site-group' as const,
      name: `WoSCAN ${label} Cancer Managed Clinical Network`,
      specialty,
    })),
  ],
};

function buildDemoNetworks(): readonly DemoNetwork[] {
  const people = new People();
  return [EAST_OF_ENGLAND, WEST_OF_SCOTLAND].map((spec) => buildNetwork(spec, people));
}

/** East of England and WoSCAN, with every role filled on every body. */
export const DEMO_NETWORKS: readonly DemoNetwork[] = buildDemoNetworks();
