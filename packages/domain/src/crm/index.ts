// The public surface of the CRM rules. parseInstant stays internal so it can change freely.
export { LEGAL_FORMS, nameSimilarity, normalizeCompanyName, SIMILAR_NAME_THRESHOLD } from './company-name.ts';
export {
  generateInn,
  INN_INDIVIDUAL_WEIGHTS_1,
  INN_INDIVIDUAL_WEIGHTS_2,
  INN_LEGAL_WEIGHTS,
  type InnKind,
  type InnValidation,
  validateInn,
} from './inn.ts';
export { KPP_PATTERN, type KppValidation, validateKpp } from './kpp.ts';
export {
  type ClientLifecycle,
  type ClientLifecycleInput,
  clientLifecycle,
  DEFAULT_DORMANT_AFTER_DAYS,
  DEFAULT_LOST_AFTER_DAYS,
} from './lifecycle.ts';
export { DISCOUNT_DECIMALS, dealTotal, type LineItem, lineAmount, QUANTITY_DECIMALS } from './line-items.ts';
export { OGRN_MODULUS, OGRNIP_MODULUS, type OgrnValidation, validateOgrn } from './ogrn.ts';
export { type CountryCode, formatPhone, type NormalizedPhone, normalizePhone, type PhoneStyle } from './phone.ts';
export { type AssignmentCandidate, pickAssignee } from './round-robin.ts';
export { splitByWeights } from './split-largest-remainder.ts';
export {
  type DealStagePath,
  type StageChange,
  type StageConversion,
  stageConversion,
  timeInStages,
} from './stage-history.ts';
