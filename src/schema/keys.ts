/**
 * The keys of the dataset contract (../shared/reference/dataset.md). Every output, test and
 * truth file uses exactly these names; the templates map printed labels onto them.
 */

/** Table names of the record: 二 → active, 三 → requests, 四 → reviews. */
export const TABLE_KEYS = ['active', 'requests', 'reviews'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

/** Official report formats (templates.md §1). */
export const TEMPLATE_IDS = ['2019', '2021'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** 三: the seven applicant columns, in printed order. */
export const REQUEST_COLUMNS = [
  'naturalPerson',
  'commercial',
  'research',
  'socialWelfare',
  'legalServices',
  'otherOrg',
  'total',
] as const;
export type RequestColumn = (typeof REQUEST_COLUMNS)[number];

/** 三: every row key of either format, in printed order (2019-only and 2021-only rows included). */
export const REQUEST_ROWS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partiallyGranted',
  'deniedStateSecret',
  'deniedOtherLaws',
  'deniedThreeSafeties',
  'deniedThirdParty',
  'deniedInternalAffairs',
  'deniedProcessInfo',
  'deniedEnforcementFiles',
  'deniedQueryMatters',
  'unableNotHeld',
  'unableNeedsCreation',
  'unableUnclear',
  'rejectedPetition',
  'rejectedDuplicate',
  'rejectedPublication',
  'rejectedMassRepeated',
  'rejectedConfirmReissue',
  'otherHandling',
  'otherNoCorrection',
  'otherNoFee',
  'otherOther',
  'totalHandled',
  'carriedForward',
] as const;
export type RequestRow = (typeof REQUEST_ROWS)[number];

/** 四: the three column groups of the single printed row, and their five columns. */
export const REVIEW_ROWS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type ReviewRow = (typeof REVIEW_ROWS)[number];
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

/** 二: every row key of either format. */
export const ACTIVE_ROWS = [
  'regulations',
  'normativeDocuments',
  'licensing',
  'otherServices',
  'penalty',
  'coercion',
  'fees',
  'procurement',
] as const;
export type ActiveRow = (typeof ACTIVE_ROWS)[number];

/** 二: every column key of either format (2019 first, then 2021). */
export const ACTIVE_COLUMNS = [
  'newlyMade',
  'newlyPublished',
  'totalPublished',
  'previousCount',
  'change',
  'decisions',
  'count',
  'amount',
  'issued',
  'repealed',
  'inForce',
] as const;
export type ActiveColumn = (typeof ACTIVE_COLUMNS)[number];

/** 二: which columns each row has, per format (dataset.md "Table active"). */
export const ACTIVE_LAYOUT: Record<TemplateId, Partial<Record<ActiveRow, readonly ActiveColumn[]>>> = {
  '2019': {
    regulations: ['newlyMade', 'newlyPublished', 'totalPublished'],
    normativeDocuments: ['newlyMade', 'newlyPublished', 'totalPublished'],
    licensing: ['previousCount', 'change', 'decisions'],
    otherServices: ['previousCount', 'change', 'decisions'],
    penalty: ['previousCount', 'change', 'decisions'],
    coercion: ['previousCount', 'change', 'decisions'],
    fees: ['previousCount', 'change'],
    procurement: ['count', 'amount'],
  },
  '2021': {
    regulations: ['issued', 'repealed', 'inForce'],
    normativeDocuments: ['issued', 'repealed', 'inForce'],
    licensing: ['decisions'],
    penalty: ['decisions'],
    coercion: ['decisions'],
    fees: ['amount'],
  },
};

/** 三's rows that count as a leaf outcome in both formats (identity 2); the （六） rows are added as printed. */
export const COMMON_OUTCOME_ROWS: readonly RequestRow[] = REQUEST_ROWS.filter((r) => /^(granted|partiallyGranted|denied|unable|rejected)/.test(r));

/** 三's （六） rows as each format prints them. */
export const OTHER_HANDLING_ROWS_2019: readonly RequestRow[] = ['otherHandling'];
export const OTHER_HANDLING_ROWS_2021: readonly RequestRow[] = ['otherNoCorrection', 'otherNoFee', 'otherOther'];
