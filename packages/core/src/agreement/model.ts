/**
 * The vocabulary of joint-building agreements (结对共建): the five joint areas (五联, R49), the pairing forms
 * (R49, R48), the parties (Party organizations or outside units), the term (R50) and the coded reasons and
 * ratings. Ids are opaque; a liaison or signatory is an id with an optional role, never a person's name.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"

/**
 * The five joint areas, 五联 (R49): 经济建设联抓 `economy`, 文化事业联搞 `culture`, 公益事业联建
 * `publicWelfare`, 社会治安联防 `publicSecurity`, 思想道德联做 `ideologyMorality`.
 *
 * @category models
 * @since 0.1.0
 */
export const Area = Schema.Literals(["economy", "culture", "publicWelfare", "publicSecurity", "ideologyMorality"])

/**
 * @category models
 * @since 0.1.0
 */
export type Area = typeof Area.Type

/**
 * Every area, in the order of RULES.md R49.
 *
 * @category constants
 * @since 0.1.0
 */
export const areas: ReadonlyArray<Area> = ["economy", "culture", "publicWelfare", "publicSecurity", "ideologyMorality"]

/**
 * The pairing forms (R49: 领导干部与基层结对 `leaderToGrassroots`, 机关部门与基层结对 `departmentToGrassroots`,
 * 基层纵横网格式结对 `gridPairing`; R48: 村居联建 `villageCommunity`, 村企联建 `villageEnterprise`).
 *
 * @category models
 * @since 0.1.0
 */
export const Form = Schema.Literals([
  "leaderToGrassroots",
  "departmentToGrassroots",
  "gridPairing",
  "villageCommunity",
  "villageEnterprise"
])

/**
 * @category models
 * @since 0.1.0
 */
export type Form = typeof Form.Type

/**
 * The type of an outside unit: an enterprise, a government agency, a social organization.
 *
 * @category models
 * @since 0.1.0
 */
export const UnitType = Schema.Literals(["enterprise", "agency", "socialOrganization"])

/**
 * @category models
 * @since 0.1.0
 */
export type UnitType = typeof UnitType.Type

/**
 * A liaison (联络员, R50): an opaque id and an optional role label. No personal data.
 *
 * @category models
 * @since 0.1.0
 */
export const Liaison = Schema.Struct({ liaisonId: Schema.String, role: Schema.optionalKey(Schema.String) })

/**
 * @category models
 * @since 0.1.0
 */
export type Liaison = typeof Liaison.Type

/**
 * A Party organization as a party to the agreement. It must exist and not be dissolved when the agreement
 * is signed or renewed (R50).
 *
 * @category models
 * @since 0.1.0
 */
export const OrganizationParty = Schema.TaggedStruct("OrganizationParty", {
  orgId: Schema.String,
  liaison: Liaison
})

/**
 * An outside unit as a party: an enterprise, agency or social organization, with its (unit) name and type.
 *
 * @category models
 * @since 0.1.0
 */
export const OutsideUnitParty = Schema.TaggedStruct("OutsideUnitParty", {
  unitId: Schema.String,
  name: Schema.String,
  unitType: UnitType,
  liaison: Liaison
})

/**
 * @category models
 * @since 0.1.0
 */
export const Party = Schema.Union([OrganizationParty, OutsideUnitParty])

/**
 * @category models
 * @since 0.1.0
 */
export type Party = typeof Party.Type

/**
 * The id of a party: its organization id or its unit id. Two parties with the same id are the same party.
 *
 * @category getters
 * @since 0.1.0
 */
export const partyIdOf = (party: Party): string => party._tag === "OrganizationParty" ? party.orgId : party.unitId

/**
 * A term with a start and an end (both inclusive), or explicitly open-ended (R50: no national term exists,
 * so an agreement states one or says it has none).
 *
 * @category models
 * @since 0.1.0
 */
export const Term = Schema.Union([
  Schema.Struct({ startDate: LegalDate, endDate: LegalDate }),
  Schema.Struct({ startDate: LegalDate, openEnded: Schema.Literal(true) })
])

/**
 * @category models
 * @since 0.1.0
 */
export type Term = typeof Term.Type

/**
 * The last day of a term, or undefined when it is open-ended.
 *
 * @category getters
 * @since 0.1.0
 */
export const endOf = (term: Term | undefined): LegalDate | undefined =>
  term !== undefined && "endDate" in term ? term.endDate : undefined

/**
 * Who signed for a party (R50: the branch secretaries sign): an opaque id and an optional role.
 *
 * @category models
 * @since 0.1.0
 */
export const Signatory = Schema.Struct({
  partyId: Schema.String,
  signatoryId: Schema.String,
  role: Schema.optionalKey(Schema.String)
})

/**
 * @category models
 * @since 0.1.0
 */
export type Signatory = typeof Signatory.Type

/**
 * Why an agreement ended before its term: its goals were met, both sides agreed, one side withdrew, a
 * party organization was dissolved, or another reason.
 *
 * @category models
 * @since 0.1.0
 */
export const TerminationReason = Schema.Literals([
  "completed",
  "mutualConsent",
  "withdrawal",
  "partyDissolved",
  "other"
])

/**
 * @category models
 * @since 0.1.0
 */
export type TerminationReason = typeof TerminationReason.Type

/**
 * The outcome of a periodic evaluation (R50: 定期评估和反馈).
 *
 * @category models
 * @since 0.1.0
 */
export const Rating = Schema.Literals(["excellent", "good", "fair", "poor"])

/**
 * @category models
 * @since 0.1.0
 */
export type Rating = typeof Rating.Type
