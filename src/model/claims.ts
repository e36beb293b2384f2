// The argument, claim by claim, in our own words, with where each claim is made in the
// three columns (year and paragraph: `2020¶4` is the 4th non-empty line of the 2020 column)
// and which rules of this model encode it. Scenario parameters carry their own claim tags
// (PARAM_TABLE, model/params.ts). `off` says how a scenario's `assumptions:` block switches a claim off.

export interface Claim {
  id: ClaimId;
  /** The claim in one sentence, our words. */
  summary: string;
  /** Where the columns make it. */
  where: string;
  /** Named rules (functions, guards, actions) that encode it. */
  rules: string[];
  /** Parameter overrides that remove the claim from the model. */
  off: Record<string, number>;
  /** What switching it off means, in a sentence. */
  offMeans: string;
}

export const CLAIM_IDS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13'] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

export const CLAIMS: Record<ClaimId, Claim> = {
  C1: {
    id: 'C1',
    summary: 'Beijing has far more sway over Pyongyang than it admits, and can dial North Korean pressure up or down.',
    where: '2020¶4',
    rules: ['restrainKim', 'concede (China delivers restraint)', 'squeezeLifeline', 'usView hides chinaInfluence', 'settleKimAccountWithXi (heeding an order)'],
    // With no real sway an order has no teeth: Kim holds, if he does, for his own reasons, so
    // holding under it is not doing Xi's bidding and costs nothing at home (issue 19's heeding cost).
    off: { 'start.chinaInfluence': 0, 'dynamics.heedingRestraintCost': 0 },
    offMeans: 'China has no real sway over Kim: it can neither restrain him nor hurt him.',
  },
  C2: {
    id: 'C2',
    summary: 'North Korean pressure strains the US without Beijing being seen to do it, and gives Beijing something to sell: restraint.',
    where: '2020¶4, 2023¶12',
    rules: ['askKimToEscalate', 'offerRestraint', 'thereIsPressureToSell', 'chinaPressureReturn'],
    off: { 'pressure.offerMinTension': 2 },
    offMeans: 'Restraint is never for sale: China cannot offer to rein Kim in for a price.',
  },
  C3: {
    id: 'C3',
    summary: "The price of restraint is paid elsewhere: less US support for Taiwan, looser limits on chip exports.",
    where: '2023¶12, 2022¶6',
    rules: ['concede', 'payoffs (concession terms)'],
    off: { 'pressure.priceOfTaiwan': 0, 'pressure.priceOfChips': 0 },
    offMeans: 'Concessions are worth nothing to China and cost the US nothing.',
  },
  C4: {
    id: 'C4',
    summary: 'Being caught is the risk of the scheme for China; couriers instead of open channels make being caught less likely.',
    where: '2020¶5-6',
    rules: ['discoverChinasRequest', 'chinaPressureReturn (detection cost)'],
    off: { 'covert.detectCovert': 0.7 },
    offMeans: 'Couriers are no safer than an open request (set to the default open-channel detection rate).',
  },
  C5: {
    id: 'C5',
    summary: "A warm public message to Kim that says nothing of his tests shows Beijing is at ease with his brinkmanship.",
    where: '2023¶8, 2023¶10',
    rules: ['sendWarmSignal', 'kimMoveUtility (emboldened)'],
    off: { 'covert.evidencePerWarmSignal': 0, 'covert.warmSignalEmboldens': 0, 'covert.warmSignalStanding': 0 },
    offMeans: 'Warm letters change nothing: they neither embolden Kim nor reveal anything.',
  },
  C6: {
    id: 'C6',
    summary: 'Kim has leverage of his own: he can pause tests to earn money, betting that a distracted US would rather pay than face another crisis.',
    where: '2022¶3',
    rules: ['offerPause', 'payKim', 'kimLearnsWhetherUsPays', 'kimMoveUtility (bargaining value)', 'contractsHold (a freeze that holds)', 'dealForfeit'],
    off: { 'kim.suspensionAid': 0, 'start.kimBeliefUsPays': 0 },
    offMeans: 'Pauses earn Kim nothing and he expects nothing from them.',
  },
  C7: {
    id: 'C7',
    summary: "Asked by Xi to escalate, Kim weighs looking like Xi's tool (and US sanctions, and the end of detente) against losing China's trade lifeline.",
    where: '2020¶7-9',
    rules: ['settleKimAccountWithXi', 'kimMoveUtility', 'testMissile (detente ends)', 'cutLifeline', 'regimeCollapsed', 'courtBeijing (a summit with Xi)'],
    off: { 'kim.obeyStandingCost': 0, 'kim.defyLifelineCut': 0, 'dynamics.heedingRestraintCost': 0, 'dynamics.summitLifeline': 0 },
    offMeans: 'Obeying or defying Xi costs Kim nothing either way, and Beijing has no cover to sell him (no summit).',
  },
  C8: {
    id: 'C8',
    summary: 'Paying off blackmail weakens the US umbrella and tells every adversary the US pays, which invites more of the same.',
    where: '2022¶4',
    rules: ['concede', 'payKim', 'chinaLearnsWhetherUsPays', 'chinaPressureReturn (belief)'],
    off: { 'us.credibilityLossPerConcession': 0, 'repetition.learningRate': 0 },
    offMeans: 'Paying costs no credibility and teaches nobody anything: each round stands alone.',
  },
  C9: {
    id: 'C9',
    summary: "Asking Beijing for help is the opening it wants: its help is always a transaction and will be billed.",
    where: '2022¶5-6',
    rules: ['askBeijingForHelp', 'chinaLearnsWhetherUsPays (ask reads as payment)'],
    off: { 'us.askReadsAsPayment': 0, 'us.credibilityLossPerAsk': 0 },
    offMeans: 'Asking for help is free: China does not read it as a buyer at the table.',
  },
  C10: {
    id: 'C10',
    summary: "Showing the world, Europe above all, that China keeps Kim going raises China's costs and pulls Europe to the US side.",
    where: '2023¶13, 2022¶7',
    rules: ['exposeBeijing', 'exposureGain', 'sanctionsReach', 'leverageExposed', 'xiRequestLikelihood (exposure deters)'],
    off: { 'us.exposeStrength': 0, 'us.exposeEvidenceBonus': 0, 'us.europeResponsiveness': 0, 'pressure.exposureDeters': 0 },
    offMeans: 'Exposure moves no one: it neither stigmatises China nor shifts Europe.',
  },
  C11: {
    id: 'C11',
    summary: 'Keep up pressure on Kim (exercises, Japan, a carrier, seizing his money in European banks) while keeping the door open to a lasting deal.',
    where: '2022¶4, 2023¶13',
    rules: ['sanction', 'sanctionsBite', 'posture', 'openDiplomaticTrack', 'settlementReached', 'backSanctions', 'blockSanctions', 'trackReachesDeal', 'contractsHold (verification, sequencing)'],
    off: { 'us.sanctionEconomyBite': 0, 'us.postureStep': 0, 'us.diplomacyStep': 0 },
    offMeans: 'Sanctions, posture and diplomacy have no effect.',
  },
  C12: {
    id: 'C12',
    summary: 'Kim must find that escalation costs more than it brings, and Xi must share the disgrace of backing him.',
    where: '2022¶8',
    rules: ['testMissile (deterrence discounts prestige)', 'warRisk', 'ladderWarRisk (Kim reads the incident ladder)', 'payoffs (China exposure term)'],
    off: { 'crisis.deterrenceDampsPrestige': 0, 'payoffs.china.exposure': 0 },
    offMeans: "Deterrence does not shrink what a test buys, and exposure carries no stigma for China.",
  },
  C13: {
    id: 'C13',
    summary: 'Whether Xi asks Kim at all is uncertain, but more likely the worse US-China relations get.',
    where: '2020¶10, 2023¶7',
    rules: ['xiRequestLikelihood', 'driftUsChinaTension'],
    off: { 'pressure.requestTensionSlope': 0 },
    offMeans: "US-China tension no longer makes Xi's request more likely.",
  },
};

