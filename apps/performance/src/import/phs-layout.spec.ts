import { quarterPeriod, readPhsHeader, readPhsRow, type PhsRow } from './phs-layout.js';

/** The 62-day file's columns as Public Health Scotland publishes them. */
const PHS_62 = [
  'Quarter',
  'HB',
  'HBQF',
  'HBT',
  'CancerType',
  'CancerTypeQF',
  'NumberOfEligibleReferrals62DayStandard',
  'NumberOfEligibleReferrals62DayStandardQF',
  'NumberOfEligibleReferralsTreatedWithin62Days',
  'NumberOfEligibleReferralsTreatedWithin62DaysQF',
];
const PHS_31 = PHS_62.map((column) => column.replace('62Day', '31Day'));

describe('PHS cancer waiting times layout', () => {
  it('reads a 62-day row by board of receipt of referral, its quarter as the first month', () => {
    const header = readPhsHeader(PHS_62)!;
    expect(header).toMatchObject({ layout: 'phs-62-day', standard: 'scotland-62' });
    expect(
      readPhsRow(header, [
        '2024Q3',
        'S08000031',
        '',
        'S08000032',
        'Breast',
        '',
        '100',
        '',
        '90',
        '',
      ]),
    ).toEqual<PhsRow>({
      period: '2024-07',
      standard: 'scotland-62',
      orgCode: 'S08000031',
      basis: 'provider',
      cancerType: 'Breast',
      route: 'S08000032',
      modality: '',
      total: 100,
      within: 90,
      breaches: 10,
      derived: false,
    });
  });

  it('reads a 31-day row by board of treatment', () => {
    const header = readPhsHeader(PHS_31)!;
    expect(header).toMatchObject({ layout: 'phs-31-day', standard: 'scotland-31' });
    expect(
      readPhsRow(header, ['2024Q4', 'S08000031', '', 'S08000032', 'Lung', '', '40', '', '39', '']),
    ).toMatchObject({ period: '2024-10', orgCode: 'S08000032', route: 'S08000031', breaches: 1 });
  });

  it('takes Scotland as a whole and derived figures as totals', () => {
    const header = readPhsHeader(PHS_62)!;
    const row = (cells: string[]) => readPhsRow(header, cells) as PhsRow;
    expect(
      row(['2024Q3', 'S92000003', 'd', 'S92000003', 'Breast', '', '9', '', '8', '']),
    ).toMatchObject({
      derived: true,
      route: 'ALL BOARDS',
    });
    expect(
      row(['2024Q3', 'S08000031', '', 'S08000031', 'All Cancer Types', 'd', '9', '', '8', '']),
    ).toMatchObject({
      derived: true,
    });
    expect(
      row(['2024Q3', 'S08000031', '', 'S08000031', 'Breast', '', '9', '', '8', '']),
    ).toMatchObject({
      derived: false,
    });
  });

  it('says what is wrong with a bad row, and is no PHS layout for an English file', () => {
    const header = readPhsHeader(PHS_62)!;
    const row = (cells: string[]) => readPhsRow(header, cells);
    expect(row(['2024-07', 'S08000031', '', 'S08000031', 'Breast', '', '9', '', '8', ''])).toEqual({
      problem: 'unreadable quarter "2024-07" (as 2024Q3)',
    });
    expect(row(['2024Q3', 'RGT', '', 'S08000031', 'Breast', '', '9', '', '8', ''])).toEqual({
      problem: 'invalid board code "RGT" (as S08000031)',
    });
    expect(row(['2024Q3', 'S08000031', '', 'S08000031', 'Breast', '', '', ':', '8', ''])).toEqual({
      problem: 'eligible referrals is not a count: "" (qualifier ":")',
    });
    expect(row(['2024Q3', 'S08000031', '', 'S08000031', 'Breast', '', '8', '', '9', ''])).toEqual({
      problem: 'more treated within the standard (9) than eligible (8)',
    });
    expect(() => readPhsHeader(['Quarter', 'NumberOfEligibleReferrals62DayStandard'])).toThrow(
      /no column HB, HBT, CANCERTYPE, NUMBEROFELIGIBLEREFERRALSTREATEDWITHIN62DAYS/,
    );
    expect(readPhsHeader(['PERIOD', 'STANDARD', 'ORG CODE'])).toBeNull();
    expect(['2024Q1', '2024Q2', '2024q4', '2024Q5'].map(quarterPeriod)).toEqual([
      '2024-01',
      '2024-04',
      '2024-10',
      undefined,
    ]);
  });
});