export function isClaimId(id: string): id is ClaimId {
  return (CLAIM_IDS as readonly string[]).includes(id);
}

/**
 * Every line of the columns a locator may point at: lines that carry an argument, never a
 * headline, a photo caption, a repeated title, a link to another article or boilerplate.
 * `about` is a few words of ours saying what the line argues; `sha256` is the first 12 hex
 * digits of the SHA-256 of the line's text, taken when it was checked, so anyone holding
 * the columns can confirm a locator without the product ever shipping or reading them.
 * Left out on purpose: line 1 of 2020 and of 2022 (headlines), the last line of 2020
 * (a link list), lines 1-6 of 2023 (headline, caption, repeated title, video embed), its
 * line 9 (another article's headline) and its lines from 14 on (a slogan, boilerplate).
 */
export const LOCATORS: Record<string, { about: string; sha256: string }> = {
  '2020¶2': { about: 'state media rants show Xi is displeased with Trump', sha256: '98cdc1e93bc1' },
  '2020¶3': { about: 'jet intercepts, Hong Kong, cyber campaigns: pressure in other forms', sha256: 'bca58ba57ffa' },
  '2020¶4': { about: 'North Korea as a deniable pressure point; influence played down, dialled up or down, for concessions', sha256: '838f9531e05c' },
  '2020¶5': { about: 'the risk is the US finding out', sha256: 'eb3b0b778844' },
  '2020¶6': { about: 'human couriers dodge US and South Korean intelligence watching Kim', sha256: 'd372fe97e8b3' },
  '2020¶7': { about: 'a nuclear or ICBM test at Xi\'s request is risky for Kim', sha256: 'a5848542ba7a' },
  '2020¶8': { about: 'sanctions, the end of the detente track, and looking like Xi\'s tool at home', sha256: '3ddaf70b8ee3' },
  '2020¶9': { about: 'refusing risks the trade lifeline, the creaking economy, Kim\'s position', sha256: '003e4af49825' },
  '2020¶10': { about: 'Xi may not ask, but rising US-China tension makes it likelier', sha256: '60176c6524e2' },
  '2022¶2': { about: 'a long missile flight over Japan shows the will to escalate', sha256: '46b49c990509' },
  '2022¶3': { about: 'Kim sells pauses for money, betting a distracted Washington will pay', sha256: 'f9e6866f28a3' },
  '2022¶4': { about: 'do not reward blackmail: umbrella, signal to adversaries; exercises, Japan, carrier, seize funds in Europe', sha256: 'e1a95480260d' },
  '2022¶5': { about: 'never ask Beijing for help: it would extract concessions', sha256: '59ec8be19d96' },
  '2022¶6': { about: 'Beijing is transactional and would bill its help, chip controls for instance', sha256: '17ad4e5cbd74' },
  '2022¶7': { about: 'expose China as Kim\'s economic lifeline, above all to an already frustrated Europe', sha256: '16f4ccf2d39c' },
  '2022¶8': { about: 'escalation must cost Kim more than it brings; Xi shares the disgrace', sha256: '66a5de1f0114' },
  '2023¶7': { about: 'the US aligns allies on Taiwan and trade; Beijing seeks ways to press back', sha256: 'bf98a11d38bd' },
  '2023¶8': { about: 'Xi\'s warm letter to Kim as a hint', sha256: 'f8f5225dae71' },
  '2023¶10': { about: 'missile tests, ICBMs among them; the letter\'s silence shows Beijing at ease with them', sha256: '8a389d30ef7b' },
  '2023¶11': { about: 'the stance is no surprise', sha256: '6ed247dd997c' },
  '2023¶12': { about: 'the missile programme as carrot and stick; the price: Taiwan support, chip controls', sha256: '9ac5df45193f' },
  '2023¶13': { about: 'show Xi\'s game to Europe; keep pressure on Kim and the door open to a durable deal', sha256: 'b817347928ff' },
};

/** Every locator written in a text (`2020¶5-6` and `2020¶5–6` stand for ¶5 and ¶6), in order. */
export function locatorsIn(text: string): { written: string; locators: string[] }[] {
  const out: { written: string; locators: string[] }[] = [];
  for (const m of text.matchAll(/(\d{4})¶(\d+)(?:\s*[-–]\s*(\d+))?/g)) {
    const [written, year, from, to] = m as unknown as [string, string, string, string | undefined];
    const first = Number(from);
    const last = to === undefined ? first : Number(to);
    const locators: string[] = [];
    for (let n = first; n <= Math.max(first, last); n++) locators.push(`${year}¶${n}`);
    out.push({ written, locators });
  }
  return out;
}

/** The three columns the claims come from: the year key of a locator, the title, when. */
export const COLUMNS = [
  { key: '2020', title: 'Will China use North Korea to pressure Trump?', when: 'mid-2020, as US-China tensions rose under President Trump' },
  { key: '2022', title: 'Biden must not let China use North Korea as leverage', when: 'October 2022, after a North Korean missile flew over Japan' },
  { key: '2023', title: 'Xi hints at leveraging North Korea to pressure US', when: "spring 2023, after Xi's letter to Kim (Washington Examiner)" },
] as const;
